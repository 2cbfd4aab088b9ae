//! Records a step-through of one test (`crate::trace`).
//!
//! A trace function of the judge's, set from Rust, sees each call, line,
//! return and exception. Only frames of the candidate's own code are traced
//! (the function returns nothing for others, so their lines raise no
//! events) and recorded: the line, the candidate's calls on the stack, and
//! the innermost call's locals. Values are shown by [`peek`], which reads
//! objects the way the judge does and never runs their `__repr__`. After
//! [`MAX_STEPS`] steps the recorder notes the cut and stops tracing new calls.

use super::console::Console;
use super::watch::is_user_code;
use crate::trace::{MAX_LOCALS, MAX_REPR_CHARS, MAX_STEPS, StackFrame, Step, StepKind, Trace};
use rustpython_vm::builtins::{
    PyBaseException, PyDict, PyFrozenSet, PyFunction, PyList, PySet, PyStr, PyStrRef, PyTuple,
    PyType,
};
use rustpython_vm::frame::{Frame, FrameRef};
use rustpython_vm::{AsObject, Py, PyObject, PyObjectRef, PyResult, VirtualMachine};
use std::cell::RefCell;
use std::rc::Rc;

/// The recorder, installed as the interpreter's trace function.
pub struct Recorder {
    trace: Rc<RefCell<Trace>>,
    function: PyObjectRef,
}

impl Recorder {
    /// `calls_only`: record only inside functions, not the module's own
    /// lines (a function question's test is its call; a program's is the module).
    pub fn new(vm: &VirtualMachine, console: Rc<RefCell<Console>>, calls_only: bool) -> Self {
        let trace = Rc::new(RefCell::new(Trace::default()));
        let t = trace.clone();
        let function = vm
            .new_function(
                "judge_step_recorder",
                move |frame: FrameRef,
                      event: PyStrRef,
                      arg: PyObjectRef,
                      vm: &VirtualMachine|
                      -> PyResult<PyObjectRef> {
                    if !is_user_code(&frame) || (calls_only && is_module(&frame)) {
                        // Returning nothing from "call" leaves the frame untraced.
                        return Ok(vm.ctx.none());
                    }
                    let kind = match &*event.as_wtf8().to_string_lossy() {
                        "call" => StepKind::Call,
                        "line" => StepKind::Line,
                        "return" => StepKind::Return,
                        "exception" => StepKind::Exception,
                        _ => return Ok(vm.ctx.true_value.clone().into()),
                    };
                    if kind == StepKind::Exception && is_loop_machinery(vm, &arg) {
                        return Ok(vm.ctx.true_value.clone().into());
                    }
                    let mut trace = t.borrow_mut();
                    if trace.steps.len() >= MAX_STEPS {
                        trace.truncated = true;
                        // No new frames are traced once the record is full.
                        return Ok(if kind == StepKind::Call {
                            vm.ctx.none()
                        } else {
                            vm.ctx.true_value.clone().into()
                        });
                    }
                    let value = match kind {
                        StepKind::Exception => Some(exception(vm, &frame, &arg)),
                        _ => None,
                    };
                    let printed = console.try_borrow().map_or(0, |c| c.stdout().len());
                    trace.steps.push(Step {
                        kind,
                        line: frame.f_lineno() as u32,
                        stack: stack(vm, calls_only),
                        locals: locals(vm, &frame),
                        value,
                        printed,
                    });
                    Ok(vm.ctx.true_value.clone().into())
                },
            )
            .into();
        Recorder { trace, function }
    }

    /// Runs `body` with the recorder as the trace function.
    pub fn record<R>(&self, vm: &VirtualMachine, body: impl FnOnce() -> R) -> R {
        let previous = vm.trace_func.replace(self.function.clone());
        let previous_use = vm.use_tracing.replace(true);
        let out = body();
        vm.trace_func.replace(previous);
        vm.use_tracing
            .set(previous_use || !vm.is_none(&vm.profile_func.borrow()));
        out
    }

    pub fn into_trace(self) -> Trace {
        self.trace.take()
    }
}

fn is_module(frame: &Py<Frame>) -> bool {
    frame.code.obj_name.as_wtf8().to_string_lossy() == "<module>"
}

/// The candidate's calls on the stack, outermost first.
fn stack(vm: &VirtualMachine, calls_only: bool) -> Vec<StackFrame> {
    let frames = vm.frames.borrow();
    frames
        .iter()
        // SAFETY: frames on the VM's stack are alive while they are on it,
        // and the stack cannot change while the trace function runs on top.
        .map(|f| unsafe { f.as_ref() })
        .filter(|f| is_user_code(f) && !(calls_only && is_module(f)))
        .map(|f| StackFrame {
            function: f.code.obj_name.as_wtf8().to_string_lossy().into_owned(),
            line: f.f_lineno() as u32,
        })
        .collect()
}

/// The frame's local variables, in the order Python keeps them; names of
/// the module's own machinery (`__name__`, ...) left out.
fn locals(vm: &VirtualMachine, frame: &Py<Frame>) -> Vec<(String, String)> {
    let Ok(mapping) = frame.locals(vm) else {
        return vec![];
    };
    let Some(dict) = mapping.obj().downcast_ref::<PyDict>() else {
        return vec![];
    };
    dict.items_vec()
        .into_iter()
        .filter_map(|(k, v)| {
            let name = k
                .downcast_ref::<PyStr>()?
                .as_wtf8()
                .to_string_lossy()
                .into_owned();
            (!name.starts_with("__")).then(|| (name, peek(vm, frame, &v)))
        })
        .take(MAX_LOCALS)
        .collect()
}

/// `StopIteration` ends every loop over an iterator: not worth a step.
fn is_loop_machinery(vm: &VirtualMachine, arg: &PyObject) -> bool {
    arg.downcast_ref::<PyTuple>()
        .and_then(|t| t.as_slice().get(1).cloned())
        .is_some_and(|e| {
            e.fast_isinstance(vm.ctx.exceptions.stop_iteration)
                || e.fast_isinstance(vm.ctx.exceptions.stop_async_iteration)
        })
}

/// "ValueError('no')": the exception's type and arguments.
fn exception(vm: &VirtualMachine, frame: &Py<Frame>, arg: &PyObject) -> String {
    let exc = arg
        .downcast_ref::<PyTuple>()
        .and_then(|t| t.as_slice().get(1).cloned());
    match exc {
        Some(e) if e.downcast_ref::<PyBaseException>().is_some() => {
            let name = e.class().name().to_string();
            let args = e
                .downcast_ref::<PyBaseException>()
                .map(|b| b.args())
                .map(|a| peek(vm, frame, a.as_object()))
                .unwrap_or_default();
            crate::trace::clip(&format!("{name}{args}"))
        }
        _ => "an exception".into(),
    }
}

/// A short repr of `obj` as the judge reads it: containers item by item up
/// to [`MAX_REPR_CHARS`], the challenge's linked lists as `1 → 2`, other
/// objects by their type only. No Python code runs.
pub fn peek(vm: &VirtualMachine, frame: &Py<Frame>, obj: &PyObject) -> String {
    let list_node = frame
        .globals
        .get_item_opt("ListNode", vm)
        .ok()
        .flatten()
        .filter(|c| c.downcast_ref::<PyType>().is_some());
    let mut out = String::new();
    Peeker {
        vm,
        list_node: list_node.as_ref(),
        out: &mut out,
    }
    .write(obj, 0);
    crate::trace::clip(&out)
}

struct Peeker<'a> {
    vm: &'a VirtualMachine,
    list_node: Option<&'a PyObjectRef>,
    out: &'a mut String,
}

impl Peeker<'_> {
    fn full(&self) -> bool {
        self.out.chars().count() > MAX_REPR_CHARS
    }

    fn write(&mut self, obj: &PyObject, depth: usize) {
        if self.full() {
            return;
        }
        let vm = self.vm;
        let types = &vm.ctx.types;
        let class = obj.class();
        let container = [
            types.list_type,
            types.tuple_type,
            types.dict_type,
            types.set_type,
            types.frozenset_type,
        ]
        .iter()
        .any(|t| class.is(*t));
        if container {
            // Deeper containers are elided: reading them whole would cost
            // every step the size of the value.
            if depth < 6 {
                self.container(obj, depth);
            } else {
                self.out.push('…');
            }
            return;
        }
        if self.list_node.is_some_and(|c| class.is(c)) {
            return self.linked(obj, depth);
        }
        if obj.downcast_ref::<PyFunction>().is_some() {
            // A function's own attribute, read by the interpreter: no candidate code runs.
            let name = obj
                .get_attr("__qualname__", vm)
                .ok()
                .and_then(|n| {
                    n.downcast_ref::<PyStr>()
                        .map(|s| s.as_wtf8().to_string_lossy().into_owned())
                })
                .unwrap_or_default();
            self.out.push_str(&format!("<function {name}>"));
            return;
        }
        if let Some(t) = obj.downcast_ref::<PyType>() {
            self.out.push_str(&format!("<class {}>", t.name()));
            return;
        }
        match super::extract::read(vm, obj) {
            crate::value::Value::Opaque { type_name } => {
                self.out.push_str(&format!("<{type_name} object>"))
            }
            // Scalars and other objects only reach here: reading them is one step.
            value => self.out.push_str(&value.repr()),
        }
    }

    fn container(&mut self, obj: &PyObject, depth: usize) {
        let (open, close, items): (&str, &str, Vec<PyObjectRef>) =
            if let Some(l) = obj.downcast_ref::<PyList>() {
                (
                    "[",
                    "]",
                    l.borrow_vec()
                        .iter()
                        .take(MAX_REPR_CHARS)
                        .cloned()
                        .collect(),
                )
            } else if let Some(t) = obj.downcast_ref::<PyTuple>() {
                (
                    "(",
                    ")",
                    t.as_slice().iter().take(MAX_REPR_CHARS).cloned().collect(),
                )
            } else if let Some(d) = obj.downcast_ref::<PyDict>() {
                self.out.push('{');
                for (i, (k, v)) in d.items_vec().into_iter().enumerate() {
                    if self.full() {
                        self.out.push('…');
                        return;
                    }
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.write(&k, depth + 1);
                    self.out.push_str(": ");
                    self.write(&v, depth + 1);
                }
                self.out.push('}');
                return;
            } else if let Some(s) = obj.downcast_ref::<PySet>() {
                ("{", "}", s.elements())
            } else if let Some(s) = obj.downcast_ref::<PyFrozenSet>() {
                ("frozenset({", "})", s.elements())
            } else {
                return;
            };
        if items.is_empty() {
            let empty = match open {
                "{" => "set()",
                "frozenset({" => "frozenset()",
                _ => "",
            };
            if empty.is_empty() {
                self.out.push_str(open);
                self.out.push_str(close);
            } else {
                self.out.push_str(empty);
            }
            return;
        }
        self.out.push_str(open);
        let single = items.len() == 1 && open == "(";
        for (i, item) in items.iter().enumerate() {
            if self.full() {
                self.out.push('…');
                return;
            }
            if i > 0 {
                self.out.push_str(", ");
            }
            self.write(item, depth + 1);
        }
        if single {
            self.out.push(',');
        }
        self.out.push_str(close);
    }

    /// `1 → 2 → 4`: a chain of the challenge's `ListNode`, read from exact dicts.
    fn linked(&mut self, head: &PyObject, depth: usize) {
        let vm = self.vm;
        let mut node: PyObjectRef = head.to_owned();
        let mut first = true;
        for _ in 0..MAX_REPR_CHARS {
            if vm.is_none(&node) {
                return;
            }
            let Some(dict) = node.dict().filter(|d| d.class().is(vm.ctx.types.dict_type)) else {
                self.out.push_str("<ListNode>");
                return;
            };
            let (Some(val), Some(next)) = (
                super::extract::dict_get(vm, &dict, "val"),
                super::extract::dict_get(vm, &dict, "next"),
            ) else {
                self.out.push_str("<ListNode>");
                return;
            };
            if !first {
                self.out.push_str(" → ");
            }
            first = false;
            self.write(&val, depth + 1);
            if self.full() {
                self.out.push_str(" → …");
                return;
            }
            if !self.list_node.is_some_and(|c| next.class().is(c)) && !vm.is_none(&next) {
                self.out.push_str(" → ?");
                return;
            }
            node = next;
        }
        self.out.push_str(" → …");
    }
}
