//! Growth-rate feedback (`judge::growth`, `pyprep::growth`) on the real catalog.
//!
//! For every challenge with a `[growth]` table: the reference answer, once
//! accepted, is measured and fitted to the expected order; every wrong answer
//! that declares its growth (`# grows like: n^2`) is measured on its own
//! (`RunRequest::growth`) and fitted to the order it declares. The counts are
//! instructions, so they are the same in every run, and the same natively
//! and under WASI.

mod common;

use common::native;
use pyprep::catalog::Catalog;
use pyprep::growth::{Comparison, Order};
use pyprep::protocol::RunRequest;
use pyprep::report::Outcome;

#[test]
fn every_reference_and_every_slow_answer_grows_as_declared() {
    let sandbox = native();
    let mut measured = 0;
    let mut failures = vec![];
    for challenge in &Catalog::embedded().challenges {
        let Some(spec) = &challenge.growth else {
            continue;
        };
        let report = common::submit(&sandbox, &challenge.id, &challenge.solution);
        assert_eq!(report.outcome, Outcome::Accepted, "{}", challenge.id);
        match &report.growth {
            Some(g) if g.fitted == Some(spec.expected) && g.verdict() == Comparison::AsExpected => {
            }
            other => failures.push(format!(
                "{}: the reference should grow like {}, measured {other:?}",
                challenge.id, spec.expected
            )),
        }
        measured += 1;
        for slow in &spec.slow {
            let code = &challenge
                .wrong
                .iter()
                .find(|w| w.name == slow.name)
                .expect("slow answers are wrong answers")
                .code;
            let report = sandbox.run(&RunRequest::growth(&challenge.id, code));
            match &report.growth {
                Some(g) if g.fitted == Some(slow.grows) && g.verdict() == Comparison::Slower => {
                    assert!(g.summary().contains(spec.expected.notation()));
                }
                other => failures.push(format!(
                    "{}/wrong/{}: should grow like {}, measured {other:?}",
                    challenge.id, slow.name, slow.grows
                )),
            }
            measured += 1;
        }
    }
    assert!(measured >= 8, "only {measured} answers measured");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_quadratic_two_sum_is_named_quadratic_and_the_linear_one_linear() {
    // Written for this test, not taken from the catalog.
    let quadratic = "\
def two_sum(nums, target):
    for i, a in enumerate(nums):
        for b in nums[i + 1:]:
            if a + b == target:
                return (a, b)
    return None
";
    let r = native().run(&RunRequest::growth("two-sum", quadratic));
    let g = r.growth.expect("measured");
    assert_eq!(g.fitted, Some(Order::Quadratic), "{g:?}");
    assert_eq!(
        g.summary(),
        "Your two_sum grows like O(n²) on larger inputs; O(n) is possible."
    );
}

#[test]
fn the_measurement_is_the_same_every_run() {
    let sandbox = native();
    let code = &common::challenge("merge-sort").solution;
    let a = common::submit(&sandbox, "merge-sort", code).growth;
    let b = common::submit(&sandbox, "merge-sort", code).growth;
    assert!(a.is_some());
    assert_eq!(a, b);
}

/// A correct Fibonacci answer that, at size 16 (which the measurement uses
/// and no test asks for), first runs `at_16` (indented for the `if`), and
/// the growth note its Submit gets.
fn growth_of_fibonacci_that_at_16(at_16: &str) -> pyprep::growth::Growth {
    let code = format!(
        "import sys\ndef fibonacci(n):\n    if n == 16:\n{at_16}    out, a, b = [], 0, 1\n    \
         for _ in range(n):\n        out.append(a)\n        a, b = b, a + b\n    return out\n"
    );
    let r = common::submit(&native(), "fibonacci", &code);
    assert_eq!(r.outcome, Outcome::Accepted, "{}", r.headline());
    r.growth.expect("measured")
}

#[test]
fn a_measurement_that_runs_too_long_stops_and_the_answer_stays_accepted() {
    // Millions of instructions at one size: the measurement stops at its
    // limit and says so.
    let g =
        growth_of_fibonacci_that_at_16("        for _ in range(3 * 10**6):\n            pass\n");
    assert!(g.stopped.is_some(), "{g:?}");
}

#[test]
fn an_answer_cannot_switch_the_count_off_or_catch_its_stop() {
    // The answer turns tracing off and catches everything: the count goes
    // on, and stops the loop at its limit (the old counter, a trace
    // function, was switched off by this).
    let g = growth_of_fibonacci_that_at_16(
        "        sys.settrace(None)\n        while True:\n            try:\n                \
         while True:\n                    pass\n            except BaseException:\n                \
         pass\n",
    );
    assert!(
        g.stopped
            .as_deref()
            .is_some_and(|why| why.contains("instructions")),
        "{g:?}"
    );
}

#[test]
fn measuring_a_program_that_does_not_load_says_why_and_runs_no_test() {
    let r = native().run(&RunRequest::growth("two-sum", "def two_sum(:\n"));
    assert_eq!(r.outcome, Outcome::SyntaxError);
    let r = native().run(&RunRequest::growth(
        "two-sum",
        "def two_sum(nums, target):\n    raise ValueError('no')\n",
    ));
    let g = r.growth.expect("reported");
    assert_eq!(g.fitted, None);
    assert!(
        g.stopped.as_deref().unwrap_or("").contains("ValueError"),
        "{g:?}"
    );
    assert!(r.tests.is_empty());
}

#[test]
fn a_submit_that_runs_out_of_time_still_says_how_it_grows() {
    let code = &common::challenge("two-sum")
        .wrong
        .iter()
        .find(|w| w.name == "double_loop")
        .expect("the catalog's quadratic two-sum")
        .code;
    let r = common::submit(&native(), "two-sum", code);
    assert_eq!(r.outcome, Outcome::TimeLimit, "{}", r.headline());
    let g = r.growth.expect("measured before the tests");
    assert_eq!(g.fitted, Some(Order::Quadratic));
}

#[test]
fn a_wrong_answer_gets_no_growth_note() {
    let r = common::submit(
        &native(),
        "two-sum",
        "def two_sum(nums, target):\n    return None\n",
    );
    assert_eq!(r.outcome, Outcome::WrongAnswer);
    assert_eq!(r.growth, None);
}
