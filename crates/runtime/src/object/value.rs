//! Python values as the VM sees them.
//!
//! `Value` is a small tagged union: immediates (`None`, `bool`, small `int`,
//! `float`) are stored inline, everything else behind an `Rc`. Reference
//! counting gives CPython-like drop timing, which matters: "coroutine ... was
//! never awaited" and "Task exception was never retrieved" are reported when
//! the object dies, exactly as CPython does from its deallocators.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::object::bytearray::ByteArray;
use crate::object::code::CodeObject;
use crate::object::dict::{Dict, PySet};
use crate::object::exceptions::Exception;
use crate::object::frame::CellRef;
use crate::object::gc::{self, Collectable};
use crate::object::generator::Generator;
use crate::object::instance::{Instance, Method};
use crate::object::memoryview::MemoryView;
use crate::object::native::NativeObject;
use crate::object::pystr::PyStr;
use crate::object::state::Vm;
use crate::object::teardown::{IterRef, ListRef, SliceRef, TupleRef};
use crate::object::types::TypeRef;

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
    /// A complex number, unboxed like a float: its real and imaginary parts.
    Complex(f64, f64),
    /// A `str`: immutable but for [`PyStr::append_unique`].
    Str(Rc<PyStr>),
    Bytes(Rc<[u8]>),
    /// A `bytearray`: mutable bytes.
    ByteArray(Rc<ByteArray>),
    /// A `memoryview` of a bytes or bytearray.
    MemoryView(Rc<MemoryView>),
    Tuple(TupleRef),
    List(ListRef),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<PySet>>),
    Range(Rc<Range>),
    Slice(SliceRef),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    Generator(Rc<Generator>),
    Type(TypeRef),
    Exception(ExcRef),
    /// An instance of a class.
    Instance(Rc<Instance>),
    /// A bound method (`obj.method`).
    Method(Rc<Method>),
    Module(Rc<Module>),
    Iter(IterRef),
    Cell(CellRef),
    /// Objects implemented in Rust above the object layer: asyncio's
    /// futures, tasks, queues, locks and loops, a module's own objects.
    Native(Rc<dyn NativeObject>),
    Ellipsis,
    NotImplemented,
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

/// A Python function: code plus the environment it closes over. What
/// decorators and `functools.wraps` rewrite (names, defaults, `__doc__`,
/// `__module__`, `__annotations__`, any attribute) can be assigned.
pub struct Function {
    pub code: Rc<CodeObject>,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    pub defaults: RefCell<Vec<Value>>,
    pub kwdefaults: RefCell<Vec<(Rc<PyStr>, Value)>>,
    pub closure: Vec<CellRef>,
    pub globals: Rc<Module>,
    pub meta: RefCell<FunctionMeta>,
}

/// What a function holds is freed through [`crate::object::teardown`]: a chain of
/// closures 100,000 deep frees without deep native recursion.
impl Drop for Function {
    fn drop(&mut self) {
        crate::object::weakrefs::referent_dropped(self as *const Function as usize);
        let defaults = std::mem::take(self.defaults.get_mut());
        let closure = std::mem::take(&mut self.closure);
        if !closure.is_empty() || !defaults.is_empty() {
            crate::object::teardown::free((defaults, closure));
        }
    }
}

/// The attributes of a function that only its readers care about.
pub struct FunctionMeta {
    /// `__doc__`: the docstring, or what was assigned.
    pub doc: Value,
    /// `__module__`: the defining module's name, or what was assigned.
    pub module: Value,
    /// `__annotations__`: a dict, made empty on first use when None.
    pub annotations: Value,
    /// `__dict__`: any other attribute (`f.calls = 0`, `__wrapped__`).
    pub dict: Option<Rc<RefCell<Dict>>>,
}

impl Function {
    /// `__qualname__`.
    pub fn qualname(&self) -> Rc<str> {
        self.qualname.borrow().clone()
    }
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

impl Drop for Builtin {
    fn drop(&mut self) {
        crate::object::weakrefs::referent_dropped(self as *const Builtin as usize);
    }
}

impl Drop for Module {
    fn drop(&mut self) {
        crate::object::weakrefs::referent_dropped(self as *const Module as usize);
    }
}

/// The built-in functions CPython writes as `async def` (asyncio's `sleep`,
/// `Queue.get`, `Lock.acquire`, ...), which asyncio registers in
/// `vm.states`, so that `inspect.iscoroutinefunction` says True of them (and
/// `unittest.mock.patch` makes an `AsyncMock` for them) as in CPython.
#[derive(Default)]
pub struct CoroutineBuiltins(pub Vec<NativeFn>);

impl CoroutineBuiltins {
    /// Whether `v` is one of them, plain or bound.
    pub fn contains(&self, v: &Value) -> bool {
        match v {
            Value::Builtin(b) => self.0.iter().any(|f| *f as usize == b.func as usize),
            _ => false,
        }
    }
}

/// Positional and keyword arguments of a call.
#[derive(Default)]
pub struct Args {
    pub pos: smallvec::SmallVec<[Value; 1]>,
    pub kw: Vec<(Rc<PyStr>, Value)>,
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args {
            pos: smallvec::SmallVec::from_vec(pos),
            kw: Vec::new(),
        }
    }
}

/// The part of a module's making that waits until a program first looks into the
/// module's namespace for more than is there ([`Module::complete`]): given the module
/// looked into, it fills the namespace (and those of the modules made with it).
pub type DeferredBody = fn(&mut Vm, &Rc<Module>) -> PyResult<()>;

/// A module: a name and its attribute table.
pub struct Module {
    /// `__name__` as the module was made (a `str` value, shared with the functions
    /// defined in it as their `__module__`).
    pub name: Rc<PyStr>,
    pub attrs: Rc<RefCell<Dict>>,
    pub filename: Rc<str>,
    /// What remains of the module's making until it runs (asyncio's network halves,
    /// `asyncio/submodules.rs`, which most programs never use).
    pub deferred: Cell<Option<DeferredBody>>,
}

thread_local! {
    /// The modules made on this thread since the last [`Module::take_made`].
    static MADE_MODULES: RefCell<Vec<std::rc::Weak<Module>>> = const { RefCell::new(Vec::new()) };
}

impl Module {
    /// A module with an empty namespace, remembered for [`Module::take_made`].
    pub fn new(name: &str, filename: &str) -> Rc<Module> {
        let module = Rc::new(Module {
            name: PyStr::rc(name),
            attrs: Default::default(),
            filename: Rc::from(filename),
            deferred: Cell::new(None),
        });
        let _ = MADE_MODULES.try_with(|made| {
            let mut made = made.borrow_mut();
            // Forget the modules already gone now and then (a program may import,
            // drop and import a module again in a loop).
            if made.len() >= 64 && made.len().is_power_of_two() {
                made.retain(|m| m.strong_count() > 0);
            }
            made.push(Rc::downgrade(&module));
        });
        module
    }

    /// Runs what remains of the module's making, if anything remains: called before a
    /// program finds a name missing from the namespace, lists it, takes it as a dict,
    /// or changes it, so that it always sees the namespace whole. True if it ran.
    pub fn complete(self: &Rc<Self>, vm: &mut Vm) -> PyResult<bool> {
        match self.deferred.take() {
            Some(body) => body(vm, self).map(|()| true),
            None => Ok(false),
        }
    }

    /// Every module made on this thread since the last call and still alive: a
    /// run empties them all when it ends, also those the program took out of
    /// `sys.modules`, which the cycle collector does not see through.
    pub fn take_made() -> Vec<Rc<Module>> {
        let made = MADE_MODULES
            .try_with(|made| std::mem::take(&mut *made.borrow_mut()))
            .unwrap_or_default();
        made.iter().filter_map(std::rc::Weak::upgrade).collect()
    }
}

/// The first address [`fresh_address`] hands out in a run.
const FIRST_ADDRESS: u64 = 0x7f00_0000_1000;

/// The first address [`address_of_ptr`] hands out in a run: a range of its own, because
/// how many addresses it hands out depends on whether the allocator put a new object
/// where a freed one was (which differs between runs), and the objects that carry
/// their address (instances, generators) must not move with it.
const FIRST_POINTER_ADDRESS: u64 = 0x7f00_4000_0000;

// Identity counters used by `id()` and default reprs.
thread_local! {
    static NEXT_ID: Cell<u64> = const { Cell::new(FIRST_ADDRESS) };
    static NEXT_POINTER_ID: Cell<u64> = const { Cell::new(FIRST_POINTER_ADDRESS) };
}

/// Starts handing out addresses from the beginning again (a new run).
fn restart_fresh_addresses() {
    NEXT_ID.with(|c| c.set(FIRST_ADDRESS));
    NEXT_POINTER_ID.with(|c| c.set(FIRST_POINTER_ADDRESS));
    NANS_MADE.with(|c| c.set(0));
}

thread_local! {
    /// How many NaNs [`fresh_nan`] made in this run.
    static NANS_MADE: Cell<u64> = const { Cell::new(0) };
}

/// A NaN unlike every other float value: in CPython each `float('nan')` is an object
/// of its own (a dict keeps each as a separate key, hashed by its address), and a
/// float here is a bare `f64`, so each new NaN carries its own payload bits (how many
/// were made before it, above the 12 low bits [`address_of`] drops), which `is`,
/// `id()` and `hash()` tell apart.
pub fn fresh_nan() -> f64 {
    let made = NANS_MADE.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    f64::from_bits(f64::NAN.to_bits() | ((made & ((1 << 39) - 1)) << 12))
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
        Value::Str(Rc::new(PyStr::from(s)))
    }
    /// A new `str` owning `s` (no copy).
    pub fn string(s: String) -> Value {
        Value::Str(Rc::new(PyStr::from(s)))
    }
    /// A new tuple; one holding anything but atomic values (which could
    /// close a cycle) is known to the cycle collector.
    pub fn tuple(items: Vec<Value>) -> Value {
        let track = !items.iter().all(gc::is_atomic);
        let tuple: Rc<[Value]> = Rc::from(items);
        if track {
            gc::track(&tuple);
        }
        Value::Tuple(TupleRef(tuple))
    }
    /// A new list (known to the cycle collector, as every container made here).
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(ListRef(tracked(RefCell::new(items))))
    }
    pub fn dict(dict: Dict) -> Value {
        Value::Dict(tracked(RefCell::new(dict)))
    }
    pub fn set(set: PySet) -> Value {
        Value::Set(tracked(RefCell::new(set)))
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

    /// `a is b`. Floats are unboxed here, so two floats are the same object when they have
    /// the same bits: `x is x` holds even for a NaN, which `in`, `groupby` and
    /// `count` rely on, as in CPython (where two equal floats computed apart are two objects).
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) | (NotImplemented, NotImplemented) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b && (-5..=256).contains(a),
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Complex(a, b), Complex(c, d)) => {
                (a.to_bits(), b.to_bits()) == (c.to_bits(), d.to_bits())
            }
            (Str(a), Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (Bytes(a), Bytes(b)) => Rc::ptr_eq(a, b),
            (ByteArray(a), ByteArray(b)) => Rc::ptr_eq(a, b),
            (MemoryView(a), MemoryView(b)) => Rc::ptr_eq(a, b),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Dict(a), Dict(b)) => Rc::ptr_eq(a, b),
            (Set(a), Set(b)) => Rc::ptr_eq(a, b),
            (Range(a), Range(b)) => Rc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => Rc::ptr_eq(a, b),
            (Function(a), Function(b)) => Rc::ptr_eq(a, b),
            (Builtin(a), Builtin(b)) => Rc::ptr_eq(a, b),
            (Generator(a), Generator(b)) => Rc::ptr_eq(a, b),
            (Type(a), Type(b)) => a.is(b),
            (Instance(a), Instance(b)) => Rc::ptr_eq(a, b),
            (Method(a), Method(b)) => Rc::ptr_eq(a, b),
            (Exception(a), Exception(b)) => Rc::ptr_eq(a, b),
            (Module(a), Module(b)) => Rc::ptr_eq(a, b),
            (Iter(a), Iter(b)) => Rc::ptr_eq(a, b),
            (Cell(a), Cell(b)) => Rc::ptr_eq(a, b),
            (Native(a), Native(b)) => std::ptr::addr_eq(Rc::as_ptr(a), Rc::as_ptr(b)),
            (BigInt(a), BigInt(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// `Rc::new`, registering the container with the cycle collector.
pub fn tracked<T: Collectable>(object: T) -> Rc<T> {
    let object = Rc::new(object);
    gc::track(&object);
    object
}

/// A deterministic address for objects that carry none (`id()`, reprs).
/// Keyed by the object's allocation, so a freed object's address may be
/// reused by a later one, just as in CPython.
pub fn address_of(v: &Value) -> u64 {
    let ptr: usize = match v {
        Value::Generator(g) => return g.address,
        Value::Function(f) => std::rc::Rc::as_ptr(f) as *const u8 as usize,
        Value::Builtin(b) => std::rc::Rc::as_ptr(b) as *const u8 as usize,
        Value::Exception(e) => std::rc::Rc::as_ptr(e) as *const u8 as usize,
        Value::Module(m) => std::rc::Rc::as_ptr(m) as *const u8 as usize,
        Value::Native(a) => std::rc::Rc::as_ptr(a) as *const u8 as usize,
        Value::Iter(i) => std::rc::Rc::as_ptr(i) as *const u8 as usize,
        Value::List(l) => std::rc::Rc::as_ptr(l) as *const u8 as usize,
        Value::Dict(d) => std::rc::Rc::as_ptr(d) as *const u8 as usize,
        Value::Set(s) => std::rc::Rc::as_ptr(s) as *const u8 as usize,
        Value::Tuple(t) => t.as_ptr() as usize,
        Value::Str(s) => std::rc::Rc::as_ptr(s) as usize,
        Value::Bytes(b) => b.as_ptr() as usize,
        Value::ByteArray(b) => std::rc::Rc::as_ptr(b) as usize,
        Value::MemoryView(m) => std::rc::Rc::as_ptr(m) as usize,
        Value::Range(r) => std::rc::Rc::as_ptr(r) as usize,
        Value::Slice(s) => std::rc::Rc::as_ptr(s) as usize,
        Value::Cell(c) => std::rc::Rc::as_ptr(c) as *const u8 as usize,
        Value::BigInt(b) => std::rc::Rc::as_ptr(b) as usize,
        Value::None => return 0x7f00_0000_0100,
        Value::Ellipsis => return 0x7f00_0000_0140,
        Value::Bool(b) => return 0x7f00_0000_0180 + *b as u64 * 0x20,
        Value::Int(i) => return 0x7f00_0800_0000u64.wrapping_add((*i as u64).wrapping_mul(0x20)),
        Value::Float(f) => return 0x7f10_0000_0000u64.wrapping_add(f.to_bits() >> 12 << 4),
        Value::Complex(x, y) => {
            let mixed = x.to_bits() ^ y.to_bits().rotate_left(29);
            return 0x7f30_0000_0000u64.wrapping_add(mixed >> 12 << 4);
        }
        Value::Type(TypeRef::Builtin(t)) => return 0x7f00_0010_0000 + *t as u64 * 0x400,
        Value::Type(TypeRef::Class(c)) => std::rc::Rc::as_ptr(c) as *const u8 as usize,
        Value::Instance(i) => return i.address(),
        Value::Method(m) => std::rc::Rc::as_ptr(m) as *const u8 as usize,
        Value::NotImplemented => return 0x7f00_0000_01c0,
    };
    address_of_ptr(ptr)
}

/// The address of the object allocated at `ptr` (a native object's own
/// `self`, which is where its `Rc` points).
pub fn address_of_ptr(ptr: usize) -> u64 {
    ADDRESSES.with(|a| {
        *a.borrow_mut().entry(ptr).or_insert_with(|| {
            NEXT_POINTER_ID.with(|c| {
                let v = c.get();
                c.set(v + 0x40);
                v
            })
        })
    })
}

thread_local! {
    static ADDRESSES: RefCell<HashMap<usize, u64>> = RefCell::new(HashMap::new());
}

/// Forgets every address handed out, so that a new run in this thread numbers its
/// objects exactly as a first run does.
pub(crate) fn restart_addresses() {
    ADDRESSES.with(|a| a.borrow_mut().clear());
    crate::object::value::restart_fresh_addresses();
}
