//! The app's state and every way it can change: a reducer.
//!
//! [`State::apply`] is pure (no storage, no worker, no timers); the hooks in
//! `ui::hooks` watch the state and do the side effects, and feed what happens
//! back as [`Action`]s. That keeps the rules (which run is current, when a
//! challenge counts as done, which saved record wins) testable natively.

use super::mock_interview::InterviewAction;
use super::route::Route;
use crate::catalog::Catalog;
use crate::challenge::{Difficulty, Group, Kind};
use crate::protocol::{FromWorker, Mode, Play, RunId, RunRequest};
use crate::report::{Outcome, RunTracker, SandboxEnd};
use crate::storage::{Draft, Record, RecordKind, Saved, Status};
use std::collections::{BTreeMap, BTreeSet};

/// Whether the Python judge can take runs.
#[derive(Clone, Debug, PartialEq)]
pub enum JudgeStatus {
    Loading,
    Ready,
    Failed(String),
}

/// The run the page is showing.
#[derive(Clone, Debug)]
pub struct ActiveRun {
    pub id: RunId,
    pub request: RunRequest,
    pub tracker: RunTracker,
    /// Bumped each time the run enters a new phase, so the timer restarts.
    pub phase: u32,
    /// Sent to the worker (runs wait while the judge loads).
    pub posted: bool,
}

/// A message shown above the page until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub text: String,
    pub is_error: bool,
}

/// The catalog page's filters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    pub group: Option<Group>,
    pub difficulty: Option<Difficulty>,
    pub topic: Option<String>,
    pub status: Option<Status>,
    pub search: String,
}

#[derive(Clone, Debug)]
pub struct State {
    pub catalog: &'static Catalog,
    pub route: Route,
    pub judge: JudgeStatus,
    /// Bumped to make the worker hook replace the worker (after a timeout or a crash).
    pub worker_generation: u32,
    pub saved: Saved,
    pub run: Option<ActiveRun>,
    next_run: u32,
    pub notices: Vec<Notice>,
    next_notice: u32,
    pub filters: Filters,
    /// Hints shown so far, per challenge.
    pub hints_shown: BTreeMap<String, usize>,
    /// Challenges whose explanation was opened.
    pub explanations_shown: BTreeSet<String>,
    /// A newer build is installed and waits for a reload.
    pub update_ready: bool,
    /// The worker can pause a run for typed input (see `FromWorker::Loaded`).
    pub interactive_input: bool,
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        // Runs are compared by what is shown, which changes with every event.
        self.route == other.route
            && self.judge == other.judge
            && self.worker_generation == other.worker_generation
            && self.saved == other.saved
            && self
                .run
                .as_ref()
                .map(|r| (r.id, r.phase, r.posted, r.tracker.report()))
                == other
                    .run
                    .as_ref()
                    .map(|r| (r.id, r.phase, r.posted, r.tracker.report()))
            && self.notices == other.notices
            && self.filters == other.filters
            && self.hints_shown == other.hints_shown
            && self.explanations_shown == other.explanations_shown
            && self.update_ready == other.update_ready
    }
}

#[derive(Clone, Debug)]
pub enum Action {
    Navigate(Route),
    /// The candidate edited the code (or quiz prediction) of a challenge.
    Edit {
        id: String,
        code: String,
        at: f64,
    },
    /// Put the starter code back.
    ResetDraft {
        id: String,
        at: f64,
    },
    /// Accept the code of a share link into the draft.
    AcceptShared {
        id: String,
        code: String,
        at: f64,
    },
    /// Run or Submit the current draft of a challenge.
    Start {
        id: String,
        mode: Mode,
    },
    /// Step through test `index` of a challenge with the current draft
    /// (`RunRequest::step`); never counted as an attempt.
    StepThrough {
        id: String,
        index: usize,
    },
    /// A free run, never judged: `code` with the user's own input, files or
    /// call, for challenge `challenge` (or the playground).
    Play {
        challenge: String,
        code: String,
        play: Play,
    },
    /// The user typed a line for the run's `input()`; the worker hook sent it.
    InputSent(RunId),
    /// The user pressed Stop: the worker hook kills the worker.
    Stop(RunId),
    /// Remove a draft (a playground file).
    DeleteDraft {
        id: String,
    },
    /// The worker hook sent the run to the worker.
    Posted(RunId),
    Worker(FromWorker),
    /// The phase's time budget ran out; the worker hook killed the worker.
    TimedOut {
        run: RunId,
        phase: u32,
    },
    /// The worker died on its own (an error event), outside any protocol message.
    WorkerDied(String),
    /// A record changed in storage (another tab); `None` when it was removed.
    External {
        key: String,
        text: Option<String>,
    },
    /// Storage refused a write.
    StorageFailed(String),
    /// Import finished: the records written, for the state to match storage.
    Imported {
        records: Vec<(String, Record)>,
        summary: String,
    },
    Notify {
        text: String,
        is_error: bool,
    },
    Dismiss(u32),
    ShowHint(String),
    ShowExplanation(String),
    SetAnswer {
        id: String,
        text: String,
        at: f64,
    },
    ToggleCheck {
        id: String,
        item: usize,
        at: f64,
    },
    /// A card without a judge was read or practised.
    MarkDone {
        id: String,
        at: f64,
    },
    SetFilters(Filters),
    /// The service worker installed a newer build.
    UpdateReady,
    /// A step of a mock interview (`ui::mock_interview`).
    Interview(InterviewAction),
}

impl Action {
    /// When the candidate practised, for actions that are practice.
    fn practice_at(&self) -> Option<f64> {
        match self {
            Action::Edit { at, .. }
            | Action::ResetDraft { at, .. }
            | Action::SetAnswer { at, .. }
            | Action::ToggleCheck { at, .. }
            | Action::MarkDone { at, .. } => Some(*at),
            Action::Interview(step) => Some(step.at()),
            _ => None,
        }
    }
}

impl State {
    pub fn new(catalog: &'static Catalog, route: Route, saved: Saved) -> State {
        let mut state = State {
            catalog,
            route,
            judge: JudgeStatus::Loading,
            worker_generation: 0,
            saved: Saved::default(),
            run: None,
            next_run: 1,
            notices: vec![],
            next_notice: 1,
            filters: Filters::default(),
            hints_shown: BTreeMap::new(),
            explanations_shown: BTreeSet::new(),
            update_ready: false,
            interactive_input: false,
        };
        for u in &saved.unusable {
            state.notify(
                format!(
                    "{} It was left untouched; your other work loaded normally.",
                    u.describe()
                ),
                true,
            );
        }
        state.saved = saved;
        state
    }

    /// The draft for a challenge: saved code, or the starter.
    pub fn draft(&self, id: &str) -> String {
        match self.saved.drafts.get(id) {
            Some(d) => d.code.clone(),
            None => self.catalog.get(id).map(starter_of).unwrap_or_default(),
        }
    }

    pub fn status(&self, id: &str) -> Status {
        self.saved
            .progress
            .get(id)
            .map(|p| p.status)
            .unwrap_or_default()
    }

    /// The run for challenge `id`, if it is the one shown.
    pub fn run_of(&self, id: &str) -> Option<&ActiveRun> {
        self.run.as_ref().filter(|r| r.request.challenge == id)
    }

    fn notify(&mut self, text: String, is_error: bool) {
        if self.notices.iter().any(|n| n.text == text) {
            return;
        }
        self.notices.push(Notice {
            id: self.next_notice,
            text,
            is_error,
        });
        self.next_notice += 1;
    }

    fn touch_progress(&mut self, id: &str, at: f64, status: Status, attempt: bool) {
        let p = self.saved.progress.entry(id.to_owned()).or_default();
        p.status = p.status.max(status);
        p.attempts += u32::from(attempt);
        p.at = at;
    }

    /// Applies one action.
    pub fn apply(mut self, action: Action) -> State {
        if let Some(at) = action.practice_at() {
            self.saved.activity.note(at);
        }
        match action {
            Action::Navigate(route) => self.route = route,
            Action::Edit { id, code, at } => {
                if self.saved.drafts.get(&id).map(|d| &d.code) != Some(&code) {
                    self.interview_edit(&id, &code, at);
                    self.saved.drafts.insert(id, Draft { code, at });
                }
            }
            Action::ResetDraft { id, at } => {
                let code = self.catalog.get(&id).map(starter_of).unwrap_or_default();
                self.saved.drafts.insert(id, Draft { code, at });
            }
            Action::AcceptShared { id, code, at } => {
                self.saved.drafts.insert(id.clone(), Draft { code, at });
                self.route = Route::Challenge { id, shared_code: None };
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
            Action::InputSent(run) => {
                if let Some(r) = self.run.as_mut().filter(|r| r.id == run)
                    && r.tracker.input_sent()
                {
                    r.phase += 1;
                }
            }
            Action::Stop(run) => {
                if let Some(r) = self
                    .run
                    .as_mut()
                    .filter(|r| r.id == run && !r.tracker.is_finished())
                {
                    r.tracker.stopped();
                    if r.posted {
                        self.worker_generation += 1;
                        self.judge = JudgeStatus::Loading;
                    }
                    self.finish_run();
                }
            }
            Action::DeleteDraft { id } => {
                self.saved.drafts.remove(&id);
            }
            Action::Posted(run) => {
                if let Some(r) = self.run.as_mut().filter(|r| r.id == run) {
                    r.posted = true;
                }
            }
            Action::Worker(message) => self.on_worker(message),
            Action::TimedOut { run, phase } => {
                if let Some(r) = self.run.as_mut().filter(|r| r.id == run && r.phase == phase && !r.tracker.is_finished()) {
                    r.tracker.timed_out();
                    self.worker_generation += 1;
                    self.judge = JudgeStatus::Loading;
                    self.finish_run();
                }
            }
            Action::WorkerDied(message) => {
                self.worker_generation += 1;
                self.judge = JudgeStatus::Loading;
                if let Some(r) = self.run.as_mut().filter(|r| r.posted && !r.tracker.is_finished()) {
                    r.tracker.ended(SandboxEnd::Crashed(message));
                    self.finish_run();
                }
            }
            Action::External { key, text } => self.on_external(&key, text.as_deref()),
            Action::StorageFailed(why) => self.notify(
                format!("Your browser refused to save ({why}). Your work stays on this page; use Export to keep a copy."),
                true,
            ),
            Action::Imported { records, summary } => {
                for (key, record) in records {
                    if let Some((_, id)) = RecordKind::parse_key(&key) {
                        self.saved.insert(id, record);
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
                let answer = self.saved.answers.entry(id.clone()).or_default();
                answer.text = text;
                answer.at = at;
                if !answer.text.trim().is_empty() {
                    self.touch_progress(&id, at, Status::Attempted, false);
                }
            }
            Action::ToggleCheck { id, item, at } => {
                let answer = self.saved.answers.entry(id).or_default();
                match answer.checked.iter().position(|&i| i == item) {
                    Some(pos) => {
                        answer.checked.remove(pos);
                    }
                    None => {
                        answer.checked.push(item);
                        answer.checked.sort_unstable();
                    }
                }
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
        self.run = Some(ActiveRun {
            id: run,
            request,
            tracker,
            phase: 0,
            posted: false,
        });
        // A judge that failed to load gets another try; the run waits for it.
        if let JudgeStatus::Failed(_) = self.judge {
            self.judge = JudgeStatus::Loading;
            self.worker_generation += 1;
        }
    }

    fn on_worker(&mut self, message: FromWorker) {
        match message {
            FromWorker::Loaded {
                protocol,
                interactive_input,
            } if protocol == crate::protocol::PROTOCOL_VERSION => {
                self.judge = JudgeStatus::Ready;
                self.interactive_input = interactive_input;
            }
            FromWorker::Loaded { protocol, .. } => self.on_worker(FromWorker::LoadFailed {
                message: format!(
                    "the judge is from another version of the app (its messages are version \
                         {protocol}, this page's {}): reload the page",
                    crate::protocol::PROTOCOL_VERSION
                ),
            }),
            FromWorker::LoadFailed { message } => {
                self.judge = JudgeStatus::Failed(message.clone());
                if let Some(r) = self.run.as_mut().filter(|r| !r.tracker.is_finished()) {
                    r.tracker.ended(SandboxEnd::Crashed(format!(
                        "Python could not load: {message}"
                    )));
                    self.finish_run();
                }
            }
            // Lines become events in the judge hook, which holds the run's key.
            FromWorker::Line { .. } => {}
            FromWorker::Event { run, event } => {
                if let Some(r) = self.run.as_mut().filter(|r| r.id == run) {
                    let was_finished = r.tracker.is_finished();
                    if r.tracker.apply(event) {
                        r.phase += 1;
                    }
                    if !was_finished && r.tracker.is_finished() {
                        self.finish_run();
                    }
                }
            }
            FromWorker::Exited { run, code } => self.end_run(run, SandboxEnd::Exited(code)),
            FromWorker::Crashed {
                run,
                message,
                stack_overflow,
            } => {
                let end = if stack_overflow {
                    SandboxEnd::StackOverflow
                } else {
                    SandboxEnd::Crashed(message)
                };
                self.end_run(run, end);
                // A trapped instance leaves the worker usable, but start clean anyway.
                self.worker_generation += 1;
                self.judge = JudgeStatus::Loading;
            }
        }
    }

    fn end_run(&mut self, run: RunId, end: SandboxEnd) {
        if let Some(r) = self
            .run
            .as_mut()
            .filter(|r| r.id == run && !r.tracker.is_finished())
        {
            r.tracker.ended(end);
            self.finish_run();
        }
    }

    /// Records the finished run in progress.
    fn finish_run(&mut self) {
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

    /// Another tab wrote (or removed) one of our records: take it if it is newer.
    fn on_external(&mut self, key: &str, text: Option<&str>) {
        let Some((kind, id)) = RecordKind::parse_key(key) else {
            return;
        };
        let Some(text) = text else { return }; // removals elsewhere do not delete work here
        let Ok(record) = crate::storage::parse_record(kind, text) else {
            return;
        };
        match record {
            Record::Draft(d) => {
                let newer = self.saved.drafts.get(id).is_none_or(|mine| d.at >= mine.at);
                if newer {
                    self.saved.drafts.insert(id.to_owned(), d);
                }
            }
            Record::Progress(p) => {
                let merged = self
                    .saved
                    .progress
                    .get(id)
                    .map_or(p.clone(), |mine| mine.merge(&p));
                self.saved.progress.insert(id.to_owned(), merged);
            }
            Record::Answer(a) => {
                let newer = self
                    .saved
                    .answers
                    .get(id)
                    .is_none_or(|mine| a.at >= mine.at);
                if newer {
                    self.saved.answers.insert(id.to_owned(), a);
                }
            }
            Record::Interview(i) => {
                let newer = self
                    .saved
                    .interviews
                    .get(id)
                    .is_none_or(|mine| i.at >= mine.at);
                if newer {
                    self.saved.interviews.insert(id.to_owned(), *i);
                }
            }
            Record::Activity(log) => self.saved.activity = self.saved.activity.merge(&log),
        }
    }

    /// Counts for the progress summary: done, attempted, total.
    pub fn progress_counts(&self) -> (usize, usize, usize) {
        let total = self.catalog.challenges.len();
        let done = self
            .catalog
            .challenges
            .iter()
            .filter(|c| self.status(&c.id) == Status::Done)
            .count();
        let attempted = self
            .catalog
            .challenges
            .iter()
            .filter(|c| self.status(&c.id) == Status::Attempted)
            .count();
        (done, attempted, total)
    }

    /// The catalog entries the filters let through, in display order.
    pub fn visible(&self) -> Vec<&'static crate::challenge::Challenge> {
        let f = &self.filters;
        let needle = f.search.trim().to_lowercase();
        let mut list: Vec<&'static crate::challenge::Challenge> = self
            .catalog
            .challenges
            .iter()
            .filter(|c| f.group.is_none_or(|g| c.group == g))
            .filter(|c| f.difficulty.is_none_or(|d| c.difficulty == d))
            .filter(|c| f.topic.as_ref().is_none_or(|t| c.topics.contains(t)))
            .filter(|c| f.status.is_none_or(|s| self.status(&c.id) == s))
            .filter(|c| {
                needle.is_empty()
                    || c.title.to_lowercase().contains(&needle)
                    || c.question.to_lowercase().contains(&needle)
                    || c.topics.iter().any(|t| t.to_lowercase().contains(&needle))
                    || c.prompt.source.to_lowercase().contains(&needle)
            })
            .collect();
        list.sort_by(|a, b| {
            (a.group, a.difficulty, &a.title).cmp(&(b.group, b.difficulty, &b.title))
        });
        list
    }
}

/// What the editor starts with: the starter code, or nothing for a prediction.
/// The draft id of a playground file.
pub fn scratch_id(name: &str) -> String {
    format!("{SCRATCH_PREFIX}{name}")
}

/// The draft id of the files a playground file's runs start with (JSON).
pub fn work_files_id(name: &str) -> String {
    format!("{WORK_FILES_PREFIX}{name}")
}

const SCRATCH_PREFIX: &str = "scratch:";
const WORK_FILES_PREFIX: &str = "scratch-files:";

/// The playground's files, by name; `main.py` when there are none yet.
pub fn scratch_files(state: &State) -> Vec<String> {
    let mut names: Vec<String> = state
        .saved
        .drafts
        .keys()
        .filter_map(|id| id.strip_prefix(SCRATCH_PREFIX))
        .map(str::to_owned)
        .collect();
    if names.is_empty() {
        names.push("main.py".to_owned());
    }
    names
}

pub fn starter_of(c: &crate::challenge::Challenge) -> String {
    if c.kind == Kind::Quiz {
        String::new()
    } else {
        c.starter.clone()
    }
}

/// What a saved progress record says, for a status badge.
pub fn status_label(status: Status, kind: Kind) -> &'static str {
    match (status, kind) {
        (Status::Done, Kind::Concept) => "Read",
        (Status::Done, Kind::Practice) => "Practised",
        (Status::Done, _) => "Solved",
        (Status::Attempted, _) => "Attempted",
        (Status::New, _) => "New",
    }
}

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: std::rc::Rc<Self>, action: Action) -> std::rc::Rc<Self> {
        std::rc::Rc::new((*self).clone().apply(action))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::protocol::Event;
    use crate::report::TestVerdict;

    fn state() -> State {
        State::new(Catalog::embedded(), Route::Catalog, Saved::default())
    }

    #[test]
    fn a_worker_of_another_protocol_version_is_refused() {
        let s = state().apply(Action::Worker(FromWorker::Loaded {
            interactive_input: true,
            protocol: crate::protocol::PROTOCOL_VERSION + 1,
        }));
        match &s.judge {
            JudgeStatus::Failed(why) => assert!(why.contains("reload"), "{why}"),
            other => panic!("a stale worker was accepted: {other:?}"),
        }
    }

    #[test]
    fn a_step_through_runs_one_test_and_is_never_counted() {
        let s = state().apply(Action::StepThrough {
            id: "is-prime".into(),
            index: 5,
        });
        let run = s.run.as_ref().unwrap();
        assert_eq!(run.request.step_through, Some(5));
        assert_eq!(run.tracker.report().tests.len(), 1);
        assert_eq!(run.tracker.report().tests[0].index, 5);
        let s = pass_everything(s);
        assert!(s.run.as_ref().unwrap().tracker.is_finished());
        assert!(!s.saved.progress.contains_key("is-prime"));
    }

    /// Lets every test of the current run pass, as the worker would report it.
    pub(crate) fn pass_everything(mut s: State) -> State {
        let run = s.run.as_ref().unwrap().id;
        let indexes: Vec<usize> = s
            .run
            .as_ref()
            .unwrap()
            .tracker
            .report()
            .tests
            .iter()
            .map(|t| t.index)
            .collect();
        s = s.apply(Action::Worker(FromWorker::Event {
            run,
            event: Event::Ready,
        }));
        for index in indexes {
            s = s.apply(Action::Worker(FromWorker::Event {
                run,
                event: Event::TestStarted { index },
            }));
            let verdict = TestVerdict::Passed;
            s = s.apply(Action::Worker(FromWorker::Event {
                run,
                event: Event::TestFinished {
                    index,
                    verdict,
                    time_ms: 1,
                },
            }));
        }
        s.apply(Action::Worker(FromWorker::Event {
            run,
            event: Event::Finished,
        }))
    }

    #[test]
    fn a_free_run_waits_for_input_without_a_clock_and_is_never_counted() {
        let s = state().apply(Action::Play {
            challenge: crate::protocol::PLAYGROUND.into(),
            code: "input()".into(),
            play: Play {
                interactive: true,
                ..Play::default()
            },
        });
        let run = s.run.as_ref().unwrap().id;
        let event = |event| Action::Worker(FromWorker::Event { run, event });
        let s = s
            .apply(event(Event::Ready))
            .apply(event(Event::TestStarted { index: 0 }));
        let testing_budget = s.run.as_ref().unwrap().tracker.budget_ms();
        let s = s.apply(event(Event::InputWanted { index: 0 }));
        let r = s.run.as_ref().unwrap();
        assert!(r.tracker.wants_input());
        assert!(
            r.tracker.budget_ms() > testing_budget * 1000,
            "no clock while waiting"
        );
        let phase = r.phase;
        let s = s.apply(Action::InputSent(run));
        let r = s.run.as_ref().unwrap();
        assert!(!r.tracker.wants_input());
        assert_eq!(r.phase, phase + 1, "the clock restarts");
        let s = s
            .apply(event(Event::TestFinished {
                index: 0,
                verdict: TestVerdict::Passed,
                time_ms: 3,
            }))
            .apply(event(Event::Finished));
        assert_eq!(
            s.run.as_ref().unwrap().tracker.report().outcome,
            Outcome::Ran
        );
        assert!(s.saved.progress.is_empty(), "free runs are not progress");
    }

    #[test]
    fn stop_ends_the_run_and_replaces_the_worker() {
        let s = state().apply(Action::Worker(FromWorker::Loaded {
            interactive_input: true,
            protocol: crate::protocol::PROTOCOL_VERSION,
        }));
        assert!(s.interactive_input);
        let s = s.apply(Action::Play {
            challenge: crate::protocol::PLAYGROUND.into(),
            code: "while True: pass".into(),
            play: Play::default(),
        });
        let run = s.run.as_ref().unwrap().id;
        let generation = s.worker_generation;
        let s = s
            .apply(Action::Posted(run))
            .apply(Action::Worker(FromWorker::Event {
                run,
                event: Event::TestStarted { index: 0 },
            }));
        let s = s.apply(Action::Stop(run));
        let report = s.run.as_ref().unwrap().tracker.report();
        assert_eq!(report.outcome, Outcome::Stopped);
        assert_eq!(report.tests[0].verdict, TestVerdict::Stopped);
        assert_eq!(s.worker_generation, generation + 1);
    }

    #[test]
    fn playground_files_are_drafts_and_can_be_deleted() {
        let s = state();
        assert_eq!(scratch_files(&s), ["main.py"]);
        let s = s
            .apply(Action::Edit {
                id: scratch_id("a.py"),
                code: "print(1)".into(),
                at: 1.0,
            })
            .apply(Action::Edit {
                id: scratch_id("b.py"),
                code: "print(2)".into(),
                at: 2.0,
            });
        assert_eq!(scratch_files(&s), ["a.py", "b.py"]);
        let s = s.apply(Action::DeleteDraft {
            id: scratch_id("a.py"),
        });
        assert_eq!(scratch_files(&s), ["b.py"]);
    }

    #[test]
    fn the_draft_starts_as_the_starter_and_follows_edits() {
        let s = state();
        let starter = s.catalog.get("is-prime").unwrap().starter.clone();
        assert_eq!(s.draft("is-prime"), starter);
        let s = s.apply(Action::Edit {
            id: "is-prime".into(),
            code: "x".into(),
            at: 1.0,
        });
        assert_eq!(s.draft("is-prime"), "x");
        let s = s.apply(Action::ResetDraft {
            id: "is-prime".into(),
            at: 2.0,
        });
        assert_eq!(s.draft("is-prime"), starter);
    }

    #[test]
    fn an_accepted_submission_marks_the_challenge_solved() {
        let s = state().apply(Action::Start {
            id: "is-prime".into(),
            mode: Mode::Submit,
        });
        let s = pass_everything(s);
        assert_eq!(
            s.run.as_ref().unwrap().tracker.report().outcome,
            Outcome::Accepted
        );
        assert_eq!(s.status("is-prime"), Status::Done);
        assert_eq!(s.saved.progress["is-prime"].attempts, 1);
        let (done, _, total) = s.progress_counts();
        assert_eq!(done, 1);
        assert!(total > 1);
    }

    #[test]
    fn a_run_only_attempts_and_stale_events_are_dropped() {
        let s = state().apply(Action::Start {
            id: "is-prime".into(),
            mode: Mode::Run,
        });
        let s = pass_everything(s);
        assert_eq!(s.status("is-prime"), Status::Attempted, "Run never solves");
        let old = s.run.as_ref().unwrap().id;
        let s = s.apply(Action::Start {
            id: "is-prime".into(),
            mode: Mode::Submit,
        });
        let before = s.run.as_ref().unwrap().tracker.report().clone();
        let s = s.apply(Action::Worker(FromWorker::Event {
            run: old,
            event: Event::Finished,
        }));
        assert_eq!(
            s.run.as_ref().unwrap().tracker.report(),
            &before,
            "an old run's event changes nothing"
        );
    }

    #[test]
    fn a_timeout_fails_the_run_and_replaces_the_worker() {
        let s = state().apply(Action::Worker(FromWorker::Loaded {
            interactive_input: false,
            protocol: crate::protocol::PROTOCOL_VERSION,
        }));
        let s = s.apply(Action::Start {
            id: "is-prime".into(),
            mode: Mode::Run,
        });
        let run = s.run.as_ref().unwrap().id;
        let s = s.apply(Action::Posted(run));
        let s = s.apply(Action::Worker(FromWorker::Event {
            run,
            event: Event::Ready,
        }));
        let s = s.apply(Action::Worker(FromWorker::Event {
            run,
            event: Event::TestStarted { index: 0 },
        }));
        let phase = s.run.as_ref().unwrap().phase;
        let stale = s.clone().apply(Action::TimedOut {
            run,
            phase: phase - 1,
        });
        assert!(
            !stale.run.as_ref().unwrap().tracker.is_finished(),
            "a timer from an earlier phase is ignored"
        );
        let s = s.apply(Action::TimedOut { run, phase });
        assert_eq!(
            s.run.as_ref().unwrap().tracker.report().outcome,
            Outcome::TimeLimit
        );
        assert_eq!(s.worker_generation, 1);
        assert_eq!(s.judge, JudgeStatus::Loading);
    }

    #[test]
    fn running_after_a_failed_load_retries_and_reports_a_second_failure() {
        let failed = FromWorker::LoadFailed {
            message: "HTTP 404".into(),
        };
        let s = state().apply(Action::Worker(failed.clone()));
        let s = s.apply(Action::Start {
            id: "is-prime".into(),
            mode: Mode::Run,
        });
        assert_eq!(
            (s.judge.clone(), s.worker_generation),
            (JudgeStatus::Loading, 1),
            "a retry"
        );
        let s = s.apply(Action::Worker(failed));
        let report = s.run.as_ref().unwrap().tracker.report();
        assert_eq!(report.outcome, Outcome::InternalError);
        assert!(
            report
                .internal_error
                .as_deref()
                .unwrap()
                .contains("HTTP 404")
        );
    }

    #[test]
    fn a_stack_overflow_crash_is_a_recursion_error() {
        let s = state().apply(Action::Start {
            id: "is-prime".into(),
            mode: Mode::Run,
        });
        let run = s.run.as_ref().unwrap().id;
        let s = s.apply(Action::Worker(FromWorker::Event {
            run,
            event: Event::Ready,
        }));
        let s = s.apply(Action::Worker(FromWorker::Event {
            run,
            event: Event::TestStarted { index: 0 },
        }));
        let s = s.apply(Action::Worker(FromWorker::Crashed {
            run,
            message: "RangeError".into(),
            stack_overflow: true,
        }));
        let report = s.run.as_ref().unwrap().tracker.report();
        assert_eq!(report.outcome, Outcome::RuntimeError);
        let TestVerdict::RuntimeError { error } = &report.tests[0].verdict else {
            panic!()
        };
        assert_eq!(error.exception, "RecursionError");
    }

    #[test]
    fn another_tabs_newer_draft_wins_and_an_older_one_does_not() {
        let s = state().apply(Action::Edit {
            id: "is-prime".into(),
            code: "mine".into(),
            at: 10.0,
        });
        let older = Record::Draft(Draft {
            code: "old".into(),
            at: 5.0,
        })
        .to_json();
        let s = s.apply(Action::External {
            key: "pyprep.draft.is-prime".into(),
            text: Some(older),
        });
        assert_eq!(s.draft("is-prime"), "mine");
        let newer = Record::Draft(Draft {
            code: "theirs".into(),
            at: 20.0,
        })
        .to_json();
        let s = s.apply(Action::External {
            key: "pyprep.draft.is-prime".into(),
            text: Some(newer),
        });
        assert_eq!(s.draft("is-prime"), "theirs");
        let s = s.apply(Action::External {
            key: "pyprep.draft.is-prime".into(),
            text: None,
        });
        assert_eq!(
            s.draft("is-prime"),
            "theirs",
            "a removal elsewhere deletes nothing here"
        );
    }

    #[test]
    fn unreadable_saved_items_are_announced() {
        let saved = Saved::load([("pyprep.draft.is-prime", "{broken")]);
        let s = State::new(Catalog::embedded(), Route::Catalog, saved);
        assert_eq!(s.notices.len(), 1);
        assert!(s.notices[0].text.contains("is-prime") && s.notices[0].text.contains("untouched"));
        assert!(s.notices[0].is_error);
    }

    #[test]
    fn filters_narrow_the_catalog() {
        let s = state();
        let all = s.visible().len();
        let s = s.apply(Action::SetFilters(Filters {
            search: "prime".into(),
            ..Filters::default()
        }));
        let found: Vec<&str> = s.visible().iter().map(|c| c.id.as_str()).collect();
        assert!(found.contains(&"is-prime"), "{found:?}");
        assert!(found.len() < all);
        let s = s.apply(Action::SetFilters(Filters {
            group: Some(Group::Coding),
            difficulty: Some(Difficulty::Medium),
            ..Filters::default()
        }));
        assert!(
            s.visible()
                .iter()
                .all(|c| c.group == Group::Coding && c.difficulty == Difficulty::Medium)
        );
    }
}
