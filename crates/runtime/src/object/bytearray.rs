//! `bytearray` (`Value::ByteArray`): a mutable byte string, and how many
//! buffers (memoryviews) are exported from it; while any is, it cannot change
//! size (CPython's `ob_exports` and its BufferError).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::object::exceptions::exc;
use crate::object::instance::payload;
use crate::object::types::TypeId;
use crate::object::value::{PyResult, Value};

#[derive(Default)]
pub struct ByteArray {
    pub data: RefCell<Vec<u8>>,
    /// Live buffer exports (memoryviews) of `data`.
    pub exports: Cell<usize>,
}

impl ByteArray {
    /// A new bytearray holding `data`.
    pub fn value(data: Vec<u8>) -> Value {
        Value::ByteArray(Rc::new(ByteArray {
            data: RefCell::new(data),
            exports: Cell::new(0),
        }))
    }

    /// Checked before any change of size: a BufferError while exported.
    pub fn check_resizable(&self) -> PyResult<()> {
        if self.exports.get() > 0 {
            return Err(exc(
                TypeId::BufferError,
                "Existing exports of data: object cannot be re-sized",
            ));
        }
        Ok(())
    }
}

/// The bytes of a bytes-like value (bytes, bytearray, or an instance of a
/// subclass of either), copied out of a bytearray.
pub fn bytes_like(v: &Value) -> Option<Rc<[u8]>> {
    match payload(v) {
        Value::Bytes(b) => Some(b.clone()),
        Value::ByteArray(b) => Some(Rc::from(b.data.borrow().as_slice())),
        Value::MemoryView(m) if !m.released.get() => Some(m.bytes().into()),
        _ => None,
    }
}
