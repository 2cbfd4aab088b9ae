//! Tests of the replay recording: coalescing, bounds, exact playback and
//! the verdicts of runs.

use super::*;

/// Types `text` into `code` at its end, one character every `gap` ms.
fn type_out(r: &mut Replay, code: &mut String, text: &str, mut t: f64, gap: f64) -> f64 {
    for c in text.chars() {
        let old = code.clone();
        code.push(c);
        r.edit(t, &old, code);
        t += gap;
    }
    t
}

#[test]
fn typing_is_coalesced_and_plays_back_to_the_final_code() {
    let mut r = Replay::default();
    r.open("def f():\n    pass\n");
    let mut code = "def f():\n    pass\n".to_owned();
    let t = type_out(&mut r, &mut code, "print('héllo')\n", 1_000.0, 100.0);
    assert_eq!(r.events.len(), 1, "{:?}", r.events);
    r.run(t, false);
    assert!(r.ran("Sample tests passed (2/2 tests)", false));
    // A pause, then replace `pass` with `return 1` and delete backwards.
    let old = code.clone();
    code = code.replace("pass", "return 1");
    r.edit(t + 60_000.0, &old, &code);
    let old = code.clone();
    code.pop();
    code.pop();
    r.edit(t + 60_100.0, &old, &code);
    let old = code.clone();
    code.pop();
    r.edit(t + 60_200.0, &old, &code);
    assert_eq!(
        r.events.len(),
        4,
        "the two deletions are one: {:?}",
        r.events
    );
    assert_eq!(r.final_code(), code);
    assert_eq!(r.code_at(0.0), "def f():\n    pass\n");
    let runs = r.runs();
    assert_eq!(runs.len(), 1);
    assert_eq!(
        r.code_at(runs[0].at),
        "def f():\n    pass\nprint('héllo')\n",
        "the code the run saw"
    );
    assert!(
        r.duration() < 60_000.0,
        "the minute's pause is shortened: {}",
        r.duration()
    );
}

#[test]
fn edits_anywhere_replay_exactly() {
    let steps = [
        "",
        "abc",
        "aXbc",
        "aXbcdef",
        "Xbcdef",
        "Xbc€f",
        "Xbc€f\n\tg",
        "",
        "zz",
    ];
    let mut r = Replay::default();
    r.open(steps[0]);
    for (i, pair) in steps.windows(2).enumerate() {
        r.edit(i as f64 * 10_000.0, pair[0], pair[1]);
    }
    let times = r.playback_times();
    for (i, &play) in times.iter().enumerate() {
        assert_eq!(r.code_at(play), steps[i + 1]);
    }
    assert_eq!(r.final_code(), "zz");
}

#[test]
fn the_recording_is_bounded_and_still_ends_at_the_final_code() {
    let mut r = Replay::default();
    r.open("");
    let mut code = String::new();
    // Far apart edits in different places so nothing coalesces.
    for i in 0..(MAX_EVENTS + 50) {
        let old = code.clone();
        code.insert_str(0, &format!("{i};"));
        r.edit(i as f64 * 2_000.0, &old, &code);
    }
    assert!(r.is_cut());
    assert!(r.events.len() <= MAX_EVENTS);
    assert!(r.bytes <= MAX_BYTES + code.len() + 64, "{}", r.bytes);
    assert_eq!(r.final_code(), code);
    let stored = serde_json::to_string(&r).unwrap();
    assert!(
        stored.len() < 2 * MAX_BYTES + code.len(),
        "{}",
        stored.len()
    );
    r.run(1e9, true);
    assert_eq!(r.runs().len(), 1, "runs are still recorded");
}

#[test]
fn a_verdict_goes_to_the_run_waiting_for_it() {
    let mut r = Replay::default();
    assert!(!r.ran("Accepted", true), "no run, no verdict");
    r.run(1.0, true);
    r.run(2.0, false);
    assert!(r.ran("Wrong answer", false));
    assert!(r.ran("Accepted", true));
    let runs = r.runs();
    assert_eq!(runs[1].outcome.as_deref(), Some("Wrong answer"));
    assert_eq!(runs[0].outcome.as_deref(), Some("Accepted"));
    assert!(runs[0].accepted);
}
