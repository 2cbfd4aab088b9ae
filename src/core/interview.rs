//! Mock interviews: the interview itself as a saved record that moves from
//! question to question until time is up or the candidate finishes, and the
//! bound on how many records are kept.
//!
//! Nothing here ticks: time left and time spent are computed from saved
//! timestamps and the time of the step at hand, so closing the tab or
//! reloading resumes with the clock still running. What an interview asks
//! (its plan and the draw of its questions) is in `plan`, re-exported here;
//! how the answers were written is recorded in [`replay`]. The reducer's
//! side (which draft, which run) is `pyprep_ui::state::interview`; the pages
//! are `web::components::interview_*` in `pyprep-ui`.

mod plan;
pub mod replay;

pub use plan::{LENGTHS, MAX_PER_SECTION, Plan, Preset, asked_counts, draw};

use crate::challenge::Practice;
use replay::Replay;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Interviews kept; older ones are dropped when a new one starts.
pub const KEEP_INTERVIEWS: usize = 20;
/// Interviews whose replays are kept; older ones keep their summary only.
pub const KEEP_REPLAYS: usize = 5;

/// The verdict of the latest judged run of a question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunSummary {
    /// Submit (every test) rather than Run (the samples).
    pub submit: bool,
    pub headline: String,
    pub accepted: bool,
}

/// One question of an interview and what happened with it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InterviewQuestion {
    pub id: String,
    /// Time spent on it before it was last opened, ms.
    #[serde(default)]
    pub time_ms: f64,
    #[serde(default)]
    pub hints: usize,
    #[serde(default)]
    pub verdict: Option<RunSummary>,
    /// The code (or prediction) of the latest Submit.
    #[serde(default)]
    pub submitted: Option<String>,
    /// The code (or prediction) when the interview ended.
    #[serde(default)]
    pub final_code: Option<String>,
    /// The written answer when the interview ended (spoken questions, concept cards).
    #[serde(default)]
    pub answer: Option<String>,
    /// Self-review checklist items ticked on the summary.
    #[serde(default)]
    pub checked: Vec<usize>,
    #[serde(default)]
    pub replay: Replay,
}

/// A mock interview, in progress or finished (the saved `pyprep.interview.<id>` record).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interview {
    pub plan: Plan,
    /// ms since the epoch; also the interview's id.
    pub started_at: f64,
    pub ends_at: f64,
    #[serde(default)]
    pub finished_at: Option<f64>,
    /// Ended because time ran out (rather than "Finish").
    #[serde(default)]
    pub time_up: bool,
    /// The question on screen.
    pub current: usize,
    /// When the current question was opened.
    pub opened_at: f64,
    pub questions: Vec<InterviewQuestion>,
    /// The last change, for merging copies from two tabs.
    pub at: f64,
}

/// The id of an interview started at `at`: its start time in ms.
pub fn id_at(at: f64) -> String {
    format!("{}", at.max(0.0) as u64)
}

impl Interview {
    /// Starts an interview at `at` on `ids`, with `first_code` in the first
    /// question's editor (for its replay).
    pub fn new(plan: Plan, ids: Vec<String>, at: f64, first_code: &str) -> Interview {
        let mut questions: Vec<InterviewQuestion> = ids
            .into_iter()
            .map(|id| InterviewQuestion {
                id,
                ..InterviewQuestion::default()
            })
            .collect();
        if let Some(q) = questions.first_mut() {
            q.replay.open(first_code);
        }
        Interview {
            ends_at: at + f64::from(plan.minutes) * 60_000.0,
            plan,
            started_at: at,
            finished_at: None,
            time_up: false,
            current: 0,
            opened_at: at,
            questions,
            at,
        }
    }

    pub fn id(&self) -> String {
        id_at(self.started_at)
    }

    pub fn is_finished(&self) -> bool {
        self.finished_at.is_some()
    }

    /// Time left at `now`, ms (zero once finished).
    pub fn time_left(&self, now: f64) -> f64 {
        match self.finished_at {
            Some(_) => 0.0,
            None => (self.ends_at - now).max(0.0),
        }
    }

    /// How long the interview lasted (so far, at `now`).
    pub fn elapsed(&self, now: f64) -> f64 {
        (self.finished_at.unwrap_or(now).min(self.ends_at) - self.started_at).max(0.0)
    }

    /// Time spent on question `index` up to `now`.
    pub fn time_on(&self, index: usize, now: f64) -> f64 {
        let Some(q) = self.questions.get(index) else {
            return 0.0;
        };
        let open = if index == self.current && !self.is_finished() {
            (now.min(self.ends_at) - self.opened_at).max(0.0)
        } else {
            0.0
        };
        q.time_ms + open
    }

    /// Questions accepted on Submit.
    pub fn accepted(&self) -> usize {
        self.questions
            .iter()
            .filter(|q| q.verdict.as_ref().is_some_and(|v| v.accepted && v.submit))
            .count()
    }

    /// Adds the time since the current question was opened to it.
    fn close_current(&mut self, at: f64) {
        let end = at.min(self.ends_at);
        if let Some(q) = self.questions.get_mut(self.current) {
            q.time_ms += (end - self.opened_at).max(0.0);
        }
        self.opened_at = end.max(self.opened_at);
    }

    /// Moves to question `index` at `at`; `code` is what its editor holds.
    /// Does nothing once finished or for a question that does not exist.
    pub fn go(&mut self, index: usize, at: f64, code: &str) {
        if self.is_finished() || index >= self.questions.len() || index == self.current {
            return;
        }
        self.close_current(at);
        self.current = index;
        self.opened_at = at.min(self.ends_at);
        self.questions[index].replay.open(code);
        self.at = at;
    }

    /// One more hint shown on the current question, up to `available`.
    pub fn hint(&mut self, available: usize, at: f64) {
        if self.is_finished() {
            return;
        }
        if let Some(q) = self.questions.get_mut(self.current)
            && q.hints < available
        {
            q.hints += 1;
            self.at = at;
        }
    }

    fn question_mut(&mut self, id: &str) -> Option<&mut InterviewQuestion> {
        self.questions.iter_mut().find(|q| q.id == id)
    }

    /// The editor of question `id` went from `old` to `new` (recorded while time runs).
    pub fn edit(&mut self, id: &str, old: &str, new: &str, at: f64) {
        if self.is_finished() || at > self.ends_at {
            return;
        }
        let t = at - self.started_at;
        if let Some(q) = self.question_mut(id) {
            q.replay.edit(t, old, new);
            self.at = at;
        }
    }

    /// Run or Submit pressed on question `id` with `code`.
    pub fn run_started(&mut self, id: &str, submit: bool, code: &str, at: f64) {
        if self.is_finished() || at > self.ends_at {
            return;
        }
        let t = at - self.started_at;
        if let Some(q) = self.question_mut(id) {
            q.replay.run(t, submit);
            if submit {
                q.submitted = Some(code.to_owned());
            }
            self.at = at;
        }
    }

    /// The verdict of the run started last on question `id`. A run started
    /// before the end counts even if its verdict comes after; a Run's verdict
    /// never replaces a Submit's.
    pub fn run_finished(&mut self, id: &str, headline: &str, accepted: bool) {
        let Some(q) = self.question_mut(id) else {
            return;
        };
        let submit = q.replay.events.iter().rev().find_map(|e| match e {
            replay::ReplayEvent::Run {
                submit,
                outcome: None,
                ..
            } => Some(*submit),
            _ => None,
        });
        let Some(submit) = submit else { return };
        q.replay.ran(headline, accepted);
        if submit || !q.verdict.as_ref().is_some_and(|v| v.submit) {
            q.verdict = Some(RunSummary {
                submit,
                headline: headline.to_owned(),
                accepted,
            });
        }
    }

    /// Ends the interview at `at` (or when time ran out, if earlier), keeping
    /// each question's final code and written answer from `snapshot`.
    pub fn finish(&mut self, at: f64, snapshot: impl Fn(&str) -> (Option<String>, Option<String>)) {
        if self.is_finished() {
            return;
        }
        self.close_current(at);
        self.finished_at = Some(at.min(self.ends_at));
        self.time_up = at >= self.ends_at;
        for q in &mut self.questions {
            let (code, answer) = snapshot(&q.id);
            q.final_code = code;
            q.answer = answer;
        }
        self.at = at;
    }

    /// Ticks or unticks a checklist item of question `index` on the summary.
    pub fn toggle_check(&mut self, index: usize, item: usize, at: f64) {
        if let Some(q) = self.questions.get_mut(index) {
            Practice::toggle(&mut q.checked, item);
            self.at = at;
        }
    }
}

/// Keeps `interviews` bounded: the [`KEEP_INTERVIEWS`] most recent, and
/// replays only for the [`KEEP_REPLAYS`] most recent (an interview in
/// progress always keeps its own).
pub fn prune(interviews: &mut BTreeMap<String, Interview>) {
    let mut order: Vec<(f64, String)> = interviews
        .iter()
        .map(|(k, i)| (i.started_at, k.clone()))
        .collect();
    order.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (rank, (_, key)) in order.into_iter().enumerate() {
        if rank >= KEEP_INTERVIEWS {
            interviews.remove(&key);
        } else if rank >= KEEP_REPLAYS
            && let Some(i) = interviews.get_mut(&key)
            && i.is_finished()
            && i.questions.iter().any(|q| !q.replay.is_empty())
        {
            for q in &mut i.questions {
                q.replay = Replay::default();
            }
        }
    }
}

#[cfg(test)]
mod tests;
