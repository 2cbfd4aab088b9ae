//! What a test feeds the candidate's code, in a line for the results list:
//! the call and what it should raise, the program's stdin, the suite run
//! against a buggy version, and the files in the working folder. Each test
//! the tracker lists as pending carries it.

use super::*;

/// What a test feeds the candidate's code, for the results list.
pub fn describe_input(challenge: &Challenge, index: usize) -> String {
    let Some(test) = challenge.tests.get(index) else {
        return String::new();
    };
    let mut text = match &test.kind {
        TestKind::Call {
            text,
            outcome,
            before,
            ..
        } => {
            // Earlier calls share the namespace, so they are part of what the test feeds in.
            let text = if before.is_empty() {
                text.clone()
            } else {
                format!("{}, then {text}", before.join(", then "))
            };
            match outcome {
                CallOutcome::Raises { exception } => format!("{text} raises {exception}"),
                _ => text,
            }
        }
        TestKind::Program { stdin, .. } if stdin.is_empty() => "no input".into(),
        TestKind::Program { stdin, .. } => format!("stdin: {}", crate::value::str_repr(stdin)),
        TestKind::Suite { version } => {
            let name = challenge
                .unittest
                .as_ref()
                .map_or("", |u| u.function.as_str());
            if *version == 0 {
                format!("your tests against the correct {name}")
            } else {
                format!("your tests against buggy version {version}")
            }
        }
        TestKind::Predict => "your predicted output".into(),
    };
    if !test.files.is_empty() {
        let names: Vec<&str> = test.files.keys().map(String::as_str).collect();
        text.push_str(&format!(" with files {}", names.join(", ")));
    }
    crate::challenge::cut(&text, 160)
}
