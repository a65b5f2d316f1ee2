//! What runs a function in a worker thread: base_events.py's
//! `loop.run_in_executor`, `set_default_executor` and
//! `shutdown_default_executor` (threads.py's `to_thread` is Python, in the
//! same submodule). The loop's methods check what CPython checks here, then
//! call the submodule's Python half (`python/threads.py`), which keeps each
//! loop's default executor (a `concurrent.futures.ThreadPoolExecutor`, whose
//! workers are simulated threads: `thread_switch.rs`).

use crate::object::value::{Args, PyResult, Value};
use crate::vm::Vm;

/// A function of `asyncio.threads`'s Python half.
fn half(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let module = vm.import("asyncio.threads")?;
    crate::attrs::get_attr(vm, &module, name)
}

/// `loop.run_in_executor(executor, func, *args)`: in debug mode `func` is
/// checked first, as CPython checks it.
pub(super) fn run_in_executor(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult<Value> {
    let l = super::base_events::loop_of(receiver)?;
    super::base_events::check_closed(vm, l)?;
    let mut pos = args.pos.into_iter();
    let executor = pos.next().ok_or_else(|| {
        crate::object::exceptions::type_error(
            "BaseEventLoop.run_in_executor() missing 2 required positional arguments: \
             'executor' and 'func'",
        )
    })?;
    let func = pos.next().ok_or_else(|| {
        crate::object::exceptions::type_error(
            "BaseEventLoop.run_in_executor() missing 1 required positional argument: 'func'",
        )
    })?;
    super::debug::check_callback(vm, l, &func, "run_in_executor")?;
    let run = half(vm, "_run_in_executor")?;
    let call = vec![
        receiver.clone(),
        Value::Int(l.into()),
        executor,
        func,
        Value::tuple(pos.collect()),
    ];
    vm.call(&run, Args::new(call))
}

/// `loop.set_default_executor(executor)`.
pub(super) fn set_default_executor(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult<Value> {
    let l = super::base_events::loop_of(receiver)?;
    let executor = crate::builtins::args::exactly_one("set_default_executor", &args)?;
    let set = half(vm, "_set_default_executor")?;
    vm.call(&set, Args::new(vec![Value::Int(l.into()), executor]))
}

/// `await loop.shutdown_default_executor()`: its coroutine.
pub(super) fn shutdown_default_executor(
    vm: &mut Vm,
    receiver: &Value,
    args: Args,
) -> PyResult<Value> {
    let l = super::base_events::loop_of(receiver)?;
    crate::builtins::args::count_range("shutdown_default_executor", &args, 0, 0)?;
    let shutdown = half(vm, "_shutdown_default_executor")?;
    vm.call(
        &shutdown,
        Args::new(vec![receiver.clone(), Value::Int(l.into())]),
    )
}

/// `loop.close()`'s end: the default executor is shut down without waiting.
pub(super) fn close_default_executor(vm: &mut Vm, loop_id: u32) -> PyResult<()> {
    if !super::thread_switch::threads(vm).started() {
        return Ok(());
    }
    let close = half(vm, "_close")?;
    vm.call(&close, Args::new(vec![Value::Int(loop_id.into())]))?;
    Ok(())
}
