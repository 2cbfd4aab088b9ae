//! The practice log (the saved `pyprep.activity.log` record): sessions of
//! practice without a long pause, joined across tabs. A saved record, so it
//! lives with the others; `progress` reads it for time spent and days
//! practised.

use serde::{Deserialize, Serialize};

/// A pause longer than this ends a practice session (5 minutes).
pub const IDLE_MS: f64 = 5.0 * 60_000.0;
/// Sessions kept in the log; older ones are dropped first.
pub const MAX_SESSIONS: usize = 400;

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
