//! Answering with code: the editor, Run and Submit, the console and the results.

use super::console::Console;
use super::editor::{Editor, GoTo, problems_of};
use super::keys_help::KeysHelp;
use super::results::Results;
use super::share_link;
use super::step_through::StepThrough;
use super::try_it::TryIt;
use crate::route::Route;
use crate::state::{Action, JudgeStatus};
use crate::web::hooks::use_syntax_check;
use crate::web::now_ms;
use crate::web::props::{RunView, Static};
use pyprep_core::challenge::Challenge;
use pyprep_core::protocol::{Mode, RunId};
use pyprep_core::report::{Outcome, TestVerdict};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CodeWorkspaceProps {
    pub challenge: Static<Challenge>,
    /// The code in the editor.
    pub draft: AttrValue,
    pub runs: RunView,
    pub on_action: Callback<Action>,
    /// Sends a typed line to a free run waiting in `input()`.
    pub on_input: Callback<(RunId, String)>,
}

/// What the run button area says while a run is on.
pub fn progress_text(runs: &RunView, id: &str) -> Option<String> {
    let run = runs.of_challenge(id).filter(|r| r.request.play.is_none())?;
    if run.tracker.is_finished() {
        return None;
    }
    if !run.posted {
        return Some(match runs.judge {
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
    let c = props.challenge.0;
    let runs = &props.runs;
    let id = c.id.clone();
    let goto = use_reducer(GoTo::default);
    let step_at = use_state(|| 0usize);
    let step_closed = use_state(|| false);
    let share = use_state(|| None::<String>);
    let draft = props.draft.as_str();
    let syntax = use_syntax_check(draft);

    // Made once per question, so that the editor and the results need not re-render for them.
    let deps = (props.on_action.clone(), id.clone());
    let on_run = use_callback(deps.clone(), |_: (), (on_action, id)| {
        on_action.emit(Action::Start {
            id: id.clone(),
            mode: Mode::Run,
        })
    });
    let on_submit = use_callback(deps.clone(), |_: (), (on_action, id)| {
        on_action.emit(Action::Start {
            id: id.clone(),
            mode: Mode::Submit,
        })
    });
    let on_change = use_callback(deps.clone(), |code: String, (on_action, id)| {
        on_action.emit(Action::Edit {
            id: id.clone(),
            code,
            at: now_ms(),
        })
    });
    let on_step = use_callback(deps, |index: usize, (on_action, id)| {
        on_action.emit(Action::StepThrough {
            id: id.clone(),
            index,
        })
    });
    let on_goto = goto.dispatcher().to_callback();
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
            shared_code: Some(draft.to_owned()),
        },
        {
            let share = share.clone();
            Callback::from(move |link: String| share.set(Some(link)))
        },
    );

    // Judged runs only: free runs show in "Try it yourself".
    let run = runs.of_challenge(&id).filter(|r| r.request.play.is_none());
    let busy = runs.busy();
    let progress = progress_text(runs, &id);
    let accepted = run.is_some_and(|r| r.tracker.report().outcome == Outcome::Accepted);
    let problems = problems_of(
        syntax.as_ref(),
        run.map(|r| (r.request.code.as_str(), r.tracker.report())),
        draft,
    );
    // A finished step-through of this very code, shown instead of the results.
    let stepping = run
        .filter(|r| r.request.step_through.is_some() && r.tracker.is_finished())
        .filter(|r| r.request.code == draft)
        .filter(|r| {
            r.tracker
                .report()
                .tests
                .first()
                .is_some_and(|t| t.trace.is_some() && !*step_closed)
        });
    {
        let (step_at, step_closed) = (step_at.clone(), step_closed.clone());
        use_effect_with(run.map(|r| r.id), move |_| {
            step_at.set(0);
            step_closed.set(false);
        });
    }
    let step_line = stepping
        .and_then(|r| r.tracker.report().tests.first())
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
                doc={props.draft.clone()}
                label={AttrValue::from(format!("Python code for {}", c.title))}
                on_change={on_change}
                on_run={on_run}
                on_submit={on_submit}
                goto={goto.times}
                goto_line={goto.line}
                problems={problems}
                step_line={step_line}
            />
            <p class="run-status" role="status" aria-live="polite">
                { progress.unwrap_or_default() }
                if accepted { <strong class="success">{ " Solved! The explanation is open on the left." }</strong> }
            </p>
            if let Some(run) = stepping {
                <StepThrough
                    run={run.clone()}
                    position={*step_at}
                    on_move={{ let s = step_at.clone(); Callback::from(move |to: usize| s.set(to)) }}
                    on_close={{ let c = step_closed.clone(); Callback::from(move |_| c.set(true)) }}
                />
            }
            if let Some(run) = run {
                <Results run={run.clone()} on_goto={on_goto.clone()} on_step={Some(on_step)} />
                <Console run={run.clone()} />
            }
            <TryIt challenge={props.challenge} draft={props.draft.clone()} runs={runs.clone()} on_action={props.on_action.clone()}
                on_input={props.on_input.clone()} on_goto={on_goto} />
        </section>
    }
}
