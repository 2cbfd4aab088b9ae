//! Fresh Python objects for a test's values: [`build`], [`build_args`].
//!
//! The other direction from reading: each value of a test's call becomes a
//! new object the candidate's code may change as it likes, so no test sees
//! another's objects. Linked lists, trees and counting random sources are
//! built from the challenge's own helper classes ([`HelperClasses`]).

use super::HelperClasses;
use crate::value::{Call, Value};
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};

/// A call's arguments as fresh objects: positional, then keyword.
pub type CallArgs = (Vec<PyObjectRef>, Vec<(String, PyObjectRef)>);

/// Fresh objects for a call's arguments.
///
/// Fails if a helper class is missing or its constructor raises.
pub fn build_args(vm: &VirtualMachine, call: &Call, helpers: &HelperClasses) -> PyResult<CallArgs> {
    let args = call
        .args
        .iter()
        .map(|v| build(vm, v, helpers))
        .collect::<PyResult<Vec<_>>>()?;
    let kwargs = call
        .kwargs
        .iter()
        .map(|(k, v)| Ok((k.clone(), build(vm, v, helpers)?)))
        .collect::<PyResult<Vec<_>>>()?;
    Ok((args, kwargs))
}

/// Builds a fresh Python object for `value`.
///
/// Fails if a helper class is missing or its constructor raises.
pub fn build(vm: &VirtualMachine, value: &Value, helpers: &HelperClasses) -> PyResult {
    let ctx = &vm.ctx;
    let all = |items: &[Value]| -> PyResult<Vec<PyObjectRef>> {
        items.iter().map(|v| build(vm, v, helpers)).collect()
    };
    let missing =
        |class: &str| vm.new_runtime_error(format!("the challenge provides no {class} class"));
    Ok(match value {
        Value::None => ctx.none(),
        Value::Bool(b) => ctx.new_bool(*b).into(),
        Value::Int(s) => match s.parse::<i128>() {
            Ok(n) => ctx.new_int(n).into(),
            Err(_) => ctx
                .types
                .int_type
                .as_object()
                .call((ctx.new_str(s.as_str()),), vm)?,
        },
        Value::Float(f) => ctx.new_float(*f).into(),
        Value::Str(s) => ctx.new_str(s.as_str()).into(),
        Value::Bytes(b) => ctx.new_bytes(b.clone()).into(),
        Value::List(items) => ctx.new_list(all(items)?).into(),
        Value::Tuple(items) => ctx.new_tuple(all(items)?).into(),
        Value::Set(items) => ctx
            .types
            .set_type
            .as_object()
            .call((ctx.new_list(all(items)?),), vm)?,
        Value::FrozenSet(items) => ctx
            .types
            .frozenset_type
            .as_object()
            .call((ctx.new_list(all(items)?),), vm)?,
        Value::Dict(pairs) => {
            let d = ctx.new_dict();
            for (k, v) in pairs {
                d.set_item(&*build(vm, k, helpers)?, build(vm, v, helpers)?, vm)?;
            }
            d.into()
        }
        Value::Linked(items) => {
            let class = helpers
                .list_node
                .as_ref()
                .ok_or_else(|| missing("ListNode"))?;
            let mut next = ctx.none();
            for item in items.iter().rev() {
                next = class.call((build(vm, item, helpers)?, next), vm)?;
            }
            next
        }
        Value::Tree(items) => {
            let class = helpers
                .tree_node
                .as_ref()
                .ok_or_else(|| missing("TreeNode"))?;
            build_tree(vm, class, items, helpers)?
        }
        Value::Rng(seed) => {
            let class = helpers
                .counting_random
                .as_ref()
                .ok_or_else(|| missing("CountingRandom"))?;
            class.call((ctx.new_int(*seed),), vm)?
        }
        Value::Opaque { type_name } => {
            return Err(vm.new_runtime_error(format!("cannot build a {type_name} value")));
        }
    })
}

/// Level-order with `None` gaps, as LeetCode writes trees: `[3, 9, 20, None, None, 15, 7]`.
fn build_tree(
    vm: &VirtualMachine,
    class: &PyObjectRef,
    items: &[Value],
    helpers: &HelperClasses,
) -> PyResult {
    let node = |v: &Value| -> PyResult<Option<PyObjectRef>> {
        if *v == Value::None {
            Ok(None)
        } else {
            Ok(Some(class.call((build(vm, v, helpers)?,), vm)?))
        }
    };
    let Some(first) = items.first() else {
        return Ok(vm.ctx.none());
    };
    let Some(root) = node(first)? else {
        return Ok(vm.ctx.none());
    };
    let mut queue = std::collections::VecDeque::from([root.clone()]);
    let mut rest = items[1..].iter();
    while let Some(parent) = queue.pop_front() {
        for side in ["left", "right"] {
            let Some(v) = rest.next() else {
                return Ok(root);
            };
            if let Some(child) = node(v)? {
                parent.set_attr(side, child.clone(), vm)?;
                queue.push_back(child);
            }
        }
    }
    Ok(root)
}
