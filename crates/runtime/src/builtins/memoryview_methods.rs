//! `memoryview(obj)` and its methods (`tobytes`, `tolist`, `hex`, `release`,
//! `cast`, `toreadonly`, the context manager) and data attributes
//! (`readonly`, `format`, `itemsize`, `nbytes`, `shape`, `obj`, ...).

use super::args::{count_range, exactly_one, no_args};
use crate::object::bytearray::bytes_like;
use crate::object::exceptions::type_error;
use crate::object::instance::payload;
use crate::object::memoryview::{itemsize, MemoryView};
use crate::object::types::type_of;
use crate::object::value::{Args, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("tobytes", tobytes),
    ("tolist", tolist),
    ("hex", hex),
    ("release", release),
    ("cast", cast),
    ("toreadonly", toreadonly),
    ("__enter__", enter),
    ("__exit__", exit),
];

fn this(recv: &Value) -> PyResult<&MemoryView> {
    match payload(recv) {
        Value::MemoryView(v) => Ok(v),
        other => Err(type_error(format!(
            "descriptor requires a 'memoryview' object but received a '{}'",
            type_of(other).name()
        ))),
    }
}

/// `memoryview(object)`.
pub fn memoryview_new(mut args: Args) -> PyResult<Value> {
    let object = args.take_kw("object");
    super::args::reject_kwargs("memoryview", &args)?;
    let Some(obj) = args.pos.into_iter().next().or(object) else {
        return Err(type_error(
            "memoryview() missing required argument 'object' (pos 1)",
        ));
    };
    match payload(&obj) {
        Value::MemoryView(v) => {
            v.check()?;
            Ok(MemoryView::value(
                v.obj.clone(),
                (v.offset, v.step, v.len),
                v.format,
                v.readonly,
            ))
        }
        inner @ (Value::Bytes(_) | Value::ByteArray(_)) => {
            let len = bytes_like(inner).map_or(0, |b| b.len());
            Ok(MemoryView::value(inner.clone(), (0, 1, len), b'B', false))
        }
        _ => Err(type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            type_of(&obj).name()
        ))),
    }
}

fn tobytes(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("tobytes", &args, 0, 1)?;
    let view = this(recv)?;
    view.check()?;
    Ok(Value::Bytes(view.bytes().into()))
}

fn tolist(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("tolist", &args)?;
    let view = this(recv)?;
    view.check()?;
    Ok(Value::list((0..view.len).map(|i| view.item(i)).collect()))
}

fn hex(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let view = this(recv)?;
    view.check()?;
    let bytes = Value::Bytes(view.bytes().into());
    super::misc_methods::hex(vm, &bytes, args)
}

fn release(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("release", &args)?;
    this(recv)?.release();
    Ok(Value::None)
}

fn enter(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("__enter__", &args)?;
    this(recv)?.check()?;
    Ok(recv.clone())
}

fn exit(_vm: &mut Vm, recv: &Value, _args: Args) -> PyResult<Value> {
    this(recv)?.release();
    Ok(Value::None)
}

fn toreadonly(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("toreadonly", &args)?;
    let view = this(recv)?;
    view.check()?;
    Ok(MemoryView::value(
        view.obj.clone(),
        (view.offset, view.step, view.len),
        view.format,
        true,
    ))
}

/// `cast(format)`: the same bytes as items of another format.
fn cast(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let format = exactly_one("cast", &args)?;
    let view = this(recv)?;
    view.check()?;
    let code = match &format {
        Value::Str(s) => s.strip_prefix('@').unwrap_or(s).as_bytes().to_vec(),
        other => {
            return Err(type_error(format!(
                "cast() argument 'format' must be str, not {}",
                type_of(other).name()
            )))
        }
    };
    let Some(size) = (code.len() == 1).then(|| itemsize(code[0])).flatten() else {
        return Err(crate::object::exceptions::value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if view.step != view.itemsize() as isize && view.len > 1 {
        return Err(type_error(
            "memoryview: casts are restricted to C-contiguous views",
        ));
    }
    let nbytes = view.len * view.itemsize();
    if nbytes % size != 0 {
        return Err(type_error(
            "memoryview: length is not a multiple of itemsize",
        ));
    }
    Ok(MemoryView::value(
        view.obj.clone(),
        (view.offset, size as isize, nbytes / size),
        code[0],
        view.readonly,
    ))
}

/// The data attributes.
pub fn getattr(_vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let view = this(obj)?;
    let size = view.itemsize();
    let contiguous = view.len <= 1 || view.step == size as isize;
    let value = match name {
        "readonly" => Value::Bool(view.readonly),
        "format" => Value::str(&char::from(view.format).to_string()),
        "itemsize" => Value::Int(size as i64),
        "nbytes" => Value::Int((view.len * size) as i64),
        "ndim" => Value::Int(1),
        "shape" => Value::tuple(vec![Value::Int(view.len as i64)]),
        "strides" => Value::tuple(vec![Value::Int(view.step as i64)]),
        "obj" => view.obj.clone(),
        "contiguous" | "c_contiguous" | "f_contiguous" => Value::Bool(contiguous),
        _ => return Ok(None),
    };
    view.check()?;
    Ok(Some(value))
}
