//! Type objects. A [`TypeRef`] is either a built-in type — one of the
//! [`TypeId`]s, known at compile time, whose behaviour the layers above
//! register as slots — or a [`Class`] made at run time by a `class` statement
//! (or `type(name, bases, dict)`), with its own namespace and C3 method
//! resolution order, whose instances are `Value::Instance`s (or exceptions,
//! for subclasses of the exception types).

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::object::dict::{Dict, StrKey};
use crate::object::pystr::PyStr;
use crate::object::value::Value;

macro_rules! types {
    ($( $id:ident : $name:literal, $module:literal, $base:ident; )*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum TypeId { $( $id, )* }

        impl TypeId {
            pub const ALL: &'static [TypeId] = &[ $( TypeId::$id, )* ];
            /// The name CPython shows (`ValueError`, `list`, `Task`).
            pub fn name(self) -> &'static str {
                match self { $( TypeId::$id => $name, )* }
            }
            /// The module CPython shows in the type's repr (`builtins`,
            /// `asyncio.exceptions`, ...).
            pub fn module(self) -> &'static str {
                match self { $( TypeId::$id => $module, )* }
            }
            /// The direct base class (`object` is its own root).
            pub fn base(self) -> TypeId {
                match self { $( TypeId::$id => TypeId::$base, )* }
            }
        }
    };
}

types! {
    Object: "object", "builtins", Object;
    NoneType: "NoneType", "builtins", Object;
    Bool: "bool", "builtins", Int;
    Int: "int", "builtins", Object;
    Float: "float", "builtins", Object;
    Complex: "complex", "builtins", Object;
    Str: "str", "builtins", Object;
    Bytes: "bytes", "builtins", Object;
    ByteArray: "bytearray", "builtins", Object;
    MemoryView: "memoryview", "builtins", Object;
    Tuple: "tuple", "builtins", Object;
    List: "list", "builtins", Object;
    Dict: "dict", "builtins", Object;
    Set: "set", "builtins", Object;
    Range: "range", "builtins", Object;
    Slice: "slice", "builtins", Object;
    Function: "function", "builtins", Object;
    BuiltinFunction: "builtin_function_or_method", "builtins", Object;
    Generator: "generator", "builtins", Object;
    Coroutine: "coroutine", "builtins", Object;
    AsyncGenerator: "async_generator", "builtins", Object;
    AsyncGenASend: "async_generator_asend", "builtins", Object;
    AsyncGenAThrow: "async_generator_athrow", "builtins", Object;
    AnextAwaitable: "anext_awaitable", "builtins", Object;
    Type: "type", "builtins", Object;
    Module: "module", "builtins", Object;
    Iterator: "iterator", "builtins", Object;
    Cell: "cell", "builtins", Object;
    Code: "code", "builtins", Object;
    Frame: "frame", "builtins", Object;
    Traceback: "traceback", "builtins", Object;
    UnionType: "UnionType", "types", Object;
    Ellipsis: "ellipsis", "builtins", Object;
    Enumerate: "enumerate", "builtins", Object;
    Zip: "zip", "builtins", Object;
    Map: "map", "builtins", Object;
    Filter: "filter", "builtins", Object;
    Reversed: "reversed", "builtins", Object;
    Chain: "chain", "itertools", Object;
    Method: "method", "builtins", Object;
    StaticMethod: "staticmethod", "builtins", Object;
    ClassMethod: "classmethod", "builtins", Object;
    Property: "property", "builtins", Object;
    Super: "super", "builtins", Object;
    NotImplementedType: "NotImplementedType", "builtins", Object;
    CoroutineWrapper: "coroutine_wrapper", "builtins", Object;
    Partial: "partial", "functools", Object;
    WeakRef: "ReferenceType", "weakref", Object;
    ItemGetter: "itemgetter", "operator", Object;
    AttrGetter: "attrgetter", "operator", Object;
    TextIOWrapper: "TextIOWrapper", "_io", Object;
    FrozenSet: "frozenset", "builtins", Object;
    RandomCore: "Random", "_random", Object;
    Random: "Random", "random", RandomCore;
    ZlibCompress: "Compress", "zlib", Object;
    ZlibDecompress: "Decompress", "zlib", Object;
    // asyncio objects
    Future: "Future", "_asyncio", Object;
    Task: "Task", "_asyncio", Future;
    Queue: "Queue", "asyncio.queues", Object;
    PriorityQueue: "PriorityQueue", "asyncio.queues", Queue;
    LifoQueue: "LifoQueue", "asyncio.queues", Queue;
    Lock: "Lock", "asyncio.locks", Object;
    Event: "Event", "asyncio.locks", Object;
    Condition: "Condition", "asyncio.locks", Object;
    Semaphore: "Semaphore", "asyncio.locks", Object;
    BoundedSemaphore: "BoundedSemaphore", "asyncio.locks", Semaphore;
    TaskGroup: "TaskGroup", "asyncio.taskgroups", Object;
    Timeout: "Timeout", "asyncio.timeouts", Object;
    AbstractEventLoop: "AbstractEventLoop", "asyncio.events", Object;
    BaseEventLoop: "BaseEventLoop", "asyncio.base_events", AbstractEventLoop;
    BaseSelectorEventLoop: "BaseSelectorEventLoop", "asyncio.selector_events", BaseEventLoop;
    EventLoop: "_UnixSelectorEventLoop", "asyncio.unix_events", BaseSelectorEventLoop;
    Handle: "Handle", "asyncio.events", Object;
    TimerHandle: "TimerHandle", "asyncio.events", Handle;
    // exceptions
    BaseException: "BaseException", "builtins", Object;
    SystemExit: "SystemExit", "builtins", BaseException;
    KeyboardInterrupt: "KeyboardInterrupt", "builtins", BaseException;
    GeneratorExit: "GeneratorExit", "builtins", BaseException;
    CancelledError: "CancelledError", "asyncio.exceptions", BaseException;
    BaseExceptionGroup: "BaseExceptionGroup", "builtins", BaseException;
    Exception: "Exception", "builtins", BaseException;
    ExceptionGroup: "ExceptionGroup", "builtins", BaseExceptionGroup;
    StopIteration: "StopIteration", "builtins", Exception;
    StopAsyncIteration: "StopAsyncIteration", "builtins", Exception;
    ArithmeticError: "ArithmeticError", "builtins", Exception;
    ZeroDivisionError: "ZeroDivisionError", "builtins", ArithmeticError;
    OverflowError: "OverflowError", "builtins", ArithmeticError;
    AssertionError: "AssertionError", "builtins", Exception;
    AttributeError: "AttributeError", "builtins", Exception;
    LookupError: "LookupError", "builtins", Exception;
    IndexError: "IndexError", "builtins", LookupError;
    KeyError: "KeyError", "builtins", LookupError;
    NameError: "NameError", "builtins", Exception;
    UnboundLocalError: "UnboundLocalError", "builtins", NameError;
    RuntimeError: "RuntimeError", "builtins", Exception;
    RecursionError: "RecursionError", "builtins", RuntimeError;
    NotImplementedError: "NotImplementedError", "builtins", RuntimeError;
    TypeError: "TypeError", "builtins", Exception;
    ValueError: "ValueError", "builtins", Exception;
    UnicodeError: "UnicodeError", "builtins", ValueError;
    ImportError: "ImportError", "builtins", Exception;
    ModuleNotFoundError: "ModuleNotFoundError", "builtins", ImportError;
    MemoryError: "MemoryError", "builtins", Exception;
    OSError: "OSError", "builtins", Exception;
    TimeoutError: "TimeoutError", "builtins", OSError;
    InvalidStateError: "InvalidStateError", "asyncio.exceptions", Exception;
    QueueEmpty: "QueueEmpty", "asyncio.queues", Exception;
    QueueFull: "QueueFull", "asyncio.queues", Exception;
    Warning: "Warning", "builtins", Exception;
    RuntimeWarning: "RuntimeWarning", "builtins", Warning;
    DeprecationWarning: "DeprecationWarning", "builtins", Warning;
    UserWarning: "UserWarning", "builtins", Warning;
    // the rest of CPython's built-in exceptions, so programs can name them
    ConnectionError: "ConnectionError", "builtins", OSError;
    BrokenPipeError: "BrokenPipeError", "builtins", ConnectionError;
    ConnectionAbortedError: "ConnectionAbortedError", "builtins", ConnectionError;
    ConnectionRefusedError: "ConnectionRefusedError", "builtins", ConnectionError;
    ConnectionResetError: "ConnectionResetError", "builtins", ConnectionError;
    BlockingIOError: "BlockingIOError", "builtins", OSError;
    ChildProcessError: "ChildProcessError", "builtins", OSError;
    FileExistsError: "FileExistsError", "builtins", OSError;
    FileNotFoundError: "FileNotFoundError", "builtins", OSError;
    InterruptedError: "InterruptedError", "builtins", OSError;
    IsADirectoryError: "IsADirectoryError", "builtins", OSError;
    NotADirectoryError: "NotADirectoryError", "builtins", OSError;
    PermissionError: "PermissionError", "builtins", OSError;
    ProcessLookupError: "ProcessLookupError", "builtins", OSError;
    EOFError: "EOFError", "builtins", Exception;
    BufferError: "BufferError", "builtins", Exception;
    FloatingPointError: "FloatingPointError", "builtins", ArithmeticError;
    ReferenceError: "ReferenceError", "builtins", Exception;
    SystemError: "SystemError", "builtins", Exception;
    SyntaxError: "SyntaxError", "builtins", Exception;
    IndentationError: "IndentationError", "builtins", SyntaxError;
    TabError: "TabError", "builtins", IndentationError;
    UnicodeDecodeError: "UnicodeDecodeError", "builtins", UnicodeError;
    UnicodeEncodeError: "UnicodeEncodeError", "builtins", UnicodeError;
    UnicodeTranslateError: "UnicodeTranslateError", "builtins", UnicodeError;
    BytesWarning: "BytesWarning", "builtins", Warning;
    EncodingWarning: "EncodingWarning", "builtins", Warning;
    FutureWarning: "FutureWarning", "builtins", Warning;
    ImportWarning: "ImportWarning", "builtins", Warning;
    PendingDeprecationWarning: "PendingDeprecationWarning", "builtins", Warning;
    ResourceWarning: "ResourceWarning", "builtins", Warning;
    SyntaxWarning: "SyntaxWarning", "builtins", Warning;
    UnicodeWarning: "UnicodeWarning", "builtins", Warning;
}

impl TypeId {
    /// `issubclass(self, other)`.
    pub fn is_subclass(self, other: TypeId) -> bool {
        if other == TypeId::Object {
            return true;
        }
        let mut t = self;
        loop {
            if t == other {
                return true;
            }
            // `ExceptionGroup` derives from both BaseExceptionGroup and Exception.
            if t == TypeId::ExceptionGroup && TypeId::Exception.is_subclass(other) {
                return true;
            }
            if t == TypeId::Object {
                return false;
            }
            t = t.base();
        }
    }

    pub fn is_exception(self) -> bool {
        self.is_subclass(TypeId::BaseException)
    }

    /// Name used when the type is printed inside a traceback's last line.
    pub fn qualified_name(self) -> String {
        match self.module() {
            "builtins" => self.name().to_string(),
            m => format!("{}.{}", m, self.name()),
        }
    }

    /// The name CPython's messages give the type (its `tp_name`): the
    /// qualified name of a type CPython writes in C outside builtins
    /// (`_asyncio.Task`, `functools.partial`), the bare name of one it
    /// writes in Python (`Queue`, `Handle`) and of a built-in (`int`).
    pub fn tp_name(self) -> Cow<'static, str> {
        const C_MODULES: [&str; 7] = [
            "_asyncio",
            "_io",
            "functools",
            "itertools",
            "operator",
            "types",
            "weakref",
        ];
        if C_MODULES.contains(&self.module()) {
            Cow::Owned(self.qualified_name())
        } else {
            Cow::Borrowed(self.name())
        }
    }

    /// The method resolution order, the type itself first.
    pub fn mro(self) -> Vec<TypeId> {
        let mut mro = vec![self];
        let mut t = self;
        while t != TypeId::Object {
            t = t.base();
            // ExceptionGroup(BaseExceptionGroup, Exception).
            if t == TypeId::BaseException && mro.contains(&TypeId::ExceptionGroup) {
                mro.push(TypeId::Exception);
            }
            mro.push(t);
        }
        mro
    }

    /// The exception types a program can name, in the builtins namespace.
    pub fn builtin_exception_names() -> impl Iterator<Item = TypeId> {
        TypeId::ALL
            .iter()
            .copied()
            .filter(|t| t.is_exception() && t.module() == "builtins")
    }
}

/// A type object: a built-in type or a class.
#[derive(Clone)]
pub enum TypeRef {
    Builtin(TypeId),
    Class(Rc<Class>),
}

/// A class made at run time.
pub struct Class {
    pub name: RefCell<Rc<PyStr>>,
    pub qualname: RefCell<Rc<PyStr>>,
    pub bases: Vec<TypeRef>,
    /// The method resolution order after the class itself: C3, or what the
    /// metaclass's own `mro()` returned when the class was made.
    pub mro: RefCell<Vec<TypeRef>>,
    /// The class namespace: methods, class attributes, `__module__`, ...
    pub dict: RefCell<Dict>,
    /// The built-in type whose instances' layout the class's instances have:
    /// `Object` for plain classes, `BaseException` for exceptions, `List`
    /// for a subclass of `list` (its instances carry a list).
    pub layout: TypeId,
    /// The names `__slots__` allows, when the class (and every base class)
    /// declares them: its instances then have no `__dict__`.
    pub slots: Option<Vec<Rc<str>>>,
    /// The class's own type (`type(cls)`): `type`, or a class deriving from
    /// it whose special methods apply to the class (`for m in Color`).
    pub metaclass: TypeRef,
    /// The name messages give the type when a library module's class
    /// stands for one of CPython's C types (`datetime.timedelta`), set by
    /// `_loopscope.c_type`; messages otherwise use `__name__`.
    pub tp_name: RefCell<Option<Rc<str>>>,
    /// The classes made with this one among their bases, in the order they
    /// were made (`__subclasses__()`); weak, as CPython's `tp_subclasses`.
    pub subclasses: RefCell<Vec<Weak<Class>>>,
    /// [`SEQUENCE_FLAG`] or [`MAPPING_FLAG`] when `abc` gave the class one
    /// (an `__abc_tpflags__` in its body, or `register` with an ABC that
    /// has one); see [`TypeRef::collection_flags`].
    pub collection_flags: Cell<u8>,
    /// The class itself: CPython's `__mro__` starts with the class, a cycle
    /// that keeps every class alive until the cycle collector finds it
    /// unreachable (a class made in a call outlives the call until
    /// `gc.collect()`, and `__subclasses__()` of its bases lists it till then).
    pub itself: RefCell<Option<Rc<Class>>>,
}

/// CPython's `Py_TPFLAGS_SEQUENCE` and `Py_TPFLAGS_MAPPING`: what a
/// sequence or a mapping pattern of `match` accepts.
pub const SEQUENCE_FLAG: u8 = 1 << 5;
pub const MAPPING_FLAG: u8 = 1 << 6;

impl PartialEq<TypeId> for TypeRef {
    fn eq(&self, other: &TypeId) -> bool {
        matches!(self, TypeRef::Builtin(t) if t == other)
    }
}

impl From<TypeId> for TypeRef {
    fn from(t: TypeId) -> TypeRef {
        TypeRef::Builtin(t)
    }
}

impl TypeRef {
    /// The name messages give the type (CPython's `tp_name`): `__name__`,
    /// or a C type's dotted name (see [`Class::tp_name`]).
    pub fn name(&self) -> Cow<'static, str> {
        match self {
            TypeRef::Builtin(t) => Cow::Borrowed(t.name()),
            TypeRef::Class(c) => match &*c.tp_name.borrow() {
                Some(tp_name) => Cow::Owned(tp_name.to_string()),
                None => Cow::Owned(c.name.borrow().to_string()),
            },
        }
    }

    /// `__qualname__`.
    pub fn qualname(&self) -> Cow<'static, str> {
        match self {
            TypeRef::Builtin(t) => Cow::Borrowed(t.name()),
            TypeRef::Class(c) => Cow::Owned(c.qualname.borrow().to_string()),
        }
    }

    /// `__module__`.
    pub fn module(&self) -> Cow<'static, str> {
        match self {
            TypeRef::Builtin(t) => Cow::Borrowed(t.module()),
            TypeRef::Class(c) => match c.dict.borrow().get_str("__module__") {
                Some(Value::Str(m)) => Cow::Owned(m.to_string()),
                _ => Cow::Borrowed("builtins"),
            },
        }
    }

    pub fn class(&self) -> Option<&Rc<Class>> {
        match self {
            TypeRef::Builtin(_) => None,
            TypeRef::Class(c) => Some(c),
        }
    }

    /// The same type object (`is`).
    pub fn is(&self, other: &TypeRef) -> bool {
        match (self, other) {
            (TypeRef::Builtin(a), TypeRef::Builtin(b)) => a == b,
            (TypeRef::Class(a), TypeRef::Class(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// `issubclass(self, other)`.
    pub fn is_subclass(&self, other: &TypeRef) -> bool {
        match (self, other) {
            (TypeRef::Builtin(a), TypeRef::Builtin(b)) => a.is_subclass(*b),
            (TypeRef::Builtin(_), TypeRef::Class(_)) => false,
            (TypeRef::Class(c), _) => self.is(other) || c.mro.borrow().iter().any(|t| t.is(other)),
        }
    }

    /// `issubclass(self, t)` for a built-in `t`.
    pub fn is_subclass_of(&self, t: TypeId) -> bool {
        match self {
            TypeRef::Builtin(b) => b.is_subclass(t),
            TypeRef::Class(c) => c.mro.borrow().iter().any(|m| m.is_subclass_of(t)),
        }
    }

    pub fn is_exception(&self) -> bool {
        self.is_subclass_of(TypeId::BaseException)
    }

    /// The built-in type whose layout instances have (see [`Class::layout`]).
    pub fn layout(&self) -> TypeId {
        match self {
            TypeRef::Builtin(t) => *t,
            TypeRef::Class(c) => c.layout,
        }
    }

    /// The collection flag `match` sees ([`SEQUENCE_FLAG`], [`MAPPING_FLAG`]
    /// or 0): that of the first type of the MRO with one, as CPython's
    /// flags are inherited (`list`, `tuple`, `range` are sequences, `dict`
    /// a mapping; `str` and `bytes` are neither).
    pub fn collection_flags(&self) -> u8 {
        for ty in self.mro() {
            match ty {
                TypeRef::Builtin(TypeId::List | TypeId::Tuple | TypeId::Range) => {
                    return SEQUENCE_FLAG
                }
                TypeRef::Builtin(TypeId::Dict) => return MAPPING_FLAG,
                TypeRef::Builtin(_) => {}
                TypeRef::Class(class) if class.collection_flags.get() != 0 => {
                    return class.collection_flags.get()
                }
                TypeRef::Class(_) => {}
            }
        }
        0
    }

    /// The method resolution order, starting with the type itself.
    pub fn mro(&self) -> Vec<TypeRef> {
        match self {
            TypeRef::Builtin(t) => t.mro().into_iter().map(TypeRef::Builtin).collect(),
            TypeRef::Class(c) => {
                let mut mro = vec![self.clone()];
                mro.extend(c.mro.borrow().iter().cloned());
                mro
            }
        }
    }

    /// `__bases__`.
    pub fn bases(&self) -> Vec<TypeRef> {
        match self {
            TypeRef::Builtin(TypeId::Object) => Vec::new(),
            TypeRef::Builtin(TypeId::ExceptionGroup) => vec![
                TypeRef::Builtin(TypeId::BaseExceptionGroup),
                TypeRef::Builtin(TypeId::Exception),
            ],
            TypeRef::Builtin(t) => vec![TypeRef::Builtin(t.base())],
            TypeRef::Class(c) => c.bases.clone(),
        }
    }

    /// `<class 'ValueError'>`, `<class '__main__.Point'>`.
    pub fn repr(&self) -> String {
        match self.module().as_ref() {
            "builtins" => format!("<class '{}'>", self.qualname()),
            m => format!("<class '{m}.{}'>", self.qualname()),
        }
    }

    /// The name a traceback's last line shows: qualified by the module,
    /// except for built-in and `__main__` types.
    pub fn qualified_name(&self) -> String {
        match self.module().as_ref() {
            "builtins" | "__main__" => self.qualname().into_owned(),
            m => format!("{m}.{}", self.qualname()),
        }
    }
}

/// Weak references to classes call their callbacks.
impl Drop for Class {
    fn drop(&mut self) {
        crate::object::weakrefs::referent_dropped(self as *const Class as usize);
    }
}

impl Class {
    /// `cls.__subclasses__()`: the direct subclasses still alive.
    pub fn live_subclasses(&self) -> Vec<Rc<Class>> {
        let mut subclasses = self.subclasses.borrow_mut();
        subclasses.retain(|sub| sub.strong_count() > 0);
        subclasses.iter().filter_map(Weak::upgrade).collect()
    }

    /// The first class of the MRO (itself first) whose namespace has
    /// `name`, with the value found there. Built-in types of the MRO have no
    /// namespace here: their behaviour is in the VM's slots.
    pub fn lookup(self: &Rc<Class>, name: &str) -> Option<Value> {
        let key = StrKey::new(name);
        if let Some(v) = self.dict.borrow().get_key(&key) {
            return Some(v);
        }
        self.mro.borrow().iter().find_map(|t| match t {
            TypeRef::Class(c) => c.dict.borrow().get_key(&key),
            TypeRef::Builtin(_) => None,
        })
    }
}

impl Class {
    /// A method the class, or a class before the first built-in type (other
    /// than `object`) of its MRO, defines in Python: an override of the
    /// built-in behaviour of its instances. Past that built-in type, its
    /// own behaviour applies.
    pub fn lookup_override(self: &Rc<Class>, name: &str) -> Option<Value> {
        let key = StrKey::new(name);
        if let Some(v) = self.dict.borrow().get_key(&key) {
            return Some(v);
        }
        for t in self.mro.borrow().iter() {
            match t {
                TypeRef::Class(c) => {
                    if let Some(v) = c.dict.borrow().get_key(&key) {
                        return Some(v);
                    }
                }
                TypeRef::Builtin(_) => return None,
            }
        }
        None
    }
}

impl TypeRef {
    /// [`Class::lookup_override`]; built-in types have none.
    pub fn lookup_override(&self, name: &str) -> Option<Value> {
        self.class().and_then(|c| c.lookup_override(name))
    }
}

/// CPython's C3 linearization of a new class's bases: the MRO after the
/// class itself, or the error message when the bases cannot be ordered.
pub fn c3_mro(bases: &[TypeRef]) -> Result<Vec<TypeRef>, String> {
    let mut sequences: Vec<Vec<TypeRef>> = bases.iter().map(TypeRef::mro).collect();
    sequences.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        sequences.retain(|s| !s.is_empty());
        if sequences.is_empty() {
            return Ok(out);
        }
        let candidate = sequences
            .iter()
            .map(|s| &s[0])
            .find(|head| !sequences.iter().any(|s| s[1..].iter().any(|t| t.is(head))));
        let Some(next) = candidate.cloned() else {
            // CPython names the heads of the remaining sequences, in base order.
            let mut names: Vec<String> = Vec::new();
            for s in &sequences {
                let name = s[0].name().into_owned();
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            return Err(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in sequences.iter_mut() {
            if s[0].is(&next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}

/// The type of any value (`type(x)`).
pub fn type_of(v: &Value) -> TypeRef {
    match v {
        Value::Instance(i) => TypeRef::Class(i.class.borrow().clone()),
        Value::Exception(e) => e.class.clone(),
        Value::Type(TypeRef::Class(c)) => c.metaclass.clone(),
        _ => TypeRef::Builtin(builtin_type_of(v)),
    }
}

/// The built-in type of a value, or the layout type of an instance of a
/// class (`Object`, `List`, ...).
pub fn builtin_type_of(v: &Value) -> TypeId {
    use crate::object::iter_state::IterState;
    match v {
        Value::None => TypeId::NoneType,
        Value::Bool(_) => TypeId::Bool,
        Value::Int(_) | Value::BigInt(_) => TypeId::Int,
        Value::Float(_) => TypeId::Float,
        Value::Complex(..) => TypeId::Complex,
        Value::Str(_) => TypeId::Str,
        Value::Bytes(_) => TypeId::Bytes,
        Value::ByteArray(_) => TypeId::ByteArray,
        Value::MemoryView(_) => TypeId::MemoryView,
        Value::Tuple(_) => TypeId::Tuple,
        Value::List(_) => TypeId::List,
        Value::Dict(_) => TypeId::Dict,
        // A frozenset is never borrowed mutably once made.
        Value::Set(s) if s.try_borrow().is_ok_and(|s| s.frozen) => TypeId::FrozenSet,
        Value::Set(_) => TypeId::Set,
        Value::Range(_) => TypeId::Range,
        Value::Slice(_) => TypeId::Slice,
        Value::Function(_) => TypeId::Function,
        Value::Builtin(_) => TypeId::BuiltinFunction,
        Value::Generator(g) => {
            if g.is_coroutine() {
                TypeId::Coroutine
            } else if g.is_async_gen() {
                TypeId::AsyncGenerator
            } else {
                TypeId::Generator
            }
        }
        Value::Type(_) => TypeId::Type,
        Value::Exception(e) => e.class.layout(),
        Value::Instance(i) => i.class.borrow().layout,
        Value::Method(_) => TypeId::Method,
        Value::NotImplemented => TypeId::NotImplementedType,
        Value::Module(_) => TypeId::Module,
        Value::Iter(it) => match &*it.borrow() {
            IterState::Enumerate { .. } => TypeId::Enumerate,
            IterState::Zip { .. } => TypeId::Zip,
            IterState::Map { .. } => TypeId::Map,
            IterState::Filter { .. } => TypeId::Filter,
            IterState::Reversed { .. } => TypeId::Reversed,
            IterState::Chain { .. } => TypeId::Chain,
            _ => TypeId::Iterator,
        },
        Value::Cell(_) => TypeId::Cell,
        Value::Native(o) => o.class_id(),
        Value::Ellipsis => TypeId::Ellipsis,
    }
}
