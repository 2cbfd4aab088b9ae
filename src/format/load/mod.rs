//! Reading challenge folders from disk into the [`Challenge`] model.
//!
//! A challenge is a folder under `challenges/` holding `challenge.toml` and,
//! by kind, `starter.py`, `solution.py`, `helpers.py`, `wrong/*.py` and
//! `versions/*.py`. Every problem found is reported with the file, the field
//! and the reason ([`ChallengeError`]), and loading goes on so one run lists
//! them all. This module checks what can be checked without Python; running
//! the reference and the wrong answers is `judge::validate`'s job. The
//! catalog's build script (`src/core/build.rs`) uses this crate as a
//! build-dependency, so a broken challenge fails the build.
//!
//! This file walks the challenges folder ([`load_dir`]) and holds the error
//! type. Its parts: `raw` (the shapes of `challenge.toml`, as serde reads
//! them), `folder` (one folder into a [`Challenge`]), `test_table` (the
//! `[[tests]]` and `[unittest]` tables into [`Test`](crate::challenge::Test)s),
//! `growth_table` (the `[growth]` table) and `check` (the checks that look
//! across fields).

mod check;
mod folder;
mod growth_table;
mod raw;
mod test_table;

pub use folder::load_challenge;

use crate::challenge::Challenge;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Default per-test time limit.
pub const DEFAULT_TIME_LIMIT_MS: u32 = 2000;

/// A problem in a challenge folder: which file, which field, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct ChallengeError {
    pub path: PathBuf,
    pub field: String,
    pub reason: String,
}

impl fmt::Display for ChallengeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.path.display(),
            self.field,
            self.reason
        )
    }
}

impl std::error::Error for ChallengeError {}

/// Collects errors for one challenge file.
struct Problems<'a> {
    path: &'a Path,
    errors: &'a mut Vec<ChallengeError>,
}

impl Problems<'_> {
    fn add(&mut self, field: impl Into<String>, reason: impl Into<String>) {
        self.errors.push(ChallengeError {
            path: self.path.to_path_buf(),
            field: field.into(),
            reason: reason.into(),
        });
    }
}

/// Loads every challenge folder under `dir`, sorted by id.
///
/// Fails with every problem found: unreadable or malformed files, missing or
/// inconsistent fields, literals that do not parse, duplicate ids.
pub fn load_dir(dir: &Path) -> Result<Vec<Challenge>, Vec<ChallengeError>> {
    let mut errors = Vec::new();
    let mut folders: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect(),
        Err(e) => {
            return Err(vec![ChallengeError {
                path: dir.to_path_buf(),
                field: "(folder)".into(),
                reason: format!("cannot read the challenges folder: {e}"),
            }]);
        }
    };
    folders.sort();
    let mut challenges: Vec<Challenge> = Vec::new();
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    for folder in folders {
        if let Some(c) = load_challenge(&folder, &mut errors) {
            let toml_path = folder.join("challenge.toml");
            if let Some(first) = seen.get(&c.id) {
                errors.push(ChallengeError {
                    path: toml_path,
                    field: "id".into(),
                    reason: format!("duplicate id '{}', also used by {}", c.id, first.display()),
                });
                continue;
            }
            seen.insert(c.id.clone(), toml_path);
            challenges.push(c);
        }
    }
    if errors.is_empty() {
        challenges.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(challenges)
    } else {
        Err(errors)
    }
}
