//! One question: its prompt on one side, the place to answer on the other.

use super::code_workspace::CodeWorkspace;
use super::hints::Hints;
use super::markdown::rendered;
use super::practice_workspace::PracticeWorkspace;
use super::quiz_workspace::QuizWorkspace;
use super::sample_tests::SampleTests;
use crate::challenge::Kind;
use crate::storage::Status;
use crate::ui::route::Route;
use crate::ui::state::{Action, State, starter_of, status_label};
use crate::ui::web::now_ms;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChallengePageProps {
    pub state: UseReducerHandle<State>,
    pub id: AttrValue,
    pub shared_code: Option<String>,
    pub on_action: Callback<Action>,
    /// Sends a typed line to a run waiting in `input()`.
    pub on_input: Callback<(crate::protocol::RunId, String)>,
}

#[component]
pub fn ChallengePage(props: &ChallengePageProps) -> Html {
    let state = &props.state;
    let Some(c) = state.catalog.get(&props.id) else {
        return html! {};
    };
    let id = c.id.clone();

    // A share link's code: taken at once when it would replace nothing, else offered.
    {
        let on_action = props.on_action.clone();
        let draft = state.draft(&id);
        let starter = starter_of(c);
        let id = id.clone();
        use_effect_with(props.shared_code.clone(), move |shared| {
            if let Some(code) = shared
                && (draft == *code || draft == starter)
            {
                on_action.emit(Action::AcceptShared {
                    id,
                    code: code.clone(),
                    at: now_ms(),
                });
            }
        });
    }
    let offer = props.shared_code.as_ref().filter(|code| {
        let draft = state.draft(&id);
        draft != **code && draft != starter_of(c)
    });
    let offer = offer.map(|code| {
        let accept = {
            let on_action = props.on_action.clone();
            let (id, code) = (id.clone(), code.clone());
            Callback::from(move |_: MouseEvent| on_action.emit(Action::AcceptShared { id: id.clone(), code: code.clone(), at: now_ms() }))
        };
        let keep = {
            let on_action = props.on_action.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| on_action.emit(Action::Navigate(Route::Challenge { id: id.clone(), shared_code: None })))
        };
        html! {
            <div class="notice share-offer" role="alertdialog" aria-labelledby="share-offer-text">
                <p id="share-offer-text">{ "This link carries code for this question, and you already have a draft. Replace your draft with the link's code?" }</p>
                <button type="button" onclick={accept}>{ "Use the link's code" }</button>
                <button type="button" onclick={keep}>{ "Keep my draft" }</button>
            </div>
        }
    });

    let status = state.status(&id);
    let workspace = match c.kind {
        Kind::Function | Kind::Program | Kind::Unittest => {
            html! { <CodeWorkspace state={state.clone()} id={props.id.clone()} on_action={props.on_action.clone()} on_input={props.on_input.clone()} /> }
        }
        Kind::Quiz => {
            html! { <QuizWorkspace state={state.clone()} id={props.id.clone()} on_action={props.on_action.clone()} /> }
        }
        Kind::Practice => {
            html! { <PracticeWorkspace state={state.clone()} id={props.id.clone()} on_action={props.on_action.clone()} /> }
        }
        Kind::Concept => {
            let mark = {
                let on_action = props.on_action.clone();
                let id = id.clone();
                Callback::from(move |_: MouseEvent| {
                    on_action.emit(Action::MarkDone {
                        id: id.clone(),
                        at: now_ms(),
                    })
                })
            };
            html! {
                <section class="workspace concept" aria-label="Your progress on this card">
                    if status == Status::Done {
                        <p class="outcome success" role="status">{ "Marked as read." }</p>
                    } else {
                        <button type="button" class="primary" onclick={mark}>{ "Mark as read" }</button>
                    }
                </section>
            }
        }
    };
    html! {
        <main class={classes!("page", "challenge", format!("kind-{:?}", c.kind).to_lowercase())} aria-labelledby="challenge-title">
            <nav class="crumbs" aria-label="Breadcrumb"><a href="#/">{ "All questions" }</a></nav>
            { for offer }
            <div class="columns">
                <article class="prompt" aria-labelledby="challenge-title">
                    <h1 id="challenge-title">{ &c.title }</h1>
                    <p class="badges">
                        <span class="badge group">{ c.group.label() }</span>
                        <span class="badge kind">{ c.kind.label() }</span>
                        <span class={classes!("badge", "difficulty", c.difficulty.label().to_lowercase())}>{ c.difficulty.label() }</span>
                        <span class="badge status">{ status_label(status, c.kind) }</span>
                        { for c.topics.iter().map(|t| html! { <span class="badge topic">{ t }</span> }) }
                    </p>
                    <blockquote class="asked"><p>{ format!("“{}”", c.question) }</p></blockquote>
                    <div class="markdown">{ rendered(&c.prompt.html) }</div>
                    <SampleTests id={props.id.clone()} catalog={state.catalog} />
                    <Hints state={state.clone()} id={props.id.clone()} on_action={props.on_action.clone()} />
                </article>
                { workspace }
            </div>
        </main>
    }
}
