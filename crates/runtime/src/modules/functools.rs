//! `_functools`: `partial` and `reduce`, which functools (Python) re-exports.
//!
//! A partial object is a [`CallableObject`] of type `partial` whose state is
//! `(func, args tuple, keywords dict)`.

use std::rc::Rc;

use loopscope_syntax::ast::BinOp;

use super::CallableObject;
use crate::builtins::args::{count_range, no_kwargs};
use crate::iterators;
use crate::object::dict::Dict;
use crate::object::exceptions::type_error;
use crate::object::native::downcast;
use crate::object::pystr::PyStr;
use crate::object::types::{TypeId, TypeRef};
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[("reduce", reduce)];
    let m = super::native_module("_functools", "", FUNCTIONS);
    let slots = vm.slots.get_mut(TypeId::Partial);
    slots.construct = Some(partial);
    slots.forward = Some(forward_partial);
    slots.getattr = Some(partial_attribute);
    m.attrs
        .borrow_mut()
        .insert_str("partial", Value::Type(TypeRef::Builtin(TypeId::Partial)));
    Ok(m)
}

fn partial(vm: &mut Vm, _: TypeId, args: Args) -> PyResult<Value> {
    let mut pos = args.pos.into_iter();
    let Some(func) = pos.next() else {
        return Err(type_error("type 'partial' takes at least one argument"));
    };
    if !vm.is_callable(&func) {
        return Err(type_error("the first argument must be callable"));
    }
    // partial(partial(f, 1), 2) flattens to partial(f, 1, 2).
    let (func, mut bound, mut keywords) = match partial_parts(&func) {
        Some((f, a, k)) => (f, a, k),
        None => (func, Vec::new(), Dict::new()),
    };
    bound.extend(pos);
    for (k, v) in args.kw {
        keywords.insert(Value::Str(k), v)?;
    }
    let state = Value::tuple(vec![func, Value::tuple(bound), Value::dict(keywords)]);
    Ok(CallableObject::value(TypeId::Partial, state))
}

/// `p.func`, `p.args`, `p.keywords` (a copy: the partial keeps its own).
fn partial_attribute(_vm: &mut Vm, recv: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some((func, args, keywords)) = partial_parts(recv) else {
        return Ok(None);
    };
    Ok(match name {
        "func" => Some(func),
        "args" => Some(Value::tuple(args)),
        "keywords" => Some(Value::dict(keywords)),
        _ => None,
    })
}

/// `(func, args, keywords)` of a partial object.
pub fn partial_parts(v: &Value) -> Option<(Value, Vec<Value>, Dict)> {
    let object = downcast::<CallableObject>(v).filter(|o| o.class == TypeId::Partial)?;
    match &object.state {
        Value::Tuple(parts) => match &parts[..] {
            [func, Value::Tuple(a), Value::Dict(k)] => {
                Some((func.clone(), a.to_vec(), k.borrow().clone()))
            }
            _ => None,
        },
        _ => None,
    }
}

/// Calling a partial object: its function, with its arguments first.
fn forward_partial(partial: &Value, args: Args) -> PyResult<(Value, Args)> {
    let Some((func, bound, keywords)) = partial_parts(partial) else {
        return Err(type_error("bad partial object"));
    };
    let mut pos = bound;
    pos.extend(args.pos);
    let mut kw: Vec<(Rc<PyStr>, Value)> = keywords
        .items()
        .into_iter()
        .filter_map(|(k, v)| match k {
            Value::Str(s) => Some((s, v)),
            _ => None,
        })
        .collect();
    for (k, v) in args.kw {
        match kw.iter_mut().find(|(name, _)| *name == k) {
            Some(slot) => slot.1 = v,
            None => kw.push((k, v)),
        }
    }
    Ok((
        func,
        Args {
            pos: pos.into(),
            kw,
        },
    ))
}

fn reduce(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("reduce", &args)?;
    count_range("reduce", &args, 2, 3)?;
    let func = args.pos[0].clone();
    let it = iterators::get_iter(vm, &args.pos[1])?;
    let mut acc = match args.pos.get(2) {
        Some(initial) => initial.clone(),
        None => match iterators::next_item(vm, &it)? {
            Some(first) => first,
            None => {
                return Err(type_error(
                    "reduce() of empty iterable with no initial value",
                ))
            }
        },
    };
    while let Some(item) = iterators::next_item(vm, &it)? {
        acc = vm.call(&func, Args::new(vec![acc, item]))?;
    }
    Ok(acc)
}

/// `operator.add` and friends share this shape.
pub fn binary(vm: &mut Vm, op: BinOp, name: &str, args: &Args) -> PyResult<Value> {
    no_kwargs(name, args)?;
    count_range(name, args, 2, 2)?;
    crate::ops::binary_op(vm, op, &args.pos[0], &args.pos[1])
}
