//! What the judge worker and its hook report, applied to the current run:
//! the judge loading or failing, the run's events, its end, and the worker
//! being stopped, timed out or dying (each of which replaces the worker).

use super::{ActiveRun, JudgeStatus, State};
use pyprep_core::protocol::{FromWorker, RunId};
use pyprep_core::report::SandboxEnd;
use std::rc::Rc;

impl State {
    /// The current run, to change, if `pick` takes it: copied first if an
    /// earlier state shares it.
    fn run_mut(&mut self, pick: impl FnOnce(&ActiveRun) -> bool) -> Option<&mut ActiveRun> {
        self.run.as_mut().filter(|r| pick(r)).map(Rc::make_mut)
    }

    /// The user typed a line for the run's `input()`.
    pub(super) fn on_input_sent(&mut self, run: RunId) {
        if let Some(r) = self.run_mut(|r| r.id == run)
            && r.tracker.input_sent()
        {
            r.phase += 1;
        }
    }

    /// The user pressed Stop.
    pub(super) fn on_stop(&mut self, run: RunId) {
        if let Some(r) = self.run_mut(|r| r.id == run && !r.tracker.is_finished()) {
            r.tracker.stopped();
            if r.posted {
                self.worker_generation += 1;
                self.judge = JudgeStatus::Loading;
            }
            self.finish_run();
        }
    }

    pub(super) fn on_posted(&mut self, run: RunId) {
        if let Some(r) = self.run_mut(|r| r.id == run) {
            r.posted = true;
        }
    }

    pub(super) fn on_timed_out(&mut self, run: RunId, phase: u32) {
        if let Some(r) =
            self.run_mut(|r| r.id == run && r.phase == phase && !r.tracker.is_finished())
        {
            r.tracker.timed_out();
            self.worker_generation += 1;
            self.judge = JudgeStatus::Loading;
            self.finish_run();
        }
    }

    pub(super) fn on_worker_died(&mut self, message: String) {
        self.worker_generation += 1;
        self.judge = JudgeStatus::Loading;
        if let Some(r) = self.run_mut(|r| r.posted && !r.tracker.is_finished()) {
            r.tracker.ended(SandboxEnd::Crashed(message));
            self.finish_run();
        }
    }

    pub(super) fn on_worker(&mut self, message: FromWorker) {
        match message {
            FromWorker::Loaded {
                protocol,
                interactive_input,
            } if protocol == pyprep_core::protocol::PROTOCOL_VERSION => {
                self.judge = JudgeStatus::Ready;
                self.interactive_input = interactive_input;
            }
            FromWorker::Loaded { protocol, .. } => self.on_worker(FromWorker::LoadFailed {
                message: format!(
                    "the judge is from another version of the app (its messages are version \
                         {protocol}, this page's {}): reload the page",
                    pyprep_core::protocol::PROTOCOL_VERSION
                ),
            }),
            FromWorker::LoadFailed { message } => {
                self.judge = JudgeStatus::Failed(message.clone());
                if let Some(r) = self.run_mut(|r| !r.tracker.is_finished()) {
                    r.tracker.ended(SandboxEnd::Crashed(format!(
                        "Python could not load: {message}"
                    )));
                    self.finish_run();
                }
            }
            // Lines become events in the judge hook, which holds the run's key.
            FromWorker::Line { .. } => {}
            FromWorker::Event { run, event } => {
                if let Some(r) = self.run_mut(|r| r.id == run) {
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
        if let Some(r) = self.run_mut(|r| r.id == run && !r.tracker.is_finished()) {
            r.tracker.ended(end);
            self.finish_run();
        }
    }
}
