//! Synchronization primitives, ported from CPython 3.11.7's locks.py:
//! Lock, Event, Semaphore, BoundedSemaphore, Condition.
//!
//! Their states and algorithms, the line of waiters they share with the
//! queues, and the methods the program calls. Each `async def` of locks.py
//! is a [`SyncCoro`] state machine (`locks/coroutines.rs`).

pub mod condition;
pub mod coroutines;

pub use condition::{CondLock, ConditionState};
pub use coroutines::{coroutine, SyncCoro};

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::object::exceptions::{runtime_error, type_error, value_error};
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, ExcRef, NativeFn, PyResult, Value};
use crate::trace::EventKind;
use crate::vm::{GenOutcome, Resume, Vm};

use super::api::{bind_init, receiver_obj};
use super::futures::{is_cancelled, is_done};
use super::objects::AsyncObject;
use super::{aio, futures};

pub struct LockState {
    pub id: u32,
    pub locked: bool,
    pub waiters: VecDeque<Rc<AsyncObject>>,
}

pub struct EventState {
    pub id: u32,
    pub value: bool,
    pub waiters: VecDeque<Rc<AsyncObject>>,
}

pub struct SemaphoreState {
    pub id: u32,
    pub value: i64,
    /// `Some(initial)` for a BoundedSemaphore.
    pub bound: Option<i64>,
    pub waiters: VecDeque<Rc<AsyncObject>>,
}

pub fn new_primitive_id(vm: &mut Vm, kind: &str, value: i64) -> u32 {
    aio(vm).next_primitive_id += 1;
    let id = aio(vm).next_primitive_id;
    record_primitive(vm, id, kind, value);
    id
}

/// Tell the trace that primitive `id` of `kind` holds `value` from now on: it was
/// made, or (for a class deriving from it) its `__init__` set it up.
pub fn record_primitive(vm: &mut Vm, id: u32, kind: &str, value: i64) {
    let kind_id = vm.recorder.intern(kind);
    let label = vm.recorder.intern(&format!("{kind} #{id}"));
    let line = vm.current_line();
    vm.recorder.record(
        vm.now,
        line,
        EventKind::PrimitiveCreated {
            primitive: id,
            kind: kind_id,
            label,
            value: crate::trace::Int64::new(value),
        },
    );
}

pub fn new_lock(vm: &mut Vm) -> Rc<AsyncObject> {
    let id = new_primitive_id(vm, "Lock", 0);
    super::gc_edges::new(AsyncObject::Lock(RefCell::new(LockState {
        id,
        locked: false,
        waiters: VecDeque::new(),
    })))
}

pub fn new_event(vm: &mut Vm) -> Rc<AsyncObject> {
    let id = new_primitive_id(vm, "Event", 0);
    super::gc_edges::new(AsyncObject::Event(RefCell::new(EventState {
        id,
        value: false,
        waiters: VecDeque::new(),
    })))
}

pub fn new_semaphore(vm: &mut Vm, value: i64, bounded: bool) -> PyResult<Rc<AsyncObject>> {
    if value < 0 {
        return Err(value_error("Semaphore initial value must be >= 0"));
    }
    let id = new_primitive_id(
        vm,
        if bounded {
            "BoundedSemaphore"
        } else {
            "Semaphore"
        },
        value,
    );
    Ok(super::gc_edges::new(AsyncObject::Semaphore(RefCell::new(
        SemaphoreState {
            id,
            value,
            bound: bounded.then_some(value),
            waiters: VecDeque::new(),
        },
    ))))
}

/// Takes `fut` out of a primitive's line of waiters (when it woke or was cancelled).
pub fn remove_waiter(waiters: &mut VecDeque<Rc<AsyncObject>>, fut: &Rc<AsyncObject>) {
    if let Some(pos) = waiters.iter().position(|w| Rc::ptr_eq(w, fut)) {
        waiters.remove(pos);
    }
}

/// Waits in line: `fut` (from [`park`]) joins `waiters`, the primitive's queue, is kept
/// in `waiting` for when the coroutine resumes, and is yielded to the task.
pub fn join_line(
    fut: Rc<AsyncObject>,
    waiters: &mut VecDeque<Rc<AsyncObject>>,
    waiting: &mut Option<Rc<AsyncObject>>,
) -> GenOutcome {
    waiters.push_back(fut.clone());
    *waiting = Some(fut.clone());
    GenOutcome::Yielded(Value::Native(fut))
}

/// A fresh future to park on, marked as being awaited.
pub fn park(vm: &mut Vm, primitive: u32, role: &'static str) -> Rc<AsyncObject> {
    let fut = futures::new_future(vm, role);
    if let Some(f) = fut.as_future() {
        f.blocking.set(true);
        let role = vm.recorder.intern_static(role);
        let line = vm.current_line();
        vm.recorder.record(
            vm.now,
            line,
            EventKind::WaiterParked {
                primitive,
                future: f.id,
                role,
            },
        );
    }
    fut
}

/// The value of the `await fut` a coroutine was parked on.
pub fn awaited(fut: &Rc<AsyncObject>, input: Resume) -> Result<Value, ExcRef> {
    match input {
        Resume::Throw(e) => Err(e),
        Resume::Value(_) => {
            if !is_done(fut) {
                return Err(runtime_error("await wasn't used with future"));
            }
            futures::result(fut)
        }
    }
}

fn wake(vm: &mut Vm, primitive: u32, fut: &Rc<AsyncObject>, value: Value) {
    let fid = fut.as_future().map(|f| f.id).unwrap_or(0);
    let line = vm.current_line();
    vm.recorder.record(
        vm.now,
        line,
        EventKind::WaiterWoken {
            primitive,
            future: fid,
        },
    );
    futures::set_result(vm, fut, value);
}

// ----- Lock -----

fn lock_state(obj: &AsyncObject) -> &RefCell<LockState> {
    match obj {
        AsyncObject::Lock(l) => l,
        _ => unreachable!("not a lock"),
    }
}

/// `Lock._wake_up_first()`.
fn lock_wake_up_first(vm: &mut Vm, lock: &Rc<AsyncObject>) {
    let (id, first) = {
        let l = lock_state(lock).borrow();
        (l.id, l.waiters.front().cloned())
    };
    if let Some(fut) = first {
        if !is_done(&fut) {
            wake(vm, id, &fut, Value::Bool(true));
        }
    }
}

/// `Lock.release()`.
pub fn lock_release(vm: &mut Vm, lock: &Rc<AsyncObject>) -> PyResult<()> {
    let id = {
        let mut l = lock_state(lock).borrow_mut();
        if !l.locked {
            return Err(runtime_error("Lock is not acquired."));
        }
        l.locked = false;
        l.id
    };
    let line = vm.current_line();
    vm.recorder
        .record(vm.now, line, EventKind::LockReleased { primitive: id });
    lock_wake_up_first(vm, lock);
    Ok(())
}

fn lock_acquired(vm: &mut Vm, lock: &Rc<AsyncObject>) {
    let id = {
        let mut l = lock_state(lock).borrow_mut();
        l.locked = true;
        l.id
    };
    let task = aio(vm)
        .current_task
        .as_ref()
        .and_then(super::tasks::task_part)
        .map(|t| t.id)
        .unwrap_or(0);
    let line = vm.current_line();
    vm.recorder.record(
        vm.now,
        line,
        EventKind::LockAcquired {
            primitive: id,
            task,
        },
    );
}

// ----- Event -----

fn event_state(obj: &AsyncObject) -> &RefCell<EventState> {
    match obj {
        AsyncObject::Event(e) => e,
        _ => unreachable!("not an event"),
    }
}

/// `Event.set()`.
pub fn event_set(vm: &mut Vm, ev: &Rc<AsyncObject>) {
    let (id, waiters) = {
        let mut e = event_state(ev).borrow_mut();
        if e.value {
            return;
        }
        e.value = true;
        (e.id, e.waiters.iter().cloned().collect::<Vec<_>>())
    };
    let line = vm.current_line();
    vm.recorder
        .record(vm.now, line, EventKind::EventSet { primitive: id });
    for fut in waiters {
        if !is_done(&fut) {
            wake(vm, id, &fut, Value::Bool(true));
        }
    }
}

/// `Event.clear()`.
pub fn event_clear(vm: &mut Vm, ev: &Rc<AsyncObject>) {
    let id = {
        let mut e = event_state(ev).borrow_mut();
        e.value = false;
        e.id
    };
    let line = vm.current_line();
    vm.recorder
        .record(vm.now, line, EventKind::EventCleared { primitive: id });
}

pub fn event_is_set(ev: &Rc<AsyncObject>) -> bool {
    event_state(ev).borrow().value
}

// ----- Semaphore -----

fn sem_state(obj: &AsyncObject) -> &RefCell<SemaphoreState> {
    match obj {
        AsyncObject::Semaphore(s) => s,
        _ => unreachable!("not a semaphore"),
    }
}

/// `Semaphore.locked()`.
pub fn sem_locked(sem: &AsyncObject) -> bool {
    let s = sem_state(sem).borrow();
    s.value == 0 || s.waiters.iter().any(|w| !is_cancelled(w))
}

fn sem_changed(vm: &mut Vm, sem: &Rc<AsyncObject>) {
    let (id, value) = {
        let s = sem_state(sem).borrow();
        (s.id, s.value)
    };
    let line = vm.current_line();
    vm.recorder.record(
        vm.now,
        line,
        EventKind::SemaphoreChanged {
            primitive: id,
            value: crate::trace::Int64::new(value),
        },
    );
}

/// `Semaphore._wake_up_next()`.
fn sem_wake_up_next(vm: &mut Vm, sem: &Rc<AsyncObject>) {
    let (id, waiters) = {
        let s = sem_state(sem).borrow();
        (s.id, s.waiters.iter().cloned().collect::<Vec<_>>())
    };
    for fut in waiters {
        if !is_done(&fut) {
            sem_state(sem).borrow_mut().value -= 1;
            sem_changed(vm, sem);
            wake(vm, id, &fut, Value::Bool(true));
            return;
        }
    }
}

/// `Semaphore.release()` / `BoundedSemaphore.release()`.
pub fn sem_release(vm: &mut Vm, sem: &Rc<AsyncObject>) -> PyResult<()> {
    {
        let mut s = sem_state(sem).borrow_mut();
        if let Some(bound) = s.bound {
            if s.value >= bound {
                return Err(value_error("BoundedSemaphore released too many times"));
            }
        }
        s.value += 1;
    }
    sem_changed(vm, sem);
    sem_wake_up_next(vm, sem);
    Ok(())
}

pub fn lock_locked(lock: &AsyncObject) -> bool {
    lock_state(lock).borrow().locked
}

// ----- the constructors and methods of the primitives -----

/// `asyncio.Lock()`, `Event()`, `Semaphore(value=1)`,
/// `BoundedSemaphore(value=1)`, `Condition(lock=None)`.
pub(super) fn construct(vm: &mut Vm, t: TypeId, args: Args) -> PyResult<Value> {
    match t {
        TypeId::Lock => {
            bind_init("Lock", args, &[], 0)?;
            Ok(Value::Native(new_lock(vm)))
        }
        TypeId::Event => {
            bind_init("Event", args, &[], 0)?;
            Ok(Value::Native(new_event(vm)))
        }
        TypeId::Semaphore | TypeId::BoundedSemaphore => {
            let value = semaphore_value_arg(t, args)?;
            Ok(Value::Native(new_semaphore(
                vm,
                value,
                t == TypeId::BoundedSemaphore,
            )?))
        }
        _ => {
            let lock = condition::condition_lock_arg(args)?;
            let lock = CondLock::of(vm, lock)?;
            Ok(Value::Native(condition::new_condition(vm, lock)))
        }
    }
}

/// The `value` of `Semaphore.__init__(self, value=1)` (BoundedSemaphore's too).
pub(super) fn semaphore_value_arg(t: TypeId, args: Args) -> PyResult<i64> {
    match bind_init(t.name(), args, &["value"], 0)?.pop().flatten() {
        None => Ok(1),
        Some(Value::Int(n)) => Ok(n),
        Some(other) => Err(type_error(format!(
            "'<' not supported between instances of '{}' and 'int'",
            type_of(&other).name()
        ))),
    }
}

/// The private state attributes tutorials print (`sem._value`,
/// `bounded._bound_value`, `lock._locked`, `event._value`), read from the
/// primitive's state as CPython's locks.py keeps them.
pub(super) fn private_attr(o: &AsyncObject, name: &str) -> Option<Value> {
    match (o, name) {
        (AsyncObject::Semaphore(s), "_value") => Some(Value::Int(s.borrow().value)),
        (AsyncObject::Semaphore(s), "_bound_value") => s.borrow().bound.map(Value::Int),
        (AsyncObject::Lock(l), "_locked") => Some(Value::Bool(l.borrow().locked)),
        (AsyncObject::Event(e), "_value") => Some(Value::Bool(e.borrow().value)),
        _ => None,
    }
}

/// The methods of locks and semaphores that are `async def` in CPython.
pub(super) fn coroutine_methods() -> [NativeFn; 3] {
    [p_acquire, p_aenter, p_aexit]
}

/// A method of a Lock or a Semaphore.
pub(super) fn method(name: &str) -> Option<(&'static str, NativeFn)> {
    match name {
        "acquire" => Some(("acquire", p_acquire)),
        "release" => Some(("release", p_release)),
        "locked" => Some(("locked", p_locked)),
        "__aenter__" => Some(("__aenter__", p_aenter)),
        "__aexit__" => Some(("__aexit__", p_aexit)),
        _ => None,
    }
}

/// A method of an Event.
pub(super) fn event_method(name: &str) -> Option<(&'static str, NativeFn)> {
    match name {
        "set" => Some(("set", e_set)),
        "clear" => Some(("clear", e_clear)),
        "is_set" => Some(("is_set", e_is_set)),
        "wait" => Some(("wait", e_wait)),
        _ => None,
    }
}

/// `acquire()` of a Lock or a Semaphore.
fn acquire_coro(obj: Rc<AsyncObject>, then_return: Value) -> Value {
    match &*obj {
        AsyncObject::Semaphore(_) => coroutine(
            "acquire",
            "Semaphore.acquire",
            SyncCoro::SemAcquire {
                sem: obj,
                waiting: None,
                then_return,
            },
        ),
        _ => coroutine(
            "acquire",
            "Lock.acquire",
            SyncCoro::LockAcquire {
                lock: obj,
                waiting: None,
                then_return,
            },
        ),
    }
}

fn p_acquire(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(acquire_coro(receiver_obj(r)?, Value::Bool(true)))
}

fn p_aenter(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    if let Some(coro) = super::subclassing::mixin_coroutine(vm, r, "__aenter__", a)? {
        return Ok(coro);
    }
    Ok(acquire_coro(receiver_obj(r)?, Value::None))
}

fn p_aexit(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    if let Some(coro) = super::subclassing::mixin_coroutine(vm, r, "__aexit__", a)? {
        return Ok(coro);
    }
    Ok(coroutine(
        "__aexit__",
        "_ContextManagerMixin.__aexit__",
        SyncCoro::Release {
            target: receiver_obj(r)?,
        },
    ))
}

fn p_release(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    match &*o {
        AsyncObject::Semaphore(_) => sem_release(vm, &o)?,
        _ => lock_release(vm, &o)?,
    }
    Ok(Value::None)
}

fn p_locked(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    Ok(Value::Bool(match &*o {
        AsyncObject::Semaphore(_) => sem_locked(&o),
        _ => lock_locked(&o),
    }))
}

fn e_set(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    event_set(vm, &receiver_obj(r)?);
    Ok(Value::None)
}

fn e_clear(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    event_clear(vm, &receiver_obj(r)?);
    Ok(Value::None)
}

fn e_is_set(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Bool(event_is_set(&receiver_obj(r)?)))
}

fn e_wait(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(coroutine(
        "wait",
        "Event.wait",
        SyncCoro::EventWait {
            event: receiver_obj(r)?,
            waiting: None,
        },
    ))
}
