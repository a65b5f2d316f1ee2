//! The `complex` type: its constructor (`complex_new` of CPython 3.11, with
//! its string syntax and messages), its methods (`conjugate`, `__complex__`,
//! `__getnewargs__`, `__format__`) and its data attributes `real`, `imag`.
//! Its operators are `ops::complex`'s, its repr and hash the object layer's.

use super::args::{no_args, reject_kwargs};
use super::numbers::decimal_digit;
use crate::object::exceptions::{cpython_error, type_error};
use crate::object::instance::payload;
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("conjugate", conjugate),
    ("__complex__", complex_of),
    ("__getnewargs__", getnewargs),
];

/// The receiver's parts (the payload of an instance of a subclass).
fn parts(recv: &Value) -> (f64, f64) {
    match payload(recv) {
        Value::Complex(x, y) => (*x, *y),
        _ => (0.0, 0.0),
    }
}

fn conjugate(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("conjugate", &args)?;
    let (x, y) = parts(recv);
    Ok(Value::Complex(x, -y))
}

fn complex_of(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("__complex__", &args)?;
    let (x, y) = parts(recv);
    Ok(Value::Complex(x, y))
}

fn getnewargs(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("__getnewargs__", &args)?;
    let (x, y) = parts(recv);
    Ok(Value::tuple(vec![Value::Float(x), Value::Float(y)]))
}

/// `z.real`, `z.imag`.
pub fn data_attribute(_vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let (x, y) = parts(obj);
    Ok(match name {
        "real" => Some(Value::Float(x)),
        "imag" => Some(Value::Float(y)),
        _ => None,
    })
}

/// Whether `v` converts to a number for `complex()` (`nb_float`,
/// `nb_index`, or a complex).
fn is_number(v: &Value) -> bool {
    match payload(v) {
        Value::Int(_)
        | Value::BigInt(_)
        | Value::Bool(_)
        | Value::Float(_)
        | Value::Complex(..) => true,
        _ => {
            let t = type_of(v);
            t.lookup_override("__float__").is_some() || t.lookup_override("__index__").is_some()
        }
    }
}

/// `complex(real=0, imag=0)` and `complex(string)`.
pub fn complex_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let given = args.pos.len() + args.kw.len();
    if given > 2 {
        return Err(type_error(format!(
            "complex() takes at most 2 arguments ({given} given)"
        )));
    }
    let mut slots = [args.take_kw("real"), args.take_kw("imag")];
    reject_kwargs("complex", &args)?;
    for (i, v) in args.pos.into_iter().enumerate() {
        if slots[i].is_some() {
            let name = ["real", "imag"][i];
            return Err(type_error(format!(
                "argument for complex() given by name ('{name}') and position ({})",
                i + 1
            )));
        }
        slots[i] = Some(v);
    }
    let [r, i] = slots;
    let r = r.unwrap_or(Value::Int(0));
    if let (Value::Complex(..), None) = (&r, &i) {
        return Ok(r);
    }
    if let Value::Str(s) = payload(&r) {
        if i.is_some() {
            return Err(type_error(
                "complex() can't take second arg if first is a string",
            ));
        }
        let ascii: String = s
            .chars()
            .map(|c| match c {
                _ if c.is_ascii() => c,
                _ if c.is_whitespace() => ' ',
                _ => decimal_digit(c)
                    .and_then(|d| char::from_digit(d, 10))
                    .unwrap_or('?'),
            })
            .collect();
        let shown = crate::repr::repr_value(&r);
        let (x, y) = loopscope_cpython::complex::parse(&ascii, &shown).map_err(cpython_error)?;
        return Ok(Value::Complex(x, y));
    }
    if let Some(Value::Str(_)) = i.as_ref().map(payload) {
        return Err(type_error("complex() second arg can't be a string"));
    }
    let r = match crate::dunders::call_special(vm, &r, "__complex__", Vec::new())? {
        Some(c @ Value::Complex(..)) => c,
        Some(other) => {
            return Err(type_error(format!(
                "__complex__ returned non-complex (type {})",
                type_of(&other).name()
            )))
        }
        None => r,
    };
    if !is_number(&r) {
        return Err(type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            type_of(&r).name()
        )));
    }
    if let Some(i) = &i {
        if !is_number(i) {
            return Err(type_error(format!(
                "complex() second argument must be a number, not '{}'",
                type_of(i).name()
            )));
        }
    }
    let part = |vm: &mut Vm, v: &Value| -> PyResult<(f64, f64, bool)> {
        match payload(v) {
            Value::Complex(x, y) => Ok((*x, *y, true)),
            _ => match super::construct(vm, TypeId::Float, Args::new(vec![v.clone()]))? {
                Value::Float(f) => Ok((f, 0.0, false)),
                _ => Ok((0.0, 0.0, false)),
            },
        }
    };
    let (mut re, r_imag, r_complex) = part(vm, &r)?;
    let Some(i) = i else {
        return Ok(Value::Complex(re, r_imag));
    };
    let (mut im, i_imag, i_complex) = part(vm, &i)?;
    if i_complex {
        re -= i_imag;
    }
    if r_complex {
        im += r_imag;
    }
    Ok(Value::Complex(re, im))
}
