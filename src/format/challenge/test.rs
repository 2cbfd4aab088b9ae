//! How a challenge's answers are tested: one [`Test`], what it runs
//! ([`TestKind`]) and what a call must do ([`CallOutcome`], [`Identity`],
//! [`Check`]), with the parsing of the literals a call test keeps as text.

use crate::value::{Call, Compare, ParseError, Value};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One test of a challenge.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Test {
    /// A short label shown in the results list.
    pub name: String,
    /// Sample tests are shown in the prompt and used by Run; Submit uses all.
    pub sample: bool,
    pub time_limit_ms: u32,
    pub kind: TestKind,
    /// Files present before the run, by relative path.
    pub files: BTreeMap<String, String>,
    /// Files that must exist with this content after the run.
    pub expect_files: BTreeMap<String, String>,
    /// Files that must not exist after the run.
    pub absent_files: Vec<String>,
}

/// What a test runs and what it expects.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TestKind {
    /// Call one of the candidate's functions.
    Call {
        /// The call as the challenge wrote it (`is_prime(10**12 + 39)`); kept as
        /// text so big inputs stay small in the build, parsed when the test runs.
        text: String,
        /// The name of the function it calls.
        function: String,
        outcome: CallOutcome,
        /// The arguments must be left as they were.
        preserve_args: bool,
        /// Calls made first, in the same namespace, their results ignored: they
        /// catch state one call leaves behind for the next (`new_order("tea")`
        /// before `new_order("cake")`). A failure in one fails the test.
        #[serde(default)]
        before: Vec<String>,
        /// Which object the call must return, beyond an equal value.
        #[serde(default)]
        identity: Option<Identity>,
    },
    /// Run the candidate's script with this stdin.
    Program {
        stdin: String,
        /// Expected stdout, compared with trailing whitespace ignored; `None` checks only files.
        stdout: Option<String>,
    },
    /// Run the candidate's unittest tests against one version of the function under test.
    Suite {
        /// Index into [`UnitTestSpec::versions`](super::UnitTestSpec::versions).
        version: usize,
    },
    /// Run the quiz snippet; the candidate's prediction must equal its output.
    Predict,
}

/// What a call must do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CallOutcome {
    /// Returns the value that this literal text denotes.
    Returns {
        expected: String,
        compare: Compare,
    },
    Raises {
        exception: String,
    },
    Check(Check),
}

/// Which object a call must return: a promise an equal value cannot show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Identity {
    /// A new object, none of the argument objects themselves (`returns_new = true`).
    New,
    /// The positional argument at this index (0-based) itself, changed in place
    /// (`returns_arg = 2` for the second).
    Argument(usize),
}

/// Checks that no single expected value can express.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    /// `f(nums, target)`: a tuple `(a, b)` of numbers at positions i < j with a + b == target,
    /// or `None` exactly when no such pair exists.
    PairSum,
    /// `f(x)` returns a value equal to `x` that shares no list, dict or set with it.
    IndependentCopy,
    /// `f(items, rng)` shuffles in place with `rng.randrange`, uniformly: checked over many
    /// seeded runs on `items`.
    UniformShuffle,
}

impl Check {
    pub fn describe(self) -> &'static str {
        match self {
            Check::PairSum => "any valid pair, or None when there is none",
            Check::IndependentCopy => "an equal copy that shares nothing with the original",
            Check::UniformShuffle => "every order equally likely",
        }
    }
}

impl TestKind {
    /// The call of a call test, parsed.
    ///
    /// Fails only for challenges that did not pass the build's checks.
    pub fn parsed_call(&self) -> Option<Result<Call, ParseError>> {
        match self {
            TestKind::Call { text, .. } => Some(Call::parse(text)),
            _ => None,
        }
    }

    /// The calls a call test makes before its own, parsed; empty for other tests.
    ///
    /// Fails only for challenges that did not pass the build's checks.
    pub fn parsed_before(&self) -> Result<Vec<Call>, ParseError> {
        match self {
            TestKind::Call { before, .. } => before.iter().map(|b| Call::parse(b)).collect(),
            _ => Ok(vec![]),
        }
    }
}

impl CallOutcome {
    /// The expected return value, parsed, for a `Returns` outcome.
    pub fn expected_value(&self) -> Option<Result<Value, ParseError>> {
        match self {
            CallOutcome::Returns { expected, .. } => Some(Value::parse(expected)),
            _ => None,
        }
    }
}

/// Normalises program output for comparison: trailing whitespace on each line
/// and trailing blank lines do not count.
pub fn normalize_output(text: &str) -> String {
    let mut lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}
