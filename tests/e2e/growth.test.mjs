// Growth-rate feedback in the browser: a Submit says how the answer's work
// grows, counted in the worker's judge, beside the verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { App, useBrowser } from './pyprep.mjs';

const env = useBrowser('/');

const QUADRATIC_TWO_SUM = `def two_sum(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return (nums[i], nums[j])
    return None
`;

const LINEAR_TWO_SUM = `def two_sum(nums, target):
    seen = set()
    for b in nums:
        if target - b in seen:
            return (target - b, b)
        seen.add(b)
    return None
`;

test('a quadratic two-sum is told it grows like n² and that O(n) is possible', async () => {
  const context = await env.browser.newContext();
  const app = await App.open(context, env.url);
  await app.question('Two numbers that add up to a target');
  await app.pythonReady();
  await app.setCode(QUADRATIC_TWO_SUM);
  const outcome = await app.submit();
  // Too slow for the 100,000-number tests; the growth note says why.
  assert.match(outcome, /^Time limit/);
  const note = app.page.getByRole('note', { name: 'Growth' });
  await note.waitFor();
  assert.match(await note.textContent(), /Your two_sum grows like O\(n²\) on larger inputs; O\(n\) is possible\./);

  await app.setCode(LINEAR_TWO_SUM);
  assert.match(await app.submit(), /^Accepted/);
  await note.waitFor();
  assert.match(await note.textContent(), /Your two_sum grows like O\(n\), as a good answer does\./);
  // The counts it was fitted from are one click away.
  await note.getByText('How it was measured').click();
  assert.equal(await note.getByRole('row').count(), 5);
  assert.deepEqual(app.errors, []);
  await context.close();
});
