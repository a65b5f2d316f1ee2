//! The subscripts of `memoryview`: an item, a slice (a view of the same
//! bytes), assignment into a bytearray's view, with CPython's messages.

use num_traits::ToPrimitive;

use super::subscript::slice_indices;
use crate::format::int_value;
use crate::object::bytearray::bytes_like;
use crate::object::exceptions::{exc, type_error, value_error};
use crate::object::memoryview::MemoryView;
use crate::object::types::{type_of, TypeId};
use crate::object::value::{PyResult, Value};
use crate::vm::Vm;

/// The item index `idx` names.
fn index(view: &MemoryView, idx: &Value) -> PyResult<usize> {
    let Some(i) = int_value(idx).and_then(|i| i.to_i64()) else {
        return Err(type_error("memoryview: invalid slice key"));
    };
    let j = if i < 0 { i + view.len as i64 } else { i };
    if j < 0 || j >= view.len as i64 {
        return Err(exc(
            TypeId::IndexError,
            "index out of bounds on dimension 1",
        ));
    }
    Ok(j as usize)
}

/// `view[idx]`.
pub(super) fn get(vm: &mut Vm, view: &MemoryView, idx: &Value) -> PyResult<Value> {
    view.check()?;
    let Value::Slice(s) = idx else {
        return Ok(view.item(index(view, idx)?));
    };
    let picked = slice_indices(vm, s, view.len)?;
    let step = match picked.as_slice() {
        [a, b, ..] => (*b as isize - *a as isize) * view.step,
        _ => view.step,
    };
    let offset = picked.first().map_or(view.offset, |&i| view.at(i));
    Ok(MemoryView::value(
        view.obj.clone(),
        (offset, step, picked.len()),
        view.format,
        view.readonly,
    ))
}

/// `view[idx] = v`.
pub(super) fn set(vm: &mut Vm, view: &MemoryView, idx: &Value, v: &Value) -> PyResult<()> {
    view.check()?;
    let (Value::ByteArray(target), false) = (&view.obj, view.readonly) else {
        return Err(type_error("cannot modify read-only memory"));
    };
    let format = char::from(view.format);
    let (at, bytes) = match idx {
        Value::Slice(s) => {
            let Some(data) = bytes_like(v) else {
                return Err(type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    type_of(v).name()
                )));
            };
            let picked = slice_indices(vm, s, view.len)?;
            if data.len() != picked.len() * view.itemsize() || view.itemsize() != 1 {
                return Err(value_error(
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            let mut buffer = target.data.borrow_mut();
            for (i, b) in picked.into_iter().zip(data.iter()) {
                buffer[view.at(i)] = *b;
            }
            return Ok(());
        }
        _ => (view.at(index(view, idx)?), encode(view, v, format)?),
    };
    target.data.borrow_mut()[at..at + bytes.len()].copy_from_slice(&bytes);
    Ok(())
}

/// An item's bytes for `format`.
fn encode(view: &MemoryView, v: &Value, format: char) -> PyResult<Vec<u8>> {
    let invalid_type = || type_error(format!("memoryview: invalid type for format '{format}'"));
    if format == 'c' {
        return match v {
            Value::Bytes(b) if b.len() == 1 => Ok(b.to_vec()),
            _ => Err(invalid_type()),
        };
    }
    let n = int_value(v).ok_or_else(invalid_type)?;
    let size = view.itemsize();
    let bits = 8 * size as u32;
    let fits = if format.is_ascii_lowercase() {
        n.to_i64()
            .is_some_and(|n| bits == 64 || (n >= -(1 << (bits - 1)) && n < 1 << (bits - 1)))
    } else {
        n.to_u64().is_some_and(|n| bits == 64 || n < 1 << bits)
    };
    if !fits {
        return Err(value_error(format!(
            "memoryview: invalid value for format '{format}'"
        )));
    }
    let raw = n
        .to_i64()
        .map_or_else(|| n.to_u64().unwrap_or(0), |n| n as u64);
    Ok(raw.to_le_bytes()[..size].to_vec())
}
