//! How far the candidate has got, from local records only: solved, attempted
//! and untouched questions by section, topic and difficulty; the days
//! practised and the current streak; time spent; and what to try next.
//!
//! Time is measured by the [`ActivityLog`], a saved list of practice
//! sessions: every edit, answer or step of an interview extends the current
//! session, and a pause longer than [`IDLE_MS`] starts a new one. Days
//! practised also count the timestamps of records written before the log
//! existed, so nothing saved earlier is lost. Everything here is pure; the
//! progress page (`ui::web::components::progress_page`) shows it.

use crate::catalog::Catalog;
use crate::challenge::{Challenge, Difficulty, Group};
use crate::storage::{Saved, Status};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A pause longer than this ends a practice session (5 minutes).
pub const IDLE_MS: f64 = 5.0 * 60_000.0;
/// Sessions kept in the log; older ones are dropped first.
pub const MAX_SESSIONS: usize = 400;
const DAY_MS: f64 = 86_400_000.0;

/// The three parts of the catalog an interview draws from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Coding,
    Concepts,
    /// Professional, situational and behavioural questions.
    Spoken,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Coding, Section::Concepts, Section::Spoken];

    pub fn of(group: Group) -> Section {
        match group {
            Group::Coding => Section::Coding,
            Group::Concepts => Section::Concepts,
            Group::Professional | Group::Situational | Group::Behavioural => Section::Spoken,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Section::Coding => "Coding",
            Section::Concepts => "Concepts",
            Section::Spoken => "Spoken answers",
        }
    }
}

/// One stretch of practice without a long pause, in ms since the epoch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub start: f64,
    pub end: f64,
}

/// Practice sessions, oldest first (the saved `pyprep.activity.log` record).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActivityLog {
    pub sessions: Vec<Session>,
    /// The latest activity noted.
    pub at: f64,
}

impl ActivityLog {
    /// Notes practice at `at`: extends the last session, or starts one.
    pub fn note(&mut self, at: f64) {
        if !at.is_finite() || at <= 0.0 {
            return;
        }
        self.at = self.at.max(at);
        match self.sessions.last_mut() {
            Some(last) if at >= last.start && at <= last.end + IDLE_MS => {
                last.end = last.end.max(at);
            }
            Some(last) if at < last.start => {
                // Out of order (another tab's clock): fold it in.
                let one = ActivityLog {
                    sessions: vec![Session { start: at, end: at }],
                    at,
                };
                *self = self.merge(&one);
            }
            _ => self.sessions.push(Session { start: at, end: at }),
        }
        self.bound();
    }

    /// Both logs in one: overlapping or close sessions joined.
    pub fn merge(&self, other: &ActivityLog) -> ActivityLog {
        let mut all: Vec<Session> = self
            .sessions
            .iter()
            .chain(&other.sessions)
            .copied()
            .collect();
        all.sort_by(|a, b| a.start.total_cmp(&b.start));
        let mut sessions: Vec<Session> = Vec::with_capacity(all.len());
        for s in all {
            match sessions.last_mut() {
                Some(last) if s.start <= last.end + IDLE_MS => last.end = last.end.max(s.end),
                _ => sessions.push(s),
            }
        }
        let mut log = ActivityLog {
            sessions,
            at: self.at.max(other.at),
        };
        log.bound();
        log
    }

    fn bound(&mut self) {
        if self.sessions.len() > MAX_SESSIONS {
            let extra = self.sessions.len() - MAX_SESSIONS;
            self.sessions.drain(..extra);
        }
    }

    /// Time practised, in ms.
    pub fn total_ms(&self) -> f64 {
        self.sessions.iter().map(|s| s.end - s.start).sum()
    }
}

/// The local day of a timestamp: days since the epoch, shifted by the
/// browser's `Date.getTimezoneOffset()` (minutes behind UTC).
pub fn day_of(at: f64, tz_offset_min: f64) -> i64 {
    ((at - tz_offset_min * 60_000.0) / DAY_MS).floor() as i64
}

/// Every local day with some practice: the activity log's sessions, the
/// interviews, and the timestamps of older records (drafts, progress,
/// answers), which predate the log.
pub fn practice_days(saved: &Saved, tz_offset_min: f64) -> BTreeSet<i64> {
    let mut days = BTreeSet::new();
    let mut add = |at: f64| {
        if at > 0.0 && at.is_finite() {
            days.insert(day_of(at, tz_offset_min));
        }
    };
    for s in &saved.activity.sessions {
        add(s.start);
        add(s.end);
    }
    for i in saved.interviews.values() {
        add(i.started_at);
    }
    for d in saved.drafts.values() {
        add(d.at);
    }
    for p in saved.progress.values() {
        add(p.at);
    }
    for a in saved.answers.values() {
        add(a.at);
    }
    days
}

/// Consecutive days practised up to `today`; a streak whose last day is
/// yesterday still stands (today is not over yet).
pub fn streak(days: &BTreeSet<i64>, today: i64) -> u32 {
    let mut day = if days.contains(&today) {
        today
    } else {
        today - 1
    };
    let mut count = 0;
    while days.contains(&day) {
        count += 1;
        day -= 1;
    }
    count
}

/// Questions by how far the candidate got with them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Solved, read or practised.
    pub done: usize,
    pub attempted: usize,
    pub untouched: usize,
}

impl Tally {
    fn add(&mut self, status: Status) {
        match status {
            Status::Done => self.done += 1,
            Status::Attempted => self.attempted += 1,
            Status::New => self.untouched += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.done + self.attempted + self.untouched
    }
}

/// The counts the progress page shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overview {
    pub all: Tally,
    pub by_section: BTreeMap<Section, Tally>,
    pub by_difficulty: BTreeMap<Difficulty, Tally>,
    pub by_topic: BTreeMap<String, Tally>,
}

/// Counts every question of `catalog` by its status in `saved`.
pub fn overview(catalog: &Catalog, saved: &Saved) -> Overview {
    let mut o = Overview::default();
    for c in &catalog.challenges {
        let status = status_of(saved, &c.id);
        o.all.add(status);
        o.by_section
            .entry(Section::of(c.group))
            .or_default()
            .add(status);
        o.by_difficulty.entry(c.difficulty).or_default().add(status);
        for t in &c.topics {
            o.by_topic.entry(t.clone()).or_default().add(status);
        }
    }
    o
}

fn status_of(saved: &Saved, id: &str) -> Status {
    saved.progress.get(id).map(|p| p.status).unwrap_or_default()
}

/// What to try next.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion<'a> {
    pub challenge: &'a Challenge,
    pub topic: String,
    pub tally: Tally,
}

/// An unsolved question in the weakest topic of the coding and concept
/// questions: the topic with the smallest share solved (ties: the larger
/// topic, then by name), and in it the question already attempted, else the
/// easiest, then by title. `None` once everything there is solved.
pub fn suggestion<'a>(catalog: &'a Catalog, saved: &Saved) -> Option<Suggestion<'a>> {
    let technical = || {
        catalog
            .challenges
            .iter()
            .filter(|c| Section::of(c.group) != Section::Spoken)
    };
    let mut topics: BTreeMap<&str, Tally> = BTreeMap::new();
    for c in technical() {
        for t in &c.topics {
            topics.entry(t).or_default().add(status_of(saved, &c.id));
        }
    }
    let (topic, tally) = topics
        .into_iter()
        .filter(|(_, t)| t.done < t.total())
        .min_by(|(an, a), (bn, b)| {
            let share = |t: &Tally| t.done as f64 / t.total() as f64;
            share(a)
                .total_cmp(&share(b))
                .then(b.total().cmp(&a.total()))
                .then(an.cmp(bn))
        })?;
    let challenge = technical()
        .filter(|c| c.topics.iter().any(|t| t == topic))
        .filter(|c| status_of(saved, &c.id) != Status::Done)
        .min_by_key(|c| {
            (
                status_of(saved, &c.id) != Status::Attempted,
                c.difficulty,
                &c.title,
            )
        })?;
    Some(Suggestion {
        challenge,
        topic: topic.to_owned(),
        tally,
    })
}

/// A duration for people: `1 h 05 min`, `12 min`, `45 s`.
pub fn duration_label(ms: f64) -> String {
    let s = (ms.max(0.0) / 1000.0).round() as u64;
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{} min", s / 60),
        _ => format!("{} h {:02} min", s / 3600, s % 3600 / 60),
    }
}

/// A clock reading: `29:05`, or `1:02:03` past an hour.
pub fn clock_label(ms: f64) -> String {
    let s = (ms.max(0.0) / 1000.0).floor() as u64;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
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
        let sections: usize = o.by_section.values().map(Tally::total).sum();
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
        let share = |t: &Tally| t.done as f64 / t.total() as f64;
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
}
