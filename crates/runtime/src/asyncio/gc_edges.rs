//! What the cycle collector (`object/gc.rs`) sees of asyncio's objects, which
//! it registers as native objects ([`new`]): each counted reference a future,
//! a task, a handle, a queue or a lock holds ([`traverse`], CPython's
//! `tp_traverse`), the reports a future or a task gives when it dies, given
//! before anything is emptied ([`finalize`], `tp_finalize`), and what emptying
//! takes out ([`clear`], `tp_clear`); and what asyncio's coroutines run
//! natively hold ([`native_coroutine_referents`]).
//!
//! A `Handle` (which the loop's queue may also hold) is examined only when
//! this object is its one holder; the state gather's, `wait`'s and
//! `as_completed`'s callbacks share is registered itself (`gc::track_shared`),
//! each callback and coroutine holding it reporting its reference, and so is a
//! task's context (a dict).
//! The loop itself (its ready queue and timers, the running task) lives in
//! the VM, so everything it schedules is alive.

use std::any::Any;
use std::rc::Rc;

use crate::object::gc::{self, Referents};
use crate::object::value::Value;
use crate::object::warnings::{self, Notice};

use super::callbacks::Callback;
use super::locks::coroutines::{CondStage, SyncCoro};
use super::locks::CondLock;
use super::native_coro::NativeCoro;
use super::objects::{AsyncObject, FutState, FutureObj, Handle};
use super::queues::QueueCoro;
use super::timeouts::TimeoutCoro;
use super::waiting::WaitingCoro;

/// A new asyncio object, registered with the cycle collector.
pub fn new(object: AsyncObject) -> Rc<AsyncObject> {
    let object = Rc::new(object);
    gc::track_native(&object);
    object
}

/// Every counted reference `object` holds; `false` when one of its parts is
/// being changed right now.
pub fn traverse(object: &AsyncObject, refs: &mut Referents) -> bool {
    match object {
        AsyncObject::Future(f) => future_referents(f, refs),
        AsyncObject::Handle(h) => handle_referents(h, refs),
        AsyncObject::Loop(_) => true,
        AsyncObject::Queue(q) => q.try_borrow().is_ok_and(|q| {
            refs.values(&q.items);
            q.getters
                .iter()
                .chain(&q.putters)
                .for_each(|w| refs.object(w));
            refs.object(&q.finished);
            true
        }),
        AsyncObject::Lock(l) => l.try_borrow().is_ok_and(|l| {
            l.waiters.iter().for_each(|w| refs.object(w));
            true
        }),
        AsyncObject::Event(e) => e.try_borrow().is_ok_and(|e| {
            e.waiters.iter().for_each(|w| refs.object(w));
            true
        }),
        AsyncObject::Semaphore(s) => s.try_borrow().is_ok_and(|s| {
            s.waiters.iter().for_each(|w| refs.object(w));
            true
        }),
        AsyncObject::Condition(c) => c.try_borrow().is_ok_and(|c| {
            match &c.lock {
                CondLock::Native(lock) => refs.object(lock),
                CondLock::Bound(b) => refs.values([&b.lock, &b.locked, &b.acquire, &b.release]),
            }
            c.waiters.iter().for_each(|w| refs.object(w));
            true
        }),
        AsyncObject::Timeout(t) => t.try_borrow().is_ok_and(|t| {
            refs.value(&t.when);
            t.task.iter().for_each(|task| refs.object(task));
            t.timeout_handler
                .as_ref()
                .is_none_or(|h| handle_referents(h, refs))
        }),
        AsyncObject::TaskGroup(g) => g.try_borrow().is_ok_and(|g| {
            let futures = g.parent_task.iter().chain(&g.tasks);
            futures
                .chain(&g.on_completed_fut)
                .for_each(|f| refs.object(f));
            g.errors
                .iter()
                .chain(&g.base_error)
                .for_each(|e| refs.object(e));
            true
        }),
    }
}

fn future_referents(f: &FutureObj, refs: &mut Referents) -> bool {
    let (Ok(result), Ok(exception), Ok(traceback), Ok(callbacks)) = (
        f.result.try_borrow(),
        f.exception.try_borrow(),
        f.exception_tb.try_borrow(),
        f.callbacks.try_borrow(),
    ) else {
        return false;
    };
    let (Ok(message), Ok(cancelled), Ok(children)) = (
        f.cancel_message.try_borrow(),
        f.cancelled_exc.try_borrow(),
        f.children.try_borrow(),
    ) else {
        return false;
    };
    refs.values([&*result, &*message]);
    exception
        .iter()
        .chain(cancelled.iter())
        .for_each(|e| refs.object(e));
    for entry in traceback.iter().flatten() {
        entry.frame.iter().for_each(|frame| refs.object(frame));
    }
    children.iter().for_each(|c| refs.object(c));
    callbacks.iter().for_each(|c| callback_referents(c, refs));
    let Some(task) = &f.task else {
        return true;
    };
    refs.object(&task.coro);
    refs.object(&task.context);
    let Ok(waiter) = task.fut_waiter.try_borrow() else {
        return false;
    };
    waiter.iter().for_each(|w| refs.object(w));
    true
}

/// A handle's callback, when nothing but this object holds the handle (the
/// loop's queue holds a scheduled one).
pub(super) fn handle_referents(h: &Rc<Handle>, refs: &mut Referents) -> bool {
    if Rc::strong_count(h) > 1 {
        return true;
    }
    h.callback.try_borrow().is_ok_and(|callback| {
        callback.iter().for_each(|c| callback_referents(c, refs));
        true
    })
}

/// What a callback holds. The states several callbacks share (gather's,
/// `wait`'s, `as_completed`'s) are registered themselves: each callback reports
/// its reference to one.
fn callback_referents(callback: &Callback, refs: &mut Referents) {
    let futures: [Option<&Rc<AsyncObject>>; 2] = match callback {
        Callback::TaskStep { task, exc } => {
            exc.iter().for_each(|e| refs.object(e));
            [Some(task), None]
        }
        Callback::TaskWakeup { task, future } => [Some(task), future.as_ref()],
        Callback::SetResultUnlessCancelled { future, value } => {
            refs.value(value);
            [Some(future), None]
        }
        Callback::RunUntilCompleteDone { future } => [future.as_ref(), None],
        Callback::GatherChild { state, child } => {
            refs.object(state);
            [child.as_ref(), None]
        }
        Callback::Python {
            func,
            args,
            context,
        } => {
            refs.value(func);
            refs.values(args);
            context.iter().for_each(|vars| refs.object(vars));
            [None, None]
        }
        Callback::ReleaseWaiter { waiter, future } => [Some(waiter), future.as_ref()],
        Callback::WaitOnCompletion { state, future } => {
            refs.object(state);
            [future.as_ref(), None]
        }
        Callback::AsCompletedDone { state, future } => {
            refs.object(state);
            [future.as_ref(), None]
        }
        Callback::AsCompletedTimeout { state } => {
            refs.object(state);
            [None, None]
        }
        Callback::SetOriginTracking { .. } => [None, None],
        Callback::ShieldInnerDone { outer, inner } => [Some(outer), inner.as_ref()],
        Callback::ShieldOuterDone { inner, outer } => [Some(inner), outer.as_ref()],
        Callback::TimeoutFired { cm } => [Some(cm), None],
        Callback::TaskGroupTaskDone { group, task } => [Some(group), task.as_ref()],
    };
    futures.into_iter().flatten().for_each(|f| refs.object(f));
}

/// What one of asyncio's natively run coroutines holds: `sleep()`'s future
/// (and timer, when only it holds it), the lock, event, semaphore, condition
/// or queue a primitive's coroutine waits on, with its waiter, a `Timeout`'s
/// or a `TaskGroup`'s `__aenter__`/`__aexit__` (with the future it awaits),
/// `as_completed`'s `_wait_for_one()`, `wait_for()`, `wait()` and
/// `as_completed()` itself. The others (an async generator's awaitables,
/// `shutdown_asyncgens`) report nothing, which keeps what they hold alive.
pub fn native_coroutine_referents(coro: &NativeCoro, refs: &mut Referents) {
    match coro {
        NativeCoro::Sleep0 { result, .. } => refs.value(result),
        NativeCoro::SleepUnchecked { delay, result } => refs.values([delay, result]),
        NativeCoro::Sleep {
            result, waiting, ..
        } => {
            refs.value(result);
            if let Some((future, timer)) = waiting {
                refs.object(future);
                handle_referents(timer, refs);
            }
        }
        NativeCoro::Sync(c) => sync_referents(c, refs),
        NativeCoro::Queue(c) => queue_referents(c, refs),
        NativeCoro::Timeout(TimeoutCoro::Enter { cm }) => refs.object(cm),
        NativeCoro::Timeout(TimeoutCoro::Exit {
            cm,
            exc_type,
            exc_val,
        }) => {
            refs.object(cm);
            refs.values([exc_type, exc_val]);
        }
        NativeCoro::TaskGroup(c) => c.traverse(refs),
        NativeCoro::Waiting(WaitingCoro::WaitForOne { done, get }) => {
            refs.object(done);
            get.iter().for_each(|c| queue_referents(c, refs));
        }
        NativeCoro::Waiting(WaitingCoro::WaitFor(wait_for)) => wait_for.traverse(refs),
        NativeCoro::Waiting(WaitingCoro::Wait(wait)) => wait.traverse(refs),
        NativeCoro::Waiting(WaitingCoro::AsCompleted {
            fs,
            timeout,
            started,
        }) => {
            refs.values([fs, timeout]);
            started.iter().for_each(|(state, _)| refs.object(state));
        }
        NativeCoro::AgenAwaitable(_) | NativeCoro::ShutdownAsyncgens(_) => {}
    }
}

fn queue_referents(coro: &QueueCoro, refs: &mut Referents) {
    match coro {
        QueueCoro::Put {
            queue,
            receiver,
            item,
            waiting,
        } => {
            refs.object(queue);
            refs.value(receiver);
            item.iter().for_each(|item| refs.value(item));
            waiting.iter().for_each(|w| refs.object(w));
        }
        QueueCoro::Get {
            queue,
            receiver,
            waiting,
        } => {
            refs.object(queue);
            refs.value(receiver);
            waiting.iter().for_each(|w| refs.object(w));
        }
        QueueCoro::Join { queue, wait } => {
            refs.object(queue);
            wait.iter().for_each(|c| sync_referents(c, refs));
        }
    }
}

fn sync_referents(coro: &SyncCoro, refs: &mut Referents) {
    match coro {
        SyncCoro::LockAcquire {
            lock: target,
            waiting,
            then_return,
        }
        | SyncCoro::SemAcquire {
            sem: target,
            waiting,
            then_return,
        } => {
            refs.object(target);
            waiting.iter().for_each(|w| refs.object(w));
            refs.value(then_return);
        }
        SyncCoro::EventWait { event, waiting } => {
            refs.object(event);
            waiting.iter().for_each(|w| refs.object(w));
        }
        SyncCoro::CondWait { cond, lock, stage } => {
            refs.object(cond);
            refs.object(lock);
            match stage {
                CondStage::Start => {}
                CondStage::Parked(waiter) => refs.object(waiter),
                CondStage::Reacquire {
                    acquire, outcome, ..
                } => {
                    sync_referents(acquire, refs);
                    match outcome {
                        Ok(value) => refs.value(value),
                        Err(e) => refs.object(e),
                    }
                }
            }
        }
        SyncCoro::CondWaitFor {
            cond,
            lock,
            predicate,
            inner,
        } => {
            refs.object(cond);
            refs.object(lock);
            refs.value(predicate);
            inner.iter().for_each(|c| sync_referents(c, refs));
        }
        SyncCoro::Release { target } => refs.object(target),
    }
}

/// A future or task found in garbage reports now what its destructor would
/// (`Task.__del__`'s "Task was destroyed but it is pending!", `Future.__del__`'s
/// "exception was never retrieved"), queued with the object itself, which
/// keeps it and what it refers to until the report is given; each reports
/// once.
pub fn finalize(object: Rc<AsyncObject>) {
    let Some(f) = object.as_future() else {
        return;
    };
    let pending_task = f.state.get() == FutState::Pending
        && f.task
            .as_ref()
            .is_some_and(|t| t.log_destroy_pending.replace(false));
    if pending_task {
        warnings::push(Notice::TaskDestroyedPending(Value::Native(object)));
        return;
    }
    if !f.log_traceback.replace(false) {
        return;
    }
    let exc = f.exception.borrow().clone();
    let describe = f.describe_on_drop.borrow_mut().take().map(String::from);
    if let (Some(exc), Some(describe)) = (exc, describe) {
        warnings::push(Notice::ExceptionNeverRetrieved {
            describe,
            exc,
            future: Value::Native(object),
        });
    }
}

/// Empties a garbage object: what it holds goes to `taken`.
pub fn clear(object: &AsyncObject, taken: &mut Vec<Box<dyn Any>>) {
    match object {
        AsyncObject::Future(f) => {
            taken.push(Box::new((
                f.result.replace(Value::None),
                f.cancel_message.replace(Value::None),
                f.exception.take(),
                f.exception_tb.take(),
                f.cancelled_exc.take(),
                f.children.take(),
                f.callbacks.take(),
            )));
            if let Some(task) = &f.task {
                taken.push(Box::new(task.fut_waiter.take()));
            }
        }
        AsyncObject::Handle(h) => {
            if Rc::strong_count(h) == 1 {
                taken.push(Box::new(h.callback.take()));
            }
        }
        AsyncObject::Loop(_) => {}
        AsyncObject::Queue(q) => {
            let mut q = q.borrow_mut();
            let held = (
                std::mem::take(&mut q.items),
                std::mem::take(&mut q.getters),
                std::mem::take(&mut q.putters),
            );
            taken.push(Box::new(held));
        }
        AsyncObject::Lock(l) => taken.push(Box::new(std::mem::take(&mut l.borrow_mut().waiters))),
        AsyncObject::Event(e) => taken.push(Box::new(std::mem::take(&mut e.borrow_mut().waiters))),
        AsyncObject::Semaphore(s) => {
            taken.push(Box::new(std::mem::take(&mut s.borrow_mut().waiters)));
        }
        AsyncObject::Condition(c) => {
            let mut c = c.borrow_mut();
            taken.push(Box::new(std::mem::take(&mut c.waiters)));
            if let CondLock::Bound(b) = &mut c.lock {
                let held = [&mut b.lock, &mut b.locked, &mut b.acquire, &mut b.release]
                    .map(|v| std::mem::replace(v, Value::None));
                taken.push(Box::new(held));
            }
        }
        AsyncObject::Timeout(t) => {
            let mut t = t.borrow_mut();
            let handler = t.timeout_handler.take_if(|h| Rc::strong_count(h) == 1);
            let held = (
                handler,
                t.task.take(),
                std::mem::replace(&mut t.when, Value::None),
            );
            taken.push(Box::new(held));
        }
        AsyncObject::TaskGroup(g) => {
            let mut g = g.borrow_mut();
            let held = (
                g.parent_task.take(),
                std::mem::take(&mut g.tasks),
                std::mem::take(&mut g.errors),
                g.base_error.take(),
                g.on_completed_fut.take(),
            );
            taken.push(Box::new(held));
        }
    }
}
