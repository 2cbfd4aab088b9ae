//! Answering a predict-the-output question: type the output, then check it
//! against what the snippet really prints.

use super::code_workspace::progress_text;
use crate::state::Action;
use crate::web::now_ms;
use crate::web::props::RunView;
use pyprep_core::protocol::Mode;
use pyprep_core::report::{Outcome, TestVerdict};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuizWorkspaceProps {
    pub id: AttrValue,
    /// The prediction typed so far.
    pub draft: AttrValue,
    pub runs: RunView,
    pub on_action: Callback<Action>,
    /// Show what the snippet really prints after a wrong prediction (not
    /// during a mock interview).
    #[prop_or(true)]
    pub reveal: bool,
}

#[component]
pub fn QuizWorkspace(props: &QuizWorkspaceProps) -> Html {
    let runs = &props.runs;
    let id = props.id.to_string();
    let on_input = {
        let on_action = props.on_action.clone();
        let id = id.clone();
        super::on_text(Callback::from(move |code: String| {
            on_action.emit(Action::Edit {
                id: id.clone(),
                code,
                at: now_ms(),
            })
        }))
    };
    let check = {
        let on_action = props.on_action.clone();
        let id = id.clone();
        Callback::from(move |_: ()| {
            on_action.emit(Action::Start {
                id: id.clone(),
                mode: Mode::Submit,
            })
        })
    };
    let on_key = {
        let check = check.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                check.emit(());
            }
        })
    };
    let busy = runs.busy();
    let report = runs
        .of_challenge(&id)
        .map(|r| r.tracker.report())
        .filter(|r| r.outcome != Outcome::Running);
    let verdict = report.map(|r| match (&r.outcome, r.tests.first().map(|t| &t.verdict)) {
        (Outcome::Accepted, _) => html! { <p class="outcome success" role="status">{ "Correct: that is exactly what it prints." }</p> },
        (_, Some(TestVerdict::WrongAnswer { .. })) if !props.reveal => html! {
            <p class="outcome failure" role="status">{ "Not quite. What it really prints is shown at the end of the interview." }</p>
        },
        (_, Some(TestVerdict::WrongAnswer { expected, .. })) => html! {
            <div class="outcome failure" role="status">
                <p>{ "Not quite. It prints:" }</p>
                <pre>{ expected.clone().unwrap_or_default() }</pre>
            </div>
        },
        _ => html! { <p class="outcome failure" role="status">{ r.headline() }</p> },
    });
    html! {
        <section class="workspace quiz" aria-label="Your answer">
            <label for="prediction">{ "Your predicted output" }</label>
            <textarea id="prediction" rows="6" spellcheck="false" value={props.draft.clone()} oninput={on_input} onkeydown={on_key}
                placeholder="Type exactly what it prints, line by line" />
            <div class="toolbar">
                <button type="button" class="primary" disabled={busy} onclick={check.reform(|_: MouseEvent| ())}>{ "Check my answer" }</button>
                <span class="shortcut muted">{ "Ctrl+Enter checks" }</span>
            </div>
            <p class="run-status" role="status" aria-live="polite">{ progress_text(runs, &id).unwrap_or_default() }</p>
            { for verdict }
        </section>
    }
}
