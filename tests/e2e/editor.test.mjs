// The editor as a user meets it: mistakes marked while typing, keys, the
// first difference of a wrong answer, the theme, a phone-sized screen, and
// screenshots of what users see (written to target/screenshots/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { App, PRIME, useBrowser } from './pyprep.mjs';

const env = useBrowser('/');
const SHOTS = 'target/screenshots';

async function open(hash, options = {}) {
  const context = await env.browser.newContext(options);
  const app = await App.open(context, env.url, hash);
  return { context, app };
}

test('a syntax error is underlined while typing, before any click', async () => {
  const { context, app } = await open('#/q/is-prime');
  await app.pythonReady();
  await app.setCode('def is_prime(n):\n    return n >\n');
  // The lint marker appears in the gutter and the text is underlined.
  await app.page.locator('.cm-lintRange-error').first().waitFor({ timeout: 30_000 });
  await app.page.locator('.cm-lint-marker-error').first().waitFor();
  // Fixing it clears the mark.
  await app.setCode(PRIME);
  await app.page.waitForFunction(() => !document.querySelector('.cm-lintRange-error'), null, { timeout: 30_000 });
  await context.close();
});

test('Ctrl+Shift+Enter submits, and Ctrl+S keeps the browser dialog away', async () => {
  const { context, app } = await open('#/q/is-prime');
  await app.pythonReady();
  await app.setCode(PRIME);
  await app.page.keyboard.press('ControlOrMeta+s');
  await app.page.keyboard.press('ControlOrMeta+Shift+Enter');
  await app.page.waitForFunction(() => /^Accepted/.test(document.querySelector('.results p.outcome')?.textContent || ''), null, { timeout: 60_000 });
  // The shortcuts are listed behind the "?" button.
  await app.page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await app.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByText('Submit', { exact: true }).waitFor();
  await app.page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await app.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });
  // Escape leaves the editor for the next control.
  await app.editor().click();
  await app.page.keyboard.press('Escape');
  assert.equal(await app.page.evaluate(() => document.activeElement?.classList.contains('cm-content')), false);
  await context.close();
});

test('a wrong list names its first difference', async () => {
  const { context, app } = await open('#/q/merge-sort');
  await app.pythonReady();
  await app.setCode('def merge_sort(items):\n    return list(items)\n');
  const outcome = await app.run();
  assert.match(outcome, /^Wrong answer/);
  await app.results().getByText(/first difference at index \d+: expected .*, got /).first().waitFor();
  // The differing item is marked on both sides: merge_sort([5, 2, 4, 1, 3]) returned
  // the list unsorted, so item 0 differs (1 expected, 5 got).
  const failed = app.tests().filter({ hasText: 'Wrong answer' }).first();
  const marks = failed.locator('mark.difference');
  assert.equal(await marks.count(), 2);
  assert.deepEqual(await marks.allTextContents(), ['1', '5']);
  await context.close();
});

test('the theme switch is kept across a reload and themes the editor gutter', async () => {
  const { context, app } = await open('#/q/is-prime');
  await app.page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await app.page.reload();
  await app.editor().waitFor();
  assert.equal(await app.page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await app.page.getByRole('combobox', { name: 'Theme' }).inputValue(), 'dark');
  const gutter = await app.page.evaluate(() => getComputedStyle(document.querySelector('.cm-gutters')).backgroundColor);
  assert.notEqual(gutter, 'rgb(255, 255, 255)', 'the gutter follows the dark theme');
  await app.page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
  assert.equal(await app.page.evaluate(() => document.documentElement.dataset.theme), 'light');
  await context.close();
});

test('on a phone-sized screen a question runs without horizontal scrolling', async () => {
  const { context, app } = await open('#/q/is-prime', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await app.pythonReady();
  await app.setCode(PRIME);
  assert.match(await app.run(), /^Sample tests passed/);
  const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await context.close();
});

test('screenshots of what users see, desktop and phone, light and dark', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const sizes = { desktop: { width: 1280, height: 860 }, phone: { width: 390, height: 844 } };
  for (const [size, viewport] of Object.entries(sizes)) {
    for (const scheme of ['light', 'dark']) {
      const { context, app } = await open('#/', { viewport, colorScheme: scheme });
      const shot = (name) => app.page.screenshot({ path: `${SHOTS}/${name}-${size}-${scheme}.png`, fullPage: true });
      await app.page.getByRole('heading', { level: 1 }).first().waitFor();
      await shot('catalog');
      await app.page.goto(env.url + '#/q/is-prime');
      await app.pythonReady();
      await app.setCode('def is_prime(n):\n    return n % 2 == 1\n');
      assert.match(await app.submit(), /^Wrong answer/);
      await shot('question-failed-submit');
      await app.page.goto(env.url + '#/play');
      await app.page.getByRole('heading', { level: 1, name: 'Playground' }).waitFor();
      await app.pythonReady();
      await app.setCode('for i in range(3):\n    print("line", i)\n');
      await app.page.getByRole('button', { name: 'Run', exact: true }).click();
      await app.page.getByRole('region', { name: 'Console' }).getByText('line 2').waitFor();
      await shot('playground');
      await app.page.goto(env.url + '#/q/lists-vs-tuples');
      await app.page.getByRole('heading', { level: 1, name: 'Lists vs tuples' }).waitFor();
      await shot('concept-card');
      await context.close();
    }
  }
});
