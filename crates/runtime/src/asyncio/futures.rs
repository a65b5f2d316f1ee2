//! Future operations, ported from futures.py (`set_result`,
//! `set_exception`, `cancel`, `result`, `__schedule_callbacks`, ...).

use std::rc::Rc;

use crate::object::exceptions::{exc, type_error, Exception};
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, ExcRef, NativeFn, PyResult, Value};
use crate::trace::EventKind;
use crate::vm::Vm;

use crate::builtins::args::reject_kwargs;

use super::api::{arg, receiver_obj};
use super::base_events::{call_soon, intern_trace_repr};
use super::callbacks::Callback;
use super::events::{loop_value, new_loop};
use super::objects::{as_async, as_future, AsyncObject, FutState, FutureObj};
use super::{aio, tasks};

/// A future of the running loop, else of the current one.
pub fn new_future(vm: &mut Vm, label: &'static str) -> Rc<AsyncObject> {
    new_future_in(vm, None, label)
}

/// The loop a future (or task) belongs to.
pub fn loop_of(obj: &Rc<AsyncObject>) -> u32 {
    fut(obj).loop_id
}

/// A future of loop `loop_id` (`loop.create_future()`, `Future(loop=loop)`).
pub fn new_future_on(vm: &mut Vm, loop_id: u32, label: &'static str) -> Rc<AsyncObject> {
    new_future_in(vm, Some(loop_id), label)
}

/// A future of loop `loop_id`, else of the running or current loop, with one look-up
/// of asyncio's state (a sleep makes one).
fn new_future_in(vm: &mut Vm, loop_id: Option<u32>, label: &'static str) -> Rc<AsyncObject> {
    let st = aio(vm);
    let loop_id = loop_id.unwrap_or_else(|| st.running_loop.or(st.current_loop).unwrap_or(0));
    st.next_future_id += 1;
    let id = st.next_future_id;
    let debug = st.loops[loop_id as usize].debug.on;
    let label_id = vm.recorder.intern_static(label);
    let line = vm.current_line();
    vm.recorder.record(
        vm.now,
        line,
        EventKind::FutureCreated {
            future: id,
            label: label_id,
        },
    );
    let future = FutureObj::new(id, label, loop_id, None);
    // Where CPython's code makes it: the program's `Future()`, gather's
    // `_GatheringFuture.__init__`'s `super().__init__(loop=loop)`, else
    // `loop.create_future()`.
    let site = || match label {
        "Future()" => None,
        "gather()" => Some(super::debug::site("tasks.py", 709, "__init__")),
        _ => Some(super::debug::create_future_site()),
    };
    if debug {
        let traceback = super::debug::future_traceback(vm, loop_id, site);
        future.source_traceback.set(traceback);
    }
    super::gc_edges::new(AsyncObject::Future(future))
}

/// Records that `outer` finishes according to `child` (see `EventKind::FutureLinked`).
pub fn record_link(vm: &mut Vm, outer: &Rc<AsyncObject>, child: &Rc<AsyncObject>) {
    if let (Some(outer), Some(child)) = (outer.as_future(), child.as_future()) {
        let line = vm.current_line();
        let event = EventKind::FutureLinked {
            future: outer.id,
            child: child.id,
        };
        vm.recorder.record(vm.now, line, event);
    }
}

fn fut(obj: &Rc<AsyncObject>) -> &FutureObj {
    obj.as_future().expect("a future")
}

fn invalid_state(msg: &str) -> ExcRef {
    exc(TypeId::InvalidStateError, msg)
}

/// `__schedule_callbacks`: every done-callback goes to call_soon, in order.
fn schedule_callbacks(vm: &mut Vm, obj: &Rc<AsyncObject>) {
    let callbacks = std::mem::take(&mut *fut(obj).callbacks.borrow_mut());
    // `self._loop.call_soon(...)`: the future's own loop.
    let loop_id = fut(obj).loop_id;
    for cb in callbacks {
        call_soon(vm, loop_id, cb.with_future(obj));
    }
}

pub fn set_result(vm: &mut Vm, obj: &Rc<AsyncObject>, value: Value) {
    let f = fut(obj);
    let result = intern_trace_repr(vm, &value);
    *f.result.borrow_mut() = value;
    f.state.set(FutState::Finished);
    let line = vm.current_line();
    vm.recorder.record(
        vm.now,
        line,
        EventKind::FutureResolved {
            future: f.id,
            result,
        },
    );
    schedule_callbacks(vm, obj);
}

/// `Future.set_result` called by the program (checks state).
pub fn set_result_checked(vm: &mut Vm, obj: &Rc<AsyncObject>, value: Value) -> PyResult<()> {
    if fut(obj).done() {
        return Err(invalid_state("invalid state"));
    }
    set_result(vm, obj, value);
    Ok(())
}

pub fn set_exception(vm: &mut Vm, obj: &Rc<AsyncObject>, e: ExcRef) -> PyResult<()> {
    let f = fut(obj);
    if f.done() {
        return Err(invalid_state("invalid state"));
    }
    if e.is(TypeId::StopIteration) {
        return Err(exc(
            TypeId::TypeError,
            "StopIteration interacts badly with generators and cannot be raised into a Future",
        ));
    }
    *f.exception.borrow_mut() = Some(e.clone());
    *f.exception_tb.borrow_mut() = Some(e.traceback.borrow().clone());
    f.state.set(FutState::Finished);
    f.log_traceback.set(true);
    let text = crate::repr::repr_value(&Value::Exception(e));
    let line = vm.current_line();
    let error = vm.recorder.intern(&text);
    vm.recorder.record(
        vm.now,
        line,
        EventKind::FutureFailed {
            future: f.id,
            error,
        },
    );
    schedule_callbacks(vm, obj);
    // Its repr when it dies: the callbacks were handed to the loop and
    // cleared, and a done future takes no more.
    *f.describe_on_drop.borrow_mut() = Some(super::repr_async(obj).into());
    Ok(())
}

/// `Future.cancel(msg)`.
pub fn cancel(vm: &mut Vm, obj: &Rc<AsyncObject>, msg: Value) -> bool {
    let f = fut(obj);
    f.log_traceback.set(false);
    if f.done() {
        return false;
    }
    f.state.set(FutState::Cancelled);
    *f.cancel_message.borrow_mut() = msg;
    let line = vm.current_line();
    vm.recorder
        .record(vm.now, line, EventKind::FutureCancelled { future: f.id });
    schedule_callbacks(vm, obj);
    true
}

/// `_make_cancelled_error()`.
pub fn make_cancelled_error(obj: &Rc<AsyncObject>) -> ExcRef {
    let f = fut(obj);
    if let Some(e) = f.cancelled_exc.borrow_mut().take() {
        return e;
    }
    let msg = f.cancel_message.borrow().clone();
    match msg {
        Value::None => Exception::new(TypeId::CancelledError, Vec::new()),
        m => Exception::new(TypeId::CancelledError, vec![m]),
    }
}

/// `Future.result()`.
pub fn result(obj: &Rc<AsyncObject>) -> PyResult<Value> {
    let f = fut(obj);
    match f.state.get() {
        FutState::Cancelled => Err(make_cancelled_error(obj)),
        FutState::Pending => Err(invalid_state("Result is not set.")),
        FutState::Finished => {
            f.log_traceback.set(false);
            if let Some(e) = f.exception.borrow().clone() {
                restore_traceback(f, &e);
                return Err(e);
            }
            Ok(f.result.borrow().clone())
        }
    }
}

/// `raise self._exception.with_traceback(self._exception_tb)`: the traceback
/// as it was when the exception was set.
fn restore_traceback(f: &FutureObj, e: &ExcRef) {
    if let Some(tb) = &*f.exception_tb.borrow() {
        *e.traceback.borrow_mut() = tb.clone();
    }
}

/// `Future.exception()`.
pub fn exception(obj: &Rc<AsyncObject>) -> PyResult<Value> {
    let f = fut(obj);
    match f.state.get() {
        FutState::Cancelled => Err(make_cancelled_error(obj)),
        FutState::Pending => Err(invalid_state("Exception is not set.")),
        FutState::Finished => {
            f.log_traceback.set(false);
            Ok(f.exception
                .borrow()
                .clone()
                .map(Value::Exception)
                .unwrap_or(Value::None))
        }
    }
}

/// `Future.add_done_callback(fn)`: scheduled at once if already done.
pub fn add_done_callback(vm: &mut Vm, obj: &Rc<AsyncObject>, cb: Callback) {
    if fut(obj).done() {
        let l = fut(obj).loop_id;
        call_soon(vm, l, cb.with_future(obj));
    } else {
        fut(obj).callbacks.borrow_mut().push(cb);
    }
}

/// `Future.remove_done_callback(fn)`: how many were removed.
pub fn remove_done_callback(obj: &Rc<AsyncObject>, cb: &Callback) -> usize {
    let mut cbs = fut(obj).callbacks.borrow_mut();
    let before = cbs.len();
    cbs.retain(|c| !c.same_as(cb));
    before - cbs.len()
}

// ----- the methods of Future (and Task) objects -----

/// `asyncio.Future(*, loop=None)` (its type's `construct` slot): without
/// a loop, `get_event_loop()`'s, made at module level if need be.
pub(super) fn construct(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if !args.pos.is_empty() {
        return Err(type_error("Future() takes no positional arguments"));
    }
    let given = args.take_kw("loop");
    reject_kwargs("Future", &args)?;
    let loop_id = match given {
        None | Some(Value::None) => super::events::event_loop_id(vm)?,
        Some(v) => match as_async(&v).as_deref() {
            Some(AsyncObject::Loop(id)) => *id,
            _ => {
                return Err(exc(
                    TypeId::AttributeError,
                    format!(
                        "'{}' object has no attribute 'get_debug'",
                        type_of(&v).name()
                    ),
                ))
            }
        },
    };
    Ok(Value::Native(new_future_on(vm, loop_id, "Future()")))
}

/// A method of a future; a task has the same ones, save `set_result` and
/// `set_exception` (its own are in `tasks::method`).
pub(super) fn method(name: &str, is_task: bool) -> Option<(&'static str, NativeFn)> {
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
        _ => None,
    }
}

pub(super) fn isfuture(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(args.pos.first().and_then(as_future).is_some()))
}

fn m_await(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(r.clone())
}

fn m_result(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    result(&receiver_obj(r)?)
}

fn m_exception(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    exception(&receiver_obj(r)?)
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
    Ok(Value::Bool(tasks::cancel_any(vm, &receiver_obj(r)?, msg)?))
}

fn m_add_done_callback(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let func =
        arg(&a, 0, "fn").ok_or_else(|| type_error("add_done_callback() missing callback"))?;
    let context = super::base_events::callback_context(vm, &a)?;
    add_done_callback(
        vm,
        &receiver_obj(r)?,
        Callback::Python {
            func,
            args: Vec::new(),
            context,
        },
    );
    Ok(Value::None)
}

fn m_remove_done_callback(_vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let func = arg(&a, 0, "fn").unwrap_or(Value::None);
    let n = remove_done_callback(
        &receiver_obj(r)?,
        &Callback::Python {
            func,
            args: Vec::new(),
            context: None,
        },
    );
    Ok(Value::Int(n as i64))
}

fn m_get_loop(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let l = fut(&receiver_obj(r)?).loop_id;
    if aio(vm).loop_objects.is_empty() {
        new_loop(vm);
    }
    Ok(loop_value(vm, l))
}

fn m_set_result(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let v = arg(&a, 0, "result").unwrap_or(Value::None);
    set_result_checked(vm, &receiver_obj(r)?, v)?;
    Ok(Value::None)
}

fn m_set_exception(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let v = arg(&a, 0, "exception").unwrap_or(Value::None);
    let e = vm.instantiate_exception(v)?;
    set_exception(vm, &receiver_obj(r)?, e)?;
    Ok(Value::None)
}

/// The first half of `await fut` on a future (`Future.__await__`): the
/// result at once if it is done, else mark it blocking; `None` means "yield
/// it" (the second half is [`awaited`]).
pub(super) fn await_future(fut: &Rc<AsyncObject>) -> Option<PyResult<Value>> {
    let f = fut.as_future().expect("a future");
    if f.done() {
        return Some(result(fut));
    }
    f.blocking.set(true);
    None
}

/// Whether `f` is a future that is done.
pub(super) fn is_done(f: &Rc<AsyncObject>) -> bool {
    f.as_future().is_some_and(|f| f.done())
}

/// Whether `f` is a future that was cancelled.
pub(super) fn is_cancelled(f: &Rc<AsyncObject>) -> bool {
    f.as_future()
        .is_some_and(|f| f.state.get() == FutState::Cancelled)
}
