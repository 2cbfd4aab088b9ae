//! The report a run adds up to: each test's verdict and output, and the
//! run's outcome.
//!
//! [`RunTracker`] (in `tracker`) folds the sandbox's events (see `protocol`)
//! into a [`Report`], and is told when the sandbox ran out of time or died. The
//! native CLI and the browser UI both use it, so a run ends with the same
//! verdicts whichever way it ran; only they own the clock and the kill switch.
//! The verdict of each test is decided in the sandbox by Rust code; this
//! module only decides what the run as a whole amounts to.

use crate::challenge::{CallOutcome, Challenge, TestKind};
use crate::protocol::{Event, Mode, RunRequest, Stream};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

mod tracker;

pub use crate::verdict::{Frame, PyError, RuleViolation, SyntaxError, TestVerdict};
pub use tracker::{PLAY_TIME_LIMIT_MS, RunTracker, SandboxEnd, describe_input};

/// How long the sandbox may take to start its interpreter.
pub const STARTUP_BUDGET_MS: u32 = 30_000;
/// How long the judge's own work between tests may take (compiling, checking rules, building inputs).
pub const JUDGE_BUDGET_MS: u32 = 10_000;
/// Allowance on top of a test's time limit for the event to reach the parent.
pub const TIME_SLACK_MS: u32 = 250;
/// Console output kept per test; more is dropped and the test cannot pass.
pub const OUTPUT_LIMIT_BYTES: u32 = 1 << 20;

/// Pieces of one stream's output are joined into one chunk while it stays
/// within this size; then a new chunk starts, so joining never copies more.
pub const CHUNK_BYTES: usize = 4096;

/// A piece of console output. Consecutive pieces of one stream are joined
/// while the chunk stays within [`CHUNK_BYTES`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutputChunk {
    pub stream: Stream,
    pub text: String,
}

/// One test as the results list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TestReport {
    /// Index into the challenge's tests.
    pub index: usize,
    pub name: String,
    pub sample: bool,
    /// What the test does: the call, or the program's stdin.
    pub input: String,
    pub verdict: TestVerdict,
    /// Shared chunks: copying a report (the page keeps the one before each
    /// event) copies pointers, not up to [`OUTPUT_LIMIT_BYTES`] of text.
    pub output: Vec<Arc<OutputChunk>>,
    pub output_cut: bool,
    pub time_ms: Option<u32>,
    /// What the call of a free run returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returned: Option<crate::value::Value>,
    /// The working folder's files after a free run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<crate::protocol::WorkFile>,
    /// A free run is waiting for the user to type a line.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub waiting_for_input: bool,
    /// The step-through of this test, when one was asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace: Option<crate::trace::Trace>,
    #[serde(skip)]
    limit_ms: u32,
}

/// What the run amounts to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Running,
    /// Every test passed on Submit.
    Accepted,
    /// Every sample test passed on Run.
    SamplesPassed,
    WrongAnswer,
    RuntimeError,
    TimeLimit,
    OutputLimit,
    MemoryLimit,
    Exited,
    Crashed,
    /// A free run ended without an error.
    Ran,
    /// The user stopped a free run.
    Stopped,
    SyntaxError,
    RuleBroken,
    InternalError,
}

impl Outcome {
    pub fn title(self) -> &'static str {
        match self {
            Outcome::Running => "Running…",
            Outcome::Accepted => "Accepted",
            Outcome::SamplesPassed => "Sample tests passed",
            Outcome::WrongAnswer => "Wrong answer",
            Outcome::RuntimeError => "Runtime error",
            Outcome::TimeLimit => "Time limit exceeded",
            Outcome::OutputLimit => "Output limit exceeded",
            Outcome::MemoryLimit => "Memory limit exceeded",
            Outcome::Exited => "Program exited",
            Outcome::Crashed => "Crashed",
            Outcome::SyntaxError => "Syntax error",
            Outcome::RuleBroken => "Rule broken",
            Outcome::InternalError => "Internal error",
            Outcome::Ran => "Finished",
            Outcome::Stopped => "Stopped",
        }
    }

    pub fn is_success(self) -> bool {
        matches!(
            self,
            Outcome::Accepted | Outcome::SamplesPassed | Outcome::Ran
        )
    }
}

/// Everything a run found: the document the CLI prints with `--json` and the UI renders.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub challenge: String,
    pub mode: Mode,
    pub outcome: Outcome,
    pub syntax_error: Option<SyntaxError>,
    pub rule_violations: Vec<RuleViolation>,
    pub tests: Vec<TestReport>,
    pub internal_error: Option<String>,
    /// A free run (`protocol::Play`): not judged, never counted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub free_run: bool,
    /// How an accepted answer's work grows, for questions that measure it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth: Option<crate::growth::Growth>,
}

impl Report {
    /// The first test that did not pass.
    pub fn first_failure(&self) -> Option<&TestReport> {
        self.tests
            .iter()
            .find(|t| t.verdict.is_final() && t.verdict != TestVerdict::Passed)
    }

    pub fn passed_count(&self) -> usize {
        self.tests
            .iter()
            .filter(|t| t.verdict == TestVerdict::Passed)
            .count()
    }

    /// A one-line summary: `Wrong answer on test 3 (is_prime(9))`.
    pub fn headline(&self) -> String {
        match self.outcome {
            Outcome::SyntaxError => match &self.syntax_error {
                Some(e) => format!(
                    "Syntax error on line {}, column {}: {}",
                    e.line, e.column, e.message
                ),
                None => "Syntax error".into(),
            },
            Outcome::RuleBroken => match self.rule_violations.first() {
                Some(v) => format!("Rule broken on line {}: {}", v.line, v.message),
                None => "Rule broken".into(),
            },
            Outcome::InternalError => {
                format!(
                    "Internal error: {}",
                    self.internal_error.as_deref().unwrap_or("unknown")
                )
            }
            Outcome::Ran => match self.tests.first().and_then(|t| t.time_ms) {
                Some(ms) => format!("Finished in {ms} ms"),
                None => "Finished".into(),
            },
            Outcome::Accepted | Outcome::SamplesPassed | Outcome::Running => {
                format!(
                    "{} ({}/{} tests)",
                    self.outcome.title(),
                    self.passed_count(),
                    self.tests.len()
                )
            }
            outcome => match self.first_failure() {
                Some(t) => format!("{} on {} ({})", outcome.title(), t.name, t.input),
                None => outcome.title().into(),
            },
        }
    }
}
