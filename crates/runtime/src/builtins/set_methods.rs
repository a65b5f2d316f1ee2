//! Methods of `set` (`frozenset` maps to `set` in Loopscope).

use std::cell::RefCell;
use std::rc::Rc;

use super::args::{exactly_one, no_args};
use crate::dict::PySet;
use crate::exceptions::{exc, type_error, Exception};
use crate::iterators;
use crate::types::TypeId;
use crate::value::{Args, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub fn lookup(name: &str) -> Option<(&'static str, NativeFn)> {
    const METHODS: &[(&str, NativeFn)] = &[
        ("add", add),
        ("remove", remove),
        ("discard", discard),
        ("pop", pop),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("update", update),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
        ("copy", copy),
        ("clear", clear),
    ];
    METHODS.iter().find(|(n, _)| *n == name).copied()
}

type SetRef = Rc<RefCell<PySet>>;

fn this(recv: &Value) -> PyResult<SetRef> {
    match recv {
        Value::Set(s) => Ok(s.clone()),
        _ => Err(type_error("descriptor requires a 'set' object")),
    }
}

fn new_set(s: PySet) -> Value {
    Value::Set(Rc::new(RefCell::new(s)))
}

/// The items of every argument, as sets.
fn arg_sets(vm: &mut Vm, args: &Args) -> PyResult<Vec<PySet>> {
    let mut out = Vec::with_capacity(args.pos.len());
    for a in &args.pos {
        let mut s = PySet::new();
        for item in iterators::collect(vm, a)? {
            s.add(item)?;
        }
        out.push(s);
    }
    Ok(out)
}

fn add(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("set.add", &args)?;
    this(recv)?.borrow_mut().add(v)?;
    Ok(Value::None)
}

fn remove(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("set.remove", &args)?;
    if this(recv)?.borrow_mut().remove(&v)? {
        Ok(Value::None)
    } else {
        Err(Exception::new(TypeId::KeyError, vec![v]))
    }
}

fn discard(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("set.discard", &args)?;
    this(recv)?.borrow_mut().remove(&v)?;
    Ok(Value::None)
}

fn pop(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("set.pop", &args)?;
    this(recv)?
        .borrow_mut()
        .pop()
        .ok_or_else(|| exc(TypeId::KeyError, "pop from an empty set"))
}

fn combine(
    vm: &mut Vm,
    recv: &Value,
    args: &Args,
    keep: fn(&PySet, &[PySet], &Value) -> PyResult<bool>,
    add_others: bool,
) -> PyResult<PySet> {
    let base = this(recv)?.borrow().clone();
    let others = arg_sets(vm, args)?;
    let mut out = PySet::new();
    for v in base.iter() {
        if keep(&base, &others, v)? {
            out.add(v.clone())?;
        }
    }
    if add_others {
        for o in &others {
            for v in o.iter() {
                if keep(&base, &others, v)? {
                    out.add(v.clone())?;
                }
            }
        }
    }
    Ok(out)
}

fn in_all(_base: &PySet, others: &[PySet], v: &Value) -> PyResult<bool> {
    for o in others {
        if !o.contains(v)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn in_none(_base: &PySet, others: &[PySet], v: &Value) -> PyResult<bool> {
    for o in others {
        if o.contains(v)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn always(_base: &PySet, _others: &[PySet], _v: &Value) -> PyResult<bool> {
    Ok(true)
}

fn union(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    Ok(new_set(combine(vm, recv, &args, always, true)?))
}

fn intersection(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    Ok(new_set(combine(vm, recv, &args, in_all, false)?))
}

fn difference(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    Ok(new_set(combine(vm, recv, &args, in_none, false)?))
}

fn symmetric(vm: &mut Vm, recv: &Value, args: &Args) -> PyResult<PySet> {
    let other = exactly_one("set.symmetric_difference", args)?;
    let base = this(recv)?.borrow().clone();
    let other = arg_sets(vm, &Args::new(vec![other]))?.remove(0);
    let mut out = PySet::new();
    for v in base.iter() {
        if !other.contains(v)? {
            out.add(v.clone())?;
        }
    }
    for v in other.iter() {
        if !base.contains(v)? {
            out.add(v.clone())?;
        }
    }
    Ok(out)
}

fn symmetric_difference(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    Ok(new_set(symmetric(vm, recv, &args)?))
}

fn replace_contents(recv: &Value, s: PySet) -> PyResult<Value> {
    *this(recv)?.borrow_mut() = s;
    Ok(Value::None)
}

fn update(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let s = combine(vm, recv, &args, always, true)?;
    replace_contents(recv, s)
}

fn intersection_update(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let s = combine(vm, recv, &args, in_all, false)?;
    replace_contents(recv, s)
}

fn difference_update(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let s = combine(vm, recv, &args, in_none, false)?;
    replace_contents(recv, s)
}

fn subset(a: &PySet, b: &PySet) -> PyResult<bool> {
    for v in a.iter() {
        if !b.contains(v)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn other_set(vm: &mut Vm, name: &str, args: &Args) -> PyResult<PySet> {
    let other = exactly_one(name, args)?;
    Ok(arg_sets(vm, &Args::new(vec![other]))?.remove(0))
}

fn issubset(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let other = other_set(vm, "set.issubset", &args)?;
    Ok(Value::Bool(subset(&this(recv)?.borrow(), &other)?))
}

fn issuperset(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let other = other_set(vm, "set.issuperset", &args)?;
    Ok(Value::Bool(subset(&other, &this(recv)?.borrow())?))
}

fn isdisjoint(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let other = other_set(vm, "set.isdisjoint", &args)?;
    let me = this(recv)?.borrow().clone();
    for v in me.iter() {
        if other.contains(v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn copy(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("set.copy", &args)?;
    Ok(new_set(this(recv)?.borrow().clone()))
}

fn clear(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("set.clear", &args)?;
    let old = std::mem::take(&mut *this(recv)?.borrow_mut());
    drop(old);
    Ok(Value::None)
}
