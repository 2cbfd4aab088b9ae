//! The judge: runs a candidate's Python with RustPython and decides its
//! verdict, in Rust, outside the candidate's code.
//!
//! One crate, built two ways. Natively it is the library behind `cargo test`
//! and the `pyprep` CLI, whose sandbox is a child process; built for
//! `wasm32-wasip1` the same `pyprep` binary is the sandbox the browser's Web
//! Worker runs. The pure core it builds on (`pyprep-core`: catalog,
//! protocol, verdicts, reports, saved state) is re-exported here under its
//! own module names, so the CLI and the tests reach everything as
//! `pyprep::...`. The browser UI is another crate (`src/ui`) and never links
//! this one.

pub use pyprep_core::{
    catalog, challenge, draw, growth, interview, progress, protocol, report, storage, trace, value,
    verdict,
};

pub mod cli;
pub mod judge;
pub mod sandbox;
/// The CLI's plain-text report.
pub mod text;
pub mod validate;
