//! The browser app: catalog, challenge pages, editor, results, the
//! playground and mock interviews.
//!
//! Its state ([`state`]) and routes ([`route`]) are plain Rust on
//! `pyprep-core`, tested natively. Everything that touches the browser
//! (components, hooks, the CodeMirror bridge, the judge worker,
//! localStorage) is the `web` module, built with the `browser` feature that
//! Trunk turns on (`www/index.html`). RustPython is not in this crate's
//! dependencies: the judge reaches the page only as `judge.wasm`, through
//! the worker and the messages of `pyprep_core::protocol`.

pub mod difference;
pub mod route;
pub mod state;

#[cfg(feature = "browser")]
mod web;

#[cfg(feature = "browser")]
pub use web::start;
