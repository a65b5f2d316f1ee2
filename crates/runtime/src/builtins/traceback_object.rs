//! Traceback objects (`exc.__traceback__`, `sys.exc_info()[2]`): a view of
//! the program's frames an exception passed through, outermost first, each
//! with `tb_frame` (a frame snapshot at the line it was at), `tb_lineno` and
//! `tb_next`. The library's own frames are left out, as tracebacks print
//! them (CPython's hold asyncio's Python frames too).

use std::rc::Rc;

use super::frame_object::FrameObject;
use crate::object::exceptions::{Exception, TracebackEntry};
use crate::object::native::{downcast, NativeObject};
use crate::object::types::TypeId;
use crate::object::value::{address_of_ptr, PyResult, Value};
use crate::vm::Vm;

/// Entry `index` of a traceback and, through `tb_next`, those after it.
pub struct TracebackObject {
    entries: Rc<Vec<TracebackEntry>>,
    index: usize,
}

impl NativeObject for TracebackObject {
    fn class_id(&self) -> TypeId {
        TypeId::Traceback
    }

    fn repr(&self) -> String {
        let address = address_of_ptr(self as *const TracebackObject as usize);
        format!("<traceback object at {address:#x}>")
    }
}

/// `exc.__traceback__`: None until it was raised.
pub fn traceback_of(e: &Exception) -> Value {
    let entries: Vec<TracebackEntry> = e
        .traceback
        .borrow()
        .iter()
        .filter(|entry| !entry.code.library)
        .cloned()
        .collect();
    at(&Rc::new(entries), 0)
}

/// The entry a traceback object stands for (`tb_frame` and `tb_lasti`).
pub fn entry_of(obj: &Value) -> Option<TracebackEntry> {
    downcast::<TracebackObject>(obj).map(|tb| tb.entries[tb.index].clone())
}

fn at(entries: &Rc<Vec<TracebackEntry>>, index: usize) -> Value {
    if index >= entries.len() {
        return Value::None;
    }
    Value::Native(Rc::new(TracebackObject {
        entries: entries.clone(),
        index,
    }))
}

/// The traceback's data attributes (its type's `getattr` slot).
pub fn getattr(_vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(tb) = downcast::<TracebackObject>(obj) else {
        return Ok(None);
    };
    let entry = &tb.entries[tb.index];
    let line = entry.code.code.line_of(entry.pc as usize);
    Ok(Some(match name {
        "tb_frame" => Value::Native(Rc::new(FrameObject {
            code: entry.code.clone(),
            line,
            back: Value::None,
        })),
        "tb_lineno" => Value::Int(i64::from(line)),
        "tb_next" => at(&tb.entries, tb.index + 1),
        _ => return Ok(None),
    }))
}
