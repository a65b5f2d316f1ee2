//! What tasks.py's waiting functions share: `wait_for` (`wait_for.rs`),
//! `wait` (`wait.rs`), `as_completed` (`as_completed.rs`) and `shield`
//! (`shield.rs`), ported from CPython 3.11.7.
//!
//! The coroutines (`wait_for`, `wait`, as_completed's `_wait_for_one`) and
//! the `as_completed` generator are state machines ([`WaitingCoro`]): one
//! `step` per `send`/`throw`, running the `except`/`finally` parts exactly as
//! the original does. The closures they register are [`Callback`] variants
//! over the state they close over (`WaitState`, `AsCompletedState`).
//!
//! Sets: CPython builds `set(fs)` and iterates it in an order that depends on
//! object addresses. Loopscope's sets iterate in insertion order, so here
//! every set of futures is built, and iterated, in the order of the input
//! `fs`.

use std::rc::Rc;

use loopscope_syntax::ast::BinOp;

use crate::object::dict::PySet;
use crate::object::exceptions::{exc, exc_empty, type_error};
use crate::object::types::{type_of, TypeId};
use crate::object::value::{PyResult, Value};
use crate::vm::{GenOutcome, Resume, Vm};

use super::as_completed::{as_completed_start, AsCompletedState};
use super::base_events::call_at;
use super::callbacks::Callback;
use super::futures;
pub(super) use super::futures::{is_cancelled, is_done};
use super::native_coro::NativeCoro;
use super::objects::{as_future, AsyncObject, Handle};
use super::queues::QueueCoro;
use super::wait::Wait;
use super::wait_for::WaitFor;

// ----- small pieces shared by the coroutines -----

pub(super) fn outcome_of(r: PyResult<Value>) -> GenOutcome {
    match r {
        Ok(v) => GenOutcome::Returned(v),
        Err(e) => GenOutcome::Raised(e),
    }
}

/// `loop.call_later(delay, callback)`: `call_at(self.time() + delay)`, with
/// Python's `+` (so a bad delay fails as it does there).
pub(super) fn call_later(
    vm: &mut Vm,
    loop_id: u32,
    delay: &Value,
    callback: Callback,
) -> PyResult<Rc<Handle>> {
    if delay.is_none() {
        return Err(type_error("delay must not be None"));
    }
    let when = crate::ops::binary_op(vm, BinOp::Add, &Value::Float(vm.now), delay)?;
    let when = crate::ops::to_float(&when)?;
    Ok(call_at(vm, loop_id, when, callback))
}

pub(super) fn is_future(v: &Value) -> bool {
    as_future(v).is_some()
}

pub(super) fn is_coroutine(v: &Value) -> bool {
    matches!(v, Value::Generator(g) if g.is_coroutine)
}

/// `set(fs)`: the distinct items, in iteration order.
pub(super) fn set_of(vm: &mut Vm, fs: &Value) -> PyResult<Vec<Value>> {
    let it = crate::iterators::get_iter(vm, fs)?;
    let mut set = PySet::new();
    while let Some(v) = crate::iterators::next_item(vm, &it)? {
        set.add(v)?;
    }
    Ok(set.items())
}

/// A future of `fs`, or the AttributeError `f.add_done_callback` raises.
pub(super) fn future_of(v: &Value) -> PyResult<Rc<AsyncObject>> {
    match as_future(v) {
        Some(o) => Ok(o),
        None => Err(exc(
            TypeId::AttributeError,
            format!(
                "'{}' object has no attribute 'add_done_callback'",
                type_of(v).name()
            ),
        )),
    }
}

// ----- the callbacks -----

// ----- shield -----

// ----- the coroutines -----

pub enum WaitingCoro {
    WaitFor(WaitFor),
    Wait(Wait),
    /// as_completed's `_wait_for_one()`: `f = await done.get()`.
    WaitForOne {
        done: Rc<AsyncObject>,
        get: Option<QueueCoro>,
    },
    /// The `as_completed(fs, *, timeout)` generator: `None` until started,
    /// then how many `_wait_for_one()` are left to yield.
    AsCompleted {
        fs: Value,
        timeout: Value,
        started: Option<(Rc<AsCompletedState>, usize)>,
    },
}

impl WaitingCoro {
    /// The line of tasks.py this coroutine awaits at.
    pub fn suspended_line(&self) -> Option<u32> {
        match self {
            WaitingCoro::WaitFor(w) => w.suspended_line(),
            WaitingCoro::Wait(w) => w.suspended_line(),
            WaitingCoro::WaitForOne { get: Some(_), .. } => Some(611),
            _ => None,
        }
    }

    pub fn step(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome {
        match self {
            WaitingCoro::WaitFor(w) => w.step(vm, input),
            WaitingCoro::Wait(w) => w.step(vm, input),
            WaitingCoro::WaitForOne { done, get } => {
                if get.is_none() {
                    if let Resume::Throw(e) = &input {
                        return GenOutcome::Raised(e.clone());
                    }
                    *get = Some(QueueCoro::Get {
                        queue: done.clone(),
                        receiver: Value::Native(done.clone()),
                        waiting: None,
                    });
                }
                let getter = get.as_mut().expect("started");
                match getter.step(vm, input) {
                    GenOutcome::Returned(v) if as_future(&v).is_some() => {
                        outcome_of(futures::result(&as_future(&v).expect("a future")))
                    }
                    // Dummy value from _on_timeout().
                    GenOutcome::Returned(_) => GenOutcome::Raised(exc_empty(TypeId::TimeoutError)),
                    other => other,
                }
            }
            WaitingCoro::AsCompleted {
                fs,
                timeout,
                started,
            } => {
                if let Resume::Throw(e) = input {
                    return GenOutcome::Raised(e);
                }
                let (state, left) = match started {
                    Some(s) => s,
                    None => match as_completed_start(vm, fs, timeout) {
                        Ok(s) => started.insert(s),
                        Err(e) => return GenOutcome::Raised(e),
                    },
                };
                if *left == 0 {
                    return GenOutcome::Returned(Value::None);
                }
                *left -= 1;
                GenOutcome::Yielded(Value::Generator(super::native_coro::coroutine(
                    "_wait_for_one",
                    "as_completed.<locals>._wait_for_one",
                    NativeCoro::Waiting(WaitingCoro::WaitForOne {
                        done: state.done.clone(),
                        get: None,
                    }),
                )))
            }
        }
    }
}

// ----- module functions -----

pub(super) fn coroutine(name: &'static str, c: WaitingCoro) -> Value {
    Value::Generator(super::native_coro::coroutine(
        name,
        name,
        NativeCoro::Waiting(c),
    ))
}
