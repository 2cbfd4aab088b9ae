//! What a challenge file says: Python values written as literals
//! ([`value`]), the challenge model ([`challenge`]) with its orders of growth
//! ([`growth`]), and the loader that reads and checks a challenge folder
//! ([`load`]).
//!
//! Pure and small on purpose: the catalog's build script
//! (`src/core/build.rs`) depends on this crate to check `challenges/` and
//! embed it, so a broken challenge file stops the build.

pub mod challenge;
pub mod growth;
pub mod load;
pub mod value;
