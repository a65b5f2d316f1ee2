//! `asyncio.wait_for`, `wait`, `as_completed` and `shield`, with their
//! helpers `_release_waiter` and `_cancel_and_wait`, ported from CPython
//! 3.11.7's tasks.py (`wait_for` is 3.11's version with a `waiter` future,
//! not 3.12's one built on `timeouts`).
//!
//! The coroutines (`wait_for`, `wait`, as_completed's `_wait_for_one`) and
//! the `as_completed` generator are state machines ([`WaitingCoro`]): one
//! `step` per `send`/`throw`, running the `except`/`finally` parts exactly as
//! the original does. The closures they register are [`Callback`] variants
//! over the state they close over ([`WaitState`], [`AsCompletedState`]).
//!
//! Sets: CPython builds `set(fs)` and iterates it in an order that depends on
//! object addresses. Loopscope's sets iterate in insertion order, so here
//! every set of futures is built, and iterated, in the order of the input
//! `fs`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use loopscope_syntax::ast::{BinOp, CmpOp};

use crate::object::dict::PySet;
use crate::object::exceptions::{exc, exc_empty, runtime_error, type_error, value_error};
use crate::object::generator::{GenBody, GenState, Generator};
use crate::object::types::{type_of, TypeId};
use crate::object::value::{fresh_address, Args, ExcRef, PyResult, Value};
use crate::vm::{GenOutcome, Resume, Vm};

use super::aio;
use super::base_events::{call_at, cancel_handle, report_exception};
use super::callbacks::Callback;
use super::futures;
use super::locks::awaited;
use super::native_coro::NativeCoro;
use super::objects::{as_future, AsyncObject, FutState, Handle};
use super::queues::{self, QueueCoro, QueueKind};

/// `tasks.FIRST_COMPLETED` (`concurrent.futures.FIRST_COMPLETED`).
pub const FIRST_COMPLETED: &str = "FIRST_COMPLETED";
/// `tasks.FIRST_EXCEPTION`.
pub const FIRST_EXCEPTION: &str = "FIRST_EXCEPTION";
/// `tasks.ALL_COMPLETED`.
pub const ALL_COMPLETED: &str = "ALL_COMPLETED";

/// wait()'s `return_when`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ReturnWhen {
    FirstCompleted,
    FirstException,
    AllCompleted,
}

// ----- argument binding -----

/// Bind the arguments of a Python-level `def name(params..., *, kwonly...)`
/// whose first `required` parameters have no default, with CPython's
/// messages. Missing optional parameters come back as `None`.
pub(super) fn bind(
    name: &str,
    args: Args,
    params: &[&str],
    kwonly: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if args.pos.len() > params.len() {
        let takes = if required == params.len() {
            format!("{}", params.len())
        } else {
            format!("from {required} to {}", params.len())
        };
        let n = args.pos.len();
        let were = if n == 1 { "was" } else { "were" };
        return Err(type_error(format!(
            "{name}() takes {takes} positional argument{} but {n} {were} given",
            plural(params.len())
        )));
    }
    let mut bound: Vec<Option<Value>> = vec![None; params.len() + kwonly.len()];
    for (i, v) in args.pos.into_iter().enumerate() {
        bound[i] = Some(v);
    }
    for (k, v) in args.kw {
        let Some(i) = params.iter().chain(kwonly).position(|p| **p == *k) else {
            return Err(type_error(format!(
                "{name}() got an unexpected keyword argument '{k}'"
            )));
        };
        if bound[i].is_some() {
            return Err(type_error(format!(
                "{name}() got multiple values for argument '{k}'"
            )));
        }
        bound[i] = Some(v);
    }
    let missing: Vec<String> = params[..required]
        .iter()
        .zip(&bound)
        .filter(|(_, v)| v.is_none())
        .map(|(p, _)| format!("'{p}'"))
        .collect();
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => missing[0].clone(),
            n => format!("{} and {}", missing[..n - 1].join(", "), missing[n - 1]),
        };
        return Err(type_error(format!(
            "{name}() missing {} required positional argument{}: {list}",
            missing.len(),
            plural(missing.len())
        )));
    }
    Ok(bound)
}

// ----- small pieces shared by the coroutines -----

fn is_done(f: &Rc<AsyncObject>) -> bool {
    f.as_future().is_some_and(|f| f.done())
}

fn is_cancelled(f: &Rc<AsyncObject>) -> bool {
    f.as_future()
        .is_some_and(|f| f.state.get() == FutState::Cancelled)
}

fn outcome_of(r: PyResult<Value>) -> GenOutcome {
    match r {
        Ok(v) => GenOutcome::Returned(v),
        Err(e) => GenOutcome::Raised(e),
    }
}

/// The first half of `await fut` on a future (`Future.__await__`): the
/// result at once if it is done, else mark it blocking; `None` means "yield
/// it" (the second half is [`awaited`]).
pub(super) fn await_future(fut: &Rc<AsyncObject>) -> Option<PyResult<Value>> {
    let f = fut.as_future().expect("a future");
    if f.done() {
        return Some(futures::result(fut));
    }
    f.blocking.set(true);
    None
}

/// `events.get_running_loop()`.
pub(super) fn get_running_loop(vm: &mut Vm) -> PyResult<u32> {
    aio(vm)
        .running_loop
        .ok_or_else(|| runtime_error("no running event loop"))
}

/// `events._get_event_loop()`: the running loop, else the current one.
fn get_event_loop(vm: &mut Vm) -> PyResult<u32> {
    let st = aio(vm);
    st.running_loop
        .or(st.current_loop)
        .ok_or_else(|| runtime_error("There is no current event loop in thread 'MainThread'."))
}

/// `loop.call_later(delay, callback)`: `call_at(self.time() + delay)`, with
/// Python's `+` (so a bad delay fails as it does there).
fn call_later(
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

fn is_future(v: &Value) -> bool {
    as_future(v).is_some()
}

fn is_coroutine(v: &Value) -> bool {
    matches!(v, Value::Generator(g) if g.is_coroutine)
}

/// `set(fs)`: the distinct items, in iteration order.
fn set_of(vm: &mut Vm, fs: &Value) -> PyResult<Vec<Value>> {
    let it = crate::iterators::get_iter(vm, fs)?;
    let mut set = PySet::new();
    while let Some(v) = crate::iterators::next_item(vm, &it)? {
        set.add(v)?;
    }
    Ok(set.items())
}

/// A future of `fs`, or the AttributeError `f.add_done_callback` raises.
fn future_of(v: &Value) -> PyResult<Rc<AsyncObject>> {
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

/// `_release_waiter(waiter, *args)`.
pub fn release_waiter(vm: &mut Vm, waiter: &Rc<AsyncObject>) {
    if !is_done(waiter) {
        futures::set_result(vm, waiter, Value::None);
    }
}

/// What `_wait`'s `_on_completion` closes over.
pub struct WaitState {
    waiter: Rc<AsyncObject>,
    timeout_handle: Option<Rc<Handle>>,
    /// `counter`, `nonlocal` in CPython.
    counter: Cell<i64>,
    return_when: ReturnWhen,
}

/// `_wait`'s `_on_completion(f)`.
pub fn wait_on_completion(vm: &mut Vm, state: &WaitState, f: &Rc<AsyncObject>) {
    state.counter.set(state.counter.get() - 1);
    let failed = || !is_cancelled(f) && matches!(futures::exception(f), Ok(Value::Exception(_)));
    if state.counter.get() <= 0
        || state.return_when == ReturnWhen::FirstCompleted
        || (state.return_when == ReturnWhen::FirstException && failed())
    {
        if let Some(h) = &state.timeout_handle {
            cancel_handle(vm, h);
        }
        release_waiter(vm, &state.waiter);
    }
}

/// What as_completed's `_on_timeout` and `_on_completion` close over.
pub struct AsCompletedState {
    /// `done`: a `Queue()` of finished futures (None for a timeout).
    done: Rc<AsyncObject>,
    todo: RefCell<Vec<Rc<AsyncObject>>>,
    timeout_handle: RefCell<Option<Rc<Handle>>>,
}

/// as_completed's `_on_timeout()`.
pub fn as_completed_on_timeout(vm: &mut Vm, state: &Rc<AsCompletedState>) -> PyResult<()> {
    let todo = state.todo.borrow().clone();
    for f in &todo {
        futures::remove_done_callback(
            f,
            &Callback::AsCompletedDone {
                state: state.clone(),
                future: None,
            },
        );
        // Queue a dummy value for _wait_for_one().
        queues::put_nowait(vm, &state.done, Value::None)?;
    }
    state.todo.borrow_mut().clear();
    Ok(())
}

/// as_completed's `_on_completion(f)`.
pub fn as_completed_on_completion(
    vm: &mut Vm,
    state: &AsCompletedState,
    f: &Rc<AsyncObject>,
) -> PyResult<()> {
    if state.todo.borrow().is_empty() {
        // _on_timeout() was here first.
        return Ok(());
    }
    state.todo.borrow_mut().retain(|t| !Rc::ptr_eq(t, f));
    queues::put_nowait(vm, &state.done, Value::Native(f.clone()))?;
    let handle = state.timeout_handle.borrow().clone();
    if let Some(h) = handle.filter(|_| state.todo.borrow().is_empty()) {
        cancel_handle(vm, &h);
    }
    Ok(())
}

/// shield's `_inner_done_callback(inner)`.
pub fn shield_inner_done(
    vm: &mut Vm,
    inner: &Rc<AsyncObject>,
    outer: &Rc<AsyncObject>,
) -> PyResult<()> {
    if is_cancelled(outer) {
        if !is_cancelled(inner) {
            // Mark inner's result as retrieved.
            futures::exception(inner)?;
        }
        return Ok(());
    }
    if is_cancelled(inner) {
        futures::cancel(vm, outer, Value::None);
    } else {
        match futures::exception(inner)? {
            Value::Exception(e) => futures::set_exception(vm, outer, e)?,
            _ => {
                let result = futures::result(inner)?;
                futures::set_result_checked(vm, outer, result)?;
            }
        }
    }
    Ok(())
}

/// shield's `_outer_done_callback(outer)`.
pub fn shield_outer_done(inner: &Rc<AsyncObject>, outer: &Rc<AsyncObject>) {
    if !is_done(inner) {
        futures::remove_done_callback(
            inner,
            &Callback::ShieldInnerDone {
                outer: outer.clone(),
                inner: None,
            },
        );
    }
}

// ----- shield -----

/// `asyncio.shield(arg)`.
pub fn shield(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let arg = bind("shield", args, &["arg"], &[], 1)?
        .into_iter()
        .next()
        .flatten()
        .unwrap_or(Value::None);
    // `_ensure_future(arg)`.
    let inner = match as_future(&arg) {
        Some(o) => o,
        None => {
            if !is_coroutine(&arg) {
                return Err(type_error(
                    "An asyncio.Future, a coroutine or an awaitable is required",
                ));
            }
            let loop_id = get_event_loop(vm)?;
            super::ensure_future(vm, loop_id, &arg)?
        }
    };
    if is_done(&inner) {
        // Shortcut.
        return Ok(Value::Native(inner));
    }
    let outer = futures::new_future(vm, "shield");
    futures::record_link(vm, &outer, &inner);
    futures::add_done_callback(
        vm,
        &inner,
        Callback::ShieldInnerDone {
            outer: outer.clone(),
            inner: None,
        },
    );
    futures::add_done_callback(vm, &outer, Callback::ShieldOuterDone { inner, outer: None });
    Ok(Value::Native(outer))
}

// ----- the coroutines -----

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

    fn step(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome {
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
    fn new(fut: Rc<AsyncObject>) -> CancelAndWait {
        CancelAndWait { fut, waiter: None }
    }

    fn callback(waiter: &Rc<AsyncObject>) -> Callback {
        Callback::ReleaseWaiter {
            waiter: waiter.clone(),
            future: None,
        }
    }

    fn step(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome {
        let outcome = match self.waiter.take() {
            None => {
                if let Resume::Throw(e) = input {
                    return GenOutcome::Raised(e);
                }
                let waiter = futures::new_future(vm, "_cancel_and_wait");
                futures::add_done_callback(vm, &self.fut, Self::callback(&waiter));
                super::tasks::cancel_any(vm, &self.fut, Value::None);
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

/// One step of `_wait(fs, ...)`: registering, or waiting on its waiter.
pub struct Wait {
    fs: Value,
    timeout: Value,
    return_when: Value,
    waiting: Option<(Vec<Rc<AsyncObject>>, Rc<WaitState>)>,
}

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

impl WaitFor {
    fn step(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome {
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
            let fut = super::ensure_future(vm, loop_id, &fut)?;
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
        let fut = super::ensure_future(vm, loop_id, &fut)?;
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

impl Wait {
    fn step(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome {
        match self.waiting.take() {
            None => {
                if let Resume::Throw(e) = input {
                    return GenOutcome::Raised(e);
                }
                match self.start(vm) {
                    Ok(outcome) => outcome,
                    Err(e) => GenOutcome::Raised(e),
                }
            }
            Some((fs, state)) => self.finish(vm, fs, state, input),
        }
    }

    /// `wait`'s checks, then `_wait` up to its `await waiter`.
    fn start(&mut self, vm: &mut Vm) -> PyResult<GenOutcome> {
        if is_future(&self.fs) || is_coroutine(&self.fs) {
            return Err(type_error(format!(
                "expect a list of futures, not {}",
                type_of(&self.fs).name()
            )));
        }
        if !crate::ops::truthy(vm, &self.fs)? {
            return Err(value_error("Set of Tasks/Futures is empty."));
        }
        let return_when = [
            (FIRST_COMPLETED, ReturnWhen::FirstCompleted),
            (FIRST_EXCEPTION, ReturnWhen::FirstException),
            (ALL_COMPLETED, ReturnWhen::AllCompleted),
        ]
        .into_iter()
        .find(|(name, _)| crate::ops::values_equal(&self.return_when, &Value::str(name)))
        .map(|(_, rw)| rw);
        let Some(return_when) = return_when else {
            let shown = crate::repr::str_of(vm, &self.return_when)?;
            return Err(value_error(format!("Invalid return_when value: {shown}")));
        };
        let fs = set_of(vm, &self.fs)?;
        if fs.iter().any(is_coroutine) {
            return Err(type_error(
                "Passing coroutines is forbidden, use tasks explicitly.",
            ));
        }
        let loop_id = get_running_loop(vm)?;
        // _wait(fs, timeout, return_when, loop)
        let waiter = futures::new_future(vm, "wait");
        let timeout_handle = if self.timeout.is_none() {
            None
        } else {
            let cb = Callback::ReleaseWaiter {
                waiter: waiter.clone(),
                future: None,
            };
            Some(call_later(vm, loop_id, &self.timeout, cb)?)
        };
        let state = Rc::new(WaitState {
            waiter: waiter.clone(),
            timeout_handle,
            counter: Cell::new(fs.len() as i64),
            return_when,
        });
        let mut futs = Vec::with_capacity(fs.len());
        for f in &fs {
            let f = future_of(f)?;
            futures::record_link(vm, &waiter, &f);
            futures::add_done_callback(
                vm,
                &f,
                Callback::WaitOnCompletion {
                    state: state.clone(),
                    future: None,
                },
            );
            futs.push(f);
        }
        // try: await waiter
        match await_future(&waiter) {
            None => {
                self.waiting = Some((futs, state));
                Ok(GenOutcome::Yielded(Value::Native(waiter)))
            }
            Some(_) => Ok(self.finish(vm, futs, state, Resume::Value(Value::None))),
        }
    }

    /// After `await waiter`: the `finally`, then `(done, pending)`.
    fn finish(
        &mut self,
        vm: &mut Vm,
        fs: Vec<Rc<AsyncObject>>,
        state: Rc<WaitState>,
        input: Resume,
    ) -> GenOutcome {
        let r = awaited(&state.waiter, input);
        if let Some(h) = &state.timeout_handle {
            cancel_handle(vm, h);
        }
        let cb = Callback::WaitOnCompletion {
            state: state.clone(),
            future: None,
        };
        for f in &fs {
            futures::remove_done_callback(f, &cb);
        }
        if let Err(e) = r {
            return GenOutcome::Raised(e);
        }
        let (mut done, mut pending) = (PySet::new(), PySet::new());
        for f in fs {
            let target = if is_done(&f) { &mut done } else { &mut pending };
            if let Err(e) = target.add(Value::Native(f)) {
                return GenOutcome::Raised(e);
            }
        }
        let set = |s: PySet| Value::set(s);
        GenOutcome::Returned(Value::tuple(vec![set(done), set(pending)]))
    }
}

/// The body of the `as_completed` generator up to its first `yield`.
fn as_completed_start(
    vm: &mut Vm,
    fs: &Value,
    timeout: &Value,
) -> PyResult<(Rc<AsCompletedState>, usize)> {
    if is_future(fs) || is_coroutine(fs) {
        return Err(type_error(format!(
            "expect an iterable of futures, not {}",
            type_of(fs).name()
        )));
    }
    let done = queues::new_queue(vm, QueueKind::Fifo, 0);
    let loop_id = get_event_loop(vm)?;
    let mut todo = Vec::new();
    for f in set_of(vm, fs)? {
        todo.push(super::ensure_future(vm, loop_id, &f)?);
    }
    let state = Rc::new(AsCompletedState {
        done,
        todo: RefCell::new(todo.clone()),
        timeout_handle: RefCell::new(None),
    });
    for f in &todo {
        futures::add_done_callback(
            vm,
            f,
            Callback::AsCompletedDone {
                state: state.clone(),
                future: None,
            },
        );
    }
    if !todo.is_empty() && !timeout.is_none() {
        let h = call_later(
            vm,
            loop_id,
            timeout,
            Callback::AsCompletedTimeout {
                state: state.clone(),
            },
        )?;
        *state.timeout_handle.borrow_mut() = Some(h);
    }
    Ok((state, todo.len()))
}

// ----- module functions -----

fn coroutine(name: &'static str, c: WaitingCoro) -> Value {
    Value::Generator(super::native_coro::coroutine(
        name,
        name,
        NativeCoro::Waiting(c),
    ))
}

/// `asyncio.wait_for(fut, timeout)`.
pub fn wait_for(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
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

/// `asyncio.wait(fs, *, timeout=None, return_when=ALL_COMPLETED)`.
pub fn wait(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let mut a = bind("wait", args, &["fs"], &["timeout", "return_when"], 1)?.into_iter();
    let fs = a.next().flatten().unwrap_or(Value::None);
    let timeout = a.next().flatten().unwrap_or(Value::None);
    let return_when = a.next().flatten().unwrap_or(Value::str(ALL_COMPLETED));
    Ok(coroutine(
        "wait",
        WaitingCoro::Wait(Wait {
            fs,
            timeout,
            return_when,
            waiting: None,
        }),
    ))
}

/// `asyncio.as_completed(fs, *, timeout=None)`: a generator (not a
/// coroutine) whose body runs at the first `next()`.
pub fn as_completed(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let mut a = bind("as_completed", args, &["fs"], &["timeout"], 1)?.into_iter();
    let fs = a.next().flatten().unwrap_or(Value::None);
    let timeout = a.next().flatten().unwrap_or(Value::None);
    Ok(Value::Generator(Rc::new(Generator {
        is_coroutine: false,
        agen: None,
        name: crate::object::generator::Name::Static("as_completed"),
        qualname: crate::object::generator::Name::Static("as_completed"),
        code: None,
        state: Cell::new(GenState::Created),
        body: RefCell::new(GenBody::Native(Box::new(NativeCoro::Waiting(
            WaitingCoro::AsCompleted {
                fs,
                timeout,
                started: None,
            },
        )))),
        address: fresh_address(),
    })))
}

/// Run a callback that may fail as `Handle._run` does: log the error.
pub(super) fn run_logged(vm: &mut Vm, label: &str, r: PyResult<()>) {
    if let Err(e) = r {
        report_exception(vm, &format!("Exception in callback {label}"), &e);
    }
}
