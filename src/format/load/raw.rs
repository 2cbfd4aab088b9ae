//! The shapes of `challenge.toml` as serde reads them: one struct per
//! table, field for field, unknown fields refused. Nothing is checked here;
//! `folder`, `test_table` and `growth_table` turn these into the model.

use crate::challenge::{Check, Difficulty, Group, Kind, Rules};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The whole of `challenge.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChallenge {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) group: Group,
    pub(super) kind: Kind,
    pub(super) difficulty: Difficulty,
    #[serde(default)]
    pub(super) topics: Vec<String>,
    pub(super) question: String,
    pub(super) prompt: String,
    #[serde(default)]
    pub(super) hints: Vec<String>,
    #[serde(default)]
    pub(super) explanation: String,
    pub(super) time_limit_ms: Option<u32>,
    #[serde(default)]
    pub(super) rules: Rules,
    #[serde(default)]
    pub(super) tests: Vec<RawTest>,
    pub(super) unittest: Option<RawUnitTest>,
    pub(super) quiz: Option<RawQuiz>,
    pub(super) practice: Option<RawPractice>,
    pub(super) growth: Option<RawGrowth>,
}

/// One `[[tests]]` entry.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTest {
    pub(super) name: Option<String>,
    #[serde(default)]
    pub(super) sample: bool,
    pub(super) call: Option<String>,
    pub(super) expected: Option<String>,
    pub(super) raises: Option<String>,
    pub(super) check: Option<Check>,
    pub(super) float_tolerance: Option<f64>,
    #[serde(default)]
    pub(super) ordered_dict: bool,
    #[serde(default)]
    pub(super) unordered: bool,
    #[serde(default)]
    pub(super) preserve_args: bool,
    /// Calls made first in the same namespace (state left for the next call).
    #[serde(default)]
    pub(super) before: Vec<String>,
    /// The call returns a new object, none of its arguments.
    #[serde(default)]
    pub(super) returns_new: bool,
    /// The call returns its positional argument number N (from 1) itself.
    pub(super) returns_arg: Option<usize>,
    pub(super) stdin: Option<String>,
    pub(super) stdout: Option<String>,
    #[serde(default)]
    pub(super) files: BTreeMap<String, String>,
    #[serde(default)]
    pub(super) expect_files: BTreeMap<String, String>,
    #[serde(default)]
    pub(super) absent_files: Vec<String>,
    pub(super) time_limit_ms: Option<u32>,
}

/// The `[unittest]` table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawUnitTest {
    pub(super) function: String,
    /// File under `versions/` with the correct function.
    pub(super) correct: String,
    pub(super) bugs: Vec<RawBug>,
}

/// One `[[unittest.bugs]]` entry: a buggy version under `versions/`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBug {
    pub(super) file: String,
    pub(super) description: String,
}

/// The `[quiz]` table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuiz {
    pub(super) snippet: String,
    pub(super) answer: String,
    pub(super) wrong_answers: Vec<String>,
}

/// The `[growth]` table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawGrowth {
    pub(super) expected: String,
    pub(super) start: u64,
    pub(super) make: String,
}

/// The `[practice]` table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPractice {
    pub(super) advice: String,
    pub(super) checklist: Vec<String>,
}
