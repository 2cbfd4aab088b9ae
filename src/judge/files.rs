//! A test's files: the scratch folder set up before it, and checked after.
//!
//! Before each test the scratch folder (the code's current directory) is
//! emptied and filled with the test's files; after a test that otherwise
//! passed, the files it expects must hold the expected text and the files it
//! expects gone must be gone.

use super::run::Run;
use super::wording::wrong_output;
use crate::challenge::{Test, normalize_output};
use crate::report::TestVerdict;

impl Run<'_> {
    /// Empties the scratch folder, writes the test's files and enters it.
    pub(super) fn prepare_files(&self, test: &Test) -> Result<(), String> {
        self.enter_workdir(test.files.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// Empties the scratch folder, writes `files` (name, text) and enters it.
    pub(super) fn enter_workdir<'f>(
        &self,
        files: impl IntoIterator<Item = (&'f str, &'f str)>,
    ) -> Result<(), String> {
        let dir = &self.workdir;
        let fail =
            |what: &str, e: std::io::Error| format!("cannot {what} in {}: {e}", dir.display());
        std::env::set_current_dir(dir).map_err(|e| fail("enter the scratch folder", e))?;
        for entry in std::fs::read_dir(dir).map_err(|e| fail("list files", e))? {
            let path = entry.map_err(|e| fail("list files", e))?.path();
            let removed = if path.is_dir() {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            };
            removed.map_err(|e| fail("clear files", e))?;
        }
        for (name, content) in files {
            let path = dir.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| fail("create folders", e))?;
            }
            std::fs::write(&path, content).map_err(|e| fail("write files", e))?;
        }
        Ok(())
    }

    /// Whether the files after the test are as it expects (a pass when it expects nothing).
    pub(super) fn check_files(&self, test: &Test) -> TestVerdict {
        for (name, want) in &test.expect_files {
            match std::fs::read(self.workdir.join(name)) {
                Ok(bytes) => {
                    let got = String::from_utf8_lossy(&bytes);
                    if normalize_output(want) != normalize_output(&got) {
                        return wrong_output(&format!("{name} has the wrong content."), want, &got);
                    }
                }
                Err(_) => {
                    return TestVerdict::WrongAnswer {
                        message: format!("{name} should exist after the run."),
                        expected: Some(format!("{name} exists")),
                        actual: Some(format!("{name} does not exist")),
                    };
                }
            }
        }
        for name in &test.absent_files {
            if self.workdir.join(name).exists() {
                return TestVerdict::WrongAnswer {
                    message: format!("{name} should not exist after the run."),
                    expected: Some(format!("{name} deleted")),
                    actual: Some(format!("{name} still exists")),
                };
            }
        }
        TestVerdict::Passed
    }
}
