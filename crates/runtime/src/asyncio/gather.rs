//! `asyncio.gather` and its `_GatheringFuture`, ported from tasks.py.

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use crate::object::exceptions::{type_error, Exception};
use crate::object::gc::{self, Referents, SharedState};
use crate::object::types::TypeId;
use crate::object::value::{Args, PyResult, Value};
use crate::ops::truthy;
use crate::vm::Vm;

use super::callbacks::Callback;
use super::futures;
use super::objects::{AsyncObject, FutState};

/// The state gather's `_done_callback` closes over.
pub struct GatherState {
    pub outer: std::cell::RefCell<Option<Rc<AsyncObject>>>,
    pub children: Vec<Rc<AsyncObject>>,
    pub nfuts: usize,
    pub nfinished: Cell<usize>,
    pub return_exceptions: bool,
}

impl SharedState for GatherState {
    fn traverse(&self, refs: &mut Referents) -> bool {
        let Ok(outer) = self.outer.try_borrow() else {
            return false;
        };
        outer
            .iter()
            .chain(&self.children)
            .for_each(|f| refs.object(f));
        true
    }

    fn clear(&self, taken: &mut Vec<Box<dyn Any>>) {
        taken.push(Box::new(self.outer.take()));
    }
}

/// `asyncio.gather(*aws, return_exceptions=False)`.
pub fn gather(vm: &mut Vm, args: Vec<Value>, return_exceptions: bool) -> PyResult<Value> {
    if args.is_empty() {
        let loop_id = super::events::event_loop_id(vm)?;
        let outer = futures::new_future_on(vm, loop_id, "loop.create_future()");
        futures::set_result(vm, &outer, Value::list(Vec::new()));
        return Ok(Value::Native(outer));
    }
    let mut children: Vec<Rc<AsyncObject>> = Vec::new();
    // `arg_to_fut`: the same awaitable passed twice is awaited once.
    let mut arg_to_fut: rustc_hash::FxHashMap<usize, Rc<AsyncObject>> = Default::default();
    let mut unique: Vec<Rc<AsyncObject>> = Vec::new();
    // The loop of the first future, or `get_event_loop()`'s for a first
    // coroutine; every other future must belong to it.
    let mut loop_id: Option<u32> = None;
    for arg in args {
        let key = identity(&arg);
        if key.is_none() {
            // `arg not in arg_to_fut` hashes it first: a list is unhashable.
            crate::ops::hash(vm, &arg)?;
        }
        if let Some(f) = key.and_then(|k| arg_to_fut.get(&k)) {
            children.push(f.clone());
            continue;
        }
        let fut = match (loop_id, super::objects::as_future(&arg)) {
            (Some(l), _) => super::ensure_future_on(vm, l, &arg)?,
            (None, Some(fut)) => fut,
            (None, None) => {
                let l = super::events::event_loop_id(vm)?;
                super::ensure_future(vm, l, &arg)?
            }
        };
        loop_id.get_or_insert(futures::loop_of(&fut));
        if super::objects::as_future(&arg).is_none() {
            // Made for `arg`, out of the caller's reach.
            super::tasks::quiet_destroy_pending(&fut);
        }
        if let Some(k) = key {
            arg_to_fut.insert(k, fut.clone());
        }
        unique.push(fut.clone());
        children.push(fut);
    }
    let state = Rc::new(GatherState {
        outer: std::cell::RefCell::new(None),
        children: children.clone(),
        nfuts: unique.len(),
        nfinished: Cell::new(0),
        return_exceptions,
    });
    gc::track_shared(&state);
    for fut in &unique {
        futures::add_done_callback(
            vm,
            fut,
            Callback::GatherChild {
                state: state.clone(),
                child: None,
            },
        );
    }
    let outer = futures::new_future_on(vm, loop_id.unwrap_or_default(), "gather()");
    for child in &unique {
        futures::record_link(vm, &outer, child);
    }
    if let Some(f) = outer.as_future() {
        f.is_gathering.set(true);
        *f.children.borrow_mut() = children;
    }
    *state.outer.borrow_mut() = Some(outer.clone());
    Ok(Value::Native(outer))
}

/// The identity of an awaitable argument (coroutines and futures are
/// hashed by identity in CPython's `arg_to_fut` dict).
fn identity(v: &Value) -> Option<usize> {
    match v {
        Value::Generator(g) => Some(Rc::as_ptr(g) as *const u8 as usize),
        Value::Native(o) => Some(Rc::as_ptr(o) as *const u8 as usize),
        _ => None,
    }
}

/// gather's `_done_callback(fut)`.
pub fn child_done(vm: &mut Vm, state: &Rc<GatherState>, fut: &Rc<AsyncObject>) {
    state.nfinished.set(state.nfinished.get() + 1);
    let outer = state.outer.borrow().clone();
    let child = fut.as_future().expect("future");
    let Some(outer) = outer.filter(|o| !o.as_future().is_some_and(|f| f.done())) else {
        if child.state.get() != FutState::Cancelled {
            // Mark the exception retrieved.
            let _ = futures::exception(fut);
        }
        return;
    };
    if !state.return_exceptions {
        if child.state.get() == FutState::Cancelled {
            let e = futures::make_cancelled_error(fut);
            let _ = futures::set_exception(vm, &outer, e);
            return;
        }
        if let Ok(Value::Exception(e)) = futures::exception(fut) {
            let _ = futures::set_exception(vm, &outer, e);
            return;
        }
    }
    if state.nfinished.get() == state.nfuts {
        let mut results = Vec::with_capacity(state.children.len());
        for c in &state.children {
            let cf = c.as_future().expect("future");
            let res = if cf.state.get() == FutState::Cancelled {
                let msg = cf.cancel_message.borrow().clone();
                let msg = match msg {
                    Value::None => Value::str(""),
                    m => m,
                };
                Value::Exception(Exception::new(TypeId::CancelledError, vec![msg]))
            } else {
                match futures::exception(c) {
                    Ok(Value::None) => futures::result(c).unwrap_or(Value::None),
                    Ok(e) => e,
                    Err(_) => Value::None,
                }
            };
            results.push(res);
        }
        let outer_f = outer.as_future().expect("future");
        if outer_f.cancel_requested.get() {
            let e = futures::make_cancelled_error(fut);
            let _ = futures::set_exception(vm, &outer, e);
        } else {
            futures::set_result(vm, &outer, Value::list(results));
        }
    }
}

/// `_GatheringFuture.cancel(msg)`.
pub fn cancel(vm: &mut Vm, outer: &Rc<AsyncObject>, msg: Value) -> PyResult<bool> {
    let Some(f) = outer.as_future() else {
        return Ok(false);
    };
    if f.done() {
        return Ok(false);
    }
    let children = f.children.borrow().clone();
    let mut ret = false;
    for child in &children {
        if vm.recursing(crate::vm::WHILE_CALLING, |vm| {
            super::tasks::cancel_any(vm, child, msg.clone())
        })? {
            ret = true;
        }
    }
    if ret {
        f.cancel_requested.set(true);
    }
    Ok(ret)
}

/// `asyncio.gather(*aws, return_exceptions=False)`.
pub(super) fn gather_fn(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let mut return_exceptions = false;
    for (k, v) in &args.kw {
        if &**k == "return_exceptions" {
            return_exceptions = truthy(vm, v)?;
        } else {
            return Err(type_error(format!(
                "gather() got an unexpected keyword argument '{k}'"
            )));
        }
    }
    let held = args.pos.to_vec();
    super::holding(gather(vm, args.pos.into_vec(), return_exceptions), || held)
}
