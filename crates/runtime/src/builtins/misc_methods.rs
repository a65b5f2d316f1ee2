//! Methods of the smaller built-in types: `tuple`, `range`, `bytes` (`decode`,
//! `hex`; the rest in `bytes_methods.rs`),
//! `int`, `float`, and the iterator types; plus `int.from_bytes`,
//! `float.fromhex` and `float.__getformat__`.

use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use super::args::{count_range, exactly_one, index_arg, no_args, reject_kwargs};
use super::list_methods::{count_equal, index_bounds, same};
use crate::format::int_value;
use crate::iterators;
use crate::object::exceptions::{exc, type_error, value_error};
use crate::object::types::TypeId;
use crate::object::value::{Args, NativeFn, PyResult, Value};
use crate::repr;
use crate::vm::Vm;

/// `tuple` and `range`.
pub const SEQUENCE_METHODS: &[(&str, NativeFn)] = &[("index", seq_index), ("count", seq_count)];
/// `int` (and so `bool`).
pub const INT_METHODS: &[(&str, NativeFn)] = &[
    ("bit_length", bit_length),
    ("bit_count", bit_count),
    ("to_bytes", to_bytes),
    ("conjugate", identity),
    ("as_integer_ratio", int_ratio),
    ("__getnewargs__", int_getnewargs),
    ("__sizeof__", int_sizeof),
];
pub const INT_CLASS_METHODS: &[(&str, NativeFn)] = &[("from_bytes", from_bytes)];
pub const FLOAT_METHODS: &[(&str, NativeFn)] = &[
    ("is_integer", is_integer),
    ("as_integer_ratio", float_ratio),
    ("conjugate", identity),
    ("hex", float_hex),
    ("__getnewargs__", float_getnewargs),
    ("__sizeof__", float_sizeof),
];
pub const FLOAT_CLASS_METHODS: &[(&str, NativeFn)] = &[
    ("fromhex", float_fromhex),
    ("__getformat__", float_getformat),
];
/// The built-in iterator types.
pub const ITERATOR_METHODS: &[(&str, NativeFn)] =
    &[("__next__", iter_next), ("__iter__", identity)];

fn identity(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("method", &args)?;
    Ok(match recv {
        Value::Bool(b) => Value::Int(*b as i64),
        v => v.clone(),
    })
}

fn iter_next(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("__next__", &args)?;
    match iterators::next_item(vm, recv)? {
        Some(v) => Ok(v),
        None => Err(crate::object::exceptions::exc_empty(TypeId::StopIteration)),
    }
}

fn seq_items(vm: &mut Vm, recv: &Value) -> PyResult<Vec<Value>> {
    iterators::collect(vm, recv)
}

fn seq_index(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("index", &args, 1, 3)?;
    let items = seq_items(vm, recv)?;
    let (start, end) = index_bounds(&args, items.len())?;
    for (i, item) in items.iter().enumerate().take(end).skip(start) {
        if same(vm, item, &args.pos[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(value_error(match recv {
        Value::Range(_) => format!("{} is not in range", repr::repr(vm, &args.pos[0])?),
        _ => "tuple.index(x): x not in tuple".to_string(),
    }))
}

fn seq_count(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let name = match recv {
        Value::Range(_) => "range.count",
        _ => "tuple.count",
    };
    let v = exactly_one(name, &args)?;
    let items = seq_items(vm, recv)?;
    Ok(Value::Int(count_equal(vm, &items, &v)? as i64))
}

fn bytes_of(recv: &Value) -> Rc<[u8]> {
    match recv {
        Value::Bytes(b) => b.clone(),
        _ => Rc::from(Vec::new()),
    }
}

pub(super) fn decode(_vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let enc = args.take_kw("encoding");
    let errors = args.take_kw("errors");
    reject_kwargs("decode", &args)?;
    super::args::takes_range("decode", &args, 0, 2)?;
    let (encoding, errors) = codec_args("decode", &args, enc, errors)?;
    Ok(Value::str(&super::codecs::decode(
        &bytes_of(recv),
        &encoding,
        &errors,
    )?))
}

/// `(encoding, errors)` of `str.encode` / `bytes.decode`, type-checked.
pub fn codec_args(
    func: &str,
    args: &Args,
    encoding_kw: Option<Value>,
    errors_kw: Option<Value>,
) -> PyResult<(String, String)> {
    let encoding = str_argument(func, "encoding", args.pos.first().cloned().or(encoding_kw))?;
    let errors = str_argument(func, "errors", args.pos.get(1).cloned().or(errors_kw))?;
    Ok((
        encoding.unwrap_or_else(|| "utf-8".to_string()),
        errors.unwrap_or_else(|| "strict".to_string()),
    ))
}

/// An optional str argument `what` of `func` (`encoding`, `errors`): its text, or
/// Argument Clinic's TypeError naming the type given.
pub fn str_argument(func: &str, what: &str, v: Option<Value>) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.to_string())),
        Some(other) => Err(type_error(format!(
            "{func}() argument '{what}' must be str, not {}",
            none_or_type(&other)
        ))),
    }
}

/// How Argument Clinic names a bad argument's type (`None` for None).
pub fn none_or_type(v: &Value) -> std::borrow::Cow<'static, str> {
    match v {
        Value::None => std::borrow::Cow::Borrowed("None"),
        other => crate::object::types::type_of(other).name(),
    }
}

pub(super) fn hex(vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let sep_kw = args.take_kw("sep");
    let per_kw = args.take_kw("bytes_per_sep");
    reject_kwargs("hex", &args)?;
    super::args::takes_range("hex", &args, 0, 2)?;
    let b = bytes_of(recv);
    // Two digits a byte, each pair a string of its own: checked as items.
    vm.check_items(b.len().saturating_mul(2))?;
    let digits: Vec<String> = b.iter().map(|c| format!("{c:02x}")).collect();
    let per = match args.pos.get(1).cloned().or(per_kw) {
        Some(v) => index_arg(&v)?,
        None => 1,
    };
    let Some(sep) = args.pos.first().cloned().or(sep_kw) else {
        return Ok(Value::str(&digits.concat()));
    };
    if crate::ops::len(vm, &sep)? != 1 {
        return Err(value_error("sep must be length 1."));
    }
    let sep = match sep {
        Value::Str(s) => s.to_string(),
        Value::Bytes(s) => String::from_utf8_lossy(&s).into_owned(),
        _ => return Err(type_error("sep must be str or bytes.")),
    };
    if per == 0 || digits.is_empty() {
        return Ok(Value::str(&digits.concat()));
    }
    // Groups of `per` bytes counted from the right (from the left if negative).
    let size = per.unsigned_abs() as usize;
    let n = digits.len();
    let mut out = String::new();
    for (i, d) in digits.iter().enumerate() {
        let boundary = if per > 0 {
            (n - i).is_multiple_of(size)
        } else {
            i.is_multiple_of(size)
        };
        if i > 0 && boundary {
            out.push_str(&sep);
        }
        out.push_str(d);
    }
    Ok(Value::str(&out))
}

fn int_of(recv: &Value) -> BigInt {
    int_value(recv).unwrap_or_default()
}

fn bit_length(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("int.bit_length", &args)?;
    Ok(Value::Int(int_of(recv).magnitude().bits() as i64))
}

/// `int.__sizeof__()`: CPython 3.11's PyLongObject on a 64-bit build, a
/// 24-byte header and at least one 30-bit digit of 4 bytes.
fn int_sizeof(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("int.__sizeof__", &args)?;
    let digits = int_of(recv).magnitude().bits().div_ceil(30).max(1);
    Ok(Value::Int(24 + 4 * digits as i64))
}

/// `float.__sizeof__()`: a PyFloatObject, 24 bytes.
fn float_sizeof(_vm: &mut Vm, _recv: &Value, args: Args) -> PyResult<Value> {
    no_args("float.__sizeof__", &args)?;
    Ok(Value::Int(24))
}

/// `int.bit_count()`: the ones in the binary form of its absolute value.
fn bit_count(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("int.bit_count", &args)?;
    Ok(Value::Int(int_of(recv).magnitude().count_ones() as i64))
}

fn int_ratio(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("int.as_integer_ratio", &args)?;
    Ok(Value::tuple(vec![
        Value::from_bigint(int_of(recv)),
        Value::Int(1),
    ]))
}

/// `(length, byteorder, signed)` of `to_bytes` / `from_bytes`.
fn byteorder(v: Option<Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(Value::Str(s)) if &*s == "big" => Ok(false),
        Some(Value::Str(s)) if &*s == "little" => Ok(true),
        Some(Value::Str(_)) => Err(value_error("byteorder must be either 'little' or 'big'")),
        Some(other) => Err(type_error(format!(
            "to_bytes() argument 'byteorder' must be str, not {}",
            none_or_type(&other)
        ))),
    }
}

fn to_bytes(vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let length_kw = args.take_kw("length");
    let order_kw = args.take_kw("byteorder");
    let signed = match args.take_kw("signed") {
        Some(v) => crate::ops::truthy(vm, &v)?,
        None => false,
    };
    reject_kwargs("to_bytes", &args)?;
    let given = args.pos.len() + length_kw.is_some() as usize + order_kw.is_some() as usize;
    if given > 2 {
        return Err(type_error(format!(
            "to_bytes() takes at most {} arguments ({} given)",
            if args.pos.len() > 2 {
                "2 positional"
            } else {
                "3"
            },
            args.pos.len()
        )));
    }
    let mut pos = args.pos.into_iter();
    let length = match pos.next().or(length_kw) {
        Some(v) => index_arg(&v)?,
        None => 1,
    };
    let little = byteorder(pos.next().or(order_kw))?;
    if length < 0 {
        return Err(value_error("length argument must be non-negative"));
    }
    vm.check_size(length as usize)?;
    let n = int_of(recv);
    if n.is_negative() && !signed {
        return Err(exc(
            TypeId::OverflowError,
            "can't convert negative int to unsigned",
        ));
    }
    let mut bytes = if signed {
        n.to_signed_bytes_le()
    } else {
        n.to_bytes_le().1
    };
    if n.is_zero() {
        bytes.clear();
    }
    let length = length as usize;
    if bytes.len() > length {
        return Err(exc(TypeId::OverflowError, "int too big to convert"));
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(Value::Bytes(Rc::from(bytes)))
}

fn from_bytes(vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let bytes_kw = args.take_kw("bytes");
    let order_kw = args.take_kw("byteorder");
    let signed = match args.take_kw("signed") {
        Some(v) => crate::ops::truthy(vm, &v)?,
        None => false,
    };
    reject_kwargs("from_bytes", &args)?;
    let mut pos = args.pos.into_iter();
    let Some(source) = pos.next().or(bytes_kw) else {
        return Err(type_error(
            "from_bytes() missing required argument 'bytes' (pos 1)",
        ));
    };
    let little = byteorder(pos.next().or(order_kw))?;
    let mut bytes: Vec<u8> = match &source {
        Value::Bytes(b) => b.to_vec(),
        other => iterators::collect(vm, other)?
            .iter()
            .map(|v| int_value(v).and_then(|n| n.to_u8()).unwrap_or(0))
            .collect(),
    };
    if !little {
        bytes.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&bytes)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &bytes)
    };
    // A subclass (bool too) gets `cls(n)`, as CPython's int.from_bytes does.
    if let Value::Type(t) = recv {
        if !matches!(t, crate::object::types::TypeRef::Builtin(TypeId::Int)) {
            return vm.call(recv, Args::new(vec![Value::from_bigint(n)]));
        }
    }
    Ok(Value::from_bigint(n))
}

fn float_of(recv: &Value) -> f64 {
    match recv {
        Value::Float(f) => *f,
        _ => 0.0,
    }
}

fn int_getnewargs(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("int.__getnewargs__", &args)?;
    Ok(Value::tuple(vec![match recv {
        Value::Bool(b) => Value::Int(*b as i64),
        v => v.clone(),
    }]))
}

fn float_getnewargs(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("float.__getnewargs__", &args)?;
    Ok(Value::tuple(vec![Value::Float(float_of(recv))]))
}

fn float_hex(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("float.hex", &args)?;
    Ok(Value::str(&loopscope_cpython::float_hex::float_hex(
        float_of(recv),
    )))
}

/// `float.fromhex(string)`; a subclass gets `cls(value)`.
fn float_fromhex(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let text = exactly_one("float.fromhex", &args)?;
    let Value::Str(text) = text else {
        return Err(type_error("bad argument type for built-in operation"));
    };
    let x = loopscope_cpython::float_hex::float_fromhex(&text)
        .map_err(crate::object::exceptions::cpython_error)?;
    if let Value::Type(t) = recv {
        if !matches!(t, crate::object::types::TypeRef::Builtin(TypeId::Float)) {
            return vm.call(recv, Args::new(vec![Value::Float(x)]));
        }
    }
    Ok(Value::Float(x))
}

/// `float.__getformat__(typestr)`: the oracle's machine is little-endian IEEE.
fn float_getformat(_vm: &mut Vm, _recv: &Value, args: Args) -> PyResult<Value> {
    let kind = exactly_one("float.__getformat__", &args)?;
    let Value::Str(kind) = kind else {
        return Err(type_error(format!(
            "__getformat__() argument must be str, not {}",
            crate::object::types::type_of(&kind).name()
        )));
    };
    match kind.as_str() {
        "double" | "float" => Ok(Value::str("IEEE, little-endian")),
        _ => Err(value_error(
            "__getformat__() argument 1 must be 'double' or 'float'",
        )),
    }
}

fn is_integer(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("float.is_integer", &args)?;
    let f = float_of(recv);
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_ratio(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("float.as_integer_ratio", &args)?;
    let f = float_of(recv);
    if f.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(exc(
            TypeId::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    if f == 0.0 {
        return Ok(Value::tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    let (mut mantissa, mut e) = loopscope_cpython::float_repr::decompose(f);
    while mantissa.is_multiple_of(2) && e < 0 {
        mantissa /= 2;
        e += 1;
    }
    let mut num = BigInt::from(mantissa);
    let mut den = BigInt::from(1);
    if e > 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    if f < 0.0 {
        num = -num;
    }
    Ok(Value::tuple(vec![
        Value::from_bigint(num),
        Value::from_bigint(den),
    ]))
}
