//! Shared by the integration tests: the two sandboxes a run can use.
//!
//! `native()` is the `pyprep` binary cargo built for these tests; `wasi()` is
//! the same judge built for `wasm32-wasip1` and run under node's WASI, driven
//! by the same native parent, as the browser's worker drives it.

#![allow(dead_code)]

use pyprep::catalog::Catalog;
use pyprep::challenge::Challenge;
use pyprep::protocol::{Mode, RunRequest};
use pyprep::report::Report;
use pyprep::sandbox::Sandbox;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

pub fn native() -> Sandbox {
    Sandbox::new(env!("CARGO_BIN_EXE_pyprep"))
}

/// The judge the browser downloads (`pyprep` built for `wasm32-wasip1` by
/// `www/build.mjs`, as the app's build does), built once per test binary.
pub fn wasi_wasm() -> &'static Path {
    static WASM: OnceLock<PathBuf> = OnceLock::new();
    WASM.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let status = Command::new("node")
            .current_dir(root)
            .args(["www/build.mjs"])
            .status()
            .expect("node runs");
        assert!(status.success(), "building the WASI judge failed");
        root.join("www/gen/judge/judge.wasm")
    })
}

/// The WASI judge under node, as a sandbox: it sees the scratch folder as `/`.
///
/// Node runs it on one stack of [`WASI_STACK_KIB`]: node cannot move to fresh
/// stacks as a browser with stack switching does, and its default stack
/// (under 1 MiB) ends recursion short of Python's limit once the interpreter
/// is optimised.
pub fn wasi() -> Sandbox {
    wasi_on_stack(WASI_STACK_KIB)
}

/// Node's stack for [`wasi()`]: deep enough for Python's recursion limit.
pub const WASI_STACK_KIB: u32 = 3000;

/// Node runs the judge with its baseline compiler only: node 20's optimising
/// tier crashes the whole process now and then on the judge's largest
/// functions when several run at once (SIGSEGV or a V8 fatal error, with the
/// judge from before the stack guard too; chromium's newer engine does not).
pub const NODE_FLAGS: &[&str] = &["--no-wasm-tier-up"];

/// The WASI judge under node, with an engine stack of `kib` KiB. It builds
/// its interpreter before reading the request (`--prepare`), as the
/// browser's worker starts every instance that serves a run under stack
/// switching.
pub fn wasi_on_stack(kib: u32) -> Sandbox {
    wasi_launched(kib, true)
}

/// The WASI judge as on a browser's first run: without the later part of
/// the standard library (`pyprep::judge::stdlib::later_part`).
pub fn wasi_without_later() -> Sandbox {
    wasi_launched(WASI_STACK_KIB, false)
}

fn wasi_launched(kib: u32, later: bool) -> Sandbox {
    let wasm = wasi_wasm().to_path_buf();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wasi/run.mjs");
    Sandbox::with_launcher("node (WASI)", move |dir| {
        let mut c = Command::new("node");
        c.args(NODE_FLAGS)
            .arg(format!("--stack-size={kib}"))
            .arg(&script)
            .arg(&wasm)
            .arg(dir)
            .args(["sandbox", "--workdir", "/", "--prepare"]);
        if !later {
            c.env("PYPREP_WITHOUT_LATER", "1");
        }
        c
    })
}

pub fn challenge(id: &str) -> &'static Challenge {
    Catalog::embedded()
        .get(id)
        .unwrap_or_else(|| panic!("no challenge {id}"))
}

pub fn request(id: &str, code: &str, mode: Mode) -> RunRequest {
    RunRequest::new(id, code, mode)
}

pub fn submit(sandbox: &Sandbox, id: &str, code: &str) -> Report {
    sandbox.run(&request(id, code, Mode::Submit))
}

pub fn run_samples(sandbox: &Sandbox, id: &str, code: &str) -> Report {
    sandbox.run(&request(id, code, Mode::Run))
}

/// Whether this is a CI run (`CI` set, as `.ci/run` is run): there a test
/// whose tool is missing fails instead of skipping.
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false")
}

/// Imports every module of the judge's standard library in `sandbox`'s
/// playground (the later part too when `later`), then a module it does not
/// have: `asyncio`, which is left out, or without the later part `email`,
/// which comes in it; panics unless each module imported and the last
/// import's error says why it failed. `__main__` modules (which run a
/// program when imported) are skipped, and an OSError does not count as
/// failing: natively the sandbox may refuse the host's files that a module
/// reads when imported (sysconfig, zoneinfo).
pub fn import_every_standard_module(sandbox: &Sandbox, later: bool) {
    use pyprep::judge::stdlib::{STDLIB, later_part};
    use pyprep::protocol::{PLAYGROUND, Play};
    use pyprep::report::TestVerdict;
    let mut names: Vec<&str> = STDLIB.decode().map(|(name, _)| name).collect();
    if later {
        names.extend(
            later_part()
                .expect("built in natively")
                .decode()
                .map(|(name, _)| name),
        );
    }
    names.retain(|name| !name.ends_with("__main__"));
    let n = names.len();
    assert!(n > 200, "{n} modules");
    let (missing, why) = if later {
        ("asyncio", "network sockets")
    } else {
        ("email", "downloaded after the first run")
    };
    let code = format!(
        "import importlib\nfailed = []\nfor name in {names:?}:\n    try:\n        importlib.import_module(name)\n    except OSError:\n        pass\n    except BaseException as e:\n        failed.append(f'{{name}}: {{e!r}}')\nprint('imported', {n} - len(failed), 'of', {n}, failed)\nimport {missing}\n"
    );
    let r = sandbox.run(&RunRequest::play(PLAYGROUND, &code, Play::default()));
    let printed: String = r.tests[0].output.iter().map(|c| c.text.as_str()).collect();
    assert!(
        printed.contains(&format!("imported {n} of {n} []")),
        "{printed}\n{}",
        r.headline()
    );
    let TestVerdict::RuntimeError { error } = &r.tests[0].verdict else {
        panic!("import {missing}: {:?}", r.tests[0].verdict)
    };
    assert_eq!(error.exception, "ModuleNotFoundError");
    assert!(
        error
            .message
            .starts_with(&format!("No module named '{missing}': "))
            && error.message.contains(why),
        "{}",
        error.message
    );
}
