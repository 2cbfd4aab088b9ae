// The playground and "try it yourself": free Python, your own input, Stop,
// files, and a call of a question's function with your own arguments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { App, PRIME, useBrowser } from './pyprep.mjs';

const env = useBrowser('/');

async function playground() {
  const context = await env.browser.newContext();
  const app = await App.open(context, env.url, '#/play');
  await app.page.getByRole('heading', { level: 1, name: 'Playground' }).waitFor();
  await app.pythonReady();
  return { context, app };
}

function console(app) {
  return app.page.getByRole('region', { name: 'Console' });
}

/** Waits until the console's outcome line is no longer "Running…"; returns it. */
async function finished(app, timeout = 60_000) {
  const outcome = console(app).locator('p.outcome');
  await app.page.waitForFunction(() => {
    const o = document.querySelector('.console-box.live p.outcome');
    return o && !o.textContent.startsWith('Running');
  }, null, { timeout });
  return (await outcome.textContent()).trim();
}

test('the header leads to the playground, which runs any Python with input() answered in the console', async () => {
  const context = await env.browser.newContext();
  const app = await App.open(context, env.url);
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playground' }).click();
  await app.page.getByRole('heading', { level: 1, name: 'Playground' }).waitFor();
  await app.pythonReady();
  await app.setCode('name = input("Name? ")\nage = int(input("Age? "))\nprint(f"Hello, {name}! Next year: {age + 1}")\n');
  await app.page.getByRole('button', { name: 'Run', exact: true }).click();
  const input = console(app).getByRole('textbox', { name: 'Input' });
  await input.fill('Ada');
  await input.press('Enter');
  await console(app).getByText('Age? ').waitFor();
  await input.fill('36');
  await input.press('Enter');
  assert.match(await finished(app), /^Finished/);
  assert.match(await console(app).getByLabel('Printed output').textContent(), /Name\? Ada\s+Age\? 36\s+Hello, Ada! Next year: 37/);
  assert.deepEqual(app.errors, []);
  await context.close();
});

test('a first run that imports a rarely used module waits for the rest of the standard library', async () => {
  // xml and email are in the judge's later file (src/judge/stdlib/later.txt),
  // which the worker downloads before this first run because the code imports them.
  const { context, app } = await playground();
  const later = [];
  app.page.on('request', (r) => { if (r.url().includes('stdlib-later.frozen')) later.push(r.url()); });
  await app.setCode('from xml.dom import minidom\nimport email.message\nm = email.message.EmailMessage()\nm["Subject"] = "hi"\nprint(minidom.parseString("<a><b/></a>").documentElement.firstChild.tagName, m["Subject"])\n');
  await app.page.getByRole('button', { name: 'Run', exact: true }).click();
  assert.match(await finished(app), /^Finished/);
  assert.match(await console(app).getByLabel('Printed output').textContent(), /b hi/);
  // The next run gets it too, without a second download.
  await app.setCode('import tomllib\nprint(tomllib.loads("x = 1"))\n');
  await app.page.getByRole('button', { name: 'Run', exact: true }).click();
  assert.match(await finished(app), /^Finished/);
  assert.match(await console(app).getByLabel('Printed output').textContent(), /\{'x': 1\}/);
  assert.equal(later.length, 1, 'the later file is downloaded once');
  assert.deepEqual(app.errors, []);
  await context.close();
});

test('Unicode character names come with the later file: a first run that reads them waits for it', async () => {
  // The judge's Unicode name tables are in its later file: the worker fetches
  // it before a run whose code has a "\\N{...}" escape or imports unicodedata,
  // and the editor's check, which never has the tables, marks no error there.
  const { context, app } = await playground();
  await app.pythonReady();
  await app.setCode('print(\n');
  await app.page.locator('.cm-lintRange-error').first().waitFor({ timeout: 30_000 });
  await app.setCode('import unicodedata\nprint(ascii("\\N{snowman}"), unicodedata.name("\\u2022"))\n');
  await app.page.waitForFunction(() => !document.querySelector('.cm-lintRange-error'), null, { timeout: 30_000 });
  await app.page.getByRole('button', { name: 'Run', exact: true }).click();
  assert.match(await finished(app), /^Finished/);
  assert.match(await console(app).getByLabel('Printed output').textContent(), /'\\u2603' BULLET/);
  assert.deepEqual(app.errors, []);
  await context.close();
});

test('Stop ends an endless loop, and the next run works', async () => {
  const { context, app } = await playground();
  await app.setCode('print("start")\nwhile True:\n    pass\n');
  await app.page.getByRole('button', { name: 'Run', exact: true }).click();
  await console(app).getByText('start').waitFor();
  await app.page.getByRole('button', { name: 'Stop' }).click();
  assert.match(await finished(app), /^Stopped/);
  await app.pythonReady();
  await app.setCode('print(6 * 7)\n');
  await app.page.getByRole('button', { name: 'Run', exact: true }).click();
  assert.match(await finished(app), /^Finished/);
  assert.match(await console(app).getByLabel('Printed output').textContent(), /42/);
  await context.close();
});

test('each run starts in a fresh interpreter: nothing one run leaves is seen by the next', async () => {
  // The worker prepares the next run's interpreter while the page is idle;
  // it must still be a new one, with its own random seed and an empty folder.
  const { context, app } = await playground();
  const output = () => console(app).getByLabel('Printed output').textContent();
  const run = async (code) => {
    await app.setCode(code);
    await app.page.getByRole('button', { name: 'Run', exact: true }).click();
    assert.match(await finished(app), /^Finished/);
    return output();
  };
  const leave = [
    'import builtins, random, sys, unittest',
    'sys.left = builtins.left = unittest.left = 1',
    'sys.setrecursionlimit(5000)',
    'open("left.txt", "w").write("x")',
    'print("seed", random.random())',
  ].join('\n');
  const look = [
    'import builtins, os, random, sys, unittest',
    'print("left", [hasattr(m, "left") for m in (sys, builtins, unittest)], os.path.exists("left.txt"), sys.getrecursionlimit())',
    'print("seed", random.random())',
  ].join('\n');
  const first = await run(leave);
  const second = await run(look);
  assert.match(second, /left \[False, False, False\] False 1000/);
  const seed = (text) => text.match(/seed (\S+)/)[1];
  assert.notEqual(seed(first), seed(second));
  assert.notEqual(seed(second), seed(await run(look)));
  assert.deepEqual(app.errors, []);
  await context.close();
});

test('files the user adds can be read, and files the code writes are listed afterwards', async () => {
  const { context, app } = await playground();
  await app.page.getByText(/^Files the code can open/).click();
  await app.page.getByRole('textbox', { name: 'Add a file' }).fill('words.txt');
  await app.page.getByRole('button', { name: 'Add', exact: true }).click();
  await app.page.getByRole('textbox', { name: 'words.txt' }).fill('to be or not to be');
  await app.setCode('words = open("words.txt").read().split()\nwith open("count.txt", "w") as f:\n    f.write(str(len(words)))\n');
  await app.page.getByRole('button', { name: 'Run', exact: true }).click();
  assert.match(await finished(app), /^Finished/);
  const files = console(app).getByRole('list', { name: 'Files after the run' });
  await files.getByText('count.txt').click();
  await files.getByText('6', { exact: true }).waitFor();
  await context.close();
});

test('a runtime error names the exception and its line, which moves the cursor', async () => {
  const { context, app } = await playground();
  await app.setCode('x = 1\ny = x / 0\n');
  await app.page.getByRole('button', { name: 'Run', exact: true }).click();
  assert.match(await finished(app), /^Runtime error/);
  await console(app).getByText(/ZeroDivisionError/).first().waitFor();
  await console(app).getByRole('button', { name: 'line 2' }).click();
  await context.close();
});

test('a question can be tried with your own call, showing the value and its type', async () => {
  const context = await env.browser.newContext();
  const app = await App.open(context, env.url, '#/q/is-prime');
  await app.pythonReady();
  await app.setCode(PRIME + '\nprint("module loaded")\n');
  const tryIt = app.page.getByRole('region', { name: 'Try it yourself' });
  await tryIt.getByRole('textbox', { name: 'Your call' }).fill('is_prime(97)');
  await tryIt.getByRole('button', { name: 'Call' }).click();
  await tryIt.getByText('module loaded').waitFor();
  const returned = tryIt.locator('.value-view');
  await returned.getByText('True', { exact: true }).waitFor();
  assert.equal((await returned.locator('code.type').textContent()).trim(), 'bool');
  // Not counted: the question is still new in the progress summary.
  await app.page.getByRole('link', { name: 'PyPrep' }).click();
  await app.page.getByText(/^0 of \d+ done/).waitFor();
  await context.close();
});

test('a program question can be tried with your own files and input', async () => {
  const context = await env.browser.newContext();
  const app = await App.open(context, env.url, '#/q/reverse-file');
  await app.pythonReady();
  await app.setCode("with open('data.txt') as f:\n    lines = f.read().splitlines()\nfor line in reversed(lines):\n    print(line)\nprint('typed:', input())\n");
  const tryIt = app.page.getByRole('region', { name: 'Try it yourself' });
  // The first example's file is there to edit.
  const data = tryIt.getByRole('textbox', { name: 'data.txt' });
  assert.equal(await data.inputValue(), 'alpha\nbeta\ngamma\n');
  await data.fill('first\nsecond\nthird\n');
  await tryIt.getByRole('textbox', { name: 'Your input (stdin)' }).fill('hello\n');
  await tryIt.getByRole('button', { name: 'Run with this input' }).click();
  await tryIt.getByText('typed: hello').waitFor();
  const printed = await tryIt.locator('.console-box.live').textContent();
  assert.ok(printed.indexOf('third') < printed.indexOf('second') && printed.indexOf('second') < printed.indexOf('first'), printed);
  await context.close();
});
