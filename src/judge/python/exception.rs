//! Exceptions as the candidate sees them: [`py_error`].
//!
//! An exception raised by the candidate's code is read into the report's
//! [`PyError`]: its class name, a message built by the judge from its
//! arguments, and the traceback's frames in the candidate's own file.

use super::USER_FILE;
use crate::judge::extract;
use crate::report::{Frame, PyError};
use crate::value::Value;
use rustpython_vm::builtins::PyBaseExceptionRef;
use rustpython_vm::{AsObject, PyObjectRef, VirtualMachine};

/// Reads an exception into a [`PyError`], keeping only frames of the candidate's code.
///
/// Never calls the exception's own `__str__` or `__repr__`: the message is
/// built from its arguments by the judge.
pub fn py_error(vm: &VirtualMachine, exc: &PyBaseExceptionRef, source: &str) -> PyError {
    let exception = exc.class().name().to_string();
    let args: Vec<PyObjectRef> = exc.args().iter().cloned().collect();
    let read = |obj: &PyObjectRef| match extract::read(vm, obj) {
        Value::Str(s) => s,
        other => other.repr(),
    };
    let os_error = exc.fast_isinstance(vm.ctx.exceptions.os_error);
    let message = match args.as_slice() {
        // OSError(errno, strerror) prints as CPython does: [Errno 2] No such file or directory: 'x'
        [errno, strerror, ..] if os_error => {
            // Only a builtin class's own descriptor is read: a subclass's
            // `filename` could be a property running the candidate's code.
            let builtin_class = !exc
                .class()
                .slots
                .flags
                .has_feature(rustpython_vm::types::PyTypeFlags::HEAPTYPE);
            let filename = builtin_class
                .then(|| exc.as_object().get_attr("filename", vm).ok())
                .flatten()
                .filter(|f| !vm.is_none(f))
                .map(|f| format!(": {}", extract::read(vm, &f).repr()))
                .unwrap_or_default();
            format!("[Errno {}] {}{filename}", read(errno), read(strerror))
        }
        [] => String::new(),
        [one] => match extract::read(vm, one) {
            Value::Str(s) => s,
            other => other.repr(),
        },
        many => Value::Tuple(many.iter().map(|a| extract::read(vm, a)).collect()).repr(),
    };
    let lines: Vec<&str> = source.lines().collect();
    let mut frames: Vec<Frame> = Vec::new();
    if let Some(tb) = exc.__traceback__() {
        for entry in tb.iter() {
            let code = &entry.frame.code;
            if code.source_path().as_wtf8().to_string_lossy() != USER_FILE {
                continue;
            }
            let line = entry.lineno.get() as u32;
            let function = code.obj_name.as_wtf8().to_string_lossy().into_owned();
            match frames.last_mut() {
                Some(last) if last.line == line && last.function == function => last.repeated += 1,
                _ => frames.push(Frame {
                    line,
                    function,
                    source: lines
                        .get(line as usize - 1)
                        .map(|l| l.trim().to_owned())
                        .unwrap_or_default(),
                    repeated: 0,
                }),
            }
        }
    }
    let message = match exception.as_str() {
        "ModuleNotFoundError" | "ImportError" => {
            crate::judge::stdlib::explain_missing(message.trim_end())
        }
        _ => message.trim_end().to_owned(),
    };
    PyError {
        exception,
        message,
        frames,
    }
}
