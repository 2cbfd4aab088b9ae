//! Syntax errors, as the candidate sees them.
//!
//! [`check_syntax`] finds the first one without starting an interpreter
//! (the editor checks code as it is typed); a run reports the same error the
//! same way when its compile fails (`Run::prepare`).

use super::nesting;
use super::python::USER_FILE;
use crate::report::SyntaxError;
use rustpython_vm::compiler::Mode as CompileMode;

/// The first syntax error in `source`, as a run would report it, found
/// without starting an interpreter: for checking code as it is typed.
pub fn check_syntax(source: &str) -> Option<SyntaxError> {
    if let Some(error) = nesting::check(source) {
        return Some(error);
    }
    rustpython_vm::compiler::compile(
        source,
        CompileMode::Exec,
        USER_FILE,
        rustpython_vm::compiler::CompileOpts::default(),
    )
    .err()
    // Without the name tables a `"\N{...}"` escape cannot be checked (the
    // editor's checker never has them): no error is known then.
    .filter(|e| !(unknown_unicode_name(e) && unicode_names_missing()))
    .map(|e| syntax_error(&e, source))
}

/// Whether `e` is an escape `"\N{...}"` naming no character the judge knows.
fn unknown_unicode_name(e: &rustpython_vm::compiler::CompileError) -> bool {
    use ruff_python_parser::{LexicalErrorType, ParseErrorType};
    matches!(e, rustpython_vm::compiler::CompileError::Parse(p)
        if matches!(p.error, ParseErrorType::Lexical(LexicalErrorType::UnicodeError)))
}

/// Whether the Unicode name tables are missing: in the browser's judge
/// until the later part of the library has come with them
/// (`stdlib::unicode_names`); natively they are built in.
fn unicode_names_missing() -> bool {
    #[cfg(target_os = "wasi")]
    return !unicode_names2::tables_available();
    #[cfg(not(target_os = "wasi"))]
    false
}

/// A compile error as the candidate sees it: line, column, message, the line's text.
pub(super) fn syntax_error(e: &rustpython_vm::compiler::CompileError, source: &str) -> SyntaxError {
    let (line, column) = e.python_location();
    let text = source
        .lines()
        .nth(line.saturating_sub(1))
        .unwrap_or("")
        .to_owned();
    let mut message = compile_message(e);
    if unknown_unicode_name(e) && unicode_names_missing() {
        message.push_str(
            " (the table of Unicode character names is downloaded after the first run; run the code again in a moment)",
        );
    }
    SyntaxError {
        line: line.max(1) as u32,
        column: column.max(1) as u32,
        message,
        text,
    }
}

/// The message of a compile error, without the location RustPython appends.
fn compile_message(e: &rustpython_vm::compiler::CompileError) -> String {
    let text = e.to_string();
    let text = text.split(" at line ").next().unwrap_or(&text);
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => "invalid syntax".into(),
    }
}
