// Counts the machine instructions the judge's interpreter executes for each
// throughput program of bench/compare.mjs (bench/programs.mjs, at a size that
// keeps valgrind quick) and for the prime check's reference Submit, and prints a table.
// A count, not a time: however busy the machine, runs of one binary agree
// within a few per cent (string hashes, and so dict layouts, vary between
// runs), so a change to the interpreter can be weighed in one run each side. Needs valgrind and the native judge built with the
// browser judge's profile:
//   cargo build --profile judge --bin pyprep
//   node bench/instructions.mjs [path/to/pyprep] [--keep <folder>]
// --keep copies each run's callgrind file into the folder (named after the
// program), for `callgrind_annotate` to say where the instructions went.
// Each program runs as a playground run in the sandbox (the interpreter
// built before the request arrives, `--prepare`, as in the browser), and
// the count of an empty run is subtracted; the Submit counts everything
// after the request, its growth measurement included.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { throughputPrograms } from './programs.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const keepAt = args.indexOf('--keep');
const keep = keepAt >= 0 ? resolve(args.splice(keepAt, 2)[1]) : null;
if (keep) mkdirSync(keep, { recursive: true });
const judge = resolve(args[0] || join(root, 'target/judge/pyprep'));
if (!existsSync(judge)) {
  console.error(`no ${judge}: run \`cargo build --profile judge --bin pyprep\` first`);
  process.exit(2);
}
try {
  execFileSync('valgrind', ['--version']);
} catch {
  console.error('valgrind is needed (apt-get install valgrind)');
  process.exit(2);
}

const PROGRAMS = [
  ...throughputPrograms({ small: true }).map(([name, setup, work]) => [name, `${setup.trim()}\n${work.trim()}\n`.trimStart()]),
  ['a prime check loop, 50,000 turns', 'def is_prime(n):\n    d = 3\n    while d * d <= n:\n        if n % d == 0:\n            return False\n        d += 2\n    return True\nis_prime(10**10 + 19)\n'],
];

/** Instructions executed by the sandbox serving `request` (the key and the request, as the parent sends them). */
function count(request, name) {
  const work = mkdtempSync(join(tmpdir(), 'pyprep-instructions-'));
  try {
    // The sandbox confines itself to its working folder: callgrind writes its file there.
    const out = join(work, 'callgrind.out');
    const stdin = `${'0'.repeat(64)}\n${JSON.stringify(request)}\n`;
    const run = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, judge, 'sandbox', '--workdir', work, '--prepare'], { input: stdin, maxBuffer: 1 << 28 });
    const events = run.stderr.toString();
    if (!/"event":"finished"/.test(events)) throw new Error(`the run did not finish:\n${events.slice(-2000)}`);
    const failed = /"verdict":"(?!passed|accepted)[a-z_]+"/.exec(events);
    if (failed) throw new Error(`the run did not pass (${failed[0]}):\n${events.slice(-2000)}`);
    if (keep) copyFileSync(out, join(keep, `${name.replace(/[^\w.-]+/g, '-')}.callgrind`));
    const total = readdirSync(work).filter((f) => f.startsWith('callgrind.out')).map((f) => readFileSync(join(work, f), 'utf8'))
      .map((text) => Number(/^summary: (\d+)/m.exec(text)?.[1] ?? /^totals: (\d+)/m.exec(text)?.[1]));
    return total.reduce((a, b) => a + b, 0);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const play = (code) => ({ challenge: 'playground', code, mode: 'run', play: {} });
const millions = (n) => `${(n / 1e6).toFixed(1)} M`;
process.stderr.write('an empty run\n');
const empty = count(play('pass'), 'empty run');
const rows = [];
for (const [name, code] of PROGRAMS) {
  process.stderr.write(`${name}\n`);
  rows.push([name, millions(count(play(code), name) - empty)]);
}
process.stderr.write('the prime check reference, Submit\n');
const prime = readFileSync(join(root, 'challenges/is-prime/solution.py'), 'utf8');
rows.push(['Submit of the prime check reference (16 tests and the growth measurement)', millions(count({ challenge: 'is-prime', code: prime, mode: 'submit' }, 'prime submit') - empty)]);
console.log(['| program | instructions |', '|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n'));
console.log(`\nEach less an empty playground run (${millions(empty)}: building the interpreter, the run's harness, its report and exit), counted by valgrind's callgrind in ${judge}.`);
