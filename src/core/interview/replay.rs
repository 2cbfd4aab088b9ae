//! How an answer was written: the editor's changes and each run, with their
//! times, recorded during a mock interview and played back on its summary.
//!
//! A change is stored as the smallest edit that turns the old text into the
//! new one (where, how many characters removed, what inserted), and typing or
//! deleting in one place within [`COALESCE_MS`] joins the previous change, so
//! a minute of typing is a handful of events. The recording is bounded: past
//! [`MAX_EVENTS`] events or [`MAX_BYTES`] of stored text, later changes are
//! kept only as the final code ([`Replay::tail`]) and the replay says so.
//! Times are ms since the interview started. Playback runs on its own clock,
//! where pauses longer than [`MAX_PAUSE_MS`] are shortened to that.

use serde::{Deserialize, Serialize};

/// Changes closer together than this, in one place, are stored as one.
pub const COALESCE_MS: f64 = 1_500.0;
/// Events kept per question.
pub const MAX_EVENTS: usize = 1_500;
/// Text (inserted characters and snapshots, roughly as stored) kept per question.
pub const MAX_BYTES: usize = 48 * 1024;
/// Longer pauses are shortened to this in playback.
pub const MAX_PAUSE_MS: f64 = 5_000.0;
/// Rough stored size of an event besides its text.
const EVENT_BYTES: usize = 40;

/// One recorded step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "k", rename_all = "lowercase")]
pub enum ReplayEvent {
    /// At character `at`, `del` characters were replaced by `ins`.
    Edit {
        t: f64,
        at: usize,
        del: usize,
        ins: String,
    },
    /// Run or Submit was pressed; `outcome` is the verdict once it came.
    Run {
        t: f64,
        submit: bool,
        #[serde(default)]
        outcome: Option<String>,
        #[serde(default)]
        accepted: bool,
    },
}

impl ReplayEvent {
    pub fn t(&self) -> f64 {
        match self {
            ReplayEvent::Edit { t, .. } | ReplayEvent::Run { t, .. } => *t,
        }
    }
}

/// The code after the recording stopped taking changes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tail {
    pub t: f64,
    pub code: String,
}

/// The recording of one question.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Replay {
    /// The text when the question was first opened.
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub events: Vec<ReplayEvent>,
    /// Set once the bound is reached: the final code, shown at once at the end.
    #[serde(default)]
    pub tail: Option<Tail>,
    /// Stored size so far, roughly.
    #[serde(default)]
    pub bytes: usize,
}

/// A run as the playback shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct RunMark {
    /// Playback time, ms.
    pub at: f64,
    pub submit: bool,
    pub outcome: Option<String>,
    pub accepted: bool,
}

fn diff(old: &[char], new: &[char]) -> (usize, usize, String) {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let room = old.len().min(new.len()) - prefix;
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    let ins: String = new[prefix..new.len() - suffix].iter().collect();
    (prefix, old.len() - prefix - suffix, ins)
}

impl Replay {
    /// Opens the recording with the text at hand, the first time only.
    pub fn open(&mut self, code: &str) {
        if self.start.is_none() {
            self.bytes += code.len();
            self.start = Some(code.to_owned());
        }
    }

    /// Whether the bound was reached and later changes are only the final code.
    pub fn is_cut(&self) -> bool {
        self.tail.is_some()
    }

    /// Records the editor going from `old` to `new` at `t`.
    pub fn edit(&mut self, t: f64, old: &str, new: &str) {
        if old == new {
            return;
        }
        if self.start.is_none() {
            self.open(old);
        }
        if let Some(tail) = &mut self.tail {
            *tail = Tail {
                t,
                code: new.to_owned(),
            };
            return;
        }
        let old_chars: Vec<char> = old.chars().collect();
        let new_chars: Vec<char> = new.chars().collect();
        let (at, del, ins) = diff(&old_chars, &new_chars);
        if let Some(ReplayEvent::Edit {
            t: last_t,
            at: last_at,
            del: last_del,
            ins: last_ins,
        }) = self.events.last_mut()
            && t - *last_t <= COALESCE_MS
        {
            let typed_on = del == 0 && *last_at + last_ins.chars().count() == at;
            let deleted_back = ins.is_empty() && last_ins.is_empty() && at + del == *last_at;
            if typed_on {
                self.bytes += ins.len();
                last_ins.push_str(&ins);
                *last_t = t;
                return;
            }
            if deleted_back {
                *last_at = at;
                *last_del += del;
                *last_t = t;
                return;
            }
        }
        let cost = EVENT_BYTES + ins.len();
        if self.events.len() >= MAX_EVENTS || self.bytes + cost > MAX_BYTES {
            self.bytes += new.len();
            self.tail = Some(Tail {
                t,
                code: new.to_owned(),
            });
            return;
        }
        self.bytes += cost;
        self.events.push(ReplayEvent::Edit { t, at, del, ins });
    }

    /// Records Run or Submit pressed at `t` (kept even past the bound, while there is room).
    pub fn run(&mut self, t: f64, submit: bool) {
        if self.events.len() >= MAX_EVENTS * 2 {
            return;
        }
        self.bytes += EVENT_BYTES;
        self.events.push(ReplayEvent::Run {
            t,
            submit,
            outcome: None,
            accepted: false,
        });
    }

    /// Fills in the verdict of the latest run still waiting for one.
    /// Returns whether there was such a run.
    pub fn ran(&mut self, verdict: &str, was_accepted: bool) -> bool {
        let waiting = self.events.iter_mut().rev().find_map(|e| match e {
            ReplayEvent::Run {
                outcome, accepted, ..
            } if outcome.is_none() => Some((outcome, accepted)),
            _ => None,
        });
        match waiting {
            Some((outcome, accepted)) => {
                self.bytes += verdict.len();
                *outcome = Some(verdict.to_owned());
                *accepted = was_accepted;
                true
            }
            None => false,
        }
    }

    /// Whether anything was recorded beyond the starting text.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty() && self.tail.is_none()
    }

    /// Playback times of the events (and of the tail, last), starting half a
    /// second in, with long pauses shortened.
    fn playback_times(&self) -> Vec<f64> {
        let mut times = Vec::with_capacity(self.events.len() + 1);
        let mut recorded = self.events.iter().map(ReplayEvent::t).collect::<Vec<_>>();
        if let Some(tail) = &self.tail {
            recorded.push(tail.t);
        }
        let mut play = 500.0;
        let mut previous: Option<f64> = None;
        for t in recorded {
            if let Some(p) = previous {
                play += (t - p).clamp(0.0, MAX_PAUSE_MS);
            }
            times.push(play);
            previous = Some(t);
        }
        times
    }

    /// How long playback lasts at 1x, ms.
    pub fn duration(&self) -> f64 {
        self.playback_times().last().map_or(0.0, |t| t + 500.0)
    }

    /// The code at playback time `at`.
    pub fn code_at(&self, at: f64) -> String {
        let times = self.playback_times();
        let mut text: Vec<char> = self.start.as_deref().unwrap_or("").chars().collect();
        for (e, &play) in self.events.iter().zip(&times) {
            if play > at {
                return text.into_iter().collect();
            }
            if let ReplayEvent::Edit {
                at: pos, del, ins, ..
            } = e
            {
                let pos = (*pos).min(text.len());
                let end = (pos + del).min(text.len());
                text.splice(pos..end, ins.chars());
            }
        }
        match (&self.tail, times.last()) {
            (Some(tail), Some(&play)) if play <= at => tail.code.clone(),
            _ => text.into_iter().collect(),
        }
    }

    /// The code at the end of the recording.
    pub fn final_code(&self) -> String {
        self.code_at(f64::INFINITY)
    }

    /// The runs, at their playback times.
    pub fn runs(&self) -> Vec<RunMark> {
        self.events
            .iter()
            .zip(self.playback_times())
            .filter_map(|(e, at)| match e {
                ReplayEvent::Run {
                    submit,
                    outcome,
                    accepted,
                    ..
                } => Some(RunMark {
                    at,
                    submit: *submit,
                    outcome: outcome.clone(),
                    accepted: *accepted,
                }),
                ReplayEvent::Edit { .. } => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
