//! What needs a thread: threads.py's `asyncio.to_thread` and base_events'
//! `loop.run_in_executor`. CPython runs the function in a worker thread;
//! on the virtual clock the interleaving of that thread with the loop is not
//! deterministic (the recorder gives different outputs run to run), so
//! Loopscope does not simulate it and says so where the program asks,
//! rather than printing something CPython might not (docs/differences.md).

use crate::object::exceptions::exc;
use crate::object::types::TypeId;
use crate::object::value::{Args, PyResult, Value};
use crate::vm::Vm;

fn unsupported(what: &str) -> PyResult<Value> {
    Err(exc(
        TypeId::NotImplementedError,
        format!(
            "{what} runs a function in another thread, which Loopscope does not simulate \
             (threads interleave with the event loop differently from run to run); \
             see docs/differences.md"
        ),
    ))
}

/// `asyncio.to_thread(func, *args, **kwargs)`.
pub(super) fn to_thread(_vm: &mut Vm, _: &Value, _args: Args) -> PyResult<Value> {
    unsupported("asyncio.to_thread()")
}

/// `loop.run_in_executor(executor, func, *args)`: in debug mode `func` is
/// checked first, as CPython checks it.
pub(super) fn run_in_executor(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult<Value> {
    if let Some(func) = args.pos.get(1) {
        let l = super::base_events::loop_of(receiver)?;
        super::debug::check_callback(vm, l, func, "run_in_executor")?;
    }
    unsupported("loop.run_in_executor()")
}
