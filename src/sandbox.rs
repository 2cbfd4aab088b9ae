//! Both ends of the sandbox: the process that runs candidate code, and the
//! native parent that starts it, watches the clock and kills it.
//!
//! [`serve`] is the child (`pyprep sandbox`): natively a process of its own,
//! in the browser one WASI instance per run. Natively it first confines
//! itself to its scratch folder ([`confine`]); with `--prepare` it builds
//! its interpreter next; then it reads the event key and the request from
//! stdin, arms the memory cap, runs the judge and writes each event as a
//! signed line on stderr (see `protocol`). [`Sandbox`] is the native
//! parent used by the CLI, `pyprep validate` and the tests: the browser's
//! worker plays the same role in JavaScript. Both feed the events to the same
//! `report::RunTracker`.

pub mod confine;

use crate::judge::{self, Sink, memory};
use crate::protocol::{Event, EventWriter, parse_sandbox_stdin};
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Writes events as signed lines on stderr.
struct SignedLines {
    writer: EventWriter,
}

impl Sink for SignedLines {
    fn emit(&mut self, event: Event) {
        let line = self.writer.line(&event);
        let mut err = std::io::stderr().lock();
        // If the parent is gone there is no one to tell.
        let _ = err.write_all(line.as_bytes());
        let _ = err.flush();
    }
}

/// Stack for the interpreter's thread natively.
#[cfg(not(target_os = "wasi"))]
const NATIVE_STACK_BYTES: usize = 256 << 20;

/// The sandbox's main: reads the request from stdin and runs it in `workdir`.
///
/// With `prepare`, the interpreter is built and the embedded catalog read
/// before stdin is read (`judge::python::prepare`): the browser's worker
/// starts an instance so, and it waits for its run's stdin with the slow
/// part done. Natively the
/// process confines itself first either way, before reading anything.
///
/// Returns a message when the input is not a valid request.
pub fn serve(workdir: &Path, prepare: bool) -> Result<(), String> {
    // Natively, nothing outside the scratch folder is reachable from here on
    // (a failure is reported once the key to report it with has arrived).
    #[cfg(not(target_os = "wasi"))]
    let confined = confine::confine(workdir);
    #[cfg(target_os = "wasi")]
    let confined: Result<(), String> = Ok(());
    let serve = || {
        // A panic here, before there is a key to report it with, ends the
        // sandbox without events: the parent reports that it crashed.
        let prepared = prepare.then(|| {
            // The same for every run: read now, not after the click.
            crate::catalog::Catalog::prepare_for_runs();
            judge::python::prepare()
        });
        // Two lines, the key and the request; what follows is typed input
        // for an interactive free run, read as the code asks for it.
        let mut input = String::new();
        for _ in 0..2 {
            std::io::stdin()
                .read_line(&mut input)
                .map_err(|e| format!("cannot read stdin: {e}"))?;
        }
        let (key, request) = parse_sandbox_stdin(&input)?;
        drop(input);
        let writer = EventWriter::new(key);
        memory::arm(writer.memory_limit_line(memory::LIMIT_BYTES));
        let sink = SharedSink(Arc::new(Mutex::new(SignedLines { writer })));
        if let Err(message) = &confined {
            sink.clone().emit(Event::InternalError {
                message: message.clone(),
            });
            return Ok(());
        }
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            judge::run_prepared(&request, workdir, Box::new(sink.clone()), prepared);
        }));
        if let Err(panic) = result {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown panic".into());
            sink.clone().emit(Event::InternalError {
                message: format!("the judge panicked: {message}"),
            });
        }
        Ok(())
    };
    // Natively the interpreter gets a thread with a stack deep enough for any
    // recursion limit it allows; in WASI the stack size is set at link time.
    #[cfg(not(target_os = "wasi"))]
    return std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(NATIVE_STACK_BYTES)
            .spawn_scoped(s, serve)
            .map_err(|e| format!("cannot start the judge thread: {e}"))
            .and_then(|h| h.join().map_err(|_| "the judge thread died".to_owned()))
    })?;
    #[cfg(target_os = "wasi")]
    serve()
}

/// Lends the one signed channel to the judge, so that a panic report after
/// it continues the same numbering.
#[derive(Clone)]
struct SharedSink(Arc<Mutex<SignedLines>>);

impl Sink for SharedSink {
    fn emit(&mut self, event: Event) {
        // A panic while writing leaves the writer usable: its state is a counter.
        let mut lines = self.0.lock().unwrap_or_else(|e| e.into_inner());
        lines.emit(event);
    }
}

/// Splits a byte stream into lines, dropping lines longer than `max` bytes.
pub struct LineSplitter {
    buf: Vec<u8>,
    overlong: bool,
    max: usize,
}

impl LineSplitter {
    pub fn new(max: usize) -> Self {
        LineSplitter {
            buf: Vec::new(),
            overlong: false,
            max,
        }
    }

    /// Feeds bytes; calls `line` for each complete line.
    pub fn feed(&mut self, mut bytes: &[u8], line: &mut dyn FnMut(&str)) {
        while let Some(pos) = bytes.iter().position(|&b| b == b'\n') {
            if !self.overlong {
                self.buf.extend_from_slice(&bytes[..pos]);
                line(&String::from_utf8_lossy(&self.buf));
            }
            self.buf.clear();
            self.overlong = false;
            bytes = &bytes[pos + 1..];
        }
        if !self.overlong {
            self.buf.extend_from_slice(bytes);
            if self.buf.len() > self.max {
                self.buf.clear();
                self.overlong = true;
            }
        }
    }
}

#[cfg(not(target_os = "wasi"))]
pub use parent::Sandbox;

#[cfg(not(target_os = "wasi"))]
mod parent {
    use super::LineSplitter;
    use crate::catalog::Catalog;
    use crate::challenge::Challenge;
    use crate::protocol::{EventKey, EventReader, RunRequest, sandbox_stdin};
    use crate::report::{Report, RunTracker, SandboxEnd};
    use std::io::{Read, Write};
    use std::path::{Path, PathBuf};
    use std::process::{Command, Stdio};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    /// Event lines longer than this are not ours (events are far smaller) and are dropped.
    const MAX_LINE: usize = 64 << 20;

    /// Builds the command that starts one sandbox working in a host scratch folder.
    type Launcher = dyn Fn(&Path) -> Command + Send + Sync;

    /// Starts sandbox processes and turns what they say into reports.
    #[derive(Clone)]
    pub struct Sandbox {
        launch: Arc<Launcher>,
        describe: String,
    }

    fn scratch_dir() -> std::io::Result<PathBuf> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .subsec_nanos();
        let dir =
            std::env::temp_dir().join(format!("pyprep-{}-{n}-{nanos:08x}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        Ok(dir)
    }

    enum Message {
        Line(String),
        Eof,
    }

    impl Sandbox {
        /// A sandbox that runs `exe sandbox --workdir DIR` (the native `pyprep` binary).
        pub fn new(exe: impl Into<PathBuf>) -> Self {
            let exe: PathBuf = exe.into();
            let describe = exe.display().to_string();
            Sandbox {
                launch: Arc::new(move |dir: &Path| {
                    let mut c = Command::new(&exe);
                    // None of the user's environment (tokens, paths) reaches the code.
                    c.env_clear().arg("sandbox").arg("--workdir").arg(dir);
                    c
                }),
                describe,
            }
        }

        /// A sandbox started by `launch`, given the host scratch folder: e.g. the
        /// WASI build under a JavaScript runtime, which sees that folder as `/`.
        pub fn with_launcher(
            describe: &str,
            launch: impl Fn(&Path) -> Command + Send + Sync + 'static,
        ) -> Self {
            Sandbox {
                launch: Arc::new(launch),
                describe: describe.to_owned(),
            }
        }

        /// Runs `request` against the catalog built into the sandbox binary.
        pub fn run(&self, request: &RunRequest) -> Report {
            match Catalog::embedded().runnable(&request.challenge) {
                Some(c) => self.run_challenge(c, request),
                None => RunTracker::unknown_challenge(request).into_report(),
            }
        }

        /// Runs `request`, enforcing each phase's time budget; never hangs, never panics on bad code.
        pub fn run_challenge(&self, challenge: &Challenge, request: &RunRequest) -> Report {
            let mut tracker = RunTracker::new(challenge, request);
            let key = match EventKey::random() {
                Ok(k) => k,
                Err(e) => {
                    tracker.ended(SandboxEnd::Crashed(e));
                    return tracker.into_report();
                }
            };
            let dir = match scratch_dir() {
                Ok(d) => d,
                Err(e) => {
                    tracker.ended(SandboxEnd::Crashed(format!(
                        "cannot create a scratch folder: {e}"
                    )));
                    return tracker.into_report();
                }
            };
            let spawned = (self.launch)(&dir)
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn();
            let mut child = match spawned {
                Ok(c) => c,
                Err(e) => {
                    tracker.ended(SandboxEnd::Crashed(format!(
                        "cannot start {}: {e}",
                        self.describe
                    )));
                    let _ = std::fs::remove_dir_all(&dir);
                    return tracker.into_report();
                }
            };
            let input = sandbox_stdin(&key, request);
            let mut events = EventReader::new(key);
            if let Some(mut stdin) = child.stdin.take() {
                // A child that dies at once closes the pipe; its exit status tells why.
                let _ = stdin.write_all(input.as_bytes());
            }
            let (tx, rx) = mpsc::channel();
            let mut stderr = child.stderr.take().expect("stderr is piped");
            let reader = std::thread::spawn(move || {
                let mut splitter = LineSplitter::new(MAX_LINE);
                let mut buf = vec![0u8; 64 * 1024];
                loop {
                    match stderr.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => splitter.feed(&buf[..n], &mut |l| {
                            let _ = tx.send(Message::Line(l.to_owned()));
                        }),
                    }
                }
                let _ = tx.send(Message::Eof);
            });
            let mut phase_start = Instant::now();
            let mut eof = false;
            loop {
                let budget = Duration::from_millis(tracker.budget_ms() as u64);
                let left = budget.saturating_sub(phase_start.elapsed());
                if eof {
                    // stderr is closed, but the child may live on (it can close
                    // its own stderr and loop): the clock still runs.
                    match wait_until(&mut child, phase_start + budget) {
                        Some(status) => {
                            if !tracker.is_finished() {
                                tracker.ended(end_of(Ok(status)));
                            }
                        }
                        None => {
                            let _ = child.kill();
                            let _ = child.wait();
                            if !tracker.is_finished() {
                                tracker.timed_out();
                            }
                        }
                    }
                    break;
                }
                match rx.recv_timeout(left) {
                    Ok(Message::Line(line)) => {
                        if let Some(event) = events.accept(&line)
                            && tracker.apply(event)
                        {
                            phase_start = Instant::now();
                        }
                    }
                    Ok(Message::Eof) | Err(mpsc::RecvTimeoutError::Disconnected) => eof = true,
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        let _ = child.kill();
                        let _ = child.wait();
                        tracker.timed_out();
                        break;
                    }
                }
            }
            // The reader ends once the dead child's pipe closes; nothing waits for it.
            drop(reader);
            let _ = std::fs::remove_dir_all(&dir);
            tracker.into_report()
        }
    }

    /// Waits for the child to exit until `deadline`; `None` if it is still running then.
    fn wait_until(
        child: &mut std::process::Child,
        deadline: Instant,
    ) -> Option<std::process::ExitStatus> {
        loop {
            match child.try_wait() {
                Ok(Some(status)) => return Some(status),
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5))
                }
                Ok(None) | Err(_) => return None,
            }
        }
    }

    fn end_of(status: std::io::Result<std::process::ExitStatus>) -> SandboxEnd {
        match status {
            Err(e) => SandboxEnd::Crashed(format!("lost the judge process: {e}")),
            Ok(s) => match s.code() {
                Some(code) => SandboxEnd::Exited(code),
                None => {
                    #[cfg(unix)]
                    {
                        use std::os::unix::process::ExitStatusExt;
                        let signal = s.signal().unwrap_or(0);
                        // The WASI runner under node reports a JavaScript stack overflow as SIGSEGV.
                        if signal == 11 {
                            return SandboxEnd::StackOverflow;
                        }
                        let what = match signal {
                            6 => "the interpreter aborted",
                            9 => "the judge process was killed",
                            _ => "the judge process died",
                        };
                        SandboxEnd::Crashed(format!("{what} (signal {signal})"))
                    }
                    #[cfg(not(unix))]
                    SandboxEnd::Crashed("the judge process died".into())
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LineSplitter;

    #[test]
    fn lines_split_across_reads_and_overlong_ones_are_dropped() {
        let mut s = LineSplitter::new(8);
        let mut got = Vec::new();
        s.feed(b"ab", &mut |l| got.push(l.to_owned()));
        s.feed(b"c\nxxxxxxxxxxxxxxxxxxxx", &mut |l| got.push(l.to_owned()));
        s.feed(b"yy\nok\n\xff\n", &mut |l| got.push(l.to_owned()));
        assert_eq!(got, vec!["abc", "ok", "\u{fffd}"]);
    }
}
