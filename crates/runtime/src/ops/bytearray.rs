//! The operators of `bytearray`: subscripts (an int or a slice; assigning an
//! int, or bytes-like data or ints to a slice; deleting), containment (shared
//! with `bytes`: an int, or a bytes-like run), and `+` / `*` with their
//! in-place forms, which change the bytearray itself. Changing its size while
//! a memoryview holds its buffer is CPython's BufferError.

use num_traits::ToPrimitive;

use super::subscript::{norm_index, slice_indices};
use crate::format::int_value;
use crate::iterators;
use crate::object::bytearray::{bytes_like, ByteArray};
use crate::object::exceptions::{type_error, value_error};
use crate::object::types::type_of;
use crate::object::value::{PyResult, Value};
use crate::vm::Vm;

/// A byte value: an int in range(256).
pub fn byte(v: &Value) -> PyResult<u8> {
    let Some(n) = int_value(v) else {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_of(v).name()
        )));
    };
    n.to_u8()
        .ok_or_else(|| value_error("byte must be in range(0, 256)"))
}

/// `ba[idx]`.
pub(super) fn get(vm: &mut Vm, ba: &ByteArray, idx: &Value) -> PyResult<Value> {
    if let Value::Slice(s) = idx {
        let data = ba.data.borrow().clone();
        let picked = slice_indices(vm, s, data.len())?;
        return Ok(ByteArray::value(
            picked.into_iter().map(|i| data[i]).collect(),
        ));
    }
    let data = ba.data.borrow();
    let i = norm_index(idx, data.len(), "bytearray")?;
    Ok(Value::Int(i64::from(data[i])))
}

/// The bytes assigned to a slice.
fn slice_source(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b.to_vec());
    }
    let bad =
        || type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    if matches!(v, Value::Str(_) | Value::Int(_) | Value::Bool(_)) {
        return Err(bad());
    }
    let items = iterators::collect(vm, v).map_err(|_| bad())?;
    items.iter().map(byte).collect()
}

/// `ba[idx] = v`.
pub(super) fn set(vm: &mut Vm, ba: &ByteArray, idx: &Value, v: &Value) -> PyResult<()> {
    let Value::Slice(s) = idx else {
        let len = ba.data.borrow().len();
        let i = norm_index(idx, len, "bytearray")?;
        let b = byte(v)?;
        ba.data.borrow_mut()[i] = b;
        return Ok(());
    };
    let items = slice_source(vm, v)?;
    let len = ba.data.borrow().len();
    let picked = slice_indices(vm, s, len)?;
    if s[2].is_none() || matches!(s[2], Value::Int(1)) {
        let start = match picked.first() {
            Some(&i) => i,
            None => slice_indices(vm, &[s[0].clone(), Value::None, Value::None], len)?
                .first()
                .copied()
                .unwrap_or(len),
        };
        if items.len() != picked.len() {
            ba.check_resizable()?;
            vm.check_size(len + items.len())?;
        }
        ba.data
            .borrow_mut()
            .splice(start..start + picked.len(), items);
        return Ok(());
    }
    if items.len() != picked.len() {
        return Err(value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            items.len(),
            picked.len()
        )));
    }
    let mut data = ba.data.borrow_mut();
    for (i, b) in picked.into_iter().zip(items) {
        data[i] = b;
    }
    Ok(())
}

/// `del ba[idx]`.
pub(super) fn del(vm: &mut Vm, ba: &ByteArray, idx: &Value) -> PyResult<()> {
    let len = ba.data.borrow().len();
    let mut picked = match idx {
        Value::Slice(s) => slice_indices(vm, s, len)?,
        _ => vec![norm_index(idx, len, "bytearray")?],
    };
    if picked.is_empty() {
        return Ok(());
    }
    ba.check_resizable()?;
    picked.sort_unstable();
    let mut data = ba.data.borrow_mut();
    for i in picked.into_iter().rev() {
        data.remove(i);
    }
    Ok(())
}

/// `item in data` for bytes and bytearray: a byte, or a bytes-like run.
pub(super) fn contains(data: &[u8], item: &Value) -> PyResult<bool> {
    if let Some(sub) = bytes_like(item) {
        return Ok(sub.is_empty() || data.windows(sub.len()).any(|w| *w == *sub));
    }
    if int_value(item).is_none() {
        return Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_of(item).name()
        )));
    }
    Ok(data.contains(&byte(item)?))
}

/// `a + b` where `a` is a bytearray or bytes and `b` bytes-like: the type
/// of `a`; `None` when `a` is neither.
pub(super) fn concat(vm: &mut Vm, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let left = match a {
        Value::ByteArray(x) => x.data.borrow().clone(),
        Value::Bytes(x) if matches!(b, Value::ByteArray(_) | Value::MemoryView(_)) => x.to_vec(),
        _ => return None,
    };
    let Some(right) = bytes_like(b) else {
        return Some(Err(type_error(format!(
            "can't concat {} to {}",
            type_of(b).name(),
            type_of(a).name()
        ))));
    };
    Some(vm.check_size(left.len() + right.len()).map(|()| {
        let mut out = left;
        out.extend_from_slice(&right);
        match a {
            Value::ByteArray(_) => ByteArray::value(out),
            _ => Value::Bytes(out.into()),
        }
    }))
}

/// `ba += b` and `ba *= n`, in place; `None` for other operands.
pub(super) fn inplace(
    vm: &mut Vm,
    ba: &ByteArray,
    op: loopscope_syntax::ast::BinOp,
    b: &Value,
) -> Option<PyResult<()>> {
    use loopscope_syntax::ast::BinOp;
    match op {
        BinOp::Add => Some(extend(vm, ba, b)),
        BinOp::Mult if matches!(b, Value::Int(_) | Value::Bool(_)) => Some(repeat(vm, ba, b)),
        _ => None,
    }
}

/// `ba += b`, grown in place: a loop of small `+=` (pickle's frames, a buffer
/// built a piece at a time) costs what it adds, not a copy of all so far.
fn extend(vm: &mut Vm, ba: &ByteArray, b: &Value) -> PyResult<()> {
    let Some(more) = bytes_like(b) else {
        return Err(type_error(format!(
            "can't concat {} to bytearray",
            type_of(b).name()
        )));
    };
    let len = ba.data.borrow().len();
    vm.check_size(len + more.len())?;
    if !more.is_empty() {
        ba.check_resizable()?;
        ba.data.borrow_mut().extend_from_slice(&more);
    }
    Ok(())
}

/// `ba *= n`.
fn repeat(vm: &mut Vm, ba: &ByteArray, b: &Value) -> PyResult<()> {
    let len = ba.data.borrow().len();
    let n = int_value(b).and_then(|n| n.to_i64()).unwrap_or(0).max(0) as usize;
    vm.check_size(len.saturating_mul(n))?;
    let grown = ba.data.borrow().repeat(n);
    if grown.len() != len {
        ba.check_resizable()?;
    }
    *ba.data.borrow_mut() = grown;
    Ok(())
}
