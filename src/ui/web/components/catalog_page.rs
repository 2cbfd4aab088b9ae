//! The catalog: every question, with filters, search and progress.

use crate::state::interview::in_progress;
use crate::state::{Action, Filters, progress_counts, status_label, visible};
use crate::web::props::{Shared, Static};
use pyprep_core::catalog::Catalog;
use pyprep_core::challenge::{Difficulty, Group};
use pyprep_core::storage::{Saved, Status};
use std::collections::BTreeSet;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CatalogPageProps {
    pub catalog: Static<Catalog>,
    pub filters: Filters,
    /// Each question's progress, and the interview in progress.
    pub saved: Shared<Saved>,
    pub on_action: Callback<Action>,
}

fn select_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

#[component]
pub fn CatalogPage(props: &CatalogPageProps) -> Html {
    let (catalog, saved) = (props.catalog.0, &*props.saved);
    let filters = props.filters.clone();
    let set = |change: fn(&mut Filters, String)| {
        let on_action = props.on_action.clone();
        let filters = filters.clone();
        move |value: String| {
            let mut f = filters.clone();
            change(&mut f, value);
            on_action.emit(Action::SetFilters(f));
        }
    };
    let on_group = {
        let set = set(|f, v| f.group = Group::ALL.into_iter().find(|g| g.label() == v));
        Callback::from(move |e: Event| set(select_value(&e)))
    };
    let on_difficulty = {
        let set = set(|f, v| f.difficulty = Difficulty::ALL.into_iter().find(|d| d.label() == v));
        Callback::from(move |e: Event| set(select_value(&e)))
    };
    let on_topic = {
        let set = set(|f, v| f.topic = (!v.is_empty()).then_some(v));
        Callback::from(move |e: Event| set(select_value(&e)))
    };
    let on_status = {
        let set = set(|f, v| {
            f.status = match v.as_str() {
                "new" => Some(Status::New),
                "attempted" => Some(Status::Attempted),
                "done" => Some(Status::Done),
                _ => None,
            }
        });
        Callback::from(move |e: Event| set(select_value(&e)))
    };
    let on_search = {
        let set = set(|f, v| f.search = v);
        Callback::from(move |e: InputEvent| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                .map(|i| i.value())
                .unwrap_or_default();
            set(value)
        })
    };
    let clear = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::SetFilters(Filters::default())))
    };
    let topics: BTreeSet<&str> = catalog
        .challenges
        .iter()
        .flat_map(|c| c.topics.iter().map(String::as_str))
        .collect();
    let visible = visible(catalog, &filters, saved);
    let (done, attempted, total) = progress_counts(catalog, saved);
    html! {
        <main class="page catalog" aria-labelledby="catalog-title">
            <h1 id="catalog-title">{ "Python interview questions" }</h1>
            <p class="lead">
                { "Coding questions run and are checked right here in your browser; concept cards explain and quiz; spoken-answer cards help you rehearse. Nothing leaves this device. " }
                { "To try out any Python, open the " }<a href="#/play">{ "playground" }</a>{ "." }
            </p>
            <p class="interview-start">
                if let Some(i) = in_progress(saved) {
                    <a class="button primary" href={format!("#/interview/{}", i.id())}>{ "Resume your mock interview" }</a>
                } else {
                    <a class="button primary" href="#/interview">{ "Start a mock interview" }</a>
                }
                { " " }<a href="#/progress">{ "See your progress" }</a>
            </p>
            <p class="progress-line">
                <strong>{ format!("{done} solved") }</strong>{ format!(" · {attempted} attempted · {total} in all") }
            </p>
            <form class="filters" role="search" aria-label="Filter questions" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label>{ "Search" }
                    <input type="search" value={filters.search.clone()} oninput={on_search} placeholder="prime, linked list, PEP 8…" />
                </label>
                <label>{ "Kind" }
                    <select onchange={on_group}>
                        <option value="" selected={filters.group.is_none()}>{ "All kinds" }</option>
                        { for Group::ALL.iter().map(|g| html! { <option value={g.label()} selected={filters.group == Some(*g)}>{ g.label() }</option> }) }
                    </select>
                </label>
                <label>{ "Difficulty" }
                    <select onchange={on_difficulty}>
                        <option value="" selected={filters.difficulty.is_none()}>{ "Any difficulty" }</option>
                        { for Difficulty::ALL.iter().map(|d| html! { <option value={d.label()} selected={filters.difficulty == Some(*d)}>{ d.label() }</option> }) }
                    </select>
                </label>
                <label>{ "Topic" }
                    <select onchange={on_topic}>
                        <option value="" selected={filters.topic.is_none()}>{ "Any topic" }</option>
                        { for topics.iter().map(|t| html! { <option value={t.to_string()} selected={filters.topic.as_deref() == Some(*t)}>{ *t }</option> }) }
                    </select>
                </label>
                <label>{ "Progress" }
                    <select onchange={on_status}>
                        <option value="" selected={filters.status.is_none()}>{ "Any progress" }</option>
                        <option value="new" selected={filters.status == Some(Status::New)}>{ "Not started" }</option>
                        <option value="attempted" selected={filters.status == Some(Status::Attempted)}>{ "Attempted" }</option>
                        <option value="done" selected={filters.status == Some(Status::Done)}>{ "Done" }</option>
                    </select>
                </label>
                if filters != Filters::default() {
                    <button type="button" onclick={clear}>{ "Clear filters" }</button>
                }
            </form>
            <p class="count" role="status">{ format!("{} of {total} questions shown", visible.len()) }</p>
            <ul class="question-list" aria-label="Questions">
                { for visible.iter().map(|c| {
                    let status = saved.status(&c.id);
                    html! {
                        <li class={classes!("question", format!("status-{status:?}").to_lowercase())}>
                            <a href={format!("#/q/{}", c.id)}>
                                <span class="title">{ &c.title }</span>
                                <span class="question-text">{ &c.question }</span>
                            </a>
                            <span class="badges">
                                <span class="badge group">{ c.group.label() }</span>
                                <span class="badge kind">{ c.kind.label() }</span>
                                <span class={classes!("badge", "difficulty", c.difficulty.label().to_lowercase())}>{ c.difficulty.label() }</span>
                                <span class={classes!("badge", "status")}>{ status_label(status, c.kind) }</span>
                            </span>
                        </li>
                    }
                }) }
            </ul>
            if visible.is_empty() {
                <p>{ "No question matches these filters." }</p>
            }
        </main>
    }
}
