//! Generator and coroutine objects' attributes and methods: `send`,
//! `throw`, `close` (with CPython's GeneratorExit protocol), `__next__`,
//! `__name__`, `gi_running` / `cr_running`, ...

use std::rc::Rc;

use super::args::{count_range, exactly_one, no_args};
use crate::exceptions::{exc, exc_empty, runtime_error, stop_iteration, type_error, Exception};
use crate::generator::{GenState, Generator};
use crate::types::{type_of, TypeId};
use crate::value::{Args, ExcRef, NativeFn, PyResult, Value};
use crate::vm::{GenOutcome, Resume, Vm};

/// Data attributes.
pub fn get(_obj: &Value, g: &Rc<Generator>, name: &str) -> Option<Value> {
    let prefix = if g.is_coroutine { "cr_" } else { "gi_" };
    let state = g.state.get();
    Some(match name {
        "__name__" => Value::Str(g.name.to_rc()),
        "__qualname__" => Value::Str(g.qualname.to_rc()),
        _ if name.strip_prefix(prefix) == Some("running") => {
            Value::Bool(state == GenState::Running)
        }
        _ if name.strip_prefix(prefix) == Some("suspended") => {
            Value::Bool(state == GenState::Suspended)
        }
        _ => return None,
    })
}

/// Methods; coroutines have no `__next__`.
pub fn lookup(name: &str, is_coroutine: bool) -> Option<(&'static str, NativeFn)> {
    Some(match name {
        "send" => ("send", send),
        "throw" => ("throw", throw),
        "close" => ("close", close),
        "__next__" if !is_coroutine => ("__next__", next),
        "__iter__" if !is_coroutine => ("__iter__", iter),
        _ => return None,
    })
}

fn this(recv: &Value) -> PyResult<Rc<Generator>> {
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
pub fn exception_to_throw(typ: &Value, val: Option<&Value>) -> PyResult<ExcRef> {
    let val = val.filter(|v| !v.is_none());
    match typ {
        Value::Type(t) if t.is_exception() => Ok(match val {
            None => exc_empty(*t),
            Some(Value::Exception(e)) if e.is(*t) => e.clone(),
            Some(Value::Tuple(items)) => Exception::new(*t, items.to_vec()),
            Some(v) => Exception::new(*t, vec![v.clone()]),
        }),
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
    let e = exception_to_throw(&args.pos[0], args.pos.get(1))?;
    outcome(vm.resume(&g, Resume::Throw(e)))
}

/// `gen.close()`.
pub fn close_generator(vm: &mut Vm, g: &Rc<Generator>) -> PyResult<()> {
    match g.state.get() {
        GenState::Closed => Ok(()),
        GenState::Created => {
            g.state.set(GenState::Closed);
            drop(g.take_frame());
            Ok(())
        }
        GenState::Running => Err(exc(
            TypeId::ValueError,
            if g.is_coroutine {
                "coroutine already executing"
            } else {
                "generator already executing"
            },
        )),
        GenState::Suspended => {
            match vm.resume(g, Resume::Throw(exc_empty(TypeId::GeneratorExit))) {
                GenOutcome::Yielded(_) => Err(runtime_error(if g.is_coroutine {
                    "coroutine ignored GeneratorExit"
                } else {
                    "generator ignored GeneratorExit"
                })),
                GenOutcome::Returned(_) => Ok(()),
                GenOutcome::Raised(e)
                    if e.is(TypeId::GeneratorExit) || e.is(TypeId::StopIteration) =>
                {
                    Ok(())
                }
                GenOutcome::Raised(e) => Err(e),
            }
        }
    }
}

fn close(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let g = this(recv)?;
    no_args("close", &args)?;
    close_generator(vm, &g)?;
    Ok(Value::None)
}
