//! A clock that ticks once a second: a countdown to a deadline, or the time
//! spent so far. It only displays; what it shows is computed from saved
//! timestamps, so a reload or a sleeping tab never loses time.

use crate::web::now_ms;
use gloo_timers::callback::Interval;
use pyprep_core::progress::clock_label;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClockProps {
    /// The accessible name, e.g. "Time left".
    pub label: AttrValue,
    /// Counts down to this time (ms since the epoch).
    #[prop_or_default]
    pub until: Option<f64>,
    /// Otherwise counts up: `base` ms, plus the time since `since` when set.
    #[prop_or_default]
    pub base: f64,
    #[prop_or_default]
    pub since: Option<f64>,
    #[prop_or_default]
    pub class: Classes,
}

#[component]
pub fn Clock(props: &ClockProps) -> Html {
    let now = use_state(now_ms);
    {
        let now = now.clone();
        use_effect_with((), move |_| {
            let tick = Interval::new(1000, move || now.set(now_ms()));
            move || drop(tick)
        });
    }
    let ms = match props.until {
        Some(until) => until - *now,
        None => props.base + props.since.map_or(0.0, |s| (*now - s).max(0.0)),
    };
    let low = props.until.is_some() && ms < 5.0 * 60_000.0;
    html! {
        <span class={classes!("clock", low.then_some("low"), props.class.clone())} role="timer" aria-label={props.label.clone()}>
            { clock_label(ms) }
        </span>
    }
}
