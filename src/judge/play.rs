//! Free runs: the playground, and a question's code run with the
//! candidate's own input, files or call.
//!
//! A free run is one pseudo-test, index 0, in the same sandbox and under the
//! same limits as a judged run. It passes when the code ran to the end; an
//! exception, `sys.exit` with an error, a time, output or memory limit is
//! reported as in a judged run. What it adds: the value a call returned, read
//! by the judge as [`Value`](crate::value::Value) ([`Event::Returned`]), the
//! files in the working folder afterwards ([`Event::Files`]), and, when asked
//! for, `input()` that asks for each line as it is needed
//! ([`Event::InputWanted`]). The question's rules are not checked: they are
//! for Submit.

use super::{Continue, Ran, Run, extract, python};
use crate::protocol::{Event, Play, WorkFile};
use crate::report::TestVerdict;
use crate::value::Call;
use extract::HelperClasses;
use rustpython_vm::function::{FuncArgs, KwArgs};
use std::path::{Component, Path};
use std::time::Instant;

/// The one test a free run reports.
const INDEX: usize = 0;

/// Runs `play` with the compiled code of `run`.
pub(super) fn run(run: &Run, play: &Play) -> Continue {
    let console = &run.harness.console;
    console
        .borrow_mut()
        .emit(Event::TestStarted { index: INDEX });
    console.borrow_mut().begin(INDEX);
    let started = Instant::now();
    let verdict = match prepare(run, play) {
        Ok(()) => match &play.call {
            Some(call) => call_once(run, call),
            None => match run.run_main() {
                Ok(()) => TestVerdict::Passed,
                Err(v) => v,
            },
        },
        Err(v) => v,
    };
    // Time spent waiting for the user to type is not the code's time.
    let waited = run.harness.input_wait.get();
    let time_ms = started
        .elapsed()
        .saturating_sub(waited)
        .as_millis()
        .min(u32::MAX as u128) as u32;
    let (_, cut) = console.borrow_mut().end();
    let verdict = match verdict {
        TestVerdict::Passed if cut => TestVerdict::OutputLimit {
            limit_bytes: crate::report::OUTPUT_LIMIT_BYTES,
        },
        v => v,
    };
    let files = work_files(&run.workdir);
    console.borrow_mut().emit(Event::Files {
        index: INDEX,
        files,
    });
    console.borrow_mut().emit(Event::TestFinished {
        index: INDEX,
        verdict,
        time_ms,
    });
    Continue::Go
}

/// Writes the user's files into an empty working folder and sets up stdin.
fn prepare(run: &Run, play: &Play) -> Result<(), TestVerdict> {
    for (name, _) in &play.files {
        if let Err(why) = check_file_name(name) {
            return Err(TestVerdict::Crashed {
                message: format!("the file name {name:?} {why}"),
            });
        }
    }
    run.enter_workdir(play.files.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(|message| TestVerdict::Crashed { message })?;
    let reset = if play.interactive {
        run.harness.reset_interactive(run.vm, &play.stdin, INDEX)
    } else {
        run.harness.reset(run.vm, &play.stdin)
    };
    reset.map_err(|e| TestVerdict::Crashed {
        message: python::py_error(run.vm, &e, "").summary(),
    })
}

/// A file name the user may give: relative, inside the working folder.
fn check_file_name(name: &str) -> Result<(), &'static str> {
    let path = Path::new(name);
    if name.is_empty() || name.len() > 200 {
        return Err("must have 1 to 200 characters");
    }
    if !path.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err("must stay inside the working folder (no /, .. or drive)");
    }
    Ok(())
}

/// Runs the code as a module, then the call; reports the value it returned.
fn call_once(run: &Run, text: &str) -> TestVerdict {
    let vm = run.vm;
    let call = match Call::parse(text) {
        Ok(c) => c,
        Err(e) => {
            return TestVerdict::WrongAnswer {
                message: format!(
                    "The call cannot be run: {e}. Write a call with literal arguments, like is_prime(97)."
                ),
                expected: None,
                actual: None,
            };
        }
    };
    let helpers = match run.helper_namespace() {
        Ok(h) => h,
        Err(v) => return v,
    };
    let classes = HelperClasses::from_namespace(vm, helpers.as_ref());
    let (globals, ran) = match run.exec_user("solution", helpers.as_ref(), &[]) {
        Ok(x) => x,
        Err(v) => return v,
    };
    if let Ran::Raised(e) = ran {
        return run.error_verdict(&e);
    }
    let Some(function) = extract::dict_get(vm, &globals, &call.function) else {
        return TestVerdict::WrongAnswer {
            message: format!("Your code does not define {}.", call.function),
            expected: None,
            actual: None,
        };
    };
    let (args, kwargs) = match extract::build_args(vm, &call, &classes) {
        Ok(built) => built,
        Err(e) => {
            return TestVerdict::Crashed {
                message: python::py_error(vm, &e, "").summary(),
            };
        }
    };
    match function.call(
        FuncArgs::new(args, kwargs.into_iter().collect::<KwArgs>()),
        vm,
    ) {
        Ok(value) => {
            let value = extract::read_with(vm, &value, &classes);
            run.harness.console.borrow_mut().emit(Event::Returned {
                index: INDEX,
                value,
            });
            TestVerdict::Passed
        }
        Err(e) => run.error_verdict(&e),
    }
}

/// The files in the working folder, by name, bounded in number and size.
fn work_files(dir: &Path) -> Vec<WorkFile> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if found.len() < WorkFile::MAX_FILES
                && let Ok(name) = path.strip_prefix(dir)
            {
                found.push((name.to_string_lossy().replace('\\', "/"), path));
            }
        }
    }
    found.sort();
    found
        .into_iter()
        .filter_map(|(name, path)| {
            let bytes = std::fs::read(&path).ok()?;
            let cut = bytes.len() > WorkFile::SHOWN_BYTES;
            let shown = &bytes[..bytes.len().min(WorkFile::SHOWN_BYTES)];
            Some(WorkFile {
                name,
                text: String::from_utf8_lossy(shown).into_owned(),
                bytes: bytes.len() as u64,
                cut,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::check_file_name;

    #[test]
    fn file_names_stay_inside_the_working_folder() {
        assert!(check_file_name("data.txt").is_ok());
        assert!(check_file_name("notes/today.md").is_ok());
        for bad in ["", "../x", "/etc/passwd", "a/../../b", "./x"] {
            assert!(check_file_name(bad).is_err(), "{bad}");
        }
    }
}
