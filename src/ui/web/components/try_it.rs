//! Trying an answer with your own input: a call of your function with your
//! own arguments (function questions), or your own stdin and files (program
//! questions). Same sandbox and limits as Run, never judged or counted.

use super::live_console::LiveConsole;
use super::on_text;
use super::playground_page::WorkFilesEditor;
use crate::state::Action;
use crate::web::props::{RunView, Static};
use pyprep_core::challenge::{Challenge, Kind, TestKind};
use pyprep_core::protocol::{Play, RunId};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TryItProps {
    pub challenge: Static<Challenge>,
    /// The code that runs.
    pub draft: AttrValue,
    pub runs: RunView,
    pub on_action: Callback<Action>,
    pub on_input: Callback<(RunId, String)>,
    pub on_goto: Callback<u32>,
}

#[component]
pub fn TryIt(props: &TryItProps) -> Html {
    let c = props.challenge.0;
    let runs = &props.runs;
    let call = use_state(|| None::<String>);
    let stdin = use_state(String::new);
    // Starts with the files of the question's first example, to edit.
    let files = {
        let first = c
            .tests
            .iter()
            .find(|t| t.sample)
            .map(|t| t.files.clone().into_iter().collect::<Vec<_>>())
            .unwrap_or_default();
        use_state(move || first)
    };
    if !matches!(c.kind, Kind::Function | Kind::Program) {
        return html! {};
    }
    // The first sample call shows what a call looks like.
    let example = c
        .tests
        .iter()
        .find_map(|t| match &t.kind {
            TestKind::Call { text, .. } => Some(text.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let typed_call = (*call).clone().unwrap_or_else(|| example.clone());
    let busy = runs.busy();
    let run = runs
        .of_challenge(&c.id)
        .filter(|r| r.request.play.is_some());
    let start = {
        let on_action = props.on_action.clone();
        let id = c.id.clone();
        let code = props.draft.to_string();
        let function = c.kind == Kind::Function;
        let (typed_call, stdin, files) = (typed_call.clone(), (*stdin).clone(), (*files).clone());
        let interactive = runs.interactive_input && !function;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_action.emit(Action::Play {
                challenge: id.clone(),
                code: code.clone(),
                play: Play {
                    stdin: stdin.clone(),
                    interactive,
                    files: if function { vec![] } else { files.clone() },
                    call: function.then(|| typed_call.clone()),
                },
            })
        })
    };
    let on_call = {
        let call = call.clone();
        on_text(Callback::from(move |text: String| call.set(Some(text))))
    };
    html! {
        <section class="try-it" aria-labelledby="try-it-title">
            <h2 id="try-it-title">{ "Try it yourself" }</h2>
            if c.kind == Kind::Program {
                // Outside the form below: it has a form of its own, to add a file.
                <WorkFilesEditor files={(*files).clone()}
                    on_change={{ let f = files.clone(); Callback::from(move |v: Vec<(String, String)>| f.set(v)) }} />
            }
            <form onsubmit={start}>
                if c.kind == Kind::Function {
                    <label for="try-call">{ "Your call" }</label>
                    <input id="try-call" type="text" spellcheck="false" autocomplete="off"
                        value={typed_call} oninput={on_call}
                        aria-describedby="try-call-help" />
                    <button type="submit" disabled={busy}>{ "Call" }</button>
                    <p id="try-call-help" class="muted">{ "Literal arguments, as in the examples; linked([1, 2]) and tree([...]) build nodes. Not counted as a Submit." }</p>
                } else {
                    <label class="block">{ "Your input (stdin)" }
                        <textarea rows="3" value={(*stdin).clone()}
                            oninput={on_text({ let s = stdin.clone(); Callback::from(move |t: String| s.set(t)) })} />
                    </label>
                    <button type="submit" disabled={busy}>{ "Run with this input" }</button>
                    <p class="muted">{ "Not counted as a Submit. When the input runs out, the console asks for more." }</p>
                }
            </form>
            if let Some(r) = run {
                <LiveConsole run={r.clone()} on_input={props.on_input.clone()} on_goto={props.on_goto.clone()} />
            }
        </section>
    }
}
