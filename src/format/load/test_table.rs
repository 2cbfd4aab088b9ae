//! The test tables into [`Test`]s: each `[[tests]]` entry of a function or
//! program challenge, and the `[unittest]` table's versions, one test each.

use super::Problems;
use super::check::check_limit;
use super::raw::{RawTest, RawUnitTest};
use crate::challenge::{CallOutcome, Identity, Kind, Test, TestKind, UnitTestSpec, Version};
use crate::value::{Call, Compare, Value};
use std::collections::BTreeMap;
use std::path::Path;

pub(super) fn convert_test(
    i: usize,
    t: &RawTest,
    kind: Kind,
    default_limit: u32,
    p: &mut Problems,
) -> Option<Test> {
    let field = |name: &str| format!("tests[{i}].{name}");
    let before = p.errors.len();
    let time_limit_ms = t.time_limit_ms.unwrap_or(default_limit);
    check_limit(time_limit_ms, &field("time_limit_ms"), p);
    for (name, path) in t
        .files
        .keys()
        .map(|k| ("files", k))
        .chain(t.expect_files.keys().map(|k| ("expect_files", k)))
        .chain(t.absent_files.iter().map(|k| ("absent_files", k)))
    {
        let bad = path.is_empty()
            || path.starts_with('/')
            || path
                .split(['/', '\\'])
                .any(|part| part == ".." || part.is_empty());
        if bad {
            p.add(
                field(name),
                format!("'{path}' must be a plain relative path"),
            );
        }
    }
    let test_kind = match kind {
        Kind::Function => {
            for (name, present) in [("stdin", t.stdin.is_some()), ("stdout", t.stdout.is_some())] {
                if present {
                    p.add(field(name), "only program tests read stdin or check stdout");
                }
            }
            let Some(text) = &t.call else {
                p.add(
                    field("call"),
                    "missing: a function test calls the candidate's function",
                );
                return None;
            };
            let call = match Call::parse(text) {
                Ok(c) => c,
                Err(e) => {
                    p.add(field("call"), format!("{e}: `{text}`"));
                    return None;
                }
            };
            let mut before = Vec::new();
            for (j, b) in t.before.iter().enumerate() {
                match Call::parse(b) {
                    Ok(_) => before.push(b.trim().to_owned()),
                    Err(e) => p.add(field(&format!("before[{j}]")), format!("{e}: `{b}`")),
                }
            }
            let identity = match (t.returns_new, t.returns_arg) {
                (false, None) => None,
                (true, None) => Some(Identity::New),
                (false, Some(n)) if (1..=call.args.len()).contains(&n) => {
                    Some(Identity::Argument(n - 1))
                }
                (false, Some(n)) => {
                    p.add(
                        field("returns_arg"),
                        format!(
                            "{n} is not a positional argument of `{text}` (it has {})",
                            call.args.len()
                        ),
                    );
                    None
                }
                (true, Some(_)) => {
                    p.add(
                        field("returns_arg"),
                        "give at most one of `returns_new` and `returns_arg`",
                    );
                    None
                }
            };
            if identity.is_some() && t.expected.is_none() {
                let option = if t.returns_new {
                    "returns_new"
                } else {
                    "returns_arg"
                };
                p.add(
                    field(option),
                    "says which object the call returns, so the test needs `expected`",
                );
            }
            let given = [t.expected.is_some(), t.raises.is_some(), t.check.is_some()];
            if given.iter().filter(|g| **g).count() != 1 {
                p.add(
                    field("expected"),
                    "give exactly one of `expected`, `raises` or `check`",
                );
                return None;
            }
            let outcome = if let Some(expected) = &t.expected {
                match Value::parse(expected) {
                    Ok(_) => CallOutcome::Returns {
                        expected: expected.trim().to_owned(),
                        compare: Compare {
                            float_tolerance: t.float_tolerance,
                            ordered_dict: t.ordered_dict,
                            unordered: t.unordered,
                        },
                    },
                    Err(e) => {
                        p.add(field("expected"), format!("{e}: `{expected}`"));
                        return None;
                    }
                }
            } else if let Some(exception) = &t.raises {
                if !is_identifier(exception) {
                    p.add(
                        field("raises"),
                        format!("'{exception}' is not an exception name"),
                    );
                }
                CallOutcome::Raises {
                    exception: exception.clone(),
                }
            } else {
                CallOutcome::Check(t.check.expect("exactly one outcome is set"))
            };
            TestKind::Call {
                text: text.trim().to_owned(),
                function: call.function,
                outcome,
                preserve_args: t.preserve_args,
                before,
                identity,
            }
        }
        Kind::Program => {
            for (name, present) in [
                ("call", t.call.is_some()),
                ("expected", t.expected.is_some()),
                ("raises", t.raises.is_some()),
                ("check", t.check.is_some()),
                ("before", !t.before.is_empty()),
                ("returns_new", t.returns_new),
                ("returns_arg", t.returns_arg.is_some()),
            ] {
                if present {
                    p.add(
                        field(name),
                        "a program test has stdin/stdout/files, not calls",
                    );
                }
            }
            if t.stdout.is_none() && t.expect_files.is_empty() && t.absent_files.is_empty() {
                p.add(field("stdout"), "a program test must check stdout or files");
            }
            TestKind::Program {
                stdin: t.stdin.clone().unwrap_or_default(),
                stdout: t.stdout.clone(),
            }
        }
        _ => return None,
    };
    if p.errors.len() > before {
        return None;
    }
    Some(Test {
        name: t.name.clone().unwrap_or_else(|| format!("Test {}", i + 1)),
        sample: t.sample,
        time_limit_ms,
        kind: test_kind,
        files: t.files.clone(),
        expect_files: t.expect_files.clone(),
        absent_files: t.absent_files.clone(),
    })
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}

pub(super) fn convert_unittest(
    u: &RawUnitTest,
    folder: &Path,
    p: &mut Problems,
) -> Option<UnitTestSpec> {
    if !is_identifier(&u.function) {
        p.add(
            "unittest.function",
            format!("'{}' is not a function name", u.function),
        );
    }
    if u.bugs.is_empty() {
        p.add("unittest.bugs", "list at least one buggy version");
    }
    let mut versions = Vec::new();
    let files = std::iter::once((u.correct.as_str(), "", "unittest.correct".to_owned())).chain(
        u.bugs.iter().enumerate().map(|(i, b)| {
            (
                b.file.as_str(),
                b.description.as_str(),
                format!("unittest.bugs[{i}].file"),
            )
        }),
    );
    for (file, description, field) in files {
        let path = folder.join("versions").join(file);
        match std::fs::read_to_string(&path) {
            Ok(code) => versions.push(Version {
                name: Path::new(file)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                description: description.to_owned(),
                code,
            }),
            Err(e) => p.add(field, format!("cannot read {}: {e}", path.display())),
        }
    }
    (versions.len() == u.bugs.len() + 1).then(|| UnitTestSpec {
        function: u.function.clone(),
        versions,
    })
}

/// One test per version: passing on the correct one, failing on each bug.
pub(super) fn unittest_tests(spec: &UnitTestSpec, time_limit_ms: u32) -> Vec<Test> {
    spec.versions
        .iter()
        .enumerate()
        .map(|(i, v)| Test {
            name: if i == 0 {
                format!("Pass on the correct {}", spec.function)
            } else {
                format!("Catch the bug: {}", v.description)
            },
            // The correct version and the first bug are enough for a quick Run.
            sample: i < 2,
            time_limit_ms,
            kind: TestKind::Suite { version: i },
            files: BTreeMap::new(),
            expect_files: BTreeMap::new(),
            absent_files: vec![],
        })
        .collect()
}
