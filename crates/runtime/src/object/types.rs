//! The fixed set of types a program can meet.
//!
//! Loopscope has no `class` statement, so every type is built in and known
//! at compile time: a `TypeId` is a plain enum, `isinstance` walks a static
//! base chain, and `except ValueError` is a comparison of small integers.

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
    Str: "str", "builtins", Object;
    Bytes: "bytes", "builtins", Object;
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
    Type: "type", "builtins", Object;
    Module: "module", "builtins", Object;
    Iterator: "iterator", "builtins", Object;
    Cell: "cell", "builtins", Object;
    Ellipsis: "ellipsis", "builtins", Object;
    Enumerate: "enumerate", "builtins", Object;
    Zip: "zip", "builtins", Object;
    Map: "map", "builtins", Object;
    Filter: "filter", "builtins", Object;
    Reversed: "reversed", "builtins", Object;
    Chain: "chain", "itertools", Object;
    Partial: "partial", "functools", Object;
    ItemGetter: "itemgetter", "operator", Object;
    AttrGetter: "attrgetter", "operator", Object;
    TextIOWrapper: "TextIOWrapper", "_io", Object;
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
    EventLoop: "_UnixSelectorEventLoop", "asyncio.unix_events", Object;
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

    /// `<class 'ValueError'>` / `<class 'asyncio.exceptions.CancelledError'>`.
    pub fn repr(self) -> String {
        match self.module() {
            "builtins" => format!("<class '{}'>", self.name()),
            m => format!("<class '{}.{}'>", m, self.name()),
        }
    }

    /// Name used when the type is printed inside a traceback's last line.
    pub fn qualified_name(self) -> String {
        match self.module() {
            "builtins" => self.name().to_string(),
            m => format!("{}.{}", m, self.name()),
        }
    }

    /// The exception types a program can name, in the builtins namespace.
    pub fn builtin_exception_names() -> impl Iterator<Item = TypeId> {
        TypeId::ALL
            .iter()
            .copied()
            .filter(|t| t.is_exception() && t.module() == "builtins")
    }
}

/// The type of any value (`type(x)`).
pub fn type_of(v: &Value) -> TypeId {
    use crate::object::iter_state::IterState;
    match v {
        Value::None => TypeId::NoneType,
        Value::Bool(_) => TypeId::Bool,
        Value::Int(_) | Value::BigInt(_) => TypeId::Int,
        Value::Float(_) => TypeId::Float,
        Value::Str(_) => TypeId::Str,
        Value::Bytes(_) => TypeId::Bytes,
        Value::Tuple(_) => TypeId::Tuple,
        Value::List(_) => TypeId::List,
        Value::Dict(_) => TypeId::Dict,
        Value::Set(_) => TypeId::Set,
        Value::Range(_) => TypeId::Range,
        Value::Slice(_) => TypeId::Slice,
        Value::Function(_) => TypeId::Function,
        Value::Builtin(_) => TypeId::BuiltinFunction,
        Value::Generator(g) => {
            if g.is_coroutine() {
                TypeId::Coroutine
            } else {
                TypeId::Generator
            }
        }
        Value::Type(_) => TypeId::Type,
        Value::Exception(e) => e.typ,
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
