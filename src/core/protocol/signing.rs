//! The signed event channel from the sandbox to its parent: the per-run
//! [`EventKey`], how it reaches the sandbox with the request
//! ([`sandbox_stdin`]), and the [`EventWriter`] and [`EventReader`] that sign
//! and check each event line. The messages themselves are in `protocol`,
//! which re-exports everything here.
//!
//! The parent makes a fresh [`EventKey`] per run and passes it on the
//! sandbox's stdin with the request ([`sandbox_stdin`]); the sandbox reads
//! stdin to the end before any of the candidate's code runs (a prepared
//! sandbox has only built its interpreter), keeps the key in Rust memory
//! only, and writes each event as one stderr line `SEQ TAG JSON`, where TAG
//! is an HMAC-SHA256 of `SEQ JSON` under the key ([`EventWriter`]). The
//! parent accepts a line only if its tag checks out and its number is the
//! next one ([`EventReader`]). The candidate's code can write to stderr, and
//! could even read lines the judge wrote, but without the key it cannot make
//! a line the parent accepts, and a copied line is refused as a replay. In
//! the browser the worker forwards stderr lines unread
//! ([`FromWorker::Line`](super::FromWorker::Line)) and the page checks them
//! in Rust.

use super::{Event, RunRequest};

/// The key that authenticates one run's events: 32 random bytes, made by the
/// parent for each run and known only to the parent and the judge's Rust
/// memory.
///
/// It reaches the sandbox on stdin, which the sandbox reads to the end before
/// any candidate code runs (natively a pipe, in the browser a stream that
/// cannot be rewound), and is never written anywhere. Each event line carries
/// a sequence number and an HMAC-SHA256 of that number and the event under
/// this key, so code that can write to stderr, or even read the judge's
/// earlier lines, can neither forge an event nor replay or reorder one.
#[derive(Clone, PartialEq, Eq)]
pub struct EventKey([u8; 32]);

impl std::fmt::Debug for EventKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EventKey(..)")
    }
}

/// The sequence number of the one event a dying sandbox may send out of
/// order: the memory limit, written from the allocator with a line prepared
/// in advance. Nothing is accepted after it.
const FINAL_SEQ: u64 = u64::MAX;

impl EventKey {
    /// A key from 32 random bytes.
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        EventKey(bytes)
    }

    /// A fresh key from the operating system's random source.
    ///
    /// Fails only if the system has no random source.
    pub fn random() -> Result<Self, String> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| format!("no random source: {e}"))?;
        Ok(EventKey(bytes))
    }

    fn hex(&self) -> String {
        hex(&self.0)
    }

    fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.len() != 64 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let mut bytes = [0u8; 32];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(EventKey(bytes))
    }

    fn mac(&self, seq: u64, json: &str) -> hmac::Hmac<sha2::Sha256> {
        use hmac::Mac;
        let mut mac = <hmac::Hmac<sha2::Sha256> as Mac>::new_from_slice(&self.0)
            .expect("HMAC takes a key of any length");
        mac.update(seq.to_string().as_bytes());
        mac.update(b" ");
        mac.update(json.as_bytes());
        mac
    }

    fn line(&self, seq: u64, event: &Event) -> String {
        use hmac::Mac;
        let json = serde_json::to_string(event).expect("an event always serializes");
        let tag = hex(&self.mac(seq, &json).finalize().into_bytes());
        // The leading newline ends any partial line the candidate left on stderr.
        format!("\n{seq} {tag} {json}\n")
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bytes the parent writes to the sandbox's stdin: the key line, then the request.
pub fn sandbox_stdin(key: &EventKey, request: &RunRequest) -> String {
    let json = serde_json::to_string(request).expect("a request always serializes");
    format!("{}\n{json}\n", key.hex())
}

/// Splits the sandbox's stdin back into the key and the request.
///
/// Fails when the key line is missing or malformed, or the request is not valid JSON.
pub fn parse_sandbox_stdin(input: &str) -> Result<(EventKey, RunRequest), String> {
    let (key, json) = input
        .split_once('\n')
        .ok_or("expected a key line, then the request as JSON")?;
    let key = EventKey::parse(key).ok_or("the key line is not 64 hexadecimal digits")?;
    let request = serde_json::from_str(json).map_err(|e| format!("bad request JSON: {e}"))?;
    Ok((key, request))
}

/// The sandbox's side of the event channel: numbers and signs each event.
pub struct EventWriter {
    key: EventKey,
    seq: u64,
}

impl EventWriter {
    pub fn new(key: EventKey) -> Self {
        EventWriter { key, seq: 0 }
    }

    /// The next event as the line the sandbox writes.
    pub fn line(&mut self, event: &Event) -> String {
        let line = self.key.line(self.seq, event);
        self.seq += 1;
        line
    }

    /// The line for [`Event::MemoryLimit`], prepared before any code runs so
    /// that the allocator can write it without allocating.
    pub fn memory_limit_line(&self, limit_bytes: u64) -> String {
        self.key
            .line(FINAL_SEQ, &Event::MemoryLimit { limit_bytes })
    }
}

/// The parent's side of the event channel: accepts each event once, in order.
pub struct EventReader {
    key: EventKey,
    next: u64,
    closed: bool,
}

impl EventReader {
    pub fn new(key: EventKey) -> Self {
        EventReader {
            key,
            next: 0,
            closed: false,
        }
    }

    /// The event a line of sandbox stderr carries, if the line is the next
    /// event signed with this run's key. Anything else (the candidate's own
    /// writes, forgeries, replays, events out of order) is `None`.
    pub fn accept(&mut self, line: &str) -> Option<Event> {
        use hmac::Mac;
        if self.closed {
            return None;
        }
        let mut parts = line.splitn(3, ' ');
        let seq: u64 = parts.next()?.parse().ok()?;
        let tag = parts.next()?;
        let json = parts.next()?;
        if seq != self.next && seq != FINAL_SEQ {
            return None;
        }
        if tag.len() != 64 {
            return None;
        }
        let mut bytes = [0u8; 32];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = u8::from_str_radix(tag.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        self.key.mac(seq, json).verify_slice(&bytes).ok()?;
        let event: Event = serde_json::from_str(json).ok()?;
        if seq == FINAL_SEQ {
            if !matches!(event, Event::MemoryLimit { .. }) {
                return None;
            }
            self.closed = true;
        } else {
            self.next += 1;
        }
        Some(event)
    }
}

#[cfg(test)]
mod tests;
