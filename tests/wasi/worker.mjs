// Runs the browser's real judge worker (www/worker.js) under node, as the tests need:
//   node tests/wasi/worker.mjs <judge.wasm>   (a `ToWorker` message as JSON on stdin)
// It plays the browser's part around the worker (`self`, `fetch`,
// `postMessage`) and prints every message the worker posts, one per line, for
// the Rust test to parse as `FromWorker`: so a change to the messages on
// either side fails a test.
import { readFile } from 'node:fs/promises';

const [wasmPath] = process.argv.slice(2);
let input = '';
for await (const chunk of process.stdin) input += chunk;

globalThis.self = globalThis;
self.location = { href: 'http://localhost/judge/worker.js' };
self.postMessage = (message) => process.stdout.write(`${message}\n`);
globalThis.fetch = async () =>
  new Response(await readFile(wasmPath), { headers: { 'content-type': 'application/wasm' } });

await import('../../www/worker.js');
self.onmessage({ data: input });
