//! The tokens with their own lexing: numbers (`1_000`, `0x1f`, `2.5e-3`) and
//! quoted strings and bytes with their escapes (`r'..'`, `b'..'`, `'''..'''`).

use super::{ParseError, Parser};
use crate::value::Value;

impl Parser<'_> {
    pub(super) fn number(&mut self) -> Result<Value, ParseError> {
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
    pub(super) fn string(&mut self, raw: bool) -> Result<String, ParseError> {
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
