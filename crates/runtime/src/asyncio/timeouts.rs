//! `asyncio.timeout(delay)`, `asyncio.timeout_at(when)` and the `Timeout`
//! asynchronous context manager, ported from CPython 3.11.7's timeouts.py.
//!
//! At the deadline `_on_timeout` cancels the task; `__aexit__` turns that
//! CancelledError into TimeoutError when no other cancellation is pending
//! (`uncancel() <= cancelling`, 3.11.7's rule).

use std::cell::RefCell;
use std::rc::Rc;

use loopscope_syntax::ast::{BinOp, CmpOp};

use crate::object::exceptions::{exc_empty, runtime_error};
use crate::object::types::{TypeId, TypeRef};
use crate::object::value::{Args, NativeFn, PyResult, Value};
use crate::vm::{GenOutcome, Resume, Vm};

use super::api::bind;
use super::base_events::{call_at, call_soon, cancel_handle};
use super::callbacks::Callback;
use super::events::running_loop as get_running_loop;
use super::native_coro::NativeCoro;
use super::objects::{as_async, AsyncObject, Handle};
use super::wait_for::timeout_error_from;
use super::{aio, tasks};

/// timeouts.py's `_State`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TimeoutPhase {
    Created,
    Entered,
    Expiring,
    Expired,
    Exited,
}

impl TimeoutPhase {
    /// The enum member's value, as repr and messages show it.
    fn value(self) -> &'static str {
        match self {
            TimeoutPhase::Created => "created",
            TimeoutPhase::Entered => "active",
            TimeoutPhase::Expiring => "expiring",
            TimeoutPhase::Expired => "expired",
            TimeoutPhase::Exited => "finished",
        }
    }
}

/// A `Timeout`'s attributes.
pub struct TimeoutState {
    pub state: TimeoutPhase,
    pub timeout_handler: Option<Rc<Handle>>,
    pub task: Option<Rc<AsyncObject>>,
    /// `_when`: a loop time (any real number) or None.
    pub when: Value,
    /// `_cancelling`: the task's `cancelling()` when the block was entered.
    pub cancelling: u32,
}

/// `Timeout(when)`.
pub fn new_timeout(when: Value) -> Rc<AsyncObject> {
    super::gc_edges::new(AsyncObject::Timeout(RefCell::new(TimeoutState {
        state: TimeoutPhase::Created,
        timeout_handler: None,
        task: None,
        when,
        cancelling: 0,
    })))
}

fn state(cm: &AsyncObject) -> &RefCell<TimeoutState> {
    match cm {
        AsyncObject::Timeout(t) => t,
        _ => unreachable!("not a Timeout"),
    }
}

/// `Timeout.reschedule(when)`.
pub fn reschedule(vm: &mut Vm, cm: &Rc<AsyncObject>, when: Value) -> PyResult<()> {
    let phase = state(cm).borrow().state;
    if phase != TimeoutPhase::Entered {
        if phase == TimeoutPhase::Created {
            return Err(runtime_error("Timeout has not been entered"));
        }
        return Err(runtime_error(format!(
            "Cannot change state of {} Timeout",
            phase.value()
        )));
    }
    let old = {
        let mut st = state(cm).borrow_mut();
        st.when = when.clone();
        st.timeout_handler.take()
    };
    if let Some(h) = old {
        cancel_handle(vm, &h);
    }
    if when.is_none() {
        return Ok(());
    }
    let loop_id = get_running_loop(vm)?;
    let past = crate::ops::compare_op(vm, CmpOp::LtE, &when, &Value::Float(vm.now))?;
    let callback = Callback::TimeoutFired { cm: cm.clone() };
    let handle = if crate::ops::truthy(vm, &past)? {
        call_soon(vm, loop_id, callback)
    } else {
        let at = crate::ops::to_float(&when)?;
        call_at(vm, loop_id, at, callback)
    };
    state(cm).borrow_mut().timeout_handler = Some(handle);
    Ok(())
}

/// `Timeout._on_timeout()`.
pub fn on_timeout(vm: &mut Vm, cm: &Rc<AsyncObject>) {
    let task = state(cm).borrow().task.clone();
    if let Some(t) = task {
        tasks::cancel_from_callback(vm, &t, Value::None);
    }
    let mut st = state(cm).borrow_mut();
    st.state = TimeoutPhase::Expiring;
    // drop the reference early
    st.timeout_handler = None;
}

/// `Timeout.__repr__()`: `<Timeout [active] when=1.5>`.
pub fn repr(cm: &AsyncObject) -> String {
    let st = state(cm).borrow();
    let mut info = String::new();
    if st.state == TimeoutPhase::Entered {
        let when = match &st.when {
            Value::Float(f) => loopscope_cpython::float_repr::round_float(*f, 3)
                .map(|r| crate::repr::repr_value(&Value::Float(r)))
                .unwrap_or_else(|_| crate::repr::repr_value(&Value::Float(*f))),
            other => crate::repr::repr_value(other),
        };
        info = format!(" when={when}");
    }
    format!("<Timeout [{}]{info}>", st.state.value())
}

/// `__aenter__` and `__aexit__`, which finish without suspending.
pub enum TimeoutCoro {
    Enter {
        cm: Rc<AsyncObject>,
    },
    Exit {
        cm: Rc<AsyncObject>,
        exc_type: Value,
        exc_val: Value,
    },
}

impl TimeoutCoro {
    pub fn step(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome {
        if let Resume::Throw(e) = input {
            return GenOutcome::Raised(e);
        }
        let r = match self {
            TimeoutCoro::Enter { cm } => aenter(vm, cm),
            TimeoutCoro::Exit {
                cm,
                exc_type,
                exc_val,
            } => aexit(vm, cm, exc_type, exc_val),
        };
        match r {
            Ok(v) => GenOutcome::Returned(v),
            Err(e) => GenOutcome::Raised(e),
        }
    }
}

/// `Timeout.__aenter__()`.
fn aenter(vm: &mut Vm, cm: &Rc<AsyncObject>) -> PyResult<Value> {
    if state(cm).borrow().state != TimeoutPhase::Created {
        return Err(runtime_error("Timeout has already been entered"));
    }
    // tasks.current_task()
    get_running_loop(vm)?;
    let Some(task) = aio(vm).current_task.clone() else {
        return Err(runtime_error("Timeout should be used inside a task"));
    };
    let cancelling = tasks::task_part(&task)
        .map(|t| t.num_cancels_requested.get())
        .unwrap_or(0);
    let when = {
        let mut st = state(cm).borrow_mut();
        st.state = TimeoutPhase::Entered;
        st.task = Some(task);
        st.cancelling = cancelling;
        st.when.clone()
    };
    reschedule(vm, cm, when)?;
    Ok(Value::Native(cm.clone()))
}

/// `Timeout.__aexit__(exc_type, exc_val, exc_tb)`.
fn aexit(vm: &mut Vm, cm: &Rc<AsyncObject>, exc_type: &Value, exc_val: &Value) -> PyResult<Value> {
    let phase = state(cm).borrow().state;
    if !matches!(phase, TimeoutPhase::Entered | TimeoutPhase::Expiring) {
        return Err(exc_empty(TypeId::AssertionError));
    }
    let handler = state(cm).borrow_mut().timeout_handler.take();
    if let Some(h) = handler {
        cancel_handle(vm, &h);
    }
    if phase == TimeoutPhase::Expiring {
        let (task, cancelling) = {
            let mut st = state(cm).borrow_mut();
            st.state = TimeoutPhase::Expired;
            (st.task.clone(), st.cancelling)
        };
        // self._task.uncancel()
        let remaining = task.as_ref().and_then(tasks::task_part).map(|t| {
            let n = t.num_cancels_requested.get().saturating_sub(1);
            t.num_cancels_requested.set(n);
            n
        });
        if remaining.unwrap_or(0) <= cancelling
            && matches!(
                exc_type,
                Value::Type(TypeRef::Builtin(TypeId::CancelledError))
            )
        {
            // Since there are no new cancel requests, we're handling this.
            let cause = match exc_val {
                Value::Exception(e) => Some(e.clone()),
                _ => None,
            };
            return Err(timeout_error_from(cause));
        }
    } else {
        state(cm).borrow_mut().state = TimeoutPhase::Exited;
    }
    Ok(Value::None)
}

// ----- the module functions and methods -----

/// `asyncio.timeout(delay)`.
pub fn timeout(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let delay = bind("timeout", args, &["delay"], &[], 1)?
        .into_iter()
        .next()
        .flatten()
        .unwrap_or(Value::None);
    get_running_loop(vm)?;
    let when = if delay.is_none() {
        Value::None
    } else {
        crate::ops::binary_op(vm, BinOp::Add, &Value::Float(vm.now), &delay)?
    };
    Ok(Value::Native(new_timeout(when)))
}

/// `asyncio.timeout_at(when)`.
pub fn timeout_at(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let when = bind("timeout_at", args, &["when"], &[], 1)?
        .into_iter()
        .next()
        .flatten()
        .unwrap_or(Value::None);
    Ok(Value::Native(new_timeout(when)))
}

/// `asyncio.Timeout(when)`.
pub fn construct(args: Args) -> PyResult<Value> {
    let when = bind(
        "Timeout.__init__",
        with_self(&Value::None, args),
        &["self", "when"],
        &[],
        2,
    )?
    .pop()
    .flatten()
    .unwrap_or(Value::None);
    Ok(Value::Native(new_timeout(when)))
}

fn receiver(r: &Value) -> Rc<AsyncObject> {
    as_async(r).expect("Timeout methods are bound to a Timeout")
}

/// The arguments of a method call with `self` first, for [`bind`].
pub(super) fn with_self(r: &Value, mut args: Args) -> Args {
    args.pos.insert(0, r.clone());
    args
}

fn m_when(_vm: &mut Vm, r: &Value, args: Args) -> PyResult<Value> {
    bind("Timeout.when", with_self(r, args), &["self"], &[], 1)?;
    Ok(state(&receiver(r)).borrow().when.clone())
}

fn m_reschedule(vm: &mut Vm, r: &Value, args: Args) -> PyResult<Value> {
    let when = bind(
        "Timeout.reschedule",
        with_self(r, args),
        &["self", "when"],
        &[],
        2,
    )?
    .pop()
    .flatten()
    .unwrap_or(Value::None);
    reschedule(vm, &receiver(r), when)?;
    Ok(Value::None)
}

fn m_expired(_vm: &mut Vm, r: &Value, args: Args) -> PyResult<Value> {
    bind("Timeout.expired", with_self(r, args), &["self"], &[], 1)?;
    let phase = state(&receiver(r)).borrow().state;
    Ok(Value::Bool(matches!(
        phase,
        TimeoutPhase::Expiring | TimeoutPhase::Expired
    )))
}

fn m_aenter(_vm: &mut Vm, r: &Value, args: Args) -> PyResult<Value> {
    bind("Timeout.__aenter__", with_self(r, args), &["self"], &[], 1)?;
    let coro = TimeoutCoro::Enter { cm: receiver(r) };
    Ok(Value::Generator(super::native_coro::coroutine(
        "__aenter__",
        "Timeout.__aenter__",
        NativeCoro::Timeout(coro),
    )))
}

fn m_aexit(_vm: &mut Vm, r: &Value, args: Args) -> PyResult<Value> {
    let params = ["self", "exc_type", "exc_val", "exc_tb"];
    let mut a = bind("Timeout.__aexit__", with_self(r, args), &params, &[], 4)?
        .into_iter()
        .skip(1);
    let exc_type = a.next().flatten().unwrap_or(Value::None);
    let exc_val = a.next().flatten().unwrap_or(Value::None);
    let coro = TimeoutCoro::Exit {
        cm: receiver(r),
        exc_type,
        exc_val,
    };
    Ok(Value::Generator(super::native_coro::coroutine(
        "__aexit__",
        "Timeout.__aexit__",
        NativeCoro::Timeout(coro),
    )))
}

/// A `Timeout` method by name.
pub fn method(name: &str) -> Option<(&'static str, NativeFn)> {
    Some(match name {
        "when" => ("when", m_when),
        "reschedule" => ("reschedule", m_reschedule),
        "expired" => ("expired", m_expired),
        "__aenter__" => ("__aenter__", m_aenter),
        "__aexit__" => ("__aexit__", m_aexit),
        _ => return None,
    })
}
