//! Checks that a single expected value cannot express (see [`Check`]).
//!
//! Each takes the candidate's function and the test's call, runs it as many
//! times as it needs, and decides in Rust from values read by `extract`.

use super::{Run, extract, shorten};
use crate::challenge::Check;
use crate::report::TestVerdict;
use crate::value::{Call, Value};
use extract::HelperClasses;
use rustpython_vm::builtins::PyList;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::{AsObject, PyObjectRef, PyResult};
use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;

/// Runs `check` on `function` with the test's `call`.
pub(super) fn run(
    run: &Run,
    check: Check,
    function: &PyObjectRef,
    call: &Call,
    classes: &HelperClasses,
) -> TestVerdict {
    let outcome = match check {
        Check::PairSum => pair_sum(run, function, call, classes),
        Check::IndependentCopy => independent_copy(run, function, call, classes),
        Check::UniformShuffle => uniform_shuffle(run, function, call, classes),
    };
    match outcome {
        Ok(v) => v,
        Err(e) => run.error_verdict(&e),
    }
}

fn wrong(message: String, expected: &str, actual: String) -> TestVerdict {
    TestVerdict::WrongAnswer {
        message,
        expected: Some(expected.to_owned()),
        actual: Some(shorten(&actual)),
    }
}

fn call_with(run: &Run, function: &PyObjectRef, args: Vec<PyObjectRef>) -> PyResult {
    function.call(args, run.vm)
}

fn build_args(run: &Run, call: &Call, classes: &HelperClasses) -> PyResult<Vec<PyObjectRef>> {
    Ok(extract::build_args(run.vm, call, classes)?.0)
}

/// `two_sum(nums, target)`: any pair at positions i < j summing to target, or None when none does.
fn pair_sum(
    run: &Run,
    function: &PyObjectRef,
    call: &Call,
    classes: &HelperClasses,
) -> PyResult<TestVerdict> {
    let result = call_with(run, function, build_args(run, call, classes)?)?;
    Ok(pair_sum_verdict(
        &call.args,
        &extract::read(run.vm, &result),
    ))
}

/// The verdict on `actual` as the answer to `two_sum(args[0], args[1])`.
pub fn pair_sum_verdict(args: &[Value], actual: &Value) -> TestVerdict {
    let (Some(Value::List(nums)), Some(target)) =
        (args.first(), args.get(1).and_then(Value::as_i128))
    else {
        return TestVerdict::Crashed {
            message: "pair_sum needs (list of ints, int)".into(),
        };
    };
    let nums: Vec<i128> = nums.iter().filter_map(Value::as_i128).collect();
    // Some valid pair, to show when the candidate found none.
    let mut seen: HashMap<i128, usize> = HashMap::new();
    let mut some_pair = None;
    for &n in &nums {
        if some_pair.is_none() && seen.contains_key(&(target - n)) {
            some_pair = Some((target - n, n));
        }
        *seen.entry(n).or_default() += 1;
    }
    let expected_text = match some_pair {
        Some((a, b)) => format!("a pair such as ({a}, {b})"),
        None => "None".to_owned(),
    };
    match (actual, some_pair) {
        (Value::None, None) => TestVerdict::Passed,
        (Value::None, Some((a, b))) => wrong(
            format!("Returned None, but {a} + {b} == {target}."),
            &expected_text,
            "None".into(),
        ),
        (Value::Tuple(pair), _) if pair.len() == 2 => {
            let (Some(a), Some(b)) = (pair[0].as_i128(), pair[1].as_i128()) else {
                return wrong(
                    "The pair must hold two numbers from the list.".into(),
                    &expected_text,
                    actual.repr(),
                );
            };
            if a + b != target {
                return wrong(
                    format!("{a} + {b} is {}, not {target}.", a + b),
                    &expected_text,
                    actual.repr(),
                );
            }
            // a must occur at some position before a position holding b.
            let first_a = nums.iter().position(|&n| n == a);
            if first_a.is_some_and(|i| nums[i + 1..].contains(&b)) {
                TestVerdict::Passed
            } else {
                wrong(
                    format!(
                        "({a}, {b}) is not two numbers at different positions of the list, a before b."
                    ),
                    &expected_text,
                    actual.repr(),
                )
            }
        }
        _ => wrong(
            format!(
                "Return a tuple (a, b) or None, not a {}.",
                actual.type_name()
            ),
            &expected_text,
            actual.repr(),
        ),
    }
}

/// `clone_grid(grid)`: equal to the argument, sharing no list, dict or set with it.
fn independent_copy(
    run: &Run,
    function: &PyObjectRef,
    call: &Call,
    classes: &HelperClasses,
) -> PyResult<TestVerdict> {
    let vm = run.vm;
    let args = build_args(run, call, classes)?;
    let Some(original) = args.first().cloned() else {
        return Ok(TestVerdict::Crashed {
            message: "independent_copy needs an argument".into(),
        });
    };
    let result = call_with(run, function, args)?;
    let expected = &call.args[0];
    let actual = extract::read(vm, &result);
    if !expected.matches(&actual, &Default::default()) {
        return Ok(super::wrong_value(expected, &actual));
    }
    let originals = extract::mutable_containers(vm, &original);
    let copies = extract::mutable_containers(vm, &result);
    let shared = copies.intersection(&originals).count();
    if shared > 0 {
        let what = if result.is(&original) {
            "the very same object as the original"
        } else {
            "nested lists shared with the original"
        };
        return Ok(wrong(
            format!(
                "The copy is {what}: changing a cell of the copy would change the original ({shared} shared)."
            ),
            "a copy that shares nothing",
            actual.repr(),
        ));
    }
    Ok(TestVerdict::Passed)
}

/// A `CountingRandom(seed)` whose `randrange` the judge counts itself, in
/// `calls`: a counter in Python could be set by the code under test.
fn counting_rng(
    run: &Run,
    seed: u64,
    classes: &HelperClasses,
    calls: &Rc<Cell<u64>>,
) -> PyResult<PyObjectRef> {
    let vm = run.vm;
    let rng = extract::build(vm, &Value::Rng(seed), classes)?;
    let inner = rng.get_attr("randrange", vm)?;
    let count = calls.clone();
    let counted = vm.new_function(
        "randrange",
        move |args: FuncArgs, vm: &rustpython_vm::VirtualMachine| {
            count.set(count.get() + 1);
            inner.call(args, vm)
        },
    );
    rng.set_attr("randrange", counted, vm)?;
    Ok(rng)
}

/// How many seeded shuffles the uniformity check runs.
const SHUFFLE_TRIALS: usize = 6000;

/// Pearson chi-square critical values at p = 0.0001 by degrees of freedom (1..=23),
/// so a correct shuffle fails about once in ten thousand seeds.
const CHI2_CRITICAL: [f64; 23] = [
    15.14, 18.42, 21.11, 23.51, 25.74, 27.86, 29.88, 31.83, 33.72, 35.56, 37.37, 39.13, 40.87,
    42.58, 44.26, 45.92, 47.57, 49.19, 50.80, 52.39, 53.96, 55.52, 57.07,
];

/// `shuffle(items, rng)`: in place, returns None, uses `rng.randrange`, every order equally likely.
fn uniform_shuffle(
    run: &Run,
    function: &PyObjectRef,
    call: &Call,
    classes: &HelperClasses,
) -> PyResult<TestVerdict> {
    let vm = run.vm;
    let (Some(Value::List(items)), Some(Value::Rng(seed))) = (call.args.first(), call.args.get(1))
    else {
        return Ok(TestVerdict::Crashed {
            message: "uniform_shuffle needs (list, rng(seed))".into(),
        });
    };
    let read_list = |obj: &PyObjectRef| extract::read(vm, obj);
    let calls = Rc::new(Cell::new(0u64));
    let rng = counting_rng(run, *seed, classes, &calls)?;
    let list = extract::build(vm, &Value::List(items.clone()), classes)?;
    let result = call_with(run, function, vec![list.clone(), rng.clone()])?;
    if !vm.is_none(&result) {
        return Ok(wrong(
            "shuffle works in place: it should return None, like random.shuffle.".into(),
            "None",
            extract::read(vm, &result).repr(),
        ));
    }
    let after = read_list(&list);
    let original = Value::List(items.clone());
    let permutation = crate::value::Compare {
        unordered: true,
        ..Default::default()
    };
    if !original.matches(&after, &permutation) {
        return Ok(wrong(
            "The list after shuffling is not a rearrangement of the items.".into(),
            &format!("the items of {} in some order", original.repr()),
            after.repr(),
        ));
    }
    if items.len() > 1 && calls.get() == 0 {
        return Ok(wrong(
            "The shuffle never called rng.randrange: use the random source you are given.".into(),
            "calls to rng.randrange",
            "no calls".into(),
        ));
    }
    // Only rng may decide: the same seed must give the same order, every time.
    let n = items.len().clamp(2, 8);
    let mut orders_seen = Vec::new();
    for _ in 0..2 {
        let rng = counting_rng(run, *seed, classes, &Rc::new(Cell::new(0)))?;
        let fresh: PyObjectRef = vm
            .ctx
            .new_list((0..n).map(|i| vm.ctx.new_int(i).into()).collect())
            .into();
        call_with(run, function, vec![fresh.clone(), rng])?;
        orders_seen.push(read_list(&fresh));
    }
    if orders_seen[0] != orders_seen[1] {
        return Ok(wrong(
            format!(
                "Two shuffles of {:?} with the same seed came out differently: the order must come from rng.randrange alone.",
                (0..n).collect::<Vec<_>>()
            ),
            &format!("{} both times", orders_seen[0].repr()),
            orders_seen[1].repr(),
        ));
    }
    // Uniformity: shuffle 0..n many times, count each order, compare with the uniform spread.
    let n = items.len().clamp(2, 4);
    let orders: usize = (1..=n).product();
    let mut counts: HashMap<Vec<u8>, usize> = HashMap::new();
    for _ in 0..SHUFFLE_TRIALS {
        let fresh = vm
            .ctx
            .new_list((0..n).map(|i| vm.ctx.new_int(i).into()).collect());
        call_with(run, function, vec![fresh.clone().into(), rng.clone()])?;
        let order: Vec<u8> = fresh
            .as_object()
            .downcast_ref::<PyList>()
            .map(|l| {
                l.borrow_vec()
                    .iter()
                    .map(|x| extract::read(vm, x).as_i128().unwrap_or(-1) as u8)
                    .collect()
            })
            .unwrap_or_default();
        *counts.entry(order).or_default() += 1;
    }
    let expected = SHUFFLE_TRIALS as f64 / orders as f64;
    let seen = counts.len();
    let chi2: f64 = counts
        .values()
        .map(|&c| (c as f64 - expected).powi(2) / expected)
        .sum::<f64>()
        + (orders - seen.min(orders)) as f64 * expected;
    let critical = CHI2_CRITICAL[orders - 2];
    if chi2 > critical || seen > orders {
        let mut spread: Vec<(Vec<u8>, usize)> = counts.into_iter().collect();
        spread.sort();
        let shown: Vec<String> = spread.iter().map(|(o, c)| format!("{o:?}: {c}")).collect();
        return Ok(wrong(
            format!(
                "Some orders come up far more often than others over {SHUFFLE_TRIALS} shuffles of {:?} (chi-square {chi2:.1}, limit {critical}).",
                (0..n).collect::<Vec<_>>()
            ),
            &format!("each of the {orders} orders about {expected:.0} times"),
            shown.join(", "),
        ));
    }
    Ok(TestVerdict::Passed)
}
