//! The root component: owns the state, mounts the hooks, picks the page.

use super::components::catalog_page::CatalogPage;
use super::components::challenge_page::ChallengePage;
use super::components::header::Header;
use super::components::notices::Notices;
use super::components::playground_page::PlaygroundPage;
use super::hooks::{load_saved, use_judge, use_offline, use_route, use_storage};
use crate::catalog::Catalog;
use crate::ui::route::Route;
use crate::ui::state::{Action, State};
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let state = use_reducer_eq(|| {
        let (saved, problem) = load_saved();
        let mut state = State::new(Catalog::embedded(), super::hooks::current_route(), saved);
        if let Some(problem) = problem {
            state = state.apply(Action::Notify {
                text: format!("Your work cannot be saved in this browser: {problem}. It stays on this page until you leave; use Export to keep it."),
                is_error: true,
            });
        }
        state
    });
    let on_input = use_judge(&state);
    use_storage(&state);
    use_route(&state);
    use_offline(&state);

    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let page = match &state.route {
        Route::Catalog => {
            html! { <CatalogPage state={state.clone()} on_action={dispatch.clone()} /> }
        }
        Route::Playground { file, shared_code } => html! {
            <PlaygroundPage
                state={state.clone()}
                file={file.clone()}
                shared_code={shared_code.clone()}
                on_action={dispatch.clone()}
                on_input={on_input.clone()}
            />
        },
        Route::Challenge { id, shared_code } => match state.catalog.get(id) {
            Some(challenge) => html! {
                <ChallengePage
                    key={challenge.id.clone()}
                    state={state.clone()}
                    id={AttrValue::from(challenge.id.clone())}
                    shared_code={shared_code.clone()}
                    on_action={dispatch.clone()}
                    on_input={on_input.clone()}
                />
            },
            None => html! {
                <main class="page narrow" aria-labelledby="missing-title">
                    <h1 id="missing-title">{ "No such question" }</h1>
                    <p>{ format!("There is no question “{id}” in this catalog.") }</p>
                    <p><a href="#/">{ "Back to all questions" }</a></p>
                </main>
            },
        },
    };
    html! {
        <>
            <Header state={state.clone()} on_action={dispatch.clone()} />
            <Notices notices={state.notices.clone()} on_action={dispatch} />
            { page }
        </>
    }
}
