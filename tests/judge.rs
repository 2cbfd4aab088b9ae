//! The judge's verdicts, one behaviour at a time, in the native sandbox.
//!
//! Hostile programs have their own table in `hostile.rs`; this file checks
//! what a candidate sees for ordinary mistakes and ordinary successes.

mod common;

use common::{native, run_samples, submit};
use pyprep::protocol::Stream;
use pyprep::report::{Outcome, TestVerdict};

#[test]
fn a_correct_answer_is_accepted_and_run_uses_only_samples() {
    let code = &common::challenge("is-prime").solution;
    let sandbox = native();
    let all = submit(&sandbox, "is-prime", code);
    assert_eq!(all.outcome, Outcome::Accepted, "{}", all.headline());
    let samples = run_samples(&sandbox, "is-prime", code);
    assert_eq!(samples.outcome, Outcome::SamplesPassed);
    assert!(samples.tests.len() < all.tests.len());
    assert!(samples.tests.iter().all(|t| t.sample));
}

#[test]
fn a_wrong_value_shows_the_call_expected_and_actual() {
    let r = run_samples(
        &native(),
        "is-prime",
        "def is_prime(n):\n    return n % 2 == 1\n",
    );
    assert_eq!(r.outcome, Outcome::WrongAnswer);
    let t = r.first_failure().unwrap();
    assert_eq!(t.input, "is_prime(2)");
    let TestVerdict::WrongAnswer {
        expected, actual, ..
    } = &t.verdict
    else {
        panic!("{:?}", t.verdict)
    };
    assert_eq!(
        (expected.as_deref(), actual.as_deref()),
        (Some("True"), Some("False"))
    );
}

#[test]
fn types_are_exact_and_say_so() {
    let r = run_samples(
        &native(),
        "fibonacci",
        "def fibonacci(n):\n    return tuple([0, 1, 1, 2, 3][:n])\n",
    );
    let TestVerdict::WrongAnswer {
        message, actual, ..
    } = &r.first_failure().unwrap().verdict
    else {
        panic!()
    };
    assert!(message.contains("expected list, got tuple"), "{message}");
    assert_eq!(actual.as_deref(), Some("()"));
    let r = run_samples(
        &native(),
        "is-prime",
        "def is_prime(n):\n    return 'True' if n in (2, 17) else 'False'\n",
    );
    assert_eq!(
        r.outcome,
        Outcome::WrongAnswer,
        "the string 'True' is not True"
    );
}

#[test]
fn a_syntax_error_is_reported_once_with_line_and_column() {
    let r = run_samples(&native(), "is-prime", "def is_prime(n):\n    return (n +\n");
    assert_eq!(r.outcome, Outcome::SyntaxError);
    let e = r.syntax_error.as_ref().unwrap();
    assert_eq!(e.line, 2, "{e:?}");
    assert!(e.column >= 12, "{e:?}");
    assert!(r.tests.iter().all(|t| t.verdict == TestVerdict::NotRun));
}

#[test]
fn a_runtime_error_points_at_the_candidates_own_lines() {
    let code = "def helper(n):\n    return [][n]\n\ndef is_prime(n):\n    return helper(n)\n";
    let r = run_samples(&native(), "is-prime", code);
    let TestVerdict::RuntimeError { error } = &r.first_failure().unwrap().verdict else {
        panic!()
    };
    assert_eq!(error.exception, "IndexError");
    let lines: Vec<(u32, &str)> = error
        .frames
        .iter()
        .map(|f| (f.line, f.function.as_str()))
        .collect();
    assert_eq!(
        lines,
        vec![(5, "is_prime"), (2, "helper")],
        "only the candidate's frames, innermost last"
    );
    assert_eq!(error.frames[1].source, "return [][n]");
}

/// Python's limit of 1000 holds by default, and a raised limit works as in
/// CPython, up to the judge's cap.
#[test]
fn recursion_goes_as_deep_as_the_limit_allows() {
    let deep = |limit: &str, depth: u32| {
        format!(
            "import sys\n{limit}\ndef down(k):\n    return 0 if k == 0 else 1 + down(k - 1)\n\n\
             def is_prime(n):\n    assert down({depth}) == {depth}\n    return n in (2, 17)\n"
        )
    };
    let sandbox = native();
    let r = run_samples(&sandbox, "is-prime", &deep("", 990));
    assert_eq!(r.outcome, Outcome::SamplesPassed, "{}", r.headline());
    let r = run_samples(&sandbox, "is-prime", &deep("", 1000));
    let TestVerdict::RuntimeError { error } = &r.first_failure().unwrap().verdict else {
        panic!("{}", r.headline())
    };
    assert_eq!(error.exception, "RecursionError");
    let r = run_samples(
        &sandbox,
        "is-prime",
        &deep("sys.setrecursionlimit(10**4)", 9900),
    );
    assert_eq!(r.outcome, Outcome::SamplesPassed, "{}", r.headline());
    // Past the cap the limit stays at the cap, and says so.
    let r = run_samples(
        &sandbox,
        "is-prime",
        &deep("sys.setrecursionlimit(10**6)", 10_000),
    );
    let failure = r.first_failure().unwrap();
    let TestVerdict::RuntimeError { error } = &failure.verdict else {
        panic!("{}", r.headline())
    };
    assert_eq!(error.exception, "RecursionError");
    assert!(
        failure
            .output
            .iter()
            .any(|o| o.text.contains("capped at 10000")),
        "{:?}",
        failure.output
    );
}

#[test]
fn output_is_captured_per_test_and_never_judged_for_functions() {
    let code = "def is_prime(n):\n    print('checking', n)\n    return n in (2, 17)\n";
    let r = run_samples(&native(), "is-prime", code);
    assert_eq!(r.outcome, Outcome::SamplesPassed);
    for t in &r.tests {
        let printed: String = t
            .output
            .iter()
            .filter(|c| c.stream == Stream::Stdout)
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(
            printed,
            format!("checking {}\n", &t.input[9..t.input.len() - 1])
        );
    }
}

#[test]
fn program_output_ignores_trailing_whitespace_and_prompts() {
    let code = "name = input('Your name, please: ').strip()\nage = input('Age? ').strip()\n\
        print(f'Hello, {name}! Next year you will be {int(age) + 1}.   ')\nprint()\n";
    let r = run_samples(&native(), "greeting", code);
    let first = &r.tests[0];
    assert_eq!(first.verdict, TestVerdict::Passed, "{}", r.headline());
    let streams: Vec<Stream> = first.output.iter().map(|c| c.stream).collect();
    assert_eq!(
        &streams[..4],
        &[Stream::Prompt, Stream::Echo, Stream::Prompt, Stream::Echo]
    );
}

#[test]
fn reading_past_the_input_is_an_eof_error() {
    let code = "a = input()\nb = input()\nc = input()\n";
    let r = run_samples(&native(), "greeting", code);
    let TestVerdict::RuntimeError { error } = &r.tests[0].verdict else {
        panic!("{:?}", r.tests[0].verdict)
    };
    assert_eq!(
        (error.exception.as_str(), error.line()),
        ("EOFError", Some(3))
    );
}

#[test]
fn files_are_given_before_and_checked_after() {
    let r = submit(
        &native(),
        "reverse-file",
        &common::challenge("reverse-file").solution,
    );
    assert_eq!(r.outcome, Outcome::Accepted, "{}", r.headline());
    let r = run_samples(
        &native(),
        "reverse-file",
        "print(open('missing.txt').read())\n",
    );
    let TestVerdict::RuntimeError { error } = &r.tests[0].verdict else {
        panic!()
    };
    assert_eq!(error.exception, "FileNotFoundError");
}

#[test]
fn a_test_suite_that_misses_a_bug_is_told_which() {
    let c = common::challenge("unit-testing");
    let weak = c
        .wrong
        .iter()
        .find(|w| w.name == "assert_true_only")
        .unwrap();
    let r = submit(&native(), "unit-testing", &weak.code);
    assert_eq!(r.outcome, Outcome::WrongAnswer);
    let missed = r.first_failure().unwrap();
    let TestVerdict::WrongAnswer { message, .. } = &missed.verdict else {
        panic!()
    };
    assert!(message.contains("returns a number such as 96"), "{message}");
}

#[test]
fn a_quiz_answer_is_checked_by_running_the_snippet() {
    let sandbox = native();
    assert_eq!(
        submit(&sandbox, "list-slice-quiz", "[2, 3]\n").outcome,
        Outcome::Accepted
    );
    let r = submit(&sandbox, "list-slice-quiz", "[1, 2]");
    let TestVerdict::WrongAnswer { expected, .. } = &r.tests[0].verdict else {
        panic!()
    };
    assert_eq!(expected.as_deref(), Some("[2, 3]"));
}

#[test]
fn an_unknown_challenge_is_an_internal_error_not_a_crash() {
    let r = submit(&native(), "no-such-challenge", "x = 1");
    assert_eq!(r.outcome, Outcome::InternalError);
    assert!(r.internal_error.unwrap().contains("no-such-challenge"));
}
