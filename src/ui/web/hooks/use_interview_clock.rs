//! Ends the mock interview in progress when its time is up, on whatever page
//! the candidate is: one timer set for the saved deadline (and fired at once
//! when the page loads after it).

use crate::state::interview::InterviewAction;
use crate::state::{Action, State};
use crate::web::now_ms;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

#[hook]
pub fn use_interview_clock(state: &UseReducerHandle<State>) {
    let deadline = state.interview_in_progress().map(|i| i.ends_at);
    let dispatch = state.dispatcher();
    // f64 is not Eq, so key the effect on the deadline's bits.
    use_effect_with(deadline.map(f64::to_bits), move |_| {
        let timer = deadline.map(|ends| {
            // A little late rather than early: the deadline must have passed.
            let wait = ((ends - now_ms()).max(0.0) + 50.0).min(2.0e9) as u32;
            Timeout::new(wait, move || {
                dispatch.dispatch(Action::Interview(InterviewAction::Finish {
                    at: now_ms().max(ends),
                }))
            })
        });
        move || drop(timer)
    });
}
