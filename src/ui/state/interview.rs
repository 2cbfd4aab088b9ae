//! The reducer's part for mock interviews: starting one, moving between its
//! questions, hints, runs and the end, applied to the saved interview
//! records. The rules of an interview itself (time, recording, bounds) are
//! in `pyprep_core::interview`; this module only supplies what the state knows
//! (drafts, answers, the catalog, the route). Pure, tested natively.

use super::State;
use crate::route::Route;
use pyprep_core::interview::{self, Interview, Plan};
use pyprep_core::storage::{Saved, Status};
use std::collections::BTreeMap;
use std::rc::Rc;

/// A step of a mock interview; each carries the time it happened, in ms.
#[derive(Clone, Debug, PartialEq)]
pub enum InterviewAction {
    /// Draw the questions with `seed` and start; the page moves to the interview.
    Begin { plan: Plan, seed: u64, at: f64 },
    /// Open question `index`.
    Go { index: usize, at: f64 },
    /// Show one more hint of the current question.
    Hint { at: f64 },
    /// Run or Submit is being pressed on question `id` (the run itself follows
    /// as `Action::Start`).
    Ran { id: String, submit: bool, at: f64 },
    /// "Finish", or time ran out.
    Finish { at: f64 },
    /// Tick or untick a self-review item on a summary.
    ToggleCheck {
        interview: String,
        question: usize,
        item: usize,
        at: f64,
    },
}

impl InterviewAction {
    pub fn at(&self) -> f64 {
        match self {
            InterviewAction::Begin { at, .. }
            | InterviewAction::Go { at, .. }
            | InterviewAction::Hint { at }
            | InterviewAction::Ran { at, .. }
            | InterviewAction::Finish { at }
            | InterviewAction::ToggleCheck { at, .. } => *at,
        }
    }
}

/// The interview in progress in `saved`, if any (the latest started, should
/// two tabs each have begun one).
pub fn in_progress(saved: &Saved) -> Option<&Interview> {
    saved
        .interviews
        .values()
        .filter(|i| !i.is_finished())
        .max_by(|a, b| a.started_at.total_cmp(&b.started_at))
}

impl State {
    /// The interview in progress, if any (the latest started, should two tabs each have begun one).
    pub fn interview_in_progress(&self) -> Option<&Interview> {
        in_progress(&self.saved)
    }

    /// The interview in progress, to change (the saved records are copied
    /// first if an earlier state shares them).
    fn interview_in_progress_mut(&mut self) -> Option<&mut Interview> {
        self.interview_in_progress()?;
        Rc::make_mut(&mut self.saved)
            .interviews
            .values_mut()
            .filter(|i| !i.is_finished())
            .max_by(|a, b| a.started_at.total_cmp(&b.started_at))
    }

    /// What the answer box of question `id` holds: the draft for code and
    /// predictions, the written answer otherwise.
    fn answer_text(&self, id: &str) -> (Option<String>, Option<String>) {
        match self.catalog.get(id) {
            Some(c) if c.kind.is_judged() => (Some(self.draft(id)), None),
            Some(_) => (
                None,
                self.saved
                    .answers
                    .get(id)
                    .map(|a| a.text.clone())
                    .filter(|t| !t.trim().is_empty()),
            ),
            None => (None, None),
        }
    }

    fn opening_text(&self, id: &str) -> String {
        let (code, answer) = self.answer_text(id);
        code.or(answer).unwrap_or_default()
    }

    pub(super) fn on_interview(&mut self, action: InterviewAction) {
        match action {
            InterviewAction::Begin { plan, seed, at } => self.begin_interview(plan, seed, at),
            InterviewAction::Go { index, at } => {
                let Some(id) = self
                    .interview_in_progress()
                    .and_then(|i| i.questions.get(index))
                    .map(|q| q.id.clone())
                else {
                    return;
                };
                let code = self.opening_text(&id);
                if let Some(i) = self.interview_in_progress_mut() {
                    i.go(index, at, &code);
                }
            }
            InterviewAction::Hint { at } => {
                let available = self
                    .interview_in_progress()
                    .and_then(|i| i.questions.get(i.current))
                    .and_then(|q| self.catalog.get(&q.id))
                    .map_or(0, |c| c.hints.len());
                if let Some(i) = self.interview_in_progress_mut() {
                    i.hint(available, at);
                }
            }
            InterviewAction::Ran { id, submit, at } => {
                let code = self.draft(&id);
                if let Some(i) = self.interview_in_progress_mut() {
                    i.run_started(&id, submit, &code, at);
                }
            }
            InterviewAction::Finish { at } => {
                let Some(ids) = self
                    .interview_in_progress()
                    .map(|i| i.questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>())
                else {
                    return;
                };
                let texts: BTreeMap<String, (Option<String>, Option<String>)> = ids
                    .into_iter()
                    .map(|id| {
                        let text = self.answer_text(&id);
                        (id, text)
                    })
                    .collect();
                if let Some(i) = self.interview_in_progress_mut() {
                    i.finish(at, |id| texts.get(id).cloned().unwrap_or_default());
                }
            }
            InterviewAction::ToggleCheck {
                interview,
                question,
                item,
                at,
            } => {
                if self.saved.interviews.contains_key(&interview)
                    && let Some(i) = Rc::make_mut(&mut self.saved).interviews.get_mut(&interview)
                {
                    i.toggle_check(question, item, at);
                }
            }
        }
    }

    fn begin_interview(&mut self, plan: Plan, seed: u64, at: f64) {
        if let Some(i) = self.interview_in_progress() {
            self.route = Route::Interview { id: i.id() };
            return; // one at a time: resume it
        }
        if !plan.is_valid() {
            return;
        }
        let asked = interview::asked_counts(self.saved.interviews.values());
        let ids = interview::draw(
            self.catalog,
            &plan,
            |id| self.status(id) == Status::Done,
            &asked,
            seed,
        );
        let Some(first) = ids.first() else { return };
        let started = Interview::new(plan, ids.clone(), at, &self.opening_text(first));
        let id = started.id();
        let saved = Rc::make_mut(&mut self.saved);
        saved.interviews.insert(id.clone(), started);
        interview::prune(&mut saved.interviews);
        self.route = Route::Interview { id };
    }

    /// The editor of challenge `id` is about to hold `code` (recorded if an
    /// interview in progress asks it).
    pub(super) fn interview_edit(&mut self, id: &str, code: &str, at: f64) {
        if self
            .interview_in_progress()
            .is_none_or(|i| i.questions.iter().all(|q| q.id != id))
        {
            return;
        }
        let old = self.draft(id);
        if let Some(i) = self.interview_in_progress_mut() {
            i.edit(id, &old, code, at);
        }
    }

    /// A judged run of `id` ended with `headline`: the interview that started
    /// it (even one that ended meanwhile) keeps the verdict.
    pub(super) fn interview_run_finished(&mut self, id: &str, headline: &str, accepted: bool) {
        if self
            .saved
            .interviews
            .values()
            .all(|i| i.questions.iter().all(|q| q.id != id))
        {
            return;
        }
        let latest = Rc::make_mut(&mut self.saved)
            .interviews
            .values_mut()
            .filter(|i| i.questions.iter().any(|q| q.id == id))
            .max_by(|a, b| a.started_at.total_cmp(&b.started_at));
        if let Some(i) = latest {
            i.run_finished(id, headline, accepted);
        }
    }
}

#[cfg(test)]
mod tests;
