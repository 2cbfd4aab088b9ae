//! Moving values between Rust and live Python objects, trusting nothing.
//!
//! [`read`] turns an object into a [`Value`] by looking at its exact type and
//! its payload, never by calling Python: a subclass of `int` whose `__eq__`
//! always says yes, or any object with a lying `__repr__`, reads as
//! [`Value::Opaque`] and so cannot equal an expected value. A linked list is
//! read only from instances of the very `ListNode` class the challenge's
//! helpers defined (compared by identity, not by name), through an instance
//! `__dict__` that is an exact `dict`, so no candidate code runs while a
//! value is read.
//!
//! The other direction is in `build.rs`: [`build`] makes fresh objects for a
//! test's arguments.

mod build;

pub use build::{CallArgs, build, build_args};

use crate::value::Value;
use rustpython_vm::builtins::{
    PyBytes, PyDict, PyDictRef, PyFloat, PyFrozenSet, PyInt, PyList, PySet, PyStr, PyTuple,
};
use rustpython_vm::{AsObject, PyObject, PyObjectRef, VirtualMachine};
use std::collections::HashSet;

/// Containers nested deeper than this read as opaque (self-containing lists, say).
const MAX_DEPTH: usize = 100;
/// Reading stops after this many objects; a bigger result reads as opaque.
const MAX_OBJECTS: usize = 4_000_000;

/// Reads `obj` into a value, exact types only; helper objects read as opaque.
pub fn read(vm: &VirtualMachine, obj: &PyObject) -> Value {
    Reader {
        vm,
        budget: MAX_OBJECTS,
        list_node: None,
        tree_node: None,
    }
    .read(obj, 0)
}

/// Reads `obj` into a value, with chains of the challenge's own `ListNode` as linked lists.
pub fn read_with(vm: &VirtualMachine, obj: &PyObject, classes: &HelperClasses) -> Value {
    Reader {
        vm,
        budget: MAX_OBJECTS,
        list_node: classes.list_node.as_ref(),
        tree_node: classes.tree_node.as_ref(),
    }
    .read(obj, 0)
}

struct Reader<'a> {
    vm: &'a VirtualMachine,
    budget: usize,
    /// The helpers' `ListNode` class, captured before candidate code ran.
    list_node: Option<&'a PyObjectRef>,
    /// The helpers' `TreeNode` class, likewise.
    tree_node: Option<&'a PyObjectRef>,
}

fn opaque(name: &str) -> Value {
    Value::Opaque {
        type_name: name.to_owned(),
    }
}

fn wtf8(s: &PyStr) -> String {
    s.as_wtf8().to_string_lossy().into_owned()
}

impl Reader<'_> {
    fn read(&mut self, obj: &PyObject, depth: usize) -> Value {
        let vm = self.vm;
        let types = &vm.ctx.types;
        let class = obj.class();
        if self.budget == 0 {
            return opaque("value too large to compare");
        }
        self.budget -= 1;
        if vm.is_none(obj) {
            return Value::None;
        }
        if class.is(types.bool_type)
            && let Some(i) = obj.downcast_ref::<PyInt>()
        {
            return Value::Bool(i.as_bigint().to_string() != "0");
        }
        if class.is(types.int_type)
            && let Some(i) = obj.downcast_ref::<PyInt>()
        {
            return Value::Int(i.as_bigint().to_string());
        }
        if class.is(types.float_type)
            && let Some(f) = obj.downcast_ref::<PyFloat>()
        {
            return Value::Float(f.to_f64());
        }
        if class.is(types.str_type)
            && let Some(s) = obj.downcast_ref::<PyStr>()
        {
            return Value::Str(wtf8(s));
        }
        if class.is(types.bytes_type)
            && let Some(b) = obj.downcast_ref::<PyBytes>()
        {
            return Value::Bytes(b.as_bytes().to_vec());
        }
        if depth >= MAX_DEPTH {
            return opaque("value nested too deeply");
        }
        if class.is(types.list_type)
            && let Some(l) = obj.downcast_ref::<PyList>()
        {
            let items: Vec<PyObjectRef> = l.borrow_vec().to_vec();
            return Value::List(self.read_all(&items, depth));
        }
        if class.is(types.tuple_type)
            && let Some(t) = obj.downcast_ref::<PyTuple>()
        {
            let items: Vec<PyObjectRef> = t.as_slice().to_vec();
            return Value::Tuple(self.read_all(&items, depth));
        }
        if class.is(types.dict_type)
            && let Some(d) = obj.downcast_ref::<PyDict>()
        {
            let pairs = d.items_vec();
            return Value::Dict(
                pairs
                    .iter()
                    .map(|(k, v)| (self.read(k, depth + 1), self.read(v, depth + 1)))
                    .collect(),
            );
        }
        if class.is(types.set_type)
            && let Some(s) = obj.downcast_ref::<PySet>()
        {
            return Value::Set(self.read_all(&s.elements(), depth));
        }
        if class.is(types.frozenset_type)
            && let Some(s) = obj.downcast_ref::<PyFrozenSet>()
        {
            return Value::FrozenSet(self.read_all(&s.elements(), depth));
        }
        if self.list_node.is_some_and(|c| class.is(c)) {
            return self.read_linked(obj, depth);
        }
        if self.tree_node.is_some_and(|c| class.is(c)) {
            return self.read_tree(obj, depth);
        }
        opaque(&class.name().to_string())
    }

    fn read_all(&mut self, items: &[PyObjectRef], depth: usize) -> Vec<Value> {
        items.iter().map(|i| self.read(i, depth + 1)).collect()
    }

    /// A tree of `TreeNode(val, left, right)` in level order with `None`
    /// for a missing child, as `tree([...])` writes it, read from the
    /// instances' `__dict__`.
    fn read_tree(&mut self, root: &PyObject, depth: usize) -> Value {
        let mut items = Vec::new();
        let mut seen = HashSet::new();
        let mut queue = std::collections::VecDeque::from([root.to_owned()]);
        while let Some(node) = queue.pop_front() {
            if self.vm.is_none(&node) {
                items.push(Value::None);
                continue;
            }
            if !self.tree_node.is_some_and(|c| node.class().is(c)) {
                return opaque("TreeNode with a child that is not a TreeNode");
            }
            if !seen.insert(node.get_id()) {
                return opaque("TreeNode that is its own descendant");
            }
            if self.budget == 0 {
                return opaque("value too large to compare");
            }
            self.budget -= 1;
            let Some(dict) = node
                .dict()
                .filter(|d| d.class().is(self.vm.ctx.types.dict_type))
            else {
                return opaque("TreeNode");
            };
            let (Some(val), Some(left), Some(right)) = (
                dict_get(self.vm, &dict, "val"),
                dict_get(self.vm, &dict, "left"),
                dict_get(self.vm, &dict, "right"),
            ) else {
                return opaque("TreeNode without val, left and right");
            };
            items.push(self.read(&val, depth + 1));
            queue.push_back(left);
            queue.push_back(right);
        }
        while items.last() == Some(&Value::None) {
            items.pop();
        }
        Value::Tree(items)
    }

    /// A chain of `ListNode(val, next)` read from the instances' `__dict__`.
    fn read_linked(&mut self, head: &PyObject, depth: usize) -> Value {
        let mut values = Vec::new();
        let mut seen = HashSet::new();
        let mut node: PyObjectRef = head.to_owned();
        loop {
            if self.vm.is_none(&node) {
                return Value::Linked(values);
            }
            if !self.list_node.is_some_and(|c| node.class().is(c)) {
                return opaque("ListNode chain ending in something else");
            }
            if !seen.insert(node.get_id()) {
                return opaque("ListNode chain with a cycle");
            }
            if self.budget == 0 {
                return opaque("value too large to compare");
            }
            // An exact dict: a subclass's __getitem__ would be candidate code.
            let Some(dict) = node
                .dict()
                .filter(|d| d.class().is(self.vm.ctx.types.dict_type))
            else {
                return opaque("ListNode");
            };
            let (Some(val), Some(next)) = (
                dict_get(self.vm, &dict, "val"),
                dict_get(self.vm, &dict, "next"),
            ) else {
                return opaque("ListNode without val and next");
            };
            values.push(self.read(&val, depth + 1));
            node = next;
        }
    }
}

/// A raw dict lookup by string key; no `__getattr__` or descriptor runs.
pub fn dict_get(vm: &VirtualMachine, dict: &PyDictRef, key: &str) -> Option<PyObjectRef> {
    dict.get_item_opt(key, vm).ok().flatten()
}

/// The helper classes that `linked`, `tree` and `rng` values are built from.
pub struct HelperClasses {
    pub list_node: Option<PyObjectRef>,
    pub tree_node: Option<PyObjectRef>,
    pub counting_random: Option<PyObjectRef>,
}

impl HelperClasses {
    pub fn from_namespace(vm: &VirtualMachine, ns: Option<&PyDictRef>) -> Self {
        let get = |name: &str| ns.and_then(|d| dict_get(vm, d, name));
        HelperClasses {
            list_node: get("ListNode"),
            tree_node: get("TreeNode"),
            counting_random: get("CountingRandom"),
        }
    }
}

/// Ids of every list, dict and set reachable from `obj` through exact containers.
pub fn mutable_containers(vm: &VirtualMachine, obj: &PyObject) -> HashSet<usize> {
    let mut ids = HashSet::new();
    let mut stack: Vec<PyObjectRef> = vec![obj.to_owned()];
    let types = &vm.ctx.types;
    while let Some(o) = stack.pop() {
        if ids.len() > MAX_OBJECTS {
            break;
        }
        let class = o.class();
        if class.is(types.list_type) {
            if let Some(l) = o.downcast_ref::<PyList>()
                && ids.insert(o.get_id())
            {
                stack.extend(l.borrow_vec().iter().cloned());
            }
        } else if class.is(types.dict_type) {
            if let Some(d) = o.downcast_ref::<PyDict>()
                && ids.insert(o.get_id())
            {
                stack.extend(d.items_vec().into_iter().map(|(_, v)| v));
            }
        } else if class.is(types.set_type) {
            ids.insert(o.get_id());
        } else if class.is(types.tuple_type)
            && let Some(t) = o.downcast_ref::<PyTuple>()
        {
            stack.extend(t.as_slice().iter().cloned());
        }
    }
    ids
}
