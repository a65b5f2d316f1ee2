//! `asyncio.shield(arg)`, ported from CPython 3.11.7's tasks.py: the outer
//! future and the two callbacks that tie it to the inner one.

use std::rc::Rc;

use crate::object::exceptions::type_error;
use crate::object::value::{Args, PyResult, Value};
use crate::vm::Vm;

use super::api::bind;
use super::callbacks::Callback;
use super::futures;
use super::objects::{as_future, AsyncObject};
use super::waiting::{is_cancelled, is_coroutine, is_done};

/// `asyncio.shield(arg)`.
pub fn shield(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let arg = bind("shield", args, &["arg"], &[], 1)?
        .into_iter()
        .next()
        .flatten()
        .unwrap_or(Value::None);
    // `_ensure_future(arg)`.
    let inner = match as_future(&arg) {
        Some(o) => o,
        None => {
            if !is_coroutine(&arg) {
                return Err(type_error(
                    "An asyncio.Future, a coroutine or an awaitable is required",
                ));
            }
            let loop_id = super::events::event_loop_id(vm)?;
            super::ensure_future(vm, loop_id, &arg)?
        }
    };
    if is_done(&inner) {
        // Shortcut.
        return Ok(Value::Native(inner));
    }
    let outer = futures::new_future(vm, "shield");
    futures::record_link(vm, &outer, &inner);
    futures::add_done_callback(
        vm,
        &inner,
        Callback::ShieldInnerDone {
            outer: outer.clone(),
            inner: None,
        },
    );
    futures::add_done_callback(vm, &outer, Callback::ShieldOuterDone { inner, outer: None });
    Ok(Value::Native(outer))
}

/// shield's `_inner_done_callback(inner)`.
pub fn shield_inner_done(
    vm: &mut Vm,
    inner: &Rc<AsyncObject>,
    outer: &Rc<AsyncObject>,
) -> PyResult<()> {
    if is_cancelled(outer) {
        if !is_cancelled(inner) {
            // Mark inner's result as retrieved.
            futures::exception(inner)?;
        }
        return Ok(());
    }
    if is_cancelled(inner) {
        futures::cancel(vm, outer, Value::None);
    } else {
        match futures::exception(inner)? {
            Value::Exception(e) => futures::set_exception(vm, outer, e)?,
            _ => {
                let result = futures::result(inner)?;
                futures::set_result_checked(vm, outer, result)?;
            }
        }
    }
    Ok(())
}

/// shield's `_outer_done_callback(outer)`.
pub fn shield_outer_done(inner: &Rc<AsyncObject>, outer: &Rc<AsyncObject>) {
    if !is_done(inner) {
        futures::remove_done_callback(
            inner,
            &Callback::ShieldInnerDone {
                outer: outer.clone(),
                inner: None,
            },
        );
    }
}
