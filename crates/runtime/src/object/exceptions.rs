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
use crate::object::dict::Dict;
use crate::object::frame::KeptFrame;
use crate::object::pystr::PyStr;
use crate::object::types::{TypeId, TypeRef};
use crate::object::value::{ExcRef, Value};

/// Where an exception passed: a frame's code and the instruction it was at.
#[derive(Clone)]
pub struct TracebackEntry {
    pub code: Rc<CodeObject>,
    pub pc: u32,
    /// The frame, as CPython's traceback object holds it (`tb_frame`); None
    /// for the marks of library code.
    pub frame: Option<Rc<KeptFrame>>,
}

pub struct Exception {
    /// Its class: a built-in exception type or a class deriving from one.
    pub class: TypeRef,
    pub args: RefCell<Vec<Value>>,
    /// `__dict__`: attributes set on it (made on first use).
    pub dict: RefCell<Option<Rc<RefCell<Dict>>>>,
    /// Outermost frame first (the printed order).
    pub traceback: RefCell<Vec<TracebackEntry>>,
    pub cause: RefCell<Option<ExcRef>>,
    pub context: RefCell<Option<ExcRef>>,
    pub suppress_context: Cell<bool>,
    /// The variables of frames it passed through that are Python code in
    /// CPython but native here (asyncio's `wait(fs)`, `run_until_complete(future)`):
    /// CPython's traceback keeps them alive, so a coroutine handed to a call
    /// that failed warns "never awaited" only once the exception goes.
    pub library_frames: RefCell<Vec<Rc<KeptFrame>>>,
}

/// What an exception holds is freed through [`crate::object::teardown`]: a chain of
/// causes, contexts or frames' objects 100,000 long frees without deep native recursion.
impl Drop for Exception {
    fn drop(&mut self) {
        crate::object::weakrefs::referent_dropped(self as *const Exception as usize);
        let chained = (self.cause.get_mut().take(), self.context.get_mut().take());
        let traceback = std::mem::take(self.traceback.get_mut());
        let args = std::mem::take(self.args.get_mut());
        let library_frames = std::mem::take(self.library_frames.get_mut());
        crate::object::teardown::free((args, chained, traceback, library_frames));
    }
}

impl Exception {
    pub fn new(typ: TypeId, args: Vec<Value>) -> ExcRef {
        Exception::of_class(TypeRef::Builtin(typ), args)
    }

    /// An exception of any exception class.
    pub fn of_class(class: TypeRef, args: Vec<Value>) -> ExcRef {
        crate::object::value::tracked(Exception {
            class,
            args: RefCell::new(args),
            dict: RefCell::new(None),
            traceback: RefCell::new(Vec::new()),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            library_frames: RefCell::new(Vec::new()),
        })
    }

    pub fn is(&self, typ: TypeId) -> bool {
        self.class.is_subclass_of(typ)
    }

    /// The single argument, or None (StopIteration.value, etc.).
    pub fn first_arg(&self) -> Value {
        self.args.borrow().first().cloned().unwrap_or(Value::None)
    }

    /// The notes `add_note` added (`__notes__`, shown after the message).
    pub fn notes(&self) -> Vec<String> {
        let Some(dict) = self.dict.borrow().clone() else {
            return Vec::new();
        };
        let notes = dict.borrow().get_str("__notes__");
        match notes {
            Some(Value::List(l)) => l
                .borrow()
                .iter()
                .filter_map(|n| match n {
                    Value::Str(s) => Some(s.to_string()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// `add_note(note)`: `__notes__` is a list in the exception's `__dict__`.
    pub fn add_note(&self, note: Value) -> Result<(), &'static str> {
        let dict = self.attributes();
        let existing = dict.borrow().get_str("__notes__");
        match existing {
            Some(Value::List(l)) => l.borrow_mut().push(note),
            Some(_) => return Err("Cannot add note: __notes__ is not a list"),
            None => dict
                .borrow_mut()
                .insert_str("__notes__", Value::list(vec![note])),
        }
        Ok(())
    }

    /// `__dict__`, made on first use.
    pub fn attributes(&self) -> Rc<RefCell<Dict>> {
        self.dict
            .borrow_mut()
            .get_or_insert_with(Default::default)
            .clone()
    }

    /// Add a traceback entry for a frame the exception is passing through.
    pub fn push_frame(&self, code: &Rc<CodeObject>, pc: usize) {
        self.push_entry(code, pc, None);
    }

    /// Add a traceback entry that keeps the frame's variables.
    pub fn push_entry(&self, code: &Rc<CodeObject>, pc: usize, frame: Option<Rc<KeptFrame>>) {
        self.traceback.borrow_mut().insert(
            0,
            TracebackEntry {
                code: code.clone(),
                pc: pc as u32,
                frame,
            },
        );
    }

    /// Keep `values` alive as long as the exception, as the frame of a
    /// library function CPython writes in Python would through the traceback.
    pub fn keep_library_frame(&self, values: Vec<Value>) {
        let frame = crate::object::value::tracked(KeptFrame {
            values: RefCell::new(values),
        });
        self.library_frames.borrow_mut().push(frame);
    }

    /// For ExceptionGroup: the grouped exceptions.
    pub fn group_members(&self) -> Vec<ExcRef> {
        match self.args.borrow().get(1) {
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

/// `ImportError(*args, name=None, path=None)`: its two keywords, kept as
/// attributes; any other keyword is refused as CPython refuses it (naming
/// ImportError, whatever the subclass).
pub fn init_import_error(e: &Exception, kw: Vec<(Rc<PyStr>, Value)>) -> Result<(), ExcRef> {
    for (key, value) in kw {
        if &*key != "name" && &*key != "path" {
            return Err(type_error(format!(
                "'{key}' is an invalid keyword argument for ImportError()"
            )));
        }
        e.attributes().borrow_mut().insert_str(&key, value);
    }
    Ok(())
}
