//! One interpreter's hold on the answer: [`Run`].
//!
//! A `Run` compiles the candidate's code (and the question's helpers) once,
//! checks the question's rules, runs the code as a module in a fresh
//! namespace whenever a test asks ([`Run::exec_user`]), and turns whatever
//! it raised into a verdict ([`Run::error_verdict`]). [`Run::test`] runs one
//! test: it sets up the test's files and stdin, hands the test to the code
//! for its kind (`call.rs`, `program.rs`, `suite.rs`; a call test's text is
//! parsed here, just before), and checks the files after (`files.rs`).

use super::call::CallPromises;
use super::python::{self, Harness, USER_FILE};
use super::syntax::syntax_error;
use super::{extract, memory, nesting, rules, suite};
use crate::challenge::{Challenge, Kind, Test, TestKind};
use crate::protocol::{Event, RunRequest};
use crate::report::TestVerdict;
use crate::value::{Call, Value};
use rustpython_vm::builtins::{PyBaseExceptionRef, PyCode, PyDictRef};
use rustpython_vm::compiler::Mode as CompileMode;
use rustpython_vm::{AsObject, PyObjectRef, PyRef, VirtualMachine};
use std::path::PathBuf;

/// Result of running a piece of the candidate's code.
pub(super) enum Ran {
    Ok,
    Raised(PyBaseExceptionRef),
}

/// The answer in one interpreter, and what its tests need to run it.
pub(super) struct Run<'a> {
    pub(super) vm: &'a VirtualMachine,
    pub(super) harness: &'a Harness,
    pub(super) challenge: &'a Challenge,
    pub(super) request: &'a RunRequest,
    /// The scratch folder, the code's current directory.
    pub(super) workdir: PathBuf,
    /// The answer (or the quiz's snippet), once [`prepare`](Self::prepare) compiled it.
    code: Option<PyRef<PyCode>>,
    /// The question's helpers, likewise.
    helpers: Option<PyRef<PyCode>>,
}

impl<'a> Run<'a> {
    /// A run with nothing compiled yet: [`prepare`](Self::prepare) comes next.
    pub(super) fn new(
        vm: &'a VirtualMachine,
        harness: &'a Harness,
        challenge: &'a Challenge,
        request: &'a RunRequest,
        workdir: PathBuf,
    ) -> Self {
        Run {
            vm,
            harness,
            challenge,
            request,
            workdir,
            code: None,
            helpers: None,
        }
    }

    /// Compiles the code and checks the question's rules; an `Err` event ends the run.
    pub(super) fn prepare(&mut self) -> Result<(), Event> {
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
    pub(super) fn source(&self) -> &'a str {
        match (&self.challenge.quiz, self.challenge.kind) {
            (Some(q), Kind::Quiz) => &q.snippet,
            _ => &self.request.code,
        }
    }

    pub(super) fn error_verdict(&self, exc: &PyBaseExceptionRef) -> TestVerdict {
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
    pub(super) fn test(&self, test: &Test) -> TestVerdict {
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

    /// The namespace the question's helpers leave, run afresh in a module
    /// of their own; `None` when the question has none.
    pub(super) fn helper_namespace(&self) -> Result<Option<PyDictRef>, TestVerdict> {
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
    pub(super) fn exec_user(
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
pub(super) fn exit_code(vm: &VirtualMachine, exc: &PyBaseExceptionRef) -> i32 {
    let args: Vec<PyObjectRef> = exc.args().iter().cloned().collect();
    match args.first().map(|a| extract::read(vm, a)) {
        None | Some(Value::None) => 0,
        Some(v) => v
            .as_i128()
            .map_or(1, |n| n.clamp(i32::MIN as i128, i32::MAX as i128) as i32),
    }
}
