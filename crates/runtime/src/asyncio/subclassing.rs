//! Classes a program derives from asyncio's queues and locks
//! (`class CountingQueue(asyncio.Queue)`): an instance holds a native queue or
//! lock (`Slots::payload_subclass`), made when the instance is; `__init__`
//! sets it up as CPython's does; and where CPython's own methods call
//! `self.method()` (queues.py's `get` calls `self.get_nowait()`, locks.py's
//! `__aenter__` awaits `self.acquire()`), the class's override is called.

use crate::object::exceptions::value_error;
use crate::object::value::{Args, PyResult, Value};
use crate::vm::Vm;

use super::api::{bind_init, receiver_obj};
use super::locks;
use super::objects::AsyncObject;
use super::queues;

/// `Queue.__init__`, `Semaphore.__init__`, ... called on an instance of a
/// derived class (by `super().__init__(...)`, or as the class's own when it
/// defines none). The primitive was made with the defaults; the trace hears
/// of the values the arguments set.
pub fn init_slot(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let obj = receiver_obj(recv)?;
    match &*obj {
        AsyncObject::Queue(q) => {
            let maxsize = queues::maxsize_arg(args)?;
            let kind = obj.type_id();
            let (id, changed) = {
                let mut q = q.borrow_mut();
                let changed = q.maxsize != maxsize;
                q.maxsize = maxsize;
                (q.id, changed)
            };
            if changed {
                locks::record_primitive(vm, id, kind.name(), maxsize);
            }
            if let Some(instance) = keeps_items_itself(recv) {
                queues::keep_items_in(vm, &obj, &instance)?;
            }
        }
        AsyncObject::Semaphore(s) => {
            let t = obj.type_id();
            let value = locks::semaphore_value_arg(t, args)?;
            if value < 0 {
                return Err(value_error("Semaphore initial value must be >= 0"));
            }
            let id = {
                let mut s = s.borrow_mut();
                if s.value == value {
                    return Ok(Value::None);
                }
                s.value = value;
                if s.bound.is_some() {
                    s.bound = Some(value);
                }
                s.id
            };
            locks::record_primitive(vm, id, t.name(), value);
        }
        AsyncObject::Condition(_) => locks::condition::init_instance(vm, recv, &obj, args)?,
        AsyncObject::Lock(_) => {
            bind_init("Lock", args, &[], 0)?;
        }
        AsyncObject::Event(_) => {
            bind_init("Event", args, &[], 0)?;
        }
        _ => {}
    }
    Ok(Value::None)
}

/// The instance `recv` when its class keeps a queue's items itself: it
/// overrides one of queues.py's `_init`, `_put` and `_get` (as PriorityQueue
/// and LifoQueue do in CPython).
fn keeps_items_itself(recv: &Value) -> Option<std::rc::Rc<crate::object::instance::Instance>> {
    let Value::Instance(instance) = recv else {
        return None;
    };
    let class = instance.class.borrow().clone();
    ["_init", "_put", "_get"]
        .iter()
        .any(|h| class.lookup_override(h).is_some())
        .then(|| instance.clone())
}

/// The method `name` that the class of `recv` (an instance of a class derived
/// from a queue or a lock) defines itself, bound to the instance; `None` for a
/// native queue or lock and for a class that keeps asyncio's method.
pub fn override_of(vm: &mut Vm, recv: &Value, name: &str) -> PyResult<Option<Value>> {
    let Value::Instance(instance) = recv else {
        return Ok(None);
    };
    let class = instance.class.borrow().clone();
    if class.lookup_override(name).is_none() {
        return Ok(None);
    }
    crate::attrs::get_attr(vm, recv, name).map(Some)
}

/// Call `recv.name(args)` if its class overrides `name`; `None` otherwise.
pub fn call_override(
    vm: &mut Vm,
    recv: &Value,
    name: &str,
    args: Vec<Value>,
) -> PyResult<Option<Value>> {
    match override_of(vm, recv, name)? {
        Some(method) => vm.call(&method, Args::new(args)).map(Some),
        None => Ok(None),
    }
}

/// `_ContextManagerMixin.__aenter__(recv)` or `__aexit__(recv, *args)` as
/// locks.py writes them, for a class that overrides `acquire` (`__aenter__`)
/// or `release` (`__aexit__`): the coroutine they return, which calls the
/// override. `None` when the native method will do.
pub fn mixin_coroutine(
    vm: &mut Vm,
    recv: &Value,
    method: &str,
    args: Args,
) -> PyResult<Option<Value>> {
    let hook = if method == "__aenter__" {
        "acquire"
    } else {
        "release"
    };
    if override_of(vm, recv, hook)?.is_none() {
        return Ok(None);
    }
    let module = vm.import("asyncio.locks")?;
    let mixin = crate::attrs::get_attr(vm, &module, "_ContextManagerMixin")?;
    let func = crate::attrs::get_attr(vm, &mixin, method)?;
    vm.call_method(&func, recv, args).map(Some)
}
