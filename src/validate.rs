//! `pyprep validate`: proof that every challenge is sound.
//!
//! For each judged challenge: the reference answer is accepted, the starter
//! is not, and every plausible wrong answer fails at least one test (so no
//! wrong answer passes by luck). When CPython is on the machine, the reference
//! is also run under it against the same tests, so what passes here passes in
//! a real interview. How submissions are run is the caller's choice (a native
//! [`crate::sandbox::Sandbox`], or in-process under WASI).

use crate::challenge::{Challenge, Kind};
use crate::protocol::{Mode, RunRequest};
use crate::report::{Outcome, Report};
use std::fmt;

/// One thing wrong with one challenge.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub challenge: String,
    /// The file or field at fault, e.g. `solution.py`, `wrong/off_by_one.py`.
    pub source: String,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "challenges/{}: {}: {}",
            self.challenge, self.source, self.reason
        )
    }
}

/// What validating one challenge checked, for the summary line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    pub challenges: usize,
    pub references: usize,
    pub wrong_answers: usize,
    pub cpython_checked: usize,
}

/// Checks `challenge` by running submissions through `run`; returns its problems.
pub fn check_challenge(
    challenge: &Challenge,
    run: &dyn Fn(&Challenge, &RunRequest) -> Report,
    tally: &mut Tally,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    tally.challenges += 1;
    if !challenge.kind.is_judged() {
        return problems;
    }
    let problem = |source: &str, reason: String| Problem {
        challenge: challenge.id.clone(),
        source: source.to_owned(),
        reason,
    };
    let submit = |code: &str| {
        // The definition travels with the request, so challenges not built in yet can be checked.
        let request = RunRequest {
            definition: Some(Box::new(challenge.clone())),
            ..RunRequest::new(&challenge.id, code, Mode::Submit)
        };
        run(challenge, &request)
    };
    let reference_file = if challenge.kind == Kind::Quiz {
        "quiz.answer"
    } else {
        "solution.py"
    };
    let reference = submit(&challenge.solution);
    tally.references += 1;
    if reference.outcome != Outcome::Accepted {
        problems.push(problem(
            reference_file,
            format!("the reference is not accepted: {}", reference.headline()),
        ));
    }
    if challenge.kind.is_code() {
        let starter = submit(&challenge.starter);
        if starter.outcome == Outcome::Accepted {
            problems.push(problem(
                "starter.py",
                "the starter code already passes every test".into(),
            ));
        }
    }
    for wrong in &challenge.wrong {
        tally.wrong_answers += 1;
        let source = if challenge.kind == Kind::Quiz {
            format!("quiz.{}", wrong.name)
        } else {
            format!("wrong/{}.py", wrong.name)
        };
        let report = submit(&wrong.code);
        match report.outcome {
            Outcome::Accepted => problems.push(problem(
                &source,
                "passes every test: add a hidden test that catches it".into(),
            )),
            Outcome::SyntaxError if challenge.kind.is_code() => problems.push(problem(
                &source,
                format!(
                    "does not compile, so it proves nothing: {}",
                    report.headline()
                ),
            )),
            _ => {}
        }
    }
    problems
}

#[cfg(not(target_os = "wasi"))]
pub use cpython::check_with_cpython;

#[cfg(not(target_os = "wasi"))]
mod cpython {
    use super::*;
    use crate::challenge::{CallOutcome, Identity, TestKind, normalize_output};
    use crate::value::Value;
    use serde::{Deserialize, Serialize};
    use std::io::{Read, Write};
    use std::path::Path;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    /// How long CPython may take for one challenge.
    const CPYTHON_TIMEOUT: Duration = Duration::from_secs(60);

    /// Runs the function tests of the reference in CPython and prints what came back.
    const CALLS_PY: &str = include_str!("validate_calls.py");
    /// Replaces `input()` so its prompt goes to stderr, as the judge keeps prompts out of stdout.
    const PROGRAM_PRELUDE: &str = "import builtins, sys\n\
def _input(prompt=''):\n    sys.stderr.write(str(prompt))\n    line = sys.stdin.readline()\n    \
if not line:\n        raise EOFError('EOF when reading a line')\n    return line.rstrip('\\n')\n\
builtins.input = _input\n\
__file__ = 'solution.py'\n\
exec(compile(open('solution.py').read(), 'solution.py', 'exec'), {'__name__': '__main__'})\n";

    #[derive(Serialize, Clone)]
    struct CallSpec<'a> {
        kind: &'a str,
        helpers: &'a str,
        code: &'a str,
        tests: Vec<CallTest>,
        function: &'a str,
        versions: Vec<&'a str>,
    }

    #[derive(Serialize, Clone)]
    struct CallTest {
        function: String,
        args: Vec<String>,
        kwargs: Vec<(String, String)>,
        /// Calls made first, in the same namespace.
        before: Vec<CallTest>,
    }

    impl CallTest {
        fn new(call: &crate::value::Call, before: Vec<CallTest>) -> Self {
            CallTest {
                function: call.function.clone(),
                args: call.args.iter().map(Value::repr).collect(),
                kwargs: call
                    .kwargs
                    .iter()
                    .map(|(k, v)| (k.clone(), v.repr()))
                    .collect(),
                before,
            }
        }
    }

    #[derive(Deserialize)]
    struct CallResult {
        returned: Option<String>,
        args_after: Option<Vec<String>>,
        /// Whether the returned object is each positional argument, then each keyword one.
        same_as_args: Option<Vec<bool>>,
        raised: Option<String>,
        mro: Option<Vec<String>>,
        passed: Option<bool>,
    }

    fn run_python(
        python: &Path,
        args: &[&str],
        stdin: &str,
        dir: &Path,
    ) -> Result<(String, String), String> {
        let mut child = Command::new(python)
            .args(args)
            .current_dir(dir)
            .env("PYTHONHASHSEED", "0")
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", python.display()))?;
        // Feed stdin and drain both pipes on threads, so a chatty child never blocks on a full pipe.
        let stdin_bytes = stdin.as_bytes().to_vec();
        let mut pipe_in = child.stdin.take();
        let feeder = std::thread::spawn(move || {
            if let Some(s) = pipe_in.as_mut() {
                let _ = s.write_all(&stdin_bytes);
            }
        });
        let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                if let Some(mut p) = pipe {
                    let _ = p.read_to_end(&mut buf);
                }
                String::from_utf8_lossy(&buf).into_owned()
            })
        };
        let out = drain(
            child
                .stdout
                .take()
                .map(|p| Box::new(p) as Box<dyn std::io::Read + Send>),
        );
        let err = drain(
            child
                .stderr
                .take()
                .map(|p| Box::new(p) as Box<dyn std::io::Read + Send>),
        );
        let started = Instant::now();
        let timed_out = loop {
            match child.try_wait() {
                Ok(Some(_)) => break false,
                Ok(None) if started.elapsed() > CPYTHON_TIMEOUT => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break true;
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(5)),
                Err(e) => return Err(e.to_string()),
            }
        };
        let _ = feeder.join();
        let (out, err) = (
            out.join().unwrap_or_default(),
            err.join().unwrap_or_default(),
        );
        if timed_out {
            return Err(format!(
                "CPython took more than {} s",
                CPYTHON_TIMEOUT.as_secs()
            ));
        }
        Ok((out, err))
    }

    fn scratch() -> Result<std::path::PathBuf, String> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static N: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir().join(format!(
            "pyprep-cpython-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        Ok(dir)
    }

    /// Runs the reference answer of `challenge` under CPython (`python`) against its tests.
    pub fn check_with_cpython(challenge: &Challenge, python: &Path) -> Vec<Problem> {
        let problem = |reason: String| Problem {
            challenge: challenge.id.clone(),
            source: "solution.py under CPython".into(),
            reason,
        };
        let dir = match scratch() {
            Ok(d) => d,
            Err(e) => return vec![problem(format!("cannot make a scratch folder: {e}"))],
        };
        let result = match challenge.kind {
            Kind::Function => check_calls(challenge, python, &dir),
            Kind::Program => check_program(challenge, python, &dir),
            Kind::Unittest => check_suite(challenge, python, &dir),
            Kind::Quiz => check_quiz(challenge, python, &dir),
            Kind::Concept | Kind::Practice => Ok(()),
        };
        let _ = std::fs::remove_dir_all(&dir);
        match result {
            Ok(()) => vec![],
            Err(reasons) => reasons.into_iter().map(problem).collect(),
        }
    }

    fn call_script(
        spec: &CallSpec,
        python: &Path,
        dir: &Path,
    ) -> Result<Vec<CallResult>, Vec<String>> {
        let input = serde_json::to_string(spec).expect("spec serializes");
        let (stdout, stderr) =
            run_python(python, &["-c", CALLS_PY], &input, dir).map_err(|e| vec![e])?;
        serde_json::from_str(stdout.trim())
            .map_err(|_| vec![format!("CPython failed: {}", stderr.trim())])
    }

    fn check_calls(challenge: &Challenge, python: &Path, dir: &Path) -> Result<(), Vec<String>> {
        type Planned<'c> = (
            usize,
            crate::value::Call,
            &'c CallOutcome,
            bool,
            Option<Identity>,
            Vec<crate::value::Call>,
        );
        let mut tests: Vec<Planned> = Vec::new();
        for (i, t) in challenge.tests.iter().enumerate() {
            if let TestKind::Call {
                text,
                outcome,
                preserve_args,
                identity,
                ..
            } = &t.kind
            {
                let call = crate::value::Call::parse(text)
                    .map_err(|e| vec![format!("{}: {e}", t.name)])?;
                let before = t
                    .kind
                    .parsed_before()
                    .map_err(|e| vec![format!("{}: {e}", t.name)])?;
                tests.push((i, call, outcome, *preserve_args, *identity, before));
            }
        }
        let spec = CallSpec {
            kind: "calls",
            helpers: &challenge.helpers,
            code: &challenge.solution,
            tests: tests
                .iter()
                .map(|(_, call, _, _, _, before)| {
                    let before = before.iter().map(|b| CallTest::new(b, vec![])).collect();
                    CallTest::new(call, before)
                })
                .collect(),
            function: "",
            versions: vec![],
        };
        // Files are not needed by function tests except delete-style ones; give each its files.
        let results = if challenge.tests.iter().any(|t| {
            !t.files.is_empty() || !t.expect_files.is_empty() || !t.absent_files.is_empty()
        }) {
            let mut all = Vec::new();
            for (i, (ti, ..)) in tests.iter().enumerate() {
                let test = &challenge.tests[*ti];
                let _ = std::fs::remove_dir_all(dir);
                let _ = std::fs::create_dir_all(dir);
                write_files(test, dir);
                let one = CallSpec {
                    tests: vec![spec.tests[i].clone()],
                    ..spec.clone()
                };
                let mut r = call_script(&one, python, dir)?;
                let mut problems = Vec::new();
                check_files(test, dir, &mut problems);
                if !problems.is_empty() {
                    return Err(problems);
                }
                all.append(&mut r);
            }
            all
        } else {
            call_script(&spec, python, dir)?
        };
        let mut problems = Vec::new();
        for ((index, call, outcome, preserve, identity, _), result) in tests.iter().zip(results) {
            let name = &challenge.tests[*index].name;
            let what = format!("{name} ({call})");
            match outcome {
                CallOutcome::Returns { compare, .. } => match &result.returned {
                    Some(text) => {
                        let value = outcome
                            .expected_value()
                            .and_then(Result::ok)
                            .unwrap_or(Value::None);
                        let value = &value;
                        let mut actual = Value::parse(text).unwrap_or(Value::Opaque {
                            type_name: text.clone(),
                        });
                        if matches!(value, Value::Linked(_)) && actual == Value::None {
                            actual = Value::Linked(vec![]);
                        }
                        if !value.matches(&actual, compare) {
                            problems.push(format!(
                                "{what}: expected {}, CPython got {text}",
                                value.repr()
                            ));
                        }
                    }
                    None => problems.push(format!(
                        "{what}: CPython raised {}",
                        result.raised.unwrap_or_default()
                    )),
                },
                CallOutcome::Raises { exception } => {
                    if !result.mro.as_ref().is_some_and(|m| m.contains(exception)) {
                        problems.push(format!(
                            "{what}: expected {exception}, CPython gave {:?}",
                            result.returned.or(result.raised)
                        ));
                    }
                }
                CallOutcome::Check(check) => match (&result.returned, check) {
                    (None, _) => problems.push(format!(
                        "{what}: CPython raised {}",
                        result.raised.unwrap_or_default()
                    )),
                    (Some(text), crate::challenge::Check::PairSum) => {
                        let actual = Value::parse(text).unwrap_or(Value::Opaque {
                            type_name: text.clone(),
                        });
                        if let crate::report::TestVerdict::WrongAnswer { message, .. } =
                            crate::judge::checks::pair_sum_verdict(&call.args, &actual)
                        {
                            problems.push(format!("{what}: {message}"));
                        }
                    }
                    _ => {}
                },
            }
            let same = result.same_as_args.as_deref().unwrap_or(&[]);
            match identity {
                Some(Identity::New) if same.iter().any(|s| *s) => {
                    problems.push(format!("{what}: CPython returned an argument itself"));
                }
                Some(Identity::Argument(i)) if !same.get(*i).copied().unwrap_or(false) => {
                    problems.push(format!(
                        "{what}: CPython did not return argument {} itself",
                        i + 1
                    ));
                }
                _ => {}
            }
            if *preserve && let Some(after) = &result.args_after {
                for (before, after) in call.args.iter().zip(after) {
                    if Value::parse(after).ok().as_ref() != Some(before) {
                        problems.push(format!(
                            "{what}: CPython run changed an argument to {after}"
                        ));
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    fn write_files(test: &crate::challenge::Test, dir: &Path) {
        for (name, content) in &test.files {
            let path = dir.join(name);
            if let Some(parent) = path.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            let _ = std::fs::write(path, content);
        }
    }

    fn check_files(test: &crate::challenge::Test, dir: &Path, problems: &mut Vec<String>) {
        for (name, want) in &test.expect_files {
            let got = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
            if normalize_output(want) != normalize_output(&got) {
                problems.push(format!("{}: {name} is {got:?} under CPython", test.name));
            }
        }
        for name in &test.absent_files {
            if dir.join(name).exists() {
                problems.push(format!("{}: {name} still exists under CPython", test.name));
            }
        }
    }

    fn check_program(challenge: &Challenge, python: &Path, dir: &Path) -> Result<(), Vec<String>> {
        let mut problems = Vec::new();
        for test in &challenge.tests {
            let TestKind::Program { stdin, stdout } = &test.kind else {
                continue;
            };
            let _ = std::fs::remove_dir_all(dir);
            let _ = std::fs::create_dir_all(dir);
            write_files(test, dir);
            let _ = std::fs::write(dir.join("solution.py"), &challenge.solution);
            let (out, err) =
                run_python(python, &["-c", PROGRAM_PRELUDE], stdin, dir).map_err(|e| vec![e])?;
            if let Some(want) = stdout
                && normalize_output(want) != normalize_output(&out)
            {
                problems.push(format!(
                    "{}: CPython printed {out:?}, expected {want:?} (stderr: {})",
                    test.name,
                    err.trim()
                ));
            }
            let _ = std::fs::remove_file(dir.join("solution.py"));
            check_files(test, dir, &mut problems);
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    fn check_suite(challenge: &Challenge, python: &Path, dir: &Path) -> Result<(), Vec<String>> {
        let Some(spec) = &challenge.unittest else {
            return Ok(());
        };
        let call = CallSpec {
            kind: "suite",
            helpers: "",
            code: &challenge.solution,
            tests: vec![],
            function: &spec.function,
            versions: spec.versions.iter().map(|v| v.code.as_str()).collect(),
        };
        let results = call_script(&call, python, dir)?;
        let mut problems = Vec::new();
        for (i, (v, r)) in spec.versions.iter().zip(results).enumerate() {
            let passed = r.passed.unwrap_or(false);
            if (i == 0) != passed {
                let what = if i == 0 {
                    "fail on the correct version".to_owned()
                } else {
                    format!("miss the bug: {}", v.description)
                };
                problems.push(format!("under CPython the reference tests {what}"));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    fn check_quiz(challenge: &Challenge, python: &Path, dir: &Path) -> Result<(), Vec<String>> {
        let Some(quiz) = &challenge.quiz else {
            return Ok(());
        };
        let (out, err) =
            run_python(python, &["-c", &quiz.snippet], "", dir).map_err(|e| vec![e])?;
        if normalize_output(&out) != normalize_output(&challenge.solution) {
            return Err(vec![format!(
                "CPython prints {out:?}, the answer says {:?} (stderr: {})",
                challenge.solution,
                err.trim()
            )]);
        }
        Ok(())
    }
}
