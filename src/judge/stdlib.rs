//! The Python standard library the judge runs with.
//!
//! `build.rs` compiles RustPython's library sources into [`STDLIB`], leaving
//! out the modules that cannot be imported here ([`left_out`]); when code
//! imports one of those, [`explain_missing`] adds why to the error.

mod left_out;

pub use left_out::left_out;

use rustpython_vm::frozen::FrozenLib;

/// The standard library, compiled by `build.rs`: every module that can be
/// imported here, stored uncompressed (the download is compressed as a whole).
pub static STDLIB: &FrozenLib =
    FrozenLib::from_ref(include_bytes!(concat!(env!("OUT_DIR"), "/stdlib.frozen")).as_slice());

/// `message` of a `ModuleNotFoundError`, with why the module is missing when
/// it is a standard module the judge leaves out.
pub fn explain_missing(message: &str) -> String {
    let missing = message
        .strip_prefix("No module named '")
        .and_then(|rest| rest.strip_suffix('\''));
    match missing.and_then(|module| left_out(module).map(|needs| (module, needs))) {
        Some((module, needs)) => format!(
            "{message}: {module} is part of Python's standard library, but it needs {needs}, so it is not available here"
        ),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_left_out_module_says_what_it_needs() {
        assert_eq!(
            explain_missing("No module named 'asyncio'"),
            "No module named 'asyncio': asyncio is part of Python's standard library, but it needs network sockets, which the sandbox does not have, so it is not available here"
        );
        assert!(explain_missing("No module named 'tkinter.ttk'").contains("a window system"));
    }

    #[test]
    fn other_missing_modules_keep_their_message() {
        for message in [
            "No module named 'numpy'",
            "No module named 'asyncios'",
            "No module named 'json'",
            "something else",
        ] {
            assert_eq!(explain_missing(message), message);
        }
    }

    #[test]
    fn every_left_out_line_is_read_and_nothing_kept_is_left_out() {
        assert_eq!(
            left_out("xml.sax.saxutils"),
            Some("network sockets, which the sandbox does not have")
        );
        for kept in [
            "xml",
            "xml.sax",
            "logging",
            "unittest",
            "http",
            "urllib.parse",
            "encodings.utf_8",
            "collections",
        ] {
            assert_eq!(left_out(kept), None, "{kept}");
        }
        assert!(STDLIB.decode().any(|(name, _)| name == "collections"));
        assert!(!STDLIB.decode().any(|(name, _)| left_out(name).is_some()));
    }
}
