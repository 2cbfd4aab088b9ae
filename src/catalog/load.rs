//! Reading challenge folders from disk into the [`Challenge`] model.
//!
//! A challenge is a folder under `challenges/` holding `challenge.toml` and,
//! by kind, `starter.py`, `solution.py`, `helpers.py`, `wrong/*.py` and
//! `versions/*.py`. Every problem found is reported with the file, the field
//! and the reason, and loading goes on so one run lists them all. This module
//! checks what can be checked without Python; running the reference and the
//! wrong answers is `judge::validate`'s job. The build script includes this
//! file too, so a broken challenge fails the build.

use crate::challenge::{
    CallOutcome, Challenge, Check, Difficulty, Group, GrowthSpec, Identity, Kind, Markdown,
    Practice, Quiz, Rules, SlowAnswer, Test, TestKind, UnitTestSpec, Version, WrongAnswer,
};
use crate::value::{Call, Compare, Value};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

/// Default per-test time limit.
pub const DEFAULT_TIME_LIMIT_MS: u32 = 2000;

/// A problem in a challenge folder: which file, which field, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct ChallengeError {
    pub path: PathBuf,
    pub field: String,
    pub reason: String,
}

impl fmt::Display for ChallengeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.path.display(),
            self.field,
            self.reason
        )
    }
}

impl std::error::Error for ChallengeError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChallenge {
    id: String,
    title: String,
    group: Group,
    kind: Kind,
    difficulty: Difficulty,
    #[serde(default)]
    topics: Vec<String>,
    question: String,
    prompt: String,
    #[serde(default)]
    hints: Vec<String>,
    #[serde(default)]
    explanation: String,
    time_limit_ms: Option<u32>,
    #[serde(default)]
    rules: Rules,
    #[serde(default)]
    tests: Vec<RawTest>,
    unittest: Option<RawUnitTest>,
    quiz: Option<RawQuiz>,
    practice: Option<RawPractice>,
    growth: Option<RawGrowth>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTest {
    name: Option<String>,
    #[serde(default)]
    sample: bool,
    call: Option<String>,
    expected: Option<String>,
    raises: Option<String>,
    check: Option<Check>,
    float_tolerance: Option<f64>,
    #[serde(default)]
    ordered_dict: bool,
    #[serde(default)]
    unordered: bool,
    #[serde(default)]
    preserve_args: bool,
    /// Calls made first in the same namespace (state left for the next call).
    #[serde(default)]
    before: Vec<String>,
    /// The call returns a new object, none of its arguments.
    #[serde(default)]
    returns_new: bool,
    /// The call returns its positional argument number N (from 1) itself.
    returns_arg: Option<usize>,
    stdin: Option<String>,
    stdout: Option<String>,
    #[serde(default)]
    files: BTreeMap<String, String>,
    #[serde(default)]
    expect_files: BTreeMap<String, String>,
    #[serde(default)]
    absent_files: Vec<String>,
    time_limit_ms: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnitTest {
    function: String,
    /// File under `versions/` with the correct function.
    correct: String,
    bugs: Vec<RawBug>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBug {
    file: String,
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuiz {
    snippet: String,
    answer: String,
    wrong_answers: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGrowth {
    expected: String,
    start: u64,
    make: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPractice {
    advice: String,
    checklist: Vec<String>,
}

/// Collects errors for one challenge file.
struct Problems<'a> {
    path: &'a Path,
    errors: &'a mut Vec<ChallengeError>,
}

impl Problems<'_> {
    fn add(&mut self, field: impl Into<String>, reason: impl Into<String>) {
        self.errors.push(ChallengeError {
            path: self.path.to_path_buf(),
            field: field.into(),
            reason: reason.into(),
        });
    }
}

/// Loads every challenge folder under `dir`, sorted by id.
///
/// Fails with every problem found: unreadable or malformed files, missing or
/// inconsistent fields, literals that do not parse, duplicate ids.
pub fn load_dir(dir: &Path) -> Result<Vec<Challenge>, Vec<ChallengeError>> {
    let mut errors = Vec::new();
    let mut folders: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect(),
        Err(e) => {
            return Err(vec![ChallengeError {
                path: dir.to_path_buf(),
                field: "(folder)".into(),
                reason: format!("cannot read the challenges folder: {e}"),
            }]);
        }
    };
    folders.sort();
    let mut challenges: Vec<Challenge> = Vec::new();
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    for folder in folders {
        if let Some(c) = load_challenge(&folder, &mut errors) {
            let toml_path = folder.join("challenge.toml");
            if let Some(first) = seen.get(&c.id) {
                errors.push(ChallengeError {
                    path: toml_path,
                    field: "id".into(),
                    reason: format!("duplicate id '{}', also used by {}", c.id, first.display()),
                });
                continue;
            }
            seen.insert(c.id.clone(), toml_path);
            challenges.push(c);
        }
    }
    if errors.is_empty() {
        challenges.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(challenges)
    } else {
        Err(errors)
    }
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

/// The `[growth]` table, and the wrong answers that declare their growth; see [`GrowthSpec`].
fn convert_growth(
    raw: Option<&RawGrowth>,
    kind: Kind,
    folder: &Path,
    tests: &[Test],
    wrong: &[WrongAnswer],
    p: &mut Problems,
) -> Option<GrowthSpec> {
    let declared = |answer: &WrongAnswer| {
        answer
            .code
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# grows like:"))
            .map(|order| (crate::growth::Order::parse(order), order.trim().to_owned()))
    };
    let Some(raw) = raw else {
        if let Some(answer) = wrong.iter().find(|a| declared(a).is_some()) {
            p.errors.push(ChallengeError {
                path: folder.join("wrong").join(format!("{}.py", answer.name)),
                field: "(first line)".into(),
                reason: "declares a growth, but the challenge has no [growth] table".into(),
            });
        }
        return None;
    };
    if kind != Kind::Function {
        p.add("growth", "only function challenges can measure growth");
        return None;
    }
    if !tests
        .iter()
        .any(|t| matches!(t.kind, TestKind::Call { .. }))
    {
        p.add(
            "growth",
            "needs a call test to know which function to measure",
        );
    }
    let Some(expected) = crate::growth::Order::parse(&raw.expected) else {
        p.add(
            "growth.expected",
            format!(
                "'{}' is not an order of growth (1, log n, sqrt n, n, n log n, n^2, n^3, 2^n)",
                raw.expected
            ),
        );
        return None;
    };
    if raw.start < 2 {
        p.add("growth.start", "the smallest size must be at least 2");
    }
    if !raw.make.contains("def make(") {
        p.add("growth.make", "must define make(n, rng)");
    }
    let mut slow = vec![];
    for answer in wrong {
        let path = || folder.join("wrong").join(format!("{}.py", answer.name));
        match declared(answer) {
            None => {}
            Some((Some(grows), _)) if grows > expected => slow.push(SlowAnswer {
                name: answer.name.clone(),
                grows,
            }),
            Some((Some(grows), _)) => p.errors.push(ChallengeError {
                path: path(),
                field: "(first line)".into(),
                reason: format!("grows like {grows}, which is not slower than {expected}"),
            }),
            Some((None, text)) => p.errors.push(ChallengeError {
                path: path(),
                field: "(first line)".into(),
                reason: format!("'{text}' is not an order of growth, e.g. `# grows like: n^2`"),
            }),
        }
    }
    Some(GrowthSpec {
        expected,
        start: raw.start,
        make: raw.make.clone(),
        slow,
    })
}

fn check_text_fields(raw: &RawChallenge, p: &mut Problems) {
    let id_ok = !raw.id.is_empty()
        && raw
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !id_ok {
        p.add(
            "id",
            format!("'{}' must be lowercase letters, digits and dashes", raw.id),
        );
    }
    for (field, value) in [
        ("title", &raw.title),
        ("question", &raw.question),
        ("prompt", &raw.prompt),
    ] {
        if value.trim().is_empty() {
            p.add(field, "is empty");
        }
    }
    if raw.hints.len() > 3 {
        p.add("hints", "at most 3 graduated hints");
    }
}

fn check_limit(ms: u32, field: &str, p: &mut Problems) {
    if !(100..=60_000).contains(&ms) {
        p.add(field, format!("{ms} ms is outside 100..=60000"));
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

fn convert_test(
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

fn convert_unittest(u: &RawUnitTest, folder: &Path, p: &mut Problems) -> Option<UnitTestSpec> {
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
fn unittest_tests(spec: &UnitTestSpec, time_limit_ms: u32) -> Vec<Test> {
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

/// The values a call test uses (already checked to parse).
fn values_in(t: &Test) -> Vec<Value> {
    let mut values = Vec::new();
    let calls = t.kind.parsed_call().into_iter().flatten();
    for call in calls.chain(t.kind.parsed_before().unwrap_or_default()) {
        values.extend(call.args);
        values.extend(call.kwargs.into_iter().map(|(_, v)| v));
    }
    if let TestKind::Call { outcome, .. } = &t.kind
        && let Some(Ok(v)) = outcome.expected_value()
    {
        values.push(v);
    }
    values
}

fn uses(v: &Value, pred: fn(&Value) -> bool) -> bool {
    pred(v)
        || match v {
            Value::List(x)
            | Value::Tuple(x)
            | Value::Set(x)
            | Value::FrozenSet(x)
            | Value::Linked(x)
            | Value::Tree(x) => x.iter().any(|i| uses(i, pred)),
            Value::Dict(pairs) => pairs.iter().any(|(k, v)| uses(k, pred) || uses(v, pred)),
            _ => false,
        }
}

/// `linked`, `tree` and `rng` values need the helper class that builds them.
fn check_helpers(tests: &[Test], helpers: &str, p: &mut Problems) {
    type IsKind = fn(&Value) -> bool;
    let needs: [(&str, IsKind); 3] = [
        ("ListNode", |v| matches!(v, Value::Linked(_))),
        ("TreeNode", |v| matches!(v, Value::Tree(_))),
        ("CountingRandom", |v| matches!(v, Value::Rng(_))),
    ];
    for (class, pred) in needs {
        let used = tests
            .iter()
            .any(|t| values_in(t).iter().any(|v| uses(v, pred)));
        if used && !helpers.contains(&format!("class {class}")) {
            p.add(
                "tests",
                format!("tests use {class} values but helpers.py defines no class {class}"),
            );
        }
    }
}

fn check_rules(rules: &Rules, tests: &[Test], p: &mut Problems) {
    let called: Vec<&str> = tests
        .iter()
        .filter_map(|t| match &t.kind {
            TestKind::Call { function, .. } => Some(function.as_str()),
            _ => None,
        })
        .collect();
    for (field, names) in [
        ("rules.recursive", &rules.recursive),
        ("rules.no_loops_in", &rules.no_loops_in),
        (
            "rules.no_add_assign_in_loop_in",
            &rules.no_add_assign_in_loop_in,
        ),
    ] {
        for name in names {
            if !called.contains(&name.as_str()) {
                p.add(field, format!("'{name}' is not a function the tests call"));
            }
        }
    }
}
