//! Mock interviews: the plan (length and mix of questions), drawing the
//! questions, and the interview itself as a saved record that moves from
//! question to question until time is up or the candidate finishes.
//!
//! Nothing here ticks: time left and time spent are computed from saved
//! timestamps and the time of the step at hand, so closing the tab or
//! reloading resumes with the clock still running. Drawing is deterministic
//! given a seed and the records, so it is tested natively; the page supplies
//! a random seed. How the answers were written is recorded in [`replay`].
//! The reducer's side (which draft, which run) is `ui::mock_interview`; the
//! pages are in `ui::web::components::interview_*`.

pub mod replay;

use crate::catalog::Catalog;
use crate::progress::Section;
use replay::Replay;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Interview lengths on offer, in minutes.
pub const LENGTHS: [u32; 3] = [30, 45, 60];
/// Questions of one section an interview can hold.
pub const MAX_PER_SECTION: u8 = 5;
/// Interviews kept; older ones are dropped when a new one starts.
pub const KEEP_INTERVIEWS: usize = 20;
/// Interviews whose replays are kept; older ones keep their summary only.
pub const KEEP_REPLAYS: usize = 5;

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

/// The verdict of the latest judged run of a question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// Submit (every test) rather than Run (the samples).
    pub submit: bool,
    pub headline: String,
    pub accepted: bool,
}

/// One question of an interview and what happened with it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InterviewQuestion {
    pub id: String,
    /// Time spent on it before it was last opened, ms.
    #[serde(default)]
    pub time_ms: f64,
    #[serde(default)]
    pub hints: usize,
    #[serde(default)]
    pub verdict: Option<Verdict>,
    /// The code (or prediction) of the latest Submit.
    #[serde(default)]
    pub submitted: Option<String>,
    /// The code (or prediction) when the interview ended.
    #[serde(default)]
    pub final_code: Option<String>,
    /// The written answer when the interview ended (spoken questions, concept cards).
    #[serde(default)]
    pub answer: Option<String>,
    /// Self-review checklist items ticked on the summary.
    #[serde(default)]
    pub checked: Vec<usize>,
    #[serde(default)]
    pub replay: Replay,
}

/// A mock interview, in progress or finished (the saved `pyprep.interview.<id>` record).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interview {
    pub plan: Plan,
    /// ms since the epoch; also the interview's id.
    pub started_at: f64,
    pub ends_at: f64,
    #[serde(default)]
    pub finished_at: Option<f64>,
    /// Ended because time ran out (rather than "Finish").
    #[serde(default)]
    pub time_up: bool,
    /// The question on screen.
    pub current: usize,
    /// When the current question was opened.
    pub opened_at: f64,
    pub questions: Vec<InterviewQuestion>,
    /// The last change, for merging copies from two tabs.
    pub at: f64,
}

/// The id of an interview started at `at`: its start time in ms.
pub fn id_at(at: f64) -> String {
    format!("{}", at.max(0.0) as u64)
}

impl Interview {
    /// Starts an interview at `at` on `ids`, with `first_code` in the first
    /// question's editor (for its replay).
    pub fn new(plan: Plan, ids: Vec<String>, at: f64, first_code: &str) -> Interview {
        let mut questions: Vec<InterviewQuestion> = ids
            .into_iter()
            .map(|id| InterviewQuestion {
                id,
                ..InterviewQuestion::default()
            })
            .collect();
        if let Some(q) = questions.first_mut() {
            q.replay.open(first_code);
        }
        Interview {
            ends_at: at + f64::from(plan.minutes) * 60_000.0,
            plan,
            started_at: at,
            finished_at: None,
            time_up: false,
            current: 0,
            opened_at: at,
            questions,
            at,
        }
    }

    pub fn id(&self) -> String {
        id_at(self.started_at)
    }

    pub fn is_finished(&self) -> bool {
        self.finished_at.is_some()
    }

    /// Time left at `now`, ms (zero once finished).
    pub fn time_left(&self, now: f64) -> f64 {
        match self.finished_at {
            Some(_) => 0.0,
            None => (self.ends_at - now).max(0.0),
        }
    }

    /// How long the interview lasted (so far, at `now`).
    pub fn elapsed(&self, now: f64) -> f64 {
        (self.finished_at.unwrap_or(now).min(self.ends_at) - self.started_at).max(0.0)
    }

    /// Time spent on question `index` up to `now`.
    pub fn time_on(&self, index: usize, now: f64) -> f64 {
        let Some(q) = self.questions.get(index) else {
            return 0.0;
        };
        let open = if index == self.current && !self.is_finished() {
            (now.min(self.ends_at) - self.opened_at).max(0.0)
        } else {
            0.0
        };
        q.time_ms + open
    }

    /// Questions accepted on Submit.
    pub fn accepted(&self) -> usize {
        self.questions
            .iter()
            .filter(|q| q.verdict.as_ref().is_some_and(|v| v.accepted && v.submit))
            .count()
    }

    /// Adds the time since the current question was opened to it.
    fn close_current(&mut self, at: f64) {
        let end = at.min(self.ends_at);
        if let Some(q) = self.questions.get_mut(self.current) {
            q.time_ms += (end - self.opened_at).max(0.0);
        }
        self.opened_at = end.max(self.opened_at);
    }

    /// Moves to question `index` at `at`; `code` is what its editor holds.
    /// Does nothing once finished or for a question that does not exist.
    pub fn go(&mut self, index: usize, at: f64, code: &str) {
        if self.is_finished() || index >= self.questions.len() || index == self.current {
            return;
        }
        self.close_current(at);
        self.current = index;
        self.opened_at = at.min(self.ends_at);
        self.questions[index].replay.open(code);
        self.at = at;
    }

    /// One more hint shown on the current question, up to `available`.
    pub fn hint(&mut self, available: usize, at: f64) {
        if self.is_finished() {
            return;
        }
        if let Some(q) = self.questions.get_mut(self.current)
            && q.hints < available
        {
            q.hints += 1;
            self.at = at;
        }
    }

    fn question_mut(&mut self, id: &str) -> Option<&mut InterviewQuestion> {
        self.questions.iter_mut().find(|q| q.id == id)
    }

    /// The editor of question `id` went from `old` to `new` (recorded while time runs).
    pub fn edit(&mut self, id: &str, old: &str, new: &str, at: f64) {
        if self.is_finished() || at > self.ends_at {
            return;
        }
        let t = at - self.started_at;
        if let Some(q) = self.question_mut(id) {
            q.replay.edit(t, old, new);
            self.at = at;
        }
    }

    /// Run or Submit pressed on question `id` with `code`.
    pub fn run_started(&mut self, id: &str, submit: bool, code: &str, at: f64) {
        if self.is_finished() || at > self.ends_at {
            return;
        }
        let t = at - self.started_at;
        if let Some(q) = self.question_mut(id) {
            q.replay.run(t, submit);
            if submit {
                q.submitted = Some(code.to_owned());
            }
            self.at = at;
        }
    }

    /// The verdict of the run started last on question `id`. A run started
    /// before the end counts even if its verdict comes after; a Run's verdict
    /// never replaces a Submit's.
    pub fn run_finished(&mut self, id: &str, headline: &str, accepted: bool) {
        let Some(q) = self.question_mut(id) else {
            return;
        };
        let submit = q.replay.events.iter().rev().find_map(|e| match e {
            replay::ReplayEvent::Run {
                submit,
                outcome: None,
                ..
            } => Some(*submit),
            _ => None,
        });
        let Some(submit) = submit else { return };
        q.replay.ran(headline, accepted);
        if submit || !q.verdict.as_ref().is_some_and(|v| v.submit) {
            q.verdict = Some(Verdict {
                submit,
                headline: headline.to_owned(),
                accepted,
            });
        }
    }

    /// Ends the interview at `at` (or when time ran out, if earlier), keeping
    /// each question's final code and written answer from `snapshot`.
    pub fn finish(&mut self, at: f64, snapshot: impl Fn(&str) -> (Option<String>, Option<String>)) {
        if self.is_finished() {
            return;
        }
        self.close_current(at);
        self.finished_at = Some(at.min(self.ends_at));
        self.time_up = at >= self.ends_at;
        for q in &mut self.questions {
            let (code, answer) = snapshot(&q.id);
            q.final_code = code;
            q.answer = answer;
        }
        self.at = at;
    }

    /// Ticks or unticks a checklist item of question `index` on the summary.
    pub fn toggle_check(&mut self, index: usize, item: usize, at: f64) {
        if let Some(q) = self.questions.get_mut(index) {
            match q.checked.iter().position(|&i| i == item) {
                Some(pos) => {
                    q.checked.remove(pos);
                }
                None => {
                    q.checked.push(item);
                    q.checked.sort_unstable();
                }
            }
            self.at = at;
        }
    }
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

/// Keeps `interviews` bounded: the [`KEEP_INTERVIEWS`] most recent, and
/// replays only for the [`KEEP_REPLAYS`] most recent (an interview in
/// progress always keeps its own).
pub fn prune(interviews: &mut BTreeMap<String, Interview>) {
    let mut order: Vec<(f64, String)> = interviews
        .iter()
        .map(|(k, i)| (i.started_at, k.clone()))
        .collect();
    order.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (rank, (_, key)) in order.into_iter().enumerate() {
        if rank >= KEEP_INTERVIEWS {
            interviews.remove(&key);
        } else if rank >= KEEP_REPLAYS
            && let Some(i) = interviews.get_mut(&key)
            && i.is_finished()
            && i.questions.iter().any(|q| !q.replay.is_empty())
        {
            for q in &mut i.questions {
                q.replay = Replay::default();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::challenge::Group;

    const MIN: f64 = 60_000.0;

    fn two_coding() -> Plan {
        Plan {
            minutes: 30,
            coding: 2,
            concepts: 0,
            spoken: 0,
            preset: None,
        }
    }

    #[test]
    fn plans_are_checked_and_presets_are_valid() {
        for p in Preset::ALL {
            assert!(p.plan().is_valid(), "{p:?}");
        }
        assert!(Plan::default().is_valid());
        assert!(
            !Plan {
                minutes: 20,
                ..Plan::default()
            }
            .is_valid()
        );
        assert!(
            !Plan {
                coding: 0,
                concepts: 0,
                spoken: 0,
                ..Plan::default()
            }
            .is_valid()
        );
        assert!(
            !Plan {
                coding: 9,
                ..Plan::default()
            }
            .is_valid()
        );
        assert_eq!(
            Preset::PhoneScreen.plan().describe(),
            "Phone screen: 30 min, 1 coding, 2 concepts, 1 spoken"
        );
    }

    #[test]
    fn the_draw_follows_the_mix_prefers_unsolved_and_is_deterministic() {
        let catalog = Catalog::embedded();
        let plan = Plan::default();
        let none = BTreeMap::new();
        let ids = draw(catalog, &plan, |_| false, &none, 7);
        assert_eq!(ids.len(), 6);
        let sections: Vec<Section> = ids
            .iter()
            .map(|id| Section::of(catalog.get(id).unwrap().group))
            .collect();
        use Section::*;
        assert_eq!(
            sections,
            [Coding, Coding, Concepts, Concepts, Spoken, Spoken]
        );
        assert_eq!(
            ids,
            draw(catalog, &plan, |_| false, &none, 7),
            "same seed, same draw"
        );
        assert!(
            (0..20).any(|s| draw(catalog, &plan, |_| false, &none, s) != ids),
            "seeds vary the draw"
        );
        // Everything in coding solved but is-prime: is-prime comes first.
        let one = draw(catalog, &two_coding(), |id| id != "is-prime", &none, 3);
        assert_eq!(one[0], "is-prime");
        assert_eq!(one.len(), 2, "a solved question fills the rest");
    }

    #[test]
    fn the_draw_avoids_questions_of_earlier_interviews() {
        let catalog = Catalog::embedded();
        let coding = catalog
            .challenges
            .iter()
            .filter(|c| c.group == Group::Coding)
            .count();
        let plan = two_coding();
        let mut past = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for n in 0..(coding / 2) {
            let ids = draw(catalog, &plan, |_| false, &asked_counts(&past), n as u64);
            for id in &ids {
                assert!(
                    seen.insert(id.clone()),
                    "{id} asked twice in {n} interviews"
                );
            }
            past.push(Interview::new(plan.clone(), ids, 0.0, ""));
        }
    }

    #[test]
    fn time_comes_from_timestamps_and_the_end_is_capped() {
        let t0 = 1_000.0 * MIN;
        let ids = vec!["is-prime".to_owned(), "why-python".to_owned()];
        let mut i = Interview::new(two_coding(), ids, t0, "def is_prime(n):\n");
        assert_eq!(i.id(), "60000000");
        assert_eq!(i.time_left(t0 + 10.0 * MIN), 20.0 * MIN);
        assert_eq!(i.time_on(0, t0 + 3.0 * MIN), 3.0 * MIN);
        i.go(1, t0 + 4.0 * MIN, "");
        i.go(1, t0 + 5.0 * MIN, "");
        assert_eq!(
            i.time_on(0, t0 + 9.0 * MIN),
            4.0 * MIN,
            "no longer counting"
        );
        assert_eq!(i.time_on(1, t0 + 9.0 * MIN), 5.0 * MIN);
        i.go(0, t0 + 10.0 * MIN, "ignored: already opened");
        assert_eq!(
            i.questions[0].replay.start.as_deref(),
            Some("def is_prime(n):\n")
        );
        // Reloading is just reading the record again: the clock went on.
        let reloaded: Interview =
            serde_json::from_str(&serde_json::to_string(&i).unwrap()).unwrap();
        assert_eq!(reloaded.time_on(0, t0 + 12.0 * MIN), 6.0 * MIN);
        assert_eq!(reloaded.time_left(t0 + 12.0 * MIN), 18.0 * MIN);
        // Finishing long after time ran out ends it at the deadline.
        i.finish(t0 + 90.0 * MIN, |id| (Some(format!("code of {id}")), None));
        assert!(i.time_up);
        assert_eq!(i.finished_at, Some(t0 + 30.0 * MIN));
        assert_eq!(i.elapsed(t0 + 99.0 * MIN), 30.0 * MIN);
        let total = i.time_on(0, 0.0) + i.time_on(1, 0.0);
        assert_eq!(total, 30.0 * MIN);
        assert_eq!(
            i.questions[1].final_code.as_deref(),
            Some("code of why-python")
        );
        i.go(1, t0 + 91.0 * MIN, "");
        assert_eq!(i.current, 0, "nothing moves once finished");
    }

    #[test]
    fn hints_edits_and_runs_are_recorded_with_the_submit_verdict_winning() {
        let t0 = 5_000.0;
        let mut i = Interview::new(two_coding(), vec!["is-prime".into()], t0, "");
        i.hint(3, t0 + 1.0);
        i.hint(3, t0 + 2.0);
        i.hint(1, t0 + 3.0);
        assert_eq!(i.questions[0].hints, 2, "never more than there are");
        i.edit("is-prime", "", "def is_prime(n): ...", t0 + 10.0);
        i.run_started("is-prime", true, "def is_prime(n): ...", t0 + 20.0);
        i.run_finished("is-prime", "Accepted (16/16 tests)", true);
        i.run_started("is-prime", false, "def is_prime(n): ...", t0 + 30.0);
        i.run_finished("is-prime", "Wrong answer on Test 1", false);
        let q = &i.questions[0];
        assert_eq!(
            q.verdict.as_ref().unwrap().headline,
            "Accepted (16/16 tests)"
        );
        assert_eq!(q.submitted.as_deref(), Some("def is_prime(n): ..."));
        assert_eq!(q.replay.runs().len(), 2);
        assert_eq!(i.accepted(), 1);
        i.run_finished("is-prime", "late", false);
        assert_eq!(
            i.questions[0].replay.runs()[1].outcome.as_deref(),
            Some("Wrong answer on Test 1")
        );
        // A run started before the end still gets its verdict after it.
        i.run_started("is-prime", true, "x", t0 + 40.0);
        i.finish(t0 + 50.0, |_| (None, None));
        i.run_finished("is-prime", "Wrong answer on Test 2", false);
        assert_eq!(
            i.questions[0].verdict.as_ref().unwrap().headline,
            "Wrong answer on Test 2"
        );
        i.edit("is-prime", "x", "y", t0 + 60.0);
        assert_eq!(
            i.questions[0].replay.events.len(),
            4,
            "no recording after the end"
        );
        i.toggle_check(0, 2, t0 + 70.0);
        i.toggle_check(0, 0, t0 + 71.0);
        i.toggle_check(0, 2, t0 + 72.0);
        assert_eq!(i.questions[0].checked, [0]);
    }

    #[test]
    fn pruning_keeps_recent_interviews_and_their_replays() {
        let mut all = BTreeMap::new();
        for n in 0..(KEEP_INTERVIEWS + 3) {
            let mut i = Interview::new(two_coding(), vec!["is-prime".into()], n as f64 * MIN, "");
            i.edit("is-prime", "", "x", n as f64 * MIN + 1.0);
            i.finish(n as f64 * MIN + 2.0, |_| (None, None));
            all.insert(i.id(), i);
        }
        prune(&mut all);
        assert_eq!(all.len(), KEEP_INTERVIEWS);
        let mut kept: Vec<&Interview> = all.values().collect();
        kept.sort_by(|a, b| b.started_at.total_cmp(&a.started_at));
        assert_eq!(kept[0].started_at, (KEEP_INTERVIEWS + 2) as f64 * MIN);
        assert!(
            kept[..KEEP_REPLAYS]
                .iter()
                .all(|i| !i.questions[0].replay.is_empty())
        );
        assert!(
            kept[KEEP_REPLAYS..]
                .iter()
                .all(|i| i.questions[0].replay.is_empty())
        );
    }
}
