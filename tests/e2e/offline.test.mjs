// Static hosting under a subpath, offline use after one visit, updates, share links.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
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

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 120_000 });
}

test('after one visit under a subpath, the app loads and judges with the server gone', async () => {
  const server = await serve(DIST, { base: '/pyprep/' });
  const url = `http://127.0.0.1:${server.address().port}/pyprep/`;
  const context = await browser.newContext();
  const app = await App.open(context, url);
  await controlled(app.page);
  await new Promise((ok) => server.close(ok));
  server.closeAllConnections?.();
  await app.page.reload();
  await app.page.getByRole('heading', { name: 'Python interview questions' }).waitFor();
  await app.question('Prime check');
  await app.setCode(PRIME);
  assert.match(await app.submit(), /^Accepted/);
  await context.close();
});

test('a new build is offered as a reload and replaces the cache whole', async () => {
  const folder = await servedCopy();
  const server = await serve(folder, { base: '/' });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const context = await browser.newContext();
  const app = await App.open(context, url);
  await controlled(app.page);
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
