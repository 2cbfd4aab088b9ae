// PyPrep beside a Pyodide checker and native CPython, measured in one
// headless-Chromium run through the pages, as a user would use them:
// download sizes, cold start, click-to-verdict and interpreter throughput.
// Builds nothing; run it after `trunk build --release` (dist/) and `npm ci`
// (the `pyodide` package):
//   node bench/compare.mjs [--runs 20] [--out bench/results.json] [--pyodide-only]
// It serves dist/ (under /app/), the npm `pyodide` package and the checker
// page (bench/pyodide/) from one local server with HTTP caching off, and
// counts every file the browser asks it for. PyPrep is used through its pages: the
// questions for the verdicts, the playground for the throughput programs.
// Prints a Markdown table and writes the figures as JSON. It reports; it
// asserts nothing about speed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { DIST, launch } from '../tests/e2e/pyprep.mjs';
import { serve } from '../tests/e2e/serve.mjs';
import { throughputPrograms } from './programs.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const RUNS = Number(option('--runs', 20));
const OUT = option('--out', join(root, 'bench/results.json'));
const PYODIDE_ONLY = args.includes('--pyodide-only');
const PYODIDE = join(root, 'node_modules/pyodide');
const QUESTIONS = ['is-prime', 'merge-sort'];
const progress = (text) => process.stderr.write(`${text}\n`);

// Throughput programs (bench/programs.mjs): each times only its workload,
// with setup outside the clock, and prints `BENCH <ms>`. Each runs twice, in a
// fresh namespace (or process) each time; the faster run counts.
const PROGRAMS = throughputPrograms().map(([name, setup, work]) => [name, `import time
${setup}
started = time.perf_counter()
${work.trim()}
print("BENCH", (time.perf_counter() - started) * 1000)
`]);

// ---------------------------------------------------------------- serving

function precondition(ok, message) {
  if (!ok) {
    console.error(message);
    process.exit(2);
  }
}
precondition(PYODIDE_ONLY || existsSync(join(DIST, 'sw.js')), `no release build in ${DIST}/: run \`trunk build --release\` first`);
precondition(existsSync(join(PYODIDE, 'pyodide.js')), 'no node_modules/pyodide: run `npm ci` first');

/** The tests of a question as JSON, read with Python's tomllib (the checker page fetches them). */
function questionTests(id) {
  const script = 'import json, sys, tomllib; print(json.dumps(tomllib.load(open(sys.argv[1], "rb"))["tests"]))';
  return execFileSync('python3', ['-c', script, join(root, 'challenges', id, 'challenge.toml')]).toString();
}

// One origin: /app/ is PyPrep (any subpath works), /checker/ the Pyodide
// checker, /pyodide/ the npm package, /data/ the checker's tests.
const site = mkdtempSync(join(tmpdir(), 'pyprep-compare-'));
if (!PYODIDE_ONLY) symlinkSync(resolve(DIST), join(site, 'app'));
symlinkSync(PYODIDE, join(site, 'pyodide'));
symlinkSync(join(root, 'bench/pyodide'), join(site, 'checker'));
mkdirSync(join(site, 'data'));
for (const id of QUESTIONS) writeFileSync(join(site, 'data', `${id}.json`), questionTests(id));

/** Every request the server answered: the path and when it arrived (epoch ms). */
const requests = [];
const server = await serve(site, { base: '/', cacheControl: 'no-store', onRequest: (path) => requests.push({ path, at: Date.now() }) });
const origin = `http://127.0.0.1:${server.address().port}`;

const compressed = new Map();
/** Raw, gzip (level 6) and brotli (quality 11) sizes of a served file, as static hosts would send it. */
function sizes(path) {
  if (!compressed.has(path)) {
    const file = join(site, path);
    let entry = { raw: 0, gzip: 0, brotli: 0 };
    if (existsSync(file) && statSync(file).isFile()) {
      const bytes = readFileSync(file);
      entry = { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length, brotli: brotliCompressSync(bytes).length };
    }
    compressed.set(path, entry);
  }
  return compressed.get(path);
}

/** What the server sent for the requests under `prefixes` that arrived between `from` and `until` (epoch ms). */
function fetched({ prefixes, from, until }) {
  const total = { raw: 0, gzip: 0, brotli: 0, files: {} };
  for (const r of requests) {
    if (!prefixes.some((p) => r.path.startsWith(p)) || r.at < from || r.at > until) continue;
    const s = sizes(r.path);
    total.raw += s.raw;
    total.gzip += s.gzip;
    total.brotli += s.brotli;
    total.files[r.path] = (total.files[r.path] || 0) + 1;
  }
  return total;
}

// ---------------------------------------------------------------- in the page

/**
 * Installed in each page before its scripts run. `__bench.press(button,
 * outcome)` clicks the button of that name and resolves when the element
 * `outcome` shows a finished verdict (after a "Running" one);
 * `__bench.submit()` does it for Submit and the results. `__bench.first` is
 * the first verdict of a Submit clicked as soon as the editor is there with
 * the answer to the page's question in it (`answers`: question id to answer,
 * without white space).
 */
function pageHooks(answers) {
  const question = new URLSearchParams(location.search).get('q') || location.hash.match(/^#\/q\/([^?]*)/)?.[1];
  const answer = answers[question];
  const bench = (window.__bench = { marks: {} });
  const button = (name) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
  const editorText = () => {
    const editor = document.querySelector('.cm-content') || document.querySelector('textarea');
    return editor ? editor.textContent : null;
  };
  bench.press = (name, outcome) => new Promise((resolve) => {
    const shown = () => document.querySelector(outcome)?.textContent.trim() ?? '';
    let running = false;
    const clicked = performance.now();
    const observer = new MutationObserver(check);
    function check() {
      const text = shown();
      if (text.startsWith('Running')) {
        running = true;
      } else if (running && text) {
        const at = performance.now();
        observer.disconnect();
        resolve({ verdict: text, at, ms: at - clicked });
      }
    }
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    button(name).click();
    check();
  });
  bench.submit = () => bench.press('Submit', '.results p.outcome');
  bench.first = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const text = editorText();
      if (bench.marks.usable === undefined && text !== null && button('Submit')) bench.marks.usable = performance.now();
      if (bench.marks.usable !== undefined && text?.replace(/\s+/g, '').includes(answer)) {
        observer.disconnect();
        bench.submit().then(resolve);
      }
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  });
}

const b64url = (text) => Buffer.from(text).toString('base64url');
const solution = (id) => readFileSync(join(root, 'challenges', id, 'solution.py'), 'utf8');

/**
 * Opens `url` in a fresh context (nothing cached, no service worker), lets
 * the hooks click Submit as soon as they can, and returns the cold figures
 * and the windows of requests (under `prefixes`) to count bytes in.
 */
async function cold(browser, url, prefixes) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e}`));
  await page.addInitScript(pageHooks, Object.fromEntries(QUESTIONS.map((id) => [id, solution(id).replace(/\s+/g, '')])));
  await page.goto(url, { waitUntil: 'commit' });
  const first = await page.evaluate(() => window.__bench.first);
  const { usable, origin: start } = await page.evaluate(() => ({ usable: window.__bench.marks.usable, origin: performance.timeOrigin }));
  return {
    context,
    page,
    figures: {
      usable_ms: usable,
      first_verdict_ms: first.at,
      first_verdict: first.verdict,
      // Counted once the browser is closed: compressing takes a while.
      bytes_until_usable: { prefixes, from: start - 1, until: start + usable },
      bytes_until_first_verdict: { prefixes, from: start - 1, until: start + first.at },
    },
  };
}

/** How long a user is taken to look at a verdict before the next click, for the paused warm Submits. */
const PAUSE_MS = 1000;

/**
 * `runs` Submits, each timed from the click to the verdict on the page: one
 * right after another (the click as soon as the last verdict shows), or
 * `pauseMs` after the last verdict, as a user reads it before clicking again.
 */
async function warm(page, runs, pauseMs = 0) {
  await page.evaluate(() => window.__bench.submit()); // warm-up
  const samples = [];
  for (let i = 0; i < runs; i++) {
    if (pauseMs) await page.waitForTimeout(pauseMs);
    samples.push(await page.evaluate(() => window.__bench.submit()));
  }
  const verdicts = [...new Set(samples.map((s) => s.verdict))];
  return { ...summary(samples.map((s) => s.ms)), verdicts };
}

function summary(ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median_ms: median, p95_ms: sorted[Math.ceil(0.95 * sorted.length) - 1], samples_ms: ms };
}

/** The fastest of the `BENCH <ms>` lines a program printed. */
function best(output) {
  const times = [...output.matchAll(/^BENCH ([0-9.eE+-]+)$/gm)].map((m) => Number(m[1]));
  return times.length ? Math.min(...times) : null;
}

// ---------------------------------------------------------------- PyPrep

/**
 * Runs a program twice in PyPrep's playground, typed into its editor as a
 * user would; returns what it printed.
 */
async function pyprepPlayground(page, code) {
  const editor = page.getByRole('textbox', { name: /^Python code for / });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  const printed = [];
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => window.__bench.press('Run', '.console-box p.outcome'));
    printed.push(await page.locator('pre.console').textContent());
  }
  return printed.join('\n');
}

/** Cold start and warm Submits; leaves the page on the playground, for the throughput programs. */
async function measurePyPrep(browser) {
  progress('PyPrep: cold start');
  const prime = solution('is-prime');
  const { context, page, figures } = await cold(browser, `${origin}/app/#/q/is-prime?code=${b64url(prime)}`, ['app/']);
  progress('PyPrep: warm Submits');
  figures.warm = { 'is-prime': await warm(page, RUNS) };
  figures.warm_paused = { 'is-prime': await warm(page, RUNS, PAUSE_MS) };
  await page.goto(`${origin}/app/#/q/merge-sort?code=${b64url(solution('merge-sort'))}`);
  await page.waitForFunction(() => document.querySelector('.cm-content')?.textContent.includes('def merge_sort'));
  figures.warm['merge-sort'] = await warm(page, RUNS);
  await page.goto(`${origin}/app/#/play`);
  figures.throughput = {};
  return { context, figures, program: (code) => pyprepPlayground(page, code) };
}

// ---------------------------------------------------------------- Pyodide

async function measurePyodide(browser) {
  progress('Pyodide: cold start, warm Submits');
  const checker = (id) => `${origin}/checker/?q=${id}&code=${b64url(solution(id))}`;
  const { context, page, figures } = await cold(browser, checker('is-prime'), ['checker/', 'pyodide/', 'data/']);
  figures.warm = { 'is-prime': await warm(page, RUNS) };
  figures.warm_paused = { 'is-prime': await warm(page, RUNS, PAUSE_MS) };
  await page.goto(checker('merge-sort'));
  await page.evaluate(() => window.__bench.first);
  figures.warm['merge-sort'] = await warm(page, RUNS);
  figures.throughput = {};
  const program = async (code) => {
    const outputs = [];
    for (let i = 0; i < 2; i++) outputs.push(await page.evaluate((code) => window.runProgram(code), code));
    return outputs.join('');
  };
  return { context, figures, program };
}

// ---------------------------------------------------------------- CPython

function cpythonProgram(code) {
  return [0, 1].map(() => execFileSync('python3', ['-c', code]).toString()).join('');
}

// ---------------------------------------------------------------- run

const browser = await launch();
const results = {
  date: new Date().toISOString(),
  chromium: browser.version(),
  pyodide: JSON.parse(readFileSync(join(PYODIDE, 'package.json'), 'utf8')).version,
  runs: RUNS,
  tests: Object.fromEntries(QUESTIONS.map((id) => [id, JSON.parse(readFileSync(join(site, 'data', `${id}.json`), 'utf8')).length])),
};
// One thing at a time, so that nothing competes for the two cores.
const pyprep = PYODIDE_ONLY ? null : await measurePyPrep(browser);
const pyodide = await measurePyodide(browser);
results.pyprep = pyprep?.figures;
results.pyodide_checker = pyodide.figures;
results.cpython = { version: execFileSync('python3', ['--version']).toString().trim(), throughput: {} };
// Program by program, the three side by side, so that a slower moment of the machine hits all three.
for (const [name, code] of PROGRAMS) {
  progress(`throughput: ${name}`);
  for (const [engine, run] of [[pyprep, pyprep?.program], [pyodide, pyodide.program]]) {
    if (!engine) continue;
    const output = await run(code);
    engine.figures.throughput[name] = best(output);
    if (engine.figures.throughput[name] === null) console.error(`${name}: no timing in ${JSON.stringify(output.slice(0, 300))}`);
  }
  results.cpython.throughput[name] = best(cpythonProgram(code));
}
await browser.close();
server.close();
progress('compressing what was fetched');
for (const f of [results.pyprep, results.pyodide_checker].filter(Boolean)) {
  f.bytes_until_usable = fetched(f.bytes_until_usable);
  f.bytes_until_first_verdict = fetched(f.bytes_until_first_verdict);
}

// ---------------------------------------------------------------- report

const engines = [results.pyprep, results.pyodide_checker];
const cell = (f, pick) => (f ? pick(f) : '-');
const mb = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${(n / 1e3).toFixed(1)} kB`);
const ms = (n) => (n === null || n === undefined ? '-' : n >= 100 ? `${Math.round(n).toLocaleString('en')} ms` : `${n.toFixed(1)} ms`);
const s = (n) => `${(n / 1000).toFixed(2)} s`;
const ratio = (t, base) => (t && base ? t / base : null);
const x = (r) => (r === null ? '-' : `${r.toFixed(1)}x`);
const geomean = (rs) => (rs.some((r) => r === null) ? null : Math.exp(rs.reduce((a, r) => a + Math.log(r), 0) / rs.length));

const rows = [];
const row = (measure, pick, cpython = '-') => rows.push([measure, ...engines.map((f) => cell(f, pick)), cpython]);
row('bytes until the UI is usable, gzip / brotli', (f) => `${mb(f.bytes_until_usable.gzip)} / ${mb(f.bytes_until_usable.brotli)}`);
row('bytes until the first verdict, gzip / brotli', (f) => `${mb(f.bytes_until_first_verdict.gzip)} / ${mb(f.bytes_until_first_verdict.brotli)}`);
row('cold: navigation to a usable editor', (f) => s(f.usable_ms));
row('cold: navigation to the first verdict (prime, Submit clicked at once)', (f) => s(f.first_verdict_ms));
for (const id of QUESTIONS) {
  const label = id === 'is-prime' ? 'prime check' : 'merge sort';
  row(`warm: click Submit to verdict, ${label} (${results.tests[id]} tests), median / p95 of ${RUNS}`, (f) => `${ms(f.warm[id].median_ms)} / ${ms(f.warm[id].p95_ms)}`);
  if (id === 'is-prime') {
    row(`warm: the same, clicked ${PAUSE_MS / 1000} s after the last verdict, median / p95 of ${RUNS}`, (f) => `${ms(f.warm_paused[id].median_ms)} / ${ms(f.warm_paused[id].p95_ms)}`);
  }
}
for (const [name] of PROGRAMS) {
  const base = results.cpython.throughput[name];
  row(`throughput: ${name}`, (f) => `${ms(f.throughput[name])} (${x(ratio(f.throughput[name], base))})`, ms(base));
}
row('throughput: geometric mean of the six, vs CPython', (f) => x(geomean(PROGRAMS.map(([n]) => ratio(f.throughput[n], results.cpython.throughput[n])))), '1x');

for (const f of engines.filter(Boolean)) {
  f.throughput_ratio_geomean = geomean(PROGRAMS.map(([n]) => ratio(f.throughput[n], results.cpython.throughput[n])));
}
const table = [
  `| measure | PyPrep | Pyodide ${results.pyodide} checker | CPython (${results.cpython.version.replace('Python ', '')}) |`,
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
console.log(table);
console.log(`\n${results.chromium}, headless, served from localhost with HTTP caching off. Bytes: every file the browser (page, workers and service worker) requested from the server before that moment, compressed as a static host would send it (gzip -6, brotli -11). Throughput: the faster of two runs, each in a fresh interpreter or namespace.`);
const warnings = engines.filter(Boolean).flatMap((f) => [...Object.values(f.warm), ...Object.values(f.warm_paused)].flatMap((w) => w.verdicts)).filter((v) => !v.startsWith('Accepted'));
if (warnings.length) console.log(`\nNot every Submit was accepted: ${[...new Set(warnings)].join('; ')}`);
results.table = table;
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
rmSync(site, { recursive: true }); // the links, not what they point to
console.log(`\nwrote ${OUT}`);
