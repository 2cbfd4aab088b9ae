//! The native sandbox process reaches nothing but its scratch folder: no
//! other file, no other process (Landlock, `sandbox::confine`), none of the
//! user's environment, and no socket or ctypes module to reach further. The
//! browser's WASI instance has none of these to begin with.

mod common;

use common::{native, run_samples};
use pyprep::report::Outcome;
use pyprep::sandbox::confine;
use std::net::TcpListener;

#[test]
fn checked_code_reaches_only_its_scratch_folder() {
    let abi = confine::kernel_abi();
    if abi == 0 {
        assert!(
            !common::in_ci(),
            "CI must test the confinement, and this kernel has no Landlock"
        );
        eprintln!("SKIPPED: this kernel has no Landlock; the native sandbox runs unconfined here");
        return;
    }
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let port = listener.local_addr().unwrap().port();
    // Signals are scoped from Landlock ABI 6 on: older kernels let this one through.
    let allowed = if abi >= 6 {
        "[]"
    } else {
        r#"["signal the parent"]"#
    };
    let outside = std::env::temp_dir().join(format!("pyprep-escape-{}", std::process::id()));
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let code = format!(
        r#"import os
escaped = []
def attempt(what, action):
    try:
        action()
        escaped.append(what)
    except (OSError, ImportError):
        pass
attempt("read /etc/passwd", lambda: open("/etc/passwd").read())
attempt("read the project", lambda: open({manifest:?}).read())
attempt("list /", lambda: os.listdir("/"))
attempt("write outside", lambda: open({outside:?}, "w").write("x"))
attempt("connect", lambda: __import__("socket").create_connection(("127.0.0.1", {port}), timeout=1))
attempt("import ctypes", lambda: __import__("ctypes"))
attempt("import _ctypes", lambda: __import__("_ctypes"))
if "PATH" in os.environ or "HOME" in os.environ:
    escaped.append("the user's environment")
attempt("signal the parent", lambda: os.kill(os.getppid(), 0))
with open("mine.txt", "w") as f:
    f.write("kept")
with open("mine.txt") as f:
    assert f.read() == "kept"

def is_prime(n):
    assert set(escaped) <= set({allowed}), escaped
    return n in (2, 17)
"#,
        outside = outside.display().to_string(),
    );
    let report = run_samples(&native(), "is-prime", &code);
    assert!(!outside.exists(), "wrote {}", outside.display());
    let details = serde_json::to_string(&report).unwrap();
    assert_eq!(report.outcome, Outcome::SamplesPassed, "{details}");
    drop(listener);
}
