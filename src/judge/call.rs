//! Call tests: the candidate's function called with a test's arguments.
//!
//! [`Run::call_test`] runs the code as a module, finds the function, makes
//! the test's earlier calls, then calls it with fresh argument objects and
//! judges what came back: the value it returned (read by `extract`, compared
//! as the test says), the exception it raised, or a property `checks`
//! decides. A passing call is then held to the test's further promises
//! ([`CallPromises`]): the arguments left unchanged, and which object is
//! returned. (The test's text is parsed into a [`Call`] by `Run::test`.)

use super::extract::{self, HelperClasses};
use super::run::{Ran, Run};
use super::wording::{shorten, wrong_value};
use super::{checks, python};
use crate::challenge::{CallOutcome, Identity};
use crate::report::TestVerdict;
use crate::value::{Call, Value};
use rustpython_vm::builtins::PyDictRef;
use rustpython_vm::function::{FuncArgs, KwArgs};
use rustpython_vm::{AsObject, PyObjectRef};

impl Run<'_> {
    /// Runs a call test: `call` made on the candidate's function, judged by
    /// `outcome` (against `expected` when it returns a value) and `promises`.
    pub(super) fn call_test(
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
}

/// What a call test promises beyond its outcome.
#[derive(Clone, Copy)]
pub(super) struct CallPromises<'t> {
    /// The arguments are left as they were.
    pub(super) preserve_args: bool,
    /// Calls made first, in the same namespace.
    pub(super) before: &'t [Call],
    /// Which object is returned.
    pub(super) identity: Option<Identity>,
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
