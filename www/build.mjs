// Prepares what Trunk copies into the app (run by Trunk's pre_build hook, or by hand):
//   www/gen/editor.js        CodeMirror, bundled as an ES module the Rust UI imports
//   www/gen/judge/worker.js  the judge worker, with the WASI shim bundled in
//   www/gen/judge/judge.wasm the judge (`pyprep` built for wasm32-wasip1, profile
//                            `judge`). Not run through wasm-opt: that takes minutes
//                            and saved 3 % of the gzipped size, with no gain in speed
//                            or in how deep Python can recurse once V8 optimises it.
//                            Its name section (function names for stack traces)
//                            is left out: the copy under target/ keeps it
//                            (`node bench/judge.mjs` prints both sizes).
//   www/gen/judge/stdlib-later.frozen  the modules of the standard library
//                            the judge does not hold itself, written by its
//                            build script (src/judge/stdlib/later.txt)
// Everything comes from the packages npm and cargo installed; nothing is downloaded.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const common = { bundle: true, minify: true, legalComments: 'eof', target: ['es2020'], logLevel: 'warning' };
await build({ ...common, entryPoints: ['www/editor.js'], outfile: 'www/gen/editor.js', format: 'esm' });
/** Runs `command`, showing what it prints to stderr; returns its stdout. */
function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['inherit', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
}

// Cargo's messages (JSON, one per line) name the folder the judge's build
// script wrote the standard library's later part to.
const messages = run(process.env.CARGO || 'cargo', [
  'build', '-p', 'pyprep', '--profile', 'judge', '--target', 'wasm32-wasip1', '--bin', 'pyprep',
  '--message-format=json-render-diagnostics',
]);
const targetDir = process.env.CARGO_TARGET_DIR || join(root, 'target');
const built = join(targetDir, 'wasm32-wasip1', 'judge', 'pyprep.wasm');
const out = 'www/gen/judge/judge.wasm';
mkdirSync(dirname(out), { recursive: true });

writeFileSync(out, withoutCustomSections(readFileSync(built), ['name', 'producers']));
const judgeScript = messages
  .split('\n')
  .filter((line) => line.startsWith('{'))
  .map((line) => JSON.parse(line))
  .find((m) => m.reason === 'build-script-executed' && existsSync(join(m.out_dir, 'stdlib-later.frozen')));
if (!judgeScript) throw new Error("cargo did not say where the judge's build script wrote its files");
copyFileSync(join(judgeScript.out_dir, 'stdlib-later.frozen'), 'www/gen/judge/stdlib-later.frozen');

// The worker knows which modules come in the standard library's later file,
// and asks for the file of this build by its fingerprint (so no cache on the
// way can hand it another build's).
const laterModules = readFileSync('src/judge/stdlib/later.txt', 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const laterFingerprint = readFileSync(join(judgeScript.out_dir, 'stdlib-later.fingerprint'), 'utf8').trim();
await build({
  ...common,
  entryPoints: ['www/worker.js'],
  outfile: 'www/gen/judge/worker.js',
  format: 'iife',
  define: { __LATER_MODULES__: JSON.stringify(laterModules), __LATER_FINGERPRINT__: JSON.stringify(laterFingerprint) },
});

/** `wasm` without the custom sections of those names (they only describe the code). */
function withoutCustomSections(wasm, names) {
  let at = 8; // after the magic number and the version
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return value;
    }
  };
  const kept = [wasm.subarray(0, at)];
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++];
    const end = leb() + at;
    if (end > wasm.length) throw new Error(`${built}: a section runs past the end of the file`);
    let name = null;
    if (id === 0) {
      const length = leb();
      name = wasm.subarray(at, at + length).toString();
    }
    at = end;
    if (!names.includes(name)) kept.push(wasm.subarray(start, end));
  }
  return Buffer.concat(kept);
}
