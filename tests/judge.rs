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
fn profiling_of_the_candidates_own_is_no_rule_broken_and_hides_nothing() {
    // The judge watches calls out of Python's reach (judge/watch.rs): code
    // may set and clear its own profile function, and is still watched.
    let profiled = "import sys\ncalls = []\nsys.setprofile(lambda frame, event, arg: calls.append(event))\n\n\
                    def reverse_iterative(s):\n    return ''.join(reversed(s))\n\n\
                    def reverse_recursive(s):\n    sys.setprofile(None)\n    if len(s) <= 1:\n        return s\n    return s[-1] + reverse_recursive(s[:-1])\n";
    let r = submit(&native(), "reverse-string", profiled);
    assert_eq!(r.outcome, Outcome::Accepted, "{}", r.headline());
    let dead_self_call = profiled.replace(
        "    if len(s) <= 1:\n        return s\n    return s[-1] + reverse_recursive(s[:-1])",
        "    if False:\n        return reverse_recursive(s)\n    return s[::-1]",
    );
    let r = submit(&native(), "reverse-string", &dead_self_call);
    assert_eq!(r.outcome, Outcome::RuleBroken, "{}", r.headline());
    let violations = &r.rule_violations;
    assert!(
        violations[0].message.contains("must be recursive"),
        "{violations:?}"
    );
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

/// An answer may carry its own tests and end with `unittest.main()`, as the
/// guide writes them: that call does nothing here (the judge runs the tests),
/// whether the question judges unit tests or not.
#[test]
fn unittest_main_in_an_answer_does_nothing_and_the_answer_is_judged() {
    let code = "import unittest\n\
                from unittest import main as run_tests\n\n\
                def is_prime(n):\n    return n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1))\n\n\
                class Tests(unittest.TestCase):\n    def test_seven(self):\n        self.assertTrue(is_prime(7))\n\n\
                unittest.main()\n\
                run_tests()\n\
                print('still here')\n";
    let r = submit(&native(), "is-prime", code);
    assert_eq!(r.outcome, Outcome::Accepted, "{}", r.headline());
    let suite = &common::challenge("unit-testing").solution;
    let with_main =
        format!("{suite}\n\nif __name__ == '__main__':\n    unittest.main()\nunittest.main()\n");
    let r = submit(&native(), "unit-testing", &with_main);
    assert_eq!(r.outcome, Outcome::Accepted, "{}", r.headline());
}

/// `before` calls share the test's namespace, so state one call leaves for the
/// next is caught, and the results list shows every call the test made.
#[test]
fn state_left_by_an_earlier_call_is_caught_and_shown() {
    let c = common::challenge("mutable-default-argument");
    let shared = c
        .wrong
        .iter()
        .find(|w| w.name == "fixes_only_take_orders")
        .unwrap();
    let r = submit(&native(), "mutable-default-argument", &shared.code);
    assert_eq!(r.outcome, Outcome::WrongAnswer, "{}", r.headline());
    let t = r.first_failure().unwrap();
    assert_eq!(t.input, r#"new_order("tea"), then new_order("cake")"#);
    let TestVerdict::WrongAnswer { actual, .. } = &t.verdict else {
        panic!("{:?}", t.verdict)
    };
    assert_eq!(actual.as_deref(), Some("['tea', 'cake']"));
    let fixed = submit(&native(), "mutable-default-argument", &c.solution);
    assert_eq!(fixed.outcome, Outcome::Accepted, "{}", fixed.headline());
}

/// "Returns a new list" and "extends the given list and returns it" are
/// promises about which object comes back, checked by identity.
#[test]
fn which_object_a_call_returns_is_checked_when_promised() {
    let sandbox = native();
    let short = common::challenge("merge-sort")
        .wrong
        .iter()
        .find(|w| w.name == "returns_short_input")
        .unwrap();
    let r = submit(&sandbox, "merge-sort", &short.code);
    let t = r.first_failure().unwrap();
    assert_eq!(t.input, "merge_sort([])");
    let TestVerdict::WrongAnswer {
        message, actual, ..
    } = &t.verdict
    else {
        panic!("{:?}", t.verdict)
    };
    assert!(message.contains("not a new list"), "{message}");
    assert_eq!(actual.as_deref(), Some("argument 1 itself"));

    let copies = "def new_order(item, order=None):\n    order = [] if order is None else list(order)\n    \
        order.append(item)\n    return order\n\ndef take_orders(items):\n    \
        return [new_order(i) for i in items]\n";
    let r = submit(&sandbox, "mutable-default-argument", copies);
    let t = r.first_failure().unwrap();
    assert_eq!(t.input, r#"new_order("jam", ["tea"])"#);
    let TestVerdict::WrongAnswer {
        message, expected, ..
    } = &t.verdict
    else {
        panic!("{:?}", t.verdict)
    };
    assert!(message.contains("changed in place"), "{message}");
    assert_eq!(expected.as_deref(), Some("argument 2 itself"));
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

mod free_runs {
    //! Free runs (`protocol::Play`): the playground and "try it yourself".

    use super::common::native;
    use pyprep::protocol::{PLAYGROUND, Play, RunRequest};
    use pyprep::report::{Outcome, Report, TestVerdict};
    use pyprep::value::Value;

    fn play(challenge: &str, code: &str, play: Play) -> Report {
        native().run(&RunRequest::play(challenge, code, play))
    }

    fn printed(r: &Report) -> String {
        r.tests[0].output.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn every_standard_module_the_judge_has_imports_and_a_left_out_one_says_why() {
        super::common::import_every_standard_module(&native(), true);
    }

    #[test]
    fn a_left_out_submodule_imported_from_its_package_says_why() {
        let r = play(PLAYGROUND, "from unittest import mock\n", Play::default());
        let TestVerdict::RuntimeError { error } = &r.tests[0].verdict else {
            panic!("{:?}", r.tests[0].verdict)
        };
        assert_eq!(error.exception, "ImportError");
        assert!(
            error.message.starts_with("cannot import name 'mock' from 'unittest'")
                && error.message.contains("unittest.mock is part of Python's standard library, but it needs network sockets"),
            "{}",
            error.message
        );
    }

    #[test]
    fn a_named_character_escape_reads_names_as_python_does() {
        // The parser's names come from vendor/unicode_names2: any case, but
        // no spaces, underscores or hyphens dropped (CPython refuses those).
        let code = "print(ascii('\\N{LATIN SMALL LETTER A}\\N{snowman}\\N{CJK UNIFIED IDEOGRAPH-4E00}\\N{HANGUL SYLLABLE GA}'))\n";
        let r = play(PLAYGROUND, code, Play::default());
        assert_eq!(
            printed(&r),
            "'a\\u2603\\u4e00\\uac00'\n",
            "{}",
            r.headline()
        );
        for loose in [
            "LATINSMALLLETTERA",
            "LATIN_SMALL_LETTER_A",
            "NO SUCH CHARACTER",
        ] {
            let r = play(
                PLAYGROUND,
                &format!("x = '\\N{{{loose}}}'\n"),
                Play::default(),
            );
            assert_eq!(r.outcome, Outcome::SyntaxError, "{loose}: {}", r.headline());
        }
    }

    #[test]
    fn the_playground_runs_any_python_with_input_and_files() {
        let code = "name = input('Name? ')\nwith open('data.txt') as f:\n    n = len(f.read().split())\nwith open('out/result.txt', 'w') as f:\n    f.write(name * n)\nprint('hi', name, n)\n";
        let r = play(
            PLAYGROUND,
            &code.replace("out/", ""),
            Play {
                stdin: "Ada\n".into(),
                files: vec![("data.txt".into(), "a b c".into())],
                ..Play::default()
            },
        );
        assert_eq!(r.outcome, Outcome::Ran, "{}", r.headline());
        assert!(r.free_run);
        assert!(printed(&r).contains("hi Ada 3"), "{}", printed(&r));
        let names: Vec<&str> = r.tests[0].files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["data.txt", "result.txt"]);
        assert_eq!(r.tests[0].files[1].text, "AdaAdaAda");
    }

    #[test]
    fn a_call_reports_the_value_the_judge_read() {
        let code = &super::common::challenge("is-prime").solution;
        let r = play(
            "is-prime",
            &format!("{code}\nprint('loaded')\n"),
            Play {
                call: Some("is_prime(97)".into()),
                ..Play::default()
            },
        );
        assert_eq!(r.outcome, Outcome::Ran, "{}", r.headline());
        assert_eq!(r.tests[0].returned, Some(Value::Bool(true)));
        assert!(printed(&r).contains("loaded"));
        let merge = &super::common::challenge("merge-two-lists").solution;
        let r = play(
            "merge-two-lists",
            merge,
            Play {
                call: Some("merge_two_lists(linked([1, 4]), linked([2]))".into()),
                ..Play::default()
            },
        );
        assert_eq!(
            r.tests[0].returned,
            Some(Value::Linked(vec![
                Value::Int("1".into()),
                Value::Int("2".into()),
                Value::Int("4".into())
            ]))
        );
        // A returned tree reads in level order, as `tree([...])` writes it.
        let r = play(
            "tree-height",
            "def height(root):\n    return 0\n\ndef mirror(root):\n    if root:\n        root.left, root.right = mirror(root.right), mirror(root.left)\n    return root\n",
            Play {
                call: Some("mirror(tree([1, 2, 3, None, 4]))".into()),
                ..Play::default()
            },
        );
        let int = |n: &str| Value::Int(n.into());
        assert_eq!(
            r.tests[0].returned,
            Some(Value::Tree(vec![
                int("1"),
                int("3"),
                int("2"),
                Value::None,
                Value::None,
                int("4")
            ])),
            "{}",
            r.headline()
        );
    }

    #[test]
    fn a_bad_call_or_file_name_is_explained_and_errors_point_at_the_line() {
        let r = play(
            "is-prime",
            "def is_prime(n):\n    return n\n",
            Play {
                call: Some("is_prime(".into()),
                ..Play::default()
            },
        );
        assert_eq!(r.outcome, Outcome::WrongAnswer);
        assert!(r.headline().contains("Wrong answer"), "{}", r.headline());
        let r = play(
            PLAYGROUND,
            "print(1)\n",
            Play {
                files: vec![("../escape.txt".into(), "x".into())],
                ..Play::default()
            },
        );
        assert!(
            matches!(&r.tests[0].verdict, TestVerdict::Crashed { message } if message.contains("working folder")),
            "{:?}",
            r.tests[0].verdict
        );
        let r = play(PLAYGROUND, "x = 1\ny = x / 0\n", Play::default());
        let TestVerdict::RuntimeError { error } = &r.tests[0].verdict else {
            panic!("{:?}", r.tests[0].verdict)
        };
        assert_eq!(
            (error.exception.as_str(), error.frames[0].line),
            ("ZeroDivisionError", 2)
        );
    }

    #[test]
    fn interactive_input_asks_for_each_line_and_ends_at_end_of_input() {
        // The native parent closes the sandbox's stdin after the request: the
        // second input() asks, then finds the end of the input.
        let r = play(
            PLAYGROUND,
            "a = input('first? ')\nb = input('second? ')\n",
            Play {
                stdin: "one\n".into(),
                interactive: true,
                ..Play::default()
            },
        );
        let TestVerdict::RuntimeError { error } = &r.tests[0].verdict else {
            panic!("{:?}", r.tests[0].verdict)
        };
        assert_eq!(error.exception, "EOFError");
        assert!(
            printed(&r).contains("first? one\nsecond? "),
            "{}",
            printed(&r)
        );
    }

    #[test]
    fn free_runs_skip_the_rules_but_not_the_sandbox() {
        // The question requires recursion; a free run is the candidate's own experiment.
        let r = play(
            "reverse-string",
            "def reverse_recursive(s):\n    return s[::-1]\n",
            Play {
                call: Some("reverse_recursive('abc')".into()),
                ..Play::default()
            },
        );
        assert_eq!(r.tests[0].returned, Some(Value::Str("cba".into())));
        let r = play(
            PLAYGROUND,
            "import os\nos.system('true')\n",
            Play::default(),
        );
        assert_eq!(r.outcome, Outcome::RuntimeError, "{}", r.headline());
    }
}
