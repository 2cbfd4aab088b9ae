//! Offline use: registers the service worker that caches the whole app, and
//! offers a reload when a newer build has been installed in the background.
//! The service worker itself is `www/sw.js`; its file list and version are
//! written at build time by `www/offline.mjs`.

use crate::state::{Action, State};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};
use yew::prelude::*;

fn container() -> Option<ServiceWorkerContainer> {
    let window = web_sys::window()?;
    // Service workers need a secure context (https or localhost) and browser support.
    if !window.is_secure_context()
        || !js_sys::Reflect::has(&window.navigator(), &"serviceWorker".into()).unwrap_or(false)
    {
        return None;
    }
    Some(window.navigator().service_worker())
}

/// Watches a newly installing worker: once installed while a page is already
/// controlled, it is an update waiting for the page's consent.
fn watch(worker: ServiceWorker, container: ServiceWorkerContainer, ready: Rc<dyn Fn()>) {
    let w = worker.clone();
    let on_state = Closure::<dyn FnMut()>::new(move || {
        if w.state() == ServiceWorkerState::Installed && container.controller().is_some() {
            ready();
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

#[hook]
pub fn use_offline(state: &UseReducerHandle<State>) {
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| {
        let Some(container) = container() else { return };
        let ready: Rc<dyn Fn()> = Rc::new(move || dispatch.dispatch(Action::UpdateReady));
        let c = container.clone();
        let on_registered = Closure::<dyn FnMut(JsValue)>::new(move |reg: JsValue| {
            let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
                return;
            };
            if reg.waiting().is_some() && c.controller().is_some() {
                ready();
            }
            let (c2, ready2, reg2) = (c.clone(), ready.clone(), reg.clone());
            let on_update = Closure::<dyn FnMut()>::new(move || {
                if let Some(installing) = reg2.installing() {
                    watch(installing, c2.clone(), ready2.clone());
                }
            });
            reg.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
            on_update.forget();
        });
        let _ = container.register("sw.js").then(&on_registered);
        on_registered.forget();
    });
}

/// Activates the waiting build and reloads the page once it is in control.
pub fn reload_into_update() {
    let Some(container) = container() else { return };
    let on_change = Closure::<dyn FnMut()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    let activate = Closure::<dyn FnMut(JsValue)>::new(|reg: JsValue| {
        let waiting = reg
            .dyn_into::<ServiceWorkerRegistration>()
            .ok()
            .and_then(|r| r.waiting());
        match waiting {
            Some(w) => {
                let _ = w.post_message(&"skip-waiting".into());
            }
            None => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        }
    });
    let _ = container.get_registration().then(&activate);
    activate.forget();
}
