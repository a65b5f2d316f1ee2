//! What `await x` accepts, and `Future.__await__`.

use std::rc::Rc;

use crate::object::exceptions::runtime_error;
use crate::object::value::{PyResult, Value};
use crate::vm::Vm;

use super::futures;
use super::objects::{as_future, AsyncObject};

/// One step of `Future.__await__`: `Some(result)` when done; `None` means
/// "yield the future" (marking it blocking). `fresh` is false when the
/// awaiting frame was resumed after yielding it.
pub fn poll_future(_vm: &mut Vm, obj: &Rc<AsyncObject>, fresh: bool) -> PyResult<Option<Value>> {
    let f = obj.as_future().expect("awaitable future");
    if f.done() {
        return futures::result(obj).map(Some);
    }
    if !fresh {
        return Err(runtime_error("await wasn't used with future"));
    }
    f.blocking.set(true);
    Ok(None)
}

/// The `await_step` slot of Future and Task.
pub fn await_step(vm: &mut Vm, v: &Value, fresh: bool) -> PyResult<Option<Value>> {
    match as_future(v) {
        Some(fut) => poll_future(vm, &fut, fresh),
        None => Err(runtime_error("await_step on a non-future")),
    }
}
