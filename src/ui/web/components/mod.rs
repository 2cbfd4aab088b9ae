//! The app's components, one per file.

pub mod catalog_page;
pub mod challenge_page;
pub mod code_workspace;
pub mod console;
pub mod editor;
pub mod header;
pub mod hints;
pub mod live_console;
pub mod notices;
pub mod playground_page;
pub mod practice_workspace;
pub mod quiz_workspace;
pub mod results;
pub mod sample_tests;
pub mod try_it;
pub mod value_view;

use wasm_bindgen::JsCast;
use yew::{Callback, InputEvent};

/// An `oninput` handler for a text area that passes on its new text.
pub fn on_text(on_text: Callback<String>) -> Callback<InputEvent> {
    Callback::from(move |e: InputEvent| {
        if let Some(t) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            on_text.emit(t.value());
        }
    })
}
