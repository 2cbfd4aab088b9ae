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

mod pack;

/// All challenges, sorted by id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub challenges: Vec<Challenge>,
}

/// Every test in full, for the judge and the CLI natively.
#[cfg(not(target_os = "wasi"))]
static EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.json"));
/// Every test in full without the page's prose, for the browser's judge
/// (WASI; the page has the prose in its own copy), packed (see [`pack`]).
#[cfg(any(target_os = "wasi", test))]
static PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog-browser-judge.pack"));
/// The lighter copy made by [`Challenge::for_browser`], for the browser UI
/// (the linker keeps only the copy a binary uses).
static BROWSER_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog-browser.json"));

impl Catalog {
    /// The catalog built into this binary, every test in full: the judge's
    /// (under WASI without the prose, `Challenge::for_browser_judge`).
    pub fn embedded() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        #[cfg(not(target_os = "wasi"))]
        return CATALOG.get_or_init(|| parse(EMBEDDED_JSON));
        #[cfg(target_os = "wasi")]
        CATALOG.get_or_init(|| Packed::get().all())
    }

    /// The challenge a run names, as the judge reads it: one of the embedded
    /// catalog, or the playground. The browser's judge unpacks only what
    /// that run needs.
    pub fn for_run(id: &str) -> Option<&'static Challenge> {
        #[cfg(not(target_os = "wasi"))]
        return Catalog::embedded().runnable(id);
        #[cfg(target_os = "wasi")]
        match id {
            crate::challenge::PLAYGROUND => Some(playground()),
            _ => Packed::get().challenge(id),
        }
    }

    /// Reads, before a run is asked for, what [`Catalog::for_run`] needs for
    /// most runs: the whole catalog natively, the group of small challenges
    /// in the browser's judge.
    pub fn prepare_for_runs() {
        #[cfg(not(target_os = "wasi"))]
        Catalog::embedded();
        #[cfg(target_os = "wasi")]
        Packed::get().group(0);
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
        if id == crate::challenge::PLAYGROUND {
            return Some(playground());
        }
        self.get(id)
    }

    /// The position of a challenge in the list.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.challenges.iter().position(|c| c.id == id)
    }
}

/// The playground's challenge: free runs, no tests.
fn playground() -> &'static Challenge {
    static PLAYGROUND: OnceLock<Challenge> = OnceLock::new();
    PLAYGROUND.get_or_init(Challenge::playground)
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

/// The packed catalog ([`PACKED`]) and the groups unpacked so far.
#[cfg(any(target_os = "wasi", test))]
struct Packed {
    groups: Vec<pack::Group<'static>>,
    unpacked: Vec<OnceLock<Vec<Challenge>>>,
}

#[cfg(any(target_os = "wasi", test))]
impl Packed {
    fn get() -> &'static Packed {
        static PACK: OnceLock<Packed> = OnceLock::new();
        PACK.get_or_init(|| {
            let groups = pack::split(PACKED).expect("the build script wrote a valid pack");
            let unpacked = groups.iter().map(|_| OnceLock::new()).collect();
            Packed { groups, unpacked }
        })
    }

    /// The challenges of group `i`, unpacked on first use.
    fn group(&self, i: usize) -> &[Challenge] {
        self.unpacked[i].get_or_init(|| unpack(self.groups[i].packed))
    }

    fn challenge(&self, id: &str) -> Option<&Challenge> {
        let i = self.groups.iter().position(|g| g.ids.contains(&id))?;
        self.group(i).iter().find(|c| c.id == id)
    }

    /// Every group unpacked, as one catalog sorted by id.
    #[cfg_attr(test, allow(dead_code))]
    fn all(&self) -> Catalog {
        let mut challenges: Vec<Challenge> = (0..self.groups.len())
            .flat_map(|i| self.group(i).iter().cloned())
            .collect();
        challenges.sort_by(|a, b| a.id.cmp(&b.id));
        Catalog { challenges }
    }
}

/// One group's challenges from its `.lzma` stream of JSON; the build script
/// wrote it from the same types, so failing here is a build bug.
#[cfg(any(target_os = "wasi", test))]
fn unpack(packed: &[u8]) -> Vec<Challenge> {
    use std::io::Read;
    let mut json = Vec::new();
    lzma_rust2::LzmaReader::new_mem_limit(packed, u32::MAX, None)
        .and_then(|mut r| r.read_to_end(&mut json))
        .expect("the embedded catalog unpacks");
    serde_json::from_slice(&json).expect("the embedded catalog is valid JSON")
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
    fn the_packed_judge_copy_unpacks_to_the_browser_judge_copy() {
        let packed = Packed::get();
        let full = &Catalog::embedded().challenges;
        for f in full {
            let p = packed
                .challenge(&f.id)
                .unwrap_or_else(|| panic!("{} is packed", f.id));
            assert_eq!(p, &f.for_browser_judge(), "{}", f.id);
        }
        let ids: Vec<&str> = packed.groups.iter().flat_map(|g| g.ids.clone()).collect();
        assert_eq!(ids.len(), full.len(), "each challenge is packed once");
        // Large challenges are alone; the first group holds the small ones.
        for (i, g) in packed.groups.iter().enumerate() {
            for id in &g.ids {
                let size = serde_json::to_string(packed.challenge(id).unwrap())
                    .unwrap()
                    .len();
                assert_eq!(
                    size > pack::ALONE_ABOVE_BYTES,
                    i > 0,
                    "{id}: {size} bytes in group {i}"
                );
            }
        }
        assert!(packed.groups[0].ids.len() > full.len() / 2);
        assert_eq!(packed.challenge("no-such-question"), None);
    }

    #[test]
    fn a_damaged_pack_is_refused_not_misread() {
        let groups = vec![
            (vec!["a".to_owned(), "bc".to_owned()], vec![1, 2, 3]),
            (vec!["d".to_owned()], vec![]),
        ];
        let bytes = pack::join(&groups);
        let split = pack::split(&bytes).unwrap();
        assert_eq!(split[0].ids, ["a", "bc"]);
        assert_eq!(split[0].packed, [1, 2, 3]);
        assert_eq!(
            (split[1].ids.as_slice(), split[1].packed),
            (&["d"][..], &[][..])
        );
        for cut in 0..bytes.len() {
            assert_eq!(pack::split(&bytes[..cut]), None, "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(pack::split(&longer), None);
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
