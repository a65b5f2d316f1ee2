//! The special methods of the built-in value types as attributes
//! (`int.__add__`, `dict.__getitem__`, `list.__iter__`, `str.__len__`).
//! Each type lists those CPython 3.11 defines on it, so that `hasattr(5,
//! "__len__")` is false and `hasattr(list, "__getitem__")` true, and
//! library code can pass them around as callables. Each runs the engine's
//! own operation on its receiver (the payload of an instance of a
//! subclass); like the C slots, the arithmetic and comparison methods
//! answer NotImplemented for an operand of another kind (`(1).__eq__(1.0)`,
//! `int.__add__(1, 'a')`), so reflected methods get their turn.

use loopscope_syntax::ast::{BinOp, CmpOp, UnaryOp};

use super::args::{count_range, exactly_one, no_kwargs};
use crate::dunders::is_class_instance;
use crate::object::exceptions::{type_error, Exception};
use crate::object::instance::payload;
use crate::object::types::{builtin_type_of, type_of, TypeId};
use crate::object::value::{Args, NativeFn, PyResult, Value};
use crate::ops;
use crate::vm::Vm;

/// Which operand the receiver is.
#[derive(Clone, Copy)]
enum Side {
    /// `a.__add__(b)`: `a + b`.
    Left,
    /// `a.__radd__(b)`: `b + a`.
    Right,
    /// `a.__iadd__(b)`: `a += b`.
    InPlace,
}

macro_rules! binary_methods {
    ($($func:ident = $name:literal, $op:ident, $side:ident;)*) => {$(
        fn $func(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
            binary(vm, recv, args, $name, BinOp::$op, Side::$side)
        }
    )*};
}

binary_methods! {
    add = "__add__", Add, Left;
    radd = "__radd__", Add, Right;
    iadd = "__iadd__", Add, InPlace;
    sub = "__sub__", Sub, Left;
    rsub = "__rsub__", Sub, Right;
    isub = "__isub__", Sub, InPlace;
    mul = "__mul__", Mult, Left;
    rmul = "__rmul__", Mult, Right;
    imul = "__imul__", Mult, InPlace;
    truediv = "__truediv__", Div, Left;
    rtruediv = "__rtruediv__", Div, Right;
    floordiv = "__floordiv__", FloorDiv, Left;
    rfloordiv = "__rfloordiv__", FloorDiv, Right;
    modulo = "__mod__", Mod, Left;
    rmodulo = "__rmod__", Mod, Right;
    lshift = "__lshift__", LShift, Left;
    rlshift = "__rlshift__", LShift, Right;
    rshift = "__rshift__", RShift, Left;
    rrshift = "__rrshift__", RShift, Right;
    and = "__and__", BitAnd, Left;
    rand = "__rand__", BitAnd, Right;
    iand = "__iand__", BitAnd, InPlace;
    or = "__or__", BitOr, Left;
    ror = "__ror__", BitOr, Right;
    ior = "__ior__", BitOr, InPlace;
    xor = "__xor__", BitXor, Left;
    rxor = "__rxor__", BitXor, Right;
    ixor = "__ixor__", BitXor, InPlace;
}

macro_rules! comparison_methods {
    ($($func:ident = $name:literal, $op:ident;)*) => {$(
        fn $func(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
            compare(vm, recv, args, $name, CmpOp::$op)
        }
    )*};
}

comparison_methods! {
    eq = "__eq__", Eq;
    ne = "__ne__", NotEq;
    lt = "__lt__", Lt;
    le = "__le__", LtE;
    gt = "__gt__", Gt;
    ge = "__ge__", GtE;
}

macro_rules! unary_methods {
    ($($func:ident = $name:literal, $op:ident;)*) => {$(
        fn $func(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
            count_range($name, &args, 0, 0)?;
            ops::unary_op(vm, UnaryOp::$op, recv)
        }
    )*};
}

unary_methods! {
    neg = "__neg__", Neg;
    pos = "__pos__", Pos;
    invert = "__invert__", Invert;
}

macro_rules! builtin_calls {
    ($($func:ident = $builtin:literal;)*) => {$(
        fn $func(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
            call_builtin(vm, $builtin, recv, args)
        }
    )*};
}

builtin_calls! {
    abs = "abs";
    int = "int";
    float = "float";
    round = "round";
    divmod = "divmod";
    pow = "pow";
    format = "format";
    reversed = "reversed";
}

/// Ints and bools are one kind of operand; the others are their type.
fn kind(v: &Value) -> TypeId {
    match builtin_type_of(v) {
        TypeId::Bool => TypeId::Int,
        t => t,
    }
}

/// Whether the number `recv`'s slot takes `other` (an int takes ints, a
/// float ints and floats); any operand, for the other types.
fn takes(recv: &Value, other: &Value) -> bool {
    match (kind(recv), kind(other)) {
        (TypeId::Int, o) => o == TypeId::Int,
        (TypeId::Float, o) => o == TypeId::Int || o == TypeId::Float,
        (TypeId::Complex, o) => matches!(o, TypeId::Int | TypeId::Float | TypeId::Complex),
        _ => true,
    }
}

/// The other operand, itself a built-in value; `None` when it is an
/// instance of a class (its own methods decide).
fn operand(name: &str, args: &Args) -> PyResult<Option<Value>> {
    let other = exactly_one(name, args)?;
    let other = payload(&other).clone();
    Ok((!is_class_instance(&other)).then_some(other))
}

/// A TypeError saying the operation does not apply to these operands.
fn unsupported(e: &crate::object::value::ExcRef) -> bool {
    e.is(TypeId::TypeError)
        && matches!(e.args.borrow().first(), Some(Value::Str(m))
            if m.starts_with("unsupported operand") || m.contains("not supported between"))
}

fn binary(
    vm: &mut Vm,
    recv: &Value,
    args: Args,
    name: &str,
    op: BinOp,
    side: Side,
) -> PyResult<Value> {
    let Some(other) = operand(name, &args)? else {
        return Ok(Value::NotImplemented);
    };
    if !takes(recv, &other) {
        return Ok(Value::NotImplemented);
    }
    let result = match side {
        Side::Left => ops::binary_op(vm, op, recv, &other),
        Side::Right => ops::binary_op(vm, op, &other, recv),
        Side::InPlace => ops::inplace_op(vm, op, recv.clone(), &other),
    };
    match result {
        Err(e) if unsupported(&e) => Ok(Value::NotImplemented),
        r => r,
    }
}

fn compare(vm: &mut Vm, recv: &Value, args: Args, name: &str, op: CmpOp) -> PyResult<Value> {
    let Some(other) = operand(name, &args)? else {
        return Ok(Value::NotImplemented);
    };
    // Floats compare with ints; otherwise only values of one kind.
    let comparable = kind(recv) == kind(&other)
        || (matches!(kind(recv), TypeId::Float | TypeId::Complex) && takes(recv, &other));
    if !comparable {
        return Ok(Value::NotImplemented);
    }
    match ops::compare_op(vm, op, recv, &other) {
        Err(e) if unsupported(&e) => Ok(Value::NotImplemented),
        r => r,
    }
}

/// Call the built-in function `name` with the receiver first.
fn call_builtin(vm: &mut Vm, name: &str, recv: &Value, args: Args) -> PyResult<Value> {
    let Some(func) = vm.builtins.attrs.borrow().get_str(name) else {
        return Err(type_error(format!("no built-in {name}")));
    };
    vm.call_method(&func, recv, args)
}

fn rdivmod(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let Some(other) = operand("__rdivmod__", &args)? else {
        return Ok(Value::NotImplemented);
    };
    call_builtin(vm, "divmod", &other, Args::new(vec![recv.clone()]))
}

fn rpow(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let Some(other) = operand("__rpow__", &args)? else {
        return Ok(Value::NotImplemented);
    };
    call_builtin(vm, "pow", &other, Args::new(vec![recv.clone()]))
}

fn truth(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("__bool__", &args, 0, 0)?;
    Ok(Value::Bool(ops::truthy(vm, recv)?))
}

/// `__trunc__`, `__floor__`, `__ceil__`, `__index__`: the integer the
/// number rounds to.
fn integral(
    vm: &mut Vm,
    recv: &Value,
    args: &Args,
    name: &str,
    round: fn(f64) -> f64,
) -> PyResult<Value> {
    count_range(name, args, 0, 0)?;
    match recv {
        Value::Float(f) => call_builtin(vm, "int", &Value::Float(round(*f)), Args::default()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        other => Ok(other.clone()),
    }
}

fn trunc(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    integral(vm, recv, &args, "__trunc__", f64::trunc)
}

fn floor(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    integral(vm, recv, &args, "__floor__", f64::floor)
}

fn ceil(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    integral(vm, recv, &args, "__ceil__", f64::ceil)
}

fn index(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    integral(vm, recv, &args, "__index__", f64::trunc)
}

fn repr(vm: &mut Vm, recv: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::str(&crate::repr::repr(vm, recv)?))
}

fn str(vm: &mut Vm, recv: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::str(&crate::repr::str_of(vm, recv)?))
}

fn hash(vm: &mut Vm, recv: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(ops::hash(vm, recv)?))
}

fn len(vm: &mut Vm, recv: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(ops::len(vm, recv)? as i64))
}

fn getitem(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let key = exactly_one("__getitem__", &args)?;
    ops::get_item(vm, recv, &key)
}

/// `dict.__getitem__` (CPython's `dict_subscript`): the dict's own lookup,
/// then, for an instance of a subclass, its class's `__missing__`. It is bound
/// to the instance itself (`attrs::bind_target`), so `d.__getitem__(k)` and
/// `dict.__getitem__(d, k)` ask `__missing__` as `d[k]` does, and a class's
/// own `__getitem__` calling `super().__getitem__(k)` does not run again.
fn dict_getitem(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let key = exactly_one("__getitem__", &args)?;
    let Value::Dict(dict) = payload(recv) else {
        return ops::get_item(vm, recv, &key);
    };
    if let Some(found) = crate::mapping::dict_get(vm, dict, &key)? {
        return Ok(found);
    }
    if is_class_instance(recv) {
        if let Some(missing) = type_of(recv).lookup_override("__missing__") {
            return vm.call_method(&missing, recv, Args::new(vec![key]));
        }
    }
    Err(Exception::new(TypeId::KeyError, vec![key]))
}

fn setitem(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("__setitem__", &args)?;
    count_range("__setitem__", &args, 2, 2)?;
    ops::set_item(vm, recv, args.pos[0].clone(), args.pos[1].clone())?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let key = exactly_one("__delitem__", &args)?;
    ops::del_item(vm, recv, &key)?;
    Ok(Value::None)
}

fn contains(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let item = exactly_one("__contains__", &args)?;
    Ok(Value::Bool(ops::contains(vm, recv, &item)?))
}

fn iter(vm: &mut Vm, recv: &Value, _args: Args) -> PyResult<Value> {
    crate::iterators::get_iter(vm, recv)
}

fn bytes(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("__bytes__", &args, 0, 0)?;
    Ok(recv.clone())
}

/// `f.__call__(*args)`: calling the function, method or built-in.
fn call(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    vm.call(recv, args)
}

/// `object.__subclasshook__(subclass)`: no opinion.
pub fn subclasshook(_vm: &mut Vm, _recv: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::NotImplemented)
}

/// `list.__init__(self, iterable)` (and dict's, set's): refill the
/// container from the arguments, as the type's constructor reads them.
fn container_init(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let made = vm.call(&Value::Type(type_of(recv)), args)?;
    match (recv, made) {
        (Value::List(p), Value::List(f)) => *p.borrow_mut() = f.borrow().clone(),
        (Value::Dict(p), Value::Dict(f)) => *p.borrow_mut() = f.borrow().clone(),
        (Value::Set(p), Value::Set(f)) => *p.borrow_mut() = f.borrow().clone(),
        _ => {}
    }
    Ok(Value::None)
}

/// A table of special methods, the six rich comparisons first.
macro_rules! with_comparisons {
    ($($entry:expr),* $(,)?) => {
        &[
            ("__eq__", eq),
            ("__ne__", ne),
            ("__lt__", lt),
            ("__le__", le),
            ("__gt__", gt),
            ("__ge__", ge),
            $($entry),*
        ]
    };
}

/// `int`'s special methods.
pub const INT: &[(&str, NativeFn)] = with_comparisons![
    ("__abs__", abs),
    ("__add__", add),
    ("__and__", and),
    ("__bool__", truth),
    ("__ceil__", ceil),
    ("__divmod__", divmod),
    ("__float__", float),
    ("__floor__", floor),
    ("__floordiv__", floordiv),
    ("__format__", format),
    ("__hash__", hash),
    ("__index__", index),
    ("__int__", int),
    ("__invert__", invert),
    ("__lshift__", lshift),
    ("__mod__", modulo),
    ("__mul__", mul),
    ("__neg__", neg),
    ("__or__", or),
    ("__pos__", pos),
    ("__pow__", pow),
    ("__radd__", radd),
    ("__rand__", rand),
    ("__rdivmod__", rdivmod),
    ("__repr__", repr),
    ("__rfloordiv__", rfloordiv),
    ("__rlshift__", rlshift),
    ("__rmod__", rmodulo),
    ("__rmul__", rmul),
    ("__ror__", ror),
    ("__round__", round),
    ("__rpow__", rpow),
    ("__rrshift__", rrshift),
    ("__rshift__", rshift),
    ("__rsub__", rsub),
    ("__rtruediv__", rtruediv),
    ("__rxor__", rxor),
    ("__sub__", sub),
    ("__truediv__", truediv),
    ("__trunc__", trunc),
    ("__xor__", xor),
];

/// `bool`'s own special methods (the rest are `int`'s).
pub const BOOL: &[(&str, NativeFn)] = &[
    ("__and__", and),
    ("__or__", or),
    ("__rand__", rand),
    ("__repr__", repr),
    ("__ror__", ror),
    ("__rxor__", rxor),
    ("__xor__", xor),
];

/// `float`'s special methods.
pub const FLOAT: &[(&str, NativeFn)] = with_comparisons![
    ("__abs__", abs),
    ("__add__", add),
    ("__bool__", truth),
    ("__ceil__", ceil),
    ("__divmod__", divmod),
    ("__float__", float),
    ("__floor__", floor),
    ("__floordiv__", floordiv),
    ("__format__", format),
    ("__hash__", hash),
    ("__int__", int),
    ("__mod__", modulo),
    ("__mul__", mul),
    ("__neg__", neg),
    ("__pos__", pos),
    ("__pow__", pow),
    ("__radd__", radd),
    ("__rdivmod__", rdivmod),
    ("__repr__", repr),
    ("__rfloordiv__", rfloordiv),
    ("__rmod__", rmodulo),
    ("__rmul__", rmul),
    ("__round__", round),
    ("__rpow__", rpow),
    ("__rsub__", rsub),
    ("__rtruediv__", rtruediv),
    ("__sub__", sub),
    ("__truediv__", truediv),
    ("__trunc__", trunc),
];

/// `complex`'s special methods.
pub const COMPLEX: &[(&str, NativeFn)] = with_comparisons![
    ("__abs__", abs),
    ("__add__", add),
    ("__bool__", truth),
    ("__format__", format),
    ("__hash__", hash),
    ("__mul__", mul),
    ("__neg__", neg),
    ("__pos__", pos),
    ("__pow__", pow),
    ("__radd__", radd),
    ("__repr__", repr),
    ("__rmul__", rmul),
    ("__rpow__", rpow),
    ("__rsub__", rsub),
    ("__rtruediv__", rtruediv),
    ("__sub__", sub),
    ("__truediv__", truediv),
];

/// `str`'s special methods.
pub const STR: &[(&str, NativeFn)] = with_comparisons![
    ("__add__", add),
    ("__contains__", contains),
    ("__format__", format),
    ("__getitem__", getitem),
    ("__hash__", hash),
    ("__iter__", iter),
    ("__len__", len),
    ("__mod__", modulo),
    ("__mul__", mul),
    ("__repr__", repr),
    ("__rmod__", rmodulo),
    ("__rmul__", rmul),
    ("__str__", str),
];

/// `bytes`' special methods.
pub const BYTES: &[(&str, NativeFn)] = with_comparisons![
    ("__add__", add),
    ("__bytes__", bytes),
    ("__contains__", contains),
    ("__getitem__", getitem),
    ("__hash__", hash),
    ("__iter__", iter),
    ("__len__", len),
    ("__mod__", modulo),
    ("__mul__", mul),
    ("__repr__", repr),
    ("__rmod__", rmodulo),
    ("__rmul__", rmul),
    ("__str__", str),
];

/// `bytearray`'s special methods.
pub const BYTEARRAY: &[(&str, NativeFn)] = with_comparisons![
    ("__add__", add),
    ("__contains__", contains),
    ("__delitem__", delitem),
    ("__getitem__", getitem),
    ("__iadd__", iadd),
    ("__imul__", imul),
    ("__iter__", iter),
    ("__len__", len),
    ("__mul__", mul),
    ("__repr__", repr),
    ("__rmul__", rmul),
    ("__setitem__", setitem),
    ("__str__", str),
];

/// `tuple`'s special methods.
pub const TUPLE: &[(&str, NativeFn)] = with_comparisons![
    ("__add__", add),
    ("__contains__", contains),
    ("__getitem__", getitem),
    ("__hash__", hash),
    ("__iter__", iter),
    ("__len__", len),
    ("__mul__", mul),
    ("__repr__", repr),
    ("__rmul__", rmul),
];

/// `list`'s special methods.
pub const LIST: &[(&str, NativeFn)] = with_comparisons![
    ("__add__", add),
    ("__contains__", contains),
    ("__delitem__", delitem),
    ("__getitem__", getitem),
    ("__iadd__", iadd),
    ("__imul__", imul),
    ("__init__", container_init),
    ("__iter__", iter),
    ("__len__", len),
    ("__mul__", mul),
    ("__repr__", repr),
    ("__reversed__", reversed),
    ("__rmul__", rmul),
    ("__setitem__", setitem),
];

/// `dict`'s special methods.
pub const DICT: &[(&str, NativeFn)] = with_comparisons![
    ("__contains__", contains),
    ("__delitem__", delitem),
    ("__getitem__", dict_getitem),
    ("__init__", container_init),
    ("__ior__", ior),
    ("__iter__", iter),
    ("__len__", len),
    ("__or__", or),
    ("__repr__", repr),
    ("__reversed__", reversed),
    ("__ror__", ror),
    ("__setitem__", setitem),
];

/// `set`'s special methods.
pub const SET: &[(&str, NativeFn)] = with_comparisons![
    ("__and__", and),
    ("__contains__", contains),
    ("__iand__", iand),
    ("__init__", container_init),
    ("__ior__", ior),
    ("__isub__", isub),
    ("__iter__", iter),
    ("__ixor__", ixor),
    ("__len__", len),
    ("__or__", or),
    ("__rand__", rand),
    ("__repr__", repr),
    ("__ror__", ror),
    ("__rsub__", rsub),
    ("__rxor__", rxor),
    ("__sub__", sub),
    ("__xor__", xor),
];

/// `frozenset`'s special methods: `set`'s without the in-place ones, and a hash.
pub const FROZENSET: &[(&str, NativeFn)] = with_comparisons![
    ("__and__", and),
    ("__contains__", contains),
    ("__hash__", hash),
    ("__iter__", iter),
    ("__len__", len),
    ("__or__", or),
    ("__rand__", rand),
    ("__repr__", repr),
    ("__ror__", ror),
    ("__rsub__", rsub),
    ("__rxor__", rxor),
    ("__sub__", sub),
    ("__xor__", xor),
];

/// `range`'s special methods.
pub const RANGE: &[(&str, NativeFn)] = with_comparisons![
    ("__bool__", truth),
    ("__contains__", contains),
    ("__getitem__", getitem),
    ("__hash__", hash),
    ("__iter__", iter),
    ("__len__", len),
    ("__repr__", repr),
    ("__reversed__", reversed),
];

/// `slice`'s special methods.
pub const SLICE: &[(&str, NativeFn)] = with_comparisons![("__hash__", hash), ("__repr__", repr),];

/// The special method of functions, methods and built-in functions.
pub const CALLABLE: &[(&str, NativeFn)] = &[("__call__", call)];

/// `NoneType`'s special methods.
pub const NONE: &[(&str, NativeFn)] = &[("__bool__", truth), ("__repr__", repr)];
