//! Operators: arithmetic, comparison, truth, containment and subscripts,
//! with CPython's semantics and error messages.

use std::cmp::Ordering;
use std::rc::Rc;

use loopscope_cpython::float_repr::{float_floordiv, float_mod, int_to_float};
use loopscope_syntax::ast::{BinOp, CmpOp, UnaryOp};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::dunders::Subscript;
use crate::iterators;
pub use crate::object::compare::values_equal;
use crate::object::compare::{as_num, big, num_cmp, Num};
use crate::object::exceptions::{exc, type_error};
use crate::object::set::{Other, PySet};
use crate::object::types::{type_of, TypeId, TypeRef};
use crate::object::value::{Args, PyResult, Value};
use crate::vm::Vm;

pub fn to_float(v: &Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => int_to_float(b).map_err(crate::object::exceptions::cpython_error),
        Value::Float(f) => Ok(*f),
        _ => Err(type_error(format!(
            "must be real number, not {}",
            type_of(v).name()
        ))),
    }
}

fn zero_division(msg: &str) -> crate::object::value::ExcRef {
    exc(TypeId::ZeroDivisionError, msg)
}

fn unsupported(op: &str, a: &Value, b: &Value) -> crate::object::value::ExcRef {
    type_error(format!(
        "unsupported operand type(s) for {op}: '{}' and '{}'",
        type_of(a).name(),
        type_of(b).name()
    ))
}

pub fn binary_op(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    // Fast path: small ints.
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        let (x, y) = (*x, *y);
        let r = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mult => x.checked_mul(y),
            BinOp::FloorDiv if y != 0 && !(x == i64::MIN && y == -1) => {
                Some(Integer::div_floor(&x, &y))
            }
            BinOp::Mod if y != 0 && y != -1 => Some(Integer::mod_floor(&x, &y)),
            BinOp::BitAnd => Some(x & y),
            BinOp::BitOr => Some(x | y),
            BinOp::BitXor => Some(x ^ y),
            _ => None,
        };
        if let Some(r) = r {
            return Ok(Value::Int(r));
        }
    }
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return numeric_op(op, x, y, a, b);
    }
    if let Some(r) = crate::dunders::binary(vm, op, a, b, false)? {
        return Ok(r);
    }
    sequence_op(vm, op, a, b)
}

fn numeric_op(op: BinOp, x: Num, y: Num, a: &Value, b: &Value) -> PyResult<Value> {
    let is_float = matches!(x, Num::Float(_)) || matches!(y, Num::Float(_));
    if op == BinOp::Div {
        if is_float {
            let (fx, fy) = (to_float(a)?, to_float(b)?);
            if fy == 0.0 {
                return Err(zero_division("float division by zero"));
            }
            return Ok(Value::Float(fx / fy));
        }
        let (bx, by) = (big(&x), big(&y));
        if by.is_zero() {
            return Err(zero_division("division by zero"));
        }
        return Ok(Value::Float(true_divide(&bx, &by)?));
    }
    if is_float {
        let (fx, fy) = (to_float(a)?, to_float(b)?);
        let r = match op {
            BinOp::Add => fx + fy,
            BinOp::Sub => fx - fy,
            BinOp::Mult => fx * fy,
            BinOp::FloorDiv => {
                if fy == 0.0 {
                    return Err(zero_division("float floor division by zero"));
                }
                float_floordiv(fx, fy).map_err(crate::object::exceptions::cpython_error)?
            }
            BinOp::Mod => {
                if fy == 0.0 {
                    return Err(zero_division("float modulo"));
                }
                float_mod(fx, fy).map_err(crate::object::exceptions::cpython_error)?
            }
            BinOp::Pow => return float_pow(fx, fy),
            _ => return Err(unsupported(op.symbol(), a, b)),
        };
        return Ok(Value::Float(r));
    }
    let (bx, by) = (big(&x), big(&y));
    let r = match op {
        BinOp::Add => bx + by,
        BinOp::Sub => bx - by,
        BinOp::Mult => bx * by,
        BinOp::FloorDiv => {
            if by.is_zero() {
                return Err(zero_division("integer division or modulo by zero"));
            }
            bx.div_floor(&by)
        }
        BinOp::Mod => {
            if by.is_zero() {
                return Err(zero_division("integer modulo by zero"));
            }
            bx.mod_floor(&by)
        }
        BinOp::Pow => {
            if by.is_negative() {
                return float_pow(to_float(a)?, to_float(b)?);
            }
            let e = by.to_u32().ok_or_else(|| exc(TypeId::MemoryError, ""))?;
            if bx.bits() * e as u64 > 4_000_000 {
                return Err(exc(TypeId::MemoryError, ""));
            }
            num_traits::pow(bx, e as usize)
        }
        BinOp::LShift => {
            if by.is_negative() {
                return Err(exc(TypeId::ValueError, "negative shift count"));
            }
            let s = by.to_u64().unwrap_or(u64::MAX);
            if s > 4_000_000 {
                return Err(exc(TypeId::MemoryError, ""));
            }
            bx << s
        }
        BinOp::RShift => {
            if by.is_negative() {
                return Err(exc(TypeId::ValueError, "negative shift count"));
            }
            let s = by.to_u64().unwrap_or(u64::MAX).min(1 << 20);
            bx >> s
        }
        BinOp::BitAnd => bx & by,
        BinOp::BitOr => bx | by,
        BinOp::BitXor => bx ^ by,
        BinOp::Div | BinOp::MatMult => return Err(unsupported(op.symbol(), a, b)),
    };
    // bool & bool stays bool
    if matches!((a, b), (Value::Bool(_), Value::Bool(_)))
        && matches!(op, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor)
    {
        return Ok(Value::Bool(!r.is_zero()));
    }
    Ok(Value::from_bigint(r))
}

/// Correctly rounded int / int.
fn true_divide(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    loopscope_cpython::float_repr::int_true_divide(a, b)
        .map_err(crate::object::exceptions::cpython_error)
}

fn float_pow(x: f64, y: f64) -> PyResult<Value> {
    if x == 0.0 && y < 0.0 {
        return Err(zero_division("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.fract() != 0.0 {
        return Err(exc(
            TypeId::ValueError,
            "complex numbers are not supported yet (negative number raised to a fractional power)",
        ));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(exc(
            TypeId::OverflowError,
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(Value::Float(r))
}

fn sequence_op(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    match (op, a, b) {
        (BinOp::Add, Value::Str(x), Value::Str(y)) => {
            vm.check_size(x.len() + y.len())?;
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            Ok(Value::str(&s))
        }
        (BinOp::Add, Value::List(x), Value::List(y)) => {
            vm.check_items(x.borrow().len() + y.borrow().len())?;
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            Ok(Value::list(v))
        }
        (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
            vm.check_items(x.len() + y.len())?;
            let mut v = x.to_vec();
            v.extend(y.iter().cloned());
            Ok(Value::tuple(v))
        }
        (BinOp::Add, Value::Bytes(x), Value::Bytes(y)) => {
            vm.check_size(x.len() + y.len())?;
            let mut v = x.to_vec();
            v.extend_from_slice(y);
            Ok(Value::Bytes(Rc::from(v)))
        }
        (BinOp::Mult, seq, Value::Int(_) | Value::Bool(_))
            if matches!(
                seq,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
            ) =>
        {
            repeat(vm, seq, b)
        }
        (BinOp::Mult, Value::Int(_) | Value::Bool(_), seq)
            if matches!(
                seq,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
            ) =>
        {
            repeat(vm, seq, a)
        }
        (BinOp::Mod, Value::Str(fmt), args) => {
            crate::format::percent_format(vm, fmt, args).map(|s| Value::str(&s))
        }
        (BinOp::BitOr, Value::Dict(x), Value::Dict(y)) => {
            let mut d = x.borrow().clone();
            for (k, v) in y.borrow().iter() {
                d.insert(k.clone(), v.clone())?;
            }
            Ok(Value::dict(d))
        }
        (
            BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
            Value::Set(x),
            Value::Set(y),
        ) => {
            let y = (!Rc::ptr_eq(x, y)).then(|| y.borrow());
            let other = y.as_deref().map_or(Other::Itself, Other::Set);
            let x = x.borrow();
            let out = match op {
                BinOp::BitOr => x.union(other)?,
                BinOp::BitAnd => x.intersection(other)?,
                BinOp::Sub => x.difference(other)?,
                _ => x.symmetric_difference(other)?,
            };
            Ok(Value::set(out))
        }
        _ => {
            if op == BinOp::BitOr {
                if let Some(union) = crate::object::union::union_of(a, b) {
                    return Ok(union);
                }
            }
            if op == BinOp::Add {
                if let Value::Str(_) = a {
                    return Err(type_error(format!(
                        "can only concatenate str (not \"{}\") to str",
                        type_of(b).name()
                    )));
                }
                if let Value::List(_) = a {
                    return Err(type_error(format!(
                        "can only concatenate list (not \"{}\") to list",
                        type_of(b).name()
                    )));
                }
                if let Value::Tuple(_) = a {
                    return Err(type_error(format!(
                        "can only concatenate tuple (not \"{}\") to tuple",
                        type_of(b).name()
                    )));
                }
            }
            if op == BinOp::Mult && matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_)) {
                return Err(type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    type_of(b).name()
                )));
            }
            let sym = if op == BinOp::Pow {
                "** or pow()"
            } else {
                op.symbol()
            };
            Err(unsupported(sym, a, b))
        }
    }
}

fn repeat(vm: &mut Vm, seq: &Value, n: &Value) -> PyResult<Value> {
    let n = match n {
        Value::Int(i) => (*i).max(0) as usize,
        Value::Bool(b) => *b as usize,
        _ => 0,
    };
    let len = match seq {
        Value::Str(s) => s.len(),
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::Bytes(b) => b.len(),
        _ => 0,
    };
    if len.saturating_mul(n) > vm.limits.max_sequence_len {
        return Err(exc(TypeId::MemoryError, ""));
    }
    match seq {
        Value::List(_) | Value::Tuple(_) => vm.check_items(len * n)?,
        _ => {
            vm.count_native_work((len * n) as u64 / 64)?;
            vm.check_size(len * n)?
        }
    }
    Ok(match seq {
        Value::Str(s) => Value::str(&s.repeat(n)),
        Value::List(l) => {
            let l = l.borrow();
            let mut v = Vec::with_capacity(l.len() * n);
            for _ in 0..n {
                v.extend(l.iter().cloned());
            }
            Value::list(v)
        }
        Value::Tuple(t) => {
            let mut v = Vec::with_capacity(t.len() * n);
            for _ in 0..n {
                v.extend(t.iter().cloned());
            }
            Value::tuple(v)
        }
        Value::Bytes(b) => Value::Bytes(Rc::from(b.repeat(n))),
        _ => Value::None,
    })
}

/// `a op= b`: lists extend in place; everything else is the binary op.
pub fn inplace_op(vm: &mut Vm, op: BinOp, a: Value, b: &Value) -> PyResult<Value> {
    if let Some(r) = crate::dunders::binary(vm, op, &a, b, true)? {
        return Ok(r);
    }
    if let (BinOp::Add, Value::List(l)) = (op, &a) {
        let items = iterators::collect(vm, b)?;
        vm.check_items(l.borrow().len() + items.len())?;
        l.borrow_mut().extend(items);
        return Ok(a);
    }
    if let (
        BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
        Value::Set(s),
        Value::Set(o),
    ) = (op, &a, b)
    {
        let o = (!Rc::ptr_eq(s, o)).then(|| o.borrow());
        let other = o.as_deref().map_or(Other::Itself, Other::Set);
        let mut s = s.borrow_mut();
        match op {
            BinOp::BitOr => s.update(other)?,
            BinOp::BitAnd => s.intersection_update(other)?,
            BinOp::Sub => s.difference_update(other)?,
            _ => s.symmetric_difference_update(other)?,
        }
        drop(s);
        return Ok(a);
    }
    if let (BinOp::BitOr, Value::Dict(d), Value::Dict(o)) = (op, &a, b) {
        let items = o.borrow().items();
        let mut d = d.borrow_mut();
        for (k, v) in items {
            d.insert(k, v)?;
        }
        drop(d);
        return Ok(a);
    }
    binary_op(vm, op, &a, b).map_err(|e| {
        if e.class == TypeId::TypeError {
            if let Some(Value::Str(m)) = e.args.borrow().first() {
                if m.starts_with("unsupported operand") {
                    return unsupported(&format!("{}=", op.symbol()), &a, b);
                }
            }
        }
        e
    })
}

pub fn unary_op(vm: &mut Vm, op: UnaryOp, a: &Value) -> PyResult<Value> {
    if let Some(r) = crate::dunders::unary(vm, op, a)? {
        return Ok(r);
    }
    match op {
        UnaryOp::Not => Ok(Value::Bool(!truthy(vm, a)?)),
        UnaryOp::Neg => match a {
            Value::Int(i) => Ok(i
                .checked_neg()
                .map(Value::Int)
                .unwrap_or_else(|| Value::from_bigint(-BigInt::from(*i)))),
            Value::Bool(b) => Ok(Value::Int(-(*b as i64))),
            Value::BigInt(b) => Ok(Value::from_bigint(-(**b).clone())),
            Value::Float(f) => Ok(Value::Float(-f)),
            _ => Err(type_error(format!(
                "bad operand type for unary -: '{}'",
                type_of(a).name()
            ))),
        },
        UnaryOp::Pos => match a {
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) => Ok(a.clone()),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            _ => Err(type_error(format!(
                "bad operand type for unary +: '{}'",
                type_of(a).name()
            ))),
        },
        UnaryOp::Invert => match a {
            Value::Int(i) => Ok(Value::Int(!i)),
            Value::Bool(b) => Ok(Value::Int(!(*b as i64))),
            Value::BigInt(b) => Ok(Value::from_bigint(-(**b).clone() - 1)),
            _ => Err(type_error(format!(
                "bad operand type for unary ~: '{}'",
                type_of(a).name()
            ))),
        },
    }
}

pub fn truthy(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if let Some(b) = crate::dunders::truthy(vm, v)? {
        return Ok(b);
    }
    Ok(match v {
        Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::BigInt(_) => true,
        Value::Float(f) => *f != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::Bytes(b) => !b.is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::List(l) => !l.borrow().is_empty(),
        Value::Dict(d) => !d.borrow().is_empty(),
        Value::Set(s) => !s.borrow().is_empty(),
        Value::Range(r) => r.len() > 0,
        // dict views are sized; other iterators are always true.
        Value::Iter(it) => crate::iterators::view_len(&it.borrow()).is_none_or(|n| n > 0),
        _ => true,
    })
}

/// Ordering for the operator `sym` (`<`, `<=`, ...); `None` means "not
/// orderable" (TypeError). Sequences apply `sym` to their first differing
/// items (and name it in their TypeError), as CPython does.
fn order_as(vm: &mut Vm, a: &Value, b: &Value, sym: &str) -> PyResult<Option<Ordering>> {
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return Ok(num_cmp(&x, &y));
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(Some(x.cmp(y))),
        (Value::Bytes(x), Value::Bytes(y)) => Ok(Some(x.cmp(y))),
        (Value::List(_), Value::List(_)) | (Value::Tuple(_), Value::Tuple(_)) => {
            vm.recursing(IN_COMPARISON, |vm| {
                let xs = iterators::collect(vm, a)?;
                let ys = iterators::collect(vm, b)?;
                for (p, q) in xs.iter().zip(ys.iter()) {
                    if p.is(q) || eq(vm, p, q)? {
                        continue;
                    }
                    return order_or_error(vm, p, q, sym).map(Some);
                }
                Ok(Some(xs.len().cmp(&ys.len())))
            })
        }
        _ if crate::dunders::is_class_instance(a) || crate::dunders::is_class_instance(b) => {
            // Classes order themselves through their rich comparisons.
            let less = compare_op(vm, CmpOp::Lt, a, b)?;
            if truthy(vm, &less)? {
                return Ok(Some(Ordering::Less));
            }
            let greater = compare_op(vm, CmpOp::Gt, a, b)?;
            Ok(Some(if truthy(vm, &greater)? {
                Ordering::Greater
            } else {
                Ordering::Equal
            }))
        }
        _ => Ok(None),
    }
}

/// `a == b` as Python evaluates it: classes' `__eq__` run, also for the
/// items of lists, tuples and dicts.
pub fn eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x == y),
        (Value::Str(x), Value::Str(y)) => Ok(x == y),
        (Value::List(_), Value::List(_))
        | (Value::Tuple(_), Value::Tuple(_))
        | (Value::Dict(_), Value::Dict(_)) => {
            vm.recursing(IN_COMPARISON, |vm| containers_eq(vm, a, b))
        }
        _ if crate::dunders::is_class_instance(a) || crate::dunders::is_class_instance(b) => {
            let r = compare_op(vm, CmpOp::Eq, a, b)?;
            truthy(vm, &r)
        }
        _ => Ok(values_equal(a, b)),
    }
}

/// How RecursionError's message ends when comparing containers nests too deeply.
const IN_COMPARISON: &str = " in comparison";

/// `==` of two lists, two tuples or two dicts, item by item.
fn containers_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let (Value::Dict(x), Value::Dict(y)) = (a, b) {
        if std::rc::Rc::ptr_eq(x, y) {
            return Ok(true);
        }
        let xs = x.borrow().items();
        if xs.len() != y.borrow().len() {
            return Ok(false);
        }
        for (k, v) in xs {
            let Some(w) = crate::mapping::dict_get(vm, y, &k)? else {
                return Ok(false);
            };
            if !(v.is(&w) || eq(vm, &v, &w)?) {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let xs = iterators::collect(vm, a)?;
    let ys = iterators::collect(vm, b)?;
    if xs.len() != ys.len() {
        return Ok(false);
    }
    for (p, q) in xs.iter().zip(ys.iter()) {
        if !(p.is(q) || eq(vm, p, q)?) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Two numbers of which one is NaN: ordered comparisons are simply false
/// (with a non-number, they raise TypeError like any other mix).
fn nan_between_numbers(a: &Value, b: &Value) -> bool {
    let nan =
        matches!(a, Value::Float(f) if f.is_nan()) || matches!(b, Value::Float(f) if f.is_nan());
    nan && as_num(a).is_some() && as_num(b).is_some()
}

/// Ordering, raising CPython's TypeError when the values are not comparable.
pub fn order_or_error(vm: &mut Vm, a: &Value, b: &Value, sym: &str) -> PyResult<Ordering> {
    match order_as(vm, a, b, sym)? {
        Some(o) => Ok(o),
        None => {
            if nan_between_numbers(a, b) {
                // NaN compares false with everything; callers treat this as "not less".
                return Ok(Ordering::Equal);
            }
            Err(type_error(format!(
                "'{sym}' not supported between instances of '{}' and '{}'",
                type_of(a).name(),
                type_of(b).name()
            )))
        }
    }
}

pub fn compare_op(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(Value::Bool(match op {
            CmpOp::Lt => x < y,
            CmpOp::LtE => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::GtE => x >= y,
            CmpOp::Eq => x == y,
            CmpOp::NotEq => x != y,
            _ => return generic_compare(vm, op, a, b),
        }));
    }
    generic_compare(vm, op, a, b)
}

fn generic_compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
    if let Some(r) = crate::dunders::compare(vm, op, a, b)? {
        return Ok(r);
    }
    let r = match op {
        CmpOp::Eq => eq(vm, a, b)?,
        CmpOp::NotEq => !eq(vm, a, b)?,
        CmpOp::Is => a.is(b),
        CmpOp::IsNot => !a.is(b),
        CmpOp::In => contains(vm, b, a)?,
        CmpOp::NotIn => !contains(vm, b, a)?,
        CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE => {
            if let (Value::Set(x), Value::Set(y)) = (a, b) {
                let (x, y) = (x.borrow(), y.borrow());
                let sub = |p: &PySet, q: &PySet| p.iter().all(|v| q.contains(v).unwrap_or(false));
                return Ok(Value::Bool(match op {
                    CmpOp::Lt => x.len() < y.len() && sub(&x, &y),
                    CmpOp::LtE => sub(&x, &y),
                    CmpOp::Gt => x.len() > y.len() && sub(&y, &x),
                    _ => sub(&y, &x),
                }));
            }
            match order_as(vm, a, b, op.symbol())? {
                Some(o) => match op {
                    CmpOp::Lt => o == Ordering::Less,
                    CmpOp::LtE => o != Ordering::Greater,
                    CmpOp::Gt => o == Ordering::Greater,
                    _ => o != Ordering::Less,
                },
                None => {
                    if nan_between_numbers(a, b) {
                        false
                    } else {
                        return Err(type_error(format!(
                            "'{}' not supported between instances of '{}' and '{}'",
                            op.symbol(),
                            type_of(a).name(),
                            type_of(b).name()
                        )));
                    }
                }
            }
        }
    };
    Ok(Value::Bool(r))
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    if let Some(found) = crate::dunders::contains(vm, container, item)? {
        return Ok(found);
    }
    match container {
        Value::Str(s) => match item {
            Value::Str(sub) => Ok(s.contains(&**sub)),
            _ => Err(type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                type_of(item).name()
            ))),
        },
        Value::Dict(d) => crate::mapping::dict_contains(vm, d, item),
        Value::Set(s) => crate::mapping::set_contains(vm, s, item),
        Value::List(_) | Value::Tuple(_) => {
            for v in iterators::collect(vm, container)? {
                if v.is(item) || eq(vm, &v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Range(r) => Ok(match item {
            Value::Int(i) => {
                let i = *i;
                if r.step > 0 {
                    i >= r.start && i < r.stop && (i - r.start) % r.step == 0
                } else {
                    i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
                }
            }
            _ => false,
        }),
        _ => {
            let it = iterators::get_iter(vm, container).map_err(|_| {
                type_error(format!(
                    "argument of type '{}' is not iterable",
                    type_of(container).name()
                ))
            })?;
            while let Some(v) = iterators::next_item(vm, &it)? {
                if v.is(item) || eq(vm, &v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// `len(v)`.
pub fn len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    if let Some(n) = crate::dunders::len(vm, v)? {
        return Ok(n);
    }
    Ok(match v {
        Value::Str(s) => s.chars().count(),
        Value::Bytes(b) => b.len(),
        Value::Tuple(t) => t.len(),
        Value::List(l) => l.borrow().len(),
        Value::Dict(d) => d.borrow().len(),
        Value::Set(s) => s.borrow().len(),
        Value::Range(r) => r.len() as usize,
        Value::Iter(state) if iterators::view_len(&state.borrow()).is_some() => {
            iterators::view_len(&state.borrow()).unwrap_or(0)
        }
        _ => {
            return Err(type_error(format!(
                "object of type '{}' has no len()",
                type_of(v).name()
            )))
        }
    })
}

/// `hash(v)`.
pub fn hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Value::Tuple(items) = v {
        if crate::mapping::runs_python(v) {
            return vm.recursing("", |vm| {
                let mut lanes = Vec::with_capacity(items.len());
                for item in items.iter() {
                    lanes.push(hash(vm, item)?);
                }
                Ok(crate::object::hash::tuple_hash(&lanes))
            });
        }
    }
    match crate::dunders::hash(vm, v)? {
        Some(h) => Ok(h),
        None => crate::object::hash::hash_value(v),
    }
}

/// Resolve a possibly negative index against a length.
fn norm_index(i: &Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match i {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => {
            return Err(exc(
                TypeId::IndexError,
                "cannot fit 'int' into an index-sized integer",
            ))
        }
        other => {
            let t = type_of(other).name();
            return Err(type_error(match what {
                "string" => format!("string indices must be integers, not '{t}'"),
                "index" => format!("byte indices must be integers or slices, not {t}"),
                "range object" => format!("range indices must be integers or slices, not {t}"),
                "list assignment" => format!("list indices must be integers or slices, not {t}"),
                _ => format!("{what} indices must be integers or slices, not {t}"),
            }));
        }
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(exc(
            TypeId::IndexError,
            match what {
                "index" => "index out of range".to_string(),
                _ => format!("{what} index out of range"),
            },
        ));
    }
    Ok(j as usize)
}

/// The indices a slice selects from a sequence of `len` items.
pub fn slice_indices(vm: &mut Vm, s: &[Value; 3], len: usize) -> PyResult<Vec<usize>> {
    // Bounds that are objects with `__index__` count as their ints.
    let mut bounds = s.clone();
    for bound in bounds.iter_mut() {
        if let Some(i) = crate::dunders::index(vm, bound)? {
            *bound = i;
        }
    }
    let s = &bounds;
    let get = |v: &Value| -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            Value::BigInt(b) => Ok(Some(if b.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            })),
            _ => Err(type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    };
    let step = get(&s[2])?.unwrap_or(1);
    if step == 0 {
        return Err(exc(TypeId::ValueError, "slice step cannot be zero"));
    }
    let len = len as i64;
    let adjust = |v: Option<i64>, default: i64, lo: i64, hi: i64| -> i64 {
        match v {
            None => default,
            Some(mut x) => {
                if x < 0 {
                    x += len;
                }
                x.clamp(lo, hi)
            }
        }
    };
    let (start, stop) = if step > 0 {
        (
            adjust(get(&s[0])?, 0, 0, len),
            adjust(get(&s[1])?, len, 0, len),
        )
    } else {
        (
            adjust(get(&s[0])?, len - 1, -1, len - 1),
            adjust(get(&s[1])?, -1, -1, len - 1),
        )
    };
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    Ok(out)
}

pub fn get_item(vm: &mut Vm, obj: &Value, idx: &Value) -> PyResult<Value> {
    if let Some(v) = crate::dunders::subscript(vm, obj, idx, Subscript::Get)? {
        return Ok(v);
    }
    let sequence = matches!(
        obj,
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_)
    );
    if sequence {
        // `items[position]` with an object that has `__index__`.
        if let Some(i) = crate::dunders::index(vm, idx)? {
            return get_item(vm, obj, &i);
        }
    }
    if let Value::Slice(s) = idx {
        return get_slice(vm, obj, s);
    }
    match obj {
        Value::List(l) => {
            let l = l.borrow();
            let i = norm_index(idx, l.len(), "list")?;
            Ok(l[i].clone())
        }
        Value::Tuple(t) => {
            let i = norm_index(idx, t.len(), "tuple")?;
            Ok(t[i].clone())
        }
        Value::Str(s) => {
            if s.is_ascii() {
                let i = norm_index(idx, s.len(), "string")?;
                return Ok(Value::str(&s[i..i + 1]));
            }
            let chars: Vec<char> = s.chars().collect();
            let i = norm_index(idx, chars.len(), "string")?;
            Ok(Value::str(&chars[i].to_string()))
        }
        Value::Bytes(b) => {
            let i = norm_index(idx, b.len(), "index")?;
            Ok(Value::Int(b[i] as i64))
        }
        Value::Range(r) => {
            let i = norm_index(idx, r.len() as usize, "range object")?;
            Ok(Value::Int(r.start + r.step * i as i64))
        }
        Value::Dict(d) => match crate::mapping::dict_get(vm, d, idx)? {
            Some(v) => Ok(v),
            None => Err(crate::object::exceptions::Exception::new(
                TypeId::KeyError,
                vec![idx.clone()],
            )),
        },
        Value::Type(t) => match t.lookup_override("__class_getitem__") {
            Some(f) => match crate::vm::descriptors::method_wrapper(&f) {
                Some(w) => vm.call(&w.func.clone(), Args::new(vec![obj.clone(), idx.clone()])),
                None => vm.call(&f, Args::new(vec![idx.clone()])),
            },
            None if generic_builtin(t) => generic_alias(vm, obj, idx),
            None => Err(type_error(format!(
                "type '{}' is not subscriptable",
                t.name()
            ))),
        },
        _ => Err(type_error(format!(
            "'{}' object is not subscriptable",
            type_of(obj).name()
        ))),
    }
}

/// The built-in types CPython lets programs subscript (`list[int]`,
/// `asyncio.Queue[str]`): they and their subclasses.
fn generic_builtin(t: &TypeRef) -> bool {
    [
        TypeId::Tuple,
        TypeId::List,
        TypeId::Dict,
        TypeId::Set,
        TypeId::Enumerate,
        TypeId::Future,
        TypeId::Queue,
    ]
    .into_iter()
    .any(|g| t.is_subclass_of(g))
        || matches!(t, TypeRef::Builtin(TypeId::Type))
}

/// `list[int]`: a `types.GenericAlias` (written in Python, `_loopscope`).
fn generic_alias(vm: &mut Vm, origin: &Value, args: &Value) -> PyResult<Value> {
    let module = vm.import("_loopscope")?;
    let alias = crate::attrs::get_attr(vm, &module, "GenericAlias")?;
    vm.call(&alias, Args::new(vec![origin.clone(), args.clone()]))
}

fn get_slice(vm: &mut Vm, obj: &Value, s: &[Value; 3]) -> PyResult<Value> {
    match obj {
        Value::List(l) => {
            let l = l.borrow().clone();
            let idx = slice_indices(vm, s, l.len())?;
            Ok(Value::list(idx.into_iter().map(|i| l[i].clone()).collect()))
        }
        Value::Tuple(t) => {
            let idx = slice_indices(vm, s, t.len())?;
            Ok(Value::tuple(
                idx.into_iter().map(|i| t[i].clone()).collect(),
            ))
        }
        Value::Str(st) => {
            let chars: Vec<char> = st.chars().collect();
            let idx = slice_indices(vm, s, chars.len())?;
            Ok(Value::str(
                &idx.into_iter().map(|i| chars[i]).collect::<String>(),
            ))
        }
        Value::Bytes(b) => {
            let idx = slice_indices(vm, s, b.len())?;
            Ok(Value::Bytes(Rc::from(
                idx.into_iter().map(|i| b[i]).collect::<Vec<u8>>(),
            )))
        }
        Value::Range(r) => {
            let items: Vec<i64> = (0..r.len()).map(|i| r.start + r.step * i).collect();
            let idx = slice_indices(vm, s, items.len())?;
            let vals: Vec<Value> = idx.into_iter().map(|i| Value::Int(items[i])).collect();
            Ok(Value::list(vals))
        }
        _ => Err(type_error(format!(
            "'{}' object is not subscriptable",
            type_of(obj).name()
        ))),
    }
}

pub fn set_item(vm: &mut Vm, obj: &Value, idx: Value, v: Value) -> PyResult<()> {
    if crate::dunders::subscript(vm, obj, &idx, Subscript::Set(v.clone()))?.is_some() {
        return Ok(());
    }
    match obj {
        Value::List(l) => {
            if let Value::Slice(s) = &idx {
                let items = iterators::collect(vm, &v)?;
                let len = l.borrow().len();
                vm.check_items(len + items.len())?;
                let indices = slice_indices(vm, s, len)?;
                let mut l = l.borrow_mut();
                if s[2].is_none() || matches!(s[2], Value::Int(1)) {
                    let start = indices.first().copied().unwrap_or_else(|| {
                        slice_indices(vm, &[s[0].clone(), Value::None, Value::None], len)
                            .ok()
                            .and_then(|v| v.first().copied())
                            .unwrap_or(len)
                    });
                    let end = start + indices.len();
                    l.splice(start..end, items);
                } else {
                    if items.len() != indices.len() {
                        return Err(exc(
                            TypeId::ValueError,
                            format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                items.len(),
                                indices.len()
                            ),
                        ));
                    }
                    for (i, item) in indices.into_iter().zip(items) {
                        l[i] = item;
                    }
                }
                return Ok(());
            }
            let mut l = l.borrow_mut();
            let len = l.len();
            let i = norm_index(&idx, len, "list assignment")?;
            l[i] = v;
            Ok(())
        }
        Value::Dict(d) => crate::mapping::dict_set(vm, d, idx, v),
        _ => Err(type_error(format!(
            "'{}' object does not support item assignment",
            type_of(obj).name()
        ))),
    }
}

pub fn del_item(vm: &mut Vm, obj: &Value, idx: &Value) -> PyResult<()> {
    if crate::dunders::subscript(vm, obj, idx, Subscript::Delete)?.is_some() {
        return Ok(());
    }
    match obj {
        Value::List(l) => {
            if let Value::Slice(s) = idx {
                let len = l.borrow().len();
                let mut indices = slice_indices(vm, s, len)?;
                // A slice's indices run one way; delete from the highest down.
                if indices.first() > indices.last() {
                    indices.reverse();
                }
                let mut l = l.borrow_mut();
                for i in indices.into_iter().rev() {
                    l.remove(i);
                }
                return Ok(());
            }
            let mut l = l.borrow_mut();
            let len = l.len();
            let i = norm_index(idx, len, "list assignment")?;
            l.remove(i);
            Ok(())
        }
        Value::Dict(d) => match crate::mapping::dict_remove(vm, d, idx)? {
            Some(_) => Ok(()),
            None => Err(crate::object::exceptions::Exception::new(
                TypeId::KeyError,
                vec![idx.clone()],
            )),
        },
        _ => Err(type_error(format!(
            "'{}' object doesn't support item deletion",
            type_of(obj).name()
        ))),
    }
}
