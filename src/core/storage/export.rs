//! Export and import: every usable record as one JSON document
//! ([`Saved::export`]), read back and checked whole before anything is
//! written ([`parse_export`]), then merged with what is already saved
//! ([`merge_import`]) so that newer local work is never overwritten.

use super::{Record, RecordKind, Saved, VERSION, parse_record};

/// The `format` field of an export file.
pub const EXPORT_FORMAT: &str = "pyprep-progress";

impl Saved {
    /// The export document: every usable record.
    pub fn export(&self, now_ms: f64) -> String {
        let entries: serde_json::Map<String, serde_json::Value> = self
            .records()
            .into_iter()
            .map(|(k, r)| {
                (
                    k,
                    serde_json::from_str(&r.to_json()).expect("records are JSON"),
                )
            })
            .collect();
        serde_json::to_string_pretty(&serde_json::json!({
            "format": EXPORT_FORMAT,
            "version": VERSION,
            "exported_at": now_ms,
            "entries": entries,
        }))
        .expect("export serializes")
    }
}

/// The records of an export file, checked whole.
///
/// Fails, naming the first problem, if the file is not an export, comes from a
/// newer version, or holds any record that cannot be read.
pub fn parse_export(text: &str) -> Result<Vec<(String, Record)>, String> {
    let doc: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| format!("This is not a PyPrep export: invalid JSON ({e})."))?;
    if doc.get("format").and_then(|f| f.as_str()) != Some(EXPORT_FORMAT) {
        return Err(
            "This is not a PyPrep export: the format field is missing or different.".into(),
        );
    }
    let version = doc.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > VERSION as u64 {
        return Err(format!(
            "This export comes from a newer version of PyPrep (format {version})."
        ));
    }
    let entries = doc
        .get("entries")
        .and_then(|e| e.as_object())
        .ok_or("This export has no entries.")?;
    let mut records = Vec::new();
    for (key, value) in entries {
        let (kind, _) = RecordKind::parse_key(key)
            .ok_or_else(|| format!("The export holds an unknown item “{key}”."))?;
        let record = parse_record(kind, &value.to_string())
            .map_err(|e| format!("The item “{key}”: {e}."))?;
        records.push((key.clone(), record));
    }
    Ok(records)
}

/// What importing `incoming` into `current` writes: for each key, the record
/// to store. Newer drafts, answers and interviews win; progress and the
/// practice log merge.
pub fn merge_import(current: &Saved, incoming: Vec<(String, Record)>) -> Vec<(String, Record)> {
    let existing = current.records();
    incoming
        .into_iter()
        .filter_map(|(key, new)| {
            let merged = new.merged_over(existing.get(&key))?;
            Some((key, merged))
        })
        .collect()
}
