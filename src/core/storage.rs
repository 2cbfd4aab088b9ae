//! What the browser saves: drafts, progress and written answers, mock
//! interviews and the practice log, one record per localStorage key, each
//! carrying a format version.
//!
//! Everything here is pure so it is tested natively; `pyprep-ui`'s
//! `web::hooks::use_storage` moves these records in and out of
//! `localStorage`. One key per challenge and kind (`pyprep.draft.<id>`,
//! `pyprep.progress.<id>`, `pyprep.answer.<id>`) keeps a broken entry from
//! taking others with it and lets two tabs edit different challenges without
//! overwriting each other (per challenge, the last write wins). Each mock
//! interview is one record (`pyprep.interview.<start time>`, see
//! `interview`), and the practice sessions one more (`pyprep.activity.log`,
//! [`activity`]); both kinds came after format 1 and are written in it, so
//! older records need no change. A record that cannot be read is reported
//! and left as it is; one written by a newer version is never downgraded.
//! Export and import move all records as one JSON document, checked whole
//! before anything is written (`export`, re-exported here).

pub mod activity;
mod export;

pub use export::{EXPORT_FORMAT, merge_import, parse_export};

use crate::interview::Interview;
use activity::ActivityLog;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The record format this build writes.
pub const VERSION: u32 = 1;
/// Every key this app owns starts with this.
pub const PREFIX: &str = "pyprep.";

/// Which kind of record a key holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RecordKind {
    Draft,
    Progress,
    Answer,
    /// A mock interview, keyed by its start time.
    Interview,
    /// The practice sessions, under the one id [`ACTIVITY_ID`].
    Activity,
}

/// The id of the one activity record.
pub const ACTIVITY_ID: &str = "log";

impl RecordKind {
    fn name(self) -> &'static str {
        match self {
            RecordKind::Draft => "draft",
            RecordKind::Progress => "progress",
            RecordKind::Answer => "answer",
            RecordKind::Interview => "interview",
            RecordKind::Activity => "activity",
        }
    }

    /// The storage key for this kind of record of challenge `id`.
    pub fn key(self, id: &str) -> String {
        format!("{PREFIX}{}.{id}", self.name())
    }

    /// Splits one of our keys into its kind and challenge id.
    pub fn parse_key(key: &str) -> Option<(RecordKind, &str)> {
        let rest = key.strip_prefix(PREFIX)?;
        let (kind, id) = rest.split_once('.')?;
        let kind = match kind {
            "draft" => RecordKind::Draft,
            "progress" => RecordKind::Progress,
            "answer" => RecordKind::Answer,
            "interview" => RecordKind::Interview,
            "activity" => RecordKind::Activity,
            _ => return None,
        };
        (!id.is_empty()).then_some((kind, id))
    }
}

/// The code in the editor for one challenge.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub code: String,
    /// When it was last written, in ms since the epoch.
    pub at: f64,
}

/// How far a candidate got with one challenge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    New,
    /// Tried (ran, submitted or wrote something) but not done.
    Attempted,
    /// Accepted on Submit, or read/practised for cards without a judge.
    Done,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub status: Status,
    /// Runs and submissions so far.
    #[serde(default)]
    pub attempts: u32,
    pub at: f64,
}

impl Progress {
    /// Combines two records of the same challenge: the furthest status, the most attempts.
    pub fn merge(&self, other: &Progress) -> Progress {
        Progress {
            status: self.status.max(other.status),
            attempts: self.attempts.max(other.attempts),
            at: self.at.max(other.at),
        }
    }
}

/// A written answer to a spoken-answer card, and its ticked checklist items.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub text: String,
    #[serde(default)]
    pub checked: Vec<usize>,
    pub at: f64,
}

/// One record, as stored.
#[derive(Clone, Debug, PartialEq)]
pub enum Record {
    Draft(Draft),
    Progress(Progress),
    Answer(Answer),
    Interview(Box<Interview>),
    Activity(ActivityLog),
}

impl Record {
    pub fn at(&self) -> f64 {
        match self {
            Record::Draft(d) => d.at,
            Record::Progress(p) => p.at,
            Record::Answer(a) => a.at,
            Record::Interview(i) => i.at,
            Record::Activity(l) => l.at,
        }
    }

    /// What to keep under a key that holds `old`, when this record arrives
    /// from another tab or an import: progress and the practice log merge;
    /// of two drafts, answers or interviews the newer wins, this one on a
    /// tie. `None` when `old` stays as it is.
    pub fn merged_over(self, old: Option<&Record>) -> Option<Record> {
        let merged = match (old, self) {
            (Some(Record::Progress(old)), Record::Progress(new)) => {
                Record::Progress(old.merge(&new))
            }
            (Some(Record::Activity(old)), Record::Activity(new)) => {
                Record::Activity(old.merge(&new))
            }
            (Some(old), new) if old.at() > new.at() => return None,
            (_, new) => new,
        };
        (old != Some(&merged)).then_some(merged)
    }

    /// The stored text: the record's fields plus `"v": VERSION`.
    pub fn to_json(&self) -> String {
        let mut value = match self {
            Record::Draft(d) => serde_json::to_value(d),
            Record::Progress(p) => serde_json::to_value(p),
            Record::Answer(a) => serde_json::to_value(a),
            Record::Interview(i) => serde_json::to_value(i),
            Record::Activity(l) => serde_json::to_value(l),
        }
        .expect("records serialize");
        value["v"] = VERSION.into();
        value.to_string()
    }
}

/// Why a stored record could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordError {
    /// Not JSON, or not the fields this kind needs.
    Unreadable(String),
    /// Written by a newer version of the app; left alone.
    Newer(u32),
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Unreadable(why) => write!(f, "it could not be read ({why})"),
            RecordError::Newer(v) => {
                write!(f, "it was saved by a newer version of PyPrep (format {v})")
            }
        }
    }
}

/// Reads a stored record, upgrading older formats.
///
/// Fails when the text is not a record of `kind`, or when a newer version wrote it.
pub fn parse_record(kind: RecordKind, text: &str) -> Result<Record, RecordError> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| RecordError::Unreadable(format!("invalid JSON: {e}")))?;
    let value = migrate(kind, value)?;
    let bad = |e: serde_json::Error| RecordError::Unreadable(e.to_string());
    Ok(match kind {
        RecordKind::Draft => Record::Draft(serde_json::from_value(value).map_err(bad)?),
        RecordKind::Progress => Record::Progress(serde_json::from_value(value).map_err(bad)?),
        RecordKind::Answer => Record::Answer(serde_json::from_value(value).map_err(bad)?),
        RecordKind::Interview => Record::Interview(serde_json::from_value(value).map_err(bad)?),
        RecordKind::Activity => Record::Activity(serde_json::from_value(value).map_err(bad)?),
    })
}

/// Brings a stored value up to [`VERSION`].
///
/// Format 0 (before versions): a draft was a JSON string of code, progress a
/// bare boolean "solved". Fails for versions newer than this build knows.
pub fn migrate(
    kind: RecordKind,
    value: serde_json::Value,
) -> Result<serde_json::Value, RecordError> {
    use serde_json::{Value, json};
    let version = match &value {
        Value::Object(map) => match map.get("v") {
            None => 0,
            Some(v) => v
                .as_u64()
                .and_then(|v| u32::try_from(v).ok())
                .ok_or_else(|| RecordError::Unreadable("the version is not a number".into()))?,
        },
        _ => 0,
    };
    if version > VERSION {
        return Err(RecordError::Newer(version));
    }
    match (version, kind, value) {
        (0, RecordKind::Draft, Value::String(code)) => Ok(json!({ "code": code, "at": 0.0 })),
        (0, RecordKind::Progress, Value::Bool(solved)) => Ok(json!({
            "status": if solved { "done" } else { "attempted" },
            "attempts": 0,
            "at": 0.0,
        })),
        (_, _, value @ Value::Object(_)) => Ok(value),
        (_, _, other) => Err(RecordError::Unreadable(format!(
            "unexpected {}",
            short(&other.to_string())
        ))),
    }
}

fn short(text: &str) -> String {
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text.to_owned()
    }
}

/// A saved item the app could not use, reported to the user.
#[derive(Clone, Debug, PartialEq)]
pub struct Unusable {
    pub key: String,
    pub error: RecordError,
}

impl Unusable {
    /// A sentence for the notice: which item, and why.
    pub fn describe(&self) -> String {
        match RecordKind::parse_key(&self.key) {
            Some((kind, id)) => format!("The saved {} for “{id}”: {}.", kind.name(), self.error),
            None => format!("{}: {}.", self.key, self.error),
        }
    }
}

/// Everything read from storage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    pub drafts: BTreeMap<String, Draft>,
    pub progress: BTreeMap<String, Progress>,
    pub answers: BTreeMap<String, Answer>,
    /// Mock interviews, by id (start time).
    pub interviews: BTreeMap<String, Interview>,
    /// Practice sessions.
    pub activity: ActivityLog,
    /// Records left untouched because they could not be used.
    pub unusable: Vec<Unusable>,
}

impl Saved {
    /// How far the candidate got with challenge `id`: `New` without a record.
    pub fn status(&self, id: &str) -> Status {
        self.progress.get(id).map(|p| p.status).unwrap_or_default()
    }

    /// Reads every one of our records from `(key, value)` pairs; other keys are ignored.
    pub fn load<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Saved {
        let mut saved = Saved::default();
        for (key, text) in entries {
            let Some((kind, id)) = RecordKind::parse_key(key) else {
                continue;
            };
            match parse_record(kind, text) {
                Ok(record) => saved.insert(id, record),
                Err(error) => saved.unusable.push(Unusable {
                    key: key.to_owned(),
                    error,
                }),
            }
        }
        saved
    }

    pub fn insert(&mut self, id: &str, record: Record) {
        match record {
            Record::Draft(d) => {
                self.drafts.insert(id.to_owned(), d);
            }
            Record::Progress(p) => {
                self.progress.insert(id.to_owned(), p);
            }
            Record::Answer(a) => {
                self.answers.insert(id.to_owned(), a);
            }
            Record::Interview(i) => {
                self.interviews.insert(id.to_owned(), *i);
            }
            Record::Activity(l) => self.activity = l,
        }
    }

    /// The usable record stored as `kind` for `id`, as [`Saved::records`] has it.
    pub fn record(&self, kind: RecordKind, id: &str) -> Option<Record> {
        match kind {
            RecordKind::Draft => self.drafts.get(id).cloned().map(Record::Draft),
            RecordKind::Progress => self.progress.get(id).cloned().map(Record::Progress),
            RecordKind::Answer => self.answers.get(id).cloned().map(Record::Answer),
            RecordKind::Interview => self
                .interviews
                .get(id)
                .map(|i| Record::Interview(Box::new(i.clone()))),
            RecordKind::Activity => (self.activity != ActivityLog::default())
                .then(|| Record::Activity(self.activity.clone())),
        }
    }

    /// Whether writing `kind` for `id` would overwrite a record we could not read.
    pub fn blocks(&self, kind: RecordKind, id: &str) -> Option<&Unusable> {
        let key = kind.key(id);
        self.unusable.iter().find(|u| u.key == key)
    }

    /// Every usable record, keyed as stored.
    pub fn records(&self) -> BTreeMap<String, Record> {
        let mut out = BTreeMap::new();
        for (id, d) in &self.drafts {
            out.insert(RecordKind::Draft.key(id), Record::Draft(d.clone()));
        }
        for (id, p) in &self.progress {
            out.insert(RecordKind::Progress.key(id), Record::Progress(p.clone()));
        }
        for (id, a) in &self.answers {
            out.insert(RecordKind::Answer.key(id), Record::Answer(a.clone()));
        }
        for (id, i) in &self.interviews {
            out.insert(
                RecordKind::Interview.key(id),
                Record::Interview(Box::new(i.clone())),
            );
        }
        if self.activity != ActivityLog::default() {
            out.insert(
                RecordKind::Activity.key(ACTIVITY_ID),
                Record::Activity(self.activity.clone()),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests;
