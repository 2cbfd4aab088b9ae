//! Choosing a mock interview: a preset or one's own length and mix, then
//! Start. While one is in progress this page only offers to resume it.

use pyprep_core::interview::{LENGTHS, MAX_PER_SECTION, Plan, Preset};
use pyprep_core::progress::Section;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InterviewSetupProps {
    /// The id of the interview in progress, if there is one.
    pub in_progress: Option<AttrValue>,
    /// Questions not solved yet, per section, in `Section::ALL` order.
    pub unsolved: [usize; 3],
    pub on_start: Callback<Plan>,
}

fn field_value(e: &Event) -> String {
    let Some(target) = e.target() else {
        return String::new();
    };
    if let Some(s) = target.dyn_ref::<HtmlSelectElement>() {
        s.value()
    } else if let Some(i) = target.dyn_ref::<HtmlInputElement>() {
        i.value()
    } else {
        String::new()
    }
}

/// A change handler that parses a number field and applies it to the plan.
fn set<E: AsRef<Event>>(plan: &UseStateHandle<Plan>, change: fn(&mut Plan, u32)) -> Callback<E> {
    let plan = plan.clone();
    Callback::from(move |e: E| {
        if let Ok(n) = field_value(e.as_ref()).trim().parse::<u32>() {
            let mut p = (*plan).clone();
            change(&mut p, n);
            plan.set(p);
        }
    })
}

#[component]
pub fn InterviewSetup(props: &InterviewSetupProps) -> Html {
    let plan = use_state(|| Preset::PhoneScreen.plan());
    if let Some(id) = &props.in_progress {
        return html! {
            <main class="page narrow interview-setup" aria-labelledby="setup-title">
                <h1 id="setup-title">{ "Mock interview" }</h1>
                <p>{ "You have an interview in progress; its clock is still running." }</p>
                <p><a class="button primary" href={format!("#/interview/{id}")}>{ "Resume the interview" }</a></p>
            </main>
        };
    }
    let choose = |preset: Option<Preset>| {
        let plan = plan.clone();
        Callback::from(move |_: Event| {
            plan.set(match preset {
                Some(p) => p.plan(),
                None => Plan {
                    preset: None,
                    ..(*plan).clone()
                },
            })
        })
    };
    let on_length: Callback<Event> = set(&plan, |p, n| p.minutes = n);
    let on_coding = set(&plan, |p, n| {
        p.coding = n.min(u32::from(MAX_PER_SECTION)) as u8
    });
    let on_concepts = set(&plan, |p, n| {
        p.concepts = n.min(u32::from(MAX_PER_SECTION)) as u8
    });
    let on_spoken = set(&plan, |p, n| {
        p.spoken = n.min(u32::from(MAX_PER_SECTION)) as u8
    });
    let start = {
        let plan = plan.clone();
        let on_start = props.on_start.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if plan.is_valid() {
                on_start.emit((*plan).clone());
            }
        })
    };
    let custom = plan.preset.is_none();
    let number = |label: &'static str, value: u8, oninput: Callback<InputEvent>| {
        html! {
            <label>{ label }
                <input type="number" min="0" max={MAX_PER_SECTION.to_string()} value={value.to_string()} {oninput} />
            </label>
        }
    };
    let unsolved = Section::ALL
        .iter()
        .zip(props.unsolved)
        .map(|(s, n)| format!("{} {}", n, s.label().to_lowercase()))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <main class="page narrow interview-setup" aria-labelledby="setup-title">
            <h1 id="setup-title">{ "Mock interview" }</h1>
            <p class="lead">
                { "A timed interview on questions you have not solved yet, none repeated from your last interviews. " }
                { "Hints are there if you need them (each one is noted); explanations wait until the end. " }
                { "Closing the page does not stop the clock: come back and carry on." }
            </p>
            <form class="setup" aria-label="Choose an interview" onsubmit={start}>
                <fieldset>
                    <legend>{ "Kind of interview" }</legend>
                    { for Preset::ALL.into_iter().map(|p| html! {
                        <label class="check">
                            <input type="radio" name="preset" checked={plan.preset == Some(p)} onchange={choose(Some(p))} />
                            { p.plan().describe() }
                        </label>
                    }) }
                    <label class="check">
                        <input type="radio" name="preset" checked={custom} onchange={choose(None)} />
                        { "Your own length and mix" }
                    </label>
                </fieldset>
                if custom {
                    <fieldset class="mix">
                        <legend>{ "Length and mix" }</legend>
                        <label>{ "Length" }
                            <select onchange={on_length}>
                                { for LENGTHS.iter().map(|m| html! { <option value={m.to_string()} selected={plan.minutes == *m}>{ format!("{m} minutes") }</option> }) }
                            </select>
                        </label>
                        { number("Coding questions", plan.coding, on_coding) }
                        { number("Concept cards", plan.concepts, on_concepts) }
                        { number("Spoken questions", plan.spoken, on_spoken) }
                    </fieldset>
                }
                <p class="muted">{ format!("Not solved yet: {unsolved}.") }</p>
                <button type="submit" class="primary" disabled={!plan.is_valid()}>
                    { format!("Start the interview ({} questions, {} minutes)", plan.total(), plan.minutes) }
                </button>
            </form>
        </main>
    }
}
