//! What the keys and items views of a dict do as sets (CPython's
//! `dictviews_or`/`_and`/`_sub`/`_xor` and `dictview_richcompare`): `&`, `|`,
//! `-` and `^` with any iterable answer a set, whichever side the view is on,
//! and a view compares with a set or another such view as a set does. A
//! values view is no set: it has none of this.

use std::cell::RefCell;

use loopscope_syntax::ast::{BinOp, CmpOp};

use crate::iterators;
use crate::object::iter_state::{DictPart, IterState};
use crate::object::set::PySet;
use crate::object::value::{tracked, Args, PyResult, Value};
use crate::vm::Vm;

/// Whether `v` is a dict's keys or items view (a set-like view).
pub fn is_set_view(v: &Value) -> bool {
    match v {
        Value::Iter(state) => matches!(
            &*state.borrow(),
            IterState::DictView {
                part: DictPart::Keys | DictPart::Items,
                ..
            }
        ),
        _ => false,
    }
}

/// A new set of the items `v` iterates (CPython's `PySet_New(v)`).
fn new_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let set = tracked(RefCell::new(PySet::new()));
    iterators::extend_set(vm, &set, v)?;
    Ok(Value::Set(set))
}

/// `a OP b` when one side is a set-like view: a set, made as CPython makes it
/// (the table order of the result follows from it): for `|`, `-` and `^` a
/// new set of the left operand updated by the right one as it iterates; for
/// `&`, CPython's `_PyDictView_Intersect`.
pub fn binary(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let update = match op {
        BinOp::BitOr => "update",
        BinOp::Sub => "difference_update",
        BinOp::BitXor => "symmetric_difference_update",
        BinOp::BitAnd => "",
        _ => return None,
    };
    if !is_set_view(a) && !is_set_view(b) {
        return None;
    }
    if op == BinOp::BitAnd {
        return Some(intersect(vm, a, b));
    }
    Some(new_set(vm, a).and_then(|result| {
        let method = crate::attrs::get_attr(vm, &result, update)?;
        vm.call(&method, Args::new(vec![b.clone()]))?;
        Ok(result)
    }))
}

/// The number of items of a view (None for anything else).
fn view_len(v: &Value) -> Option<usize> {
    match v {
        Value::Iter(state) => iterators::view_len(&state.borrow()),
        _ => None,
    }
}

/// `view & other` (either side): the items of the smaller operand that the
/// other holds, in the order it iterates them; a bigger set does the work
/// with its own `intersection`.
fn intersect(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (mut view, mut other) = if is_set_view(a) { (a, b) } else { (b, a) };
    let own_len = view_len(view).unwrap_or(0);
    if let Value::Set(set) = other {
        let (frozen, len) = (set.borrow().frozen, set.borrow().len());
        if !frozen && own_len <= len {
            let method = crate::attrs::get_attr(vm, other, "intersection")?;
            return vm.call(&method, Args::new(vec![view.clone()]));
        }
    }
    if is_set_view(other) && view_len(other).unwrap_or(0) > own_len {
        std::mem::swap(&mut view, &mut other);
    }
    let members = tracked(RefCell::new(PySet::new()));
    iterators::extend_set(vm, &members, view)?;
    let result = tracked(RefCell::new(PySet::new()));
    for item in iterators::collect(vm, other)? {
        if crate::mapping::set_contains(vm, &members, &item)? {
            crate::mapping::set_add(vm, &result, item)?;
        }
    }
    Ok(Value::Set(result))
}

/// `a OP b` for a set-like view and a set (or another such view): compared as
/// sets. None when the operands are not such a pair (CPython's
/// NotImplemented: `==` is then identity, an ordering a TypeError).
pub fn compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let set_like = |v: &Value| is_set_view(v) || matches!(v, Value::Set(_));
    let ordering = matches!(
        op,
        CmpOp::Eq | CmpOp::NotEq | CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE
    );
    if !ordering || !(is_set_view(a) || is_set_view(b)) || !set_like(a) || !set_like(b) {
        return None;
    }
    Some(new_set(vm, a).and_then(|x| {
        let y = new_set(vm, b)?;
        crate::ops::compare_op(vm, op, &x, &y)
    }))
}
