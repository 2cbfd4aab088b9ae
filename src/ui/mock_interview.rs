//! The reducer's part for mock interviews: starting one, moving between its
//! questions, hints, runs and the end, applied to the saved interview
//! records. The rules of an interview itself (time, recording, bounds) are
//! in `crate::interview`; this module only supplies what the state knows
//! (drafts, answers, the catalog, the route). Pure, tested natively.

use super::route::Route;
use super::state::State;
use crate::interview::{self, Interview, Plan};
use crate::storage::Status;
use std::collections::BTreeMap;

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

impl State {
    /// The interview in progress, if any (the latest started, should two tabs each have begun one).
    pub fn interview_in_progress(&self) -> Option<&Interview> {
        self.saved
            .interviews
            .values()
            .filter(|i| !i.is_finished())
            .max_by(|a, b| a.started_at.total_cmp(&b.started_at))
    }

    fn interview_in_progress_mut(&mut self) -> Option<&mut Interview> {
        self.saved
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
                if let Some(i) = self.saved.interviews.get_mut(&interview) {
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
        self.saved.interviews.insert(id.clone(), started);
        interview::prune(&mut self.saved.interviews);
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
        let latest = self
            .saved
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
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::challenge::Group;
    use crate::protocol::Mode;
    use crate::storage::{Progress, Record, Saved};
    use crate::ui::state::Action;

    const MIN: f64 = 60_000.0;

    /// Everything solved but is-prime in coding and why-python in the spoken section.
    fn nearly_all_solved() -> State {
        let mut saved = Saved::default();
        for c in &Catalog::embedded().challenges {
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
        State::new(Catalog::embedded(), Route::Catalog, saved)
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
        crate::ui::state::tests::pass_everything(s)
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
}
