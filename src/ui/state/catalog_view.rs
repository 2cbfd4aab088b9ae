//! The catalog as the pages list it: the catalog page's filters, the
//! questions they let through, the progress counts and the status badges.

use super::State;
use pyprep_core::catalog::Catalog;
use pyprep_core::challenge::{Challenge, Difficulty, Group, Kind};
use pyprep_core::storage::{Saved, Status};

/// The catalog page's filters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    pub group: Option<Group>,
    pub difficulty: Option<Difficulty>,
    pub topic: Option<String>,
    pub status: Option<Status>,
    pub search: String,
}

impl State {
    /// Counts for the progress summary: done, attempted, total.
    pub fn progress_counts(&self) -> (usize, usize, usize) {
        progress_counts(self.catalog, &self.saved)
    }

    /// The catalog entries the filters let through, in display order.
    pub fn visible(&self) -> Vec<&'static Challenge> {
        visible(self.catalog, &self.filters, &self.saved)
    }
}

/// Counts for the progress summary: done, attempted, total.
pub fn progress_counts(catalog: &Catalog, saved: &Saved) -> (usize, usize, usize) {
    let total = catalog.challenges.len();
    let done = catalog
        .challenges
        .iter()
        .filter(|c| saved.status(&c.id) == Status::Done)
        .count();
    let attempted = catalog
        .challenges
        .iter()
        .filter(|c| saved.status(&c.id) == Status::Attempted)
        .count();
    (done, attempted, total)
}

/// The entries of `catalog` that `f` lets through, in display order.
pub fn visible(catalog: &'static Catalog, f: &Filters, saved: &Saved) -> Vec<&'static Challenge> {
    let needle = f.search.trim().to_lowercase();
    let mut list: Vec<&'static Challenge> = catalog
        .challenges
        .iter()
        .filter(|c| f.group.is_none_or(|g| c.group == g))
        .filter(|c| f.difficulty.is_none_or(|d| c.difficulty == d))
        .filter(|c| f.topic.as_ref().is_none_or(|t| c.topics.contains(t)))
        .filter(|c| f.status.is_none_or(|s| saved.status(&c.id) == s))
        .filter(|c| {
            needle.is_empty()
                || c.title.to_lowercase().contains(&needle)
                || c.question.to_lowercase().contains(&needle)
                || c.topics.iter().any(|t| t.to_lowercase().contains(&needle))
                || c.prompt.source.to_lowercase().contains(&needle)
        })
        .collect();
    list.sort_by(|a, b| (a.group, a.difficulty, &a.title).cmp(&(b.group, b.difficulty, &b.title)));
    list
}

/// What a saved progress record says, for a status badge.
pub fn status_label(status: Status, kind: Kind) -> &'static str {
    match (status, kind) {
        (Status::Done, Kind::Concept) => "Read",
        (Status::Done, Kind::Practice) => "Practised",
        (Status::Done, _) => "Solved",
        (Status::Attempted, _) => "Attempted",
        (Status::New, _) => "New",
    }
}
