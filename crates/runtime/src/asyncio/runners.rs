//! runners.py: `asyncio.run` and `Runner` are its Python, ported in
//! `python/runners.py` and run in the `asyncio.runners` submodule's namespace
//! (`submodules.rs`), so every run — the program's `asyncio.run(main())`,
//! a `Runner`, top-level `await` — makes its loop, names its tasks, shuts
//! down and closes as CPython's code does. Here: the natives it stands on
//! (`loop.run_until_complete`, `events._get_running_loop`) and the entry a
//! module body with top-level `await` takes.

use std::rc::Rc;

use crate::object::exceptions::{exc_empty, runtime_error, type_error};
use crate::object::generator::Generator;
use crate::object::pystr::PyStr;
use crate::object::types::TypeId;
use crate::object::value::{Args, PyResult, Value};
use crate::vm::Vm;

use super::callbacks::Callback;
use super::events::loop_value;
use super::objects::AsyncObject;
use super::{aio, base_events, futures};

/// `asyncio.run(coro)` for a module body with top-level `await` (the
/// recorder runs it so): the very function a program calls.
pub fn run_coroutine(vm: &mut Vm, coro: Rc<Generator>) -> PyResult<Value> {
    let run = match vm.import("asyncio")? {
        Value::Module(m) => m.attrs.borrow().get_str("run"),
        _ => None,
    }
    .ok_or_else(|| type_error("asyncio.run is missing"))?;
    vm.call(&run, Args::new(vec![Value::Generator(coro)]))
}

/// `events._get_running_loop()`: the running loop, or None.
pub(super) fn get_running_loop_or_none(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    crate::builtins::args::no_args("_asyncio._get_running_loop", &args)?;
    Ok(match aio(vm).running_loop {
        Some(l) => loop_value(vm, l),
        None => Value::None,
    })
}

/// `_run_task(loop, coro, context)`: `Runner.run`'s
/// `loop.run_until_complete(loop.create_task(coro, context=context))`, the
/// task held by no Python frame but by a failure's exception.
pub(super) fn run_task(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let [event_loop, coro, context] = <[Value; 3]>::try_from(args.pos.into_vec())
        .map_err(|_| type_error("_run_task(loop, coro, context)"))?;
    let create_task = crate::attrs::get_attr(vm, &event_loop, "create_task")?;
    let mut call = Args::new(vec![coro]);
    call.kw.push((PyStr::rc("context"), context));
    let task = vm.call(&create_task, call)?;
    if let Some(t) = super::objects::as_future(&task) {
        // `task = self._loop.create_task(coro, context=context)` in `Runner.run`.
        super::debug::add_site(&t, super::debug::site("runners.py", 100, "run"), true);
    }
    let run = crate::attrs::get_attr(vm, &event_loop, "run_until_complete")?;
    let result = vm.call(&run, Args::new(vec![task.clone()]));
    // `Runner.run`'s frame holds the task.
    super::holding(result, || vec![task])
}

/// `loop.run_until_complete(future)`.
pub fn run_until_complete(vm: &mut Vm, loop_id: u32, fut: &Rc<AsyncObject>) -> PyResult<Value> {
    futures::add_done_callback(vm, fut, Callback::RunUntilCompleteDone { future: None });
    let outcome = base_events::run_forever(vm, loop_id, true);
    futures::remove_done_callback(fut, &Callback::RunUntilCompleteDone { future: None });
    let outcome = outcome?;
    if let Err(msg) = outcome {
        vm.halted = Some(msg);
        return Err(exc_empty(TypeId::SystemExit));
    }
    if !fut.as_future().is_some_and(|f| f.done()) {
        return Err(runtime_error("Event loop stopped before Future completed."));
    }
    futures::result(fut)
}
