//! The asynchronous iteration protocol: `GET_AITER` / `GET_ANEXT` (with
//! CPython 3.11's messages), `aiter()`, `anext()` and the awaitable
//! `anext(it, default)` returns.

use std::rc::Rc;

use crate::dunders::call_special;
use crate::object::exceptions::type_error;
use crate::object::generator::{AgenOp, AnextAwaitable, AsyncGenAwaitable};
use crate::object::types::type_of;
use crate::object::value::{ExcRef, PyResult, Value};
use crate::vm::Vm;

/// Whether `v`'s type has `__anext__`.
fn has_anext(v: &Value) -> bool {
    match v {
        Value::Generator(g) => g.is_async_gen(),
        _ => {
            crate::dunders::is_class_instance(v)
                && type_of(v).lookup_override("__anext__").is_some()
        }
    }
}

/// `TypeError` with `cause` as its cause (`_PyErr_FormatFromCause`).
fn type_error_from(msg: String, cause: ExcRef) -> ExcRef {
    let e = type_error(msg);
    *e.context.borrow_mut() = Some(cause.clone());
    *e.cause.borrow_mut() = Some(cause);
    e.suppress_context.set(true);
    e
}

impl Vm {
    /// `__aiter__()`, if `v`'s type has one.
    fn call_aiter(&mut self, v: &Value) -> PyResult<Option<Value>> {
        match v {
            Value::Generator(g) if g.is_async_gen() => Ok(Some(v.clone())),
            _ => call_special(self, v, "__aiter__", Vec::new()),
        }
    }

    /// `GET_AITER`.
    pub(crate) fn get_aiter(&mut self, v: &Value) -> PyResult<Value> {
        let Some(it) = self.call_aiter(v)? else {
            return Err(type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                type_of(v).name()
            )));
        };
        if !has_anext(&it) {
            return Err(type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                type_of(&it).name()
            )));
        }
        Ok(it)
    }

    /// `aiter(v)`.
    pub fn aiter(&mut self, v: &Value) -> PyResult<Value> {
        let Some(it) = self.call_aiter(v)? else {
            return Err(type_error(format!(
                "'{}' object is not an async iterable",
                type_of(v).name()
            )));
        };
        if !has_anext(&it) {
            return Err(type_error(format!(
                "aiter() returned not an async iterator of type '{}'",
                type_of(&it).name()
            )));
        }
        Ok(it)
    }

    /// `__anext__()`, if `it`'s type has one: the generator's `asend(None)`
    /// awaitable for an async generator.
    fn call_anext(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Generator(g) if g.is_async_gen() => {
                self.agen_init_hooks(g)?;
                let aw = AsyncGenAwaitable::new(g.clone(), AgenOp::Send(Value::None));
                Ok(Some(Value::Native(Rc::new(aw))))
            }
            _ if has_anext(it) => call_special(self, it, "__anext__", Vec::new()),
            _ => Ok(None),
        }
    }

    /// `GET_ANEXT`: the awaitable of the next item, ready for `Send`.
    pub(crate) fn get_anext(&mut self, it: &Value) -> PyResult<Value> {
        let Some(next) = self.call_anext(it)? else {
            return Err(type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                type_of(it).name()
            )));
        };
        if matches!(it, Value::Generator(_)) {
            return Ok(next);
        }
        self.awaitable_iter(&next).map_err(|cause| {
            type_error_from(
                format!(
                    "'async for' received an invalid object from __anext__: {}",
                    type_of(&next).name()
                ),
                cause,
            )
        })
    }

    /// `anext(it[, default])`.
    pub fn anext(&mut self, it: &Value, default: Option<Value>) -> PyResult<Value> {
        let Some(awaitable) = self.call_anext(it)? else {
            return Err(type_error(format!(
                "'{}' object is not an async iterator",
                type_of(it).name()
            )));
        };
        Ok(match default {
            None => awaitable,
            Some(default) => Value::Native(Rc::new(AnextAwaitable { awaitable, default })),
        })
    }

    /// CPython's `_PyCoro_GetAwaitableIter`: what `await v` drives.
    pub(crate) fn awaitable_iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(it) = crate::dunders::awaitable(self, v)? {
            return Ok(crate::iterators::unwrap_coroutine(&it));
        }
        if let Some(coro) = self.native_await_iter(v)? {
            return Ok(coro);
        }
        self.check_awaitable(v)?;
        Ok(v.clone())
    }

    /// What `await v` drives for a built-in type whose `await_iter` slot
    /// says (`anext(it, default)`'s awaitable runs a library coroutine).
    pub(crate) fn native_await_iter(&mut self, v: &Value) -> PyResult<Option<Value>> {
        let Value::Native(o) = v else {
            return Ok(None);
        };
        match self.slots.inherited(o.class_id(), |s| s.await_iter) {
            Some(f) => f(self, v).map(Some),
            None => Ok(None),
        }
    }
}
