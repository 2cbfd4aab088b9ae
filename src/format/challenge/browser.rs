//! The copies of a challenge the browser embeds: the UI's
//! ([`Challenge::for_browser`]), what the page shows without what only the
//! judge needs, and the WASI judge's ([`Challenge::for_browser_judge`]),
//! what the judge needs without what only the page shows.

use super::{CallOutcome, Challenge, TestKind};

/// Longest text of a hidden test the browser's copy of the catalog keeps.
const BROWSER_TEXT: usize = 240;

/// `text` cut to at most `max` characters, with an ellipsis when it was longer.
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        text.chars().take(max).chain(['…']).collect()
    }
}

impl Challenge {
    /// The copy of this challenge the browser UI embeds: everything it shows,
    /// without what only the judge needs (reference answers, wrong answers,
    /// function versions, and the bulk of hidden tests' inputs and outputs).
    /// The judge, built separately, keeps the full challenge.
    pub fn for_browser(&self) -> Challenge {
        let mut c = self.clone();
        c.solution.clear();
        c.helpers.clear();
        c.wrong.clear();
        if let Some(u) = &mut c.unittest {
            u.versions.iter_mut().for_each(|v| v.code.clear());
        }
        if let Some(q) = &mut c.quiz {
            q.wrong_answers.clear();
        }
        for t in c.tests.iter_mut().filter(|t| !t.sample) {
            t.files.values_mut().for_each(String::clear);
            t.expect_files.values_mut().for_each(String::clear);
            match &mut t.kind {
                TestKind::Call { text, outcome, .. } => {
                    *text = cut(text, BROWSER_TEXT);
                    if let CallOutcome::Returns { expected, .. } = outcome {
                        expected.clear();
                    }
                }
                TestKind::Program { stdin, stdout } => {
                    *stdin = cut(stdin, BROWSER_TEXT);
                    *stdout = None;
                }
                TestKind::Suite { .. } | TestKind::Predict => {}
            }
        }
        c
    }

    /// The copy of this challenge the browser's judge (WASI) embeds: every
    /// test, answer and rule in full, without the prose only the page shows
    /// (the question, prompt, hints, explanation and spoken-answer advice),
    /// which the page has in its own copy.
    pub fn for_browser_judge(&self) -> Challenge {
        let mut c = self.clone();
        c.question.clear();
        c.prompt = Default::default();
        c.hints.clear();
        c.explanation = Default::default();
        if let Some(p) = &mut c.practice {
            p.advice = Default::default();
            p.checklist.clear();
        }
        c
    }
}
