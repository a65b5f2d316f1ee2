//! Equality and numeric comparison of the built-in values, without running
//! any Python code: what dict and set lookups use for their keys, and what
//! the VM's operators fall back to. A value whose class defines `__eq__` in
//! Python is compared by the VM (`ops`), never here.

use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::Zero;

use crate::object::types::type_of;
use crate::object::value::Value;

/// A number widened for mixed arithmetic.
pub enum Num {
    Small(i64),
    Big(BigInt),
    Float(f64),
}

#[inline]
pub fn as_num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::Small(*i)),
        Value::Bool(b) => Some(Num::Small(*b as i64)),
        Value::BigInt(b) => Some(Num::Big((**b).clone())),
        Value::Float(f) => Some(Num::Float(*f)),
        _ => None,
    }
}

#[inline]
pub fn big(n: &Num) -> BigInt {
    match n {
        Num::Small(i) => BigInt::from(*i),
        Num::Big(b) => b.clone(),
        Num::Float(_) => BigInt::zero(),
    }
}

/// `a == b` for built-in values (no user-defined `__eq__` exists).
pub fn values_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) | (Value::Ellipsis, Value::Ellipsis) => true,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        (Value::MemoryView(_), _) | (_, Value::MemoryView(_)) => {
            let items = crate::object::memoryview::items;
            match (items(a), items(b)) {
                (Some(x), Some(y)) => {
                    x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| values_equal(p, q))
                }
                _ => a.is(b),
            }
        }
        (Value::ByteArray(x), Value::ByteArray(y)) => *x.data.borrow() == *y.data.borrow(),
        (Value::ByteArray(x), Value::Bytes(y)) | (Value::Bytes(y), Value::ByteArray(x)) => {
            x.data.borrow().as_slice() == &**y
        }
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| values_equal(p, q))
        }
        (Value::List(x), Value::List(y)) => {
            if Rc::ptr_eq(x, y) {
                return true;
            }
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|(p, q)| p.is(q) || values_equal(p, q))
        }
        (Value::Dict(x), Value::Dict(y)) => {
            if Rc::ptr_eq(x, y) {
                return true;
            }
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len()
                && x.iter().all(|(k, v)| match y.get(k) {
                    Ok(Some(w)) => values_equal(v, &w),
                    _ => false,
                })
        }
        (Value::Set(x), Value::Set(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len() && x.is_subset(&y)
        }
        (Value::Range(x), Value::Range(y)) => {
            let (lx, ly) = (x.len(), y.len());
            lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
        }
        (Value::Slice(x), Value::Slice(y)) => {
            x.iter().zip(y.iter()).all(|(p, q)| values_equal(p, q))
        }
        (Value::Native(x), _) => x.equals(b).unwrap_or_else(|| a.is(b)),
        // Two bound methods are equal when they bind one function to one
        // object (`meth_richcompare`: the receivers compared by identity).
        (Value::Method(x), Value::Method(y)) => x.func.is(&y.func) && x.receiver.is(&y.receiver),
        // Two built-in methods likewise: one C function bound to one object
        // (`meth_richcompare`), so `lock.acquire == lock.acquire`.
        (Value::Builtin(x), Value::Builtin(y)) => {
            std::ptr::fn_addr_eq(x.func, y.func) && x.name == y.name && x.receiver.is(&y.receiver)
        }
        (Value::Complex(x, y), other) | (other, Value::Complex(x, y)) => match other {
            Value::Complex(p, q) => x == p && y == q,
            // `complex_richcompare`: an int compares exactly with the real part.
            _ => {
                *y == 0.0
                    && as_num(other)
                        .is_some_and(|n| num_cmp(&Num::Float(*x), &n) == Some(Ordering::Equal))
            }
        },
        (Value::Instance(_), _) | (_, Value::Instance(_)) => {
            // An instance of a subclass of a built-in type that keeps its
            // base's equality compares by its payload.
            let (x, y) = (builtin_equality(a), builtin_equality(b));
            match (x, y) {
                (Some(x), Some(y)) if !(x.is(a) && y.is(b)) => values_equal(x, y),
                _ => a.is(b),
            }
        }
        _ => {
            if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
                return num_cmp(&x, &y) == Some(Ordering::Equal);
            }
            a.is(b)
        }
    }
}

#[inline]
pub fn num_cmp(x: &Num, y: &Num) -> Option<Ordering> {
    match (x, y) {
        (Num::Small(a), Num::Small(b)) => Some(a.cmp(b)),
        (Num::Float(a), Num::Float(b)) => a.partial_cmp(b),
        (Num::Float(f), other) => float_int_cmp(*f, &big(other)),
        (other, Num::Float(f)) => float_int_cmp(*f, &big(other)).map(Ordering::reverse),
        _ => Some(big(x).cmp(&big(y))),
    }
}

/// Exact comparison of a float with an int, as CPython does.
fn float_int_cmp(f: f64, i: &BigInt) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    let fl = f.floor();
    let fi = loopscope_cpython::float_repr::float_to_int(fl).ok()?;
    match fi.cmp(i) {
        Ordering::Equal => {
            if f > fl {
                Some(Ordering::Greater)
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

/// What `v` compares equal by without running Python code: its payload
/// when it is an instance whose class keeps the built-in `__eq__`, `None`
/// when its class defines `__eq__`.
fn builtin_equality(v: &Value) -> Option<&Value> {
    match v {
        Value::Instance(i) => {
            if type_of(v).lookup_override("__eq__").is_some() {
                return None;
            }
            Some(i.payload.as_ref().unwrap_or(v))
        }
        _ => Some(v),
    }
}
