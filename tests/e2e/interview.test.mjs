// Mock interviews in a real browser: one run to its summary, a reload in the
// middle, time running out while the page is closed, and a replay. Time is
// made to pass by moving the page's clock (Date.now), never by waiting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { App, PRIME, useBrowser } from './pyprep.mjs';

const env = useBrowser('/');
const CLOCK_KEY = 'test-clock-offset-ms';

/** Challenge ids by group, read from the challenge folders. */
function idsByGroup() {
  const groups = {};
  for (const dir of readdirSync('challenges')) {
    const file = `challenges/${dir}/challenge.toml`;
    if (!existsSync(file)) continue;
    const group = readFileSync(file, 'utf8').match(/^group = "(\w+)"/m)[1];
    (groups[group] ??= []).push(dir);
  }
  return groups;
}

/** A browser context whose pages read the clock moved on by the saved offset. */
async function freshContext() {
  const context = await env.browser.newContext();
  await context.addInitScript((key) => {
    const real = Date.now.bind(Date);
    Date.now = () => real() + Number(localStorage.getItem(key) || 0);
  }, CLOCK_KEY);
  return context;
}

/** Opens the app with every coding and spoken question solved but is-prime and why-python. */
async function openNearlySolved() {
  const context = await freshContext();
  const app = await App.open(context, env.url);
  const groups = idsByGroup();
  const solved = [...groups.coding, ...groups.professional, ...groups.situational, ...groups.behavioural]
    .filter((id) => id !== 'is-prime' && id !== 'why-python');
  await app.page.evaluate((ids) => {
    for (const id of ids) {
      localStorage.setItem(`pyprep.progress.${id}`, JSON.stringify({ v: 1, status: 'done', attempts: 1, at: 1 }));
    }
  }, solved);
  await app.page.reload();
  await app.page.getByRole('banner').getByRole('link', { name: 'PyPrep' }).waitFor();
  return { context, app };
}

/** Starts an interview of `coding` coding and `spoken` spoken questions, 30 minutes. */
async function startInterview(app, { coding, spoken }) {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Interview' }).click();
  await app.page.getByRole('heading', { level: 1, name: 'Mock interview' }).waitFor();
  await app.page.getByRole('radio', { name: 'Your own length and mix' }).check();
  await app.page.getByRole('combobox', { name: 'Length' }).selectOption('30');
  await app.page.getByRole('spinbutton', { name: 'Coding questions' }).fill(String(coding));
  await app.page.getByRole('spinbutton', { name: 'Concept cards' }).fill('0');
  await app.page.getByRole('spinbutton', { name: 'Spoken questions' }).fill(String(spoken));
  await app.page.getByRole('button', { name: /^Start the interview/ }).click();
  await app.page.getByRole('heading', { level: 2, name: 'Prime check' }).waitFor();
}

async function timeLeft(page) {
  const text = (await page.getByRole('timer', { name: 'Time left' }).textContent()).trim();
  const [m, s] = text.split(':').map(Number);
  return m * 60 + s;
}

function fact(section, term) {
  return section.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
}

/** Whether the page fits a phone's width without scrolling sideways. */
async function fitsPhone(page) {
  await page.setViewportSize({ width: 390, height: 844 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 1280, height: 720 });
  return width <= 390;
}

async function finish(page) {
  await page.getByRole('button', { name: 'Finish the interview' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Finish now' }).click();
  await page.getByRole('heading', { level: 1, name: 'Interview summary' }).waitFor();
}

test('a two-question mock interview runs to its end, and its summary stays after a reload', async () => {
  const { context, app } = await openNearlySolved();
  const page = app.page;
  await startInterview(app, { coding: 1, spoken: 1 });
  assert.equal(await page.getByRole('button', { name: /^\d\. / }).count(), 2, 'two questions');
  assert.ok(await fitsPhone(page), 'the interview fits 390 px');
  const left = await timeLeft(page);
  assert.ok(left <= 30 * 60 && left > 29 * 60, `${left} s left`);
  // Hints are there, and noted; the explanation is not.
  await page.getByRole('button', { name: 'Show hint 1 of 3' }).click();
  await page.getByText('Hints used: 1.').waitFor();
  assert.equal(await page.getByRole('region', { name: 'Explanation' }).count(), 0);

  await app.pythonReady();
  await app.setCode(PRIME);
  assert.match(await app.submit(), /^Accepted/);
  assert.equal(await page.getByText('Trial division').count(), 0, 'no explanation before the end');

  await page.getByRole('button', { name: 'Next question' }).click();
  await page.getByRole('heading', { level: 2, name: 'Why Python?' }).waitFor();
  await page.getByRole('timer', { name: 'Time on this question' }).waitFor();
  const answer = 'It reads like plain English, and I have used it for automation at work.';
  await page.getByRole('textbox', { name: /^Your answer/ }).fill(answer);
  await finish(page);

  const check = async () => {
    const prime = page.getByRole('region', { name: '1. Prime check' });
    assert.match(await fact(prime, 'Verdict').textContent(), /^Submitted: Accepted/);
    assert.equal((await fact(prime, 'Hints used').textContent()).trim(), '1');
    assert.match(await fact(prime, 'Time spent').textContent(), /^\d+:\d\d$/);
    assert.equal((await prime.locator('pre.submitted').textContent()).trimEnd(), PRIME.trimEnd());
    const spoken = page.getByRole('region', { name: '2. Why Python?' });
    assert.equal((await spoken.locator('.written-answer').textContent()).trim(), answer);
    return spoken;
  };
  const spoken = await check();
  const first = spoken.getByRole('group', { name: 'Check your answer' }).getByRole('checkbox').first();
  await first.check();
  assert.match(await page.locator('.lead').textContent(), /1 of 1 accepted/);
  assert.ok(await fitsPhone(page), 'the summary fits 390 px');

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Interview summary' }).waitFor();
  await check();
  assert.ok(await first.isChecked(), 'the ticked checklist item is kept');

  // The progress page lists it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  const past = page.getByRole('list', { name: 'Past interviews' }).getByRole('listitem');
  assert.equal(await past.count(), 1);
  assert.match(await past.first().textContent(), /1 of 1 accepted/);
  assert.ok(await fitsPhone(page), 'the progress page fits 390 px');
  assert.deepEqual(app.errors, []);
  await context.close();
});

test('a reload mid-interview resumes the same question, and time keeps counting while the page is closed', async () => {
  const { context, app } = await openNearlySolved();
  const page = app.page;
  await startInterview(app, { coding: 1, spoken: 1 });
  const draft = 'def is_prime(n):\n    return "my draft"\n';
  await app.setCode(draft);
  await page.getByRole('button', { name: 'Next question' }).click();
  await page.getByRole('heading', { level: 2, name: 'Why Python?' }).waitFor();
  await page.getByRole('textbox', { name: /^Your answer/ }).fill('Half an answer');

  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Why Python?' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: /^Your answer/ }).inputValue(), 'Half an answer');
  assert.ok(await timeLeft(page) > 29 * 60);

  // Ten minutes pass with the page closed.
  await page.evaluate((key) => localStorage.setItem(key, String(10 * 60_000)), CLOCK_KEY);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Why Python?' }).waitFor();
  const left = await timeLeft(page);
  assert.ok(left <= 20 * 60 && left > 19 * 60, `${left} s left`);
  const onThis = (await page.getByRole('timer', { name: 'Time on this question' }).textContent()).trim();
  assert.match(onThis, /^10:\d\d$/, onThis);
  await page.getByRole('button', { name: 'Previous question' }).click();
  await page.getByRole('heading', { level: 2, name: 'Prime check' }).waitFor();
  assert.equal((await app.code()).trimEnd(), draft.trimEnd());

  // Then the rest of the half hour: the interview ends by itself on the next visit.
  await page.evaluate((key) => localStorage.setItem(key, String(31 * 60_000)), CLOCK_KEY);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Interview summary' }).waitFor();
  assert.match(await page.locator('.lead').textContent(), /time ran out/);
  const prime = page.getByRole('region', { name: '1. Prime check' });
  assert.equal((await fact(prime, 'Verdict').textContent()).trim(), 'Not run');
  assert.match(await prime.locator('pre.submitted').textContent(), /my draft/);
  const total = await page.$$eval('.facts dt', (dts) => dts
    .filter((dt) => dt.textContent === 'Time spent')
    .map((dt) => dt.nextElementSibling.textContent));
  const seconds = total.map((t) => t.split(':').map(Number)).reduce((a, [m, s]) => a + m * 60 + s, 0);
  assert.ok(Math.abs(seconds - 30 * 60) <= 2, `the questions' times add up to the half hour: ${total}`);
  assert.deepEqual(app.errors, []);
  await context.close();
});

test('the replay of an answer plays to the final code, with each run where it happened', async () => {
  const { context, app } = await openNearlySolved();
  const page = app.page;
  await startInterview(app, { coding: 1, spoken: 0 });
  await app.pythonReady();
  await app.setCode('def is_prime(n):\n    return n % 2 == 1\n');
  assert.match(await app.run(), /^Wrong answer/);
  await app.setCode(PRIME);
  assert.match(await app.submit(), /^Accepted/);
  await finish(page);

  const prime = page.getByRole('region', { name: '1. Prime check' });
  await prime.getByText('Replay how Prime check was written').click();
  const replay = page.getByRole('region', { name: 'Replay of Prime check' });
  const code = replay.getByLabel('Replayed code');
  const starter = readFileSync('challenges/is-prime/starter.py', 'utf8');
  assert.equal((await code.textContent()).trimEnd(), starter.trimEnd(), 'it starts from the starter code');
  const runs = replay.getByRole('list', { name: 'Runs' }).getByRole('listitem');
  assert.equal(await runs.count(), 2);
  assert.match(await runs.nth(0).textContent(), /Run: Wrong answer/);
  assert.match(await runs.nth(1).textContent(), /Submit: Accepted/);
  assert.equal(await replay.locator('li.reached').count(), 0);

  await replay.getByRole('combobox', { name: 'Speed' }).selectOption('16');
  await replay.getByRole('button', { name: 'Play', exact: true }).click();
  await replay.getByRole('button', { name: 'Play again' }).waitFor({ timeout: 30_000 });
  assert.ok(await fitsPhone(page), 'the replay fits 390 px');
  assert.equal((await code.textContent()).trimEnd(), PRIME.trimEnd());
  assert.equal(await replay.locator('li.reached').count(), 2, 'both runs reached');
  assert.deepEqual(app.errors, []);
  await context.close();
});
