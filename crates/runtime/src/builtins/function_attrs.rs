//! The attributes of function objects — what `functools.wraps`, decorators
//! and `inspect` read and rewrite: `__name__`, `__qualname__`, `__doc__`,
//! `__module__`, `__defaults__`, `__kwdefaults__`, `__annotations__`,
//! `__dict__` and any attribute kept there (`__wrapped__`, `f.calls`),
//! `__code__` (a code object with its `co_*` fields) — with CPython's
//! checks on assignment.

use std::cell::RefCell;
use std::rc::Rc;

use super::args::{count_range, no_kwargs};
use crate::attrs::bound;
use crate::object::code::CodeObject;
use crate::object::dict::Dict;
use crate::object::exceptions::{exc, type_error};
use crate::object::native::{downcast, NativeObject};
use crate::object::types::{type_of, TypeId};
use crate::object::value::{address_of_ptr, Args, Function, NativeFn, PyResult, Value};
use crate::vm::Vm;

/// Methods of functions.
pub const METHODS: &[(&str, NativeFn)] = &[("__get__", function_get)];

/// `function.__get__(obj, type=None)`: the function bound to `obj`.
fn function_get(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("__get__", &args)?;
    count_range("__get__", &args, 1, 2)?;
    Ok(match &args.pos[0] {
        Value::None => recv.clone(),
        obj => bound(recv.clone(), obj.clone()),
    })
}

fn function(obj: &Value) -> Option<&Rc<Function>> {
    match obj {
        Value::Function(f) => Some(f),
        _ => None,
    }
}

/// The function's `__dict__`, made when first needed.
fn dict_of(f: &Function) -> Rc<RefCell<Dict>> {
    f.meta
        .borrow_mut()
        .dict
        .get_or_insert_with(Default::default)
        .clone()
}

/// `f.name` for a function's data attributes and its `__dict__`.
pub fn getattr(_vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(f) = function(obj) else {
        return Ok(None);
    };
    let meta = f.meta.borrow();
    Ok(Some(match name {
        "__name__" => Value::str(&f.name.borrow()),
        "__qualname__" => Value::str(&f.qualname()),
        "__doc__" => meta.doc.clone(),
        "__module__" => meta.module.clone(),
        "__defaults__" => {
            let defaults = f.defaults.borrow();
            if defaults.is_empty() {
                Value::None
            } else {
                Value::tuple(defaults.clone())
            }
        }
        "__kwdefaults__" => {
            let kwdefaults = f.kwdefaults.borrow();
            if kwdefaults.is_empty() {
                Value::None
            } else {
                let mut dict = Dict::new();
                for (k, v) in kwdefaults.iter() {
                    dict.insert_str(k, v.clone());
                }
                Value::dict(dict)
            }
        }
        "__annotations__" => {
            if !meta.annotations.is_none() {
                meta.annotations.clone()
            } else {
                drop(meta);
                let fresh = Value::dict(Default::default());
                f.meta.borrow_mut().annotations = fresh.clone();
                fresh
            }
        }
        "__dict__" => {
            drop(meta);
            Value::Dict(dict_of(f))
        }
        "__code__" => Value::Native(Rc::new(Code(f.code.clone()))),
        "__globals__" => Value::Dict(f.globals.attrs.clone()),
        "__closure__" => {
            if f.closure.is_empty() {
                Value::None
            } else {
                Value::tuple(f.closure.iter().cloned().map(Value::Cell).collect())
            }
        }
        _ => match meta.dict.as_ref().and_then(|d| d.borrow().get_str(name)) {
            Some(v) => v,
            None => return Ok(None),
        },
    }))
}

/// A string for `__name__` / `__qualname__`.
fn name_value(what: &str, v: Option<Value>) -> PyResult<Rc<str>> {
    match v {
        Some(Value::Str(s)) => Ok(Rc::from(s.as_str())),
        _ => Err(type_error(format!("{what} must be set to a string object"))),
    }
}

/// `f.name = v` (`Some`) or `del f.name` (`None`).
pub fn setattr(_vm: &mut Vm, obj: &Value, name: &str, v: Option<Value>) -> PyResult<bool> {
    let Some(f) = function(obj) else {
        return Ok(false);
    };
    match name {
        "__name__" => *f.name.borrow_mut() = name_value(name, v)?,
        "__qualname__" => *f.qualname.borrow_mut() = name_value(name, v)?,
        "__doc__" => f.meta.borrow_mut().doc = v.unwrap_or(Value::None),
        "__module__" => f.meta.borrow_mut().module = v.unwrap_or(Value::None),
        "__defaults__" => {
            *f.defaults.borrow_mut() = match v {
                None | Some(Value::None) => Vec::new(),
                Some(Value::Tuple(t)) => t.to_vec(),
                Some(_) => return Err(type_error("__defaults__ must be set to a tuple object")),
            }
        }
        "__kwdefaults__" => {
            *f.kwdefaults.borrow_mut() = match v {
                None | Some(Value::None) => Vec::new(),
                Some(Value::Dict(d)) => crate::vm::functions::keyword_defaults(&d.borrow()),
                Some(_) => return Err(type_error("__kwdefaults__ must be set to a dict object")),
            }
        }
        "__annotations__" => {
            f.meta.borrow_mut().annotations = match v {
                None | Some(Value::None) => Value::None,
                Some(d @ Value::Dict(_)) => d,
                Some(_) => return Err(type_error("__annotations__ must be set to a dict object")),
            }
        }
        "__dict__" => match v {
            Some(Value::Dict(d)) => f.meta.borrow_mut().dict = Some(d),
            Some(other) => {
                return Err(type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    type_of(&other).name()
                )))
            }
            None => return Err(type_error("cannot delete __dict__")),
        },
        "__code__" => {
            return Err(match v.as_ref().and_then(downcast::<Code>) {
                Some(_) => exc(
                    TypeId::NotImplementedError,
                    "assigning __code__ is not supported",
                ),
                None => type_error("__code__ must be set to a code object"),
            })
        }
        "__globals__" | "__closure__" | "__builtins__" => {
            return Err(exc(TypeId::AttributeError, "readonly attribute"))
        }
        _ => match v {
            Some(v) => dict_of(f).borrow_mut().insert_str(name, v),
            None => {
                let removed = f
                    .meta
                    .borrow()
                    .dict
                    .as_ref()
                    .and_then(|d| d.borrow_mut().remove_str(name));
                if removed.is_none() {
                    return Err(exc(
                        TypeId::AttributeError,
                        format!("'function' object has no attribute '{name}'"),
                    ));
                }
            }
        },
    }
    Ok(true)
}

// `co_flags` bits (CPython's `Include/cpython/code.h`).
const CO_OPTIMIZED: i64 = 0x1;
const CO_NEWLOCALS: i64 = 0x2;
const CO_VARARGS: i64 = 0x4;
const CO_VARKEYWORDS: i64 = 0x8;
const CO_NESTED: i64 = 0x10;
const CO_GENERATOR: i64 = 0x20;
const CO_COROUTINE: i64 = 0x80;
const CO_ITERABLE_COROUTINE: i64 = 0x100;
const CO_ASYNC_GENERATOR: i64 = 0x200;

/// A code object (`f.__code__`).
pub struct Code(pub Rc<CodeObject>);

impl NativeObject for Code {
    fn class_id(&self) -> TypeId {
        TypeId::Code
    }

    fn repr(&self) -> String {
        let address = address_of_ptr(Rc::as_ptr(&self.0) as usize);
        format!(
            "<code object {} at {address:#x}, file \"{}\", line {}>",
            self.0.name, self.0.filename, self.0.first_line
        )
    }
}

impl Code {
    fn flags(&self) -> i64 {
        use crate::compile::code::CodeKind;
        let code = &self.0;
        let mut flags = 0;
        if !matches!(
            code.kind,
            CodeKind::Module | CodeKind::AsyncModule | CodeKind::ClassBody
        ) {
            flags |= CO_OPTIMIZED | CO_NEWLOCALS;
        }
        if code.has_varargs {
            flags |= CO_VARARGS;
        }
        if code.has_varkw {
            flags |= CO_VARKEYWORDS;
        }
        // Defined inside a function (a qualified name through `<locals>`).
        if code.qualname.contains("<locals>") {
            flags |= CO_NESTED;
        }
        if code.iterable_coroutine.get() {
            flags |= CO_ITERABLE_COROUTINE;
        }
        flags
            | match code.kind {
                CodeKind::Generator => CO_GENERATOR,
                CodeKind::Coroutine => CO_COROUTINE,
                CodeKind::AsyncGenerator => CO_ASYNC_GENERATOR,
                _ => 0,
            }
    }
}

fn names(names: &[Rc<str>]) -> Value {
    Value::tuple(names.iter().map(|n| Value::str(n)).collect())
}

/// The fields [`code_getattr`] answers.
pub const CODE_ATTRIBUTES: &[&str] = &[
    "co_name",
    "co_qualname",
    "co_filename",
    "co_firstlineno",
    "co_flags",
    "co_argcount",
    "co_posonlyargcount",
    "co_kwonlyargcount",
    "co_nlocals",
    "co_varnames",
    "co_cellvars",
    "co_freevars",
    "co_names",
];

/// `code.co_name` and the other fields `inspect` reads.
pub fn code_getattr(_vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(code) = downcast::<Code>(obj) else {
        return Ok(None);
    };
    let c = &code.0;
    Ok(Some(match name {
        "co_name" => Value::str(&c.name),
        "co_qualname" => Value::str(&c.qualname),
        "co_filename" => Value::str(&c.filename),
        "co_firstlineno" => Value::Int(c.first_line as i64),
        "co_flags" => Value::Int(code.flags()),
        "co_argcount" => Value::Int(c.argcount as i64),
        "co_posonlyargcount" => Value::Int(c.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::Int(c.kwonlyargcount as i64),
        "co_nlocals" => Value::Int(c.varnames.len() as i64),
        "co_varnames" => names(&c.varnames),
        "co_cellvars" => names(&c.cellvars),
        "co_freevars" => names(&c.freevars),
        "co_names" => names(&c.names),
        _ => return Ok(None),
    }))
}
