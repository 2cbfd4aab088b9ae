//! A mock interview from start to summary, through the reducer.

use super::*;
use crate::state::Action;
use pyprep_core::catalog::Catalog;
use pyprep_core::challenge::Group;
use pyprep_core::protocol::Mode;
use pyprep_core::storage::{Progress, Record, Saved};

const MIN: f64 = 60_000.0;

/// Everything solved but is-prime in coding and why-python in the spoken section.
fn nearly_all_solved() -> State {
    let mut saved = Saved::default();
    for c in &Catalog::for_browser().challenges {
        let spoken = !matches!(c.group, Group::Coding | Group::Concepts);
        let keep = c.id == "is-prime" || c.id == "why-python";
        if (c.group == Group::Coding || spoken) && !keep {
            saved.insert(
                &c.id,
                Record::Progress(Progress {
                    status: Status::Done,
                    attempts: 1,
                    at: 1.0,
                }),
            );
        }
    }
    State::new(Catalog::for_browser(), Route::Catalog, saved)
}

fn plan() -> Plan {
    Plan {
        minutes: 30,
        coding: 1,
        concepts: 0,
        spoken: 1,
        preset: None,
    }
}

fn step(s: State, a: InterviewAction) -> State {
    s.apply(Action::Interview(a))
}

fn submit_and_pass(s: State, at: f64) -> State {
    let s = step(
        s,
        InterviewAction::Ran {
            id: "is-prime".into(),
            submit: true,
            at,
        },
    )
    .apply(Action::Start {
        id: "is-prime".into(),
        mode: Mode::Submit,
    });
    crate::state::tests::pass_everything(s)
}

#[test]
fn a_two_question_interview_from_start_to_summary() {
    let t0 = 100.0 * MIN;
    let s = step(
        nearly_all_solved(),
        InterviewAction::Begin {
            plan: plan(),
            seed: 1,
            at: t0,
        },
    );
    let id = interview::id_at(t0);
    assert_eq!(s.route, Route::Interview { id: id.clone() });
    let i = s.interview_in_progress().unwrap();
    let ids: Vec<&str> = i.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["is-prime", "why-python"], "drawn from the unsolved");
    // A second Begin resumes the first instead of starting another.
    let s = step(
        s,
        InterviewAction::Begin {
            plan: plan(),
            seed: 2,
            at: t0 + 1.0,
        },
    );
    assert_eq!(s.saved.interviews.len(), 1);

    let s = step(s, InterviewAction::Hint { at: t0 + MIN });
    let s = s.apply(Action::Edit {
        id: "is-prime".into(),
        code: "def is_prime(n):\n    return n > 1\n".into(),
        at: t0 + 2.0 * MIN,
    });
    let s = submit_and_pass(s, t0 + 3.0 * MIN);
    let s = step(
        s,
        InterviewAction::Go {
            index: 1,
            at: t0 + 4.0 * MIN,
        },
    );
    let s = s.apply(Action::SetAnswer {
        id: "why-python".into(),
        text: "Because it reads well.".into(),
        at: t0 + 5.0 * MIN,
    });
    let s = step(s, InterviewAction::Finish { at: t0 + 6.0 * MIN });
    assert!(s.interview_in_progress().is_none());
    let i = &s.saved.interviews[&id];
    assert!(!i.time_up);
    let q = &i.questions[0];
    assert_eq!(q.hints, 1);
    assert!(q.verdict.as_ref().unwrap().accepted);
    assert_eq!(
        q.submitted.as_deref(),
        Some("def is_prime(n):\n    return n > 1\n")
    );
    assert_eq!(
        q.replay.final_code(),
        "def is_prime(n):\n    return n > 1\n"
    );
    assert_eq!(i.time_on(0, 0.0), 4.0 * MIN);
    assert_eq!(
        i.questions[1].answer.as_deref(),
        Some("Because it reads well.")
    );
    assert_eq!(i.accepted(), 1);
    // The practice log saw the interview's steps.
    assert_eq!(s.saved.activity.total_ms(), 6.0 * MIN);
    let s = step(
        s,
        InterviewAction::ToggleCheck {
            interview: id.clone(),
            question: 1,
            item: 0,
            at: t0 + 7.0 * MIN,
        },
    );
    assert_eq!(s.saved.interviews[&id].questions[1].checked, [0]);
    // The next interview avoids this one's questions where it can.
    let s = step(
        s,
        InterviewAction::Begin {
            plan: plan(),
            seed: 1,
            at: t0 + 8.0 * MIN,
        },
    );
    let next = s.interview_in_progress().unwrap();
    assert_ne!(
        next.questions[0].id, "is-prime",
        "solved now, and asked before"
    );
}

#[test]
fn edits_outside_the_interview_are_not_recorded() {
    let s = step(
        nearly_all_solved(),
        InterviewAction::Begin {
            plan: plan(),
            seed: 1,
            at: 1000.0,
        },
    );
    let s = s.apply(Action::Edit {
        id: "fibonacci".into(),
        code: "x".into(),
        at: 2000.0,
    });
    let i = s.interview_in_progress().unwrap();
    assert!(i.questions.iter().all(|q| q.replay.is_empty()));
    let s = s.apply(Action::Edit {
        id: "is-prime".into(),
        code: "y".into(),
        at: 3000.0,
    });
    assert_eq!(
        s.interview_in_progress().unwrap().questions[0]
            .replay
            .final_code(),
        "y"
    );
}
