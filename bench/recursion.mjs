// How deep Python can recurse in the browser's judge worker once V8 has
// optimised the interpreter (after a warm-up test): the deepest depth, in
// steps of 25, at which every test of a run still passes. Run after
// `trunk build --release`:  node bench/recursion.mjs
import { launch, startServer } from '../tests/e2e/pyprep.mjs';

const { server, url } = await startServer('/');
const browser = await launch();
const page = await browser.newPage();
await page.goto(url);

async function survives(depth) {
  // Test 1 warms the interpreter up (V8 tiers it up); tests 2 and 3 recurse `depth` deep.
  const code = `def f(k):\n    return 0 if k == 0 else 1 + f(k - 1)\n\ndef is_prime(n):\n    if n == 2:\n        for _ in range(30):\n            f(400)\n        return True\n    return f(${depth}) == ${depth} and n == 17\n`;
  return page.evaluate(async (code) => {
    const w = new Worker('judge/worker.js');
    const verdicts = await new Promise((ok) => {
      const seen = [];
      w.onmessage = (e) => {
        const m = JSON.parse(e.data);
        if (m.type === 'loaded') w.postMessage(JSON.stringify({ run: 1, request: { challenge: 'is-prime', code, mode: 'run' } }));
        if (m.type === 'event' && m.event.event === 'test_finished') seen.push(m.event.verdict.verdict);
        if (m.type === 'exited' || m.type === 'crashed') ok(m.type === 'crashed' ? [...seen, 'crashed'] : seen);
      };
    });
    w.terminate();
    return verdicts;
  }, code);
}

const jspi = await page.evaluate(() => typeof WebAssembly.promising === 'function');
let lo = 100; // known to work
let hi = 2000;
while (hi - lo > 25) {
  const mid = Math.round((lo + hi) / 50) * 25;
  const v = await survives(mid);
  // The last test (is_prime(17)) only passes when the recursion completed; test 2 (is_prime(9)) fails by design.
  if (!v.includes('crashed') && v.length === 3) lo = mid; else hi = mid;
}
console.log(`deepest Python recursion in the judge worker after warm-up: about ${lo} calls (JSPI ${jspi ? 'on' : 'not available'})`);
await browser.close();
server.close();
