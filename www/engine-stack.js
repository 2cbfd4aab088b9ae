// The engine stack the judge's interpreter recurses on, as the judge sees it:
// the `pyprep` imports of the judge's wasm module (src/judge/stack.rs has the
// other side). Used by the browser's judge worker and by the WASI test runner.
//
// RustPython recurses natively for every Python call, and wasm cannot see how
// much of the engine's stack is left. Where the engine has JavaScript Promise
// Integration (JSPI), the judge runs on stacks of its own and moves to a
// fresh one every so many levels (`run_on_new_stack`). Elsewhere it runs on
// the thread's stack, which JavaScript shares, so `stack_has_room` can
// measure it: it tries to take a fixed reserve of stack (a call with this
// many arguments needs room for all of them, 8 bytes each), and when that
// fails the judge raises a RecursionError in the candidate's code instead of
// overflowing. (Under JSPI the engine runs JavaScript on its main stack, so
// this measurement would not see the judge's stack.)

const RESERVE = new Array(8192).fill(0); // 64 KiB

function takesReserve() {
  return arguments.length;
}

/** Whether the reserve fits on the stack this is called on. */
export function reserveIsFree() {
  try {
    return takesReserve.apply(null, RESERVE) === RESERVE.length;
  } catch {
    return false;
  }
}

/** Whether this engine can run wasm on stacks of its own (JSPI). */
export const stackSwitching =
  typeof WebAssembly.promising === 'function' && typeof WebAssembly.Suspending === 'function';

/**
 * The judge's `pyprep` imports. `table()` returns the instance's exported
 * function table; `switching` says whether the instance runs under
 * `WebAssembly.promising` (only then can it move to a fresh stack).
 */
export function stackImports(table, switching) {
  let resume = null;
  return {
    stack_switching: () => (switching ? 1 : 0),
    stack_has_room: () => (reserveIsFree() ? 1 : 0),
    run_on_new_stack: switching
      ? new WebAssembly.Suspending(async (resumeIndex, body) => {
        resume ??= WebAssembly.promising(table().get(resumeIndex));
        await resume(body);
      })
      : () => {
        throw new Error('run_on_new_stack without stack switching');
      },
  };
}
