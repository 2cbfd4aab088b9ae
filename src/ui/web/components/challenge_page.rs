//! One question: its prompt on one side, the place to answer on the other.

use super::code_workspace::CodeWorkspace;
use super::hints::Hints;
use super::markdown::rendered;
use super::practice_workspace::PracticeWorkspace;
use super::quiz_workspace::QuizWorkspace;
use super::sample_tests::SampleTests;
use crate::route::Route;
use crate::state::{Action, draft_in, starter_of, status_label};
use crate::web::now_ms;
use crate::web::props::{RunView, Shared, Static};
use pyprep_core::challenge::{Challenge, Kind};
use pyprep_core::protocol::RunId;
use pyprep_core::storage::{Saved, Status};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChallengePageProps {
    pub challenge: Static<Challenge>,
    /// The question's draft, progress and written answer.
    pub saved: Shared<Saved>,
    /// How many hints are open.
    pub hints_shown: usize,
    /// The explanation was opened (it opens by itself once solved).
    pub explanation_shown: bool,
    pub shared_code: Option<String>,
    pub runs: RunView,
    pub on_action: Callback<Action>,
    /// Sends a typed line to a run waiting in `input()`.
    pub on_input: Callback<(RunId, String)>,
}

#[component]
pub fn ChallengePage(props: &ChallengePageProps) -> Html {
    let c = props.challenge.0;
    let id = c.id.clone();
    let draft = draft_in(&props.saved, c);

    // A share link's code: taken at once when it would replace nothing, else offered.
    {
        let on_action = props.on_action.clone();
        let draft = draft.clone();
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
    let offer = props
        .shared_code
        .as_ref()
        .filter(|code| draft != **code && draft != starter_of(c));
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

    let status = props.saved.status(&id);
    let workspace = match c.kind {
        Kind::Function | Kind::Program | Kind::Unittest => html! {
            <CodeWorkspace challenge={props.challenge} draft={AttrValue::from(draft)} runs={props.runs.clone()}
                on_action={props.on_action.clone()} on_input={props.on_input.clone()} />
        },
        Kind::Quiz => html! {
            <QuizWorkspace id={AttrValue::from(id.clone())} draft={AttrValue::from(draft)} runs={props.runs.clone()} on_action={props.on_action.clone()} />
        },
        Kind::Practice => html! {
            <PracticeWorkspace challenge={props.challenge} answer={props.saved.answers.get(&id).cloned().unwrap_or_default()}
                done={status == Status::Done} on_action={props.on_action.clone()} />
        },
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
                    <SampleTests challenge={props.challenge} />
                    <Hints challenge={props.challenge} shown={props.hints_shown}
                        explained={status == Status::Done || props.explanation_shown} on_action={props.on_action.clone()} />
                </article>
                { workspace }
            </div>
        </main>
    }
}
