//! The app's components, one per file.

pub mod catalog_page;
pub mod challenge_page;
pub mod code_workspace;
pub mod console;
pub mod editor;
pub mod header;
pub mod hints;
pub mod notices;
pub mod practice_workspace;
pub mod quiz_workspace;
pub mod results;
pub mod sample_tests;
