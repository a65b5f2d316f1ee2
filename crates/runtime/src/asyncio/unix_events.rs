//! unix_events.py's signal handlers: `loop.add_signal_handler(sig, callback,
//! *args)` and `loop.remove_signal_handler(sig)`, with CPython's checks and
//! errors. A simulated program receives no signal from outside, so a handler
//! is remembered (for `remove_signal_handler`'s answer) and never called.

use crate::object::exceptions::{runtime_error, type_error, value_error};
use crate::object::value::{Args, PyResult, Value};
use crate::repr::repr_value;
use crate::vm::Vm;

use super::aio;
use super::base_events::loop_of;

/// `signal.SIGKILL` and `signal.SIGSTOP`: valid, but no handler may catch them.
const UNCATCHABLE: [i64; 2] = [9, 19];

/// `signal.valid_signals()` on Linux: 1 to 64 but glibc's 32 and 33.
fn is_valid_signal(sig: i64) -> bool {
    (1..65).contains(&sig) && sig != 32 && sig != 33
}

/// `_check_signal(sig)`: an int (a `signal.Signals` member is one) that
/// names a signal.
fn check_signal(vm: &mut Vm, sig: Option<&Value>) -> PyResult<i64> {
    let sig = sig.cloned().unwrap_or(Value::None);
    let int = match &sig {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => Some(sig.clone()),
        _ => crate::dunders::index(vm, &sig)?,
    };
    let Some(int) = int else {
        return Err(type_error(format!(
            "sig must be an int, not {}",
            repr_value(&sig)
        )));
    };
    match int {
        Value::Int(n) if is_valid_signal(n) => Ok(n),
        Value::Bool(true) => Ok(1),
        other => Err(value_error(format!(
            "invalid signal number {}",
            repr_value(&other)
        ))),
    }
}

/// `loop.add_signal_handler(sig, callback, *args)`.
pub(super) fn add_signal_handler(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let l = loop_of(r)?;
    let callback = a.pos.get(1).cloned().unwrap_or(Value::None);
    let is_coroutine = |v: &Value| {
        super::is_task_coroutine(v)
            || matches!(v, Value::Function(f) if f.code.kind == crate::compile::code::CodeKind::Coroutine)
    };
    if is_coroutine(&callback) {
        return Err(type_error(
            "coroutines cannot be used with add_signal_handler()",
        ));
    }
    let sig = check_signal(vm, a.pos.first())?;
    let state = &mut aio(vm).loops[l as usize];
    if state.closed {
        return Err(runtime_error("Event loop is closed"));
    }
    if UNCATCHABLE.contains(&sig) {
        return Err(runtime_error(format!("sig {sig} cannot be caught")));
    }
    if !state.signal_handlers.contains(&sig) {
        state.signal_handlers.push(sig);
    }
    Ok(Value::None)
}

/// `loop.remove_signal_handler(sig)`: whether a handler was removed.
pub(super) fn remove_signal_handler(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let l = loop_of(r)?;
    let sig = check_signal(vm, a.pos.first())?;
    let handlers = &mut aio(vm).loops[l as usize].signal_handlers;
    let held = handlers.contains(&sig);
    handlers.retain(|&s| s != sig);
    Ok(Value::Bool(held))
}
