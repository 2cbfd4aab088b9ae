//! A mock interview while it runs: the countdown, the questions in order
//! with Previous and Next, hints (each use noted), and each question's place
//! to answer. Code questions reuse the challenge workspace; explanations,
//! advice and solutions stay hidden until the summary.

use super::clock::Clock;
use super::code_workspace::CodeWorkspace;
use super::hints::hint_list;
use super::markdown::rendered;
use super::quiz_workspace::QuizWorkspace;
use super::sample_tests::SampleTests;
use crate::state::interview::{InterviewAction, in_progress};
use crate::state::{Action, draft_in};
use crate::web::now_ms;
use crate::web::props::{RunView, Shared, Static};
use pyprep_core::catalog::Catalog;
use pyprep_core::challenge::{Challenge, Kind};
use pyprep_core::interview::Interview;
use pyprep_core::protocol::{Mode, RunId};
use pyprep_core::storage::Saved;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InterviewPageProps {
    pub catalog: Static<Catalog>,
    /// The interview in progress, and the drafts and answers of its questions.
    pub saved: Shared<Saved>,
    pub runs: RunView,
    pub on_action: Callback<Action>,
    /// Sends a typed line to a free run waiting in `input()`.
    pub on_input: Callback<(RunId, String)>,
}

fn step(
    on_action: &Callback<Action>,
    make: impl Fn(f64) -> InterviewAction + 'static,
) -> Callback<MouseEvent> {
    let on_action = on_action.clone();
    Callback::from(move |_: MouseEvent| on_action.emit(Action::Interview(make(now_ms()))))
}

#[component]
pub fn InterviewPage(props: &InterviewPageProps) -> Html {
    let confirming = use_state(|| false);
    // Runs are noted in the interview (with their time) before they start.
    let on_action = use_callback(props.on_action.clone(), |action: Action, inner| {
        if let Action::Start { id, mode } = &action {
            inner.emit(Action::Interview(InterviewAction::Ran {
                id: id.clone(),
                submit: *mode == Mode::Submit,
                at: now_ms(),
            }));
        }
        inner.emit(action);
    });
    let (catalog, saved) = (props.catalog.0, &*props.saved);
    let Some(interview) = in_progress(saved) else {
        return html! {};
    };
    let current = interview.current;
    let total = interview.questions.len();
    let Some(c) = interview
        .questions
        .get(current)
        .and_then(|q| catalog.get(&q.id))
    else {
        return html! {};
    };
    let go = |index: usize| {
        step(&props.on_action, move |at| InterviewAction::Go {
            index,
            at,
        })
    };
    let finish = step(&props.on_action, |at| InterviewAction::Finish { at });
    let ask_finish = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let keep_going = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let question_list = interview.questions.iter().enumerate().map(|(i, q)| {
        let title = catalog
            .get(&q.id)
            .map_or(q.id.as_str(), |c| c.title.as_str());
        let is_current = i == current;
        html! {
            <li>
                <button type="button" class={classes!("link", is_current.then_some("current"))}
                    aria-current={is_current.then_some("step")} onclick={go(i)}>
                    { format!("{}. {title}", i + 1) }
                </button>
            </li>
        }
    });
    html! {
        <main class="page interview" aria-labelledby="interview-title">
            <section class="interview-bar" aria-label="Interview">
                <h1 id="interview-title">{ "Mock interview" }</h1>
                <p class="time-left">{ "Time left " }<Clock label="Time left" until={Some(interview.ends_at)} /></p>
                <p>{ format!("Question {} of {total}", current + 1) }</p>
                <nav aria-label="Questions of this interview">
                    <ol class="interview-questions">{ for question_list }</ol>
                </nav>
                <div class="toolbar" role="toolbar" aria-label="Move through the interview">
                    <button type="button" disabled={current == 0} onclick={go(current.saturating_sub(1))}>{ "Previous question" }</button>
                    <button type="button" class="primary" disabled={current + 1 >= total} onclick={go(current + 1)}>{ "Next question" }</button>
                    <span class="spacer"></span>
                    <button type="button" onclick={ask_finish}>{ "Finish the interview" }</button>
                </div>
                if *confirming {
                    <div class="notice" role="alertdialog" aria-labelledby="finish-text">
                        <p id="finish-text">{ "Finish now? Your answers are kept as they are, and the summary shows how it went." }</p>
                        <button type="button" class="primary" onclick={finish}>{ "Finish now" }</button>
                        <button type="button" onclick={keep_going}>{ "Keep going" }</button>
                    </div>
                }
            </section>
            <div class="columns" key={c.id.clone()}>
                <article class="prompt" aria-labelledby="question-title">
                    <h2 id="question-title">{ &c.title }</h2>
                    <p class="badges">
                        <span class="badge kind">{ c.kind.label() }</span>
                        <span class={classes!("badge", "difficulty", c.difficulty.label().to_lowercase())}>{ c.difficulty.label() }</span>
                    </p>
                    <blockquote class="asked"><p>{ format!("“{}”", c.question) }</p></blockquote>
                    // A concept card's text is its explanation: it waits for the summary.
                    if !matches!(c.kind, Kind::Concept) {
                        <div class="markdown">{ rendered(&c.prompt.html) }</div>
                    }
                    if c.kind.is_code() {
                        <SampleTests challenge={Static(c)} />
                    }
                    { hints(c, interview, &props.on_action) }
                    <p class="muted">{ "On this question: " }
                        <Clock label="Time on this question" base={interview.questions[current].time_ms} since={Some(interview.opened_at)} />
                    </p>
                </article>
                { workspace(c, saved, &props.runs, &on_action, &props.on_input) }
            </div>
        </main>
    }
}

/// The hints opened so far and a button for the next; each one is noted.
fn hints(c: &Challenge, interview: &Interview, on_action: &Callback<Action>) -> Html {
    if c.hints.is_empty() {
        return html! {};
    }
    let shown = interview.questions[interview.current].hints;
    let more = step(on_action, |at| InterviewAction::Hint { at });
    html! {
        <section class="hints" aria-labelledby="hints-title">
            <h3 id="hints-title">{ "Hints" }</h3>
            <p class="muted">{ format!("Hints used: {shown}. Each one is noted in the summary.") }</p>
            { hint_list(c, shown, more) }
        </section>
    }
}

fn workspace(
    c: &'static Challenge,
    saved: &Saved,
    runs: &RunView,
    on_action: &Callback<Action>,
    on_input: &Callback<(RunId, String)>,
) -> Html {
    match c.kind {
        Kind::Function | Kind::Program | Kind::Unittest => html! {
            <CodeWorkspace challenge={Static(c)} draft={AttrValue::from(draft_in(saved, c))} runs={runs.clone()}
                on_action={on_action.clone()} on_input={on_input.clone()} />
        },
        Kind::Quiz => html! {
            <QuizWorkspace id={AttrValue::from(c.id.clone())} draft={AttrValue::from(draft_in(saved, c))} runs={runs.clone()}
                on_action={on_action.clone()} reveal={false} />
        },
        Kind::Concept | Kind::Practice => {
            let text = saved
                .answers
                .get(&c.id)
                .map(|a| a.text.clone())
                .unwrap_or_default();
            let on_text = {
                let on_action = on_action.clone();
                let id = c.id.clone();
                super::on_text(Callback::from(move |text: String| {
                    on_action.emit(Action::SetAnswer {
                        id: id.clone(),
                        text,
                        at: now_ms(),
                    })
                }))
            };
            let (label, placeholder) = if c.kind == Kind::Practice {
                (
                    "Your answer (saved on this device only)",
                    "Draft what you would say, then say it out loud. One to two minutes is usually right.",
                )
            } else {
                (
                    "Your explanation (saved on this device only)",
                    "Explain it as you would to the interviewer.",
                )
            };
            html! {
                <section class="workspace practice" aria-label="Your answer">
                    <label for="answer">{ label }</label>
                    <textarea id="answer" rows="12" value={text} oninput={on_text} {placeholder} />
                    <p class="muted">{ "The self-review checklist and the advice come with the summary." }</p>
                </section>
            }
        }
    }
}
