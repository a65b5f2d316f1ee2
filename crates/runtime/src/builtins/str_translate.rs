//! `str.translate(table)` and `str.maketrans(...)`: characters mapped
//! through a table of code points (a dict or anything with `__getitem__`),
//! with CPython's rules and messages; and `bytes.translate(table, delete=b'')`
//! and `bytes.maketrans(from, to)`, whose table is 256 bytes (bytearray's
//! methods run on a snapshot of its bytes and answer a bytearray).

use super::args::{count_range, no_kwargs};
use std::rc::Rc;

use crate::object::bytearray::bytes_like;
use crate::object::dict::Dict;
use crate::object::exceptions::{type_error, value_error};
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, PyResult, Value};
use crate::vm::Vm;

/// `s.translate(table)`: each character whose code point the table maps is
/// replaced (by a code point or a string) or dropped (`None`); a lookup that
/// raises LookupError leaves it as it is.
pub fn translate(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("translate", &args)?;
    count_range("translate", &args, 1, 1)?;
    let Value::Str(text) = recv else {
        return Err(type_error("descriptor 'translate' requires a 'str' object"));
    };
    let table = &args.pos[0];
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match crate::ops::get_item(vm, table, &Value::Int(i64::from(u32::from(c)))) {
            Ok(Value::None) => {}
            Ok(Value::Str(s)) => {
                vm.check_size(out.len() + s.len())?;
                out.push_str(&s);
            }
            Ok(Value::Int(i)) => match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(mapped) => out.push(mapped),
                None => return Err(value_error("character mapping must be in range(0x110000)")),
            },
            Ok(_) => {
                return Err(type_error(
                    "character mapping must return integer, None or str",
                ))
            }
            Err(e) if e.is(TypeId::LookupError) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::str(&out))
}

/// `str.maketrans(x[, y[, z]])`: the table `translate` takes.
pub fn maketrans(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("maketrans", &args)?;
    count_range("maketrans", &args, 1, 3)?;
    let mut table = Dict::default();
    match args.pos.as_slice() {
        [Value::Dict(d)] => {
            for (k, v) in d.borrow().items() {
                let key = match &k {
                    Value::Int(_) => k.clone(),
                    Value::Str(s) if s.chars().count() == 1 => code_point(s),
                    Value::Str(_) => {
                        return Err(value_error(
                            "string keys in translate table must be of length 1",
                        ))
                    }
                    _ => {
                        return Err(type_error(
                            "keys in translate table must be strings or integers",
                        ))
                    }
                };
                table.insert(key, v)?;
            }
        }
        [_] | [] => {
            return Err(type_error(
                "if you give only one argument to maketrans it must be a dict",
            ))
        }
        [Value::Str(from), Value::Str(to), rest @ ..] => {
            if from.chars().count() != to.chars().count() {
                return Err(value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (f, t) in from.chars().zip(to.chars()) {
                table.insert(code_point(&f.to_string()), code_point(&t.to_string()))?;
            }
            if let Some(deleted) = rest.first() {
                let Value::Str(deleted) = deleted else {
                    return Err(type_error(format!(
                        "maketrans() argument 3 must be str, not {}",
                        type_of(deleted).name()
                    )));
                };
                for d in deleted.chars() {
                    table.insert(code_point(&d.to_string()), Value::None)?;
                }
            }
        }
        [first, second, ..] => {
            let bad = if matches!(first, Value::Str(_)) {
                second
            } else {
                first
            };
            let which = if matches!(first, Value::Str(_)) { 2 } else { 1 };
            return Err(type_error(format!(
                "maketrans() argument {which} must be str, not {}",
                type_of(bad).name()
            )));
        }
    }
    Ok(Value::dict(table))
}

fn code_point(s: &str) -> Value {
    Value::Int(s.chars().next().map_or(0, |c| i64::from(u32::from(c))))
}

/// The bytes of a bytes-like argument, or CPython's TypeError.
fn bytes_argument(v: &Value) -> PyResult<Rc<[u8]>> {
    bytes_like(v).ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_of(v).name()
        ))
    })
}

/// `bytes.translate(table, /, delete=b'')`: the bytes in `delete` dropped,
/// every other byte `b` replaced by `table[b]` (unchanged when the table is
/// None).
pub fn translate_bytes(_vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let delete = args.take_kw("delete");
    super::args::reject_kwargs("translate", &args)?;
    count_range("translate", &args, 1, 2)?;
    if args.pos.len() == 2 && delete.is_some() {
        return Err(type_error(
            "argument for translate() given by name ('delete') and position (2)",
        ));
    }
    let this = bytes_argument(recv)?;
    let table = match &args.pos[0] {
        Value::None => None,
        table => {
            let table = bytes_argument(table)?;
            if table.len() != 256 {
                return Err(value_error("translation table must be 256 characters long"));
            }
            Some(table)
        }
    };
    let delete = match delete.or_else(|| args.pos.get(1).cloned()) {
        Some(d) => bytes_argument(&d)?,
        None => Rc::from(&[][..]),
    };
    let out: Vec<u8> = this
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map_or(b, |t| t[usize::from(b)]))
        .collect();
    Ok(Value::Bytes(Rc::from(out)))
}

/// `bytes.maketrans(from, to)` (a static method of bytes and bytearray): the
/// 256-byte table mapping each byte of `from` to the byte of `to` at its place.
pub fn maketrans_bytes(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("maketrans", &args)?;
    count_range("maketrans", &args, 2, 2)?;
    let from = bytes_argument(&args.pos[0])?;
    let to = bytes_argument(&args.pos[1])?;
    if from.len() != to.len() {
        return Err(value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in from.iter().zip(to.iter()) {
        table[usize::from(f)] = t;
    }
    Ok(Value::Bytes(Rc::from(table)))
}
