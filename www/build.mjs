// Prepares what Trunk copies into the app (run by Trunk's pre_build hook, or by hand):
//   www/gen/editor.js        CodeMirror, bundled as an ES module the Rust UI imports
//   www/gen/judge/worker.js  the judge worker, with the WASI shim bundled in
//   www/gen/judge/judge.wasm the judge (`pyprep` built for wasm32-wasip1); in a
//                            release build also optimised by wasm-opt, which gives
//                            deep Python recursion about 50 % more engine stack
// Everything comes from the packages npm and cargo installed; nothing is downloaded.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const release = process.env.TRUNK_PROFILE === 'release' || process.argv.includes('--release');

const common = { bundle: true, minify: true, legalComments: 'eof', target: ['es2020'], logLevel: 'warning' };
await build({ ...common, entryPoints: ['www/editor.js'], outfile: 'www/gen/editor.js', format: 'esm' });
await build({ ...common, entryPoints: ['www/worker.js'], outfile: 'www/gen/judge/worker.js', format: 'iife' });

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

run(process.env.CARGO || 'cargo', ['build', '--profile', 'judge', '--target', 'wasm32-wasip1', '--bin', 'pyprep']);
const targetDir = process.env.CARGO_TARGET_DIR || join(root, 'target');
const built = join(targetDir, 'wasm32-wasip1', 'judge', 'pyprep.wasm');
const out = 'www/gen/judge/judge.wasm';
mkdirSync(dirname(out), { recursive: true });

// wasm-opt takes minutes: only run it when the judge changed since the last optimised copy.
const source = createHash('sha256').update(readFileSync(built)).digest('hex');
const stamp = 'www/gen/judge.wasm.source';
const wanted = `${release ? 'opt' : 'plain'} ${source}`;
if (!existsSync(out) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted) {
  if (release) {
    const wasmOpt = existsSync('node_modules/.bin/wasm-opt') ? 'node_modules/.bin/wasm-opt' : 'wasm-opt';
    console.log('optimising the judge with wasm-opt -O2 (this takes a few minutes)');
    run(wasmOpt, ['-O2', '--enable-bulk-memory', '--enable-sign-ext', '--enable-nontrapping-float-to-int',
      '--enable-mutable-globals', built, '-o', out]);
  } else {
    copyFileSync(built, out);
  }
  writeFileSync(stamp, wanted);
}
