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
    .map(|e| syntax_error(&e, source))
}

/// A compile error as the candidate sees it: line, column, message, the line's text.
pub(super) fn syntax_error(e: &rustpython_vm::compiler::CompileError, source: &str) -> SyntaxError {
    let (line, column) = e.python_location();
    let text = source
        .lines()
        .nth(line.saturating_sub(1))
        .unwrap_or("")
        .to_owned();
    SyntaxError {
        line: line.max(1) as u32,
        column: column.max(1) as u32,
        message: compile_message(e),
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
