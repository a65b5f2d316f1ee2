//! `operator`: the operators as functions (arithmetic, bitwise,
//! comparisons, unary, `contains`, `truth`, `index`) and `itemgetter` / `attrgetter`
//! ([`CallableObject`]s whose state is the tuple of keys).

use std::rc::Rc;

use loopscope_syntax::ast::{BinOp, CmpOp, UnaryOp};

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
        ("matmul", matmul),
        ("truediv", truediv),
        ("floordiv", floordiv),
        ("mod", modulo),
        ("pow", power),
        ("lshift", lshift),
        ("rshift", rshift),
        ("or_", or),
        ("xor", xor),
        ("and_", and),
        ("lt", lt),
        ("le", le),
        ("eq", eq),
        ("ne", ne),
        ("ge", ge),
        ("gt", gt),
        ("is_", is),
        ("is_not", is_not),
        ("neg", neg),
        ("pos", pos),
        ("invert", invert),
        ("not_", not),
        ("truth", truth),
        ("abs", crate::builtins::arithmetic::abs),
        ("contains", contains),
        ("index", index),
        ("__getattr__", module_getattr),
    ];
    let m = super::native_module("operator", stdlib_path!("operator.py"), FUNCTIONS);
    for t in [TypeId::ItemGetter, TypeId::AttrGetter] {
        m.attrs
            .borrow_mut()
            .insert_str(t.name(), Value::Type(TypeRef::Builtin(t)));
    }
    super::set_all(&m, ALL);
    Ok(m)
}

/// CPython's `operator.__all__` (less what Loopscope lacks: docs/differences.md).
const ALL: &[&str] = &[
    "abs",
    "add",
    "and_",
    "attrgetter",
    "call",
    "concat",
    "contains",
    "countOf",
    "delitem",
    "eq",
    "floordiv",
    "ge",
    "getitem",
    "gt",
    "iadd",
    "iand",
    "iconcat",
    "ifloordiv",
    "ilshift",
    "imatmul",
    "imod",
    "imul",
    "index",
    "indexOf",
    "inv",
    "invert",
    "ior",
    "ipow",
    "irshift",
    "is_",
    "is_not",
    "isub",
    "itemgetter",
    "itruediv",
    "ixor",
    "le",
    "length_hint",
    "lshift",
    "lt",
    "matmul",
    "methodcaller",
    "mod",
    "mul",
    "ne",
    "neg",
    "not_",
    "or_",
    "pos",
    "pow",
    "rshift",
    "setitem",
    "sub",
    "truediv",
    "truth",
    "xor",
];

/// The module's `__getattr__`: the functions of its Python half
/// (`methodcaller`, `getitem`, `iadd`, ...), imported on first use.
fn module_getattr(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let name = exactly_one("__getattr__", &args)?;
    let name = crate::repr::str_value(&name)?;
    let half = vm.import("_operator_extra")?;
    match crate::attrs::get_attr(vm, &half, &name) {
        Err(e) if e.is(TypeId::AttributeError) => Err(crate::object::exceptions::exc(
            TypeId::AttributeError,
            format!("module 'operator' has no attribute '{name}'"),
        )),
        found => found,
    }
}

/// `operator.index(x)`: an int, or what `x.__index__()` returns.
fn index(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let x = exactly_one("index", &args)?;
    if let Some(i) = crate::dunders::index(vm, &x)? {
        return Ok(i);
    }
    match x {
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        n @ (Value::Int(_) | Value::BigInt(_)) => Ok(n),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            crate::object::types::type_of(&other).name()
        ))),
    }
}

/// Native functions applying one binary operator to their two arguments.
macro_rules! binary_functions {
    ($($f:ident = $name:literal $op:ident;)*) => {$(
        fn $f(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
            binary(vm, BinOp::$op, $name, &args)
        }
    )*};
}

binary_functions! {
    add = "add" Add; sub = "sub" Sub; mul = "mul" Mult; matmul = "matmul" MatMult;
    truediv = "truediv" Div; floordiv = "floordiv" FloorDiv; modulo = "mod" Mod;
    power = "pow" Pow; lshift = "lshift" LShift; rshift = "rshift" RShift;
    or = "or_" BitOr; xor = "xor" BitXor; and = "and_" BitAnd;
}

/// Native functions applying one comparison to their two arguments.
macro_rules! comparison_functions {
    ($($f:ident = $name:literal $op:ident;)*) => {$(
        fn $f(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
            let (a, b) = two($name, &args)?;
            crate::ops::compare_op(vm, CmpOp::$op, &a, &b)
        }
    )*};
}

comparison_functions! {
    lt = "lt" Lt; le = "le" LtE; eq = "eq" Eq; ne = "ne" NotEq; ge = "ge" GtE; gt = "gt" Gt;
    is = "is_" Is; is_not = "is_not" IsNot;
}

/// Native functions applying one unary operator to their argument.
macro_rules! unary_functions {
    ($($f:ident = $name:literal $op:ident;)*) => {$(
        fn $f(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
            let v = exactly_one($name, &args)?;
            crate::ops::unary_op(vm, UnaryOp::$op, &v)
        }
    )*};
}

unary_functions! {
    neg = "neg" Neg; pos = "pos" Pos; invert = "invert" Invert; not = "not_" Not;
}

fn two(name: &str, args: &Args) -> PyResult<(Value, Value)> {
    no_kwargs(name, args)?;
    count_range(name, args, 2, 2)?;
    Ok((args.pos[0].clone(), args.pos[1].clone()))
}

/// `operator.contains(a, b)`: `b in a`.
fn contains(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let (a, b) = two("contains", &args)?;
    Ok(Value::Bool(crate::ops::contains(vm, &a, &b)?))
}

fn truth(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("truth", &args)?;
    Ok(Value::Bool(crate::ops::truthy(vm, &v)?))
}

fn getter(class: TypeId, args: Args) -> PyResult<Value> {
    let name = class.name();
    no_kwargs(name, &args)?;
    if args.pos.is_empty() {
        return Err(type_error(format!("{name} expected 1 argument, got 0")));
    }
    Ok(CallableObject::value(
        class,
        Value::tuple(args.pos.into_vec()),
    ))
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
