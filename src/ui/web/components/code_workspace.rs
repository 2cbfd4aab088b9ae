//! Answering with code: the editor, Run and Submit, the console and the results.

use super::console::Console;
use super::editor::{Editor, problems_of};
use super::keys_help::KeysHelp;
use super::results::Results;
use super::share_link;
use super::try_it::TryIt;
use crate::protocol::Mode;
use crate::report::{Outcome, TestVerdict};
use crate::ui::route::Route;
use crate::ui::state::{Action, JudgeStatus, State};
use crate::ui::web::hooks::use_syntax_check;
use crate::ui::web::now_ms;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CodeWorkspaceProps {
    pub state: UseReducerHandle<State>,
    pub id: AttrValue,
    pub on_action: Callback<Action>,
    /// Sends a typed line to a free run waiting in `input()`.
    pub on_input: Callback<(crate::protocol::RunId, String)>,
}

/// What the run button area says while a run is on.
pub fn progress_text(state: &State, id: &str) -> Option<String> {
    let run = state.run_of(id).filter(|r| r.request.play.is_none())?;
    if run.tracker.is_finished() {
        return None;
    }
    if !run.posted {
        return Some(match state.judge {
            JudgeStatus::Failed(_) => "Python could not load.".into(),
            _ => "Waiting for Python to load…".into(),
        });
    }
    let tests = &run.tracker.report().tests;
    let current = tests.iter().position(|t| t.verdict == TestVerdict::Running);
    Some(match current {
        Some(i) => format!("Running test {} of {}…", i + 1, tests.len()),
        None => "Starting Python…".into(),
    })
}

#[component]
pub fn CodeWorkspace(props: &CodeWorkspaceProps) -> Html {
    let state = &props.state;
    let Some(c) = state.catalog.get(&props.id) else {
        return html! {};
    };
    let id = c.id.clone();
    let goto = use_state(|| (0u32, 0u32));
    let share = use_state(|| None::<String>);
    let draft = state.draft(&id);
    let syntax = use_syntax_check(&draft);

    let start = |mode: Mode| {
        let on_action = props.on_action.clone();
        let id = id.clone();
        Callback::from(move |_: ()| {
            on_action.emit(Action::Start {
                id: id.clone(),
                mode,
            })
        })
    };
    let on_run = start(Mode::Run);
    let on_submit = start(Mode::Submit);
    let on_change = {
        let on_action = props.on_action.clone();
        let id = id.clone();
        Callback::from(move |code: String| {
            on_action.emit(Action::Edit {
                id: id.clone(),
                code,
                at: now_ms(),
            })
        })
    };
    let reset = {
        let on_action = props.on_action.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| {
            let sure = web_sys::window()
                .and_then(|w| {
                    w.confirm_with_message(
                        "Replace your code with the starter code? Your current code will be lost.",
                    )
                    .ok()
                })
                .unwrap_or(false);
            if sure {
                on_action.emit(Action::ResetDraft {
                    id: id.clone(),
                    at: now_ms(),
                });
            }
        })
    };
    let make_link = share_link(
        Route::Challenge {
            id: id.clone(),
            shared_code: Some(state.draft(&id)),
        },
        {
            let share = share.clone();
            Callback::from(move |link: String| share.set(Some(link)))
        },
    );
    let on_goto = {
        let goto = goto.clone();
        Callback::from(move |line: u32| goto.set((goto.0 + 1, line)))
    };

    // Judged runs only: free runs show in "Try it yourself".
    let run = state.run_of(&id).filter(|r| r.request.play.is_none());
    let busy = state.run.as_ref().is_some_and(|r| !r.tracker.is_finished());
    let progress = progress_text(state, &id);
    let report = run.map(|r| r.tracker.report().clone());
    let accepted = report
        .as_ref()
        .is_some_and(|r| r.outcome == Outcome::Accepted);
    let problems = problems_of(
        syntax.as_ref(),
        run.map(|r| (r.request.code.as_str(), r.tracker.report())),
        &draft,
    );
    html! {
        <section class="workspace code" aria-label="Your answer">
            <div class="toolbar" role="toolbar" aria-label="Run your code">
                <button type="button" class="primary" disabled={busy} onclick={on_run.reform(|_: MouseEvent| ())}
                    title="Run the examples (Ctrl+Enter)">{ "Run" }</button>
                <button type="button" class="primary submit" disabled={busy} onclick={on_submit.reform(|_: MouseEvent| ())}
                    title="Check against every test, hidden ones too (Ctrl+Shift+Enter)">{ "Submit" }</button>
                <span class="shortcut muted">{ "Ctrl+Enter runs" }</span>
                <KeysHelp />
                <span class="spacer"></span>
                <button type="button" onclick={make_link}>{ "Share link" }</button>
                <button type="button" onclick={reset}>{ "Reset" }</button>
            </div>
            if let Some(link) = (*share).clone() {
                <div class="share">
                    <label>{ "Link to this question with your code (copied if the browser allowed it):" }
                        <input type="text" readonly=true value={link} onfocus={Callback::from(|e: FocusEvent| {
                            use wasm_bindgen::JsCast;
                            if let Some(i) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { i.select(); }
                        })} />
                    </label>
                    <p class="muted">{ "The code travels inside the link itself; nothing is uploaded." }</p>
                </div>
            }
            <Editor
                doc={AttrValue::from(state.draft(&id))}
                label={AttrValue::from(format!("Python code for {}", c.title))}
                on_change={on_change}
                on_run={on_run}
                on_submit={on_submit}
                goto={goto.0}
                goto_line={goto.1}
                problems={problems}
            />
            <p class="run-status" role="status" aria-live="polite">
                { progress.unwrap_or_default() }
                if accepted { <strong class="success">{ " Solved! The explanation is open on the left." }</strong> }
            </p>
            if let Some(report) = report {
                <Results report={report.clone()} on_goto={on_goto.clone()} />
                <Console report={report} />
            }
            <TryIt state={state.clone()} id={props.id.clone()} on_action={props.on_action.clone()}
                on_input={props.on_input.clone()} on_goto={on_goto} />
        </section>
    }
}
