//! Values drawn as what they stand for: a linked list as `1 → 2 → 4`, a
//! tree as an indented outline, instead of their constructor notation.
//!
//! Pure text from the judge's own [`Value`] (never the candidate's objects or
//! their `__repr__`): the judge uses it for expected and actual values, the
//! page (`ui::web::components::value_view`) for values a call returned.

use crate::value::Value;

/// A drawing of `value` when it is a linked list or a tree; `None` otherwise.
pub fn draw(value: &Value) -> Option<String> {
    match value {
        Value::Linked(items) if items.is_empty() => Some("None (an empty list)".into()),
        Value::Linked(items) => Some(chain(items)),
        Value::Tree(items) => Some(draw_tree(items)),
        _ => None,
    }
}

/// Items as a chain of nodes: `1 → 2 → 4`.
pub fn chain(items: &[Value]) -> String {
    items
        .iter()
        .map(Value::repr)
        .collect::<Vec<_>>()
        .join(" → ")
}

/// Level order with `None` gaps, as the challenges write trees, drawn as an outline.
fn draw_tree(items: &[Value]) -> String {
    // Children of each present node, by position in `items`.
    let mut children: Vec<(Option<usize>, Option<usize>)> = vec![(None, None); items.len()];
    let mut queue = std::collections::VecDeque::new();
    let present = |i: usize| items.get(i).is_some_and(|v| *v != Value::None);
    if !present(0) {
        return "None (an empty tree)".into();
    }
    queue.push_back(0);
    let mut next = 1;
    while let Some(parent) = queue.pop_front() {
        for side in 0..2 {
            if next >= items.len() {
                break;
            }
            if present(next) {
                if side == 0 {
                    children[parent].0 = Some(next);
                } else {
                    children[parent].1 = Some(next);
                }
                queue.push_back(next);
            }
            next += 1;
        }
    }
    let mut out = String::new();
    let mut stack = vec![(0usize, 0usize, "")];
    while let Some((node, depth, label)) = stack.pop() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&"    ".repeat(depth));
        out.push_str(label);
        out.push_str(&items[node].repr());
        let (left, right) = children[node];
        if let Some(r) = right {
            stack.push((r, depth + 1, "R: "));
        }
        if let Some(l) = left {
            stack.push((l, depth + 1, "L: "));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(v: &[Option<i64>]) -> Vec<Value> {
        v.iter()
            .map(|x| x.map_or(Value::None, |n| Value::Int(n.to_string())))
            .collect()
    }

    #[test]
    fn linked_lists_are_drawn_as_chains() {
        let list = Value::Linked(ints(&[Some(1), Some(2), Some(4)]));
        assert_eq!(draw(&list).unwrap(), "1 → 2 → 4");
        assert_eq!(
            draw(&Value::Linked(vec![])).unwrap(),
            "None (an empty list)"
        );
        assert_eq!(draw(&Value::Int("3".into())), None);
    }

    #[test]
    fn trees_are_drawn_as_outlines() {
        let tree = Value::Tree(ints(&[
            Some(3),
            Some(9),
            Some(20),
            None,
            None,
            Some(15),
            Some(7),
        ]));
        assert_eq!(
            draw(&tree).unwrap(),
            "3\n    L: 9\n    R: 20\n        L: 15\n        R: 7"
        );
        assert_eq!(draw(&Value::Tree(vec![])).unwrap(), "None (an empty tree)");
    }
}
