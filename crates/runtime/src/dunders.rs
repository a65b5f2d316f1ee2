//! The special methods of classes: what an operator, `len()`, `hash()`,
//! truth testing, subscripts, iteration and `await` do when an operand is
//! an instance of a class (CPython's slot functions `slot_nb_add`, ...).
//!
//! A special method the class defines in Python (see
//! `Class::lookup_override`) runs; otherwise the built-in behaviour of the
//! instance's payload applies (the list of a `class Stack(list)`), and an
//! instance without either gets CPython's TypeError. Every entry point
//! returns `None` when no operand is an instance of a class, so the
//! operators keep their fast paths for built-in values.

use loopscope_syntax::ast::{BinOp, CmpOp, UnaryOp};

use crate::object::exceptions::{exc, type_error};
use crate::object::instance::payload;
use crate::object::types::{type_of, TypeId, TypeRef};
use crate::object::value::{Args, PyResult, Value};
use crate::vm::Vm;

/// Whether `v` is an instance of a class (its type may override
/// behaviour): an instance, or a class whose metaclass is a class.
#[inline]
pub fn is_class_instance(v: &Value) -> bool {
    match v {
        Value::Instance(_) => true,
        Value::Exception(e) => matches!(e.class, TypeRef::Class(_)),
        Value::Type(TypeRef::Class(c)) => matches!(c.metaclass, TypeRef::Class(_)),
        _ => false,
    }
}

/// The special method `name` of `v`'s class, if Python code defines it.
fn special(v: &Value, name: &str) -> Option<Value> {
    if !is_class_instance(v) {
        return None;
    }
    type_of(v).lookup_override(name)
}

/// Call `v`'s special method `name` if its class defines it in Python:
/// `None` when it does not (or `v` is no instance of a class).
pub fn call_special(
    vm: &mut Vm,
    v: &Value,
    name: &str,
    args: Vec<Value>,
) -> PyResult<Option<Value>> {
    match special(v, name) {
        Some(f) => call(vm, &f, v, args).map(Some),
        None => Ok(None),
    }
}

/// `operator.index(v)` for an instance of a class: what its `__index__`
/// returns, which must be an int (the int of a subclass of int);
/// `None` for other values.
pub fn index(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if !is_class_instance(v) {
        return Ok(None);
    }
    let found = match special(v, "__index__") {
        Some(f) => call(vm, &f, v, Vec::new())?,
        // The int of an instance of a subclass of int; nothing otherwise.
        None => {
            return Ok(match payload(v) {
                n @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => Some(n.clone()),
                _ => None,
            })
        }
    };
    match found {
        n @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => Ok(Some(n)),
        other => Err(type_error(format!(
            "__index__ returned non-int (type {})",
            type_of(&other).name()
        ))),
    }
}

/// Call `v`'s special method `f` with `args`.
fn call(vm: &mut Vm, f: &Value, v: &Value, args: Vec<Value>) -> PyResult<Value> {
    crate::attrs::call_special_method(vm, f, v, Args::new(args))
}

fn binary_names(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mult => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
    }
}

/// `a op b` (or `a op= b`) when an operand is an instance of a class:
/// CPython's `binary_op1` — the left operand's method, or first the right
/// one's reflected method when the right operand's class is a subclass of
/// the left's that overrides it; `NotImplemented` passes to the other.
#[inline]
pub fn binary(
    vm: &mut Vm,
    op: BinOp,
    a: &Value,
    b: &Value,
    inplace: bool,
) -> PyResult<Option<Value>> {
    if !is_class_instance(a) && !is_class_instance(b) {
        return Ok(None);
    }
    binary_of_instance(vm, op, a, b, inplace)
}

#[inline(never)]
fn binary_of_instance(
    vm: &mut Vm,
    op: BinOp,
    a: &Value,
    b: &Value,
    inplace: bool,
) -> PyResult<Option<Value>> {
    // `str % obj` formats whatever `obj` is: str's slot comes first and
    // takes every right operand (only a str subclass could answer first).
    if let (BinOp::Mod, Value::Str(fmt)) = (op, a) {
        if !type_of(b).is_subclass_of(TypeId::Str) {
            return crate::format::percent_format(vm, fmt, b).map(|s| Some(Value::str(&s)));
        }
    }
    let (name, rname, iname) = binary_names(op);
    if inplace {
        if let Some(f) = special(a, iname) {
            let r = call(vm, &f, a, vec![b.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
    }
    let (ta, tb) = (type_of(a), type_of(b));
    let left = special(a, name);
    let mut right = if tb.is(&ta) { None } else { special(b, rname) };
    if let (Some(_), Some(rf)) = (&left, &right) {
        if tb.is_subclass(&ta) {
            let r = call(vm, &rf.clone(), b, vec![a.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
            right = None;
        }
    }
    if let Some(f) = left {
        let r = call(vm, &f, a, vec![b.clone()])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(Some(r));
        }
    }
    if let Some(f) = right {
        let r = call(vm, &f, b, vec![a.clone()])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(Some(r));
        }
    }
    let (pa, pb) = (payload(a), payload(b));
    if !pa.is(a) || !pb.is(b) {
        let (pa, pb) = (pa.clone(), pb.clone());
        if !is_class_instance(&pa) && !is_class_instance(&pb) {
            // The payloads' own refusal would name the built-in types; the
            // message below names the classes, as CPython's does.
            match crate::ops::binary_op(vm, op, &pa, &pb) {
                Err(e) if refuses_operands(&e) => {}
                result => return result.map(Some),
            }
        }
    }
    if matches!(a, Value::Type(_)) || matches!(b, Value::Type(_)) {
        // What classes do by being types (`Color | None`).
        return Ok(None);
    }
    if op == BinOp::Mult {
        // `"ab" * n` with an object that has `__index__`.
        for (seq, n) in [(a, b), (b, a)] {
            let sequence = matches!(
                seq,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
            );
            if sequence {
                if let Some(count) = index(vm, n)? {
                    return crate::ops::binary_op(vm, op, seq, &count).map(Some);
                }
            }
        }
        // Neither operand's `__mul__`/`__rmul__` took it: a sequence repeats
        // only by an integer (CPython's `sq_repeat` asks for `__index__`).
        for (seq, n) in [(a, b), (b, a)] {
            if matches!(
                payload(seq),
                Value::Str(_)
                    | Value::List(_)
                    | Value::Tuple(_)
                    | Value::Bytes(_)
                    | Value::ByteArray(_)
            ) {
                return Err(type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    type_of(n).name()
                )));
            }
        }
    }
    let symbol = match (op, inplace) {
        (BinOp::Pow, false) => "** or pow()".to_string(),
        (op, false) => op.symbol().to_string(),
        (op, true) => format!("{}=", op.symbol()),
    };
    Err(type_error(format!(
        "unsupported operand type(s) for {symbol}: '{}' and '{}'",
        ta.name(),
        tb.name()
    )))
}

/// Whether `e` is the TypeError saying no operand supports the operator (or
/// that a sequence repeats only by an int, which names a type too).
fn refuses_operands(e: &crate::object::value::ExcRef) -> bool {
    e.is(TypeId::TypeError)
        && matches!(e.first_arg(), Value::Str(m) if m.starts_with("unsupported operand type(s)")
            || m.starts_with("can't multiply sequence by non-int"))
}

/// `-a`, `+a`, `~a`, `not a` on an instance of a class.
#[inline]
pub fn unary(vm: &mut Vm, op: UnaryOp, a: &Value) -> PyResult<Option<Value>> {
    if !is_class_instance(a) {
        return Ok(None);
    }
    unary_of_instance(vm, op, a)
}

#[inline(never)]
fn unary_of_instance(vm: &mut Vm, op: UnaryOp, a: &Value) -> PyResult<Option<Value>> {
    let name = match op {
        UnaryOp::Not => return Ok(Some(Value::Bool(!truthy(vm, a)?.unwrap_or(true)))),
        UnaryOp::Neg => "__neg__",
        UnaryOp::Pos => "__pos__",
        UnaryOp::Invert => "__invert__",
    };
    if let Some(f) = special(a, name) {
        return call(vm, &f, a, Vec::new()).map(Some);
    }
    let inner = payload(a);
    if !inner.is(a) {
        return crate::ops::unary_op(vm, op, &inner.clone()).map(Some);
    }
    let symbol = match op {
        UnaryOp::Neg => "-",
        UnaryOp::Pos => "+",
        _ => "~",
    };
    Err(type_error(format!(
        "bad operand type for unary {symbol}: '{}'",
        type_of(a).name()
    )))
}

/// The name of a rich comparison and of its reflection.
fn compare_names(op: CmpOp) -> Option<(&'static str, &'static str)> {
    Some(match op {
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::LtE => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        CmpOp::GtE => ("__ge__", "__le__"),
        CmpOp::Eq => ("__eq__", "__eq__"),
        CmpOp::NotEq => ("__ne__", "__ne__"),
        _ => return None,
    })
}

/// A rich comparison's method of `v`: `__ne__` not defined but `__eq__`
/// defined gives the inverse of `__eq__` (as `object.__ne__` does).
fn comparison(vm: &mut Vm, v: &Value, name: &str, other: &Value) -> PyResult<Option<Value>> {
    if let Some(f) = special(v, name) {
        return call(vm, &f, v, vec![other.clone()]).map(Some);
    }
    if name == "__ne__" {
        if let Some(f) = special(v, "__eq__") {
            let r = call(vm, &f, v, vec![other.clone()])?;
            if matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
            return Ok(Some(Value::Bool(!crate::ops::truthy(vm, &r)?)));
        }
    }
    Ok(None)
}

/// `a op b` for the rich comparisons when an operand is an instance of a
/// class: CPython's `do_richcompare`.
#[inline]
pub fn compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !is_class_instance(a) && !is_class_instance(b) {
        return Ok(None);
    }
    compare_of_instance(vm, op, a, b)
}

#[inline(never)]
fn compare_of_instance(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some((name, rname)) = compare_names(op) else {
        return Ok(None);
    };
    let (ta, tb) = (type_of(a), type_of(b));
    let mut checked_reflected = false;
    if !tb.is(&ta) && tb.is_subclass(&ta) && special(b, rname).is_some() {
        checked_reflected = true;
        if let Some(r) = comparison(vm, b, rname, a)? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
    }
    if let Some(r) = comparison(vm, a, name, b)? {
        if !matches!(r, Value::NotImplemented) {
            return Ok(Some(r));
        }
    }
    if !checked_reflected {
        if let Some(r) = comparison(vm, b, rname, a)? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
    }
    let (pa, pb) = (payload(a).clone(), payload(b).clone());
    if (!pa.is(a) || !pb.is(b)) && !is_class_instance(&pa) && !is_class_instance(&pb) {
        return crate::ops::compare_op(vm, op, &pa, &pb).map(Some);
    }
    match op {
        CmpOp::Eq => Ok(Some(Value::Bool(a.is(b)))),
        CmpOp::NotEq => Ok(Some(Value::Bool(!a.is(b)))),
        _ => Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            ta.name(),
            tb.name()
        ))),
    }
}

/// `bool(v)` for an instance of a class: `__bool__`, else `__len__`, else
/// its payload's truth, else true.
#[inline]
pub fn truthy(vm: &mut Vm, v: &Value) -> PyResult<Option<bool>> {
    if !is_class_instance(v) {
        return Ok(None);
    }
    truthy_of_instance(vm, v)
}

#[inline(never)]
fn truthy_of_instance(vm: &mut Vm, v: &Value) -> PyResult<Option<bool>> {
    if let Some(f) = special(v, "__bool__") {
        return match call(vm, &f, v, Vec::new())? {
            Value::Bool(b) => Ok(Some(b)),
            other => Err(type_error(format!(
                "__bool__ should return bool, returned {}",
                type_of(&other).name()
            ))),
        };
    }
    if special(v, "__len__").is_some() {
        return Ok(Some(len(vm, v)?.unwrap_or(0) > 0));
    }
    let inner = payload(v);
    if !inner.is(v) {
        return crate::ops::truthy(vm, &inner.clone()).map(Some);
    }
    Ok(Some(true))
}

/// `len(v)` for an instance of a class.
#[inline]
pub fn len(vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
    if !is_class_instance(v) {
        return Ok(None);
    }
    len_of_instance(vm, v)
}

#[inline(never)]
fn len_of_instance(vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
    if let Some(f) = special(v, "__len__") {
        return match call(vm, &f, v, Vec::new())? {
            Value::Int(n) if n >= 0 => Ok(Some(n as usize)),
            Value::Bool(b) => Ok(Some(b as usize)),
            Value::Int(_) => Err(exc(TypeId::ValueError, "__len__() should return >= 0")),
            Value::BigInt(_) => Err(exc(
                TypeId::OverflowError,
                "cannot fit 'int' into an index-sized integer",
            )),
            other => Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_of(&other).name()
            ))),
        };
    }
    let inner = payload(v);
    if !inner.is(v) {
        return crate::ops::len(vm, &inner.clone()).map(Some);
    }
    Err(type_error(format!(
        "object of type '{}' has no len()",
        type_of(v).name()
    )))
}

/// `hash(v)` for an instance of a class: its `__hash__`, None when the
/// class sets `__hash__ = None` (as defining `__eq__` alone does), else
/// its payload's hash, else by identity.
#[inline]
pub fn hash(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    if !is_class_instance(v) {
        return Ok(None);
    }
    hash_of_instance(vm, v)
}

#[inline(never)]
fn hash_of_instance(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    match special(v, "__hash__") {
        Some(Value::None) => Err(type_error(format!(
            "unhashable type: '{}'",
            type_of(v).name()
        ))),
        Some(f) => match call(vm, &f, v, Vec::new())? {
            Value::Int(i) => Ok(Some(if i == -1 { -2 } else { i })),
            Value::Bool(b) => Ok(Some(b as i64)),
            big @ Value::BigInt(_) => crate::object::hash::hash_value(&big).map(Some),
            _ => Err(type_error("__hash__ method should return an integer")),
        },
        None => {
            let inner = payload(v);
            if !inner.is(v) {
                return crate::object::hash::hash_value(inner).map(Some);
            }
            crate::object::hash::hash_value(v).map(Some)
        }
    }
}

/// `item in v` for an instance of a class: `__contains__`, else
/// iteration (`__iter__`), else the payload's.
#[inline]
pub fn contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<Option<bool>> {
    if !is_class_instance(v) {
        return Ok(None);
    }
    contains_of_instance(vm, v, item)
}

#[inline(never)]
fn contains_of_instance(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<Option<bool>> {
    if let Some(f) = special(v, "__contains__") {
        let r = call(vm, &f, v, vec![item.clone()])?;
        return crate::ops::truthy(vm, &r).map(Some);
    }
    let inner = payload(v);
    let searchable =
        special(v, "__iter__").is_some() || (inner.is(v) && special(v, "__getitem__").is_some());
    if searchable {
        let it = crate::iterators::get_iter(vm, v)?;
        while let Some(x) = crate::iterators::next_item(vm, &it)? {
            if x.is(item) || crate::ops::eq(vm, &x, item)? {
                return Ok(Some(true));
            }
        }
        return Ok(Some(false));
    }
    if !inner.is(v) {
        return crate::ops::contains(vm, &inner.clone(), item).map(Some);
    }
    Err(type_error(format!(
        "argument of type '{}' is not iterable",
        type_of(v).name()
    )))
}

/// `v[key]`, `v[key] = value` (`Some`) or `del v[key]`, for an instance of
/// a class.
pub enum Subscript {
    Get,
    Set(Value),
    Delete,
}

#[inline]
pub fn subscript(vm: &mut Vm, v: &Value, key: &Value, what: Subscript) -> PyResult<Option<Value>> {
    if !is_class_instance(v) {
        return Ok(None);
    }
    subscript_of_instance(vm, v, key, what)
}

#[inline(never)]
fn subscript_of_instance(
    vm: &mut Vm,
    v: &Value,
    key: &Value,
    what: Subscript,
) -> PyResult<Option<Value>> {
    let (name, args, error) = match &what {
        Subscript::Get => ("__getitem__", vec![key.clone()], "is not subscriptable"),
        Subscript::Set(value) => (
            "__setitem__",
            vec![key.clone(), value.clone()],
            "does not support item assignment",
        ),
        Subscript::Delete => (
            "__delitem__",
            vec![key.clone()],
            "doesn't support item deletion",
        ),
    };
    if let Some(f) = special(v, name) {
        let r = call(vm, &f, v, args)?;
        return Ok(Some(r));
    }
    if let (Subscript::Get, Some(f)) = (&what, special(v, "__missing__")) {
        // A dict subclass: `__missing__` answers what its dict lacks.
        if let Value::Dict(d) = payload(v) {
            let found = crate::mapping::dict_get(vm, d, key)?;
            return match found {
                Some(x) => Ok(Some(x)),
                None => call(vm, &f, v, vec![key.clone()]).map(Some),
            };
        }
    }
    if matches!(v, Value::Type(_)) {
        // A class's `__class_getitem__` (`Model[int]`).
        return Ok(None);
    }
    let inner = payload(v).clone();
    if !inner.is(v) {
        return match what {
            Subscript::Get => crate::ops::get_item(vm, &inner, key).map(Some),
            Subscript::Set(value) => {
                crate::ops::set_item(vm, &inner, key.clone(), value).map(|()| Some(Value::None))
            }
            Subscript::Delete => crate::ops::del_item(vm, &inner, key).map(|()| Some(Value::None)),
        };
    }
    Err(type_error(format!(
        "'{}' object {error}",
        type_of(v).name()
    )))
}

/// `iter(v)` for an instance of a class: `__iter__`, whose result must be
/// an iterator, else the payload's iterator.
#[inline]
pub fn iter(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if !is_class_instance(v) {
        return Ok(None);
    }
    iter_of_instance(vm, v)
}

#[inline(never)]
fn iter_of_instance(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if let Some(f) = special(v, "__iter__") {
        let it = call(vm, &f, v, Vec::new())?;
        if !is_iterator(vm, &it) {
            return Err(type_error(format!(
                "iter() returned non-iterator of type '{}'",
                type_of(&it).name()
            )));
        }
        return Ok(Some(it));
    }
    let inner = payload(v);
    if !inner.is(v) {
        return crate::iterators::get_iter(vm, &inner.clone()).map(Some);
    }
    // The old sequence protocol: `__getitem__` from 0 until IndexError.
    if special(v, "__getitem__").is_some() {
        let state = crate::object::iter_state::IterState::Sequence {
            seq: Some(v.clone()),
            index: 0,
        };
        return Ok(Some(crate::iterators::new_iter(state)));
    }
    Err(type_error(format!(
        "'{}' object is not iterable",
        type_of(v).name()
    )))
}

/// Whether `v` can be advanced with `next()`.
pub fn is_iterator(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Iter(_) => true,
        Value::Generator(g) => g.is_sync_gen(),
        _ if is_class_instance(v) => special(v, "__next__").is_some(),
        _ => vm
            .slots
            .method(crate::object::types::builtin_type_of(v), "__next__")
            .is_some(),
    }
}

/// `next(v)` for an instance of a class: `__next__`; `None` when it
/// raises StopIteration.
#[inline]
pub fn next(vm: &mut Vm, v: &Value) -> PyResult<Option<Option<Value>>> {
    if !is_class_instance(v) {
        return Ok(None);
    }
    next_of_instance(vm, v)
}

#[inline(never)]
fn next_of_instance(vm: &mut Vm, v: &Value) -> PyResult<Option<Option<Value>>> {
    let Some(f) = special(v, "__next__") else {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            type_of(v).name()
        )));
    };
    match call(vm, &f, v, Vec::new()) {
        Ok(x) => Ok(Some(Some(x))),
        Err(e) if e.is(TypeId::StopIteration) => Ok(Some(None)),
        Err(e) => Err(e),
    }
}

/// `await v` for an instance of a class: the iterator its `__await__`
/// returns, which the awaiting frame then drives.
#[inline]
pub fn awaitable(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if !is_class_instance(v) {
        return Ok(None);
    }
    awaitable_of_instance(vm, v)
}

#[inline(never)]
fn awaitable_of_instance(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(f) = special(v, "__await__") else {
        return Ok(None);
    };
    let it = call(vm, &f, v, Vec::new())?;
    if let Value::Generator(g) = &it {
        if g.is_coroutine {
            return Err(type_error("__await__() returned a coroutine"));
        }
    }
    if !is_iterator(vm, &it) && !crate::iterators::is_await_iterator(vm, &it) {
        return Err(type_error(format!(
            "__await__() returned non-iterator of type '{}'",
            type_of(&it).name()
        )));
    }
    Ok(Some(it))
}
