//! Function calls and unit-test suites under CPython, through `calls.py`.
//!
//! The script reads a [`CallSpec`] as JSON on stdin, runs the reference's
//! calls (or the reference tests against each version of a function) and
//! prints one [`CallResult`] for each; here the results are held to the
//! same outcomes and promises the judge holds the candidate to.

use super::{check_files, run_python, write_files};
use crate::challenge::{CallOutcome, Challenge, Identity, TestKind};
use crate::value::{Call, Value};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Runs the function tests of the reference in CPython and prints what came back.
const CALLS_PY: &str = include_str!("calls.py");

#[derive(Serialize, Clone)]
struct CallSpec<'a> {
    kind: &'a str,
    helpers: &'a str,
    code: &'a str,
    tests: Vec<CallTest>,
    function: &'a str,
    versions: Vec<&'a str>,
}

#[derive(Serialize, Clone)]
struct CallTest {
    function: String,
    args: Vec<String>,
    kwargs: Vec<(String, String)>,
    /// Calls made first, in the same namespace.
    before: Vec<CallTest>,
}

impl CallTest {
    fn new(call: &Call, before: Vec<CallTest>) -> Self {
        CallTest {
            function: call.function.clone(),
            args: call.args.iter().map(Value::repr).collect(),
            kwargs: call
                .kwargs
                .iter()
                .map(|(k, v)| (k.clone(), v.repr()))
                .collect(),
            before,
        }
    }
}

#[derive(Deserialize)]
struct CallResult {
    returned: Option<String>,
    args_after: Option<Vec<String>>,
    /// Whether the returned object is each positional argument, then each keyword one.
    same_as_args: Option<Vec<bool>>,
    raised: Option<String>,
    mro: Option<Vec<String>>,
    passed: Option<bool>,
}

fn call_script(spec: &CallSpec, python: &Path, dir: &Path) -> Result<Vec<CallResult>, Vec<String>> {
    let input = serde_json::to_string(spec).expect("spec serializes");
    let (stdout, stderr) =
        run_python(python, &["-c", CALLS_PY], &input, dir).map_err(|e| vec![e])?;
    serde_json::from_str(stdout.trim())
        .map_err(|_| vec![format!("CPython failed: {}", stderr.trim())])
}

pub(super) fn check_calls(
    challenge: &Challenge,
    python: &Path,
    dir: &Path,
) -> Result<(), Vec<String>> {
    type Planned<'c> = (
        usize,
        Call,
        &'c CallOutcome,
        bool,
        Option<Identity>,
        Vec<Call>,
    );
    let mut tests: Vec<Planned> = Vec::new();
    for (i, t) in challenge.tests.iter().enumerate() {
        if let TestKind::Call {
            text,
            outcome,
            preserve_args,
            identity,
            ..
        } = &t.kind
        {
            let call = Call::parse(text).map_err(|e| vec![format!("{}: {e}", t.name)])?;
            let before = t
                .kind
                .parsed_before()
                .map_err(|e| vec![format!("{}: {e}", t.name)])?;
            tests.push((i, call, outcome, *preserve_args, *identity, before));
        }
    }
    let spec = CallSpec {
        kind: "calls",
        helpers: &challenge.helpers,
        code: &challenge.solution,
        tests: tests
            .iter()
            .map(|(_, call, _, _, _, before)| {
                let before = before.iter().map(|b| CallTest::new(b, vec![])).collect();
                CallTest::new(call, before)
            })
            .collect(),
        function: "",
        versions: vec![],
    };
    // Files are not needed by function tests except delete-style ones; give each its files.
    let results =
        if challenge.tests.iter().any(|t| {
            !t.files.is_empty() || !t.expect_files.is_empty() || !t.absent_files.is_empty()
        }) {
            let mut all = Vec::new();
            for (i, (ti, ..)) in tests.iter().enumerate() {
                let test = &challenge.tests[*ti];
                let _ = std::fs::remove_dir_all(dir);
                let _ = std::fs::create_dir_all(dir);
                write_files(test, dir);
                let one = CallSpec {
                    tests: vec![spec.tests[i].clone()],
                    ..spec.clone()
                };
                let mut r = call_script(&one, python, dir)?;
                let mut problems = Vec::new();
                check_files(test, dir, &mut problems);
                if !problems.is_empty() {
                    return Err(problems);
                }
                all.append(&mut r);
            }
            all
        } else {
            call_script(&spec, python, dir)?
        };
    let mut problems = Vec::new();
    for ((index, call, outcome, preserve, identity, _), result) in tests.iter().zip(results) {
        let name = &challenge.tests[*index].name;
        let what = format!("{name} ({call})");
        match outcome {
            CallOutcome::Returns { compare, .. } => match &result.returned {
                Some(text) => {
                    let value = outcome
                        .expected_value()
                        .and_then(Result::ok)
                        .unwrap_or(Value::None);
                    let value = &value;
                    let mut actual = Value::parse(text).unwrap_or(Value::Opaque {
                        type_name: text.clone(),
                    });
                    if matches!(value, Value::Linked(_)) && actual == Value::None {
                        actual = Value::Linked(vec![]);
                    }
                    if !value.matches(&actual, compare) {
                        problems.push(format!(
                            "{what}: expected {}, CPython got {text}",
                            value.repr()
                        ));
                    }
                }
                None => problems.push(format!(
                    "{what}: CPython raised {}",
                    result.raised.unwrap_or_default()
                )),
            },
            CallOutcome::Raises { exception } => {
                if !result.mro.as_ref().is_some_and(|m| m.contains(exception)) {
                    problems.push(format!(
                        "{what}: expected {exception}, CPython gave {:?}",
                        result.returned.or(result.raised)
                    ));
                }
            }
            CallOutcome::Check(check) => match (&result.returned, check) {
                (None, _) => problems.push(format!(
                    "{what}: CPython raised {}",
                    result.raised.unwrap_or_default()
                )),
                (Some(text), crate::challenge::Check::PairSum) => {
                    let actual = Value::parse(text).unwrap_or(Value::Opaque {
                        type_name: text.clone(),
                    });
                    if let crate::report::TestVerdict::WrongAnswer { message, .. } =
                        crate::judge::checks::pair_sum_verdict(&call.args, &actual)
                    {
                        problems.push(format!("{what}: {message}"));
                    }
                }
                _ => {}
            },
        }
        let same = result.same_as_args.as_deref().unwrap_or(&[]);
        match identity {
            Some(Identity::New) if same.iter().any(|s| *s) => {
                problems.push(format!("{what}: CPython returned an argument itself"));
            }
            Some(Identity::Argument(i)) if !same.get(*i).copied().unwrap_or(false) => {
                problems.push(format!(
                    "{what}: CPython did not return argument {} itself",
                    i + 1
                ));
            }
            _ => {}
        }
        if *preserve && let Some(after) = &result.args_after {
            for (before, after) in call.args.iter().zip(after) {
                if Value::parse(after).ok().as_ref() != Some(before) {
                    problems.push(format!(
                        "{what}: CPython run changed an argument to {after}"
                    ));
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

pub(super) fn check_suite(
    challenge: &Challenge,
    python: &Path,
    dir: &Path,
) -> Result<(), Vec<String>> {
    let Some(spec) = &challenge.unittest else {
        return Ok(());
    };
    let call = CallSpec {
        kind: "suite",
        helpers: "",
        code: &challenge.solution,
        tests: vec![],
        function: &spec.function,
        versions: spec.versions.iter().map(|v| v.code.as_str()).collect(),
    };
    let results = call_script(&call, python, dir)?;
    let mut problems = Vec::new();
    for (i, (v, r)) in spec.versions.iter().zip(results).enumerate() {
        let passed = r.passed.unwrap_or(false);
        if (i == 0) != passed {
            let what = if i == 0 {
                "fail on the correct version".to_owned()
            } else {
                format!("miss the bug: {}", v.description)
            };
            problems.push(format!("under CPython the reference tests {what}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
