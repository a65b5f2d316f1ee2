//! The arithmetic built-in functions: `abs()`, `divmod()` and `pow()` (with
//! its three-argument form: CPython's `long_pow` modulo an int, and the
//! errors of float's and complex's slots, which take no modulus).

use loopscope_syntax::ast::BinOp;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use super::args::{count_range, exactly_one, reject_kwargs};
use crate::format::int_value;
use crate::object::exceptions::{exc, type_error, value_error};
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, PyResult, Value};
use crate::ops;
use crate::vm::Vm;

pub fn abs(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("abs", &args)?;
    if let Some(r) = crate::dunders::call_special(vm, &v, "__abs__", Vec::new())? {
        return Ok(r);
    }
    let v = crate::object::instance::payload(&v).clone();
    Ok(match &v {
        Value::Int(i) => match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(BigInt::from(*i).abs()),
        },
        Value::Bool(b) => Value::Int(*b as i64),
        Value::BigInt(b) => Value::from_bigint(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        Value::Complex(x, y) => {
            Value::Float(loopscope_cpython::complex::abs((*x, *y)).map_err(super::cpython_error)?)
        }
        other => {
            return Err(type_error(format!(
                "bad operand type for abs(): '{}'",
                type_of(other).name()
            )))
        }
    })
}

pub fn divmod(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    count_range("divmod", &args, 2, 2)?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    // A class's `__divmod__`, else the other's `__rdivmod__`.
    for (this, method, other) in [(a, "__divmod__", b), (b, "__rdivmod__", a)] {
        if let Some(r) = crate::dunders::call_special(vm, this, method, vec![other.clone()])? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
    }
    if let (Value::Float(_), _) | (_, Value::Float(_)) = (a, b) {
        let (x, y) = (ops::to_float(a), ops::to_float(b));
        if let (Ok(x), Ok(y)) = (x, y) {
            if y == 0.0 {
                return Err(exc(TypeId::ZeroDivisionError, "float divmod()"));
            }
            let (q, r) =
                loopscope_cpython::float_repr::float_divmod(x, y).map_err(super::cpython_error)?;
            return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
        }
    }
    let q = ops::binary_op(vm, BinOp::FloorDiv, a, b).map_err(|e| divmod_error(e, a, b))?;
    let r = ops::binary_op(vm, BinOp::Mod, a, b)?;
    Ok(Value::tuple(vec![q, r]))
}

fn divmod_error(
    e: crate::object::value::ExcRef,
    a: &Value,
    b: &Value,
) -> crate::object::value::ExcRef {
    if e.class == TypeId::TypeError {
        return type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            type_of(a).name(),
            type_of(b).name()
        ));
    }
    e
}

pub fn pow(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let base = args.take_kw("base");
    let exp = args.take_kw("exp");
    let modulus = args.take_kw("mod");
    reject_kwargs("pow", &args)?;
    let mut pos = args.pos.into_iter();
    let base = pos.next().or(base);
    let exp = pos.next().or(exp);
    let modulus = pos.next().or(modulus).filter(|m| !m.is_none());
    let Some(base) = base else {
        return Err(type_error("pow() missing required argument 'base' (pos 1)"));
    };
    let Some(exp) = exp else {
        return Err(type_error("pow() missing required argument 'exp' (pos 2)"));
    };
    let Some(m) = modulus else {
        return ops::binary_op(vm, BinOp::Pow, &base, &exp);
    };
    // `pow(x, y, m)` of an instance: its class's three-argument `__pow__`.
    if let Some(r) =
        crate::dunders::call_special(vm, &base, "__pow__", vec![exp.clone(), m.clone()])?
    {
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    // A complex's slot refuses any modulus, when every operand is a number.
    let number = |v: &Value| ops::to_complex(v).is_some();
    let complex = |v: &Value| matches!(v, Value::Complex(..));
    if (complex(&base) || complex(&exp) || complex(&m))
        && number(&base)
        && number(&exp)
        && number(&m)
    {
        return Err(value_error("complex modulo"));
    }
    // CPython tries float's slot, which refuses any modulus, when a float
    // is involved; without a float and with a non-int, no slot applies.
    let float = |v: &Value| matches!(v, Value::Float(_));
    if float(&base) || float(&exp) || float(&m) {
        return Err(type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    let int = |v: &Value| matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_));
    if !(int(&base) && int(&exp) && int(&m)) {
        return Err(type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            type_of(&base).name(),
            type_of(&exp).name(),
            type_of(&m).name()
        )));
    }
    let (Some(b), Some(e), Some(m)) = (int_value(&base), int_value(&exp), int_value(&m)) else {
        return Err(type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    };
    if m.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    // CPython's long_pow: work modulo |m|, a negative exponent through the base's inverse,
    // and shift the result into (m, 0] for a negative modulus.
    let modulus = m.abs();
    if modulus.is_one() {
        return Ok(Value::Int(0));
    }
    let (b, e) = if e.is_negative() {
        let inverse = modular_inverse(&b, &modulus)
            .ok_or_else(|| value_error("base is not invertible for the given modulus"))?;
        (inverse, -e)
    } else {
        (b.mod_floor(&modulus), e)
    };
    let mut r = b.modpow(&e, &modulus);
    if m.is_negative() && !r.is_zero() {
        r -= &modulus;
    }
    Ok(Value::from_bigint(r))
}

/// The `x` in `0..modulus` with `value * x ≡ 1`, if there is one (`modulus > 1`).
fn modular_inverse(value: &BigInt, modulus: &BigInt) -> Option<BigInt> {
    let reduced = value.mod_floor(modulus);
    let found = reduced.extended_gcd(modulus);
    found.gcd.is_one().then(|| found.x.mod_floor(modulus))
}
