// Whatever Python a candidate types and whatever state the browser is in,
// the page survives, the verdict is right, and no draft is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, PRIME, useBrowser } from './pyprep.mjs';

const env = useBrowser('/');

const record = (fields) => JSON.stringify({ v: 1, at: Date.now(), ...fields });

async function withStorage(entries) {
  const context = await env.browser.newContext();
  await context.addInitScript((entries) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, entries);
  return context;
}

const storage = (app) => app.page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

test('a memory bomb gets a memory verdict and the next run works', async () => {
  const context = await env.browser.newContext();
  const app = await App.open(context, env.url, '#/q/is-prime');
  await app.setCode('def is_prime(n):\n    hoard = []\n    while True:\n        hoard.append(bytearray(64 * 1024 * 1024))\n');
  assert.match(await app.run(), /^Memory limit exceeded on Test 1/);
  await app.setCode(PRIME);
  assert.match(await app.run(), /^Sample tests passed/);
  await context.close();
});

// Python's limit holds however far the engine has optimised the interpreter
// (which makes each call take more of the engine's stack): the run warms the
// interpreter up first.
const WARM_UP = 'def warm(k):\n    return 0 if k == 0 else 1 + warm(k - 1)\n\nfor _ in range(40):\n    warm(400)\n\n';

test('infinite recursion is a RecursionError naming the function', async () => {
  const context = await env.browser.newContext();
  const app = await App.open(context, env.url, '#/q/is-prime');
  await app.setCode(`${WARM_UP}def spiral(n):\n    return spiral(n + 1)\n\ndef is_prime(n):\n    return spiral(n)\n`);
  assert.match(await app.run(), /^Runtime error/);
  const first = app.tests().first();
  await first.getByText('RecursionError: maximum recursion depth exceeded').first().waitFor();
  await first.getByText(', in spiral:').first().waitFor();
  await context.close();
});

test('recursion goes as deep as the limit allows, raised as in CPython', async () => {
  const context = await env.browser.newContext();
  const app = await App.open(context, env.url, '#/q/is-prime');
  const deep = (setup, depth) => `import sys\n${setup}\n${WARM_UP}def down(k):\n    return 0 if k == 0 else 1 + down(k - 1)\n\n${PRIME}\nassert down(${depth}) == ${depth}\n`;
  await app.setCode(deep('', 990));
  assert.match(await app.run(), /^Sample tests passed/);
  await app.setCode(deep('sys.setrecursionlimit(10**4)', 9900));
  assert.match(await app.run(), /^Sample tests passed/);
  await context.close();
});

test('the candidate\'s code cannot reach the page, the network or saved data', async () => {
  const context = await withStorage({ 'pyprep.draft.fibonacci': record({ code: 'mine' }) });
  const app = await App.open(context, env.url, '#/q/is-prime');
  const before = await storage(app);
  const title = await app.page.title();
  await app.setCode(`reached = []
for name in ("js", "browser", "pyodide", "_js"):
    try:
        __import__(name)
        reached.append(name)
    except ImportError:
        pass
try:
    import urllib.request
    urllib.request.urlopen("${env.url}", timeout=1)
    reached.append("network")
except Exception:
    pass
import os
print("files:", os.listdir("/"))

def is_prime(n):
    assert not reached, reached
    return n in (2, 17)
`);
  assert.match(await app.run(), /^Sample tests passed/);
  assert.equal(await app.page.title(), title);
  const after = await storage(app);
  assert.equal(after['pyprep.draft.fibonacci'], before['pyprep.draft.fibonacci']);
  await app.page.getByRole('region', { name: 'Output' }).getByText('files: []').first().waitFor();
  await context.close();
});

test('unreadable and newer saved items are reported, kept, and never overwritten silently', async () => {
  const newer = JSON.stringify({ v: 99, code: 'from the future', at: 1 });
  const context = await withStorage({
    'pyprep.draft.is-prime': '{"v":1,"code":"trunc',
    'pyprep.draft.greeting': newer,
    'pyprep.draft.fibonacci': record({ code: 'def fibonacci(n):\n    return "kept"\n' }),
  });
  const app = await App.open(context, env.url, '#/q/fibonacci');
  const notices = app.page.getByRole('region', { name: 'Notices' });
  await notices.getByText(/“is-prime”: it could not be read/).waitFor();
  await notices.getByText(/“greeting”: it was saved by a newer version/).waitFor();
  assert.match(await app.code(), /return "kept"/);
  // Editing the broken one first copies the unreadable text aside.
  await app.page.goto(env.url + '#/q/is-prime');
  await app.editor().waitFor();
  await app.setCode('def is_prime(n):\n    return True\n');
  await notices.getByText(/copied to pyprep\.backup\.pyprep\.draft\.is-prime/).waitFor();
  let saved = await storage(app);
  assert.equal(saved['pyprep.backup.pyprep.draft.is-prime'], '{"v":1,"code":"trunc');
  // The newer one is never replaced.
  await app.page.goto(env.url + '#/q/greeting');
  await app.editor().waitFor();
  await app.setCode('print("edited here")\n');
  // Every save pass writes all changed records: once a later edit elsewhere
  // is saved, a wrong write of this one would have happened already.
  await app.page.goto(env.url + '#/q/fibonacci');
  await app.editor().waitFor();
  await app.setCode('def fibonacci(n):\n    return "later"\n');
  await app.page.waitForFunction(() => (localStorage.getItem('pyprep.draft.fibonacci') || '').includes('later'));
  saved = await storage(app);
  assert.equal(saved['pyprep.draft.greeting'], newer);
  await context.close();
});

test('a storage that refuses writes is announced and the page keeps working', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const app = await App.open(context, env.url, '#/q/is-prime');
  await app.setCode(PRIME);
  await app.page.getByRole('alert').getByText(/refused to save/).waitFor();
  assert.match(await app.run(), /^Sample tests passed/);
  await context.close();
});

test('export, then import in another browser, brings drafts and progress; a bad file changes nothing', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const app = await App.open(context, env.url, '#/q/is-prime');
  await app.setCode(PRIME);
  assert.match(await app.submit(), /^Accepted/);
  await app.page.goto(env.url + '#/q/fibonacci');
  await app.editor().waitFor();
  await app.setCode('def fibonacci(n):\n    return [0]  # work in progress\n');
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  const file = join(tmpdir(), `pyprep-export-${process.pid}.json`);
  await download.saveAs(file);
  await context.close();

  const other = await env.browser.newContext();
  const b = await App.open(other, env.url);
  const bad = join(tmpdir(), `pyprep-bad-${process.pid}.json`);
  await writeFile(bad, '{"format":"pyprep-progress","version":1,"entries":{"pyprep.draft.x":{"v":1,"at":1}}}');
  await b.page.getByLabel('Import progress').setInputFiles(bad);
  await b.page.getByRole('alert').getByText(/Nothing was imported/).waitFor();
  assert.deepEqual(Object.keys(await storage(b)).filter((k) => k.startsWith('pyprep.')), []);
  await b.page.getByLabel('Import progress').setInputFiles(file);
  await b.page.getByText(/^Imported \d+ of \d+ saved items/).waitFor();
  await b.page.getByText(/^1 of \d+ done/).waitFor();
  await b.page.goto(env.url + '#/q/fibonacci');
  await b.editor().waitFor();
  assert.match(await b.code(), /work in progress/);
  assert.match(await readFile(file, 'utf8'), /"format": "pyprep-progress"/);
  await other.close();
});

test('two tabs on one question pick up each other\'s edits', async () => {
  const context = await env.browser.newContext();
  const a = await App.open(context, env.url, '#/q/fibonacci');
  const b = await App.open(context, env.url, '#/q/fibonacci');
  await a.setCode('def fibonacci(n):\n    return ["from tab A"]\n');
  await b.page.waitForFunction(() => document.querySelector('.cm-content')?.innerText.includes('from tab A'));
  await b.setCode('def fibonacci(n):\n    return ["then tab B"]\n');
  await a.page.waitForFunction(() => document.querySelector('.cm-content')?.innerText.includes('then tab B'));
  await context.close();
});

test('a worker that dies is reported and replaced, and the draft is untouched', async () => {
  // No service worker: it would keep the dying worker script for the replacement too.
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  let served = 0;
  await context.route('**/judge/worker.js', async (route) => {
    served += 1;
    if (served === 1) {
      // The first worker loads, then dies on its first run.
      await route.fulfill({
        contentType: 'text/javascript',
        // protocol: protocol::PROTOCOL_VERSION, as www/worker.js states it.
        body: 'postMessage(\'{"type":"loaded","protocol":2}\'); onmessage = () => { throw new Error("boom"); };',
      });
    } else {
      await route.continue();
    }
  });
  const app = await App.open(context, env.url, '#/q/is-prime');
  await app.setCode(PRIME);
  assert.match(await app.run(), /^Internal error: the judge crashed: .*boom/);
  assert.match(await app.code(), /def is_prime/);
  assert.match(await app.run(), /^Sample tests passed/);
  assert.ok(served >= 2, 'a new worker was started');
  await context.close();
});

test('a judge that cannot load says so, and runs report it instead of hanging', async () => {
  const context = await env.browser.newContext();
  await context.route('**/judge/judge.wasm', (route) => route.fulfill({ status: 404, body: 'missing' }));
  const app = await App.open(context, env.url, '#/q/is-prime');
  await app.page.getByRole('status').getByText('Python could not load').waitFor();
  await app.setCode(PRIME);
  assert.match(await app.run(), /^Internal error: .*Python could not load/);
  assert.match(await app.code(), /def is_prime/);
  await context.close();
});
