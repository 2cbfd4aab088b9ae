//! Python's `repr()` of values: what the results, the console and the
//! challenge files show, character for character as CPython prints it.

use super::{Call, Value};
use std::fmt::{self, Write as _};

impl Value {
    /// The value as Python's `repr()` prints it (helper structures in their
    /// challenge notation, opaque objects as `<T object>`).
    pub fn repr(&self) -> String {
        let mut out = String::new();
        self.write_repr(&mut out);
        out
    }

    fn write_repr(&self, out: &mut String) {
        match self {
            Value::None => out.push_str("None"),
            Value::Bool(true) => out.push_str("True"),
            Value::Bool(false) => out.push_str("False"),
            Value::Int(s) => out.push_str(s),
            Value::Float(f) => out.push_str(&float_repr(*f)),
            Value::Str(s) => out.push_str(&str_repr(s)),
            Value::Bytes(b) => out.push_str(&bytes_repr(b)),
            Value::List(items) => write_seq(out, "[", items, "]"),
            Value::Tuple(items) if items.len() == 1 => {
                out.push('(');
                items[0].write_repr(out);
                out.push_str(",)");
            }
            Value::Tuple(items) => write_seq(out, "(", items, ")"),
            Value::Set(items) if items.is_empty() => out.push_str("set()"),
            Value::Set(items) => write_seq(out, "{", items, "}"),
            Value::FrozenSet(items) if items.is_empty() => out.push_str("frozenset()"),
            Value::FrozenSet(items) => {
                out.push_str("frozenset(");
                write_seq(out, "{", items, "}");
                out.push(')');
            }
            Value::Dict(pairs) => {
                out.push('{');
                for (i, (k, v)) in pairs.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    k.write_repr(out);
                    out.push_str(": ");
                    v.write_repr(out);
                }
                out.push('}');
            }
            Value::Linked(items) => {
                out.push_str("linked(");
                write_seq(out, "[", items, "]");
                out.push(')');
            }
            Value::Tree(items) => {
                out.push_str("tree(");
                write_seq(out, "[", items, "]");
                out.push(')');
            }
            Value::Rng(seed) => {
                let _ = write!(out, "rng({seed})");
            }
            Value::Opaque { type_name } => {
                let _ = write!(out, "<{type_name} object>");
            }
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}

fn write_seq(out: &mut String, open: &str, items: &[Value], close: &str) {
    out.push_str(open);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        item.write_repr(out);
    }
    out.push_str(close);
}

/// `repr(x)` of a Python float: shortest round-trip digits, exponent form
/// below 1e-4 and from 1e16 on, as CPython prints it.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // Rust's `{:e}` prints the shortest digits that round-trip, like Python's repr.
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if f < 0.0 { "-" } else { "" };
    let decpt = exp + 1;
    let body = if !(-3..=16).contains(&decpt) {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        format!(
            "{first}{frac}e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    } else if decpt <= 0 {
        format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
    } else if (decpt as usize) >= digits.len() {
        format!("{}{}.0", digits, "0".repeat(decpt as usize - digits.len()))
    } else {
        let (int, frac) = digits.split_at(decpt as usize);
        format!("{int}.{frac}")
    };
    format!("{sign}{body}")
}

/// `repr(s)` of a Python str: single quotes unless only double quotes avoid escaping.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isprintable()` for one character, closely enough for reprs:
/// controls, separators other than the space, and unassigned surrogate-like
/// format characters are escaped.
fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !(c.is_control()
        || c.is_whitespace()
        || matches!(c as u32, 0xad | 0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x2064 | 0xfeff))
}

/// `repr(b)` of Python bytes.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

impl fmt::Display for Call {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}(", self.function)?;
        let mut first = true;
        for a in &self.args {
            if !first {
                f.write_str(", ")?;
            }
            first = false;
            f.write_str(&a.repr())?;
        }
        for (k, v) in &self.kwargs {
            if !first {
                f.write_str(", ")?;
            }
            first = false;
            write!(f, "{k}={}", v.repr())?;
        }
        f.write_str(")")
    }
}
