// Where the judge's code goes: the size of its functions' bodies by crate
// (and, for RustPython's vm and stdlib, by module), read from the name
// section of the judge as built (it is stripped from the shipped copy).
// Run after a build of the WASI judge (`trunk build --release` or
// `node www/build.mjs`):
//   node bench/code-size.mjs [path/to/pyprep.wasm] [--top N]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wasmReader } from './wasm.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
const path = resolve(args[0] || join(root, 'target/wasm32-wasip1/judge/pyprep.wasm'));
if (!existsSync(path)) {
  console.error(`no ${path}: build the WASI judge first (trunk build --release)`);
  process.exit(2);
}
const wasm = readFileSync(path);
const r = wasmReader(wasm);
const leb = () => r.leb();
const name = () => r.name();

// Imported functions come first in the function index space.
let imported = 0;
const bodies = [];
const names = new Map();
while (r.at < wasm.length) {
  const id = wasm[r.at++];
  const end = leb() + r.at;
  if (id === 2) {
    for (let n = leb(); n > 0; n--) {
      name();
      name();
      const kind = wasm[r.at++];
      if (kind === 0) { leb(); imported++; } else if (kind === 1) { r.at++; if (leb() & 1) leb(); leb(); } else if (kind === 2) { if (leb() & 1) leb(); leb(); } else r.at += 2;
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const size = leb();
      bodies.push(size);
      r.at += size;
    }
  } else if (id === 0 && name() === 'name') {
    while (r.at < end) {
      const sub = wasm[r.at++];
      const subEnd = leb() + r.at;
      if (sub === 1) for (let n = leb(); n > 0; n--) names.set(leb(), name());
      r.at = subEnd;
    }
  }
  r.at = end;
}
if (names.size === 0) {
  console.error(`${path} has no name section (the shipped judge is stripped; use the one in target/)`);
  process.exit(2);
}

/** The crate of a legacy-mangled Rust symbol (for `<T as Trait>` impls, T's crate), or the symbol. */
function crateOf(symbol) {
  const m = /^_ZN(\d+)(.*)$/.exec(symbol);
  if (!m) return symbol.split(/[:(]/)[0] || symbol;
  const first = m[2].slice(0, Number(m[1]));
  const inner = /^_\$LT\$(?:\$RF\$)?(?:mut\$u20\$)?(?:dyn\$u20\$)?([A-Za-z_][A-Za-z0-9_]*)/.exec(first);
  return inner ? inner[1] : first;
}
/** The path of a legacy-mangled symbol: each part is its length, then its text. */
function pathOf(symbol) {
  const parts = [];
  let i = 3; // after `_ZN`
  while (i < symbol.length && /\d/.test(symbol[i])) {
    let j = i;
    while (/\d/.test(symbol[j])) j++;
    const length = Number(symbol.slice(i, j));
    parts.push(symbol.slice(j, j + length));
    i = j + length;
  }
  return parts;
}
/** For RustPython's vm and stdlib, the module under the crate (`builtins` and `stdlib` one level deeper). */
function moduleOf(symbol) {
  if (!symbol.startsWith('_ZN')) return null;
  const [crate, ...path] = pathOf(symbol);
  if (crate !== 'rustpython_vm' && crate !== 'rustpython_stdlib') return null;
  const depth = ['builtins', 'stdlib'].includes(path[0]) ? 2 : 1;
  return [crate, ...path.slice(0, depth)].join('::');
}
const byCrate = new Map();
const byModule = new Map();
bodies.forEach((size, i) => {
  const symbol = names.get(i + imported) || '?';
  byCrate.set(crateOf(symbol), (byCrate.get(crateOf(symbol)) || 0) + size);
  const module = moduleOf(symbol);
  if (module) byModule.set(module, (byModule.get(module) || 0) + size);
});
const total = bodies.reduce((a, b) => a + b, 0);
const table = (title, map) => {
  console.log(`| ${title} | bytes | share |\n|---|---|---|`);
  for (const [key, size] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`| ${key} | ${size.toLocaleString('en')} | ${((100 * size) / total).toFixed(1)} % |`);
  }
  console.log();
};
console.log(`${path}: ${bodies.length.toLocaleString('en')} functions, ${total.toLocaleString('en')} bytes of code\n`);
table('crate', byCrate);
table('module of RustPython', byModule);
