//! Verdicts: what the judge decides about one test, and the errors it
//! reports (a syntax error, a broken rule, an exception with its traceback).
//!
//! A leaf module: the sandbox's events (`protocol`) carry these, and the
//! report (`report`) collects them, so neither needs the other to name them.

use serde::{Deserialize, Serialize};

/// A syntax error in the candidate's code, reported once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SyntaxError {
    pub line: u32,
    pub column: u32,
    pub message: String,
    /// The offending line of code.
    pub text: String,
}

/// A constraint of the question that the code breaks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RuleViolation {
    pub line: u32,
    pub message: String,
}

/// An exception raised by the candidate's code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PyError {
    /// Exception class name, e.g. `ZeroDivisionError`.
    pub exception: String,
    pub message: String,
    /// The traceback, reduced to the candidate's own lines, innermost last.
    pub frames: Vec<Frame>,
}

impl PyError {
    /// `ValueError: bad value` as Python prints the last line of a traceback.
    pub fn summary(&self) -> String {
        if self.message.is_empty() {
            self.exception.clone()
        } else {
            format!("{}: {}", self.exception, self.message)
        }
    }

    /// The innermost line of the candidate's code involved.
    pub fn line(&self) -> Option<u32> {
        self.frames.last().map(|f| f.line)
    }
}

/// One frame of the candidate's code in a traceback.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    pub line: u32,
    /// Function name, or `<module>` for top-level code.
    pub function: String,
    /// The source line, trimmed.
    pub source: String,
    /// How many more times this same frame repeats right after (deep recursion).
    #[serde(default)]
    pub repeated: u32,
}

/// The verdict of one test.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum TestVerdict {
    Pending,
    Running,
    Passed,
    WrongAnswer {
        message: String,
        expected: Option<String>,
        actual: Option<String>,
    },
    RuntimeError {
        error: PyError,
    },
    TimeLimit {
        limit_ms: u32,
    },
    OutputLimit {
        limit_bytes: u32,
    },
    MemoryLimit {
        limit_bytes: u64,
    },
    /// The code ended the program: `sys.exit(n)` during a call, or `os._exit(n)`.
    Exited {
        code: i32,
        how: String,
    },
    /// The sandbox died during this test without a verdict (stack overflow, engine crash).
    Crashed {
        message: String,
    },
    /// An earlier failure stopped the run before this test.
    NotRun,
    /// The user pressed Stop during this test (free runs).
    Stopped,
}

impl TestVerdict {
    pub fn is_final(&self) -> bool {
        !matches!(self, TestVerdict::Pending | TestVerdict::Running)
    }

    /// A short name for the verdict, as the results list shows it.
    pub fn title(&self) -> &'static str {
        match self {
            TestVerdict::Pending => "Waiting",
            TestVerdict::Running => "Running",
            TestVerdict::Passed => "Passed",
            TestVerdict::WrongAnswer { .. } => "Wrong answer",
            TestVerdict::RuntimeError { .. } => "Runtime error",
            TestVerdict::TimeLimit { .. } => "Time limit exceeded",
            TestVerdict::OutputLimit { .. } => "Output limit exceeded",
            TestVerdict::MemoryLimit { .. } => "Memory limit exceeded",
            TestVerdict::Exited { .. } => "Program exited",
            TestVerdict::Crashed { .. } => "Crashed",
            TestVerdict::NotRun => "Not run",
            TestVerdict::Stopped => "Stopped",
        }
    }
}
