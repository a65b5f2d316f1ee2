//! The `Send` instruction of `yield from` and `await`: delegating to a
//! generator, a coroutine, a native awaitable or an iterator, and the
//! awaitable checks `await` makes.

use crate::iterators;
use crate::object::exceptions::{exc, runtime_error, type_error};
use crate::object::frame::FrameKind;
use crate::object::generator::GenState;
use crate::object::types::{type_of, TypeId};
use crate::object::value::{PyResult, Value};
use crate::vm::agen::agen_awaitable;
use crate::vm::{GenOutcome, Resume, Vm};

use super::interp::Flow;

impl Vm {
    /// `Send`: drive the awaitable at TOS one step with the pending input.
    pub(super) fn exec_send(&mut self, target: u32) -> PyResult<Flow> {
        let input = self.pending_input.take();
        let fresh = input.is_none();
        let input = input.unwrap_or(Resume::Value(Value::None));
        let aw = self.top().clone();
        match &aw {
            Value::Generator(g) if !g.is_native() => {
                match g.state.get() {
                    GenState::Running => {
                        self.pop();
                        let what = if g.is_coroutine {
                            "coroutine"
                        } else {
                            "generator"
                        };
                        return Err(exc(TypeId::ValueError, format!("{what} already executing")));
                    }
                    GenState::Closed => {
                        self.pop();
                        if g.is_coroutine {
                            return Err(runtime_error("cannot reuse already awaited coroutine"));
                        }
                        if let Resume::Throw(e) = input {
                            return Err(e);
                        }
                        self.push(Value::None);
                        self.jump(target);
                        return Ok(Flow::Next);
                    }
                    _ => {}
                }
                self.push_generator(g, FrameKind::Delegate)?;
                self.deliver(input);
                Ok(Flow::Next)
            }
            Value::Generator(g) => match self.resume(g, input) {
                GenOutcome::Yielded(v) => Ok(self.yield_from_send(v)),
                GenOutcome::Returned(v) => {
                    self.pop();
                    self.push(v);
                    self.jump(target);
                    Ok(Flow::Next)
                }
                GenOutcome::Raised(e) => {
                    self.pop();
                    if e.is(TypeId::StopIteration) && !g.is_coroutine {
                        self.push(e.first_arg());
                        self.jump(target);
                        return Ok(Flow::Next);
                    }
                    Err(e)
                }
            },
            Value::Native(_) if agen_awaitable(&aw).is_some() => {
                let agen_aw = agen_awaitable(&aw).expect("checked");
                self.send_to_agen(&agen_aw, input)?;
                Ok(Flow::Next)
            }
            Value::Native(obj) if self.await_slot(obj.class_id()).is_some() => {
                if let Resume::Throw(e) = input {
                    self.pop();
                    return Err(e);
                }
                let step = self.await_slot(obj.class_id()).expect("checked");
                match step(self, &aw, fresh)? {
                    Some(result) => {
                        self.pop();
                        self.push(result);
                        self.jump(target);
                        Ok(Flow::Next)
                    }
                    None => Ok(self.yield_from_send(aw.clone())),
                }
            }
            _ => {
                if let Resume::Throw(e) = input {
                    self.pop();
                    return Err(e);
                }
                match iterators::next_item(self, &aw)? {
                    Some(v) => Ok(self.yield_from_send(v)),
                    None => {
                        self.pop();
                        self.push(Value::None);
                        self.jump(target);
                        Ok(Flow::Next)
                    }
                }
            }
        }
    }

    /// How `await` drives objects of a built-in type, if they are awaitable.
    pub(super) fn await_slot(&self, t: TypeId) -> Option<crate::object::slots::AwaitFn> {
        self.slots.inherited(t, |s| s.await_step)
    }

    /// `GET_AWAITABLE`'s check: coroutines and awaitable native objects.
    pub(crate) fn check_awaitable(&self, v: &Value) -> PyResult<()> {
        match v {
            Value::Generator(g) if g.is_coroutine || g.is_iterable_coroutine() => Ok(()),
            Value::Native(o) if self.await_slot(o.class_id()).is_some() => Ok(()),
            _ if agen_awaitable(v).is_some() => Ok(()),
            other => Err(type_error(format!(
                "object {} can't be used in 'await' expression",
                type_of(other).name()
            ))),
        }
    }

    pub(super) fn yield_from_send(&mut self, v: Value) -> Flow {
        match self.do_yield(v, true) {
            Some(exit) => Flow::Exit(exit),
            None => Flow::Next,
        }
    }
}
