//! Confines the native sandbox process before any candidate code runs.
//!
//! In the browser the judge's WASI instance sees only an empty in-memory
//! folder and has no network by construction. Natively the sandbox is a
//! child process with the user's rights, so on Linux it restricts itself
//! with Landlock (kernel 5.13 and later; each newer kernel adds rules): from
//! then on it can open files only beneath its scratch folder, cannot connect
//! or listen over the network, and cannot signal processes outside itself.
//! A restriction cannot be lifted, and threads started later inherit it.
//! Where the kernel has no Landlock, the process runs unconfined and
//! [`confine`] says so.

use std::path::Path;

/// How much of the confinement the kernel enforces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confinement {
    /// Files outside the scratch folder, the network and signals are all closed.
    Full,
    /// Files are closed; this kernel lacks some later rules (network, signals).
    Partial,
    /// This system cannot confine the process.
    None,
}

/// Restricts this process (and every thread it starts afterwards) to `workdir`.
#[cfg(target_os = "linux")]
pub fn confine(workdir: &Path) -> Result<Confinement, String> {
    use landlock::{
        ABI, Access, AccessFs, AccessNet, Ruleset, RulesetAttr, RulesetCreatedAttr, RulesetStatus,
        Scope, path_beneath_rules,
    };
    // The newest rules this crate knows; an older kernel enforces what it can.
    let abi = ABI::V6;
    let ruleset = Ruleset::default()
        .handle_access(AccessFs::from_all(abi))
        .and_then(|r| r.handle_access(AccessNet::from_all(abi)))
        .and_then(|r| r.scope(Scope::from_all(abi)))
        .and_then(|r| r.create());
    // A system that refuses Landlock altogether (a container's syscall
    // filter, say) is one without it: the process runs unconfined.
    let Ok(ruleset) = ruleset else {
        return Ok(Confinement::None);
    };
    let status = ruleset
        .add_rules(path_beneath_rules([workdir], AccessFs::from_all(abi)))
        .and_then(|r| r.restrict_self())
        .map_err(|e| format!("cannot confine the sandbox to {}: {e}", workdir.display()))?;
    Ok(match status.ruleset {
        RulesetStatus::FullyEnforced => Confinement::Full,
        RulesetStatus::PartiallyEnforced => Confinement::Partial,
        RulesetStatus::NotEnforced => Confinement::None,
    })
}

/// Restricts this process to `workdir`: not possible here.
#[cfg(not(target_os = "linux"))]
pub fn confine(_workdir: &Path) -> Result<Confinement, String> {
    Ok(Confinement::None)
}

/// The Landlock ABI version this kernel offers (0 when it has none), checked
/// without restricting the caller.
pub fn kernel_abi() -> i32 {
    #[cfg(target_os = "linux")]
    {
        const LANDLOCK_CREATE_RULESET_VERSION: libc::c_uint = 1;
        // SAFETY: with a null attribute and this flag the call only returns the version.
        let v = unsafe {
            libc::syscall(
                libc::SYS_landlock_create_ruleset,
                std::ptr::null::<libc::c_void>(),
                0usize,
                LANDLOCK_CREATE_RULESET_VERSION,
            )
        };
        v.max(0) as i32
    }
    #[cfg(not(target_os = "linux"))]
    {
        0
    }
}
