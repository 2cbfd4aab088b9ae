//! A step-through of one test: what the candidate's code did, line by line.
//!
//! The judge records it (`judge::tracer`) when asked to step through a test
//! (`RunRequest::step_through`): at each line of the candidate's own code,
//! the line, the call stack and the local variables, shown with the judge's
//! own reprs (never the values' `__repr__`), and how much had been printed.
//! The record is bounded ([`MAX_STEPS`] steps, short reprs); past the bound
//! the code runs on unrecorded and the trace says so. Pure data, shown by
//! the UI and printed by the CLI.

use serde::{Deserialize, Serialize};

/// Steps recorded before the recorder stops.
pub const MAX_STEPS: usize = 2000;
/// Characters of one value's repr before it is cut with `…`.
pub const MAX_REPR_CHARS: usize = 80;
/// Local variables shown per step.
pub const MAX_LOCALS: usize = 24;

/// What happened at a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// A function of the candidate's was entered.
    Call,
    /// A line is about to run.
    Line,
    /// A function is returning (the interpreter does not pass the value to
    /// the trace; the test's verdict shows what the call returned).
    Return,
    /// An exception was raised (`value` holds it).
    Exception,
}

/// One call on the stack: the function and its current line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StackFrame {
    pub function: String,
    pub line: u32,
}

/// One step of the trace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub kind: StepKind,
    /// The line (1-based) in the candidate's code.
    pub line: u32,
    /// The candidate's calls, outermost first; the last is where the step is.
    pub stack: Vec<StackFrame>,
    /// The innermost call's local variables: name and repr.
    pub locals: Vec<(String, String)>,
    /// The exception, for `Exception`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Bytes of standard output printed before this step.
    pub printed: usize,
}

/// The recorded steps of one test.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trace {
    pub steps: Vec<Step>,
    /// More steps ran than were recorded.
    pub truncated: bool,
}

impl Trace {
    /// The first step at which local `name` of the innermost call changes
    /// from one value to another (not from unset), counting from `from`.
    pub fn next_change(&self, from: usize, name: &str) -> Option<usize> {
        let value_at = |i: usize| {
            self.steps[i]
                .locals
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        (from.max(1)..self.steps.len()).find(|&i| {
            let same_call = self.steps[i].stack.len() == self.steps[i - 1].stack.len();
            same_call && value_at(i - 1).is_some() && value_at(i) != value_at(i - 1)
        })
    }
}

/// Cuts `text` to [`MAX_REPR_CHARS`] characters, ending with `…` when cut.
pub fn clip(text: &str) -> String {
    if text.chars().count() <= MAX_REPR_CHARS {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(MAX_REPR_CHARS - 1).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(line: u32, depth: usize, locals: &[(&str, &str)]) -> Step {
        Step {
            kind: StepKind::Line,
            line,
            stack: (0..depth)
                .map(|_| StackFrame {
                    function: "f".into(),
                    line,
                })
                .collect(),
            locals: locals
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            value: None,
            printed: 0,
        }
    }

    #[test]
    fn the_next_change_of_a_variable_is_found_in_the_same_call() {
        let t = Trace {
            steps: vec![
                step(1, 1, &[]),
                step(2, 1, &[("i", "0")]),
                step(3, 2, &[("i", "x")]),
                step(3, 1, &[("i", "0")]),
                step(4, 1, &[("i", "1")]),
            ],
            truncated: false,
        };
        assert_eq!(t.next_change(0, "i"), Some(4));
        assert_eq!(t.next_change(5, "i"), None);
        assert_eq!(t.next_change(0, "j"), None);
    }

    #[test]
    fn long_reprs_are_clipped_with_an_ellipsis() {
        let long = "x".repeat(200);
        let c = clip(&long);
        assert_eq!(c.chars().count(), MAX_REPR_CHARS);
        assert!(c.ends_with('…'));
        assert_eq!(clip("[1, 2]"), "[1, 2]");
    }
}
