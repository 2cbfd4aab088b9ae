//! One challenge folder into a [`Challenge`]: reads `challenge.toml` and
//! the Python files beside it, converts the tables each kind needs, and
//! collects every problem on the way.

use super::check::{check_helpers, check_limit, check_rules, check_text_fields};
use super::growth_table::convert_growth;
use super::raw::RawChallenge;
use super::test_table::{convert_test, convert_unittest, unittest_tests};
use super::{ChallengeError, DEFAULT_TIME_LIMIT_MS, Problems};
use crate::challenge::{Challenge, Kind, Markdown, Practice, Quiz, Test, TestKind, WrongAnswer};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Loads one folder; returns `None` (with errors added) when it is unusable.
pub fn load_challenge(folder: &Path, errors: &mut Vec<ChallengeError>) -> Option<Challenge> {
    let toml_path = folder.join("challenge.toml");
    let Some(text) = read_optional(&toml_path, errors) else {
        errors.push(ChallengeError {
            path: toml_path,
            field: "(file)".into(),
            reason: "missing: every challenge folder needs a challenge.toml".into(),
        });
        return None;
    };
    let raw: RawChallenge = match toml::from_str(&text) {
        Ok(raw) => raw,
        Err(e) => {
            let field = e
                .message()
                .split('`')
                .nth(1)
                .filter(|_| e.message().contains("field"))
                .unwrap_or("(syntax)")
                .to_owned();
            let line = e
                .span()
                .map(|s| format!("line {}: ", text[..s.start].lines().count().max(1)))
                .unwrap_or_default();
            errors.push(ChallengeError {
                path: toml_path,
                field,
                reason: format!("{line}{}", e.message().trim()),
            });
            return None;
        }
    };
    let before = errors.len();
    let mut p = Problems {
        path: &toml_path,
        errors,
    };
    check_text_fields(&raw, &mut p);

    let code_file = |name: &str, p: &mut Problems| -> Option<String> {
        let path = folder.join(name);
        let code = read_optional(&path, p.errors);
        if code.is_none() && raw.kind.is_code() {
            p.errors.push(ChallengeError {
                path,
                field: "(file)".into(),
                reason: format!("missing: a {} challenge needs {name}", raw.kind.label()),
            });
        }
        code
    };
    let starter = code_file("starter.py", &mut p).unwrap_or_default();
    let mut solution = code_file("solution.py", &mut p).unwrap_or_default();
    let helpers = read_optional(&folder.join("helpers.py"), p.errors).unwrap_or_default();
    let mut wrong = read_py_folder(&folder.join("wrong"), p.errors);
    if raw.kind.is_code() && wrong.is_empty() {
        p.errors.push(ChallengeError {
            path: folder.join("wrong"),
            field: "(folder)".into(),
            reason: "needs at least one plausible wrong answer (wrong/*.py)".into(),
        });
    }

    let default_limit = raw.time_limit_ms.unwrap_or(DEFAULT_TIME_LIMIT_MS);
    check_limit(default_limit, "time_limit_ms", &mut p);
    let mut tests: Vec<Test> = raw
        .tests
        .iter()
        .enumerate()
        .filter_map(|(i, t)| convert_test(i, t, raw.kind, default_limit, &mut p))
        .collect();

    let mut unittest = None;
    let mut quiz = None;
    let mut practice = None;
    match raw.kind {
        Kind::Function | Kind::Program => {
            if raw.tests.is_empty() {
                p.add("tests", "a function or program challenge needs tests");
            } else if !raw.tests.iter().any(|t| t.sample) {
                p.add(
                    "tests",
                    "mark at least one test `sample = true` so Run has something to run",
                );
            }
        }
        Kind::Unittest => match &raw.unittest {
            None => p.add("unittest", "a unittest challenge needs a [unittest] table"),
            Some(u) => {
                unittest = convert_unittest(u, folder, &mut p);
                if let Some(spec) = &unittest {
                    tests = unittest_tests(spec, default_limit);
                }
            }
        },
        Kind::Quiz => match &raw.quiz {
            None => p.add("quiz", "a quiz needs a [quiz] table"),
            Some(q) => {
                if q.snippet.trim().is_empty() {
                    p.add("quiz.snippet", "is empty");
                }
                if q.wrong_answers.is_empty() {
                    p.add(
                        "quiz.wrong_answers",
                        "list at least one plausible wrong prediction",
                    );
                }
                solution = q.answer.clone();
                wrong = q
                    .wrong_answers
                    .iter()
                    .enumerate()
                    .map(|(i, a)| WrongAnswer {
                        name: format!("wrong_answers[{i}]"),
                        code: a.clone(),
                    })
                    .collect();
                quiz = Some(Quiz {
                    snippet: q.snippet.clone(),
                    wrong_answers: q.wrong_answers.clone(),
                });
                tests = vec![Test {
                    name: "Your prediction".into(),
                    sample: true,
                    time_limit_ms: default_limit,
                    kind: TestKind::Predict,
                    files: BTreeMap::new(),
                    expect_files: BTreeMap::new(),
                    absent_files: vec![],
                }];
            }
        },
        Kind::Practice => match &raw.practice {
            None => p.add("practice", "a practice card needs a [practice] table"),
            Some(pr) => {
                if pr.checklist.is_empty() {
                    p.add("practice.checklist", "list at least one self-review point");
                }
                practice = Some(Practice {
                    advice: Markdown::new(pr.advice.clone()),
                    checklist: pr.checklist.clone(),
                });
            }
        },
        Kind::Concept => {}
    }
    for (table, present, kind) in [
        ("unittest", raw.unittest.is_some(), Kind::Unittest),
        ("quiz", raw.quiz.is_some(), Kind::Quiz),
        ("practice", raw.practice.is_some(), Kind::Practice),
    ] {
        if present && raw.kind != kind {
            p.add(
                table,
                format!("only a {} challenge has a [{table}] table", kind.label()),
            );
        }
    }
    if !raw.tests.is_empty() && !matches!(raw.kind, Kind::Function | Kind::Program) {
        p.add(
            "tests",
            format!("a {} challenge has no [[tests]]", raw.kind.label()),
        );
    }
    check_helpers(&tests, &helpers, &mut p);
    check_rules(&raw.rules, &tests, &mut p);
    let growth = convert_growth(
        raw.growth.as_ref(),
        raw.kind,
        folder,
        &tests,
        &wrong,
        &mut p,
    );

    if p.errors.len() > before {
        return None;
    }
    Some(Challenge {
        id: raw.id,
        title: raw.title,
        group: raw.group,
        kind: raw.kind,
        difficulty: raw.difficulty,
        topics: raw.topics,
        question: raw.question,
        prompt: Markdown::new(raw.prompt),
        hints: raw.hints.into_iter().map(Markdown::new).collect(),
        explanation: Markdown::new(raw.explanation),
        starter,
        solution,
        helpers,
        wrong,
        rules: raw.rules,
        tests,
        unittest,
        quiz,
        practice,
        growth,
    })
}

fn read_optional(path: &Path, errors: &mut Vec<ChallengeError>) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(s) => Some(s),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            errors.push(ChallengeError {
                path: path.to_path_buf(),
                field: "(file)".into(),
                reason: format!("cannot read: {e}"),
            });
            None
        }
    }
}

fn read_py_folder(dir: &Path, errors: &mut Vec<ChallengeError>) -> Vec<WrongAnswer> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return vec![];
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| {
            let code = read_optional(&path, errors)?;
            let name = path.file_stem()?.to_string_lossy().into_owned();
            Some(WrongAnswer { name, code })
        })
        .collect()
}
