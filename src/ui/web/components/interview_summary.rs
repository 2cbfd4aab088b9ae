//! A finished mock interview: each question's verdict, time spent, hints
//! used, the code submitted (with a replay of how it was written) or the
//! written answer with its self-review checklist, and links to the
//! explanations, which are open now.

use super::markdown::rendered;
use super::replay_view::ReplayView;
use crate::web::props::{Shared, Static};
use pyprep_core::catalog::Catalog;
use pyprep_core::challenge::Kind;
use pyprep_core::interview::InterviewQuestion;
use pyprep_core::progress::clock_label;
use pyprep_core::storage::Saved;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InterviewSummaryProps {
    /// The interview shown, one of `saved`'s.
    pub id: AttrValue,
    pub saved: Shared<Saved>,
    pub catalog: Static<Catalog>,
    /// Ticks or unticks `(question, item)` of a self-review checklist.
    pub on_toggle_check: Callback<(usize, usize)>,
}

/// A date and time in the browser's locale.
pub fn when(at: f64) -> String {
    String::from(js_sys::Date::new(&at.into()).to_locale_string("default", &js_sys::Object::new()))
}

fn verdict_text(kind: Kind, q: &InterviewQuestion) -> String {
    if !kind.is_judged() {
        return match &q.answer {
            Some(_) => "Answer written".into(),
            None => "No answer written".into(),
        };
    }
    match &q.verdict {
        Some(v) if v.submit => format!("Submitted: {}", v.headline),
        Some(v) => format!("Run only: {}", v.headline),
        None => "Not run".into(),
    }
}

#[component]
pub fn InterviewSummary(props: &InterviewSummaryProps) -> Html {
    let Some(i) = props.saved.interviews.get(props.id.as_str()) else {
        return html! {};
    };
    let ending = if i.time_up {
        "time ran out".to_owned()
    } else {
        format!("finished after {}", clock_label(i.elapsed(0.0)))
    };
    let question = |(n, q): (usize, &InterviewQuestion)| {
        let Some(c) = props.catalog.get(&q.id) else {
            return html! { <li>{ format!("A question no longer in the catalog ({})", q.id) }</li> };
        };
        let title_id = format!("summary-q{n}");
        let accepted = q.verdict.as_ref().is_some_and(|v| v.accepted && v.submit);
        let code = q
            .submitted
            .as_ref()
            .map(|code| ("Code submitted", code))
            .or_else(|| {
                q.final_code
                    .as_ref()
                    .filter(|code| !code.trim().is_empty())
                    .map(|code| ("Your code at the end (never submitted)", code))
            });
        let body = if c.kind.is_judged() {
            let heading = if c.kind == Kind::Quiz {
                code.map(|(h, text)| {
                    (
                        h.replace("Code", "Prediction")
                            .replace("code", "prediction"),
                        text,
                    )
                })
            } else {
                code.map(|(h, text)| (h.to_owned(), text))
            };
            html! {
                <>
                    if let Some((heading, text)) = heading {
                        <h3>{ heading.clone() }</h3>
                        <pre class="submitted" aria-label={format!("{heading} for {}", c.title)} tabindex="0">{ text }</pre>
                    }
                    if c.kind.is_code() && !q.replay.is_empty() {
                        <details class="replay-box">
                            <summary>{ format!("Replay how {} was written", c.title) }</summary>
                            <ReplayView replay={q.replay.clone()} title={AttrValue::from(c.title.clone())} />
                        </details>
                    }
                </>
            }
        } else {
            let checklist = c.practice.as_ref().map(|p| {
                html! {
                    <fieldset class="checklist">
                        <legend>{ "Check your answer" }</legend>
                        { for p.checklist.iter().enumerate().map(|(item, text)| {
                            let toggle = props.on_toggle_check.reform(move |_: Event| (n, item));
                            html! {
                                <label class="check">
                                    <input type="checkbox" checked={q.checked.contains(&item)} onchange={toggle} />
                                    { text }
                                </label>
                            }
                        }) }
                    </fieldset>
                }
            });
            html! {
                <>
                    <h3>{ "Your answer" }</h3>
                    <p class="written-answer">{ q.answer.clone().unwrap_or_else(|| "You wrote nothing here.".into()) }</p>
                    { for checklist }
                    if let Some(p) = &c.practice {
                        <details>
                            <summary>{ "How to answer" }</summary>
                            <div class="markdown">{ rendered(&p.advice.html) }</div>
                        </details>
                    }
                </>
            }
        };
        html! {
            <li>
                <section class={classes!("summary-question", accepted.then_some("accepted"))} aria-labelledby={title_id.clone()}>
                    <h2 id={title_id}>{ format!("{}. {}", n + 1, c.title) }</h2>
                    <dl class="facts">
                        <dt>{ "Verdict" }</dt><dd>{ verdict_text(c.kind, q) }</dd>
                        <dt>{ "Time spent" }</dt><dd>{ clock_label(i.time_on(n, 0.0)) }</dd>
                        <dt>{ "Hints used" }</dt><dd>{ q.hints.to_string() }</dd>
                    </dl>
                    { body }
                    <p><a href={format!("#/q/{}", c.id)}>{ format!("Open “{}” with its explanation", c.title) }</a></p>
                </section>
            </li>
        }
    };
    html! {
        <main class="page narrow interview-summary" aria-labelledby="summary-title">
            <nav class="crumbs" aria-label="Breadcrumb"><a href="#/progress">{ "Your progress" }</a></nav>
            <h1 id="summary-title">{ "Interview summary" }</h1>
            <p class="lead">
                { format!("{}. Started {}; {ending}. ", i.plan.describe(), when(i.started_at)) }
                <strong>{ format!("{} of {} accepted.", i.accepted(), i.questions.iter().filter(|q| props.catalog.get(&q.id).is_some_and(|c| c.kind.is_judged())).count()) }</strong>
            </p>
            <ol class="summary-list">{ for i.questions.iter().enumerate().map(question) }</ol>
            <p><a class="button" href="#/interview">{ "Start another interview" }</a></p>
        </main>
    }
}
