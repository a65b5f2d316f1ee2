//! Asynchronous generators: how their `asend`/`athrow`/`aclose` awaitables
//! drive them, following CPython 3.11's `Objects/genobject.c`.
//!
//! An async generator's frame runs like any generator's, pushed on the frame
//! stack by whoever awaits one of its awaitables — so `async for` in a
//! coroutine never nests the dispatch loop. Inside it, `await` yields pass
//! through to the task as usual; an async `yield` ends the awaitable's step
//! instead: the frame is suspended and the value becomes the result of the
//! `await` that drove it (CPython wraps it and unwraps it in the awaitable;
//! here the `YieldValue` of an async generator frame hands it straight to
//! the awaiting frame's `Send`). Returning or raising ends it the same way,
//! through [`Vm::agen_end`].

use std::rc::Rc;

use crate::compile::code::Instr;
use crate::object::exceptions::{exc, exc_empty, runtime_error, type_error};
use crate::object::frame::FrameKind;
use crate::object::generator::{AgenOp, AsyncGenAwaitable, AwaitableState, GenState, Generator};
use crate::object::native::downcast;
use crate::object::types::TypeId;
use crate::object::value::{ExcRef, PyResult, Value};
use crate::vm::{Exit, GenOutcome, Resume, Vm};

/// How one step of an async generator's frame ended (other than by
/// passing an `await`'s yield through).
pub(crate) enum AgenEvent {
    /// `yield v`.
    AsyncYield(Value),
    /// The generator returned (StopAsyncIteration for `asend`).
    Returned,
    Raised(ExcRef),
}

/// What the first half of an awaitable's step decided.
enum Start {
    /// Resume the generator with this.
    Deliver(Resume),
    /// The awaitable is done without running the generator.
    Done(PyResult<Value>),
}

/// The `asend`/`athrow` awaitable at a value, if it is one.
pub fn agen_awaitable(v: &Value) -> Option<Rc<AsyncGenAwaitable>> {
    match v {
        Value::Native(o)
            if matches!(o.class_id(), TypeId::AsyncGenASend | TypeId::AsyncGenAThrow) =>
        {
            downcast::<AsyncGenAwaitable>(v)
        }
        _ => None,
    }
}

impl Vm {
    /// CPython's `async_gen_init_hooks`: the first `__anext__`, `asend`,
    /// `athrow` or `aclose` takes the finalizer hook and calls `firstiter`.
    pub fn agen_init_hooks(&mut self, gen: &Rc<Generator>) -> PyResult<()> {
        let Some(state) = &gen.agen else {
            return Ok(());
        };
        if state.hooks_inited.replace(true) {
            return Ok(());
        }
        let hooks = self.asyncgen_hooks.clone();
        if let Some(finalizer) = hooks.finalizer {
            *state.finalizer.borrow_mut() = Some(finalizer);
        }
        if let Some(firstiter) = hooks.firstiter {
            self.call1(&firstiter, Value::Generator(gen.clone()))?;
        }
        Ok(())
    }

    /// An awaitable's `send`/`throw` up to resuming the generator.
    fn agen_start(&mut self, aw: &AsyncGenAwaitable, input: Resume) -> Start {
        let gen = &aw.agen;
        let Some(state) = &gen.agen else {
            return Start::Done(Err(runtime_error("not an async generator")));
        };
        let op = aw.op.borrow();
        if let AgenOp::Send(sendval) = &*op {
            if aw.state.get() == AwaitableState::Closed {
                return Start::Done(Err(runtime_error(
                    "cannot reuse already awaited __anext__()/asend()",
                )));
            }
            return match input {
                Resume::Throw(e) => Start::Deliver(Resume::Throw(e)),
                Resume::Value(mut v) => {
                    if aw.state.get() == AwaitableState::Init {
                        if state.running_async.get() {
                            return Start::Done(Err(runtime_error(
                                "anext(): asynchronous generator is already running",
                            )));
                        }
                        if v.is_none() {
                            v = sendval.clone();
                        }
                        aw.state.set(AwaitableState::Iter);
                    }
                    state.running_async.set(true);
                    Start::Deliver(Resume::Value(v))
                }
            };
        }
        if aw.state.get() == AwaitableState::Closed {
            return Start::Done(Err(runtime_error(
                "cannot reuse already awaited aclose()/athrow()",
            )));
        }
        if gen.state.get() == GenState::Closed {
            aw.state.set(AwaitableState::Closed);
            return Start::Done(Ok(Value::None));
        }
        if aw.state.get() == AwaitableState::Iter {
            return Start::Deliver(input);
        }
        let v = match input {
            Resume::Throw(e) => return Start::Deliver(Resume::Throw(e)),
            Resume::Value(v) => v,
        };
        let is_close = matches!(&*op, AgenOp::Close);
        if state.running_async.get() {
            aw.state.set(AwaitableState::Closed);
            return Start::Done(Err(runtime_error(if is_close {
                "aclose(): asynchronous generator is already running"
            } else {
                "athrow(): asynchronous generator is already running"
            })));
        }
        if state.closed.get() {
            aw.state.set(AwaitableState::Closed);
            return Start::Done(Err(exc_empty(TypeId::StopAsyncIteration)));
        }
        if !v.is_none() {
            return Start::Done(Err(runtime_error(
                "can't send non-None value to a just-started coroutine",
            )));
        }
        aw.state.set(AwaitableState::Iter);
        state.running_async.set(true);
        match &*op {
            AgenOp::Throw(e) => Start::Deliver(Resume::Throw(e.clone())),
            _ => {
                state.closed.set(true);
                Start::Deliver(Resume::Throw(exc_empty(TypeId::GeneratorExit)))
            }
        }
    }

    /// The awaitable's result when the generator's step ended with `ev`
    /// (CPython's `async_gen_unwrap_value` and the athrow/aclose checks).
    pub(crate) fn agen_end(&mut self, aw: &AsyncGenAwaitable, ev: AgenEvent) -> PyResult<Value> {
        let Some(state) = &aw.agen.agen else {
            return Err(runtime_error("not an async generator"));
        };
        state.running_async.set(false);
        aw.state.set(AwaitableState::Closed);
        let ends = |e: &ExcRef| e.is(TypeId::StopAsyncIteration) || e.is(TypeId::GeneratorExit);
        if aw.is_close() {
            return match ev {
                AgenEvent::AsyncYield(_) => {
                    Err(runtime_error("async generator ignored GeneratorExit"))
                }
                AgenEvent::Returned => Ok(Value::None),
                AgenEvent::Raised(e) if ends(&e) => Ok(Value::None),
                AgenEvent::Raised(e) => Err(e),
            };
        }
        match ev {
            AgenEvent::AsyncYield(v) => Ok(v),
            AgenEvent::Returned => {
                state.closed.set(true);
                Err(exc_empty(TypeId::StopAsyncIteration))
            }
            AgenEvent::Raised(e) => {
                if ends(&e) {
                    state.closed.set(true);
                }
                Err(e)
            }
        }
    }

    /// How resuming `gen` with `input` ends at once, without running it.
    fn agen_precheck(gen: &Generator, input: &Resume) -> Option<AgenEvent> {
        match (gen.state.get(), input) {
            (GenState::Running, _) => Some(AgenEvent::Raised(exc(
                TypeId::ValueError,
                "async generator already executing",
            ))),
            (GenState::Closed, Resume::Value(_)) => Some(AgenEvent::Returned),
            (GenState::Closed, Resume::Throw(e)) => Some(AgenEvent::Raised(e.clone())),
            (GenState::Created, Resume::Value(v)) if !v.is_none() => Some(AgenEvent::Raised(
                type_error("can't send non-None value to a just-started async generator"),
            )),
            _ => None,
        }
    }

    /// One `send`/`throw` of an awaitable, from Rust (a Task stepping
    /// `agen.aclose()`, the awaitable's own `send` method): the generator's
    /// frame runs in a nested loop.
    pub fn step_agen_awaitable(&mut self, aw: &AsyncGenAwaitable, input: Resume) -> GenOutcome {
        let input = match self.agen_start(aw, input) {
            Start::Done(Ok(v)) => return GenOutcome::Returned(v),
            Start::Done(Err(e)) => return GenOutcome::Raised(e),
            Start::Deliver(input) => input,
        };
        let ev = match Self::agen_precheck(&aw.agen, &input) {
            Some(ev) => ev,
            None => match self.run_agen(&aw.agen, input) {
                Ok(ev) => ev,
                Err(passed_through) => return GenOutcome::Yielded(passed_through),
            },
        };
        match self.agen_end(aw, ev) {
            Ok(v) => GenOutcome::Returned(v),
            Err(e) => GenOutcome::Raised(e),
        }
    }

    /// Run the generator's frame in a nested loop: how the step ended, or
    /// (`Err`) the value an `await` inside it yielded to the task.
    fn run_agen(&mut self, gen: &Rc<Generator>, input: Resume) -> Result<AgenEvent, Value> {
        let base = self.frames.len();
        if let Err(e) = self.check_nesting() {
            return Ok(AgenEvent::Raised(e));
        }
        if let Err(e) = self.push_generator(gen, FrameKind::Base) {
            return Ok(AgenEvent::Raised(e));
        }
        self.deliver(input);
        match self.run_nested(base) {
            Ok(Exit::Return(_)) => Ok(AgenEvent::Returned),
            Ok(Exit::AsyncYield(v)) => Ok(AgenEvent::AsyncYield(v)),
            Ok(Exit::Yield(v)) => Err(v),
            Ok(Exit::Blocked) => Ok(AgenEvent::Raised(exc(
                TypeId::RuntimeError,
                "internal error: an async generator's run blocked",
            ))),
            Err(e) => Ok(AgenEvent::Raised(e)),
        }
    }

    /// `Send` with an `asend`/`athrow` awaitable at TOS: push the generator's
    /// frame above this one (or finish at once).
    pub(super) fn send_to_agen(&mut self, aw: &AsyncGenAwaitable, input: Resume) -> PyResult<()> {
        let input = match self.agen_start(aw, input) {
            Start::Done(r) => return self.finish_send(r),
            Start::Deliver(input) => input,
        };
        if let Some(ev) = Self::agen_precheck(&aw.agen, &input) {
            let r = self.agen_end(aw, ev);
            return self.finish_send(r);
        }
        self.push_generator(&aw.agen, FrameKind::Delegate)?;
        self.deliver(input);
        Ok(())
    }

    /// The awaitable at the top frame's TOS is done with `r`: replace it
    /// with the result and continue after the `Send` (or raise).
    fn finish_send(&mut self, r: PyResult<Value>) -> PyResult<()> {
        let f = self.frames.last_mut().expect("frame");
        f.stack.pop();
        let v = r?;
        f.stack.push(v);
        if let Instr::Send(target) = f.code.instrs[f.pc - 1] {
            f.pc = target as usize;
        }
        Ok(())
    }

    /// The async generator frame that was just popped ended its step with
    /// `ev`; it was driven by the awaitable at the (new) top frame's TOS.
    pub(super) fn agen_step_ended(&mut self, ev: AgenEvent) -> PyResult<()> {
        let top = self.frames.last().and_then(|f| f.stack.last());
        let Some(aw) = top.and_then(agen_awaitable) else {
            return Err(runtime_error("async generator frame without its awaitable"));
        };
        let r = self.agen_end(&aw, ev);
        self.finish_send(r)
    }

    /// `yield v` in an async generator's frame.
    pub(super) fn async_yield(&mut self, v: Value) -> PyResult<Option<Exit>> {
        let mut frame = self.frames.pop().expect("frame");
        if !frame.code.library {
            self.last_line = frame.current_line();
        }
        let kind = frame.kind;
        if let Some(gen) = frame.owner.take() {
            gen.state.set(GenState::Suspended);
            gen.store_frame(frame);
        }
        match kind {
            FrameKind::Delegate => {
                self.agen_step_ended(AgenEvent::AsyncYield(v))?;
                Ok(None)
            }
            FrameKind::Base | FrameKind::Call => Ok(Some(Exit::AsyncYield(v))),
        }
    }
}
