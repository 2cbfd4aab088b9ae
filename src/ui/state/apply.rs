//! The reducer: [`State::apply`] takes one action to the next state. What
//! the judge worker reports is applied in `worker`, records from other tabs
//! in `other_tabs`, interview steps in `interview`.

use super::{Action, ActiveRun, JudgeStatus, State, starter_of};
use crate::route::Route;
use pyprep_core::challenge::Practice;
use pyprep_core::protocol::{Mode, RunId, RunRequest};
use pyprep_core::report::{Outcome, RunTracker};
use pyprep_core::storage::{Draft, RecordKind, Status};
use std::rc::Rc;

impl State {
    /// Applies one action.
    pub fn apply(mut self, action: Action) -> State {
        if let Some(at) = action.practice_at() {
            self.saved_mut().activity.note(at);
        }
        match action {
            Action::Navigate(route) => self.route = route,
            Action::Edit { id, code, at } => {
                if self.saved.drafts.get(&id).map(|d| &d.code) != Some(&code) {
                    self.interview_edit(&id, &code, at);
                    self.saved_mut().drafts.insert(id, Draft { code, at });
                }
            }
            Action::ResetDraft { id, at } => {
                let code = self.catalog.get(&id).map(starter_of).unwrap_or_default();
                self.saved_mut().drafts.insert(id, Draft { code, at });
            }
            Action::AcceptShared { id, code, at } => {
                self.saved_mut()
                    .drafts
                    .insert(id.clone(), Draft { code, at });
                self.route = Route::Challenge {
                    id,
                    shared_code: None,
                };
            }
            Action::Start { id, mode } => self.start(id, mode),
            Action::StepThrough { id, index } => {
                if let Some(c) = self.catalog.runnable(&id) {
                    let request = RunRequest::step(&id, &self.draft(&id), index);
                    let tracker = RunTracker::new(c, &request);
                    self.begin_run(request, tracker);
                }
            }
            Action::Play {
                challenge,
                code,
                play,
            } => {
                if let Some(c) = self.catalog.runnable(&challenge) {
                    let request = RunRequest::play(&challenge, &code, play);
                    let tracker = RunTracker::new(c, &request);
                    self.begin_run(request, tracker);
                }
            }
            Action::InputSent(run) => self.on_input_sent(run),
            Action::Stop(run) => self.on_stop(run),
            Action::DeleteDraft { id } => {
                self.saved_mut().drafts.remove(&id);
            }
            Action::Posted(run) => self.on_posted(run),
            Action::Worker(message) => self.on_worker(message),
            Action::TimedOut { run, phase } => self.on_timed_out(run, phase),
            Action::WorkerDied(message) => self.on_worker_died(message),
            Action::External { key, text } => self.on_external(&key, text.as_deref()),
            Action::StorageFailed(why) => self.notify(
                format!("Your browser refused to save ({why}). Your work stays on this page; use Export to keep a copy."),
                true,
            ),
            Action::Imported { records, summary } => {
                for (key, record) in records {
                    if let Some((_, id)) = RecordKind::parse_key(&key) {
                        self.saved_mut().insert(id, record);
                    }
                }
                self.notify(summary, false);
            }
            Action::Notify { text, is_error } => self.notify(text, is_error),
            Action::Dismiss(id) => self.notices.retain(|n| n.id != id),
            Action::ShowHint(id) => {
                let total = self.catalog.get(&id).map_or(0, |c| c.hints.len());
                let shown = self.hints_shown.entry(id).or_default();
                *shown = (*shown + 1).min(total);
            }
            Action::ShowExplanation(id) => {
                self.explanations_shown.insert(id);
            }
            Action::SetAnswer { id, text, at } => {
                let answer = self.saved_mut().answers.entry(id.clone()).or_default();
                answer.text = text;
                answer.at = at;
                if !answer.text.trim().is_empty() {
                    self.touch_progress(&id, at, Status::Attempted, false);
                }
            }
            Action::ToggleCheck { id, item, at } => {
                let answer = self.saved_mut().answers.entry(id).or_default();
                Practice::toggle(&mut answer.checked, item);
                answer.at = at;
            }
            Action::MarkDone { id, at } => self.touch_progress(&id, at, Status::Done, false),
            Action::SetFilters(filters) => self.filters = filters,
            Action::UpdateReady => self.update_ready = true,
            Action::Interview(step) => self.on_interview(step),
        }
        self
    }

    fn start(&mut self, id: String, mode: Mode) {
        let Some(challenge) = self.catalog.get(&id) else {
            return;
        };
        if !challenge.kind.is_judged() {
            return;
        }
        if let Some(r) = &self.run
            && !r.tracker.is_finished()
        {
            return; // one run at a time; the buttons say so
        }
        let request = RunRequest::new(&id, &self.draft(&id), mode);
        let tracker = RunTracker::new(challenge, &request);
        self.begin_run(request, tracker);
    }

    /// Makes `request` the current run, unless one is still going.
    fn begin_run(&mut self, request: RunRequest, tracker: RunTracker) {
        if let Some(r) = &self.run
            && !r.tracker.is_finished()
        {
            return; // one run at a time; the buttons say so
        }
        let run = RunId(self.next_run);
        self.next_run += 1;
        self.run = Some(Rc::new(ActiveRun {
            id: run,
            request,
            tracker,
            phase: 0,
            posted: false,
        }));
        // A judge that failed to load gets another try; the run waits for it.
        if let JudgeStatus::Failed(_) = self.judge {
            self.judge = JudgeStatus::Loading;
            self.worker_generation += 1;
        }
    }

    /// Records the finished run in progress.
    pub(super) fn finish_run(&mut self) {
        let Some(r) = &self.run else { return };
        if r.request.play.is_some() || r.request.step_through.is_some() {
            return; // a free run or a step-through is never counted
        }
        let id = r.request.challenge.clone();
        let accepted = r.tracker.report().outcome == Outcome::Accepted;
        let headline = r.tracker.report().headline();
        self.interview_run_finished(&id, &headline, accepted);
        let status = if accepted {
            Status::Done
        } else {
            Status::Attempted
        };
        let at = self.saved.drafts.get(&id).map_or(0.0, |d| d.at);
        self.touch_progress(&id, at, status, true);
    }
}
