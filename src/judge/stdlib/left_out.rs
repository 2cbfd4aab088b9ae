//! The standard-library modules the judge leaves out (`left_out.txt`), and
//! why. Shared with `build.rs`, which freezes every other module.

/// One module per line, a tab, and what it needs; `#` starts a comment.
const LEFT_OUT: &str = include_str!("left_out.txt");

/// What `module` needs that the judge does not have, when it (or a package
/// it is in) is left out of the library.
pub fn left_out(module: &str) -> Option<&'static str> {
    LEFT_OUT
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .find(|(left, _)| {
            module == *left
                || module
                    .strip_prefix(left)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
        .map(|(_, needs)| needs)
}
