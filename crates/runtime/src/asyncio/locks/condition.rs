//! locks.py's `Condition`: its state, the lock it works on, `notify` and
//! the methods the program calls.
//!
//! `Condition.__init__` takes its `locked`, `acquire` and `release` from the
//! lock it is given, and every method calls them through `self`. Over a plain
//! `asyncio.Lock` the engine works on the native lock directly (the
//! [`CondLock::Native`] fast path, `wait` a [`SyncCoro::CondWait`] state
//! machine); over anything else (an instance of a class derived from Lock that
//! prints or counts in its own `acquire`, a Semaphore, any object with those
//! methods) it keeps the lock's bound methods ([`CondLock::Bound`]) and calls
//! them where locks.py does: `wait` and `wait_for` then run locks.py's own
//! Python (`python/locks.py`), which awaits whatever `acquire()` returns.

use std::collections::VecDeque;
use std::rc::Rc;

use crate::object::exceptions::{runtime_error, type_error};
use crate::object::value::{Args, NativeFn, PyResult, Value};
use crate::vm::Vm;

use super::super::api::{arg, receiver_obj};
use super::super::objects::{as_async, AsyncObject};
use super::coroutines::{coroutine, CondStage, SyncCoro};
use super::{is_done, lock_locked, lock_release, new_lock, new_primitive_id, park, wake};

pub struct ConditionState {
    pub id: u32,
    pub lock: CondLock,
    pub waiters: VecDeque<Rc<AsyncObject>>,
}

/// The lock of a Condition.
pub enum CondLock {
    /// A plain `asyncio.Lock`.
    Native(Rc<AsyncObject>),
    /// Any other object: `Condition.__init__`'s `self._lock`, `self.locked`,
    /// `self.acquire` and `self.release`.
    Bound(Box<BoundLock>),
}

pub struct BoundLock {
    pub lock: Value,
    pub locked: Value,
    pub acquire: Value,
    pub release: Value,
}

impl CondLock {
    /// The lock as `Condition._lock` holds it.
    pub fn value(&self) -> Value {
        match self {
            CondLock::Native(lock) => Value::Native(lock.clone()),
            CondLock::Bound(b) => b.lock.clone(),
        }
    }

    /// `Condition.__init__(lock)`: a plain Lock is used as it is; of anything
    /// else the three methods are taken, in locks.py's order (an object
    /// without them is an AttributeError there).
    pub fn of(vm: &mut Vm, lock: Option<Value>) -> PyResult<CondLock> {
        let lock = match lock {
            None | Some(Value::None) => return Ok(CondLock::Native(new_lock(vm))),
            Some(lock) => lock,
        };
        if let (Value::Native(_), Some(o)) = (&lock, as_async(&lock)) {
            if matches!(&*o, AsyncObject::Lock(_)) {
                return Ok(CondLock::Native(o));
            }
        }
        let locked = crate::attrs::get_attr(vm, &lock, "locked")?;
        let acquire = crate::attrs::get_attr(vm, &lock, "acquire")?;
        let release = crate::attrs::get_attr(vm, &lock, "release")?;
        Ok(CondLock::Bound(Box::new(BoundLock {
            lock,
            locked,
            acquire,
            release,
        })))
    }

    /// `Condition.__init__`'s `self.locked`, `self.acquire` or `self.release`.
    pub fn method(&self, name: &str) -> Option<Value> {
        match self {
            CondLock::Native(lock) => {
                let (n, f) = super::method(name)?;
                Some(super::super::api::builtin(
                    n,
                    f,
                    Value::Native(lock.clone()),
                ))
            }
            CondLock::Bound(b) => match name {
                "locked" => Some(b.locked.clone()),
                "acquire" => Some(b.acquire.clone()),
                "release" => Some(b.release.clone()),
                _ => None,
            },
        }
    }

    /// The native lock, on the fast path.
    pub fn native(&self) -> Option<&Rc<AsyncObject>> {
        match self {
            CondLock::Native(lock) => Some(lock),
            CondLock::Bound(_) => None,
        }
    }
}

pub fn new_condition(vm: &mut Vm, lock: CondLock) -> Rc<AsyncObject> {
    let id = new_primitive_id(vm, "Condition", 0);
    super::super::gc_edges::new(AsyncObject::Condition(std::cell::RefCell::new(
        ConditionState {
            id,
            lock,
            waiters: VecDeque::new(),
        },
    )))
}

pub fn cond_state(obj: &AsyncObject) -> &std::cell::RefCell<ConditionState> {
    match obj {
        AsyncObject::Condition(c) => c,
        _ => unreachable!("not a condition"),
    }
}

/// `self.locked`, `self.acquire` or `self.release` of a Condition.
fn cond_method(cond: &AsyncObject, name: &str) -> Option<Value> {
    cond_state(cond).borrow().lock.method(name)
}

/// `self.locked()`, as a truth value.
pub fn cond_locked(vm: &mut Vm, cond: &AsyncObject) -> PyResult<bool> {
    let locked = match &cond_state(cond).borrow().lock {
        CondLock::Native(lock) => return Ok(lock_locked(lock)),
        CondLock::Bound(b) => b.locked.clone(),
    };
    let r = vm.call0(&locked)?;
    crate::ops::truthy(vm, &r)
}

/// Whether the lock is held, for a repr written without the VM (when an
/// object dies): a lock's own `locked()` cannot run then, so a Condition over
/// an object that is not a Lock shows as unlocked.
pub fn locked_without_vm(cond: &AsyncObject) -> bool {
    let lock = match &cond_state(cond).borrow().lock {
        CondLock::Native(lock) => lock.clone(),
        CondLock::Bound(b) => match as_async(&b.lock) {
            Some(lock) if matches!(&*lock, AsyncObject::Lock(_)) => lock,
            _ => return false,
        },
    };
    lock_locked(&lock)
}

/// `self.release()`.
pub fn cond_release(vm: &mut Vm, cond: &AsyncObject) -> PyResult<()> {
    let release = match &cond_state(cond).borrow().lock {
        CondLock::Native(lock) => lock.clone(),
        CondLock::Bound(b) => {
            let release = b.release.clone();
            return vm.call0(&release).map(drop);
        }
    };
    lock_release(vm, &release)
}

/// Whether the Condition works on a plain Lock (the native fast path).
pub fn is_native(cond: &AsyncObject) -> bool {
    cond_state(cond).borrow().lock.native().is_some()
}

/// The plain Lock of a Condition on the fast path.
pub fn native_lock(cond: &AsyncObject) -> Option<Rc<AsyncObject>> {
    cond_state(cond).borrow().lock.native().cloned()
}

/// `Condition.notify(n)`.
pub fn cond_notify(vm: &mut Vm, cond: &Rc<AsyncObject>, n: usize) -> PyResult<()> {
    if !cond_locked(vm, cond)? {
        return Err(runtime_error("cannot notify on un-acquired lock"));
    }
    let (id, waiters) = {
        let c = cond_state(cond).borrow();
        (c.id, c.waiters.iter().cloned().collect::<Vec<_>>())
    };
    let mut idx = 0;
    for fut in waiters {
        if idx >= n {
            break;
        }
        if !is_done(&fut) {
            idx += 1;
            wake(vm, id, &fut, Value::Bool(false));
        }
    }
    Ok(())
}

/// The `lock` of `Condition.__init__(self, lock=None)`.
pub fn condition_lock_arg(args: Args) -> PyResult<Option<Value>> {
    Ok(
        super::super::api::bind_init("Condition", args, &["lock"], 0)?
            .pop()
            .flatten(),
    )
}

/// `Condition.__init__` on an instance of a class derived from Condition:
/// its lock, and the attributes locks.py sets on `self` (`_lock`, then the
/// lock's `locked`, `acquire` and `release`, which hide the class's own).
pub fn init_instance(vm: &mut Vm, recv: &Value, cond: &AsyncObject, args: Args) -> PyResult<()> {
    if let Some(lock) = condition_lock_arg(args)? {
        let lock = CondLock::of(vm, Some(lock))?;
        cond_state(cond).borrow_mut().lock = lock;
    }
    let lock = cond_state(cond).borrow().lock.value();
    crate::attrs::set_attr(vm, recv, "_lock", lock)?;
    for name in ["locked", "acquire", "release"] {
        if let Some(method) = cond_method(cond, name) {
            crate::attrs::set_attr(vm, recv, name, method)?;
        }
    }
    Ok(())
}

/// The attributes of a Condition that `__init__` sets (`_lock`, `locked`,
/// `acquire`, `release`): those of its lock.
pub fn attr(cond: &AsyncObject, name: &str) -> Option<Value> {
    match name {
        "_lock" => Some(cond_state(cond).borrow().lock.value()),
        _ => cond_method(cond, name),
    }
}

/// The methods of a Condition besides its lock's.
pub fn method(name: &str) -> Option<(&'static str, NativeFn)> {
    match name {
        "__aenter__" => Some(("__aenter__", c_aenter)),
        "__aexit__" => Some(("__aexit__", c_aexit)),
        "wait" => Some(("wait", c_wait)),
        "wait_for" => Some(("wait_for", c_wait_for)),
        "notify" => Some(("notify", c_notify)),
        "notify_all" => Some(("notify_all", c_notify_all)),
        _ => None,
    }
}

/// The methods of a Condition that are `async def` in CPython.
pub fn coroutine_methods() -> [NativeFn; 4] {
    [c_aenter, c_aexit, c_wait, c_wait_for]
}

/// A method of locks.py's Condition run as locks.py's Python
/// (`python/locks.py`'s copy) on `recv`.
fn run_python(vm: &mut Vm, name: &str, recv: &Value, args: Args) -> PyResult<Value> {
    let module = vm.import("asyncio.locks")?;
    let class = crate::attrs::get_attr(vm, &module, "_ConditionMethods")?;
    let func = crate::attrs::get_attr(vm, &class, name)?;
    vm.call_method(&func, recv, args)
}

/// `_ContextManagerMixin.__aenter__`: `await self.acquire()`.
fn c_aenter(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    match native_lock(&o) {
        Some(lock) => Ok(coroutine(
            "acquire",
            "Lock.acquire",
            SyncCoro::LockAcquire {
                lock,
                waiting: None,
                then_return: Value::None,
            },
        )),
        None => run_python(vm, "__aenter__", r, a),
    }
}

/// `_ContextManagerMixin.__aexit__`: `self.release()`.
fn c_aexit(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    if !is_native(&o) {
        return run_python(vm, "__aexit__", r, a);
    }
    Ok(coroutine(
        "__aexit__",
        "_ContextManagerMixin.__aexit__",
        SyncCoro::Release { target: o },
    ))
}

fn c_wait(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    let Some(lock) = native_lock(&o) else {
        return run_python(vm, "wait", r, a);
    };
    Ok(coroutine(
        "wait",
        "Condition.wait",
        SyncCoro::CondWait {
            cond: o,
            lock,
            stage: CondStage::Start,
        },
    ))
}

/// `Condition.wait_for(predicate)`: natively over a plain Lock unless the
/// program's class overrides `wait`, which locks.py's calls.
fn c_wait_for(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    let lock = match native_lock(&o) {
        Some(lock) if super::super::subclassing::override_of(vm, r, "wait")?.is_none() => lock,
        _ => return run_python(vm, "wait_for", r, a),
    };
    let predicate = arg(&a, 0, "predicate").ok_or_else(|| {
        type_error("Condition.wait_for() missing 1 required positional argument: 'predicate'")
    })?;
    Ok(coroutine(
        "wait_for",
        "Condition.wait_for",
        SyncCoro::CondWaitFor {
            cond: o,
            lock,
            predicate,
            inner: None,
        },
    ))
}

fn c_notify(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let n = match arg(&a, 0, "n") {
        Some(Value::Int(n)) => n.max(0) as usize,
        _ => 1,
    };
    cond_notify(vm, &receiver_obj(r)?, n)?;
    Ok(Value::None)
}

/// `self.notify(len(self._waiters))`: a class's own `notify` is called.
fn c_notify_all(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let o = receiver_obj(r)?;
    let n = cond_state(&o).borrow().waiters.len();
    let call = vec![Value::Int(n as i64)];
    if super::super::subclassing::call_override(vm, r, "notify", call)?.is_none() {
        cond_notify(vm, &o, n)?;
    }
    Ok(Value::None)
}

/// `fut = self._get_loop().create_future(); self._waiters.append(fut)` for
/// `python/locks.py`'s `Condition.wait`.
pub fn park_native(vm: &mut Vm, _: &Value, a: Args) -> PyResult<Value> {
    let cond = condition_arg(&a)?;
    let id = cond_state(&cond).borrow().id;
    let fut = park(vm, id, "Condition.wait");
    cond_state(&cond)
        .borrow_mut()
        .waiters
        .push_back(fut.clone());
    Ok(Value::Native(fut))
}

/// `self._waiters.remove(fut)` for `python/locks.py`'s `Condition.wait`.
pub fn unpark_native(_vm: &mut Vm, _: &Value, a: Args) -> PyResult<Value> {
    let cond = condition_arg(&a)?;
    if let Some(fut) = a.pos.get(1).and_then(as_async) {
        super::remove_waiter(&mut cond_state(&cond).borrow_mut().waiters, &fut);
    }
    Ok(Value::None)
}

fn condition_arg(a: &Args) -> PyResult<Rc<AsyncObject>> {
    a.pos
        .first()
        .and_then(as_async)
        .filter(|o| matches!(&**o, AsyncObject::Condition(_)))
        .ok_or_else(|| type_error("a Condition is required"))
}
