//! Freezes the Python standard library into the judge.
//!
//! RustPython's own `py_freeze!` (the `freeze-stdlib` feature of
//! `rustpython-pylib`) freezes every module of its `Lib/` folder, each one
//! LZ4-compressed. This build script compiles the same sources with the same
//! compiler, but:
//!
//! - it leaves out the modules that cannot be imported in the judge at all,
//!   because a built-in module they need is not in this interpreter
//!   (`src/judge/stdlib/left_out.txt`: network sockets, processes, a window
//!   system, a terminal, C libraries, codecs for East Asian encodings);
//!   `tests/judge.rs` imports every module that stays, so one that a kept
//!   module needs cannot be left out by mistake;
//! - it compiles without column positions (`-X no_debug_ranges`): a
//!   traceback shows only the candidate's own frames (`judge::python`),
//!   whose code is compiled with them, and the library's positions were a
//!   fifth of its size;
//! - it stores each module's bytecode uncompressed, in an LZ4 frame of one
//!   literal run, which the interpreter's loader reads unchanged. The judge
//!   is served brotli- or gzip-compressed, and those shrink bytecode about
//!   four-fold but cannot shrink LZ4's output further: the shipped judge is
//!   smaller over the wire though larger in memory (README, "Speed and
//!   size").
//!
//! The result, `$OUT_DIR/stdlib.frozen`, is `judge::stdlib::STDLIB`.

use rustpython_compiler::{CompileOpts, Mode, compile};
use rustpython_compiler_core::frozen::{FrozenCodeObject, FrozenLib, FrozenModule};
use rustpython_compiler_core::marshal;
use std::path::Path;

#[path = "src/judge/stdlib/left_out.rs"]
mod left_out;

fn main() {
    let lib = Path::new(rustpython_pylib::LIB_PATH);
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/judge/stdlib/left_out.txt");
    let mut modules = Vec::new();
    collect(lib, "", &mut modules);
    modules.sort_by(|a, b| a.0.cmp(&b.0));
    let frozen: Vec<(String, FrozenModule<Vec<u8>>)> = modules
        .into_iter()
        .filter(|(name, _, _)| left_out::left_out(name).is_none())
        .filter_map(|(name, path, package)| {
            let source = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let code = match compile(
                &source,
                Mode::Exec,
                &name,
                CompileOpts {
                    optimize: 0,
                    debug_ranges: false,
                },
            ) {
                Ok(code) => code,
                // As `py_freeze!`: test data that is not meant to compile.
                Err(_) if name.contains("badsyntax_") || name.contains(".encoded_modules") => {
                    return None;
                }
                Err(e) => panic!("{}: {e}", path.display()),
            };
            let mut bytes = Vec::new();
            marshal::serialize_code(&mut bytes, &code);
            let code = FrozenCodeObject {
                bytes: stored(&bytes),
            };
            Some((name, FrozenModule { code, package }))
        })
        .collect();
    let lib = FrozenLib::encode(frozen.iter().map(|(name, m)| {
        (
            name.as_str(),
            FrozenModule {
                code: FrozenCodeObject {
                    bytes: m.code.bytes.as_slice(),
                },
                package: m.package,
            },
        )
    }));
    let out =
        Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("stdlib.frozen");
    std::fs::write(&out, &lib.bytes)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// Every `.py` file under `dir` as (module name, path, is a package), named
/// as `py_freeze!` names them: `a/b/c.py` is `a.b.c`, `a/b/__init__.py` is
/// the package `a.b`.
fn collect(dir: &Path, parent: &str, out: &mut Vec<(String, std::path::PathBuf, bool)>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        let Some(file) = path.file_name().and_then(|f| f.to_str()) else {
            continue;
        };
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
            println!("cargo:rerun-if-changed={}", path.display());
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
