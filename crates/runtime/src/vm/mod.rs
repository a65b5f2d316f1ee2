//! The virtual machine: frames on the heap, one dispatch loop.
//!
//! Python-to-Python calls push a frame and stay in the same loop, so deep
//! recursion costs heap, not Rust stack, and ends in RecursionError at
//! CPython's limit. A generator or coroutine is resumed by pushing its saved
//! frame (and the frames of whatever it is awaiting) back on the stack;
//! a yield pops them off again into their generator objects (boxes: a
//! pointer moves, not the frame). Rust code that
//! needs to call Python (a sort key, a done-callback) runs a nested loop.

mod agen;
pub use agen::agen_awaitable;
mod async_iter;
mod budget;
pub mod call;
mod classes;
mod display;
pub(crate) mod metaclasses;
pub(crate) use classes::new_super;
pub mod descriptors;
pub(crate) mod exception_groups;
mod fast_path;
mod frame_exits;
pub mod functions;
mod import;
mod interp;
mod matching;
mod names;
mod raising;
mod send;
mod stack;
mod str_append;
mod unpacking;

use std::collections::HashSet;
use std::rc::Rc;

use crate::limits::{Limits, Stop};
use crate::object::exceptions::{exc, exc_empty, runtime_error, type_error};
use crate::object::frame::{Frame, FrameKind, OnReturn};
use crate::object::generator::{GenBody, GenState, Generator};
pub use crate::object::generator::{GenOutcome, Resume};
use crate::object::stack_summary::{track_allocation, track_origin};
pub use crate::object::state::Vm;
use crate::object::types::{type_of, TypeId, TypeRef};
use crate::object::value::{Args, ExcRef, Module, PyResult, Value};
use crate::trace::{EventKind, Halt, Recorder, Stream};

/// What calling a value comes down to (see [`Vm::prepare_call`]).
pub enum Callee {
    Frame(Box<Frame>),
    Done(Value),
}

/// How a run of the dispatch loop ended (errors are the `Err` side).
pub enum Exit {
    Return(Value),
    Yield(Value),
    /// An async generator's `yield` (its frame was the base of the run).
    AsyncYield(Value),
    /// A simulated thread blocked (`Vm::block_request`, set by the thread
    /// scheduler only in the thread's own run): its frames stay above the
    /// base for the scheduler to take.
    Blocked,
}

/// Below this size, a result is built without a size or budget check
/// ([`Vm::check_size`]).
pub(crate) const SMALL_RESULT_BYTES: usize = 1 << 16;

impl Vm {
    /// A VM with no modules registered and no types' slots filled yet
    /// (`program.rs` does both); `builtins` is the builtins namespace.
    pub fn new(
        builtins: Rc<Module>,
        filename: &str,
        source: &str,
        seed: u64,
        limits: Limits,
    ) -> Vm {
        let main = Module::new("__main__", filename);
        main.attrs
            .borrow_mut()
            .insert_str("__name__", Value::str("__main__"));
        // A module without a docstring has `__doc__` None (ModuleType's init).
        main.attrs.borrow_mut().insert_str("__doc__", Value::None);
        main.attrs
            .borrow_mut()
            .insert_str("__file__", Value::str(filename));
        // The program's module names the builtins module, as `python3 PROGRAM`'s does.
        main.attrs
            .borrow_mut()
            .insert_str("__builtins__", Value::Module(builtins.clone()));
        let mut modules = crate::object::dict::Dict::new();
        modules.insert_str("builtins", Value::Module(builtins.clone()));
        modules.insert_str("__main__", Value::Module(main.clone()));
        Vm {
            frames: Vec::new(),
            spare_frames: Vec::new(),
            builtins,
            main,
            modules: Rc::new(std::cell::RefCell::new(modules)),
            registry: Default::default(),
            slots: Default::default(),
            states: Default::default(),
            seed,
            pending_input: None,
            pending_throw: None,
            instructions_at_yield: 0,
            instructions: 0,
            native_streak: 0,
            native_streak_end: 0,
            handling_entries: 0,
            limits,
            recorder: Recorder::new(),
            await_chains: Default::default(),
            now: 0.0,
            source_lines: Rc::new(source.lines().map(str::to_string).collect()),
            halted: None,
            memory: crate::memory::Usage::start(),
            output_bytes: 0,
            warning_registry: HashSet::new(),
            last_line: 0,
            loop_floor: 0,
            library_depth: 0,
            c_frames: 0,
            coroutine_origin_depth: 0,
            tracemalloc: Default::default(),
            native_depth: 0,
            block_request: false,
            progress: Default::default(),
            unbound_methods: Default::default(),
            asyncgen_hooks: Default::default(),
        }
    }

    /// Tells the run's progress hook, if one is due (after a handle, at a limit check).
    pub(crate) fn report_progress(&mut self) {
        self.progress
            .tick(self.recorder.trace(), self.instructions, self.now);
    }

    /// The line currently executing in the innermost frame of the program
    /// (library frames, such as `asyncio.run`'s Python, are passed over: the
    /// trace and the reports speak of the program's lines); 0 when the event
    /// loop itself is running (the frames below it are not executing).
    pub fn current_line(&self) -> u32 {
        self.frames
            .get(self.loop_floor..)
            .and_then(|running| running.iter().rev().find(|f| !f.code.library))
            .map(|f| f.current_line())
            .unwrap_or(0)
    }

    /// Call any callable with arguments; runs a nested loop for Python code.
    pub fn call(&mut self, func: &Value, args: Args) -> PyResult<Value> {
        let callee = self.prepare_call(func, args)?;
        self.finish_call(callee)
    }

    /// Run a called function's frame in a nested loop, to its result.
    fn run_frame(&mut self, mut frame: Box<Frame>) -> PyResult<Value> {
        frame.kind = FrameKind::Base;
        self.check_nesting()?;
        self.push_frame(frame)?;
        let base = self.frames.len() - 1;
        match self.run_nested(base)? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) | Exit::AsyncYield(_) | Exit::Blocked => Err(exc(
                TypeId::RuntimeError,
                "internal error: a plain function yielded",
            )),
        }
    }

    /// What calling `func` comes down to: a frame to run, or a result
    /// already computed (built-in functions, built-in types). Calling a
    /// class runs `__new__` here and gives the frame of a Python
    /// `__init__`, which hands the instance to the caller when it returns.
    pub(crate) fn prepare_call(&mut self, func: &Value, args: Args) -> PyResult<Callee> {
        match func {
            Value::Function(f) => {
                let frame = call::bind_arguments(f, args, self.new_frame(f))?;
                if f.code.is_generator_like() {
                    return Ok(Callee::Done(self.make_generator(f, frame)?));
                }
                Ok(Callee::Frame(frame))
            }
            Value::Method(m) => {
                let mut pos = smallvec::SmallVec::with_capacity(args.pos.len() + 1);
                pos.push(m.receiver.clone());
                pos.extend(args.pos);
                self.prepare_call(&m.func, Args { pos, kw: args.kw })
            }
            Value::Builtin(b) => {
                let result = (b.func)(self, &b.receiver, args)?;
                Ok(Callee::Done(self.builtin_result(result)))
            }
            Value::Type(TypeRef::Builtin(t)) => match self.slots.inherited(*t, |s| s.construct) {
                Some(construct) => construct(self, *t, args).map(Callee::Done),
                None => Err(type_error(format!(
                    "cannot create '{}' instances",
                    t.qualified_name()
                ))),
            },
            Value::Type(TypeRef::Class(_)) => self.call_class(func, args),
            Value::Instance(_) => match type_of(func).lookup_override("__call__") {
                Some(call) => {
                    let bound = crate::attrs::bound(call, func.clone());
                    self.prepare_call(&bound, args)
                }
                None => Err(not_callable(func)),
            },
            Value::Native(o) => {
                if let Some(w) = descriptors::method_wrapper(func) {
                    return self.prepare_call(&w.func.clone(), args);
                }
                if let Some(forward) = self.slots.inherited(o.class_id(), |s| s.forward) {
                    let (target, args) = forward(func, args)?;
                    return self.prepare_call(&target, args);
                }
                match self.slots.inherited(o.class_id(), |s| s.call) {
                    Some(call) => call(self, func, args).map(Callee::Done),
                    None => Err(not_callable(func)),
                }
            }
            other => Err(not_callable(other)),
        }
    }

    /// `callable(v)`.
    pub fn is_callable(&self, v: &Value) -> bool {
        match v {
            Value::Function(_) | Value::Builtin(_) | Value::Type(_) | Value::Method(_) => true,
            Value::Instance(_) => type_of(v).lookup_override("__call__").is_some(),
            Value::Native(o) => {
                descriptors::method_wrapper(v).is_some()
                    || self.slots.inherited(o.class_id(), |s| s.call).is_some()
                    || self.slots.inherited(o.class_id(), |s| s.forward).is_some()
            }
            _ => false,
        }
    }

    /// MemoryError for a list, tuple, str or bytes of `len` items (bytes of
    /// text) past [`Limits::max_sequence_len`], checked before it is built:
    /// an allocation that size would abort the process, not raise. The run's
    /// memory budget is checked too, counting at least a byte per item
    /// ([`Vm::check_memory_for`]; [`Vm::check_items`] for items that are values).
    /// Results under [`SMALL_RESULT_BYTES`] pass: the periodic check sees a run
    /// past its budget, and a program that caught MemoryError can still print.
    pub fn check_size(&mut self, len: usize) -> PyResult<()> {
        if len < SMALL_RESULT_BYTES {
            return Ok(());
        }
        if len > self.limits.max_sequence_len {
            return Err(exc_empty(TypeId::MemoryError));
        }
        self.check_memory_for(len)
    }

    /// [`Vm::check_size`] for a list or tuple of `len` values, about to be
    /// built: its bytes count against the memory budget, and copying them as
    /// work (an instruction per sixteen items, [`Vm::count_native_work`]).
    pub fn check_items(&mut self, len: usize) -> PyResult<()> {
        if len > self.limits.max_sequence_len {
            return Err(exc_empty(TypeId::MemoryError));
        }
        self.count_native_work(len as u64 / 16)?;
        self.check_memory_for(len.saturating_mul(std::mem::size_of::<Value>()))
    }

    /// MemoryError when the run holds more than [`Limits::memory_bytes`] or would
    /// with `incoming` more bytes, as CPython raises it when an allocation fails;
    /// a run found past [`Limits::memory_stop_bytes`] (growth no check saw in
    /// time) is stopped instead.
    pub fn check_memory_for(&mut self, incoming: usize) -> PyResult<()> {
        let held = self.memory.bytes();
        if held.saturating_add(incoming) <= self.limits.memory_bytes {
            return Ok(());
        }
        if held > self.limits.memory_stop_bytes() {
            return Err(self.halt(Halt::MemoryLimit, self.memory_stop_message()));
        }
        Err(exc_empty(TypeId::MemoryError))
    }

    /// The SystemExit that unwinds a run a limit has stopped (a write past the
    /// output limit), for the native functions that can stop it.
    pub(crate) fn unless_halted(&self) -> PyResult<()> {
        match self.halted {
            Some(_) => Err(exc_empty(TypeId::SystemExit)),
            None => Ok(()),
        }
    }

    /// The limit message of a run stopped for holding too much memory.
    pub(crate) fn memory_stop_message(&self) -> String {
        format!(
            "memory limit reached: the program holds more than {} MiB (its budget is {} MiB)",
            self.limits.memory_stop_bytes() >> 20,
            self.limits.memory_bytes >> 20
        )
    }

    /// Stops the run at a limit: `message` is what the run ends with (exit
    /// status 3), the SystemExit returned unwinds every frame without running
    /// handlers or `finally` blocks.
    pub(crate) fn halt(&mut self, halt: Halt, message: String) -> ExcRef {
        self.halted = Some(Stop::new(halt, message).at(self.current_line()));
        exc_empty(TypeId::SystemExit)
    }

    /// Runs `f` one level deeper in Rust code that recurses once per level of a
    /// Python structure (comparing nested lists): the level counts with the
    /// Python frames, as CPython's `Py_EnterRecursiveCall`, so RecursionError
    /// ("maximum recursion depth exceeded{context}") comes where CPython's does
    /// and the Rust stack stays bounded.
    pub(crate) fn recursing<T>(
        &mut self,
        context: &'static str,
        f: impl FnOnce(&mut Vm) -> PyResult<T>,
    ) -> PyResult<T> {
        self.check_recursion_depth_for(context)?;
        self.library_depth += 1;
        let result = f(self);
        self.library_depth -= 1;
        result
    }

    /// How many more levels the recursion limit allows: frames and Rust-recursive paths.
    pub(crate) fn recursion_headroom(&self) -> usize {
        (self.limits.recursion_depth).saturating_sub(self.recursion_depth())
    }

    /// The depth the recursion limit is measured against: the frames (less those of
    /// library code CPython runs in C) and the levels of Rust code that count.
    pub(crate) fn recursion_depth(&self) -> usize {
        self.frames.len() + self.library_depth - self.c_frames
    }

    /// RecursionError when Rust code calling Python is nested too deeply: a bound
    /// of Loopscope's own ([`Limits::nested_runs`], the native stack), not CPython's
    /// recursion limit, so its message has no ending — which of CPython's checks
    /// would have passed the limit, and so its ending, is not known here (see
    /// docs/differences.md, "RecursionError's message").
    pub(crate) fn check_nesting(&self) -> PyResult<()> {
        if self.native_depth >= self.limits.nested_runs {
            return Err(exc(
                TypeId::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        Ok(())
    }

    /// A run of the dispatch loop started from Rust code (see
    /// [`Vm::check_nesting`], called before its base frame was pushed).
    pub(crate) fn run_nested(&mut self, base: usize) -> Result<Exit, ExcRef> {
        self.native_depth += 1;
        let result = self.run(base);
        self.native_depth -= 1;
        result
    }

    pub fn call0(&mut self, func: &Value) -> PyResult<Value> {
        self.call(func, Args::default())
    }

    pub fn call1(&mut self, func: &Value, arg: Value) -> PyResult<Value> {
        self.call(func, Args::new(vec![arg]))
    }

    /// The generator, coroutine or asynchronous generator a call of `func`
    /// makes, named after the function as it is now. CPython runs the new
    /// frame up to its RETURN_GENERATOR, so the call counts against the
    /// recursion limit like any other: at the limit it raises RecursionError
    /// and makes nothing (no coroutine is left never awaited).
    pub(crate) fn make_generator(
        &mut self,
        func: &crate::object::value::Function,
        frame: Box<Frame>,
    ) -> PyResult<Value> {
        self.check_recursion_depth(0)?;
        let names = (func.name.borrow().clone(), func.qualname());
        if frame.code.kind == crate::compile::code::CodeKind::AsyncGenerator {
            return Ok(Value::Generator(Generator::async_gen(frame, names)));
        }
        let is_coroutine = frame.code.kind == crate::compile::code::CodeKind::Coroutine
            || frame.code.kind == crate::compile::code::CodeKind::AsyncModule;
        let generator = Generator::named(frame, is_coroutine, names);
        if self.coroutine_origin_depth > 0 {
            track_origin(self, &generator);
        }
        if self.tracemalloc.frames > 0 {
            track_allocation(self, &generator);
        }
        Ok(Value::Generator(generator))
    }

    /// The result of a built-in function: a coroutine it made (`asyncio.sleep()`)
    /// has an origin too.
    fn builtin_result(&mut self, result: Value) -> Value {
        if self.coroutine_origin_depth > 0 {
            if let Value::Generator(g) = &result {
                track_origin(self, g);
            }
        }
        if self.tracemalloc.frames > 0 {
            if let Value::Generator(g) = &result {
                track_allocation(self, g);
            }
        }
        result
    }

    /// Push a frame, enforcing the recursion limit.
    pub(crate) fn push_frame(&mut self, mut frame: Box<Frame>) -> PyResult<()> {
        // Instantiating a class runs `__init__` from C in CPython
        // (`type_call`), one more level of recursion than the frame.
        let from_c = matches!(frame.on_return.as_deref(), Some(OnReturn::Init(_)));
        if frame.code.runs_as_c.get() {
            self.c_frames += 1;
        } else {
            self.check_recursion_depth(from_c as usize)?;
        }
        self.library_depth += from_c as usize;
        frame.entered_at = self.instructions;
        self.frames.push(frame);
        Ok(())
    }

    /// RecursionError if `extra` more levels and one frame would pass the recursion limit.
    fn check_recursion_depth(&self, extra: usize) -> PyResult<()> {
        if self.recursion_depth() + extra >= self.limits.recursion_depth {
            return Err(exc(
                TypeId::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        Ok(())
    }

    /// RecursionError ending with `context` if one more level would pass the
    /// recursion limit: a check CPython makes from C around a call it does not
    /// count on ([`Vm::recursing`] for one that it does).
    pub(crate) fn check_recursion_depth_for(&self, context: &str) -> PyResult<()> {
        if self.recursion_depth() >= self.limits.recursion_depth {
            return Err(exc(
                TypeId::RecursionError,
                format!("maximum recursion depth exceeded{context}"),
            ));
        }
        Ok(())
    }

    /// A frame left the stack: forget the extra depth it counted.
    pub(crate) fn leave_frame_depth(&mut self, frame: &Frame) {
        if frame.code.runs_as_c.get() {
            self.c_frames -= 1;
        }
        if matches!(frame.on_return.as_deref(), Some(OnReturn::Init(_))) {
            self.library_depth -= 1;
        }
    }

    /// Resume a generator or coroutine (`next`, `send`, `throw`, a Task step).
    pub fn resume(&mut self, gen: &Rc<Generator>, input: Resume) -> GenOutcome {
        if let Err(e) = self.check_resumable(gen, &input) {
            return match e {
                Ok(()) => {
                    GenOutcome::Raised(crate::object::exceptions::stop_iteration(Value::None))
                }
                Err(e) => GenOutcome::Raised(e),
            };
        }
        if gen.is_native() {
            return self.step_native(gen, input);
        }
        let base = self.frames.len();
        if let Err(e) = self.check_nesting() {
            return GenOutcome::Raised(e);
        }
        if let Err(e) = self.push_generator(gen, FrameKind::Base) {
            return GenOutcome::Raised(e);
        }
        self.deliver(input);
        match self.run_nested(base) {
            Ok(Exit::Return(v)) => GenOutcome::Returned(v),
            Ok(Exit::Yield(v) | Exit::AsyncYield(v)) => GenOutcome::Yielded(v),
            Ok(Exit::Blocked) => GenOutcome::Raised(exc(
                TypeId::RuntimeError,
                "internal error: a generator's run blocked",
            )),
            Err(e) => GenOutcome::Raised(e),
        }
    }

    /// `Err(Ok(()))` means "already finished: plain StopIteration".
    fn check_resumable(&self, gen: &Generator, input: &Resume) -> Result<(), PyResult<()>> {
        let what = if gen.is_coroutine {
            "coroutine"
        } else {
            "generator"
        };
        match gen.state.get() {
            GenState::Running => Err(Err(exc(
                TypeId::ValueError,
                format!("{what} already executing"),
            ))),
            GenState::Closed => {
                if gen.is_coroutine {
                    Err(Err(exc(
                        TypeId::RuntimeError,
                        "cannot reuse already awaited coroutine",
                    )))
                } else if let Resume::Throw(e) = input {
                    Err(Err(e.clone()))
                } else {
                    Err(Ok(()))
                }
            }
            GenState::Created => match input {
                Resume::Value(v) if !v.is_none() => Err(Err(type_error(format!(
                    "can't send non-None value to a just-started {what}"
                )))),
                _ => Ok(()),
            },
            GenState::Suspended => Ok(()),
        }
    }

    fn step_native(&mut self, gen: &Rc<Generator>, input: Resume) -> GenOutcome {
        gen.state.set(GenState::Running);
        let mut body = std::mem::replace(&mut *gen.body.borrow_mut(), GenBody::Empty);
        let outcome = match &mut body {
            GenBody::Native(coro) => coro.step(self, input),
            _ => GenOutcome::Raised(exc(TypeId::RuntimeError, "not native")),
        };
        *gen.body.borrow_mut() = body;
        gen.state.set(match outcome {
            GenOutcome::Yielded(_) => GenState::Suspended,
            _ => GenState::Closed,
        });
        outcome
    }

    /// Push a generator's frame and, if it is suspended inside an `await`
    /// of another frame-based coroutine, that one's frame too, recursively.
    fn push_generator(&mut self, gen: &Rc<Generator>, kind: FrameKind) -> PyResult<()> {
        // The limit first: a refused resume leaves the generator and the frames as they were.
        self.check_recursion_depth(0)?;
        let Some(mut frame) = gen.take_frame() else {
            return Err(exc(TypeId::RuntimeError, "generator has no frame"));
        };
        let previous_state = gen.state.get();
        frame.kind = kind;
        frame.owner = Some(gen.clone());
        gen.state.set(GenState::Running);
        let delegate = if frame.suspended_at_send {
            match frame.stack.last() {
                Some(Value::Generator(inner))
                    if !inner.is_native() && inner.state.get() == GenState::Suspended =>
                {
                    Some(inner.clone())
                }
                _ => None,
            }
        } else {
            None
        };
        if delegate.is_some() {
            // Resumed as if its Send had just pushed the delegate.
            frame.suspended_at_send = false;
            frame.pc += 1;
        }
        self.frames.push(frame);
        if let Some(inner) = delegate {
            if let Err(e) = self.push_generator(&inner, FrameKind::Delegate) {
                // Put this frame back, still suspended at its Send.
                let mut frame = self.frames.pop().expect("the frame just pushed");
                frame.owner = None;
                frame.suspended_at_send = true;
                frame.pc -= 1;
                gen.store_frame(frame);
                gen.state.set(previous_state);
                return Err(e);
            }
        }
        Ok(())
    }

    /// Hand the resume input to the innermost (top) frame.
    fn deliver(&mut self, input: Resume) {
        let Some(top) = self.frames.last_mut() else {
            return;
        };
        if top.suspended_at_send {
            // Re-execute the Send with this input.
            top.suspended_at_send = false;
            self.pending_input = Some(input);
            return;
        }
        let fresh = top.pc == 0;
        match input {
            Resume::Value(v) => {
                if !fresh {
                    top.stack.push(v);
                }
            }
            // Into a fresh frame too, whose pc stays 0: the traceback shows
            // it at its definition (`Code::NOT_STARTED`).
            Resume::Throw(e) => self.pending_throw = Some(e),
        }
    }

    /// `gen.close()`.
    pub fn close_generator(&mut self, g: &Rc<Generator>) -> PyResult<()> {
        match g.state.get() {
            GenState::Closed => Ok(()),
            GenState::Created => {
                g.state.set(GenState::Closed);
                drop(g.take_frame());
                if g.is_native() {
                    // A coroutine asyncio runs natively lets go of what it
                    // holds (`wait_for(coro)`'s coroutine), as a cleared frame.
                    let body = std::mem::replace(&mut *g.body.borrow_mut(), GenBody::Empty);
                    drop(body);
                }
                Ok(())
            }
            GenState::Running => Err(exc(
                TypeId::ValueError,
                format!("{} already executing", g.kind_name()),
            )),
            GenState::Suspended => {
                match self.resume(g, Resume::Throw(exc_empty(TypeId::GeneratorExit))) {
                    GenOutcome::Yielded(_) => Err(runtime_error(format!(
                        "{} ignored GeneratorExit",
                        g.kind_name()
                    ))),
                    GenOutcome::Returned(_) => Ok(()),
                    GenOutcome::Raised(e)
                        if e.is(TypeId::GeneratorExit) || e.is(TypeId::StopIteration) =>
                    {
                        Ok(())
                    }
                    GenOutcome::Raised(e) => Err(e),
                }
            }
        }
    }

    /// Write program output (print, tracebacks, warnings) to a stream.
    /// Past [`Limits::max_output_bytes`] the text is cut there and the run halted
    /// (the writers check [`Vm::halted`]); nothing more is written after that but
    /// the run's limit message ([`Vm::write_limit_message`]).
    pub fn write(&mut self, stream: Stream, text: &str) {
        let room = self
            .limits
            .max_output_bytes
            .saturating_sub(self.output_bytes);
        if text.len() > room {
            let mut end = room;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            self.record_output(stream, &text[..end]);
            self.output_bytes = self.limits.max_output_bytes;
            if self.halted.is_none() {
                let line = self.current_line();
                self.halted = Some(
                    Stop::new(
                        Halt::OutputLimit,
                        format!(
                            "output limit reached: the program wrote more than {} bytes",
                            self.limits.max_output_bytes
                        ),
                    )
                    .at(line),
                );
            }
            return;
        }
        self.output_bytes += text.len();
        self.record_output(stream, text);
    }

    /// The message a run stopped at a limit ends with, past any output limit.
    pub(crate) fn write_limit_message(&mut self, message: &str) {
        self.record_output(Stream::Stderr, &format!("loopscope: {message}\n"));
    }

    fn record_output(&mut self, stream: Stream, text: &str) {
        if text.is_empty() {
            return;
        }
        let id = self.recorder.intern(text);
        let line = self.current_line();
        self.recorder
            .record(self.now, line, EventKind::Output { stream, text: id });
    }
}

fn not_callable(v: &Value) -> ExcRef {
    type_error(format!(
        "'{}' object is not callable",
        crate::object::types::type_of(v).name()
    ))
}

impl Vm {
    /// A call made by bytecode: Python functions run in this loop.
    pub(super) fn call_from_bytecode(&mut self, func: Value, args: Args) -> PyResult<()> {
        if let Value::Function(f) = &func {
            let mut frame = call::bind_arguments(f, args, self.new_frame(f))?;
            if f.code.is_generator_like() {
                let g = self.make_generator(f, frame)?;
                self.push(g);
                return Ok(());
            }
            frame.kind = FrameKind::Call;
            return self.push_frame(frame);
        }
        if let Value::Builtin(b) = &func {
            let r = (b.func)(self, &b.receiver, args)?;
            let r = self.builtin_result(r);
            self.push(r);
            return Ok(());
        }
        match self.prepare_call(&func, args)? {
            Callee::Done(v) => self.push(v),
            Callee::Frame(mut frame) => {
                frame.kind = FrameKind::Call;
                self.push_frame(frame)?;
            }
        }
        Ok(())
    }
}

/// The end of the RecursionError message of a call CPython makes from C
/// (`_Py_EnterRecursiveCall(" while calling a Python object")`): a method called
/// by a built-in, a class instantiated, a `__repr__` or `__eq__` called by C code.
pub(crate) const WHILE_CALLING: &str = " while calling a Python object";
