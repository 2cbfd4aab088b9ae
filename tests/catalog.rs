//! Every challenge in `challenges/` is sound, as `pyprep validate` checks it:
//! the reference is accepted, the starter is not, every wrong answer fails,
//! and the reference passes under CPython. Without `python3` the CPython
//! check is skipped with a note, except in CI (`CI` set), where it fails.
//! Adding a challenge folder adds it here.

mod common;

use pyprep::catalog::Catalog;
use pyprep::challenge::{Group, Kind};
use pyprep::validate::{self, Tally};
use std::path::PathBuf;
use std::sync::Mutex;

fn python3() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("python3"))
        .find(|p| p.is_file())
}

#[test]
fn every_challenge_passes_validation() {
    let sandbox = common::native();
    let python = python3();
    match &python {
        None if common::in_ci() => {
            panic!("CI must cross-check with CPython, and python3 is not on PATH")
        }
        None => eprintln!("SKIPPED: the CPython cross-check (no python3 on PATH)"),
        Some(p) => eprintln!("cross-checking every reference with {}", p.display()),
    }
    let challenges = &Catalog::embedded().challenges;
    let next = Mutex::new(0usize);
    let problems = Mutex::new(Vec::new());
    let tally = Mutex::new(Tally::default());
    // Two workers: the machine has two cores, and most time is spent in child processes.
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().unwrap();
                        *n += 1;
                        *n - 1
                    };
                    let Some(c) = challenges.get(i) else { break };
                    let mut t = Tally::default();
                    let mut found =
                        validate::check_challenge(c, &|c, r| sandbox.run_challenge(c, r), &mut t);
                    if let Some(py) = &python {
                        found.extend(validate::check_with_cpython(c, py));
                    }
                    problems
                        .lock()
                        .unwrap()
                        .extend(found.into_iter().map(|p| p.to_string()));
                    let mut all = tally.lock().unwrap();
                    all.references += t.references;
                    all.wrong_answers += t.wrong_answers;
                }
            });
        }
    });
    let problems = problems.into_inner().unwrap();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    let tally = tally.into_inner().unwrap();
    assert!(
        tally.wrong_answers >= tally.references,
        "each judged challenge keeps wrong answers"
    );
}

#[test]
fn coding_challenges_are_complete() {
    for c in Catalog::embedded()
        .challenges
        .iter()
        .filter(|c| c.group == Group::Coding)
    {
        assert!(
            c.wrong.len() >= 3,
            "{}: at least 3 plausible wrong answers",
            c.id
        );
        assert!((1..=3).contains(&c.hints.len()), "{}: 1-3 hints", c.id);
        assert!(
            !c.explanation.source.trim().is_empty(),
            "{}: an explanation",
            c.id
        );
        if matches!(c.kind, Kind::Function | Kind::Program) {
            assert!(c.tests.iter().any(|t| !t.sample), "{}: hidden tests", c.id);
            assert!(c.tests.iter().any(|t| t.sample), "{}: sample tests", c.id);
        }
    }
}
