//! `struct`: `pack`, `unpack`, `unpack_from`, `iter_unpack`, `pack_into`
//! and `calcsize` over CPython's format strings (byte order `@ = < > !`,
//! the codes `x c b B ? h H i I l L q Q n N e f d s p P`, repeat counts,
//! native alignment as on x86-64 Linux), with `_struct.c`'s error messages.
//! Its Python half (`python/struct.py`) defines `struct.error` and `Struct`.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::builtins::args::{count_range, reject_kwargs};
use crate::object::bytearray::bytes_like;
use crate::object::exceptions::{exc, type_error};
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, ExcRef, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[
        ("calcsize", calcsize),
        ("pack", pack),
        ("pack_into", pack_into),
        ("unpack", unpack),
        ("unpack_from", unpack_from),
        ("_iter_unpack", iter_unpack),
    ];
    let m = super::native_module("struct", stdlib_path!("struct.py"), FUNCTIONS);
    vm.run_library_source(&m, library_source!("modules/python/struct.py"))?;
    Ok(m)
}

/// `struct.error(message)`, the module's own exception class.
fn struct_error(vm: &mut Vm, message: impl Into<String>) -> ExcRef {
    let message = Value::str(&message.into());
    let made = vm
        .import("struct")
        .and_then(|m| crate::attrs::get_attr(vm, &m, "error"))
        .and_then(|class| vm.call1(&class, message));
    match made {
        Ok(Value::Exception(e)) | Err(e) => e,
        Ok(_) => type_error("struct.error is not an exception class"),
    }
}

/// How a format's byte order and sizes are chosen (its first character).
#[derive(Clone, Copy, PartialEq)]
enum Order {
    /// `@`: native order, sizes and alignment.
    Native,
    /// `=`, `<`: little-endian, standard sizes.
    Little,
    /// `>`, `!`: big-endian, standard sizes.
    Big,
}

/// One code of a format with its repeat count (`4s` is one item of 4).
struct Item {
    code: char,
    count: usize,
    size: usize,
    offset: usize,
}

struct Layout {
    order: Order,
    items: Vec<Item>,
    size: usize,
}

impl Layout {
    /// How many values `pack` takes and `unpack` gives.
    fn values(&self) -> usize {
        self.items
            .iter()
            .map(|item| match item.code {
                'x' => 0,
                's' | 'p' => 1,
                _ => item.count,
            })
            .sum()
    }
}

fn code_size(code: char, order: Order) -> Option<usize> {
    let native = order == Order::Native;
    Some(match code {
        'x' | 'c' | 'b' | 'B' | '?' | 's' | 'p' => 1,
        'h' | 'H' | 'e' => 2,
        'i' | 'I' | 'f' => 4,
        'l' | 'L' if native => 8,
        'l' | 'L' => 4,
        'q' | 'Q' | 'd' => 8,
        'n' | 'N' | 'P' if native => 8,
        _ => return None,
    })
}

fn format_text(format: &Value) -> PyResult<String> {
    match format {
        Value::Str(s) => Ok(s.to_string()),
        Value::Bytes(b) => Ok(String::from_utf8_lossy(b).into_owned()),
        other => Err(type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {}",
            type_of(other).name()
        ))),
    }
}

fn layout(vm: &mut Vm, format: &Value) -> PyResult<Layout> {
    let text = format_text(format)?;
    let mut chars = text.chars().peekable();
    let order = match chars.peek() {
        Some('@') => Order::Native,
        Some('=' | '<') => Order::Little,
        Some('>' | '!') => Order::Big,
        _ => {
            return parse_items(vm, Order::Native, chars);
        }
    };
    chars.next();
    parse_items(vm, order, chars)
}

fn parse_items(
    vm: &mut Vm,
    order: Order,
    mut chars: std::iter::Peekable<std::str::Chars>,
) -> PyResult<Layout> {
    let mut items = Vec::new();
    let mut offset = 0usize;
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let (count, code) = if let Some(digit) = c.to_digit(10) {
            let mut count = digit as usize;
            loop {
                match chars.next() {
                    Some(d) if d.is_ascii_digit() => {
                        count = count
                            .checked_mul(10)
                            .and_then(|n| n.checked_add(d.to_digit(10).unwrap_or(0) as usize))
                            .ok_or_else(|| struct_error(vm, "total struct size too long"))?;
                    }
                    Some(code) => break (count, code),
                    None => {
                        return Err(struct_error(
                            vm,
                            "repeat count given without format specifier",
                        ))
                    }
                }
            }
        } else {
            (1, c)
        };
        let Some(size) = code_size(code, order) else {
            return Err(struct_error(vm, "bad char in struct format"));
        };
        if order == Order::Native && !matches!(code, 'x' | 'c' | 's' | 'p') && size > 1 {
            offset = offset.div_ceil(size) * size;
        }
        items.push(Item {
            code,
            count,
            size,
            offset,
        });
        offset += size * count;
    }
    Ok(Layout {
        order,
        items,
        size: offset,
    })
}

fn calcsize(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    reject_kwargs("calcsize", &args)?;
    count_range("calcsize", &args, 1, 1)?;
    Ok(Value::Int(layout(vm, &args.pos[0])?.size as i64))
}

/// The integer a value packs as: itself, or what `__index__` gives.
fn integer(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let v = match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => v.clone(),
        other => match crate::dunders::index(vm, other)? {
            Some(n) => n,
            None => return Err(struct_error(vm, "required argument is not an integer")),
        },
    };
    Ok(match v {
        Value::Int(i) => BigInt::from(i),
        Value::Bool(b) => BigInt::from(b as i64),
        Value::BigInt(b) => (*b).clone(),
        _ => BigInt::from(0),
    })
}

/// The bytes of integer `n` for code `code` (size `size`), or `_struct.c`'s
/// complaint about its range.
fn integer_bytes(
    vm: &mut Vm,
    code: char,
    size: usize,
    n: &BigInt,
    order: Order,
) -> PyResult<Vec<u8>> {
    let signed = code.is_ascii_lowercase();
    let out_of_range = || "argument out of range".to_string();
    let bits = 8 * size as u32;
    let (low, high) = if signed {
        (
            -(BigInt::from(1) << (bits - 1)),
            (BigInt::from(1) << (bits - 1)) - 1,
        )
    } else {
        (BigInt::from(0), (BigInt::from(1) << bits) - 1)
    };
    if n < &low || n > &high {
        let message = match (code, n.to_i64(), n.to_u64()) {
            // Converted as a C long, then checked against the type's range.
            ('b' | 'B' | 'h' | 'H', Some(_), _) => {
                let name = match code {
                    'b' => "byte",
                    'B' => "ubyte",
                    'h' => "short",
                    _ => "ushort",
                };
                format!("{name} format requires {low} <= number <= {high}")
            }
            ('i' | 'l', Some(_), _) if size == 4 => {
                format!("'{code}' format requires {low} <= number <= {high}")
            }
            ('I' | 'L', _, Some(_)) if size == 4 => {
                format!("'{code}' format requires {low} <= number <= {high}")
            }
            _ => out_of_range(),
        };
        return Err(struct_error(vm, message));
    }
    let value = if signed {
        n.to_i64().unwrap_or(0) as u64
    } else {
        n.to_u64().unwrap_or(0)
    };
    let little = value.to_le_bytes();
    let mut bytes = little[..size].to_vec();
    if order == Order::Big {
        bytes.reverse();
    }
    Ok(bytes)
}

fn float_value(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => crate::ops::to_float(v),
        _ => Err(struct_error(vm, "required argument is not a float")),
    }
}

/// IEEE 754 half precision, rounding half to even as `PyFloat_Pack2`.
fn to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    let (mantissa, exponent) = loopscope_cpython::frexp::frexp(a);
    // a = mantissa * 2^exponent, 0.5 <= mantissa < 1.
    let e = exponent - 1;
    if e >= 16 {
        return None;
    }
    let (bits, subnormal_shift) = if e < -14 {
        (0u32, 0)
    } else {
        ((e + 15) as u32, 1)
    };
    // Significand in units of 2^-10 (normal) or 2^-24 (subnormal).
    let scaled = if subnormal_shift == 0 {
        a * 2f64.powi(24)
    } else {
        (mantissa * 2.0 - 1.0) * 1024.0
    };
    let floor = scaled.floor();
    let rest = scaled - floor;
    let mut f = floor as u32;
    if rest > 0.5 || (rest == 0.5 && f % 2 == 1) {
        f += 1;
    }
    let mut exp = bits;
    if subnormal_shift == 1 && f == 1024 {
        f = 0;
        exp += 1;
        if exp >= 31 {
            return None;
        }
    }
    // A subnormal that rounded up to 1024 is the smallest normal: the same bits.
    Some(sign | ((exp as u16) << 10) | f as u16)
}

fn from_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let frac = (h & 0x3ff) as f64;
    sign * match exp {
        0 => frac * 2f64.powi(-24),
        31 if frac == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + frac / 1024.0) * 2f64.powi(exp - 15),
    }
}

fn ordered(mut bytes: Vec<u8>, order: Order) -> Vec<u8> {
    if order == Order::Big {
        bytes.reverse();
    }
    bytes
}

/// The packed bytes of `values` by `layout`.
fn pack_values(vm: &mut Vm, layout: &Layout, values: &[Value]) -> PyResult<Vec<u8>> {
    if values.len() != layout.values() {
        return Err(struct_error(
            vm,
            format!(
                "pack expected {} items for packing (got {})",
                layout.values(),
                values.len()
            ),
        ));
    }
    let mut out = vec![0u8; layout.size];
    let mut next = values.iter();
    for item in &layout.items {
        match item.code {
            'x' => continue,
            's' | 'p' => {
                let v = next.next().cloned().unwrap_or(Value::None);
                let Some(data) = bytes_like(&v).filter(|_| !matches!(v, Value::MemoryView(_)))
                else {
                    return Err(struct_error(
                        vm,
                        format!("argument for '{}' must be a bytes object", item.code),
                    ));
                };
                let field = &mut out[item.offset..item.offset + item.count];
                if item.code == 's' {
                    let n = data.len().min(item.count);
                    field[..n].copy_from_slice(&data[..n]);
                } else if item.count > 0 {
                    let n = data.len().min(item.count - 1).min(255);
                    field[1..=n].copy_from_slice(&data[..n]);
                    field[0] = n as u8;
                }
                continue;
            }
            _ => {}
        }
        for k in 0..item.count {
            let v = next.next().cloned().unwrap_or(Value::None);
            let bytes = match item.code {
                'c' => match bytes_like(&v) {
                    Some(b) if b.len() == 1 && !matches!(v, Value::MemoryView(_)) => b.to_vec(),
                    _ => {
                        return Err(struct_error(
                            vm,
                            "char format requires a bytes object of length 1",
                        ))
                    }
                },
                '?' => vec![crate::ops::truthy(vm, &v)? as u8],
                'f' => {
                    let x = float_value(vm, &v)?;
                    let narrowed = x as f32;
                    // The native code casts as C does; the standard one checks.
                    if narrowed.is_infinite() && x.is_finite() && layout.order != Order::Native {
                        return Err(exc(
                            TypeId::OverflowError,
                            "float too large to pack with f format",
                        ));
                    }
                    ordered(narrowed.to_le_bytes().to_vec(), layout.order)
                }
                'd' => ordered(float_value(vm, &v)?.to_le_bytes().to_vec(), layout.order),
                'e' => {
                    let x = float_value(vm, &v)?;
                    let Some(half) = to_half(x) else {
                        return Err(exc(
                            TypeId::OverflowError,
                            "float too large to pack with e format",
                        ));
                    };
                    ordered(half.to_le_bytes().to_vec(), layout.order)
                }
                code => {
                    let n = integer(vm, &v)?;
                    integer_bytes(vm, code, item.size, &n, layout.order)?
                }
            };
            let at = item.offset + k * item.size;
            out[at..at + item.size].copy_from_slice(&bytes);
        }
    }
    Ok(out)
}

fn pack(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    reject_kwargs("pack", &args)?;
    let Some(format) = args.pos.first() else {
        return Err(type_error("pack expected at least 1 argument, got 0"));
    };
    let layout = layout(vm, format)?;
    let bytes = pack_values(vm, &layout, &args.pos[1..])?;
    Ok(Value::Bytes(Rc::from(bytes)))
}

/// `pack_into(format, buffer, offset, *values)`: into a bytearray.
fn pack_into(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    reject_kwargs("pack_into", &args)?;
    match args.pos.len() {
        0 => return Err(type_error("pack_into expected at least 1 argument, got 0")),
        1 => return Err(struct_error(vm, "pack_into expected buffer argument")),
        2 => return Err(struct_error(vm, "pack_into expected offset argument")),
        _ => {}
    }
    let layout = layout(vm, &args.pos[0])?;
    let bytes = pack_values(vm, &layout, &args.pos[3..])?;
    let Value::ByteArray(target) = &args.pos[1] else {
        return Err(type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            type_of(&args.pos[1]).name()
        )));
    };
    let mut data = target.data.borrow_mut();
    let offset = crate::builtins::args::index_arg(&args.pos[2])?;
    if offset < 0 && offset + (layout.size as i64) > 0 {
        return Err(struct_error(
            vm,
            format!("no space to pack {} bytes at offset {offset}", layout.size),
        ));
    }
    let at = buffer_start(
        vm,
        ("pack_into", "packing"),
        offset,
        data.len(),
        layout.size,
    )?;
    data[at..at + layout.size].copy_from_slice(&bytes);
    Ok(Value::None)
}

/// Where `size` bytes at `offset` (negative counts from the end) start in a
/// buffer of `length` bytes, or CPython's error naming `function` and `verb`.
fn buffer_start(
    vm: &mut Vm,
    (function, verb): (&str, &str),
    mut offset: i64,
    length: usize,
    size: usize,
) -> PyResult<usize> {
    let (length, size) = (length as i64, size as i64);
    if offset < 0 {
        if offset + length < 0 {
            return Err(struct_error(
                vm,
                format!("offset {offset} out of range for {length}-byte buffer"),
            ));
        }
        offset += length;
    }
    if length - offset < size {
        return Err(struct_error(
            vm,
            format!(
                "{function} requires a buffer of at least {} bytes for {verb} {size} bytes at offset {offset} (actual buffer size is {length})",
                size + offset
            ),
        ));
    }
    Ok(offset as usize)
}

/// The values of `data` (exactly `layout.size` bytes).
fn unpack_values(layout: &Layout, data: &[u8]) -> Value {
    let mut values = Vec::new();
    for item in &layout.items {
        let field = |k: usize| {
            let at = item.offset + k * item.size;
            let mut bytes = data[at..at + item.size].to_vec();
            if layout.order == Order::Big {
                bytes.reverse();
            }
            bytes
        };
        match item.code {
            'x' => continue,
            's' => {
                values.push(Value::Bytes(Rc::from(
                    &data[item.offset..item.offset + item.count],
                )));
                continue;
            }
            'p' => {
                let field = &data[item.offset..item.offset + item.count];
                let n = field
                    .first()
                    .map_or(0, |&n| (n as usize).min(item.count.saturating_sub(1)));
                values.push(Value::Bytes(Rc::from(field.get(1..=n).unwrap_or(&[]))));
                continue;
            }
            _ => {}
        }
        for k in 0..item.count {
            let bytes = field(k);
            let mut wide = [0u8; 8];
            wide[..item.size].copy_from_slice(&bytes);
            let raw = u64::from_le_bytes(wide);
            values.push(match item.code {
                'c' => Value::Bytes(Rc::from(bytes)),
                '?' => Value::Bool(raw != 0),
                'f' => Value::Float(f32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as f64),
                'd' => Value::Float(f64::from_bits(raw)),
                'e' => Value::Float(from_half(raw as u16)),
                code if code.is_ascii_lowercase() => {
                    let shift = 64 - 8 * item.size as u32;
                    Value::Int(((raw << shift) as i64) >> shift)
                }
                _ => match i64::try_from(raw) {
                    Ok(n) => Value::Int(n),
                    Err(_) => Value::from_bigint(BigInt::from(raw)),
                },
            });
        }
    }
    Value::tuple(values)
}

fn buffer(v: &Value) -> PyResult<Rc<[u8]>> {
    bytes_like(v).ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_of(v).name()
        ))
    })
}

fn unpack(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    reject_kwargs("unpack", &args)?;
    count_range("unpack", &args, 2, 2)?;
    let layout = layout(vm, &args.pos[0])?;
    let data = buffer(&args.pos[1])?;
    if data.len() != layout.size {
        return Err(struct_error(
            vm,
            format!("unpack requires a buffer of {} bytes", layout.size),
        ));
    }
    Ok(unpack_values(&layout, &data))
}

fn unpack_from(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let offset = args.take_kw("offset");
    let given = args.take_kw("buffer");
    reject_kwargs("unpack_from", &args)?;
    count_range("unpack_from", &args, 1, 3)?;
    let layout = layout(vm, &args.pos[0])?;
    let Some(source) = args.pos.get(1).cloned().or(given) else {
        return Err(type_error(
            "unpack_from() missing required argument 'buffer' (pos 2)",
        ));
    };
    let data = buffer(&source)?;
    let offset = match args.pos.get(2).cloned().or(offset) {
        Some(v) => crate::builtins::args::index_arg(&v)?,
        None => 0,
    };
    let at = buffer_start(
        vm,
        ("unpack_from", "unpacking"),
        offset,
        data.len(),
        layout.size,
    )?;
    Ok(unpack_values(&layout, &data[at..at + layout.size]))
}

/// `iter_unpack(format, buffer)`'s values, as a list (`struct.py` makes
/// the iterator).
fn iter_unpack(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    reject_kwargs("iter_unpack", &args)?;
    count_range("iter_unpack", &args, 2, 2)?;
    let layout = layout(vm, &args.pos[0])?;
    let data = buffer(&args.pos[1])?;
    if layout.size == 0 {
        return Err(struct_error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if data.len() % layout.size != 0 {
        return Err(struct_error(
            vm,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                layout.size
            ),
        ));
    }
    let items = data
        .chunks(layout.size)
        .map(|chunk| unpack_values(&layout, chunk))
        .collect();
    Ok(Value::list(items))
}
