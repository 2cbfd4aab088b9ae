//! The catalog: every challenge, as built into this binary.
//!
//! The build script reads `challenges/`, checks it (see [`load`]), renders its
//! Markdown and writes the result as JSON into the build; [`Catalog::embedded`]
//! reads that JSON once. The UI, the judge and the CLI therefore all see the
//! same questions, and a broken challenge file stops the build instead of
//! reaching a user.

use crate::challenge::{Challenge, Group};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

pub use pyprep_format::load;

/// All challenges, sorted by id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub challenges: Vec<Challenge>,
}

/// Every test in full, for the judge and the CLI natively.
#[cfg(not(target_os = "wasi"))]
static EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.json"));
/// Every test in full without the page's prose, for the browser's judge
/// (WASI): the page has the prose in its own copy.
#[cfg(target_os = "wasi")]
static EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog-browser-judge.json"));
/// The lighter copy made by [`Challenge::for_browser`], for the browser UI
/// (the linker keeps only the copy a binary uses).
static BROWSER_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog-browser.json"));

impl Catalog {
    /// The catalog built into this binary, every test in full: the judge's
    /// (under WASI without the prose, `Challenge::for_browser_judge`).
    pub fn embedded() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| parse(EMBEDDED_JSON))
    }

    /// The catalog as the browser UI has it: what the page shows, without
    /// reference solutions and hidden tests' details.
    pub fn for_browser() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| parse(BROWSER_JSON))
    }

    /// The challenge with this id.
    pub fn get(&self, id: &str) -> Option<&Challenge> {
        self.challenges.iter().find(|c| c.id == id)
    }

    /// The challenge a run names: one of the catalog, or the playground.
    pub fn runnable(&self, id: &str) -> Option<&Challenge> {
        static PLAYGROUND: std::sync::OnceLock<Challenge> = std::sync::OnceLock::new();
        if id == crate::challenge::PLAYGROUND {
            return Some(PLAYGROUND.get_or_init(Challenge::playground));
        }
        self.get(id)
    }

    /// The position of a challenge in the list.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.challenges.iter().position(|c| c.id == id)
    }
}

/// The three parts of the catalog an interview draws from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Coding,
    Concepts,
    /// Professional, situational and behavioural questions.
    Spoken,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Coding, Section::Concepts, Section::Spoken];

    pub fn of(group: Group) -> Section {
        match group {
            Group::Coding => Section::Coding,
            Group::Concepts => Section::Concepts,
            Group::Professional | Group::Situational | Group::Behavioural => Section::Spoken,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Section::Coding => "Coding",
            Section::Concepts => "Concepts",
            Section::Spoken => "Spoken answers",
        }
    }
}

/// The build script wrote this JSON from the same types; failing here is a build bug.
fn parse(json: &str) -> Catalog {
    serde_json::from_str(json).expect("the embedded catalog is valid JSON")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_copy_keeps_what_the_page_shows_and_is_small() {
        let full = &Catalog::embedded().challenges;
        let browser: Vec<Challenge> = full.iter().map(Challenge::for_browser).collect();
        let size = |c: &[Challenge]| serde_json::to_string(c).unwrap().len();
        assert!(
            size(&browser) * 3 < size(full),
            "{} vs {}",
            size(&browser),
            size(full)
        );
        for (b, f) in browser.iter().zip(full) {
            assert_eq!(
                (&b.id, &b.prompt, &b.starter, b.tests.len()),
                (&f.id, &f.prompt, &f.starter, f.tests.len())
            );
            assert!(b.solution.is_empty() && b.wrong.is_empty());
            for (bt, ft) in b.tests.iter().zip(&f.tests).filter(|(t, _)| t.sample) {
                assert_eq!(bt, ft, "{}: sample tests are shown in full", f.id);
            }
        }
    }

    #[test]
    fn the_browser_judge_copy_keeps_all_the_judge_reads_and_no_prose() {
        for f in &Catalog::embedded().challenges {
            let j = f.for_browser_judge();
            let judged = |c: &Challenge| {
                serde_json::to_string(&(
                    (&c.id, &c.title, &c.group, &c.kind, &c.difficulty, &c.topics),
                    (&c.starter, &c.solution, &c.helpers, &c.wrong, &c.rules),
                    (
                        &c.tests,
                        &c.unittest,
                        &c.quiz,
                        &c.growth,
                        c.practice.is_some(),
                    ),
                ))
                .unwrap()
            };
            assert_eq!(judged(&j), judged(f), "{}", f.id);
            assert!(j.question.is_empty() && j.hints.is_empty(), "{}", f.id);
            assert!(j.prompt.source.is_empty() && j.prompt.html.is_empty());
            assert!(j.explanation.source.is_empty() && j.explanation.html.is_empty());
            assert!(
                j.practice
                    .is_none_or(|p| p.advice.html.is_empty() && p.checklist.is_empty())
            );
        }
    }

    #[test]
    fn embedded_catalog_loads_with_rendered_prompts() {
        let catalog = Catalog::embedded();
        assert!(!catalog.challenges.is_empty());
        for c in &catalog.challenges {
            assert!(!c.prompt.html.is_empty(), "{} has no rendered prompt", c.id);
            assert_eq!(catalog.get(&c.id).map(|x| &x.id), Some(&c.id));
        }
    }
}
