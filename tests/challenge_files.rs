//! Broken challenge folders fail loudly: the file, the field and the reason.
//!
//! `tests/broken/` holds one broken challenge per folder; `tests/broken-reference/`
//! a well-formed challenge whose reference answer fails its own tests.

use pyprep::catalog::load::load_dir;
use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn each_broken_folder_is_reported_with_its_file_and_field() {
    let errors =
        load_dir(&root().join("tests/broken")).expect_err("the broken folders must not load");
    let expected = [
        ("missing-field", "title"),
        ("bad-expected", "tests[0].expected"),
        ("duplicate-b", "id"),
        ("unknown-field", "titel"),
        ("bad-call", "tests[0].call"),
        ("bad-before", "tests[0].before[0]"),
        ("bad-returns-arg", "tests[0].returns_arg"),
        ("no-toml", "(file)"),
        ("bad-growth", "growth.expected"),
    ];
    for (folder, field) in expected {
        let found = errors
            .iter()
            .find(|e| e.path.parent().and_then(|p| p.file_name()) == Some(folder.as_ref()));
        let e = found.unwrap_or_else(|| panic!("no error for {folder}: {errors:#?}"));
        assert_eq!(e.field, field, "{folder}: {e}");
        assert!(!e.reason.is_empty(), "{folder} has no reason");
        assert!(
            e.path.ends_with(format!("{folder}/challenge.toml")),
            "{folder}: {}",
            e.path.display()
        );
    }
    let dup = errors.iter().find(|e| e.field == "id").unwrap();
    assert!(
        dup.reason.contains("same-id") && dup.reason.contains("duplicate-a"),
        "{dup}"
    );
    let bad = errors
        .iter()
        .find(|e| e.field == "tests[0].expected")
        .unwrap();
    assert!(
        bad.reason.contains("[1, 2"),
        "the reason quotes the bad literal: {bad}"
    );
}

#[test]
fn validate_names_the_broken_file_and_fails() {
    let out = Command::new(env!("CARGO_BIN_EXE_pyprep"))
        .args(["validate", "--no-cpython", "--dir"])
        .arg(root().join("tests/broken"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad-expected/challenge.toml: tests[0].expected:"),
        "{stderr}"
    );
}

#[test]
fn validate_fails_when_a_reference_answer_fails() {
    let out = Command::new(env!("CARGO_BIN_EXE_pyprep"))
        .args(["validate", "--no-cpython", "--dir"])
        .arg(root().join("tests/broken-reference"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("FAILED wrong-reference"), "{stdout}");
    assert!(
        stdout.contains("solution.py: the reference is not accepted: Wrong answer"),
        "{stdout}"
    );
}
