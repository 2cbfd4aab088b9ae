//! The little arithmetic literals may use, so big test inputs stay short to
//! write: `'ab' * 1000`, `[0] * 10**5`, `list(range(10**4)) + [1]`, `-2**31`.
//! The grammar of the operators, with Python's precedence, and the constant
//! arithmetic it evaluates.

use super::{ParseError, Parser};
use crate::value::Value;

impl Parser<'_> {
    /// `a + b`: concatenation of sequences, addition of numbers; `a - b` of numbers.
    pub(super) fn sum(&mut self) -> Result<Value, ParseError> {
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
                neg(right).and_then(|r| add(left, r))
            } else {
                add(left, right)
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
            left = mul(left, right).map_err(|m| self.error_at(at, m))?;
        }
    }

    /// `a ** b` on ints (binds tighter than unary minus on its left, as in Python).
    fn power(&mut self) -> Result<Value, ParseError> {
        self.skip_ws();
        let at = self.pos;
        if self.eat('-') {
            let v = self.power()?;
            return neg(v).map_err(|m| self.error_at(at, m));
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
            return pow(base, exp).map_err(|m| self.error_at(at, m));
        }
        Ok(base)
    }
}

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
