//! Step-through of a failing test (`RunRequest::step`, `judge::tracer`), in
//! the native sandbox: what is recorded, how values are shown, and the
//! recorder's bounds.

mod common;

use common::native;
use pyprep::protocol::RunRequest;
use pyprep::report::{Outcome, TestVerdict};
use pyprep::trace::{MAX_REPR_CHARS, MAX_STEPS, StepKind};

/// The catalog's merge sort that keeps only one leftover item of each half.
fn forgets_leftovers() -> String {
    common::challenge("merge-sort")
        .wrong
        .iter()
        .find(|w| w.name == "forgets_leftovers")
        .expect("a wrong answer of the catalog")
        .code
        .clone()
}

/// The 1-based line of `code` that starts with `text` (after indentation).
fn line_of(code: &str, text: &str) -> u32 {
    code.lines()
        .position(|l| l.trim_start().starts_with(text))
        .expect("the line is in the code") as u32
        + 1
}

/// How many items a list's repr shows.
fn items(repr: &str) -> usize {
    if repr == "[]" {
        0
    } else {
        repr.matches(", ").count() + 1
    }
}

#[test]
fn a_failing_call_is_recorded_line_by_line_with_its_locals_and_stack() {
    let sandbox = native();
    let code = forgets_leftovers();
    let submitted = common::submit(&sandbox, "merge-sort", &code);
    let failed = submitted.first_failure().expect("the merge is wrong");
    let r = sandbox.run(&RunRequest::step("merge-sort", &code, failed.index));
    assert_eq!(r.tests.len(), 1, "only the asked test runs");
    let t = &r.tests[0];
    assert_eq!(t.index, failed.index);
    assert!(
        matches!(t.verdict, TestVerdict::WrongAnswer { .. }),
        "{:?}",
        t.verdict
    );
    let trace = t.trace.as_ref().expect("a trace");
    assert!(!trace.truncated);
    assert_eq!(trace.steps[0].kind, StepKind::Call);
    assert_eq!(trace.steps[0].stack.last().unwrap().function, "merge_sort");
    // Recursion shows as a deeper stack.
    assert!(trace.steps.iter().any(|s| s.stack.len() >= 2));
    // Where it goes wrong: about to return with fewer items than the two halves held.
    let returns = line_of(&code, "return result");
    let local = |s: &pyprep::trace::Step, name: &str| {
        s.locals
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| items(v))
    };
    let short = trace.steps.iter().find(|s| {
        s.kind == StepKind::Line
            && s.line == returns
            && matches!(
                (local(s, "result"), local(s, "left"), local(s, "right")),
                (Some(r), Some(l), Some(rt)) if r < l + rt
            )
    });
    assert!(
        short.is_some(),
        "a merge that lost items, at line {returns}"
    );
    assert!(trace.steps.iter().any(|s| s.kind == StepKind::Return));
    // A variable is followed to where it changes.
    let first_i = trace
        .steps
        .iter()
        .position(|s| s.locals.iter().any(|(n, _)| n == "i"))
        .unwrap();
    let change = trace.next_change(first_i, "i").expect("i changes");
    assert!(change > first_i);
}

#[test]
fn values_are_shown_by_the_judge_never_by_their_own_repr() {
    let code = "\
class Loud:
    def __repr__(self):
        print('repr ran')
        raise RuntimeError('no repr for you')


def is_prime(n):
    thing = Loud()
    numbers = list(range(1000))
    return n == 3
";
    let r = native().run(&RunRequest::step("is-prime", code, 0));
    let t = &r.tests[0];
    let trace = t.trace.as_ref().expect("a trace");
    let last = trace
        .steps
        .iter()
        .rev()
        .find(|s| !s.locals.is_empty())
        .unwrap();
    let local = |name: &str| {
        last.locals
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    assert_eq!(local("thing"), "<Loud object>");
    let numbers = local("numbers");
    assert!(
        numbers.starts_with("[0, 1, 2,") && numbers.ends_with('…'),
        "{numbers}"
    );
    assert!(numbers.chars().count() <= MAX_REPR_CHARS);
    let printed: String = t.output.iter().map(|c| c.text.as_str()).collect();
    assert!(!printed.contains("repr ran"), "{printed}");
}

#[test]
fn a_long_run_is_recorded_up_to_the_bound_and_says_so() {
    let code = "\
def is_prime(n):
    total = 0
    for k in range(20000):
        total += k
    return n == 2
";
    let r = native().run(&RunRequest::step("is-prime", code, 0));
    assert_eq!(r.outcome, Outcome::SamplesPassed, "{}", r.headline());
    let trace = r.tests[0].trace.as_ref().expect("a trace");
    assert_eq!(trace.steps.len(), MAX_STEPS);
    assert!(trace.truncated);
}

#[test]
fn output_printed_so_far_is_counted_at_each_step() {
    let code = "\
def is_prime(n):
    print('checking', n)
    print('done')
    return n == 2
";
    let r = native().run(&RunRequest::step("is-prime", code, 0));
    let trace = r.tests[0].trace.as_ref().expect("a trace");
    let printed: Vec<usize> = trace.steps.iter().map(|s| s.printed).collect();
    assert_eq!(printed.first(), Some(&0));
    assert_eq!(printed.last(), Some(&"checking 2\ndone\n".len()));
    assert!(printed.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn an_exception_is_a_step_with_its_type_and_arguments() {
    let code = "\
def is_prime(n):
    divisors = [d for d in range(2, n)]
    return divisors[5] > 0
";
    let r = native().run(&RunRequest::step("is-prime", code, 0));
    assert_eq!(r.outcome, Outcome::RuntimeError);
    let trace = r.tests[0].trace.as_ref().expect("a trace");
    let raised = trace
        .steps
        .iter()
        .find(|s| s.kind == StepKind::Exception)
        .expect("the IndexError is a step");
    assert_eq!(raised.line, 3);
    assert!(
        raised.value.as_deref().unwrap().starts_with("IndexError("),
        "{raised:?}"
    );
}
