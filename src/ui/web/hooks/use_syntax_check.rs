//! Syntax errors found as the code is typed, by the same parser and compiler
//! the judge runs (`judge::check_syntax`), in a worker of their own so that
//! checking never waits for a run or blocks typing.
//!
//! Each check is debounced ([`DELAY_MS`] after the last keystroke) and runs
//! in a fresh judge instance that compiles the code and runs nothing (no
//! interpreter is built for it, nor kept waiting); an answer to an older
//! text is dropped.

use gloo_timers::callback::Timeout;
use pyprep_core::protocol::{
    Event, EventReader, FromWorker, RunId, RunRequest, ToWorker, sandbox_stdin,
};
use pyprep_core::report::SyntaxError;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions};
use yew::prelude::*;

/// The checker's worker's name (`self.name` in `www/worker.js`).
const SYNTAX_WORKER_NAME: &str = "syntax";

/// How long typing must pause before the code is checked.
const DELAY_MS: u32 = 400;

struct Checker {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    /// The check awaited, and its side of the event channel.
    awaited: Rc<RefCell<Option<(RunId, EventReader)>>>,
    next: u32,
}

impl Drop for Checker {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.terminate();
    }
}

fn start(found: UseStateHandle<Option<SyntaxError>>) -> Option<Checker> {
    // Named, so that it keeps no prepared interpreter: a syntax check needs none.
    let options = WorkerOptions::new();
    options.set_name(SYNTAX_WORKER_NAME);
    let worker = Worker::new_with_options("judge/worker.js", &options).ok()?;
    let awaited: Rc<RefCell<Option<(RunId, EventReader)>>> = Rc::default();
    let waiting = awaited.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let Some(text) = e.data().as_string() else {
            return;
        };
        let Ok(FromWorker::Line { run, line }) = serde_json::from_str::<FromWorker>(&text) else {
            return;
        };
        let event = match waiting.borrow_mut().as_mut() {
            Some((id, reader)) if *id == run => reader.accept(&line),
            _ => None,
        };
        match event {
            Some(Event::SyntaxError { error }) => found.set(Some(error)),
            Some(Event::Finished) => found.set(None),
            _ => {}
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Some(Checker {
        worker,
        _on_message: on_message,
        awaited,
        next: 1,
    })
}

/// The first syntax error in `code`, checked shortly after it last changed.
#[hook]
pub fn use_syntax_check(code: &str) -> Option<SyntaxError> {
    let found = use_state(|| None::<SyntaxError>);
    let checker: Rc<RefCell<Option<Checker>>> = use_mut_ref(|| None);
    {
        let checker = checker.clone();
        let found = found.clone();
        use_effect_with(code.to_owned(), move |code| {
            let code = code.clone();
            let timer = Timeout::new(DELAY_MS, move || {
                let mut slot = checker.borrow_mut();
                if slot.is_none() {
                    *slot = start(found);
                }
                let (Some(c), Ok(key)) = (slot.as_mut(), pyprep_core::protocol::EventKey::random())
                else {
                    return;
                };
                let run = RunId(c.next);
                c.next += 1;
                let message = ToWorker::Run {
                    run,
                    stdin: sandbox_stdin(&key, &RunRequest::syntax(&code)),
                    interactive: false,
                };
                *c.awaited.borrow_mut() = Some((run, EventReader::new(key)));
                let text = serde_json::to_string(&message).expect("messages serialize");
                let _ = c.worker.post_message(&JsValue::from_str(&text));
            });
            move || drop(timer)
        });
    }
    (*found).clone()
}
