//! Measures how an accepted answer's work grows with its input.
//!
//! Before the tests of a Submit, for a question with a `[growth]` table (the
//! report keeps the result for an accepted answer or a time limit), the
//! answer's function is called on inputs the question makes
//! (`make(n, rng)`, seeded, run untraced) at sizes n, 2n, 4n and 8n. A trace
//! function of the judge's, set from Rust, turns on per-instruction events
//! in every frame the call enters and counts them: the count of bytecode
//! instructions executed, identical on every machine and every run.
//! `crate::growth::fit` names the order.
//!
//! The measurement only adds a note; it never decides a verdict. It is bounded
//! by [`STEP_LIMIT`] instructions and [`TIME_LIMIT`] of wall time; past
//! either it stops the call by raising from the trace function and reports
//! what it has. Output printed during it is not shown.

use super::Run;
use super::python;
use crate::challenge::{GrowthSpec, TestKind};
use crate::growth::{Growth, Sample, fit};
use crate::value::Call;
use rustpython_vm::builtins::PyStrRef;
use rustpython_vm::compiler::Mode as CompileMode;
use rustpython_vm::frame::FrameRef;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};
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

    let counter = Counter::new();
    let tracer = counter.tracer(vm);
    for k in 0..SIZES {
        let n = spec.start << k;
        let rng = random_class.call((n,), vm).map_err(failed)?;
        let args = make
            .call((n, rng), vm)
            .and_then(|a| a.try_into_value::<Vec<PyObjectRef>>(vm))
            .map_err(|e| format!("make({n}) failed: {}", failed(e)))?;
        let before = counter.steps.get();
        counter.halted.set(false);
        let previous_trace = vm.trace_func.replace(tracer.clone());
        let previous_use = vm.use_tracing.replace(true);
        let result = target.call(FuncArgs::from(args), vm);
        vm.trace_func.replace(previous_trace);
        vm.use_tracing.set(previous_use);
        if let Some(why) = counter.stopped.take() {
            return Err(why);
        }
        if let Err(e) = result {
            return Err(format!("the call at size {n} raised {}", failed(e)));
        }
        out.push(Sample {
            n,
            steps: counter.steps.get() - before,
        });
    }
    Ok(())
}

/// Counts instructions across calls and stops a call past the limits.
struct Counter {
    steps: Rc<Cell<u64>>,
    /// Why the measurement stopped, once it has.
    stopped: Rc<Cell<Option<String>>>,
    /// Set once a limit is passed: every later instruction raises again,
    /// until the call has unwound.
    halted: Rc<Cell<bool>>,
    started: Instant,
}

impl Counter {
    fn new() -> Self {
        Counter {
            steps: Rc::new(Cell::new(0)),
            stopped: Rc::new(Cell::new(None)),
            halted: Rc::new(Cell::new(false)),
            started: Instant::now(),
        }
    }

    /// The trace function: on `call` it turns on per-instruction events in
    /// the new frame; on `opcode` it counts.
    fn tracer(&self, vm: &VirtualMachine) -> PyObjectRef {
        let steps = self.steps.clone();
        let stopped = self.stopped.clone();
        let halted = self.halted.clone();
        let started = self.started;
        vm.new_function(
            "judge_growth",
            move |frame: FrameRef,
                  event: PyStrRef,
                  _arg: PyObjectRef,
                  vm: &VirtualMachine|
                  -> PyResult<bool> {
                match &*event.as_wtf8().to_string_lossy() {
                    "opcode" => {
                        let n = steps.get() + 1;
                        steps.set(n);
                        let why = if halted.get() {
                            Some(String::new())
                        } else if n > STEP_LIMIT {
                            Some(format!(
                                "it ran over {STEP_LIMIT} instructions, so the larger sizes were not measured"
                            ))
                        } else if n.is_multiple_of(4096) && started.elapsed() > TIME_LIMIT {
                            Some("it took too long, so the larger sizes were not measured".into())
                        } else {
                            None
                        };
                        if let Some(why) = why {
                            if !halted.replace(true) {
                                stopped.set(Some(why));
                            }
                            return Err(vm.new_exception_msg(
                                vm.ctx.exceptions.base_exception_type.to_owned(),
                                "growth measurement stopped".into(),
                            ));
                        }
                    }
                    "call" => *frame.trace_opcodes.lock() = true,
                    _ => {}
                }
                Ok(true)
            },
        )
        .into()
    }
}
