//! `asyncio.run` and what runners.py's `Runner` does around the main task:
//! a new loop, the main task run to completion, then the shutdown (cancel
//! what is left, `shutdown_asyncgens`, `shutdown_default_executor`) and the
//! loop's close. Also `loop.run_until_complete`, which they run on.

use std::rc::Rc;

use crate::object::exceptions::{exc_empty, runtime_error, value_error};
use crate::object::generator::Generator;
use crate::object::types::TypeId;
use crate::object::value::{Args, PyResult, Value};
use crate::vm::Vm;

use super::api::arg;
use super::callbacks::Callback;
use super::events::new_loop;
use super::native_coro::NativeCoro;
use super::objects::{as_async, AsyncObject, FutState};
use super::{aio, base_events, futures, gather, tasks};

/// `asyncio.run(main)`.
pub(super) fn run(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let main = arg(&args, 0, "main").unwrap_or(Value::None);
    if aio(vm).running_loop.is_some() {
        return Err(runtime_error(
            "asyncio.run() cannot be called from a running event loop",
        ));
    }
    let Value::Generator(coro) = &main else {
        return Err(value_error(format!(
            "a coroutine was expected, got {}",
            crate::repr::repr(vm, &main)?
        )));
    };
    if !coro.is_coroutine {
        return Err(value_error(format!(
            "a coroutine was expected, got {}",
            coro.repr()
        )));
    }
    run_coroutine(vm, coro.clone())
}

/// The body of `asyncio.Runner`: new loop, main task, shutdown.
pub fn run_coroutine(vm: &mut Vm, coro: Rc<Generator>) -> PyResult<Value> {
    let loop_id = new_loop(vm);
    aio(vm).current_loop = Some(loop_id);
    aio(vm).set_event_loop_called = true;
    let main_task = tasks::create_task(vm, loop_id, coro, None);
    // asyncio.run and Runner.run are two Python frames in CPython.
    vm.library_depth += 2;
    let result = run_until_complete(vm, loop_id, &main_task);
    vm.library_depth -= 2;
    drop(main_task);
    if vm.halted.is_some() {
        return result;
    }
    let closed = shutdown(vm, loop_id);
    aio(vm).current_loop = None;
    base_events::close(vm, loop_id);
    closed?;
    result
}

/// `Runner.close()`: cancel what is left, then the two shutdown coroutines.
fn shutdown(vm: &mut Vm, loop_id: u32) -> PyResult<()> {
    let to_cancel: Vec<Rc<AsyncObject>> = tasks::live_tasks(vm)
        .into_iter()
        .filter(|t| !t.as_future().is_some_and(|f| f.done()))
        .collect();
    if !to_cancel.is_empty() {
        for t in &to_cancel {
            tasks::cancel(vm, t, Value::None);
        }
        let args: Vec<Value> = to_cancel.iter().map(|t| Value::Native(t.clone())).collect();
        if let Some(g) = as_async(&gather::gather(vm, args, true)?) {
            run_until_complete(vm, loop_id, &g)?;
        }
        for t in &to_cancel {
            let f = t.as_future().expect("task");
            if f.state.get() == FutState::Cancelled {
                continue;
            }
            if let Ok(Value::Exception(e)) = futures::exception(t) {
                let msg = format!(
                    "unhandled exception during asyncio.run() shutdown\ntask: {}",
                    super::repr_async(t)
                );
                base_events::report_exception(vm, &msg, &e);
            }
        }
    }
    for name in [
        "BaseEventLoop.shutdown_asyncgens",
        "BaseEventLoop.shutdown_default_executor",
    ] {
        let body = if name.ends_with("asyncgens") {
            NativeCoro::ShutdownAsyncgens(super::asyncgens::Shutdown::new(loop_id))
        } else {
            NativeCoro::ReturnNone
        };
        let coro =
            super::native_coro::coroutine(name.rsplit('.').next().unwrap_or(name), name, body);
        let t = tasks::create_task(vm, loop_id, coro, None);
        run_until_complete(vm, loop_id, &t)?;
    }
    Ok(())
}

/// `loop.run_until_complete(future)`.
pub fn run_until_complete(vm: &mut Vm, loop_id: u32, fut: &Rc<AsyncObject>) -> PyResult<Value> {
    futures::add_done_callback(vm, fut, Callback::RunUntilCompleteDone { future: None });
    let outcome = base_events::run_forever(vm, loop_id)?;
    futures::remove_done_callback(fut, &Callback::RunUntilCompleteDone { future: None });
    if let Err(msg) = outcome {
        vm.halted = Some(msg);
        return Err(exc_empty(TypeId::SystemExit));
    }
    if !fut.as_future().is_some_and(|f| f.done()) {
        return Err(runtime_error("Event loop stopped before Future completed."));
    }
    futures::result(fut)
}
