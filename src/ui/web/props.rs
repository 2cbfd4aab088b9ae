//! What the components are given of the state: shared with it, not copied,
//! and cheap to compare, so that Yew re-renders a component only when what
//! it shows has changed.

use crate::state::{ActiveRun, JudgeStatus, State};
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// Data shared with the state, as a prop: equal when it is the very same
/// allocation. The reducer changes shared data copy-on-write
/// (`Rc::make_mut`), so the same allocation means the same data, and a
/// component can skip re-rendering without comparing it, however large.
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(rc: &Rc<T>) -> Self {
        Shared(Rc::clone(rc))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A part of the catalog as a prop (the catalog or one of its questions):
/// equal when it is the same one, since the catalog is built once and never
/// changes.
pub struct Static<T: 'static>(pub &'static T);

impl<T> Clone for Static<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Static<T> {}

impl<T> PartialEq for Static<T> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl<T> Deref for Static<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.0
    }
}

/// What the workspaces show of the judge: the current run (of whichever
/// question; shared with the state), the judge's status, and whether it can
/// pause a run for typed input.
#[derive(Clone, PartialEq)]
pub struct RunView {
    pub run: Option<Shared<ActiveRun>>,
    pub judge: JudgeStatus,
    pub interactive_input: bool,
}

impl RunView {
    pub fn of(state: &State) -> RunView {
        RunView {
            run: state.run.as_ref().map(Shared::new),
            judge: state.judge.clone(),
            interactive_input: state.interactive_input,
        }
    }

    /// A run is going: there is one at a time, so the run buttons wait.
    pub fn busy(&self) -> bool {
        self.run.as_ref().is_some_and(|r| !r.tracker.is_finished())
    }

    /// The run of challenge `id`, if it is the one shown.
    pub fn of_challenge(&self, id: &str) -> Option<&Shared<ActiveRun>> {
        self.run.as_ref().filter(|r| r.request.challenge == id)
    }
}
