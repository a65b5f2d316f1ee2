//! asyncio's own coroutines (`sleep`, the shutdown steps of `asyncio.run`)
//! as state machines. Each `step` corresponds to one `send`/`throw` of the
//! CPython coroutine it ports; user code sees an ordinary coroutine object.

use std::rc::Rc;

use crate::object::exceptions::runtime_error;
use crate::object::generator::{AsyncGenAwaitable, Generator, NativeCoroutine};
use crate::object::value::Value;
use crate::vm::{GenOutcome, Resume, Vm};

use super::aio;
use super::base_events::{call_at, cancel_handle};
use super::callbacks::Callback;
use super::futures;
use super::objects::{AsyncObject, Handle};

pub enum NativeCoro {
    /// `asyncio.sleep(0)`: `await __sleep0()` is one bare yield.
    Sleep0 { result: Value, started: bool },
    /// `asyncio.sleep(delay)` of a delay not a float or an int, not yet
    /// compared with 0 (its first step does, and becomes `Sleep0` or `Sleep`).
    SleepUnchecked { delay: Value, result: Value },
    /// `asyncio.sleep(delay)`: a future resolved by a timer.
    Sleep {
        delay: f64,
        result: Value,
        waiting: Option<(Rc<AsyncObject>, Rc<Handle>)>,
    },
    /// Lock / Event / Semaphore / Condition coroutines.
    Sync(super::locks::SyncCoro),
    /// Queue.put / get / join.
    Queue(super::queues::QueueCoro),
    /// `wait_for`, `wait`, as_completed's `_wait_for_one` and the
    /// `as_completed` generator.
    Waiting(super::waiting::WaitingCoro),
    /// `Timeout.__aenter__` / `__aexit__`.
    Timeout(super::timeouts::TimeoutCoro),
    /// `TaskGroup.__aenter__` / `__aexit__`.
    TaskGroup(super::taskgroups::TaskGroupCoro),
    /// An async generator's `asend`/`athrow`/`aclose` awaitable run by a
    /// Task (`loop.create_task(agen.aclose())`).
    AgenAwaitable(Rc<AsyncGenAwaitable>),
    /// `loop.shutdown_asyncgens()`: close the async generators left.
    ShutdownAsyncgens(super::asyncgens::Shutdown),
}

/// A coroutine object running `coro`.
pub fn coroutine(name: &'static str, qualname: &'static str, coro: NativeCoro) -> Rc<Generator> {
    Generator::native(name, qualname, Box::new(coro))
}

impl NativeCoroutine for NativeCoro {
    fn traverse(&self, refs: &mut crate::object::gc::Referents) {
        super::gc_edges::native_coroutine_referents(self, refs);
    }

    /// The `await` lines of CPython 3.11.7's sources.
    fn suspended_line(&self) -> Option<u32> {
        match self {
            NativeCoro::Sleep0 { started: true, .. } => Some(640),
            NativeCoro::Sleep {
                waiting: Some(_), ..
            } => Some(649),
            NativeCoro::Sync(c) => c.suspended_line(),
            NativeCoro::Queue(c) => c.suspended_line(),
            NativeCoro::Waiting(c) => c.suspended_line(),
            NativeCoro::TaskGroup(c) => c.suspended_line(),
            NativeCoro::ShutdownAsyncgens(c) => c.suspended_line(),
            _ => None,
        }
    }

    fn step(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome {
        match self {
            NativeCoro::Sync(c) => c.step(vm, input),
            NativeCoro::Queue(c) => c.step(vm, input),
            NativeCoro::Waiting(c) => c.step(vm, input),
            NativeCoro::Timeout(c) => c.step(vm, input),
            NativeCoro::TaskGroup(c) => c.step(vm, input),
            NativeCoro::AgenAwaitable(aw) => vm.step_agen_awaitable(aw, input),
            NativeCoro::ShutdownAsyncgens(c) => c.step(vm, input),
            NativeCoro::SleepUnchecked { delay, result } => {
                if let Resume::Throw(e) = input {
                    return GenOutcome::Raised(e);
                }
                let (delay, result) = (delay.clone(), result.clone());
                match super::tasks::sleep_state(vm, delay, result) {
                    Ok(checked) => {
                        *self = checked;
                        self.step(vm, Resume::Value(Value::None))
                    }
                    Err(e) => GenOutcome::Raised(e),
                }
            }
            NativeCoro::Sleep0 { result, started } => match input {
                Resume::Throw(e) => GenOutcome::Raised(e),
                Resume::Value(_) if !*started => {
                    *started = true;
                    GenOutcome::Yielded(Value::None)
                }
                Resume::Value(_) => GenOutcome::Returned(result.clone()),
            },
            NativeCoro::Sleep {
                delay,
                result,
                waiting,
            } => match waiting.take() {
                None => {
                    if let Resume::Throw(e) = input {
                        return GenOutcome::Raised(e);
                    }
                    let Some(loop_id) = aio(vm).running_loop else {
                        return GenOutcome::Raised(runtime_error("no running event loop"));
                    };
                    let fut = futures::new_future(vm, "sleep");
                    let when = vm.now + *delay;
                    let h = call_at(
                        vm,
                        loop_id,
                        when,
                        Callback::SetResultUnlessCancelled {
                            future: fut.clone(),
                            value: result.clone(),
                        },
                    );
                    if let Some(f) = fut.as_future() {
                        f.blocking.set(true);
                    }
                    *waiting = Some((fut.clone(), h));
                    GenOutcome::Yielded(Value::Native(fut))
                }
                Some((fut, h)) => {
                    // `finally: h.cancel()` runs on every way out.
                    let outcome = match input {
                        Resume::Throw(e) => GenOutcome::Raised(e),
                        Resume::Value(_) => {
                            if !fut.as_future().is_some_and(|f| f.done()) {
                                GenOutcome::Raised(runtime_error("await wasn't used with future"))
                            } else {
                                match futures::result(&fut) {
                                    Ok(v) => GenOutcome::Returned(v),
                                    Err(e) => GenOutcome::Raised(e),
                                }
                            }
                        }
                    };
                    cancel_handle(vm, &h);
                    outcome
                }
            },
        }
    }
}
