//! PyPrep: practise Python interview questions, checked locally.
//!
//! The crate is one library used three ways. Natively it is the judge behind
//! `cargo test` and the `pyprep` CLI; built for `wasm32-wasip1` the same
//! judge runs in the browser's Web Worker; built for `wasm32-unknown-unknown`
//! it is the Yew UI. The pure core (values, challenges, catalog, protocol,
//! reports, saved state) compiles everywhere. RustPython and everything that
//! runs Python (`judge`, `sandbox`, `validate`) never reach the UI build, and
//! the UI's components (`ui`) exist only there; its state and routes are pure
//! and tested natively.

pub mod catalog;
pub mod challenge;
pub mod draw;
pub mod growth;
pub mod interview;
pub mod progress;
pub mod protocol;
pub mod report;
pub mod storage;
pub mod trace;
pub mod value;
pub mod verdict;

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub mod cli;
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub mod judge;
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub mod sandbox;
/// The CLI's plain-text report; not part of the browser build.
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub mod text;
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub mod validate;

pub mod ui;
