//! Callbacks the loop can schedule, as data: each variant is one of the
//! functions CPython's asyncio passes to `call_soon`/`add_done_callback`.

use std::rc::Rc;

use crate::repr::repr_value;
use crate::trace;
use crate::value::{Args, ExcRef, Value};
use crate::vm::Vm;

use super::gather::GatherState;
use super::objects::AsyncObject;

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
    /// done-callbacks).
    Python { func: Value, args: Vec<Value> },
}

impl Callback {
    /// Bind the finished future as a done-callback's argument.
    pub fn with_future(&self, fut: &Rc<AsyncObject>) -> Callback {
        match self {
            Callback::TaskWakeup { task, .. } => Callback::TaskWakeup {
                task: task.clone(),
                future: Some(fut.clone()),
            },
            Callback::GatherChild { state, .. } => Callback::GatherChild {
                state: state.clone(),
                child: Some(fut.clone()),
            },
            Callback::RunUntilCompleteDone { .. } => Callback::RunUntilCompleteDone {
                future: Some(fut.clone()),
            },
            Callback::Python { func, args } => {
                let mut args = args.clone();
                args.push(Value::Async(fut.clone()));
                Callback::Python {
                    func: func.clone(),
                    args,
                }
            }
            other => other.clone(),
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
            _ => false,
        }
    }

    /// Describe for the trace.
    pub fn describe(&self, vm: &mut Vm) -> trace::Callback {
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
                label: vm.recorder.intern("_run_until_complete_cb"),
            },
            Callback::GatherChild { child, .. } => trace::Callback::FutureCallback {
                future: fid(child),
                label: vm.recorder.intern("gather._done_callback"),
            },
            Callback::Python { func, .. } => {
                let label = callable_name(func);
                trace::Callback::Call {
                    label: vm.recorder.intern(&label),
                }
            }
        }
    }

    /// Run it (the body of `Handle._run`).
    pub fn run(self, vm: &mut Vm) {
        match self {
            Callback::TaskStep { task, exc } => super::task::step(vm, &task, exc),
            Callback::TaskWakeup { task, future } => {
                if let Some(f) = future {
                    super::task::wakeup(vm, &task, &f)
                }
            }
            Callback::SetResultUnlessCancelled { future, value } => {
                if let Some(f) = future.as_future() {
                    if !f.done() {
                        super::future::set_result(vm, &future, value);
                    }
                }
            }
            Callback::RunUntilCompleteDone { .. } => super::event_loop::stop(vm),
            Callback::GatherChild { state, child } => {
                if let Some(c) = child {
                    super::gather::child_done(vm, &state, &c)
                }
            }
            Callback::Python { func, args } => {
                if let Err(e) = vm.call(&func, Args::new(args.clone())) {
                    let source = callback_source(&func, &args);
                    let what = format!("Exception in callback {source}\nhandle: <Handle {source}>");
                    super::event_loop::report_exception(vm, &what, &e);
                }
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
        Value::Function(f) => f.qualname.to_string(),
        Value::Builtin(b) => b.name.to_string(),
        other => repr_value(other),
    }
}
