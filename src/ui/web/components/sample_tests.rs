//! The sample tests, shown under the prompt: what Run will check.

use crate::web::props::Static;
use pyprep_core::challenge::{CallOutcome, Challenge, TestKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SampleTestsProps {
    pub challenge: Static<Challenge>,
}

#[component]
pub fn SampleTests(props: &SampleTestsProps) -> Html {
    let c = props.challenge.0;
    let samples: Vec<Html> = c
        .tests
        .iter()
        .filter(|t| t.sample)
        .filter_map(|t| {
            let files = (!t.files.is_empty()).then(|| {
                html! {
                    <div class="files">
                        { for t.files.iter().map(|(name, content)| html! {
                            <><span class="label">{ format!("{name}:") }</span><pre>{ content }</pre></>
                        }) }
                    </div>
                }
            });
            let body = match &t.kind {
                TestKind::Call { text, outcome, .. } => {
                    let expected = match outcome {
                        CallOutcome::Returns { expected, .. } => html! { <><span class="arrow">{ " → " }</span><code>{ expected }</code></> },
                        CallOutcome::Raises { exception } => html! { <><span class="arrow">{ " raises " }</span><code>{ exception }</code></> },
                        CallOutcome::Check(check) => html! { <span class="muted">{ format!(" → {}", check.describe()) }</span> },
                    };
                    html! { <p><code>{ text }</code>{ expected }</p> }
                }
                TestKind::Program { stdin, stdout } => html! {
                    <div class="io">
                        if !stdin.is_empty() { <span class="label">{ "Input:" }</span><pre>{ stdin }</pre> }
                        if let Some(out) = stdout { <span class="label">{ "Output:" }</span><pre>{ out }</pre> }
                    </div>
                },
                _ => return None,
            };
            Some(html! { <li>{ for files }{ body }</li> })
        })
        .collect();
    if samples.is_empty() {
        return html! {};
    }
    html! {
        <section class="samples" aria-labelledby="samples-title">
            <h2 id="samples-title">{ "Examples" }</h2>
            <ul>{ for samples }</ul>
        </section>
    }
}
