//! Answering with code: the editor, Run and Submit, the console and the results.

use super::console::Console;
use super::editor::{Editor, problems_of};
use super::keys_help::KeysHelp;
use super::results::Results;
use super::share_link;
use super::step_through::StepThrough;
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
    let step_at = use_state(|| 0usize);
    let step_closed = use_state(|| false);
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
    let on_step = {
        let on_action = props.on_action.clone();
        let id = id.clone();
        Callback::from(move |index: usize| {
            on_action.emit(Action::StepThrough {
                id: id.clone(),
                index,
            })
        })
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
    // A finished step-through of this very code, shown instead of the results.
    let stepping = run
        .filter(|r| r.request.step_through.is_some() && r.tracker.is_finished())
        .filter(|r| r.request.code == draft)
        .and_then(|r| r.tracker.report().tests.first())
        .filter(|t| t.trace.is_some() && !*step_closed)
        .cloned();
    {
        let (step_at, step_closed) = (step_at.clone(), step_closed.clone());
        use_effect_with(run.map(|r| r.id), move |_| {
            step_at.set(0);
            step_closed.set(false);
        });
    }
    let step_line = stepping
        .as_ref()
        .and_then(|t| t.trace.as_ref())
        .and_then(|trace| {
            trace
                .steps
                .get((*step_at).min(trace.steps.len().saturating_sub(1)))
        })
        .map_or(0, |s| s.line);
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
                step_line={step_line}
            />
            <p class="run-status" role="status" aria-live="polite">
                { progress.unwrap_or_default() }
                if accepted { <strong class="success">{ " Solved! The explanation is open on the left." }</strong> }
            </p>
            if let Some(test) = stepping {
                <StepThrough
                    trace={test.trace.clone().unwrap_or_default()}
                    test={AttrValue::from(test.input.clone())}
                    output={AttrValue::from(test.output.iter().filter(|c| c.stream == crate::protocol::Stream::Stdout).map(|c| c.text.as_str()).collect::<String>())}
                    position={*step_at}
                    on_move={{ let s = step_at.clone(); Callback::from(move |to: usize| s.set(to)) }}
                    on_close={{ let c = step_closed.clone(); Callback::from(move |_| c.set(true)) }}
                />
            }
            if let Some(report) = report {
                <Results report={report.clone()} on_goto={on_goto.clone()} on_step={Some(on_step)} />
                <Console report={report} />
            }
            <TryIt state={state.clone()} id={props.id.clone()} on_action={props.on_action.clone()}
                on_input={props.on_input.clone()} on_goto={on_goto} />
        </section>
    }
}
