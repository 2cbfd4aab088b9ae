//! How the standard library is split: which modules the judge leaves out
//! (`left_out.txt`, with what each needs), which it ships as a second file,
//! fetched after the page's first run (`later.txt`), how that file holds
//! the Unicode name tables too, and the fingerprint the judge checks it by.
//! Shared with `build.rs`, which freezes the rest into the judge and the
//! later ones into that file.

/// One module per line, a tab, and what it needs; `#` starts a comment.
const LEFT_OUT: &str = include_str!("left_out.txt");
/// One module per line; `#` starts a comment.
const LATER: &str = include_str!("later.txt");

/// What `module` needs that the judge does not have, when it (or a package
/// it is in) is left out of the library.
pub fn left_out(module: &str) -> Option<&'static str> {
    find(LEFT_OUT, module)
}

/// Whether `module` (or a package it is in) comes in the later file.
pub fn later(module: &str) -> bool {
    find(LATER, module).is_some()
}

/// The rest of the line of `list` that names `module` or a package it is in.
fn find(list: &'static str, module: &str) -> Option<&'static str> {
    list.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| line.split_once('\t').unwrap_or((line.trim(), "")))
        .find(|(listed, _)| {
            module == *listed
                || module
                    .strip_prefix(listed)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
        .map(|(_, rest)| rest)
}

/// A fingerprint of the later file (64-bit FNV-1a), which `build.rs` builds
/// into the judge: a file from another build is not used. Only the WASI
/// judge reads the file; natively the later part is built in.
#[cfg_attr(not(target_os = "wasi"), allow(dead_code))]
pub fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The later file: the later modules (a frozen library), then the Unicode
/// name tables (`unicode_names2::export_tables`), then the tables' length
/// (u32, little-endian). Written by `build.rs`, never by the judge.
#[allow(dead_code)]
pub fn join_later(lib: &[u8], unicode_names: &[u8]) -> Vec<u8> {
    let len = u32::try_from(unicode_names.len()).expect("the name tables are under 4 GiB");
    [lib, unicode_names, &len.to_le_bytes()].concat()
}

/// The frozen library and the Unicode name tables of a later file, as
/// [`join_later`] wrote them. Read by the judge, never by `build.rs`
/// (which includes this file too).
#[allow(dead_code)]
pub fn split_later(file: &[u8]) -> Option<(&[u8], &[u8])> {
    let (rest, len) = file.split_at_checked(file.len().checked_sub(4)?)?;
    let len = u32::from_le_bytes(len.try_into().ok()?) as usize;
    rest.split_at_checked(rest.len().checked_sub(len)?)
}
