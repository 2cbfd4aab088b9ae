//! Running the candidate's `unittest` tests against one version of a function.
//!
//! The judge finds the `unittest.TestCase` subclasses the code defines and
//! runs each `test*` method itself (setUp, the test, tearDown), classifying
//! the outcome by the exception's real class: `AssertionError` is a failure,
//! `SkipTest` a skip, anything else an error. A suite passes when at least one
//! test ran and none failed. On the correct version it must pass; on a buggy
//! one it must fail, and the verdict says which bug slipped through.
//!
//! Each version runs in an interpreter of its own, in a random order
//! (`Session` in the judge), compiled under one neutral file name, and the
//! candidate's code gets it wrapped in a builtin function, so nothing the
//! code can see tells the versions apart except how they behave.

use super::{Run, extract, python};
use crate::report::TestVerdict;
use rustpython_vm::builtins::{PyBaseExceptionRef, PyList, PyStr, PyTypeRef};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};

/// The file name every version of the function under test is compiled under.
const VERSION_FILE: &str = "target.py";

/// What one `test*` method did.
enum MethodOutcome {
    Passed,
    Skipped,
    Failed(String),
}

pub(super) fn run(run: &Run, version: usize) -> TestVerdict {
    let vm = run.vm;
    let Some(spec) = &run.challenge.unittest else {
        return TestVerdict::Crashed {
            message: "no unittest spec".into(),
        };
    };
    let Some(v) = spec.versions.get(version) else {
        return TestVerdict::Crashed {
            message: format!("no version {version}"),
        };
    };
    // The version under test runs in its own namespace, then is handed to the candidate's code.
    let function = (|| -> PyResult<Option<PyObjectRef>> {
        let scope = run.harness.module(vm, "target", None)?;
        let code = vm
            .compile(
                &v.code,
                rustpython_vm::compiler::Mode::Exec,
                VERSION_FILE.to_owned(),
            )
            .map_err(|e| vm.new_runtime_error(format!("version does not compile: {e}")))?;
        vm.run_code_obj(code, scope.clone())?;
        let Some(inner) = extract::dict_get(vm, &scope.globals, &spec.function) else {
            return Ok(None);
        };
        // A builtin wrapper: no __code__, __defaults__ or __globals__ to fingerprint.
        let name: &'static str = Box::leak(spec.function.clone().into_boxed_str());
        let wrapped = vm.new_function(name, move |args: FuncArgs, vm: &VirtualMachine| {
            inner.call(args, vm)
        });
        Ok(Some(wrapped.into()))
    })();
    let function = match function {
        Ok(Some(f)) => f,
        Ok(None) => {
            return TestVerdict::Crashed {
                message: format!("version {} defines no {}", v.name, spec.function),
            };
        }
        Err(e) => {
            return TestVerdict::Crashed {
                message: python::py_error(vm, &e, "").summary(),
            };
        }
    };
    let (globals, ran) =
        match run.exec_user("solution", None, &[(spec.function.as_str(), function)]) {
            Ok(x) => x,
            Err(v) => return v,
        };
    if let super::Ran::Raised(e) = ran {
        return run.error_verdict(&e);
    }
    let cases = test_cases(run, &globals);
    let mut results: Vec<(String, MethodOutcome)> = Vec::new();
    for (class, class_name) in &cases {
        let names = match test_names(run, class) {
            Ok(n) => n,
            Err(e) => return run.error_verdict(&e),
        };
        for name in names {
            let outcome = match run_one(run, class, &name) {
                Ok(o) => o,
                Err(e) => return run.error_verdict(&e),
            };
            results.push((format!("{class_name}.{name}"), outcome));
        }
    }
    let ran: Vec<&(String, MethodOutcome)> = results
        .iter()
        .filter(|(_, o)| !matches!(o, MethodOutcome::Skipped))
        .collect();
    if ran.is_empty() {
        return TestVerdict::WrongAnswer {
            message: "No tests ran: define a unittest.TestCase subclass with methods named test_…."
                .into(),
            expected: Some("at least one test method".into()),
            actual: Some(format!("{} test classes, no test methods run", cases.len())),
        };
    }
    let failures: Vec<String> = ran
        .iter()
        .filter_map(|(name, o)| match o {
            MethodOutcome::Failed(why) => Some(format!("{name}: {why}")),
            _ => None,
        })
        .collect();
    let passed = failures.is_empty();
    match (version, passed) {
        (0, true) | (1.., false) => TestVerdict::Passed,
        (0, false) => TestVerdict::WrongAnswer {
            message: format!(
                "Your tests fail on the correct {}: a test that fails on correct code is itself wrong.",
                spec.function
            ),
            expected: Some(format!("all {} tests pass", ran.len())),
            actual: Some(failures.join("\n")),
        },
        (_, true) => TestVerdict::WrongAnswer {
            message: format!("Your tests missed a bug: {}.", v.description),
            expected: Some("at least one test fails on this buggy version".into()),
            actual: Some(format!("all {} tests passed", ran.len())),
        },
    }
}

/// The `unittest` classes the harness captured for this unit-testing question.
fn unittest<'a>(run: &'a Run) -> &'a crate::judge::python::Unittest {
    run.harness
        .unittest
        .as_ref()
        .expect("the harness imports unittest for the unit-testing questions")
}

/// `TestCase` subclasses defined in the namespace, in definition order.
fn test_cases(
    run: &Run,
    globals: &rustpython_vm::builtins::PyDictRef,
) -> Vec<(PyObjectRef, String)> {
    let base = &unittest(run).case;
    globals
        .clone()
        .into_iter()
        .filter_map(|(_, v)| {
            let ty: PyTypeRef = v.clone().downcast().ok()?;
            (ty.fast_issubclass(base) && !ty.is(base)).then(|| (v, ty.name().to_string()))
        })
        .collect()
}

fn test_names(run: &Run, class: &PyObjectRef) -> PyResult<Vec<String>> {
    let vm = run.vm;
    let names = vm.call_method(&unittest(run).loader, "getTestCaseNames", (class.clone(),))?;
    let list = vm.ctx.types.list_type.as_object().call((names,), vm)?;
    let list = list
        .downcast_ref::<PyList>()
        .map(|l| l.borrow_vec().to_vec())
        .unwrap_or_default();
    Ok(list
        .iter()
        .filter_map(|n| {
            n.downcast_ref::<PyStr>()
                .map(|s| s.as_wtf8().to_string_lossy().into_owned())
        })
        .collect())
}

/// setUp, the method, tearDown; an exception out of the harness itself (SystemExit, ...) is returned.
fn run_one(
    run: &Run,
    class: &PyObjectRef,
    name: &str,
) -> Result<MethodOutcome, PyBaseExceptionRef> {
    let vm = run.vm;
    let classify = |e: PyBaseExceptionRef| -> Result<MethodOutcome, PyBaseExceptionRef> {
        if e.fast_isinstance(&unittest(run).skip) {
            Ok(MethodOutcome::Skipped)
        } else if e.fast_isinstance(vm.ctx.exceptions.assertion_error) {
            Ok(MethodOutcome::Failed(
                python::py_error(vm, &e, &run.request.code).summary(),
            ))
        } else if e.fast_isinstance(vm.ctx.exceptions.exception_type) {
            let err = python::py_error(vm, &e, &run.request.code);
            Ok(MethodOutcome::Failed(format!("error {}", err.summary())))
        } else {
            Err(e)
        }
    };
    let instance = match class.call((vm.ctx.new_str(name),), vm) {
        Ok(i) => i,
        Err(e) => return classify(e),
    };
    if let Err(e) = vm.call_method(&instance, "setUp", ()) {
        return classify(e);
    }
    let body = vm.call_method(&instance, name, ());
    let teardown = vm.call_method(&instance, "tearDown", ());
    match (body, teardown) {
        (Err(e), _) | (Ok(_), Err(e)) => classify(e),
        (Ok(_), Ok(_)) => Ok(MethodOutcome::Passed),
    }
}
