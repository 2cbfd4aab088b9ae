// The app in a real browser, on the release build served from localhost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { App, PRIME, useBrowser } from './pyprep.mjs';

const env = useBrowser('/');

async function fresh() {
  const context = await env.browser.newContext();
  return { context, app: await App.open(context, env.url) };
}

test('a correct answer to the prime question is accepted', async () => {
  const { context, app } = await fresh();
  await app.question('Prime check');
  await app.pythonReady();
  await app.setCode(PRIME);
  const outcome = await app.submit();
  assert.match(outcome, /^Accepted/);
  assert.equal(await app.tests().filter({ hasText: 'Passed' }).count(), await app.tests().count());
  // Solving opens the explanation and counts in the progress summary.
  await app.page.getByRole('region', { name: 'Explanation' }).getByText('Trial division').waitFor();
  await app.page.getByRole('link', { name: 'All questions' }).click();
  await app.page.getByText(/^1 of \d+ done/).waitFor();
  assert.deepEqual(app.errors, []);
  await context.close();
});

test('a wrong answer shows the failing call with expected and actual', async () => {
  const { context, app } = await fresh();
  await app.question('Prime check');
  await app.setCode('def is_prime(n):\n    return n % 2 == 1\n');
  const outcome = await app.run();
  assert.match(outcome, /^Wrong answer on Test 1 \(is_prime\(2\)\)/);
  const failed = app.tests().filter({ hasText: 'Wrong answer' }).first();
  assert.match(await failed.textContent(), /is_prime\(2\)/);
  assert.equal((await failed.getByRole('definition').nth(0).textContent()).trim(), 'True');
  assert.equal((await failed.getByRole('definition').nth(1).textContent()).trim(), 'False');
  await context.close();
});

test('an endless loop hits the time limit within two seconds of it, and the next run works', async () => {
  const { context, app } = await fresh();
  await app.question('Prime check');
  await app.pythonReady();
  await app.setCode('def is_prime(n):\n    while True:\n        pass\n');
  const started = Date.now();
  const outcome = await app.run(30_000);
  const elapsed = Date.now() - started;
  assert.match(outcome, /^Time limit exceeded on Test 1/);
  const limit = 4000; // is-prime's per-test limit
  assert.ok(elapsed < limit + 2000, `took ${elapsed} ms`);
  await app.setCode(PRIME);
  assert.match(await app.run(), /^Sample tests passed/);
  await context.close();
});

test('programs with input() and with files pass', async () => {
  const { context, app } = await fresh();
  await app.question('Ask for a name and an age');
  await app.setCode(`name = input("Name? ").strip()
age = input("Age? ").strip()
if age.isdigit():
    print(f"Hello, {name}! Next year you will be {int(age) + 1}.")
else:
    print(f'Sorry, "{age}" is not a valid age.')
`);
  assert.match(await app.submit(), /^Accepted/);
  // The console shows the prompts and the typed input like a terminal.
  const console = app.page.getByRole('region', { name: 'Output' });
  await console.getByText('Name? ').first().waitFor();
  await console.getByText('Hello, Ada! Next year you will be 37.').first().waitFor();

  await app.page.getByRole('link', { name: 'All questions' }).click();
  await app.question("A file's lines in reverse");
  await app.setCode('with open("data.txt") as f:\n    lines = f.read().splitlines()\nfor line in reversed(lines):\n    print(line)\n');
  assert.match(await app.submit(), /^Accepted/);
  await context.close();
});

test('a reload keeps the draft', async () => {
  const { context, app } = await fresh();
  await app.question('Fibonacci series');
  const draft = 'def fibonacci(n):\n    return ["my draft"]\n';
  await app.setCode(draft);
  await app.page.reload();
  await app.page.getByRole('heading', { level: 1, name: 'Fibonacci series' }).waitFor();
  await app.editor().waitFor();
  assert.equal((await app.code()).trimEnd(), draft.trimEnd());
  await context.close();
});
