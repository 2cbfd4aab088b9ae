//! Refuses code nested too deeply to compile, before the compiler sees it.
//!
//! RustPython's parser and compiler recurse once per level of nesting, on
//! the native stack, outside the recursion guard Python calls have: in the
//! browser, thousands of nested brackets or chained operators would exhaust
//! the engine's stack and end the run without a verdict. CPython refuses
//! such code too: more than 200 nested brackets is the syntax error "too
//! many nested parentheses", and an expression about 3000 levels deep is a
//! RecursionError during compilation. [`check`] scans the source (skipping
//! strings and comments) and reports the first place that goes past either
//! limit, as a syntax error with its line and column.

use crate::report::SyntaxError;

/// Brackets open at once, as CPython's tokenizer allows.
pub const MAX_BRACKETS: usize = 200;
/// Operators, attribute accesses, calls and subscripts chained in one
/// expression at one bracket level. CPython stops near 3000; the browser's
/// stack holds chains of 2000 of every kind.
pub const MAX_CHAIN: usize = 2000;

/// The first place `source` nests deeper than the limits, if any.
pub fn check(source: &str) -> Option<SyntaxError> {
    let chars: Vec<char> = source.chars().collect();
    let mut at = Position::default();
    // One chain length per open bracket level, outermost first.
    let mut chains: Vec<usize> = vec![0];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let here = at;
        let mut step = 1;
        match c {
            '#' => {
                while i + step < chars.len() && chars[i + step] != '\n' {
                    step += 1;
                }
            }
            '\'' | '"' => step = string_len(&chars[i..]),
            c if c.is_alphabetic() || c == '_' => {
                while i + step < chars.len()
                    && (chars[i + step].is_alphanumeric() || chars[i + step] == '_')
                {
                    step += 1;
                }
                let word: String = chars[i..i + step].iter().collect();
                let next = chars.get(i + step).copied();
                if matches!(next, Some('\'' | '"')) && is_string_prefix(&word) {
                    step += string_len(&chars[i + step..]);
                } else if word == "not"
                    && let Some(error) = chain(&mut chains, here, source)
                {
                    return Some(error);
                }
            }
            c if c.is_ascii_digit() || (c == '.' && next_is_digit(&chars, i)) => {
                while i + step < chars.len()
                    && (chars[i + step].is_alphanumeric()
                        || chars[i + step] == '_'
                        || chars[i + step] == '.')
                {
                    step += 1;
                }
            }
            '.' if chars.get(i + 1) == Some(&'.') && chars.get(i + 2) == Some(&'.') => step = 3,
            '(' | '[' | '{' => {
                if c != '{'
                    && let Some(error) = chain(&mut chains, here, source)
                {
                    return Some(error);
                }
                chains.push(0);
                if chains.len() - 1 > MAX_BRACKETS {
                    return Some(error_at(source, here, "too many nested parentheses"));
                }
            }
            // A stray closer at the outer level is the compiler's to report.
            ')' | ']' | '}' if chains.len() > 1 => {
                chains.pop();
            }
            '.' | '+' | '-' | '*' | '/' | '%' | '@' | '&' | '|' | '^' | '~' => {
                if let Some(error) = chain(&mut chains, here, source) {
                    return Some(error);
                }
            }
            ',' | ':' | ';' | '=' | '<' | '>' | '!' => {
                *chains.last_mut().expect("the outer level is never popped") = 0;
            }
            '\n' if chains.len() == 1 => chains[0] = 0,
            _ => {}
        }
        for &skipped in &chars[i..(i + step).min(chars.len())] {
            at.advance(skipped);
        }
        i += step;
    }
    None
}

/// Line and column (1-based, in characters) of a place in the source.
#[derive(Clone, Copy, Debug)]
struct Position {
    line: usize,
    column: usize,
}

impl Default for Position {
    fn default() -> Self {
        Position { line: 1, column: 1 }
    }
}

impl Position {
    fn advance(&mut self, c: char) {
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
    }
}

/// Counts one more link in the current level's chain.
fn chain(chains: &mut [usize], at: Position, source: &str) -> Option<SyntaxError> {
    let length = chains.last_mut().expect("the outer level is never popped");
    *length += 1;
    (*length > MAX_CHAIN).then(|| {
        let message = format!(
            "expression too deeply nested to compile (more than {MAX_CHAIN} chained operators)"
        );
        error_at(source, at, &message)
    })
}

fn error_at(source: &str, at: Position, message: &str) -> SyntaxError {
    SyntaxError {
        line: at.line as u32,
        column: at.column as u32,
        message: message.to_owned(),
        text: crate::challenge::cut(source.lines().nth(at.line - 1).unwrap_or(""), 200),
    }
}

fn next_is_digit(chars: &[char], i: usize) -> bool {
    chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())
}

/// Whether `word` can prefix a string literal (`r`, `b`, `f`, `rb`, ...).
fn is_string_prefix(word: &str) -> bool {
    word.len() <= 3 && word.chars().all(|c| "rRbBuUfFtT".contains(c))
}

/// Length of the string literal at the start of `chars` (which starts with
/// its quote), up to and including the closing quote, or to the end of the
/// line (or source) when it is not closed.
fn string_len(chars: &[char]) -> usize {
    let quote = chars[0];
    let triple = chars.len() >= 3 && chars[1] == quote && chars[2] == quote;
    let mut i = if triple { 3 } else { 1 };
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '\n' if !triple => return i,
            c if c == quote => {
                if !triple {
                    return i + 1;
                }
                if chars.get(i + 1) == Some(&quote) && chars.get(i + 2) == Some(&quote) {
                    return i + 3;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    chars.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(open: &str, close: &str, n: usize) -> String {
        format!("x = {}1{}\n", open.repeat(n), close.repeat(n))
    }

    #[test]
    fn ordinary_code_passes() {
        let code = "def f(a, b=(1, [2, {3: 4}])):\n    return a.b.c(d)[e] + -b ** 2 - ~c\n\
                    s = '( [ {' + \"\"\"(((\n)))\"\"\" + r'\\\\' # ((((\n\
                    x = f'{a}' if not b else ...\nn = 1.5e-3 + .5\n";
        assert!(check(code).is_none(), "{:?}", check(code));
        let flat = format!("x = [{}]\n", "1 + 2, ".repeat(5000));
        assert!(check(&flat).is_none(), "a long flat list is not deep");
    }

    #[test]
    fn brackets_stop_at_cpythons_limit() {
        assert!(check(&nested("(", ")", MAX_BRACKETS)).is_none());
        let e = check(&nested("[", "]", MAX_BRACKETS + 1)).expect("too deep");
        assert_eq!(e.message, "too many nested parentheses");
        assert_eq!((e.line, e.column), (1, 5 + MAX_BRACKETS as u32));
    }

    #[test]
    fn brackets_in_strings_and_comments_do_not_count() {
        let inside = format!(
            "s = '{}'\n# {}\nt = b\"\"\"{}\"\"\"\n",
            "(".repeat(500),
            "[".repeat(500),
            "{".repeat(500)
        );
        assert!(check(&inside).is_none());
    }

    #[test]
    fn long_chains_are_refused_where_they_go_too_far() {
        let ok = format!("x = {}1\n", "-".repeat(MAX_CHAIN));
        assert!(check(&ok).is_none());
        for code in [
            format!("x = {}1\n", "-".repeat(MAX_CHAIN + 1)),
            format!("x = {}1\n", "1 + ".repeat(MAX_CHAIN + 1)),
            format!("x = str{}\n", ".upper".repeat(MAX_CHAIN + 1)),
            format!("x = f{}\n", "()".repeat(MAX_CHAIN + 1)),
            format!("y = 0\nx = {}True\n", "not ".repeat(MAX_CHAIN + 1)),
        ] {
            let e = check(&code).unwrap_or_else(|| panic!("not refused: {}", &code[..40]));
            assert!(e.message.contains("too deeply nested"), "{}", e.message);
            assert!(e.line >= 1 && e.column > 1, "{e:?}");
        }
    }
}
