//! Python values as the VM sees them.
//!
//! `Value` is a small tagged union: immediates (`None`, `bool`, small `int`,
//! `float`) are stored inline, everything else behind an `Rc`. Reference
//! counting gives CPython-like drop timing, which matters: "coroutine ... was
//! never awaited" and "Task exception was never retrieved" are reported when
//! the object dies, exactly as CPython does from its deallocators.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::asyncio::objects::AsyncObject;
use crate::compile::code::Code;
use crate::dict::{Dict, PySet};
use crate::exceptions::Exception;
use crate::generator::Generator;
use crate::iterators::IterState;
use crate::types::TypeId;
use crate::vm::frame::CellRef;
use crate::vm::Vm;

pub type PyResult<T> = Result<T, ExcRef>;
pub type ExcRef = Rc<Exception>;

#[derive(Clone)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    /// Integers outside `i64`; always normalised (never fits in `i64`).
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Value]>),
    List(Rc<RefCell<Vec<Value>>>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<PySet>>),
    Range(Rc<Range>),
    Slice(Rc<[Value; 3]>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    Generator(Rc<Generator>),
    Type(TypeId),
    Exception(ExcRef),
    Module(Rc<Module>),
    Iter(Rc<RefCell<IterState>>),
    Cell(CellRef),
    /// Futures, tasks, queues, locks, loops... (see `asyncio::objects`).
    Async(Rc<AsyncObject>),
    Ellipsis,
}

#[derive(Debug)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn len(&self) -> i64 {
        if self.step > 0 && self.start < self.stop {
            (self.stop - self.start - 1) / self.step + 1
        } else if self.step < 0 && self.start > self.stop {
            (self.start - self.stop - 1) / (-self.step) + 1
        } else {
            0
        }
    }
}

/// A Python function: code plus the environment it closes over.
pub struct Function {
    pub code: Rc<Code>,
    pub name: RefCell<Rc<str>>,
    pub qualname: Rc<str>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Vec<(Rc<str>, Value)>,
    pub closure: Vec<CellRef>,
    pub globals: Rc<Module>,
}

/// Signature shared by every function implemented in Rust.
pub type NativeFn = fn(&mut Vm, &Value, Args) -> PyResult<Value>;

/// A function implemented in Rust, optionally bound to a receiver
/// (`"abc".upper`, `queue.put`, `task.cancel`...).
pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    /// The receiver for methods; `Value::None` for plain functions.
    pub receiver: Value,
}

/// Positional and keyword arguments of a call.
#[derive(Default)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Rc<str>, Value)>,
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args {
            pos,
            kw: Vec::new(),
        }
    }
}

/// A module: a name and its attribute table.
pub struct Module {
    pub name: Rc<str>,
    pub attrs: RefCell<Dict>,
    pub filename: Rc<str>,
}

/// The first address [`fresh_address`] hands out in a run.
const FIRST_ADDRESS: u64 = 0x7f00_0000_1000;

// Identity counter used by `id()` and default reprs.
thread_local! {
    static NEXT_ID: Cell<u64> = const { Cell::new(FIRST_ADDRESS) };
}

/// Starts handing out addresses from the beginning again (a new run).
pub(crate) fn restart_fresh_addresses() {
    NEXT_ID.with(|c| c.set(FIRST_ADDRESS));
}

pub fn fresh_address() -> u64 {
    NEXT_ID.with(|c| {
        let v = c.get();
        c.set(v + 0x40);
        v
    })
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(items))
    }
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }
    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// `a is b`.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b && (-5..=256).contains(a),
            (Float(_), Float(_)) => false,
            (Str(a), Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (Bytes(a), Bytes(b)) => Rc::ptr_eq(a, b),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Dict(a), Dict(b)) => Rc::ptr_eq(a, b),
            (Set(a), Set(b)) => Rc::ptr_eq(a, b),
            (Range(a), Range(b)) => Rc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => Rc::ptr_eq(a, b),
            (Function(a), Function(b)) => Rc::ptr_eq(a, b),
            (Builtin(a), Builtin(b)) => Rc::ptr_eq(a, b),
            (Generator(a), Generator(b)) => Rc::ptr_eq(a, b),
            (Type(a), Type(b)) => a == b,
            (Exception(a), Exception(b)) => Rc::ptr_eq(a, b),
            (Module(a), Module(b)) => Rc::ptr_eq(a, b),
            (Iter(a), Iter(b)) => Rc::ptr_eq(a, b),
            (Cell(a), Cell(b)) => Rc::ptr_eq(a, b),
            (Async(a), Async(b)) => Rc::ptr_eq(a, b),
            (BigInt(a), BigInt(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", crate::repr::debug_repr(self))
    }
}
