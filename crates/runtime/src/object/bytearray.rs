//! `bytearray` (`Value::ByteArray`): a mutable byte string.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::instance::payload;
use crate::object::value::Value;

#[derive(Default)]
pub struct ByteArray {
    pub data: RefCell<Vec<u8>>,
}

impl ByteArray {
    /// A new bytearray holding `data`.
    pub fn value(data: Vec<u8>) -> Value {
        Value::ByteArray(Rc::new(ByteArray {
            data: RefCell::new(data),
        }))
    }
}

/// The bytes of a bytes-like value (bytes, bytearray, or an instance of a
/// subclass of either), copied out of a bytearray.
pub fn bytes_like(v: &Value) -> Option<Rc<[u8]>> {
    match payload(v) {
        Value::Bytes(b) => Some(b.clone()),
        Value::ByteArray(b) => Some(Rc::from(b.data.borrow().as_slice())),
        _ => None,
    }
}
