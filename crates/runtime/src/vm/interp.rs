//! The dispatch loop: executes instructions of the top frame until the base
//! frame of this run returns, yields or raises.

use std::cell::RefCell;
use std::rc::Rc;

use crate::attrs;
use crate::compile::code::{CodeKind, Instr};
use crate::iterators;
use crate::object::code::GlobalSlot;
use crate::object::dict::{Dict, PySet};
use crate::object::exceptions::{exc, exc_empty, runtime_error, type_error};
use crate::object::frame::{Block, BlockKind, ClassSpec, FrameKind, Namespace, OnReturn};
use crate::object::generator::GenState;
use crate::object::types::{type_of, TypeId, TypeRef};
use crate::object::value::tracked;
use crate::object::value::{Args, ExcRef, PyResult, Value};
use crate::ops;
use crate::vm::agen::{agen_awaitable, AgenEvent};
use crate::vm::call::bind_arguments;
use crate::vm::functions::FunctionParts;
use crate::vm::{Callee, Exit, GenOutcome, Resume, Vm};

/// What an instruction asks the loop to do next.
enum Flow {
    Next,
    /// The base frame finished this run.
    Exit(Exit),
    /// The base frame's return failed (an `__init__` returned a value):
    /// the run ends with this exception.
    Fail(ExcRef),
}

/// Check limits every this many instructions.
const LIMIT_CHECK_INTERVAL: u64 = 1 << 12;

impl Vm {
    pub(crate) fn run(&mut self, base: usize) -> Result<Exit, ExcRef> {
        'outer: loop {
            if let Some(e) = self.pending_throw.take() {
                if let Some(done) = self.unwind(e, base, true) {
                    return done;
                }
                continue;
            }
            if crate::object::gc::collection_due() {
                crate::object::gc::collect_if_due();
            }
            // Not while a Send waits for its input: reporting may run code.
            if crate::object::warnings::has_pending() && self.pending_input.is_none() {
                self.report_notices();
            }
            self.instructions += 1;
            if self.instructions.is_multiple_of(LIMIT_CHECK_INTERVAL) {
                if let Err(e) = self.check_limits() {
                    if let Some(done) = self.unwind(e, base, true) {
                        return done;
                    }
                    continue;
                }
            }
            let instr = {
                let f = self.frames.last_mut().expect("frame");
                let mut instr = fetch(f);
                // Run fast-path instructions back to back, returning to the
                // checks above when a report is queued or a limit check is due.
                loop {
                    if !fast_path(f, instr) {
                        break instr;
                    }
                    if crate::object::warnings::has_pending()
                        || (self.instructions + 1).is_multiple_of(LIMIT_CHECK_INTERVAL)
                    {
                        continue 'outer;
                    }
                    self.instructions += 1;
                    instr = fetch(f);
                }
            };
            match self.exec(instr) {
                Ok(Flow::Next) => {}
                Ok(Flow::Exit(x)) => return Ok(x),
                Ok(Flow::Fail(e)) => return Err(e),
                Err(e) => {
                    let add_tb = !matches!(instr, Instr::Reraise | Instr::EndAsyncFor)
                        && !matches!(instr, Instr::Raise(0))
                        && !matches!(instr, Instr::WithSuppressOrReraise);
                    if add_tb {
                        self.set_context(&e);
                    }
                    if let Some(done) = self.unwind(e, base, add_tb) {
                        return done;
                    }
                }
            }
        }
    }

    /// The exception currently being handled, innermost first.
    pub(crate) fn handled_exception(&self) -> Option<ExcRef> {
        self.frames
            .iter()
            .rev()
            .find_map(|f| f.handling.last().cloned())
    }

    /// Implicit chaining: a new exception raised while another is handled.
    fn set_context(&self, e: &ExcRef) {
        if let Some(handled) = self.handled_exception() {
            if Rc::ptr_eq(&handled, e) || e.context.borrow().is_some() {
                return;
            }
            // Avoid cycles: cut the chain where it would reach `e` again.
            let mut cur = Some(handled.clone());
            while let Some(c) = cur {
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
        }
    }

    /// Find a handler for `e`, popping frames as needed. Returns `Some` when
    /// the exception leaves the base frame of this run.
    fn unwind(&mut self, e: ExcRef, base: usize, mut add_tb: bool) -> Option<Result<Exit, ExcRef>> {
        let mut e = e;
        loop {
            let f = self.frames.last_mut().expect("frame");
            if add_tb {
                e.push_frame(&f.code, f.current_pc());
                let mut kept = e.kept_alive.borrow_mut();
                kept.extend(f.locals.iter().flatten().cloned());
                kept.extend(f.stack.iter().cloned());
            }
            add_tb = true;
            self.last_line = f.current_line();
            let halted = self.halted.is_some();
            while let Some(block) = f.blocks.pop().filter(|_| !halted) {
                match block.kind {
                    BlockKind::Handler => {
                        f.handling.pop();
                    }
                    BlockKind::Setup { handler } => {
                        f.stack.truncate(block.depth as usize);
                        f.blocks.push(Block {
                            kind: BlockKind::Handler,
                            depth: block.depth,
                        });
                        f.handling.push(e.clone());
                        f.stack.push(Value::Exception(e));
                        f.pc = handler as usize;
                        return None;
                    }
                }
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

    fn do_return(&mut self, v: Value) -> PyResult<Flow> {
        let mut frame = self.frames.pop().expect("frame");
        self.last_line = frame.current_line();
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
        Ok(match self.route_return(frame.kind, v) {
            Some(exit) => Flow::Exit(exit),
            None => Flow::Next,
        })
    }

    /// What a frame's `on_return` makes of the value it returned.
    fn after_return(&mut self, then: OnReturn, v: Value) -> PyResult<Value> {
        match then {
            OnReturn::Init(obj) => {
                crate::vm::classes::check_init_result(&v)?;
                Ok(obj)
            }
            OnReturn::BuildClass(spec) => self.finish_class(spec, v),
        }
    }

    /// Hand a returned value to whoever pushed the frame.
    fn route_return(&mut self, kind: FrameKind, v: Value) -> Option<Exit> {
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
    fn do_yield(&mut self, v: Value, mut at_send: bool) -> Option<Exit> {
        if let Some(f) = self.frames.last() {
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
                    gen.store_frame(Box::new(frame));
                }
                None => return Some(Exit::Yield(v)),
            }
            match kind {
                FrameKind::Delegate => at_send = true,
                FrameKind::Base | FrameKind::Call => return Some(Exit::Yield(v)),
            }
        }
    }

    #[inline]
    pub(super) fn push(&mut self, v: Value) {
        self.frames.last_mut().expect("frame").stack.push(v);
    }

    #[inline]
    pub(super) fn pop(&mut self) -> Value {
        self.frames
            .last_mut()
            .expect("frame")
            .stack
            .pop()
            .unwrap_or(Value::None)
    }

    pub(super) fn top(&self) -> &Value {
        self.frames
            .last()
            .expect("frame")
            .stack
            .last()
            .expect("stack")
    }

    fn popn(&mut self, n: usize) -> Vec<Value> {
        let st = &mut self.frames.last_mut().expect("frame").stack;
        let at = st.len() - n;
        st.split_off(at)
    }

    fn name(&self, i: u32) -> Rc<str> {
        self.frames.last().expect("frame").code.names[i as usize].clone()
    }

    pub(super) fn jump(&mut self, target: u32) {
        self.frames.last_mut().expect("frame").pc = target as usize;
    }

    fn exec(&mut self, instr: Instr) -> PyResult<Flow> {
        match instr {
            Instr::Nop => {}
            Instr::Pop => {
                self.pop();
            }
            Instr::Dup => {
                let v = self.top().clone();
                self.push(v);
            }
            Instr::Dup2 => {
                let st = &mut self.frames.last_mut().expect("frame").stack;
                let n = st.len();
                let (a, b) = (st[n - 2].clone(), st[n - 1].clone());
                st.push(a);
                st.push(b);
            }
            Instr::Rot2 => {
                let st = &mut self.frames.last_mut().expect("frame").stack;
                let n = st.len();
                st.swap(n - 1, n - 2);
            }
            Instr::Rot3 => {
                let st = &mut self.frames.last_mut().expect("frame").stack;
                let v = st.pop().expect("stack");
                let n = st.len();
                st.insert(n - 2, v);
            }
            Instr::LoadConst(i) => {
                let f = self.frames.last_mut().expect("frame");
                let v = f.code.consts[i as usize].clone();
                f.stack.push(v);
            }
            Instr::LoadFast(i) => {
                let f = self.frames.last_mut().expect("frame");
                match &f.locals[i as usize] {
                    Some(v) => {
                        let v = v.clone();
                        f.stack.push(v);
                    }
                    None => {
                        let name = f.code.varnames[i as usize].clone();
                        return Err(exc(
                            TypeId::UnboundLocalError,
                            format!(
                                "cannot access local variable '{name}' where it is not associated with a value"
                            ),
                        ));
                    }
                }
            }
            Instr::StoreFast(i) => {
                let f = self.frames.last_mut().expect("frame");
                let v = f.stack.pop().expect("stack");
                f.locals[i as usize] = Some(v);
            }
            Instr::DeleteFast(i) => {
                let f = self.frames.last_mut().expect("frame");
                if f.locals[i as usize].take().is_none() {
                    let name = f.code.varnames[i as usize].clone();
                    return Err(exc(
                        TypeId::UnboundLocalError,
                        format!(
                            "cannot access local variable '{name}' where it is not associated with a value"
                        ),
                    ));
                }
            }
            Instr::LoadGlobal(i) => {
                let v = self.load_global_slot(i)?;
                self.push(v);
            }
            Instr::StoreGlobal(i) => {
                let name = self.name(i);
                let v = self.pop();
                let globals = self.frames.last().expect("frame").globals.clone();
                globals.attrs.borrow_mut().insert_str(&name, v);
            }
            Instr::DeleteGlobal(i) => {
                let name = self.name(i);
                let globals = self.frames.last().expect("frame").globals.clone();
                let removed = globals.attrs.borrow_mut().remove_str(&name);
                if removed.is_none() {
                    return Err(exc(
                        TypeId::NameError,
                        format!("name '{name}' is not defined"),
                    ));
                }
            }
            Instr::LoadName(i) => {
                let name = self.name(i);
                let found = match self.namespace() {
                    Some(ns) => self.namespace_get(&ns, &name)?,
                    None => None,
                };
                let v = match found {
                    Some(v) => v,
                    None => self.load_global(&name)?,
                };
                self.push(v);
            }
            Instr::StoreName(i) => {
                let name = self.name(i);
                let v = self.pop();
                if let Some(ns) = self.namespace() {
                    self.namespace_set(&ns, &name, Some(v))?;
                }
            }
            Instr::DeleteName(i) => {
                let name = self.name(i);
                let removed = match self.namespace() {
                    Some(ns) => self.namespace_set(&ns, &name, None)?,
                    None => false,
                };
                if !removed {
                    return Err(exc(
                        TypeId::NameError,
                        format!("name '{name}' is not defined"),
                    ));
                }
            }
            Instr::BuildClass { argc, names } => self.build_class(argc, names)?,
            Instr::LoadDeref(i) => {
                let f = self.frames.last_mut().expect("frame");
                let v = f.cells[i as usize].borrow().clone();
                match v {
                    Some(v) => f.stack.push(v),
                    None => {
                        let name = deref_name(&f.code, i);
                        return Err(exc(
                            TypeId::NameError,
                            format!(
                                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                            ),
                        ));
                    }
                }
            }
            Instr::StoreDeref(i) => {
                let f = self.frames.last_mut().expect("frame");
                let v = f.stack.pop().expect("stack");
                *f.cells[i as usize].borrow_mut() = Some(v);
            }
            Instr::DeleteDeref(i) => {
                let f = self.frames.last_mut().expect("frame");
                *f.cells[i as usize].borrow_mut() = None;
            }
            Instr::LoadClosure(i) => {
                let f = self.frames.last_mut().expect("frame");
                let c = f.cells[i as usize].clone();
                f.stack.push(Value::Cell(c));
            }
            Instr::LoadAttr(i) => {
                let name = self.name(i);
                let obj = self.pop();
                let v = attrs::get_attr(self, &obj, &name)?;
                self.push(v);
            }
            Instr::StoreAttr(i) => {
                let name = self.name(i);
                let obj = self.pop();
                let v = self.pop();
                attrs::set_attr(self, &obj, &name, v)?;
            }
            Instr::DeleteAttr(i) => {
                let name = self.name(i);
                let obj = self.pop();
                attrs::del_attr(self, &obj, &name)?;
            }
            Instr::Binary(op) => {
                let b = self.pop();
                let a = self.pop();
                let r = ops::binary_op(self, op, &a, &b)?;
                self.push(r);
            }
            Instr::Inplace(op) => {
                let b = self.pop();
                let a = self.pop();
                let r = ops::inplace_op(self, op, a, &b)?;
                self.push(r);
            }
            Instr::Unary(op) => {
                let a = self.pop();
                let r = ops::unary_op(self, op, &a)?;
                self.push(r);
            }
            Instr::Compare(op) => {
                let b = self.pop();
                let a = self.pop();
                let r = ops::compare_op(self, op, &a, &b)?;
                self.push(r);
            }
            Instr::Subscr => {
                let idx = self.pop();
                let obj = self.pop();
                let r = ops::get_item(self, &obj, &idx)?;
                self.push(r);
            }
            Instr::StoreSubscr => {
                let idx = self.pop();
                let obj = self.pop();
                let v = self.pop();
                ops::set_item(self, &obj, idx, v)?;
            }
            Instr::DeleteSubscr => {
                let idx = self.pop();
                let obj = self.pop();
                ops::del_item(self, &obj, &idx)?;
            }
            Instr::BuildSlice(n) => {
                let step = if n == 3 { self.pop() } else { Value::None };
                let stop = self.pop();
                let start = self.pop();
                self.push(Value::Slice(Rc::new([start, stop, step])));
            }
            Instr::BuildTuple(n) => {
                let items = self.popn(n as usize);
                self.push(Value::tuple(items));
            }
            Instr::BuildList(n) => {
                let items = self.popn(n as usize);
                self.push(Value::list(items));
            }
            Instr::BuildSet(n) => {
                let items = self.popn(n as usize);
                let set = tracked(RefCell::new(PySet::new()));
                for i in items {
                    crate::mapping::set_add(self, &set, i)?;
                }
                self.push(Value::Set(set));
            }
            Instr::BuildMap(n) => {
                let items = self.popn(2 * n as usize);
                let d = tracked(RefCell::new(Dict::new()));
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    crate::mapping::dict_set(self, &d, k, v)?;
                }
                self.push(Value::Dict(d));
            }
            Instr::BuildString(n) => {
                let items = self.popn(n as usize);
                let mut s = String::new();
                for i in items {
                    if let Value::Str(p) = i {
                        s.push_str(&p);
                    }
                }
                self.push(Value::str(&s));
            }
            Instr::ListAppend(n) => {
                let v = self.pop();
                let f = self.frames.last().expect("frame");
                if let Value::List(l) = &f.stack[f.stack.len() - n as usize] {
                    l.borrow_mut().push(v);
                }
            }
            Instr::SetAdd(n) => {
                let v = self.pop();
                let f = self.frames.last().expect("frame");
                if let Value::Set(s) = f.stack[f.stack.len() - n as usize].clone() {
                    crate::mapping::set_add(self, &s, v)?;
                }
            }
            Instr::MapAdd(n) => {
                let v = self.pop();
                let k = self.pop();
                let f = self.frames.last().expect("frame");
                if let Value::Dict(d) = f.stack[f.stack.len() - n as usize].clone() {
                    crate::mapping::dict_set(self, &d, k, v)?;
                }
            }
            Instr::ListExtend => {
                let src = self.pop();
                let items = iterators::collect(self, &src)?;
                if let Value::List(l) = self.top() {
                    l.borrow_mut().extend(items);
                }
            }
            Instr::SetUpdate => {
                let src = self.pop();
                if let Value::Set(s) = self.top().clone() {
                    iterators::extend_set(self, &s, &src)?;
                }
            }
            Instr::DictUpdate | Instr::DictMerge => {
                let src = self.pop();
                let Value::Dict(src) = src else {
                    let tn = type_of(&src).name();
                    return Err(type_error(if matches!(instr, Instr::DictMerge) {
                        format!("argument after ** must be a mapping, not {tn}")
                    } else {
                        format!("'{tn}' object is not a mapping")
                    }));
                };
                if let Value::Dict(d) = self.top().clone() {
                    let src = src.borrow().items();
                    for (k, v) in src {
                        if matches!(instr, Instr::DictMerge)
                            && crate::mapping::dict_contains(self, &d, &k)?
                        {
                            let key = crate::repr::repr(self, &k)?;
                            return Err(type_error(format!(
                                "got multiple values for keyword argument {key}"
                            )));
                        }
                        crate::mapping::dict_set(self, &d, k, v)?;
                    }
                }
            }
            Instr::ListToTuple => {
                let l = self.pop();
                if let Value::List(l) = l {
                    let items = l.borrow().clone();
                    self.push(Value::tuple(items));
                }
            }
            Instr::FormatValue {
                conversion,
                with_spec,
            } => {
                let spec = if with_spec { Some(self.pop()) } else { None };
                let v = self.pop();
                let v = match conversion {
                    b's' => Value::str(&crate::repr::str_of(self, &v)?),
                    b'r' => Value::str(&crate::repr::repr(self, &v)?),
                    b'a' => Value::str(&crate::repr::ascii(self, &v)?),
                    _ => v,
                };
                let spec = match &spec {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => String::new(),
                };
                let s = crate::format::format_value(self, &v, &spec)?;
                self.push(Value::str(&s));
            }
            Instr::Jump(t) => self.jump(t),
            Instr::PopJumpIfFalse(t) => {
                let v = self.pop();
                if !ops::truthy(self, &v)? {
                    self.jump(t);
                }
            }
            Instr::PopJumpIfTrue(t) => {
                let v = self.pop();
                if ops::truthy(self, &v)? {
                    self.jump(t);
                }
            }
            Instr::JumpIfFalseOrPop(t) => {
                let v = self.top().clone();
                if !ops::truthy(self, &v)? {
                    self.jump(t);
                } else {
                    self.pop();
                }
            }
            Instr::JumpIfTrueOrPop(t) => {
                let v = self.top().clone();
                if ops::truthy(self, &v)? {
                    self.jump(t);
                } else {
                    self.pop();
                }
            }
            Instr::GetIter => {
                let v = self.pop();
                let it = iterators::get_iter(self, &v)?;
                self.push(it);
            }
            Instr::ForIter(t) => {
                let it = self.top().clone();
                match iterators::next_item(self, &it)? {
                    Some(v) => self.push(v),
                    None => {
                        self.pop();
                        self.jump(t);
                    }
                }
            }
            Instr::UnpackSequence(n) => {
                let v = self.pop();
                let items = iterators::unpack(self, &v, n as usize)?;
                let f = self.frames.last_mut().expect("frame");
                f.stack.extend(items.into_iter().rev());
            }
            Instr::UnpackEx { before, after } => {
                let v = self.pop();
                let items = iterators::collect(self, &v)?;
                let (before, after) = (before as usize, after as usize);
                if items.len() < before + after {
                    return Err(exc(
                        TypeId::ValueError,
                        format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            before + after,
                            items.len()
                        ),
                    ));
                }
                let mut out = Vec::with_capacity(before + after + 1);
                out.extend_from_slice(&items[..before]);
                out.push(Value::list(items[before..items.len() - after].to_vec()));
                out.extend_from_slice(&items[items.len() - after..]);
                let f = self.frames.last_mut().expect("frame");
                f.stack.extend(out.into_iter().rev());
            }
            Instr::Call(argc) => {
                let args = self.popn(argc as usize);
                let func = self.pop();
                self.call_from_bytecode(func, Args::new(args))?;
            }
            Instr::CallKw { argc, names } => {
                let names = match &self.frames.last().expect("frame").code.consts[names as usize] {
                    Value::Tuple(t) => t.clone(),
                    _ => Rc::from(Vec::new()),
                };
                let mut args = self.popn(argc as usize);
                let kwvals = args.split_off(args.len() - names.len());
                let func = self.pop();
                let kw = names
                    .iter()
                    .zip(kwvals)
                    .map(|(n, v)| match n {
                        Value::Str(s) => (s.clone(), v),
                        _ => (Rc::from(""), v),
                    })
                    .collect();
                self.call_from_bytecode(func, Args { pos: args, kw })?;
            }
            Instr::CallEx => {
                let kwargs = self.pop();
                let args = self.pop();
                let func = self.pop();
                let pos = match args {
                    Value::Tuple(t) => t.to_vec(),
                    other => iterators::collect(self, &other)?,
                };
                let mut kw = Vec::new();
                if let Value::Dict(d) = kwargs {
                    for (k, v) in d.borrow().iter() {
                        match k {
                            Value::Str(s) => kw.push((s.clone(), v.clone())),
                            _ => return Err(type_error("keywords must be strings")),
                        }
                    }
                }
                self.call_from_bytecode(func, Args { pos, kw })?;
            }
            Instr::MakeFunction {
                code,
                defaults,
                kwdefaults,
                annotations,
                closure,
            } => {
                let closure = if closure { self.pop() } else { Value::None };
                let annotations = if annotations { self.pop() } else { Value::None };
                let kwdefaults = if kwdefaults { self.pop() } else { Value::None };
                let defaults = if defaults { self.pop() } else { Value::None };
                let f = self.frames.last().expect("frame");
                let code = f.code.functions[code as usize].clone();
                let globals = f.globals.clone();
                let parts = FunctionParts {
                    defaults,
                    kwdefaults,
                    annotations,
                    closure,
                };
                let func = crate::vm::functions::make_function(code, globals, parts);
                self.push(Value::Function(tracked(func)));
            }
            Instr::SetupAnnotations => self.setup_annotations()?,
            Instr::Return => {
                let v = self.pop();
                return self.do_return(v);
            }
            Instr::YieldValue => {
                let v = self.pop();
                let f = self.frames.last().expect("frame");
                if f.code.kind == CodeKind::AsyncGenerator {
                    if let Some(exit) = self.async_yield(v)? {
                        return Ok(Flow::Exit(exit));
                    }
                } else if let Some(exit) = self.do_yield(v, false) {
                    return Ok(Flow::Exit(exit));
                }
            }
            Instr::GetAIter => {
                let v = self.pop();
                let it = self.get_aiter(&v)?;
                self.push(it);
            }
            Instr::GetANext => {
                let it = self.top().clone();
                let aw = self.get_anext(&it)?;
                self.push(aw);
            }
            Instr::EndAsyncFor => {
                let e = self.pop();
                match e {
                    Value::Exception(e) if e.is(TypeId::StopAsyncIteration) => {
                        let f = self.frames.last_mut().expect("frame");
                        if let Some(b) = f.blocks.pop() {
                            if matches!(b.kind, BlockKind::Handler) {
                                f.handling.pop();
                            }
                        }
                        f.stack.pop(); // the async iterator
                    }
                    Value::Exception(e) => return Err(e),
                    _ => return Err(runtime_error("No active exception to reraise")),
                }
            }
            Instr::GetAwaitable => {
                let v = self.top().clone();
                if let Some(coro) = self.native_await_iter(&v)? {
                    self.pop();
                    self.push(coro);
                    return Ok(Flow::Next);
                }
                match crate::dunders::awaitable(self, &v)? {
                    Some(it) => {
                        self.pop();
                        self.push(iterators::unwrap_coroutine(&it));
                    }
                    None => self.check_awaitable(&v)?,
                }
            }
            Instr::GetYieldFromIter => {
                let v = self.pop();
                let it = match &v {
                    Value::Generator(g) if g.is_sync_gen() => v.clone(),
                    Value::Generator(g) if g.is_coroutine => {
                        return Err(type_error(
                            "cannot 'yield from' a coroutine object in a non-coroutine generator",
                        ))
                    }
                    // A future, or a coroutine's `__await__()`.
                    _ if iterators::is_await_iterator(self, &v) => iterators::unwrap_coroutine(&v),
                    _ => iterators::get_iter(self, &v)?,
                };
                self.push(it);
            }
            Instr::Send(target) => return self.exec_send(target),
            Instr::SetupExcept(h) | Instr::SetupFinally(h) => {
                let f = self.frames.last_mut().expect("frame");
                let depth = f.stack.len() as u32;
                f.blocks.push(Block {
                    kind: BlockKind::Setup { handler: h },
                    depth,
                });
            }
            Instr::SetupWith(h) => {
                let f = self.frames.last_mut().expect("frame");
                let depth = f.stack.len() as u32 - 1;
                f.blocks.push(Block {
                    kind: BlockKind::Setup { handler: h },
                    depth,
                });
            }
            Instr::PopBlock => {
                self.frames.last_mut().expect("frame").blocks.pop();
            }
            Instr::PopExcept => {
                let f = self.frames.last_mut().expect("frame");
                if let Some(b) = f.blocks.pop() {
                    if matches!(b.kind, BlockKind::Handler) {
                        f.handling.pop();
                    }
                }
            }
            Instr::Raise(n) => return Err(self.make_raise(n)?),
            Instr::Reraise => {
                let v = self.pop();
                return Err(match v {
                    Value::Exception(e) => e,
                    _ => runtime_error("No active exception to reraise"),
                });
            }
            Instr::CheckExcMatch => {
                let cls = self.pop();
                let e = self.top().clone();
                let r = match &e {
                    Value::Exception(e) => exception_matches(e, &cls)?,
                    _ => false,
                };
                self.push(Value::Bool(r));
            }
            Instr::BeginExceptStar => self.begin_except_star(),
            Instr::CheckEgMatch(t) => self.check_eg_match(t)?,
            Instr::PrepReraiseStar(t) => self.prep_reraise_star(t)?,
            Instr::LoadAssertionError => {
                self.push(Value::Type(TypeRef::Builtin(TypeId::AssertionError)))
            }
            Instr::ImportName(i) => {
                let name = self.name(i);
                let m = self.import_top(&name)?;
                self.push(m);
            }
            Instr::ImportModule(i) => {
                let name = self.name(i);
                let m = self.import(&name)?;
                self.push(m);
            }
            Instr::ImportFrom(i) => {
                let name = self.name(i);
                let m = self.top().clone();
                let v = match attrs::get_attr(self, &m, &name) {
                    Ok(v) => v,
                    Err(_) => {
                        let mname = match &m {
                            Value::Module(m) => m.name.to_string(),
                            _ => "?".into(),
                        };
                        return Err(exc(
                            TypeId::ImportError,
                            format!("cannot import name '{name}' from '{mname}'"),
                        ));
                    }
                };
                self.push(v);
            }
            Instr::ImportStar => {
                let m = self.pop();
                if let Value::Module(m) = m {
                    let globals = self.frames.last().expect("frame").globals.clone();
                    let items: Vec<(Value, Value)> = m
                        .attrs
                        .borrow()
                        .iter()
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    for (k, v) in items {
                        if let Value::Str(s) = &k {
                            if !s.starts_with('_') {
                                globals.attrs.borrow_mut().insert(k, v)?;
                            }
                        }
                    }
                }
            }
            Instr::WithEnter | Instr::AsyncWithEnter => {
                let is_async = matches!(instr, Instr::AsyncWithEnter);
                let mgr = self.pop();
                let (enter, exit_name) = if is_async {
                    ("__aenter__", "__aexit__")
                } else {
                    ("__enter__", "__exit__")
                };
                let missing = || {
                    let tn = type_of(&mgr).name();
                    if is_async {
                        type_error(format!(
                            "'{tn}' object does not support the asynchronous context manager protocol"
                        ))
                    } else {
                        type_error(format!(
                            "'{tn}' object does not support the context manager protocol"
                        ))
                    }
                };
                let exit_fn = attrs::get_attr(self, &mgr, exit_name).map_err(|_| missing())?;
                let enter_fn = attrs::get_attr(self, &mgr, enter).map_err(|_| missing())?;
                self.push(exit_fn);
                let r = self.call(&enter_fn, Args::default())?;
                self.push(r);
            }
            Instr::WithExitNormal { .. } => {
                let exit_fn = self.pop();
                let r = self.call(
                    &exit_fn,
                    Args::new(vec![Value::None, Value::None, Value::None]),
                )?;
                self.push(r);
            }
            Instr::WithExitExcept { .. } => {
                let f = self.frames.last().expect("frame");
                let n = f.stack.len();
                let e = f.stack[n - 1].clone();
                let exit_fn = f.stack[n - 2].clone();
                let typ = match &e {
                    Value::Exception(x) => Value::Type(x.class.clone()),
                    _ => Value::None,
                };
                let r = self.call(&exit_fn, Args::new(vec![typ, e, Value::None]))?;
                self.push(r);
            }
            Instr::WithSuppressOrReraise => {
                let r = self.pop();
                let e = self.pop();
                if ops::truthy(self, &r)? {
                    let f = self.frames.last_mut().expect("frame");
                    if let Some(b) = f.blocks.pop() {
                        if matches!(b.kind, BlockKind::Handler) {
                            f.handling.pop();
                        }
                    }
                    f.stack.pop(); // the exit function
                } else {
                    return Err(match e {
                        Value::Exception(e) => e,
                        _ => runtime_error("No active exception to reraise"),
                    });
                }
            }
        }
        Ok(Flow::Next)
    }

    fn load_global(&mut self, name: &Rc<str>) -> PyResult<Value> {
        let globals = self.frames.last().expect("frame").globals.clone();
        if let Some(v) = globals.attrs.borrow().get_str(name) {
            return Ok(v);
        }
        if let Some(v) = self.builtins.attrs.borrow().get_str(name) {
            return Ok(v);
        }
        Err(exc(
            TypeId::NameError,
            format!("name '{name}' is not defined"),
        ))
    }

    /// `LoadGlobal` of the frame's name `i`, through (and refreshing) the code's cached
    /// slot for it; [`fast_path`] takes the globals hits, this the rest.
    fn load_global_slot(&mut self, i: u32) -> PyResult<Value> {
        let f = self.frames.last().expect("frame");
        let i = i as usize;
        let slot = &f.code.global_slots[i];
        let globals = f.globals.attrs.borrow();
        let builtins = self.builtins.attrs.borrow();
        let cached = slot.get();
        if cached.in_builtins
            && cached.globals_tag == globals.keys_tag()
            && cached.builtins_tag == builtins.keys_tag()
        {
            if let Some(v) = builtins.value_at(cached.index as usize) {
                return Ok(v.clone());
            }
        }
        let (name, hash) = (&f.code.names[i], f.code.name_hashes[i]);
        let found = match globals.index_of_str_hashed(name, hash) {
            Some(index) => Some((&*globals, index, false)),
            None => builtins
                .index_of_str_hashed(name, hash)
                .map(|index| (&*builtins, index, true)),
        };
        if let Some((dict, index, in_builtins)) = found {
            slot.set(GlobalSlot {
                globals_tag: globals.keys_tag(),
                builtins_tag: builtins.keys_tag(),
                index: index as u32,
                in_builtins,
            });
            if let Some(v) = dict.value_at(index) {
                return Ok(v.clone());
            }
        }
        Err(exc(
            TypeId::NameError,
            format!("name '{name}' is not defined"),
        ))
    }

    /// A call made by bytecode: Python functions run in this loop.
    fn call_from_bytecode(&mut self, func: Value, args: Args) -> PyResult<()> {
        if let Value::Function(f) = &func {
            let mut frame = bind_arguments(f, args)?;
            if f.code.is_generator_like() {
                let g = self.make_generator(frame);
                self.push(g);
                return Ok(());
            }
            frame.kind = FrameKind::Call;
            return self.push_frame(frame);
        }
        if let Value::Builtin(b) = &func {
            let r = (b.func)(self, &b.receiver, args)?;
            self.push(r);
            return Ok(());
        }
        match self.prepare_call(&func, args)? {
            Callee::Done(v) => self.push(v),
            Callee::Frame(mut frame) => {
                frame.kind = FrameKind::Call;
                self.push_frame(*frame)?;
            }
        }
        Ok(())
    }

    /// The namespace of the running class body.
    fn namespace(&self) -> Option<Namespace> {
        self.frames.last().and_then(|f| f.namespace.clone())
    }

    /// `SetupAnnotations`: an empty `__annotations__` in the class body's
    /// namespace, or in the module's, unless there is one already.
    fn setup_annotations(&mut self) -> PyResult<()> {
        let Some(namespace) = self.namespace() else {
            let globals = &self.frames.last().expect("frame").globals;
            let mut attrs = globals.attrs.borrow_mut();
            if attrs.get_str("__annotations__").is_none() {
                attrs.insert_str("__annotations__", Value::Dict(Default::default()));
            }
            return Ok(());
        };
        if self.namespace_get(&namespace, "__annotations__")?.is_none() {
            let fresh = Value::Dict(Default::default());
            self.namespace_set(&namespace, "__annotations__", Some(fresh))?;
        }
        Ok(())
    }

    /// `BuildClass`: run the class body in the namespace its metaclass
    /// prepares; the class is made when it returns (see
    /// [`OnReturn::BuildClass`]).
    fn build_class(&mut self, argc: u32, names: u32) -> PyResult<()> {
        let mut values = self.popn(argc as usize);
        let mut keywords = if names == u32::MAX {
            Vec::new()
        } else {
            let names = match &self.frames.last().expect("frame").code.consts[names as usize] {
                Value::Tuple(t) => t.clone(),
                _ => Rc::from(Vec::new()),
            };
            let kwvals = values.split_off(values.len() - names.len());
            names
                .iter()
                .zip(kwvals)
                .map(|(n, v)| match n {
                    Value::Str(s) => (s.clone(), v),
                    _ => (Rc::from(""), v),
                })
                .collect()
        };
        let name = self.pop();
        let body = self.pop();
        let Value::Function(body) = body else {
            return Err(type_error("__build_class__: func must be a function"));
        };
        let (bases, orig_bases) = self.resolve_bases(values)?;
        let metaclass = crate::vm::metaclasses::class_metaclass(&mut keywords, &bases)?;
        let namespace = self.prepare_namespace(&metaclass, &name, &bases, &keywords)?;
        let mut frame = bind_arguments(&body, Args::default())?;
        frame.namespace = Some(namespace.clone());
        frame.on_return = Some(Box::new(OnReturn::BuildClass(ClassSpec {
            name,
            bases,
            orig_bases,
            keywords,
            namespace,
            metaclass,
        })));
        frame.kind = FrameKind::Call;
        self.push_frame(frame)
    }

    fn make_raise(&mut self, n: u8) -> PyResult<ExcRef> {
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

    /// `Send`: drive the awaitable at TOS one step with the pending input.
    fn exec_send(&mut self, target: u32) -> PyResult<Flow> {
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
    fn await_slot(&self, t: TypeId) -> Option<crate::object::slots::AwaitFn> {
        self.slots.inherited(t, |s| s.await_step)
    }

    /// `GET_AWAITABLE`'s check: coroutines and awaitable native objects.
    pub(crate) fn check_awaitable(&self, v: &Value) -> PyResult<()> {
        match v {
            Value::Generator(g) if g.is_coroutine => Ok(()),
            Value::Native(o) if self.await_slot(o.class_id()).is_some() => Ok(()),
            _ if agen_awaitable(v).is_some() => Ok(()),
            other => Err(type_error(format!(
                "object {} can't be used in 'await' expression",
                type_of(other).name()
            ))),
        }
    }

    fn yield_from_send(&mut self, v: Value) -> Flow {
        match self.do_yield(v, true) {
            Some(exit) => Flow::Exit(exit),
            None => Flow::Next,
        }
    }

    /// Called periodically: enforce the instruction budget (and report progress).
    fn check_limits(&mut self) -> PyResult<()> {
        self.report_progress();
        if self.instructions - self.instructions_at_yield > self.limits.instructions_without_yield {
            let line = self.current_line();
            let msg = format!(
                "stopped after {} instructions without yielding to the event loop: is there an infinite loop near line {line}?",
                self.limits.instructions_without_yield
            );
            self.halted = Some(msg.clone());
            return Err(exc_empty(TypeId::SystemExit));
        }
        Ok(())
    }
}

/// The next instruction of a frame (advancing its program counter).
#[inline(always)]
fn fetch(f: &mut crate::object::frame::Frame) -> Instr {
    let pc = f.pc;
    f.pc = pc + 1;
    f.code.instrs[pc]
}

/// The hottest instructions on small ints and locals, executed without
/// leaving the current frame's borrow. Returns false to take the general path
/// (which also produces every error message).
#[inline(always)]
fn fast_path(f: &mut crate::object::frame::Frame, instr: Instr) -> bool {
    use loopscope_syntax::ast::{BinOp, CmpOp};
    match instr {
        Instr::LoadFast(i) => match &f.locals[i as usize] {
            // Ints are copied without `Value::clone`'s call.
            Some(Value::Int(n)) => {
                let n = *n;
                f.stack.push(Value::Int(n));
                true
            }
            Some(v) => {
                let v = v.clone();
                f.stack.push(v);
                true
            }
            None => false,
        },
        Instr::StoreFast(i) => match f.stack.pop() {
            Some(v) => {
                f.locals[i as usize] = Some(v);
                true
            }
            None => false,
        },
        Instr::LoadConst(i) => {
            let v = f.code.consts[i as usize].clone();
            f.stack.push(v);
            true
        }
        Instr::Jump(t) => {
            f.pc = t as usize;
            true
        }
        Instr::LoadGlobal(i) => {
            let slot = f.code.global_slots[i as usize].get();
            let found = {
                let globals = f.globals.attrs.borrow();
                if slot.in_builtins || slot.globals_tag != globals.keys_tag() {
                    return false;
                }
                globals.value_at(slot.index as usize).cloned()
            };
            match found {
                Some(v) => {
                    f.stack.push(v);
                    true
                }
                None => false,
            }
        }
        Instr::ForIter(t) => {
            let Some(Value::Iter(it)) = f.stack.last() else {
                return false;
            };
            let next = match &mut *it.borrow_mut() {
                crate::iterators::IterState::Range {
                    next,
                    step,
                    remaining,
                } => {
                    if *remaining <= 0 {
                        None
                    } else {
                        let v = *next;
                        *remaining -= 1;
                        *next = next.wrapping_add(*step);
                        Some(v)
                    }
                }
                _ => return false,
            };
            match next {
                Some(v) => f.stack.push(Value::Int(v)),
                None => {
                    f.stack.pop();
                    f.pc = t as usize;
                }
            }
            true
        }
        Instr::Pop => {
            f.stack.pop();
            true
        }
        Instr::Binary(op) | Instr::Inplace(op) => {
            let n = f.stack.len();
            let (Value::Int(a), Value::Int(b)) = (&f.stack[n - 2], &f.stack[n - 1]) else {
                return false;
            };
            let (a, b) = (*a, *b);
            let r = match op {
                BinOp::Add => a.checked_add(b),
                BinOp::Sub => a.checked_sub(b),
                BinOp::Mult => a.checked_mul(b),
                BinOp::Mod if b > 0 && a >= 0 => Some(a % b),
                BinOp::FloorDiv if b > 0 && a >= 0 => Some(a / b),
                _ => None,
            };
            match r {
                Some(r) => {
                    // The right operand (an int) goes; the left one's slot takes the result.
                    f.stack.truncate(n - 1);
                    f.stack[n - 2] = Value::Int(r);
                    true
                }
                None => false,
            }
        }
        Instr::Compare(op) => {
            let n = f.stack.len();
            let (Value::Int(a), Value::Int(b)) = (&f.stack[n - 2], &f.stack[n - 1]) else {
                return false;
            };
            let r = match op {
                CmpOp::Lt => a < b,
                CmpOp::LtE => a <= b,
                CmpOp::Gt => a > b,
                CmpOp::GtE => a >= b,
                CmpOp::Eq => a == b,
                CmpOp::NotEq => a != b,
                _ => return false,
            };
            f.stack.truncate(n - 2);
            f.stack.push(Value::Bool(r));
            true
        }
        Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
            let Some(Value::Bool(b)) = f.stack.last() else {
                return false;
            };
            let jump = *b == matches!(instr, Instr::PopJumpIfTrue(_));
            f.stack.pop();
            if jump {
                f.pc = t as usize;
            }
            true
        }
        _ => false,
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

fn deref_name(code: &crate::compile::code::Code, i: u32) -> Rc<str> {
    let i = i as usize;
    if i < code.cellvars.len() {
        code.cellvars[i].clone()
    } else {
        code.freevars[i - code.cellvars.len()].clone()
    }
}
