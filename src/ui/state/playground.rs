//! The playground's files, kept as drafts under ids of their own: each
//! file's code, and the files its runs start with.

use super::State;
use pyprep_core::storage::Saved;

/// The draft id of a playground file.
pub fn scratch_id(name: &str) -> String {
    format!("{SCRATCH_PREFIX}{name}")
}

/// The draft id of the files a playground file's runs start with (JSON).
pub fn work_files_id(name: &str) -> String {
    format!("{WORK_FILES_PREFIX}{name}")
}

const SCRATCH_PREFIX: &str = "scratch:";
const WORK_FILES_PREFIX: &str = "scratch-files:";

/// The playground's files, by name; `main.py` when there are none yet.
pub fn scratch_files(state: &State) -> Vec<String> {
    playground_files(&state.saved)
}

/// The playground's files in `saved`, by name; `main.py` when there are none yet.
pub fn playground_files(saved: &Saved) -> Vec<String> {
    let mut names: Vec<String> = saved
        .drafts
        .keys()
        .filter_map(|id| id.strip_prefix(SCRATCH_PREFIX))
        .map(str::to_owned)
        .collect();
    if names.is_empty() {
        names.push("main.py".to_owned());
    }
    names
}
