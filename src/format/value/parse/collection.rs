//! Collections in a literal: `[..]`, `(..)` and `{..}` items, and the
//! `name(...)` forms that build values (`set()`, `frozenset([..])`,
//! `list(range(n))`, `linked([..])`, `tree([..])`, `float('inf')`, `rng(n)`).

use super::{ParseError, Parser, arith};
use crate::value::Value;
use std::collections::HashMap;

impl Parser<'_> {
    /// `name(...)` forms: `float('inf')`, `set()`, `frozenset([..])`, `linked([..])`, `tree([..])`, `rng(n)`.
    pub(super) fn constructor(&mut self, name: &str, start: usize) -> Result<Value, ParseError> {
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

    pub(super) fn items(&mut self, close: char) -> Result<Vec<Value>, ParseError> {
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

    pub(super) fn brace(&mut self) -> Result<Value, ParseError> {
        self.skip_ws();
        if self.eat('}') {
            return Ok(Value::Dict(vec![]));
        }
        let first = self.value()?;
        self.skip_ws();
        if self.eat(':') {
            let mut pairs = vec![(first, self.value()?)];
            // Each key's position, by repr: a graph of 10,000 nodes would
            // otherwise cost 50 million key comparisons.
            let mut index = HashMap::from([(pairs[0].0.repr(), 0)]);
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
                let repr = k.repr();
                let slot = match index.get(&repr) {
                    Some(&i) if pairs[i].0 == k => Some(i),
                    // Floats are the values whose repr and equality disagree
                    // (`-0.0 == 0.0`, `nan != nan`): those keys are compared one by one.
                    _ if k.any_part(&|x| matches!(x, Value::Float(_))) => {
                        pairs.iter().position(|(pk, _)| *pk == k)
                    }
                    _ => None,
                };
                match slot {
                    Some(i) => pairs[i].1 = v,
                    None => {
                        index.entry(repr).or_insert(pairs.len());
                        pairs.push((k, v));
                    }
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
}

fn dedup(items: Vec<Value>) -> Vec<Value> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|v| seen.insert(v.repr()))
        .collect()
}
