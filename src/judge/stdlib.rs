//! The Python standard library the judge runs with.
//!
//! `build.rs` compiles RustPython's library sources in two parts: [`STDLIB`],
//! built into the judge, and the modules interview answers rarely import
//! ([`later`]), which the browser downloads as a second file after its
//! first run and hands to each run as [`LATER_FILE`]. Natively both parts
//! are built in. Modules that cannot work here are left out ([`left_out`]);
//! when code imports a missing module, [`explain_missing`] adds why to the
//! error.

mod parts;

pub use parts::{later, left_out};

use rustpython_vm::frozen::FrozenLib;

/// The standard library built into the judge, stored uncompressed (the
/// download is compressed as a whole).
pub static STDLIB: &FrozenLib =
    FrozenLib::from_ref(include_bytes!(concat!(env!("OUT_DIR"), "/stdlib.frozen")).as_slice());

/// Where the browser's worker puts the later part of the library, in a
/// folder of its own beside the run's working folder (`www/worker.js`).
pub const LATER_FILE: &str = "/usr/lib/pyprep/stdlib-later.frozen";

/// The later part of the library, when this judge has it: natively always,
/// built in; under WASI once the worker has it, read from [`LATER_FILE`].
pub fn later_part() -> Option<&'static FrozenLib> {
    later_file().map(|(lib, _)| FrozenLib::from_ref(lib))
}

/// The Unicode name tables, which come in the later file
/// (`unicode_names2::export_tables`): natively the judge has them built in
/// and never asks; under WASI they are there once the later file is.
#[cfg_attr(not(target_os = "wasi"), allow(dead_code))]
pub fn unicode_names() -> Option<&'static [u8]> {
    later_file().map(|(_, names)| names)
}

/// The later file's two parts (`parts::split_later`).
fn later_file() -> Option<(&'static [u8], &'static [u8])> {
    #[cfg(not(target_os = "wasi"))]
    {
        static LATER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/stdlib-later.frozen"));
        parts::split_later(LATER)
    }
    #[cfg(target_os = "wasi")]
    {
        // The file is used only when it is the one this judge was built
        // with: one from another build could hold other code, or none.
        const FINGERPRINT: &str =
            include_str!(concat!(env!("OUT_DIR"), "/stdlib-later.fingerprint"));
        static LATER: std::sync::OnceLock<Option<(&'static [u8], &'static [u8])>> =
            std::sync::OnceLock::new();
        *LATER.get_or_init(|| {
            let bytes = std::fs::read(LATER_FILE).ok()?;
            if parts::fingerprint(&bytes).to_string() != FINGERPRINT {
                return None;
            }
            parts::split_later(Vec::leak(bytes))
        })
    }
}

/// `message` of an `ImportError` or `ModuleNotFoundError`, with why the
/// module is missing when it is a standard module the judge leaves out, or
/// one it does not have yet. Both forms of the error are read: "No module
/// named 'p.x'" and, for `from p import x`, "cannot import name 'x' from 'p'".
pub fn explain_missing(message: &str) -> String {
    let quoted = |text: &'static str, rest: &str| -> Option<(String, usize)> {
        let start = rest.find(text)? + text.len();
        let len = rest[start..].find('\'')?;
        Some((rest[start..start + len].to_owned(), start + len + 1))
    };
    let module = if message.starts_with("No module named '") {
        quoted("No module named '", message)
            .filter(|(_, end)| *end == message.len())
            .map(|(module, _)| module)
    } else if message.starts_with("cannot import name '") {
        quoted("cannot import name '", message).and_then(|(name, end)| {
            let (package, _) = quoted(" from '", &message[end..])
                .filter(|_| message[end..].starts_with(" from '"))?;
            Some(format!("{package}.{name}"))
        })
    } else {
        None
    };
    let Some(module) = module else {
        return message.to_owned();
    };
    if let Some(needs) = left_out(&module) {
        format!(
            "{message}: {module} is part of Python's standard library, but it needs {needs}, so it is not available here"
        )
    } else if later(&module) && later_part().is_none() {
        format!(
            "{message}: {module} is part of Python's standard library, downloaded after the first run; run the code again in a moment"
        )
    } else {
        message.to_owned()
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
        // `from unittest import mock` fails inside the import system with
        // this message instead.
        assert!(
            explain_missing(
                "cannot import name 'mock' from 'unittest' (/usr/lib/unittest/__init__.py)"
            )
            .contains(
                "unittest.mock is part of Python's standard library, but it needs network sockets"
            )
        );
    }

    #[test]
    fn other_missing_modules_keep_their_message() {
        for message in [
            "No module named 'numpy'",
            "No module named 'asyncios'",
            "No module named 'json'",
            // Natively the later part is always there.
            "No module named 'email'",
            "cannot import name 'dumps' from 'json' (unknown location)",
            "cannot import name 'mock'",
            "No module named 'asyncio' or so",
            "something else",
        ] {
            assert_eq!(explain_missing(message), message);
        }
    }

    #[test]
    fn the_lists_are_read_and_each_module_is_in_one_part() {
        for line in include_str!("stdlib/left_out.txt").lines() {
            assert!(
                line.starts_with('#') || line.trim().is_empty() || line.split_once('\t').is_some(),
                "left_out.txt: no tab in {line:?}"
            );
        }
        assert_eq!(
            left_out("xml.sax.saxutils"),
            Some("network sockets, which the sandbox does not have")
        );
        assert!(later("xml.sax") && later("email.message") && !later("emails"));
        assert!(later("decimal") && later("logging") && !later("loggings"));
        for now in [
            "dataclasses",
            "unittest",
            "collections",
            "encodings.utf_8",
            "json",
            "inspect",
        ] {
            assert_eq!(left_out(now), None, "{now}");
            assert!(!later(now), "{now}");
            assert!(STDLIB.decode().any(|(name, _)| name == now), "{now}");
        }
        let later_part = later_part().expect("natively built in");
        assert!(later_part.decode().all(|(name, _)| later(name)));
        assert!(later_part.decode().any(|(name, _)| name == "email.message"));
        assert!(
            STDLIB
                .decode()
                .all(|(name, _)| !later(name) && left_out(name).is_none())
        );
    }
}
