//! Checking the constraints a question states ("without slicing",
//! "recursively") on the candidate's syntax tree.
//!
//! Runs on source that already compiled. Each broken rule becomes a
//! [`RuleViolation`] with the line and a sentence saying what is not allowed
//! and why; the tests do not run when any rule is broken. These are the checks
//! an interviewer makes by reading the code: they look at names, not at what
//! a name refers to at run time.

use crate::challenge::Rules;
use crate::report::RuleViolation;
use ruff_python_ast::visitor::{Visitor, walk_expr, walk_stmt};
use ruff_python_ast::{CmpOp, Expr, Operator, Stmt};
use ruff_text_size::Ranged;

/// Every rule `code` breaks, in source order. Empty when the code cannot be parsed.
pub fn check(rules: &Rules, code: &str) -> Vec<RuleViolation> {
    if rules.is_empty() {
        return vec![];
    }
    let Ok(parsed) = ruff_python_parser::parse_module(code) else {
        return vec![];
    };
    let mut checker = Checker {
        rules,
        source: code,
        functions: Vec::new(),
        violations: Vec::new(),
        defined: Vec::new(),
    };
    for stmt in &parsed.syntax().body {
        checker.visit_stmt(stmt);
    }
    for name in &rules.recursive {
        match checker.defined.iter().find(|(n, _, _)| n == name) {
            Some((_, line, false)) => checker.violations.push(RuleViolation {
                line: *line,
                message: format!("{name} must be recursive: it never calls itself"),
            }),
            Some(_) => {}
            None => checker.violations.push(RuleViolation {
                line: 1,
                message: format!("define a function named {name}"),
            }),
        }
    }
    checker.violations.sort_by_key(|v| v.line);
    checker.violations.dedup();
    checker.violations
}

struct FunctionScope {
    name: String,
    loops: usize,
    calls_itself: bool,
}

struct Checker<'r> {
    rules: &'r Rules,
    source: &'r str,
    functions: Vec<FunctionScope>,
    violations: Vec<RuleViolation>,
    /// Functions defined at any depth: name, line, whether it calls itself.
    defined: Vec<(String, u32, bool)>,
}

impl Checker<'_> {
    fn line(&self, node: &impl Ranged) -> u32 {
        let offset = (node.start().to_usize()).min(self.source.len());
        self.source[..offset]
            .bytes()
            .filter(|&b| b == b'\n')
            .count() as u32
            + 1
    }

    fn flag(&mut self, node: &impl Ranged, message: String) {
        let line = self.line(node);
        self.violations.push(RuleViolation { line, message });
    }

    /// The innermost enclosing function whose name is in `names`.
    fn inside(&self, names: &[String]) -> Option<&str> {
        self.functions
            .iter()
            .rev()
            .find(|f| names.contains(&f.name))
            .map(|f| f.name.as_str())
    }

    fn in_loop_of(&self, names: &[String]) -> Option<&str> {
        self.functions
            .last()
            .filter(|f| f.loops > 0 && names.contains(&f.name))
            .map(|f| f.name.as_str())
    }

    fn check_loop(&mut self, node: &impl Ranged, what: &str) {
        if let Some(name) = self.inside(&self.rules.no_loops_in).map(str::to_owned) {
            self.flag(
                node,
                format!("{name} may not use {what}: solve it with recursion instead"),
            );
        }
    }

    fn check_import(&mut self, node: &impl Ranged, module: &str) {
        let top = module.split('.').next().unwrap_or(module);
        let forbidden = &self.rules.forbid_imports;
        if forbidden.iter().any(|m| m == module || m == top)
            || (!forbidden.is_empty() && top == "importlib")
        {
            self.flag(
                node,
                format!("importing {module} is not allowed in this question"),
            );
        }
    }

    /// A plain name listed in `forbid_calls`. Dotted entries (`itertools.islice`)
    /// are caught where the module is used or the name is imported from it.
    fn forbidden_call(&self, name: &str) -> bool {
        self.rules.forbid_calls.iter().any(|f| f == name)
    }
}

impl<'a> Visitor<'a> for Checker<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(def) => {
                let line = self.line(def);
                self.functions.push(FunctionScope {
                    name: def.name.to_string(),
                    loops: 0,
                    calls_itself: false,
                });
                walk_stmt(self, stmt);
                let scope = self.functions.pop().expect("pushed above");
                self.defined.push((scope.name, line, scope.calls_itself));
                return;
            }
            Stmt::For(_) | Stmt::While(_) => {
                let what = if matches!(stmt, Stmt::For(_)) {
                    "a for loop"
                } else {
                    "a while loop"
                };
                self.check_loop(stmt, what);
                if let Some(f) = self.functions.last_mut() {
                    f.loops += 1;
                }
                walk_stmt(self, stmt);
                if let Some(f) = self.functions.last_mut() {
                    f.loops -= 1;
                }
                return;
            }
            Stmt::AugAssign(aug) if aug.op == Operator::Add => {
                if let Some(name) = self
                    .in_loop_of(&self.rules.no_add_assign_in_loop_in)
                    .map(str::to_owned)
                {
                    self.flag(
                        stmt,
                        format!("{name} may not build its result with += in a loop: that copies the text each time; use str.join"),
                    );
                }
            }
            Stmt::Import(import) => {
                for alias in &import.names {
                    self.check_import(alias, alias.name.as_str());
                }
            }
            Stmt::ImportFrom(from) => {
                if let Some(module) = &from.module {
                    self.check_import(stmt, module.as_str());
                }
                for alias in &from.names {
                    if let Some(module) = &from.module {
                        let full = format!("{}.{}", module.as_str(), alias.name.as_str());
                        if self.rules.forbid_calls.contains(&full) {
                            self.flag(alias, format!("{full} is not allowed in this question"));
                        }
                    }
                }
            }
            _ => {}
        }
        walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Subscript(sub) if self.rules.forbid_slicing => {
                let is_slice = match sub.slice.as_ref() {
                    Expr::Slice(_) => true,
                    Expr::Tuple(t) => t.elts.iter().any(|e| matches!(e, Expr::Slice(_))),
                    _ => false,
                };
                if is_slice {
                    self.flag(expr, "slice syntax like x[a:b] is not allowed: this question asks you to implement it".into());
                }
            }
            Expr::Compare(cmp)
                if self.rules.forbid_in
                    && cmp
                        .ops
                        .iter()
                        .any(|op| matches!(op, CmpOp::In | CmpOp::NotIn)) =>
            {
                self.flag(
                    expr,
                    "the in operator is not allowed: this question asks you to implement it".into(),
                );
            }
            Expr::Name(name) => {
                let id = name.id.as_str();
                if self.forbidden_call(id) {
                    self.flag(expr, format!("{id} is not allowed in this question"));
                }
                if id == "__import__" && !self.rules.forbid_imports.is_empty() {
                    self.flag(expr, "__import__ is not allowed in this question".into());
                }
            }
            Expr::Attribute(attr) => {
                let name = attr.attr.as_str();
                if self.rules.forbid_methods.iter().any(|m| m == name) {
                    self.flag(expr, format!(".{name}() is not allowed in this question"));
                }
                if let Expr::Name(module) = attr.value.as_ref() {
                    let full = format!("{}.{name}", module.id.as_str());
                    if self.rules.forbid_calls.contains(&full) {
                        self.flag(expr, format!("{full} is not allowed in this question"));
                    }
                }
            }
            Expr::Call(call) => {
                if let Expr::Name(callee) = call.func.as_ref()
                    && let Some(f) = self.functions.last_mut()
                    && f.name == callee.id.as_str()
                {
                    f.calls_itself = true;
                }
            }
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                self.check_loop(expr, "a comprehension");
                if let Some(f) = self.functions.last_mut() {
                    f.loops += 1;
                }
                walk_expr(self, expr);
                if let Some(f) = self.functions.last_mut() {
                    f.loops -= 1;
                }
                return;
            }
            _ => {}
        }
        walk_expr(self, expr);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(f: impl FnOnce(&mut Rules)) -> Rules {
        let mut r = Rules::default();
        f(&mut r);
        r
    }

    fn lines(r: &Rules, code: &str) -> Vec<u32> {
        check(r, code).iter().map(|v| v.line).collect()
    }

    #[test]
    fn slicing_is_found_wherever_it_is() {
        let r = rules(|r| r.forbid_slicing = true);
        assert_eq!(lines(&r, "def f(s):\n    return s[::-1]\n"), vec![2]);
        assert_eq!(
            lines(&r, "def f(m):\n    x = m[1, 2:3]\n    return m[0]\n"),
            vec![2]
        );
        assert!(lines(&r, "def f(s):\n    return s[0]\n").is_empty());
    }

    #[test]
    fn in_operator_is_found_but_for_loops_are_fine() {
        let r = rules(|r| r.forbid_in = true);
        assert_eq!(
            lines(
                &r,
                "def f(a, b):\n    for c in a:\n        pass\n    return b not in a\n"
            ),
            vec![4]
        );
    }

    #[test]
    fn forbidden_names_methods_and_imports() {
        let r = rules(|r| {
            r.forbid_calls = vec!["sorted".into(), "itertools.islice".into()];
            r.forbid_methods = vec!["sort".into()];
            r.forbid_imports = vec!["heapq".into()];
        });
        let code = "import heapq\nfrom itertools import islice\ndef f(x):\n    g = sorted\n    x.sort()\n    return __import__('re')\n";
        assert_eq!(lines(&r, code), vec![1, 2, 4, 5, 6]);
        // A function of one's own that shares a forbidden dotted name's last part is fine.
        assert!(lines(&r, "def islice(x):\n    return islice(x[1:])\n").is_empty());
        assert!(lines(&r, "def f(x):\n    return x.copy()\n").is_empty());
    }

    #[test]
    fn recursion_and_loops_are_checked_per_function() {
        let r = rules(|r| {
            r.recursive = vec!["rev".into()];
            r.no_loops_in = vec!["rev".into()];
        });
        let good = "def rev(s):\n    return s if len(s) < 2 else rev(s[1:]) + s[0]\n";
        assert!(check(&r, good).is_empty());
        let looped = "def rev(s):\n    out = ''\n    for c in s:\n        out = c + out\n    return rev('') + out\n";
        assert_eq!(lines(&r, looped), vec![3]);
        let not_recursive = "def rev(s):\n    return ''.join(reversed(s))\n";
        assert_eq!(
            check(&r, not_recursive)[0].message,
            "rev must be recursive: it never calls itself"
        );
        assert_eq!(
            lines(&r, "x = 1\n"),
            vec![1],
            "a missing function is reported"
        );
        let comp = "def rev(s):\n    return rev('') + ''.join([c for c in s])\n";
        assert_eq!(lines(&r, comp), vec![2]);
    }

    #[test]
    fn add_assign_only_counts_inside_a_loop() {
        let r = rules(|r| r.no_add_assign_in_loop_in = vec!["join_words".into()]);
        let bad = "def join_words(ws, sep):\n    out = ''\n    for w in ws:\n        out += w\n    return out\n";
        assert_eq!(lines(&r, bad), vec![4]);
        let fine =
            "def join_words(ws, sep):\n    n = 0\n    n += 1\n    return sep.join(map(str, ws))\n";
        assert!(check(&r, fine).is_empty());
    }
}
