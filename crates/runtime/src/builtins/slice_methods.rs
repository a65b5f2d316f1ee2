//! The methods of `slice`: `indices(length)`, in exact integers as CPython's
//! `_PySlice_GetLongIndices` computes them.

use num_bigint::BigInt;
use num_traits::{Signed, Zero};

use super::args::exactly_one;
use crate::format::int_value;
use crate::object::exceptions::{type_error, value_error};
use crate::object::types::type_of;
use crate::object::value::{Args, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub const METHODS: &[(&str, NativeFn)] = &[("indices", indices)];

/// `v` as an int through `__index__`, or None when it has none.
fn as_index(vm: &mut Vm, v: &Value) -> PyResult<Option<BigInt>> {
    if let Some(n) = crate::dunders::index(vm, v)? {
        return Ok(int_value(&n));
    }
    Ok(int_value(v))
}

/// A bound of the slice: None, or an int through `__index__`.
fn bound(vm: &mut Vm, v: &Value) -> PyResult<Option<BigInt>> {
    if matches!(v, Value::None) {
        return Ok(None);
    }
    match as_index(vm, v)? {
        Some(n) => Ok(Some(n)),
        None => Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// `slice.indices(length)`: `(start, stop, step)` clipped to a sequence of
/// `length` items, as `range(*s.indices(n))` walks it.
fn indices(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let length = exactly_one("slice.indices", &args)?;
    let Value::Slice(slice) = recv else {
        return Err(type_error("descriptor 'indices' requires a 'slice' object"));
    };
    let Some(length) = as_index(vm, &length)? else {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_of(&length).name()
        )));
    };
    if length.is_negative() {
        return Err(value_error("length should not be negative"));
    }
    let step = bound(vm, &slice[2])?.unwrap_or_else(|| BigInt::from(1));
    if step.is_zero() {
        return Err(value_error("slice step cannot be zero"));
    }
    let (lower, upper) = if step.is_negative() {
        (BigInt::from(-1), &length - 1)
    } else {
        (BigInt::zero(), length.clone())
    };
    let clip = |v: Option<BigInt>, default: &BigInt| match v {
        None => default.clone(),
        Some(mut x) => {
            if x.is_negative() {
                x += &length;
                if x < lower {
                    x = lower.clone();
                }
            } else if x > upper {
                x = upper.clone();
            }
            x
        }
    };
    let start = bound(vm, &slice[0])?;
    let stop = bound(vm, &slice[1])?;
    let (start_default, stop_default) = if step.is_negative() {
        (&upper, &lower)
    } else {
        (&lower, &upper)
    };
    let start = clip(start, start_default);
    let stop = clip(stop, stop_default);
    Ok(Value::tuple(vec![
        Value::from_bigint(start),
        Value::from_bigint(stop),
        Value::from_bigint(step),
    ]))
}
