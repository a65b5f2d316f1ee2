//! `format(value, spec)` (f-string `{x:spec}`) and printf-style `str % args`
//! and `bytes % args`, dispatching to `loopscope_cpython`'s ports of
//! CPython's formatters.

use loopscope_cpython::float_repr::{float_to_int, int_to_float};
use loopscope_cpython::format_spec::{self, ValueKind};
use loopscope_cpython::percent_format::{self, ArgCursor, ArgRef, CharArg, Count, Kind, Piece};
use num_bigint::BigInt;

use crate::object::exceptions::cpython_error;
use crate::object::exceptions::{type_error, Exception};
use crate::object::instance::payload;
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, PyResult, Value};
use crate::repr;
use crate::vm::Vm;

/// `format(v, spec)`.
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if let Value::Instance(_) | Value::Exception(_) = v {
        return format_object(vm, v, spec);
    }
    let type_name = &*type_of(v).name();
    match v {
        Value::Bool(_) if spec.is_empty() => repr::str_of(vm, v),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let n = int_value(v).unwrap_or_default();
            if !matches!(spec.chars().last(), Some('b' | 'o' | 'x' | 'X' | 'c')) {
                repr::check_int_digits(&n)?;
            }
            let parsed =
                format_spec::parse(spec, ValueKind::Int, type_name).map_err(cpython_error)?;
            vm.check_size(parsed.width.unwrap_or(0).max(most_digits(&n)))?;
            format_spec::format_int(&n, &parsed).map_err(cpython_error)
        }
        Value::Float(f) => {
            let parsed =
                format_spec::parse(spec, ValueKind::Float, type_name).map_err(cpython_error)?;
            // The digits a precision asks for are written out, as padding is.
            vm.check_size(parsed.width.unwrap_or(0).max(parsed.precision.unwrap_or(0)))?;
            format_spec::format_float(*f, &parsed).map_err(cpython_error)
        }
        Value::Complex(x, y) => {
            let parsed =
                format_spec::parse(spec, ValueKind::Float, type_name).map_err(cpython_error)?;
            vm.check_size(parsed.width.unwrap_or(0).max(parsed.precision.unwrap_or(0)))?;
            format_spec::format_complex(*x, *y, &parsed).map_err(cpython_error)
        }
        Value::Str(s) => {
            let parsed =
                format_spec::parse(spec, ValueKind::Str, type_name).map_err(cpython_error)?;
            vm.check_size(parsed.width.unwrap_or(0))?;
            format_spec::format_str(s, &parsed).map_err(cpython_error)
        }
        _ if spec.is_empty() => repr::str_of(vm, v),
        _ => Err(type_error(format!(
            "unsupported format string passed to {type_name}.__format__"
        ))),
    }
}

/// `format()` of an instance of a class: its `__format__`, else its int,
/// float or str payload's, else `object.__format__`.
fn format_object(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    let t = type_of(v);
    if let Some(f) = t.lookup_override("__format__") {
        return match vm.call_method(&f, v, Args::new(vec![Value::str(spec)]))? {
            Value::Str(s) => Ok(s.to_string()),
            other => Err(type_error(format!(
                "__format__ must return a str, not {}",
                type_of(&other).name()
            ))),
        };
    }
    // Only int, float and str have a __format__ of their own; a subclass
    // of another built-in type formats as object.__format__ does.
    let inner = payload(v);
    if let Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_) | Value::Str(_) =
        inner
    {
        return format_value(vm, &inner.clone(), spec);
    }
    if spec.is_empty() {
        // `object.__format__` is a built-in method of one argument, called
        // under a recursion check of its own before `PyObject_Str`'s.
        return vm.recursing(crate::vm::WHILE_CALLING, |vm| repr::str_of(vm, v));
    }
    Err(type_error(format!(
        "unsupported format string passed to {}.__format__",
        t.name()
    )))
}

/// The most digits `n` can be written with: one a bit, in binary. Checked
/// against the size cap before an int is written out.
pub fn most_digits(n: &BigInt) -> usize {
    usize::try_from(n.bits()).unwrap_or(usize::MAX)
}

/// The int value of an int or bool.
pub fn int_value(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// What `%` formats: text, or bytes (whose `%s` takes bytes, whose `%r`
/// is `ascii()`, whose `%c` takes a byte; bytes are carried as the chars
/// U+0000 to U+00FF).
#[derive(Clone, Copy, PartialEq)]
enum Target {
    Str,
    Bytes,
}

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    percent_format_as(vm, fmt, args, Target::Str)
}

/// `fmt % args` for bytes (CPython's `_PyBytes_FormatEx`).
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let fmt: String = fmt.iter().map(|&b| char::from(b)).collect();
    let text = percent_format_as(vm, &fmt, args, Target::Bytes)?;
    Ok(text.chars().map(|c| c as u32 as u8).collect())
}

/// `%s` of bytes: the bytes of a bytes value or of its `__bytes__`.
fn bytes_of(vm: &mut Vm, value: &Value) -> PyResult<String> {
    let bytes = match payload(value) {
        Value::Bytes(b) => b.clone(),
        _ => match crate::attrs::get_attr(vm, value, "__bytes__") {
            Ok(method) if !matches!(value, Value::Type(_)) => {
                match vm.call(&method, Args::new(Vec::new()))? {
                    Value::Bytes(b) => b,
                    other => {
                        return Err(type_error(format!(
                            "__bytes__ returned non-bytes (type {})",
                            type_of(&other).name()
                        )))
                    }
                }
            }
            _ => {
                return Err(type_error(format!(
                    "%b requires a bytes-like object, or an object that implements \
                     __bytes__, not '{}'",
                    type_of(value).name()
                )))
            }
        },
    };
    Ok(bytes.iter().map(|&b| char::from(b)).collect())
}

/// `%c` of bytes: an int in range(256) or a single byte, as its char.
fn byte_char(value: &Value) -> PyResult<String> {
    if let Value::Bytes(b) = payload(value) {
        if b.len() == 1 {
            return Ok(char::from(b[0]).to_string());
        }
    } else if let Some(n) = int_value(value) {
        return match u8::try_from(n) {
            Ok(byte) => Ok(char::from(byte).to_string()),
            Err(_) => Err(crate::object::exceptions::exc(
                TypeId::OverflowError,
                "%c arg not in range(256)",
            )),
        };
    }
    Err(type_error(
        "%c requires an integer in range(256) or a single byte",
    ))
}

fn percent_format_as(vm: &mut Vm, fmt: &str, args: &Value, target: Target) -> PyResult<String> {
    // A tuple subclass's instance gives its items; a dict or list
    // subclass's stays itself, so its own __getitem__ answers keys.
    let args = match payload(args) {
        tuple @ Value::Tuple(_) => tuple,
        _ => args,
    };
    let shape = match payload(args) {
        Value::Tuple(t) => percent_format::Args::Tuple(t.len()),
        Value::Dict(_) | Value::List(_) => percent_format::Args::Mapping,
        _ => percent_format::Args::Single,
    };
    let mut cursor = ArgCursor::new(shape);
    let mut current = args.clone();
    let mut out = String::new();
    for piece in percent_format::parse(fmt) {
        let mut c = match piece {
            Piece::Literal(text) => {
                out.push_str(&text);
                continue;
            }
            Piece::Conversion(c) => c,
        };
        if c.uses_mapping {
            cursor.require_mapping().map_err(cpython_error)?;
        }
        if let Some(key) = &c.key {
            let key = match target {
                Target::Str => Value::str(key),
                Target::Bytes => Value::Bytes(key.chars().map(|c| c as u32 as u8).collect()),
            };
            current = crate::ops::get_item(vm, args, &key)?;
            cursor.bind_mapping_value();
        }
        if c.width == Count::FromArgs {
            let w = fetch(&mut cursor, args, &current)?;
            let n = int_value(&w).ok_or_else(|| type_error("* wants int"))?;
            c.apply_star_width(&n).map_err(cpython_error)?;
        }
        if c.precision == Count::FromArgs {
            let p = fetch(&mut cursor, args, &current)?;
            let n = int_value(&p).ok_or_else(|| type_error("* wants int"))?;
            c.apply_star_precision(&n).map_err(cpython_error)?;
        }
        let code = c.conversion.clone().map_err(cpython_error)?;
        // The padding a width asks for, and the digits a number's precision asks
        // for, are checked against the size cap before they are written.
        let count = |n: &Count| match n {
            Count::Given(n) => *n,
            _ => 0,
        };
        let digits = match c.kind() {
            Kind::Integer | Kind::Real => count(&c.precision),
            _ => 0,
        };
        vm.check_size(out.len().saturating_add(count(&c.width).max(digits)))?;
        let value = fetch(&mut cursor, args, &current)?;
        let text = match c.kind() {
            Kind::Text if code == 'b' && target == Target::Str => Err(c.unsupported()),
            Kind::Text => {
                let s = match (code, target) {
                    ('r', Target::Str) => repr::repr(vm, &value)?,
                    ('a' | 'r', _) => repr::ascii(vm, &value)?,
                    (_, Target::Str) => repr::str_of(vm, &value)?,
                    (_, Target::Bytes) => bytes_of(vm, &value)?,
                };
                c.render_str(&s)
            }
            Kind::Integer => {
                let n = match (payload(&value), code) {
                    (Value::Float(f), 'd' | 'i' | 'u') => {
                        float_to_int(*f).map_err(cpython_error)?
                    }
                    (number, _) => match int_value(number) {
                        Some(n) => n,
                        None => return Err(cpython_error(c.wrong_type(&type_of(&value).name()))),
                    },
                };
                if matches!(code, 'd' | 'i' | 'u') {
                    repr::check_int_digits(&n)?;
                }
                vm.check_size(out.len().saturating_add(most_digits(&n)))?;
                c.render_int(&n)
            }
            Kind::Real => {
                let f = match payload(&value) {
                    Value::Float(f) => *f,
                    number => match int_value(number) {
                        Some(n) => int_to_float(&n).map_err(cpython_error)?,
                        None => return Err(cpython_error(c.wrong_type(&type_of(&value).name()))),
                    },
                };
                c.render_float(f)
            }
            Kind::Character if target == Target::Bytes => {
                c.render_char(CharArg::Str(&byte_char(&value)?))
            }
            Kind::Character => match &value {
                Value::Str(s) => c.render_char(CharArg::Str(s)),
                _ => match int_value(&value) {
                    Some(n) => c.render_char(CharArg::Int(&n)),
                    None => Err(c.wrong_type(&type_of(&value).name())),
                },
            },
            Kind::Unsupported => Err(c.unsupported()),
        };
        let text = text.map_err(cpython_error)?;
        vm.check_size(out.len() + text.len())?;
        out.push_str(&text);
    }
    let formatted = match target {
        Target::Str => "string",
        Target::Bytes => "bytes",
    };
    cursor.finish(formatted).map_err(cpython_error)?;
    Ok(out)
}

fn fetch(cursor: &mut ArgCursor, args: &Value, current: &Value) -> PyResult<Value> {
    match cursor.next_arg().map_err(cpython_error)? {
        ArgRef::Current => Ok(current.clone()),
        ArgRef::Item(i) => match args {
            Value::Tuple(t) => Ok(t[i].clone()),
            _ => Err(Exception::new(TypeId::TypeError, Vec::new())),
        },
    }
}
