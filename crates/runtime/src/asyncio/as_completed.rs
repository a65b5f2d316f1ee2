//! `asyncio.as_completed(fs, *, timeout=None)`, ported from CPython 3.11.7's
//! tasks.py: a generator (not a coroutine) whose body runs at the first
//! `next()`, the queue of done futures its `_wait_for_one()`s read, and its
//! `_on_timeout`/`_on_completion` callbacks ([`AsCompletedState`]).

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::object::exceptions::type_error;
use crate::object::gc::{self, Referents, SharedState};
use crate::object::generator::{GenBody, GenState, Generator};
use crate::object::types::type_of;
use crate::object::value::{fresh_address, Args, PyResult, Value};
use crate::vm::Vm;

use super::api::bind;
use super::base_events::cancel_handle;
use super::callbacks::Callback;
use super::futures;
use super::gc_edges::handle_referents;
use super::native_coro::NativeCoro;
use super::objects::{AsyncObject, Handle};
use super::queues::{self, QueueKind};
use super::waiting::{call_later, is_coroutine, is_future, set_of, WaitingCoro};

/// What as_completed's `_on_timeout` and `_on_completion` close over.
pub struct AsCompletedState {
    /// `done`: a `Queue()` of finished futures (None for a timeout).
    pub(super) done: Rc<AsyncObject>,
    todo: RefCell<Vec<Rc<AsyncObject>>>,
    timeout_handle: RefCell<Option<Rc<Handle>>>,
}

/// as_completed's `_on_timeout()`.
pub fn as_completed_on_timeout(vm: &mut Vm, state: &Rc<AsCompletedState>) -> PyResult<()> {
    let todo = state.todo.borrow().clone();
    for f in &todo {
        futures::remove_done_callback(
            f,
            &Callback::AsCompletedDone {
                state: state.clone(),
                future: None,
            },
        );
        // Queue a dummy value for _wait_for_one().
        queues::put_nowait(vm, &state.done, Value::None)?;
    }
    state.todo.borrow_mut().clear();
    Ok(())
}

/// as_completed's `_on_completion(f)`.
pub fn as_completed_on_completion(
    vm: &mut Vm,
    state: &AsCompletedState,
    f: &Rc<AsyncObject>,
) -> PyResult<()> {
    if state.todo.borrow().is_empty() {
        // _on_timeout() was here first.
        return Ok(());
    }
    state.todo.borrow_mut().retain(|t| !Rc::ptr_eq(t, f));
    queues::put_nowait(vm, &state.done, Value::Native(f.clone()))?;
    let handle = state.timeout_handle.borrow().clone();
    if let Some(h) = handle.filter(|_| state.todo.borrow().is_empty()) {
        cancel_handle(vm, &h);
    }
    Ok(())
}

/// The body of the `as_completed` generator up to its first `yield`.
pub(super) fn as_completed_start(
    vm: &mut Vm,
    fs: &Value,
    timeout: &Value,
) -> PyResult<(Rc<AsCompletedState>, usize)> {
    if is_future(fs) || is_coroutine(fs) {
        return Err(type_error(format!(
            "expect an iterable of futures, not {}",
            type_of(fs).name()
        )));
    }
    let done = queues::new_queue(vm, QueueKind::Fifo, 0);
    let loop_id = super::events::event_loop_id(vm)?;
    let mut todo = Vec::new();
    for f in set_of(vm, fs)? {
        todo.push(super::ensure_future_on(vm, loop_id, &f)?);
    }
    let state = Rc::new(AsCompletedState {
        done,
        todo: RefCell::new(todo.clone()),
        timeout_handle: RefCell::new(None),
    });
    gc::track_shared(&state);
    for f in &todo {
        futures::add_done_callback(
            vm,
            f,
            Callback::AsCompletedDone {
                state: state.clone(),
                future: None,
            },
        );
    }
    if !todo.is_empty() && !timeout.is_none() {
        let h = call_later(
            vm,
            loop_id,
            timeout,
            Callback::AsCompletedTimeout {
                state: state.clone(),
            },
        )?;
        *state.timeout_handle.borrow_mut() = Some(h);
    }
    Ok((state, todo.len()))
}

/// `asyncio.as_completed(fs, *, timeout=None)`: a generator (not a
/// coroutine) whose body runs at the first `next()`.
pub fn as_completed(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let mut a = bind("as_completed", args, &["fs"], &["timeout"], 1)?.into_iter();
    let fs = a.next().flatten().unwrap_or(Value::None);
    let timeout = a.next().flatten().unwrap_or(Value::None);
    let generator = Rc::new(Generator {
        is_coroutine: false,
        agen: None,
        name: crate::object::generator::Name::Static("as_completed"),
        qualname: crate::object::generator::Name::Static("as_completed"),
        code: None,
        state: Cell::new(GenState::Created),
        body: RefCell::new(GenBody::Native(Box::new(NativeCoro::Waiting(
            WaitingCoro::AsCompleted {
                fs,
                timeout,
                started: None,
            },
        )))),
        address: fresh_address(),
        origin: Default::default(),
        allocated: Default::default(),
        young_slot: Default::default(),
    });
    gc::track_in(&generator, &generator.young_slot);
    Ok(Value::Generator(generator))
}

impl SharedState for AsCompletedState {
    fn traverse(&self, refs: &mut Referents) -> bool {
        let (Ok(todo), Ok(timeout_handle)) =
            (self.todo.try_borrow(), self.timeout_handle.try_borrow())
        else {
            return false;
        };
        refs.object(&self.done);
        todo.iter().for_each(|f| refs.object(f));
        timeout_handle
            .as_ref()
            .is_none_or(|h| handle_referents(h, refs))
    }

    fn clear(&self, taken: &mut Vec<Box<dyn Any>>) {
        taken.push(Box::new(self.todo.take()));
        let handle = self
            .timeout_handle
            .borrow_mut()
            .take_if(|h| Rc::strong_count(h) == 1);
        taken.push(Box::new(handle));
    }
}
