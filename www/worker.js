// The judge worker: runs the WASI build of the judge, one fresh instance per run.
//
// The module is compiled once; each run gets an instance of its own, so
// nothing carries over between runs. Where the engine can suspend wasm
// (JSPI), the worker starts the next run's instance as soon as the last one
// has ended: it builds its interpreter (`sandbox --prepare`) and then waits,
// off the stack, for its stdin, so a click finds the slow part done. The
// instance still learns everything about its run (the key, the request,
// files, input) only from that stdin. Deep recursion is kept off the end of
// the engine's stack by engine-stack.js. The page sends the sandbox's stdin
// ready-made (the run's event key, then the request: `ToWorker` in
// src/core/protocol.rs); the worker passes it through unread, and forwards the
// stderr lines shaped like signed events (`FromWorker::Line`) for the page to
// check against the key. The candidate's raw writes to stdout go nowhere;
// forged lines on stderr fail the page's check.
import { WASI, WASIProcExit, Fd, File, PreopenDirectory, ConsoleStdout, wasi } from '@bjorn3/browser_wasi_shim';
import { stackImports, stackSwitching } from './engine-stack.js';

const judgeUrl = new URL('judge.wasm', self.location.href);
// The fingerprint names this build's file (the service worker keeps it without the query).
const laterUrl = new URL(`stdlib-later.frozen?v=${__LATER_FINGERPRINT__}`, self.location.href);
/**
 * The modules of the standard library that come in the later file
 * (src/judge/stdlib/later.txt; www/build.mjs puts the list here).
 */
const LATER_MODULES = __LATER_MODULES__;
/** How long after loading the worker fetches the later part, if no run has fetched it yet. */
const LATER_AFTER_IDLE_MS = 10_000;
/** How long after a run the worker fetches the later part. */
const LATER_AFTER_RUN_MS = 2_000;
/** How long a run that imports a later module waits for it, at most. */
const LATER_WAIT_MS = 15_000;
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
  () => {
    post(JSON.stringify({ type: 'loaded', interactive_input: stackSwitching, protocol: PROTOCOL }));
    setTimeout(prepareSpare, 0);
    // The later part of the standard library comes after the first run; or
    // now, if a while passes without one (so it is there offline too).
    const idle = setTimeout(() => keepsLater && !laterBytes && fetchLater(), LATER_AFTER_IDLE_MS);
    idle?.unref?.(); // where timers can keep a process alive (node), this one does not
  },
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

/**
 * Splits stderr into lines (dropping absurdly long ones) and forwards those
 * shaped like events, marked with `owner.run` (set when the instance is given
 * its run: a prepared instance writes nothing before it has read its stdin).
 */
function eventLines(owner) {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let partial = '';
  let overlong = false;
  return new ConsoleStdout((bytes) => {
    const lines = (partial + decoder.decode(bytes, { stream: true })).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      if (overlong) { overlong = false; continue; }
      if (EVENT_LINE.test(line)) post(JSON.stringify({ type: 'line', run: owner.run, line }));
    }
    if (partial.length > MAX_LINE) { partial = ''; overlong = true; }
  });
}

/**
 * Starts a fresh sandbox instance of `module`. With `prepare` (only under
 * stack switching) the judge builds its interpreter first and then waits,
 * off the stack, for its stdin: that is the spare the next run takes
 * (`sandbox --prepare`, src/sandbox.rs). Returns the instance's handle:
 * `owner.run` is the run it serves, `stdin` its input, and `ended` settles
 * with the message that reports how it ended (without its run).
 */
function launch(module, stdin, prepare) {
  const owner = { run: null, stdin, ended: null, withLater: laterBytes !== null };
  const fds = [
    stdin,
    new ConsoleStdout(() => {}), // the candidate's raw writes to fd 1 go nowhere
    eventLines(owner),
    new PreopenDirectory('/', new Map()),
  ];
  if (owner.withLater) {
    // src/judge/stdlib.rs, LATER_FILE: a folder of its own, outside the working folder, the file read-only.
    fds.push(new PreopenDirectory('/usr/lib/pyprep', new Map([['stdlib-later.frozen', new File(laterBytes, { readonly: true })]])));
  }
  const args = ['pyprep', 'sandbox', '--workdir', '/', ...(prepare ? ['--prepare'] : [])];
  const shim = new WASI(args, [], fds, { debug: false });
  const ending = (e) => {
    if (e instanceof WASIProcExit) return { type: 'exited', code: e.code | 0 };
    const stackOverflow = e instanceof RangeError || /call stack/i.test(String(e));
    return { type: 'crashed', message: String(e && e.message || e), stack_overflow: stackOverflow };
  };
  owner.ended = (async () => {
    let instance;
    const pyprep = stackImports(() => instance.exports.__indirect_function_table, stackSwitching);
    const imports = { ...shim.wasiImport };
    if (stackSwitching) {
      // A read of stdin that finds nothing yet waits here, off the stack:
      // a prepared instance for its run, an interactive run's input() for
      // the next line the user types.
      const read = shim.wasiImport.fd_read;
      imports.fd_read = new WebAssembly.Suspending((fd, iovs, count, nread) => {
        if (fd === 0 && stdin.starved()) return stdin.more().then(() => read(fd, iovs, count, nread));
        return read(fd, iovs, count, nread);
      });
    } else {
      stdin.ended = true; // nothing can wait here: input ends where the given text ends
    }
    try {
      instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: imports, pyprep });
      if (stackSwitching) {
        // Run on stacks of its own (JSPI): a worker's own stack is small, and
        // the interpreter recurses natively for every Python call; deep
        // recursion moves on to fresh stacks (engine-stack.js).
        shim.inst = instance;
        await WebAssembly.promising(instance.exports._start)();
        return { type: 'exited', code: 0 };
      }
      return { type: 'exited', code: shim.start(instance) | 0 };
    } catch (e) {
      return ending(e);
    }
  })();
  return owner;
}

/**
 * The prepared instance the next run takes, or null. Only with stack
 * switching (elsewhere an instance cannot wait for its stdin), and only in
 * the worker that runs code: the syntax checker's worker (named 'syntax' by
 * the page) only parses, and needs no interpreter.
 */
let spare = null;

/**
 * The later part of the standard library (src/judge/stdlib.rs): the modules
 * interview answers rarely import, in a file of their own so that the first
 * verdict does not wait for them. Downloaded after the first run, or before
 * a run whose code imports one of them; every instance launched once it is
 * here finds it at `LATER_FILE`, beside its working folder.
 */
let laterBytes = null;
let laterDownload = null;
function fetchLater() {
  laterDownload ??= fetch(laterUrl)
    .then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      laterBytes = new Uint8Array(await response.arrayBuffer());
      // A spare prepared without it makes way for one with it.
      if (spare && !spare.withLater) {
        spare = null;
        setTimeout(prepareSpare, 0);
      }
    })
    .catch(() => {
      laterDownload = null; // tried again with the next run; until then the judge says why an import failed
    });
  return laterDownload;
}

/**
 * Whether `code` needs the later file: it imports a module of the later part,
 * calls what imports one (help, breakpoint, unittest's assertLogs), or reads
 * Unicode character names (`"\N{...}"`, `unicodedata`), whose tables come in
 * that file too.
 */
function importsLater(code) {
  if (/\b(?:help|breakpoint|assertLogs|assertNoLogs)\s*\(/.test(code)) return true;
  if (/\\N\{/.test(code)) return true;
  const names = [];
  // At the start of a line, or after `;` or `:` (`try: import tomllib`).
  for (const m of code.matchAll(/(?:^|[;:])[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+\(?([^#\n;)]*)/gm)) {
    names.push(m[1], ...m[2].split(',').map((part) => `${m[1]}.${part.trim().split(/\s+/)[0]}`));
  }
  for (const m of code.matchAll(/(?:^|[;:])[ \t]*import[ \t]+([^#\n;]+)/gm)) {
    names.push(...m[1].split(',').map((part) => part.trim().split(/\s+/)[0]));
  }
  for (const m of code.matchAll(/(?:__import__|import_module)\(\s*['"]([\w.]+)['"]/g)) names.push(m[1]);
  return names.some((name) => name === 'unicodedata' || LATER_MODULES.some((later) => name === later || name.startsWith(`${later}.`)));
}

/** Whether the run asked for by `stdinText` (a key line, then the request) imports a later module. */
function runImportsLater(stdinText) {
  try {
    const request = JSON.parse(stdinText.slice(stdinText.indexOf('\n') + 1));
    // The code, and the user's own .py files it may import.
    const files = (request.play?.files || []).filter(([name]) => name.endsWith('.py')).map(([, text]) => text);
    return [request.code || '', ...files].some(importsLater);
  } catch {
    return false;
  }
}
const keepsSpare = stackSwitching && self.name !== 'syntax';
/** The syntax checker's worker never runs code, so never needs the later part. */
const keepsLater = self.name !== 'syntax';
/** Whether a run is going: a spare is prepared only after it, never beside it. */
let running = false;

/** Prepares the next run's instance while nothing else is going on. */
function prepareSpare() {
  if (!keepsSpare || spare || running) return;
  judge.then((module) => {
    if (spare || running) return;
    const instance = launch(module, new RunStdin(new Uint8Array(0)), true);
    spare = instance;
    // One that ended while waiting (it could not prepare) is no spare.
    instance.ended.then(() => { if (spare === instance) spare = null; });
  }, () => {});
}

async function runOnce(run, stdinText, interactive) {
  running = true;
  let module;
  try {
    module = await judge;
  } catch (e) {
    running = false;
    post(JSON.stringify({ type: 'crashed', run, message: `the judge did not load: ${e}`, stack_overflow: false }));
    return;
  }
  if (keepsLater && !laterBytes && runImportsLater(stdinText)) {
    // Not for long: the page gives a run's start-up 30 s (report::STARTUP_BUDGET_MS);
    // past this the run goes without it, and the judge says why an import failed.
    await Promise.race([fetchLater(), new Promise((resolve) => setTimeout(resolve, LATER_WAIT_MS))]);
  }
  const bytes = new TextEncoder().encode(stdinText);
  let instance = spare;
  spare = null;
  if (instance && laterBytes && !instance.withLater) instance = null; // prepared before the later part came
  if (instance) {
    instance.run = run;
    instance.stdin.ended = !interactive;
    instance.stdin.push(bytes); // it resumes: the key, the request, then the run
  } else {
    const stdin = new RunStdin(bytes);
    stdin.ended = !interactive;
    instance = launch(module, stdin, false);
    instance.run = run;
  }
  current = { run, stdin: instance.stdin };
  const ending = await instance.ended;
  running = false;
  post(JSON.stringify({ ...ending, run }));
  // The next run's instance, once this run's last message is out; and,
  // after the first run, the later part of the standard library, once the
  // page has shown the verdict and that instance is prepared.
  setTimeout(prepareSpare, 0);
  if (!laterBytes && keepsLater) setTimeout(fetchLater, LATER_AFTER_RUN_MS);
}

self.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.type === 'run') {
    runOnce(message.run, message.stdin, Boolean(message.interactive));
  } else if (message.type === 'input' && current && current.run === message.run) {
    current.stdin.push(new TextEncoder().encode(message.text));
  }
};
