// Prepares what Trunk copies into the app (run by Trunk's pre_build hook, or by hand):
//   www/gen/editor.js        CodeMirror, bundled as an ES module the Rust UI imports
//   www/gen/judge/worker.js  the judge worker, with the WASI shim bundled in
//   www/gen/judge/judge.wasm the judge (`pyprep` built for wasm32-wasip1, profile
//                            `judge`). Not run through wasm-opt: that takes minutes
//                            and saved 3 % of the gzipped size, with no gain in speed
//                            or in how deep Python can recurse once V8 optimises it.
// Everything comes from the packages npm and cargo installed; nothing is downloaded.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

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

copyFileSync(built, out);
