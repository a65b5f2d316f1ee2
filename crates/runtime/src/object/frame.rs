//! An activation record: the state of one running (or suspended) code object.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::code::CodeObject;
use crate::object::dict::Dict;
use crate::object::generator::Generator;
use crate::object::pystr::PyStr;
use crate::object::value::{ExcRef, Module, Value};

/// How control leaves a frame, decided by whoever pushed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    /// Called from bytecode: the result is pushed on the caller's stack.
    Call,
    /// The bottom frame of a (possibly nested) run of the dispatch loop:
    /// returning, yielding or raising ends that run.
    Base,
    /// Driven by the caller's `Send` (`await` / `yield from`): the result
    /// replaces the awaitable in the caller, a yield suspends the caller too.
    Delegate,
}

#[derive(Clone, Copy, Debug)]
pub enum BlockKind {
    /// An active `try`: on an exception jump to the handler.
    Setup { handler: u32 },
    /// Running an `except`/`finally` handler (an exception is being handled).
    Handler,
}

#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub kind: BlockKind,
    /// Value-stack depth to restore.
    pub depth: u32,
}

pub use crate::object::teardown::CellRef;

pub struct Frame {
    pub code: Rc<CodeObject>,
    /// Index of the next instruction to execute.
    pub pc: usize,
    pub stack: Vec<Value>,
    pub locals: Vec<Option<Value>>,
    /// Cell variables followed by free variables.
    pub cells: Vec<CellRef>,
    pub globals: Rc<Module>,
    pub blocks: Vec<Block>,
    /// Exceptions being handled by this frame's active handlers.
    pub handling: Vec<ExcRef>,
    pub kind: FrameKind,
    /// The generator this frame belongs to, while it is on the VM stack.
    pub owner: Option<Rc<Generator>>,
    /// Suspended inside a `Send` (awaiting) rather than after a `yield`.
    pub suspended_at_send: bool,
    /// A class body's namespace (`LoadName` / `StoreName`).
    pub namespace: Option<Namespace>,
    /// What happens to the value the frame returns, when it is not simply
    /// handed to the caller.
    pub on_return: Option<Box<OnReturn>>,
    /// The frame object a traceback holds, once an exception passed through.
    pub kept: Option<Rc<KeptFrame>>,
    /// A function frame's `locals()` dict, made on first use and refreshed by
    /// each call (CPython's `f_locals`: names `exec` adds to it stay).
    pub locals_dict: Option<Rc<RefCell<Dict>>>,
    /// The VM's instruction count when the frame last went on the stack (its
    /// call, or a generator's resumption): how long a call that ran out of the
    /// instruction budget had been running (`vm/budget.rs`).
    pub entered_at: u64,
}

/// A frame as a traceback keeps it (CPython's `tb_frame`): the variables of a
/// frame an exception passed through. While the frame runs it holds nothing of
/// its own: the frame's variables are alive anyway, and a `del` or a new value
/// frees the old one at once, as it does through CPython's live frame object
/// (a copy made when the exception passed kept a deleted local's object alive,
/// so its `__del__` ran late); when the frame ends, its final
/// variables move here, as CPython's frame object takes them over, so that
/// `except E as e: saved = e` inside a function makes the cycle (exception →
/// traceback → frame → `saved` → exception) it makes in CPython.
pub struct KeptFrame {
    pub values: RefCell<Vec<Value>>,
}

impl Frame {
    /// What the frame's variables refer to, taken out: its locals, then its cells.
    fn take_variables(&mut self) -> Vec<Value> {
        let cells = self.cells.iter().map(|c| Value::Cell(c.clone()));
        let locals = std::mem::take(&mut self.locals).into_iter().flatten();
        locals.chain(cells).collect()
    }

    /// As the frame ends: a traceback's frame object still alive takes its variables over.
    fn hand_over_variables(&mut self) {
        if let Some(kept) = self.kept.take() {
            if Rc::strong_count(&kept) > 1 {
                let values = self.take_variables();
                let old = std::mem::replace(&mut *kept.values.borrow_mut(), values);
                drop(old);
            }
        }
    }

    /// Lets go of everything the ended frame holds, in the order dropping it
    /// would, keeping its box and its vectors' memory for the next call
    /// ([`Frame::refill`]); `stand_in` replaces its globals (a module that
    /// lives anyway), so that no module is kept alive by a spare frame.
    pub fn empty_out(&mut self, stand_in: Rc<Module>) {
        self.hand_over_variables();
        self.stack.clear();
        self.locals.clear();
        self.cells.clear();
        drop(std::mem::replace(&mut self.globals, stand_in));
        self.blocks.clear();
        self.handling.clear();
        self.owner = None;
        self.namespace = None;
        self.on_return = None;
        self.locals_dict = None;
    }

    /// An emptied frame ([`Frame::empty_out`]) made what [`Frame::new`] makes.
    pub fn refill(&mut self, code: Rc<CodeObject>, globals: Rc<Module>) {
        self.locals.resize(code.varnames.len(), None);
        self.pc = 0;
        self.kind = FrameKind::Call;
        self.suspended_at_send = false;
        self.code = code;
        self.globals = globals;
    }

    /// The frame object for a traceback entry: made on first use (known to
    /// the cycle collector), empty until the frame ends.
    pub fn keep(&mut self) -> Rc<KeptFrame> {
        self.kept
            .get_or_insert_with(|| {
                let values = RefCell::new(Vec::new());
                crate::object::value::tracked(KeptFrame { values })
            })
            .clone()
    }
}

/// A frame that ends while a traceback holds it hands its variables over.
impl Drop for Frame {
    fn drop(&mut self) {
        self.hand_over_variables();
    }
}

/// What becomes of a frame's return value.
pub enum OnReturn {
    /// An `__init__` called by instantiating a class: it must return None,
    /// and the caller receives the instance.
    Init(Value),
    /// A class body: the class is created from its namespace.
    BuildClass(ClassSpec),
}

/// A class being built: what `BuildClass` gathered before running the body.
pub struct ClassSpec {
    pub name: Value,
    pub bases: Vec<Value>,
    /// The bases as written, when `__mro_entries__` replaced some.
    pub orig_bases: Option<Value>,
    /// The class statement's keywords, `metaclass=` taken out.
    pub keywords: Vec<(Rc<PyStr>, Value)>,
    pub namespace: Namespace,
    /// What makes the class: `type`, a class deriving from it, or any
    /// callable given as `metaclass=`.
    pub metaclass: Value,
}

/// A class body's namespace: a dict, or the mapping its metaclass's
/// `__prepare__` returned, whose `__getitem__` / `__setitem__` the body's
/// names go through (enum's member dict).
#[derive(Clone)]
pub enum Namespace {
    Dict(Rc<RefCell<Dict>>),
    Mapping(Value),
}

impl Namespace {
    /// The namespace as a value, for the metaclass.
    pub fn value(&self) -> Value {
        match self {
            Namespace::Dict(d) => Value::Dict(d.clone()),
            Namespace::Mapping(m) => m.clone(),
        }
    }
}

impl Frame {
    pub fn new(code: Rc<CodeObject>, globals: Rc<Module>) -> Frame {
        let nlocals = code.varnames.len();
        Frame {
            locals: vec![None; nlocals],
            cells: Vec::new(),
            stack: Vec::with_capacity(8),
            blocks: Vec::new(),
            handling: Vec::new(),
            pc: 0,
            kind: FrameKind::Call,
            owner: None,
            suspended_at_send: false,
            namespace: None,
            on_return: None,
            kept: None,
            locals_dict: None,
            entered_at: 0,
            code,
            globals,
        }
    }

    /// The instruction being executed (for tracebacks and the trace).
    pub fn current_pc(&self) -> usize {
        self.pc.saturating_sub(1)
    }

    pub fn current_line(&self) -> u32 {
        self.code.line_of(self.current_pc())
    }
}
