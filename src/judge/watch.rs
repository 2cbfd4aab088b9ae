//! The question's rules, enforced while the code runs.
//!
//! `rules` reads the syntax tree, as an interviewer reads code: it gives the
//! first, friendlier message, but it sees names, not what they refer to, so
//! `getattr(obj, "sh" + "uffle")` or a self-call that never runs gets past it.
//! [`Watch`] checks the same rules on what happens:
//!
//! - **Imports.** `builtins.__import__` is replaced by a function of the
//!   judge's that refuses a forbidden module (and its submodules) with
//!   `ImportError` when the candidate's code imports it. The standard
//!   library may still use the module internally.
//! - **Calls.** A call watch (the vendored interpreter's `call_watch`, set
//!   from Rust, out of Python's reach: `sys.setprofile` neither sees nor
//!   removes it) sees every Python-level call: a call from the candidate's
//!   code straight into a function of a forbidden module breaks the rule
//!   however the code reached it (`importlib`, `sys.modules`, an attribute
//!   of another module), and a function that must be recursive has to be
//!   seen on the stack inside itself at least once. Unlike a profile
//!   function, it leaves the interpreter's fast paths on, so a question with
//!   rules runs as fast as one without.
//! - **Tampering.** If the code puts back another `__import__`, that alone
//!   breaks the rules: its imports are no longer watched.
//!
//! What it does not see: builtin (Rust) functions of a forbidden module
//! (`heapq.heappush` is one) reached without an import statement; those run
//! no Python frame. The syntax-tree rules still see the names.

use super::python::USER_FILE;
use crate::challenge::Rules;
use crate::report::RuleViolation;
use rustpython_vm::builtins::{PyDictRef, PyStr};
use rustpython_vm::frame::Frame;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::{AsObject, Py, PyObjectRef, PyResult, VirtualMachine};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

/// How far up the stack a call looks for an outer call of the same function.
const RECURSION_LOOKBACK: usize = 64;

#[derive(Default)]
struct Seen {
    /// Functions that must recurse and were called.
    called: BTreeSet<String>,
    /// Functions that must recurse and were seen inside themselves.
    recursed: BTreeSet<String>,
    violations: Vec<RuleViolation>,
}

/// The run-time side of a question's rules; see the module docs.
pub struct Watch {
    seen: Rc<RefCell<Seen>>,
    /// The judge's `__import__`, when modules are forbidden.
    import: Option<PyObjectRef>,
    recursive: Vec<String>,
}

fn is_forbidden(forbidden: &[String], module: &str) -> bool {
    forbidden.iter().any(|f| {
        module == f
            || module
                .strip_prefix(f.as_str())
                .is_some_and(|rest| rest.starts_with('.'))
    })
}

fn refusal(vm: &VirtualMachine, module: &str) -> rustpython_vm::builtins::PyBaseExceptionRef {
    vm.new_import_error(
        format!("{module} is not allowed in this question"),
        vm.ctx.new_str(module),
    )
}

/// The string a frame's globals hold under `key`, read without running Python.
fn global_str(vm: &VirtualMachine, globals: &PyDictRef, key: &str) -> Option<String> {
    let value = globals.get_item_opt(key, vm).ok().flatten()?;
    value
        .downcast_ref::<PyStr>()
        .filter(|_| value.class().is(vm.ctx.types.str_type))
        .map(|s| s.as_wtf8().to_string_lossy().into_owned())
}

pub(super) fn is_user_code(frame: &rustpython_vm::Py<rustpython_vm::frame::Frame>) -> bool {
    frame.code.source_path().as_wtf8().to_string_lossy() == USER_FILE
}

impl Watch {
    /// Installs the watch for `rules` in `vm`; `None` when the rules need no
    /// watching. Call before the harness takes its copy of the builtins, so
    /// that the judge's `__import__` is what each test starts with.
    ///
    /// Fails only if the interpreter has no `__import__`.
    pub fn install(vm: &VirtualMachine, rules: &Rules) -> PyResult<Option<Watch>> {
        if rules.forbid_imports.is_empty() && rules.recursive.is_empty() {
            return Ok(None);
        }
        let seen = Rc::new(RefCell::new(Seen::default()));
        let forbidden = rules.forbid_imports.clone();
        let mut import = None;
        if !forbidden.is_empty() {
            let original = vm.builtins.get_attr("__import__", vm)?;
            let refused = forbidden.clone();
            let hook = vm.new_function("__import__", move |args: FuncArgs, vm: &VirtualMachine| {
                let from_candidate = vm.current_frame().is_some_and(|f| is_user_code(&f));
                if from_candidate
                    && let Some(name) = args.args.first().and_then(|n| n.downcast_ref::<PyStr>())
                {
                    let name = name.as_wtf8().to_string_lossy().into_owned();
                    if is_forbidden(&refused, &name) {
                        return Err(refusal(vm, &name));
                    }
                }
                original.call(args, vm)
            });
            let hook: PyObjectRef = hook.into();
            vm.builtins.set_attr("__import__", hook.clone(), vm)?;
            import = Some(hook);
        }

        let recursive = rules.recursive.clone();
        let s = seen.clone();
        let on_each_call = move |vm: &VirtualMachine, frame: &Py<Frame>| {
            on_call(vm, frame, &forbidden, &recursive, &s)
        };
        vm.call_watch.replace(Some(Rc::new(on_each_call)));
        Ok(Some(Watch {
            seen,
            import,
            recursive: rules.recursive.clone(),
        }))
    }

    /// Rules broken so far, including by putting back another `__import__`. Call after each test.
    pub fn broken(&self, vm: &VirtualMachine) -> Vec<RuleViolation> {
        let mut out = std::mem::take(&mut self.seen.borrow_mut().violations);
        if let Some(import) = &self.import {
            let current = vm.builtins.get_attr("__import__", vm).ok();
            if !current.is_some_and(|f| f.is(import)) {
                out.push(RuleViolation {
                    line: 1,
                    message: "the code replaced __import__: its imports can no longer be checked"
                        .into(),
                });
            }
        }
        out
    }

    /// Functions that must recurse, were called, and never were seen inside
    /// themselves. Call once every test has run.
    pub fn never_recursed(&self) -> Vec<RuleViolation> {
        let seen = self.seen.borrow();
        self.recursive
            .iter()
            .filter(|name| seen.called.contains(*name) && !seen.recursed.contains(*name))
            .map(|name| RuleViolation {
                line: 1,
                message: format!(
                    "{name} must be recursive: it ran on every test without calling itself"
                ),
            })
            .collect()
    }
}

/// A Python-level call is starting: `frame` is the callee, on top of the stack.
fn on_call(
    vm: &VirtualMachine,
    frame: &Py<Frame>,
    forbidden: &[String],
    recursive: &[String],
    seen: &Rc<RefCell<Seen>>,
) {
    let frames = vm.frames.borrow();
    // SAFETY: frames on the VM's stack are alive while they are on it, and
    // the stack cannot change while this hook runs on top of it.
    let below = |n: usize| {
        frames
            .len()
            .checked_sub(n + 1)
            .map(|i| unsafe { frames[i].as_ref() })
    };
    let caller = below(1);
    if !forbidden.is_empty()
        && caller.is_some_and(is_user_code)
        && let Some(module) = global_str(vm, &frame.globals, "__name__")
        && is_forbidden(forbidden, &module)
    {
        let line = caller.map_or(1, |c| c.f_lineno() as u32);
        seen.borrow_mut().violations.push(RuleViolation {
            line,
            message: format!(
                "{module} is not allowed in this question, and the code called into it"
            ),
        });
    }
    if !recursive.is_empty() && is_user_code(frame) {
        let name = frame.code.obj_name.as_wtf8().to_string_lossy().into_owned();
        if recursive.contains(&name) {
            let inside_itself = (1..=RECURSION_LOOKBACK)
                .map_while(below)
                .any(|f| f.code.is(&frame.code));
            let mut s = seen.borrow_mut();
            s.called.insert(name.clone());
            if inside_itself {
                s.recursed.insert(name);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_forbidden;

    #[test]
    fn submodules_of_a_forbidden_module_are_forbidden_too() {
        let f = vec!["os".to_owned(), "re".to_owned()];
        assert!(is_forbidden(&f, "os"));
        assert!(is_forbidden(&f, "os.path"));
        assert!(!is_forbidden(&f, "ossaudiodev"));
        assert!(!is_forbidden(&f, "random"));
        assert!(is_forbidden(&f, "re"));
    }
}
