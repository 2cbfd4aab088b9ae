//! How far the candidate has got, from local records only: solved, attempted
//! and untouched questions by section, topic and difficulty; the days
//! practised and the current streak; time spent; and what to try next.
//!
//! Time is measured by the [`ActivityLog`], a saved list of practice
//! sessions: every edit, answer or step of an interview extends the current
//! session, and a pause longer than [`IDLE_MS`] starts a new one. Days
//! practised also count the timestamps of records written before the log
//! existed, so nothing saved earlier is lost. Everything here is pure; the
//! progress page (`web::components::progress_page` in `pyprep-ui`) shows it.

pub use crate::catalog::Section;
pub use crate::storage::activity::{ActivityLog, IDLE_MS, MAX_SESSIONS, Session};

use crate::catalog::Catalog;
use crate::challenge::{Challenge, Difficulty};
use crate::storage::{Saved, Status};
use std::collections::{BTreeMap, BTreeSet};

const DAY_MS: f64 = 86_400_000.0;

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
pub struct StatusCounts {
    /// Solved, read or practised.
    pub done: usize,
    pub attempted: usize,
    pub untouched: usize,
}

impl StatusCounts {
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
    pub all: StatusCounts,
    pub by_section: BTreeMap<Section, StatusCounts>,
    pub by_difficulty: BTreeMap<Difficulty, StatusCounts>,
    pub by_topic: BTreeMap<String, StatusCounts>,
}

/// Counts every question of `catalog` by its status in `saved`.
pub fn overview(catalog: &Catalog, saved: &Saved) -> Overview {
    let mut o = Overview::default();
    for c in &catalog.challenges {
        let status = saved.status(&c.id);
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

/// What to try next.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion<'a> {
    pub challenge: &'a Challenge,
    pub topic: String,
    pub tally: StatusCounts,
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
    let mut topics: BTreeMap<&str, StatusCounts> = BTreeMap::new();
    for c in technical() {
        for t in &c.topics {
            topics.entry(t).or_default().add(saved.status(&c.id));
        }
    }
    let (topic, tally) = topics
        .into_iter()
        .filter(|(_, t)| t.done < t.total())
        .min_by(|(an, a), (bn, b)| {
            let share = |t: &StatusCounts| t.done as f64 / t.total() as f64;
            share(a)
                .total_cmp(&share(b))
                .then(b.total().cmp(&a.total()))
                .then(an.cmp(bn))
        })?;
    let challenge = technical()
        .filter(|c| c.topics.iter().any(|t| t == topic))
        .filter(|c| saved.status(&c.id) != Status::Done)
        .min_by_key(|c| {
            (
                saved.status(&c.id) != Status::Attempted,
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
mod tests;
