// Measures the built app (dist/) in headless chromium and prints a table:
// download sizes, judge start-up, Submit-to-verdict time, and Python speed
// in the browser against CPython on this machine. Run after `trunk build --release`:
//   node bench/judge.mjs [--runs N]
// Figures in the README come from this script.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launch, startServer, DIST } from '../tests/e2e/pyprep.mjs';
import { wasmReader } from './wasm.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 10;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A wasm module's code section and data section (the frozen standard
 * library, the catalog and tables), each as its bytes. */
function wasmSections(wasm) {
  const found = [];
  const r = wasmReader(wasm);
  while (r.at < wasm.length) {
    const id = wasm[r.at++];
    const length = r.leb();
    const names = { 10: 'code section', 11: 'data section (standard library, catalog, tables)' };
    if (names[id]) found.push([names[id], wasm.subarray(r.at, r.at + length)]);
    r.at += length;
  }
  return found;
}

function sizes() {
  const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
  const all = files(DIST);
  const raw = (f) => statSync(f).size;
  const gz = (f) => gzipSync(readFileSync(f), { level: 6 }).length;
  const br = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const judge = join(DIST, 'judge/judge.wasm');
  const later = join(DIST, 'judge/stdlib-later.frozen');
  // The judge as cargo built it, before www/build.mjs left out its name section.
  const target = process.env.CARGO_TARGET_DIR || fileURLToPath(new URL('../target', import.meta.url));
  const built = join(target, 'wasm32-wasip1/judge/pyprep.wasm');
  const ui = all.filter((f) => f.endsWith('_bg.wasm'));
  return [
    ['judge (judge.wasm)', `${mb(raw(judge))} (${mb(gz(judge))} gzipped, ${mb(br(readFileSync(judge)))} brotli)`],
    ...wasmSections(readFileSync(judge)).map(([what, bytes]) => [`judge's ${what}`, `${mb(bytes.length)} (${mb(br(bytes))} brotli)`]),
    ["standard library, later part (judge/stdlib-later.frozen)", `${mb(raw(later))} (${mb(gz(later))} gzipped, ${mb(br(readFileSync(later)))} brotli)`],
    ...(existsSync(built) ? [['judge as built, with its name section (target/)', `${mb(raw(built))} (${mb(gz(built))} gzipped)`]] : []),
    ['UI (Yew app wasm)', ui.map((f) => `${mb(raw(f))} (${mb(gz(f))} gzipped)`).join(', ')],
    ['whole app', `${mb(all.reduce((s, f) => s + raw(f), 0))} (${mb(all.reduce((s, f) => s + gz(f), 0))} gzipped)`],
  ];
}

const PERF = `import time
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
t = time.perf_counter(); fib(22); a = time.perf_counter() - t
t = time.perf_counter()
s = 0
for i in range(1000000):
    s += i
b = time.perf_counter() - t
t = time.perf_counter()
best = 0
for x in range(100, 1000):
    for y in range(x, 1000):
        p = x * y
        if p > best and str(p) == str(p)[::-1]:
            best = p
c = time.perf_counter() - t
print(round(a * 1000), round(b * 1000), round(c * 1000))
`;

const { server, url } = await startServer('/');
const browser = await launch();
const page = await browser.newPage();
await page.goto(url);

/** Runs one request in a fresh worker; returns event times relative to posting. */
async function timedRun(request) {
  return page.evaluate(async (request) => {
    const started = performance.now();
    const w = new Worker('judge/worker.js');
    const times = {};
    const out = [];
    await new Promise((ok) => {
      let posted = 0;
      w.onmessage = async (e) => {
        const m = JSON.parse(e.data);
        const now = performance.now();
        if (m.type === 'loaded') {
          times.loaded = now - started;
          // As a user clicks, a moment after the page has loaded: by then
          // the worker has prepared the run's interpreter (where it can).
          await new Promise((resolve) => setTimeout(resolve, 1000));
          posted = performance.now();
          // The sandbox's stdin as src/core/protocol.rs builds it: a key line, then the request.
          w.postMessage(JSON.stringify({ type: 'run', run: 1, stdin: `${'0'.repeat(64)}\n${JSON.stringify(request)}` }));
        } else if (m.type === 'line') {
          // `SEQ TAG JSON`: a benchmark reads the event without checking its tag.
          const event = JSON.parse(m.line.split(' ').slice(2).join(' '));
          if (event.event === 'ready') times.ready = now - posted;
          if (event.event === 'output') out.push(event.text);
          if (event.event === 'finished') times.finished = now - posted;
        } else {
          times.end = now - posted;
          ok();
        }
      };
    });
    w.terminate();
    return { times, out: out.join('') };
  }, request);
}

const prime = readFileSync(new URL('../challenges/is-prime/solution.py', import.meta.url), 'utf8');
const samples = [];
for (let i = 0; i < runs; i++) samples.push((await timedRun({ challenge: 'is-prime', code: prime, mode: 'submit' })).times);
// Python speed: the workloads as a program, in the browser and under CPython.
const program = { challenge: 'greeting', code: PERF, mode: 'run' };
const browserPerf = (await timedRun(program)).out.trim().split('\n')[0].split(' ').map(Number);
let cpython = null;
try {
  cpython = execFileSync('python3', ['-c', PERF]).toString().trim().split(' ').map(Number);
} catch {
  cpython = null;
}
await browser.close();
server.close();

const rows = [
  ...sizes(),
  ['judge download and compile (first run, local server)', `${Math.round(samples[0].loaded)} ms`],
  [`run posted to interpreter ready, a second after loading (median of ${runs})`, `${Math.round(median(samples.map((s) => s.ready)))} ms`],
  [`Submit to verdict, is-prime reference, 16 tests (median of ${runs})`, `${Math.round(median(samples.map((s) => s.finished)))} ms`],
];
const names = ['fib(22), recursive', 'sum of range(10**6), loop', 'largest 3-digit palindrome product'];
names.forEach((n, i) => rows.push([`${n}: browser / CPython`, `${browserPerf[i]} ms / ${cpython ? cpython[i] + ' ms' : 'python3 not found'}`]));
console.log(`| measure | value |\n|---|---|\n${rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n')}`);
