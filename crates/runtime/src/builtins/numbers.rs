//! Numeric conversions: `int(x, base)`, `float(x)` and `round(x, n)`,
//! with CPython's parsing rules (underscores, prefixes, whitespace) and
//! messages.

use loopscope_cpython::float_repr::{float_to_int, round_float, round_half_even};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::args::reject_kwargs;
use super::cpython_error;
use crate::format::int_value;
use crate::object::exceptions::{type_error, value_error};
use crate::object::types::type_of;
use crate::object::value::{Args, PyResult, Value};
use crate::quote::quote_str;
use crate::vm::Vm;

/// `int(...)`.
pub fn int_new(mut args: Args) -> PyResult<Value> {
    let given = args.pos.len() + args.kw.len();
    if given > 2 {
        return Err(type_error(format!(
            "int() takes at most 2 arguments ({given} given)"
        )));
    }
    let base_kw = args.take_kw("base");
    reject_kwargs("int", &args)?;
    let base = args.pos.get(1).cloned().or(base_kw);
    let Some(x) = args.pos.first() else {
        if base.is_some() {
            return Err(type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    if let Some(base) = base {
        let b = int_value(&base).ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_of(&base).name()
            ))
        })?;
        let b = b.to_u32().filter(|b| *b == 0 || (2..=36).contains(b));
        let Some(b) = b else {
            return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
        };
        return match x {
            Value::Str(s) => parse_int(s, b),
            Value::Bytes(bytes) => parse_int(&String::from_utf8_lossy(bytes), b),
            _ => Err(type_error(
                "int() can't convert non-string with explicit base",
            )),
        };
    }
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::from_bigint(float_to_int(*f).map_err(cpython_error)?)),
        Value::Str(s) => parse_int(s, 10),
        Value::Bytes(b) => parse_int(&String::from_utf8_lossy(b), 10),
        other => Err(type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            type_of(other).name()
        ))),
    }
}

/// `int(text, base)`.
pub fn parse_int(text: &str, base: u32) -> PyResult<Value> {
    let invalid = || {
        value_error(format!(
            "invalid literal for int() with base {base}: {}",
            quote_str(text, false)
        ))
    };
    let s = text.trim_matches(|c: char| c.is_whitespace());
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p);
    let (radix, digits, after_prefix) = match base {
        0 | 16 if prefixed("0x") => (16, &s[2..], true),
        0 | 8 if prefixed("0o") => (8, &s[2..], true),
        0 | 2 if prefixed("0b") => (2, &s[2..], true),
        0 => {
            if s.len() > 1 && s.starts_with('0') && s.chars().any(|c| c != '0' && c != '_') {
                return Err(invalid());
            }
            (10, s, false)
        }
        b => (b, s, false),
    };
    // Underscores: single, between digits (or right after a prefix).
    let mut clean = String::with_capacity(digits.len());
    let mut prev_underscore = false;
    for (i, c) in digits.chars().enumerate() {
        if c == '_' {
            if prev_underscore || (i == 0 && !after_prefix) {
                return Err(invalid());
            }
            prev_underscore = true;
            continue;
        }
        prev_underscore = false;
        let d = match c.to_digit(radix) {
            Some(d) => d,
            None => match decimal_digit(c) {
                Some(d) if d < radix => d,
                _ => return Err(invalid()),
            },
        };
        clean.push(std::char::from_digit(d, radix).unwrap_or('0'));
    }
    if clean.is_empty() || prev_underscore {
        return Err(invalid());
    }
    // CPython limits every base that is not a power of two (their conversion is quadratic).
    let limit = crate::repr::int_max_str_digits();
    if !radix.is_power_of_two() && limit > 0 && clean.len() > limit {
        return Err(value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {} digits; \
             use sys.set_int_max_str_digits() to increase the limit",
            clean.len()
        )));
    }
    let n = BigInt::parse_bytes(clean.as_bytes(), radix).ok_or_else(invalid)?;
    Ok(Value::from_bigint(if negative { -n } else { n }))
}

/// Non-ASCII Unicode decimal digits (Arabic-Indic, Devanagari, fullwidth...).
pub fn decimal_digit(c: char) -> Option<u32> {
    const ZEROS: &[u32] = &[
        0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50,
        0xed0, 0xf20, 0x1040, 0xff10,
    ];
    let n = c as u32;
    ZEROS
        .iter()
        .find(|z| (**z..**z + 10).contains(&n))
        .map(|z| n - z)
}

/// `float(...)`.
pub fn float_new(args: Args) -> PyResult<Value> {
    super::args::no_kwargs("float", &args)?;
    if args.pos.len() > 1 {
        return Err(type_error(format!(
            "float expected at most 1 argument, got {}",
            args.pos.len()
        )));
    }
    let Some(x) = args.pos.first() else {
        return Ok(Value::Float(0.0));
    };
    match x {
        Value::Float(_) => Ok(x.clone()),
        Value::Str(s) => parse_float(s).map(Value::Float),
        // A bytes' text is its ASCII; the message shows the bytes.
        Value::Bytes(b) => {
            let text: String = b.iter().map(|&c| c as char).collect();
            match parse_float(&text) {
                Ok(f) if b.is_ascii() => Ok(Value::Float(f)),
                _ => Err(crate::object::exceptions::value_error(format!(
                    "could not convert string to float: {}",
                    crate::repr::repr_value(x)
                ))),
            }
        }
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            Ok(Value::Float(crate::ops::to_float(x)?))
        }
        other => Err(type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            type_of(other).name()
        ))),
    }
}

/// `float(text)`.
pub fn parse_float(text: &str) -> PyResult<f64> {
    let invalid = || {
        value_error(format!(
            "could not convert string to float: {}",
            quote_str(text, false)
        ))
    };
    let s = text.trim_matches(|c: char| c.is_whitespace());
    let (sign, body) = match s.as_bytes().first() {
        Some(b'-') => (-1.0, &s[1..]),
        Some(b'+') => (1.0, &s[1..]),
        _ => (1.0, s),
    };
    match body.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => return Ok(sign * f64::INFINITY),
        "nan" => return Ok(crate::object::value::fresh_nan().copysign(sign)),
        _ => {}
    }
    // Digits, '.', exponent; underscores only between digits. Other
    // Unicode decimal digits count as their ASCII values.
    let ascii: String = body
        .chars()
        .map(|c| match decimal_digit(c) {
            Some(d) => char::from_digit(d, 10).unwrap_or(c),
            None => c,
        })
        .collect();
    let bytes = ascii.as_bytes();
    let mut clean = String::with_capacity(body.len());
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-' => clean.push(b as char),
            b'_' => {
                let digit = |j: Option<&u8>| j.is_some_and(|c| c.is_ascii_digit());
                if i == 0 || !digit(bytes.get(i - 1)) || !digit(bytes.get(i + 1)) {
                    return Err(invalid());
                }
            }
            _ => return Err(invalid()),
        }
    }
    if clean.starts_with(['+', '-']) {
        return Err(invalid());
    }
    loopscope_cpython::strtod::parse_float(&clean)
        .map(|f| sign * f)
        .ok_or_else(invalid)
}

/// `round(number, ndigits=None)`.
pub fn round(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let number_kw = args.take_kw("number");
    let ndigits_kw = args.take_kw("ndigits");
    reject_kwargs("round", &args)?;
    if args.pos.len() > 2 {
        return Err(type_error(format!(
            "round() takes at most 2 arguments ({} given)",
            args.pos.len()
        )));
    }
    let mut pos = args.pos.into_iter();
    let Some(x) = pos.next().or(number_kw) else {
        return Err(type_error(
            "round() missing required argument 'number' (pos 1)",
        ));
    };
    let ndigits = pos.next().or(ndigits_kw).filter(|n| !n.is_none());
    // A class's `__round__`, given `ndigits` only when there is one.
    if crate::dunders::is_class_instance(&x) {
        let args = ndigits.iter().cloned().collect();
        if let Some(r) = crate::dunders::call_special(vm, &x, "__round__", args)? {
            return Ok(r);
        }
    }
    if !matches!(
        x,
        Value::Float(_) | Value::Int(_) | Value::BigInt(_) | Value::Bool(_)
    ) {
        return Err(type_error(format!(
            "type {} doesn't define __round__ method",
            type_of(&x).name()
        )));
    }
    let ndigits = match ndigits {
        None => None,
        Some(n) => Some(int_value(&n).ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_of(&n).name()
            ))
        })?),
    };
    match &x {
        Value::Float(f) => match ndigits {
            None => Ok(Value::from_bigint(
                float_to_int(round_half_even(*f)).map_err(cpython_error)?,
            )),
            Some(n) => {
                let n = n
                    .to_i64()
                    .unwrap_or(if n.is_negative() { i64::MIN } else { i64::MAX });
                Ok(Value::Float(round_float(*f, n).map_err(cpython_error)?))
            }
        },
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let v = int_value(&x).unwrap_or_default();
            match ndigits {
                Some(n) if n.is_negative() => Ok(Value::from_bigint(round_int(&v, &n))),
                _ => Ok(Value::from_bigint(v)),
            }
        }
        other => Err(type_error(format!(
            "type {} doesn't define __round__ method",
            type_of(other).name()
        ))),
    }
}

/// `round(int, -k)`: to a multiple of `10**k`, ties to even.
fn round_int(v: &BigInt, ndigits: &BigInt) -> BigInt {
    let k = (-ndigits).to_u32().unwrap_or(u32::MAX);
    if k > 4000 {
        return BigInt::zero();
    }
    let unit = num_traits::pow(BigInt::from(10), k as usize);
    let (q, r) = v.div_mod_floor(&unit);
    let twice = &r * 2;
    let q = if twice > unit || (twice == unit && q.is_odd()) {
        q + 1
    } else {
        q
    };
    q * unit
}

/// Data attributes of numbers, ranges and slices (their types' `getattr`
/// slot).
pub fn data_attribute(_vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    Ok(match (obj, name) {
        (Value::Int(_) | Value::BigInt(_), "real" | "numerator") => Some(obj.clone()),
        (Value::Bool(b), "real" | "numerator") => Some(Value::Int(*b as i64)),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
        (Value::Float(_), "real") => Some(obj.clone()),
        (Value::Float(_), "imag") => Some(Value::Float(0.0)),
        (Value::Range(r), "start") => Some(Value::Int(r.start)),
        (Value::Range(r), "stop") => Some(Value::Int(r.stop)),
        (Value::Range(r), "step") => Some(Value::Int(r.step)),
        (Value::Slice(s), "start") => Some(s[0].clone()),
        (Value::Slice(s), "stop") => Some(s[1].clone()),
        (Value::Slice(s), "step") => Some(s[2].clone()),
        _ => None,
    })
}
