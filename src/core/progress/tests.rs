//! Tests of progress: the activity log, practice days, streaks, tallies and suggestions.

use super::*;
use crate::storage::{Draft, Progress, Record};

const MIN: f64 = 60_000.0;

#[test]
fn sessions_grow_until_a_long_pause() {
    let mut log = ActivityLog::default();
    let t0 = 1_000.0 * DAY_MS;
    log.note(t0);
    log.note(t0 + 2.0 * MIN);
    log.note(t0 + 6.0 * MIN);
    assert_eq!(log.sessions.len(), 1);
    assert_eq!(log.total_ms(), 6.0 * MIN);
    log.note(t0 + 20.0 * MIN);
    assert_eq!(
        log.sessions.len(),
        2,
        "a pause of 14 minutes starts a new session"
    );
    assert_eq!(log.total_ms(), 6.0 * MIN);
    log.note(t0 - 1.0 * MIN);
    assert_eq!(
        log.sessions.len(),
        2,
        "an earlier note joins the first session"
    );
    assert_eq!(log.total_ms(), 7.0 * MIN);
}

#[test]
fn logs_from_two_tabs_merge_and_stay_bounded() {
    let a = ActivityLog {
        sessions: vec![Session {
            start: 0.0 + 1.0,
            end: 10.0 * MIN,
        }],
        at: 10.0 * MIN,
    };
    let b = ActivityLog {
        sessions: vec![
            Session {
                start: 12.0 * MIN,
                end: 15.0 * MIN,
            },
            Session {
                start: 60.0 * MIN,
                end: 61.0 * MIN,
            },
        ],
        at: 61.0 * MIN,
    };
    let m = a.merge(&b);
    assert_eq!(m.sessions.len(), 2);
    assert_eq!(m.sessions[0].end, 15.0 * MIN);
    assert_eq!(m.at, 61.0 * MIN);
    let mut long = ActivityLog::default();
    for i in 0..(MAX_SESSIONS + 10) {
        long.note(1.0 + i as f64 * 10.0 * MIN);
    }
    assert_eq!(long.sessions.len(), MAX_SESSIONS);
}

#[test]
fn the_streak_counts_back_from_today_or_yesterday() {
    let days: BTreeSet<i64> = [10, 11, 12, 14].into_iter().collect();
    assert_eq!(streak(&days, 14), 1);
    assert_eq!(streak(&days, 13), 3, "yesterday's streak still stands");
    assert_eq!(streak(&days, 15), 1);
    assert_eq!(streak(&days, 16), 0);
    // Local days follow the time zone: 23:30 UTC is the next day at UTC+1.
    let at = 20.0 * DAY_MS + 23.5 * 60.0 * MIN;
    assert_eq!(day_of(at, 0.0), 20);
    assert_eq!(day_of(at, -60.0), 21);
}

#[test]
fn days_include_records_written_before_the_log() {
    let mut saved = Saved::default();
    saved.insert(
        "is-prime",
        Record::Draft(Draft {
            code: "x".into(),
            at: 3.0 * DAY_MS + 5.0,
        }),
    );
    saved.insert(
        "fibonacci",
        Record::Progress(Progress {
            status: Status::Done,
            attempts: 1,
            at: 4.0 * DAY_MS + 5.0,
        }),
    );
    // Format 0 progress has no time: it adds no day, and no day 0.
    saved.insert(
        "two-sum",
        Record::Progress(Progress {
            status: Status::Done,
            attempts: 0,
            at: 0.0,
        }),
    );
    saved.activity.note(4.0 * DAY_MS + 9.0);
    let days = practice_days(&saved, 0.0);
    assert_eq!(days.into_iter().collect::<Vec<_>>(), [3, 4]);
}

fn done(saved: &mut Saved, id: &str) {
    saved.insert(
        id,
        Record::Progress(Progress {
            status: Status::Done,
            attempts: 1,
            at: 1.0,
        }),
    );
}

#[test]
fn the_overview_counts_every_question_once_per_grouping() {
    let catalog = Catalog::embedded();
    let mut saved = Saved::default();
    done(&mut saved, "is-prime");
    let o = overview(catalog, &saved);
    assert_eq!(o.all.total(), catalog.challenges.len());
    assert_eq!(o.all.done, 1);
    assert_eq!(o.by_section[&Section::Coding].done, 1);
    assert_eq!(o.by_section[&Section::Spoken].done, 0);
    let sections: usize = o.by_section.values().map(StatusCounts::total).sum();
    assert_eq!(sections, catalog.challenges.len());
    let topic = &catalog.get("is-prime").unwrap().topics[0];
    assert!(o.by_topic[topic].done >= 1);
}

#[test]
fn the_suggestion_is_unsolved_and_in_the_weakest_topic() {
    let catalog = Catalog::embedded();
    let mut saved = Saved::default();
    let first = suggestion(catalog, &saved).unwrap();
    assert_ne!(Section::of(first.challenge.group), Section::Spoken);
    assert!(first.challenge.topics.contains(&first.topic));
    // Solving everything in that topic moves the suggestion elsewhere.
    for c in &catalog.challenges {
        if c.topics.contains(&first.topic) {
            done(&mut saved, &c.id);
        }
    }
    let next = suggestion(catalog, &saved).unwrap();
    assert_ne!(next.topic, first.topic);
    assert_ne!(
        saved.progress.get(&next.challenge.id).map(|p| p.status),
        Some(Status::Done)
    );
    // Every weaker topic has a smaller share solved, or is no weaker.
    let o = overview(catalog, &saved);
    let share = |t: &StatusCounts| t.done as f64 / t.total() as f64;
    assert!(share(&next.tally) <= share(&o.by_topic[&next.topic]) + 1e-9);
}

#[test]
fn durations_and_clocks_read_naturally() {
    assert_eq!(duration_label(45_000.0), "45 s");
    assert_eq!(duration_label(12.0 * MIN + 10_000.0), "12 min");
    assert_eq!(duration_label(65.0 * MIN), "1 h 05 min");
    assert_eq!(clock_label(29.0 * MIN + 5_500.0), "29:05");
    assert_eq!(clock_label(-5.0), "0:00");
    assert_eq!(clock_label(62.0 * MIN + 3_000.0), "1:02:03");
}
