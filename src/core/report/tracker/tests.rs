//! Tests of the run tracker: phases, budgets and what a run amounts to.

use super::*;
use crate::catalog::Catalog;

fn tracker(mode: Mode) -> RunTracker {
    let c = Catalog::embedded()
        .get("is-prime")
        .expect("is-prime exists");
    RunTracker::new(c, &RunRequest::new(&c.id, "", mode))
}

fn pass_all(t: &mut RunTracker) {
    let indexes: Vec<usize> = t.report().tests.iter().map(|x| x.index).collect();
    t.apply(Event::Ready);
    for index in indexes {
        t.apply(Event::TestStarted { index });
        t.apply(Event::TestFinished {
            index,
            verdict: TestVerdict::Passed,
            time_ms: 1,
        });
    }
    t.apply(Event::Finished);
}

#[test]
fn all_tests_passing_is_accepted_only_on_submit() {
    let mut run = tracker(Mode::Run);
    pass_all(&mut run);
    assert_eq!(run.report().outcome, Outcome::SamplesPassed);
    let mut submit = tracker(Mode::Submit);
    assert!(
        submit.report().tests.len() > run.report().tests.len(),
        "submit adds hidden tests"
    );
    pass_all(&mut submit);
    assert_eq!(submit.report().outcome, Outcome::Accepted);
}

#[test]
fn a_timeout_blames_the_running_test_and_runs_nothing_after_it() {
    let mut t = tracker(Mode::Submit);
    t.apply(Event::Ready);
    t.apply(Event::TestStarted { index: 0 });
    t.apply(Event::TestFinished {
        index: 0,
        verdict: TestVerdict::Passed,
        time_ms: 3,
    });
    t.apply(Event::TestStarted { index: 1 });
    t.timed_out();
    let r = t.report();
    assert_eq!(r.outcome, Outcome::TimeLimit);
    assert_eq!(r.tests[0].verdict, TestVerdict::Passed);
    assert!(matches!(r.tests[1].verdict, TestVerdict::TimeLimit { .. }));
    assert!(
        r.tests[2..]
            .iter()
            .all(|x| x.verdict == TestVerdict::NotRun)
    );
}

#[test]
fn a_test_that_overran_its_limit_does_not_pass() {
    let mut t = tracker(Mode::Run);
    let limit = t.report().tests[0].limit_ms;
    t.apply(Event::Ready);
    t.apply(Event::TestStarted { index: 0 });
    t.apply(Event::TestFinished {
        index: 0,
        verdict: TestVerdict::Passed,
        time_ms: limit + 1,
    });
    assert!(matches!(
        t.report().tests[0].verdict,
        TestVerdict::TimeLimit { .. }
    ));
}

#[test]
fn dying_mid_test_is_reported_as_what_happened() {
    let mut t = tracker(Mode::Run);
    t.apply(Event::Ready);
    t.apply(Event::TestStarted { index: 0 });
    t.ended(SandboxEnd::Exited(3));
    assert_eq!(t.report().outcome, Outcome::Exited);
    assert!(
        t.report().tests[1..]
            .iter()
            .all(|x| x.verdict == TestVerdict::NotRun)
    );

    let mut t = tracker(Mode::Run);
    t.apply(Event::Ready);
    t.apply(Event::TestStarted { index: 0 });
    t.apply(Event::MemoryLimit { limit_bytes: 5 });
    t.ended(SandboxEnd::Crashed("abort".into()));
    assert_eq!(t.report().outcome, Outcome::MemoryLimit);

    let mut t = tracker(Mode::Run);
    t.ended(SandboxEnd::Crashed("trap".into()));
    assert_eq!(t.report().outcome, Outcome::InternalError);
    assert!(
        t.report()
            .internal_error
            .as_deref()
            .unwrap()
            .contains("trap")
    );
}

#[test]
fn events_after_the_end_change_nothing() {
    let mut t = tracker(Mode::Run);
    pass_all(&mut t);
    let before = t.report().clone();
    t.apply(Event::TestFinished {
        index: 0,
        verdict: TestVerdict::WrongAnswer {
            message: "x".into(),
            expected: None,
            actual: None,
        },
        time_ms: 1,
    });
    t.timed_out();
    assert_eq!(t.report(), &before);
}

#[test]
fn output_chunks_of_one_stream_merge() {
    let mut t = tracker(Mode::Run);
    t.apply(Event::Ready);
    t.apply(Event::TestStarted { index: 0 });
    for (stream, text) in [
        (Stream::Stdout, "a"),
        (Stream::Stdout, "b"),
        (Stream::Stderr, "c"),
    ] {
        t.apply(Event::Output {
            index: 0,
            stream,
            text: text.into(),
        });
    }
    let out = &t.report().tests[0].output;
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].text, "ab");
}
