// Page objects for the browser tests: the app as a user (or a screen reader)
// finds it, by role and accessible name. No fixed sleeps: every wait is for a
// condition the user would see.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

export const DIST = process.env.PYPREP_DIST || 'dist';

/** Starts the static server for the built app under `base`. */
export async function startServer(base = '/') {
  const server = await serve(DIST, { base });
  return { server, url: `http://127.0.0.1:${server.address().port}${base}` };
}

/** For a test file: a server for the built app and a browser, up before its tests and down after. */
export function useBrowser(base = '/') {
  const env = {};
  before(async () => {
    ({ server: env.server, url: env.url } = await startServer(base));
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.PYPREP_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

export class App {
  constructor(page, url) {
    this.page = page;
    this.url = url;
    this.errors = [];
    page.on('pageerror', (e) => this.errors.push(String(e)));
  }

  static async open(context, url, hash = '#/') {
    const app = new App(await context.newPage(), url);
    await app.page.goto(url + hash);
    await app.page.getByRole('banner').getByRole('link', { name: 'PyPrep' }).waitFor();
    return app;
  }

  async question(title) {
    await this.page.getByRole('link', { name: new RegExp(title) }).first().click();
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  async pythonReady() {
    await this.page.getByRole('status').getByText('Python ready').waitFor({ timeout: 60_000 });
  }

  editor() {
    return this.page.getByRole('textbox', { name: /^Python code for / });
  }

  /** Replaces the editor's text as if typed (without the editor's auto-indent). */
  async setCode(code) {
    const editor = this.editor();
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(code);
  }

  async code() {
    return this.page.evaluate(() => document.querySelector('.cm-content').innerText);
  }

  results() {
    return this.page.getByRole('region', { name: 'Results' });
  }

  /** Clicks a button and waits for the run to finish; returns the outcome line. */
  async press(name, timeout = 60_000) {
    await this.page.getByRole('button', { name, exact: true }).click();
    const outcome = this.results().locator('p.outcome');
    await this.page.waitForFunction(
      () => {
        const o = document.querySelector('.results p.outcome');
        return o && !o.textContent.startsWith('Running');
      },
      null,
      { timeout },
    );
    return (await outcome.textContent()).trim();
  }

  run(timeout) {
    return this.press('Run', timeout);
  }

  submit(timeout) {
    return this.press('Submit', timeout);
  }

  tests() {
    return this.results().getByRole('list', { name: 'Tests' }).getByRole('listitem');
  }
}

export const PRIME = `def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True
`;
