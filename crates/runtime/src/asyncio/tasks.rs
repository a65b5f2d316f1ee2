//! Tasks, ported from CPython's C `_asyncio.Task` (tasks.py's `__step` /
//! `__wakeup` / `cancel`): how a coroutine is driven by the loop, and how
//! what it yields decides what it waits on.

use std::rc::Rc;

use crate::limits::Stop;
use crate::object::exceptions::{runtime_error, type_error, Exception};
use crate::object::generator::Generator;
use crate::object::pystr::PyStr;
use crate::object::types::TypeId;
use crate::object::value::{Args, ExcRef, NativeFn, PyResult, Value};
use crate::ops::{to_float, truthy};
use crate::trace::{EventKind, Halt, StrId, Wait};
use crate::vm::{GenOutcome, Resume, Vm};

use super::api::{arg, bind, receiver_obj};
use super::base_events::{call_soon, intern_trace_repr};
use super::callbacks::Callback;
use super::events::running_loop;
use super::native_coro::NativeCoro;
use super::objects::{as_async, as_future, AsyncObject, FutureObj, TaskPart};
use super::{aio, futures};

pub fn task_part(obj: &Rc<AsyncObject>) -> Option<&TaskPart> {
    obj.as_future().and_then(|f| f.task.as_deref())
}

/// `loop.create_task(coro, name=name)`.
pub fn create_task(
    vm: &mut Vm,
    loop_id: u32,
    coro: Rc<Generator>,
    name: Option<String>,
) -> Rc<AsyncObject> {
    create_task_in(vm, loop_id, coro, name, None)
}

/// `loop.create_task(coro, name=name, context=context)`: without a context,
/// the task runs in a copy of the current one.
pub fn create_task_in(
    vm: &mut Vm,
    loop_id: u32,
    coro: Rc<Generator>,
    name: Option<String>,
    context: Option<Rc<std::cell::RefCell<crate::object::dict::Dict>>>,
) -> Rc<AsyncObject> {
    // The C Task consumes a number even when a name is given.
    let st = aio(vm);
    st.task_name_counter += 1;
    let name = name.unwrap_or_else(|| format!("Task-{}", st.task_name_counter));
    st.next_future_id += 1;
    let fid = st.next_future_id;
    st.next_task_id += 1;
    let tid = st.next_task_id;
    let coro_name = coro.qualname.to_string();
    let first_line = coro.code.as_ref().map(|c| c.first_line).unwrap_or(0);
    let first_stack = vm.await_chains.intern(&mut vm.recorder, &coro);
    // A task's messages name it by its `name` (`describe_awaitable`), not its label.
    let task = super::gc_edges::new(AsyncObject::Future(FutureObj::new(
        fid,
        "Task",
        loop_id,
        Some(Box::new(TaskPart {
            id: tid,
            coro,
            name: std::cell::RefCell::new(PyStr::rc(name.as_str())),
            fut_waiter: std::cell::RefCell::new(None),
            must_cancel: std::cell::Cell::new(false),
            resume_line: std::cell::Cell::new(first_line),
            resume_stack: std::cell::Cell::new(first_stack),
            num_cancels_requested: std::cell::Cell::new(0),
            log_destroy_pending: std::cell::Cell::new(true),
            context: context.unwrap_or_else(|| crate::modules::contextvars::copy_current(vm)),
        })),
    )));
    if let Some(f) = task.as_future() {
        let traceback = super::debug::future_traceback(vm, loop_id, || None);
        f.source_traceback.set(traceback);
    }
    let name_id = vm.recorder.intern(&name);
    let coro_id = vm.recorder.intern(&format!("{coro_name}()"));
    let line = vm.current_line();
    vm.recorder.record(
        vm.now,
        line,
        EventKind::TaskCreated {
            task: tid,
            future: fid,
            name: name_id,
            coro: coro_id,
        },
    );
    aio(vm).all_tasks.push(Rc::downgrade(&task));
    count_live_tasks(vm);
    schedule_step(vm, loop_id, &task, None);
    task
}

/// Drops the dead tasks from `all_tasks` once it has grown by a quarter (so the
/// count costs O(1) per task), and stops the run (it is halted: the caller's next
/// check ends it) when more than [`crate::Limits::max_live_tasks`] are alive: a
/// task that creates tasks without end would otherwise exhaust memory.
fn count_live_tasks(vm: &mut Vm) {
    let st = aio(vm);
    if st.all_tasks.len() < st.prune_tasks_at {
        return;
    }
    st.all_tasks.retain(|w| w.strong_count() > 0);
    let live = st.all_tasks.len();
    st.prune_tasks_at = live + (live / 4).max(1024);
    if live > vm.limits.max_live_tasks && vm.halted.is_none() {
        let line = vm.current_line();
        vm.halted = Some(Stop::new(Halt::TaskLimit, format!(
            "task limit reached: more than {} tasks alive at once: does a task create tasks without end near line {line}?",
            vm.limits.max_live_tasks
        )).at(line));
    }
}

/// `self._loop.call_soon(self.__step, exc)`: the task's next step, queued as a handle.
fn schedule_step(vm: &mut Vm, loop_id: u32, task: &Rc<AsyncObject>, exc: Option<ExcRef>) {
    call_soon(
        vm,
        loop_id,
        Callback::TaskStep {
            task: task.clone(),
            exc,
        },
    );
}

/// `task._log_destroy_pending = False`.
pub fn quiet_destroy_pending(task: &Rc<AsyncObject>) {
    if let Some(tp) = task_part(task) {
        tp.log_destroy_pending.set(false);
    }
}

/// Whether `task` is still pending at exit and dies then, so that
/// `Task.__del__` reports it: its loop was closed (which dropped what it had
/// scheduled), or is a loop the event-loop policy does not hold (which dies
/// with the program's variables). The policy's loop outlives the program's
/// objects in CPython, and its tasks are never reported.
pub fn dies_pending_at_exit(vm: &mut Vm, task: &Rc<AsyncObject>) -> bool {
    let (Some(f), Some(tp)) = (task.as_future(), task_part(task)) else {
        return false;
    };
    if f.done() || !tp.log_destroy_pending.get() {
        return false;
    }
    let st = aio(vm);
    let dies = st.loops[f.loop_id as usize].closed || st.current_loop != Some(f.loop_id);
    if dies {
        tp.log_destroy_pending.set(false);
    }
    dies
}

/// Tasks still alive, in creation order (CPython iterates a WeakSet here;
/// Loopscope documents creation order instead).
pub fn live_tasks(vm: &mut Vm) -> Vec<Rc<AsyncObject>> {
    let st = aio(vm);
    st.all_tasks.retain(|w| w.strong_count() > 0);
    st.all_tasks.iter().filter_map(|w| w.upgrade()).collect()
}

/// `Task.__step(exc)`.
pub fn step(vm: &mut Vm, task: &Rc<AsyncObject>, exc: Option<ExcRef>) {
    let Some(f) = task.as_future() else { return };
    let Some(tp) = &f.task else { return };
    if f.done() {
        let e = Exception::new(
            TypeId::InvalidStateError,
            vec![Value::string(format!(
                "_step(): already done: {}",
                super::repr_async(task)
            ))],
        );
        super::base_events::report_exception(vm, "Exception in callback Task.__step()", &e);
        return;
    }
    let mut exc = exc;
    if tp.must_cancel.get() {
        if !exc.as_ref().is_some_and(|e| e.is(TypeId::CancelledError)) {
            exc = Some(futures::make_cancelled_error(task));
        }
        tp.must_cancel.set(false);
    }
    *tp.fut_waiter.borrow_mut() = None;
    let previous = aio(vm).current_task.replace(task.clone());
    let line = tp.resume_line.get();
    vm.recorder.record(
        vm.now,
        line,
        EventKind::TaskResumed {
            task: tp.id,
            stack: tp.resume_stack.get(),
        },
    );
    let input = match exc {
        None => Resume::Value(Value::None),
        Some(e) => Resume::Throw(e),
    };
    let coro = tp.coro.clone();
    // Sending into the coroutine is one more level of recursion in CPython.
    vm.library_depth += 1;
    let outer = crate::modules::contextvars::enter(vm, tp.context.clone());
    let outcome = vm.resume(&coro, input);
    crate::modules::contextvars::enter(vm, outer);
    vm.library_depth -= 1;
    let line = vm.last_line;
    match outcome {
        GenOutcome::Returned(v) => {
            if tp.must_cancel.get() {
                tp.must_cancel.set(false);
                let msg = f.cancel_message.borrow().clone();
                futures::cancel(vm, task, msg);
                vm.recorder
                    .record(vm.now, line, EventKind::TaskCancelled { task: tp.id });
            } else {
                let text = intern_trace_repr(vm, &v);
                vm.recorder.record(
                    vm.now,
                    line,
                    EventKind::TaskDone {
                        task: tp.id,
                        result: text,
                    },
                );
                futures::set_result(vm, task, v);
            }
        }
        GenOutcome::Raised(e) => {
            if e.is(TypeId::CancelledError) {
                *f.cancelled_exc.borrow_mut() = Some(e);
                vm.recorder
                    .record(vm.now, line, EventKind::TaskCancelled { task: tp.id });
                futures::cancel(vm, task, Value::None);
            } else {
                let text = crate::repr::repr_value(&Value::Exception(e.clone()));
                let text = vm.recorder.intern(&text);
                vm.recorder.record(
                    vm.now,
                    line,
                    EventKind::TaskFailed {
                        task: tp.id,
                        error: text,
                    },
                );
                let _ = futures::set_exception(vm, task, e.clone());
                if super::stops_the_program(&e) {
                    aio(vm).escaping = Some(e);
                }
            }
        }
        GenOutcome::Yielded(v) => handle_yield(vm, task, tp, v),
    }
    aio(vm).current_task = previous;
}

/// What to do with the value the coroutine yielded (the `else:` branch of
/// `__step`).
fn handle_yield(vm: &mut Vm, task: &Rc<AsyncObject>, tp: &TaskPart, v: Value) {
    let line = vm.last_line;
    // Where the innermost coroutine stopped is where the task resumes.
    tp.resume_line.set(line);
    let stack = vm.await_chains.intern(&mut vm.recorder, &tp.coro);
    tp.resume_stack.set(stack);
    match (as_future(&v), &v) {
        (Some(obj), _) => {
            let obj = &obj;
            let waited = obj.as_future().expect("future");
            if task
                .as_future()
                .is_some_and(|f| f.loop_id != waited.loop_id)
            {
                let e = runtime_error(format!(
                    "Task {} got Future {} attached to a different loop",
                    super::repr_async(task),
                    super::repr_async(obj)
                ));
                yield_for_one_iteration(vm, task, tp, stack, Some(e));
                return;
            }
            if waited.blocking.get() {
                if Rc::ptr_eq(obj, task) {
                    let e = runtime_error(format!(
                        "Task cannot await on itself: {}",
                        super::repr_async(task)
                    ));
                    yield_for_one_iteration(vm, task, tp, stack, Some(e));
                    return;
                }
                waited.blocking.set(false);
                futures::add_done_callback(
                    vm,
                    obj,
                    Callback::TaskWakeup {
                        task: task.clone(),
                        future: None,
                    },
                );
                *tp.fut_waiter.borrow_mut() = Some(obj.clone());
                let wait = match task_part(obj) {
                    Some(other) => Wait::Task { task: other.id },
                    None => Wait::Future { future: waited.id },
                };
                vm.recorder.record(
                    vm.now,
                    line,
                    EventKind::TaskSuspended {
                        task: tp.id,
                        wait,
                        stack,
                    },
                );
                if tp.must_cancel.get() {
                    let msg = task.as_future().map(|f| f.cancel_message.borrow().clone());
                    match cancel_any(vm, obj, msg.unwrap_or(Value::None)) {
                        Ok(true) => tp.must_cancel.set(false),
                        Ok(false) => {}
                        // CPython's step returns with the error, which the loop reports;
                        // the task stays suspended on what it awaits.
                        Err(e) => super::base_events::report_exception(
                            vm,
                            "Exception in callback Task.__step()",
                            &e,
                        ),
                    }
                }
            } else {
                let e = runtime_error(format!(
                    "yield was used instead of yield from in task {} with {}",
                    super::repr_async(task),
                    super::repr_async(obj)
                ));
                yield_for_one_iteration(vm, task, tp, stack, Some(e));
            }
        }
        (None, Value::None) => yield_for_one_iteration(vm, task, tp, stack, None),
        (None, other) => {
            let msg = match other {
                Value::Generator(g) if g.is_sync_gen() => format!(
                    "yield was used instead of yield from for generator in task {} with {}",
                    super::repr_async(task),
                    g.repr()
                ),
                _ => format!("Task got bad yield: {}", crate::repr::repr_value(other)),
            };
            yield_for_one_iteration(vm, task, tp, stack, Some(runtime_error(msg)));
        }
    }
}

/// The task gives the loop one iteration and then steps again, throwing `error` in if
/// there is one (a bare `yield`, or a yield `__step` refuses). The trace says the task
/// yielded, so it is not shown running while its next step waits in the ready queue.
fn yield_for_one_iteration(
    vm: &mut Vm,
    task: &Rc<AsyncObject>,
    tp: &TaskPart,
    stack: StrId,
    error: Option<ExcRef>,
) {
    let loop_id = task.as_future().map_or(0, |f| f.loop_id);
    vm.recorder.record(
        vm.now,
        vm.last_line,
        EventKind::TaskSuspended {
            task: tp.id,
            wait: Wait::Yield,
            stack,
        },
    );
    schedule_step(vm, loop_id, task, error);
}

/// `Task.__wakeup(future)`.
pub fn wakeup(vm: &mut Vm, task: &Rc<AsyncObject>, fut: &Rc<AsyncObject>) {
    match futures::result(fut) {
        Ok(_) => step(vm, task, None),
        Err(e) => step(vm, task, Some(e)),
    }
}

/// `Task.cancel(msg)`. Cancelling a task cancels what it waits on, so two tasks
/// waiting on each other recurse until RecursionError, as CPython's C tasks do
/// (each `cancel` a method call "while calling a Python object").
pub fn cancel(vm: &mut Vm, task: &Rc<AsyncObject>, msg: Value) -> PyResult<bool> {
    let Some(f) = task.as_future() else {
        return Ok(false);
    };
    let Some(tp) = &f.task else {
        return Ok(futures::cancel(vm, task, msg));
    };
    f.log_traceback.set(false);
    if f.done() {
        return Ok(false);
    }
    tp.num_cancels_requested
        .set(tp.num_cancels_requested.get() + 1);
    let waiter = tp.fut_waiter.borrow().clone();
    if let Some(w) = waiter {
        if vm.recursing(crate::vm::WHILE_CALLING, |vm| {
            cancel_any(vm, &w, msg.clone())
        })? {
            return Ok(true);
        }
    }
    tp.must_cancel.set(true);
    *f.cancel_message.borrow_mut() = msg;
    Ok(true)
}

/// `obj.cancel(msg)` with the right override: Task, gathering future or Future.
pub fn cancel_any(vm: &mut Vm, obj: &Rc<AsyncObject>, msg: Value) -> PyResult<bool> {
    if task_part(obj).is_some() {
        return cancel(vm, obj, msg);
    }
    if obj.as_future().is_some_and(|f| f.is_gathering.get()) {
        return super::gather::cancel(vm, obj, msg);
    }
    Ok(futures::cancel(vm, obj, msg))
}

/// [`cancel_any`] called by the loop's own machinery (a timeout expiring, a task
/// group aborting): an error of the cancel goes to the loop's exception handler,
/// as an exception of the callback that made the call does in CPython.
pub fn cancel_from_callback(vm: &mut Vm, obj: &Rc<AsyncObject>, msg: Value) {
    if let Err(e) = cancel_any(vm, obj, msg) {
        super::base_events::report_exception(vm, "Exception in callback Task.cancel()", &e);
    }
}

// ----- the module's task functions and the methods of Task objects -----

/// A method only tasks have (the others are a future's: `futures::method`).
pub(super) fn method(name: &str) -> Option<(&'static str, NativeFn)> {
    match name {
        "get_name" => Some(("get_name", m_get_name)),
        "set_name" => Some(("set_name", m_set_name)),
        "get_coro" => Some(("get_coro", m_get_coro)),
        "cancelling" => Some(("cancelling", m_cancelling)),
        "uncancel" => Some(("uncancel", m_uncancel)),
        "get_stack" => Some(("get_stack", super::base_tasks::get_stack)),
        "print_stack" => Some(("print_stack", super::base_tasks::print_stack)),
        _ => None,
    }
}

/// `asyncio.sleep(delay, result=None)`.
pub(super) fn sleep(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let (delay, result) = if args.kw.is_empty() && args.pos.len() == 1 {
        // `sleep(delay)`, the usual call: nothing to check.
        (args.pos.pop().unwrap_or(Value::None), Value::None)
    } else {
        let mut bound = bind("sleep", args, &["delay", "result"], &[], 1)?.into_iter();
        let delay = bound.next().flatten().unwrap_or(Value::None);
        (delay, bound.next().flatten().unwrap_or(Value::None))
    };
    let coro = match delay {
        Value::Float(_) | Value::Int(_) => sleep_state(vm, delay, result)?,
        // Any other delay is compared and converted in the coroutine's first
        // step, where CPython's `async def sleep` does it: `sleep("x")` makes a
        // coroutine, and awaiting it raises.
        _ => NativeCoro::SleepUnchecked { delay, result },
    };
    Ok(Value::Generator(super::native_coro::coroutine(
        "sleep", "sleep", coro,
    )))
}

/// What `sleep(delay, result)` does: `if delay <= 0: await __sleep0()`, else a
/// timer's future.
pub(super) fn sleep_state(vm: &mut Vm, delay: Value, result: Value) -> PyResult<NativeCoro> {
    // `if delay <= 0`: the comparison itself for the usual float or int delay.
    let le_zero = match delay {
        Value::Float(x) => x <= 0.0,
        Value::Int(n) => n <= 0,
        _ => {
            let le_zero = crate::ops::compare_op(
                vm,
                loopscope_syntax::ast::CmpOp::LtE,
                &delay,
                &Value::Int(0),
            )?;
            truthy(vm, &le_zero)?
        }
    };
    Ok(if le_zero {
        NativeCoro::Sleep0 {
            result,
            started: false,
        }
    } else {
        // `call_later`'s `self.time() + delay`, with its TypeError for a delay
        // that is no number.
        let delay = match delay {
            Value::Float(_) | Value::Int(_) => delay,
            other => {
                let when = crate::ops::binary_op(
                    vm,
                    loopscope_syntax::ast::BinOp::Add,
                    &Value::Float(vm.now),
                    &other,
                )?;
                Value::Float(to_float(&when)? - vm.now)
            }
        };
        NativeCoro::Sleep {
            delay: to_float(&delay)?,
            result,
            waiting: None,
        }
    })
}

pub(super) fn name_arg(vm: &mut Vm, args: &Args) -> PyResult<Option<String>> {
    match args.kw.iter().find(|(k, _)| &**k == "name") {
        Some((_, Value::None)) | None => Ok(None),
        Some((_, v)) => Ok(Some(crate::repr::str_of(vm, v)?)),
    }
}

/// `asyncio.create_task(coro, *, name=None, context=None)`: the running
/// loop's `create_task` (`loop=`, which 3.10 removed, is an error). When it
/// fails, its frame in the traceback holds `coro`.
pub(super) fn create_task_fn(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let held = args.pos.to_vec();
    super::holding(create_task_on_running_loop(vm, args), || held)
}

fn create_task_on_running_loop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let bound = bind("create_task", args, &["coro"], &["name", "context"], 1)?;
    let loop_id = running_loop(vm)?;
    let mut bound = bound.into_iter();
    let coro = bound.next().flatten().unwrap_or(Value::None);
    let kw: Vec<(Rc<PyStr>, Value)> = ["name", "context"]
        .into_iter()
        .zip(bound)
        .filter_map(|(k, v)| Some((PyStr::rc(k), v?)))
        .collect();
    let the_loop = super::events::loop_value(vm, loop_id);
    let with_context = kw
        .iter()
        .any(|(k, v)| &**k == "context" && !matches!(v, Value::None));
    let task = super::base_events::l_create_task(
        vm,
        &the_loop,
        Args {
            pos: smallvec::smallvec![coro],
            kw,
        },
    )?;
    if let Some(t) = as_future(&task) {
        // `task = loop.create_task(coro)`, or with `context=context` two lines down.
        let line = if with_context { 386 } else { 384 };
        super::debug::add_site(
            &t,
            super::debug::site("tasks.py", line, "create_task"),
            false,
        );
    }
    Ok(task)
}

/// A task of `coro` (the first argument) named by `name=` on loop `loop_id`.
fn new_task(vm: &mut Vm, loop_id: u32, args: Args) -> PyResult<Value> {
    let coro = arg(&args, 0, "coro").unwrap_or(Value::None);
    let name = name_arg(vm, &args)?;
    match super::task_coroutine(&coro) {
        Some(g) => {
            let task = create_task(vm, loop_id, g, name);
            vm.unless_halted()?;
            Ok(Value::Native(task))
        }
        None => Err(type_error(format!(
            "a coroutine was expected, got {}",
            crate::repr::repr(vm, &coro)?
        ))),
    }
}

/// `asyncio.ensure_future(coro_or_future, *, loop=None)`.
pub(super) fn ensure_future(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let a = arg(&args, 0, "coro_or_future").unwrap_or(Value::None);
    let given_loop = args.kw.iter().find(|(k, _)| &**k == "loop");
    if let Some((_, event_loop)) = given_loop.filter(|(_, v)| !matches!(v, Value::None)) {
        let loop_id = super::base_events::loop_of(event_loop)?;
        return super::ensure_future_on(vm, loop_id, &a).map(|o| Value::Native(o));
    }
    let loop_id = aio(vm)
        .running_loop
        .or(aio(vm).current_loop)
        .ok_or_else(|| runtime_error("no running event loop"))?;
    super::ensure_future(vm, loop_id, &a).map(|o| Value::Native(o))
}

pub(super) fn current_task(vm: &mut Vm, _: &Value, _args: Args) -> PyResult<Value> {
    running_loop(vm)?;
    Ok(aio(vm)
        .current_task
        .clone()
        .map(|o| Value::Native(o))
        .unwrap_or(Value::None))
}

/// `asyncio.all_tasks(loop=None)`: the running loop's unfinished tasks, or,
/// given a loop, that loop's even when it is not running.
pub(super) fn all_tasks(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let loop_id = match arg(&args, 0, "loop") {
        None | Some(Value::None) => running_loop(vm)?,
        Some(given) => match as_async(&given).as_deref() {
            Some(AsyncObject::Loop(id)) => *id,
            _ => running_loop(vm)?,
        },
    };
    let mut set = crate::object::dict::PySet::new();
    for t in live_tasks(vm) {
        if t.as_future()
            .is_some_and(|f| !f.done() && f.loop_id == loop_id)
        {
            set.add(Value::Native(t))?;
        }
    }
    Ok(Value::set(set))
}

/// `asyncio.Task(coro, *, loop=None, name=None, context=None)`: scheduled
/// on the given loop, else `get_event_loop()`'s (made at module level if
/// need be), with the C constructor's argument errors.
pub(super) fn construct_task(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() > 1 {
        return Err(type_error(format!(
            "Task() takes exactly 1 positional argument ({} given)",
            args.pos.len()
        )));
    }
    let keywords = ["coro", "loop", "name", "context"];
    if let Some((k, _)) = args
        .kw
        .iter()
        .find(|(k, _)| !keywords.contains(&k.as_str()))
    {
        return Err(type_error(format!(
            "'{k}' is an invalid keyword argument for Task()"
        )));
    }
    if args.pos.is_empty() && arg(&args, 0, "coro").is_none() {
        return Err(type_error(
            "Task() missing required argument 'coro' (pos 1)",
        ));
    }
    let given = args.kw.iter().find(|(k, _)| &**k == "loop");
    let loop_id = match given.and_then(|(_, v)| as_async(v)).as_deref() {
        Some(AsyncObject::Loop(id)) => *id,
        _ => super::events::event_loop_id(vm)?,
    };
    new_task(vm, loop_id, args)
}

fn m_get_name(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    let tp = task_part(&o).ok_or_else(|| type_error("not a task"))?;
    let name = tp.name.borrow().clone();
    Ok(Value::Str(name))
}

fn m_set_name(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    let v = arg(&a, 0, "value").unwrap_or(Value::None);
    let s = crate::repr::str_of(vm, &v)?;
    let tp = task_part(&o).ok_or_else(|| type_error("not a task"))?;
    *tp.name.borrow_mut() = PyStr::rc(s.as_str());
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
    let tp = task_part(&o).ok_or_else(|| type_error("not a task"))?;
    Ok(Value::Generator(tp.coro.clone()))
}

fn m_cancelling(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    let tp = task_part(&o).ok_or_else(|| type_error("not a task"))?;
    Ok(Value::Int(tp.num_cancels_requested.get() as i64))
}

fn m_uncancel(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    let tp = task_part(&o).ok_or_else(|| type_error("not a task"))?;
    let n = tp.num_cancels_requested.get().saturating_sub(1);
    tp.num_cancels_requested.set(n);
    Ok(Value::Int(n as i64))
}

/// Who waits on what, for the deadlock message.
pub(super) fn deadlock_report(vm: &mut Vm) -> String {
    let mut lines = vec![
        "deadlock: no task can make progress (nothing is ready and no timer is pending)"
            .to_string(),
    ];
    for t in live_tasks(vm) {
        let Some(f) = t.as_future() else { continue };
        if f.done() {
            continue;
        }
        let Some(tp) = &f.task else { continue };
        let waits = match &*tp.fut_waiter.borrow() {
            Some(w) => super::describe_awaitable(w),
            None => "nothing (ready)".to_string(),
        };
        lines.push(format!(
            "  {} ({}) is waiting on {}",
            tp.name.borrow(),
            tp.coro.qualname,
            waits
        ));
    }
    lines.join("\n")
}
