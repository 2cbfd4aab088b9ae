//! The house stays in order: no import circle between a crate's top-level
//! modules, and no source file much over 400 lines unless its module doc
//! says why (README, "How it works").
//!
//! Imports are read from the source text (`crate::module` paths outside
//! comments and test modules), which is how this codebase writes them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each crate's source folder, and folders inside it that belong to other crates.
const CRATES: [(&str, &[&str]); 4] = [
    ("src", &["src/core", "src/format", "src/ui"]),
    ("src/core", &[]),
    ("src/format", &[]),
    ("src/ui", &[]),
];

/// Longest file, in lines, before its module doc must give a reason.
const LONG: usize = 420;

fn rust_files(dir: &Path, skip: &[PathBuf], out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("a folder entry").path();
        if skip.contains(&path) {
            continue;
        }
        if path.is_dir() {
            rust_files(&path, skip, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files_of(krate: &str, others: &[&str]) -> Vec<PathBuf> {
    let skip: Vec<PathBuf> = others.iter().map(|o| root().join(o)).collect();
    let mut files = vec![];
    rust_files(&root().join(krate), &skip, &mut files);
    files.sort();
    files
}

/// The top-level module a file belongs to (`report` for `report/tracker.rs`).
fn module_of(file: &Path, krate_dir: &Path) -> String {
    let rel = file.strip_prefix(krate_dir).expect("inside its crate");
    let first = rel.components().next().expect("a path").as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_string()
}

/// The modules a file names: `crate::x` paths, `crate::{x, y}` groups, and,
/// in a crate's top-level files, `super::x` (which is `crate::x` there); code
/// only, leaving out comments and `#[cfg(test)]` modules.
fn imports(text: &str, top_level: bool) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let code: String = code
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = BTreeSet::new();
    let mut prefixes = vec!["crate::"];
    if top_level {
        prefixes.push("super::");
    }
    let ident = |rest: &str| -> String {
        rest.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
            .collect()
    };
    for prefix in prefixes {
        for (i, _) in code.match_indices(prefix) {
            let rest = &code[i + prefix.len()..];
            if let Some(group) = rest.strip_prefix('{') {
                // `crate::{a, b::C}`: the first name of each item.
                let group = &group[..group.find('}').unwrap_or(group.len())];
                found.extend(group.split(',').map(ident).filter(|n| !n.is_empty()));
            } else {
                let name = ident(rest);
                if !name.is_empty() {
                    found.insert(name);
                }
            }
        }
    }
    found.remove("self");
    found
}

/// A circle in the graph, if there is one, as the modules along it.
fn circle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut c = path[at..].to_vec();
            c.push(node.to_string());
            return Some(c);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|n| visit(n, edges, &mut vec![], &mut done))
}

#[test]
fn no_crate_has_an_import_circle_between_its_modules() {
    for (krate, others) in CRATES {
        let dir = root().join(krate);
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for file in files_of(krate, others) {
            let module = module_of(&file, &dir);
            // Unit-test files (`tests.rs`) may reach anywhere.
            if matches!(module.as_str(), "lib" | "build" | "bin")
                || file.file_name().is_some_and(|n| n == "tests.rs")
            {
                continue;
            }
            let text = std::fs::read_to_string(&file).expect("readable source");
            // In `x.rs` and `x/mod.rs`, `super` is the crate root.
            let top_level = file.parent() == Some(dir.as_path())
                || (file.file_name().is_some_and(|n| n == "mod.rs")
                    && file.parent().and_then(Path::parent) == Some(dir.as_path()));
            for target in imports(&text, top_level) {
                if target != module {
                    edges.entry(module.clone()).or_default().insert(target);
                }
            }
        }
        assert!(
            edges.values().map(BTreeSet::len).sum::<usize>() > 3 || krate == "src/format",
            "{krate}: no imports found; is the reading of the sources broken?"
        );
        if let Some(c) = circle(&edges) {
            panic!("{krate}: import circle {}", c.join(" -> "));
        }
    }
}

#[test]
fn the_circle_finder_finds_circles() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (a, b) in [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")] {
        edges.entry(a.into()).or_default().insert(b.into());
    }
    assert!(circle(&edges).is_some_and(|c| c.len() == 4));
    edges.get_mut("c").unwrap().clear();
    assert_eq!(circle(&edges), None);
    let text = "use crate::a::X;\n// crate::b\nuse crate::{e, f::G};\nfn f() { crate::c::g() }\n\
        use super::h;\n#[cfg(test)]\nuse crate::d;";
    assert_eq!(
        imports(text, false),
        ["a", "c", "e", "f"].map(String::from).into()
    );
    assert_eq!(
        imports(text, true),
        ["a", "c", "e", "f", "h"].map(String::from).into()
    );
}

#[test]
fn a_long_source_file_says_why_in_its_module_doc() {
    let mut long = vec![];
    for (krate, others) in CRATES {
        for file in files_of(krate, others) {
            let text = std::fs::read_to_string(&file).expect("readable source");
            // Unit tests in a file of their own do not make a module long.
            if file.file_name().is_some_and(|n| n == "tests.rs") {
                continue;
            }
            let doc: String = text
                .lines()
                .take_while(|l| l.starts_with("//!"))
                .collect::<Vec<_>>()
                .join(" ");
            if text.lines().count() > LONG && !doc.contains("by design") {
                long.push(format!(
                    "{} ({} lines)",
                    file.display(),
                    text.lines().count()
                ));
            }
        }
    }
    assert!(
        long.is_empty(),
        "split these, or say in the module doc why one file is right \"by design\": {long:?}"
    );
}
