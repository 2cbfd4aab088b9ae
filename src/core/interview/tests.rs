//! Tests of the interview plan, the draw, the clock and the record.

use super::*;
use crate::catalog::Catalog;
use crate::challenge::Group;
use crate::progress::Section;

const MIN: f64 = 60_000.0;

fn two_coding() -> Plan {
    Plan {
        minutes: 30,
        coding: 2,
        concepts: 0,
        spoken: 0,
        preset: None,
    }
}

#[test]
fn plans_are_checked_and_presets_are_valid() {
    for p in Preset::ALL {
        assert!(p.plan().is_valid(), "{p:?}");
    }
    assert!(Plan::default().is_valid());
    assert!(
        !Plan {
            minutes: 20,
            ..Plan::default()
        }
        .is_valid()
    );
    assert!(
        !Plan {
            coding: 0,
            concepts: 0,
            spoken: 0,
            ..Plan::default()
        }
        .is_valid()
    );
    assert!(
        !Plan {
            coding: 9,
            ..Plan::default()
        }
        .is_valid()
    );
    assert_eq!(
        Preset::PhoneScreen.plan().describe(),
        "Phone screen: 30 min, 1 coding, 2 concepts, 1 spoken"
    );
}

#[test]
fn the_draw_follows_the_mix_prefers_unsolved_and_is_deterministic() {
    let catalog = Catalog::embedded();
    let plan = Plan::default();
    let none = BTreeMap::new();
    let ids = draw(catalog, &plan, |_| false, &none, 7);
    assert_eq!(ids.len(), 6);
    let sections: Vec<Section> = ids
        .iter()
        .map(|id| Section::of(catalog.get(id).unwrap().group))
        .collect();
    use Section::*;
    assert_eq!(
        sections,
        [Coding, Coding, Concepts, Concepts, Spoken, Spoken]
    );
    assert_eq!(
        ids,
        draw(catalog, &plan, |_| false, &none, 7),
        "same seed, same draw"
    );
    assert!(
        (0..20).any(|s| draw(catalog, &plan, |_| false, &none, s) != ids),
        "seeds vary the draw"
    );
    // Everything in coding solved but is-prime: is-prime comes first.
    let one = draw(catalog, &two_coding(), |id| id != "is-prime", &none, 3);
    assert_eq!(one[0], "is-prime");
    assert_eq!(one.len(), 2, "a solved question fills the rest");
}

#[test]
fn the_draw_avoids_questions_of_earlier_interviews() {
    let catalog = Catalog::embedded();
    let coding = catalog
        .challenges
        .iter()
        .filter(|c| c.group == Group::Coding)
        .count();
    let plan = two_coding();
    let mut past = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for n in 0..(coding / 2) {
        let ids = draw(catalog, &plan, |_| false, &asked_counts(&past), n as u64);
        for id in &ids {
            assert!(
                seen.insert(id.clone()),
                "{id} asked twice in {n} interviews"
            );
        }
        past.push(Interview::new(plan.clone(), ids, 0.0, ""));
    }
}

#[test]
fn time_comes_from_timestamps_and_the_end_is_capped() {
    let t0 = 1_000.0 * MIN;
    let ids = vec!["is-prime".to_owned(), "why-python".to_owned()];
    let mut i = Interview::new(two_coding(), ids, t0, "def is_prime(n):\n");
    assert_eq!(i.id(), "60000000");
    assert_eq!(i.time_left(t0 + 10.0 * MIN), 20.0 * MIN);
    assert_eq!(i.time_on(0, t0 + 3.0 * MIN), 3.0 * MIN);
    i.go(1, t0 + 4.0 * MIN, "");
    i.go(1, t0 + 5.0 * MIN, "");
    assert_eq!(
        i.time_on(0, t0 + 9.0 * MIN),
        4.0 * MIN,
        "no longer counting"
    );
    assert_eq!(i.time_on(1, t0 + 9.0 * MIN), 5.0 * MIN);
    i.go(0, t0 + 10.0 * MIN, "ignored: already opened");
    assert_eq!(
        i.questions[0].replay.start.as_deref(),
        Some("def is_prime(n):\n")
    );
    // Reloading is just reading the record again: the clock went on.
    let reloaded: Interview = serde_json::from_str(&serde_json::to_string(&i).unwrap()).unwrap();
    assert_eq!(reloaded.time_on(0, t0 + 12.0 * MIN), 6.0 * MIN);
    assert_eq!(reloaded.time_left(t0 + 12.0 * MIN), 18.0 * MIN);
    // Finishing long after time ran out ends it at the deadline.
    i.finish(t0 + 90.0 * MIN, |id| (Some(format!("code of {id}")), None));
    assert!(i.time_up);
    assert_eq!(i.finished_at, Some(t0 + 30.0 * MIN));
    assert_eq!(i.elapsed(t0 + 99.0 * MIN), 30.0 * MIN);
    let total = i.time_on(0, 0.0) + i.time_on(1, 0.0);
    assert_eq!(total, 30.0 * MIN);
    assert_eq!(
        i.questions[1].final_code.as_deref(),
        Some("code of why-python")
    );
    i.go(1, t0 + 91.0 * MIN, "");
    assert_eq!(i.current, 0, "nothing moves once finished");
}

#[test]
fn hints_edits_and_runs_are_recorded_with_the_submit_verdict_winning() {
    let t0 = 5_000.0;
    let mut i = Interview::new(two_coding(), vec!["is-prime".into()], t0, "");
    i.hint(3, t0 + 1.0);
    i.hint(3, t0 + 2.0);
    i.hint(1, t0 + 3.0);
    assert_eq!(i.questions[0].hints, 2, "never more than there are");
    i.edit("is-prime", "", "def is_prime(n): ...", t0 + 10.0);
    i.run_started("is-prime", true, "def is_prime(n): ...", t0 + 20.0);
    i.run_finished("is-prime", "Accepted (16/16 tests)", true);
    i.run_started("is-prime", false, "def is_prime(n): ...", t0 + 30.0);
    i.run_finished("is-prime", "Wrong answer on Test 1", false);
    let q = &i.questions[0];
    assert_eq!(
        q.verdict.as_ref().unwrap().headline,
        "Accepted (16/16 tests)"
    );
    assert_eq!(q.submitted.as_deref(), Some("def is_prime(n): ..."));
    assert_eq!(q.replay.runs().len(), 2);
    assert_eq!(i.accepted(), 1);
    i.run_finished("is-prime", "late", false);
    assert_eq!(
        i.questions[0].replay.runs()[1].outcome.as_deref(),
        Some("Wrong answer on Test 1")
    );
    // A run started before the end still gets its verdict after it.
    i.run_started("is-prime", true, "x", t0 + 40.0);
    i.finish(t0 + 50.0, |_| (None, None));
    i.run_finished("is-prime", "Wrong answer on Test 2", false);
    assert_eq!(
        i.questions[0].verdict.as_ref().unwrap().headline,
        "Wrong answer on Test 2"
    );
    i.edit("is-prime", "x", "y", t0 + 60.0);
    assert_eq!(
        i.questions[0].replay.events.len(),
        4,
        "no recording after the end"
    );
    i.toggle_check(0, 2, t0 + 70.0);
    i.toggle_check(0, 0, t0 + 71.0);
    i.toggle_check(0, 2, t0 + 72.0);
    assert_eq!(i.questions[0].checked, [0]);
}

#[test]
fn pruning_keeps_recent_interviews_and_their_replays() {
    let mut all = BTreeMap::new();
    for n in 0..(KEEP_INTERVIEWS + 3) {
        let mut i = Interview::new(two_coding(), vec!["is-prime".into()], n as f64 * MIN, "");
        i.edit("is-prime", "", "x", n as f64 * MIN + 1.0);
        i.finish(n as f64 * MIN + 2.0, |_| (None, None));
        all.insert(i.id(), i);
    }
    prune(&mut all);
    assert_eq!(all.len(), KEEP_INTERVIEWS);
    let mut kept: Vec<&Interview> = all.values().collect();
    kept.sort_by(|a, b| b.started_at.total_cmp(&a.started_at));
    assert_eq!(kept[0].started_at, (KEEP_INTERVIEWS + 2) as f64 * MIN);
    assert!(
        kept[..KEEP_REPLAYS]
            .iter()
            .all(|i| !i.questions[0].replay.is_empty())
    );
    assert!(
        kept[KEEP_REPLAYS..]
            .iter()
            .all(|i| i.questions[0].replay.is_empty())
    );
}
