//! Traceback objects (`exc.__traceback__`, `sys.exc_info()[2]`): a view of
//! the program's frames an exception passed through, outermost first, each
//! with `tb_frame` (a frame snapshot at the line it was at), `tb_lineno` and
//! `tb_next`. The library's own frames are left out, as tracebacks print
//! them (CPython's hold asyncio's Python frames too). `tb_next` may be set
//! (unittest cuts tracebacks so), and an exception's `__traceback__` set to
//! a traceback object holds its entries from there on. Each read of
//! `__traceback__` makes a new chain: a cut shows in the exception once the
//! cut chain is assigned back.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::frame_object::FrameObject;
use crate::object::exceptions::{type_error, value_error, Exception, TracebackEntry};
use crate::object::gc_edges::Referents;
use crate::object::native::{downcast, NativeObject};
use crate::object::types::TypeId;
use crate::object::value::{address_of_ptr, PyResult, Value};
use crate::vm::Vm;

/// Entry `index` of a traceback and, through `tb_next`, those after it.
pub struct TracebackObject {
    entries: Rc<Vec<TracebackEntry>>,
    index: usize,
    /// `tb_next` once read or set (None: not yet made).
    next: RefCell<Option<Value>>,
}

impl NativeObject for TracebackObject {
    fn class_id(&self) -> TypeId {
        TypeId::Traceback
    }

    fn repr(&self) -> String {
        let address = address_of_ptr(self as *const TracebackObject as usize);
        format!("<traceback object at {address:#x}>")
    }

    /// Its entry's frame and `tb_next`: a frame that keeps its own traceback in
    /// a variable (`tb = e.__traceback__`) is a cycle CPython collects. The
    /// entries are shared along one chain, one object per entry, so each
    /// frame is reported by the one object of its entry.
    fn traverse(&self, refs: &mut Referents) -> bool {
        let Ok(next) = self.next.try_borrow() else {
            return false;
        };
        if let Some(frame) = &self.entries[self.index].frame {
            refs.object(frame);
        }
        refs.values(next.iter());
        true
    }

    fn clear(&self, taken: &mut Vec<Box<dyn Any>>) {
        taken.push(Box::new(self.next.borrow_mut().take()));
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
    let tb = Rc::new(TracebackObject {
        entries: entries.clone(),
        index,
        next: RefCell::new(None),
    });
    crate::object::gc::track_native(&tb);
    Value::Native(tb)
}

/// `tb_next` of a traceback object: what was set, else the next entry's object,
/// made once, so that a chain read from one head keeps its objects (and their cuts).
fn next_of(tb: &TracebackObject) -> Value {
    tb.next
        .borrow_mut()
        .get_or_insert_with(|| at(&tb.entries, tb.index + 1))
        .clone()
}

/// The entries of the traceback `obj` stands for, following `tb_next` (an
/// exception's `__traceback__` set to it); None if `obj` is no traceback.
pub fn entries_from(obj: &Value) -> Option<Vec<TracebackEntry>> {
    let mut entries = Vec::new();
    let mut current = obj.clone();
    while let Some(tb) = downcast::<TracebackObject>(&current) {
        entries.push(tb.entries[tb.index].clone());
        current = next_of(&tb);
    }
    matches!(current, Value::None).then_some(entries)
}

/// Setting `tb_next` (its type's `setattr` slot), with CPython's checks.
pub fn setattr(_vm: &mut Vm, obj: &Value, name: &str, value: Option<Value>) -> PyResult<bool> {
    let Some(tb) = downcast::<TracebackObject>(obj) else {
        return Ok(false);
    };
    if name != "tb_next" {
        return Ok(false);
    }
    let Some(value) = value else {
        return Err(type_error("can't delete tb_next attribute"));
    };
    if !matches!(value, Value::None) && downcast::<TracebackObject>(&value).is_none() {
        return Err(type_error(format!(
            "expected traceback object, got '{}'",
            crate::object::types::type_of(&value).name()
        )));
    }
    // A chain that would lead back to this object is refused, as CPython does.
    let mut cursor = value.clone();
    while let Some(next) = downcast::<TracebackObject>(&cursor) {
        if Rc::ptr_eq(&next, &tb) {
            return Err(value_error("traceback loop detected"));
        }
        cursor = next_of(&next);
    }
    *tb.next.borrow_mut() = Some(value);
    Ok(true)
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
            namespaces: None,
        })),
        "tb_lineno" => Value::Int(i64::from(line)),
        "tb_next" => next_of(&tb),
        _ => return Ok(None),
    }))
}
