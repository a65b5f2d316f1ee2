//! `operator`: the arithmetic functions and `itemgetter` / `attrgetter`
//! ([`CallableObject`]s whose state is the tuple of keys).

use std::rc::Rc;

use loopscope_syntax::ast::BinOp;

use super::functools::binary;
use super::CallableObject;
use crate::builtins::args::{count_range, exactly_one, no_kwargs};
use crate::object::exceptions::type_error;
use crate::object::native::downcast;
use crate::object::types::{TypeId, TypeRef};
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let items = vm.slots.get_mut(TypeId::ItemGetter);
    items.construct = Some(itemgetter);
    items.call = Some(get_items);
    let attributes = vm.slots.get_mut(TypeId::AttrGetter);
    attributes.construct = Some(attrgetter);
    attributes.call = Some(get_attrs);
    const FUNCTIONS: &[(&str, NativeFn)] = &[
        ("add", add),
        ("sub", sub),
        ("mul", mul),
        ("truediv", truediv),
        ("floordiv", floordiv),
        ("mod", modulo),
        ("neg", neg),
        ("index", index),
    ];
    let m = super::native_module("operator", stdlib_path!("operator.py"), FUNCTIONS);
    for t in [TypeId::ItemGetter, TypeId::AttrGetter] {
        m.attrs
            .borrow_mut()
            .insert_str(t.name(), Value::Type(TypeRef::Builtin(t)));
    }
    Ok(m)
}

/// `operator.index(x)`: an int, or what `x.__index__()` returns.
fn index(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let x = exactly_one("index", &args)?;
    if let Some(i) = crate::dunders::index(vm, &x)? {
        return Ok(i);
    }
    match x {
        n @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => Ok(n),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            crate::object::types::type_of(&other).name()
        ))),
    }
}

fn add(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    binary(vm, BinOp::Add, "add", &args)
}

fn sub(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    binary(vm, BinOp::Sub, "sub", &args)
}

fn mul(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    binary(vm, BinOp::Mult, "mul", &args)
}

fn truediv(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    binary(vm, BinOp::Div, "truediv", &args)
}

fn floordiv(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    binary(vm, BinOp::FloorDiv, "floordiv", &args)
}

fn modulo(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    binary(vm, BinOp::Mod, "mod", &args)
}

fn neg(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("neg", &args)?;
    crate::ops::unary_op(vm, loopscope_syntax::ast::UnaryOp::Neg, &v)
}

fn getter(class: TypeId, args: Args) -> PyResult<Value> {
    let name = class.name();
    no_kwargs(name, &args)?;
    if args.pos.is_empty() {
        return Err(type_error(format!("{name} expected 1 argument, got 0")));
    }
    Ok(CallableObject::value(class, Value::tuple(args.pos)))
}

fn itemgetter(_vm: &mut Vm, class: TypeId, args: Args) -> PyResult<Value> {
    getter(class, args)
}

fn attrgetter(_vm: &mut Vm, class: TypeId, args: Args) -> PyResult<Value> {
    for a in &args.pos {
        if !matches!(a, Value::Str(_)) {
            return Err(type_error("attribute name must be a string"));
        }
    }
    getter(class, args)
}

/// Apply `one` to each key of the getter: one result, or a tuple of them.
fn apply_keys(
    vm: &mut Vm,
    getter: &Value,
    args: &Args,
    one: fn(&mut Vm, &Value, &Value) -> PyResult<Value>,
) -> PyResult<Value> {
    no_kwargs("getter", args)?;
    count_range("getter", args, 1, 1)?;
    let keys = downcast::<CallableObject>(getter).map(|o| o.state.clone());
    let Some(Value::Tuple(keys)) = keys else {
        return Err(type_error("bad getter"));
    };
    let obj = &args.pos[0];
    if keys.len() == 1 {
        return one(vm, obj, &keys[0]);
    }
    let mut out = Vec::with_capacity(keys.len());
    for k in keys.iter() {
        out.push(one(vm, obj, k)?);
    }
    Ok(Value::tuple(out))
}

fn get_items(vm: &mut Vm, keys: &Value, args: Args) -> PyResult<Value> {
    apply_keys(vm, keys, &args, |vm, obj, k| {
        crate::ops::get_item(vm, obj, k)
    })
}

fn get_attrs(vm: &mut Vm, keys: &Value, args: Args) -> PyResult<Value> {
    apply_keys(vm, keys, &args, |vm, obj, k| {
        let Value::Str(path) = k else {
            return Err(type_error("attribute name must be a string"));
        };
        let mut v = obj.clone();
        for part in path.split('.') {
            v = crate::attrs::get_attr(vm, &v, part)?;
        }
        Ok(v)
    })
}
