//! The methods of `bytearray`: those that change it (`append`, `extend`,
//! `insert`, `pop`, `remove`, `clear`, `reverse`), `copy`, and every method of
//! `bytes`, which runs on a snapshot of its bytes and answers bytearrays where
//! `bytes` answers bytes (`upper`, `split`, `partition`, `fromhex`, ...).

use super::args::{count_range, exactly_one, index_arg, no_args};
use super::bytes_methods;
use crate::iterators;
use crate::object::bytearray::{bytes_like, ByteArray};
use crate::object::exceptions::{exc, type_error};
use crate::object::instance::payload;
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, NativeFn, PyResult, Value};
use crate::ops::byte;
use crate::vm::Vm;

/// The bytearray behind the receiver (an instance of a subclass has one as
/// its payload).
fn this(recv: &Value) -> PyResult<&ByteArray> {
    match payload(recv) {
        Value::ByteArray(b) => Ok(b),
        other => Err(type_error(format!(
            "descriptor requires a 'bytearray' object but received a '{}'",
            type_of(other).name()
        ))),
    }
}

/// The bytes methods, each wrapped to answer bytearrays.
macro_rules! like_bytes {
    ($($name:ident),* $(,)?) => {
        $(
            fn $name(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
                via_bytes(vm, stringify!($name), recv, args)
            }
        )*
        pub const METHODS: &[(&str, NativeFn)] = &[
            ("append", append),
            ("extend", extend),
            ("insert", insert),
            ("pop", pop),
            ("remove", remove),
            ("clear", clear),
            ("reverse", reverse),
            ("copy", copy),
            $((stringify!($name), $name)),*
        ];
    };
}

like_bytes!(
    decode,
    hex,
    split,
    rsplit,
    join,
    find,
    rfind,
    index,
    rindex,
    count,
    replace,
    strip,
    lstrip,
    rstrip,
    startswith,
    endswith,
    upper,
    lower,
    swapcase,
    capitalize,
    title,
    isdigit,
    isalpha,
    isalnum,
    isspace,
    islower,
    isupper,
    istitle,
    isascii,
    partition,
    rpartition,
    splitlines,
    center,
    ljust,
    rjust,
    zfill,
    removeprefix,
    removesuffix,
    expandtabs,
    translate,
);

pub const CLASS_METHODS: &[(&str, NativeFn)] = &[
    ("fromhex", fromhex),
    ("maketrans", super::str_translate::maketrans_bytes),
];

/// Bytes become bytearrays, also inside a list or tuple.
fn as_bytearrays(v: Value) -> Value {
    match v {
        Value::Bytes(b) => ByteArray::value(b.to_vec()),
        Value::List(l) => {
            let items = l.borrow().iter().cloned().map(as_bytearrays).collect();
            Value::list(items)
        }
        Value::Tuple(t) => Value::tuple(t.iter().cloned().map(as_bytearrays).collect()),
        other => other,
    }
}

fn via_bytes(vm: &mut Vm, name: &str, recv: &Value, args: Args) -> PyResult<Value> {
    let snapshot = Value::Bytes(this(recv)?.data.borrow().as_slice().into());
    let Some((_, f)) = bytes_methods::METHODS.iter().find(|(n, _)| *n == name) else {
        return Ok(Value::None);
    };
    f(vm, &snapshot, args).map(as_bytearrays)
}

fn fromhex(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let Some((_, f)) = bytes_methods::CLASS_METHODS.first() else {
        return Ok(Value::None);
    };
    f(vm, cls, args).map(as_bytearrays)
}

fn append(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("bytearray.append", &args)?;
    let ba = this(recv)?;
    let b = byte(&v)?;
    ba.check_resizable()?;
    ba.data.borrow_mut().push(b);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("bytearray.extend", &args)?;
    let ba = this(recv)?;
    let more = match bytes_like(&v) {
        Some(b) => b.to_vec(),
        None => {
            // Only a value that is not iterable gets this message; what the
            // iteration raises goes through (CPython gathers the bytes apart
            // and appends them at the end, so an error leaves it unchanged).
            let it = iterators::get_iter(vm, &v).map_err(|e| {
                if e.is(TypeId::TypeError) {
                    type_error(format!(
                        "can't extend bytearray with {}",
                        type_of(&v).name()
                    ))
                } else {
                    e
                }
            })?;
            let mut more = Vec::new();
            while let Some(item) = iterators::next_item(vm, &it)? {
                more.push(byte(&item)?);
                vm.check_size(more.len())?;
            }
            more
        }
    };
    if !more.is_empty() {
        ba.check_resizable()?;
        vm.check_size(ba.data.borrow().len() + more.len())?;
        ba.data.borrow_mut().extend_from_slice(&more);
    }
    Ok(Value::None)
}

fn insert(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("insert", &args, 2, 2)?;
    let ba = this(recv)?;
    let at = index_arg(&args.pos[0])?;
    let b = byte(&args.pos[1])?;
    ba.check_resizable()?;
    let mut data = ba.data.borrow_mut();
    let len = data.len() as i64;
    let at = if at < 0 {
        (at + len).max(0)
    } else {
        at.min(len)
    };
    data.insert(at as usize, b);
    Ok(Value::None)
}

fn pop(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("pop", &args, 0, 1)?;
    let ba = this(recv)?;
    let at = match args.pos.first() {
        Some(v) => index_arg(v)?,
        None => -1,
    };
    let len = ba.data.borrow().len() as i64;
    if len == 0 {
        return Err(exc(TypeId::IndexError, "pop from empty bytearray"));
    }
    let i = if at < 0 { at + len } else { at };
    if !(0..len).contains(&i) {
        return Err(exc(TypeId::IndexError, "pop index out of range"));
    }
    ba.check_resizable()?;
    Ok(Value::Int(i64::from(
        ba.data.borrow_mut().remove(i as usize),
    )))
}

fn remove(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("bytearray.remove", &args)?;
    let ba = this(recv)?;
    let b = byte(&v)?;
    let Some(i) = ba.data.borrow().iter().position(|&x| x == b) else {
        return Err(exc(TypeId::ValueError, "value not found in bytearray"));
    };
    ba.check_resizable()?;
    ba.data.borrow_mut().remove(i);
    Ok(Value::None)
}

fn clear(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("bytearray.clear", &args)?;
    let ba = this(recv)?;
    ba.check_resizable()?;
    ba.data.borrow_mut().clear();
    Ok(Value::None)
}

fn reverse(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("bytearray.reverse", &args)?;
    this(recv)?.data.borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("bytearray.copy", &args)?;
    Ok(ByteArray::value(this(recv)?.data.borrow().clone()))
}
