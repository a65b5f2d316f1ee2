//! Methods of `set` and `frozenset` (a `PySet` that is `frozen`); a method
//! that makes a new set makes one of its receiver's type.

use std::cell::RefCell;
use std::rc::Rc;

use super::args::{exactly_one, no_args};
use crate::iterators;
use crate::object::dict::{Dict, PySet};
use crate::object::exceptions::{exc, type_error, Exception};
use crate::object::set::Other;
use crate::object::types::TypeId;
use crate::object::value::{Args, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("add", add),
    ("remove", remove),
    ("discard", discard),
    ("pop", pop),
    ("union", union),
    ("intersection", intersection),
    ("difference", difference),
    ("symmetric_difference", symmetric_difference),
    ("symmetric_difference_update", symmetric_difference_update),
    ("update", update),
    ("intersection_update", intersection_update),
    ("difference_update", difference_update),
    ("issubset", issubset),
    ("issuperset", issuperset),
    ("isdisjoint", isdisjoint),
    ("copy", copy),
    ("clear", clear),
];

/// The methods of `frozenset`: those of `set` that change nothing.
pub const FROZENSET_METHODS: &[(&str, NativeFn)] = &[
    ("union", union),
    ("intersection", intersection),
    ("difference", difference),
    ("symmetric_difference", symmetric_difference),
    ("issubset", issubset),
    ("issuperset", issuperset),
    ("isdisjoint", isdisjoint),
    ("copy", copy),
];

type SetRef = Rc<RefCell<PySet>>;

fn this(recv: &Value) -> PyResult<SetRef> {
    match recv {
        Value::Set(s) => Ok(s.clone()),
        _ => Err(type_error("descriptor requires a 'set' object")),
    }
}

/// A new set of the receiver's type.
fn new_set(me: &SetRef, mut s: PySet) -> Value {
    s.frozen = me.borrow().frozen;
    Value::set(s)
}

/// The items of every argument, as sets.
fn arg_sets(vm: &mut Vm, args: &Args) -> PyResult<Vec<PySet>> {
    let mut out = Vec::with_capacity(args.pos.len());
    for a in &args.pos {
        if let Value::Set(set) = a {
            out.push(set.borrow().copy());
            continue;
        }
        let s = std::cell::RefCell::new(PySet::new());
        for item in iterators::collect(vm, a)? {
            crate::mapping::set_add(vm, &s, item)?;
        }
        out.push(s.into_inner());
    }
    Ok(out)
}

fn add(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("set.add", &args)?;
    crate::mapping::set_add(vm, &*this(recv)?, v)?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("set.remove", &args)?;
    if crate::mapping::set_remove(vm, &*this(recv)?, &v)? {
        Ok(Value::None)
    } else {
        Err(Exception::new(TypeId::KeyError, vec![v]))
    }
}

fn discard(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("set.discard", &args)?;
    crate::mapping::set_remove(vm, &*this(recv)?, &v)?;
    Ok(Value::None)
}

fn pop(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("set.pop", &args)?;
    this(recv)?
        .borrow_mut()
        .pop()
        .ok_or_else(|| exc(TypeId::KeyError, "pop from an empty set"))
}

/// A method's argument, told apart as [`Other`] needs: the receiver itself,
/// another set, a dict, or the items of any other iterable.
enum Operand {
    Itself,
    Set(SetRef),
    Dict(Rc<RefCell<Dict>>),
    Items(Vec<Value>),
}

fn operand(vm: &mut Vm, me: &SetRef, arg: &Value) -> PyResult<Operand> {
    Ok(match arg {
        Value::Set(s) if Rc::ptr_eq(s, me) => Operand::Itself,
        Value::Set(s) => match crate::mapping::set_matched_to(vm, me, s)? {
            Some(matched) => Operand::Set(Rc::new(RefCell::new(matched))),
            None => Operand::Set(s.clone()),
        },
        Value::Dict(d) => Operand::Dict(d.clone()),
        other => {
            let items = iterators::collect(vm, other)?;
            if !items.iter().any(crate::mapping::runs_python) {
                return Ok(Operand::Items(items));
            }
            // Items hashed by a class's `__hash__`, which only the VM can run:
            // gathered into a set (in their order), matched to the receiver's.
            let set = RefCell::new(PySet::new());
            for item in items {
                crate::mapping::set_add(vm, &set, item)?;
            }
            match crate::mapping::set_matched_to(vm, me, &set)? {
                Some(matched) => Operand::Set(Rc::new(RefCell::new(matched))),
                None => Operand::Set(Rc::new(set)),
            }
        }
    })
}

fn operands(vm: &mut Vm, me: &SetRef, args: &Args) -> PyResult<Vec<Operand>> {
    args.pos.iter().map(|a| operand(vm, me, a)).collect()
}

/// Runs `f` on `op` borrowed as an [`Other`]; `me` stands for `Itself`
/// where the set operated on is not the receiver.
fn with_other<T>(
    op: &Operand,
    me: Option<&SetRef>,
    f: impl FnOnce(Other) -> PyResult<T>,
) -> PyResult<T> {
    match (op, me) {
        (Operand::Itself, None) => f(Other::Itself),
        (Operand::Itself, Some(s)) | (Operand::Set(s), _) => f(Other::Set(&s.borrow())),
        (Operand::Dict(d), _) => f(Other::Dict(&d.borrow())),
        (Operand::Items(items), _) => f(Other::Items(items)),
    }
}

/// `set_union`: a copy of the receiver updated with each other argument.
fn union(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let me = this(recv)?;
    let mut out = me.borrow().copy();
    for op in operands(vm, &me, &args)? {
        if !matches!(op, Operand::Itself) {
            with_other(&op, None, |o| out.update(o))?;
        }
    }
    Ok(new_set(&me, out))
}

/// `set_intersection_multi`: intersected with each argument in turn.
fn intersection_of(vm: &mut Vm, me: &SetRef, args: &Args) -> PyResult<PySet> {
    let ops = operands(vm, me, args)?;
    let mut out: Option<PySet> = None;
    for op in &ops {
        out = Some(match &out {
            None => with_other(op, None, |o| me.borrow().intersection(o))?,
            Some(r) => with_other(op, Some(me), |o| r.intersection(o))?,
        });
    }
    Ok(out.unwrap_or_else(|| me.borrow().copy()))
}

fn intersection(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let me = this(recv)?;
    let out = intersection_of(vm, &me, &args)?;
    Ok(new_set(&me, out))
}

/// `set_difference_multi`: the difference with the first argument, then
/// the others removed from it.
fn difference(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let me = this(recv)?;
    let ops = operands(vm, &me, &args)?;
    let Some((first, rest)) = ops.split_first() else {
        return Ok(new_set(&me, me.borrow().copy()));
    };
    let mut out = with_other(first, None, |o| me.borrow().difference(o))?;
    for op in rest {
        with_other(op, Some(&me), |o| out.difference_update(o))?;
    }
    Ok(new_set(&me, out))
}

fn symmetric_difference(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let other = exactly_one("set.symmetric_difference", &args)?;
    let me = this(recv)?;
    let op = operand(vm, &me, &other)?;
    let out = with_other(&op, None, |o| me.borrow().symmetric_difference(o))?;
    Ok(new_set(&me, out))
}

fn symmetric_difference_update(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let other = exactly_one("set.symmetric_difference_update", &args)?;
    let me = this(recv)?;
    let op = operand(vm, &me, &other)?;
    with_other(&op, None, |o| {
        me.borrow_mut().symmetric_difference_update(o)
    })?;
    Ok(Value::None)
}

/// `set.update(*others)`: each argument in turn; the items of an iterable that
/// is not a set or a dict are added one by one as they come, as CPython does
/// (the iterable sees the set grow; an error midway keeps what came before).
fn update(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let me = this(recv)?;
    for arg in &args.pos {
        if let Value::Set(_) | Value::Dict(_) = arg {
            let op = operand(vm, &me, arg)?;
            with_other(&op, None, |o| me.borrow_mut().update(o))?;
            continue;
        }
        let it = iterators::get_iter(vm, arg)?;
        while let Some(item) = iterators::next_item(vm, &it)? {
            if me.borrow().len() >= vm.limits.max_sequence_len {
                return Err(crate::object::exceptions::exc_empty(TypeId::MemoryError));
            }
            crate::mapping::set_add(vm, &me, item)?;
        }
    }
    Ok(Value::None)
}

/// The receiver takes the intersection's table (CPython swaps bodies).
fn intersection_update(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let me = this(recv)?;
    let out = intersection_of(vm, &me, &args)?;
    me.borrow_mut().replace_body(out);
    Ok(Value::None)
}

fn difference_update(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let me = this(recv)?;
    for op in operands(vm, &me, &args)? {
        with_other(&op, None, |o| me.borrow_mut().difference_update(o))?;
    }
    Ok(Value::None)
}

fn other_set(vm: &mut Vm, name: &str, args: &Args) -> PyResult<PySet> {
    let other = exactly_one(name, args)?;
    Ok(arg_sets(vm, &Args::new(vec![other]))?.remove(0))
}

fn issubset(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let other = other_set(vm, "set.issubset", &args)?;
    Ok(Value::Bool(crate::mapping::set_is_subset(
        vm,
        &*this(recv)?,
        &RefCell::new(other),
    )?))
}

fn issuperset(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let other = other_set(vm, "set.issuperset", &args)?;
    Ok(Value::Bool(crate::mapping::set_is_subset(
        vm,
        &RefCell::new(other),
        &*this(recv)?,
    )?))
}

fn isdisjoint(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let other = other_set(vm, "set.isdisjoint", &args)?;
    let me = this(recv)?.borrow().items();
    let other = RefCell::new(other);
    for v in &me {
        if crate::mapping::set_contains(vm, &other, v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn copy(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("set.copy", &args)?;
    let me = this(recv)?;
    if me.borrow().frozen {
        // An exact frozenset is its own copy.
        return Ok(recv.clone());
    }
    let out = me.borrow().copy();
    Ok(new_set(&me, out))
}

fn clear(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("set.clear", &args)?;
    let old = std::mem::take(&mut *this(recv)?.borrow_mut());
    drop(old);
    Ok(Value::None)
}
