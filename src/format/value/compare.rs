//! Whether an actual value counts as the expected one: exact types, and the
//! looser equalities a test may ask for ([`Compare`]: float tolerance, dict
//! order, an unordered top-level list).

use super::Value;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How an actual value is compared with the expected one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Compare {
    /// Floats match when within this absolute or relative distance.
    #[serde(default)]
    pub float_tolerance: Option<f64>,
    /// Dicts must also list their keys in the same order.
    #[serde(default)]
    pub ordered_dict: bool,
    /// The top-level list may come in any order.
    #[serde(default)]
    pub unordered: bool,
}

impl Value {
    /// Whether `actual` counts as equal to this expected value.
    pub fn matches(&self, actual: &Value, opts: &Compare) -> bool {
        if opts.unordered
            && let (Value::List(e), Value::List(a)) = (self, actual)
        {
            let inner = Compare {
                unordered: false,
                ..*opts
            };
            return same_multiset(e, a, &inner);
        }
        matches_exact(self, actual, opts)
    }
}

fn matches_exact(e: &Value, a: &Value, opts: &Compare) -> bool {
    use Value::*;
    match (e, a) {
        (Float(x), Float(y)) => floats_match(*x, *y, opts.float_tolerance),
        (List(x), List(y)) | (Tuple(x), Tuple(y)) | (Linked(x), Linked(y)) | (Tree(x), Tree(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| matches_exact(p, q, opts))
        }
        (Set(x), Set(y)) | (FrozenSet(x), FrozenSet(y)) => same_multiset(x, y, opts),
        (Dict(x), Dict(y)) => {
            if x.len() != y.len() {
                return false;
            }
            if opts.ordered_dict {
                return x
                    .iter()
                    .zip(y)
                    .all(|((k1, v1), (k2, v2))| k1 == k2 && matches_exact(v1, v2, opts));
            }
            let by_key: HashMap<String, &Value> = y.iter().map(|(k, v)| (k.repr(), v)).collect();
            by_key.len() == y.len()
                && x.iter().all(|(k, v)| {
                    by_key
                        .get(&k.repr())
                        .is_some_and(|av| matches_exact(v, av, opts))
                })
        }
        (Opaque { .. }, _) | (_, Opaque { .. }) => false,
        _ => e == a,
    }
}

fn floats_match(x: f64, y: f64, tolerance: Option<f64>) -> bool {
    if x.is_nan() || y.is_nan() {
        return x.is_nan() && y.is_nan();
    }
    if x == y {
        return true;
    }
    match tolerance {
        Some(tol) if x.is_finite() && y.is_finite() => {
            let diff = (x - y).abs();
            diff <= tol || diff <= tol * x.abs().max(y.abs())
        }
        _ => false,
    }
}

/// Order-free comparison: every expected item pairs with a distinct actual item.
fn same_multiset(expected: &[Value], actual: &[Value], opts: &Compare) -> bool {
    if expected.len() != actual.len() {
        return false;
    }
    if opts.float_tolerance.is_none() {
        // Without tolerance, equality is exact, so canonical reprs decide it in n log n.
        let mut x: Vec<String> = expected.iter().map(Value::repr).collect();
        let mut y: Vec<String> = actual.iter().map(Value::repr).collect();
        x.sort_unstable();
        y.sort_unstable();
        // An opaque value equals nothing, whatever its repr: on either side.
        return x == y && !expected.iter().chain(actual).any(contains_opaque);
    }
    let mut used = vec![false; actual.len()];
    expected.iter().all(|e| {
        let found = actual
            .iter()
            .enumerate()
            .position(|(i, a)| !used[i] && matches_exact(e, a, opts));
        if let Some(i) = found {
            used[i] = true;
        }
        found.is_some()
    })
}

fn contains_opaque(v: &Value) -> bool {
    v.any_part(&|x| matches!(x, Value::Opaque { .. }))
}
