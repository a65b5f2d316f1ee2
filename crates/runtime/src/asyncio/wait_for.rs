//! `asyncio.wait_for(fut, timeout)`, with its helpers `_release_waiter` and
//! `_cancel_and_wait`, ported from CPython 3.11.7's tasks.py (3.11's version
//! with a `waiter` future, not 3.12's one built on `timeouts`).

use std::rc::Rc;

use loopscope_syntax::ast::CmpOp;

use crate::object::exceptions::{exc_empty, runtime_error, type_error};
use crate::object::gc::Referents;
use crate::object::generator::Generator;
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, ExcRef, PyResult, Value};
use crate::vm::{GenOutcome, Resume, Vm};

use super::api::bind;
use super::base_events::cancel_handle;
use super::callbacks::Callback;
use super::events::running_loop as get_running_loop;
use super::futures::{self, await_future};
use super::gc_edges::handle_referents;
use super::locks::awaited;
use super::objects::{as_future, AsyncObject, Handle};
use super::waiting::{call_later, coroutine, is_done, outcome_of, WaitingCoro};

/// `await aw` on any awaitable: a coroutine is driven like `yield from`, a
/// future by `Future.__await__`.
enum Delegate {
    Coro(Rc<Generator>),
    Future { fut: Rc<AsyncObject>, started: bool },
}

impl Delegate {
    fn new(aw: &Value) -> PyResult<Delegate> {
        match aw {
            Value::Generator(g) if g.is_coroutine => Ok(Delegate::Coro(g.clone())),
            other => match as_future(other) {
                Some(fut) => Ok(Delegate::Future {
                    fut,
                    started: false,
                }),
                None => Err(type_error(format!(
                    "object {} can't be used in 'await' expression",
                    type_of(other).name()
                ))),
            },
        }
    }

    pub(super) fn step(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome {
        match self {
            Delegate::Coro(g) => vm.resume(g, input),
            Delegate::Future { fut, started } => {
                if *started {
                    return outcome_of(awaited(fut, input));
                }
                *started = true;
                if let Resume::Throw(e) = input {
                    return GenOutcome::Raised(e);
                }
                match await_future(fut) {
                    Some(r) => outcome_of(r),
                    None => GenOutcome::Yielded(Value::Native(fut.clone())),
                }
            }
        }
    }
}

/// `_cancel_and_wait(fut)`: cancel `fut` and wait on a separate waiter
/// until it is done (so that this wait itself stays cancellable).
struct CancelAndWait {
    fut: Rc<AsyncObject>,
    waiter: Option<Rc<AsyncObject>>,
}

impl CancelAndWait {
    fn traverse(&self, refs: &mut Referents) {
        refs.object(&self.fut);
        self.waiter.iter().for_each(|w| refs.object(w));
    }

    fn new(fut: Rc<AsyncObject>) -> CancelAndWait {
        CancelAndWait { fut, waiter: None }
    }

    fn callback(waiter: &Rc<AsyncObject>) -> Callback {
        Callback::ReleaseWaiter {
            waiter: waiter.clone(),
            future: None,
        }
    }

    pub(super) fn step(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome {
        let outcome = match self.waiter.take() {
            None => {
                if let Resume::Throw(e) = input {
                    return GenOutcome::Raised(e);
                }
                let waiter = futures::new_future(vm, "_cancel_and_wait");
                futures::add_done_callback(vm, &self.fut, Self::callback(&waiter));
                super::tasks::cancel_from_callback(vm, &self.fut, Value::None);
                match await_future(&waiter) {
                    None => {
                        self.waiter = Some(waiter.clone());
                        return GenOutcome::Yielded(Value::Native(waiter));
                    }
                    Some(r) => (r, waiter),
                }
            }
            Some(waiter) => (awaited(&waiter, input), waiter),
        };
        // finally: fut.remove_done_callback(cb)
        let (r, waiter) = outcome;
        futures::remove_done_callback(&self.fut, &Self::callback(&waiter));
        outcome_of(r)
    }
}

/// Where a `wait_for` is.
enum WaitForStage {
    Start {
        fut: Value,
        timeout: Value,
    },
    /// `return await fut` (timeout is None).
    Delegating(Delegate),
    /// `await waiter` inside the try/finally.
    Waiting(Rc<AsyncObject>),
    /// In `except CancelledError`: `await _cancel_and_wait(fut)`, then `raise`.
    CancelledWhileWaiting {
        cancel: CancelAndWait,
        error: ExcRef,
    },
    /// After the timeout (or at once when timeout <= 0):
    /// `await _cancel_and_wait(fut)`, then the result or TimeoutError.
    TimedOut(CancelAndWait),
    Finished,
}

/// The state of `wait_for(fut, timeout)`.
pub struct WaitFor {
    stage: WaitForStage,
    /// The future or task being waited for, once ensured.
    fut: Option<Rc<AsyncObject>>,
    timeout_handle: Option<Rc<Handle>>,
}

impl WaitFor {
    /// What it holds, for the cycle collector.
    pub(super) fn traverse(&self, refs: &mut Referents) {
        match &self.stage {
            WaitForStage::Start { fut, timeout } => refs.values([fut, timeout]),
            WaitForStage::Delegating(Delegate::Coro(coro)) => refs.object(coro),
            WaitForStage::Delegating(Delegate::Future { fut, .. }) => refs.object(fut),
            WaitForStage::Waiting(waiter) => refs.object(waiter),
            WaitForStage::CancelledWhileWaiting { cancel, error } => {
                cancel.traverse(refs);
                refs.object(error);
            }
            WaitForStage::TimedOut(cancel) => cancel.traverse(refs),
            WaitForStage::Finished => {}
        }
        self.fut.iter().for_each(|f| refs.object(f));
        if let Some(handle) = &self.timeout_handle {
            handle_referents(handle, refs);
        }
    }

    /// The `await` of tasks.py's `wait_for` at which this one is suspended.
    pub(super) fn suspended_line(&self) -> Option<u32> {
        match self.stage {
            WaitForStage::Start { .. } | WaitForStage::Finished => None,
            WaitForStage::Delegating(_) => Some(452),
            WaitForStage::Waiting(_) => Some(476),
            WaitForStage::CancelledWhileWaiting { .. } => Some(485),
            // After the timer fired, or at once for a timeout <= 0.
            WaitForStage::TimedOut(_) if self.timeout_handle.is_some() => Some(495),
            WaitForStage::TimedOut(_) => Some(460),
        }
    }

    pub(super) fn step(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome {
        let outcome = self.run(vm, input);
        if !matches!(outcome, GenOutcome::Yielded(_)) {
            self.stage = WaitForStage::Finished;
            // finally: timeout_handle.cancel()
            if let Some(h) = self.timeout_handle.take() {
                cancel_handle(vm, &h);
            }
        }
        outcome
    }

    /// `fut.result()`, or TimeoutError from its CancelledError.
    fn result_or_timeout(&self) -> GenOutcome {
        let fut = self.fut.as_ref().expect("ensured");
        match futures::result(fut) {
            Err(e) if e.is(TypeId::CancelledError) => {
                GenOutcome::Raised(timeout_error_from(Some(e)))
            }
            r => outcome_of(r),
        }
    }

    fn run(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome {
        match std::mem::replace(&mut self.stage, WaitForStage::Finished) {
            WaitForStage::Start { fut, timeout } => {
                if let Resume::Throw(e) = input {
                    return GenOutcome::Raised(e);
                }
                match self.start(vm, fut, timeout) {
                    Ok(outcome) => outcome,
                    Err(e) => GenOutcome::Raised(e),
                }
            }
            WaitForStage::Delegating(mut d) => {
                let outcome = d.step(vm, input);
                self.stage = WaitForStage::Delegating(d);
                outcome
            }
            WaitForStage::Waiting(waiter) => {
                let fut = self.fut.clone().expect("ensured");
                let cb = Callback::ReleaseWaiter {
                    waiter: waiter.clone(),
                    future: None,
                };
                match awaited(&waiter, input) {
                    Err(e) if e.is(TypeId::CancelledError) => {
                        if is_done(&fut) {
                            return outcome_of(futures::result(&fut));
                        }
                        futures::remove_done_callback(&fut, &cb);
                        self.stage = WaitForStage::CancelledWhileWaiting {
                            cancel: CancelAndWait::new(fut),
                            error: e,
                        };
                        self.run(vm, Resume::Value(Value::None))
                    }
                    Err(e) => GenOutcome::Raised(e),
                    Ok(_) => {
                        if is_done(&fut) {
                            return outcome_of(futures::result(&fut));
                        }
                        futures::remove_done_callback(&fut, &cb);
                        self.stage = WaitForStage::TimedOut(CancelAndWait::new(fut));
                        self.run(vm, Resume::Value(Value::None))
                    }
                }
            }
            WaitForStage::CancelledWhileWaiting { mut cancel, error } => {
                match cancel.step(vm, input) {
                    GenOutcome::Yielded(v) => {
                        self.stage = WaitForStage::CancelledWhileWaiting { cancel, error };
                        GenOutcome::Yielded(v)
                    }
                    // raise
                    GenOutcome::Returned(_) => GenOutcome::Raised(error),
                    GenOutcome::Raised(e) => {
                        if e.context.borrow().is_none() && !Rc::ptr_eq(&e, &error) {
                            *e.context.borrow_mut() = Some(error);
                        }
                        GenOutcome::Raised(e)
                    }
                }
            }
            WaitForStage::TimedOut(mut cancel) => match cancel.step(vm, input) {
                GenOutcome::Yielded(v) => {
                    self.stage = WaitForStage::TimedOut(cancel);
                    GenOutcome::Yielded(v)
                }
                // In case task cancellation failed with some exception, we
                // should re-raise it (bpo-40607).
                GenOutcome::Returned(_) => self.result_or_timeout(),
                raised => raised,
            },
            // The VM never resumes a finished coroutine.
            WaitForStage::Finished => {
                GenOutcome::Raised(runtime_error("cannot reuse already awaited coroutine"))
            }
        }
    }

    /// The body of `wait_for` up to its first `await`.
    fn start(&mut self, vm: &mut Vm, fut: Value, timeout: Value) -> PyResult<GenOutcome> {
        let loop_id = get_running_loop(vm)?;
        if timeout.is_none() {
            self.stage = WaitForStage::Delegating(Delegate::new(&fut)?);
            return Ok(self.run(vm, Resume::Value(Value::None)));
        }
        let le_zero = crate::ops::compare_op(vm, CmpOp::LtE, &timeout, &Value::Int(0))?;
        if crate::ops::truthy(vm, &le_zero)? {
            let fut = super::ensure_future_on(vm, loop_id, &fut)?;
            self.fut = Some(fut.clone());
            if is_done(&fut) {
                return Ok(outcome_of(futures::result(&fut)));
            }
            self.stage = WaitForStage::TimedOut(CancelAndWait::new(fut));
            return Ok(self.run(vm, Resume::Value(Value::None)));
        }
        let waiter = futures::new_future(vm, "wait_for");
        let cb = Callback::ReleaseWaiter {
            waiter: waiter.clone(),
            future: None,
        };
        // The handle is only cancelled by the `finally`, which the code
        // before the `try` does not reach.
        let handle = call_later(vm, loop_id, &timeout, cb.clone())?;
        let fut = super::ensure_future_on(vm, loop_id, &fut)?;
        self.fut = Some(fut.clone());
        futures::record_link(vm, &waiter, &fut);
        futures::add_done_callback(vm, &fut, cb);
        self.timeout_handle = Some(handle);
        // try: try: await waiter
        match await_future(&waiter) {
            None => {
                self.stage = WaitForStage::Waiting(waiter.clone());
                Ok(GenOutcome::Yielded(Value::Native(waiter)))
            }
            Some(_) => {
                self.stage = WaitForStage::Waiting(waiter);
                Ok(self.run(vm, Resume::Value(Value::None)))
            }
        }
    }
}

/// `asyncio.wait_for(fut, timeout)`.
pub(super) fn wait_for(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let mut a = bind("wait_for", args, &["fut", "timeout"], &[], 2)?.into_iter();
    let fut = a.next().flatten().unwrap_or(Value::None);
    let timeout = a.next().flatten().unwrap_or(Value::None);
    Ok(coroutine(
        "wait_for",
        WaitingCoro::WaitFor(WaitFor {
            stage: WaitForStage::Start { fut, timeout },
            fut: None,
            timeout_handle: None,
        }),
    ))
}

/// `raise exceptions.TimeoutError() from exc` inside `except ... as exc`.
pub(super) fn timeout_error_from(cause: Option<ExcRef>) -> ExcRef {
    if let Some(cause) = &cause {
        // It was raised in asyncio's frames (`fut.result()` in wait_for).
        crate::traceback::mark_raised_in_library(cause);
    }
    let e = exc_empty(TypeId::TimeoutError);
    *e.context.borrow_mut() = cause.clone();
    *e.cause.borrow_mut() = cause;
    e.suppress_context.set(true);
    e
}

/// `_release_waiter(waiter, *args)`.
pub(super) fn release_waiter(vm: &mut Vm, waiter: &Rc<AsyncObject>) {
    if !is_done(waiter) {
        futures::set_result(vm, waiter, Value::None);
    }
}
