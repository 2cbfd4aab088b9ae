//! Side effects, each in its hook: the judge worker and its clock, syntax
//! checks as code is typed, the browser's storage, the URL fragment, the
//! offline cache, and the end of a mock interview. They watch the state and report
//! back with actions; the reducer itself never touches the browser.

mod use_interview_clock;
mod use_judge;
mod use_offline;
mod use_route;
mod use_storage;
mod use_syntax_check;

pub use use_interview_clock::use_interview_clock;
pub use use_judge::use_judge;
pub use use_offline::{reload_into_update, use_offline};
pub use use_route::{current_route, use_route};
pub use use_storage::{load_saved, use_storage};
pub use use_syntax_check::use_syntax_check;
