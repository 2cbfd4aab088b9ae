//! The judge worker: started on mount and replaced after a timeout or a
//! crash; runs are posted once it has loaded; each phase of a run has a
//! timer, and when it fires the worker is killed (the only way to stop
//! Python stuck in a loop) and a fresh one takes its place. Each run gets a
//! fresh event key; the lines the worker forwards are checked against it
//! here, and only the events it accepts reach the state.

use crate::state::{Action, JudgeStatus, State};
use gloo_timers::callback::Timeout;
use pyprep_core::protocol::{EventKey, EventReader, FromWorker, RunId, ToWorker, sandbox_stdin};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker};
use yew::prelude::*;

/// Where the worker script is, relative to the page (so any subpath works).
const WORKER_URL: &str = "judge/worker.js";

/// A worker and the handlers that must live as long as it does.
struct LiveWorker {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl Drop for LiveWorker {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// The run whose events are awaited, and its side of the event channel.
type Listening = Rc<RefCell<Option<(RunId, EventReader)>>>;

fn start_worker(dispatch: Callback<Action>, listening: Listening) -> Result<LiveWorker, String> {
    let worker = Worker::new(WORKER_URL).map_err(|e| format!("{e:?}"))?;
    let d = dispatch.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let Some(text) = e.data().as_string() else {
            return;
        };
        match serde_json::from_str::<FromWorker>(&text) {
            Ok(FromWorker::Line { run, line }) => {
                let event = match listening.borrow_mut().as_mut() {
                    Some((id, reader)) if *id == run => reader.accept(&line),
                    _ => None,
                };
                if let Some(event) = event {
                    d.emit(Action::Worker(FromWorker::Event { run, event }));
                }
            }
            // Only this hook turns lines into events.
            Ok(FromWorker::Event { .. }) => {}
            Ok(message) => d.emit(Action::Worker(message)),
            Err(err) => d.emit(Action::WorkerDied(format!(
                "unreadable message from the judge: {err}"
            ))),
        }
    });
    let d = dispatch;
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
        e.prevent_default();
        let message = e.message();
        d.emit(Action::WorkerDied(if message.is_empty() {
            "the judge worker failed".into()
        } else {
            message
        }));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(LiveWorker {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Runs the judge worker for `state`; returns the callback that sends a
/// line the user typed to the run waiting for input (empty text ends the input).
#[hook]
pub fn use_judge(state: &UseReducerHandle<State>) -> Callback<(RunId, String)> {
    let live: Rc<RefCell<Option<LiveWorker>>> = use_mut_ref(|| None);
    let listening: Listening = use_mut_ref(|| None);

    {
        let live = live.clone();
        let listening = listening.clone();
        let dispatch = state.dispatcher();
        use_effect_with(state.worker_generation, move |_| {
            let dispatcher = dispatch.clone();
            let emit = Callback::from(move |a: Action| dispatcher.dispatch(a));
            match start_worker(emit, listening) {
                Ok(w) => *live.borrow_mut() = Some(w),
                Err(e) => dispatch.dispatch(Action::Worker(FromWorker::LoadFailed { message: e })),
            }
            move || {
                live.borrow_mut().take();
            }
        });
    }

    // Post a waiting run once the judge has loaded.
    let pending = state.run.as_ref().filter(|r| !r.posted).map(|r| r.id);
    let ready = state.judge == JudgeStatus::Ready;
    {
        let live = live.clone();
        let listening = listening.clone();
        let dispatch = state.dispatcher();
        let current = state.run.clone();
        use_effect_with((pending, ready), move |(pending, ready)| {
            if let (Some(run), true, Some(request)) =
                (pending, ready, current.as_ref().map(|r| &r.request))
                && let Some(w) = live.borrow().as_ref()
            {
                let key = match EventKey::random() {
                    Ok(k) => k,
                    Err(e) => {
                        dispatch.dispatch(Action::WorkerDied(e));
                        return;
                    }
                };
                let message = ToWorker::Run {
                    run: *run,
                    stdin: sandbox_stdin(&key, request),
                    interactive: request.play.as_ref().is_some_and(|p| p.interactive),
                };
                *listening.borrow_mut() = Some((*run, EventReader::new(key)));
                let text = serde_json::to_string(&message).expect("requests serialize");
                match w.worker.post_message(&JsValue::from_str(&text)) {
                    Ok(()) => dispatch.dispatch(Action::Posted(*run)),
                    Err(e) => dispatch.dispatch(Action::WorkerDied(format!(
                        "could not reach the judge: {e:?}"
                    ))),
                }
            }
        });
    }

    let send_input = {
        let live = live.clone();
        let dispatch = state.dispatcher();
        use_callback((), move |(run, text): (RunId, String), _| {
            let message = ToWorker::Input { run, text };
            let text = serde_json::to_string(&message).expect("messages serialize");
            let sent = live
                .borrow()
                .as_ref()
                .map(|w| w.worker.post_message(&JsValue::from_str(&text)));
            match sent {
                Some(Ok(())) => dispatch.dispatch(Action::InputSent(run)),
                _ => dispatch.dispatch(Action::WorkerDied("could not reach the judge".into())),
            }
        })
    };

    // The clock of the current phase.
    let clock = state
        .run
        .as_ref()
        .filter(|r| r.posted && !r.tracker.is_finished())
        .map(|r| (r.id, r.phase, r.tracker.budget_ms()));
    {
        let dispatch = state.dispatcher();
        use_effect_with(clock, move |clock| {
            let timer = clock.map(|(run, phase, budget)| {
                Timeout::new(budget, move || {
                    dispatch.dispatch(Action::TimedOut { run, phase })
                })
            });
            move || drop(timer)
        });
    }
    send_input
}
