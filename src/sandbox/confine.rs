//! Confines the native sandbox process before any candidate code runs.
//!
//! In the browser the judge's WASI instance sees only an empty in-memory
//! folder and has no network by construction. Natively the sandbox is a
//! child process with the user's rights (its interpreter has no socket or
//! ctypes module to begin with), so on Linux it restricts itself with
//! Landlock, as far as the kernel allows: files only beneath its scratch
//! folder, and nothing executed from there (Linux 5.13); no TCP (6.7); no
//! signals to processes outside itself (6.12); no path-named Unix sockets
//! and no UDP on the newest kernels. A restriction cannot be lifted, and
//! threads started later inherit it. Where the kernel has no Landlock the
//! process runs unconfined, and [`confine`] and [`kernel_abi`] say so.

use std::path::Path;

/// How much of the confinement the kernel enforces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confinement {
    /// Every rule above holds.
    Full,
    /// Files are closed; this kernel lacks some later rules.
    Partial,
    /// This system cannot confine the process.
    None,
}

/// Restricts this process (and every thread it starts afterwards) to `workdir`.
#[cfg(target_os = "linux")]
pub fn confine(workdir: &Path) -> Result<Confinement, String> {
    use landlock::{
        ABI, Access, AccessFs, AccessNet, BitFlags, Ruleset, RulesetAttr, RulesetCreatedAttr,
        RulesetStatus, Scope, path_beneath_rules,
    };
    // The newest rules this crate knows; an older kernel enforces what it can.
    let abi = ABI::V10;
    // A kernel without Landlock is not an error here (the status says so);
    // any error is a real failure, and the sandbox then runs nothing.
    let in_folder = AccessFs::from_all(abi) & !BitFlags::from(AccessFs::Execute);
    let status = Ruleset::default()
        .handle_access(AccessFs::from_all(abi))
        .and_then(|r| r.handle_access(AccessNet::from_all(abi)))
        .and_then(|r| r.scope(Scope::from_all(abi)))
        .and_then(|r| r.create())
        .and_then(|r| r.add_rules(path_beneath_rules([workdir], in_folder)))
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
