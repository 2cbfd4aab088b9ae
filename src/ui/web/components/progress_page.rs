//! The progress page: solved, attempted and untouched questions by section,
//! difficulty and topic; days practised, the streak and time spent; past mock
//! interviews; and a suggestion of what to do next. All from local records
//! (`pyprep_core::progress`).

use super::interview_summary::when;
use crate::web::now_ms;
use crate::web::props::{Shared, Static};
use pyprep_core::catalog::Catalog;
use pyprep_core::progress::{self, StatusCounts, duration_label};
use pyprep_core::storage::Saved;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgressPageProps {
    pub catalog: Static<Catalog>,
    pub saved: Shared<Saved>,
}

fn table(caption: &str, first: &str, rows: Vec<(String, StatusCounts)>) -> Html {
    html! {
        <table class="tally">
            <caption>{ caption }</caption>
            <thead>
                <tr>
                    <th scope="col">{ first }</th>
                    <th scope="col">{ "Done" }</th>
                    <th scope="col">{ "Attempted" }</th>
                    <th scope="col">{ "Untouched" }</th>
                </tr>
            </thead>
            <tbody>
                { for rows.into_iter().map(|(name, t)| html! {
                    <tr>
                        <th scope="row">{ name }</th>
                        <td>{ format!("{} of {}", t.done, t.total()) }</td>
                        <td>{ t.attempted }</td>
                        <td>{ t.untouched }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

fn days(n: u32) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

#[component]
pub fn ProgressPage(props: &ProgressPageProps) -> Html {
    let (catalog, saved) = (props.catalog.0, &*props.saved);
    let now = now_ms();
    let tz = js_sys::Date::new_0().get_timezone_offset();
    let overview = progress::overview(catalog, saved);
    let practised = progress::practice_days(saved, tz);
    let streak = progress::streak(&practised, progress::day_of(now, tz));
    let interview_ms: f64 = saved.interviews.values().map(|i| i.elapsed(now)).sum();
    let suggestion = progress::suggestion(catalog, saved);
    let mut interviews: Vec<_> = saved.interviews.values().collect();
    interviews.sort_by(|a, b| b.started_at.total_cmp(&a.started_at));
    let all = overview.all;
    html! {
        <main class="page narrow progress-page" aria-labelledby="progress-title">
            <h1 id="progress-title">{ "Your progress" }</h1>
            <p class="muted">{ "Counted from what is saved on this device (Export keeps a copy)." }</p>
            <section aria-labelledby="overview-title">
                <h2 id="overview-title">{ "Overview" }</h2>
                <dl class="facts">
                    <dt>{ "Done" }</dt><dd>{ format!("{} of {}", all.done, all.total()) }</dd>
                    <dt>{ "Attempted" }</dt><dd>{ all.attempted }</dd>
                    <dt>{ "Untouched" }</dt><dd>{ all.untouched }</dd>
                    <dt>{ "Current streak" }</dt><dd>{ days(streak) }</dd>
                    <dt>{ "Days practised" }</dt><dd>{ days(practised.len() as u32) }</dd>
                    <dt>{ "Time practised" }</dt><dd>{ duration_label(saved.activity.total_ms()) }</dd>
                    <dt>{ "In mock interviews" }</dt><dd>{ duration_label(interview_ms) }</dd>
                </dl>
                <p class="muted">{ "Time practised counts the time between your edits, answers and runs; pauses over five minutes are left out." }</p>
            </section>
            <section aria-labelledby="next-title">
                <h2 id="next-title">{ "What to do next" }</h2>
                if let Some(s) = suggestion {
                    <p>
                        { "Try " }<a href={format!("#/q/{}", s.challenge.id)}>{ &s.challenge.title }</a>
                        { format!(": “{}” is your weakest topic ({} of {} done).", s.topic, s.tally.done, s.tally.total()) }
                    </p>
                } else {
                    <p>{ "Every coding question and concept card is done. Try a mock interview." }</p>
                }
            </section>
            <section aria-labelledby="tables-title">
                <h2 id="tables-title">{ "Questions" }</h2>
                { table("By kind", "Kind", overview.by_section.into_iter().map(|(s, t)| (s.label().to_owned(), t)).collect()) }
                { table("By difficulty", "Difficulty", overview.by_difficulty.into_iter().map(|(d, t)| (d.label().to_owned(), t)).collect()) }
                { table("By topic", "Topic", overview.by_topic.into_iter().collect()) }
            </section>
            <section aria-labelledby="interviews-title">
                <h2 id="interviews-title">{ "Mock interviews" }</h2>
                if interviews.is_empty() {
                    <p>{ "None yet." }</p>
                } else {
                    <ul class="interview-list" aria-label="Past interviews">
                        { for interviews.iter().map(|i| {
                            let judged = i.questions.iter().filter(|q| catalog.get(&q.id).is_some_and(|c| c.kind.is_judged())).count();
                            let state = if i.is_finished() {
                                format!("{} of {judged} accepted", i.accepted())
                            } else {
                                "in progress".to_owned()
                            };
                            html! {
                                <li>
                                    <a href={format!("#/interview/{}", i.id())}>{ when(i.started_at) }</a>
                                    { format!(" · {} · {state}", i.plan.describe()) }
                                </li>
                            }
                        }) }
                    </ul>
                }
                <p><a class="button" href="#/interview">{ "Start a mock interview" }</a></p>
            </section>
        </main>
    }
}
