//! The verdict of each test, in words, with what was expected and what came back.

use crate::difference::{Span, first_difference, split};
use crate::state::ActiveRun;
use crate::web::props::Shared;
use pyprep_core::growth::{Comparison, Growth};
use pyprep_core::report::{Outcome, TestVerdict};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The run whose report is shown.
    pub run: Shared<ActiveRun>,
    /// Moves the editor to a line of the candidate's code.
    pub on_goto: Callback<u32>,
    /// Steps through a failed test (its index), when the question allows it.
    #[prop_or_default]
    pub on_step: Option<Callback<usize>>,
}

fn line_button(on_goto: &Callback<u32>, line: u32) -> Html {
    let cb = on_goto.clone();
    html! { <button type="button" class="link" onclick={Callback::from(move |_: MouseEvent| cb.emit(line))}>{ format!("line {line}") }</button> }
}

#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let r = props.run.tracker.report();
    let class = match r.outcome {
        Outcome::Running => "running",
        o if o.is_success() => "success",
        _ => "failure",
    };
    let details = if let Some(e) = &r.syntax_error {
        let caret = format!("{}^", " ".repeat(e.column.saturating_sub(1) as usize));
        html! {
            <div class="detail">
                <p>{ "Python could not read your code: " }{ line_button(&props.on_goto, e.line) }{ format!(", column {}: {}", e.column, e.message) }</p>
                <pre class="code-line">{ &e.text }{ "\n" }{ caret }</pre>
            </div>
        }
    } else if !r.rule_violations.is_empty() {
        html! {
            <ul class="detail rules">
                { for r.rule_violations.iter().map(|v| html! { <li>{ line_button(&props.on_goto, v.line) }{ ": " }{ &v.message }</li> }) }
            </ul>
        }
    } else if let Some(e) = &r.internal_error {
        html! { <p class="detail">{ format!("Something went wrong in the checker itself, not in your code: {e}. Your draft is safe; try again.") }</p> }
    } else {
        html! {}
    };
    html! {
        <section class="results" aria-labelledby="results-title">
            <h2 id="results-title">{ "Results" }</h2>
            <p class={classes!("outcome", class)} role="status">{ r.headline() }</p>
            { details }
            if let Some(g) = &r.growth { { growth(g) } }
            if !r.tests.is_empty() {
                <ol class="tests" aria-label="Tests">
                    { for r.tests.iter().map(|t| {
                        let state = match &t.verdict {
                            TestVerdict::Passed => "passed",
                            TestVerdict::Pending | TestVerdict::NotRun => "waiting",
                            TestVerdict::Running => "running",
                            _ => "failed",
                        };
                        html! {
                            <li class={classes!("test", state)}>
                                <div class="test-head">
                                    <span class="verdict">{ t.verdict.title() }</span>
                                    <span class="name">{ &t.name }{ if t.sample { "" } else { " (hidden)" } }</span>
                                    <code class="input">{ &t.input }</code>
                                    if let Some(ms) = t.time_ms { <span class="time muted">{ format!("{ms} ms") }</span> }
                                </div>
                                { verdict_detail(&t.verdict, &props.on_goto) }
                                if let Some(on_step) = props.on_step.as_ref().filter(|_| steppable(&t.verdict)) {
                                    <button type="button" class="step-button"
                                        aria-label={format!("Step through {}", t.name)}
                                        onclick={on_step.reform({ let i = t.index; move |_: MouseEvent| i })}>
                                        { "Step through" }
                                    </button>
                                }
                            </li>
                        }
                    }) }
                </ol>
            }
        </section>
    }
}

/// Whether a step-through could show where a test went wrong.
fn steppable(v: &TestVerdict) -> bool {
    matches!(
        v,
        TestVerdict::WrongAnswer { .. } | TestVerdict::RuntimeError { .. }
    )
}

/// How the accepted answer's work grows, with the counts it was fitted from.
fn growth(g: &Growth) -> Html {
    let class = match g.verdict() {
        Comparison::Slower => "growth slower",
        _ => "growth",
    };
    html! {
        <div class={class} role="note" aria-label="Growth">
            <p>{ g.summary() }</p>
            if !g.samples.is_empty() {
                <details>
                    <summary>{ "How it was measured" }</summary>
                    <p class="muted">{ "Python instructions your function executed on generated inputs (a count, the same on every machine; work inside built-in functions is not counted)." }</p>
                    <table class="growth-samples">
                        <thead><tr><th scope="col">{ "size n" }</th><th scope="col">{ "instructions" }</th></tr></thead>
                        <tbody>
                            { for g.samples.iter().map(|s| html! { <tr><td>{ s.n }</td><td>{ s.steps }</td></tr> }) }
                        </tbody>
                    </table>
                </details>
            }
        </div>
    }
}

/// What a verdict says beyond its title: the difference, the traceback, the limit.
pub fn verdict_detail(v: &TestVerdict, on_goto: &Callback<u32>) -> Html {
    match v {
        TestVerdict::WrongAnswer {
            message,
            expected,
            actual,
        } => {
            // The first differing item or word, marked on both sides.
            let spans = match (expected, actual) {
                (Some(e), Some(a)) => first_difference(e, a),
                _ => None,
            };
            let shown = |text: &str, span: Option<Span>| match span {
                Some(span) => {
                    let (before, mark, after) = split(text, span);
                    html! { <pre>{ before }<mark class="difference">{ mark }</mark>{ after }</pre> }
                }
                None => html! { <pre>{ text }</pre> },
            };
            html! {
                <div class="detail">
                    <p>{ message }</p>
                    <dl>
                        if let Some(e) = expected { <dt>{ "Expected" }</dt><dd>{ shown(e, spans.map(|s| s.0)) }</dd> }
                        if let Some(a) = actual { <dt>{ "Got" }</dt><dd>{ shown(a, spans.map(|s| s.1)) }</dd> }
                    </dl>
                </div>
            }
        }
        TestVerdict::RuntimeError { error } => html! {
            <div class="detail">
                <p><strong>{ error.summary() }</strong></p>
                if !error.frames.is_empty() {
                    <ol class="traceback" aria-label="Where it happened, innermost last">
                        { for error.frames.iter().map(|f| html! {
                            <li>
                                { line_button(on_goto, f.line) }{ format!(", in {}: ", f.function) }<code>{ &f.source }</code>
                                if f.repeated > 0 { <span class="muted">{ format!(" (repeated {} more times)", f.repeated) }</span> }
                            </li>
                        }) }
                    </ol>
                }
            </div>
        },
        TestVerdict::TimeLimit { limit_ms } => html! {
            <p class="detail">{ format!("Stopped after {:.1} s. Look for a loop that never ends, or an approach too slow for this input.", *limit_ms as f64 / 1000.0) }</p>
        },
        TestVerdict::OutputLimit { limit_bytes } => html! {
            <p class="detail">{ format!("Printed more than {} KiB.", limit_bytes / 1024) }</p>
        },
        TestVerdict::MemoryLimit { limit_bytes } => html! {
            <p class="detail">{ format!("Needed more than {} MiB of memory.", limit_bytes >> 20) }</p>
        },
        TestVerdict::Exited { code, how } => html! {
            <p class="detail">{ format!("Your code called {how} with status {code}, ending the program before the test could finish.") }</p>
        },
        TestVerdict::Crashed { message } => {
            html! { <p class="detail">{ format!("The run stopped: {message}.") }</p> }
        }
        _ => html! {},
    }
}
