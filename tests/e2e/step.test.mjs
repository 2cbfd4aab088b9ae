// Step-through of a failing test in the browser: the recorded steps, the
// current line marked in the editor, locals, stack and printed output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { App, useBrowser } from './pyprep.mjs';

const env = useBrowser('/');

// Forgets what is left of the right half after the merge loop (line 16).
const FORGETS_RIGHT = `def merge_sort(items):
    if len(items) <= 1:
        return list(items)
    middle = len(items) // 2
    left = merge_sort(items[:middle])
    right = merge_sort(items[middle:])
    result = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            result.append(left[i])
            i += 1
        else:
            result.append(right[j])
            j += 1
    result.extend(left[i:])
    print('merged', result)
    return result
`;

test('stepping through a failing call reaches the line where a value goes missing', async () => {
  const context = await env.browser.newContext();
  const app = await App.open(context, env.url);
  await app.question('Merge sort');
  await app.pythonReady();
  await app.setCode(FORGETS_RIGHT);
  assert.match(await app.run(), /^Wrong answer/);

  await app.page.getByRole('button', { name: /^Step through / }).first().click();
  const panel = app.page.getByRole('region', { name: /^Step through / });
  await panel.waitFor({ timeout: 60_000 });
  const status = panel.getByRole('status');
  assert.match(await status.textContent(), /^Step 1 of \d+: line 1, merge_sort is called/);
  const total = Number((await status.textContent()).match(/of (\d+)/)[1]);
  assert.ok(total > 20, `${total} steps`);

  // Forward, step by step, to line 16 in a call whose right half still has items.
  const local = async (name) => {
    const row = panel.getByRole('table', { name: 'Local variables' }).getByRole('row').filter({ has: app.page.getByRole('rowheader', { name: new RegExp(`^${name}(:|$)`) }) });
    return (await row.count()) ? (await row.getByRole('cell').textContent()).trim() : null;
  };
  let found = false;
  for (let k = 1; k < total && !found; k += 1) {
    await panel.getByRole('button', { name: 'Forward' }).click();
    await app.page.waitForFunction((k) => document.querySelector('.step-status').textContent.startsWith(`Step ${k + 1} `), k);
    if (!/line 16,/.test(await status.textContent())) continue;
    const j = await local('j');
    const right = await local('right');
    found = j === '0' && right !== null && right !== '[]';
  }
  assert.ok(found, 'reached line 16 with items left in right');
  // The editor marks that very line.
  assert.equal((await app.page.locator('.cm-step-line').textContent()).trim(), 'result.extend(left[i:])');
  assert.ok((await panel.getByRole('list', { name: 'Call stack' }).getByRole('listitem').count()) >= 2);

  // The slider and the last step: printed output so far is shown.
  await panel.getByRole('button', { name: 'Last step' }).click();
  assert.match(await status.textContent(), new RegExp(`^Step ${total} of ${total}`));
  assert.match(await panel.getByLabel('Printed so far').textContent(), /merged \[/);
  await panel.getByRole('slider', { name: 'Step' }).fill('1');
  assert.match(await status.textContent(), /^Step 1 of /);
  // A variable's name jumps to the next step where its value changes.
  const jump = panel.getByRole('button', { name: 'i: go to where it changes next' });
  for (let k = 1; k < total && !(await jump.count()); k += 1) {
    await panel.getByRole('button', { name: 'Forward' }).click();
  }
  const stepOf = async () => Number((await status.textContent()).match(/^Step (\d+)/)[1]);
  const [at, iBefore] = [await stepOf(), await local('i')];
  await jump.click();
  assert.ok((await stepOf()) > at, 'moved forward');
  assert.notEqual(await local('i'), iBefore);
  assert.deepEqual(app.errors, []);
  await context.close();
});
