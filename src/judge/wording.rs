//! How a wrong answer is put into words: where the expected and the actual
//! value first differ, and long values and outputs folded around that place
//! (shown whole when short). The judge decides that an answer is wrong; this
//! module only says how.

use crate::challenge::normalize_output;
use crate::report::TestVerdict;
use crate::value::Value;

/// Characters of a value or an output shown before it is cut or folded.
const SHOWN_CHARS: usize = 2000;

/// A repr cut to a readable length.
pub fn shorten(text: &str) -> String {
    if text.chars().count() <= SHOWN_CHARS {
        return text.to_owned();
    }
    let cut: String = text.chars().take(SHOWN_CHARS).collect();
    format!("{cut}… ({} characters in all)", text.chars().count())
}

pub(super) fn wrong_value(expected: &Value, actual: &Value) -> TestVerdict {
    let message = match mismatch(expected, actual) {
        Some(detail) => format!("Returned the wrong value: {detail}."),
        None => "Returned the wrong value.".into(),
    };
    let at = first_difference(expected, actual);
    TestVerdict::WrongAnswer {
        message,
        expected: Some(fold(expected, at)),
        actual: Some(fold(actual, at)),
    }
}

/// The index of the first item where two sequences of the same kind differ.
fn first_difference(expected: &Value, actual: &Value) -> Option<usize> {
    use Value::*;
    match (expected, actual) {
        (List(e), List(a)) | (Tuple(e), Tuple(a)) | (Linked(e), Linked(a)) => e
            .iter()
            .zip(a)
            .position(|(x, y)| !x.matches(y, &Default::default()))
            .or_else(|| (e.len() != a.len()).then(|| e.len().min(a.len()))),
        (Str(e), Str(a)) => e
            .chars()
            .zip(a.chars())
            .position(|(x, y)| x != y)
            .or_else(|| (e.len() != a.len()).then(|| e.chars().count().min(a.chars().count()))),
        _ => Option::None,
    }
}

/// Items shown on each side of the first difference when a value is folded.
const FOLD_CONTEXT: usize = 5;

/// A value's repr, folded around item `at` when it is too long to show whole:
/// `[…, 4, 5, 6, …] (items 3 to 8 of 10000; the first difference is item 5)`.
fn fold(value: &Value, at: Option<usize>) -> String {
    let whole = crate::draw::draw(value).unwrap_or_else(|| value.repr());
    if let (Some(at), Value::Str(text)) = (at, value)
        && whole.chars().count() > SHOWN_CHARS
    {
        return fold_text(text, at);
    }
    let (Some(at), Value::List(items) | Value::Tuple(items) | Value::Linked(items)) = (at, value)
    else {
        return shorten(&whole);
    };
    if whole.chars().count() <= SHOWN_CHARS {
        return whole;
    }
    let from = at.saturating_sub(FOLD_CONTEXT);
    let to = (at + FOLD_CONTEXT + 1).min(items.len());
    let shown: Vec<String> = items[from..to.max(from)]
        .iter()
        .map(|v| shorten(&v.repr()))
        .collect();
    let (open, sep, close) = match value {
        Value::List(_) => ("[", ", ", "]"),
        Value::Tuple(_) => ("(", ", ", ")"),
        _ => ("", " → ", ""),
    };
    format!(
        "{open}{}{}{}{close} (items {from} to {} of {}; the first difference is item {at})",
        if from > 0 {
            format!("…{sep}")
        } else {
            String::new()
        },
        shown.join(sep),
        if to < items.len() {
            format!("{sep}…")
        } else {
            String::new()
        },
        to.saturating_sub(1),
        items.len(),
    )
}

/// Characters shown on each side of the first difference in a long string.
const FOLD_TEXT_CONTEXT: usize = 60;

/// A long string's repr around character `at`:
/// `'…abcXdef…' (characters 40 to 160 of 5000; the first difference is character 100)`.
fn fold_text(text: &str, at: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let from = at.saturating_sub(FOLD_TEXT_CONTEXT);
    let to = (at + FOLD_TEXT_CONTEXT).min(chars.len());
    let part: String = chars[from..to.max(from)].iter().collect();
    let repr = Value::Str(part).repr();
    let (quote, inner) = repr.split_at(1);
    let inner = &inner[..inner.len() - 1];
    format!(
        "{quote}{}{inner}{}{quote} (characters {from} to {} of {}; the first difference is character {at})",
        if from > 0 { "…" } else { "" },
        if to < chars.len() { "…" } else { "" },
        to.saturating_sub(1),
        chars.len(),
    )
}

/// Where two values first differ, in words, when that helps.
fn mismatch(expected: &Value, actual: &Value) -> Option<String> {
    use Value::*;
    if std::mem::discriminant(expected) != std::mem::discriminant(actual) {
        return Some(format!(
            "expected {}, got {}",
            expected.type_name(),
            actual.type_name()
        ));
    }
    match (expected, actual) {
        (List(e), List(a)) | (Tuple(e), Tuple(a)) | (Linked(e), Linked(a)) => {
            if e.len() != a.len() {
                let items = |n: usize| {
                    if n == 1 {
                        "1 item".to_owned()
                    } else {
                        format!("{n} items")
                    }
                };
                return Some(format!(
                    "expected {}, got {}",
                    items(e.len()),
                    items(a.len())
                ));
            }
            let i = e
                .iter()
                .zip(a)
                .position(|(x, y)| !x.matches(y, &Default::default()))?;
            Some(format!(
                "first difference at index {i}: expected {}, got {}",
                shorten(&e[i].repr()),
                shorten(&a[i].repr())
            ))
        }
        (Str(e), Str(a)) => {
            let (ec, ac) = (e.chars().count(), a.chars().count());
            match e.chars().zip(a.chars()).position(|(x, y)| x != y) {
                Some(i) => Some(format!(
                    "first difference at character {i}: expected {}, got {}",
                    Str(e.chars().nth(i)?.to_string()).repr(),
                    Str(a.chars().nth(i)?.to_string()).repr()
                )),
                Option::None if ec != ac => Some(format!(
                    "expected {ec} characters, got {ac} (the same up to character {})",
                    ec.min(ac)
                )),
                Option::None => Option::None,
            }
        }
        (Dict(e), Dict(a)) => {
            let key_of = |pairs: &[(Value, Value)], k: &Value| {
                pairs.iter().find(|(k2, _)| k2 == k).map(|(_, v)| v.clone())
            };
            if let Some((k, _)) = e.iter().find(|(k, _)| key_of(a, k).is_none()) {
                return Some(format!("the key {} is missing", shorten(&k.repr())));
            }
            if let Some((k, _)) = a.iter().find(|(k, _)| key_of(e, k).is_none()) {
                return Some(format!(
                    "the key {} should not be there",
                    shorten(&k.repr())
                ));
            }
            if let Some((k, ev, av)) = e.iter().find_map(|(k, ev)| {
                key_of(a, k)
                    .filter(|av| !ev.matches(av, &Default::default()))
                    .map(|av| (k, ev, av))
            }) {
                return Some(format!(
                    "for the key {}, expected {}, got {}",
                    shorten(&k.repr()),
                    shorten(&ev.repr()),
                    shorten(&av.repr())
                ));
            }
            // Same keys and values: the order differs.
            let i = e.iter().zip(a).position(|(x, y)| x != y)?;
            Some(format!(
                "the keys are in another order: expected {} at position {i}, got {}",
                shorten(&e[i].0.repr()),
                shorten(&a[i].0.repr())
            ))
        }
        _ => Option::None,
    }
}

pub(super) fn wrong_output(message: &str, expected: &str, actual: &str) -> TestVerdict {
    let e = normalize_output(expected);
    let a = normalize_output(actual);
    let line = e
        .lines()
        .zip(a.lines())
        .position(|(x, y)| x != y)
        .unwrap_or_else(|| e.lines().count().min(a.lines().count()));
    TestVerdict::WrongAnswer {
        message: format!("{message} Line {} of the output differs.", line + 1),
        expected: Some(fold_lines(&e, line)),
        actual: Some(fold_lines(&a, line)),
    }
}

/// Lines shown on each side of the first differing line of a long output.
const FOLD_LINES_CONTEXT: usize = 5;

/// A long output, folded to the lines around line `at` (0-based).
fn fold_lines(text: &str, at: usize) -> String {
    if text.chars().count() <= SHOWN_CHARS {
        return text.to_owned();
    }
    let lines: Vec<&str> = text.lines().collect();
    let from = at.saturating_sub(FOLD_LINES_CONTEXT);
    let to = (at + FOLD_LINES_CONTEXT + 1).min(lines.len());
    let shown = shorten(&lines[from.min(lines.len())..to.max(from).min(lines.len())].join("\n"));
    format!(
        "{}{shown}{}\n(lines {} to {} of {}; line {} differs)",
        if from > 0 { "…\n" } else { "" },
        if to < lines.len() { "\n…" } else { "" },
        from + 1,
        to,
        lines.len(),
        at + 1
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Value {
        Value::Str(text.to_owned())
    }

    fn dict(pairs: &[(&str, i64)]) -> Value {
        Value::Dict(
            pairs
                .iter()
                .map(|(k, v)| (s(k), Value::Int(v.to_string())))
                .collect(),
        )
    }

    #[test]
    fn strings_name_their_first_differing_character() {
        assert_eq!(
            mismatch(&s("hello"), &s("help!")).as_deref(),
            Some("first difference at character 3: expected 'l', got 'p'")
        );
        assert_eq!(
            mismatch(&s("abc"), &s("ab")).as_deref(),
            Some("expected 3 characters, got 2 (the same up to character 2)")
        );
    }

    #[test]
    fn dicts_name_the_key_that_differs() {
        let e = dict(&[("a", 1), ("b", 2)]);
        assert_eq!(
            mismatch(&e, &dict(&[("a", 1)])).as_deref(),
            Some("the key 'b' is missing")
        );
        assert_eq!(
            mismatch(&e, &dict(&[("a", 1), ("b", 2), ("c", 3)])).as_deref(),
            Some("the key 'c' should not be there")
        );
        assert_eq!(
            mismatch(&e, &dict(&[("a", 1), ("b", 5)])).as_deref(),
            Some("for the key 'b', expected 2, got 5")
        );
        assert_eq!(
            mismatch(&e, &dict(&[("b", 2), ("a", 1)])).as_deref(),
            Some("the keys are in another order: expected 'a' at position 0, got 'b'")
        );
    }

    #[test]
    fn a_long_string_is_folded_around_its_first_difference() {
        let expected = "x".repeat(3000);
        let mut actual = expected.clone();
        actual.replace_range(2500..2501, "y");
        let TestVerdict::WrongAnswer {
            expected: Some(e),
            actual: Some(a),
            ..
        } = wrong_value(&s(&expected), &s(&actual))
        else {
            panic!("a wrong answer")
        };
        assert!(a.contains('y'), "{a}");
        assert!(a.starts_with("'…") && e.starts_with("'…"), "{a}");
        assert!(
            a.ends_with("the first difference is character 2500)"),
            "{a}"
        );
        assert!(a.chars().count() < 300);
    }

    #[test]
    fn a_long_output_is_folded_around_the_line_that_differs() {
        let expected: String = (0..1000).map(|i| format!("line {i}\n")).collect();
        let actual = expected.replace("line 700\n", "line seven hundred\n");
        let TestVerdict::WrongAnswer {
            message,
            expected: Some(e),
            actual: Some(a),
        } = wrong_output("Wrong output.", &expected, &actual)
        else {
            panic!("a wrong answer")
        };
        assert_eq!(message, "Wrong output. Line 701 of the output differs.");
        assert!(
            a.contains("line seven hundred") && e.contains("line 700"),
            "{a}"
        );
        assert!(
            a.ends_with("(lines 696 to 706 of 1000; line 701 differs)"),
            "{a}"
        );
    }
}
