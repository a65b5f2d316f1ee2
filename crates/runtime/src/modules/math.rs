//! `math`: constants and a useful subset of the functions, with CPython's
//! domain/range errors.

use std::rc::Rc;

use loopscope_cpython::float_repr::float_to_int;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive};

use crate::builtins::args::{count_range, exactly_one, no_kwargs};
use crate::format::int_value;
use crate::iterators;
use crate::object::exceptions::cpython_error;
use crate::object::exceptions::{exc, type_error, value_error};
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::ops::to_float;
use crate::vm::Vm;

pub fn make(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("sqrt", sqrt),
        ("exp", exp),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("atan", atan),
        ("asin", asin),
        ("acos", acos),
        ("atan2", atan2),
        ("hypot", hypot),
        ("fabs", fabs),
        ("pow", pow),
        ("isclose", isclose),
        ("isnan", isnan),
        ("isinf", isinf),
        ("isfinite", isfinite),
        ("gcd", gcd),
        ("factorial", factorial),
        ("comb", comb),
        ("perm", perm),
        ("isqrt", isqrt),
        ("fsum", fsum),
        ("prod", prod),
        ("copysign", copysign),
        ("degrees", degrees),
        ("radians", radians),
    ];
    let m = super::native_module(
        "math",
        stdlib_path!("lib-dynload/math.cpython-311-x86_64-linux-gnu.so"),
        FUNCTIONS,
    );
    {
        let mut attrs = m.attrs.borrow_mut();
        attrs.insert_str("pi", Value::Float(std::f64::consts::PI));
        attrs.insert_str("e", Value::Float(std::f64::consts::E));
        attrs.insert_str("tau", Value::Float(std::f64::consts::TAU));
        attrs.insert_str("inf", Value::Float(f64::INFINITY));
        attrs.insert_str("nan", Value::Float(f64::NAN));
        for (name, f) in super::math_float::FUNCTIONS {
            attrs.insert_str(name, crate::builtins::function(name, *f));
        }
    }
    Ok(m)
}

/// The one argument of `math.NAME` (METH_O: the messages name `math.NAME()`).
pub(super) fn one_arg(name: &str, args: &Args) -> PyResult<Value> {
    exactly_one(&format!("math.{name}"), args)
}

/// A fixed number of positional arguments (METH_FASTCALL: the count's
/// message names the bare function, the keyword's `math.NAME()`).
pub(super) fn positional(name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    no_kwargs(&format!("math.{name}"), args)?;
    count_range(name, args, min, max)
}

fn one_float(name: &str, args: &Args) -> PyResult<f64> {
    to_float(&one_arg(name, args)?)
}

fn domain() -> crate::object::value::ExcRef {
    value_error("math domain error")
}

/// A float result, checked like CPython's `math_1`.
fn checked(x: f64, r: f64) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(exc(TypeId::OverflowError, "math range error"));
    }
    Ok(Value::Float(r))
}

fn to_int_value(f: f64) -> PyResult<Value> {
    Ok(Value::from_bigint(float_to_int(f).map_err(cpython_error)?))
}

fn rounding(args: &Args, name: &str, op: fn(f64) -> f64) -> PyResult<Value> {
    let v = one_arg(name, args)?;
    if let Some(n) = int_value(&v) {
        return Ok(Value::from_bigint(n));
    }
    to_int_value(op(to_float(&v)?))
}

/// `math.floor(x)` and the others: an instance's `__floor__` (...), else
/// the number rounded.
fn rounding_hook(vm: &mut Vm, args: &Args, name: &str, op: fn(f64) -> f64) -> PyResult<Value> {
    let v = one_arg(name, args)?;
    if crate::dunders::is_class_instance(&v) {
        if let Some(r) = crate::dunders::call_special(vm, &v, &format!("__{name}__"), Vec::new())? {
            return Ok(r);
        }
        if name == "trunc" {
            return Err(type_error(format!(
                "type {} doesn't define __trunc__ method",
                type_of(&v).name()
            )));
        }
    }
    rounding(args, name, op)
}

fn floor(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    rounding_hook(vm, &args, "floor", f64::floor)
}

fn ceil(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    rounding_hook(vm, &args, "ceil", f64::ceil)
}

fn trunc(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    rounding_hook(vm, &args, "trunc", f64::trunc)
}

fn sqrt(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let x = one_float("sqrt", &args)?;
    checked(x, x.sqrt())
}

fn exp(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let x = one_float("exp", &args)?;
    checked(x, x.exp())
}

/// CPython's `loghelper`: `func` of a number, where an int too large for a float
/// still has a logarithm: `func(x) + func(2.0) * e` for its `frexp` `x * 2**e`.
fn log_with(v: &Value, func: fn(f64) -> f64) -> PyResult<f64> {
    if let Value::BigInt(b) = v {
        if !b.is_positive() {
            return Err(domain());
        }
        if let Ok(x) = to_float(v) {
            return Ok(func(x));
        }
        let (x, e) = big_frexp(b);
        return Ok(func(x) + func(2.0) * e as f64);
    }
    let x = to_float(v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(func(x))
}

/// `_PyLong_Frexp` of a positive int: `(x, e)` with `x` in [0.5, 1) rounded to
/// 53 bits half to even, and the int about `x * 2**e`.
fn big_frexp(b: &BigInt) -> (f64, u64) {
    let bits = b.bits();
    let shift = bits.saturating_sub(64);
    let mut top = (b >> shift).to_u64().unwrap_or(u64::MAX);
    // A sticky bit for what the shift dropped, so that the rounding to 53 bits
    // of the u64's conversion is the rounding of the whole int.
    if shift > 0 && b.trailing_zeros().is_some_and(|zeros| zeros < shift) {
        top |= 1;
    }
    let x = top as f64 / 2f64.powi(bits.min(64) as i32);
    if x == 1.0 {
        (0.5, bits + 1)
    } else {
        (x, bits)
    }
}

fn log(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    crate::builtins::args::no_kwargs("log", &args)?;
    if !(1..=2).contains(&args.pos.len()) {
        return Err(type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_with(&args.pos[0], f64::ln)?;
    match args.pos.get(1) {
        None => Ok(Value::Float(num)),
        Some(b) => {
            let den = log_with(b, f64::ln)?;
            if den == 0.0 {
                return Err(exc(TypeId::ZeroDivisionError, "float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn log2(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Float(log_with(&one_arg("log2", &args)?, f64::log2)?))
}

fn log10(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Float(log_with(
        &one_arg("log10", &args)?,
        f64::log10,
    )?))
}

fn sin(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let x = one_float("sin", &args)?;
    checked(x, x.sin())
}

fn cos(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let x = one_float("cos", &args)?;
    checked(x, x.cos())
}

fn tan(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let x = one_float("tan", &args)?;
    checked(x, x.tan())
}

fn asin(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let x = one_float("asin", &args)?;
    checked(x, x.asin())
}

fn acos(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let x = one_float("acos", &args)?;
    checked(x, x.acos())
}

fn atan(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Float(one_float("atan", &args)?.atan()))
}

fn two_floats(name: &str, args: &Args) -> PyResult<(f64, f64)> {
    positional(name, args, 2, 2)?;
    Ok((to_float(&args.pos[0])?, to_float(&args.pos[1])?))
}

fn atan2(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let (y, x) = two_floats("atan2", &args)?;
    Ok(Value::Float(y.atan2(x)))
}

/// `hypot(*coordinates)`: CPython's vector norm, correctly rounded in
/// practice, which libm's two-argument `hypot` is not.
fn hypot(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("math.hypot", &args)?;
    let mut magnitudes = Vec::with_capacity(args.pos.len());
    for v in &args.pos {
        magnitudes.push(to_float(v)?.abs());
    }
    Ok(Value::Float(loopscope_cpython::math::vector_norm(
        &magnitudes,
    )))
}

fn fabs(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Float(one_float("fabs", &args)?.abs()))
}

fn pow(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats("pow", &args)?;
    if x == 0.0 && y < 0.0 {
        return Err(domain());
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(domain());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(exc(TypeId::OverflowError, "math range error"));
    }
    Ok(Value::Float(r))
}

fn isclose(_vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let rel = args.take_kw("rel_tol");
    let abs = args.take_kw("abs_tol");
    crate::builtins::args::reject_kwargs("isclose", &args)?;
    match args.pos.len() {
        2 => {}
        given @ 0..=1 => {
            let (name, place) = [("a", 1), ("b", 2)][given];
            return Err(type_error(format!(
                "isclose() missing required argument '{name}' (pos {place})"
            )));
        }
        given => {
            return Err(type_error(format!(
                "isclose() takes exactly 2 positional arguments ({given} given)"
            )))
        }
    }
    let (a, b) = (to_float(&args.pos[0])?, to_float(&args.pos[1])?);
    let rel = rel.map(|v| to_float(&v)).transpose()?;
    let abs = abs.map(|v| to_float(&v)).transpose()?;
    let (rel, abs) = (rel.unwrap_or(1e-9), abs.unwrap_or(0.0));
    if rel < 0.0 || abs < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs,
    ))
}

fn isnan(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(one_float("isnan", &args)?.is_nan()))
}

fn isinf(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(one_float("isinf", &args)?.is_infinite()))
}

fn isfinite(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(one_float("isfinite", &args)?.is_finite()))
}

fn int_arg(v: &Value) -> PyResult<BigInt> {
    int_value(v).ok_or_else(|| {
        type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_of(v).name()
        ))
    })
}

fn gcd(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let mut acc = BigInt::from(0);
    for v in &args.pos {
        acc = acc.gcd(&int_arg(v)?);
    }
    Ok(Value::from_bigint(acc))
}

fn factorial(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let n = int_arg(&one_arg("factorial", &args)?)?;
    if n.is_negative() {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let count = factor_count("factorial() argument should", &n)?;
    Ok(Value::from_bigint(falling_product(vm, &n, count)?))
}

/// `count` as a number of factors: at most a C `long`, as CPython's
/// `factorial`, `comb` and `perm` take (the instruction and memory budgets stop
/// what would take too long or hold too much long before that).
fn factor_count(what: &str, count: &BigInt) -> PyResult<u64> {
    count.to_i64().map(|n| n as u64).ok_or_else(|| {
        exc(
            TypeId::OverflowError,
            format!("{what} not exceed {}", i64::MAX),
        )
    })
}

/// `n * (n - 1) * ... * (n - count + 1)`, multiplied as a balanced tree (runs of
/// sixteen factors, then products of equal size, kept on a stack of at most one
/// per size), each step counted as work and its result checked against the
/// memory budget: a factorial of a million takes seconds, not hours.
fn falling_product(vm: &mut Vm, n: &BigInt, count: u64) -> PyResult<BigInt> {
    let mut stack: Vec<(u32, BigInt)> = Vec::new();
    let mut done = 0;
    while done < count {
        let end = (done + 16).min(count);
        let mut leaf = BigInt::one();
        for i in done..end {
            leaf *= n - i;
        }
        vm.count_native_work(end - done)?;
        done = end;
        let (mut rank, mut product) = (0, leaf);
        while let Some((top_rank, top)) = stack.pop() {
            if top_rank != rank {
                stack.push((top_rank, top));
                break;
            }
            product = counted_product(vm, &top, &product)?;
            rank += 1;
        }
        stack.push((rank, product));
    }
    let mut acc = BigInt::one();
    while let Some((_, x)) = stack.pop() {
        acc = counted_product(vm, &x, &acc)?;
    }
    Ok(acc)
}

/// `a * b`, priced as the `*` operator prices a product of big ints (the longer
/// factor's words times the square root of the shorter's) and refused past the
/// memory budget before it is made.
fn counted_product(vm: &mut Vm, a: &BigInt, b: &BigInt) -> PyResult<BigInt> {
    let (wa, wb) = (a.bits() / 64 + 1, b.bits() / 64 + 1);
    let (long, short) = (wa.max(wb), wa.min(wb));
    if long >= 512 {
        vm.check_memory_for(usize::try_from((long + short) * 8).unwrap_or(usize::MAX))?;
        vm.count_native_work(long.saturating_mul(short.isqrt()))?;
    }
    Ok(a * b)
}

/// The (n, k) of `comb` and `perm`, both non-negative ints.
fn n_and_k(n: &Value, k: &Value) -> PyResult<(BigInt, BigInt)> {
    let (n, k) = (int_arg(n)?, int_arg(k)?);
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

/// `comb(n, k)`: the ways to choose k items of n, without order.
fn comb(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    positional("comb", &args, 2, 2)?;
    let (n, k) = n_and_k(&args.pos[0], &args.pos[1])?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let smaller = factor_count("min(n - k, k) must", &k.clone().min(&n - &k))?;
    let product = falling_product(vm, &n, smaller)?;
    let divisor = falling_product(vm, &BigInt::from(smaller), smaller)?;
    Ok(Value::from_bigint(product / divisor))
}

/// `perm(n, k=None)`: the ways to choose k items of n, in order.
fn perm(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    positional("perm", &args, 1, 2)?;
    match args.pos.get(1) {
        None | Some(Value::None) => factorial(vm, recv, Args::new(vec![args.pos[0].clone()])),
        Some(k) => {
            let (n, k) = n_and_k(&args.pos[0], k)?;
            if k > n {
                return Ok(Value::Int(0));
            }
            let count = factor_count("k must", &k)?;
            Ok(Value::from_bigint(falling_product(vm, &n, count)?))
        }
    }
}

fn isqrt(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let n = int_arg(&one_arg("isqrt", &args)?)?;
    if n.is_negative() {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

/// `fsum`: exactly rounded sum (Shewchuk's algorithm, as CPython).
fn fsum(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let v = one_arg("fsum", &args)?;
    let mut partials: Vec<f64> = Vec::new();
    // Infinities and NaNs summed apart, as CPython's math_fsum does.
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for item in iterators::collect(vm, &v)? {
        let mut x = to_float(&item)?;
        let original = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x == 0.0 {
            continue;
        }
        if x.is_finite() {
            partials.push(x);
            continue;
        }
        if original.is_finite() {
            return Err(exc(TypeId::OverflowError, "intermediate overflow in fsum"));
        }
        if original.is_infinite() {
            inf_sum += original;
        }
        special_sum += original;
        partials.clear();
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special_sum));
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn prod(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start").unwrap_or(Value::Int(1));
    crate::builtins::args::reject_kwargs("prod", &args)?;
    let v = {
        if args.pos.len() != 1 {
            return Err(type_error(format!(
                "prod() takes exactly 1 positional argument ({} given)",
                args.pos.len()
            )));
        }
        args.pos[0].clone()
    };
    let mut acc = start;
    for item in iterators::collect(vm, &v)? {
        acc = crate::ops::binary_op(vm, loopscope_syntax::ast::BinOp::Mult, &acc, &item)?;
    }
    Ok(acc)
}

fn copysign(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats("copysign", &args)?;
    Ok(Value::Float(x.copysign(y)))
}

fn degrees(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Float(one_float("degrees", &args)?.to_degrees()))
}

fn radians(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Float(one_float("radians", &args)?.to_radians()))
}
