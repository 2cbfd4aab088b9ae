//! The browser app: catalog, challenge pages, editor, results.
//!
//! Its state ([`state`]) and routes ([`route`]) are plain Rust, tested
//! natively. Everything that touches the browser (components, the CodeMirror
//! bridge, the judge worker, localStorage) compiles only for
//! `wasm32-unknown-unknown`, where Trunk builds it.

pub mod difference;
pub mod mock_interview;
pub mod route;
pub mod state;

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
mod web;

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub use web::start;
