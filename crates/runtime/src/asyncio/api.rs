//! The program-facing surface of asyncio: module functions (`run`, `sleep`,
//! `create_task`, `gather`, ...) and the methods of futures, tasks, handles
//! and loops. Each function follows its CPython counterpart's checks and
//! messages.

use std::rc::Rc;

use crate::object::exceptions::{exc_empty, runtime_error, type_error, value_error};
use crate::object::generator::Generator;
use crate::object::types::{type_of, TypeId, TypeRef};
use crate::object::value::{Args, Builtin, Module, NativeFn, PyResult, Value};
use crate::ops::{to_float, truthy};
use crate::vm::Vm;

use super::aio;
use super::callbacks::Callback;
use super::base_events::{self, call_at, call_soon, LoopState};
use super::native_coro::NativeCoro;
use super::objects::{as_async, as_future, AsyncObject, FutState};
use super::queues::{self, QueueCoro, QueueKind};
use super::locks::{self, SyncCoro};
use super::{futures, gather, tasks, taskgroups, timeouts, waiting};

fn builtin(name: &'static str, func: NativeFn, receiver: Value) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        func,
        receiver,
    }))
}

/// Build the `asyncio` module.
pub fn make_module(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Rc::new(Module {
        name: Rc::from("asyncio"),
        attrs: Default::default(),
        filename: Rc::from("asyncio/__init__.py"),
    });
    let functions: &[(&'static str, NativeFn)] = &[
        ("run", run),
        ("sleep", sleep),
        ("create_task", create_task),
        ("ensure_future", ensure_future),
        ("gather", gather_fn),
        ("get_running_loop", get_running_loop),
        ("get_event_loop", get_event_loop),
        ("new_event_loop", new_event_loop),
        ("set_event_loop", set_event_loop),
        ("current_task", current_task),
        ("all_tasks", all_tasks),
        ("iscoroutine", iscoroutine),
        ("iscoroutinefunction", iscoroutinefunction),
        ("isfuture", isfuture),
        ("wait_for", waiting::wait_for),
        ("wait", waiting::wait),
        ("as_completed", waiting::as_completed),
        ("shield", waiting::shield),
        ("timeout", timeouts::timeout),
        ("timeout_at", timeouts::timeout_at),
    ];
    {
        let mut attrs = m.attrs.borrow_mut();
        for (name, f) in functions {
            attrs.insert_str(name, builtin(name, *f, Value::None));
        }
        for t in [
            TypeId::CancelledError,
            TypeId::InvalidStateError,
            TypeId::Future,
            TypeId::Task,
            TypeId::Queue,
            TypeId::LifoQueue,
            TypeId::PriorityQueue,
            TypeId::QueueEmpty,
            TypeId::QueueFull,
            TypeId::Lock,
            TypeId::Event,
            TypeId::Semaphore,
            TypeId::BoundedSemaphore,
            TypeId::Condition,
            TypeId::TaskGroup,
            TypeId::Timeout,
        ] {
            attrs.insert_str(t.name(), Value::Type(TypeRef::Builtin(t)));
        }
        attrs.insert_str(
            "TimeoutError",
            Value::Type(TypeRef::Builtin(TypeId::TimeoutError)),
        );
        for name in [
            waiting::FIRST_COMPLETED,
            waiting::FIRST_EXCEPTION,
            waiting::ALL_COMPLETED,
        ] {
            attrs.insert_str(name, Value::str(name));
        }
    }
    super::submodules::install(vm, &m);
    Ok(m)
}

fn arg(args: &Args, i: usize, name: &str) -> Option<Value> {
    args.pos.get(i).cloned().or_else(|| {
        args.kw
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v.clone())
    })
}

fn running_loop(vm: &mut Vm) -> PyResult<u32> {
    aio(vm)
        .running_loop
        .ok_or_else(|| runtime_error("no running event loop"))
}

fn new_loop(vm: &mut Vm) -> u32 {
    let id = aio(vm).loops.len() as u32;
    aio(vm).loops.push(LoopState::default());
    aio(vm).loop_objects.push(Rc::new(AsyncObject::Loop(id)));
    crate::reports::log_new_loop(vm);
    id
}

/// `asyncio.run(main)`.
fn run(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
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

/// `asyncio.sleep(delay, result=None)`.
fn sleep(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let delay = arg(&args, 0, "delay")
        .ok_or_else(|| type_error("sleep() missing 1 required positional argument: 'delay'"))?;
    let result = arg(&args, 1, "result").unwrap_or(Value::None);
    let le_zero = crate::ops::compare_op(
        vm,
        loopscope_syntax::ast::CmpOp::LtE,
        &delay,
        &Value::Int(0),
    )?;
    let coro = if truthy(vm, &le_zero)? {
        NativeCoro::Sleep0 {
            result,
            started: false,
        }
    } else {
        NativeCoro::Sleep {
            delay: to_float(&delay)?,
            result,
            waiting: None,
        }
    };
    Ok(Value::Generator(super::native_coro::coroutine(
        "sleep", "sleep", coro,
    )))
}

fn name_arg(vm: &mut Vm, args: &Args) -> PyResult<Option<String>> {
    match args.kw.iter().find(|(k, _)| &**k == "name") {
        Some((_, Value::None)) | None => Ok(None),
        Some((_, v)) => Ok(Some(crate::repr::str_of(vm, v)?)),
    }
}

/// `asyncio.create_task(coro, *, name=None)`.
fn create_task(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let loop_id = running_loop(vm)?;
    new_task(vm, loop_id, args)
}

/// A task of `coro` (the first argument) named by `name=` on loop `loop_id`.
fn new_task(vm: &mut Vm, loop_id: u32, args: Args) -> PyResult<Value> {
    let coro = arg(&args, 0, "coro").unwrap_or(Value::None);
    let name = name_arg(vm, &args)?;
    match super::task_coroutine(&coro) {
        Some(g) => Ok(Value::Native(tasks::create_task(vm, loop_id, g, name))),
        None => Err(type_error(format!(
            "a coroutine was expected, got {}",
            crate::repr::repr(vm, &coro)?
        ))),
    }
}

fn ensure_future(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let loop_id = aio(vm)
        .running_loop
        .or(aio(vm).current_loop)
        .ok_or_else(|| runtime_error("no running event loop"))?;
    let a = arg(&args, 0, "coro_or_future").unwrap_or(Value::None);
    super::ensure_future(vm, loop_id, &a).map(|o| Value::Native(o))
}

fn gather_fn(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let mut return_exceptions = false;
    for (k, v) in &args.kw {
        if &**k == "return_exceptions" {
            return_exceptions = truthy(vm, v)?;
        } else {
            return Err(type_error(format!(
                "gather() got an unexpected keyword argument '{k}'"
            )));
        }
    }
    gather::gather(vm, args.pos, return_exceptions)
}

fn get_running_loop(vm: &mut Vm, _: &Value, _args: Args) -> PyResult<Value> {
    let l = running_loop(vm)?;
    Ok(loop_value(vm, l))
}

/// The one loop object of loop `id` (so `is` works on loops).
fn loop_value(vm: &mut Vm, id: u32) -> Value {
    Value::Native(aio(vm).loop_objects[id as usize].clone())
}

/// `asyncio.get_event_loop()` (3.11.7): the running loop, else the current
/// one, else — only if `set_event_loop` was never called — a new one.
fn get_event_loop(vm: &mut Vm, _: &Value, _args: Args) -> PyResult<Value> {
    if let Some(l) = aio(vm).running_loop.or(aio(vm).current_loop) {
        return Ok(loop_value(vm, l));
    }
    if aio(vm).set_event_loop_called {
        return Err(runtime_error(
            "There is no current event loop in thread 'MainThread'.",
        ));
    }
    let l = new_loop(vm);
    aio(vm).current_loop = Some(l);
    aio(vm).set_event_loop_called = true;
    Ok(loop_value(vm, l))
}

fn new_event_loop(vm: &mut Vm, _: &Value, _args: Args) -> PyResult<Value> {
    let l = new_loop(vm);
    Ok(loop_value(vm, l))
}

fn set_event_loop(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
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

fn current_task(vm: &mut Vm, _: &Value, _args: Args) -> PyResult<Value> {
    running_loop(vm)?;
    Ok(aio(vm)
        .current_task
        .clone()
        .map(|o| Value::Native(o))
        .unwrap_or(Value::None))
}

/// `asyncio.all_tasks(loop=None)`: the running loop's unfinished tasks, or,
/// given a loop, that loop's even when it is not running (a program has one
/// loop at a time, so the live tasks are its).
fn all_tasks(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    if matches!(arg(&args, 0, "loop"), None | Some(Value::None)) {
        running_loop(vm)?;
    }
    let mut set = crate::object::dict::PySet::new();
    for t in tasks::live_tasks(vm) {
        if !t.as_future().is_some_and(|f| f.done()) {
            set.add(Value::Native(t))?;
        }
    }
    Ok(Value::set(set))
}

fn iscoroutine(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        args.pos.first().is_some_and(super::is_task_coroutine),
    ))
}

fn iscoroutinefunction(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(matches!(
        args.pos.first(),
        Some(Value::Function(f)) if f.code.kind == crate::compile::code::CodeKind::Coroutine
    )))
}

fn isfuture(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(args.pos.first().and_then(as_future).is_some()))
}

/// Calling an asyncio type: `asyncio.Future()` (their `construct` slot).
pub fn construct(vm: &mut Vm, t: TypeId, args: Args) -> PyResult<Value> {
    match t {
        TypeId::Future => {
            running_loop(vm).or_else(|_| {
                aio(vm).current_loop.ok_or_else(|| {
                    runtime_error("There is no current event loop in thread 'MainThread'.")
                })
            })?;
            Ok(Value::Native(futures::new_future(vm, "Future()")))
        }
        TypeId::Queue | TypeId::LifoQueue | TypeId::PriorityQueue => {
            let maxsize = match arg(&args, 0, "maxsize") {
                None => 0,
                Some(Value::Int(n)) => n,
                Some(Value::Bool(b)) => b as i64,
                Some(other) => {
                    return Err(type_error(format!(
                        "'<=' not supported between instances of '{}' and 'int'",
                        type_of(&other).name()
                    )))
                }
            };
            let kind = match t {
                TypeId::LifoQueue => QueueKind::Lifo,
                TypeId::PriorityQueue => QueueKind::Priority,
                _ => QueueKind::Fifo,
            };
            Ok(Value::Native(queues::new_queue(vm, kind, maxsize)))
        }
        TypeId::Lock => Ok(Value::Native(locks::new_lock(vm))),
        TypeId::Event => Ok(Value::Native(locks::new_event(vm))),
        TypeId::Semaphore | TypeId::BoundedSemaphore => {
            let value = match arg(&args, 0, "value") {
                None => 1,
                Some(Value::Int(n)) => n,
                Some(other) => {
                    return Err(type_error(format!(
                        "'<' not supported between instances of '{}' and 'int'",
                        type_of(&other).name()
                    )))
                }
            };
            Ok(Value::Native(locks::new_semaphore(
                vm,
                value,
                t == TypeId::BoundedSemaphore,
            )?))
        }
        TypeId::Condition => {
            let lock = match arg(&args, 0, "lock") {
                None | Some(Value::None) => None,
                Some(v) => match as_async(&v) {
                    Some(o) if matches!(&*o, AsyncObject::Lock(_)) => Some(o),
                    _ => return Err(type_error("Condition() expects a Lock")),
                },
            };
            Ok(Value::Native(locks::new_condition(vm, lock)))
        }
        TypeId::Task => construct_task(vm, args),
        TypeId::TaskGroup => taskgroups::construct(args),
        TypeId::Timeout => timeouts::construct(args),
        other => Err(type_error(format!(
            "cannot create '{}' instances yet",
            other.qualified_name()
        ))),
    }
}

/// `asyncio.Task(coro, *, loop=None, name=None)`: scheduled on the given
/// loop, else the running one, else the current one.
fn construct_task(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let given = args.kw.iter().find(|(k, _)| &**k == "loop");
    let loop_id = match given.and_then(|(_, v)| as_async(v)).as_deref() {
        Some(AsyncObject::Loop(id)) => *id,
        _ => running_loop(vm).or_else(|_| {
            aio(vm).current_loop.ok_or_else(|| {
                runtime_error("There is no current event loop in thread 'MainThread'.")
            })
        })?,
    };
    new_task(vm, loop_id, args)
}

fn receiver_obj(recv: &Value) -> PyResult<Rc<AsyncObject>> {
    as_async(recv).ok_or_else(|| type_error("method called on the wrong object"))
}

/// Attribute lookup on asyncio objects (their types' `getattr` slot).
pub fn get_attr(_vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(o) = as_async(obj) else {
        return Ok(None);
    };
    let method: Option<(&'static str, NativeFn)> = match &*o {
        AsyncObject::Future(f) => {
            let is_task = f.task.is_some();
            match name {
                "result" => Some(("result", m_result)),
                // The future is its own iterator for `yield from` / `await`.
                "__await__" | "__iter__" => Some(("__await__", m_await)),
                "exception" => Some(("exception", m_exception)),
                "done" => Some(("done", m_done)),
                "cancelled" => Some(("cancelled", m_cancelled)),
                "cancel" => Some(("cancel", m_cancel)),
                "add_done_callback" => Some(("add_done_callback", m_add_done_callback)),
                "remove_done_callback" => Some(("remove_done_callback", m_remove_done_callback)),
                "get_loop" => Some(("get_loop", m_get_loop)),
                "set_result" if !is_task => Some(("set_result", m_set_result)),
                "set_exception" if !is_task => Some(("set_exception", m_set_exception)),
                "get_name" if is_task => Some(("get_name", m_get_name)),
                "set_name" if is_task => Some(("set_name", m_set_name)),
                "get_coro" if is_task => Some(("get_coro", m_get_coro)),
                "cancelling" if is_task => Some(("cancelling", m_cancelling)),
                "uncancel" if is_task => Some(("uncancel", m_uncancel)),
                _ => None,
            }
        }
        AsyncObject::Handle(_) => match name {
            "cancel" => Some(("cancel", h_cancel)),
            "cancelled" => Some(("cancelled", h_cancelled)),
            "when" => Some(("when", h_when)),
            _ => None,
        },
        AsyncObject::Loop(_) => match name {
            "run_until_complete" => Some(("run_until_complete", l_run_until_complete)),
            "run_forever" => Some(("run_forever", l_run_forever)),
            "create_task" => Some(("create_task", l_create_task)),
            "create_future" => Some(("create_future", l_create_future)),
            "call_soon" => Some(("call_soon", l_call_soon)),
            "call_later" => Some(("call_later", l_call_later)),
            "call_at" => Some(("call_at", l_call_at)),
            "time" => Some(("time", l_time)),
            "close" => Some(("close", l_close)),
            "is_closed" => Some(("is_closed", l_is_closed)),
            "is_running" => Some(("is_running", l_is_running)),
            "stop" => Some(("stop", l_stop)),
            _ => None,
        },
        AsyncObject::Queue(q) => match name {
            "maxsize" => return Ok(Some(Value::Int(q.borrow().maxsize))),
            "put" => Some(("put", q_put)),
            "get" => Some(("get", q_get)),
            "join" => Some(("join", q_join)),
            "put_nowait" => Some(("put_nowait", q_put_nowait)),
            "get_nowait" => Some(("get_nowait", q_get_nowait)),
            "task_done" => Some(("task_done", q_task_done)),
            "qsize" => Some(("qsize", q_qsize)),
            "empty" => Some(("empty", q_empty)),
            "full" => Some(("full", q_full)),
            _ => None,
        },
        AsyncObject::Lock(_) | AsyncObject::Semaphore(_) | AsyncObject::Condition(_) => {
            match name {
                "acquire" => Some(("acquire", p_acquire)),
                "release" => Some(("release", p_release)),
                "locked" => Some(("locked", p_locked)),
                "__aenter__" => Some(("__aenter__", p_aenter)),
                "__aexit__" => Some(("__aexit__", p_aexit)),
                "wait" if matches!(&*o, AsyncObject::Condition(_)) => Some(("wait", c_wait)),
                "wait_for" if matches!(&*o, AsyncObject::Condition(_)) => {
                    Some(("wait_for", c_wait_for))
                }
                "notify" if matches!(&*o, AsyncObject::Condition(_)) => Some(("notify", c_notify)),
                "notify_all" if matches!(&*o, AsyncObject::Condition(_)) => {
                    Some(("notify_all", c_notify_all))
                }
                _ => None,
            }
        }
        AsyncObject::Event(_) => match name {
            "set" => Some(("set", e_set)),
            "clear" => Some(("clear", e_clear)),
            "is_set" => Some(("is_set", e_is_set)),
            "wait" => Some(("wait", e_wait)),
            _ => None,
        },
        AsyncObject::Timeout(_) => timeouts::method(name),
        AsyncObject::TaskGroup(_) => taskgroups::method(name),
    };
    Ok(method.map(|(n, f)| builtin(n, f, obj.clone())))
}

fn m_await(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(r.clone())
}
fn m_result(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    futures::result(&receiver_obj(r)?)
}
fn m_exception(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    futures::exception(&receiver_obj(r)?)
}
fn m_done(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        receiver_obj(r)?.as_future().is_some_and(|f| f.done()),
    ))
}
fn m_cancelled(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        receiver_obj(r)?
            .as_future()
            .is_some_and(|f| f.state.get() == FutState::Cancelled),
    ))
}
fn m_cancel(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let msg = arg(&a, 0, "msg").unwrap_or(Value::None);
    Ok(Value::Bool(tasks::cancel_any(vm, &receiver_obj(r)?, msg)))
}
fn m_add_done_callback(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let func =
        arg(&a, 0, "fn").ok_or_else(|| type_error("add_done_callback() missing callback"))?;
    futures::add_done_callback(
        vm,
        &receiver_obj(r)?,
        Callback::Python {
            func,
            args: Vec::new(),
        },
    );
    Ok(Value::None)
}
fn m_remove_done_callback(_vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let func = arg(&a, 0, "fn").unwrap_or(Value::None);
    let n = futures::remove_done_callback(
        &receiver_obj(r)?,
        &Callback::Python {
            func,
            args: Vec::new(),
        },
    );
    Ok(Value::Int(n as i64))
}
fn m_get_loop(vm: &mut Vm, _r: &Value, _a: Args) -> PyResult<Value> {
    let l = aio(vm).running_loop.or(aio(vm).current_loop).unwrap_or(0);
    if aio(vm).loop_objects.is_empty() {
        new_loop(vm);
    }
    Ok(loop_value(vm, l))
}
fn m_set_result(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let v = arg(&a, 0, "result").unwrap_or(Value::None);
    futures::set_result_checked(vm, &receiver_obj(r)?, v)?;
    Ok(Value::None)
}
fn m_set_exception(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let v = arg(&a, 0, "exception").unwrap_or(Value::None);
    let e = vm.instantiate_exception(v)?;
    futures::set_exception(vm, &receiver_obj(r)?, e)?;
    Ok(Value::None)
}
fn m_get_name(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    let tp = tasks::task_part(&o).ok_or_else(|| type_error("not a task"))?;
    let name = tp.name.borrow().clone();
    Ok(Value::Str(name))
}
fn m_set_name(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    let v = arg(&a, 0, "value").unwrap_or(Value::None);
    let s = crate::repr::str_of(vm, &v)?;
    let tp = tasks::task_part(&o).ok_or_else(|| type_error("not a task"))?;
    *tp.name.borrow_mut() = Rc::from(s.as_str());
    let id = vm.recorder.intern(&s);
    let line = vm.current_line();
    vm.recorder.record(
        vm.now,
        line,
        crate::trace::EventKind::TaskRenamed {
            task: tp.id,
            name: id,
        },
    );
    Ok(Value::None)
}
fn m_get_coro(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    let tp = tasks::task_part(&o).ok_or_else(|| type_error("not a task"))?;
    Ok(Value::Generator(tp.coro.clone()))
}
fn m_cancelling(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    let tp = tasks::task_part(&o).ok_or_else(|| type_error("not a task"))?;
    Ok(Value::Int(tp.num_cancels_requested.get() as i64))
}
fn m_uncancel(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    let tp = tasks::task_part(&o).ok_or_else(|| type_error("not a task"))?;
    let n = tp.num_cancels_requested.get().saturating_sub(1);
    tp.num_cancels_requested.set(n);
    Ok(Value::Int(n as i64))
}

fn handle_of(r: &Value) -> PyResult<Rc<super::objects::Handle>> {
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

fn loop_of(r: &Value) -> PyResult<u32> {
    match &*receiver_obj(r)? {
        AsyncObject::Loop(id) => Ok(*id),
        _ => Err(type_error("not a loop")),
    }
}
fn l_run_until_complete(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let l = loop_of(r)?;
    if aio(vm).loops[l as usize].closed {
        return Err(runtime_error("Event loop is closed"));
    }
    let f = arg(&a, 0, "future").unwrap_or(Value::None);
    let previous = aio(vm).current_loop.replace(l);
    let fut = super::ensure_future(vm, l, &f)?;
    let r = run_until_complete(vm, l, &fut);
    aio(vm).current_loop = previous.or(Some(l));
    r
}
/// `loop.run_forever()`: runs until `loop.stop()`.
fn l_run_forever(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let l = loop_of(r)?;
    if aio(vm).loops[l as usize].closed {
        return Err(runtime_error("Event loop is closed"));
    }
    let previous = aio(vm).current_loop.replace(l);
    let outcome = base_events::run_forever(vm, l);
    aio(vm).current_loop = previous.or(Some(l));
    if let Err(msg) = outcome? {
        vm.halted = Some(msg);
        return Err(exc_empty(TypeId::SystemExit));
    }
    Ok(Value::None)
}
fn l_create_task(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let l = loop_of(r)?;
    let name = name_arg(vm, &a)?;
    let coro = arg(&a, 0, "coro").unwrap_or(Value::None);
    match super::task_coroutine(&coro) {
        Some(g) => Ok(Value::Native(tasks::create_task(vm, l, g, name))),
        None => Err(type_error(format!(
            "a coroutine was expected, got {}",
            crate::repr::repr_value(&coro)
        ))),
    }
}
fn l_create_future(vm: &mut Vm, _r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Native(futures::new_future(
        vm,
        "loop.create_future()",
    )))
}
fn callback_of(a: &Args, skip: usize) -> PyResult<Callback> {
    let func = a
        .pos
        .get(skip)
        .cloned()
        .ok_or_else(|| type_error("a callback is required"))?;
    Ok(Callback::Python {
        func,
        args: a.pos.iter().skip(skip + 1).cloned().collect(),
    })
}
fn l_call_soon(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let l = loop_of(r)?;
    let h = call_soon(vm, l, callback_of(&a, 0)?);
    Ok(Value::Native(Rc::new(AsyncObject::Handle(h))))
}
fn l_call_later(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let l = loop_of(r)?;
    let delay = match a.pos.first() {
        Some(Value::None) | None => return Err(type_error("delay must not be None")),
        Some(d) => to_float(d)?,
    };
    let when = vm.now + delay;
    let h = call_at(vm, l, when, callback_of(&a, 1)?);
    Ok(Value::Native(Rc::new(AsyncObject::Handle(h))))
}
fn l_call_at(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let l = loop_of(r)?;
    let when = match a.pos.first() {
        Some(Value::None) | None => return Err(type_error("when cannot be None")),
        Some(d) => to_float(d)?,
    };
    let h = call_at(vm, l, when, callback_of(&a, 1)?);
    Ok(Value::Native(Rc::new(AsyncObject::Handle(h))))
}
fn l_time(vm: &mut Vm, _r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Float(vm.now))
}
fn l_close(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let l = loop_of(r)? as usize;
    if aio(vm).loops[l].running {
        return Err(runtime_error("Cannot close a running event loop"));
    }
    base_events::close(vm, l as u32);
    Ok(Value::None)
}
fn l_is_closed(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Bool(aio(vm).loops[loop_of(r)? as usize].closed))
}
fn l_is_running(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Bool(aio(vm).loops[loop_of(r)? as usize].running))
}
fn l_stop(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    aio(vm).loops[loop_of(r)? as usize].stopping = true;
    Ok(Value::None)
}

fn q_put(_vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let item = arg(&a, 0, "item")
        .ok_or_else(|| type_error("Queue.put() missing 1 required positional argument: 'item'"))?;
    Ok(queue_coro(
        "put",
        "Queue.put",
        QueueCoro::Put {
            queue: receiver_obj(r)?,
            item: Some(item),
            waiting: None,
        },
    ))
}
fn q_get(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(queue_coro(
        "get",
        "Queue.get",
        QueueCoro::Get {
            queue: receiver_obj(r)?,
            waiting: None,
        },
    ))
}
fn q_join(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(queue_coro(
        "join",
        "Queue.join",
        QueueCoro::Join {
            queue: receiver_obj(r)?,
            wait: None,
        },
    ))
}
fn queue_coro(name: &'static str, qualname: &'static str, c: QueueCoro) -> Value {
    Value::Generator(super::native_coro::coroutine(
        name,
        qualname,
        NativeCoro::Queue(c),
    ))
}
fn q_put_nowait(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let item = arg(&a, 0, "item").ok_or_else(|| {
        type_error("Queue.put_nowait() missing 1 required positional argument: 'item'")
    })?;
    queues::put_nowait(vm, &receiver_obj(r)?, item)?;
    Ok(Value::None)
}
fn q_get_nowait(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    queues::get_nowait(vm, &receiver_obj(r)?)
}
fn q_task_done(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    queues::task_done(vm, &receiver_obj(r)?)?;
    Ok(Value::None)
}
fn q_qsize(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Int(
        queues::state(&*receiver_obj(r)?).borrow().items.len() as i64,
    ))
}
fn q_empty(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        queues::state(&*receiver_obj(r)?).borrow().items.is_empty(),
    ))
}
fn q_full(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        queues::state(&*receiver_obj(r)?).borrow().full(),
    ))
}

/// The lock behind a Lock, Semaphore or Condition receiver.
fn acquire_coro(obj: Rc<AsyncObject>, then_return: Value) -> Value {
    match &*obj {
        AsyncObject::Semaphore(_) => locks::coroutine(
            "acquire",
            "Semaphore.acquire",
            SyncCoro::SemAcquire {
                sem: obj,
                waiting: None,
                then_return,
            },
        ),
        AsyncObject::Condition(_) => {
            let lock = locks::cond_lock(&obj);
            locks::coroutine(
                "acquire",
                "Lock.acquire",
                SyncCoro::LockAcquire {
                    lock,
                    waiting: None,
                    then_return,
                },
            )
        }
        _ => locks::coroutine(
            "acquire",
            "Lock.acquire",
            SyncCoro::LockAcquire {
                lock: obj,
                waiting: None,
                then_return,
            },
        ),
    }
}
fn p_acquire(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(acquire_coro(receiver_obj(r)?, Value::Bool(true)))
}
fn p_aenter(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(acquire_coro(receiver_obj(r)?, Value::None))
}
fn p_aexit(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(locks::coroutine(
        "__aexit__",
        "_ContextManagerMixin.__aexit__",
        SyncCoro::Release {
            target: receiver_obj(r)?,
        },
    ))
}
fn p_release(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    match &*o {
        AsyncObject::Semaphore(_) => locks::sem_release(vm, &o)?,
        AsyncObject::Condition(_) => locks::lock_release(vm, &locks::cond_lock(&o))?,
        _ => locks::lock_release(vm, &o)?,
    }
    Ok(Value::None)
}
fn p_locked(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    Ok(Value::Bool(match &*o {
        AsyncObject::Semaphore(_) => locks::sem_locked(&o),
        AsyncObject::Condition(_) => locks::lock_locked(&locks::cond_lock(&o)),
        _ => locks::lock_locked(&o),
    }))
}
fn c_wait(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(locks::coroutine(
        "wait",
        "Condition.wait",
        SyncCoro::CondWait {
            cond: receiver_obj(r)?,
            stage: locks::CondStage::Start,
        },
    ))
}
fn c_wait_for(_vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let predicate = arg(&a, 0, "predicate").ok_or_else(|| {
        type_error("Condition.wait_for() missing 1 required positional argument: 'predicate'")
    })?;
    Ok(locks::coroutine(
        "wait_for",
        "Condition.wait_for",
        SyncCoro::CondWaitFor {
            cond: receiver_obj(r)?,
            predicate,
            inner: None,
        },
    ))
}
fn c_notify(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let n = match arg(&a, 0, "n") {
        Some(Value::Int(n)) => n.max(0) as usize,
        _ => 1,
    };
    locks::cond_notify(vm, &receiver_obj(r)?, n)?;
    Ok(Value::None)
}
fn c_notify_all(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    let n = locks::cond_waiter_count(&o);
    locks::cond_notify(vm, &o, n)?;
    Ok(Value::None)
}
fn e_set(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    locks::event_set(vm, &receiver_obj(r)?);
    Ok(Value::None)
}
fn e_clear(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    locks::event_clear(vm, &receiver_obj(r)?);
    Ok(Value::None)
}
fn e_is_set(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Bool(locks::event_is_set(&receiver_obj(r)?)))
}
fn e_wait(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(locks::coroutine(
        "wait",
        "Event.wait",
        SyncCoro::EventWait {
            event: receiver_obj(r)?,
            waiting: None,
        },
    ))
}
