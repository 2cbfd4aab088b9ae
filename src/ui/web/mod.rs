//! The browser side of the UI: Yew components, hooks for side effects, and
//! the bridge to the CodeMirror editor. Compiled only for the browser.
//!
//! The root component owns the state; the hooks get its handle, the pages
//! and their parts get only what they show ([`props`]: shared with the
//! state, not copied) and the reducer's dispatcher as a `Callback<Action>`,
//! the same for the app's whole life.

mod app;
mod bridge;
mod components;
pub(crate) mod hooks;
mod props;

/// Mounts the app in `#app`, replacing the loading message.
pub fn start() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    match document.get_element_by_id("app") {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}

/// Milliseconds since the epoch, for record timestamps.
pub(crate) fn now_ms() -> f64 {
    js_sys::Date::now()
}
