//! The root component: owns the state, mounts the hooks, picks the page,
//! and gives each page what it shows and the dispatcher.

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
use super::props::{RunView, Shared, Static};
use crate::route::Route;
use crate::state::interview::InterviewAction;
use crate::state::{Action, State};
use pyprep_core::catalog::Catalog;
use pyprep_core::interview::Plan;
use pyprep_core::progress::Section;
use pyprep_core::storage::Status;
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let state = use_reducer_eq(|| {
        let (saved, problem) = load_saved();
        let mut state = State::new(Catalog::for_browser(), super::hooks::current_route(), saved);
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

    // The pages' one way to change the state: the reducer's dispatcher, the
    // same for the app's whole life, so passing it on never re-renders a page.
    let on_action: Callback<Action> = state.dispatcher().to_callback();
    let on_dismiss = use_callback(on_action.clone(), |id: u32, on_action| {
        on_action.emit(Action::Dismiss(id))
    });
    let on_start = use_callback(on_action.clone(), |plan: Plan, on_action| {
        // Any seed will do: it only breaks ties between equally fresh questions.
        let seed = (js_sys::Math::random() * 9.0e15) as u64;
        on_action.emit(Action::Interview(InterviewAction::Begin {
            plan,
            seed,
            at: now_ms(),
        }))
    });
    let shown_interview = match &state.route {
        Route::Interview { id } => Some(id.clone()),
        _ => None,
    };
    let on_toggle_check = use_callback(
        (on_action.clone(), shown_interview),
        |(question, item): (usize, usize), (on_action, interview)| {
            if let Some(interview) = interview {
                on_action.emit(Action::Interview(InterviewAction::ToggleCheck {
                    interview: interview.clone(),
                    question,
                    item,
                    at: now_ms(),
                }))
            }
        },
    );
    let catalog = Static(state.catalog);
    let saved = Shared::new(&state.saved);
    let runs = RunView::of(&state);
    let page = match &state.route {
        Route::Catalog => html! {
            <CatalogPage {catalog} filters={state.filters.clone()} saved={saved.clone()} on_action={on_action.clone()} />
        },
        Route::Playground { file, shared_code } => html! {
            <PlaygroundPage
                file={file.clone()}
                shared_code={shared_code.clone()}
                saved={saved.clone()}
                runs={runs.clone()}
                on_action={on_action.clone()}
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
                    <InterviewPage {catalog} saved={saved.clone()} runs={runs.clone()}
                        on_action={on_action.clone()} on_input={on_input.clone()} />
                }
            }
            Some(_) => {
                html! { <InterviewSummary id={AttrValue::from(id.clone())} saved={saved.clone()} {catalog} {on_toggle_check} /> }
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
            <ProgressPage {catalog} saved={saved.clone()} />
        },
        Route::Challenge { id, shared_code } => match state.catalog.get(id) {
            Some(challenge) => html! {
                <ChallengePage
                    key={challenge.id.clone()}
                    challenge={Static(challenge)}
                    saved={saved.clone()}
                    hints_shown={state.hints_shown.get(id).copied().unwrap_or(0)}
                    explanation_shown={state.explanations_shown.contains(id)}
                    shared_code={shared_code.clone()}
                    runs={runs.clone()}
                    on_action={on_action.clone()}
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
            <Header {catalog} {saved} judge={state.judge.clone()} update_ready={state.update_ready} {on_action} />
            <Notices notices={state.notices.clone()} {on_dismiss} />
            { page }
        </>
    }
}
