//! The root component: owns the state, mounts the hooks, picks the page.

use super::components::catalog_page::CatalogPage;
use super::components::challenge_page::ChallengePage;
use super::components::header::Header;
use super::components::interview_page::InterviewPage;
use super::components::interview_setup::InterviewSetup;
use super::components::interview_summary::InterviewSummary;
use super::components::notices::Notices;
use super::components::playground_page::PlaygroundPage;
use super::components::progress_page::ProgressPage;
use super::hooks::{
    load_saved, use_interview_clock, use_judge, use_offline, use_route, use_storage,
};
use super::now_ms;
use crate::catalog::Catalog;
use crate::progress::Section;
use crate::storage::Status;
use crate::ui::mock_interview::InterviewAction;
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
    use_interview_clock(&state);

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
        Route::InterviewSetup => {
            let mut unsolved = [0usize; 3];
            for c in &state.catalog.challenges {
                if state.status(&c.id) != Status::Done {
                    let section = Section::of(c.group);
                    unsolved[Section::ALL.iter().position(|s| *s == section).unwrap_or(0)] += 1;
                }
            }
            let on_start = {
                let dispatch = dispatch.clone();
                Callback::from(move |plan| {
                    // Any seed will do: it only breaks ties between equally fresh questions.
                    let seed = (js_sys::Math::random() * 9.0e15) as u64;
                    dispatch.emit(Action::Interview(InterviewAction::Begin {
                        plan,
                        seed,
                        at: now_ms(),
                    }))
                })
            };
            let in_progress = state
                .interview_in_progress()
                .map(|i| AttrValue::from(i.id()));
            html! { <InterviewSetup {in_progress} {unsolved} {on_start} /> }
        }
        Route::Interview { id } => match state.saved.interviews.get(id) {
            Some(i)
                if !i.is_finished()
                    && state.interview_in_progress().is_some_and(|p| p.id() == *id) =>
            {
                html! {
                    <InterviewPage state={state.clone()} on_action={dispatch.clone()} on_input={on_input.clone()} />
                }
            }
            Some(i) => {
                let on_toggle_check = {
                    let dispatch = dispatch.clone();
                    let interview = id.clone();
                    Callback::from(move |(question, item)| {
                        dispatch.emit(Action::Interview(InterviewAction::ToggleCheck {
                            interview: interview.clone(),
                            question,
                            item,
                            at: now_ms(),
                        }))
                    })
                };
                html! { <InterviewSummary interview={i.clone()} catalog={state.catalog} {on_toggle_check} /> }
            }
            None => html! {
                <main class="page narrow" aria-labelledby="missing-title">
                    <h1 id="missing-title">{ "No such interview" }</h1>
                    <p>{ "This interview is not saved on this device." }</p>
                    <p><a href="#/interview">{ "Start a mock interview" }</a></p>
                </main>
            },
        },
        Route::Progress => html! {
            <ProgressPage catalog={state.catalog} saved={state.saved.clone()} />
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
