//! The reference answer run under CPython, against the challenge's own tests.
//!
//! What passes in the judge must pass in a real interview, so `pyprep
//! validate` runs each reference answer under the machine's `python3` too
//! ([`check_with_cpython`]): programs on each test's stdin and files, the
//! quiz's snippet against its answer, and (in `calls.rs`, through the
//! script `calls.py`) function calls and unit-test suites. Each run gets a
//! scratch folder of its own and a time limit; nothing here runs under WASI,
//! which has no processes.

mod calls;

use super::Problem;
use crate::challenge::{Challenge, Kind, Test, TestKind, normalize_output};
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long CPython may take for one challenge.
const CPYTHON_TIMEOUT: Duration = Duration::from_secs(60);

/// Replaces `input()` so its prompt goes to stderr, as the judge keeps prompts out of stdout.
const PROGRAM_PRELUDE: &str = "import builtins, sys\n\
def _input(prompt=''):\n    sys.stderr.write(str(prompt))\n    line = sys.stdin.readline()\n    \
if not line:\n        raise EOFError('EOF when reading a line')\n    return line.rstrip('\\n')\n\
builtins.input = _input\n\
__file__ = 'solution.py'\n\
exec(compile(open('solution.py').read(), 'solution.py', 'exec'), {'__name__': '__main__'})\n";

/// Runs `python` with `args` in `dir`, feeding it `stdin`: its stdout and
/// stderr, or why it did not start or finish in time.
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

/// A fresh, empty scratch folder for one challenge's CPython runs.
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
        Kind::Function => calls::check_calls(challenge, python, &dir),
        Kind::Program => check_program(challenge, python, &dir),
        Kind::Unittest => calls::check_suite(challenge, python, &dir),
        Kind::Quiz => check_quiz(challenge, python, &dir),
        Kind::Concept | Kind::Practice => Ok(()),
    };
    let _ = std::fs::remove_dir_all(&dir);
    match result {
        Ok(()) => vec![],
        Err(reasons) => reasons.into_iter().map(problem).collect(),
    }
}

/// Writes `test`'s files into `dir`.
fn write_files(test: &Test, dir: &Path) {
    for (name, content) in &test.files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(path, content);
    }
}

/// Adds a problem for each file `test` expects that CPython's run left otherwise.
fn check_files(test: &Test, dir: &Path, problems: &mut Vec<String>) {
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

fn check_quiz(challenge: &Challenge, python: &Path, dir: &Path) -> Result<(), Vec<String>> {
    let Some(quiz) = &challenge.quiz else {
        return Ok(());
    };
    let (out, err) = run_python(python, &["-c", &quiz.snippet], "", dir).map_err(|e| vec![e])?;
    if normalize_output(&out) != normalize_output(&challenge.solution) {
        return Err(vec![format!(
            "CPython prints {out:?}, the answer says {:?} (stderr: {})",
            challenge.solution,
            err.trim()
        )]);
    }
    Ok(())
}
