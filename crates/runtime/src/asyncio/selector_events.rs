//! The loop's selector for the in-memory loopback network (CPython's
//! selector_events.py `_process_events`; the sockets, their epoll-like ready
//! list and the transports are `python/selector_events.py`). A loop on which
//! the program opened a socket has a poller, asked once per `_run_once` where
//! CPython's `self._selector.select(timeout)` runs: the callbacks of the
//! sockets that are ready join the ready queue before the due timers, and a
//! loop with a ready socket does not wait.

use crate::object::exceptions::type_error;
use crate::object::value::{Args, PyResult, Value};
use crate::vm::Vm;

use super::aio;
use super::api::arg;
use super::base_events::{call_soon, loop_of};
use super::callbacks::Callback;

/// `_register_io(loop, poller)` (given to python/selector_events.py): from
/// now on `poller()` is loop `loop`'s selector; it returns the callables of
/// the sockets ready, in the order epoll would report them.
pub fn register_io(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let (Some(lp), Some(poller)) = (arg(&args, 0, "loop"), arg(&args, 1, "poller")) else {
        return Err(type_error("_register_io(loop, poller)"));
    };
    let id = loop_of(&lp)?;
    aio(vm).loops[id as usize].io_poller = Some(poller);
    Ok(Value::None)
}

/// The selector's `select()`: the callables of loop `loop_id`'s ready sockets
/// (none when it has no poller). A poller that fails is reported to the loop's
/// exception handler, as a callback's exception is.
pub fn select(vm: &mut Vm, loop_id: u32) -> Vec<Value> {
    let Some(poller) = aio(vm).loops[loop_id as usize].io_poller.clone() else {
        return Vec::new();
    };
    match vm
        .call(&poller, Args::new(Vec::new()))
        .and_then(|ready| crate::iterators::collect(vm, &ready))
    {
        Ok(ready) => ready,
        Err(e) => {
            let message = Value::str("Exception in the selector of the loopback network");
            super::exception_handler::report(
                vm,
                vec![("message", message), ("exception", Value::Exception(e))],
                true,
            );
            Vec::new()
        }
    }
}

/// The loop's methods written in Python (python/base_events.py's
/// `_LOOP_METHODS`: `create_connection`, `create_server`, `create_datagram_endpoint`),
/// bound to `lp`.
pub fn python_loop_method(vm: &mut Vm, lp: &Value, name: &str) -> PyResult<Option<Value>> {
    let module = vm.import("asyncio.base_events")?;
    let Value::Dict(methods) = crate::attrs::get_attr(vm, &module, "_LOOP_METHODS")? else {
        return Ok(None);
    };
    let func = methods.borrow().get_str(name);
    Ok(func.map(|f| crate::attrs::bound(f, lp.clone())))
}

/// `_process_events`: each ready socket's callback joins the ready queue.
pub fn process_events(vm: &mut Vm, loop_id: u32, ready: Vec<Value>) {
    for func in ready {
        let callback = Callback::Python {
            func,
            args: Vec::new(),
            context: None,
        };
        call_soon(vm, loop_id, callback);
    }
}
