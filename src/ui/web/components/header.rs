//! The top bar: the way home, overall progress, the judge's status, and
//! export/import of everything saved.

use crate::state::interview::in_progress;
use crate::state::{Action, JudgeStatus, progress_counts};
use crate::web::now_ms;
use crate::web::props::{Shared, Static};
use pyprep_core::catalog::Catalog;
use pyprep_core::storage::{Saved, merge_import, parse_export};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlInputElement, Url};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub catalog: Static<Catalog>,
    /// Counted for the progress line, exported and imported into.
    pub saved: Shared<Saved>,
    pub judge: JudgeStatus,
    /// A newer build waits for a reload.
    pub update_ready: bool,
    pub on_action: Callback<Action>,
}

fn download(name: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    Url::revoke_object_url(&url)
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let (done, attempted, total) = progress_counts(&props.catalog, &props.saved);
    let judge = match &props.judge {
        JudgeStatus::Loading => {
            html! { <span class="judge loading">{ "Python is loading…" }</span> }
        }
        JudgeStatus::Ready => html! { <span class="judge ready">{ "Python ready" }</span> },
        JudgeStatus::Failed(why) => {
            html! { <span class="judge failed" title={why.clone()}>{ "Python could not load" }</span> }
        }
    };
    let export = {
        let saved = props.saved.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            let text = saved.export(now_ms());
            if let Err(e) = download("pyprep-progress.json", &text) {
                on_action.emit(Action::Notify {
                    text: format!("Export failed: {e:?}"),
                    is_error: true,
                });
            }
        })
    };
    let import = {
        let saved = props.saved.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let saved = saved.clone();
            let failed = {
                let on_action = props_failed(&on_action);
                Closure::once(move |e: JsValue| on_action.emit(format!("{e:?}")))
            };
            let on_action = on_action.clone();
            let done = Closure::once(move |text: JsValue| {
                let text = text.as_string().unwrap_or_default();
                match parse_export(&text) {
                    Err(why) => on_action.emit(Action::Notify {
                        text: format!("Nothing was imported. {why}"),
                        is_error: true,
                    }),
                    Ok(records) => {
                        let count = records.len();
                        let records = merge_import(&saved, records);
                        let summary = format!(
                            "Imported {} of {count} saved items ({} were older than what is here).",
                            records.len(),
                            count - records.len()
                        );
                        on_action.emit(Action::Imported { records, summary });
                    }
                }
            });
            let _ = file.text().then2(&done, &failed);
            done.forget();
            failed.forget();
        })
    };
    html! {
        <header class="top">
            <a class="brand" href="#/">{ "PyPrep" }</a>
            <nav class="main-nav" aria-label="Main">
                <a href="#/">{ "Questions" }</a>
                <a href="#/play">{ "Playground" }</a>
                if let Some(i) = in_progress(&props.saved) {
                    <a href={format!("#/interview/{}", i.id())}>{ "Interview (in progress)" }</a>
                } else {
                    <a href="#/interview">{ "Interview" }</a>
                }
                <a href="#/progress">{ "Progress" }</a>
            </nav>
            <p class="summary" aria-label="Your progress">
                { format!("{done} of {total} done") }
                if attempted > 0 { <span class="muted">{ format!(" · {attempted} in progress") }</span> }
            </p>
            <p class="status" role="status">{ judge }</p>
            if props.update_ready {
                <button type="button" class="primary" onclick={Callback::from(|_: MouseEvent| crate::web::hooks::reload_into_update())}>
                    { "New version ready: reload" }
                </button>
            }
            <ThemeSwitch />
            <div class="transfer">
                <button type="button" onclick={export}>{ "Export progress" }</button>
                <label class="button">
                    { "Import progress" }
                    <input type="file" accept="application/json,.json" class="visually-hidden" onchange={import} />
                </label>
            </div>
        </header>
    }
}

fn props_failed(on_action: &Callback<Action>) -> Callback<String> {
    let on_action = on_action.clone();
    Callback::from(move |why: String| {
        on_action.emit(Action::Notify {
            text: format!("Nothing was imported: the file could not be read ({why})."),
            is_error: true,
        })
    })
}

/// Where the chosen theme is kept on this device (not a record: a display
/// preference, read by `www/index.html` before the page paints).
const THEME_KEY: &str = "pyprep.theme";

/// Light, dark, or the system's: kept on this device and applied as
/// `data-theme` on `<html>` by `www/index.html` (the page's colours and the
/// editor follow it).
#[component]
fn ThemeSwitch() -> Html {
    let stored = || {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item(THEME_KEY).ok().flatten())
            .filter(|t| t == "light" || t == "dark")
            .unwrap_or_else(|| "system".to_owned())
    };
    let theme = use_state(stored);
    let on_change = {
        let theme = theme.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            else {
                return;
            };
            let value = select.value();
            let Some(window) = web_sys::window() else {
                return;
            };
            if let Ok(Some(storage)) = window.local_storage() {
                let _ = match value.as_str() {
                    "light" | "dark" => storage.set_item(THEME_KEY, &value),
                    _ => storage.remove_item(THEME_KEY),
                };
            }
            // www/index.html's applyTheme sets data-theme from the choice (or the system's).
            if let Ok(apply) = js_sys::Reflect::get(&window, &JsValue::from_str("pyprepApplyTheme"))
                && let Some(apply) = apply.dyn_ref::<js_sys::Function>()
            {
                let _ = apply.call0(&JsValue::NULL);
            }
            theme.set(value);
        })
    };
    html! {
        <label class="theme-switch">
            { "Theme" }
            <select onchange={on_change}>
                { for [("system", "System"), ("light", "Light"), ("dark", "Dark")].into_iter().map(|(v, label)| html! {
                    <option value={v} selected={*theme == v}>{ label }</option>
                }) }
            </select>
        </label>
    }
}
