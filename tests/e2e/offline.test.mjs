// Static hosting under a subpath, offline use after one visit, updates, share links.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, DIST, PRIME, launch } from './pyprep.mjs';
import { serve } from './serve.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function servedCopy() {
  const folder = await mkdtemp(join(tmpdir(), 'pyprep-dist-'));
  await cp(DIST, folder, { recursive: true });
  return folder;
}

/** The files of the build in `folder`, as its service worker lists them. */
async function builtFiles(folder) {
  const sw = await readFile(join(folder, 'sw.js'), 'utf8');
  return JSON.parse(sw.match(/^const FILES = (.*);$/m)[1]);
}

/**
 * Waits until the page is controlled by the service worker and its cache
 * holds every file of the build: on a first visit the service worker takes
 * control at once and fills the cache as the app loads (www/sw.js), but
 * for the judge's later library, which comes after a first run or ten
 * seconds (www/worker.js).
 */
async function offlineReady(page, folder = DIST) {
  const files = await builtFiles(folder);
  await page.evaluate(async (files) => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const worker = navigator.serviceWorker.controller;
      const key = (await caches.keys()).find((k) => k.startsWith('pyprep-'));
      if (worker && key) {
        const stored = new Set((await (await caches.open(key)).keys()).map((r) => r.url));
        if (files.every((f) => stored.has(new URL(f, worker.scriptURL).href))) return;
      }
      if (Date.now() > deadline) throw new Error('the offline copy is still incomplete');
      await new Promise((next) => setTimeout(next, 50));
    }
  }, files);
}

test('after one visit under a subpath, the app loads and judges with the server gone', async () => {
  const server = await serve(DIST, { base: '/pyprep/' });
  const url = `http://127.0.0.1:${server.address().port}/pyprep/`;
  const context = await browser.newContext();
  const app = await App.open(context, url);
  await offlineReady(app.page);
  await new Promise((ok) => server.close(ok));
  server.closeAllConnections?.();
  await app.page.reload();
  await app.page.getByRole('heading', { name: 'Python interview questions' }).waitFor();
  await app.question('Prime check');
  await app.setCode(PRIME);
  assert.match(await app.submit(), /^Accepted/);
  await context.close();
});

test('a first visit downloads each file once: the service worker keeps what the page and the judge load', async () => {
  const requests = [];
  const server = await serve(DIST, { base: '/pyprep/', onRequest: (path) => requests.push(path) });
  const url = `http://127.0.0.1:${server.address().port}/pyprep/`;
  const context = await browser.newContext();
  const app = await App.open(context, url);
  await app.question('Prime check');
  await app.setCode(PRIME);
  assert.match(await app.submit(), /^Accepted/);
  await offlineReady(app.page);
  const times = (file) => requests.filter((r) => r === file).length;
  assert.equal(times('judge/judge.wasm'), 1, 'the judge is downloaded once');
  // The page itself and the browser's request for its icon come before any
  // service worker exists; the service worker downloads them again.
  const beforeServiceWorker = ['index.html', 'icons/icon.svg'];
  const again = (await builtFiles(DIST)).filter((f) => times(f) > (beforeServiceWorker.includes(f) ? 2 : 1));
  assert.deepEqual(again, [], `downloaded more than once: ${again.map((f) => `${f} (${times(f)}x)`)}`);
  await context.close();
  server.close();
});

test('a new build is offered as a reload and replaces the cache whole', async () => {
  const folder = await servedCopy();
  const server = await serve(folder, { base: '/' });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const context = await browser.newContext();
  const app = await App.open(context, url);
  await offlineReady(app.page, folder);
  // Publish a "new build": change a file and rewrite the service worker, as the build does.
  await writeFile(join(folder, 'manifest.webmanifest'), '{"name":"PyPrep","short_name":"PyPrep","start_url":"./"}');
  const rewritten = spawnSync(process.execPath, ['www/offline.mjs', folder]);
  assert.equal(rewritten.status, 0, String(rewritten.stderr));
  await app.page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const reload = app.page.getByRole('button', { name: 'New version ready: reload' });
  await reload.waitFor({ timeout: 120_000 });
  await Promise.all([app.page.waitForEvent('load'), reload.click()]);
  await app.page.getByRole('heading', { name: 'Python interview questions' }).waitFor();
  const caches = await app.page.evaluate(async () => (await self.caches.keys()).filter((k) => k.startsWith('pyprep-')));
  assert.equal(caches.length, 1, `one cache left: ${caches}`);
  await context.close();
  server.close();
});

test('a share link opens its question with its code, and asks before replacing a draft', async () => {
  const server = await serve(DIST, { base: '/' });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const code = 'def fibonacci(n):\n    return ["shared"]\n';
  const b64 = Buffer.from(code).toString('base64url');
  const context = await browser.newContext();
  const app = await App.open(context, url, `#/q/fibonacci?code=${b64}`);
  await app.page.waitForFunction(() => document.querySelector('.cm-content')?.innerText.includes('shared'));
  assert.equal(await app.page.evaluate(() => location.hash), '#/q/fibonacci');
  // With a different draft in place, the link asks first.
  await app.setCode('def fibonacci(n):\n    return ["my own"]\n');
  const other = 'def fibonacci(n):\n    return ["second link"]\n';
  await app.page.goto(`${url}#/q/fibonacci?code=${Buffer.from(other).toString('base64url')}`);
  const dialog = app.page.getByRole('alertdialog');
  await dialog.getByText(/Replace your draft/).waitFor();
  assert.match(await app.code(), /my own/);
  await dialog.getByRole('button', { name: 'Keep my draft' }).click();
  await app.page.waitForFunction(() => location.hash === '#/q/fibonacci');
  assert.match(await app.code(), /my own/);
  await context.close();
  server.close();
});
