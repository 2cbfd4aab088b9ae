//! The judge: runs a candidate's answer against a challenge on RustPython.
//!
//! [`run`] is the body of the sandbox (the `pyprep sandbox` process natively,
//! one WASI instance in the browser): it compiles the code, checks the
//! question's rules, runs each test in a fresh module namespace and reports
//! what happened as [`Event`]s. Every verdict is decided here, in Rust, from
//! values read out of the interpreter by [`extract`]; the candidate's Python
//! never sees the expected values or the checking code. Time limits are
//! enforced from outside (the parent kills the sandbox), memory by
//! [`memory`]'s allocator cap.
//!
//! What the sandbox does not do: decide what the run amounts to (that is
//! `report::RunTracker`, in pyprep-core, in the parent) or talk to the
//! parent (that is the [`Sink`] it is given).
//!
//! # Where things are
//!
//! - this file: the entry points ([`run`], [`run_prepared`],
//!   [`run_in_process`]) and the [`Sink`] events go to.
//! - `session.rs`: [`run_challenge`] and the loop over one interpreter's
//!   tests that emits their events; step-through and growth runs.
//! - `run.rs`: `Run`, the answer compiled in one interpreter: running it as
//!   a module, exceptions as verdicts, and `Run::test`, one test by kind
//!   (where a call test's text is parsed).
//! - `call.rs`: call tests (a function called, its result judged);
//!   `checks`: tests whose answer is a property, not one value.
//! - `program.rs`: program and prediction tests (stdin in, stdout compared).
//! - `suite.rs`: unit-testing questions (the candidate's tests against
//!   versions of a function).
//! - `files.rs`: a test's files, written before it and checked after.
//! - `play`: free runs (the candidate's own experiment, nothing judged).
//! - `growth`: how the answer's work grows with its input.
//! - `syntax.rs`: [`check_syntax`] and syntax errors as the candidate sees them.
//! - [`python`]: the interpreter and the harness installed in it;
//!   [`stdlib`]: the standard library it has, and what it leaves out;
//!   [`extract`]: values in and out of Python objects; [`console`]: output.
//! - [`rules`], [`watch`], [`nesting`]: the question's rules, checked before
//!   and while the code runs; [`stack`], [`memory`]: runaway recursion and
//!   memory; `tracer`: the step recorder; `wording`: how verdicts are worded.

mod call;
pub mod checks;
pub mod console;
pub mod extract;
mod files;
mod growth;
pub mod memory;
pub mod nesting;
mod play;
mod program;
pub mod python;
pub mod rules;
mod run;
mod session;
pub mod stack;
pub mod stdlib;
mod suite;
mod syntax;
mod tracer;
pub mod watch;
mod wording;

pub use session::run_challenge;
pub use syntax::check_syntax;
pub use wording::shorten;

use crate::catalog::Catalog;
use crate::challenge::Challenge;
use crate::protocol::{Event, RunRequest};
use std::cell::RefCell;
use std::path::Path;
#[cfg(target_os = "wasi")]
use std::path::PathBuf;
use std::rc::Rc;

// Named from here (`super::Run` and so on) by the submodules that take a
// `Run`: `play`, `growth`, `suite`, `checks`.
use run::{Ran, Run};
use session::Continue;
use wording::wrong_value;

/// Where the sandbox's events go.
pub trait Sink {
    fn emit(&mut self, event: Event);
}

/// Collects events in memory (for in-process runs and tests).
#[derive(Clone, Default)]
pub struct Collect(pub Rc<RefCell<Vec<Event>>>);

impl Sink for Collect {
    fn emit(&mut self, event: Event) {
        self.0.borrow_mut().push(event);
    }
}

/// Runs `request` against the embedded catalog, in this process.
///
/// `workdir` is a scratch folder the judge empties before each test and
/// fills with the test's files; the candidate's code runs with it as the
/// current directory.
pub fn run(request: &RunRequest, workdir: &Path, sink: Box<dyn Sink>) {
    run_prepared(request, workdir, sink, None)
}

/// [`run`], with the interpreter for its first session built in advance
/// (`python::prepare`); a run that needs none drops it.
pub fn run_prepared(
    request: &RunRequest,
    workdir: &Path,
    sink: Box<dyn Sink>,
    prepared: Option<python::Prepared>,
) {
    if request.syntax_only {
        let mut sink = sink;
        sink.emit(match check_syntax(&request.code) {
            Some(error) => Event::SyntaxError { error },
            None => Event::Finished,
        });
        return;
    }
    if let Some(definition) = &request.definition {
        return run_challenge(definition, request, workdir, sink, prepared);
    }
    match Catalog::for_run(&request.challenge) {
        Some(challenge) => run_challenge(challenge, request, workdir, sink, prepared),
        None => {
            let mut sink = sink;
            sink.emit(Event::InternalError {
                message: format!("no challenge with id '{}'", request.challenge),
            });
        }
    }
}

/// Runs `request` in this process and returns the report: for WASI, where
/// there are no child processes. No time limit holds here.
pub fn run_in_process(challenge: &Challenge, request: &RunRequest) -> crate::report::Report {
    let mut tracker = crate::report::RunTracker::new(challenge, request);
    // WASI has no temp_dir(); the runtime's preopened root holds the scratch folder.
    #[cfg(target_os = "wasi")]
    let workdir = PathBuf::from("/tmp/pyprep-run");
    #[cfg(not(target_os = "wasi"))]
    let workdir = std::env::temp_dir().join(format!("pyprep-run-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&workdir) {
        tracker.ended(crate::report::SandboxEnd::Crashed(format!(
            "cannot create {}: {e}",
            workdir.display()
        )));
        return tracker.into_report();
    }
    let events = Collect::default();
    run_challenge(challenge, request, &workdir, Box::new(events.clone()), None);
    for event in events.0.take() {
        tracker.apply(event);
    }
    if !tracker.is_finished() {
        tracker.ended(crate::report::SandboxEnd::Crashed(
            "the judge stopped without finishing".into(),
        ));
    }
    let _ = std::fs::remove_dir_all(&workdir);
    tracker.into_report()
}
