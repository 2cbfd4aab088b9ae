//! The console: what the candidate's code prints during one test.
//!
//! Output is streamed to the parent as [`Event::Output`] in small batches
//! (so a page can show it as it is printed without one message per `print`;
//! the first write of a test, and any after a pause, go out at once; a
//! batch waiting while Python code loops or recurses without printing goes
//! out too, though not during one long built-in call such as `time.sleep`),
//! capped at [`OUTPUT_LIMIT_BYTES`] per test, and the stdout part is kept for
//! judging program tests. Prompts and echoed input are shown but never judged.

use super::Sink;
use crate::protocol::{Event, Stream};
use crate::report::OUTPUT_LIMIT_BYTES;
use std::time::{Duration, Instant};

/// Batched output is sent at least this often...
const FLUSH_INTERVAL: Duration = Duration::from_millis(50);
/// ...or once this much is waiting.
const FLUSH_BYTES: usize = 8 * 1024;

pub struct Console {
    sink: Box<dyn Sink>,
    test: Option<usize>,
    /// Everything written to stdout in this test, up to the limit.
    stdout: String,
    written: usize,
    cut: bool,
    pending: Vec<(Stream, String)>,
    pending_bytes: usize,
    /// `None` until the test first sends output: its first write goes out at
    /// once, so a print before a long computation shows while it runs.
    last_flush: Option<Instant>,
}

impl Console {
    pub fn new(sink: Box<dyn Sink>) -> Self {
        Console {
            sink,
            test: None,
            stdout: String::new(),
            written: 0,
            cut: false,
            pending: Vec::new(),
            pending_bytes: 0,
            last_flush: None,
        }
    }

    /// Sends an event straight to the parent, after any output waiting before it.
    pub fn emit(&mut self, event: Event) {
        self.flush();
        self.sink.emit(event);
    }

    /// Starts collecting output for test `index`.
    pub fn begin(&mut self, index: usize) {
        self.flush();
        self.test = Some(index);
        self.stdout.clear();
        self.written = 0;
        self.cut = false;
        self.last_flush = None;
    }

    /// Ends the test: returns its stdout and whether output was cut at the limit.
    pub fn end(&mut self) -> (String, bool) {
        self.flush();
        self.test = None;
        (std::mem::take(&mut self.stdout), self.cut)
    }

    /// What the current test wrote to stdout so far (up to the limit).
    pub fn stdout(&self) -> &str {
        &self.stdout
    }

    /// Records output. Past the limit it is dropped, once with an [`Event::OutputCut`].
    pub fn write(&mut self, stream: Stream, text: &str) {
        if text.is_empty() {
            return;
        }
        let Some(index) = self.test else {
            return; // Output outside a test (there is none by design) is not shown.
        };
        if self.cut {
            return;
        }
        let room = OUTPUT_LIMIT_BYTES as usize - self.written;
        let text = if text.len() > room {
            let mut end = room;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            self.cut = true;
            &text[..end]
        } else {
            text
        };
        self.written += text.len();
        if stream == Stream::Stdout {
            self.stdout.push_str(text);
        }
        match self.pending.last_mut() {
            Some((s, t)) if *s == stream => t.push_str(text),
            _ => self.pending.push((stream, text.to_owned())),
        }
        self.pending_bytes += text.len();
        if self.cut {
            self.flush();
            self.sink.emit(Event::OutputCut { index });
        } else if self.pending_bytes >= FLUSH_BYTES
            || self
                .last_flush
                .is_none_or(|t| t.elapsed() >= FLUSH_INTERVAL)
            || matches!(stream, Stream::Prompt | Stream::Echo)
        {
            self.flush();
        }
    }

    /// Sends the output waiting in the batch if it has waited long enough:
    /// called while Python code loops or recurses without printing
    /// (`python::keep_output_flowing`),
    /// so output written just before a long silent stretch, such as an
    /// endless loop that runs out of time, still reaches the parent.
    pub fn flush_if_due(&mut self) {
        if !self.pending.is_empty()
            && self
                .last_flush
                .is_none_or(|t| t.elapsed() >= FLUSH_INTERVAL)
        {
            self.flush();
        }
    }

    /// Sends the output waiting in the batch.
    pub fn flush(&mut self) {
        self.last_flush = Some(Instant::now());
        self.pending_bytes = 0;
        let Some(index) = self.test else {
            self.pending.clear();
            return;
        };
        for (stream, text) in self.pending.drain(..) {
            self.sink.emit(Event::Output {
                index,
                stream,
                text,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    #[derive(Clone, Default)]
    struct Collect(Rc<RefCell<Vec<Event>>>);
    impl Sink for Collect {
        fn emit(&mut self, event: Event) {
            self.0.borrow_mut().push(event);
        }
    }

    #[test]
    fn output_is_cut_at_the_limit_and_says_so_once() {
        let events = Collect::default();
        let mut console = Console::new(Box::new(events.clone()));
        console.begin(0);
        let line = "x".repeat(1000);
        for _ in 0..2000 {
            console.write(Stream::Stdout, &line);
        }
        let (stdout, cut) = console.end();
        assert!(cut);
        assert_eq!(stdout.len(), OUTPUT_LIMIT_BYTES as usize);
        let events = events.0.borrow();
        let cuts = events
            .iter()
            .filter(|e| matches!(e, Event::OutputCut { .. }))
            .count();
        assert_eq!(cuts, 1);
        let shown: usize = events
            .iter()
            .map(|e| match e {
                Event::Output { text, .. } => text.len(),
                _ => 0,
            })
            .sum();
        assert_eq!(shown, OUTPUT_LIMIT_BYTES as usize);
    }

    #[test]
    fn the_first_write_goes_out_at_once_and_a_burst_is_batched() {
        let events = Collect::default();
        let mut console = Console::new(Box::new(events.clone()));
        console.begin(0);
        console.write(Stream::Stdout, "start\n");
        assert_eq!(
            events.0.borrow().len(),
            1,
            "shown before any long computation"
        );
        for _ in 0..100 {
            console.write(Stream::Stdout, "x\n");
        }
        assert!(events.0.borrow().len() < 10, "a burst is batched");
        console.end();
    }

    #[test]
    fn prompts_are_shown_but_not_judged() {
        let events = Collect::default();
        let mut console = Console::new(Box::new(events.clone()));
        console.begin(3);
        console.write(Stream::Prompt, "Name? ");
        console.write(Stream::Echo, "Ada\n");
        console.write(Stream::Stdout, "Hello, Ada\n");
        let (stdout, cut) = console.end();
        assert_eq!((stdout.as_str(), cut), ("Hello, Ada\n", false));
        let streams: Vec<Stream> = events
            .0
            .borrow()
            .iter()
            .filter_map(|e| match e {
                Event::Output {
                    index: 3, stream, ..
                } => Some(*stream),
                _ => None,
            })
            .collect();
        assert_eq!(streams, vec![Stream::Prompt, Stream::Echo, Stream::Stdout]);
    }
}
