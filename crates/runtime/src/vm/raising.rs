//! Exceptions as `raise` and `except` see them: what `raise X`, `raise X
//! from Y` make of their operands, instantiating an exception class, and
//! `except X` matching.

use crate::object::exceptions::{runtime_error, type_error};
use crate::object::types::{type_of, TypeRef};
use crate::object::value::{Args, ExcRef, PyResult, Value};
use crate::vm::Vm;

impl Vm {
    pub(super) fn make_raise(&mut self, n: u8) -> PyResult<ExcRef> {
        if n == 0 {
            return Ok(self
                .handled_exception()
                .unwrap_or_else(|| runtime_error("No active exception to reraise")));
        }
        let cause = if n == 2 { Some(self.pop()) } else { None };
        let v = self.pop();
        let e = self.instantiate_exception(v)?;
        if let Some(cause) = cause {
            let c =
                match cause {
                    Value::None => None,
                    other => Some(self.instantiate_exception(other).map_err(|_| {
                        type_error("exception causes must derive from BaseException")
                    })?),
                };
            *e.cause.borrow_mut() = c;
            e.suppress_context.set(true);
        }
        Ok(e)
    }

    /// `raise X`: X may be an instance or a class to call.
    pub(crate) fn instantiate_exception(&mut self, v: Value) -> PyResult<ExcRef> {
        match v {
            Value::Exception(e) => Ok(e),
            Value::Type(t) if t.is_exception() => self.exception_of_class(&t, Vec::new()),
            _ => Err(type_error("exceptions must derive from BaseException")),
        }
    }

    /// Call an exception class with `args`.
    pub(crate) fn exception_of_class(&mut self, t: &TypeRef, args: Vec<Value>) -> PyResult<ExcRef> {
        match self.call(&Value::Type(t.clone()), Args::new(args))? {
            Value::Exception(e) => Ok(e),
            other => Err(type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                t.repr(),
                type_of(&other).name()
            ))),
        }
    }
}

/// `except X` / `except (X, Y)` matching.
pub(crate) fn exception_matches(e: &ExcRef, cls: &Value) -> PyResult<bool> {
    match cls {
        Value::Type(t) if t.is_exception() => Ok(e.class.is_subclass(t)),
        Value::Tuple(items) => {
            for i in items.iter() {
                if exception_matches(e, i)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        )),
    }
}
