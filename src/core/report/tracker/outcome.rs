//! What a finished run amounts to: one [`Outcome`] from the verdicts of its
//! tests (or the syntax error, broken rule or internal error that stopped it
//! before them), Submit or Run, judged or free.

use super::*;

/// The outcome of the run `r` reports, once every test has its final verdict.
pub(super) fn outcome_of(r: &Report) -> Outcome {
    if r.internal_error.is_some() {
        Outcome::InternalError
    } else if r.syntax_error.is_some() {
        Outcome::SyntaxError
    } else if !r.rule_violations.is_empty() {
        Outcome::RuleBroken
    } else {
        match r
            .tests
            .iter()
            .map(|t| &t.verdict)
            .find(|v| **v != TestVerdict::Passed)
        {
            // A growth measurement (`RunRequest::growth`) runs no test.
            None if r.tests.is_empty() && r.growth.is_some() => Outcome::Ran,
            None if r.tests.is_empty() => Outcome::InternalError,
            None if r.free_run => Outcome::Ran,
            None if r.mode == Mode::Submit => Outcome::Accepted,
            None => Outcome::SamplesPassed,
            Some(TestVerdict::WrongAnswer { .. }) => Outcome::WrongAnswer,
            Some(TestVerdict::RuntimeError { .. }) => Outcome::RuntimeError,
            Some(TestVerdict::TimeLimit { .. }) => Outcome::TimeLimit,
            Some(TestVerdict::OutputLimit { .. }) => Outcome::OutputLimit,
            Some(TestVerdict::MemoryLimit { .. }) => Outcome::MemoryLimit,
            Some(TestVerdict::Exited { .. }) => Outcome::Exited,
            Some(TestVerdict::Crashed { .. }) => Outcome::Crashed,
            Some(TestVerdict::Stopped) => Outcome::Stopped,
            // Only reachable if a run stopped with nothing else to blame.
            Some(_) => Outcome::InternalError,
        }
    }
}
