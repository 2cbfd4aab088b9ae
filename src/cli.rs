//! The `pyprep` command line: `list`, `check`, `validate`, and `sandbox`
//! (the child process the native judge runs in; built for WASI it is what
//! the browser's worker runs).
//!
//! Output for people is plain text (`text::render`); `--json` prints the
//! same `Report` the browser renders.

use crate::catalog::Catalog;
use crate::challenge::Challenge;
use crate::protocol::{Mode, RunRequest};
use crate::report::Report;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
pyprep: practise Python interview questions, checked locally

usage:
  pyprep list                                  list the catalog
  pyprep check <challenge-id> <file> [--json] [--sample] [--dir <challenges>]
                                               judge an answer (a .py file, or the
                                               predicted output for a quiz); exits 0
                                               only when accepted
  pyprep validate [--dir <challenges>] [--no-cpython]
                                               prove every challenge sound: reference
                                               accepted, wrong answers rejected, and the
                                               reference passes under CPython (python3)
  pyprep sandbox --workdir <dir> [--prepare]   internal: run one request from stdin
                                               (--prepare: build the interpreter first)
";

/// Runs the command line with `args` (without the program name).
pub fn main(args: &[String]) -> ExitCode {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["list"] => list(),
        ["check", rest @ ..] => check(rest),
        ["validate", rest @ ..] => validate(rest),
        ["sandbox", "--workdir", dir] => sandbox(Path::new(dir), false),
        ["sandbox", "--workdir", dir, "--prepare"] => sandbox(Path::new(dir), true),
        ["help" | "--help" | "-h"] => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn list() -> ExitCode {
    let challenges = &Catalog::embedded().challenges;
    for c in challenges {
        println!(
            "{:<28} {:<12} {:<7} {:<18} {}",
            c.id,
            c.group.label(),
            c.difficulty.label(),
            c.kind.label(),
            c.title
        );
    }
    let groups: Vec<String> = crate::challenge::Group::ALL
        .iter()
        .map(|g| {
            format!(
                "{} {}",
                challenges.iter().filter(|c| c.group == *g).count(),
                g.label().to_lowercase()
            )
        })
        .collect();
    let judged = challenges.iter().filter(|c| c.kind.is_judged()).count();
    println!(
        "{} questions: {}; {judged} checked by running code",
        challenges.len(),
        groups.join(", ")
    );
    ExitCode::SUCCESS
}

fn check(args: &[&str]) -> ExitCode {
    let json = args.contains(&"--json");
    let mode = if args.contains(&"--sample") {
        Mode::Run
    } else {
        Mode::Submit
    };
    let mut dir = None;
    let mut positional = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match *arg {
            "--dir" => dir = it.next(),
            "--json" | "--sample" => {}
            other => positional.push(other),
        }
    }
    let [id, file] = positional.as_slice() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let loaded: Vec<Challenge>;
    let challenge = match dir {
        Some(d) => match load_reporting(Path::new(d)) {
            Some(c) => {
                loaded = c;
                loaded.iter().find(|c| c.id == *id)
            }
            None => return ExitCode::from(2),
        },
        // Unpacks only this challenge in the browser's judge (`Catalog::for_run`).
        None => Catalog::for_run(id).filter(|c| c.id != crate::challenge::PLAYGROUND),
    };
    let Some(challenge) = challenge else {
        eprintln!("pyprep: no challenge '{id}'; `pyprep list` shows them");
        return ExitCode::from(2);
    };
    let code = match std::fs::read_to_string(file) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("pyprep: cannot read {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut request = RunRequest::new(&challenge.id, &code, mode);
    if dir.is_some() {
        request.definition = Some(Box::new(challenge.clone()));
    }
    let report = judge(challenge, &request);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("reports serialize")
        );
    } else {
        print!("{}", crate::text::render(&report));
    }
    if report.outcome.is_success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Natively each run gets its own sandbox process (time and memory limits hold);
/// under WASI there are no processes, so the judge runs in this one.
fn judge(challenge: &Challenge, request: &RunRequest) -> Report {
    #[cfg(not(target_os = "wasi"))]
    {
        static UNCONFINED_NOTE: std::sync::Once = std::sync::Once::new();
        if crate::sandbox::confine::kernel_abi() == 0 {
            UNCONFINED_NOTE.call_once(|| {
                eprintln!(
                    "note: this system has no Landlock, so the sandbox runs with your rights: \
                     the code checked can read your files"
                )
            });
        }
        match std::env::current_exe() {
            Ok(exe) => crate::sandbox::Sandbox::new(exe).run_challenge(challenge, request),
            Err(e) => {
                let mut t = crate::report::RunTracker::new(challenge, request);
                t.ended(crate::report::SandboxEnd::Crashed(format!(
                    "cannot find this program: {e}"
                )));
                t.into_report()
            }
        }
    }
    #[cfg(target_os = "wasi")]
    {
        crate::judge::run_in_process(challenge, request)
    }
}

fn validate(args: &[&str]) -> ExitCode {
    let mut dir: Option<PathBuf> = None;
    let mut cpython = true;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match *arg {
            "--dir" => dir = it.next().map(PathBuf::from),
            "--no-cpython" => cpython = false,
            other => {
                eprintln!("pyprep validate: unknown argument {other}");
                return ExitCode::from(2);
            }
        }
    }
    let loaded;
    let challenges: &[Challenge] = match &dir {
        Some(d) => match load_reporting(d) {
            Some(c) => {
                loaded = c;
                &loaded
            }
            None => return ExitCode::FAILURE,
        },
        None => &Catalog::embedded().challenges,
    };
    let python = if cpython { find_python() } else { None };
    if cpython && python.is_none() {
        eprintln!("note: python3 not found; skipping the CPython cross-check");
    }
    let mut tally = crate::validate::Tally::default();
    let mut failed = 0;
    for c in challenges {
        #[allow(unused_mut)]
        let mut problems = crate::validate::check_challenge(c, &judge, &mut tally);
        #[cfg(not(target_os = "wasi"))]
        if let Some(py) = &python
            && c.kind.is_judged()
        {
            problems.extend(crate::validate::check_with_cpython(c, py));
            tally.cpython_checked += 1;
        }
        let status = if problems.is_empty() { "ok" } else { "FAILED" };
        println!("{status:<6} {}", c.id);
        for p in &problems {
            println!("       {p}");
        }
        failed += usize::from(!problems.is_empty());
    }
    println!(
        "{} challenges: {} references accepted or checked, {} wrong answers tried, {} cross-checked with CPython; {failed} failed",
        tally.challenges, tally.references, tally.wrong_answers, tally.cpython_checked
    );
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The challenges in `dir`, or `None` after printing every problem found.
/// The browser's judge (WASI) reads only the embedded catalog: leaving the
/// TOML reader out of it keeps its download smaller.
#[cfg(target_os = "wasi")]
fn load_reporting(dir: &Path) -> Option<Vec<Challenge>> {
    eprintln!(
        "pyprep: --dir {} needs the native pyprep; this build has the embedded catalog only",
        dir.display()
    );
    None
}

/// The challenges in `dir`, or `None` after printing every problem found.
#[cfg(not(target_os = "wasi"))]
fn load_reporting(dir: &Path) -> Option<Vec<Challenge>> {
    match crate::catalog::load::load_dir(dir) {
        Ok(challenges) => Some(challenges),
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            None
        }
    }
}

fn find_python() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("python3"))
        .find(|p| p.is_file())
}

fn sandbox(workdir: &Path, prepare: bool) -> ExitCode {
    match crate::sandbox::serve(workdir, prepare) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pyprep sandbox: {e}");
            ExitCode::from(2)
        }
    }
}
