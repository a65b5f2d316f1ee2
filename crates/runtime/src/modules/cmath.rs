//! `cmath`: the complex functions programs use (`sqrt`, `exp`, `log`,
//! `log10`, `phase`, `polar`, `rect`, `isclose`, `isfinite`, `isinf`,
//! `isnan`) and the constants, as CPython 3.11's cmathmodule.c; the
//! algorithms are `loopscope_cpython::cmath`'s.

use std::rc::Rc;

use loopscope_cpython::cmath;
use loopscope_cpython::complex::{self, Complex};

use crate::builtins::args::{count_range, exactly_one, reject_kwargs};
use crate::object::exceptions::{cpython_error, type_error, value_error};
use crate::object::types::type_of;
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::ops::{to_complex, to_float};
use crate::vm::Vm;

pub fn make(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("log", log),
        ("log10", log10),
        ("phase", phase),
        ("polar", polar),
        ("rect", rect),
        ("isclose", isclose),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
    ];
    let m = super::native_module(
        "cmath",
        stdlib_path!("lib-dynload/cmath.cpython-311-x86_64-linux-gnu.so"),
        FUNCTIONS,
    );
    {
        let mut attrs = m.attrs.borrow_mut();
        attrs.insert_str("pi", Value::Float(std::f64::consts::PI));
        attrs.insert_str("e", Value::Float(std::f64::consts::E));
        attrs.insert_str("tau", Value::Float(std::f64::consts::TAU));
        attrs.insert_str("inf", Value::Float(f64::INFINITY));
        attrs.insert_str("infj", Value::Complex(0.0, f64::INFINITY));
        attrs.insert_str("nan", Value::Float(f64::NAN));
        attrs.insert_str("nanj", Value::Complex(0.0, f64::NAN));
    }
    Ok(m)
}

/// An argument as a complex (`PyComplex_AsCComplex`): a number, or what an
/// object's `__complex__` returns.
fn arg(vm: &mut Vm, v: &Value) -> PyResult<Complex> {
    if let Some(z) = to_complex(v) {
        return z;
    }
    match crate::dunders::call_special(vm, v, "__complex__", Vec::new())? {
        Some(Value::Complex(x, y)) => Ok((x, y)),
        Some(other) => Err(type_error(format!(
            "__complex__ returned non-complex (type {})",
            type_of(&other).name()
        ))),
        None => Ok((to_float(v)?, 0.0)),
    }
}

fn one(vm: &mut Vm, name: &str, args: &Args) -> PyResult<Complex> {
    let v = exactly_one(name, args)?;
    arg(vm, &v)
}

fn value(z: Complex) -> Value {
    Value::Complex(z.0, z.1)
}

fn sqrt(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(value(cmath::sqrt(one(vm, "cmath.sqrt", &args)?)))
}

fn exp(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let z = one(vm, "cmath.exp", &args)?;
    cmath::exp(z).map(value).map_err(cpython_error)
}

fn log10(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let z = one(vm, "cmath.log10", &args)?;
    cmath::log10(z).map(value).map_err(cpython_error)
}

fn log(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    count_range("log", &args, 1, 2)?;
    let z = arg(vm, &args.pos[0])?;
    let base = match args.pos.get(1) {
        Some(b) => Some(arg(vm, b)?),
        None => None,
    };
    cmath::log(z, base).map(value).map_err(cpython_error)
}

fn phase(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let z = one(vm, "cmath.phase", &args)?;
    Ok(Value::Float(z.1.atan2(z.0)))
}

fn polar(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let z = one(vm, "cmath.polar", &args)?;
    let r = complex::abs(z).map_err(|_| {
        crate::object::exceptions::exc(
            crate::object::types::TypeId::OverflowError,
            "math range error",
        )
    })?;
    Ok(Value::tuple(vec![
        Value::Float(r),
        Value::Float(z.1.atan2(z.0)),
    ]))
}

fn rect(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    count_range("rect", &args, 2, 2)?;
    let (r, phi) = (to_float(&args.pos[0])?, to_float(&args.pos[1])?);
    cmath::rect(r, phi).map(value).map_err(cpython_error)
}

fn isclose(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let rel = args.take_kw("rel_tol").map(|v| to_float(&v)).transpose()?;
    let abs = args.take_kw("abs_tol").map(|v| to_float(&v)).transpose()?;
    let a_kw = args.take_kw("a");
    let b_kw = args.take_kw("b");
    reject_kwargs("isclose", &args)?;
    if args.pos.len() > 2 {
        return Err(type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.pos.len()
        )));
    }
    let mut pos = args.pos.into_iter();
    let Some(a) = pos.next().or(a_kw) else {
        return Err(type_error(
            "isclose() missing required argument 'a' (pos 1)",
        ));
    };
    let Some(b) = pos.next().or(b_kw) else {
        return Err(type_error(
            "isclose() missing required argument 'b' (pos 2)",
        ));
    };
    let (a, b) = (arg(vm, &a)?, arg(vm, &b)?);
    let (rel, abs) = (rel.unwrap_or(1e-9), abs.unwrap_or(0.0));
    if rel < 0.0 || abs < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if [a.0, a.1, b.0, b.1].iter().any(|x| x.is_infinite()) {
        return Ok(Value::Bool(false));
    }
    let size = |z: Complex| complex::abs(z).unwrap_or(f64::INFINITY);
    let diff = size((a.0 - b.0, a.1 - b.1));
    Ok(Value::Bool(
        diff <= rel * size(b) || diff <= rel * size(a) || diff <= abs,
    ))
}

fn isfinite(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let z = one(vm, "cmath.isfinite", &args)?;
    Ok(Value::Bool(z.0.is_finite() && z.1.is_finite()))
}

fn isinf(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let z = one(vm, "cmath.isinf", &args)?;
    Ok(Value::Bool(z.0.is_infinite() || z.1.is_infinite()))
}

fn isnan(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let z = one(vm, "cmath.isnan", &args)?;
    Ok(Value::Bool(z.0.is_nan() || z.1.is_nan()))
}
