//! Python values as the judge sees them, outside any interpreter.
//!
//! Challenge files write arguments and expected results as Python literals
//! (`[1, 2, 3]`, `{'a': (1, 2.5)}`, `linked([1, 2])`). This module holds the
//! [`Value`] type itself, the [`Call`] a test makes, and how both travel as
//! JSON; its parts parse literals ([`Value::parse`], in `parse`), print any
//! value as Python's `repr()` would (`repr`), and compare an actual value
//! with an expected one under a test's [`Compare`] options (`compare`). Types
//! are exact: `True` is not `1`, `(1, 2)` is not `[1, 2]`, `3` is not `3.0`.
//!
//! Reading values out of live Python objects is the judge's business
//! (`judge::extract`); this module never touches an interpreter, so the
//! build script and the browser UI can use it too.

mod compare;
mod parse;
mod repr;
#[cfg(test)]
mod tests;

pub use compare::Compare;
pub use parse::ParseError;
pub use repr::{bytes_repr, float_repr, str_repr};

use serde::{Deserialize, Serialize};

/// A Python value the judge can build, read and compare.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    None,
    Bool(bool),
    /// An int of any size, kept as canonical decimal text (`-12`, `0`).
    Int(String),
    /// JSON has no infinity or NaN, so those travel as the strings `"inf"`, `"-inf"`, `"nan"`.
    Float(#[serde(with = "float_json")] f64),
    Str(String),
    Bytes(Vec<u8>),
    List(Vec<Value>),
    Tuple(Vec<Value>),
    Set(Vec<Value>),
    FrozenSet(Vec<Value>),
    /// Key/value pairs in insertion order.
    Dict(Vec<(Value, Value)>),
    /// `linked([1, 2])`: a chain of the challenge's `ListNode`; `linked([])` is `None`.
    Linked(Vec<Value>),
    /// `tree([1, None, 2])`: the challenge's `TreeNode`s in level order, `None` for gaps.
    Tree(Vec<Value>),
    /// `rng(seed)`: the challenge's counting random source, seeded.
    Rng(u64),
    /// An object the judge does not read into a value; only its type is known.
    Opaque {
        type_name: String,
    },
}

/// A call written in a challenge file: `name(arg, key=arg)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Call {
    pub function: String,
    pub args: Vec<Value>,
    pub kwargs: Vec<(String, Value)>,
}

impl Value {
    /// An int value from a machine integer.
    pub fn int(n: i128) -> Value {
        Value::Int(n.to_string())
    }

    /// The value as a machine integer, when it is an int that fits.
    pub fn as_i128(&self) -> Option<i128> {
        match self {
            Value::Int(s) => s.parse().ok(),
            _ => None,
        }
    }

    /// Whether this value, or any value inside it (items, keys, values),
    /// is one that `is` picks out.
    pub fn any_part(&self, is: &impl Fn(&Value) -> bool) -> bool {
        is(self)
            || match self {
                Value::List(items)
                | Value::Tuple(items)
                | Value::Set(items)
                | Value::FrozenSet(items)
                | Value::Linked(items)
                | Value::Tree(items) => items.iter().any(|v| v.any_part(is)),
                Value::Dict(pairs) => pairs.iter().any(|(k, v)| k.any_part(is) || v.any_part(is)),
                _ => false,
            }
    }

    /// Python's name for the value's type.
    pub fn type_name(&self) -> &str {
        match self {
            Value::None => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::Bytes(_) => "bytes",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Set(_) => "set",
            Value::FrozenSet(_) => "frozenset",
            Value::Dict(_) => "dict",
            Value::Linked(_) => "ListNode",
            Value::Tree(_) => "TreeNode",
            Value::Rng(_) => "CountingRandom",
            Value::Opaque { type_name } => type_name,
        }
    }
}

/// Floats in JSON, including the infinities and NaN that JSON numbers cannot hold.
mod float_json {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(f: &f64, s: S) -> Result<S::Ok, S::Error> {
        if f.is_finite() {
            s.serialize_f64(*f)
        } else {
            s.serialize_str(&super::float_repr(*f))
        }
    }

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Wire {
        Number(f64),
        Text(String),
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        match Wire::deserialize(d)? {
            Wire::Number(f) => Ok(f),
            Wire::Text(t) => match t.as_str() {
                "inf" => Ok(f64::INFINITY),
                "-inf" => Ok(f64::NEG_INFINITY),
                "nan" => Ok(f64::NAN),
                other => Err(serde::de::Error::custom(format!("not a float: {other}"))),
            },
        }
    }
}
