//! The console of a free run: what the code printed, as it printed it, a
//! line to type into when the code waits in `input()`, what a call
//! returned, the files the run left, and an error pointing at its line.

use super::results::verdict_detail;
use super::value_view::ValueView;
use super::{on_text, output_spans};
use crate::state::ActiveRun;
use crate::web::props::Shared;
use pyprep_core::protocol::RunId;
use pyprep_core::report::{OUTPUT_LIMIT_BYTES, Outcome};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LiveConsoleProps {
    /// The free run shown.
    pub run: Shared<ActiveRun>,
    /// Sends a typed line (with its newline; empty ends the input).
    pub on_input: Callback<(RunId, String)>,
    /// Moves the editor to a line of the code.
    pub on_goto: Callback<u32>,
}

#[component]
pub fn LiveConsole(props: &LiveConsoleProps) -> Html {
    let r = props.run.tracker.report();
    let typed = use_state(String::new);
    let input_ref = use_node_ref();
    let waiting = r.tests.first().is_some_and(|t| t.waiting_for_input);
    {
        // Put the cursor where the program waits.
        let input_ref = input_ref.clone();
        use_effect_with(waiting, move |waiting| {
            if *waiting && let Some(el) = input_ref.cast::<web_sys::HtmlInputElement>() {
                let _ = el.focus();
            }
        });
    }
    let send = {
        let typed = typed.clone();
        let on_input = props.on_input.clone();
        let run = props.run.id;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_input.emit((run, format!("{}\n", *typed)));
            typed.set(String::new());
        })
    };
    let end_input = {
        let on_input = props.on_input.clone();
        let run = props.run.id;
        Callback::from(move |_: MouseEvent| on_input.emit((run, String::new())))
    };
    let on_type = {
        let typed = typed.clone();
        on_text(Callback::from(move |text: String| typed.set(text)))
    };
    let Some(t) = r.tests.first() else {
        return html! {
            <section class="console-box" aria-label="Console">
                <p class="outcome failure" role="status">{ r.headline() }</p>
            </section>
        };
    };
    let class = match r.outcome {
        Outcome::Running => "running",
        o if o.is_success() => "success",
        _ => "failure",
    };
    html! {
        <section class="console-box live" aria-labelledby="live-console-title">
            <h2 id="live-console-title">{ "Console" }</h2>
            <p class={classes!("outcome", class)} role="status">
                { if r.outcome == Outcome::Running { "Running…".to_owned() } else { r.headline() } }
            </p>
            if let Some(e) = &r.syntax_error {
                <p class="detail">
                    { "Python could not read your code: " }
                    <button type="button" class="link" onclick={goto(&props.on_goto, e.line)}>{ format!("line {}", e.line) }</button>
                    { format!(", column {}: {}", e.column, e.message) }
                </p>
            }
            <pre class="console" tabindex="0" aria-label="Printed output" aria-live="polite">
                { output_spans(&t.output) }
            </pre>
            if t.output_cut {
                <p class="cut">{ format!("Output cut at {} KiB; the rest was not kept.", OUTPUT_LIMIT_BYTES / 1024) }</p>
            }
            if t.waiting_for_input {
                <form class="stdin-line" onsubmit={send}>
                    <label for="console-input">{ "Input" }</label>
                    <input id="console-input" type="text" autocomplete="off" spellcheck="false"
                        ref={input_ref} value={(*typed).clone()} oninput={on_type}
                        aria-describedby="console-input-help" />
                    <button type="submit">{ "Send" }</button>
                    <button type="button" onclick={end_input}>{ "End input" }</button>
                    <span id="console-input-help" class="muted">{ "Your program is waiting in input(): type a line and press Enter." }</span>
                </form>
            }
            if let Some(value) = &t.returned {
                <div class="returned">
                    <h3>{ "Returned" }</h3>
                    <ValueView value={value.clone()} />
                </div>
            }
            { verdict_detail(&t.verdict, &props.on_goto) }
            if !t.files.is_empty() {
                <div class="work-files">
                    <h3>{ "Files after the run" }</h3>
                    <ul aria-label="Files after the run">
                        { for t.files.iter().map(|f| html! {
                            <li>
                                <details>
                                    <summary>{ &f.name }<span class="muted">{ format!(" ({} bytes)", f.bytes) }</span></summary>
                                    <pre>{ &f.text }</pre>
                                    if f.cut { <p class="cut">{ "Only the start of this file is shown." }</p> }
                                </details>
                            </li>
                        }) }
                    </ul>
                </div>
            }
        </section>
    }
}

fn goto(on_goto: &Callback<u32>, line: u32) -> Callback<MouseEvent> {
    let cb = on_goto.clone();
    Callback::from(move |_: MouseEvent| cb.emit(line))
}
