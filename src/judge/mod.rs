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
//! `report::RunTracker`, in the parent) or talk to the parent (that is the
//! [`Sink`] it is given).

pub mod checks;
pub mod console;
pub mod extract;
mod growth;
pub mod memory;
pub mod nesting;
mod play;
pub mod python;
pub mod rules;
pub mod stack;
mod suite;
mod tracer;
pub mod watch;
mod wording;

use crate::catalog::Catalog;
use crate::challenge::{CallOutcome, Challenge, Identity, Kind, Test, TestKind, normalize_output};
use crate::protocol::{Event, Mode, RunRequest};
use crate::report::{SyntaxError, TestVerdict};
use crate::value::{Call, Value};
use console::Console;
use extract::HelperClasses;
use python::{Harness, USER_FILE};
use rustpython_vm::builtins::{PyBaseExceptionRef, PyCode, PyDictRef};
use rustpython_vm::compiler::Mode as CompileMode;
use rustpython_vm::function::{FuncArgs, KwArgs};
use rustpython_vm::{AsObject, PyObjectRef, PyRef, VirtualMachine};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Instant;
pub use wording::shorten;
use wording::{wrong_output, wrong_value};

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
    match Catalog::embedded().runnable(&request.challenge) {
        Some(challenge) => run_challenge(challenge, request, workdir, sink, prepared),
        None => {
            let mut sink = sink;
            sink.emit(Event::InternalError {
                message: format!("no challenge with id '{}'", request.challenge),
            });
        }
    }
}

/// Runs `request` against `challenge`; see [`run`].
///
/// Tests share one interpreter (each in a fresh module namespace), except
/// for unit-testing questions: there each version of the function under test
/// runs in an interpreter of its own, in an order drawn at random, so the
/// candidate's tests cannot carry state from one version to the next or
/// learn which version they are looking at.
pub fn run_challenge(
    challenge: &Challenge,
    request: &RunRequest,
    workdir: &Path,
    sink: Box<dyn Sink>,
    prepared: Option<python::Prepared>,
) {
    let console = Rc::new(RefCell::new(Console::new(sink)));
    // A step-through may ask for a hidden test: it failed, and the candidate saw its call.
    let samples_only = request.mode == Mode::Run && request.step_through.is_none();
    let tests: Vec<(usize, &Test)> = challenge.tests_for(samples_only).collect();
    let session = Session {
        challenge,
        request,
        workdir,
        console: &console,
        prepared: RefCell::new(prepared),
    };
    if let Some(play) = &request.play {
        session.with_run(true, |run| play::run(run, play));
    } else if let Some(index) = request.step_through {
        match tests.iter().find(|(i, _)| *i == index) {
            Some(&test) => {
                session.with_run(true, |run| {
                    session.step_through(run, test);
                    Continue::Go
                });
            }
            None => console.borrow_mut().emit(Event::InternalError {
                message: format!("no test {index} to step through"),
            }),
        }
    } else if request.measure_growth {
        session.with_run(true, |run| {
            session.measure(run);
            Continue::Go
        });
    } else if challenge.kind == Kind::Unittest {
        let mut order = tests;
        shuffle(&mut order);
        for (n, test) in order.into_iter().enumerate() {
            if session.run(&[test], n == 0) == Continue::Stop {
                break;
            }
        }
    } else {
        session.run(&tests, true);
    }
    console.borrow_mut().emit(Event::Finished);
}

/// Whether the run goes on after a session.
#[derive(PartialEq)]
enum Continue {
    Go,
    Stop,
}

/// What every interpreter of one run shares.
struct Session<'a> {
    challenge: &'a Challenge,
    request: &'a RunRequest,
    workdir: &'a Path,
    console: &'a Rc<RefCell<Console>>,
    /// The interpreter built in advance, for the first session to take.
    prepared: RefCell<Option<python::Prepared>>,
}

impl Session<'_> {
    /// Runs `tests` in a fresh interpreter.
    fn run(&self, tests: &[(usize, &Test)], first: bool) -> Continue {
        self.with_run(first, |run| {
            let (vm, harness, console) = (run.vm, run.harness, self.console);
            // Measured first, so that an answer that runs out of time on a
            // large test still learns how its work grows (the report keeps
            // the measurement only for an accepted answer or a time limit).
            if first && self.request.mode == Mode::Submit && self.request.play.is_none() {
                self.measure(run);
            }
            for &(index, test) in tests {
                console.borrow_mut().emit(Event::TestStarted { index });
                console.borrow_mut().begin(index);
                let started = Instant::now();
                let verdict = run.test(test);
                let time_ms = started.elapsed().as_millis().min(u32::MAX as u128) as u32;
                let (_, cut) = console.borrow_mut().end();
                let verdict = match verdict {
                    TestVerdict::Passed if cut => TestVerdict::OutputLimit {
                        limit_bytes: crate::report::OUTPUT_LIMIT_BYTES,
                    },
                    v => v,
                };
                let stop = stops_the_run(&verdict);
                console.borrow_mut().emit(Event::TestFinished {
                    index,
                    verdict,
                    time_ms,
                });
                if stop {
                    return Continue::Stop;
                }
                if let Some(watch) = &harness.watch {
                    let violations = watch.broken(vm);
                    if !violations.is_empty() {
                        console.borrow_mut().emit(Event::RulesBroken { violations });
                        return Continue::Stop;
                    }
                }
            }
            if let Some(watch) = &harness.watch {
                let violations = watch.never_recursed();
                if !violations.is_empty() {
                    console.borrow_mut().emit(Event::RulesBroken { violations });
                    return Continue::Stop;
                }
            }
            Continue::Go
        })
    }

    /// Runs one test with the step recorder on, and reports its trace just
    /// before its verdict.
    fn step_through(&self, run: &Run, (index, test): (usize, &Test)) {
        let console = self.console;
        console.borrow_mut().emit(Event::TestStarted { index });
        console.borrow_mut().begin(index);
        let started = Instant::now();
        let calls_only = matches!(test.kind, TestKind::Call { .. });
        let recorder = tracer::Recorder::new(run.vm, console.clone(), calls_only);
        let verdict = recorder.record(run.vm, || run.test(test));
        let time_ms = started.elapsed().as_millis().min(u32::MAX as u128) as u32;
        console.borrow_mut().end();
        console.borrow_mut().emit(Event::Trace {
            index,
            trace: recorder.into_trace(),
        });
        console.borrow_mut().emit(Event::TestFinished {
            index,
            verdict,
            time_ms,
        });
    }

    /// Measures how the answer's work grows, for questions that say how a
    /// good answer's does (`judge::growth`).
    fn measure(&self, run: &Run) {
        if let Some(spec) = &self.challenge.growth
            && let Some(function) = growth::function_name(run)
        {
            self.console.borrow_mut().emit(Event::Measuring);
            let growth = growth::measure(run, spec, &function);
            self.console.borrow_mut().emit(Event::Growth { growth });
        }
    }

    /// Starts a fresh interpreter, compiles the code and runs `body` with it.
    /// The first session reports that the judge is ready, and any syntax
    /// error or broken rule.
    fn with_run(&self, first: bool, body: impl FnOnce(&Run) -> Continue) -> Continue {
        let console = self.console;
        let interpreter = match self.prepared.borrow_mut().take() {
            Some(prepared) => prepared.into_interpreter(),
            None => python::new_interpreter(),
        };
        interpreter.enter(|vm| {
            let harness = match Harness::install(vm, console.clone(), &self.challenge.rules) {
                Ok(h) => h,
                Err(e) => {
                    let message = format!(
                        "the interpreter did not start: {}",
                        python::py_error(vm, &e, "").summary()
                    );
                    console.borrow_mut().emit(Event::InternalError { message });
                    return Continue::Stop;
                }
            };
            if first {
                console.borrow_mut().emit(Event::Ready);
            }
            let mut run = Run {
                vm,
                harness: &harness,
                challenge: self.challenge,
                request: self.request,
                workdir: self.workdir.to_path_buf(),
                code: None,
                helpers: None,
            };
            if let Err(event) = run.prepare() {
                console.borrow_mut().emit(event);
                return Continue::Stop;
            }
            body(&run)
        })
    }
}

/// Runaway memory or recursion stops the run. Natively a memory bomb kills
/// the sandbox; in the browser deep recursion can exhaust the engine's
/// stack; stopping here makes every runtime report the same tests.
fn stops_the_run(verdict: &TestVerdict) -> bool {
    match verdict {
        TestVerdict::MemoryLimit { .. } => true,
        TestVerdict::RuntimeError { error } => error.exception == "RecursionError",
        _ => false,
    }
}

/// Shuffles `items` with the system's random source (a fixed order if it has none).
fn shuffle<T>(items: &mut [T]) {
    let mut seed = [0u8; 8];
    let _ = getrandom::fill(&mut seed);
    let mut state = u64::from_le_bytes(seed) | 1;
    for i in (1..items.len()).rev() {
        // xorshift64: enough to pick an order nobody can predict from inside the run.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        items.swap(i, (state % (i as u64 + 1)) as usize);
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

/// Result of running a piece of the candidate's code.
enum Ran {
    Ok,
    Raised(PyBaseExceptionRef),
}

struct Run<'a> {
    vm: &'a VirtualMachine,
    harness: &'a Harness,
    challenge: &'a Challenge,
    request: &'a RunRequest,
    workdir: PathBuf,
    code: Option<PyRef<PyCode>>,
    helpers: Option<PyRef<PyCode>>,
}

impl<'a> Run<'a> {
    /// Compiles the code and checks the question's rules; an `Err` event ends the run.
    fn prepare(&mut self) -> Result<(), Event> {
        let vm = self.vm;
        if !self.challenge.helpers.is_empty() {
            let code = vm
                .compile(
                    &self.challenge.helpers,
                    CompileMode::Exec,
                    "helpers.py".to_owned(),
                )
                .map_err(|e| Event::InternalError {
                    message: format!("helpers.py does not compile: {e}"),
                })?;
            self.helpers = Some(code);
        }
        if self.challenge.kind == Kind::Quiz && self.challenge.quiz.is_none() {
            return Err(Event::InternalError {
                message: "quiz without a snippet".into(),
            });
        }
        let source = self.source();
        if let Some(error) = nesting::check(source) {
            return Err(Event::SyntaxError { error });
        }
        match vm.compile(source, CompileMode::Exec, USER_FILE.to_owned()) {
            Ok(code) => self.code = Some(code),
            Err(e) => {
                return Err(Event::SyntaxError {
                    error: syntax_error(&e, source),
                });
            }
        }
        // A free run is the candidate's own experiment: the question's rules are for Submit.
        if self.challenge.kind != Kind::Quiz && self.request.play.is_none() {
            let violations = rules::check(&self.challenge.rules, source);
            if !violations.is_empty() {
                return Err(Event::RulesBroken { violations });
            }
        }
        Ok(())
    }

    /// The code that runs: the candidate's, or the quiz's snippet.
    fn source(&self) -> &'a str {
        match (&self.challenge.quiz, self.challenge.kind) {
            (Some(q), Kind::Quiz) => &q.snippet,
            _ => &self.request.code,
        }
    }

    fn error_verdict(&self, exc: &PyBaseExceptionRef) -> TestVerdict {
        let vm = self.vm;
        if exc.fast_isinstance(vm.ctx.exceptions.system_exit) {
            return TestVerdict::Exited {
                code: exit_code(vm, exc),
                how: "sys.exit".into(),
            };
        }
        let error = python::py_error(vm, exc, self.source());
        if is_out_of_memory(vm, exc, &error.message) {
            return TestVerdict::MemoryLimit {
                limit_bytes: memory::LIMIT_BYTES,
            };
        }
        TestVerdict::RuntimeError { error }
    }

    /// Runs one test in a fresh namespace and scratch folder.
    fn test(&self, test: &Test) -> TestVerdict {
        let stdin = match &test.kind {
            TestKind::Program { stdin, .. } => stdin.as_str(),
            _ => "",
        };
        if let Err(message) = self.prepare_files(test) {
            return TestVerdict::Crashed { message };
        }
        if let Err(e) = self.harness.reset(self.vm, stdin) {
            return TestVerdict::Crashed {
                message: python::py_error(self.vm, &e, "").summary(),
            };
        }
        let verdict = match &test.kind {
            TestKind::Call {
                text,
                outcome,
                preserve_args,
                identity,
                ..
            } => {
                // Validated when the challenge was built; a failure here is the judge's, not the candidate's.
                let parsed = Call::parse(text).and_then(|call| match outcome.expected_value() {
                    Some(v) => v.map(|v| (call, Some(v))),
                    None => Ok((call, None)),
                });
                let parsed = parsed.and_then(|(c, e)| Ok((c, e, test.kind.parsed_before()?)));
                match parsed {
                    Ok((call, expected, before)) => self.call_test(
                        &call,
                        outcome,
                        expected.as_ref(),
                        CallPromises {
                            preserve_args: *preserve_args,
                            before: &before,
                            identity: *identity,
                        },
                    ),
                    Err(e) => TestVerdict::Crashed {
                        message: format!("the test does not parse: {e}"),
                    },
                }
            }
            TestKind::Program { stdout, .. } => self.program_test(stdout.as_deref()),
            TestKind::Suite { version } => suite::run(self, *version),
            TestKind::Predict => self.predict_test(),
        };
        // Files are checked even when the verdict is already a pass: that is the point of them.
        match verdict {
            TestVerdict::Passed => self.check_files(test),
            v => v,
        }
    }

    fn helper_namespace(&self) -> Result<Option<PyDictRef>, TestVerdict> {
        let Some(code) = &self.helpers else {
            return Ok(None);
        };
        let scope =
            self.harness
                .module(self.vm, "helpers", None)
                .map_err(|e| TestVerdict::Crashed {
                    message: python::py_error(self.vm, &e, "").summary(),
                })?;
        match self.vm.run_code_obj(code.clone(), scope.clone()) {
            Ok(_) => Ok(Some(scope.globals)),
            Err(e) => Err(TestVerdict::Crashed {
                message: format!(
                    "helpers.py failed: {}",
                    python::py_error(self.vm, &e, "").summary()
                ),
            }),
        }
    }

    /// Runs the candidate's module code in a fresh namespace named `name`.
    fn exec_user(
        &self,
        name: &str,
        helpers: Option<&PyDictRef>,
        extra: &[(&str, PyObjectRef)],
    ) -> Result<(PyDictRef, Ran), TestVerdict> {
        let vm = self.vm;
        let scope = self
            .harness
            .module(vm, name, helpers)
            .map_err(|e| TestVerdict::Crashed {
                message: python::py_error(vm, &e, "").summary(),
            })?;
        for (k, v) in extra {
            scope
                .globals
                .set_item(*k, v.clone(), vm)
                .map_err(|e| TestVerdict::Crashed {
                    message: python::py_error(vm, &e, "").summary(),
                })?;
        }
        let code = self.code.clone().expect("prepare() compiled the code");
        let ran = match vm.run_code_obj(code, scope.clone()) {
            Ok(_) => Ran::Ok,
            Err(e) => Ran::Raised(e),
        };
        Ok((scope.globals, ran))
    }

    fn call_test(
        &self,
        call: &Call,
        outcome: &CallOutcome,
        expected: Option<&Value>,
        promises: CallPromises,
    ) -> TestVerdict {
        let vm = self.vm;
        let helpers = match self.helper_namespace() {
            Ok(h) => h,
            Err(v) => return v,
        };
        // Captured before the candidate's code runs: it could rebind the names later.
        let classes = HelperClasses::from_namespace(vm, helpers.as_ref());
        let (globals, ran) = match self.exec_user("solution", helpers.as_ref(), &[]) {
            Ok(x) => x,
            Err(v) => return v,
        };
        if let Ran::Raised(e) = ran {
            return self.error_verdict(&e);
        }
        let Some(function) = extract::dict_get(vm, &globals, &call.function) else {
            return TestVerdict::WrongAnswer {
                message: format!("Your code does not define {}.", call.function),
                expected: Some(format!("a function named {}", call.function)),
                actual: None,
            };
        };
        if !function.is_callable() {
            return TestVerdict::WrongAnswer {
                message: format!("{} is not a function.", call.function),
                expected: Some(format!("a function named {}", call.function)),
                actual: Some(extract::read(vm, &function).repr()),
            };
        }
        for earlier in promises.before {
            if let Err(v) = self.call_before(&globals, earlier, &classes) {
                return v;
            }
        }
        if let CallOutcome::Check(check) = outcome {
            return checks::run(self, *check, &function, call, &classes);
        }
        let (args, kwargs) = match extract::build_args(vm, call, &classes) {
            Ok(x) => x,
            Err(e) => {
                return TestVerdict::Crashed {
                    message: python::py_error(vm, &e, "").summary(),
                };
            }
        };
        let kwarg_objects: Vec<PyObjectRef> = kwargs.iter().map(|(_, v)| v.clone()).collect();
        let result = function.call(
            FuncArgs::new(args.clone(), kwargs.into_iter().collect::<KwArgs>()),
            vm,
        );
        let returned = result.as_ref().ok().cloned();
        let verdict = match (result, outcome) {
            (Ok(value), CallOutcome::Returns { compare, .. }) => {
                let Some(expected) = expected else {
                    return TestVerdict::Crashed {
                        message: "no expected value".into(),
                    };
                };
                let mut actual = extract::read_with(vm, &value, &classes);
                if matches!(expected, Value::Linked(_)) && actual == Value::None {
                    actual = Value::Linked(vec![]);
                }
                if expected.matches(&actual, compare) {
                    TestVerdict::Passed
                } else {
                    wrong_value(expected, &actual)
                }
            }
            (Ok(value), CallOutcome::Raises { exception }) => TestVerdict::WrongAnswer {
                message: format!("Expected {exception} to be raised, but the call returned."),
                expected: Some(format!("raises {exception}")),
                actual: Some(format!(
                    "returned {}",
                    shorten(&extract::read(vm, &value).repr())
                )),
            },
            (Err(e), CallOutcome::Raises { exception }) => {
                let wanted = self.harness.exception_type(exception);
                if wanted.is_some_and(|t| e.fast_isinstance(t)) {
                    TestVerdict::Passed
                } else if e.fast_isinstance(vm.ctx.exceptions.exception_type) {
                    let err = python::py_error(vm, &e, self.source());
                    TestVerdict::WrongAnswer {
                        message: format!("Expected {exception}, but {} was raised.", err.exception),
                        expected: Some(format!("raises {exception}")),
                        actual: Some(format!("raised {}", err.summary())),
                    }
                } else {
                    self.error_verdict(&e)
                }
            }
            (Err(e), _) => self.error_verdict(&e),
            (Ok(_), CallOutcome::Check(_)) => unreachable!("checks return above"),
        };
        if verdict == TestVerdict::Passed
            && let (Some(identity), Some(returned)) = (promises.identity, &returned)
            && let Some(wrong) = identity_verdict(identity, returned, &args, &kwarg_objects)
        {
            return wrong;
        }
        if verdict == TestVerdict::Passed && promises.preserve_args {
            for (i, (before, obj)) in call.args.iter().zip(&args).enumerate() {
                let after = extract::read_with(vm, obj, &classes);
                // Exact equality: reordering a dict in place is a change too.
                if *before != after {
                    return TestVerdict::WrongAnswer {
                        message: format!(
                            "The function changed its argument {} instead of leaving it as it was.",
                            i + 1
                        ),
                        expected: Some(shorten(&before.repr())),
                        actual: Some(shorten(&after.repr())),
                    };
                }
            }
        }
        verdict
    }

    /// Makes one of a test's earlier calls in the candidate's namespace; its result is ignored.
    fn call_before(
        &self,
        globals: &PyDictRef,
        call: &Call,
        classes: &HelperClasses,
    ) -> Result<(), TestVerdict> {
        let vm = self.vm;
        let Some(function) = extract::dict_get(vm, globals, &call.function) else {
            return Err(TestVerdict::WrongAnswer {
                message: format!("Your code does not define {}.", call.function),
                expected: Some(format!("a function named {}", call.function)),
                actual: None,
            });
        };
        let (args, kwargs) =
            extract::build_args(vm, call, classes).map_err(|e| TestVerdict::Crashed {
                message: python::py_error(vm, &e, "").summary(),
            })?;
        let args = FuncArgs::new(args, kwargs.into_iter().collect::<KwArgs>());
        match function.call(args, vm) {
            Ok(_) => Ok(()),
            Err(e) => Err(self.error_verdict(&e)),
        }
    }

    /// Runs the candidate's script as `__main__`; `sys.exit(0)` is a normal end.
    fn run_main(&self) -> Result<(), TestVerdict> {
        let helpers = self.helper_namespace()?;
        let (_, ran) = self.exec_user("__main__", helpers.as_ref(), &[])?;
        match ran {
            Ran::Ok => Ok(()),
            Ran::Raised(e) if e.fast_isinstance(self.vm.ctx.exceptions.system_exit) => {
                match exit_code(self.vm, &e) {
                    0 => Ok(()),
                    code => Err(TestVerdict::Exited {
                        code,
                        how: "sys.exit".into(),
                    }),
                }
            }
            Ran::Raised(e) => Err(self.error_verdict(&e)),
        }
    }

    fn program_test(&self, expected: Option<&str>) -> TestVerdict {
        if let Err(v) = self.run_main() {
            return v;
        }
        let stdout = self.harness.console.borrow().stdout().to_owned();
        match expected {
            Some(want) if normalize_output(want) != normalize_output(&stdout) => {
                wrong_output("Printed the wrong output.", want, &stdout)
            }
            _ => TestVerdict::Passed,
        }
    }

    fn predict_test(&self) -> TestVerdict {
        if let Err(v) = self.run_main() {
            return v;
        }
        let stdout = self.harness.console.borrow().stdout().to_owned();
        let prediction = &self.request.code;
        if normalize_output(prediction) == normalize_output(&stdout) {
            TestVerdict::Passed
        } else {
            wrong_output("Not what it prints.", &stdout, prediction)
        }
    }

    /// Empties the scratch folder, writes the test's files and enters it.
    fn prepare_files(&self, test: &Test) -> Result<(), String> {
        self.enter_workdir(test.files.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// Empties the scratch folder, writes `files` (name, text) and enters it.
    fn enter_workdir<'f>(
        &self,
        files: impl IntoIterator<Item = (&'f str, &'f str)>,
    ) -> Result<(), String> {
        let dir = &self.workdir;
        let fail =
            |what: &str, e: std::io::Error| format!("cannot {what} in {}: {e}", dir.display());
        std::env::set_current_dir(dir).map_err(|e| fail("enter the scratch folder", e))?;
        for entry in std::fs::read_dir(dir).map_err(|e| fail("list files", e))? {
            let path = entry.map_err(|e| fail("list files", e))?.path();
            let removed = if path.is_dir() {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            };
            removed.map_err(|e| fail("clear files", e))?;
        }
        for (name, content) in files {
            let path = dir.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| fail("create folders", e))?;
            }
            std::fs::write(&path, content).map_err(|e| fail("write files", e))?;
        }
        Ok(())
    }

    fn check_files(&self, test: &Test) -> TestVerdict {
        for (name, want) in &test.expect_files {
            match std::fs::read(self.workdir.join(name)) {
                Ok(bytes) => {
                    let got = String::from_utf8_lossy(&bytes);
                    if normalize_output(want) != normalize_output(&got) {
                        return wrong_output(&format!("{name} has the wrong content."), want, &got);
                    }
                }
                Err(_) => {
                    return TestVerdict::WrongAnswer {
                        message: format!("{name} should exist after the run."),
                        expected: Some(format!("{name} exists")),
                        actual: Some(format!("{name} does not exist")),
                    };
                }
            }
        }
        for name in &test.absent_files {
            if self.workdir.join(name).exists() {
                return TestVerdict::WrongAnswer {
                    message: format!("{name} should not exist after the run."),
                    expected: Some(format!("{name} deleted")),
                    actual: Some(format!("{name} still exists")),
                };
            }
        }
        TestVerdict::Passed
    }
}

/// What a call test promises beyond its outcome.
#[derive(Clone, Copy)]
struct CallPromises<'t> {
    /// The arguments are left as they were.
    preserve_args: bool,
    /// Calls made first, in the same namespace.
    before: &'t [Call],
    /// Which object is returned.
    identity: Option<Identity>,
}

/// The verdict when `returned` is not the object `identity` promises, `None` when it is.
fn identity_verdict(
    identity: Identity,
    returned: &PyObjectRef,
    args: &[PyObjectRef],
    kwargs: &[PyObjectRef],
) -> Option<TestVerdict> {
    let type_name = returned.class().name().to_string();
    match identity {
        Identity::New => {
            let position = args.iter().position(|a| a.is(returned));
            let is_kwarg = kwargs.iter().any(|a| a.is(returned));
            let which = match position {
                Some(i) => format!("argument {}", i + 1),
                None if is_kwarg => "a keyword argument".to_owned(),
                None => return None,
            };
            Some(TestVerdict::WrongAnswer {
                message: format!(
                    "Returned its {which} itself, not a new {type_name}: the caller's {type_name} and the result are one object, so changing one changes the other."
                ),
                expected: Some(format!("a new {type_name}")),
                actual: Some(format!("{which} itself")),
            })
        }
        Identity::Argument(i) => {
            let given = args.get(i)?;
            if given.is(returned) {
                return None;
            }
            Some(TestVerdict::WrongAnswer {
                message: format!(
                    "Returned a different {type_name}: argument {} should be changed in place and returned itself, not copied.",
                    i + 1
                ),
                expected: Some(format!("argument {} itself", i + 1)),
                actual: Some(format!("another {type_name}")),
            })
        }
    }
}

/// A request for more memory than the sandbox has. Natively the allocator cap
/// stops such code; in 32-bit WASI the same request fails earlier, as
/// `MemoryError` or as an `OverflowError` about a size that does not fit.
fn is_out_of_memory(vm: &VirtualMachine, exc: &PyBaseExceptionRef, message: &str) -> bool {
    exc.fast_isinstance(vm.ctx.exceptions.memory_error)
        || (exc.fast_isinstance(vm.ctx.exceptions.overflow_error)
            && ["too long", "index-sized integer", "too large", "too big"]
                .iter()
                .any(|m| message.contains(m)))
}

/// The exit status `SystemExit` carries: None is 0, an int is itself, anything else 1.
fn exit_code(vm: &VirtualMachine, exc: &PyBaseExceptionRef) -> i32 {
    let args: Vec<PyObjectRef> = exc.args().iter().cloned().collect();
    match args.first().map(|a| extract::read(vm, a)) {
        None | Some(Value::None) => 0,
        Some(v) => v
            .as_i128()
            .map_or(1, |n| n.clamp(i32::MIN as i128, i32::MAX as i128) as i32),
    }
}

/// The first syntax error in `source`, as a run would report it, found
/// without starting an interpreter: for checking code as it is typed.
pub fn check_syntax(source: &str) -> Option<SyntaxError> {
    if let Some(error) = nesting::check(source) {
        return Some(error);
    }
    rustpython_vm::compiler::compile(
        source,
        CompileMode::Exec,
        USER_FILE,
        rustpython_vm::compiler::CompileOpts::default(),
    )
    .err()
    .map(|e| syntax_error(&e, source))
}

/// A compile error as the candidate sees it: line, column, message, the line's text.
fn syntax_error(e: &rustpython_vm::compiler::CompileError, source: &str) -> SyntaxError {
    let (line, column) = e.python_location();
    let text = source
        .lines()
        .nth(line.saturating_sub(1))
        .unwrap_or("")
        .to_owned();
    SyntaxError {
        line: line.max(1) as u32,
        column: column.max(1) as u32,
        message: compile_message(e),
        text,
    }
}

/// The message of a compile error, without the location RustPython appends.
fn compile_message(e: &rustpython_vm::compiler::CompileError) -> String {
    let text = e.to_string();
    let text = text.split(" at line ").next().unwrap_or(&text);
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => "invalid syntax".into(),
    }
}
