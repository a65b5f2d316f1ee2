//! Exception objects: type, arguments, traceback, chaining.
//!
//! Tracebacks are recorded as CPython does: an entry is added for a frame
//! each time an exception appears in it (raised there, or propagated into it
//! from a callee), except for a bare `raise` which keeps the original
//! traceback. Entries are stored innermost-last in the order they were added,
//! which is the reverse of the printed order.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use loopscope_cpython::{ExceptionKind, PyError};

use crate::object::code::CodeObject;
use crate::object::types::TypeId;
use crate::object::value::{ExcRef, Value};

/// Where an exception passed: a frame's code and the instruction it was at.
#[derive(Clone)]
pub struct TracebackEntry {
    pub code: Rc<CodeObject>,
    pub pc: u32,
}

pub struct Exception {
    pub typ: TypeId,
    pub args: Vec<Value>,
    /// Outermost frame first (the printed order).
    pub traceback: RefCell<Vec<TracebackEntry>>,
    pub cause: RefCell<Option<ExcRef>>,
    pub context: RefCell<Option<ExcRef>>,
    pub suppress_context: Cell<bool>,
    /// Notes added by `add_note` (shown after the message).
    pub notes: RefCell<Vec<String>>,
    /// What the frames it passed through held: CPython's traceback keeps
    /// those frames (and so their objects) alive as long as the exception.
    pub kept_alive: RefCell<Vec<Value>>,
}

impl Exception {
    pub fn new(typ: TypeId, args: Vec<Value>) -> ExcRef {
        Rc::new(Exception {
            typ,
            args,
            traceback: RefCell::new(Vec::new()),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            notes: RefCell::new(Vec::new()),
            kept_alive: RefCell::new(Vec::new()),
        })
    }

    pub fn is(&self, typ: TypeId) -> bool {
        self.typ.is_subclass(typ)
    }

    /// The single argument, or None (StopIteration.value, etc.).
    pub fn first_arg(&self) -> Value {
        self.args.first().cloned().unwrap_or(Value::None)
    }

    /// Add a traceback entry for a frame the exception is passing through.
    pub fn push_frame(&self, code: &Rc<CodeObject>, pc: usize) {
        self.traceback.borrow_mut().insert(
            0,
            TracebackEntry {
                code: code.clone(),
                pc: pc as u32,
            },
        );
    }

    /// For ExceptionGroup: the grouped exceptions.
    pub fn group_members(&self) -> Vec<ExcRef> {
        match self.args.get(1) {
            Some(Value::Tuple(items)) => items
                .iter()
                .filter_map(|v| match v {
                    Value::Exception(e) => Some(e.clone()),
                    _ => None,
                })
                .collect(),
            Some(Value::List(items)) => items
                .borrow()
                .iter()
                .filter_map(|v| match v {
                    Value::Exception(e) => Some(e.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// An exception of `typ` with a message argument.
pub fn exc(typ: TypeId, message: impl Into<String>) -> ExcRef {
    Exception::new(typ, vec![Value::str(&message.into())])
}

/// An exception of `typ` without arguments.
pub fn exc_empty(typ: TypeId) -> ExcRef {
    Exception::new(typ, Vec::new())
}

pub fn type_error(message: impl Into<String>) -> ExcRef {
    exc(TypeId::TypeError, message)
}

pub fn value_error(message: impl Into<String>) -> ExcRef {
    exc(TypeId::ValueError, message)
}

pub fn runtime_error(message: impl Into<String>) -> ExcRef {
    exc(TypeId::RuntimeError, message)
}

pub fn stop_iteration(value: Value) -> ExcRef {
    match value {
        Value::None => exc_empty(TypeId::StopIteration),
        v => Exception::new(TypeId::StopIteration, vec![v]),
    }
}

/// `BaseExceptionGroup(message, [members...])`: ExceptionGroup when every
/// member is an Exception, as the constructor chooses. The members are passed
/// as a list (as TaskGroup passes `self._errors`), which the group's repr
/// shows with brackets.
pub fn exception_group(message: &str, members: Vec<ExcRef>) -> ExcRef {
    let all_exceptions = members.iter().all(|e| e.is(TypeId::Exception));
    let typ = if all_exceptions {
        TypeId::ExceptionGroup
    } else {
        TypeId::BaseExceptionGroup
    };
    let items: Vec<Value> = members.into_iter().map(Value::Exception).collect();
    Exception::new(typ, vec![Value::str(message), Value::list(items)])
}

/// The exception a `loopscope_cpython` error stands for.
pub fn cpython_error(e: PyError) -> ExcRef {
    let typ = match e.kind {
        ExceptionKind::ValueError => TypeId::ValueError,
        ExceptionKind::TypeError => TypeId::TypeError,
        ExceptionKind::OverflowError => TypeId::OverflowError,
        ExceptionKind::IndexError => TypeId::IndexError,
        ExceptionKind::ZeroDivisionError => TypeId::ZeroDivisionError,
        ExceptionKind::MemoryError => TypeId::MemoryError,
    };
    if e.message.is_empty() {
        exc_empty(typ)
    } else {
        exc(typ, e.message)
    }
}
