//! How a run's events add up to a report: [`RunTracker`] follows the
//! sandbox's phases, gives each phase its time budget, and finishes the run
//! when the sandbox finishes, runs out of time or dies. Which outcome the
//! finished run amounts to is decided in `outcome`; each test's input, as the
//! results list describes it, in `describe`.
//!
//! The rest stays one file of about 400 lines by design: it is one state
//! machine, and every way of leaving a phase (an event, typed input, Stop,
//! running out of budget, the sandbox dying) is read beside the others.

mod describe;
mod outcome;

use super::*;
pub use describe::describe_input;
use outcome::outcome_of;

/// How the sandbox ended when it ended without finishing.
#[derive(Clone, Debug, PartialEq)]
pub enum SandboxEnd {
    /// It exited with this code (the candidate called `os._exit`).
    Exited(i32),
    /// It ran out of native stack: deep recursion that Python's own limit did not stop.
    StackOverflow,
    /// It trapped, threw or was killed by a signal.
    Crashed(String),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Phase {
    Starting,
    Judging,
    Testing(usize),
    /// A free run waits for the user to type: no clock.
    Input(usize),
    /// Before the tests of a Submit, the judge measures how the answer's
    /// work grows (`pyprep::judge::growth`); it stops itself within its limits.
    Measuring,
    Done,
}

/// How long a free run may compute (waiting for input not counted).
pub const PLAY_TIME_LIMIT_MS: u32 = 10_000;
/// How long the growth measurement may take before the parent stops the
/// sandbox (the judge stops itself after `pyprep::judge::growth::TIME_LIMIT`).
const MEASURING_BUDGET_MS: u32 = 6_000;
/// The clock of a run waiting for input: a day, so in practice none.
const INPUT_BUDGET_MS: u32 = 86_400_000;

/// Folds sandbox events into a [`Report`].
#[derive(Clone, Debug)]
pub struct RunTracker {
    report: Report,
    phase: Phase,
    memory_limit: Option<u64>,
}

impl RunTracker {
    /// A tracker for `request`, with its tests listed as pending.
    pub fn new(challenge: &Challenge, request: &RunRequest) -> Self {
        let samples_only = request.mode == Mode::Run;
        let blank = |index, name: String, sample, input, limit_ms| TestReport {
            index,
            name,
            sample,
            input,
            verdict: TestVerdict::Pending,
            output: vec![],
            output_cut: false,
            time_ms: None,
            returned: None,
            files: vec![],
            waiting_for_input: false,
            trace: None,
            limit_ms,
        };
        let tests = match &request.play {
            // Measuring growth runs no test.
            None if request.measure_growth => vec![],
            Some(play) => vec![blank(
                0,
                match &play.call {
                    Some(call) => format!("Your call: {call}"),
                    None => "Your run".to_owned(),
                },
                true,
                play.call.clone().unwrap_or_default(),
                PLAY_TIME_LIMIT_MS,
            )],
            // A step-through runs its one test, hidden or not.
            None => challenge
                .tests_for(samples_only && request.step_through.is_none())
                .filter(|(index, _)| request.step_through.is_none_or(|s| s == *index))
                .map(|(index, t)| {
                    blank(
                        index,
                        t.name.clone(),
                        t.sample,
                        describe_input(challenge, index),
                        t.time_limit_ms,
                    )
                })
                .collect(),
        };
        RunTracker {
            report: Report {
                challenge: challenge.id.clone(),
                mode: request.mode,
                outcome: Outcome::Running,
                syntax_error: None,
                rule_violations: vec![],
                tests,
                internal_error: None,
                free_run: request.play.is_some(),
                growth: None,
            },
            phase: Phase::Starting,
            memory_limit: None,
        }
    }

    /// A tracker for a request whose challenge does not exist: already finished, with the reason.
    pub fn unknown_challenge(request: &RunRequest) -> Self {
        let mut t = RunTracker {
            report: Report {
                challenge: request.challenge.clone(),
                mode: request.mode,
                outcome: Outcome::Running,
                syntax_error: None,
                rule_violations: vec![],
                tests: vec![],
                internal_error: None,
                free_run: request.play.is_some(),
                growth: None,
            },
            phase: Phase::Starting,
            memory_limit: None,
        };
        t.fail_internal(format!("no challenge with id '{}'", request.challenge));
        t
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    pub fn into_report(self) -> Report {
        self.report
    }

    pub fn is_finished(&self) -> bool {
        self.phase == Phase::Done
    }

    /// How long the current phase may last before the parent must stop the sandbox.
    pub fn budget_ms(&self) -> u32 {
        match self.phase {
            Phase::Starting => STARTUP_BUDGET_MS,
            Phase::Judging | Phase::Done => JUDGE_BUDGET_MS,
            Phase::Testing(i) => self
                .test(i)
                .map_or(JUDGE_BUDGET_MS, |t| t.limit_ms + TIME_SLACK_MS),
            Phase::Input(_) => INPUT_BUDGET_MS,
            Phase::Measuring => MEASURING_BUDGET_MS,
        }
    }

    fn test(&self, index: usize) -> Option<&TestReport> {
        self.report.tests.iter().find(|t| t.index == index)
    }

    fn test_mut(&mut self, index: usize) -> Option<&mut TestReport> {
        self.report.tests.iter_mut().find(|t| t.index == index)
    }

    /// Applies one event. Returns true when a new phase began, so the caller restarts its clock.
    pub fn apply(&mut self, event: Event) -> bool {
        if self.phase == Phase::Done {
            return false;
        }
        match event {
            Event::Ready => return self.enter(Phase::Judging),
            Event::SyntaxError { error } => {
                self.report.syntax_error = Some(error);
                self.stop_remaining();
                self.finish();
            }
            Event::RulesBroken { violations } => {
                self.report.rule_violations = violations;
                self.stop_remaining();
                self.finish();
            }
            Event::TestStarted { index } => {
                if let Some(t) = self.test_mut(index) {
                    t.verdict = TestVerdict::Running;
                }
                return self.enter(Phase::Testing(index));
            }
            Event::Output {
                index,
                stream,
                text,
            } => {
                if let Some(t) = self.test_mut(index) {
                    match t.output.last_mut() {
                        Some(last)
                            if last.stream == stream
                                && last.text.len() + text.len() <= CHUNK_BYTES =>
                        {
                            Arc::make_mut(last).text.push_str(&text)
                        }
                        _ => t.output.push(Arc::new(OutputChunk { stream, text })),
                    }
                }
            }
            Event::OutputCut { index } => {
                if let Some(t) = self.test_mut(index) {
                    t.output_cut = true;
                }
            }
            Event::TestFinished {
                index,
                verdict,
                time_ms,
            } => {
                if let Some(t) = self.test_mut(index) {
                    // The sandbox's own clock decides when it noticed first.
                    t.verdict = if time_ms > t.limit_ms && verdict == TestVerdict::Passed {
                        TestVerdict::TimeLimit {
                            limit_ms: t.limit_ms,
                        }
                    } else {
                        verdict
                    };
                    t.time_ms = Some(time_ms);
                }
                return self.enter(Phase::Judging);
            }
            Event::Returned { index, value } => {
                if let Some(t) = self.test_mut(index) {
                    t.returned = Some(value);
                }
            }
            Event::Files { index, files } => {
                if let Some(t) = self.test_mut(index) {
                    t.files = files;
                }
            }
            Event::InputWanted { index } => {
                if let Some(t) = self.test_mut(index) {
                    t.waiting_for_input = true;
                }
                return self.enter(Phase::Input(index));
            }
            Event::Measuring => return self.enter(Phase::Measuring),
            Event::Trace { index, trace } => {
                if let Some(t) = self.test_mut(index) {
                    t.trace = Some(trace);
                }
            }
            Event::Growth { growth } => self.report.growth = Some(growth),
            Event::MemoryLimit { limit_bytes } => self.memory_limit = Some(limit_bytes),
            Event::Finished => {
                self.stop_remaining();
                self.finish();
            }
            Event::InternalError { message } => self.fail_internal(message),
        }
        false
    }

    fn enter(&mut self, phase: Phase) -> bool {
        self.phase = phase;
        true
    }

    /// The user typed a line for the test waiting for input: its clock runs
    /// again. Returns true when a new phase began (see [`apply`](Self::apply)).
    pub fn input_sent(&mut self) -> bool {
        let Phase::Input(i) = self.phase else {
            return false;
        };
        if let Some(t) = self.test_mut(i) {
            t.waiting_for_input = false;
        }
        self.enter(Phase::Testing(i))
    }

    /// The user stopped the run: the test running (or waiting for input) is
    /// marked stopped and the rest are not run.
    pub fn stopped(&mut self) {
        if let Phase::Testing(i) | Phase::Input(i) = self.phase
            && let Some(t) = self.test_mut(i)
        {
            t.verdict = TestVerdict::Stopped;
            t.waiting_for_input = false;
        }
        self.stop_remaining();
        self.finish();
    }

    /// Whether the run waits for the user to type a line.
    pub fn wants_input(&self) -> bool {
        matches!(self.phase, Phase::Input(_))
    }

    /// The parent stopped the sandbox because [`budget_ms`](Self::budget_ms) ran out.
    pub fn timed_out(&mut self) {
        match self.phase {
            Phase::Testing(i) | Phase::Input(i) => {
                if let Some(t) = self.test_mut(i) {
                    t.verdict = TestVerdict::TimeLimit {
                        limit_ms: t.limit_ms,
                    };
                    t.time_ms = Some(t.limit_ms);
                }
                self.stop_remaining();
                self.finish();
            }
            Phase::Starting => self.fail_internal("the judge did not start in time".into()),
            Phase::Judging => self.fail_internal("the judge stopped responding".into()),
            Phase::Measuring => {
                self.measuring_stopped();
                self.timed_out();
            }
            Phase::Done => {}
        }
    }

    /// The sandbox stopped while measuring growth, before the tests: the
    /// first test takes the blame, as it would have met the same code.
    fn measuring_stopped(&mut self) {
        self.phase = match self.report.tests.iter().find(|t| !t.verdict.is_final()) {
            Some(t) => Phase::Testing(t.index),
            None => Phase::Judging,
        };
    }

    /// The sandbox ended. Without a `Finished` event first, the running test gets the blame.
    pub fn ended(&mut self, end: SandboxEnd) {
        if self.phase == Phase::Done {
            return;
        }
        if self.phase == Phase::Measuring {
            self.measuring_stopped();
        }
        let verdict = match (self.memory_limit, &end) {
            (Some(limit_bytes), _) => TestVerdict::MemoryLimit { limit_bytes },
            (None, SandboxEnd::Exited(code)) => TestVerdict::Exited {
                code: *code,
                how: "os._exit".into(),
            },
            (None, SandboxEnd::StackOverflow) => TestVerdict::RuntimeError {
                error: PyError {
                    exception: "RecursionError".into(),
                    message: "maximum recursion depth exceeded (the browser's stack ran out)"
                        .into(),
                    frames: vec![],
                },
            },
            (None, SandboxEnd::Crashed(message)) => TestVerdict::Crashed {
                message: message.clone(),
            },
        };
        match self.phase {
            Phase::Testing(i) => {
                if let Some(t) = self.test_mut(i) {
                    t.verdict = verdict;
                }
                self.stop_remaining();
                self.finish();
            }
            _ => self.fail_internal(match end {
                SandboxEnd::Exited(code) => format!("the judge exited early with code {code}"),
                SandboxEnd::StackOverflow => "the judge ran out of stack".into(),
                SandboxEnd::Crashed(message) => format!("the judge crashed: {message}"),
            }),
        }
    }

    fn fail_internal(&mut self, message: String) {
        self.report.internal_error = Some(message);
        self.stop_remaining();
        self.finish();
    }

    fn stop_remaining(&mut self) {
        for t in &mut self.report.tests {
            if !t.verdict.is_final() {
                t.verdict = TestVerdict::NotRun;
            }
        }
    }

    fn finish(&mut self) {
        self.phase = Phase::Done;
        self.report.outcome = outcome_of(&self.report);
        if self.report.outcome == Outcome::InternalError && self.report.internal_error.is_none() {
            self.report.internal_error = Some("the run ended without results".into());
        }
        // Growth explains an accepted answer or one that ran out of time;
        // beside any other failure it would only distract.
        if !matches!(
            self.report.outcome,
            Outcome::Accepted | Outcome::TimeLimit | Outcome::Ran
        ) {
            self.report.growth = None;
        }
    }
}

#[cfg(test)]
mod tests;
