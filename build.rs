//! Freezes the Python standard library into the judge.
//!
//! RustPython's own `py_freeze!` (the `freeze-stdlib` feature of
//! `rustpython-pylib`) freezes every module of its `Lib/` folder, each one
//! LZ4-compressed. This build script compiles the same sources with the same
//! compiler, but:
//!
//! - it leaves out the modules that cannot work in the browser's judge,
//!   because a built-in module they need is not in its interpreter
//!   (`src/judge/stdlib/left_out.txt`: network sockets, processes, a window
//!   system, a terminal, C libraries, codecs for East Asian encodings);
//!   `tests/judge.rs` and `tests/wasi.rs` import every module that stays,
//!   so one that a kept module needs cannot be left out by mistake;
//! - it compiles as `python -OO` does, without docstrings or asserts
//!   (`help()` on a library function shows its signature only); the
//!   candidate's own code is compiled with both;
//! - it compiles without column positions (`-X no_debug_ranges`): a
//!   traceback shows only the candidate's own frames (`judge::python`),
//!   whose code is compiled with them, and the library's positions were a
//!   fifth of its size;
//! - it stores each module's bytecode uncompressed, in an LZ4 block of one
//!   literal run, which the interpreter's loader reads unchanged. The judge
//!   is served brotli- or gzip-compressed, and those shrink bytecode about
//!   four-fold but cannot shrink LZ4's output further: the shipped judge is
//!   smaller over the wire though larger in memory (README, "Speed and
//!   size").
//!
//! The modules interview answers rarely import (`src/judge/stdlib/later.txt`)
//! go to a second file, `$OUT_DIR/stdlib-later.frozen`, which the browser
//! downloads after its first run (`www/build.mjs` copies it next to the
//! judge), with the Unicode name tables after them (`parts::join_later`);
//! the rest, `$OUT_DIR/stdlib.frozen`, is `judge::stdlib::STDLIB`.

use rustpython_compiler::{CompileOpts, Mode, compile};
use rustpython_compiler_core::frozen::{FrozenCodeObject, FrozenLib, FrozenModule};
use rustpython_compiler_core::marshal;
use std::path::Path;

#[path = "src/judge/stdlib/parts.rs"]
mod parts;

fn main() {
    let lib = Path::new(rustpython_pylib::LIB_PATH);
    // The library's sources are a registry crate's, which never change.
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/judge/stdlib/left_out.txt");
    println!("cargo:rerun-if-changed=src/judge/stdlib/later.txt");
    println!("cargo:rerun-if-changed=src/judge/stdlib/parts.rs");
    let mut modules = Vec::new();
    collect(lib, "", &mut modules);
    modules.sort_by(|a, b| a.0.cmp(&b.0));
    let (later, now): (Vec<_>, Vec<_>) = modules
        .into_iter()
        .filter(|(name, _, _)| parts::left_out(name).is_none())
        .filter_map(|(name, path, package)| Some((name.clone(), freeze(&name, &path)?, package)))
        .partition(|(name, _, _)| parts::later(name));
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).to_owned();
    write(&out.join("stdlib.frozen"), &encode_lib(&now));
    // The later file carries the Unicode name tables too: the browser's
    // judge is built without them (`unicode_names2`'s `external` feature).
    let later = parts::join_later(&encode_lib(&later), &unicode_names2::export_tables());
    write(&out.join("stdlib-later.frozen"), &later);
    std::fs::write(
        out.join("stdlib-later.fingerprint"),
        format!("{}", parts::fingerprint(&later)),
    )
    .expect("OUT_DIR is writable");
}

/// The module `name` at `path` compiled and stored as the loader reads it,
/// or `None` for test data that is not meant to compile (as `py_freeze!`).
fn freeze(name: &str, path: &Path) -> Option<Vec<u8>> {
    let (parent, stem) = name.rsplit_once('.').unwrap_or(("", name));
    let source = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    // As `python -OO` compiles: without docstrings or asserts; the
    // candidate's own code keeps both.
    let options = CompileOpts {
        optimize: 2,
        debug_ranges: false,
    };
    let code = match compile(&source, Mode::Exec, name, options) {
        Ok(code) => code,
        Err(_) if stem.starts_with("badsyntax_") || parent.ends_with(".encoded_modules") => {
            return None;
        }
        Err(e) => panic!("{}: {e}", path.display()),
    };
    let mut bytes = Vec::new();
    marshal::serialize_code(&mut bytes, &code);
    Some(stored(&bytes))
}

/// `modules` (name, stored code, is a package) as one frozen library.
fn encode_lib(modules: &[(String, Vec<u8>, bool)]) -> Vec<u8> {
    let lib = FrozenLib::encode(modules.iter().map(|(name, code, package)| {
        (
            name.as_str(),
            FrozenModule {
                code: FrozenCodeObject {
                    bytes: code.as_slice(),
                },
                package: *package,
            },
        )
    }));
    lib.bytes
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// Every `.py` file under `dir` as (module name, path, is a package), named
/// as `py_freeze!` names them: `a/b/c.py` is `a.b.c`, `a/b/__init__.py` is
/// the package `a.b`.
fn collect(dir: &Path, parent: &str, out: &mut Vec<(String, std::path::PathBuf, bool)>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        let file = path
            .file_name()
            .and_then(|f| f.to_str())
            .unwrap_or_else(|| panic!("a file name that is not UTF-8: {}", path.display()));
        let dotted = |name: &str| {
            if parent.is_empty() {
                name.to_owned()
            } else {
                format!("{parent}.{name}")
            }
        };
        if path.is_dir() {
            collect(&path, &dotted(file), out);
        } else if let Some(stem) = file.strip_suffix(".py") {
            if stem == "__init__" {
                out.push((parent.to_owned(), path, true));
            } else {
                out.push((dotted(stem), path, false));
            }
        }
    }
}

/// `bytes` as an LZ4 block with its size in front, as the frozen-module
/// loader reads it (`lz4_flex::decompress_size_prepended`), made of one run
/// of literals: stored, not compressed.
fn stored(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 255 + 16);
    out.extend_from_slice(
        &u32::try_from(bytes.len())
            .expect("a module under 4 GiB")
            .to_le_bytes(),
    );
    let len = bytes.len();
    if len < 15 {
        out.push((len as u8) << 4);
    } else {
        out.push(0xF0);
        let mut rest = len - 15;
        while rest >= 255 {
            out.push(255);
            rest -= 255;
        }
        out.push(rest as u8);
    }
    out.extend_from_slice(bytes);
    out
}
