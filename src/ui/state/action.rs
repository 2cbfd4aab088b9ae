//! Everything that can happen to the state: what the candidate did, what
//! the judge worker and the browser reported, as the hooks dispatch it.

use super::Filters;
use crate::route::Route;
use crate::state::interview::InterviewAction;
use pyprep_core::protocol::{FromWorker, Mode, Play, RunId};
use pyprep_core::storage::Record;

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
    /// A step of a mock interview (`state::interview`).
    Interview(InterviewAction),
}

impl Action {
    /// When the candidate practised, for actions that are practice.
    pub(super) fn practice_at(&self) -> Option<f64> {
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
