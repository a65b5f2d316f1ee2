//! Operators: arithmetic, comparison, truth, containment and subscripts,
//! with CPython's semantics and error messages. Comparisons and `in` are in
//! `ops/compare.rs`, subscripts and slices in `ops/subscript.rs`.

mod bytearray;
mod compare;
mod complex;
pub mod dict_views;
mod memoryview;
mod subscript;

pub use bytearray::byte;
pub use compare::{compare_op, contains, eq, order_or_error};
pub use complex::to_complex;
pub use subscript::{del_item, get_item, set_item};

use std::rc::Rc;

use loopscope_cpython::float_repr::{float_floordiv, float_mod, int_to_float};
use loopscope_syntax::ast::{BinOp, UnaryOp};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::iterators;
pub use crate::object::compare::values_equal;
use crate::object::compare::{as_num, big, Num};
use crate::object::exceptions::{exc, type_error};
use crate::object::types::{type_of, TypeId};
use crate::object::value::{PyResult, Value};
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
        crate::iterators::type_name(a),
        crate::iterators::type_name(b)
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
        match op {
            BinOp::Mult => check_product(vm, &x, &y)?,
            BinOp::LShift | BinOp::RShift => check_shift(vm, op, &x, &y)?,
            _ => {}
        }
        return numeric_op(op, x, y, a, b);
    }
    if let Some(r) = complex::binary(op, a, b) {
        return r;
    }
    if let Some(r) = crate::dunders::binary(vm, op, a, b, false)? {
        return Ok(r);
    }
    if let Some(r) = dict_views::binary(vm, op, a, b) {
        return r;
    }
    sequence_op(vm, op, a, b)
}

/// An int product has as many digits as its factors together: past the memory
/// budget it is MemoryError before it is computed (`x = x * x` doubles them each
/// time). Its cost counts as work: the longer factor's machine words times the
/// square root of the shorter's (between Karatsuba's and Toom-3's exponents), so
/// the instruction limit stops a squaring loop within seconds.
fn check_product(vm: &mut Vm, x: &Num, y: &Num) -> PyResult<()> {
    let words = |n: &Num| match n {
        Num::Big(b) => b.bits() / 64 + 1,
        _ => 1,
    };
    if matches!(x, Num::Float(_)) || matches!(y, Num::Float(_)) {
        return Ok(());
    }
    let (long, short) = (words(x).max(words(y)), words(x).min(words(y)));
    if long < 512 {
        return Ok(());
    }
    vm.check_memory_for(usize::try_from((long + short) * 8).unwrap_or(usize::MAX))?;
    vm.count_native_work(long.saturating_mul(short.isqrt()))
}

/// A shift copies its operand's words: counted as work (an instruction per sixteen
/// words, as a copy is priced), so that `x <<= 4000000` in a
/// loop meets the instruction limit, and a left shift's result is checked against the
/// memory budget before it is made.
fn check_shift(vm: &mut Vm, op: BinOp, x: &Num, y: &Num) -> PyResult<()> {
    let words = match x {
        Num::Big(bx) => bx.bits() / 64 + 1,
        Num::Small(0) | Num::Float(_) => return Ok(()),
        Num::Small(_) => 1,
    };
    let by = match y {
        Num::Small(by) => u64::try_from(*by).unwrap_or(0),
        _ => return Ok(()),
    };
    let shifted = if op == BinOp::LShift { by / 64 } else { 0 };
    if shifted > 0 {
        vm.check_memory_for(usize::try_from((words + shifted) * 8).unwrap_or(usize::MAX))?;
    }
    vm.count_native_work((words + shifted) / 16)
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
            // CPython refuses a shift whose result could not be counted in digits; the
            // memory budget (`check_shift`) refuses what would not fit before this.
            match by.to_u64() {
                Some(s) if s <= 1 << 40 => bx << s,
                _ if bx.is_zero() => BigInt::zero(),
                _ => return Err(exc(TypeId::OverflowError, "too many digits in integer")),
            }
        }
        BinOp::RShift => {
            if by.is_negative() {
                return Err(exc(TypeId::ValueError, "negative shift count"));
            }
            // Past the operand's length the result is 0, or -1 for a negative one.
            match by.to_u64() {
                Some(s) if s < bx.bits() => bx >> s,
                _ if bx.is_negative() => BigInt::from(-1),
                _ => BigInt::zero(),
            }
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
        // A negative number to a fractional power is complex.
        let (re, im) = loopscope_cpython::complex::pow((x, 0.0), (y, 0.0))
            .map_err(crate::object::exceptions::cpython_error)?;
        return Ok(Value::Complex(re, im));
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
    if op == BinOp::Add {
        if let Some(r) = bytearray::concat(vm, a, b) {
            return r;
        }
    }
    match (op, a, b) {
        (BinOp::Add, Value::Str(x), Value::Str(y)) => {
            vm.check_size(x.len() + y.len())?;
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            Ok(Value::string(s))
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
                Value::Str(_)
                    | Value::List(_)
                    | Value::Tuple(_)
                    | Value::Bytes(_)
                    | Value::ByteArray(_)
            ) =>
        {
            repeat(vm, seq, b)
        }
        (BinOp::Mult, Value::Int(_) | Value::Bool(_), seq)
            if matches!(
                seq,
                Value::Str(_)
                    | Value::List(_)
                    | Value::Tuple(_)
                    | Value::Bytes(_)
                    | Value::ByteArray(_)
            ) =>
        {
            repeat(vm, seq, a)
        }
        // A count past a C `Py_ssize_t`: CPython's `__index__` conversion refuses it
        // before repeating anything.
        (
            BinOp::Mult,
            Value::Str(_)
            | Value::List(_)
            | Value::Tuple(_)
            | Value::Bytes(_)
            | Value::ByteArray(_),
            Value::BigInt(_),
        )
        | (
            BinOp::Mult,
            Value::BigInt(_),
            Value::Str(_)
            | Value::List(_)
            | Value::Tuple(_)
            | Value::Bytes(_)
            | Value::ByteArray(_),
        ) => Err(exc(
            TypeId::OverflowError,
            "cannot fit 'int' into an index-sized integer",
        )),
        (BinOp::Mod, Value::Str(fmt), args) => {
            crate::format::percent_format(vm, fmt, args).map(Value::string)
        }
        (BinOp::Mod, Value::Bytes(fmt), args) => {
            crate::format::percent_format_bytes(vm, fmt, args).map(|b| Value::Bytes(b.into()))
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
            let out = crate::mapping::with_set_operand(vm, x, y, |other| {
                let x = x.borrow();
                let mut out = match op {
                    BinOp::BitOr => x.union(other)?,
                    BinOp::BitAnd => x.intersection(other)?,
                    BinOp::Sub => x.difference(other)?,
                    _ => x.symmetric_difference(other)?,
                };
                // The result has the left operand's type.
                out.frozen = x.frozen;
                Ok(out)
            })?;
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
            let sequence = matches!(
                a,
                Value::Str(_)
                    | Value::List(_)
                    | Value::Tuple(_)
                    | Value::Bytes(_)
                    | Value::ByteArray(_)
            );
            if op == BinOp::Mult && sequence {
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
        Value::ByteArray(b) => b.data.borrow().len(),
        _ => 0,
    };
    // Past a C `Py_ssize_t`: str and bytes say so, the others are out of memory.
    if len > 0 && n > isize::MAX as usize / len {
        return Err(match seq {
            Value::Str(_) => exc(TypeId::OverflowError, "repeated string is too long"),
            Value::Bytes(_) => exc(TypeId::OverflowError, "repeated bytes are too long"),
            _ => exc(TypeId::MemoryError, ""),
        });
    }
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
        Value::Str(s) => Value::string(s.repeat(n)),
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
        Value::ByteArray(b) => {
            crate::object::bytearray::ByteArray::value(b.data.borrow().repeat(n))
        }
        _ => Value::None,
    })
}

/// `a op= b`: lists extend in place; everything else is the binary op.
pub fn inplace_op(vm: &mut Vm, op: BinOp, a: Value, b: &Value) -> PyResult<Value> {
    if let Some(r) = crate::dunders::binary(vm, op, &a, b, true)? {
        return Ok(r);
    }
    if let Value::ByteArray(ba) = &a {
        if let Some(r) = bytearray::inplace(vm, ba, op, b) {
            r?;
            return Ok(a);
        }
    }
    if let (BinOp::Add, Value::List(l)) = (op, &a) {
        iterators::extend_list(vm, l, b)?;
        return Ok(a);
    }
    if let (
        BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
        Value::Set(s),
        Value::Set(o),
    ) = (op, &a, b)
    {
        if s.borrow().frozen {
            // A frozenset has no in-place operators: `fs |= x` makes a new one.
            return binary_op(vm, op, &a, b);
        }
        crate::mapping::with_set_operand(vm, s, o, |other| {
            let mut s = s.borrow_mut();
            match op {
                BinOp::BitOr => s.update(other),
                BinOp::BitAnd => s.intersection_update(other),
                BinOp::Sub => s.difference_update(other),
                _ => s.symmetric_difference_update(other),
            }
        })?;
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
            Value::Complex(x, y) => Ok(Value::Complex(-x, -y)),
            _ => Err(type_error(format!(
                "bad operand type for unary -: '{}'",
                type_of(a).name()
            ))),
        },
        UnaryOp::Pos => match a {
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Complex(..) => {
                Ok(a.clone())
            }
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
        Value::Complex(x, y) => *x != 0.0 || *y != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::Bytes(b) => !b.is_empty(),
        Value::ByteArray(b) => !b.data.borrow().is_empty(),
        Value::MemoryView(m) => {
            m.check()?;
            m.len > 0
        }
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

/// `len(v)`.
pub fn len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    if let Some(n) = crate::dunders::len(vm, v)? {
        return Ok(n);
    }
    Ok(match v {
        Value::Str(s) => crate::object::char_index::char_count(s),
        Value::Bytes(b) => b.len(),
        Value::ByteArray(b) => b.data.borrow().len(),
        Value::MemoryView(m) => {
            m.check()?;
            m.len
        }
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
