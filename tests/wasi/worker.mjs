// Runs the browser's real judge worker (www/worker.js, as www/build.mjs bundles
// it beside the judge) under node, as the tests need:
//   node tests/wasi/worker.mjs <judge.wasm>   (a `ToWorker` message as JSON on stdin)
// It plays the browser's part around the worker (`self`, `fetch`,
// `postMessage`) and prints every message the worker posts, one per line, for
// the Rust test to parse as `FromWorker`: so a change to the messages on
// either side fails a test.
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const [wasmPath] = process.argv.slice(2);
let input = '';
for await (const chunk of process.stdin) input += chunk;

globalThis.self = globalThis;
self.location = { href: 'http://localhost/judge/worker.js' };
self.postMessage = (message) => process.stdout.write(`${message}\n`);
// The worker's files, as the page's server has them: the judge, and the
// later part of the standard library that www/build.mjs writes beside it.
globalThis.fetch = async (url) =>
  String(url).endsWith('.wasm')
    ? new Response(await readFile(wasmPath), { headers: { 'content-type': 'application/wasm' } })
    : new Response(await readFile(join(dirname(wasmPath), basename(new URL(url).pathname))));

// The worker as built (www/build.mjs bundles it with what it imports).
await import(join(dirname(wasmPath), 'worker.js'));
self.onmessage({ data: input });
