//! The `asyncio` module object (CPython's asyncio/__init__.py): the names
//! it exports, gathered from the files that port each CPython module, and
//! the two slots every asyncio type shares: `construct` (calling the type)
//! and `getattr` (its methods, which live beside the object they act on:
//! `futures::method`, `tasks::method`, `locks::method`, ...).

use std::rc::Rc;

use crate::object::exceptions::type_error;
use crate::object::types::{TypeId, TypeRef};
use crate::object::value::{Args, Builtin, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

use super::objects::{as_async, AsyncObject};
use super::{
    as_completed, base_events, coroutines, events, futures, gather, locks, queues, runners, shield,
    taskgroups, tasks, timeouts, wait, wait_for,
};

pub(super) fn builtin(name: &'static str, func: NativeFn, receiver: Value) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        func,
        receiver,
    }))
}

/// Build the `asyncio` module.
pub fn make_module(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("asyncio", "asyncio/__init__.py");
    let functions: &[(&'static str, NativeFn)] = &[
        ("sleep", tasks::sleep),
        ("create_task", tasks::create_task_fn),
        ("ensure_future", tasks::ensure_future),
        ("gather", gather::gather_fn),
        ("get_running_loop", events::get_running_loop),
        ("get_event_loop", events::get_event_loop),
        ("new_event_loop", events::new_event_loop),
        ("set_event_loop", events::set_event_loop),
        ("current_task", tasks::current_task),
        ("all_tasks", tasks::all_tasks),
        ("iscoroutine", coroutines::iscoroutine),
        ("iscoroutinefunction", coroutines::iscoroutinefunction),
        ("isfuture", futures::isfuture),
        ("wait_for", wait_for::wait_for),
        ("wait", wait::wait),
        ("as_completed", as_completed::as_completed),
        ("shield", shield::shield),
        ("timeout", timeouts::timeout),
        ("timeout_at", timeouts::timeout_at),
        ("_get_running_loop", runners::get_running_loop_or_none),
    ];
    {
        let mut attrs = m.attrs.borrow_mut();
        for (name, f) in functions {
            attrs.insert_str(name, builtin(name, *f, Value::None));
        }
        for t in [
            TypeId::CancelledError,
            TypeId::InvalidStateError,
            TypeId::Future,
            TypeId::Task,
            TypeId::Queue,
            TypeId::LifoQueue,
            TypeId::PriorityQueue,
            TypeId::QueueEmpty,
            TypeId::QueueFull,
            TypeId::Lock,
            TypeId::Event,
            TypeId::Semaphore,
            TypeId::BoundedSemaphore,
            TypeId::Condition,
            TypeId::TaskGroup,
            TypeId::Timeout,
            TypeId::AbstractEventLoop,
            TypeId::BaseEventLoop,
            TypeId::Handle,
            TypeId::TimerHandle,
        ] {
            attrs.insert_str(t.name(), Value::Type(TypeRef::Builtin(t)));
        }
        // On Unix, the selector loop is the one asyncio.new_event_loop() makes.
        attrs.insert_str(
            "SelectorEventLoop",
            Value::Type(TypeRef::Builtin(TypeId::EventLoop)),
        );
        attrs.insert_str(
            "TimeoutError",
            Value::Type(TypeRef::Builtin(TypeId::TimeoutError)),
        );
        for name in [
            wait::FIRST_COMPLETED,
            wait::FIRST_EXCEPTION,
            wait::ALL_COMPLETED,
        ] {
            attrs.insert_str(name, Value::str(name));
        }
    }
    super::submodules::install(vm, &m)?;
    Ok(m)
}

/// Argument `i`, or the keyword argument `name`.
pub(super) fn arg(args: &Args, i: usize, name: &str) -> Option<Value> {
    args.pos.get(i).cloned().or_else(|| {
        args.kw
            .iter()
            .find(|(k, _)| k.as_str() == name)
            .map(|(_, v)| v.clone())
    })
}

/// Calling an asyncio type: `asyncio.Future()` (their `construct` slot).
pub fn construct(vm: &mut Vm, t: TypeId, args: Args) -> PyResult<Value> {
    match t {
        TypeId::Future => futures::construct(vm, args),
        TypeId::Queue | TypeId::LifoQueue | TypeId::PriorityQueue => queues::construct(vm, t, args),
        TypeId::Lock
        | TypeId::Event
        | TypeId::Semaphore
        | TypeId::BoundedSemaphore
        | TypeId::Condition => locks::construct(vm, t, args),
        TypeId::Task => tasks::construct_task(vm, args),
        TypeId::TaskGroup => taskgroups::construct(args),
        TypeId::Timeout => timeouts::construct(args),
        TypeId::EventLoop => events::new_event_loop(vm, &Value::None, args),
        other => Err(type_error(format!(
            "cannot create '{}' instances yet",
            other.qualified_name()
        ))),
    }
}

/// The asyncio object a method was called on.
pub(super) fn receiver_obj(recv: &Value) -> PyResult<Rc<AsyncObject>> {
    as_async(recv).ok_or_else(|| type_error("method called on the wrong object"))
}

/// Attribute lookup on asyncio objects (their types' `getattr` slot).
pub fn get_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(o) = as_async(obj) else {
        return Ok(None);
    };
    if let Some(value) = locks::private_attr(&o, name) {
        return Ok(Some(value));
    }
    let method: Option<(&'static str, NativeFn)> =
        match &*o {
            AsyncObject::Future(f) => {
                let is_task = f.task.is_some();
                futures::method(name, is_task).or_else(|| {
                    if is_task {
                        tasks::method(name)
                    } else {
                        None
                    }
                })
            }
            AsyncObject::Handle(_) => events::handle_method(name),
            AsyncObject::Loop(l) if name == "slow_callback_duration" => {
                return Ok(Some(super::debug::slow_callback_duration(vm, *l)))
            }
            AsyncObject::Loop(_) => match base_events::method(name) {
                None => return super::selector_events::python_loop_method(vm, obj, name),
                method => method,
            },
            AsyncObject::Queue(q) if name == "maxsize" || name == "_maxsize" => {
                return Ok(Some(Value::Int(q.borrow().maxsize)))
            }
            AsyncObject::Queue(q) if name == "_unfinished_tasks" => {
                return Ok(Some(Value::Int(q.borrow().unfinished_tasks)))
            }
            AsyncObject::Queue(_) => match queues::method(name) {
                None if name.starts_with('_') => return queues::private_attr(vm, &o, name),
                method => method,
            },
            AsyncObject::Lock(_) | AsyncObject::Semaphore(_) => locks::method(name),
            AsyncObject::Condition(_) => match locks::condition::attr(&o, name) {
                Some(value) => return Ok(Some(value)),
                None => locks::condition::method(name),
            },
            AsyncObject::Event(_) => locks::event_method(name),
            AsyncObject::Timeout(_) => timeouts::method(name),
            AsyncObject::TaskGroup(_) => taskgroups::method(name),
        };
    Ok(method.map(|(n, f)| builtin(n, f, obj.clone())))
}

/// Bind the arguments of a Python class's `__init__(self, params...)` (no
/// keyword-only ones), with CPython's messages naming `Class.__init__()`:
/// `loop=`, which 3.10 removed, is an unexpected keyword. The values come
/// back without `self`.
pub(super) fn bind_init(
    class: &str,
    args: Args,
    params: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let mut args = args;
    args.pos.insert(0, Value::None);
    let with_self: Vec<&str> = std::iter::once("self")
        .chain(params.iter().copied())
        .collect();
    let mut bound = bind(
        &format!("{class}.__init__"),
        args,
        &with_self,
        &[],
        required + 1,
    )?;
    bound.remove(0);
    Ok(bound)
}

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
    let slots = params.len() + kwonly.len();
    if args.kw.is_empty() && args.pos.len() >= required {
        // Positional arguments only, enough of them: nothing to check or report.
        let mut bound: Vec<Option<Value>> = Vec::with_capacity(slots);
        bound.extend(args.pos.into_iter().map(Some));
        bound.resize_with(slots, || None);
        return Ok(bound);
    }
    let mut bound: Vec<Option<Value>> = vec![None; slots];
    for (i, v) in args.pos.into_iter().enumerate() {
        bound[i] = Some(v);
    }
    for (k, v) in args.kw {
        let Some(i) = params.iter().chain(kwonly).position(|p| **p == **k) else {
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
