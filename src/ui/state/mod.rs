//! The app's state and every way it can change: a reducer.
//!
//! [`State::apply`] is pure (no storage, no worker, no timers); the hooks in
//! `ui::hooks` watch the state and do the side effects, and feed what happens
//! back as [`Action`]s. That keeps the rules (which run is current, when a
//! challenge counts as done, which saved record wins) testable natively.
//!
//! The large parts, the saved records and the current run (with up to
//! 1 MiB of output per test), are behind [`Rc`]: a new state shares them
//! with the one before, and the reducer copies one only when the action
//! changes it (`Rc::make_mut`). A judge event copies the run, never the
//! saved records; an edit copies the saved records, never the run; a click
//! elsewhere copies neither. And a page can tell that they did not change by
//! their address alone.
//!
//! Here: the state and its reading; `action` the actions; `apply` the
//! reducer; `worker` the judge worker's reports applied to the run;
//! `other_tabs` records that other tabs saved; [`catalog_view`] the catalog
//! page's filters and counts; [`playground`] the playground's drafts; mock
//! interviews are [`interview`], the reducer's part for them.

mod action;
mod apply;
pub mod catalog_view;
pub mod interview;
mod other_tabs;
pub mod playground;
mod worker;

#[cfg(test)]
pub(crate) mod tests;

pub use action::Action;
pub use catalog_view::{Filters, progress_counts, status_label, visible};
pub use playground::{playground_files, scratch_files, scratch_id, work_files_id};

use super::route::Route;
use pyprep_core::catalog::Catalog;
use pyprep_core::challenge::{Challenge, Kind};
use pyprep_core::protocol::{RunId, RunRequest};
use pyprep_core::report::{Report, RunTracker};
use pyprep_core::storage::{Saved, Status};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

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

#[derive(Clone, Debug)]
pub struct State {
    pub catalog: &'static Catalog,
    pub route: Route,
    pub judge: JudgeStatus,
    /// Bumped to make the worker hook replace the worker (after a timeout or a crash).
    pub worker_generation: u32,
    /// Shared with earlier states until changed (`Rc::make_mut`).
    pub saved: Rc<Saved>,
    /// Shared with earlier states until changed (`Rc::make_mut`).
    pub run: Option<Rc<ActiveRun>>,
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
        // Shared parts at the same address are the same; only changed ones are compared.
        let same_run = match (&self.run, &other.run) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b) || shown(a) == shown(b),
            (None, None) => true,
            _ => false,
        };
        self.route == other.route
            && self.judge == other.judge
            && self.worker_generation == other.worker_generation
            && (Rc::ptr_eq(&self.saved, &other.saved) || self.saved == other.saved)
            && same_run
            && self.notices == other.notices
            && self.filters == other.filters
            && self.hints_shown == other.hints_shown
            && self.explanations_shown == other.explanations_shown
            && self.update_ready == other.update_ready
    }
}

/// What a run shows, which changes with every event: runs are compared by it.
fn shown(r: &ActiveRun) -> (RunId, u32, bool, &Report) {
    (r.id, r.phase, r.posted, r.tracker.report())
}

impl State {
    pub fn new(catalog: &'static Catalog, route: Route, saved: Saved) -> State {
        let mut state = State {
            catalog,
            route,
            judge: JudgeStatus::Loading,
            worker_generation: 0,
            saved: Rc::default(),
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
        state.saved = Rc::new(saved);
        state
    }

    /// The draft for a challenge: saved code, or the starter.
    pub fn draft(&self, id: &str) -> String {
        match self.catalog.get(id) {
            Some(c) => draft_in(&self.saved, c),
            // A playground file: its draft, or nothing yet.
            None => self
                .saved
                .drafts
                .get(id)
                .map(|d| d.code.clone())
                .unwrap_or_default(),
        }
    }

    pub fn status(&self, id: &str) -> Status {
        self.saved.status(id)
    }

    /// The run for challenge `id`, if it is the one shown.
    pub fn run_of(&self, id: &str) -> Option<&ActiveRun> {
        self.run.as_deref().filter(|r| r.request.challenge == id)
    }

    /// The saved records, to change: copied first if an earlier state shares them.
    fn saved_mut(&mut self) -> &mut Saved {
        Rc::make_mut(&mut self.saved)
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
        let p = self.saved_mut().progress.entry(id.to_owned()).or_default();
        p.status = p.status.max(status);
        p.attempts += u32::from(attempt);
        p.at = at;
    }
}

/// The draft for challenge `c` in `saved`: its saved code, or the starter.
pub fn draft_in(saved: &Saved, c: &Challenge) -> String {
    match saved.drafts.get(&c.id) {
        Some(d) => d.code.clone(),
        None => starter_of(c),
    }
}

/// What the editor starts with: the starter code, or nothing for a prediction.
pub fn starter_of(c: &Challenge) -> String {
    if c.kind == Kind::Quiz {
        String::new()
    } else {
        c.starter.clone()
    }
}

#[cfg(feature = "browser")]
impl yew::Reducible for State {
    type Action = Action;

    /// A copy of the state with the action applied: cheap, since the large
    /// parts are shared until the action changes them.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}
