//! The operators of `complex` (`complex_add` ... `complex_pow` of CPython's
//! complexobject.c): an int, bool or float operand joins as a complex with a
//! zero imaginary part; `%`, `//` and the bitwise operators are unsupported.
//! The algorithms and messages are `loopscope_cpython::complex`'s.

use loopscope_cpython::complex::{self, Complex};
use loopscope_syntax::ast::BinOp;

use crate::object::exceptions::{cpython_error, exc};
use crate::object::types::TypeId;
use crate::object::value::{PyResult, Value};

/// `v` as a complex number (`to_complex`), if it is a number: `None` for
/// other values; an int too large for a float is an OverflowError.
pub fn to_complex(v: &Value) -> Option<PyResult<Complex>> {
    match v {
        Value::Complex(x, y) => Some(Ok((*x, *y))),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) => {
            Some(super::to_float(v).map(|x| (x, 0.0)))
        }
        _ => None,
    }
}

/// `a op b` when one operand is a complex and the other a number; `None`
/// otherwise, or for an operator complex does not implement.
pub(super) fn binary(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    if !matches!(a, Value::Complex(..)) && !matches!(b, Value::Complex(..)) {
        return None;
    }
    if !matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mult | BinOp::Div | BinOp::Pow
    ) {
        return None;
    }
    let (x, y) = (to_complex(a)?, to_complex(b)?);
    Some(x.and_then(|x| y.and_then(|y| apply(op, x, y))))
}

fn apply(op: BinOp, x: Complex, y: Complex) -> PyResult<Value> {
    let (re, im) = match op {
        BinOp::Add => (x.0 + y.0, x.1 + y.1),
        BinOp::Sub => (x.0 - y.0, x.1 - y.1),
        BinOp::Mult => complex::prod(x, y),
        BinOp::Div => complex::quot(x, y)
            .ok_or_else(|| exc(TypeId::ZeroDivisionError, "complex division by zero"))?,
        _ => complex::pow(x, y).map_err(cpython_error)?,
    };
    Ok(Value::Complex(re, im))
}
