//! Python values as the judge sees them, outside any interpreter.
//!
//! Challenge files write arguments and expected results as Python literals
//! (`[1, 2, 3]`, `{'a': (1, 2.5)}`, `linked([1, 2])`); this module parses
//! them, prints any value as Python's `repr()` would, and compares an actual
//! value with an expected one under a test's [`Compare`] options. Types are
//! exact: `True` is not `1`, `(1, 2)` is not `[1, 2]`, `3` is not `3.0`.
//!
//! Reading values out of live Python objects is the judge's business
//! (`judge::extract`); this module never touches an interpreter, so the
//! build script and the browser UI can use it too.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt::{self, Write as _};

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

/// A call written in a challenge file: `name(arg, key=arg)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Call {
    pub function: String,
    pub args: Vec<Value>,
    pub kwargs: Vec<(String, Value)>,
}

/// Why a literal could not be parsed, with the byte offset where it went wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    pub offset: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.message, self.offset + 1)
    }
}

impl std::error::Error for ParseError {}

impl Value {
    /// Parses one Python literal.
    ///
    /// Fails when the text is not a literal this module knows, with the offset of the problem.
    pub fn parse(text: &str) -> Result<Value, ParseError> {
        let mut p = Parser::new(text);
        let v = p.value()?;
        p.end()?;
        Ok(v)
    }

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
    match v {
        Value::Opaque { .. } => true,
        Value::List(x)
        | Value::Tuple(x)
        | Value::Set(x)
        | Value::FrozenSet(x)
        | Value::Linked(x)
        | Value::Tree(x) => x.iter().any(contains_opaque),
        Value::Dict(p) => p
            .iter()
            .any(|(k, v)| contains_opaque(k) || contains_opaque(v)),
        _ => false,
    }
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

impl Call {
    /// Parses `name(arg, ..., key=arg)` where every argument is a literal.
    ///
    /// Fails when the text is not a call of a plain name with literal arguments.
    pub fn parse(text: &str) -> Result<Call, ParseError> {
        let mut p = Parser::new(text);
        p.skip_ws();
        let start = p.pos;
        let function = p
            .ident()
            .ok_or_else(|| p.error_at(start, "expected a function name"))?;
        p.expect('(')?;
        let mut args = Vec::new();
        let mut kwargs: Vec<(String, Value)> = Vec::new();
        loop {
            p.skip_ws();
            if p.eat(')') {
                break;
            }
            let save = p.pos;
            let keyword = p.ident().filter(|_| {
                p.skip_ws();
                p.peek() == Some('=') && p.peek_at(1) != Some('=')
            });
            match keyword {
                Some(name) => {
                    p.expect('=')?;
                    if kwargs.iter().any(|(k, _)| *k == name) {
                        return Err(
                            p.error_at(save, &format!("keyword argument '{name}' repeated"))
                        );
                    }
                    kwargs.push((name, p.value()?));
                }
                None => {
                    p.pos = save;
                    if !kwargs.is_empty() {
                        return Err(p.error_at(save, "positional argument after keyword argument"));
                    }
                    args.push(p.value()?);
                }
            }
            p.skip_ws();
            if p.eat(')') {
                break;
            }
            p.expect(',')?;
        }
        p.end()?;
        Ok(Call {
            function,
            args,
            kwargs,
        })
    }
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

/// The little arithmetic literals may use, so big test inputs stay short to
/// write: `'ab' * 1000`, `[0] * 10**5`, `list(range(10**4)) + [1]`, `-2**31`.
mod arith {
    use super::Value;

    /// The longest sequence an expression may build.
    pub const MAX_LEN: usize = 10_000_000;

    fn int(v: &Value) -> Option<i128> {
        v.as_i128()
    }

    fn float(v: &Value) -> Option<f64> {
        match v {
            Value::Float(f) => Some(*f),
            Value::Int(_) => int(v).map(|n| n as f64),
            _ => None,
        }
    }

    pub fn neg(v: Value) -> Result<Value, &'static str> {
        match v {
            Value::Int(_) => int(&v).map(|n| Value::int(-n)).ok_or("int too large"),
            Value::Float(f) => Ok(Value::Float(-f)),
            _ => Err("'-' needs a number"),
        }
    }

    pub fn add(a: Value, b: Value) -> Result<Value, &'static str> {
        match (a, b) {
            (a @ Value::Int(_), b @ Value::Int(_)) => int(&a)
                .zip(int(&b))
                .and_then(|(x, y)| x.checked_add(y))
                .map(Value::int)
                .ok_or("int too large"),
            (Value::Str(x), Value::Str(y)) => Ok(Value::Str(x + &y)),
            (Value::List(mut x), Value::List(y)) => {
                x.extend(y);
                Ok(Value::List(x))
            }
            (Value::Tuple(mut x), Value::Tuple(y)) => {
                x.extend(y);
                Ok(Value::Tuple(x))
            }
            (a, b) => float(&a)
                .zip(float(&b))
                .map(|(x, y)| Value::Float(x + y))
                .ok_or("'+' needs two numbers or two sequences of one type"),
        }
    }

    pub fn mul(a: Value, b: Value) -> Result<Value, &'static str> {
        let (seq, n) = match (a, b) {
            (a @ Value::Int(_), b @ Value::Int(_)) => {
                return int(&a)
                    .zip(int(&b))
                    .and_then(|(x, y)| x.checked_mul(y))
                    .map(Value::int)
                    .ok_or("int too large");
            }
            (n @ Value::Int(_), seq) | (seq, n @ Value::Int(_)) => {
                (seq, int(&n).ok_or("int too large")?)
            }
            (a, b) => {
                return float(&a)
                    .zip(float(&b))
                    .map(|(x, y)| Value::Float(x * y))
                    .ok_or("'*' needs numbers, or a sequence and an int");
            }
        };
        let n = usize::try_from(n).unwrap_or(0);
        let len = match &seq {
            Value::Str(s) => s.len(),
            Value::List(x) | Value::Tuple(x) => x.len(),
            Value::Float(_) => return Err("'*' of a float and an int: write the float result"),
            _ => return Err("'*' needs numbers, or a sequence and an int"),
        };
        if len.saturating_mul(n) > MAX_LEN {
            return Err("sequence too long for a test");
        }
        Ok(match seq {
            Value::Str(s) => Value::Str(s.repeat(n)),
            Value::List(x) => Value::List(repeat(&x, n)),
            Value::Tuple(x) => Value::Tuple(repeat(&x, n)),
            _ => unreachable!("checked above"),
        })
    }

    fn repeat(items: &[Value], n: usize) -> Vec<Value> {
        let mut out = Vec::with_capacity(items.len() * n);
        for _ in 0..n {
            out.extend_from_slice(items);
        }
        out
    }

    pub fn pow(base: Value, exp: Value) -> Result<Value, &'static str> {
        let (b, e) = int(&base).zip(int(&exp)).ok_or("'**' is for ints here")?;
        let e = u32::try_from(e).map_err(|_| "'**' needs a small non-negative exponent")?;
        b.checked_pow(e).map(Value::int).ok_or("int too large")
    }
}

fn dedup(items: Vec<Value>) -> Vec<Value> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|v| seen.insert(v.repr()))
        .collect()
}

/// Nesting deeper than this in a literal is refused rather than risking the stack.
const MAX_DEPTH: usize = 200;

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Self {
        Parser {
            src,
            pos: 0,
            depth: 0,
        }
    }

    fn error_at(&self, offset: usize, message: &str) -> ParseError {
        ParseError {
            offset,
            message: message.to_owned(),
        }
    }

    fn error(&self, message: &str) -> ParseError {
        self.error_at(self.pos, message)
    }

    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.rest().chars().nth(n)
    }

    fn skip_ws(&mut self) {
        let trimmed = self.rest().trim_start();
        self.pos = self.src.len() - trimmed.len();
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: char) -> Result<(), ParseError> {
        self.skip_ws();
        if self.eat(c) {
            Ok(())
        } else {
            Err(self.error(&format!("expected '{c}'")))
        }
    }

    fn end(&mut self) -> Result<(), ParseError> {
        self.skip_ws();
        if self.pos == self.src.len() {
            Ok(())
        } else {
            Err(self.error("unexpected text after the value"))
        }
    }

    fn ident(&mut self) -> Option<String> {
        let rest = self.rest();
        let mut chars = rest.char_indices();
        match chars.next() {
            Some((_, c)) if c.is_alphabetic() || c == '_' => {}
            _ => return None,
        }
        let len = chars
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
            .map_or(rest.len(), |(i, _)| i);
        self.pos += len;
        Some(rest[..len].to_owned())
    }

    fn value(&mut self) -> Result<Value, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("literal nested too deeply"));
        }
        let v = self.sum();
        self.depth -= 1;
        v
    }

    /// `a + b`: concatenation of sequences, addition of numbers; `a - b` of numbers.
    fn sum(&mut self) -> Result<Value, ParseError> {
        let mut left = self.product()?;
        loop {
            self.skip_ws();
            let at = self.pos;
            let subtract = if self.eat('+') {
                false
            } else if self.eat('-') {
                true
            } else {
                return Ok(left);
            };
            let right = self.product()?;
            left = if subtract {
                arith::neg(right).and_then(|r| arith::add(left, r))
            } else {
                arith::add(left, right)
            }
            .map_err(|m| self.error_at(at, m))?;
        }
    }

    /// `a * b`: repetition of sequences, multiplication of numbers.
    fn product(&mut self) -> Result<Value, ParseError> {
        let mut left = self.power()?;
        loop {
            self.skip_ws();
            let at = self.pos;
            if self.rest().starts_with("**") || !self.eat('*') {
                return Ok(left);
            }
            let right = self.power()?;
            left = arith::mul(left, right).map_err(|m| self.error_at(at, m))?;
        }
    }

    /// `a ** b` on ints (binds tighter than unary minus on its left, as in Python).
    fn power(&mut self) -> Result<Value, ParseError> {
        self.skip_ws();
        let at = self.pos;
        if self.eat('-') {
            let v = self.power()?;
            return arith::neg(v).map_err(|m| self.error_at(at, m));
        }
        if self.eat('+') {
            return self.power();
        }
        let base = self.value_inner()?;
        self.skip_ws();
        let at = self.pos;
        if self.rest().starts_with("**") {
            self.pos += 2;
            let exp = self.power()?;
            return arith::pow(base, exp).map_err(|m| self.error_at(at, m));
        }
        Ok(base)
    }

    fn value_inner(&mut self) -> Result<Value, ParseError> {
        self.skip_ws();
        let start = self.pos;
        match self.peek() {
            None => Err(self.error("expected a value")),
            Some('[') => {
                self.pos += 1;
                Ok(Value::List(self.items(']')?))
            }
            Some('(') => {
                self.pos += 1;
                self.skip_ws();
                if self.eat(')') {
                    return Ok(Value::Tuple(vec![]));
                }
                let first = self.value()?;
                self.skip_ws();
                if self.eat(')') {
                    return Ok(first); // parenthesised value, not a tuple
                }
                self.expect(',')?;
                let mut items = vec![first];
                items.extend(self.items(')')?);
                Ok(Value::Tuple(items))
            }
            Some('{') => {
                self.pos += 1;
                self.brace()
            }
            Some('0'..='9') | Some('.') => self.number(),
            Some('\'') | Some('"') => {
                // Adjacent literals join, as in Python: 'it' 's' == 'its'.
                let mut text = self.string(false)?;
                loop {
                    let save = self.pos;
                    self.skip_ws();
                    if matches!(self.peek(), Some('\'') | Some('"')) {
                        text.push_str(&self.string(false)?);
                    } else {
                        self.pos = save;
                        return Ok(Value::Str(text));
                    }
                }
            }
            Some(_) => {
                let save = self.pos;
                let word = self.ident().ok_or_else(|| self.error("expected a value"))?;
                let lower = word.to_ascii_lowercase();
                let is_prefix = matches!(lower.as_str(), "r" | "b" | "rb" | "br" | "u");
                if is_prefix && matches!(self.peek(), Some('\'') | Some('"')) {
                    let raw = lower.contains('r');
                    return if lower.contains('b') {
                        let s = self.string(raw)?;
                        if !s.is_ascii() {
                            return Err(
                                self.error_at(save, "bytes literal with non-ASCII characters")
                            );
                        }
                        Ok(Value::Bytes(s.into_bytes()))
                    } else {
                        Ok(Value::Str(self.string(raw)?))
                    };
                }
                match word.as_str() {
                    "None" => Ok(Value::None),
                    "True" => Ok(Value::Bool(true)),
                    "False" => Ok(Value::Bool(false)),
                    _ => self.constructor(&word, start),
                }
            }
        }
    }

    /// `name(...)` forms: `float('inf')`, `set()`, `frozenset([..])`, `linked([..])`, `tree([..])`, `rng(n)`.
    fn constructor(&mut self, name: &str, start: usize) -> Result<Value, ParseError> {
        self.skip_ws();
        if !self.eat('(') {
            return Err(self.error_at(start, &format!("unknown name '{name}' in a literal")));
        }
        self.skip_ws();
        let arg = if self.peek() == Some(')') {
            None
        } else if self.rest().starts_with("range(")
            && matches!(name, "list" | "tuple" | "set" | "frozenset")
        {
            Some(self.range()?)
        } else {
            Some(self.value()?)
        };
        self.expect(')')?;
        let list_arg = |v: Option<Value>, what: &str| -> Result<Vec<Value>, ParseError> {
            match v {
                None => Ok(vec![]),
                Some(Value::List(items)) | Some(Value::Tuple(items)) | Some(Value::Set(items)) => {
                    Ok(items)
                }
                Some(Value::Str(s)) if what != "linked" && what != "tree" => {
                    Ok(s.chars().map(|c| Value::Str(c.to_string())).collect())
                }
                Some(_) => Err(ParseError {
                    offset: start,
                    message: format!("{what}(...) takes a list"),
                }),
            }
        };
        match name {
            "float" => match arg {
                Some(Value::Str(s)) => match s.trim().to_ascii_lowercase().as_str() {
                    "inf" | "+inf" | "infinity" => Ok(Value::Float(f64::INFINITY)),
                    "-inf" | "-infinity" => Ok(Value::Float(f64::NEG_INFINITY)),
                    "nan" => Ok(Value::Float(f64::NAN)),
                    other => other.parse::<f64>().map(Value::Float).map_err(|_| {
                        self.error_at(start, "float(...) of text that is not a number")
                    }),
                },
                _ => Err(self.error_at(start, "float(...) takes a string such as 'inf'")),
            },
            "list" => Ok(Value::List(list_arg(arg, "list")?)),
            "tuple" => Ok(Value::Tuple(list_arg(arg, "tuple")?)),
            "set" => Ok(Value::Set(dedup(list_arg(arg, "set")?))),
            "frozenset" => Ok(Value::FrozenSet(dedup(list_arg(arg, "frozenset")?))),
            "linked" => Ok(Value::Linked(list_arg(arg, "linked")?)),
            "tree" => Ok(Value::Tree(list_arg(arg, "tree")?)),
            "rng" => match arg.as_ref().and_then(Value::as_i128) {
                Some(seed) if seed >= 0 && seed <= u64::MAX as i128 => Ok(Value::Rng(seed as u64)),
                _ => Err(self.error_at(start, "rng(...) takes a non-negative int seed")),
            },
            _ => Err(self.error_at(start, &format!("unknown name '{name}' in a literal"))),
        }
    }

    /// `range(stop)`, `range(start, stop[, step])` as the list of its ints.
    fn range(&mut self) -> Result<Value, ParseError> {
        let start = self.pos;
        self.pos += "range(".len();
        let bounds: Vec<i128> = self
            .items(')')?
            .iter()
            .map(Value::as_i128)
            .collect::<Option<_>>()
            .ok_or_else(|| self.error_at(start, "range(...) takes ints"))?;
        let (lo, hi, step) = match bounds[..] {
            [hi] => (0, hi, 1),
            [lo, hi] => (lo, hi, 1),
            [lo, hi, step] if step != 0 => (lo, hi, step),
            _ => return Err(self.error_at(start, "range(...) takes 1 to 3 ints, step not 0")),
        };
        let len = if step > 0 {
            (hi - lo + step - 1) / step
        } else {
            (lo - hi - step - 1) / -step
        };
        if len > arith::MAX_LEN as i128 {
            return Err(self.error_at(start, "range too long for a test"));
        }
        Ok(Value::List(
            (0..len.max(0)).map(|i| Value::int(lo + i * step)).collect(),
        ))
    }

    fn items(&mut self, close: char) -> Result<Vec<Value>, ParseError> {
        let mut items = Vec::new();
        loop {
            self.skip_ws();
            if self.eat(close) {
                return Ok(items);
            }
            items.push(self.value()?);
            self.skip_ws();
            if self.eat(close) {
                return Ok(items);
            }
            self.expect(',')?;
        }
    }

    fn brace(&mut self) -> Result<Value, ParseError> {
        self.skip_ws();
        if self.eat('}') {
            return Ok(Value::Dict(vec![]));
        }
        let first = self.value()?;
        self.skip_ws();
        if self.eat(':') {
            let mut pairs = vec![(first, self.value()?)];
            loop {
                self.skip_ws();
                if self.eat('}') {
                    break;
                }
                self.expect(',')?;
                self.skip_ws();
                if self.eat('}') {
                    break;
                }
                let k = self.value()?;
                self.expect(':')?;
                let v = self.value()?;
                // A later duplicate key replaces the earlier value, as in Python.
                match pairs.iter_mut().find(|(pk, _)| *pk == k) {
                    Some(slot) => slot.1 = v,
                    None => pairs.push((k, v)),
                }
            }
            return Ok(Value::Dict(pairs));
        }
        let mut items = vec![first];
        self.skip_ws();
        if !self.eat('}') {
            self.expect(',')?;
            items.extend(self.items('}')?);
        }
        Ok(Value::Set(dedup(items)))
    }

    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.pos;
        let body_start = self.pos;
        let rest = self.rest();
        let len = rest
            .char_indices()
            .find(|&(i, c)| {
                !(c.is_ascii_alphanumeric()
                    || c == '_'
                    || c == '.'
                    || ((c == '-' || c == '+')
                        && i > 0
                        && matches!(rest.as_bytes()[i - 1], b'e' | b'E')))
            })
            .map_or(rest.len(), |(i, _)| i);
        let text: String = rest[..len].chars().filter(|&c| c != '_').collect();
        self.pos += len;
        if text.is_empty() {
            return Err(self.error_at(start, "expected a number"));
        }
        let lower = text.to_ascii_lowercase();
        let radix = if lower.starts_with("0x") {
            Some(16)
        } else if lower.starts_with("0o") {
            Some(8)
        } else if lower.starts_with("0b") {
            Some(2)
        } else {
            None
        };
        if let Some(radix) = radix {
            let digits = &lower[2..];
            let n = u128::from_str_radix(digits, radix)
                .map_err(|_| self.error_at(body_start, "invalid number"))?;
            return i128::try_from(n)
                .map(Value::int)
                .map_err(|_| self.error_at(body_start, "number too large"));
        }
        if text.chars().all(|c| c.is_ascii_digit()) {
            let trimmed = text.trim_start_matches('0');
            if trimmed.len() != text.len() && !trimmed.is_empty() {
                return Err(self.error_at(body_start, "leading zeros are not allowed in an int"));
            }
            let digits = if trimmed.is_empty() { "0" } else { trimmed };
            return Ok(Value::Int(digits.to_owned()));
        }
        let f: f64 = text
            .parse()
            .map_err(|_| self.error_at(body_start, &format!("invalid number '{text}'")))?;
        Ok(Value::Float(f))
    }

    /// Parses a quoted string at the current position (prefix already consumed).
    fn string(&mut self, raw: bool) -> Result<String, ParseError> {
        let start = self.pos;
        let quote = self.peek().ok_or_else(|| self.error("expected a string"))?;
        let triple: String = std::iter::repeat_n(quote, 3).collect();
        let is_triple = self.rest().starts_with(&triple);
        self.pos += if is_triple { 3 } else { 1 };
        let mut out = String::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(self.error_at(start, "unterminated string"));
            };
            if is_triple && self.rest().starts_with(&triple) {
                self.pos += 3;
                return Ok(out);
            }
            if !is_triple && c == quote {
                self.pos += 1;
                return Ok(out);
            }
            if !is_triple && c == '\n' {
                return Err(self.error_at(start, "unterminated string"));
            }
            self.pos += c.len_utf8();
            if c != '\\' {
                out.push(c);
                continue;
            }
            let Some(e) = self.peek() else {
                return Err(self.error_at(start, "unterminated string"));
            };
            if raw {
                out.push('\\');
                out.push(e);
                self.pos += e.len_utf8();
                continue;
            }
            self.pos += e.len_utf8();
            match e {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                '0' => out.push('\0'),
                'a' => out.push('\x07'),
                'b' => out.push('\x08'),
                'f' => out.push('\x0c'),
                'v' => out.push('\x0b'),
                '\\' | '\'' | '"' => out.push(e),
                '\n' => {}
                'x' | 'u' | 'U' => {
                    let n = match e {
                        'x' => 2,
                        'u' => 4,
                        _ => 8,
                    };
                    let hex = self.rest().get(..n).unwrap_or("");
                    let code = u32::from_str_radix(hex, 16)
                        .ok()
                        .filter(|_| hex.len() == n)
                        .and_then(char::from_u32)
                        .ok_or_else(|| self.error("invalid escape sequence"))?;
                    self.pos += n;
                    out.push(code);
                }
                other => {
                    out.push('\\');
                    out.push(other);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
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
}
