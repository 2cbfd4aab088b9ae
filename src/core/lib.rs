//! PyPrep's pure core: everything both the judge and the browser UI need,
//! with neither an interpreter nor a browser in it.
//!
//! - [`catalog`]: every challenge, checked and embedded at build time.
//! - [`protocol`]: every message between the page, its judge worker and the
//!   sandbox, in one file, with a version.
//! - [`verdict`] and [`report`]: what a run found, and what its events add up to.
//! - [`progress`], [`interview`], [`storage`]: the candidate's history, mock
//!   interviews and the records kept in `localStorage`.
//! - [`draw`] and [`trace`]: pictures of values and step-through recordings.
//!
//! The challenge format (values, challenges, orders of growth, the loader)
//! is the `pyprep-format` crate, re-exported here under the same names.

pub use pyprep_format::{challenge, growth, value};

pub mod catalog;
pub mod draw;
pub mod interview;
pub mod progress;
pub mod protocol;
pub mod report;
pub mod storage;
pub mod trace;
pub mod verdict;
