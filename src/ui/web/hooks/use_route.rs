//! Keeps the state's route and the URL fragment in step, both ways.

use crate::route::Route;
use crate::state::{Action, State};
use gloo_events::EventListener;
use yew::prelude::*;

/// The route in the address bar now.
pub fn current_route() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&hash)
}

#[hook]
pub fn use_route(state: &UseReducerHandle<State>) {
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let listener = EventListener::new(&window, "hashchange", move |_| {
                dispatch.dispatch(Action::Navigate(current_route()));
            });
            move || drop(listener)
        });
    }
    use_effect_with(state.route.clone(), move |route| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let hash = route.to_hash();
        if window.location().hash().ok().as_deref() != Some(hash.as_str()) {
            let _ = window.location().set_hash(&hash);
        }
        window.scroll_to_with_x_and_y(0.0, 0.0);
    });
}
