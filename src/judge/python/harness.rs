//! The harness: the judged environment installed in an interpreter, and the
//! judge's handles on it.
//!
//! [`Harness::install`] swaps in what a judged run needs: `sys.stdout` and
//! `sys.stderr` that stream to the [`Console`] (and keep streaming while a
//! loop prints nothing more), an `input()` that shows its prompt without
//! judging it, a recursion limit the code may raise only up to
//! [`MAX_RECURSION_LIMIT`], and `unittest.main` made harmless (at once for
//! the unit-testing questions, otherwise when the code imports `unittest`).
//! It captures the builtin objects the judge relies on (exception types,
//! `io.StringIO`, `unittest` where it is judged) before any candidate code
//! runs, so patching them later changes nothing the judge looks at;
//! [`Harness::reset`] undoes what one test's code did before the next, and
//! [`Harness::module`] gives each run of the code a fresh module.

use super::{MAX_RECURSION_LIMIT, RECURSION_LIMIT, USER_FILE};
use crate::judge::console::Console;
use crate::judge::watch::Watch;
use crate::protocol::Stream;
use rustpython_vm::builtins::{PyDictRef, PyStrRef, PyTypeRef};
use rustpython_vm::compiler::Mode;
use rustpython_vm::function::OptionalArg;
use rustpython_vm::scope::Scope;
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    /// The console of the interpreter running on this thread, for [`flush_due_output`].
    static RUNNING_CONSOLE: RefCell<std::rc::Weak<RefCell<Console>>> = RefCell::default();
}

/// How many loop iterations and calls pass between two looks at the
/// console's batch: often enough to send it within milliseconds of being
/// due, rarely enough to cost nothing measurable.
const OUTPUT_CHECK_EVERY: u32 = 4096;

/// Has `vm` send `console`'s waiting output as soon as it is due even while
/// the code prints nothing more (an endless loop after a few prints would
/// otherwise take them with it when it runs out of time).
fn keep_output_flowing(vm: &VirtualMachine, console: &Rc<RefCell<Console>>) {
    RUNNING_CONSOLE.with(|c| *c.borrow_mut() = Rc::downgrade(console));
    vm.periodic.set(Some(rustpython_vm::vm::Periodic {
        hook: flush_due_output,
        every: OUTPUT_CHECK_EVERY,
    }));
}

fn flush_due_output(_vm: &VirtualMachine) {
    RUNNING_CONSOLE.with(|c| {
        // Busy means the console is writing right now, and will decide itself.
        if let Some(console) = c.borrow().upgrade()
            && let Ok(mut console) = console.try_borrow_mut()
        {
            console.flush_if_due();
        }
    });
}

/// Handles captured at start-up, before the candidate's code could patch anything.
pub struct Harness {
    pub console: Rc<RefCell<Console>>,
    /// The question's rules, watched while the code runs (`watch`).
    pub watch: Option<Watch>,
    /// How long the code has waited for the user to type a line (free runs).
    pub input_wait: Rc<std::cell::Cell<std::time::Duration>>,
    string_io: PyObjectRef,
    line_reader: PyObjectRef,
    /// `unittest`'s classes, for the unit-testing questions (which import it
    /// at install); other runs import it only if their code does.
    pub unittest: Option<Unittest>,
    builtins_dict: Vec<(PyObjectRef, PyObjectRef)>,
    exceptions: Vec<(String, PyTypeRef)>,
}

/// What the judge runs a unit-testing answer with, captured before its code runs.
pub struct Unittest {
    pub case: PyTypeRef,
    pub skip: PyTypeRef,
    pub loader: PyObjectRef,
}

const HARNESS_PY: &str = r#"
import io, sys

class ConsoleStream(io.TextIOBase):
    """sys.stdout / sys.stderr for a judged run."""
    def __init__(self, name, write):
        self._name = name
        self._write = write
    @property
    def name(self):
        return self._name
    @property
    def encoding(self):
        return 'utf-8'
    def writable(self):
        return True
    def write(self, s):
        return self._write(s)
    def flush(self):
        pass
    def isatty(self):
        return False
    def fileno(self):
        raise io.UnsupportedOperation('fileno')

class LineReader(io.TextIOBase):
    """sys.stdin for an interactive free run: each line is asked for as it is needed."""
    def __init__(self, readline):
        self._readline = readline
    @property
    def name(self):
        return '<stdin>'
    @property
    def encoding(self):
        return 'utf-8'
    def readable(self):
        return True
    def isatty(self):
        return False
    def readline(self, size=-1):
        return self._readline()
    def read(self, size=-1):
        parts = []
        while True:
            line = self._readline()
            if not line:
                return ''.join(parts)
            parts.append(line)
    def readlines(self, hint=-1):
        return list(iter(self.readline, ''))
    def __iter__(self):
        return iter(self.readline, '')
    def fileno(self):
        raise io.UnsupportedOperation('fileno')

def _no_main(*args, **kwargs):
    """unittest.main() does nothing here: the judge runs your tests itself."""
    return None

class _MainOffLoader:
    """Loads unittest with its own loader, then makes unittest.main() do nothing."""
    def __init__(self, loader):
        self._loader = loader
    def create_module(self, spec):
        return self._loader.create_module(spec)
    def exec_module(self, module):
        self._loader.exec_module(module)
        module.main = _no_main

class _UnittestMainOff:
    """On sys.meta_path: unittest, when the code imports it, comes with a
    harmless main(), without the judge importing it for every run."""
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name != 'unittest':
            return None
        for finder in sys.meta_path:
            if finder is _UnittestMainOff or not hasattr(finder, 'find_spec'):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                spec.loader = _MainOffLoader(spec.loader)
                return spec
        return None
"#;

impl Harness {
    /// Installs the judged environment into `vm` and captures what the judge needs.
    ///
    /// Fails only if the interpreter's own standard library is broken.
    ///
    /// `with_unittest` (the unit-testing questions) imports `unittest` now and
    /// captures its classes; otherwise it is imported only if the code does,
    /// with the same harmless `main`.
    pub fn install(
        vm: &VirtualMachine,
        console: Rc<RefCell<Console>>,
        rules: &crate::challenge::Rules,
        with_unittest: bool,
    ) -> PyResult<Harness> {
        vm.recursion_limit.set(RECURSION_LIMIT);
        #[cfg(target_os = "wasi")]
        vm.native_stack_guard
            .set(Some(crate::judge::stack::guard()));
        keep_output_flowing(vm, &console);
        let ns = vm.new_scope_with_builtins();
        let code = vm
            .compile(HARNESS_PY, Mode::Exec, "<judge>".to_owned())
            .map_err(|e| vm.new_runtime_error(format!("harness does not compile: {e}")))?;
        vm.run_code_obj(code, ns.clone())?;
        let get = |name: &str| ns.globals.get_item(name, vm);

        let stream_class = get("ConsoleStream")?;
        for (attr, dunder, stream) in [
            ("stdout", "__stdout__", Stream::Stdout),
            ("stderr", "__stderr__", Stream::Stderr),
        ] {
            let c = console.clone();
            let write = vm.new_function(
                "write",
                move |s: PyStrRef, vm: &VirtualMachine| -> PyResult<usize> {
                    let text = s.as_wtf8().to_string_lossy();
                    c.borrow_mut().write(stream, &text);
                    let _ = vm;
                    Ok(s.char_len())
                },
            );
            let obj = stream_class.call((vm.ctx.new_str(format!("<{attr}>")), write), vm)?;
            vm.sys_module.set_attr(attr, obj.clone(), vm)?;
            vm.sys_module.set_attr(dunder, obj, vm)?;
        }

        let c = console.clone();
        let input = vm.new_function(
            "input",
            move |prompt: OptionalArg<PyObjectRef>, vm: &VirtualMachine| -> PyResult<PyStrRef> {
                if let OptionalArg::Present(p) = prompt {
                    let text = p.str(vm)?;
                    c.borrow_mut()
                        .write(Stream::Prompt, &text.as_wtf8().to_string_lossy());
                }
                let stdin = vm.sys_module.get_attr("stdin", vm)?;
                let line = vm.call_method(&stdin, "readline", ())?;
                let line: PyStrRef = line
                    .downcast()
                    .map_err(|_| vm.new_type_error("sys.stdin.readline() must return a str"))?;
                let text = line.as_wtf8().to_string_lossy().into_owned();
                if text.is_empty() {
                    return Err(vm.new_exception_msg(
                        vm.ctx.exceptions.eof_error.to_owned(),
                        "EOF when reading a line".into(),
                    ));
                }
                let stripped = text.strip_suffix('\n').unwrap_or(&text);
                let stripped = stripped.strip_suffix('\r').unwrap_or(stripped).to_owned();
                c.borrow_mut().write(Stream::Echo, &format!("{stripped}\n"));
                Ok(vm.ctx.new_str(stripped))
            },
        );
        vm.builtins.set_attr("input", input, vm)?;

        let c = console.clone();
        let set_limit =
            vm.new_function(
                "setrecursionlimit",
                move |limit: i64, vm: &VirtualMachine| -> PyResult<()> {
                    if limit < 1 {
                        return Err(
                            vm.new_value_error("recursion limit must be greater or equal than 1")
                        );
                    }
                    let granted = (limit as u64).min(MAX_RECURSION_LIMIT as u64) as usize;
                    if granted < limit as usize {
                        c.borrow_mut().write(
                    Stream::Stderr,
                    &format!("note: the recursion limit is capped at {MAX_RECURSION_LIMIT} here\n"),
                );
                    }
                    vm.recursion_limit.set(granted);
                    Ok(())
                },
            );
        vm.sys_module.set_attr("setrecursionlimit", set_limit, vm)?;

        let unittest = if with_unittest {
            let unittest = vm.import("unittest", 0)?;
            unittest.set_attr("main", get("_no_main")?, vm)?;
            let type_of = |obj: PyObjectRef, what: &str| -> PyResult<PyTypeRef> {
                obj.downcast()
                    .map_err(|_| vm.new_runtime_error(format!("{what} is not a class")))
            };
            Some(Unittest {
                case: type_of(unittest.get_attr("TestCase", vm)?, "unittest.TestCase")?,
                skip: type_of(unittest.get_attr("SkipTest", vm)?, "unittest.SkipTest")?,
                loader: unittest.get_attr("TestLoader", vm)?.call((), vm)?,
            })
        } else {
            let meta_path = vm.sys_module.get_attr("meta_path", vm)?;
            vm.call_method(&meta_path, "insert", (0, get("_UnittestMainOff")?))?;
            None
        };
        let string_io = vm.import("io", 0)?.get_attr("StringIO", vm)?;

        let watch = Watch::install(vm, rules)?;

        // Exception classes by name, as the builtins module holds them now.
        let builtins_dict: Vec<(PyObjectRef, PyObjectRef)> =
            vm.builtins.dict().into_iter().collect();
        let exceptions = builtins_dict
            .iter()
            .filter_map(|(k, v)| {
                let name = k
                    .downcast_ref::<rustpython_vm::builtins::PyStr>()?
                    .as_wtf8()
                    .to_string_lossy()
                    .into_owned();
                let ty: PyTypeRef = v.clone().downcast().ok()?;
                ty.fast_issubclass(vm.ctx.exceptions.base_exception_type)
                    .then_some((name, ty))
            })
            .collect();
        Ok(Harness {
            console,
            watch,
            string_io,
            line_reader: get("LineReader")?,
            input_wait: Rc::default(),
            unittest,
            builtins_dict,
            exceptions,
        })
    }

    /// The builtin exception class with this name.
    pub fn exception_type(&self, name: &str) -> Option<&PyTypeRef> {
        self.exceptions
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t)
    }

    /// Undoes what the previous test's code may have done to the shared
    /// interpreter: builtins restored, recursion limit reset, fresh stdin.
    pub fn reset(&self, vm: &VirtualMachine, stdin: &str) -> PyResult<()> {
        let dict = vm.builtins.dict();
        let keep: Vec<PyObjectRef> = self.builtins_dict.iter().map(|(k, _)| k.clone()).collect();
        for (k, _) in dict.clone().into_iter() {
            if !keep.iter().any(|x| x.is(&k)) {
                dict.del_item(&*k, vm)?;
            }
        }
        for (k, v) in &self.builtins_dict {
            dict.set_item(&**k, v.clone(), vm)?;
        }
        vm.recursion_limit.set(RECURSION_LIMIT);
        let stdin = self.string_io.call((vm.ctx.new_str(stdin),), vm)?;
        self.set_stdin(vm, stdin)
    }

    /// Like [`reset`](Self::reset), with a stdin that reads `stdin` first and
    /// then asks for each further line: it reports
    /// [`Event::InputWanted`](crate::protocol::Event::InputWanted) for test
    /// `index` and reads the line from the sandbox's own stdin, where the
    /// parent writes what the user typed (empty at the end).
    pub fn reset_interactive(
        &self,
        vm: &VirtualMachine,
        stdin: &str,
        index: usize,
    ) -> PyResult<()> {
        self.reset(vm, "")?;
        let given: RefCell<std::collections::VecDeque<String>> =
            RefCell::new(stdin.split_inclusive('\n').map(str::to_owned).collect());
        let console = self.console.clone();
        let waited = self.input_wait.clone();
        let ended = std::cell::Cell::new(false);
        let readline =
            vm.new_function("readline", move |vm: &VirtualMachine| -> PyResult<String> {
                if let Some(line) = given.borrow_mut().pop_front() {
                    return Ok(line);
                }
                if ended.get() {
                    return Ok(String::new());
                }
                console
                    .borrow_mut()
                    .emit(crate::protocol::Event::InputWanted { index });
                let mut line = String::new();
                let asked = std::time::Instant::now();
                let read = std::io::stdin().read_line(&mut line);
                waited.set(waited.get() + asked.elapsed());
                read.map_err(|e| vm.new_os_error(format!("cannot read input: {e}")))?;
                ended.set(line.is_empty());
                Ok(line)
            });
        let reader = self.line_reader.call((readline,), vm)?;
        self.set_stdin(vm, reader)
    }

    fn set_stdin(&self, vm: &VirtualMachine, stdin: PyObjectRef) -> PyResult<()> {
        vm.sys_module.set_attr("stdin", stdin.clone(), vm)?;
        vm.sys_module.set_attr("__stdin__", stdin, vm)?;
        Ok(())
    }

    /// A fresh module named `name`, registered in `sys.modules` (so pickle and
    /// friends find its classes, as in CPython), with the helper code's names in it.
    pub fn module(
        &self,
        vm: &VirtualMachine,
        name: &str,
        helpers: Option<&PyDictRef>,
    ) -> PyResult<Scope> {
        let globals = vm.ctx.new_dict();
        let module = vm.new_module(name, globals.clone(), None);
        vm.sys_module
            .get_attr("modules", vm)?
            .set_item(name, module.into(), vm)?;
        globals.set_item("__name__", vm.ctx.new_str(name).into(), vm)?;
        globals.set_item("__file__", vm.ctx.new_str(USER_FILE).into(), vm)?;
        if let Some(h) = helpers {
            for (k, v) in h.clone().into_iter() {
                // Modules the helpers imported stay theirs: a question may forbid them.
                if !is_dunder(&k) && !v.class().is(vm.ctx.types.module_type) {
                    globals.set_item(&*k, v, vm)?;
                }
            }
        }
        Ok(Scope::with_builtins(None, globals, vm))
    }
}

fn is_dunder(key: &PyObjectRef) -> bool {
    key.downcast_ref::<rustpython_vm::builtins::PyStr>()
        .is_some_and(|s| s.as_wtf8().to_string_lossy().starts_with("__"))
}
