//! locks.py's `async def`s as state machines ([`SyncCoro`]): `Lock.acquire`,
//! `Event.wait`, `Semaphore.acquire`, `Condition.wait`/`wait_for` and the
//! context managers' `__aexit__`. Each runs the code up to its `await fut`,
//! parks on the future, and on resume runs the `finally`/`except` parts
//! exactly as the original does.

use std::rc::Rc;

use crate::asyncio::native_coro::NativeCoro;
use crate::asyncio::objects::AsyncObject;
use crate::object::exceptions::{exc_empty, runtime_error};
use crate::object::types::TypeId;
use crate::object::value::{ExcRef, Value};
use crate::vm::{GenOutcome, Resume, Vm};

use super::condition::{cond_release, cond_state};
use super::{
    awaited, event_state, is_cancelled, join_line, lock_acquired, lock_locked, lock_release,
    lock_state, lock_wake_up_first, park, remove_waiter, sem_changed, sem_locked, sem_release,
    sem_state, sem_wake_up_next,
};

pub enum SyncCoro {
    /// `Lock.acquire()`; `then_return` is what the coroutine returns
    /// (`True` for acquire, `None` for `__aenter__`).
    LockAcquire {
        lock: Rc<AsyncObject>,
        waiting: Option<Rc<AsyncObject>>,
        then_return: Value,
    },
    EventWait {
        event: Rc<AsyncObject>,
        waiting: Option<Rc<AsyncObject>>,
    },
    SemAcquire {
        sem: Rc<AsyncObject>,
        waiting: Option<Rc<AsyncObject>>,
        then_return: Value,
    },
    /// `Condition.wait()` over a plain Lock: park, then re-acquire the lock
    /// (retrying on cancellation, remembering it).
    CondWait {
        cond: Rc<AsyncObject>,
        lock: Rc<AsyncObject>,
        stage: CondStage,
    },
    /// `Condition.wait_for(predicate)` over a plain Lock.
    CondWaitFor {
        cond: Rc<AsyncObject>,
        lock: Rc<AsyncObject>,
        predicate: Value,
        inner: Option<Box<SyncCoro>>,
    },
    /// An `__aexit__` that releases and returns None without suspending.
    Release { target: Rc<AsyncObject> },
}

pub enum CondStage {
    Start,
    Parked(Rc<AsyncObject>),
    /// Re-acquiring the lock; the result or error to deliver afterwards.
    Reacquire {
        acquire: Box<SyncCoro>,
        outcome: Result<Value, ExcRef>,
        cancelled: bool,
    },
}

pub fn coroutine(name: &'static str, qualname: &'static str, c: SyncCoro) -> Value {
    Value::Generator(crate::asyncio::native_coro::coroutine(
        name,
        qualname,
        NativeCoro::Sync(c),
    ))
}

impl SyncCoro {
    /// The line of locks.py this coroutine awaits at.
    pub fn suspended_line(&self) -> Option<u32> {
        match self {
            SyncCoro::LockAcquire {
                waiting: Some(_), ..
            } => Some(114),
            SyncCoro::EventWait {
                waiting: Some(_), ..
            } => Some(213),
            SyncCoro::SemAcquire {
                waiting: Some(_), ..
            } => Some(387),
            SyncCoro::CondWait { stage, .. } => match stage {
                CondStage::Start => None,
                CondStage::Parked(_) => Some(267),
                CondStage::Reacquire { .. } => Some(277),
            },
            SyncCoro::CondWaitFor { inner: Some(_), .. } => Some(294),
            _ => None,
        }
    }

    pub fn step(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome {
        match self {
            SyncCoro::Release { target } => {
                if let Resume::Throw(e) = input {
                    return GenOutcome::Raised(e);
                }
                let r = match &**target {
                    AsyncObject::Lock(_) => lock_release(vm, target),
                    AsyncObject::Semaphore(_) => sem_release(vm, target),
                    AsyncObject::Condition(_) => cond_release(vm, target),
                    _ => Ok(()),
                };
                match r {
                    Ok(()) => GenOutcome::Returned(Value::None),
                    Err(e) => GenOutcome::Raised(e),
                }
            }
            SyncCoro::LockAcquire {
                lock,
                waiting,
                then_return,
            } => match waiting.take() {
                None => {
                    if let Resume::Throw(e) = input {
                        return GenOutcome::Raised(e);
                    }
                    let free = {
                        let l = lock_state(lock).borrow();
                        !l.locked && l.waiters.iter().all(is_cancelled)
                    };
                    if free {
                        lock_acquired(vm, lock);
                        return GenOutcome::Returned(then_return.clone());
                    }
                    let id = lock_state(lock).borrow().id;
                    let fut = park(vm, id, "Lock.acquire");
                    join_line(fut, &mut lock_state(lock).borrow_mut().waiters, waiting)
                }
                Some(fut) => {
                    let r = awaited(&fut, input);
                    remove_waiter(&mut lock_state(lock).borrow_mut().waiters, &fut);
                    match r {
                        Err(e) => {
                            if e.is(TypeId::CancelledError) && !lock_state(lock).borrow().locked {
                                lock_wake_up_first(vm, lock);
                            }
                            GenOutcome::Raised(e)
                        }
                        Ok(_) => {
                            lock_acquired(vm, lock);
                            GenOutcome::Returned(then_return.clone())
                        }
                    }
                }
            },
            SyncCoro::EventWait { event, waiting } => match waiting.take() {
                None => {
                    if let Resume::Throw(e) = input {
                        return GenOutcome::Raised(e);
                    }
                    if event_state(event).borrow().value {
                        return GenOutcome::Returned(Value::Bool(true));
                    }
                    let id = event_state(event).borrow().id;
                    let fut = park(vm, id, "Event.wait");
                    join_line(fut, &mut event_state(event).borrow_mut().waiters, waiting)
                }
                Some(fut) => {
                    let r = awaited(&fut, input);
                    remove_waiter(&mut event_state(event).borrow_mut().waiters, &fut);
                    match r {
                        Ok(_) => GenOutcome::Returned(Value::Bool(true)),
                        Err(e) => GenOutcome::Raised(e),
                    }
                }
            },
            SyncCoro::SemAcquire {
                sem,
                waiting,
                then_return,
            } => match waiting.take() {
                None => {
                    if let Resume::Throw(e) = input {
                        return GenOutcome::Raised(e);
                    }
                    if !sem_locked(sem) {
                        sem_state(sem).borrow_mut().value -= 1;
                        sem_changed(vm, sem);
                        return GenOutcome::Returned(then_return.clone());
                    }
                    let id = sem_state(sem).borrow().id;
                    let fut = park(vm, id, "Semaphore.acquire");
                    join_line(fut, &mut sem_state(sem).borrow_mut().waiters, waiting)
                }
                Some(fut) => {
                    let r = awaited(&fut, input);
                    remove_waiter(&mut sem_state(sem).borrow_mut().waiters, &fut);
                    match r {
                        Err(e) => {
                            if e.is(TypeId::CancelledError) && !is_cancelled(&fut) {
                                sem_state(sem).borrow_mut().value += 1;
                                sem_changed(vm, sem);
                                sem_wake_up_next(vm, sem);
                            }
                            GenOutcome::Raised(e)
                        }
                        Ok(_) => {
                            if sem_state(sem).borrow().value > 0 {
                                sem_wake_up_next(vm, sem);
                            }
                            GenOutcome::Returned(then_return.clone())
                        }
                    }
                }
            },
            SyncCoro::CondWait { cond, lock, stage } => {
                cond_wait_step(vm, cond, lock, stage, input)
            }
            SyncCoro::CondWaitFor {
                cond,
                lock,
                predicate,
                inner,
            } => {
                let mut input = Some(input);
                loop {
                    if let Some(waiting) = inner {
                        let step_input = input.take().unwrap_or(Resume::Value(Value::None));
                        match waiting.step(vm, step_input) {
                            GenOutcome::Returned(_) => *inner = None,
                            other => return other,
                        }
                    } else if let Some(Resume::Throw(e)) = input.take() {
                        return GenOutcome::Raised(e);
                    }
                    let result = match vm.call0(predicate) {
                        Ok(r) => r,
                        Err(e) => return GenOutcome::Raised(e),
                    };
                    match crate::ops::truthy(vm, &result) {
                        Ok(true) => return GenOutcome::Returned(result),
                        Ok(false) => {}
                        Err(e) => return GenOutcome::Raised(e),
                    }
                    *inner = Some(Box::new(SyncCoro::CondWait {
                        cond: cond.clone(),
                        lock: lock.clone(),
                        stage: CondStage::Start,
                    }));
                    input = Some(Resume::Value(Value::None));
                }
            }
        }
    }
}

fn cond_wait_step(
    vm: &mut Vm,
    cond: &Rc<AsyncObject>,
    lock: &Rc<AsyncObject>,
    stage: &mut CondStage,
    input: Resume,
) -> GenOutcome {
    let mut input = Some(input);
    loop {
        match std::mem::replace(stage, CondStage::Start) {
            CondStage::Start => {
                if let Some(Resume::Throw(e)) = input.take() {
                    return GenOutcome::Raised(e);
                }
                if !lock_locked(lock) {
                    return GenOutcome::Raised(runtime_error("cannot wait on un-acquired lock"));
                }
                if let Err(e) = lock_release(vm, lock) {
                    return GenOutcome::Raised(e);
                }
                let id = cond_state(cond).borrow().id;
                let fut = park(vm, id, "Condition.wait");
                cond_state(cond).borrow_mut().waiters.push_back(fut.clone());
                *stage = CondStage::Parked(fut.clone());
                return GenOutcome::Yielded(Value::Native(fut));
            }
            CondStage::Parked(fut) => {
                let r = awaited(&fut, input.take().unwrap_or(Resume::Value(Value::None)));
                remove_waiter(&mut cond_state(cond).borrow_mut().waiters, &fut);
                let outcome = r.map(|_| Value::Bool(true));
                *stage = CondStage::Reacquire {
                    acquire: Box::new(SyncCoro::LockAcquire {
                        lock: lock.clone(),
                        waiting: None,
                        then_return: Value::Bool(true),
                    }),
                    outcome,
                    cancelled: false,
                };
                input = Some(Resume::Value(Value::None));
            }
            CondStage::Reacquire {
                mut acquire,
                outcome,
                mut cancelled,
            } => {
                let step_input = input.take().unwrap_or(Resume::Value(Value::None));
                match acquire.step(vm, step_input) {
                    GenOutcome::Yielded(v) => {
                        *stage = CondStage::Reacquire {
                            acquire,
                            outcome,
                            cancelled,
                        };
                        return GenOutcome::Yielded(v);
                    }
                    GenOutcome::Raised(e) if e.is(TypeId::CancelledError) => {
                        cancelled = true;
                        *stage = CondStage::Reacquire {
                            acquire: Box::new(SyncCoro::LockAcquire {
                                lock: lock.clone(),
                                waiting: None,
                                then_return: Value::Bool(true),
                            }),
                            outcome,
                            cancelled,
                        };
                        input = Some(Resume::Value(Value::None));
                    }
                    GenOutcome::Raised(e) => return GenOutcome::Raised(e),
                    GenOutcome::Returned(_) => {
                        if cancelled {
                            return GenOutcome::Raised(exc_empty(TypeId::CancelledError));
                        }
                        return match outcome {
                            Ok(v) => GenOutcome::Returned(v),
                            Err(e) => GenOutcome::Raised(e),
                        };
                    }
                }
            }
        }
    }
}
