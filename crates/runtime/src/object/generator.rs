//! Generator and coroutine objects.
//!
//! A generator owns its suspended frame (heap-allocated), so it can be
//! resumed from anywhere: by `next()`, by a `for` loop, by `send()` /
//! `throw()`, or by a Task stepping a coroutine. Coroutines implemented in
//! Rust (asyncio's own `sleep`, `Lock.acquire`, ...) are state machines in
//! the same object, so user code cannot tell them apart from CPython's.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::object::code::CodeObject;
use crate::object::frame::Frame;
use crate::object::native::NativeObject;
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
    /// A Python generator/coroutine; `None` while its frame is on the VM stack
    /// or after it finished.
    Frame(Option<Box<Frame>>),
    Native(Box<dyn NativeCoroutine>),
}

/// A coroutine implemented in Rust as a state machine (asyncio's `sleep`,
/// `Lock.acquire`, ...): each `step` is one `send` or `throw`.
pub trait NativeCoroutine {
    fn step(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome;
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
    pub name: Name,
    pub qualname: Name,
    pub code: Option<Rc<CodeObject>>,
    pub state: Cell<GenState>,
    pub body: RefCell<GenBody>,
    pub address: u64,
}

impl Generator {
    pub fn from_frame(frame: Frame, is_coroutine: bool) -> Rc<Generator> {
        let code = frame.code.clone();
        Rc::new(Generator {
            is_coroutine,
            name: Name::Shared(code.name.clone()),
            qualname: Name::Shared(code.qualname.clone()),
            code: Some(code),
            state: Cell::new(GenState::Created),
            body: RefCell::new(GenBody::Frame(Some(Box::new(frame)))),
            address: fresh_address(),
        })
    }

    pub fn native(
        name: &'static str,
        qualname: &'static str,
        coro: Box<dyn NativeCoroutine>,
    ) -> Rc<Generator> {
        Rc::new(Generator {
            is_coroutine: true,
            name: Name::Static(name),
            qualname: Name::Static(qualname),
            code: None,
            state: Cell::new(GenState::Created),
            body: RefCell::new(GenBody::Native(coro)),
            address: fresh_address(),
        })
    }

    pub fn is_coroutine(&self) -> bool {
        self.is_coroutine
    }

    pub fn is_native(&self) -> bool {
        matches!(&*self.body.borrow(), GenBody::Native(_))
    }

    /// `<coroutine object main at 0x...>`.
    pub fn repr(&self) -> String {
        let kind = if self.is_coroutine {
            "coroutine"
        } else {
            "generator"
        };
        format!("<{kind} object {} at {:#x}>", self.qualname, self.address)
    }

    /// Take the suspended frame out to run it.
    pub fn take_frame(&self) -> Option<Box<Frame>> {
        match &mut *self.body.borrow_mut() {
            GenBody::Frame(f) => f.take(),
            GenBody::Native(_) => None,
        }
    }

    pub fn store_frame(&self, frame: Box<Frame>) {
        *self.body.borrow_mut() = GenBody::Frame(Some(frame));
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
        let GenBody::Frame(Some(frame)) = &*body else {
            return;
        };
        let line = match self.state.get() {
            GenState::Created => frame.code.first_line,
            // Suspended inside a Send, the frame's counter was moved back onto it.
            _ if frame.suspended_at_send => frame.code.line_of(frame.pc),
            _ => frame.current_line(),
        };
        visit(&self.qualname, line);
        if frame.suspended_at_send {
            if let Some(crate::object::value::Value::Generator(awaited)) = frame.stack.last() {
                awaited.for_each_awaiting_frame(visit);
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
        match self.state.get() {
            GenState::Created if self.is_coroutine => {
                warnings::coroutine_never_awaited(&self.qualname);
            }
            GenState::Suspended => self.close_on_drop(),
            _ => {}
        }
    }
}

impl Generator {
    /// CPython closes a suspended generator when it dies, so its `finally`
    /// blocks and `except GeneratorExit` handlers run. Its frame moves to a
    /// stand-in that the VM closes at the next instruction boundary. A frame
    /// with no active `try` would just let GeneratorExit through: skipped.
    fn close_on_drop(&mut self) {
        let GenBody::Frame(frame) = self.body.get_mut() else {
            return;
        };
        let Some(frame) = frame.take_if(|f| !f.blocks.is_empty()) else {
            return;
        };
        warnings::push(warnings::Notice::Close(Rc::new(Generator {
            is_coroutine: self.is_coroutine,
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            code: self.code.clone(),
            state: Cell::new(GenState::Suspended),
            body: RefCell::new(GenBody::Frame(Some(frame))),
            address: self.address,
        })));
    }
}
