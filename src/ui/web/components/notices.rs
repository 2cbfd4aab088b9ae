//! Messages about saved work and imports, until dismissed.

use crate::state::Notice;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
    /// Dismisses the notice with this id.
    pub on_dismiss: Callback<u32>,
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
                    let id = n.id;
                    props.on_dismiss.reform(move |_: MouseEvent| id)
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
