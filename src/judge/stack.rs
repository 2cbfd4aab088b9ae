//! Keeps deep recursion off the edge of the browser engine's stack.
//!
//! RustPython recurses on the native stack for every Python call. Natively
//! the sandbox gives it a thread with a stack far deeper than the recursion
//! limit needs. In the browser that stack is the wasm engine's: its size is
//! the engine's choice, it shrinks per call as the engine optimises the
//! interpreter, the judge cannot see it, and running off its end kills the
//! whole instance with no Python traceback.
//!
//! So the VM asks before recursing (`rustpython_vm::vm::NativeStackGuard`,
//! from the patched VM in `vendor/rustpython-vm`), and [`StackWatch`]
//! answers: where the engine has JavaScript Promise Integration, go on on a
//! fresh stack every so many levels; elsewhere the worker measures the room
//! left when needed, and when the stack is nearly full a `RecursionError` is
//! raised in the candidate's code, naming their function, instead of a crash.
//!
//! [`StackWatch`] is plain bookkeeping and is tested natively; only the glue
//! to the worker's imports is WASI-only.

use rustpython_vm::vm::NativeStack;

/// Why recursion stopped short of the recursion limit in the browser.
pub const EXHAUSTED: NativeStack = NativeStack::Exhausted("the browser's stack is full");

/// Decides when the interpreter needs a fresh stack or must stop recursing,
/// for the stack it runs on and every fresh stack it moved to.
///
/// With stack switching, a fresh stack is taken every
/// [`StackWatch::LEVELS_PER_STACK`] levels: the engine runs the worker's
/// JavaScript on a stack of its own then, so the room left on the
/// interpreter's stack cannot be measured, and that many levels fit on one
/// with a wide margin.
///
/// Without it, the room is measured: a measurement checks that a reserve
/// (well over [`StackWatch::PROBE_EVERY`] levels of recursion) is free. After
/// one succeeds, the next [`StackWatch::PROBE_EVERY`] levels below it need
/// none; after unwinding, the point unwound to is known to be safe too, so
/// measuring resumes below it. Once the stack is found nearly full at some
/// depth, recursion past that depth never happens again.
#[derive(Debug)]
pub struct StackWatch {
    switching: bool,
    /// One entry per stack in use, innermost last.
    segments: Vec<Segment>,
    /// Depth of the last `NewStack` answer, for [`StackWatch::entered_new_stack`].
    switch_at: usize,
}

#[derive(Debug)]
struct Segment {
    /// Depth at which the interpreter moved to this stack.
    base: usize,
    /// Depth from which recursion is known to fit without measuring.
    anchor: usize,
    /// Depth at which this stack was found nearly full.
    low: Option<usize>,
}

impl StackWatch {
    /// Levels of recursion per stack when the engine can switch stacks. The
    /// engine's stacks hold about 900 levels of plain Python recursion here
    /// (`node bench/recursion.mjs` before stack switching), fewer when
    /// builtins call back into Python at each level.
    pub const LEVELS_PER_STACK: usize = 100;
    /// Levels that always fit on the stack the interpreter starts on.
    pub const FIRST_PROBE: usize = 32;
    /// Levels between measurements while recursing deeper.
    pub const PROBE_EVERY: usize = 8;

    /// `switching`: whether the engine can run the interpreter on fresh stacks.
    pub fn new(switching: bool) -> Self {
        StackWatch {
            switching,
            segments: vec![Segment {
                base: 0,
                anchor: 0,
                low: None,
            }],
            switch_at: 0,
        }
    }

    /// How recursion from `depth` to `depth + 1` goes on. Without stack
    /// switching, `has_room` measures the engine's stack (it is costly, so it
    /// is called only when needed).
    pub fn check(&mut self, depth: usize, has_room: impl FnOnce() -> bool) -> NativeStack {
        let segment = self.segments.last_mut().expect("there is always a stack");
        if self.switching {
            if depth >= segment.base + Self::LEVELS_PER_STACK {
                self.switch_at = depth;
                return NativeStack::NewStack;
            }
            return NativeStack::Enough;
        }
        match segment.low {
            _ if depth < Self::FIRST_PROBE => NativeStack::Enough,
            Some(low) if depth >= low => EXHAUSTED,
            _ if depth < segment.anchor => {
                segment.anchor = depth;
                NativeStack::Enough
            }
            _ if depth < segment.anchor + Self::PROBE_EVERY => NativeStack::Enough,
            _ => {
                segment.anchor = depth;
                if has_room() {
                    NativeStack::Enough
                } else {
                    segment.low = Some(depth);
                    EXHAUSTED
                }
            }
        }
    }

    /// The interpreter moved to a fresh stack after a `NewStack` answer.
    pub fn entered_new_stack(&mut self) {
        self.segments.push(Segment {
            base: self.switch_at,
            anchor: self.switch_at,
            low: None,
        });
    }

    /// The body that ran on the innermost fresh stack returned.
    pub fn left_new_stack(&mut self) {
        if self.segments.len() > 1 {
            self.segments.pop();
        }
    }

    /// How many stacks are in use (1 when the interpreter never moved).
    pub fn stacks(&self) -> usize {
        self.segments.len()
    }
}

/// The guard the browser's judge installs on its interpreter.
#[cfg(target_os = "wasi")]
pub fn guard() -> &'static rustpython_vm::vm::NativeStackGuard {
    &browser::GUARD
}

/// The glue to the judge worker's `pyprep` imports (see `www/engine-stack.js`).
#[cfg(target_os = "wasi")]
mod browser {
    use super::StackWatch;
    use rustpython_vm::vm::{NativeStack, NativeStackGuard};
    use std::cell::RefCell;

    #[link(wasm_import_module = "pyprep")]
    unsafe extern "C" {
        /// 1 when the interpreter runs on an engine stack of its own and
        /// `run_on_new_stack` works, 0 when not.
        fn stack_switching() -> i32;
        /// Without stack switching: 1 when a reserve of stack is free, 0 when not.
        fn stack_has_room() -> i32;
        /// Calls `resume(body)` on a fresh engine stack and returns when it returns.
        fn run_on_new_stack(resume: extern "C" fn(*mut u8), body: *mut u8);
    }

    thread_local! {
        static WATCH: RefCell<StackWatch> =
            RefCell::new(StackWatch::new(unsafe { stack_switching() } != 0));
    }

    pub(super) static GUARD: NativeStackGuard = NativeStackGuard {
        check,
        run_on_new_stack: on_new_stack,
    };

    fn check(depth: usize) -> NativeStack {
        WATCH.with_borrow_mut(|watch| watch.check(depth, || unsafe { stack_has_room() } != 0))
    }

    extern "C" fn resume(body: *mut u8) {
        // SAFETY: `body` is the `&mut &mut dyn FnMut()` that `on_new_stack`
        // passed, alive until `run_on_new_stack` returns.
        let body = unsafe { &mut *(body as *mut &mut dyn FnMut()) };
        body();
    }

    fn on_new_stack(mut body: &mut dyn FnMut()) {
        WATCH.with_borrow_mut(StackWatch::entered_new_stack);
        let body_ptr = &mut body as *mut &mut dyn FnMut() as *mut u8;
        // SAFETY: the worker calls `resume(body_ptr)` before returning.
        unsafe { run_on_new_stack(resume, body_ptr) };
        WATCH.with_borrow_mut(StackWatch::left_new_stack);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Recurses from `from` to `to`, answering measurements with `room`;
    /// returns the depths measured and the first answer that was not `Enough`.
    fn descend(
        watch: &mut StackWatch,
        from: usize,
        to: usize,
        room: impl Fn(usize) -> bool,
    ) -> (Vec<usize>, Option<(usize, NativeStack)>) {
        let mut measured = Vec::new();
        for depth in from..to {
            let answer = watch.check(depth, || {
                measured.push(depth);
                room(depth)
            });
            if answer != NativeStack::Enough {
                return (measured, Some((depth, answer)));
            }
        }
        (measured, None)
    }

    #[test]
    fn shallow_recursion_is_never_measured() {
        let mut watch = StackWatch::new(false);
        let (measured, stop) = descend(&mut watch, 0, StackWatch::FIRST_PROBE, |_| false);
        assert!(measured.is_empty());
        assert_eq!(stop, None);
    }

    #[test]
    fn deep_recursion_is_measured_every_few_levels() {
        let mut watch = StackWatch::new(false);
        let (measured, stop) = descend(&mut watch, 0, 100, |_| true);
        assert_eq!(stop, None);
        assert_eq!(measured, vec![32, 40, 48, 56, 64, 72, 80, 88, 96]);
    }

    #[test]
    fn a_full_stack_stops_recursion_there_for_good() {
        let mut watch = StackWatch::new(false);
        let (_, stop) = descend(&mut watch, 0, 1000, |depth| depth < 600);
        assert_eq!(stop, Some((600, EXHAUSTED)));
        // Unwinding a little and recursing again stops at the same depth,
        // even if a measurement above it finds room.
        let (measured, stop) = descend(&mut watch, 590, 1000, |_| true);
        assert_eq!(stop, Some((600, EXHAUSTED)));
        assert_eq!(measured, vec![598]);
    }

    #[test]
    fn unwinding_moves_the_next_measurement_up() {
        let mut watch = StackWatch::new(false);
        descend(&mut watch, 0, 80, |_| true);
        // Back up to depth 50 (a call made from there), then down again.
        let (measured, _) = descend(&mut watch, 50, 70, |_| true);
        assert_eq!(measured, vec![58, 66]);
    }

    #[test]
    fn with_stack_switching_each_stack_holds_a_fixed_number_of_levels() {
        let per = StackWatch::LEVELS_PER_STACK;
        let mut watch = StackWatch::new(true);
        let (measured, stop) = descend(&mut watch, 0, 10 * per, |_| false);
        assert_eq!(stop, Some((per, NativeStack::NewStack)));
        assert!(measured.is_empty(), "nothing to measure");
        watch.entered_new_stack();
        let (_, stop) = descend(&mut watch, per + 1, 10 * per, |_| false);
        assert_eq!(stop, Some((2 * per, NativeStack::NewStack)));
        watch.entered_new_stack();
        assert_eq!(watch.stacks(), 3);
        watch.left_new_stack();
        watch.left_new_stack();
        assert_eq!(watch.stacks(), 1);
        // Back on the first stack: every call past its share moves again.
        let (_, stop) = descend(&mut watch, per - 5, 10 * per, |_| false);
        assert_eq!(stop, Some((per, NativeStack::NewStack)));
    }
}
