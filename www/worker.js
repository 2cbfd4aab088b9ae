// The judge worker: runs the WASI build of the judge, one fresh instance per run.
//
// The module is compiled once; each run instantiates it again, so nothing
// carries over between runs. Deep recursion is kept off the end of the
// engine's stack by engine-stack.js. The run request reaches the sandbox on stdin,
// after a secret line; the sandbox answers with secret-prefixed event lines
// on stderr, which are wrapped as JSON messages for the UI (the shapes are
// `FromWorker` in src/protocol.rs). The candidate's own writes to the real
// stdout and stderr never reach the UI: only lines with the secret do.
import { WASI, WASIProcExit, Fd, PreopenDirectory, ConsoleStdout, wasi } from '@bjorn3/browser_wasi_shim';
import { stackImports, stackSwitching } from './engine-stack.js';

const judgeUrl = new URL('judge.wasm', self.location.href);
const MAX_LINE = 64 << 20;

function post(json) {
  self.postMessage(json);
}

async function compileJudge() {
  const response = await fetch(judgeUrl);
  if (!response.ok) throw new Error(`could not fetch the judge: HTTP ${response.status}`);
  try {
    return await WebAssembly.compileStreaming(response.clone());
  } catch (e) {
    // Some static hosts serve .wasm without the application/wasm type.
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

const judge = compileJudge();
judge.then(
  () => post('{"type":"loaded"}'),
  (e) => post(JSON.stringify({ type: 'load_failed', message: String(e && e.message || e) })),
);

/** stdin that can be read once, front to back: the code cannot rewind it to find the secret. */
class OnceStdin extends Fd {
  constructor(bytes) {
    super();
    this.bytes = bytes;
    this.pos = 0;
  }
  fd_fdstat_get() {
    const fdstat = new wasi.Fdstat(wasi.FILETYPE_CHARACTER_DEVICE, 0);
    fdstat.fs_rights_base = BigInt(wasi.RIGHTS_FD_READ);
    return { ret: 0, fdstat };
  }
  fd_read(size) {
    const data = this.bytes.slice(this.pos, this.pos + size);
    this.pos += data.length;
    return { ret: 0, data };
  }
}

/** Splits stderr into lines (dropping absurdly long ones) and forwards the judge's events. */
function eventLines(secret, run) {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let partial = '';
  let overlong = false;
  return new ConsoleStdout((bytes) => {
    const lines = (partial + decoder.decode(bytes, { stream: true })).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      if (overlong) { overlong = false; continue; }
      const at = line.indexOf(secret);
      if (at >= 0) post(`{"type":"event","run":${run},"event":${line.slice(at + secret.length + 1)}}`);
    }
    if (partial.length > MAX_LINE) { partial = ''; overlong = true; }
  });
}

function secretHex() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function runOnce(run, request) {
  let module;
  try {
    module = await judge;
  } catch (e) {
    post(JSON.stringify({ type: 'crashed', run, message: `the judge did not load: ${e}`, stack_overflow: false }));
    return;
  }
  const secret = secretHex();
  const stdin = new TextEncoder().encode(`${secret}\n${request}`);
  const fds = [
    new OnceStdin(stdin),
    new ConsoleStdout(() => {}), // the candidate's raw writes to fd 1 go nowhere
    eventLines(secret, run),
    new PreopenDirectory('/', new Map()),
  ];
  const shim = new WASI(['pyprep', 'sandbox', '--workdir', '/'], [], fds);
  try {
    let instance;
    const pyprep = stackImports(() => instance.exports.__indirect_function_table, stackSwitching);
    instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: shim.wasiImport, pyprep });
    let code = 0;
    if (stackSwitching) {
      // Run on stacks of its own (JSPI): a worker's own stack is small, and
      // the interpreter recurses natively for every Python call; deep
      // recursion moves on to fresh stacks (engine-stack.js).
      shim.inst = instance;
      await WebAssembly.promising(instance.exports._start)();
    } else {
      code = shim.start(instance);
    }
    post(JSON.stringify({ type: 'exited', run, code: code | 0 }));
  } catch (e) {
    if (e instanceof WASIProcExit) {
      post(JSON.stringify({ type: 'exited', run, code: e.code | 0 }));
    } else {
      const stackOverflow = e instanceof RangeError || /call stack/i.test(String(e));
      post(JSON.stringify({ type: 'crashed', run, message: String(e && e.message || e), stack_overflow: stackOverflow }));
    }
  }
}

self.onmessage = (event) => {
  const { run, request } = JSON.parse(event.data);
  runOnce(run, JSON.stringify(request));
};
