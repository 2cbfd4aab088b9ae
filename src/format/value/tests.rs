//! Unit tests of values: parsing, repr, comparison and JSON.

use super::*;

fn p(s: &str) -> Value {
    Value::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[test]
fn parses_and_reprints_literals_as_python_does() {
    for (text, repr) in [
        ("None", "None"),
        ("True", "True"),
        ("-0", "0"),
        ("1_000", "1000"),
        (
            "12345678901234567890123456789",
            "12345678901234567890123456789",
        ),
        ("0x1f", "31"),
        ("2.50", "2.5"),
        ("1e16", "1e+16"),
        ("1e-5", "1e-05"),
        ("0.0001", "0.0001"),
        ("123456789.0", "123456789.0"),
        ("-1.5e300", "-1.5e+300"),
        ("float('inf')", "inf"),
        ("'it''s'", "'its'"),
        ("\"it's\"", "\"it's\""),
        ("'a\\nb\\t\\x00'", "'a\\nb\\t\\x00'"),
        ("r'\\d'", "'\\\\d'"),
        ("b'ab\\x01'", "b'ab\\x01'"),
        ("(1,)", "(1,)"),
        ("(1)", "1"),
        ("()", "()"),
        ("[1, [2, (3, 4)], {}]", "[1, [2, (3, 4)], {}]"),
        ("{'b': 1, 'a': [None]}", "{'b': 1, 'a': [None]}"),
        ("{1, 2, 2}", "{1, 2}"),
        ("set()", "set()"),
        ("frozenset([1])", "frozenset({1})"),
        ("linked([1, 2])", "linked([1, 2])"),
        ("tree([1, None, 2])", "tree([1, None, 2])"),
        ("rng(7)", "rng(7)"),
        ("'''two\nlines'''", "'two\\nlines'"),
        ("'é😀'", "'é😀'"),
    ] {
        assert_eq!(p(text).repr(), repr, "{text}");
    }
}

#[test]
fn short_expressions_build_big_inputs() {
    assert_eq!(p("'ab' * 3").repr(), "'ababab'");
    assert_eq!(p("[0] * 2 + [1]").repr(), "[0, 0, 1]");
    assert_eq!(p("-2**31").repr(), "-2147483648");
    assert_eq!(p("10**12 + 39").repr(), "1000000000039");
    assert_eq!(p("2**31 - 1").repr(), "2147483647");
    assert_eq!(p("1 - -1").repr(), "2");
    assert_eq!(p("list(range(3))").repr(), "[0, 1, 2]");
    assert_eq!(p("list(range(5, 0, -2))").repr(), "[5, 3, 1]");
    assert_eq!(p("tuple('ab')").repr(), "('a', 'b')");
    assert_eq!(p("-1.5").repr(), "-1.5");
    assert!(Value::parse("[0] * 10**9").is_err());
    assert!(Value::parse("'a' + 1").is_err());
}

#[test]
fn refuses_what_is_not_a_literal() {
    for bad in [
        "", "[1, 2", "foo", "'open", "{1: 2", "007", "[1] x", "float(3)", "rng(-1)", "1 +",
        "range(3)", "1 / 2",
    ] {
        assert!(Value::parse(bad).is_err(), "{bad:?} should not parse");
    }
    let deep = "[".repeat(500) + &"]".repeat(500);
    assert!(Value::parse(&deep).is_err());
}

#[test]
fn types_are_exact() {
    let c = Compare::default();
    assert!(!p("True").matches(&p("1"), &c));
    assert!(!p("1").matches(&p("1.0"), &c));
    assert!(!p("[1, 2]").matches(&p("(1, 2)"), &c));
    assert!(!p("'True'").matches(&p("True"), &c));
    assert!(p("[1, 2.5, 'x']").matches(&p("[1, 2.5, 'x']"), &c));
    let opaque = Value::Opaque {
        type_name: "Liar".into(),
    };
    assert!(!p("1").matches(&opaque, &c));
    assert!(!Value::List(vec![opaque.clone()]).matches(&Value::List(vec![opaque]), &c));
}

#[test]
fn dicts_compare_by_content_unless_order_matters() {
    let a = p("{'x': 1, 'y': 2}");
    let b = p("{'y': 2, 'x': 1}");
    assert!(a.matches(&b, &Compare::default()));
    let ordered = Compare {
        ordered_dict: true,
        ..Compare::default()
    };
    assert!(!a.matches(&b, &ordered));
    assert!(a.matches(&a.clone(), &ordered));
    assert!(!a.matches(&p("{'x': 1, 'y': 3}"), &Compare::default()));
}

#[test]
fn unordered_lists_and_sets_ignore_order_but_not_counts() {
    let un = Compare {
        unordered: true,
        ..Compare::default()
    };
    assert!(p("[1, 2, 2]").matches(&p("[2, 1, 2]"), &un));
    assert!(!p("[1, 2, 2]").matches(&p("[1, 1, 2]"), &un));
    assert!(!p("[1, 2]").matches(&p("[2, 1]"), &Compare::default()));
    assert!(p("{1, 2}").matches(&p("{2, 1}"), &Compare::default()));
}

#[test]
fn float_tolerance_is_absolute_or_relative() {
    let tol = Compare {
        float_tolerance: Some(1e-9),
        ..Compare::default()
    };
    assert!(p("0.3").matches(&Value::Float(0.1 + 0.2), &tol));
    assert!(!p("0.3").matches(&Value::Float(0.1 + 0.2), &Compare::default()));
    assert!(p("1e20").matches(&Value::Float(1e20 * (1.0 + 1e-12)), &tol));
    assert!(!p("1.0").matches(&p("1.1"), &tol));
    assert!(p("float('nan')").matches(&p("float('nan')"), &tol));
}

#[test]
fn calls_parse_with_keywords_and_print_back() {
    let c = Call::parse("sort_by_value({'a': 2, 'b': 1}, reverse=True)").unwrap();
    assert_eq!(c.function, "sort_by_value");
    assert_eq!(c.args.len(), 1);
    assert_eq!(c.kwargs[0].0, "reverse");
    assert_eq!(
        c.to_string(),
        "sort_by_value({'a': 2, 'b': 1}, reverse=True)"
    );
    assert_eq!(Call::parse("f()").unwrap().to_string(), "f()");
    assert!(Call::parse("f(a=1, 2)").is_err());
    assert!(Call::parse("f(1").is_err());
    assert!(Call::parse("f(x == 1)").is_err());
    assert!(Call::parse("1(2)").is_err());
}

#[test]
fn non_finite_floats_survive_json() {
    let v = p("[float('inf'), float('-inf'), float('nan'), 1.5]");
    let back: Value = serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
    assert_eq!(back.repr(), "[inf, -inf, nan, 1.5]");
}

#[test]
fn float_repr_matches_cpython() {
    // Cross-checked with CPython 3.11's repr().
    for (f, r) in [
        (0.1, "0.1"),
        (1.0 / 3.0, "0.3333333333333333"),
        (1e15, "1000000000000000.0"),
        (1e16, "1e+16"),
        (123.456, "123.456"),
        (0.00012, "0.00012"),
        (0.000012, "1.2e-05"),
        (-2.0, "-2.0"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
    ] {
        assert_eq!(float_repr(f), r);
    }
}

#[test]
fn a_repeated_dict_key_keeps_its_place_and_takes_the_last_value_as_in_python() {
    assert_eq!(p("{1: 'a', 2: 'b', 1: 'c'}"), p("{1: 'c', 2: 'b'}"));
    assert_eq!(p("{(1, 'x'): 1, (1, 'x'): 2}"), p("{(1, 'x'): 2}"));
    // `1` and `'1'` are different keys; `0.0` and `-0.0` are the same one.
    assert_eq!(
        p("{1: 'a', '1': 'b'}"),
        Value::Dict(vec![
            (Value::int(1), Value::Str("a".into())),
            (Value::Str("1".into()), Value::Str("b".into())),
        ])
    );
    assert_eq!(
        p("{0.0: 1, -0.0: 2}"),
        Value::Dict(vec![(Value::Float(0.0), Value::int(2))])
    );
    // A big graph parses with every node once, in order.
    let graph: String = (0..10_000).map(|i| format!("{i}: [{}], ", i + 1)).collect();
    match p(&format!("{{{graph}}}")) {
        Value::Dict(pairs) => {
            assert_eq!(pairs.len(), 10_000);
            assert!(
                pairs
                    .iter()
                    .enumerate()
                    .all(|(i, (k, _))| *k == Value::int(i as i128))
            );
        }
        other => panic!("not a dict: {other:?}"),
    }
}
