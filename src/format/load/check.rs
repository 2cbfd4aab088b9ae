//! The checks that look across fields: the id and text fields, time limits,
//! helper classes the test values need, and rules that name tested functions.

use super::Problems;
use super::raw::RawChallenge;
use crate::challenge::{Rules, Test, TestKind};
use crate::value::Value;

pub(super) fn check_text_fields(raw: &RawChallenge, p: &mut Problems) {
    let id_ok = !raw.id.is_empty()
        && raw
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !id_ok {
        p.add(
            "id",
            format!("'{}' must be lowercase letters, digits and dashes", raw.id),
        );
    }
    for (field, value) in [
        ("title", &raw.title),
        ("question", &raw.question),
        ("prompt", &raw.prompt),
    ] {
        if value.trim().is_empty() {
            p.add(field, "is empty");
        }
    }
    if raw.hints.len() > 3 {
        p.add("hints", "at most 3 graduated hints");
    }
}

pub(super) fn check_limit(ms: u32, field: &str, p: &mut Problems) {
    if !(100..=60_000).contains(&ms) {
        p.add(field, format!("{ms} ms is outside 100..=60000"));
    }
}

/// The values a call test uses (already checked to parse).
fn values_in(t: &Test) -> Vec<Value> {
    let mut values = Vec::new();
    let calls = t.kind.parsed_call().into_iter().flatten();
    for call in calls.chain(t.kind.parsed_before().unwrap_or_default()) {
        values.extend(call.args);
        values.extend(call.kwargs.into_iter().map(|(_, v)| v));
    }
    if let TestKind::Call { outcome, .. } = &t.kind
        && let Some(Ok(v)) = outcome.expected_value()
    {
        values.push(v);
    }
    values
}

fn uses(v: &Value, pred: fn(&Value) -> bool) -> bool {
    pred(v)
        || match v {
            Value::List(x)
            | Value::Tuple(x)
            | Value::Set(x)
            | Value::FrozenSet(x)
            | Value::Linked(x)
            | Value::Tree(x) => x.iter().any(|i| uses(i, pred)),
            Value::Dict(pairs) => pairs.iter().any(|(k, v)| uses(k, pred) || uses(v, pred)),
            _ => false,
        }
}

/// `linked`, `tree` and `rng` values need the helper class that builds them.
pub(super) fn check_helpers(tests: &[Test], helpers: &str, p: &mut Problems) {
    type IsKind = fn(&Value) -> bool;
    let needs: [(&str, IsKind); 3] = [
        ("ListNode", |v| matches!(v, Value::Linked(_))),
        ("TreeNode", |v| matches!(v, Value::Tree(_))),
        ("CountingRandom", |v| matches!(v, Value::Rng(_))),
    ];
    for (class, pred) in needs {
        let used = tests
            .iter()
            .any(|t| values_in(t).iter().any(|v| uses(v, pred)));
        if used && !helpers.contains(&format!("class {class}")) {
            p.add(
                "tests",
                format!("tests use {class} values but helpers.py defines no class {class}"),
            );
        }
    }
}

pub(super) fn check_rules(rules: &Rules, tests: &[Test], p: &mut Problems) {
    let called: Vec<&str> = tests
        .iter()
        .filter_map(|t| match &t.kind {
            TestKind::Call { function, .. } => Some(function.as_str()),
            _ => None,
        })
        .collect();
    for (field, names) in [
        ("rules.recursive", &rules.recursive),
        ("rules.no_loops_in", &rules.no_loops_in),
        (
            "rules.no_add_assign_in_loop_in",
            &rules.no_add_assign_in_loop_in,
        ),
    ] {
        for name in names {
            if !called.contains(&name.as_str()) {
                p.add(field, format!("'{name}' is not a function the tests call"));
            }
        }
    }
}
