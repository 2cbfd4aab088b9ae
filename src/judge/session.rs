//! One run's sessions: the loop that runs tests and reports them as events.
//!
//! [`run_challenge`] decides what the run is (a free run, a step-through,
//! a growth measurement, or judged tests) and runs it in one or more
//! sessions. A session is one fresh interpreter ([`Session::with_run`]):
//! it installs the harness, compiles the answer (`run.rs`) and then goes
//! through its tests, emitting `TestStarted`, the test's output and
//! `TestFinished` for each, and stopping the run on runaway memory or
//! recursion, or a broken rule. What one test does is `Run::test`'s job.

use super::Sink;
use super::console::Console;
use super::python::{self, Harness};
use super::run::Run;
use super::{growth, play, tracer};
use crate::challenge::{Challenge, Kind, Test, TestKind};
use crate::protocol::{Event, Mode, RunRequest};
use crate::report::TestVerdict;
use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;
use std::time::Instant;

/// Runs `request` against `challenge`; see [`run`](fn@super::run).
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
pub(super) enum Continue {
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
            let with_unittest = self.challenge.kind == Kind::Unittest;
            let harness =
                match Harness::install(vm, console.clone(), &self.challenge.rules, with_unittest) {
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
            let mut run = Run::new(
                vm,
                &harness,
                self.challenge,
                self.request,
                self.workdir.to_path_buf(),
            );
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
