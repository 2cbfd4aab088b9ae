//! Program tests: the candidate's script run as `__main__` on a test's stdin.
//!
//! A program test compares what the script printed with the expected
//! stdout; a prediction (quiz) test runs the question's snippet and compares
//! what it printed with the candidate's prediction. Both compare output
//! normalised as `challenge::normalize_output` says.

use super::run::{Ran, Run, exit_code};
use super::wording::wrong_output;
use crate::challenge::normalize_output;
use crate::report::TestVerdict;
use rustpython_vm::AsObject;

impl Run<'_> {
    /// Runs the candidate's script as `__main__`; `sys.exit(0)` is a normal end.
    pub(super) fn run_main(&self) -> Result<(), TestVerdict> {
        let helpers = self.helper_namespace()?;
        let (_, ran) = self.exec_user("__main__", helpers.as_ref(), &[])?;
        match ran {
            Ran::Ok => Ok(()),
            Ran::Raised(e) if e.fast_isinstance(self.vm.ctx.exceptions.system_exit) => {
                match exit_code(self.vm, &e) {
                    0 => Ok(()),
                    code => Err(TestVerdict::Exited {
                        code,
                        how: "sys.exit".into(),
                    }),
                }
            }
            Ran::Raised(e) => Err(self.error_verdict(&e)),
        }
    }

    /// Runs a program test: the script on the test's stdin, its stdout compared with `expected`.
    pub(super) fn program_test(&self, expected: Option<&str>) -> TestVerdict {
        if let Err(v) = self.run_main() {
            return v;
        }
        let stdout = self.harness.console.borrow().stdout().to_owned();
        match expected {
            Some(want) if normalize_output(want) != normalize_output(&stdout) => {
                wrong_output("Printed the wrong output.", want, &stdout)
            }
            _ => TestVerdict::Passed,
        }
    }

    /// Runs a prediction test: the quiz's snippet, its stdout compared with the candidate's prediction.
    pub(super) fn predict_test(&self) -> TestVerdict {
        if let Err(v) = self.run_main() {
            return v;
        }
        let stdout = self.harness.console.borrow().stdout().to_owned();
        let prediction = &self.request.code;
        if normalize_output(prediction) == normalize_output(&stdout) {
            TestVerdict::Passed
        } else {
            wrong_output("Not what it prints.", &stdout, prediction)
        }
    }
}
