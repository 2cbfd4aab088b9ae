//! The Python world the candidate's code runs in, and the judge's handles on it.
//!
//! This file builds a RustPython interpreter with its standard library
//! frozen in, reading nothing from the host ([`new_interpreter`]), or builds
//! it ahead of the request ([`prepare`]), and holds the limits every run
//! shares. The rest is in two files:
//!
//! - `harness.rs`: [`Harness`], what a judged run swaps in (output to the
//!   console, `input()`, the recursion limit, a harmless `unittest.main`)
//!   and the builtins it captures before any candidate code runs.
//! - `exception.rs`: [`py_error`], an exception read into the report's
//!   `PyError`, with only the candidate's frames.
//!
//! Reading values and deciding verdicts happen elsewhere (`extract`,
//! `checks`, `call.rs` and the other test kinds' files).

mod exception;
mod harness;

pub use exception::py_error;
pub use harness::{Harness, Unittest};

use rustpython_vm::{Interpreter, Settings};

/// The recursion limit a run has, as in CPython, in every build (RustPython's
/// debug default is lower).
pub const RECURSION_LIMIT: usize = 1000;
/// The highest limit `sys.setrecursionlimit` grants. Deep recursion needs
/// native stack: natively the sandbox's thread has plenty; in the browser the
/// judge moves to fresh engine stacks as it goes deeper where the engine can
/// (see `stack`), and elsewhere ends in a `RecursionError` when the one stack
/// it has is full. Past this, a runaway recursion would only take longer to
/// fail.
pub const MAX_RECURSION_LIMIT: usize = 10_000;
/// File name the candidate's code runs under; tracebacks keep only its frames.
pub const USER_FILE: &str = "solution.py";

/// Native modules the candidate's code does not get: `_remote_debugging`
/// reads other processes' memory, and does not exist in the browser's build.
/// (`_ctypes`, which would let code read the judge's own memory natively, is
/// not built at all: see `vendor/README.md`.)
pub const WITHHELD_MODULES: &[&str] = &["_remote_debugging"];

/// A fresh interpreter with the standard library, reading nothing from the host environment.
pub fn new_interpreter() -> Interpreter {
    let mut settings = Settings::default();
    settings.allow_external_library = false;
    settings.ignore_environment = true;
    settings.import_site = false;
    settings.user_site_directory = false;
    settings.isolated = true;
    settings.safe_path = true;
    settings.install_signal_handlers = false;
    settings.hash_seed = Some(0);
    let builder = Interpreter::builder(settings);
    let mut defs = rustpython_stdlib::stdlib_module_defs(&builder.ctx);
    defs.retain(|def| !WITHHELD_MODULES.contains(&def.name.as_str()));
    let builder = builder
        .add_native_modules(&defs)
        .add_frozen_modules(super::stdlib::STDLIB);
    // The browser's judge finds Unicode names (`"\N{...}"`, `unicodedata`)
    // once the later file is there; natively they are built in.
    #[cfg(target_os = "wasi")]
    unicode_names2::set_tables_source(super::stdlib::unicode_names);
    match super::stdlib::later_part() {
        Some(later) => builder.add_frozen_modules(later).build(),
        None => builder.build(),
    }
}

/// Modules the harness imports (`HARNESS_PY`): [`prepare`] imports them
/// ahead of the request, so a prepared interpreter holds exactly what a
/// fresh one holds once its harness is installed.
const HARNESS_IMPORTS: &[&str] = &["io", "sys"];

/// An interpreter built before its run's request arrived: the standard
/// library set up and the harness's modules imported, nothing else. The
/// browser's worker keeps one waiting (`sandbox --prepare`), so a run starts
/// without paying for this; everything a run sets (its key, clock, files,
/// rules, stdin) comes after, from the request.
pub struct Prepared(Interpreter);

/// Builds a [`Prepared`] interpreter.
pub fn prepare() -> Prepared {
    let interpreter = new_interpreter();
    interpreter.enter(|vm| {
        for module in HARNESS_IMPORTS {
            // A failure shows again, and is reported, when the harness is installed.
            let _ = vm.import(*module, 0);
        }
    });
    Prepared(interpreter)
}

impl Prepared {
    pub fn into_interpreter(self) -> Interpreter {
        self.0
    }
}
