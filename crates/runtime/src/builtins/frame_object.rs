//! Frame objects as `Task.get_stack()` hands them out: a snapshot of one
//! frame (its code, the line it was at, the frame it was called from), with
//! CPython's repr (`<frame at 0x…, file 'prog.py', line 7, code outer>`) and
//! the attributes programs read: `f_code`, `f_lineno`, `f_back`, and for a
//! frame of the running stack (`sys._getframe`, `inspect.currentframe`) its
//! `f_locals` and `f_globals` as they were then.

use std::rc::Rc;

use super::function_attrs::Code;
use crate::object::code::CodeObject;
use crate::object::frame::Frame;
use crate::object::native::{downcast, NativeObject};
use crate::object::types::TypeId;
use crate::object::value::{address_of_ptr, PyResult, Value};
use crate::vm::Vm;

/// One frame, as it was when the snapshot was taken.
pub struct FrameObject {
    pub code: Rc<CodeObject>,
    pub line: u32,
    /// `f_back`: the frame below, or None (a suspended coroutine's frame
    /// has none).
    pub back: Value,
    /// `f_locals` and `f_globals`, for a frame taken from the running stack.
    pub namespaces: Option<(Value, Value)>,
}

impl NativeObject for FrameObject {
    fn class_id(&self) -> TypeId {
        TypeId::Frame
    }

    fn repr(&self) -> String {
        let address = address_of_ptr(self as *const FrameObject as usize);
        format!(
            "<frame at {address:#x}, file {}, line {}, code {}>",
            crate::quote::quote_str(&self.code.filename, false),
            self.line,
            self.code.name
        )
    }
}

/// The frame's data attributes (its type's `getattr` slot).
pub fn getattr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(frame) = downcast::<FrameObject>(obj) else {
        return Ok(None);
    };
    Ok(Some(match name {
        "f_code" => Value::Native(Rc::new(Code(frame.code.clone()))),
        "f_lineno" => {
            let live = live_frame(vm, &frame).map(|f| f.current_line());
            Value::Int(live.unwrap_or(frame.line) as i64)
        }
        "f_back" => frame.back.clone(),
        "f_locals" | "f_globals" => match &frame.namespaces {
            Some((locals, _)) if name == "f_locals" => refreshed(vm, &frame, locals),
            Some((_, globals)) => globals.clone(),
            None => return Ok(None),
        },
        _ => return Ok(None),
    }))
}

/// A function frame's `f_locals`, refreshed from its variables while the
/// frame is still on the stack (its locals dict is the one the frame keeps),
/// as CPython's `f_locals` is on every access.
fn refreshed(vm: &mut Vm, frame: &FrameObject, locals: &Value) -> Value {
    match live_frame(vm, frame) {
        Some(live) if matches!(locals, Value::Dict(_)) => super::functions::frame_locals(live),
        _ => locals.clone(),
    }
}

/// The running frame a snapshot of the stack was taken of, while it is still
/// on the stack: the one keeping the same locals dict (a function's), or
/// running the same module or class code.
fn live_frame<'v>(vm: &'v mut Vm, frame: &FrameObject) -> Option<&'v mut Frame> {
    let (Value::Dict(dict), _) = frame.namespaces.as_ref()? else {
        return None;
    };
    vm.frames.iter_mut().rev().map(|f| &mut **f).find(|f| {
        Rc::ptr_eq(&f.code, &frame.code)
            && match &f.locals_dict {
                Some(own) => Rc::ptr_eq(own, dict),
                None => !f.code.is_function(),
            }
    })
}
