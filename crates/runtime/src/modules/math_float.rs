//! More of `math`: the hyperbolic functions, `log1p`, `expm1`, `exp2`,
//! `erf`, `erfc`, `cbrt`, `gamma`, `lgamma`, `remainder`, `fmod`, `modf`,
//! `frexp`, `ldexp`, `nextafter`, `ulp`, `dist` and `lcm`, with CPython's
//! errors: as its `math_1` decides, a NaN made from a number is a domain
//! error, and an infinity made from a finite number a range error where the
//! function can overflow, else a domain error.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

use super::math::{one_arg, positional};
use crate::format::int_value;
use crate::iterators;
use crate::object::exceptions::{cpython_error, exc, type_error, value_error};
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, NativeFn, PyResult, Value};
use crate::ops::to_float;
use crate::vm::Vm;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("sinh", sinh),
    ("cosh", cosh),
    ("tanh", tanh),
    ("asinh", asinh),
    ("acosh", acosh),
    ("atanh", atanh),
    ("log1p", log1p),
    ("expm1", expm1),
    ("exp2", exp2),
    ("fmod", fmod),
    ("modf", modf),
    ("frexp", frexp),
    ("ldexp", ldexp),
    ("nextafter", nextafter),
    ("ulp", ulp),
    ("dist", dist),
    ("lcm", lcm),
    ("erf", erf),
    ("erfc", erfc),
    ("cbrt", cbrt),
    ("gamma", gamma),
    ("lgamma", lgamma),
    ("remainder", remainder),
];

fn domain() -> crate::object::value::ExcRef {
    value_error("math domain error")
}

fn range() -> crate::object::value::ExcRef {
    exc(TypeId::OverflowError, "math range error")
}

/// CPython's `math_1`: `f(x)` for the one argument of `name`, checked.
fn math_1(name: &str, args: &Args, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    let x = to_float(&one_arg(name, args)?)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(Value::Float(r))
}

macro_rules! one_argument {
    ($($name:ident: $f:expr, $overflow:expr;)*) => {
        $(
            fn $name(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
                math_1(stringify!($name), &args, $f, $overflow)
            }
        )*
    };
}

one_argument! {
    sinh: f64::sinh, true;
    cosh: f64::cosh, true;
    tanh: f64::tanh, false;
    asinh: asinh_of, false;
    acosh: acosh_of, false;
    atanh: f64::atanh, false;
    log1p: f64::ln_1p, false;
    expm1: f64::exp_m1, true;
    exp2: f64::exp2, true;
    erf: loopscope_cpython::libm::erf, false;
    erfc: loopscope_cpython::libm::erfc, false;
    cbrt: loopscope_cpython::libm::cbrt, false;
}

/// `gamma` and `lgamma`: CPython's own (its `math_1a`: the function decides
/// its errors).
fn gamma(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let x = to_float(&one_arg("gamma", &args)?)?;
    Ok(Value::Float(
        loopscope_cpython::math::gamma(x).map_err(cpython_error)?,
    ))
}

fn lgamma(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let x = to_float(&one_arg("lgamma", &args)?)?;
    Ok(Value::Float(
        loopscope_cpython::math::lgamma(x).map_err(cpython_error)?,
    ))
}

/// `remainder(x, y)`: IEEE 754's remainder, exact.
fn remainder(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats("remainder", &args)?;
    Ok(Value::Float(
        loopscope_cpython::math::remainder(x, y).map_err(cpython_error)?,
    ))
}

/// fdlibm's `asinh` (the C library's, which CPython calls), over `ln`
/// and `ln_1p`.
fn asinh_of(x: f64) -> f64 {
    let high = (x.to_bits() >> 32) as u32 & 0x7fff_ffff;
    if high < 0x3e30_0000 {
        return x; // |x| < 2**-28
    }
    let a = x.abs();
    let w = if high > 0x41b0_0000 {
        if high >= 0x7ff0_0000 {
            return x + x; // inf or NaN
        }
        a.ln() + std::f64::consts::LN_2
    } else if high > 0x4000_0000 {
        (2.0 * a + 1.0 / ((a * a + 1.0).sqrt() + a)).ln()
    } else {
        let t = a * a;
        (a + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    w.copysign(x)
}

/// fdlibm's `acosh`.
fn acosh_of(x: f64) -> f64 {
    let bits = x.to_bits();
    let high = (bits >> 32) as i64 as i32;
    if high < 0x3ff0_0000 {
        return f64::NAN; // x < 1
    }
    if high >= 0x41b0_0000 {
        if high >= 0x7ff0_0000 {
            return x + x;
        }
        return x.ln() + std::f64::consts::LN_2;
    }
    if high > 0x4000_0000 {
        let t = x * x;
        return (2.0 * x - 1.0 / (x + (t - 1.0).sqrt())).ln();
    }
    if bits == 1.0f64.to_bits() {
        return 0.0;
    }
    let t = x - 1.0;
    (t + (2.0 * t + t * t).sqrt()).ln_1p()
}

fn two_floats(name: &str, args: &Args) -> PyResult<(f64, f64)> {
    positional(name, args, 2, 2)?;
    Ok((to_float(&args.pos[0])?, to_float(&args.pos[1])?))
}

/// `fmod(x, y)`: C's remainder with the sign of `x`.
fn fmod(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats("fmod", &args)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    Ok(Value::Float(r))
}

/// `modf(x)`: the fractional and integral parts, both with the sign of `x`.
fn modf(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let x = to_float(&one_arg("modf", &args)?)?;
    let (fraction, integral) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        ((x - x.trunc()).copysign(x), x.trunc())
    };
    Ok(Value::tuple(vec![
        Value::Float(fraction),
        Value::Float(integral),
    ]))
}

/// `frexp(x)`: `(m, e)` with `x == m * 2**e` and `0.5 <= abs(m) < 1`.
fn frexp(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let x = to_float(&one_arg("frexp", &args)?)?;
    let (mantissa, exponent) = loopscope_cpython::frexp::frexp(x);
    Ok(Value::tuple(vec![
        Value::Float(mantissa),
        Value::Int(i64::from(exponent)),
    ]))
}

/// `ldexp(x, i)`: `x * 2**i`, rounded once (musl's `scalbn`).
fn ldexp(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    positional("ldexp", &args, 2, 2)?;
    let x = to_float(&args.pos[0])?;
    let Some(i) = int_value(&args.pos[1]) else {
        return Err(type_error("Expected an int as second argument to ldexp."));
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let n = i.clamp(BigInt::from(-3000), BigInt::from(3000));
    let r = scalbn(x, i64::try_from(n).unwrap_or(0));
    if r.is_infinite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

fn scalbn(mut y: f64, mut n: i64) -> f64 {
    let p1023 = f64::from_bits(0x7fe0_0000_0000_0000);
    // 2**-1022 * 2**53, so that the last step never rounds twice.
    let down = f64::from_bits(0x0010_0000_0000_0000) * f64::from_bits(0x4340_0000_0000_0000);
    if n > 1023 {
        y *= p1023;
        n -= 1023;
        if n > 1023 {
            y *= p1023;
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        y *= down;
        n += 1022 - 53;
        if n < -1022 {
            y *= down;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

/// The float next to `x` towards `y`.
fn next_toward(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let away = (y > x) == (x > 0.0);
    f64::from_bits(if away { bits + 1 } else { bits - 1 })
}

fn nextafter(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats("nextafter", &args)?;
    Ok(Value::Float(next_toward(x, y)))
}

/// `ulp(x)`: the gap between `abs(x)` and the next float away from zero.
fn ulp(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let x = to_float(&one_arg("ulp", &args)?)?.abs();
    if !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let above = next_toward(x, f64::INFINITY);
    Ok(Value::Float(if above.is_infinite() {
        x - next_toward(x, f64::NEG_INFINITY)
    } else {
        above - x
    }))
}

/// `dist(p, q)`: the Euclidean distance of two points of as many coordinates.
fn dist(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    positional("dist", &args, 2, 2)?;
    let mut points = Vec::new();
    for point in &args.pos {
        points.push(iterators::collect(vm, point)?);
    }
    if points[0].len() != points[1].len() {
        return Err(value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut magnitudes = Vec::with_capacity(points[0].len());
    for (p, q) in points[0].iter().zip(&points[1]) {
        magnitudes.push((to_float(p)? - to_float(q)?).abs());
    }
    Ok(Value::Float(loopscope_cpython::math::vector_norm(
        &magnitudes,
    )))
}

/// `lcm(*integers)`: their least common multiple (1 for none).
fn lcm(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let mut acc = BigInt::from(1);
    for v in &args.pos {
        let Some(n) = int_value(v) else {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_of(v).name()
            )));
        };
        acc = if acc.is_zero() || n.is_zero() {
            BigInt::zero()
        } else {
            acc.lcm(&n).abs()
        };
    }
    Ok(Value::from_bigint(acc))
}
