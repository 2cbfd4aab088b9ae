//! The judge built for `wasm32-wasip1` gives the same verdicts as natively.
//!
//! Runs `pyprep check --json` on the first five challenges' reference answers
//! under node's WASI runtime (the browser runs the same binary through a WASI
//! shim) and compares each report with the native sandbox's.

mod common;

use pyprep::protocol::Mode;
use pyprep::report::{Outcome, Report};
use std::path::Path;
use std::process::Command;

fn wasi_check(id: &str, code: &str, root: &Path) -> Report {
    std::fs::write(root.join("answer.py"), code).unwrap();
    let out = Command::new("node")
        .args(common::NODE_FLAGS)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wasi/run.mjs"))
        .arg(common::wasi_wasm())
        .arg(root)
        .args(["check", id, "/answer.py", "--json"])
        .output()
        .expect("node runs");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{id}: no report ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn verdicts(r: &Report) -> Vec<&'static str> {
    r.tests.iter().map(|t| t.verdict.title()).collect()
}

#[test]
fn first_five_references_get_the_same_verdicts_under_wasi() {
    let root = std::env::temp_dir().join(format!("pyprep-wasi-test-{}", std::process::id()));
    std::fs::create_dir_all(&root).unwrap();
    let native = common::native();
    for id in [
        "is-prime",
        "fibonacci",
        "reverse-file",
        "greeting",
        "merge-two-lists",
    ] {
        let c = common::challenge(id);
        let wasi = wasi_check(id, &c.solution, &root);
        let here = native.run(&common::request(id, &c.solution, Mode::Submit));
        assert_eq!(
            wasi.outcome,
            Outcome::Accepted,
            "{id} under WASI: {}",
            wasi.headline()
        );
        assert_eq!(
            here.outcome,
            Outcome::Accepted,
            "{id} natively: {}",
            here.headline()
        );
        assert_eq!(verdicts(&wasi), verdicts(&here), "{id}");
        // And a wrong answer is wrong in the same way in both.
        let wrong = &c.wrong[0].code;
        let w = wasi_check(id, wrong, &root);
        let n = native.run(&common::request(id, wrong, Mode::Submit));
        assert_ne!(w.outcome, Outcome::Accepted, "{id}: {}", c.wrong[0].name);
        assert_eq!(verdicts(&w), verdicts(&n), "{id}: {}", c.wrong[0].name);
    }
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn every_standard_module_imports_under_wasi_as_natively() {
    // Under WASI no host file is refused, and the time module has no C time
    // zone: `_strptime` (so `datetime.strptime`) failed to import here.
    common::import_every_standard_module(&common::wasi(), true);
    // As on a browser's first run, before the later part has arrived: every
    // module the judge holds still imports, so none of them needs a later one.
    common::import_every_standard_module(&common::wasi_without_later(), false);
}

/// On an engine stack too small for Python's recursion limit, with no fresh
/// stack to move to (a browser without stack switching), runaway recursion
/// ends in a RecursionError naming the candidate's function, not a crash.
#[test]
fn recursion_past_a_small_engine_stack_is_a_named_recursion_error() {
    let sandbox = common::wasi_on_stack(400);
    let code =
        "def spiral(n):\n    return spiral(n + 1)\n\n\ndef is_prime(n):\n    return spiral(n)\n";
    let report = common::run_samples(&sandbox, "is-prime", code);
    let json = serde_json::to_string(&report).unwrap();
    assert_eq!(report.outcome, Outcome::RuntimeError, "{json}");
    assert!(json.contains("RecursionError"), "{json}");
    assert!(json.contains("the browser's stack is full"), "{json}");
    assert!(json.contains(r#""function":"spiral""#), "{json}");
    assert_eq!(
        report.tests[0].verdict.title(),
        "Runtime error",
        "the first test fails"
    );
}

/// The browser's worker, run for real under node: its messages parse as
/// `FromWorker`, the lines it forwards carry the run's signed events, and
/// lines the candidate forges on stderr are forwarded (they look like events)
/// but refused by the page's check.
#[test]
fn the_real_worker_speaks_the_protocol() {
    use pyprep::protocol::{EventKey, EventReader, FromWorker, RunId, ToWorker, sandbox_stdin};
    use pyprep::report::RunTracker;
    use std::io::Write;
    use std::process::Stdio;

    let c = common::challenge("is-prime");
    let forged = format!(
        "import os\nos.write(2, b'\\n0 {} {{\"event\":\"finished\"}}\\n')\n{}",
        "ab".repeat(32),
        c.solution
    );
    let request = common::request("is-prime", &forged, Mode::Submit);
    let key = EventKey::random().unwrap();
    let message = ToWorker::Run {
        run: RunId(7),
        stdin: sandbox_stdin(&key, &request),
        interactive: false,
    };
    let mut child = Command::new("node")
        .args(common::NODE_FLAGS)
        .arg(format!("--stack-size={}", common::WASI_STACK_KIB))
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wasi/worker.mjs"))
        .arg(common::wasi_wasm())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(serde_json::to_string(&message).unwrap().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let mut reader = EventReader::new(key);
    let mut tracker = RunTracker::new(c, &request);
    let (mut loaded, mut exited, mut refused) = (false, false, 0);
    for line in text.lines() {
        let msg: FromWorker = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("the worker posted {line:?}, not a FromWorker: {e}"));
        match msg {
            FromWorker::Loaded { protocol, .. } => {
                // The worker states the version of the messages it speaks.
                assert_eq!(
                    protocol,
                    pyprep::protocol::PROTOCOL_VERSION,
                    "www/worker.js PROTOCOL"
                );
                loaded = true
            }
            FromWorker::Line { run, line } => {
                assert_eq!(run, RunId(7));
                match reader.accept(&line) {
                    Some(event) => {
                        tracker.apply(event);
                    }
                    None => refused += 1,
                }
            }
            FromWorker::Exited { run, code } => {
                assert_eq!((run, code), (RunId(7), 0));
                exited = true;
            }
            other => panic!("unexpected message {other:?}"),
        }
    }
    assert!(
        loaded && exited,
        "loaded {loaded}, exited {exited}:\n{text}"
    );
    assert!(tracker.is_finished());
    let report = tracker.into_report();
    // The module runs once per test, and once more to measure its growth,
    // forging one line each time: every one is refused.
    let module_runs = report.tests.len() + usize::from(c.growth.is_some());
    assert_eq!(refused, module_runs, "forged lines refused");
    assert!(report.growth.is_some(), "the growth measured in the worker");
    assert_eq!(report.outcome, Outcome::Accepted);
}

/// The browser's judge has no Unicode name tables of its own: they come in
/// the later file. With it, `"\N{...}"` and `unicodedata` read names as
/// natively; before it, such an escape is a syntax error that says to run
/// again, and the editor's check (which never has the file) reports none.
#[test]
fn unicode_names_come_with_the_later_file() {
    use pyprep::protocol::{PLAYGROUND, Play, RunRequest};
    let code = "import unicodedata\nprint(ascii('\\N{snowman}\\N{CJK UNIFIED IDEOGRAPH-4E00}'), unicodedata.name('\\u2022'), ascii(unicodedata.lookup('LATIN SMALL LETTER A WITH ACUTE')))\n";
    let request = RunRequest::play(PLAYGROUND, code, Play::default());
    let printed =
        |r: &Report| -> String { r.tests[0].output.iter().map(|c| c.text.as_str()).collect() };
    let with = common::wasi().run(&request);
    assert_eq!(
        printed(&with),
        "'\\u2603\\u4e00' BULLET '\\xe1'\n",
        "{}",
        with.headline()
    );
    assert_eq!(printed(&common::native().run(&request)), printed(&with));
    let unknown = common::wasi().run(&RunRequest::play(
        PLAYGROUND,
        "x = '\\N{NO SUCH CHARACTER}'\n",
        Play::default(),
    ));
    let error = unknown
        .syntax_error
        .expect("an unknown name is a syntax error");
    assert!(
        !error.message.contains("run the code again"),
        "{}",
        error.message
    );

    let without = common::wasi_without_later();
    let early = without.run(&request);
    let error = early.syntax_error.expect("no names yet");
    assert!(
        error.message.contains("Unicode character names")
            && error.message.contains("run the code again"),
        "{}",
        error.message
    );
    let checked = without.run(&RunRequest::syntax("x = '\\N{snowman}'\n"));
    assert_eq!(checked.syntax_error, None);
    let checked = without.run(&RunRequest::syntax("x = '\\N{snowman}'\nif\n"));
    assert_eq!(checked.syntax_error, None, "the first error decides");
    let checked = without.run(&RunRequest::syntax("if\nx = '\\N{snowman}'\n"));
    assert!(checked.syntax_error.is_some());
}
