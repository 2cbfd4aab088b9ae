//! Moves drafts, progress and answers between the state and `localStorage`.
//!
//! Every change to the saved records is written at once (one key per record,
//! see `storage`). A record that could not be read is copied to a backup key
//! before the first write replaces it, and the notice says so; one written by
//! a newer version is never overwritten. Writes from other tabs arrive as
//! `storage` events and are merged by the reducer.

use crate::state::{Action, State};
use crate::web::props::Shared;
use gloo_events::EventListener;
use pyprep_core::storage::{Record, RecordError, RecordKind, Saved};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Storage, StorageEvent};
use yew::prelude::*;

fn local_storage() -> Result<Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err("this browser has no local storage".into()),
        Err(e) => Err(format!("local storage is blocked ({})", js_message(&e))),
    }
}

fn js_message(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Everything saved so far, and a problem reaching storage if there was one.
pub fn load_saved() -> (Saved, Option<String>) {
    let storage = match local_storage() {
        Ok(s) => s,
        Err(e) => return (Saved::default(), Some(e)),
    };
    let len = storage.length().unwrap_or(0);
    let mut entries = Vec::new();
    for i in 0..len {
        if let Ok(Some(key)) = storage.key(i)
            && key.starts_with(pyprep_core::storage::PREFIX)
            && let Ok(Some(value)) = storage.get_item(&key)
        {
            entries.push((key, value));
        }
    }
    (
        Saved::load(entries.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
        None,
    )
}

fn write(storage: &Storage, key: &str, text: &str) -> Result<(), String> {
    storage.set_item(key, text).map_err(|e| js_message(&e))
}

#[hook]
pub fn use_storage(state: &UseReducerHandle<State>) {
    // What storage holds, as far as this tab knows: written by us or seen from others.
    let written: Rc<RefCell<BTreeMap<String, Record>>> = use_mut_ref(|| state.saved.records());

    {
        let written = written.clone();
        let dispatch = state.dispatcher();
        // Keyed on the records' address: the reducer replaces them whenever it changes them.
        use_effect_with(Shared::new(&state.saved), move |saved| {
            let Ok(storage) = local_storage() else { return };
            let mut known = written.borrow_mut();
            let records = saved.records();
            // Records this tab knew and the state no longer has were deleted here
            // (a playground file): remove them from storage too.
            let gone: Vec<String> = known
                .keys()
                .filter(|k| !records.contains_key(*k))
                .cloned()
                .collect();
            for key in gone {
                if storage.remove_item(&key).is_ok() {
                    known.remove(&key);
                }
            }
            for (key, record) in records {
                if known.get(&key) == Some(&record) {
                    continue;
                }
                let (kind, id) = RecordKind::parse_key(&key).expect("records() makes our keys");
                if let Some(blocked) = saved.blocks(kind, id) {
                    match &blocked.error {
                        RecordError::Newer(_) => continue, // never downgrade a newer record
                        RecordError::Unreadable(_) => {
                            let backup = format!("{}backup.{key}", pyprep_core::storage::PREFIX);
                            if let Ok(Some(old)) = storage.get_item(&key)
                                && storage.get_item(&backup).ok().flatten().is_none()
                            {
                                if write(&storage, &backup, &old).is_err() {
                                    continue; // no backup, no overwrite
                                }
                                dispatch.dispatch(Action::Notify {
                                    text: format!("The unreadable saved item {key} was copied to {backup} before being replaced."),
                                    is_error: false,
                                });
                            }
                        }
                    }
                }
                match write(&storage, &key, &record.to_json()) {
                    Ok(()) => {
                        known.insert(key, record);
                    }
                    Err(e) => {
                        dispatch.dispatch(Action::StorageFailed(e));
                        break;
                    }
                }
            }
        });
    }

    {
        let written = written.clone();
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let listener = EventListener::new(&window, "storage", move |e| {
                let Some(e) = e.dyn_ref::<StorageEvent>() else {
                    return;
                };
                let Some(key) = e.key() else { return };
                if let (Some((kind, _)), Some(text)) = (RecordKind::parse_key(&key), e.new_value())
                    && let Ok(record) = pyprep_core::storage::parse_record(kind, &text)
                {
                    written.borrow_mut().insert(key.clone(), record);
                }
                dispatch.dispatch(Action::External {
                    key,
                    text: e.new_value(),
                });
            });
            move || drop(listener)
        });
    }
}
