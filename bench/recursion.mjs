// How deep Python recurses in the browser's judge worker once V8 has
// optimised the interpreter (after a warm-up test), with the recursion limit
// raised to the judge's cap of 10,000: the deepest depth, in steps of 25, at
// which every test of a run still passes, and how long a test recursing that
// deep takes. Run after `trunk build --release`:  node bench/recursion.mjs
import { launch, startServer } from '../tests/e2e/pyprep.mjs';

const { server, url } = await startServer('/');
const browser = await launch();
const page = await browser.newPage();
await page.goto(url);

/** Runs the is-prime samples: test 1 warms up, tests 2 and 3 recurse `depth` deep. */
async function run(depth) {
  const code = `import sys\nsys.setrecursionlimit(10**4)\n\ndef f(k):\n    return 0 if k == 0 else 1 + f(k - 1)\n\ndef is_prime(n):\n    if n == 2:\n        for _ in range(30):\n            f(400)\n        return True\n    return f(${depth}) == ${depth} and n == 17\n`;
  return page.evaluate(async (code) => {
    const w = new Worker('judge/worker.js');
    const tests = await new Promise((ok) => {
      const seen = [];
      w.onmessage = (e) => {
        const m = JSON.parse(e.data);
        if (m.type === 'loaded') {
          // The sandbox's stdin as src/core/protocol.rs builds it: a key line, then the request.
          const request = { challenge: 'is-prime', code, mode: 'run' };
          w.postMessage(JSON.stringify({ type: 'run', run: 1, stdin: `${'0'.repeat(64)}\n${JSON.stringify(request)}` }));
        }
        // `SEQ TAG JSON`: a benchmark reads the event without checking its tag.
        const event = m.type === 'line' ? JSON.parse(m.line.split(' ').slice(2).join(' ')) : null;
        if (event && event.event === 'test_finished') seen.push({ verdict: event.verdict.verdict, ms: event.time_ms });
        if (m.type === 'exited' || m.type === 'crashed') ok(m.type === 'crashed' ? [...seen, { verdict: 'crashed' }] : seen);
      };
    });
    w.terminate();
    return tests;
  }, code);
}

// The last test (is_prime(17)) only passes when the recursion completed; test 2 (is_prime(9)) fails by design.
const survives = (tests) => tests.length === 3 && tests[2].verdict === 'passed';

const jspi = await page.evaluate(() => typeof WebAssembly.Suspending === 'function');
let lo = 100; // known to work
let hi = 10_025;
while (hi - lo > 25) {
  const mid = Math.round((lo + hi) / 50) * 25;
  if (survives(await run(mid))) lo = mid; else hi = mid;
}
const times = [];
for (let i = 0; i < 5; i++) times.push((await run(lo))[2].ms);
times.sort((a, b) => a - b);
console.log(`deepest Python recursion in the judge worker after warm-up: about ${lo} calls (limit 10000; stack switching ${jspi ? 'on' : 'not available'})`);
console.log(`one test recursing ${lo} deep: ${times[2]} ms (median of 5)`);
await browser.close();
server.close();
