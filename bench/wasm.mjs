// Reading a WebAssembly binary, for the benchmarks that weigh the judge
// (bench/judge.mjs, bench/code-size.mjs).

/** A reader over `bytes` from offset `at` (after the 8-byte header by default). */
export function wasmReader(bytes, at = 8) {
  const r = {
    at,
    /** An unsigned LEB128 number. */
    leb() {
      let value = 0;
      let shift = 0;
      let byte;
      do {
        byte = bytes[r.at++];
        value += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      return value;
    },
    /** A length-prefixed UTF-8 name. */
    name() {
      const length = r.leb();
      const text = bytes.subarray(r.at, r.at + length).toString();
      r.at += length;
      return text;
    },
  };
  return r;
}
