//! How control leaves an instruction other than by falling through: an
//! exception unwinding to the nearest handler (chaining it to the one being
//! handled), a frame returning to its caller (or to what its `OnReturn`
//! says), a generator's frame yielding.

use std::rc::Rc;

use crate::compile::code::Instr;
use crate::object::exceptions::exc;
use crate::object::frame::{Block, BlockKind, FrameKind, OnReturn};
use crate::object::generator::GenState;
use crate::object::types::TypeId;
use crate::object::value::{ExcRef, PyResult, Value};
use crate::vm::agen::AgenEvent;
use crate::vm::{Exit, Vm};

use super::interp::Flow;

impl Vm {
    /// The exception currently being handled, innermost first.
    pub(crate) fn handled_exception(&self) -> Option<ExcRef> {
        self.handled_exception_scanned().0
    }

    /// [`Vm::handled_exception`], with how many frames were looked at to find it.
    fn handled_exception_scanned(&self) -> (Option<ExcRef>, u64) {
        if self.handling_entries == 0 {
            return (None, 0);
        }
        let mut scanned = 0;
        let handled = self.frames.iter().rev().find_map(|f| {
            scanned += 1;
            f.handling.last().cloned()
        });
        (handled, scanned)
    }

    /// Implicit chaining: a new exception raised while another is handled. Returns
    /// the work done, which the caller counts as instructions: a sixteenth for
    /// each frame looked through to find the handled exception (a handler at the
    /// bottom of a deep recursion), one for each link of its context chain walked
    /// to keep the chain free of cycles (it grows by one each time a handler
    /// raises again: retrying inside `except RecursionError` spends its time here).
    pub(super) fn set_context(&self, e: &ExcRef) -> u64 {
        let (handled, scanned) = self.handled_exception_scanned();
        let Some(handled) = handled else {
            return scanned / 16;
        };
        if Rc::ptr_eq(&handled, e) || e.context.borrow().is_some() {
            return scanned / 16;
        }
        // Avoid cycles: cut the chain where it would reach `e` again.
        let mut walked = scanned / 16;
        let mut cur = Some(handled.clone());
        while let Some(c) = cur {
            walked += 1;
            let next = c.context.borrow().clone();
            if let Some(n) = &next {
                if Rc::ptr_eq(n, e) {
                    *c.context.borrow_mut() = None;
                    break;
                }
            }
            cur = next;
        }
        *e.context.borrow_mut() = Some(handled);
        walked
    }

    /// Find a handler for `e`, popping frames as needed. Returns `Some` when
    /// the exception leaves the base frame of this run.
    pub(super) fn unwind(
        &mut self,
        e: ExcRef,
        base: usize,
        mut add_tb: bool,
    ) -> Option<Result<Exit, ExcRef>> {
        let mut e = e;
        loop {
            let f = self.frames.last_mut().expect("frame");
            if add_tb {
                // The traceback keeps the frame's variables; its value
                // stack is emptied as the exception leaves (CPython pops it
                // at `exception_unwind`, while the frame is still current).
                let kept = f.keep();
                let pc = match f.pc {
                    0 => crate::compile::code::Code::NOT_STARTED,
                    _ => f.current_pc(),
                };
                e.push_entry(&f.code, pc, Some(kept));
            }
            add_tb = true;
            if !f.code.library {
                self.last_line = f.current_line();
            }
            let halted = self.halted.is_some();
            while let Some(block) = f.blocks.pop().filter(|_| !halted) {
                match block.kind {
                    BlockKind::Handler => {
                        if f.handling.pop().is_some() {
                            self.handling_entries -= 1;
                        }
                    }
                    BlockKind::Setup { handler } => {
                        f.stack.truncate(block.depth as usize);
                        f.blocks.push(Block {
                            kind: BlockKind::Handler,
                            depth: block.depth,
                        });
                        f.handling.push(e.clone());
                        self.handling_entries += 1;
                        f.stack.push(Value::Exception(e));
                        f.pc = handler as usize;
                        return None;
                    }
                }
            }
            f.stack.clear();
            // What died in this frame (its stack, a call's arguments) is
            // reported while it is still the current frame, at its line.
            if crate::object::warnings::has_pending() && !halted {
                self.report_notices();
            }
            let frame = self.frames.pop().expect("frame");
            self.leave_frame_depth(&frame);
            if let Some(gen) = &frame.owner {
                gen.state.set(GenState::Closed);
                let stop = if e.is(TypeId::StopIteration) {
                    Some("StopIteration")
                } else if gen.is_async_gen() && e.is(TypeId::StopAsyncIteration) {
                    Some("StopAsyncIteration")
                } else {
                    None
                };
                if let Some(stop) = stop {
                    let what = gen.kind_name();
                    let replaced = exc(TypeId::RuntimeError, format!("{what} raised {stop}"));
                    *replaced.cause.borrow_mut() = Some(e.clone());
                    *replaced.context.borrow_mut() = Some(e.clone());
                    replaced.push_frame(&frame.code, frame.current_pc());
                    e = replaced;
                }
            }
            if frame.kind == FrameKind::Base || self.frames.len() <= base {
                return Some(Err(e));
            }
            if frame.kind == FrameKind::Delegate
                && frame.owner.as_ref().is_some_and(|g| g.is_async_gen())
            {
                // The awaitable that drove the generator turns the exception
                // into its result (aclose) or raises it in the awaiting frame.
                match self.agen_step_ended(AgenEvent::Raised(e)) {
                    Ok(()) => return None,
                    Err(raised) => e = raised,
                }
            }
        }
    }

    pub(super) fn do_return(&mut self, v: Value) -> PyResult<Flow> {
        let mut frame = self.frames.pop().expect("frame");
        if !frame.code.library {
            self.last_line = frame.current_line();
        } else if let Some(f) = self.frames.iter().rev().find(|f| !f.code.library) {
            // A library coroutine that ends without suspending (a shutdown task of
            // asyncio.run) ends for the program's frame below it, as do_yield says.
            self.last_line = f.current_line();
        }
        self.leave_frame_depth(&frame);
        if let Some(gen) = &frame.owner {
            gen.state.set(GenState::Closed);
            if gen.is_async_gen() && frame.kind == FrameKind::Delegate {
                self.agen_step_ended(AgenEvent::Returned)?;
                return Ok(Flow::Next);
            }
        }
        let v = match frame.on_return.take() {
            None => v,
            Some(then) => match self.after_return(*then, v) {
                Ok(v) => v,
                // Raised in the caller, or out of this run for a base frame.
                Err(e) if frame.kind == FrameKind::Base => return Ok(Flow::Fail(e)),
                Err(e) => return Err(e),
            },
        };
        let exit = self.route_return(frame.kind, v);
        // Emptied where it would have been dropped.
        self.recycle_frame(frame);
        Ok(match exit {
            Some(exit) => Flow::Exit(exit),
            None => Flow::Next,
        })
    }

    /// What a frame's `on_return` makes of the value it returned.
    pub(super) fn after_return(&mut self, then: OnReturn, v: Value) -> PyResult<Value> {
        match then {
            OnReturn::Init(obj) => {
                crate::vm::classes::check_init_result(&v)?;
                Ok(obj)
            }
            OnReturn::BuildClass(spec) => self.finish_class(spec, v),
        }
    }

    /// Hand a returned value to whoever pushed the frame.
    pub(super) fn route_return(&mut self, kind: FrameKind, v: Value) -> Option<Exit> {
        match kind {
            FrameKind::Base => Some(Exit::Return(v)),
            FrameKind::Call => {
                self.frames.last_mut().expect("caller").stack.push(v);
                None
            }
            FrameKind::Delegate => {
                let caller = self.frames.last_mut().expect("caller");
                caller.stack.pop();
                caller.stack.push(v);
                if let Instr::Send(target) = caller.code.instrs[caller.pc - 1] {
                    caller.pc = target as usize;
                }
                None
            }
        }
    }

    /// Suspend the top frame (and every frame awaiting it) with `v`.
    pub(super) fn do_yield(&mut self, v: Value, mut at_send: bool) -> Option<Exit> {
        // The program's line: a library coroutine (Barrier.wait) awaits
        // for the program's frame below it.
        if let Some(f) = self.frames.iter().rev().find(|f| !f.code.library) {
            self.last_line = f.current_line();
        }
        loop {
            let mut frame = self.frames.pop().expect("frame");
            let kind = frame.kind;
            if at_send {
                frame.suspended_at_send = true;
                frame.pc -= 1;
            }
            match frame.owner.take() {
                Some(gen) => {
                    gen.state.set(GenState::Suspended);
                    gen.store_frame(frame);
                }
                None => return Some(Exit::Yield(v)),
            }
            match kind {
                FrameKind::Delegate => at_send = true,
                FrameKind::Base | FrameKind::Call => return Some(Exit::Yield(v)),
            }
        }
    }
}
