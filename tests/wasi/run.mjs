// Runs the judge's WASI build under node's own WASI runtime, as the tests need
// (with the later part of the standard library, unless PYPREP_WITHOUT_LATER is set):
//   node tests/wasi/run.mjs <pyprep.wasm> <host folder seen as /> <pyprep args...>
// stdin, stdout and stderr are the process's own, so the native test parent
// can drive it exactly like the native sandbox. A JavaScript stack overflow
// ends the process with SIGSEGV, any other trap with SIGABRT, as native
// crashes would; proc_exit(n) ends the process with status n, after the
// judge has returned to JavaScript: node 20 ending the process from inside
// the judge's frames crashed now and then (SIGSEGV or SIGTRAP, after a
// program holding many objects had run).
import { openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { WASI } from 'node:wasi';
import { stackImports } from '../../www/engine-stack.js';

process.removeAllListeners('warning'); // node prints an "experimental" warning for WASI
const [wasmPath, root, ...args] = process.argv.slice(2);
const module = await WebAssembly.compile(await readFile(wasmPath));
// The judge writes its events to stderr. Node makes a pipe on fd 2
// non-blocking, so a write to a full pipe fails (EAGAIN) and the line is
// lost when the parent reads more slowly than the judge prints; every later
// event then fails its sequence check. Opening the pipe afresh gives a
// blocking descriptor: the judge waits for the parent, as natively.
let stderr = 2;
try {
  stderr = openSync('/proc/self/fd/2', 'w');
} catch {
  // No /proc: keep fd 2.
}
// The later part of the standard library, where the browser's worker puts
// it once downloaded (src/judge/stdlib.rs, LATER_FILE): build.mjs writes it
// beside the judge. PYPREP_WITHOUT_LATER runs the judge as a first run in a
// browser does, without it.
const preopens = { '/': root };
if (!process.env.PYPREP_WITHOUT_LATER) preopens['/usr/lib/pyprep'] = dirname(wasmPath);
const wasi = new WASI({ version: 'preview1', args: ['pyprep', ...args], env: {}, preopens, returnOnExit: true, stderr });
let code;
try {
  // Runs on node's own stack: deep recursion that does not fit ends in a
  // RecursionError, as in a browser without stack switching.
  let instance;
  const pyprep = stackImports(() => instance.exports.__indirect_function_table, false);
  instance = await WebAssembly.instantiate(module, { ...wasi.getImportObject(), pyprep });
  code = wasi.start(instance);
} catch (e) {
  writeSync(2, `wasm trap: ${e}\n`); // synchronous: the process is killed right after
  process.kill(process.pid, e instanceof RangeError ? 'SIGSEGV' : 'SIGABRT');
}
process.exitCode = code;
