//! The sandbox's memory cap: a global allocator that counts live bytes.
//!
//! When the candidate's code would push the heap past the cap, the allocator
//! writes the prepared [`Event::MemoryLimit`](crate::protocol::Event) line to
//! stderr and aborts the process (natively) or traps (in WASI): the parent
//! sees the event, then the end, and reports a memory limit verdict instead of
//! a dead page or an OOM-killed machine. Nothing here allocates on that path.
//! The cap is off until [`arm`] is called, so test binaries and the CLI's
//! parent process are unaffected.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Write;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The heap a sandboxed run may use.
pub const LIMIT_BYTES: u64 = 512 * 1024 * 1024;

/// Counts live heap bytes and refuses to go past the armed cap.
pub struct CappedAllocator;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static CAP: AtomicUsize = AtomicUsize::new(usize::MAX);
static LIMIT_LINE: OnceLock<Vec<u8>> = OnceLock::new();

/// Turns the cap on; `line` is written to stderr when it is hit.
pub fn arm(line: String) {
    let _ = LIMIT_LINE.set(line.into_bytes());
    CAP.store(LIMIT_BYTES as usize, Ordering::SeqCst);
}

/// Heap bytes in use now.
pub fn live_bytes() -> usize {
    LIVE.load(Ordering::Relaxed)
}

#[cold]
fn over_limit() -> ! {
    if let Some(line) = LIMIT_LINE.get() {
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(line);
        let _ = err.flush();
    }
    std::process::abort()
}

fn reserve(size: usize) {
    let before = LIVE.fetch_add(size, Ordering::Relaxed);
    if before.saturating_add(size) > CAP.load(Ordering::Relaxed) {
        over_limit();
    }
}

// SAFETY: every method forwards to the system allocator with the same layout;
// the counters never affect what is allocated.
unsafe impl GlobalAlloc for CappedAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        reserve(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        reserve(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            reserve(new_size - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}
