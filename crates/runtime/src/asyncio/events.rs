//! events.py's functions over the loops (`get_running_loop`,
//! `get_event_loop`, `new_event_loop`, `set_event_loop`), and the methods
//! of the `Handle`s `call_soon`/`call_later` return.

use std::rc::Rc;

use crate::object::exceptions::{runtime_error, type_error};
use crate::object::value::{Args, NativeFn, PyResult, Value};
use crate::vm::Vm;

use super::aio;
use super::api::{arg, receiver_obj};
use super::base_events::{self, report_exception, LoopState};
use super::objects::{as_async, AsyncObject, Handle};

/// A method of a handle.
pub(super) fn handle_method(name: &str) -> Option<(&'static str, NativeFn)> {
    match name {
        "cancel" => Some(("cancel", h_cancel)),
        "cancelled" => Some(("cancelled", h_cancelled)),
        "when" => Some(("when", h_when)),
        _ => None,
    }
}

pub(super) fn running_loop(vm: &mut Vm) -> PyResult<u32> {
    aio(vm)
        .running_loop
        .ok_or_else(|| runtime_error("no running event loop"))
}

pub(super) fn new_loop(vm: &mut Vm) -> u32 {
    let id = aio(vm).loops.len() as u32;
    let debug = super::debug::new_loop_debug(vm);
    let descriptors = (0..3)
        .map(|_| crate::modules::file_descriptors::open(vm))
        .collect();
    aio(vm).loops.push(LoopState {
        debug,
        descriptors,
        ..LoopState::default()
    });
    aio(vm).loop_objects.push(Rc::new(AsyncObject::Loop(id)));
    crate::reports::log_new_loop(vm);
    id
}

pub(super) fn get_running_loop(vm: &mut Vm, _: &Value, _args: Args) -> PyResult<Value> {
    let l = running_loop(vm)?;
    Ok(loop_value(vm, l))
}

/// The one loop object of loop `id` (so `is` works on loops).
pub(super) fn loop_value(vm: &mut Vm, id: u32) -> Value {
    Value::Native(aio(vm).loop_objects[id as usize].clone())
}

/// `asyncio.get_event_loop()` (3.11.7): the running loop, else the current
/// one, else — only if `set_event_loop` was never called — a new one.
pub(super) fn get_event_loop(vm: &mut Vm, _: &Value, _args: Args) -> PyResult<Value> {
    let l = event_loop_id(vm)?;
    Ok(loop_value(vm, l))
}

/// `events._get_event_loop()` (3.11.7, no warning): the running loop, else
/// the policy's current one, which the first call makes if
/// `set_event_loop` was never called.
pub(super) fn event_loop_id(vm: &mut Vm) -> PyResult<u32> {
    if let Some(l) = aio(vm).running_loop.or(aio(vm).current_loop) {
        return Ok(l);
    }
    if aio(vm).set_event_loop_called {
        return Err(runtime_error(
            "There is no current event loop in thread 'MainThread'.",
        ));
    }
    let l = new_loop(vm);
    aio(vm).current_loop = Some(l);
    aio(vm).set_event_loop_called = true;
    Ok(l)
}

pub(super) fn new_event_loop(vm: &mut Vm, _: &Value, _args: Args) -> PyResult<Value> {
    let l = new_loop(vm);
    Ok(loop_value(vm, l))
}

pub(super) fn set_event_loop(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    aio(vm).set_event_loop_called = true;
    aio(vm).current_loop = match arg(&args, 0, "loop") {
        Some(v) => match as_async(&v).as_deref() {
            Some(AsyncObject::Loop(id)) => Some(*id),
            _ => None,
        },
        None => None,
    };
    Ok(Value::None)
}

fn handle_of(r: &Value) -> PyResult<Rc<Handle>> {
    match &*receiver_obj(r)? {
        AsyncObject::Handle(h) => Ok(h.clone()),
        _ => Err(type_error("not a handle")),
    }
}

fn h_cancel(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let h = handle_of(r)?;
    base_events::cancel_handle(vm, &h);
    Ok(Value::None)
}

fn h_cancelled(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Bool(handle_of(r)?.cancelled.get()))
}

fn h_when(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Float(handle_of(r)?.when))
}

/// Run a callback that may fail as `Handle._run` does: log the error.
pub(super) fn run_logged(vm: &mut Vm, label: &str, r: PyResult<()>) {
    if let Err(e) = r {
        report_exception(vm, &format!("Exception in callback {label}"), &e);
    }
}
