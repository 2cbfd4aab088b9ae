//! Measures how an accepted answer's work grows with its input.
//!
//! Before the tests of a Submit, for a question with a `[growth]` table (the
//! report keeps the result for an accepted answer or a time limit), the
//! answer's function is called on inputs the question makes
//! (`make(n, rng)`, seeded, run uncounted) at sizes n, 2n, 4n and 8n. The
//! interpreter counts the bytecode instructions each call executes, in every
//! frame it enters (`VirtualMachine::count_steps`, in the vendored
//! interpreter, out of Python's reach): a count identical on every machine
//! and every run.
//! `crate::growth::fit` names the order.
//!
//! The measurement only adds a note; it never decides a verdict. It is bounded
//! by [`STEP_LIMIT`] instructions and [`TIME_LIMIT`] of wall time; past
//! either it stops the call by raising from the counted instruction and
//! reports what it has. Output printed during it is not shown.

use super::Run;
use super::python;
use crate::challenge::{GrowthSpec, TestKind};
use crate::growth::{Growth, Sample, fit};
use crate::value::Call;
use rustpython_vm::compiler::Mode as CompileMode;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::vm::StepHook;
use rustpython_vm::{PyObjectRef, VirtualMachine};
use std::cell::Cell;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// Instructions counted over all sizes before the measurement stops.
pub const STEP_LIMIT: u64 = 4_000_000;
/// Wall time the measurement may take, whatever the machine.
pub const TIME_LIMIT: Duration = Duration::from_secs(3);
/// How many sizes are measured: n, 2n, 4n, 8n.
pub const SIZES: u32 = 4;

/// The function a question's call tests call.
pub fn function_name(run: &Run) -> Option<String> {
    run.challenge.tests.iter().find_map(|t| match &t.kind {
        TestKind::Call { text, .. } => Call::parse(text).ok().map(|c| c.function),
        _ => None,
    })
}

/// Measures the candidate's function; see the module docs.
pub fn measure(run: &Run, spec: &GrowthSpec, function: &str) -> Growth {
    let mut growth = Growth {
        function: function.to_owned(),
        expected: spec.expected,
        fitted: None,
        samples: vec![],
        stopped: None,
    };
    match samples(run, spec, function, &mut growth.samples) {
        Ok(()) => {}
        Err(why) => growth.stopped = Some(why),
    }
    growth.fitted = fit(&growth.samples);
    growth
}

fn samples(
    run: &Run,
    spec: &GrowthSpec,
    function: &str,
    out: &mut Vec<Sample>,
) -> Result<(), String> {
    let vm = run.vm;
    let failed = |e| python::py_error(vm, &e, "").summary();
    run.harness.reset(vm, "").map_err(failed)?;
    let helpers = run
        .helper_namespace()
        .map_err(|_| "the helpers did not load".to_owned())?;
    let (globals, ran) = run
        .exec_user("solution", helpers.as_ref(), &[])
        .map_err(|_| "the answer did not load".to_owned())?;
    if let super::Ran::Raised(e) = ran {
        return Err(format!("the answer raised {}", failed(e)));
    }
    let target = super::extract::dict_get(vm, &globals, function)
        .ok_or_else(|| format!("{function} is not defined"))?;

    let inputs = run
        .harness
        .module(vm, "growth", helpers.as_ref())
        .map_err(failed)?;
    let code = vm
        .compile(&spec.make, CompileMode::Exec, "growth.py".to_owned())
        .map_err(|e| format!("make() does not compile: {e}"))?;
    vm.run_code_obj(code, inputs.clone()).map_err(failed)?;
    let make = super::extract::dict_get(vm, &inputs.globals, "make")
        .ok_or_else(|| "growth.py defines no make()".to_owned())?;
    let random_class = vm
        .import("random", 0)
        .and_then(|m| m.get_attr("Random", vm))
        .map_err(failed)?;

    let started = Instant::now();
    let mut total = 0;
    for k in 0..SIZES {
        let n = spec.start << k;
        let rng = random_class.call((n,), vm).map_err(failed)?;
        let args = make
            .call((n, rng), vm)
            .and_then(|a| a.try_into_value::<Vec<PyObjectRef>>(vm))
            .map_err(|e| format!("make({n}) failed: {}", failed(e)))?;
        let stopped = Rc::new(Cell::new(None));
        let budget = STEP_LIMIT - total;
        // A trace function the call sets is its own, and ends with it.
        let trace = vm.trace_func.borrow().clone();
        let (result, steps) = vm.count_steps(
            stop_past_limits(stopped.clone(), started, budget),
            CHECK_EVERY.min(budget + 1),
            || target.call(FuncArgs::from(args), vm),
        );
        *vm.trace_func.borrow_mut() = trace;
        if let Some(why) = stopped.take() {
            return Err(why);
        }
        if let Err(e) = result {
            return Err(format!("the call at size {n} raised {}", failed(e)));
        }
        total += steps;
        out.push(Sample { n, steps });
    }
    Ok(())
}

/// How many instructions pass between looks at the clock.
const CHECK_EVERY: u64 = 4096;

/// The instruction count's hook: it stops the call (and notes why in
/// `stopped`) past `budget` instructions or [`TIME_LIMIT`] after `started`.
fn stop_past_limits(stopped: Rc<Cell<Option<String>>>, started: Instant, budget: u64) -> StepHook {
    Rc::new(move |vm: &VirtualMachine, n: u64| {
        let why = if n > budget {
            format!("it ran over {STEP_LIMIT} instructions, so the larger sizes were not measured")
        } else if started.elapsed() > TIME_LIMIT {
            "it took too long, so the larger sizes were not measured".to_owned()
        } else {
            return Ok((n + CHECK_EVERY).min(budget + 1));
        };
        let first = stopped.take();
        stopped.set(Some(first.unwrap_or(why)));
        Err(vm.new_exception_msg(
            vm.ctx.exceptions.base_exception_type.to_owned(),
            "growth measurement stopped".into(),
        ))
    })
}
