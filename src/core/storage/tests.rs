//! Tests of the saved records: keys, versions, migration, export and import.

use super::*;

#[test]
fn keys_round_trip_and_foreign_keys_are_ignored() {
    let key = RecordKind::Draft.key("is-prime");
    assert_eq!(key, "pyprep.draft.is-prime");
    assert_eq!(
        RecordKind::parse_key(&key),
        Some((RecordKind::Draft, "is-prime"))
    );
    assert_eq!(RecordKind::parse_key("other.draft.x"), None);
    assert_eq!(RecordKind::parse_key("pyprep.draft."), None);
    let saved = Saved::load([("theme", "dark"), ("pyprep.unknown.x", "{}")]);
    assert_eq!(saved, Saved::default());
}

#[test]
fn records_round_trip_with_their_version() {
    let d = Record::Draft(Draft {
        code: "print(1)\n".into(),
        at: 5.0,
    });
    let json = d.to_json();
    assert!(json.contains("\"v\":1"));
    assert_eq!(parse_record(RecordKind::Draft, &json), Ok(d));
}

#[test]
fn format_0_records_migrate() {
    // Format 0 kept a draft as a JSON string of code.
    let Record::Draft(d) = parse_record(RecordKind::Draft, "\"x = 1\"").unwrap() else {
        panic!()
    };
    assert_eq!(d.code, "x = 1");
    // A truncated record is not mistaken for code.
    assert!(parse_record(RecordKind::Draft, r#"{"v":1,"code":"x"#).is_err());
    let Record::Progress(p) = parse_record(RecordKind::Progress, "true").unwrap() else {
        panic!()
    };
    assert_eq!(p.status, Status::Done);
}

#[test]
fn unreadable_and_newer_records_are_reported_not_dropped() {
    let saved = Saved::load([
        ("pyprep.draft.a", r#"{"v":1,"code":"ok","at":1}"#),
        ("pyprep.progress.a", "{not json"),
        ("pyprep.draft.b", r#"{"v":9,"code":"future","at":1}"#),
        ("pyprep.answer.c", r#"{"v":1,"text":5}"#),
    ]);
    assert_eq!(saved.drafts.len(), 1);
    assert_eq!(saved.unusable.len(), 3);
    assert!(saved.blocks(RecordKind::Draft, "b").is_some());
    assert!(matches!(
        saved.blocks(RecordKind::Draft, "b").unwrap().error,
        RecordError::Newer(9)
    ));
    assert!(saved.blocks(RecordKind::Draft, "a").is_none());
    let text = saved.unusable[0].describe();
    assert!(
        text.contains("“a”") || text.contains("“b”") || text.contains("“c”"),
        "{text}"
    );
}

#[test]
fn export_then_import_restores_everything() {
    let mut saved = Saved::default();
    saved.insert(
        "is-prime",
        Record::Draft(Draft {
            code: "def is_prime(n): ...".into(),
            at: 10.0,
        }),
    );
    saved.insert(
        "is-prime",
        Record::Progress(Progress {
            status: Status::Done,
            attempts: 3,
            at: 11.0,
        }),
    );
    saved.insert(
        "why-python",
        Record::Answer(Answer {
            text: "Because".into(),
            checked: vec![0, 2],
            at: 12.0,
        }),
    );
    let file = saved.export(99.0);
    let records = parse_export(&file).unwrap();
    let elsewhere = Saved::default();
    let writes = merge_import(&elsewhere, records);
    let mut restored = Saved::default();
    for (key, record) in writes {
        let (_, id) = RecordKind::parse_key(&key).unwrap();
        restored.insert(id, record);
    }
    assert_eq!(restored, saved);
}

#[test]
fn a_bad_import_is_refused_whole_with_a_reason() {
    assert!(
        parse_export("nonsense")
            .unwrap_err()
            .contains("invalid JSON")
    );
    assert!(
        parse_export(r#"{"format":"other"}"#)
            .unwrap_err()
            .contains("format")
    );
    let newer = r#"{"format":"pyprep-progress","version":7,"entries":{}}"#;
    assert!(parse_export(newer).unwrap_err().contains("newer"));
    let one_bad = r#"{"format":"pyprep-progress","version":1,"entries":{
            "pyprep.draft.a":{"v":1,"code":"x","at":1},
            "pyprep.progress.b":{"v":1,"status":"bogus","at":1}}}"#;
    let err = parse_export(one_bad).unwrap_err();
    assert!(err.contains("pyprep.progress.b"), "{err}");
}

#[test]
fn import_keeps_newer_local_work_and_merges_progress() {
    let mut local = Saved::default();
    local.insert(
        "a",
        Record::Draft(Draft {
            code: "newer".into(),
            at: 50.0,
        }),
    );
    local.insert(
        "a",
        Record::Progress(Progress {
            status: Status::Attempted,
            attempts: 5,
            at: 50.0,
        }),
    );
    let incoming = vec![
        (
            RecordKind::Draft.key("a"),
            Record::Draft(Draft {
                code: "older".into(),
                at: 10.0,
            }),
        ),
        (
            RecordKind::Progress.key("a"),
            Record::Progress(Progress {
                status: Status::Done,
                attempts: 2,
                at: 10.0,
            }),
        ),
    ];
    let writes = merge_import(&local, incoming);
    assert_eq!(writes.len(), 1, "the older draft is not imported");
    assert_eq!(
        writes[0].1,
        Record::Progress(Progress {
            status: Status::Done,
            attempts: 5,
            at: 50.0
        })
    );
}

#[test]
fn interviews_and_the_activity_log_export_import_and_merge() {
    use crate::interview::{Interview, Plan};
    let mut saved = Saved::load([
        // A format-0 record from before interviews existed loads beside them.
        ("pyprep.progress.is-prime", "true"),
    ]);
    let mut interview = Interview::new(Plan::default(), vec!["is-prime".into()], 1000.0, "");
    interview.edit("is-prime", "", "def is_prime(n): ...", 2000.0);
    saved.insert(
        &interview.id(),
        Record::Interview(Box::new(interview.clone())),
    );
    saved.activity.note(1000.0);
    saved.activity.note(2000.0);
    let keys: Vec<String> = saved.records().into_keys().collect();
    assert_eq!(
        keys,
        [
            "pyprep.activity.log",
            "pyprep.interview.1000",
            "pyprep.progress.is-prime"
        ]
    );
    let reloaded = Saved::load(
        saved
            .records()
            .into_iter()
            .map(|(k, r)| (k, r.to_json()))
            .collect::<Vec<_>>()
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str())),
    );
    assert_eq!(reloaded, saved);
    assert_eq!(reloaded.progress["is-prime"].status, Status::Done);
    // Importing someone's older log merges sessions instead of replacing them.
    let mut elsewhere = Saved::default();
    elsewhere.activity.note(1_000_000_000.0);
    let writes = merge_import(&elsewhere, parse_export(&saved.export(5.0)).unwrap());
    let log = writes
        .iter()
        .find_map(|(_, r)| match r {
            Record::Activity(l) => Some(l.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(log.sessions.len(), 2);
    assert!(writes.iter().any(|(k, r)| k == "pyprep.interview.1000"
        && *r == Record::Interview(Box::new(interview.clone()))));
}
