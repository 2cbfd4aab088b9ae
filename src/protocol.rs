//! The wire protocol between whoever asks for a verdict and the sandbox that
//! runs the candidate's Python.
//!
//! Two pairs speak it: the browser UI and its Web Worker, and the native CLI
//! and its child process. Both send one [`RunRequest`] and receive a stream of
//! [`Event`]s, each tagged with the [`RunId`] it answers, so the UI drops
//! answers to runs it no longer waits for. The sandbox writes each event as
//! one line on stderr, prefixed by a secret the parent passed on stdin before
//! any Python ran: the candidate's code can write to stderr too, but cannot
//! forge an event without the secret.
//!
//! What the events add up to, and the verdicts they carry, live in `report`.

use crate::report::{RuleViolation, SyntaxError, TestVerdict};
use serde::{Deserialize, Serialize};

/// Identifies one run; a newer run makes older ids stale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RunId(pub u32);

/// Run the sample tests only, or submit against every test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Run,
    Submit,
}

/// What the sandbox is asked to do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunRequest {
    /// Challenge id from the catalog built into the judge.
    pub challenge: String,
    /// The candidate's code, or their predicted output for a quiz.
    pub code: String,
    pub mode: Mode,
    /// The challenge itself, for checking challenges not yet built into the
    /// judge (`pyprep validate --dir`). The browser never sends it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<Box<crate::challenge::Challenge>>,
}

impl RunRequest {
    /// A request for a challenge built into the judge.
    pub fn new(challenge: &str, code: &str, mode: Mode) -> Self {
        RunRequest {
            challenge: challenge.to_owned(),
            code: code.to_owned(),
            mode,
            definition: None,
        }
    }
}

/// Which console stream a piece of output belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stream {
    Stdout,
    Stderr,
    /// The prompt passed to `input()`: shown, not judged.
    Prompt,
    /// A line `input()` read, echoed as a terminal would.
    Echo,
}

/// What the sandbox reports, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// The interpreter is up; the candidate's code is being compiled and checked.
    Ready,
    SyntaxError {
        error: SyntaxError,
    },
    RulesBroken {
        violations: Vec<RuleViolation>,
    },
    TestStarted {
        index: usize,
    },
    Output {
        index: usize,
        stream: Stream,
        text: String,
    },
    /// The test wrote more than the output limit; later output was dropped.
    OutputCut {
        index: usize,
    },
    TestFinished {
        index: usize,
        verdict: TestVerdict,
        time_ms: u32,
    },
    /// The heap cap was hit; the sandbox stops at once after this.
    MemoryLimit {
        limit_bytes: u64,
    },
    /// Every test ran; nothing follows.
    Finished,
    /// The judge itself failed (not the candidate's code).
    InternalError {
        message: String,
    },
}

/// Messages from the browser's judge worker to the UI. The worker builds them
/// as JSON text around the event lines the sandbox wrote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FromWorker {
    /// The judge module is compiled; runs start without waiting for it.
    Loaded,
    /// The judge module could not be fetched or compiled.
    LoadFailed {
        message: String,
    },
    Event {
        run: RunId,
        event: Event,
    },
    /// The sandbox instance returned from `_start` (exit code from `proc_exit`, 0 otherwise).
    Exited {
        run: RunId,
        code: i32,
    },
    /// The sandbox instance trapped or threw (abort, engine error); `stack_overflow`
    /// when the engine's own stack ran out anyway (native recursion outside
    /// Python calls, which `judge::stack` does not watch).
    Crashed {
        run: RunId,
        message: String,
        #[serde(default)]
        stack_overflow: bool,
    },
}

/// A run request for the browser worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ToWorker {
    pub run: RunId,
    pub request: RunRequest,
}

/// The bytes the parent writes to the sandbox's stdin: the secret line, then the request.
pub fn sandbox_stdin(secret: &str, request: &RunRequest) -> String {
    let json = serde_json::to_string(request).expect("a request always serializes");
    format!("{secret}\n{json}")
}

/// Splits the sandbox's stdin back into the secret and the request.
///
/// Fails when the secret line is missing or the request is not valid JSON.
pub fn parse_sandbox_stdin(input: &str) -> Result<(String, RunRequest), String> {
    let (secret, json) = input
        .split_once('\n')
        .ok_or("expected a secret line, then the request as JSON")?;
    let secret = secret.trim();
    if secret.len() < 16 {
        return Err("the secret line is too short".into());
    }
    let request = serde_json::from_str(json).map_err(|e| format!("bad request JSON: {e}"))?;
    Ok((secret.to_owned(), request))
}

/// One event as the line the sandbox writes. Starts with a newline so that a
/// partial line the candidate wrote to stderr cannot run into it.
pub fn encode_event(secret: &str, event: &Event) -> String {
    let json = serde_json::to_string(event).expect("an event always serializes");
    format!("\n{secret} {json}\n")
}

/// The event in a line of sandbox stderr, if the line carries the secret.
pub fn decode_event(secret: &str, line: &str) -> Option<Event> {
    let at = line.find(secret)?;
    serde_json::from_str(line[at + secret.len()..].trim()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn events_round_trip_through_secret_lines() {
        let event = Event::Output {
            index: 2,
            stream: Stream::Stdout,
            text: "hi\n".into(),
        };
        let line = encode_event(SECRET, &event);
        assert_eq!(line.matches('\n').count(), 2, "one event, one line");
        assert_eq!(decode_event(SECRET, line.trim()), Some(event));
    }

    #[test]
    fn lines_without_the_secret_are_not_events() {
        let forged = serde_json::to_string(&Event::Finished).unwrap();
        assert_eq!(decode_event(SECRET, &forged), None);
        assert_eq!(
            decode_event(SECRET, &format!("deadbeefdeadbeef {forged}")),
            None
        );
        assert_eq!(decode_event(SECRET, &format!("{SECRET} not json")), None);
    }

    #[test]
    fn a_partial_line_before_an_event_does_not_hide_it() {
        let line = format!("half a line{}", encode_event(SECRET, &Event::Ready));
        let events: Vec<Event> = line
            .lines()
            .filter_map(|l| decode_event(SECRET, l))
            .collect();
        assert_eq!(events, vec![Event::Ready]);
    }

    #[test]
    fn sandbox_stdin_round_trips() {
        let req = RunRequest::new("is-prime", "x = 1\n", Mode::Run);
        let (secret, back) = parse_sandbox_stdin(&sandbox_stdin(SECRET, &req)).unwrap();
        assert_eq!((secret.as_str(), back), (SECRET, req));
        assert!(parse_sandbox_stdin("short\n{}").is_err());
        assert!(parse_sandbox_stdin(&format!("{SECRET}\nnot json")).is_err());
    }

    #[test]
    fn worker_messages_parse_from_the_json_the_worker_builds() {
        // The worker wraps the event line's JSON without parsing it.
        let event = serde_json::to_string(&Event::TestStarted { index: 0 }).unwrap();
        let text = format!(r#"{{"type":"event","run":7,"event":{event}}}"#);
        let msg: FromWorker = serde_json::from_str(&text).unwrap();
        assert_eq!(
            msg,
            FromWorker::Event {
                run: RunId(7),
                event: Event::TestStarted { index: 0 }
            }
        );
        let crash: FromWorker =
            serde_json::from_str(r#"{"type":"crashed","run":7,"message":"RangeError"}"#).unwrap();
        assert_eq!(
            crash,
            FromWorker::Crashed {
                run: RunId(7),
                message: "RangeError".into(),
                stack_overflow: false
            }
        );
    }
}
