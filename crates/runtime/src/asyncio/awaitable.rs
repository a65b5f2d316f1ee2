//! What `await x` accepts, and `Future.__await__`.

use std::rc::Rc;

use crate::exceptions::{runtime_error, type_error};
use crate::types::type_of;
use crate::value::{PyResult, Value};
use crate::vm::Vm;

use super::future;
use super::objects::AsyncObject;

/// `GET_AWAITABLE`'s check: coroutines and futures only.
pub fn check_awaitable(v: &Value) -> PyResult<()> {
    match v {
        Value::Generator(g) if g.is_coroutine => Ok(()),
        Value::Async(o) if o.as_future().is_some() => Ok(()),
        other => Err(type_error(format!(
            "object {} can't be used in 'await' expression",
            type_of(other).name()
        ))),
    }
}

/// One step of `Future.__await__`: `Some(result)` when done; `None` means
/// "yield the future" (marking it blocking). `fresh` is false when the
/// awaiting frame was resumed after yielding it.
pub fn poll_future(_vm: &mut Vm, obj: &Rc<AsyncObject>, fresh: bool) -> PyResult<Option<Value>> {
    let f = obj.as_future().expect("awaitable future");
    if f.done() {
        return future::result(obj).map(Some);
    }
    if !fresh {
        return Err(runtime_error("await wasn't used with future"));
    }
    f.blocking.set(true);
    Ok(None)
}
