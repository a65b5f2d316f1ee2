//! Attributes and methods of exception objects: `args`, chaining
//! (`__cause__`, `__context__`, `__suppress_context__`), `StopIteration.value`,
//! `add_note`, `with_traceback`, and exception groups' `exceptions`,
//! `message`, `subgroup`, `split`, `derive`.

use super::args::exactly_one;
use crate::object::exceptions::type_error;
use crate::object::types::{type_of, TypeId, TypeRef};
use crate::object::value::{Args, ExcRef, NativeFn, PyResult, Value};
use crate::vm::exception_groups::{self, Rest};
use crate::vm::{Vm, WHILE_CALLING};

/// Data attributes of an exception (its type's `getattr` slot).
pub fn getattr(_vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Value::Exception(e) = obj else {
        return Ok(None);
    };
    Ok(data_attribute(e, name))
}

fn data_attribute(e: &ExcRef, name: &str) -> Option<Value> {
    let group = e.is(TypeId::BaseExceptionGroup);
    Some(match name {
        "args" => Value::tuple(crate::repr::visible_args(e).to_vec()),
        "__cause__" => opt_exc(&e.cause.borrow()),
        "__context__" => opt_exc(&e.context.borrow()),
        "__suppress_context__" => Value::Bool(e.suppress_context.get()),
        "__traceback__" => super::traceback_object::traceback_of(e),
        "value" if e.is(TypeId::StopIteration) => e.first_arg(),
        "encoding" | "object" | "start" | "end" | "reason"
            if (e.is(TypeId::UnicodeDecodeError) || e.is(TypeId::UnicodeEncodeError))
                && e.args.borrow().len() == 5 =>
        {
            let i = ["encoding", "object", "start", "end", "reason"]
                .iter()
                .position(|n| *n == name)
                .unwrap_or(0);
            e.args.borrow()[i].clone()
        }
        "code" if e.is(TypeId::SystemExit) => system_exit_code(e),
        "errno" | "strerror" | "filename" if e.is(TypeId::OSError) => {
            let i = match name {
                "errno" => 0,
                "strerror" => 1,
                _ => 2,
            };
            let args = e.args.borrow();
            if (2..=5).contains(&args.len()) {
                args.get(i).cloned().unwrap_or(Value::None)
            } else {
                Value::None
            }
        }
        "exceptions" if group => Value::tuple(
            e.group_members()
                .into_iter()
                .map(Value::Exception)
                .collect(),
        ),
        "message" if group => e.first_arg(),
        "msg" if e.is(TypeId::ImportError) => match &e.args.borrow()[..] {
            [message] => message.clone(),
            _ => Value::None,
        },
        // Set by the constructor's keywords or by import, else None.
        "name" | "path" if e.is(TypeId::ImportError) => {
            let dict = e.dict.borrow().clone();
            dict.and_then(|d| d.borrow().get_str(name))
                .unwrap_or(Value::None)
        }
        "msg" if e.is(TypeId::SyntaxError) => e.first_arg(),
        "filename" | "lineno" | "offset" | "text" | "end_lineno" | "end_offset"
            if e.is(TypeId::SyntaxError) =>
        {
            syntax_error_location(e, name)
        }
        "print_file_and_line" if e.is(TypeId::SyntaxError) => Value::None,
        _ => return None,
    })
}

/// A field of a SyntaxError's location, the tuple of `SyntaxError(msg,
/// (filename, lineno, offset, text[, end_lineno, end_offset]))`.
fn syntax_error_location(e: &ExcRef, name: &str) -> Value {
    let args = e.args.borrow();
    let [_, Value::Tuple(location)] = &args[..] else {
        return Value::None;
    };
    let index = match name {
        "filename" => 0,
        "lineno" => 1,
        "offset" => 2,
        "text" => 3,
        "end_lineno" => 4,
        _ => 5,
    };
    location.get(index).cloned().unwrap_or(Value::None)
}

fn opt_exc(e: &Option<ExcRef>) -> Value {
    match e {
        Some(e) => Value::Exception(e.clone()),
        None => Value::None,
    }
}

pub const METHODS: &[(&str, NativeFn)] =
    &[("add_note", add_note), ("with_traceback", with_traceback)];

pub const GROUP_METHODS: &[(&str, NativeFn)] =
    &[("subgroup", subgroup), ("split", split), ("derive", derive)];

/// `SystemExit.code`: an assigned `code` (kept in the exception's dict), else its
/// argument (None without one, the whole tuple with several).
fn system_exit_code(e: &ExcRef) -> Value {
    let dict = e.dict.borrow().clone();
    if let Some(assigned) = dict.and_then(|dict| dict.borrow().get_str("code")) {
        return assigned;
    }
    match &e.args.borrow()[..] {
        [] => Value::None,
        [code] => code.clone(),
        several => Value::tuple(several.to_vec()),
    }
}

/// `exc.name = v` for the assignable attributes (the `setattr` slot).
pub fn setattr(_vm: &mut Vm, obj: &Value, name: &str, v: Option<Value>) -> PyResult<bool> {
    let (Value::Exception(e), Some(v)) = (obj, v) else {
        return Ok(false);
    };
    set(e, name, v)
}

fn set(e: &ExcRef, name: &str, v: Value) -> PyResult<bool> {
    match name {
        "__cause__" => {
            *e.cause.borrow_mut() = chain_target(v, "exception cause")?;
            e.suppress_context.set(true);
            Ok(true)
        }
        "__context__" => {
            *e.context.borrow_mut() = chain_target(v, "exception context")?;
            Ok(true)
        }
        "__suppress_context__" => {
            e.suppress_context.set(matches!(v, Value::Bool(true)));
            Ok(true)
        }
        "__traceback__" => match v {
            Value::None => {
                e.traceback.borrow_mut().clear();
                e.library_frames.borrow_mut().clear();
                Ok(true)
            }
            other => match super::traceback_object::entries_from(&other) {
                Some(entries) => {
                    *e.traceback.borrow_mut() = entries;
                    e.library_frames.borrow_mut().clear();
                    Ok(true)
                }
                None => Err(type_error("__traceback__ must be a traceback or None")),
            },
        },
        "args" => {
            *e.args.borrow_mut() = match v {
                Value::Tuple(t) => t.to_vec(),
                Value::List(l) => l.borrow().clone(),
                other => vec![other],
            };
            Ok(true)
        }
        _ => Ok(false),
    }
}

fn chain_target(v: Value, what: &str) -> PyResult<Option<ExcRef>> {
    match v {
        Value::None => Ok(None),
        Value::Exception(e) => Ok(Some(e)),
        _ => Err(type_error(format!(
            "{what} must be None or derive from BaseException"
        ))),
    }
}

fn this(recv: &Value) -> PyResult<ExcRef> {
    match recv {
        Value::Exception(e) => Ok(e.clone()),
        other => Err(type_error(format!(
            "descriptor requires a 'BaseException' object but received a '{}'",
            type_of(other).name()
        ))),
    }
}

fn add_note(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let e = this(recv)?;
    let note = exactly_one("add_note", &args)?;
    match note {
        note @ Value::Str(_) => {
            e.add_note(note).map_err(type_error)?;
            Ok(Value::None)
        }
        other => Err(type_error(format!(
            "note must be a str, not '{}'",
            type_of(&other).name()
        ))),
    }
}

fn with_traceback(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    exactly_one("with_traceback", &args)?;
    Ok(recv.clone())
}

fn group_of(recv: &Value) -> PyResult<ExcRef> {
    let e = this(recv)?;
    if !e.is(TypeId::BaseExceptionGroup) {
        return Err(type_error("not an exception group"));
    }
    Ok(e)
}

fn opt_value(e: Option<ExcRef>) -> Value {
    e.map(Value::Exception).unwrap_or(Value::None)
}

/// `subgroup(condition)`: the matching part only (no rest is derived). A built-in
/// method of one argument, called under a recursion check of its own in CPython.
fn subgroup(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let e = group_of(recv)?;
    let cond = exception_groups::Condition::new(&exactly_one("subgroup", &args)?)?;
    let (yes, _) = vm.recursing(WHILE_CALLING, |vm| {
        exception_groups::split(vm, &e, &cond, Rest::Dropped)
    })?;
    Ok(opt_value(yes))
}

/// `split(condition)`, counted as `subgroup` is.
fn split(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let e = group_of(recv)?;
    let cond = exception_groups::Condition::new(&exactly_one("split", &args)?)?;
    let (yes, no) = vm.recursing(WHILE_CALLING, |vm| {
        exception_groups::split(vm, &e, &cond, Rest::Derived)
    })?;
    Ok(Value::tuple(vec![opt_value(yes), opt_value(no)]))
}

/// `BaseExceptionGroup(self.message, excs)`: no chaining, traceback or
/// notes (`split` copies those).
fn derive(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let e = group_of(recv)?;
    let members = exactly_one("derive", &args)?;
    let group = Value::Type(TypeRef::Builtin(TypeId::BaseExceptionGroup));
    vm.call(&group, Args::new(vec![e.first_arg(), members]))
}
