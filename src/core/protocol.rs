//! The wire protocol between whoever asks for a verdict and the sandbox that
//! runs the candidate's Python: every message between the page, its judge
//! worker and the sandbox.
//!
//! Two pairs speak it: the browser UI and its Web Worker, and the native CLI
//! and its child process. Both send one [`RunRequest`] and receive a stream of
//! [`Event`]s, each tagged with the [`RunId`] it answers, so the UI drops
//! answers to runs it no longer waits for.
//!
//! One file of messages by design: every message between page, worker and
//! sandbox ([`RunRequest`], [`Event`], [`FromWorker`], [`ToWorker`]) is
//! defined here beside [`PROTOCOL_VERSION`], so a change to one is seen
//! beside the others and beside the version that must move with it.
//!
//! The event channel is signed so the candidate's code cannot forge, replay
//! or reorder events: the per-run [`EventKey`], the sandbox's stdin
//! ([`sandbox_stdin`]) and the [`EventWriter`] and [`EventReader`] are in
//! `signing`, re-exported here.
//!
//! What the events add up to, and the verdicts they carry, live in `report`.

mod signing;

pub use signing::{EventKey, EventReader, EventWriter, parse_sandbox_stdin, sandbox_stdin};

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
    /// Only measure how the code's work grows (`pyprep::judge::growth`), without
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
    /// Python calls, which `pyprep::judge::stack` does not watch).
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
