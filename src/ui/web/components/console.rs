//! What the candidate's code printed, test by test, as it was printed.

use super::output_spans;
use crate::state::ActiveRun;
use crate::web::props::Shared;
use pyprep_core::report::OUTPUT_LIMIT_BYTES;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    /// The run whose output is shown.
    pub run: Shared<ActiveRun>,
}

#[component]
pub fn Console(props: &ConsoleProps) -> Html {
    let printed: Vec<_> = props
        .run
        .tracker
        .report()
        .tests
        .iter()
        .filter(|t| !t.output.is_empty() || t.output_cut)
        .collect();
    html! {
        <section class="console-box" aria-labelledby="console-title">
            <h2 id="console-title">{ "Output" }</h2>
            if printed.is_empty() {
                <p class="muted">{ "Nothing printed." }</p>
            } else {
                <div class="console" tabindex="0" aria-label="Printed output">
                    { for printed.iter().map(|t| html! {
                        <div class="console-test">
                            <div class="console-head">{ format!("{}: {}", t.name, t.input) }</div>
                            <pre>
                                { output_spans(&t.output) }
                            </pre>
                            if t.output_cut {
                                <p class="cut">{ format!("Output cut at {} KiB; the rest was not kept.", OUTPUT_LIMIT_BYTES / 1024) }</p>
                            }
                        </div>
                    }) }
                </div>
            }
        </section>
    }
}
