//! Reports as plain text, for the terminal.
//!
//! The CLI prints this; `--json` prints the [`Report`] itself instead. The
//! browser renders reports with its own components and does not use this.

use crate::protocol::Stream;
use crate::report::{Outcome, Report, TestVerdict};
use std::fmt::Write;

/// The report as the CLI prints it: headline, one line per test, details of failures.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", report.challenge, report.headline());
    if let Some(e) = &report.syntax_error {
        let _ = writeln!(out, "  line {}: {}", e.line, e.text);
        let _ = writeln!(
            out,
            "  {}^",
            " ".repeat(e.column.saturating_sub(1) as usize + e.line.to_string().len() + 7)
        );
    }
    for v in &report.rule_violations {
        let _ = writeln!(out, "  line {}: {}", v.line, v.message);
    }
    for t in &report.tests {
        let mark = match t.verdict {
            TestVerdict::Passed => "ok  ",
            TestVerdict::NotRun | TestVerdict::Pending | TestVerdict::Running => "--  ",
            _ => "FAIL",
        };
        let time = t.time_ms.map(|ms| format!("  {ms} ms")).unwrap_or_default();
        let hidden = if t.sample { "" } else { " (hidden)" };
        let _ = writeln!(
            out,
            "  {mark} {}{hidden}: {}  [{}]{time}",
            t.name,
            t.input,
            t.verdict.title()
        );
        match &t.verdict {
            TestVerdict::WrongAnswer {
                message,
                expected,
                actual,
            } => {
                let _ = writeln!(out, "       {message}");
                if let Some(e) = expected {
                    let _ = writeln!(out, "       expected: {}", indent(e));
                }
                if let Some(a) = actual {
                    let _ = writeln!(out, "       actual:   {}", indent(a));
                }
            }
            TestVerdict::RuntimeError { error } => {
                let _ = writeln!(out, "       {}", error.summary());
                for f in &error.frames {
                    let _ = writeln!(
                        out,
                        "         line {}, in {}: {}",
                        f.line, f.function, f.source
                    );
                    if f.repeated > 0 {
                        let _ = writeln!(
                            out,
                            "         [previous line repeated {} more times]",
                            f.repeated
                        );
                    }
                }
            }
            TestVerdict::TimeLimit { limit_ms } => {
                let _ = writeln!(out, "       stopped after {limit_ms} ms");
            }
            TestVerdict::OutputLimit { limit_bytes } => {
                let _ = writeln!(out, "       printed more than {limit_bytes} bytes");
            }
            TestVerdict::MemoryLimit { limit_bytes } => {
                let _ = writeln!(out, "       used more than {} MiB", limit_bytes >> 20);
            }
            TestVerdict::Exited { code, how } => {
                let _ = writeln!(out, "       the code called {how} with status {code}");
            }
            TestVerdict::Crashed { message } => {
                let _ = writeln!(out, "       {message}");
            }
            _ => {}
        }
        if t.verdict != TestVerdict::Passed {
            let printed: String = t
                .output
                .iter()
                .filter(|c| c.stream != Stream::Echo)
                .map(|c| c.text.as_str())
                .collect();
            if !printed.trim().is_empty() {
                let _ = writeln!(out, "       printed: {}", indent(printed.trim_end()));
            }
        }
    }
    if let Some(g) = &report.growth {
        let _ = writeln!(out, "  growth: {}", g.summary());
        let counts: Vec<String> = g
            .samples
            .iter()
            .map(|s| format!("n={}: {}", s.n, s.steps))
            .collect();
        if !counts.is_empty() {
            let _ = writeln!(
                out,
                "          instructions executed: {}",
                counts.join(", ")
            );
        }
    }
    if report.outcome == Outcome::InternalError
        && let Some(e) = &report.internal_error
    {
        let _ = writeln!(out, "  {e}");
    }
    out
}

fn indent(text: &str) -> String {
    text.replace('\n', "\n                 ")
}
