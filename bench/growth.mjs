// What the growth measurement costs a Submit: for each question with a
// [growth] table, submits the reference to the WASI judge under node
// (tests/wasi/run.mjs, the build in www/gen/judge/judge.wasm) and prints the
// time from the `measuring` event to the `growth` event, beside the whole run.
//   node bench/growth.mjs [--runs N]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function submit(id, code) {
  const dir = mkdtempSync(join(tmpdir(), 'pyprep-growth-'));
  const child = spawn('node', ['--stack-size=3000', join(root, 'tests/wasi/run.mjs'), join(root, 'www/gen/judge/judge.wasm'), dir, 'sandbox', '--workdir', '/'], { stdio: ['pipe', 'ignore', 'pipe'] });
  // Any key: this script reads the events, it does not check them.
  child.stdin.end(`${'00'.repeat(32)}\n${JSON.stringify({ challenge: id, code, mode: 'submit' })}\n`);
  const at = {};
  let rest = '';
  child.stderr.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    for (const line of lines) {
      const event = /"event":"([a-z_]+)"/.exec(line)?.[1];
      if (event && !(event in at)) at[event] = performance.now();
    }
  });
  return new Promise((resolve) => child.on('close', () => {
    rmSync(dir, { recursive: true, force: true });
    resolve({ growth: at.growth - at.measuring, run: at.finished - at.ready });
  }));
}

const rows = [];
for (const id of readdirSync(join(root, 'challenges')).sort()) {
  let toml;
  try { toml = readFileSync(join(root, 'challenges', id, 'challenge.toml'), 'utf8'); } catch { continue; }
  if (!/^\[growth\]/m.test(toml)) continue;
  const code = readFileSync(join(root, 'challenges', id, 'solution.py'), 'utf8');
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await submit(id, code));
  rows.push([id, Math.round(median(samples.map((s) => s.growth))), Math.round(median(samples.map((s) => s.run)))]);
}
console.log(`| question | growth measurement, ms (median of ${runs}) | whole Submit after start-up, ms |`);
console.log('|---|---|---|');
for (const [id, g, r] of rows) console.log(`| ${id} | ${g} | ${r} |`);
