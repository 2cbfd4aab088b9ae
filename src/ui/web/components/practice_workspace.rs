//! Rehearsing a spoken answer: the advice for this kind of question, a place
//! to draft the answer (kept on this device), and a self-review checklist.

use super::markdown::rendered;
use crate::state::Action;
use crate::web::now_ms;
use crate::web::props::Static;
use pyprep_core::challenge::Challenge;
use pyprep_core::storage::Answer;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PracticeWorkspaceProps {
    pub challenge: Static<Challenge>,
    /// The answer written so far and the checklist's ticks.
    pub answer: Answer,
    /// Marked as practised.
    pub done: bool,
    pub on_action: Callback<Action>,
}

#[component]
pub fn PracticeWorkspace(props: &PracticeWorkspaceProps) -> Html {
    let c = props.challenge.0;
    let Some(practice) = &c.practice else {
        return html! {};
    };
    let id = c.id.clone();
    let answer = &props.answer;
    let on_input = {
        let on_action = props.on_action.clone();
        let id = id.clone();
        super::on_text(Callback::from(move |text: String| {
            on_action.emit(Action::SetAnswer {
                id: id.clone(),
                text,
                at: now_ms(),
            })
        }))
    };
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
    let done = props.done;
    html! {
        <section class="workspace practice" aria-label="Your answer">
            <section class="advice" aria-labelledby="advice-title">
                <h2 id="advice-title">{ "How to answer" }</h2>
                <div class="markdown">{ rendered(&practice.advice.html) }</div>
            </section>
            <label for="answer">{ "Your answer (saved on this device only)" }</label>
            <textarea id="answer" rows="10" value={answer.text.clone()} oninput={on_input}
                placeholder="Draft what you would say. Then say it out loud, and time yourself: one to two minutes is usually right." />
            <fieldset class="checklist">
                <legend>{ "Check your answer" }</legend>
                { for practice.checklist.iter().enumerate().map(|(i, item)| {
                    let on_action = props.on_action.clone();
                    let id = id.clone();
                    let toggle = Callback::from(move |_: Event| on_action.emit(Action::ToggleCheck { id: id.clone(), item: i, at: now_ms() }));
                    html! {
                        <label class="check">
                            <input type="checkbox" checked={answer.checked.contains(&i)} onchange={toggle} />
                            { item }
                        </label>
                    }
                }) }
            </fieldset>
            if done {
                <p class="outcome success" role="status">{ "Marked as practised." }</p>
            } else {
                <button type="button" class="primary" onclick={mark}>{ "Mark as practised" }</button>
            }
        </section>
    }
}
