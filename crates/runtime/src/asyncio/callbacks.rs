//! Callbacks the loop can schedule, as data: each variant is one of the
//! functions CPython's asyncio passes to `call_soon`/`add_done_callback`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::dict::Dict;
use crate::object::value::{Args, ExcRef, Value};
use crate::repr::repr_value;
use crate::trace::{self, Recorder};
use crate::vm::Vm;

use super::as_completed::{self, AsCompletedState};
use super::events::run_logged;
use super::gather::GatherState;
use super::objects::AsyncObject;
use super::wait::{self, WaitState};
use super::{shield, wait_for};

/// The variables of a `contextvars.Context` a callback runs in.
pub type Context = Rc<RefCell<Dict>>;

#[derive(Clone)]
pub enum Callback {
    /// `Task.__step(exc)`.
    TaskStep {
        task: Rc<AsyncObject>,
        exc: Option<ExcRef>,
    },
    /// `Task.__wakeup(future)` — a done-callback; `future` is filled in when
    /// the future schedules its callbacks.
    TaskWakeup {
        task: Rc<AsyncObject>,
        future: Option<Rc<AsyncObject>>,
    },
    /// `futures._set_result_unless_cancelled(fut, result)` (sleep's timer).
    SetResultUnlessCancelled {
        future: Rc<AsyncObject>,
        value: Value,
    },
    /// `base_events._run_until_complete_cb`: stop the loop.
    RunUntilCompleteDone { future: Option<Rc<AsyncObject>> },
    /// gather's `_done_callback(fut)`.
    GatherChild {
        state: Rc<GatherState>,
        child: Option<Rc<AsyncObject>>,
    },
    /// A Python callable with its arguments (the future is appended for
    /// done-callbacks), run in `context`: the variables of the context it
    /// was scheduled from, copied then (`contextvars.copy_context()`), or of
    /// the `context=` it was given; `None` when that copy was empty.
    Python {
        func: Value,
        args: Vec<Value>,
        context: Option<Context>,
    },
    /// `_release_waiter(waiter, *args)`: a timer, or a done-callback
    /// (`functools.partial(_release_waiter, waiter)`, `future` bound).
    ReleaseWaiter {
        waiter: Rc<AsyncObject>,
        future: Option<Rc<AsyncObject>>,
    },
    /// `_wait`'s `_on_completion(f)`.
    WaitOnCompletion {
        state: Rc<WaitState>,
        future: Option<Rc<AsyncObject>>,
    },
    /// as_completed's `_on_completion(f)`.
    AsCompletedDone {
        state: Rc<AsCompletedState>,
        future: Option<Rc<AsyncObject>>,
    },
    /// as_completed's `_on_timeout()`.
    AsCompletedTimeout { state: Rc<AsCompletedState> },
    /// shield's `_inner_done_callback(inner)`: closes over `outer`.
    ShieldInnerDone {
        outer: Rc<AsyncObject>,
        inner: Option<Rc<AsyncObject>>,
    },
    /// shield's `_outer_done_callback(outer)`: closes over `inner`.
    ShieldOuterDone {
        inner: Rc<AsyncObject>,
        outer: Option<Rc<AsyncObject>>,
    },
    /// `Timeout._on_timeout()`.
    TimeoutFired { cm: Rc<AsyncObject> },
    /// `TaskGroup._on_task_done(task)`.
    TaskGroupTaskDone {
        group: Rc<AsyncObject>,
        task: Option<Rc<AsyncObject>>,
    },
    /// `loop._set_coroutine_origin_tracking(enabled)` (`set_debug` on a running loop).
    SetOriginTracking { loop_id: u32, enabled: bool },
}

impl Callback {
    /// Bind the finished future as a done-callback's argument.
    pub fn with_future(self, fut: &Rc<AsyncObject>) -> Callback {
        match self {
            Callback::TaskWakeup { task, .. } => Callback::TaskWakeup {
                task,
                future: Some(fut.clone()),
            },
            Callback::GatherChild { state, .. } => Callback::GatherChild {
                state,
                child: Some(fut.clone()),
            },
            Callback::RunUntilCompleteDone { .. } => Callback::RunUntilCompleteDone {
                future: Some(fut.clone()),
            },
            Callback::ReleaseWaiter { waiter, .. } => Callback::ReleaseWaiter {
                waiter,
                future: Some(fut.clone()),
            },
            Callback::WaitOnCompletion { state, .. } => Callback::WaitOnCompletion {
                state,
                future: Some(fut.clone()),
            },
            Callback::AsCompletedDone { state, .. } => Callback::AsCompletedDone {
                state,
                future: Some(fut.clone()),
            },
            Callback::ShieldInnerDone { outer, .. } => Callback::ShieldInnerDone {
                outer,
                inner: Some(fut.clone()),
            },
            Callback::ShieldOuterDone { inner, .. } => Callback::ShieldOuterDone {
                inner,
                outer: Some(fut.clone()),
            },
            Callback::TaskGroupTaskDone { group, .. } => Callback::TaskGroupTaskDone {
                group,
                task: Some(fut.clone()),
            },
            Callback::Python {
                func,
                args,
                context,
            } => {
                let mut args = args;
                args.push(Value::Native(fut.clone()));
                Callback::Python {
                    func,
                    args,
                    context,
                }
            }
            other => other,
        }
    }

    /// Is this the same done-callback (for `remove_done_callback`)?
    pub fn same_as(&self, other: &Callback) -> bool {
        match (self, other) {
            (Callback::RunUntilCompleteDone { .. }, Callback::RunUntilCompleteDone { .. }) => true,
            (Callback::Python { func: a, .. }, Callback::Python { func: b, .. }) => {
                a.is(b) || crate::ops::values_equal(a, b)
            }
            (Callback::TaskWakeup { task: a, .. }, Callback::TaskWakeup { task: b, .. }) => {
                Rc::ptr_eq(a, b)
            }
            // Each `functools.partial(_release_waiter, waiter)` is its own
            // object; its waiter tells them apart.
            (
                Callback::ReleaseWaiter { waiter: a, .. },
                Callback::ReleaseWaiter { waiter: b, .. },
            ) => Rc::ptr_eq(a, b),
            (
                Callback::WaitOnCompletion { state: a, .. },
                Callback::WaitOnCompletion { state: b, .. },
            ) => Rc::ptr_eq(a, b),
            (
                Callback::AsCompletedDone { state: a, .. },
                Callback::AsCompletedDone { state: b, .. },
            ) => Rc::ptr_eq(a, b),
            // One `_inner_done_callback` closure per shield() call.
            (
                Callback::ShieldInnerDone { outer: a, .. },
                Callback::ShieldInnerDone { outer: b, .. },
            ) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// Describe for the trace.
    pub fn describe(&self, recorder: &mut Recorder) -> trace::Callback {
        let fid = |f: &Option<Rc<AsyncObject>>| {
            f.as_ref()
                .and_then(|f| f.as_future().map(|f| f.id))
                .unwrap_or(0)
        };
        match self {
            Callback::TaskStep { task, .. } => trace::Callback::TaskStep {
                task: task_id(task),
            },
            Callback::TaskWakeup { task, future } => trace::Callback::TaskWakeup {
                task: task_id(task),
                future: fid(future),
            },
            Callback::SetResultUnlessCancelled { future, .. } => trace::Callback::SleepDone {
                future: future.as_future().map(|f| f.id).unwrap_or(0),
            },
            Callback::RunUntilCompleteDone { future } => trace::Callback::FutureCallback {
                future: fid(future),
                label: recorder.intern("_run_until_complete_cb"),
            },
            Callback::GatherChild { child, .. } => trace::Callback::FutureCallback {
                future: fid(child),
                label: recorder.intern("gather._done_callback"),
            },
            Callback::Python { func, .. } => {
                let label = callable_name(func);
                trace::Callback::Call {
                    label: recorder.intern(&label),
                }
            }
            Callback::ReleaseWaiter { future, .. } => match future {
                Some(_) => trace::Callback::FutureCallback {
                    future: fid(future),
                    label: recorder.intern("_release_waiter"),
                },
                None => trace::Callback::Internal {
                    label: recorder.intern("_release_waiter"),
                },
            },
            Callback::WaitOnCompletion { future, .. } => trace::Callback::FutureCallback {
                future: fid(future),
                label: recorder.intern("wait._on_completion"),
            },
            Callback::AsCompletedDone { future, .. } => trace::Callback::FutureCallback {
                future: fid(future),
                label: recorder.intern("as_completed._on_completion"),
            },
            Callback::AsCompletedTimeout { .. } => trace::Callback::Internal {
                label: recorder.intern("as_completed._on_timeout"),
            },
            Callback::ShieldInnerDone { inner, .. } => trace::Callback::FutureCallback {
                future: fid(inner),
                label: recorder.intern("shield._inner_done_callback"),
            },
            Callback::ShieldOuterDone { outer, .. } => trace::Callback::FutureCallback {
                future: fid(outer),
                label: recorder.intern("shield._outer_done_callback"),
            },
            Callback::TimeoutFired { .. } => trace::Callback::Internal {
                label: recorder.intern("Timeout._on_timeout"),
            },
            Callback::TaskGroupTaskDone { task, .. } => trace::Callback::FutureCallback {
                future: fid(task),
                label: recorder.intern("TaskGroup._on_task_done"),
            },
            Callback::SetOriginTracking { .. } => trace::Callback::Internal {
                label: recorder.intern("BaseEventLoop._set_coroutine_origin_tracking"),
            },
        }
    }

    /// Run it (the body of `Handle._run`).
    pub fn run(self, vm: &mut Vm) {
        match self {
            Callback::TaskStep { task, exc } => super::tasks::step(vm, &task, exc),
            Callback::TaskWakeup { task, future } => {
                if let Some(f) = future {
                    super::tasks::wakeup(vm, &task, &f)
                }
            }
            Callback::SetResultUnlessCancelled { future, value } => {
                if let Some(f) = future.as_future() {
                    if !f.done() {
                        super::futures::set_result(vm, &future, value);
                    }
                }
            }
            Callback::RunUntilCompleteDone { future } => {
                super::base_events::run_until_complete_done(vm, future.as_ref())
            }
            Callback::GatherChild { state, child } => {
                if let Some(c) = child {
                    super::gather::child_done(vm, &state, &c)
                }
            }
            Callback::Python {
                func,
                args,
                context: vars,
            } => {
                let entered = vars.clone().unwrap_or_default();
                let outer = crate::modules::contextvars::enter(vm, entered);
                let outcome = vm.call(&func, Args::new(args.clone()));
                crate::modules::contextvars::enter(vm, outer);
                if let Err(e) = outcome {
                    if super::stops_the_program(&e) {
                        super::aio(vm).escaping = Some(e);
                        return;
                    }
                    let message =
                        format!("Exception in callback {}", callback_source(&func, &args));
                    let mut context = vec![
                        ("message", Value::str(&message)),
                        ("exception", Value::Exception(e.clone())),
                    ];
                    // Handle._run's `self`, its callback still in place.
                    if let Some(h) = super::aio(vm).current_handle.clone() {
                        *h.callback.borrow_mut() = Some(Callback::Python {
                            func,
                            args,
                            context: vars,
                        });
                        let traceback = h.source_traceback.clone();
                        context.push(("handle", Value::Native(Rc::new(AsyncObject::Handle(h)))));
                        if let Some(traceback) = traceback {
                            let value = super::debug::traceback_value(vm, &traceback);
                            context.push(("source_traceback", value));
                        }
                    }
                    super::exception_handler::report_handling(vm, context, true, Some(e));
                }
            }
            Callback::ReleaseWaiter { waiter, .. } => wait_for::release_waiter(vm, &waiter),
            Callback::WaitOnCompletion { state, future } => {
                if let Some(f) = future {
                    wait::wait_on_completion(vm, &state, &f)
                }
            }
            Callback::AsCompletedDone { state, future } => {
                if let Some(f) = future {
                    let r = as_completed::as_completed_on_completion(vm, &state, &f);
                    run_logged(vm, "as_completed.<locals>._on_completion()", r);
                }
            }
            Callback::AsCompletedTimeout { state } => {
                let r = as_completed::as_completed_on_timeout(vm, &state);
                run_logged(vm, "as_completed.<locals>._on_timeout()", r);
            }
            Callback::ShieldInnerDone { outer, inner } => {
                if let Some(inner) = inner {
                    let r = shield::shield_inner_done(vm, &inner, &outer);
                    run_logged(vm, "shield.<locals>._inner_done_callback()", r);
                }
            }
            Callback::ShieldOuterDone { inner, outer } => {
                if let Some(outer) = outer {
                    shield::shield_outer_done(&inner, &outer)
                }
            }
            Callback::TimeoutFired { cm } => super::timeouts::on_timeout(vm, &cm),
            Callback::TaskGroupTaskDone { group, task } => {
                if let Some(t) = task {
                    super::taskgroups::on_task_done(vm, &group, &t)
                }
            }
            Callback::SetOriginTracking { loop_id, enabled } => {
                super::debug::set_origin_tracking(vm, loop_id, enabled)
            }
        }
    }
}

fn task_id(task: &Rc<AsyncObject>) -> u32 {
    task.as_future()
        .and_then(|f| f.task.as_ref().map(|t| t.id))
        .unwrap_or(0)
}

/// `events._format_callback_source`: `broken(0) at prog.py:5`.
fn callback_source(func: &Value, args: &[Value]) -> String {
    let call = format!(
        "{}({})",
        callable_name(func),
        args.iter().map(repr_value).collect::<Vec<_>>().join(", ")
    );
    match func {
        Value::Function(f) => format!("{call} at {}:{}", f.code.filename, f.code.first_line),
        _ => call,
    }
}

pub fn callable_name(func: &Value) -> String {
    match func {
        Value::Function(f) => f.qualname().to_string(),
        Value::Builtin(b) => b.name.to_string(),
        other => repr_value(other),
    }
}
