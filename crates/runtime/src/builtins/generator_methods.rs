//! Generator and coroutine objects' attributes and methods: `send`,
//! `throw`, `close` (with CPython's GeneratorExit protocol), `__next__`,
//! `__name__`, `gi_running` / `cr_running`, `gi_code` / `cr_code`,
//! `gi_frame` / `cr_frame` / `ag_frame`, ...

use std::rc::Rc;

use super::args::{count_range, exactly_one, no_args};
use crate::object::exceptions::{stop_iteration, type_error};
use crate::object::generator::{
    AgenOp, AnextAwaitable, AsyncGenAwaitable, AwaitableState, CoroutineWrapper, GenState,
    Generator,
};
use crate::object::types::type_of;
use crate::object::value::{Args, ExcRef, NativeFn, PyResult, Value};
use crate::vm::{GenOutcome, Resume, Vm};

/// Data attributes (the `getattr` slot of generators and coroutines).
pub fn getattr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Value::Generator(g) = obj else {
        return Ok(None);
    };
    if name.ends_with("_frame") && name.len() == 8 {
        if let Some(frame) = frame_attribute(vm, g, name) {
            return Ok(Some(frame));
        }
    }
    Ok(data_attribute(g, name))
}

/// `gi_frame` / `cr_frame` / `ag_frame`: a snapshot of its frame (the line
/// it is at, no `f_back` while suspended), None once it finished. A
/// coroutine of asyncio's own (a native one) has none here.
fn frame_attribute(vm: &Vm, g: &Rc<Generator>, name: &str) -> Option<Value> {
    let prefix = if g.is_coroutine {
        "cr_"
    } else if g.is_async_gen() {
        "ag_"
    } else {
        "gi_"
    };
    if name.strip_prefix(prefix) != Some("frame") {
        return None;
    }
    let code = g.code.clone()?;
    let line = match (g.state.get(), &*g.body.borrow()) {
        (GenState::Closed, _) => return Some(Value::None),
        (_, body) if body.frame().is_some_and(|f| f.pc > 0) => {
            body.frame().map_or(0, |f| f.current_line())
        }
        (GenState::Running, _) => vm
            .frames
            .iter()
            .rev()
            .find(|f| f.owner.as_ref().is_some_and(|o| Rc::ptr_eq(o, g)))
            .map_or(code.first_line, |f| f.current_line()),
        _ => code.first_line,
    };
    let frame = super::frame_object::FrameObject {
        code,
        line,
        back: Value::None,
        namespaces: None,
    };
    Some(Value::Native(Rc::new(frame)))
}

fn data_attribute(g: &Rc<Generator>, name: &str) -> Option<Value> {
    let prefix = if g.is_coroutine {
        "cr_"
    } else if g.is_async_gen() {
        "ag_"
    } else {
        "gi_"
    };
    let state = g.state.get();
    Some(match name {
        "__name__" => Value::str(&g.name.to_rc()),
        "__qualname__" => Value::str(&g.qualname.to_rc()),
        _ if name.strip_prefix(prefix) == Some("running") => {
            Value::Bool(state == GenState::Running)
        }
        _ if name.strip_prefix(prefix) == Some("suspended") => {
            Value::Bool(state == GenState::Suspended)
        }
        _ if name.strip_prefix(prefix) == Some("code") => {
            Value::Native(Rc::new(super::function_attrs::Code(g.code.clone()?)))
        }
        "cr_origin" if g.is_coroutine => match g.origin.get() {
            // Innermost first, as (filename, lineno, function name).
            Some(origin) => Value::tuple(
                origin
                    .iter()
                    .rev()
                    .map(|e| {
                        Value::tuple(vec![
                            Value::str(&e.filename),
                            Value::Int(i64::from(e.line)),
                            Value::str(&e.name),
                        ])
                    })
                    .collect(),
            ),
            None => Value::None,
        },
        _ => return None,
    })
}

pub const GENERATOR_METHODS: &[(&str, NativeFn)] = &[
    ("send", send),
    ("throw", throw),
    ("close", close),
    ("__next__", next),
    ("__iter__", iter),
];

/// Coroutines have no `__next__` or `__iter__`.
pub const COROUTINE_METHODS: &[(&str, NativeFn)] = &[
    ("send", send),
    ("throw", throw),
    ("close", close),
    ("__await__", await_wrapper),
];

/// What `coroutine.__await__()` returns: an iterator over the coroutine.
pub const WRAPPER_METHODS: &[(&str, NativeFn)] = &[
    ("send", send),
    ("throw", throw),
    ("close", close),
    ("__next__", next),
    ("__iter__", iter),
];

fn await_wrapper(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("__await__", &args)?;
    Ok(Value::Native(Rc::new(CoroutineWrapper(this(recv)?))))
}

fn this(recv: &Value) -> PyResult<Rc<Generator>> {
    if let Some(wrapper) = crate::object::native::downcast::<CoroutineWrapper>(recv) {
        return Ok(wrapper.0.clone());
    }
    match recv {
        Value::Generator(g) => Ok(g.clone()),
        other => Err(type_error(format!(
            "descriptor requires a 'generator' object but received a '{}'",
            type_of(other).name()
        ))),
    }
}

/// The result of `send`/`throw`/`__next__`: a yielded value, or
/// StopIteration carrying the return value.
fn outcome(o: GenOutcome) -> PyResult<Value> {
    match o {
        GenOutcome::Yielded(v) => Ok(v),
        GenOutcome::Returned(v) => Err(stop_iteration(v)),
        GenOutcome::Raised(e) => Err(e),
    }
}

fn send(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let g = this(recv)?;
    let v = exactly_one("send", &args)?;
    outcome(vm.resume(&g, Resume::Value(v)))
}

fn next(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let g = this(recv)?;
    no_args("__next__", &args)?;
    outcome(vm.resume(&g, Resume::Value(Value::None)))
}

fn iter(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("__iter__", &args)?;
    Ok(recv.clone())
}

/// The exception `throw(typ, val)` raises.
pub fn exception_to_throw(vm: &mut Vm, typ: &Value, val: Option<&Value>) -> PyResult<ExcRef> {
    let val = val.filter(|v| !v.is_none());
    match typ {
        Value::Type(t) if t.is_exception() => match val {
            Some(Value::Exception(e)) if e.class.is_subclass(t) => Ok(e.clone()),
            Some(Value::Tuple(items)) => vm.exception_of_class(t, items.to_vec()),
            Some(v) => vm.exception_of_class(t, vec![v.clone()]),
            None => vm.exception_of_class(t, Vec::new()),
        },
        Value::Exception(e) => match val {
            None => Ok(e.clone()),
            Some(_) => Err(type_error(
                "instance exception may not have a separate value",
            )),
        },
        other => Err(type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            type_of(other).name()
        ))),
    }
}

fn throw(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let g = this(recv)?;
    count_range("throw", &args, 1, 3)?;
    let e = exception_to_throw(vm, &args.pos[0], args.pos.get(1))?;
    outcome(vm.resume(&g, Resume::Throw(e)))
}

fn close(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let g = this(recv)?;
    no_args("close", &args)?;
    vm.close_generator(&g)?;
    Ok(Value::None)
}

/// Asynchronous generators' methods.
pub const ASYNC_GEN_METHODS: &[(&str, NativeFn)] = &[
    ("__aiter__", agen_aiter),
    ("__anext__", agen_anext),
    ("asend", agen_asend),
    ("athrow", agen_athrow),
    ("aclose", agen_aclose),
];

fn this_agen(recv: &Value) -> PyResult<Rc<Generator>> {
    match recv {
        Value::Generator(g) if g.is_async_gen() => Ok(g.clone()),
        other => Err(type_error(format!(
            "descriptor requires a 'async_generator' object but received a '{}'",
            type_of(other).name()
        ))),
    }
}

/// A new `asend`/`athrow` awaitable of `recv` (the hooks are set up first).
fn agen_awaitable(vm: &mut Vm, recv: &Value, op: AgenOp) -> PyResult<Value> {
    let g = this_agen(recv)?;
    vm.agen_init_hooks(&g)?;
    Ok(Value::Native(Rc::new(AsyncGenAwaitable::new(g, op))))
}

fn agen_aiter(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("__aiter__", &args)?;
    this_agen(recv)?;
    Ok(recv.clone())
}

fn agen_anext(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("__anext__", &args)?;
    agen_awaitable(vm, recv, AgenOp::Send(Value::None))
}

fn agen_asend(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("asend", &args)?;
    agen_awaitable(vm, recv, AgenOp::Send(v))
}

fn agen_athrow(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("athrow", &args, 1, 3)?;
    let e = exception_to_throw(vm, &args.pos[0], args.pos.get(1))?;
    agen_awaitable(vm, recv, AgenOp::Throw(e))
}

fn agen_aclose(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("aclose", &args)?;
    agen_awaitable(vm, recv, AgenOp::Close)
}

/// The methods of the awaitables `asend`/`athrow`/`aclose` return: they
/// are their own iterators, like coroutines' `__await__()`.
pub const AGEN_AWAITABLE_METHODS: &[(&str, NativeFn)] = &[
    ("send", aw_send),
    ("throw", aw_throw),
    ("close", aw_close),
    ("__next__", aw_next),
    ("__iter__", iter),
    ("__await__", iter),
];

fn this_aw(recv: &Value) -> PyResult<Rc<AsyncGenAwaitable>> {
    crate::vm::agen_awaitable(recv).ok_or_else(|| {
        type_error(format!(
            "descriptor requires a 'async_generator_asend' object but received a '{}'",
            type_of(recv).name()
        ))
    })
}

fn aw_send(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let aw = this_aw(recv)?;
    let v = exactly_one("send", &args)?;
    outcome(vm.step_agen_awaitable(&aw, Resume::Value(v)))
}

fn aw_next(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let aw = this_aw(recv)?;
    no_args("__next__", &args)?;
    outcome(vm.step_agen_awaitable(&aw, Resume::Value(Value::None)))
}

fn aw_throw(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let aw = this_aw(recv)?;
    count_range("throw", &args, 1, 3)?;
    let e = exception_to_throw(vm, &args.pos[0], args.pos.get(1))?;
    outcome(vm.step_agen_awaitable(&aw, Resume::Throw(e)))
}

fn aw_close(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let aw = this_aw(recv)?;
    no_args("close", &args)?;
    aw.state.set(AwaitableState::Closed);
    Ok(Value::None)
}

/// `await anext(it, default)` runs `_loopscope.anext_default(awaitable,
/// default)`, a library coroutine (the `await_iter` slot of `anext_awaitable`).
pub fn anext_await_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(aw) = crate::object::native::downcast::<AnextAwaitable>(v) else {
        return Err(type_error("expected an anext_awaitable"));
    };
    let helper = vm.import("_loopscope")?;
    let f = crate::attrs::get_attr(vm, &helper, "anext_default")?;
    vm.call(
        &f,
        Args::new(vec![aw.awaitable.clone(), aw.default.clone()]),
    )
}
