//! `asyncio.wait(fs, *, timeout=None, return_when=ALL_COMPLETED)` and its
//! `_wait`, ported from CPython 3.11.7's tasks.py: the waiter, the
//! `_on_completion` callback ([`WaitState`]) and the done/pending split (in
//! the order of `fs`, see `waiting.rs`).

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use crate::object::dict::PySet;
use crate::object::exceptions::{type_error, value_error};
use crate::object::gc::{self, Referents, SharedState};
use crate::object::types::type_of;
use crate::object::value::{Args, PyResult, Value};
use crate::vm::{GenOutcome, Resume, Vm};

use super::api::bind;
use super::base_events::cancel_handle;
use super::callbacks::Callback;
use super::events::running_loop as get_running_loop;
use super::futures::{self, await_future};
use super::gc_edges::handle_referents;
use super::locks::awaited;
use super::objects::{AsyncObject, Handle};
use super::wait_for::release_waiter;
use super::waiting::{
    call_later, coroutine, future_of, is_cancelled, is_coroutine, is_done, is_future, set_of,
    WaitingCoro,
};

/// `tasks.FIRST_COMPLETED` (`concurrent.futures.FIRST_COMPLETED`).
pub const FIRST_COMPLETED: &str = "FIRST_COMPLETED";

/// `tasks.FIRST_EXCEPTION`.
pub const FIRST_EXCEPTION: &str = "FIRST_EXCEPTION";

/// `tasks.ALL_COMPLETED`.
pub const ALL_COMPLETED: &str = "ALL_COMPLETED";

/// wait()'s `return_when`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ReturnWhen {
    FirstCompleted,
    FirstException,
    AllCompleted,
}

/// What `_wait`'s `_on_completion` closes over.
pub struct WaitState {
    waiter: Rc<AsyncObject>,
    timeout_handle: Option<Rc<Handle>>,
    /// `counter`, `nonlocal` in CPython.
    counter: Cell<i64>,
    return_when: ReturnWhen,
}

impl SharedState for WaitState {
    fn traverse(&self, refs: &mut Referents) -> bool {
        refs.object(&self.waiter);
        self.timeout_handle
            .as_ref()
            .is_none_or(|h| handle_referents(h, refs))
    }

    /// Nothing: what it holds is fixed when it is made; the futures' callbacks
    /// and the coroutine that hold it are emptied.
    fn clear(&self, _taken: &mut Vec<Box<dyn Any>>) {}
}

/// `_wait`'s `_on_completion(f)`.
pub fn wait_on_completion(vm: &mut Vm, state: &WaitState, f: &Rc<AsyncObject>) {
    state.counter.set(state.counter.get() - 1);
    let failed = || !is_cancelled(f) && matches!(futures::exception(f), Ok(Value::Exception(_)));
    if state.counter.get() <= 0
        || state.return_when == ReturnWhen::FirstCompleted
        || (state.return_when == ReturnWhen::FirstException && failed())
    {
        if let Some(h) = &state.timeout_handle {
            cancel_handle(vm, h);
        }
        release_waiter(vm, &state.waiter);
    }
}

/// One step of `_wait(fs, ...)`: registering, or waiting on its waiter.
pub struct Wait {
    fs: Value,
    timeout: Value,
    return_when: Value,
    waiting: Option<(Vec<Rc<AsyncObject>>, Rc<WaitState>)>,
}

impl Wait {
    /// What it holds, for the cycle collector.
    pub(super) fn traverse(&self, refs: &mut Referents) {
        refs.values([&self.fs, &self.timeout, &self.return_when]);
        if let Some((futures, state)) = &self.waiting {
            futures.iter().for_each(|f| refs.object(f));
            refs.object(state);
        }
    }

    /// `return await _wait(fs, timeout, return_when, loop)`.
    pub(super) fn suspended_line(&self) -> Option<u32> {
        self.waiting.as_ref().map(|_| 428)
    }

    pub(super) fn step(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome {
        match self.waiting.take() {
            None => {
                if let Resume::Throw(e) = input {
                    return GenOutcome::Raised(e);
                }
                match self.start(vm) {
                    Ok(outcome) => outcome,
                    Err(e) => {
                        // wait's frame, in the traceback, holds `fs`.
                        e.keep_library_frame(vec![self.fs.clone()]);
                        GenOutcome::Raised(e)
                    }
                }
            }
            Some((fs, state)) => self.finish(vm, fs, state, input),
        }
    }

    /// `wait`'s checks, then `_wait` up to its `await waiter`.
    fn start(&mut self, vm: &mut Vm) -> PyResult<GenOutcome> {
        if is_future(&self.fs) || is_coroutine(&self.fs) {
            return Err(type_error(format!(
                "expect a list of futures, not {}",
                type_of(&self.fs).name()
            )));
        }
        if !crate::ops::truthy(vm, &self.fs)? {
            return Err(value_error("Set of Tasks/Futures is empty."));
        }
        let return_when = [
            (FIRST_COMPLETED, ReturnWhen::FirstCompleted),
            (FIRST_EXCEPTION, ReturnWhen::FirstException),
            (ALL_COMPLETED, ReturnWhen::AllCompleted),
        ]
        .into_iter()
        .find(|(name, _)| crate::ops::values_equal(&self.return_when, &Value::str(name)))
        .map(|(_, rw)| rw);
        let Some(return_when) = return_when else {
            let shown = crate::repr::str_of(vm, &self.return_when)?;
            return Err(value_error(format!("Invalid return_when value: {shown}")));
        };
        let fs = set_of(vm, &self.fs)?;
        if fs.iter().any(is_coroutine) {
            return Err(type_error(
                "Passing coroutines is forbidden, use tasks explicitly.",
            ));
        }
        let loop_id = get_running_loop(vm)?;
        // _wait(fs, timeout, return_when, loop)
        let waiter = futures::new_future(vm, "wait");
        let timeout_handle = if self.timeout.is_none() {
            None
        } else {
            let cb = Callback::ReleaseWaiter {
                waiter: waiter.clone(),
                future: None,
            };
            Some(call_later(vm, loop_id, &self.timeout, cb)?)
        };
        let state = Rc::new(WaitState {
            waiter: waiter.clone(),
            timeout_handle,
            counter: Cell::new(fs.len() as i64),
            return_when,
        });
        gc::track_shared(&state);
        let mut futs = Vec::with_capacity(fs.len());
        for f in &fs {
            let f = future_of(f)?;
            futures::record_link(vm, &waiter, &f);
            futures::add_done_callback(
                vm,
                &f,
                Callback::WaitOnCompletion {
                    state: state.clone(),
                    future: None,
                },
            );
            futs.push(f);
        }
        // try: await waiter
        match await_future(&waiter) {
            None => {
                self.waiting = Some((futs, state));
                Ok(GenOutcome::Yielded(Value::Native(waiter)))
            }
            Some(_) => Ok(self.finish(vm, futs, state, Resume::Value(Value::None))),
        }
    }

    /// After `await waiter`: the `finally`, then `(done, pending)`.
    fn finish(
        &mut self,
        vm: &mut Vm,
        fs: Vec<Rc<AsyncObject>>,
        state: Rc<WaitState>,
        input: Resume,
    ) -> GenOutcome {
        let r = awaited(&state.waiter, input);
        if let Some(h) = &state.timeout_handle {
            cancel_handle(vm, h);
        }
        let cb = Callback::WaitOnCompletion {
            state: state.clone(),
            future: None,
        };
        for f in &fs {
            futures::remove_done_callback(f, &cb);
        }
        if let Err(e) = r {
            return GenOutcome::Raised(e);
        }
        let (mut done, mut pending) = (PySet::new(), PySet::new());
        for f in fs {
            let target = if is_done(&f) { &mut done } else { &mut pending };
            if let Err(e) = target.add(Value::Native(f)) {
                return GenOutcome::Raised(e);
            }
        }
        let set = |s: PySet| Value::set(s);
        GenOutcome::Returned(Value::tuple(vec![set(done), set(pending)]))
    }
}

/// `asyncio.wait(fs, *, timeout=None, return_when=ALL_COMPLETED)`.
pub fn wait(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let mut a = bind("wait", args, &["fs"], &["timeout", "return_when"], 1)?.into_iter();
    let fs = a.next().flatten().unwrap_or(Value::None);
    let timeout = a.next().flatten().unwrap_or(Value::None);
    let return_when = a.next().flatten().unwrap_or(Value::str(ALL_COMPLETED));
    Ok(coroutine(
        "wait",
        WaitingCoro::Wait(Wait {
            fs,
            timeout,
            return_when,
            waiting: None,
        }),
    ))
}
