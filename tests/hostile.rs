//! Hostile and broken candidate code: every file in `tests/hostile/` is a case.
//!
//! Each file starts with `# key: value` lines: `challenge`, `mode` (`run` or
//! `submit`, default `run`), `expect` (the outcome, as the report's JSON names
//! it) and any number of `contains` (text the report's JSON must contain).
//! Every case runs in the native sandbox and in the WASI build under node,
//! and both must reach the expected outcome with the same verdict per test.
//! Adding a file adds a case.

mod common;

use pyprep::protocol::Mode;
use pyprep::report::{Report, TestVerdict};
use std::path::{Path, PathBuf};

struct Case {
    path: PathBuf,
    challenge: String,
    mode: Mode,
    expect: String,
    contains: Vec<String>,
    code: String,
}

fn cases() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/hostile exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let code = std::fs::read_to_string(&path).expect("readable case");
            let header = |key: &str| -> Vec<String> {
                code.lines()
                    .filter_map(|l| l.strip_prefix(&format!("# {key}: ")))
                    .map(str::to_owned)
                    .collect()
            };
            let one = |key: &str| header(key).into_iter().next();
            Case {
                challenge: one("challenge")
                    .unwrap_or_else(|| panic!("{}: no `# challenge:` line", path.display())),
                mode: match one("mode").as_deref() {
                    Some("submit") => Mode::Submit,
                    _ => Mode::Run,
                },
                expect: one("expect")
                    .unwrap_or_else(|| panic!("{}: no `# expect:` line", path.display())),
                contains: header("contains"),
                code,
                path,
            }
        })
        .collect()
}

/// The start and end of a long report, so a failure stays readable in CI's log.
fn shorten(json: &str) -> String {
    let chars: Vec<char> = json.chars().collect();
    if chars.len() <= 1600 {
        return json.to_owned();
    }
    let head: String = chars[..800].iter().collect();
    let tail: String = chars[chars.len() - 800..].iter().collect();
    format!("{head} [...] {tail}")
}

fn verdict_kinds(r: &Report) -> Vec<String> {
    r.tests
        .iter()
        .map(|t| t.verdict.title().to_owned())
        .collect()
}

fn check(case: &Case, report: &Report, runtime: &str) -> Result<(), String> {
    let json = serde_json::to_string(report).expect("reports serialize");
    let name = case.path.file_name().unwrap().to_string_lossy();
    let outcome = serde_json::to_value(report.outcome).unwrap();
    if outcome.as_str() != Some(case.expect.as_str()) {
        let failure = report
            .first_failure()
            .map(|t| serde_json::to_string(&t.verdict).unwrap())
            .unwrap_or_default();
        return Err(format!(
            "{name} ({runtime}): expected {}, got {outcome}: {} {failure}",
            case.expect,
            report.headline()
        ));
    }
    for text in &case.contains {
        if !json.contains(text.as_str()) {
            return Err(format!(
                "{name} ({runtime}): report lacks {text:?}: {}",
                shorten(&json)
            ));
        }
    }
    // A run that failed never counts a test after the failure as passed unless it ran.
    if !report.outcome.is_success() {
        let first_stop = report
            .tests
            .iter()
            .position(|t| matches!(t.verdict, TestVerdict::NotRun));
        if let Some(i) = first_stop
            && report.tests[i..]
                .iter()
                .any(|t| t.verdict != TestVerdict::NotRun)
        {
            return Err(format!(
                "{name} ({runtime}): tests after a stop were counted: {:?}",
                verdict_kinds(report)
            ));
        }
    }
    Ok(())
}

/// Whether the process running the judge died of a signal during this run
/// (the sandbox reports SIGSEGV as the stack running out, and other signals
/// as a crash), rather than the judge giving a verdict.
fn node_died(report: &Report) -> bool {
    report.internal_error.as_deref().is_some_and(|e| {
        e.starts_with("the judge ran out of stack") || e.starts_with("the judge crashed")
    }) || report.tests.iter().any(|t| match &t.verdict {
        TestVerdict::Crashed { .. } => true,
        TestVerdict::RuntimeError { error } => {
            error.message.ends_with("(the browser's stack ran out)")
        }
        _ => false,
    })
}

#[test]
fn every_hostile_program_gets_the_right_verdict_natively_and_under_wasi() {
    let mut cases = cases();
    assert!(
        cases.len() >= 30,
        "the suite keeps at least 30 hostile programs"
    );
    // PYPREP_CASE=<file stem> runs only that case, when looking into one.
    if let Some(only) = std::env::var_os("PYPREP_CASE") {
        cases.retain(|c| c.path.file_stem() == Some(only.as_os_str()));
        assert!(!cases.is_empty(), "no hostile case {only:?}");
    }
    let native = common::native();
    let wasi = common::wasi();
    let mut failures = Vec::new();
    let mut failed_cases = 0;
    for case in &cases {
        let before = failures.len();
        let request = common::request(&case.challenge, &case.code, case.mode);
        let a = native.run(&request);
        let mut b = wasi.run(&request);
        if verdict_kinds(&a) != verdict_kinds(&b) && node_died(&b) && !node_died(&a) {
            // Node itself crashes now and then under the WASI judge
            // (`common::NODE_FLAGS`); a second run tells that from a verdict
            // the judge really gives under WASI.
            println!(
                "{}: node died under the WASI judge; running it once more",
                case.path.display()
            );
            b = wasi.run(&request);
        }
        for (report, runtime) in [(&a, "native"), (&b, "wasi")] {
            if let Err(e) = check(case, report, runtime) {
                failures.push(e);
            }
        }
        if verdict_kinds(&a) != verdict_kinds(&b) {
            // The first test they disagree on, in full, from both sides.
            let differing = a
                .tests
                .iter()
                .zip(&b.tests)
                .find(|(x, y)| x.verdict.title() != y.verdict.title())
                .map(|(x, y)| {
                    let json = |t: &pyprep::report::TestReport| {
                        shorten(&serde_json::to_string(&t.verdict).unwrap_or_default())
                    };
                    format!("\n  native: {}\n  wasi:   {}", json(x), json(y))
                })
                .unwrap_or_default();
            failures.push(format!(
                "{}: native and WASI disagree: {:?} vs {:?}{differing}",
                case.path.display(),
                verdict_kinds(&a),
                verdict_kinds(&b)
            ));
        }
        failed_cases += usize::from(failures.len() > before);
    }
    let cheats = cases
        .iter()
        .filter(|c| {
            c.path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("cheat_"))
        })
        .count();
    println!(
        "{} hostile programs ({cheats} of them attempts to cheat the checker) tried natively and under WASI: {} with the expected verdict and the same verdicts in both",
        cases.len(),
        cases.len() - failed_cases
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
