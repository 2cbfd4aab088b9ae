//! Graduated hints, one at a time, and the explanation of the reference.

use super::markdown::rendered;
use crate::state::Action;
use crate::web::props::Static;
use pyprep_core::challenge::Challenge;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HintsProps {
    pub challenge: Static<Challenge>,
    /// How many hints are open.
    pub shown: usize,
    /// Whether the explanation is open.
    pub explained: bool,
    pub on_action: Callback<Action>,
}

/// The first `shown` hints of `c`, and a button that opens the next one.
pub fn hint_list(
    c: &pyprep_core::challenge::Challenge,
    shown: usize,
    more: Callback<MouseEvent>,
) -> Html {
    html! {
        <>
            <ol>
                { for c.hints.iter().take(shown).map(|h| html! { <li class="markdown">{ rendered(&h.html) }</li> }) }
            </ol>
            if shown < c.hints.len() {
                <button type="button" onclick={more}>{ format!("Show hint {} of {}", shown + 1, c.hints.len()) }</button>
            }
        </>
    }
}

#[component]
pub fn Hints(props: &HintsProps) -> Html {
    let c = props.challenge.0;
    let (shown, explained) = (props.shown, props.explained);
    let more = {
        let on_action = props.on_action.clone();
        let id = c.id.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::ShowHint(id.clone())))
    };
    let explain = {
        let on_action = props.on_action.clone();
        let id = c.id.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::ShowExplanation(id.clone())))
    };
    html! {
        <>
            if !c.hints.is_empty() {
                <section class="hints" aria-labelledby="hints-title">
                    <h2 id="hints-title">{ "Hints" }</h2>
                    { hint_list(c, shown, more) }
                </section>
            }
            if !c.explanation.source.trim().is_empty() {
                <section class="explanation" aria-labelledby="explanation-title">
                    <h2 id="explanation-title">{ "Explanation" }</h2>
                    if explained {
                        <div class="markdown">{ rendered(&c.explanation.html) }</div>
                    } else {
                        <p class="muted">{ "The explanation shows a full answer. It opens by itself once you solve the question." }</p>
                        <button type="button" onclick={explain}>{ "Show the explanation" }</button>
                    }
                </section>
            }
        </>
    }
}
