//! Tests of the signed event channel: round trips, forgeries, replays and the key on stdin.

use super::*;
use crate::protocol::{Mode, Stream};

fn key(b: u8) -> EventKey {
    EventKey::from_bytes([b; 32])
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.is_empty()).collect()
}

#[test]
fn events_round_trip_in_order() {
    let mut writer = EventWriter::new(key(7));
    let mut reader = EventReader::new(key(7));
    let events = [
        Event::Ready,
        Event::Output {
            index: 2,
            stream: Stream::Stdout,
            text: "hi\n".into(),
        },
        Event::Finished,
    ];
    for event in &events {
        let line = writer.line(event);
        assert_eq!(line.matches('\n').count(), 2, "one event, one line");
        assert_eq!(reader.accept(lines(&line)[0]).as_ref(), Some(event));
    }
}

#[test]
fn forged_replayed_and_reordered_lines_are_refused() {
    let mut writer = EventWriter::new(key(1));
    let first = writer.line(&Event::Ready);
    let second = writer.line(&Event::TestStarted { index: 0 });
    let mut reader = EventReader::new(key(1));
    // Out of order: the second before the first.
    assert_eq!(reader.accept(lines(&second)[0]), None);
    assert_eq!(reader.accept(lines(&first)[0]), Some(Event::Ready));
    // Replayed.
    assert_eq!(reader.accept(lines(&first)[0]), None);
    // Signed with another key.
    let mut other = EventWriter::new(key(2));
    other.line(&Event::Ready);
    let forged = other.line(&Event::Finished);
    assert_eq!(reader.accept(lines(&forged)[0]), None);
    // The right number and tag, another event.
    let tampered = lines(&second)[0].replace("test_started", "finished");
    assert_eq!(reader.accept(&tampered), None);
    let finished = serde_json::to_string(&Event::Finished).unwrap();
    assert_eq!(
        reader.accept(&format!("1 {} {finished}", "0".repeat(64))),
        None
    );
    assert_eq!(reader.accept("not an event"), None);
    assert_eq!(
        reader.accept(lines(&second)[0]),
        Some(Event::TestStarted { index: 0 })
    );
}

#[test]
fn the_memory_limit_line_ends_the_stream() {
    let mut writer = EventWriter::new(key(3));
    let limit = writer.memory_limit_line(5);
    let ready = writer.line(&Event::Ready);
    let mut reader = EventReader::new(key(3));
    assert_eq!(reader.accept(lines(&ready)[0]), Some(Event::Ready));
    assert_eq!(
        reader.accept(lines(&limit)[0]),
        Some(Event::MemoryLimit { limit_bytes: 5 })
    );
    let next = writer.line(&Event::Finished);
    assert_eq!(
        reader.accept(lines(&next)[0]),
        None,
        "nothing after the end"
    );
}

#[test]
fn a_partial_line_before_an_event_does_not_hide_it() {
    let mut writer = EventWriter::new(key(4));
    let text = format!("half a line{}", writer.line(&Event::Ready));
    let mut reader = EventReader::new(key(4));
    let events: Vec<Event> = text.lines().filter_map(|l| reader.accept(l)).collect();
    assert_eq!(events, vec![Event::Ready]);
}

#[test]
fn sandbox_stdin_round_trips() {
    let req = RunRequest::new("is-prime", "x = 1\n", Mode::Run);
    let (k, back) = parse_sandbox_stdin(&sandbox_stdin(&key(9), &req)).unwrap();
    assert_eq!((k, back), (key(9), req));
    assert!(parse_sandbox_stdin("short\n{}").is_err());
    assert!(parse_sandbox_stdin(&format!("{}\nnot json", key(9).hex())).is_err());
}

#[test]
fn random_keys_differ() {
    assert_ne!(EventKey::random().unwrap(), EventKey::random().unwrap());
}
