//! The dispatch loop: executes instructions of the top frame until the base
//! frame of this run returns, yields or raises.

use std::cell::RefCell;
use std::rc::Rc;

use crate::attrs;
use crate::compile::code::{CodeKind, Instr};
use crate::iterators;
use crate::object::dict::{Dict, PySet};
use crate::object::exceptions::{exc, runtime_error, type_error};
use crate::object::frame::{Block, BlockKind};
use crate::object::pystr::PyStr;
use crate::object::teardown::SliceRef;
use crate::object::types::{type_of, TypeId, TypeRef};
use crate::object::value::{tracked, Args, ExcRef, PyResult, Value};
use crate::ops;
use crate::vm::functions::FunctionParts;
use crate::vm::{Exit, Vm};

use super::fast_path::{fast_instr, may_be_fast, run_fast, FastStop};
use super::names::deref_name;
use super::raising::exception_matches;
use super::unpacking;

/// What an instruction asks the loop to do next.
pub(super) enum Flow {
    Next,
    /// The base frame finished this run.
    Exit(Exit),
    /// The base frame's return failed (an `__init__` returned a value):
    /// the run ends with this exception.
    Fail(ExcRef),
}

/// Check limits every this many instructions.
pub(super) const LIMIT_CHECK_INTERVAL: u64 = 1 << 12;

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
                crate::object::gc::collect_if_due(&mut || {
                    if self.pending_input.is_none() {
                        self.report_notices();
                    }
                });
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
                let instr = f.code.instrs[f.pc];
                f.pc += 1;
                if !may_be_fast(instr) {
                    instr
                } else if f
                    .code
                    .instrs
                    .get(f.pc)
                    .is_some_and(|next| may_be_fast(*next))
                {
                    // A run of fast instructions: worth the call.
                    let stop = run_fast(
                        &f.code,
                        &mut f.pc,
                        &mut f.stack,
                        &mut f.locals,
                        &f.globals,
                        instr,
                        &mut self.instructions,
                    );
                    match stop {
                        FastStop::General(instr) => instr,
                        FastStop::Checks => continue 'outer,
                    }
                } else if fast_instr(
                    &f.code,
                    &f.globals,
                    &mut f.pc,
                    &mut f.stack,
                    &mut f.locals,
                    instr,
                ) {
                    // A lone one, run here; the next instruction takes the general path
                    // after the checks above, as it would after a run.
                    continue 'outer;
                } else {
                    instr
                }
            };
            match self.exec(instr) {
                Ok(Flow::Next) => {
                    if self.block_request {
                        self.block_request = false;
                        return Ok(Exit::Blocked);
                    }
                }
                Ok(Flow::Exit(x)) => return Ok(x),
                Ok(Flow::Fail(e)) => return Err(e),
                Err(mut e) => {
                    let add_tb = !matches!(instr, Instr::Reraise | Instr::EndAsyncFor)
                        && !matches!(instr, Instr::Raise(0))
                        && !matches!(instr, Instr::WithSuppressOrReraise);
                    if add_tb {
                        let walked = self.set_context(&e);
                        if let Err(stop) = self.count_native_work(walked) {
                            e = stop;
                        }
                    }
                    if let Some(done) = self.unwind(e, base, add_tb) {
                        return done;
                    }
                }
            }
        }
    }

    fn exec(&mut self, instr: Instr) -> PyResult<Flow> {
        match instr {
            Instr::Nop => {}
            Instr::Pop => {
                self.pop();
            }
            Instr::PrintExpr => {
                let value = self.pop();
                self.display_hook(value)?;
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
            Instr::Copy(_)
            | Instr::Swap(_)
            | Instr::GetLen
            | Instr::MatchSequence
            | Instr::MatchMapping
            | Instr::MatchKeys
            | Instr::CopyDictWithoutKeys
            | Instr::MatchClass(_) => self.exec_match(instr)?,
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
                if self.load_module_attr(i).is_some() {
                    return Ok(Flow::Next);
                }
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
            Instr::Binary(op) | Instr::Inplace(op) if self.append_str_in_place(op)? => {}
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
                self.push(Value::Slice(SliceRef(Rc::new([start, stop, step]))));
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
                let text_len = |item: &Value| match item {
                    Value::Str(p) => p.len(),
                    _ => 0,
                };
                self.check_size(items.iter().map(text_len).fold(0, usize::saturating_add))?;
                let mut s = String::new();
                for i in items {
                    if let Value::Str(p) = i {
                        s.push_str(&p);
                    }
                }
                self.push(Value::string(s));
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
                let items = unpacking::starred_items(self, &src, |_, t| {
                    Ok(format!("Value after * must be an iterable, not {t}"))
                })?;
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
                // DICT_MERGE builds a call's keywords: the function is below them.
                let func = matches!(instr, Instr::DictMerge).then(|| {
                    let f = self.frames.last().expect("frame");
                    f.stack[f.stack.len() - 3].clone()
                });
                if let Value::Dict(d) = self.top().clone() {
                    unpacking::merge_mapping(self, &d, &src, func)?;
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
                    b's' => Value::string(crate::repr::str_of(self, &v)?),
                    b'r' => Value::string(crate::repr::repr(self, &v)?),
                    b'a' => Value::string(crate::repr::ascii(self, &v)?),
                    _ => v,
                };
                let spec = match &spec {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => String::new(),
                };
                let s = crate::format::format_value(self, &v, &spec)?;
                self.push(Value::string(s));
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
                let pos = self.pop_args(argc as usize);
                let func = self.pop();
                self.call_from_bytecode(
                    func,
                    Args {
                        pos,
                        kw: Vec::new(),
                    },
                )?;
            }
            Instr::CallKw { argc, names } => {
                let names = match &self.frames.last().expect("frame").code.consts[names as usize] {
                    Value::Tuple(t) => t.0.clone(),
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
                        _ => (PyStr::rc(""), v),
                    })
                    .collect();
                self.call_from_bytecode(
                    func,
                    Args {
                        pos: args.into(),
                        kw,
                    },
                )?;
            }
            Instr::CallEx => {
                let kwargs = self.pop();
                let args = self.pop();
                let func = self.pop();
                let pos = match args {
                    Value::Tuple(t) => t.to_vec(),
                    other => unpacking::starred_items(self, &other, |vm, t| {
                        let named = unpacking::function_str(vm, &func)?;
                        Ok(format!(
                            "{named} argument after * must be an iterable, not {t}"
                        ))
                    })?,
                };
                let mut kw = Vec::new();
                if let Value::Dict(d) = kwargs {
                    let pairs: Vec<(Value, Value)> = d.borrow().items();
                    for (k, v) in pairs {
                        match k {
                            Value::Str(s) => kw.push((s, v)),
                            _ => return Err(type_error("keywords must be strings")),
                        }
                    }
                }
                self.call_from_bytecode(
                    func,
                    Args {
                        pos: pos.into(),
                        kw,
                    },
                )?;
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
                            if matches!(b.kind, BlockKind::Handler) && f.handling.pop().is_some() {
                                self.handling_entries -= 1;
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
                    Value::Generator(g)
                        if g.is_coroutine
                            && self
                                .frames
                                .last()
                                .is_some_and(|f| f.code.iterable_coroutine.get()) =>
                    {
                        v.clone()
                    }
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
                    if matches!(b.kind, BlockKind::Handler) && f.handling.pop().is_some() {
                        self.handling_entries -= 1;
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
                    Err(_) => self.import_submodule(&m, &name)?,
                };
                self.push(v);
            }
            Instr::ImportStar => {
                let m = self.pop();
                self.import_star(&m)?;
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
                // A frame of this run (not a nested one): a simulated thread
                // may block in `__enter__` (`with lock:`).
                self.call_from_bytecode(enter_fn, Args::default())?;
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
                let (typ, traceback) = match &e {
                    Value::Exception(x) => (
                        Value::Type(x.class.clone()),
                        attrs::get_attr(self, &e, "__traceback__")?,
                    ),
                    _ => (Value::None, Value::None),
                };
                let r = self.call(&exit_fn, Args::new(vec![typ, e, traceback]))?;
                self.push(r);
            }
            Instr::WithSuppressOrReraise => {
                let r = self.pop();
                let e = self.pop();
                if ops::truthy(self, &r)? {
                    let f = self.frames.last_mut().expect("frame");
                    if let Some(b) = f.blocks.pop() {
                        if matches!(b.kind, BlockKind::Handler) && f.handling.pop().is_some() {
                            self.handling_entries -= 1;
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
}
