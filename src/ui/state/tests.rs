//! The reducer's tests: runs, drafts, other tabs, filters.

use super::*;
use pyprep_core::challenge::{Difficulty, Group};
use pyprep_core::protocol::{Event, FromWorker, Mode, Play};
use pyprep_core::report::{Outcome, TestVerdict};
use pyprep_core::storage::{Draft, Record};

fn state() -> State {
    State::new(Catalog::for_browser(), Route::Catalog, Saved::default())
}

#[test]
fn a_worker_of_another_protocol_version_is_refused() {
    let s = state().apply(Action::Worker(FromWorker::Loaded {
        interactive_input: true,
        protocol: pyprep_core::protocol::PROTOCOL_VERSION + 1,
    }));
    match &s.judge {
        JudgeStatus::Failed(why) => assert!(why.contains("reload"), "{why}"),
        other => panic!("a stale worker was accepted: {other:?}"),
    }
}

#[test]
fn a_step_through_runs_one_test_and_is_never_counted() {
    let s = state().apply(Action::StepThrough {
        id: "is-prime".into(),
        index: 5,
    });
    let run = s.run.as_ref().unwrap();
    assert_eq!(run.request.step_through, Some(5));
    assert_eq!(run.tracker.report().tests.len(), 1);
    assert_eq!(run.tracker.report().tests[0].index, 5);
    let s = pass_everything(s);
    assert!(s.run.as_ref().unwrap().tracker.is_finished());
    assert!(!s.saved.progress.contains_key("is-prime"));
}

/// Lets every test of the current run pass, as the worker would report it.
pub(crate) fn pass_everything(mut s: State) -> State {
    let run = s.run.as_ref().unwrap().id;
    let indexes: Vec<usize> = s
        .run
        .as_ref()
        .unwrap()
        .tracker
        .report()
        .tests
        .iter()
        .map(|t| t.index)
        .collect();
    s = s.apply(Action::Worker(FromWorker::Event {
        run,
        event: Event::Ready,
    }));
    for index in indexes {
        s = s.apply(Action::Worker(FromWorker::Event {
            run,
            event: Event::TestStarted { index },
        }));
        let verdict = TestVerdict::Passed;
        s = s.apply(Action::Worker(FromWorker::Event {
            run,
            event: Event::TestFinished {
                index,
                verdict,
                time_ms: 1,
            },
        }));
    }
    s.apply(Action::Worker(FromWorker::Event {
        run,
        event: Event::Finished,
    }))
}

#[test]
fn a_free_run_waits_for_input_without_a_clock_and_is_never_counted() {
    let s = state().apply(Action::Play {
        challenge: pyprep_core::protocol::PLAYGROUND.into(),
        code: "input()".into(),
        play: Play {
            interactive: true,
            ..Play::default()
        },
    });
    let run = s.run.as_ref().unwrap().id;
    let event = |event| Action::Worker(FromWorker::Event { run, event });
    let s = s
        .apply(event(Event::Ready))
        .apply(event(Event::TestStarted { index: 0 }));
    let testing_budget = s.run.as_ref().unwrap().tracker.budget_ms();
    let s = s.apply(event(Event::InputWanted { index: 0 }));
    let r = s.run.as_ref().unwrap();
    assert!(r.tracker.wants_input());
    assert!(
        r.tracker.budget_ms() > testing_budget * 1000,
        "no clock while waiting"
    );
    let phase = r.phase;
    let s = s.apply(Action::InputSent(run));
    let r = s.run.as_ref().unwrap();
    assert!(!r.tracker.wants_input());
    assert_eq!(r.phase, phase + 1, "the clock restarts");
    let s = s
        .apply(event(Event::TestFinished {
            index: 0,
            verdict: TestVerdict::Passed,
            time_ms: 3,
        }))
        .apply(event(Event::Finished));
    assert_eq!(
        s.run.as_ref().unwrap().tracker.report().outcome,
        Outcome::Ran
    );
    assert!(s.saved.progress.is_empty(), "free runs are not progress");
}

#[test]
fn stop_ends_the_run_and_replaces_the_worker() {
    let s = state().apply(Action::Worker(FromWorker::Loaded {
        interactive_input: true,
        protocol: pyprep_core::protocol::PROTOCOL_VERSION,
    }));
    assert!(s.interactive_input);
    let s = s.apply(Action::Play {
        challenge: pyprep_core::protocol::PLAYGROUND.into(),
        code: "while True: pass".into(),
        play: Play::default(),
    });
    let run = s.run.as_ref().unwrap().id;
    let generation = s.worker_generation;
    let s = s
        .apply(Action::Posted(run))
        .apply(Action::Worker(FromWorker::Event {
            run,
            event: Event::TestStarted { index: 0 },
        }));
    let s = s.apply(Action::Stop(run));
    let report = s.run.as_ref().unwrap().tracker.report();
    assert_eq!(report.outcome, Outcome::Stopped);
    assert_eq!(report.tests[0].verdict, TestVerdict::Stopped);
    assert_eq!(s.worker_generation, generation + 1);
}

#[test]
fn playground_files_are_drafts_and_can_be_deleted() {
    let s = state();
    assert_eq!(scratch_files(&s), ["main.py"]);
    let s = s
        .apply(Action::Edit {
            id: scratch_id("a.py"),
            code: "print(1)".into(),
            at: 1.0,
        })
        .apply(Action::Edit {
            id: scratch_id("b.py"),
            code: "print(2)".into(),
            at: 2.0,
        });
    assert_eq!(scratch_files(&s), ["a.py", "b.py"]);
    let s = s.apply(Action::DeleteDraft {
        id: scratch_id("a.py"),
    });
    assert_eq!(scratch_files(&s), ["b.py"]);
}

#[test]
fn the_draft_starts_as_the_starter_and_follows_edits() {
    let s = state();
    let starter = s.catalog.get("is-prime").unwrap().starter.clone();
    assert_eq!(s.draft("is-prime"), starter);
    let s = s.apply(Action::Edit {
        id: "is-prime".into(),
        code: "x".into(),
        at: 1.0,
    });
    assert_eq!(s.draft("is-prime"), "x");
    let s = s.apply(Action::ResetDraft {
        id: "is-prime".into(),
        at: 2.0,
    });
    assert_eq!(s.draft("is-prime"), starter);
}

#[test]
fn an_accepted_submission_marks_the_challenge_solved() {
    let s = state().apply(Action::Start {
        id: "is-prime".into(),
        mode: Mode::Submit,
    });
    let s = pass_everything(s);
    assert_eq!(
        s.run.as_ref().unwrap().tracker.report().outcome,
        Outcome::Accepted
    );
    assert_eq!(s.status("is-prime"), Status::Done);
    assert_eq!(s.saved.progress["is-prime"].attempts, 1);
    let (done, _, total) = s.progress_counts();
    assert_eq!(done, 1);
    assert!(total > 1);
}

#[test]
fn a_run_only_attempts_and_stale_events_are_dropped() {
    let s = state().apply(Action::Start {
        id: "is-prime".into(),
        mode: Mode::Run,
    });
    let s = pass_everything(s);
    assert_eq!(s.status("is-prime"), Status::Attempted, "Run never solves");
    let old = s.run.as_ref().unwrap().id;
    let s = s.apply(Action::Start {
        id: "is-prime".into(),
        mode: Mode::Submit,
    });
    let before = s.run.as_ref().unwrap().tracker.report().clone();
    let s = s.apply(Action::Worker(FromWorker::Event {
        run: old,
        event: Event::Finished,
    }));
    assert_eq!(
        s.run.as_ref().unwrap().tracker.report(),
        &before,
        "an old run's event changes nothing"
    );
}

#[test]
fn a_timeout_fails_the_run_and_replaces_the_worker() {
    let s = state().apply(Action::Worker(FromWorker::Loaded {
        interactive_input: false,
        protocol: pyprep_core::protocol::PROTOCOL_VERSION,
    }));
    let s = s.apply(Action::Start {
        id: "is-prime".into(),
        mode: Mode::Run,
    });
    let run = s.run.as_ref().unwrap().id;
    let s = s.apply(Action::Posted(run));
    let s = s.apply(Action::Worker(FromWorker::Event {
        run,
        event: Event::Ready,
    }));
    let s = s.apply(Action::Worker(FromWorker::Event {
        run,
        event: Event::TestStarted { index: 0 },
    }));
    let phase = s.run.as_ref().unwrap().phase;
    let stale = s.clone().apply(Action::TimedOut {
        run,
        phase: phase - 1,
    });
    assert!(
        !stale.run.as_ref().unwrap().tracker.is_finished(),
        "a timer from an earlier phase is ignored"
    );
    let s = s.apply(Action::TimedOut { run, phase });
    assert_eq!(
        s.run.as_ref().unwrap().tracker.report().outcome,
        Outcome::TimeLimit
    );
    assert_eq!(s.worker_generation, 1);
    assert_eq!(s.judge, JudgeStatus::Loading);
}

#[test]
fn running_after_a_failed_load_retries_and_reports_a_second_failure() {
    let failed = FromWorker::LoadFailed {
        message: "HTTP 404".into(),
    };
    let s = state().apply(Action::Worker(failed.clone()));
    let s = s.apply(Action::Start {
        id: "is-prime".into(),
        mode: Mode::Run,
    });
    assert_eq!(
        (s.judge.clone(), s.worker_generation),
        (JudgeStatus::Loading, 1),
        "a retry"
    );
    let s = s.apply(Action::Worker(failed));
    let report = s.run.as_ref().unwrap().tracker.report();
    assert_eq!(report.outcome, Outcome::InternalError);
    assert!(
        report
            .internal_error
            .as_deref()
            .unwrap()
            .contains("HTTP 404")
    );
}

#[test]
fn a_stack_overflow_crash_is_a_recursion_error() {
    let s = state().apply(Action::Start {
        id: "is-prime".into(),
        mode: Mode::Run,
    });
    let run = s.run.as_ref().unwrap().id;
    let s = s.apply(Action::Worker(FromWorker::Event {
        run,
        event: Event::Ready,
    }));
    let s = s.apply(Action::Worker(FromWorker::Event {
        run,
        event: Event::TestStarted { index: 0 },
    }));
    let s = s.apply(Action::Worker(FromWorker::Crashed {
        run,
        message: "RangeError".into(),
        stack_overflow: true,
    }));
    let report = s.run.as_ref().unwrap().tracker.report();
    assert_eq!(report.outcome, Outcome::RuntimeError);
    let TestVerdict::RuntimeError { error } = &report.tests[0].verdict else {
        panic!()
    };
    assert_eq!(error.exception, "RecursionError");
}

#[test]
fn another_tabs_newer_draft_wins_and_an_older_one_does_not() {
    let s = state().apply(Action::Edit {
        id: "is-prime".into(),
        code: "mine".into(),
        at: 10.0,
    });
    let older = Record::Draft(Draft {
        code: "old".into(),
        at: 5.0,
    })
    .to_json();
    let s = s.apply(Action::External {
        key: "pyprep.draft.is-prime".into(),
        text: Some(older),
    });
    assert_eq!(s.draft("is-prime"), "mine");
    let newer = Record::Draft(Draft {
        code: "theirs".into(),
        at: 20.0,
    })
    .to_json();
    let s = s.apply(Action::External {
        key: "pyprep.draft.is-prime".into(),
        text: Some(newer),
    });
    assert_eq!(s.draft("is-prime"), "theirs");
    let s = s.apply(Action::External {
        key: "pyprep.draft.is-prime".into(),
        text: None,
    });
    assert_eq!(
        s.draft("is-prime"),
        "theirs",
        "a removal elsewhere deletes nothing here"
    );
}

#[test]
fn unreadable_saved_items_are_announced() {
    let saved = Saved::load([("pyprep.draft.is-prime", "{broken")]);
    let s = State::new(Catalog::for_browser(), Route::Catalog, saved);
    assert_eq!(s.notices.len(), 1);
    assert!(s.notices[0].text.contains("is-prime") && s.notices[0].text.contains("untouched"));
    assert!(s.notices[0].is_error);
}

#[test]
fn filters_narrow_the_catalog() {
    let s = state();
    let all = s.visible().len();
    let s = s.apply(Action::SetFilters(Filters {
        search: "prime".into(),
        ..Filters::default()
    }));
    let found: Vec<&str> = s.visible().iter().map(|c| c.id.as_str()).collect();
    assert!(found.contains(&"is-prime"), "{found:?}");
    assert!(found.len() < all);
    let s = s.apply(Action::SetFilters(Filters {
        group: Some(Group::Coding),
        difficulty: Some(Difficulty::Medium),
        ..Filters::default()
    }));
    assert!(
        s.visible()
            .iter()
            .all(|c| c.group == Group::Coding && c.difficulty == Difficulty::Medium)
    );
}

#[test]
fn an_action_shares_what_it_does_not_change() {
    let s = state().apply(Action::Start {
        id: "is-prime".into(),
        mode: Mode::Run,
    });
    let run = s.run.as_ref().unwrap().id;
    // A worker event copies the run, never the saved records.
    let before = s.clone();
    let s = s.apply(Action::Worker(FromWorker::Event {
        run,
        event: Event::Ready,
    }));
    assert!(Rc::ptr_eq(&before.saved, &s.saved));
    assert!(!Rc::ptr_eq(
        before.run.as_ref().unwrap(),
        s.run.as_ref().unwrap()
    ));
    assert_eq!(
        before.run.as_ref().unwrap().phase,
        0,
        "the earlier state is untouched"
    );
    assert_eq!(s.run.as_ref().unwrap().phase, 1);
    // An edit copies the saved records, never the run.
    let before = s.clone();
    let s = s.apply(Action::Edit {
        id: "is-prime".into(),
        code: "x".into(),
        at: 1.0,
    });
    assert!(Rc::ptr_eq(
        before.run.as_ref().unwrap(),
        s.run.as_ref().unwrap()
    ));
    assert!(!Rc::ptr_eq(&before.saved, &s.saved));
    assert_ne!(
        before.draft("is-prime"),
        "x",
        "the earlier state is untouched"
    );
    assert_eq!(s.draft("is-prime"), "x");
    // An edit that changes nothing shares everything, and the states are equal.
    let same = s.clone().apply(Action::Edit {
        id: "is-prime".into(),
        code: "x".into(),
        at: 2.0,
    });
    assert!(
        !Rc::ptr_eq(&s.saved, &same.saved),
        "the practice log moved on"
    );
    let navigated = same.clone().apply(Action::Navigate(Route::Progress));
    assert!(Rc::ptr_eq(&same.saved, &navigated.saved));
    assert!(Rc::ptr_eq(
        same.run.as_ref().unwrap(),
        navigated.run.as_ref().unwrap()
    ));
}
