//! `pyprep validate`: proof that every challenge is sound.
//!
//! For each judged challenge: the reference answer is accepted, the starter
//! is not, and every plausible wrong answer fails at least one test (so no
//! wrong answer passes by luck). When CPython is on the machine, the reference
//! is also run under it against the same tests, so what passes here passes in
//! a real interview. How submissions are run is the caller's choice (a native
//! [`crate::sandbox::Sandbox`], or in-process under WASI).
//!
//! This file checks a challenge through the judge ([`check_challenge`]);
//! `validate/cpython.rs` runs the reference under CPython
//! ([`check_with_cpython`], native only), with `validate/cpython/calls.rs`
//! and its script `calls.py` for function calls and unit-test suites.

use crate::challenge::{Challenge, Kind};
use crate::protocol::{Mode, RunRequest};
use crate::report::{Outcome, Report};
use std::fmt;

/// One thing wrong with one challenge.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub challenge: String,
    /// The file or field at fault, e.g. `solution.py`, `wrong/off_by_one.py`.
    pub source: String,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "challenges/{}: {}: {}",
            self.challenge, self.source, self.reason
        )
    }
}

/// What validating one challenge checked, for the summary line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    pub challenges: usize,
    pub references: usize,
    pub wrong_answers: usize,
    pub cpython_checked: usize,
}

/// Checks `challenge` by running submissions through `run`; returns its problems.
pub fn check_challenge(
    challenge: &Challenge,
    run: &dyn Fn(&Challenge, &RunRequest) -> Report,
    tally: &mut Tally,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    tally.challenges += 1;
    if !challenge.kind.is_judged() {
        return problems;
    }
    let problem = |source: &str, reason: String| Problem {
        challenge: challenge.id.clone(),
        source: source.to_owned(),
        reason,
    };
    let submit = |code: &str| {
        // The definition travels with the request, so challenges not built in yet can be checked.
        let request = RunRequest {
            definition: Some(Box::new(challenge.clone())),
            ..RunRequest::new(&challenge.id, code, Mode::Submit)
        };
        run(challenge, &request)
    };
    let reference_file = if challenge.kind == Kind::Quiz {
        "quiz.answer"
    } else {
        "solution.py"
    };
    let reference = submit(&challenge.solution);
    tally.references += 1;
    if reference.outcome != Outcome::Accepted {
        problems.push(problem(
            reference_file,
            format!("the reference is not accepted: {}", reference.headline()),
        ));
    }
    if challenge.kind.is_code() {
        let starter = submit(&challenge.starter);
        if starter.outcome == Outcome::Accepted {
            problems.push(problem(
                "starter.py",
                "the starter code already passes every test".into(),
            ));
        }
    }
    for wrong in &challenge.wrong {
        tally.wrong_answers += 1;
        let source = if challenge.kind == Kind::Quiz {
            format!("quiz.{}", wrong.name)
        } else {
            format!("wrong/{}.py", wrong.name)
        };
        let report = submit(&wrong.code);
        match report.outcome {
            Outcome::Accepted => problems.push(problem(
                &source,
                "passes every test: add a hidden test that catches it".into(),
            )),
            Outcome::SyntaxError if challenge.kind.is_code() => problems.push(problem(
                &source,
                format!(
                    "does not compile, so it proves nothing: {}",
                    report.headline()
                ),
            )),
            _ => {}
        }
    }
    problems
}

#[cfg(not(target_os = "wasi"))]
pub use cpython::check_with_cpython;

#[cfg(not(target_os = "wasi"))]
mod cpython;
