//! Playing back how an answer was written during a mock interview, at 1x to
//! 16x, with each run listed at the moment it happened and marked once the
//! playback reaches it.

use gloo_timers::callback::Interval;
use pyprep_core::interview::replay::Replay;
use pyprep_core::progress::clock_label;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Playback speeds on offer.
const SPEEDS: [u32; 5] = [1, 2, 4, 8, 16];
/// How often the playback moves on, ms.
const FRAME_MS: u32 = 100;

#[derive(Properties, PartialEq)]
pub struct ReplayViewProps {
    pub replay: Replay,
    /// The question's title, for the controls' names.
    pub title: AttrValue,
}

#[component]
pub fn ReplayView(props: &ReplayViewProps) -> Html {
    let position = use_mut_ref(|| 0.0f64);
    let playing = use_state(|| false);
    let speed = use_state(|| 4u32);
    let redraw = use_force_update();
    let duration = props.replay.duration();
    {
        let (position, playing, redraw) = (position.clone(), playing.clone(), redraw.clone());
        use_effect_with((*playing, *speed), move |&(is_playing, speed)| {
            let tick = is_playing.then(|| {
                Interval::new(FRAME_MS, move || {
                    let mut at = position.borrow_mut();
                    *at = (*at + f64::from(FRAME_MS * speed)).min(duration);
                    if *at >= duration {
                        playing.set(false);
                    }
                    redraw.force_update();
                })
            });
            move || drop(tick)
        });
    }
    let at = *position.borrow();
    let toggle = {
        let (position, playing) = (position.clone(), playing.clone());
        Callback::from(move |_: MouseEvent| {
            if !*playing && *position.borrow() >= duration {
                *position.borrow_mut() = 0.0;
            }
            playing.set(!*playing);
        })
    };
    let on_speed = {
        let speed = speed.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .and_then(|s| s.value().parse().ok());
            if let Some(v) = value {
                speed.set(v);
            }
        })
    };
    let on_seek = {
        let (position, redraw) = (position.clone(), redraw.clone());
        Callback::from(move |e: InputEvent| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|i| i.value().parse::<f64>().ok());
            if let Some(v) = value {
                *position.borrow_mut() = v.clamp(0.0, duration);
                redraw.force_update();
            }
        })
    };
    let runs = props.replay.runs();
    let label = if *playing {
        "Pause"
    } else if at >= duration && at > 0.0 {
        "Play again"
    } else {
        "Play"
    };
    let place = format!("{} of {}", clock_label(at), clock_label(duration));
    html! {
        <section class="replay" aria-label={format!("Replay of {}", props.title)}>
            <div class="toolbar" role="toolbar" aria-label="Replay controls">
                <button type="button" class="primary" onclick={toggle}>{ label }</button>
                <label>{ "Speed " }
                    <select onchange={on_speed}>
                        { for SPEEDS.iter().map(|s| html! { <option value={s.to_string()} selected={*speed == *s}>{ format!("{s}x") }</option> }) }
                    </select>
                </label>
                <label class="seek">{ "Position " }
                    <input type="range" min="0" max={duration.to_string()} step={FRAME_MS.to_string()}
                        value={at.to_string()} aria-valuetext={place.clone()} oninput={on_seek} />
                </label>
                <span class="muted" aria-hidden="true">{ place }</span>
            </div>
            <pre class="replay-code" aria-label="Replayed code" tabindex="0">{ props.replay.code_at(at) }</pre>
            if runs.is_empty() {
                <p class="muted">{ "No runs." }</p>
            } else {
                <ol class="replay-runs" aria-label="Runs">
                    { for runs.iter().map(|r| {
                        let reached = r.at <= at;
                        let what = if r.submit { "Submit" } else { "Run" };
                        let outcome = r.outcome.clone().unwrap_or_else(|| "no verdict".into());
                        html! {
                            <li class={classes!(reached.then_some("reached"), r.accepted.then_some("success"))}>
                                { format!("{} {what}: {outcome}", clock_label(r.at)) }
                                if reached { <span class="visually-hidden">{ " (reached)" }</span> }
                            </li>
                        }
                    }) }
                </ol>
            }
            if props.replay.is_cut() {
                <p class="muted">{ "This recording reached its size limit; the changes after that appear at once at the end." }</p>
            }
            <p class="muted">{ "Pauses longer than five seconds are shortened." }</p>
        </section>
    }
}
