//! The literal parser: [`Value::parse`] and [`Call::parse`] over one
//! `Parser` cursor, which reads a value by its first character.
//!
//! Its parts: `arith` (the operators `+ - * **` and the constant arithmetic
//! they evaluate), `collection` (brackets, braces and `name(...)` forms) and
//! `token` (numbers and quoted strings).

mod arith;
mod collection;
mod token;

use super::{Call, Value};
use std::fmt;

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
}
