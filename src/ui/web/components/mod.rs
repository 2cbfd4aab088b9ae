//! The app's components, one per file. Each takes what it shows (shared
//! with the state where large, see `web::props`) and `on_*` callbacks,
//! never the state's handle, so that Yew re-renders it only when what it
//! shows has changed.

pub mod catalog_page;
pub mod challenge_page;
pub mod clock;
pub mod code_workspace;
pub mod console;
pub mod editor;
pub mod header;
pub mod hints;
pub mod interview_page;
pub mod interview_setup;
pub mod interview_summary;
pub mod keys_help;
pub mod live_console;
pub mod markdown;
pub mod notices;
pub mod playground_page;
pub mod practice_workspace;
pub mod progress_page;
pub mod quiz_workspace;
pub mod replay_view;
pub mod results;
pub mod sample_tests;
pub mod step_through;
pub mod try_it;
pub mod value_view;

use wasm_bindgen::JsCast;
use yew::{Callback, InputEvent};

/// An `oninput` handler for a text area or a text input that passes on its new text.
pub fn on_text(on_text: Callback<String>) -> Callback<InputEvent> {
    Callback::from(move |e: InputEvent| {
        let Some(target) = e.target() else { return };
        if let Some(t) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            on_text.emit(t.value());
        } else if let Some(i) = target.dyn_ref::<web_sys::HtmlInputElement>() {
            on_text.emit(i.value());
        }
    })
}

/// A click handler that makes a link to `route` on this page's address,
/// copies it to the clipboard (where the browser allows) and passes it on.
pub fn share_link(
    route: crate::route::Route,
    shown: Callback<String>,
) -> Callback<yew::MouseEvent> {
    Callback::from(move |_: yew::MouseEvent| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let link = format!(
            "{}{}{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default(),
            route.to_hash()
        );
        let _ = window.navigator().clipboard().write_text(&link);
        shown.emit(link);
    })
}

/// Console output, a span per chunk, classed by its stream (stdout, stderr,
/// prompts, echoed input).
pub fn output_spans(chunks: &[std::sync::Arc<pyprep_core::report::OutputChunk>]) -> yew::Html {
    use pyprep_core::protocol::Stream;
    chunks
        .iter()
        .map(|chunk| {
            let class = match chunk.stream {
                Stream::Stdout => "out",
                Stream::Stderr => "err",
                Stream::Prompt => "prompt",
                Stream::Echo => "echo",
            };
            yew::html! { <span class={class}>{ &chunk.text }</span> }
        })
        .collect()
}
