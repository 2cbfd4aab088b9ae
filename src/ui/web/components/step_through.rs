//! The step-through of a failing test: one step at a time, with the line
//! marked in the editor (by the workspace, from `position`), the local
//! variables, the call stack and what was printed so far.

use crate::state::ActiveRun;
use crate::web::props::Shared;
use pyprep_core::protocol::Stream;
use pyprep_core::trace::{MAX_STEPS, Step, StepKind, Trace};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepThroughProps {
    /// A finished step-through: its one test's trace is shown, with the
    /// test's call in the heading and its standard output (steps say how
    /// much of it was printed).
    pub run: Shared<ActiveRun>,
    pub position: usize,
    pub on_move: Callback<usize>,
    pub on_close: Callback<()>,
}

fn describe(step: &Step) -> String {
    let function = step
        .stack
        .last()
        .map_or("your code", |f| f.function.as_str());
    match step.kind {
        StepKind::Call => format!("{function} is called"),
        StepKind::Line => format!("{function} runs this line next"),
        StepKind::Return => format!("{function} returns"),
        StepKind::Exception => format!(
            "{function} raises {}",
            step.value.as_deref().unwrap_or("an exception")
        ),
    }
}

/// The first `bytes` of `text`, cut at a character boundary.
fn printed_part(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[component]
pub fn StepThrough(props: &StepThroughProps) -> Html {
    let Some(test) = props.run.tracker.report().tests.first() else {
        return html! {};
    };
    let no_trace = Trace::default();
    let trace = test.trace.as_ref().unwrap_or(&no_trace);
    let output: String = test
        .output
        .iter()
        .filter(|c| c.stream == Stream::Stdout)
        .map(|c| c.text.as_str())
        .collect();
    let steps = &trace.steps;
    if steps.is_empty() {
        return html! {
            <section class="step-through" aria-label="Step through">
                <p>{ "No line of your code ran in this test." }</p>
            </section>
        };
    }
    let last = steps.len() - 1;
    let at = props.position.min(last);
    let step = &steps[at];
    let go = |to: usize| {
        let on_move = props.on_move.clone();
        Callback::from(move |_: MouseEvent| on_move.emit(to))
    };
    let on_slide = {
        let on_move = props.on_move.clone();
        Callback::from(move |e: InputEvent| {
            use wasm_bindgen::JsCast;
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                && let Ok(to) = input.value().parse::<usize>()
            {
                on_move.emit(to.saturating_sub(1));
            }
        })
    };
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    let status = format!(
        "Step {} of {}: line {}, {}",
        at + 1,
        steps.len(),
        step.line,
        describe(step)
    );
    html! {
        <section class="step-through" aria-labelledby="step-title">
            <div class="step-head">
                <h2 id="step-title">{ "Step through " }<code>{ test.input.clone() }</code></h2>
                <button type="button" onclick={on_close}>{ "Close" }</button>
            </div>
            <div class="step-controls" role="group" aria-label="Move through the steps">
                <button type="button" onclick={go(0)} disabled={at == 0} aria-label="First step">{ "First" }</button>
                <button type="button" onclick={go(at.saturating_sub(1))} disabled={at == 0}>{ "Back" }</button>
                <input type="range" min="1" max={(last + 1).to_string()} value={(at + 1).to_string()}
                    aria-label="Step" aria-valuetext={status.clone()} oninput={on_slide} />
                <button type="button" onclick={go((at + 1).min(last))} disabled={at == last}>{ "Forward" }</button>
                <button type="button" onclick={go(last)} disabled={at == last} aria-label="Last step">{ "Last" }</button>
            </div>
            <p class="step-status" role="status" aria-live="polite">{ status }</p>
            if trace.truncated {
                <p class="muted">{ format!("Only the first {MAX_STEPS} steps were recorded; the code ran on after them.") }</p>
            }
            <div class="step-panes">
                <div>
                    <h3>{ "Local variables" }</h3>
                    if step.locals.is_empty() {
                        <p class="muted">{ "None yet." }</p>
                    } else {
                        <table class="locals" aria-label="Local variables">
                            <thead><tr><th scope="col">{ "name" }</th><th scope="col">{ "value" }</th></tr></thead>
                            <tbody>
                                { for step.locals.iter().map(|(name, value)| {
                                    let next = trace.next_change(at + 1, name);
                                    let jump = next.map(|to| {
                                        let on_move = props.on_move.clone();
                                        Callback::from(move |_: MouseEvent| on_move.emit(to))
                                    });
                                    html! {
                                        <tr>
                                            <th scope="row">
                                                if let Some(jump) = jump {
                                                    <button type="button" class="link" onclick={jump}
                                                        title={format!("Go to the next step where {name} changes")}
                                                        aria-label={format!("{name}: go to where it changes next")}>{ name }</button>
                                                } else { { name } }
                                            </th>
                                            <td><code>{ value }</code></td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    }
                </div>
                <div>
                    <h3>{ "Call stack" }</h3>
                    <ol class="call-stack" aria-label="Call stack">
                        { for step.stack.iter().map(|f| html! { <li><code>{ &f.function }</code>{ format!(", line {}", f.line) }</li> }) }
                    </ol>
                    <h3>{ "Printed so far" }</h3>
                    <pre class="printed" aria-label="Printed so far">{ printed_part(&output, step.printed) }</pre>
                </div>
            </div>
        </section>
    }
}
