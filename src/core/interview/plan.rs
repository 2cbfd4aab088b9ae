//! What an interview asks: its [`Plan`] (length and mix of questions, or a
//! ready-made [`Preset`]) and the [`draw`] of its questions from the catalog.
//!
//! Drawing is deterministic given a seed and the records (how often each
//! question was asked before, [`asked_counts`]), so it is tested natively;
//! the page supplies a random seed.

use super::Interview;
use crate::catalog::Catalog;
use crate::catalog::Section;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Interview lengths on offer, in minutes.
pub const LENGTHS: [u32; 3] = [30, 45, 60];
/// Questions of one section an interview can hold.
pub const MAX_PER_SECTION: u8 = 5;

/// A ready-made plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    PhoneScreen,
    OnsiteCoding,
}

impl Preset {
    pub const ALL: [Preset; 2] = [Preset::PhoneScreen, Preset::OnsiteCoding];

    pub fn label(self) -> &'static str {
        match self {
            Preset::PhoneScreen => "Phone screen",
            Preset::OnsiteCoding => "Onsite coding",
        }
    }

    pub fn plan(self) -> Plan {
        match self {
            Preset::PhoneScreen => Plan {
                minutes: 30,
                coding: 1,
                concepts: 2,
                spoken: 1,
                preset: Some(self),
            },
            Preset::OnsiteCoding => Plan {
                minutes: 60,
                coding: 3,
                concepts: 1,
                spoken: 1,
                preset: Some(self),
            },
        }
    }
}

/// How long an interview lasts and how many questions of each section it asks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub minutes: u32,
    pub coding: u8,
    pub concepts: u8,
    pub spoken: u8,
    #[serde(default)]
    pub preset: Option<Preset>,
}

impl Default for Plan {
    fn default() -> Plan {
        Plan {
            minutes: 45,
            coding: 2,
            concepts: 2,
            spoken: 2,
            preset: None,
        }
    }
}

impl Plan {
    pub fn count(&self, section: Section) -> u8 {
        match section {
            Section::Coding => self.coding,
            Section::Concepts => self.concepts,
            Section::Spoken => self.spoken,
        }
    }

    pub fn total(&self) -> usize {
        Section::ALL.iter().map(|&s| self.count(s) as usize).sum()
    }

    /// A length on offer and between one question and [`MAX_PER_SECTION`] per section.
    pub fn is_valid(&self) -> bool {
        LENGTHS.contains(&self.minutes)
            && self.total() > 0
            && Section::ALL
                .iter()
                .all(|&s| self.count(s) <= MAX_PER_SECTION)
    }

    /// `Phone screen: 30 min, 1 coding, 2 concepts, 1 spoken`.
    pub fn describe(&self) -> String {
        let mix = format!(
            "{} min, {} coding, {} concepts, {} spoken",
            self.minutes, self.coding, self.concepts, self.spoken
        );
        match self.preset {
            Some(p) => format!("{}: {mix}", p.label()),
            None => mix,
        }
    }
}

/// SplitMix64: a small, well-mixed generator, enough to shuffle questions.
fn next_random(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Picks the questions of an interview, in order: coding, then concepts,
/// then spoken. In each section the questions not yet solved come first and,
/// among those, the ones asked in fewer earlier interviews (`asked` counts
/// them); ties are broken by `seed`. Solved questions are drawn only when a
/// section has nothing else left. The same inputs always give the same draw.
pub fn draw(
    catalog: &Catalog,
    plan: &Plan,
    solved: impl Fn(&str) -> bool,
    asked: &BTreeMap<String, usize>,
    seed: u64,
) -> Vec<String> {
    let mut state = seed;
    let mut out = Vec::new();
    for section in Section::ALL {
        let mut pool: Vec<(bool, usize, u64, &str)> = catalog
            .challenges
            .iter()
            .filter(|c| Section::of(c.group) == section)
            .map(|c| {
                (
                    solved(&c.id),
                    asked.get(&c.id).copied().unwrap_or(0),
                    next_random(&mut state),
                    c.id.as_str(),
                )
            })
            .collect();
        pool.sort();
        out.extend(
            pool.into_iter()
                .take(plan.count(section) as usize)
                .map(|(_, _, _, id)| id.to_owned()),
        );
    }
    out
}

/// How often each question was asked in `interviews`.
pub fn asked_counts<'a>(
    interviews: impl IntoIterator<Item = &'a Interview>,
) -> BTreeMap<String, usize> {
    let mut asked = BTreeMap::new();
    for i in interviews {
        for q in &i.questions {
            *asked.entry(q.id.clone()).or_default() += 1;
        }
    }
    asked
}
