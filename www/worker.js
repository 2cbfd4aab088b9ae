// The judge worker: runs the WASI build of the judge, one fresh instance per run.
//
// The module is compiled once; each run instantiates it again, so nothing
// carries over between runs. Deep recursion is kept off the end of the
// engine's stack by engine-stack.js. The page sends the sandbox's stdin
// ready-made (the run's event key, then the request: `ToWorker` in
// src/protocol.rs); the worker passes it through unread, and forwards the
// stderr lines shaped like signed events (`FromWorker::Line`) for the page to
// check against the key. The candidate's raw writes to stdout go nowhere;
// forged lines on stderr fail the page's check.
import { WASI, WASIProcExit, Fd, PreopenDirectory, ConsoleStdout, wasi } from '@bjorn3/browser_wasi_shim';
import { stackImports, stackSwitching } from './engine-stack.js';

const judgeUrl = new URL('judge.wasm', self.location.href);
// protocol::PROTOCOL_VERSION: the messages this worker speaks.
const PROTOCOL = 2;
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
  () => post(JSON.stringify({ type: 'loaded', interactive_input: stackSwitching, protocol: PROTOCOL })),
  (e) => post(JSON.stringify({ type: 'load_failed', message: String(e && e.message || e) })),
);

/**
 * The sandbox's stdin: read once, front to back (the code cannot rewind it
 * to find the key). An interactive run gets more bytes as the user types
 * (`push`), until `end`; a read that finds nothing yet waits for them.
 */
class RunStdin extends Fd {
  constructor(bytes) {
    super();
    this.bytes = bytes;
    this.pos = 0;
    this.ended = false;
    this.waiting = null;
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
  /** Whether a read now would find nothing although more may come. */
  starved() {
    return this.pos >= this.bytes.length && !this.ended;
  }
  /** Resolves once there are bytes to read or the input has ended. */
  more() {
    return new Promise((resolve) => { this.waiting = resolve; });
  }
  push(bytes) {
    if (bytes.length === 0) this.ended = true;
    const rest = this.bytes.slice(this.pos);
    this.bytes = new Uint8Array(rest.length + bytes.length);
    this.bytes.set(rest);
    this.bytes.set(bytes, rest.length);
    this.pos = 0;
    const wake = this.waiting;
    this.waiting = null;
    if (wake) wake();
  }
}

/** The stdin of the run now going, for `input` messages. */
let current = null;

/** `SEQ TAG JSON`: the shape of a signed event line (protocol::EventWriter). */
const EVENT_LINE = /^\d+ [0-9a-f]{64} \{/;

/** Splits stderr into lines (dropping absurdly long ones) and forwards those shaped like events. */
function eventLines(run) {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let partial = '';
  let overlong = false;
  return new ConsoleStdout((bytes) => {
    const lines = (partial + decoder.decode(bytes, { stream: true })).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      if (overlong) { overlong = false; continue; }
      if (EVENT_LINE.test(line)) post(JSON.stringify({ type: 'line', run, line }));
    }
    if (partial.length > MAX_LINE) { partial = ''; overlong = true; }
  });
}

async function runOnce(run, stdinText, interactive) {
  let module;
  try {
    module = await judge;
  } catch (e) {
    post(JSON.stringify({ type: 'crashed', run, message: `the judge did not load: ${e}`, stack_overflow: false }));
    return;
  }
  const stdin = new RunStdin(new TextEncoder().encode(stdinText));
  stdin.ended = !interactive;
  current = { run, stdin };
  const fds = [
    stdin,
    new ConsoleStdout(() => {}), // the candidate's raw writes to fd 1 go nowhere
    eventLines(run),
    new PreopenDirectory('/', new Map()),
  ];
  const shim = new WASI(['pyprep', 'sandbox', '--workdir', '/'], [], fds, { debug: false });
  try {
    let instance;
    const pyprep = stackImports(() => instance.exports.__indirect_function_table, stackSwitching);
    const imports = { ...shim.wasiImport };
    if (stackSwitching) {
      // An interactive run's input() waits here, off the stack, for the next line.
      const read = shim.wasiImport.fd_read;
      imports.fd_read = new WebAssembly.Suspending((fd, iovs, count, nread) => {
        if (fd === 0 && stdin.starved()) return stdin.more().then(() => read(fd, iovs, count, nread));
        return read(fd, iovs, count, nread);
      });
    } else {
      stdin.ended = true; // nothing can wait here: input ends where the given text ends
    }
    instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: imports, pyprep });
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
  const message = JSON.parse(event.data);
  if (message.type === 'run') {
    runOnce(message.run, message.stdin, Boolean(message.interactive));
  } else if (message.type === 'input' && current && current.run === message.run) {
    current.stdin.push(new TextEncoder().encode(message.text));
  }
};
