//! Attributes and methods of exception objects: `args`, chaining
//! (`__cause__`, `__context__`, `__suppress_context__`), `StopIteration.value`,
//! `add_note`, `with_traceback`, and exception groups' `exceptions`,
//! `message`, `subgroup`, `split`, `derive`.

use std::rc::Rc;

use super::args::exactly_one;
use crate::object::exceptions::{type_error, Exception};
use crate::object::types::{type_of, TypeId, TypeRef};
use crate::object::value::{Args, ExcRef, NativeFn, PyResult, Value};
use crate::ops;
use crate::vm::Vm;

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
        "__traceback__" => Value::None,
        "value" if e.is(TypeId::StopIteration) => e.first_arg(),
        "code" if e.is(TypeId::SystemExit) => e.first_arg(),
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
        _ => return None,
    })
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
                Ok(true)
            }
            _ => Err(type_error("__traceback__ must be a traceback or None")),
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

/// A new group with `members`, carrying over `source`'s chaining and notes.
fn derive_from(source: &ExcRef, members: Vec<ExcRef>) -> ExcRef {
    let all_exceptions = members.iter().all(|m| m.is(TypeId::Exception));
    let typ = if all_exceptions {
        TypeId::ExceptionGroup
    } else {
        TypeId::BaseExceptionGroup
    };
    let items = members.into_iter().map(Value::Exception).collect();
    let g = Exception::new(typ, vec![source.first_arg(), Value::list(items)]);
    *g.cause.borrow_mut() = source.cause.borrow().clone();
    *g.context.borrow_mut() = source.context.borrow().clone();
    *g.traceback.borrow_mut() = source.traceback.borrow().clone();
    if let Some(Value::List(notes)) = source.attributes().borrow().get_str("__notes__") {
        let copy = Value::list(notes.borrow().clone());
        g.attributes().borrow_mut().insert_str("__notes__", copy);
    }
    g
}

/// How `split` / `subgroup` decide whether an exception matches.
enum Condition {
    Types(Vec<TypeRef>),
    Predicate(Value),
}

impl Condition {
    fn new(v: &Value) -> PyResult<Condition> {
        fn types(v: &Value) -> Option<Vec<TypeRef>> {
            match v {
                Value::Type(t) if t.is_exception() => Some(vec![t.clone()]),
                Value::Tuple(items) => {
                    let mut out = Vec::new();
                    for i in items.iter() {
                        out.extend(types(i)?);
                    }
                    Some(out)
                }
                _ => None,
            }
        }
        if let Some(t) = types(v) {
            return Ok(Condition::Types(t));
        }
        if matches!(v, Value::Function(_) | Value::Builtin(_) | Value::Method(_)) {
            return Ok(Condition::Predicate(v.clone()));
        }
        Err(type_error(
            "expected a function, exception type or tuple of exception types",
        ))
    }

    fn matches(&self, vm: &mut Vm, e: &ExcRef) -> PyResult<bool> {
        match self {
            Condition::Types(types) => Ok(types.iter().any(|t| e.class.is_subclass(t))),
            Condition::Predicate(f) => {
                let r = vm.call1(f, Value::Exception(e.clone()))?;
                ops::truthy(vm, &r)
            }
        }
    }
}

/// `(matching part, rest)` of `e`.
fn split_exc(
    vm: &mut Vm,
    e: &ExcRef,
    cond: &Condition,
) -> PyResult<(Option<ExcRef>, Option<ExcRef>)> {
    if cond.matches(vm, e)? {
        return Ok((Some(e.clone()), None));
    }
    if !e.is(TypeId::BaseExceptionGroup) {
        return Ok((None, Some(e.clone())));
    }
    let (mut yes, mut no) = (Vec::new(), Vec::new());
    for m in e.group_members() {
        let (a, b) = split_exc(vm, &m, cond)?;
        yes.extend(a);
        no.extend(b);
    }
    let part = |members: Vec<ExcRef>| (!members.is_empty()).then(|| derive_from(e, members));
    Ok((part(yes), part(no)))
}

fn opt_value(e: Option<ExcRef>) -> Value {
    e.map(Value::Exception).unwrap_or(Value::None)
}

fn subgroup(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let e = group_of(recv)?;
    let cond = Condition::new(&exactly_one("subgroup", &args)?)?;
    let (yes, _) = split_exc(vm, &e, &cond)?;
    Ok(opt_value(yes))
}

fn split(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let e = group_of(recv)?;
    let cond = Condition::new(&exactly_one("split", &args)?)?;
    let (yes, no) = split_exc(vm, &e, &cond)?;
    Ok(Value::tuple(vec![opt_value(yes), opt_value(no)]))
}

fn derive(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let e = group_of(recv)?;
    let members = match exactly_one("derive", &args)? {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        _ => {
            return Err(type_error(
                "second argument (exceptions) must be a sequence",
            ))
        }
    };
    let mut excs = Vec::new();
    for m in members {
        match m {
            Value::Exception(x) => excs.push(x),
            _ => return Err(type_error("derive() expects exceptions")),
        }
    }
    let g = derive_from(&e, excs);
    // `derive` itself does not copy chaining or notes; `split` does.
    *g.cause.borrow_mut() = None;
    *g.context.borrow_mut() = None;
    g.traceback.borrow_mut().clear();
    *g.dict.borrow_mut() = None;
    Ok(Value::Exception(Rc::clone(&g)))
}
