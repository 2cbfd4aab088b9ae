// The progress page in a real browser, after solving one question, with a
// record saved in the oldest format beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { App, PRIME, useBrowser } from './pyprep.mjs';

const env = useBrowser('/');

function topicsOf(id) {
  const line = readFileSync(`challenges/${id}/challenge.toml`, 'utf8').match(/^topics = \[(.*)\]/m)[1];
  return [...line.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

function coding() {
  return readdirSync('challenges').filter((d) => existsSync(`challenges/${d}/challenge.toml`)
    && /^group = "coding"/m.test(readFileSync(`challenges/${d}/challenge.toml`, 'utf8')));
}

function fact(page, term) {
  return page.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
}

test('the progress page after solving one question', async () => {
  const context = await env.browser.newContext();
  const app = await App.open(context, env.url);
  // Format 0, from before records had versions: "fibonacci solved".
  await app.page.evaluate(() => localStorage.setItem('pyprep.progress.fibonacci', 'true'));
  await app.page.reload();
  await app.question('Prime check');
  await app.pythonReady();
  await app.setCode(PRIME);
  assert.match(await app.submit(), /^Accepted/);

  const page = app.page;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
  const row = (table, name) => page.getByRole('table', { name: table })
    .getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  const codingCount = coding().length;
  const codingRow = row('By kind', 'Coding');
  assert.equal((await codingRow.getByRole('cell').nth(0).textContent()).trim(), `2 of ${codingCount}`);
  assert.equal((await row('By kind', 'Spoken answers').getByRole('cell').nth(0).textContent()).trim().split(' ')[0], '0');
  assert.equal((await codingRow.getByRole('cell').nth(2).textContent()).trim(), String(codingCount - 2));
  // Each of is-prime's topics counts it.
  for (const topic of topicsOf('is-prime')) {
    const done = 1 + (topicsOf('fibonacci').includes(topic) ? 1 : 0);
    assert.match(await row('By topic', topic).getByRole('cell').nth(0).textContent(), new RegExp(`^${done} of \\d+$`));
  }
  assert.equal((await fact(page, 'Current streak').textContent()).trim(), '1 day');
  assert.equal((await fact(page, 'Days practised').textContent()).trim(), '1 day');
  assert.match(await fact(page, 'Done').textContent(), /^2 of \d+$/);
  // A suggestion: an unsolved question, named in its weakest topic.
  const next = page.getByRole('region', { name: 'What to do next' });
  const link = next.getByRole('link');
  const title = (await link.textContent()).trim();
  assert.ok(title && title !== 'Prime check' && title !== 'Fibonacci series', title);
  assert.match(await next.textContent(), /is your weakest topic \(\d+ of \d+ done\)/);
  await link.click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await page.getByRole('region', { name: 'Mock interviews' }).getByText('None yet.').waitFor();
  assert.deepEqual(app.errors, []);
  await context.close();
});
