//! Tasks, ported from CPython's C `_asyncio.Task` (tasks.py's `__step` /
//! `__wakeup` / `cancel`): how a coroutine is driven by the loop, and how
//! what it yields decides what it waits on.

use std::rc::Rc;

use crate::object::exceptions::{runtime_error, Exception};
use crate::object::generator::Generator;
use crate::object::types::TypeId;
use crate::object::value::{ExcRef, Value};
use crate::trace::{EventKind, Wait};
use crate::vm::{GenOutcome, Resume, Vm};

use super::aio;
use super::callbacks::Callback;
use super::base_events::{call_soon, trace_repr};
use super::futures;
use super::objects::{as_future, AsyncObject, FutureObj, TaskPart};

pub fn task_part(obj: &Rc<AsyncObject>) -> Option<&TaskPart> {
    obj.as_future().and_then(|f| f.task.as_ref())
}

/// `loop.create_task(coro, name=name)`.
pub fn create_task(
    vm: &mut Vm,
    loop_id: u32,
    coro: Rc<Generator>,
    name: Option<String>,
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
    let task = Rc::new(AsyncObject::Future(FutureObj::new(
        fid,
        "Task",
        Some(TaskPart {
            id: tid,
            coro,
            name: std::cell::RefCell::new(Rc::from(name.as_str())),
            fut_waiter: std::cell::RefCell::new(None),
            must_cancel: std::cell::Cell::new(false),
            resume_line: std::cell::Cell::new(first_line),
            resume_stack: std::cell::Cell::new(first_stack),
            num_cancels_requested: std::cell::Cell::new(0),
            context: crate::modules::contextvars::copy_current(vm),
        }),
    )));
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
    schedule_step(vm, loop_id, &task, None);
    task
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
            vec![Value::str(&format!(
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
                let text = vm.recorder.intern(&trace_repr(&v));
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
                let _ = futures::set_exception(vm, task, e);
            }
        }
        GenOutcome::Yielded(v) => handle_yield(vm, task, tp, v),
    }
    aio(vm).current_task = previous;
}

/// What to do with the value the coroutine yielded (the `else:` branch of
/// `__step`).
fn handle_yield(vm: &mut Vm, task: &Rc<AsyncObject>, tp: &TaskPart, v: Value) {
    let loop_id = aio(vm).running_loop.unwrap_or(0);
    let line = vm.last_line;
    // Where the innermost coroutine stopped is where the task resumes.
    tp.resume_line.set(line);
    let stack = vm.await_chains.intern(&mut vm.recorder, &tp.coro);
    tp.resume_stack.set(stack);
    match (as_future(&v), &v) {
        (Some(obj), _) => {
            let obj = &obj;
            let waited = obj.as_future().expect("future");
            if waited.blocking.get() {
                if Rc::ptr_eq(obj, task) {
                    let e = runtime_error(format!(
                        "Task cannot await on itself: {}",
                        super::repr_async(task)
                    ));
                    schedule_step(vm, loop_id, task, Some(e));
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
                    if cancel_any(vm, obj, msg.unwrap_or(Value::None)) {
                        tp.must_cancel.set(false);
                    }
                }
            } else {
                let e = runtime_error(format!(
                    "yield was used instead of yield from in task {} with {}",
                    super::repr_async(task),
                    super::repr_async(obj)
                ));
                schedule_step(vm, loop_id, task, Some(e));
            }
        }
        (None, Value::None) => {
            vm.recorder.record(
                vm.now,
                line,
                EventKind::TaskSuspended {
                    task: tp.id,
                    wait: Wait::Yield,
                    stack,
                },
            );
            schedule_step(vm, loop_id, task, None);
        }
        (None, other) => {
            let msg = match other {
                Value::Generator(g) if g.is_sync_gen() => format!(
                    "yield was used instead of yield from for generator in task {} with {}",
                    super::repr_async(task),
                    g.repr()
                ),
                _ => format!("Task got bad yield: {}", crate::repr::repr_value(other)),
            };
            schedule_step(vm, loop_id, task, Some(runtime_error(msg)));
        }
    }
}

/// `Task.__wakeup(future)`.
pub fn wakeup(vm: &mut Vm, task: &Rc<AsyncObject>, fut: &Rc<AsyncObject>) {
    match futures::result(fut) {
        Ok(_) => step(vm, task, None),
        Err(e) => step(vm, task, Some(e)),
    }
}

/// `Task.cancel(msg)`.
pub fn cancel(vm: &mut Vm, task: &Rc<AsyncObject>, msg: Value) -> bool {
    let Some(f) = task.as_future() else {
        return false;
    };
    let Some(tp) = &f.task else {
        return futures::cancel(vm, task, msg);
    };
    f.log_traceback.set(false);
    if f.done() {
        return false;
    }
    tp.num_cancels_requested
        .set(tp.num_cancels_requested.get() + 1);
    let waiter = tp.fut_waiter.borrow().clone();
    if let Some(w) = waiter {
        if cancel_any(vm, &w, msg.clone()) {
            return true;
        }
    }
    tp.must_cancel.set(true);
    *f.cancel_message.borrow_mut() = msg;
    true
}

/// `obj.cancel(msg)` with the right override: Task, gathering future or Future.
pub fn cancel_any(vm: &mut Vm, obj: &Rc<AsyncObject>, msg: Value) -> bool {
    if task_part(obj).is_some() {
        return cancel(vm, obj, msg);
    }
    if obj.as_future().is_some_and(|f| f.is_gathering.get()) {
        return super::gather::cancel(vm, obj, msg);
    }
    futures::cancel(vm, obj, msg)
}
