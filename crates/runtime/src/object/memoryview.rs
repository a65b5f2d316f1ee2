//! `memoryview` (`Value::MemoryView`): a view of the bytes of a `bytes` or
//! `bytearray`, one-dimensional, with a step, read as items of a format
//! (`B`, `b`, `c`, and the native integers `H h I i L l Q q`). While a view
//! of a bytearray is alive and not released, the bytearray cannot change size
//! (its export count, `object::bytearray`).

use std::cell::Cell;
use std::rc::Rc;

use crate::object::exceptions::exc;
use crate::object::types::TypeId;
use crate::object::value::{PyResult, Value};

pub struct MemoryView {
    /// The exporter: a bytes or a bytearray.
    pub obj: Value,
    /// Where item 0 starts, in bytes.
    pub offset: usize,
    /// From one item to the next, in bytes.
    pub step: isize,
    /// How many items.
    pub len: usize,
    pub format: u8,
    pub readonly: bool,
    pub released: Cell<bool>,
}

/// The size of an item of `format`, for the formats supported.
pub fn itemsize(format: u8) -> Option<usize> {
    Some(match format {
        b'B' | b'b' | b'c' => 1,
        b'H' | b'h' => 2,
        b'I' | b'i' => 4,
        b'L' | b'l' | b'Q' | b'q' => 8,
        _ => return None,
    })
}

impl MemoryView {
    /// A view of `obj` (counted as an export of a bytearray); a view of a
    /// bytes is always read-only.
    pub fn value(
        obj: Value,
        (offset, step, len): (usize, isize, usize),
        format: u8,
        readonly: bool,
    ) -> Value {
        let readonly = match &obj {
            Value::ByteArray(b) => {
                b.exports.set(b.exports.get() + 1);
                readonly
            }
            _ => true,
        };
        Value::MemoryView(Rc::new(MemoryView {
            obj,
            offset,
            step,
            len,
            format,
            readonly,
            released: Cell::new(false),
        }))
    }

    /// `release()`: ends the export, once.
    pub fn release(&self) {
        if !self.released.replace(true) {
            if let Value::ByteArray(b) = &self.obj {
                b.exports.set(b.exports.get().saturating_sub(1));
            }
        }
    }

    /// ValueError once released.
    pub fn check(&self) -> PyResult<()> {
        if self.released.get() {
            return Err(exc(
                TypeId::ValueError,
                "operation forbidden on released memoryview object",
            ));
        }
        Ok(())
    }

    pub fn itemsize(&self) -> usize {
        itemsize(self.format).unwrap_or(1)
    }

    /// The byte offset of item `i`.
    pub fn at(&self, i: usize) -> usize {
        (self.offset as isize + i as isize * self.step) as usize
    }

    /// The viewed bytes, item after item (`tobytes()`).
    pub fn bytes(&self) -> Vec<u8> {
        let size = self.itemsize();
        let mut out = Vec::with_capacity(self.len * size);
        self.with_data(|data| {
            for i in 0..self.len {
                let at = self.at(i);
                out.extend_from_slice(&data[at..at + size]);
            }
        });
        out
    }

    /// `f` of the exporter's bytes.
    pub fn with_data<T>(&self, f: impl FnOnce(&[u8]) -> T) -> T {
        match &self.obj {
            Value::Bytes(b) => f(b),
            Value::ByteArray(b) => f(&b.data.borrow()),
            _ => f(&[]),
        }
    }

    /// Item `i` as a value of the format: an int, or a bytes of one for `c`.
    pub fn item(&self, i: usize) -> Value {
        let size = self.itemsize();
        let at = self.at(i);
        let mut raw = [0u8; 8];
        self.with_data(|data| raw[..size].copy_from_slice(&data[at..at + size]));
        let unsigned = u64::from_le_bytes(raw);
        match self.format {
            b'c' => Value::Bytes(Rc::from(&raw[..1])),
            b'b' | b'h' | b'i' | b'l' | b'q' => {
                let shift = 64 - 8 * size as u32;
                Value::Int(((unsigned << shift) as i64) >> shift)
            }
            _ => match i64::try_from(unsigned) {
                Ok(n) => Value::Int(n),
                Err(_) => Value::from_bigint(unsigned.into()),
            },
        }
    }
}

/// The items `v` compares by: a view's, or the bytes of a bytes-like value;
/// `None` for a released view or another value.
pub fn items(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::MemoryView(m) if m.released.get() => None,
        Value::MemoryView(m) => Some((0..m.len).map(|i| m.item(i)).collect()),
        _ => crate::object::bytearray::bytes_like(v)
            .map(|b| b.iter().map(|&x| Value::Int(i64::from(x))).collect()),
    }
}

impl Drop for MemoryView {
    fn drop(&mut self) {
        crate::object::weakrefs::referent_dropped(self as *const MemoryView as usize);
        self.release();
    }
}
