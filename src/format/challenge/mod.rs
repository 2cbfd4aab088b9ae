//! The challenge model: what a question is and what its answer is made of.
//!
//! A challenge is a folder under `challenges/` (see [`crate::load`] for the
//! files and their checks); once loaded, everything here is plain data,
//! shared by the judge, the CLI and the browser UI. Markdown fields carry
//! their source and, once the build has rendered them, their HTML. Nothing
//! here runs Python.
//!
//! How answers are tested ([`Test`], [`TestKind`], [`CallOutcome`]) is in
//! `test`; the lighter copy the browser embeds ([`Challenge::for_browser`])
//! is in `browser`.

mod browser;
mod test;

pub use browser::cut;
pub use test::{CallOutcome, Check, Identity, Test, TestKind, normalize_output};

use serde::{Deserialize, Serialize};

/// One question of the catalog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Challenge {
    /// Stable identifier, also the folder name: drafts and progress are saved under it.
    pub id: String,
    pub title: String,
    pub group: Group,
    pub kind: Kind,
    pub difficulty: Difficulty,
    pub topics: Vec<String>,
    /// The question as the interview guide asks it.
    pub question: String,
    pub prompt: Markdown,
    /// Graduated hints, from a nudge to nearly the answer.
    pub hints: Vec<Markdown>,
    /// Why the reference works; shown after solving or on request.
    pub explanation: Markdown,
    /// Code the editor starts with.
    pub starter: String,
    /// The reference answer: code, or the predicted output for a quiz.
    pub solution: String,
    /// Python run before the candidate's code and visible to it (`ListNode`, ...).
    pub helpers: String,
    /// Plausible wrong answers; each must fail at least one test.
    pub wrong: Vec<WrongAnswer>,
    pub rules: Rules,
    pub tests: Vec<Test>,
    pub unittest: Option<UnitTestSpec>,
    pub quiz: Option<Quiz>,
    pub practice: Option<Practice>,
    /// How a good answer's work grows, measured after an accepted Submit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth: Option<GrowthSpec>,
}

/// The challenge id of the playground, where any Python runs as a program.
pub const PLAYGROUND: &str = "playground";

impl Challenge {
    /// The playground: no question and no tests. It only takes free runs
    /// (`protocol::Play`), where any Python runs as a program.
    pub fn playground() -> Challenge {
        Challenge {
            id: PLAYGROUND.to_owned(),
            title: "Playground".to_owned(),
            group: Group::Coding,
            kind: Kind::Program,
            difficulty: Difficulty::Easy,
            topics: vec![],
            question: String::new(),
            prompt: Markdown::default(),
            hints: vec![],
            explanation: Markdown::default(),
            starter: String::new(),
            solution: String::new(),
            helpers: String::new(),
            wrong: vec![],
            rules: Rules::default(),
            tests: vec![],
            unittest: None,
            quiz: None,
            practice: None,
            growth: None,
        }
    }
}

/// Where a question sits in the interview guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    Coding,
    Concepts,
    Professional,
    Situational,
    Behavioural,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Coding,
        Group::Concepts,
        Group::Professional,
        Group::Situational,
        Group::Behavioural,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Group::Coding => "Coding",
            Group::Concepts => "Concepts",
            Group::Professional => "Professional",
            Group::Situational => "Situational",
            Group::Behavioural => "Behavioural",
        }
    }
}

/// What the candidate does, and so how the answer is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Write one or more functions; tests call them.
    Function,
    /// Write a script; tests feed stdin and files and read stdout and files.
    Program,
    /// Write `unittest` tests that tell a correct function from buggy ones.
    Unittest,
    /// Predict a snippet's output; the snippet is run to check it.
    Quiz,
    /// Read a short explanation; nothing to run.
    Concept,
    /// Write an answer to a spoken question; saved locally, self-reviewed.
    Practice,
}

impl Kind {
    /// Whether answers of this kind go to the judge.
    pub fn is_judged(self) -> bool {
        matches!(
            self,
            Kind::Function | Kind::Program | Kind::Unittest | Kind::Quiz
        )
    }

    /// Whether the answer is Python code edited in the code editor.
    pub fn is_code(self) -> bool {
        matches!(self, Kind::Function | Kind::Program | Kind::Unittest)
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Function => "Function",
            Kind::Program => "Program",
            Kind::Unittest => "Unit tests",
            Kind::Quiz => "Predict the output",
            Kind::Concept => "Concept",
            Kind::Practice => "Spoken answer",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Easy => "Easy",
            Difficulty::Medium => "Medium",
            Difficulty::Hard => "Hard",
        }
    }
}

/// Markdown text with its HTML rendering (empty until the build renders it).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Markdown {
    pub source: String,
    pub html: String,
}

impl Markdown {
    pub fn new(source: impl Into<String>) -> Self {
        Markdown {
            source: source.into(),
            html: String::new(),
        }
    }
}

/// The growth a good answer has, and how to make inputs of a given size
/// (`judge::growth` measures; `crate::growth` fits).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GrowthSpec {
    /// The order of growth of a good answer (`growth.expected`).
    pub expected: crate::growth::Order,
    /// The smallest size n; the answer is measured at n, 2n, 4n and 8n.
    pub start: u64,
    /// Python defining `make(n, rng)`, which returns the positional
    /// arguments of one call of size `n` as a list (`rng` is a seeded
    /// `random.Random`). It runs with the helpers, untimed and uncounted.
    pub make: String,
    /// Wrong answers that grow faster than they need to (those under
    /// `wrong/` whose first line is `# grows like: n^2`): the fit must name
    /// their growth.
    pub slow: Vec<SlowAnswer>,
}

/// A wrong answer that does more work than needed, and how its work grows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlowAnswer {
    /// File stem under `wrong/`.
    pub name: String,
    pub grows: crate::growth::Order,
}

/// A plausible wrong answer kept to prove the tests catch it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WrongAnswer {
    /// File stem under `wrong/`, e.g. `off_by_one`.
    pub name: String,
    pub code: String,
}

/// Constraints that are part of the question, checked on the syntax tree.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Rules {
    /// No `x[a:b]` slice syntax.
    pub forbid_slicing: bool,
    /// No `x in y` / `x not in y` tests (`for x in y` stays allowed).
    pub forbid_in: bool,
    /// Functions that may not be called by name, e.g. `sorted`, `slice`.
    pub forbid_calls: Vec<String>,
    /// Methods that may not be called, e.g. `sort`, `find`.
    pub forbid_methods: Vec<String>,
    /// Modules that may not be imported, e.g. `re`, `heapq`.
    pub forbid_imports: Vec<String>,
    /// Functions that must call themselves.
    pub recursive: Vec<String>,
    /// Functions that may contain no `for`, `while` or comprehension.
    pub no_loops_in: Vec<String>,
    /// Functions that may not use `+=` inside a loop.
    pub no_add_assign_in_loop_in: Vec<String>,
}

impl Rules {
    pub fn is_empty(&self) -> bool {
        *self == Rules::default()
    }
}

/// The unittest kind: the candidate's tests must pass on `versions[0]` and fail on every other.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitTestSpec {
    /// The function the candidate tests, provided to their code as a global.
    pub function: String,
    /// `versions[0]` is correct; the others are buggy.
    pub versions: Vec<Version>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub name: String,
    /// What is wrong with it (empty for the correct one); shown when a test suite misses it.
    pub description: String,
    pub code: String,
}

/// A predict-the-output question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quiz {
    pub snippet: String,
    /// Plausible wrong predictions; each must be judged wrong.
    pub wrong_answers: Vec<String>,
}

/// A spoken-answer card: how to answer this group of questions, and a checklist.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Practice {
    pub advice: Markdown,
    pub checklist: Vec<String>,
}

impl Practice {
    /// Ticks checklist item `item` in `ticked` (indices kept in order), or
    /// unticks it if it was ticked.
    pub fn toggle(ticked: &mut Vec<usize>, item: usize) {
        match ticked.iter().position(|&i| i == item) {
            Some(pos) => {
                ticked.remove(pos);
            }
            None => {
                ticked.push(item);
                ticked.sort_unstable();
            }
        }
    }
}

impl Challenge {
    /// The tests a run uses: samples only, or all of them.
    pub fn tests_for(&self, samples_only: bool) -> impl Iterator<Item = (usize, &Test)> {
        self.tests
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.sample || !samples_only)
    }

    /// Names of the functions the tests call, in first-use order.
    pub fn functions(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for t in &self.tests {
            if let TestKind::Call { function, .. } = &t.kind
                && !names.contains(&function.as_str())
            {
                names.push(function);
            }
        }
        names
    }
}
