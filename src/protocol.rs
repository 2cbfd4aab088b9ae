//! The wire protocol between whoever asks for a verdict and the sandbox that
//! runs the candidate's Python.
//!
//! Two pairs speak it: the browser UI and its Web Worker, and the native CLI
//! and its child process. Both send one [`RunRequest`] and receive a stream of
//! [`Event`]s, each tagged with the [`RunId`] it answers, so the UI drops
//! answers to runs it no longer waits for.
//!
//! The event channel: the parent makes a fresh [`EventKey`] per run and
//! passes it on the sandbox's stdin with the request ([`sandbox_stdin`]);
//! the sandbox reads stdin to the end before any of the candidate's code
//! runs (a prepared sandbox has only built its interpreter), keeps the key
//! in Rust memory only, and writes each event as one stderr line
//! `SEQ TAG JSON`, where TAG is an HMAC-SHA256 of `SEQ JSON` under the key
//! ([`EventWriter`]). The parent accepts a line only if its tag checks out
//! and its number is the next one ([`EventReader`]). The candidate's code can
//! write to stderr, and could even read lines the judge wrote, but without
//! the key it cannot make a line the parent accepts, and a copied line is
//! refused as a replay. In the browser the worker forwards stderr lines
//! unread ([`FromWorker::Line`]) and the page checks them in Rust.
//!
//! What the events add up to, and the verdicts they carry, live in `report`.

use crate::verdict::{RuleViolation, SyntaxError, TestVerdict};
use serde::{Deserialize, Serialize};

/// Identifies one run; a newer run makes older ids stale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RunId(pub u32);

/// Run the sample tests only, or submit against every test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Run,
    Submit,
}

/// What the sandbox is asked to do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunRequest {
    /// Challenge id from the catalog built into the judge.
    pub challenge: String,
    /// The candidate's code, or their predicted output for a quiz.
    pub code: String,
    pub mode: Mode,
    /// The challenge itself, for checking challenges not yet built into the
    /// judge (`pyprep validate --dir`). The browser never sends it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<Box<crate::challenge::Challenge>>,
    /// A free run instead of the tests: never judged, never counted as a Submit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub play: Option<Play>,
    /// Only check the code's syntax, without running anything: the answer is
    /// one [`Event::SyntaxError`], or [`Event::Finished`] when there is none.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub syntax_only: bool,
    /// Only measure how the code's work grows (`judge::growth`), without
    /// running the tests: asked after a Submit that ran out of time, to say
    /// why. The answer is [`Event::Measuring`], then [`Event::Growth`].
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub measure_growth: bool,
    /// Run only the test with this index, recording a step-through of it
    /// ([`Event::Trace`], `crate::trace`). Never counted as a Submit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_through: Option<usize>,
}

pub use crate::challenge::PLAYGROUND;

/// A free run: the code as a program (the playground, or a program
/// question with the candidate's own input), or one call of a question's
/// function with the candidate's own arguments. Same sandbox and limits as a
/// judged run; it reports as one test that passes when the code ran without
/// an error.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Play {
    /// What `input()` and `sys.stdin` read first.
    #[serde(default)]
    pub stdin: String,
    /// When `stdin` runs out, ask for each further line ([`Event::InputWanted`])
    /// instead of ending the input.
    #[serde(default)]
    pub interactive: bool,
    /// Files in the working folder when the code starts: name, then text.
    #[serde(default)]
    pub files: Vec<(String, String)>,
    /// A call such as `is_prime(97)` (literal arguments, as in a challenge's
    /// tests), made after the code ran as a module; its value is reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<String>,
}

/// A file in the working folder after a free run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkFile {
    pub name: String,
    /// The content as text (bytes that are not UTF-8 are replaced), cut at a limit.
    pub text: String,
    pub bytes: u64,
    /// The text was cut at [`WorkFile::SHOWN_BYTES`].
    pub cut: bool,
}

impl WorkFile {
    /// How much of a file a free run reports.
    pub const SHOWN_BYTES: usize = 256 * 1024;
    /// How many files a free run reports.
    pub const MAX_FILES: usize = 50;
}

impl RunRequest {
    /// A request for a challenge built into the judge.
    pub fn new(challenge: &str, code: &str, mode: Mode) -> Self {
        RunRequest {
            challenge: challenge.to_owned(),
            code: code.to_owned(),
            mode,
            definition: None,
            play: None,
            syntax_only: false,
            measure_growth: false,
            step_through: None,
        }
    }

    /// A request to step through test `index` of `challenge` with `code`.
    pub fn step(challenge: &str, code: &str, index: usize) -> Self {
        RunRequest {
            step_through: Some(index),
            ..RunRequest::new(challenge, code, Mode::Run)
        }
    }

    /// A request to measure how `code`'s work grows on `challenge`'s inputs.
    pub fn growth(challenge: &str, code: &str) -> Self {
        RunRequest {
            measure_growth: true,
            ..RunRequest::new(challenge, code, Mode::Submit)
        }
    }

    /// A request to check `code`'s syntax only (as it is typed).
    pub fn syntax(code: &str) -> Self {
        RunRequest {
            syntax_only: true,
            ..RunRequest::new(PLAYGROUND, code, Mode::Run)
        }
    }

    /// A free run of `code` for challenge `challenge` (or [`PLAYGROUND`]).
    pub fn play(challenge: &str, code: &str, play: Play) -> Self {
        RunRequest {
            play: Some(play),
            ..RunRequest::new(challenge, code, Mode::Run)
        }
    }
}

/// Which console stream a piece of output belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stream {
    Stdout,
    Stderr,
    /// The prompt passed to `input()`: shown, not judged.
    Prompt,
    /// A line `input()` read, echoed as a terminal would.
    Echo,
}

/// What the sandbox reports, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// The interpreter is up; the candidate's code is being compiled and checked.
    Ready,
    SyntaxError {
        error: SyntaxError,
    },
    RulesBroken {
        violations: Vec<RuleViolation>,
    },
    TestStarted {
        index: usize,
    },
    Output {
        index: usize,
        stream: Stream,
        text: String,
    },
    /// The test wrote more than the output limit; later output was dropped.
    OutputCut {
        index: usize,
    },
    TestFinished {
        index: usize,
        verdict: TestVerdict,
        time_ms: u32,
    },
    /// A free run's call returned this value (read by the judge, never by
    /// the value's own `__repr__`).
    Returned {
        index: usize,
        value: crate::value::Value,
    },
    /// A free run is waiting for a line of input; the clock stops until it comes.
    InputWanted {
        index: usize,
    },
    /// The files in the working folder after a free run.
    Files {
        index: usize,
        files: Vec<WorkFile>,
    },
    /// Before the tests of a Submit, the judge measures how the answer's
    /// work grows (its own limits bound it).
    Measuring,
    /// How the accepted answer's work grows (`crate::growth`).
    Growth {
        growth: crate::growth::Growth,
    },
    /// The step-through of a test (`RunRequest::step_through`), sent just
    /// before the test's `TestFinished`.
    Trace {
        index: usize,
        trace: crate::trace::Trace,
    },
    /// The heap cap was hit; the sandbox stops at once after this.
    MemoryLimit {
        limit_bytes: u64,
    },
    /// Every test ran; nothing follows.
    Finished,
    /// The judge itself failed (not the candidate's code).
    InternalError {
        message: String,
    },
}

/// The version of the messages between the page, the worker and the
/// sandbox. `www/worker.js` states the same number in `FromWorker::Loaded`,
/// and the page refuses a worker that states another (one left in a cache
/// from another build); `tests/wasi.rs` runs the real worker and checks it.
/// Change it with any change to these messages.
pub const PROTOCOL_VERSION: u32 = 2;

/// Messages from the browser's judge worker to the UI (`www/worker.js` posts
/// them as JSON text; `tests/wasi.rs` checks the real worker's output parses).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FromWorker {
    /// The judge module is compiled; runs start without waiting for it.
    /// `interactive_input`: the worker can pause a run until the user types
    /// a line (it needs JavaScript Promise Integration).
    Loaded {
        #[serde(default)]
        interactive_input: bool,
        /// The worker's [`PROTOCOL_VERSION`] (0 from workers older than it).
        #[serde(default)]
        protocol: u32,
    },
    /// The judge module could not be fetched or compiled.
    LoadFailed { message: String },
    /// A line the sandbox wrote on stderr that looks like an event; the page
    /// checks it with the run's [`EventReader`] and turns it into [`FromWorker::Event`].
    Line { run: RunId, line: String },
    /// An event the page has checked (never sent by the worker itself).
    Event { run: RunId, event: Event },
    /// The sandbox instance returned from `_start` (exit code from `proc_exit`, 0 otherwise).
    Exited { run: RunId, code: i32 },
    /// The sandbox instance trapped or threw (abort, engine error); `stack_overflow`
    /// when the engine's own stack ran out anyway (native recursion outside
    /// Python calls, which `judge::stack` does not watch).
    Crashed {
        run: RunId,
        message: String,
        #[serde(default)]
        stack_overflow: bool,
    },
}

/// Messages from the page to the browser's judge worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToWorker {
    /// Start a run in a fresh sandbox instance.
    Run {
        run: RunId,
        /// Exactly what the sandbox reads on stdin ([`sandbox_stdin`]): the
        /// worker passes it through without reading it.
        stdin: String,
        /// More stdin follows as the user types ([`ToWorker::Input`]).
        #[serde(default)]
        interactive: bool,
    },
    /// Text typed for an interactive run's `input()` (a line with its
    /// newline); empty text ends the input, as Ctrl+D in a terminal.
    Input { run: RunId, text: String },
}

/// The key that authenticates one run's events: 32 random bytes, made by the
/// parent for each run and known only to the parent and the judge's Rust
/// memory.
///
/// It reaches the sandbox on stdin, which the sandbox reads to the end before
/// any candidate code runs (natively a pipe, in the browser a stream that
/// cannot be rewound), and is never written anywhere. Each event line carries
/// a sequence number and an HMAC-SHA256 of that number and the event under
/// this key, so code that can write to stderr, or even read the judge's
/// earlier lines, can neither forge an event nor replay or reorder one.
#[derive(Clone, PartialEq, Eq)]
pub struct EventKey([u8; 32]);

impl std::fmt::Debug for EventKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EventKey(..)")
    }
}

/// The sequence number of the one event a dying sandbox may send out of
/// order: the memory limit, written from the allocator with a line prepared
/// in advance. Nothing is accepted after it.
const FINAL_SEQ: u64 = u64::MAX;

impl EventKey {
    /// A key from 32 random bytes.
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        EventKey(bytes)
    }

    /// A fresh key from the operating system's random source.
    ///
    /// Fails only if the system has no random source.
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    pub fn random() -> Result<Self, String> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| format!("no random source: {e}"))?;
        Ok(EventKey(bytes))
    }

    fn hex(&self) -> String {
        hex(&self.0)
    }

    fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.len() != 64 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let mut bytes = [0u8; 32];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(EventKey(bytes))
    }

    fn mac(&self, seq: u64, json: &str) -> hmac::Hmac<sha2::Sha256> {
        use hmac::Mac;
        let mut mac = <hmac::Hmac<sha2::Sha256> as Mac>::new_from_slice(&self.0)
            .expect("HMAC takes a key of any length");
        mac.update(seq.to_string().as_bytes());
        mac.update(b" ");
        mac.update(json.as_bytes());
        mac
    }

    fn line(&self, seq: u64, event: &Event) -> String {
        use hmac::Mac;
        let json = serde_json::to_string(event).expect("an event always serializes");
        let tag = hex(&self.mac(seq, &json).finalize().into_bytes());
        // The leading newline ends any partial line the candidate left on stderr.
        format!("\n{seq} {tag} {json}\n")
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bytes the parent writes to the sandbox's stdin: the key line, then the request.
pub fn sandbox_stdin(key: &EventKey, request: &RunRequest) -> String {
    let json = serde_json::to_string(request).expect("a request always serializes");
    format!("{}\n{json}\n", key.hex())
}

/// Splits the sandbox's stdin back into the key and the request.
///
/// Fails when the key line is missing or malformed, or the request is not valid JSON.
pub fn parse_sandbox_stdin(input: &str) -> Result<(EventKey, RunRequest), String> {
    let (key, json) = input
        .split_once('\n')
        .ok_or("expected a key line, then the request as JSON")?;
    let key = EventKey::parse(key).ok_or("the key line is not 64 hexadecimal digits")?;
    let request = serde_json::from_str(json).map_err(|e| format!("bad request JSON: {e}"))?;
    Ok((key, request))
}

/// The sandbox's side of the event channel: numbers and signs each event.
pub struct EventWriter {
    key: EventKey,
    seq: u64,
}

impl EventWriter {
    pub fn new(key: EventKey) -> Self {
        EventWriter { key, seq: 0 }
    }

    /// The next event as the line the sandbox writes.
    pub fn line(&mut self, event: &Event) -> String {
        let line = self.key.line(self.seq, event);
        self.seq += 1;
        line
    }

    /// The line for [`Event::MemoryLimit`], prepared before any code runs so
    /// that the allocator can write it without allocating.
    pub fn memory_limit_line(&self, limit_bytes: u64) -> String {
        self.key
            .line(FINAL_SEQ, &Event::MemoryLimit { limit_bytes })
    }
}

/// The parent's side of the event channel: accepts each event once, in order.
pub struct EventReader {
    key: EventKey,
    next: u64,
    closed: bool,
}

impl EventReader {
    pub fn new(key: EventKey) -> Self {
        EventReader {
            key,
            next: 0,
            closed: false,
        }
    }

    /// The event a line of sandbox stderr carries, if the line is the next
    /// event signed with this run's key. Anything else (the candidate's own
    /// writes, forgeries, replays, events out of order) is `None`.
    pub fn accept(&mut self, line: &str) -> Option<Event> {
        use hmac::Mac;
        if self.closed {
            return None;
        }
        let mut parts = line.splitn(3, ' ');
        let seq: u64 = parts.next()?.parse().ok()?;
        let tag = parts.next()?;
        let json = parts.next()?;
        if seq != self.next && seq != FINAL_SEQ {
            return None;
        }
        if tag.len() != 64 {
            return None;
        }
        let mut bytes = [0u8; 32];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = u8::from_str_radix(tag.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        self.key.mac(seq, json).verify_slice(&bytes).ok()?;
        let event: Event = serde_json::from_str(json).ok()?;
        if seq == FINAL_SEQ {
            if !matches!(event, Event::MemoryLimit { .. }) {
                return None;
            }
            self.closed = true;
        } else {
            self.next += 1;
        }
        Some(event)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(b: u8) -> EventKey {
        EventKey::from_bytes([b; 32])
    }

    fn lines(text: &str) -> Vec<&str> {
        text.lines().filter(|l| !l.is_empty()).collect()
    }

    #[test]
    fn events_round_trip_in_order() {
        let mut writer = EventWriter::new(key(7));
        let mut reader = EventReader::new(key(7));
        let events = [
            Event::Ready,
            Event::Output {
                index: 2,
                stream: Stream::Stdout,
                text: "hi\n".into(),
            },
            Event::Finished,
        ];
        for event in &events {
            let line = writer.line(event);
            assert_eq!(line.matches('\n').count(), 2, "one event, one line");
            assert_eq!(reader.accept(lines(&line)[0]).as_ref(), Some(event));
        }
    }

    #[test]
    fn forged_replayed_and_reordered_lines_are_refused() {
        let mut writer = EventWriter::new(key(1));
        let first = writer.line(&Event::Ready);
        let second = writer.line(&Event::TestStarted { index: 0 });
        let mut reader = EventReader::new(key(1));
        // Out of order: the second before the first.
        assert_eq!(reader.accept(lines(&second)[0]), None);
        assert_eq!(reader.accept(lines(&first)[0]), Some(Event::Ready));
        // Replayed.
        assert_eq!(reader.accept(lines(&first)[0]), None);
        // Signed with another key.
        let mut other = EventWriter::new(key(2));
        other.line(&Event::Ready);
        let forged = other.line(&Event::Finished);
        assert_eq!(reader.accept(lines(&forged)[0]), None);
        // The right number and tag, another event.
        let tampered = lines(&second)[0].replace("test_started", "finished");
        assert_eq!(reader.accept(&tampered), None);
        let finished = serde_json::to_string(&Event::Finished).unwrap();
        assert_eq!(
            reader.accept(&format!("1 {} {finished}", "0".repeat(64))),
            None
        );
        assert_eq!(reader.accept("not an event"), None);
        assert_eq!(
            reader.accept(lines(&second)[0]),
            Some(Event::TestStarted { index: 0 })
        );
    }

    #[test]
    fn the_memory_limit_line_ends_the_stream() {
        let mut writer = EventWriter::new(key(3));
        let limit = writer.memory_limit_line(5);
        let ready = writer.line(&Event::Ready);
        let mut reader = EventReader::new(key(3));
        assert_eq!(reader.accept(lines(&ready)[0]), Some(Event::Ready));
        assert_eq!(
            reader.accept(lines(&limit)[0]),
            Some(Event::MemoryLimit { limit_bytes: 5 })
        );
        let next = writer.line(&Event::Finished);
        assert_eq!(
            reader.accept(lines(&next)[0]),
            None,
            "nothing after the end"
        );
    }

    #[test]
    fn a_partial_line_before_an_event_does_not_hide_it() {
        let mut writer = EventWriter::new(key(4));
        let text = format!("half a line{}", writer.line(&Event::Ready));
        let mut reader = EventReader::new(key(4));
        let events: Vec<Event> = text.lines().filter_map(|l| reader.accept(l)).collect();
        assert_eq!(events, vec![Event::Ready]);
    }

    #[test]
    fn sandbox_stdin_round_trips() {
        let req = RunRequest::new("is-prime", "x = 1\n", Mode::Run);
        let (k, back) = parse_sandbox_stdin(&sandbox_stdin(&key(9), &req)).unwrap();
        assert_eq!((k, back), (key(9), req));
        assert!(parse_sandbox_stdin("short\n{}").is_err());
        assert!(parse_sandbox_stdin(&format!("{}\nnot json", key(9).hex())).is_err());
    }

    #[test]
    fn random_keys_differ() {
        assert_ne!(EventKey::random().unwrap(), EventKey::random().unwrap());
    }
}
