//! Generator and coroutine objects.
//!
//! A generator owns its suspended frame (in a box made with it: the box moves
//! to the VM's stack to run and back when it suspends, a pointer each way,
//! allocating nothing), so it can be resumed from anywhere: by `next()`, by a `for` loop, by `send()` /
//! `throw()`, or by a Task stepping a coroutine. Coroutines implemented in
//! Rust (asyncio's own `sleep`, `Lock.acquire`, ...) are state machines in
//! the same object, so user code cannot tell them apart from CPython's.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::object::code::CodeObject;
use crate::object::frame::Frame;
use crate::object::gc;
use crate::object::native::NativeObject;
use crate::object::stack_summary::StackSummary;
use crate::object::state::Vm;
use crate::object::types::TypeId;
use crate::object::value::{fresh_address, ExcRef, Value};
use crate::object::warnings;

/// What to deliver to a generator being resumed.
pub enum Resume {
    Value(Value),
    Throw(ExcRef),
}

/// The outcome of resuming a generator.
pub enum GenOutcome {
    Yielded(Value),
    Returned(Value),
    Raised(ExcRef),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    /// Created, never started.
    Created,
    Suspended,
    Running,
    Closed,
}

pub enum GenBody {
    /// A Python generator/coroutine's frame, in its box; `None` while the box
    /// is on the VM stack or after the frame finished.
    Frame(Option<Box<Frame>>),
    Native(Box<dyn NativeCoroutine>),
    /// Neither: a native coroutine's state while it steps or once let go of,
    /// a frame's once the generator let go of its box.
    Empty,
}

impl GenBody {
    /// The suspended (or not yet started) frame of a Python generator.
    pub fn frame(&self) -> Option<&Frame> {
        match self {
            GenBody::Frame(frame) => frame.as_deref(),
            _ => None,
        }
    }
}

/// A coroutine implemented in Rust as a state machine (asyncio's `sleep`,
/// `Lock.acquire`, ...): each `step` is one `send` or `throw`.
pub trait NativeCoroutine {
    fn step(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome;

    /// The line of CPython's source of this coroutine where it is suspended
    /// (the `await` it waits at), for reprs such as `coro=<sleep() running
    /// at …/asyncio/tasks.py:649>`; `None` before its first step, or when no
    /// line is known (the repr then names the `async def` line).
    fn suspended_line(&self) -> Option<u32> {
        None
    }

    /// Each counted reference it holds, once, for the cycle collector.
    /// Reporting none is safe: what it holds then counts as referred to from
    /// outside and stays alive.
    fn traverse(&self, _refs: &mut crate::object::gc::Referents) {}
}

/// A generator's name: asyncio's own coroutines use names known at compile
/// time (and are created by the million), program ones share their code's.
#[derive(Clone)]
pub enum Name {
    Static(&'static str),
    Shared(Rc<str>),
}

impl std::ops::Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Name::Static(s) => s,
            Name::Shared(s) => s,
        }
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl Name {
    pub fn to_rc(&self) -> Rc<str> {
        match self {
            Name::Static(s) => Rc::from(*s),
            Name::Shared(s) => s.clone(),
        }
    }
}

pub struct Generator {
    pub is_coroutine: bool,
    /// Set for asynchronous generators (`async def` with `yield`).
    pub agen: Option<Box<AsyncGenState>>,
    pub name: Name,
    pub qualname: Name,
    pub code: Option<Rc<CodeObject>>,
    pub state: Cell<GenState>,
    pub body: RefCell<GenBody>,
    pub address: u64,
    /// `cr_origin`: where a coroutine was created, while origin tracking is
    /// on (`sys.set_coroutine_origin_tracking_depth`).
    pub origin: std::cell::OnceCell<StackSummary>,
    /// Where a coroutine was allocated while tracemalloc traced.
    pub allocated: std::cell::OnceCell<crate::object::stack_summary::Allocation>,
    /// Its place among the collector's youngest (`gc::Slot`).
    pub young_slot: gc::Slot,
}

impl Generator {
    /// A generator or coroutine running `frame`, named after its code.
    pub fn from_frame(frame: Box<Frame>, is_coroutine: bool) -> Rc<Generator> {
        let names = (frame.code.name.clone(), frame.code.qualname.clone());
        Generator::named(frame, is_coroutine, names)
    }

    /// A generator or coroutine running `frame`, with the `__name__` and
    /// `__qualname__` of the function called (which `functools.wraps` may have
    /// changed), as CPython names it.
    pub fn named(
        frame: Box<Frame>,
        is_coroutine: bool,
        names: (Rc<str>, Rc<str>),
    ) -> Rc<Generator> {
        let code = frame.code.clone();
        let generator = Rc::new(Generator {
            is_coroutine,
            agen: None,
            name: Name::Shared(names.0),
            qualname: Name::Shared(names.1),
            code: Some(code),
            state: Cell::new(GenState::Created),
            body: RefCell::new(GenBody::Frame(Some(frame))),
            address: fresh_address(),
            origin: Default::default(),
            allocated: Default::default(),
            young_slot: Default::default(),
        });
        gc::track_in(&generator, &generator.young_slot);
        generator
    }

    pub fn native(
        name: &'static str,
        qualname: &'static str,
        coro: Box<dyn NativeCoroutine>,
    ) -> Rc<Generator> {
        let generator = Rc::new(Generator {
            is_coroutine: true,
            agen: None,
            name: Name::Static(name),
            qualname: Name::Static(qualname),
            code: None,
            state: Cell::new(GenState::Created),
            body: RefCell::new(GenBody::Native(coro)),
            address: fresh_address(),
            origin: Default::default(),
            allocated: Default::default(),
            young_slot: Default::default(),
        });
        gc::track_in(&generator, &generator.young_slot);
        generator
    }

    /// An asynchronous generator running `frame`.
    pub fn async_gen(frame: Box<Frame>, names: (Rc<str>, Rc<str>)) -> Rc<Generator> {
        let code = frame.code.clone();
        Rc::new(Generator {
            is_coroutine: false,
            agen: Some(Box::default()),
            name: Name::Shared(names.0),
            qualname: Name::Shared(names.1),
            code: Some(code),
            state: Cell::new(GenState::Created),
            body: RefCell::new(GenBody::Frame(Some(frame))),
            address: fresh_address(),
            origin: Default::default(),
            allocated: Default::default(),
            young_slot: Default::default(),
        })
    }

    pub fn is_coroutine(&self) -> bool {
        self.is_coroutine
    }

    /// A plain generator: an iterator (neither a coroutine nor an async generator).
    pub fn is_sync_gen(&self) -> bool {
        !self.is_coroutine && self.agen.is_none()
    }

    /// A generator of a `types.coroutine` function: an awaitable, which may
    /// `yield from` coroutines.
    pub fn is_iterable_coroutine(&self) -> bool {
        self.is_sync_gen()
            && self
                .code
                .as_ref()
                .is_some_and(|c| c.iterable_coroutine.get())
    }

    pub fn is_async_gen(&self) -> bool {
        self.agen.is_some()
    }

    /// "generator", "coroutine" or "async generator", as CPython's messages say.
    pub fn kind_name(&self) -> &'static str {
        if self.is_coroutine {
            "coroutine"
        } else if self.agen.is_some() {
            "async generator"
        } else {
            "generator"
        }
    }

    pub fn is_native(&self) -> bool {
        matches!(&*self.body.borrow(), GenBody::Native(_))
    }

    /// `<coroutine object main at 0x...>`.
    pub fn repr(&self) -> String {
        let kind = if self.is_coroutine {
            "coroutine"
        } else if self.agen.is_some() {
            "async_generator"
        } else {
            "generator"
        };
        format!("<{kind} object {} at {:#x}>", self.qualname, self.address)
    }

    /// Take the suspended frame out to run it: the box moves, not the frame.
    pub fn take_frame(&self) -> Option<Box<Frame>> {
        match &mut *self.body.borrow_mut() {
            GenBody::Frame(f) => f.take(),
            _ => None,
        }
    }

    /// Put the frame's box back as the generator suspends.
    pub fn store_frame(&self, frame: Box<Frame>) {
        match &mut *self.body.borrow_mut() {
            GenBody::Frame(f) => *f = Some(frame),
            body => *body = GenBody::Frame(Some(frame)),
        }
    }

    /// Writes the await chain of this suspended (or not yet started) coroutine to `out`:
    /// one `qualname:line` per program frame, outermost first, separated by `\n`, following
    /// each frame's awaited coroutine down to the innermost one. asyncio's own coroutines
    /// (`sleep`, `Queue.get`...) and futures end the chain, like a traceback that shows only
    /// the program's frames.
    pub fn write_await_chain(&self, out: &mut String) {
        use std::fmt::Write;
        self.for_each_awaiting_frame(&mut |qualname, line| {
            if !out.is_empty() {
                out.push('\n');
            }
            let _ = write!(out, "{qualname}:{line}");
        });
    }

    /// Calls `visit(qualname, line)` for each frame of the await chain, outermost first
    /// (the frames [`Generator::write_await_chain`] writes).
    pub fn for_each_awaiting_frame(&self, visit: &mut impl FnMut(&Name, u32)) {
        let body = self.body.borrow();
        let Some(frame) = body.frame() else {
            return;
        };
        let line = match self.state.get() {
            GenState::Created => frame.code.first_line,
            // Suspended inside a Send, the frame's counter was moved back onto it.
            _ if frame.suspended_at_send => frame.code.line_of(frame.pc),
            _ => frame.current_line(),
        };
        if !frame.code.library {
            visit(&self.qualname, line);
        }
        if frame.suspended_at_send {
            match frame.stack.last() {
                Some(Value::Generator(awaited)) => awaited.for_each_awaiting_frame(visit),
                // `async for` / `await anext(agen)`: the generator's frame.
                Some(v @ Value::Native(_)) => {
                    if let Some(aw) = crate::object::native::downcast::<AsyncGenAwaitable>(v) {
                        aw.agen.for_each_awaiting_frame(visit);
                    }
                }
                _ => {}
            }
        }
    }
}

/// What `coroutine.__await__()` returns: an iterator that drives the
/// coroutine (so a generator-based `__await__` can `yield from` it).
pub struct CoroutineWrapper(pub Rc<Generator>);

impl NativeObject for CoroutineWrapper {
    fn class_id(&self) -> TypeId {
        TypeId::CoroutineWrapper
    }

    fn repr(&self) -> String {
        let address =
            crate::object::value::address_of_ptr(self as *const CoroutineWrapper as usize);
        format!("<coroutine_wrapper object at {address:#x}>")
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        crate::object::weakrefs::referent_dropped(self as *const Generator as usize);
        // Generators and coroutines are registered with the collector, asynchronous
        // generators are not.
        if self.agen.is_none() {
            gc::died_at(&self.young_slot, self as *const Generator as usize);
        }
        match self.state.get() {
            GenState::Created if self.is_coroutine => {
                warnings::coroutine_never_awaited(
                    &self.qualname,
                    self.origin.take(),
                    self.allocated.take(),
                );
            }
            GenState::Created | GenState::Suspended if self.has_finalizer() => {
                self.finalize_async()
            }
            GenState::Suspended => self.close_on_drop(),
            _ => {}
        }
        // A frame holding the next generator of a chain 100,000 long is freed
        // without deep native recursion.
        if let GenBody::Frame(frame) = self.body.get_mut() {
            if let Some(frame) = frame.take() {
                crate::object::teardown::free(frame);
            }
        }
    }
}

/// What an asynchronous generator keeps beside its frame (CPython's
/// `ag_running_async`, `ag_closed`, `ag_hooks_inited`, `ag_origin_or_finalizer`).
#[derive(Default)]
pub struct AsyncGenState {
    /// An `asend`/`athrow`/`aclose` awaitable is driving it (between its
    /// first `send` and the yield, return or exception that ends it).
    pub running_async: Cell<bool>,
    /// It finished, or `aclose()` started closing it.
    pub closed: Cell<bool>,
    /// The first `__anext__`/`asend`/`athrow`/`aclose` called the
    /// `firstiter` hook and took the `finalizer` hook (`sys.set_asyncgen_hooks`).
    pub hooks_inited: Cell<bool>,
    /// Called with the generator when it dies unfinished (asyncio's schedules
    /// its `aclose()`).
    pub finalizer: RefCell<Option<Value>>,
    /// Handed to its finalizer already: not closed again when it dies.
    pub finalized: Cell<bool>,
}

/// `sys.set_asyncgen_hooks`: what asyncio's running loop installs.
#[derive(Clone, Default)]
pub struct AsyncGenHooks {
    pub firstiter: Option<Value>,
    pub finalizer: Option<Value>,
}

/// What an `asend`/`athrow`/`aclose` awaitable does at its first step.
pub enum AgenOp {
    /// `__anext__()` (None) or `asend(value)`.
    Send(Value),
    /// `athrow(...)`.
    Throw(ExcRef),
    /// `aclose()`.
    Close,
}

/// CPython's `AWAITABLE_STATE_*`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AwaitableState {
    Init,
    Iter,
    Closed,
}

/// The awaitable `__anext__()`, `asend()`, `athrow()` and `aclose()` return
/// (`async_generator_asend` / `async_generator_athrow`); the VM drives it.
pub struct AsyncGenAwaitable {
    pub agen: Rc<Generator>,
    pub op: RefCell<AgenOp>,
    pub state: Cell<AwaitableState>,
}

impl AsyncGenAwaitable {
    pub fn new(agen: Rc<Generator>, op: AgenOp) -> AsyncGenAwaitable {
        AsyncGenAwaitable {
            agen,
            op: RefCell::new(op),
            state: Cell::new(AwaitableState::Init),
        }
    }

    pub fn is_close(&self) -> bool {
        matches!(&*self.op.borrow(), AgenOp::Close)
    }

    pub fn is_send(&self) -> bool {
        matches!(&*self.op.borrow(), AgenOp::Send(_))
    }
}

impl NativeObject for AsyncGenAwaitable {
    fn class_id(&self) -> TypeId {
        if self.is_send() {
            TypeId::AsyncGenASend
        } else {
            TypeId::AsyncGenAThrow
        }
    }

    fn repr(&self) -> String {
        let address =
            crate::object::value::address_of_ptr(self as *const AsyncGenAwaitable as usize);
        format!("<{} object at {address:#x}>", self.class_id().name())
    }
}

/// What `anext(aiterator, default)` returns: awaits `awaitable` (the
/// iterator's `__anext__()`), giving `default` on StopAsyncIteration.
pub struct AnextAwaitable {
    pub awaitable: Value,
    pub default: Value,
}

impl NativeObject for AnextAwaitable {
    fn class_id(&self) -> TypeId {
        TypeId::AnextAwaitable
    }

    fn repr(&self) -> String {
        let address = crate::object::value::address_of_ptr(self as *const AnextAwaitable as usize);
        format!("<anext_awaitable object at {address:#x}>")
    }
}

impl Generator {
    fn has_finalizer(&self) -> bool {
        self.agen
            .as_ref()
            .is_some_and(|a| !a.closed.get() && a.finalizer.borrow().is_some())
    }

    /// An unfinished asynchronous generator with a finalizer hook (asyncio's
    /// loop) is handed to it when it dies, as CPython's `_PyGen_Finalize`
    /// does. It lives on in a stand-in (same address and frame) whose
    /// finalizer is gone: an object is finalized once.
    fn finalize_async(&mut self) {
        let Some(agen) = self.agen.as_mut() else {
            return;
        };
        let Some(finalizer) = agen.finalizer.get_mut().take() else {
            return;
        };
        let body = std::mem::replace(self.body.get_mut(), GenBody::Empty);
        let state = AsyncGenState {
            hooks_inited: Cell::new(true),
            finalized: Cell::new(true),
            ..Default::default()
        };
        let gen = Rc::new(Generator {
            is_coroutine: false,
            agen: Some(Box::new(state)),
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            code: self.code.clone(),
            state: Cell::new(self.state.get()),
            body: RefCell::new(body),
            address: self.address,
            origin: Default::default(),
            allocated: Default::default(),
            young_slot: Default::default(),
        });
        self.state.set(GenState::Closed);
        warnings::push(warnings::Notice::FinalizeAsyncGen { gen, finalizer });
    }

    /// CPython closes a suspended generator when it dies, so its `finally`
    /// blocks and `except GeneratorExit` handlers run. Its frame moves to a
    /// stand-in that the VM closes at the next instruction boundary. A frame
    /// with no active `try` would just let GeneratorExit through: skipped.
    fn close_on_drop(&mut self) {
        if self.agen.as_ref().is_some_and(|a| a.finalized.get()) {
            return;
        }
        let GenBody::Frame(frame) = self.body.get_mut() else {
            return;
        };
        let Some(frame) = frame.take_if(|f| !f.blocks.is_empty()) else {
            return;
        };
        let agen = self.agen.take();
        self.close_later(frame, agen);
    }

    /// Lets go of a generator's or a coroutine's frame as its death does (the
    /// cycle collector calls it on one found in garbage; asynchronous generators,
    /// whose death may call a finalizer hook, are left to die): a suspended frame
    /// with an active `try` goes to a stand-in to be closed, and the generator is
    /// closed; any other frame is returned, to be dropped by the caller.
    pub fn release_frame(&self) -> Option<Box<Frame>> {
        let suspended = self.state.get() == GenState::Suspended;
        if suspended {
            self.state.set(GenState::Closed);
        }
        let frame = match &mut *self.body.borrow_mut() {
            GenBody::Frame(frame) => frame.take()?,
            _ => return None,
        };
        if !suspended || frame.blocks.is_empty() {
            return Some(frame);
        }
        self.close_later(frame, None);
        None
    }

    /// Queues a stand-in (same address and names) that the VM closes.
    fn close_later(&self, frame: Box<Frame>, agen: Option<Box<AsyncGenState>>) {
        warnings::push(warnings::Notice::Close(Rc::new(Generator {
            is_coroutine: self.is_coroutine,
            agen,
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            code: self.code.clone(),
            state: Cell::new(GenState::Suspended),
            body: RefCell::new(GenBody::Frame(Some(frame))),
            address: self.address,
            origin: Default::default(),
            allocated: Default::default(),
            young_slot: Default::default(),
        })));
    }
}
