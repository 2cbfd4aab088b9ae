//! Messages about saved work and imports, until dismissed.

use crate::ui::state::{Action, Notice};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <section class="notices" aria-label="Notices">
            { for props.notices.iter().map(|n| {
                let dismiss = {
                    let on_action = props.on_action.clone();
                    let id = n.id;
                    Callback::from(move |_: MouseEvent| on_action.emit(Action::Dismiss(id)))
                };
                html! {
                    <div class={classes!("notice", n.is_error.then_some("error"))} role={if n.is_error { "alert" } else { "status" }}>
                        <p>{ &n.text }</p>
                        <button type="button" onclick={dismiss}>{ "Dismiss" }</button>
                    </div>
                }
            }) }
        </section>
    }
}
