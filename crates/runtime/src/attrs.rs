//! Attribute access (`obj.name`, `obj.name = v`, `del obj.name`) for every
//! kind of value: module namespaces, exception and generator attributes,
//! function metadata, type attributes, and the bound methods of the
//! built-in types (implemented in `builtins::*_methods`). asyncio objects
//! answer through the asyncio package.

use crate::builtins::{
    dict_methods, exception_methods, generator_methods, list_methods, method, misc_methods,
    set_methods, str_methods,
};
use crate::exceptions::{exc, type_error};
use crate::types::{type_of, TypeId};
use crate::value::{Args, NativeFn, PyResult, Value};
use crate::vm::Vm;

/// `obj.name`.
pub fn get_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    if name == "__class__" {
        return Ok(Value::Type(type_of(obj)));
    }
    let found = match obj {
        Value::Module(m) => {
            if let Some(v) = m.attrs.borrow().get_str(name) {
                return Ok(v);
            }
            return match name {
                "__name__" => Ok(Value::Str(m.name.clone())),
                _ => Err(exc(
                    TypeId::AttributeError,
                    format!("module '{}' has no attribute '{name}'", m.name),
                )),
            };
        }
        Value::Async(_) => return crate::asyncio::get_attr(vm, obj, name),
        Value::Type(t) => return type_attr(*t, name),
        Value::Exception(e) => exception_methods::get(obj, e, name),
        Value::Generator(g) => generator_methods::get(obj, g, name),
        Value::Function(f) => match name {
            "__name__" => Some(Value::Str(f.name.borrow().clone())),
            "__qualname__" => Some(Value::Str(f.qualname.clone())),
            "__module__" => Some(Value::Str(f.globals.name.clone())),
            "__doc__" => Some(Value::None),
            "__defaults__" => Some(if f.defaults.is_empty() {
                Value::None
            } else {
                Value::tuple(f.defaults.clone())
            }),
            _ => None,
        },
        Value::Builtin(b) => match name {
            "__name__" | "__qualname__" => Some(Value::str(b.name)),
            "__self__" => Some(b.receiver.clone()),
            // `itertools.chain` is a function here; CPython's is a class.
            "from_iterable" if b.name == "chain" && b.receiver.is_none() => Some(
                crate::builtins::function("from_iterable", crate::modules::chain_from_iterable),
            ),
            "__doc__" => Some(Value::None),
            _ => None,
        },
        _ => data_attr(obj, name),
    };
    if let Some(v) = found {
        return Ok(v);
    }
    match method_of(obj, name) {
        Some((name, func)) => Ok(method(name, func, obj)),
        None => Err(no_attribute(obj, name)),
    }
}

/// The method `name` of the built-in type of `obj`, if it has one.
pub fn method_of(obj: &Value, name: &str) -> Option<(&'static str, NativeFn)> {
    match obj {
        Value::Str(_) => str_methods::lookup(name),
        Value::List(_) => list_methods::lookup(name),
        Value::Dict(_) => dict_methods::lookup(name),
        Value::Set(_) => set_methods::lookup(name),
        Value::Exception(_) => exception_methods::lookup(name),
        Value::Generator(g) => generator_methods::lookup(name, g.is_coroutine),
        _ => misc_methods::lookup(type_of(obj), name),
    }
}

fn no_attribute(obj: &Value, name: &str) -> crate::value::ExcRef {
    exc(
        TypeId::AttributeError,
        format!(
            "'{}' object has no attribute '{name}'",
            crate::iterators::type_name(obj)
        ),
    )
}

/// Plain data attributes of numbers, ranges and slices.
fn data_attr(obj: &Value, name: &str) -> Option<Value> {
    match (obj, name) {
        (Value::Int(_) | Value::BigInt(_), "real" | "numerator") => Some(obj.clone()),
        (Value::Bool(b), "real" | "numerator") => Some(Value::Int(*b as i64)),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
        (Value::Float(_), "real") => Some(obj.clone()),
        (Value::Float(_), "imag") => Some(Value::Float(0.0)),
        (Value::Range(r), "start") => Some(Value::Int(r.start)),
        (Value::Range(r), "stop") => Some(Value::Int(r.stop)),
        (Value::Range(r), "step") => Some(Value::Int(r.step)),
        (Value::Slice(s), "start") => Some(s[0].clone()),
        (Value::Slice(s), "stop") => Some(s[1].clone()),
        (Value::Slice(s), "step") => Some(s[2].clone()),
        _ => None,
    }
}

/// A sample value of a built-in type, to look its methods up by type.
fn sample_of(t: TypeId) -> Option<Value> {
    Some(match t {
        TypeId::Str => Value::str(""),
        TypeId::List => Value::list(Vec::new()),
        TypeId::Dict => Value::Dict(Default::default()),
        TypeId::Set => Value::Set(Default::default()),
        TypeId::Tuple => Value::tuple(Vec::new()),
        TypeId::Int => Value::Int(0),
        TypeId::Bool => Value::Bool(false),
        TypeId::Float => Value::Float(0.0),
        TypeId::Bytes => Value::Bytes(std::rc::Rc::from(Vec::new())),
        t if t.is_exception() => Value::Exception(crate::exceptions::exc_empty(t)),
        _ => return None,
    })
}

/// Attributes of a type object: names, class methods, unbound methods.
fn type_attr(t: TypeId, name: &str) -> PyResult<Value> {
    match name {
        "__name__" | "__qualname__" => return Ok(Value::str(t.name())),
        "__module__" => return Ok(Value::str(t.module())),
        "__doc__" => return Ok(Value::None),
        "__base__" if t != TypeId::Object => return Ok(Value::Type(t.base())),
        "__mro__" => {
            let mut mro = vec![Value::Type(t)];
            let mut c = t;
            while c != TypeId::Object {
                c = c.base();
                mro.push(Value::Type(c));
            }
            return Ok(Value::tuple(mro));
        }
        _ => {}
    }
    if let Some((name, func)) = misc_methods::class_method(t, name) {
        return Ok(method(name, func, &Value::Type(t)));
    }
    if let Some(sample) = sample_of(t) {
        if let Some((name, _)) = method_of(&sample, name) {
            let receiver = Value::tuple(vec![Value::Type(t), Value::str(name)]);
            return Ok(method(name, call_unbound, &receiver));
        }
    }
    Err(exc(
        TypeId::AttributeError,
        format!("type object '{}' has no attribute '{name}'", t.name()),
    ))
}

/// `str.upper("abc")`: the receiver is `(type, method name)`; the first
/// argument becomes `self`.
fn call_unbound(vm: &mut Vm, receiver: &Value, mut args: Args) -> PyResult<Value> {
    let Value::Tuple(parts) = receiver else {
        return Err(type_error("bad unbound method"));
    };
    let (Value::Type(t), Value::Str(name)) = (&parts[0], &parts[1]) else {
        return Err(type_error("bad unbound method"));
    };
    if args.pos.is_empty() {
        return Err(type_error(format!(
            "unbound method {}.{name}() needs an argument",
            t.name()
        )));
    }
    let this = args.pos.remove(0);
    if !type_of(&this).is_subclass(*t) {
        return Err(type_error(format!(
            "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
            t.name(),
            type_of(&this).name()
        )));
    }
    let bound = get_attr(vm, &this, name)?;
    vm.call(&bound, args)
}

/// `obj.name = v`.
pub fn set_attr(vm: &mut Vm, obj: &Value, name: &str, v: Value) -> PyResult<()> {
    match obj {
        Value::Module(m) => {
            m.attrs.borrow_mut().insert_str(name, v);
            Ok(())
        }
        Value::Async(_) => crate::asyncio::set_attr(vm, obj, name, v),
        Value::Exception(e) => exception_methods::set(e, name, v),
        Value::Function(f) if name == "__name__" => match v {
            Value::Str(s) => {
                *f.name.borrow_mut() = s;
                Ok(())
            }
            _ => Err(type_error("__name__ must be set to a string object")),
        },
        Value::Type(t) => Err(type_error(format!(
            "cannot set '{name}' attribute of immutable type '{}'",
            t.name()
        ))),
        _ => Err(read_only(obj, name)),
    }
}

fn read_only(obj: &Value, name: &str) -> crate::value::ExcRef {
    if method_of(obj, name).is_some() {
        exc(
            TypeId::AttributeError,
            format!(
                "'{}' object attribute '{name}' is read-only",
                type_of(obj).name()
            ),
        )
    } else {
        no_attribute(obj, name)
    }
}

/// `del obj.name`.
pub fn del_attr(_vm: &mut Vm, obj: &Value, name: &str) -> PyResult<()> {
    match obj {
        Value::Module(m) => match m.attrs.borrow_mut().remove_str(name) {
            Some(_) => Ok(()),
            None => Err(exc(
                TypeId::AttributeError,
                format!("module '{}' has no attribute '{name}'", m.name),
            )),
        },
        Value::Type(t) => Err(type_error(format!(
            "cannot delete '{name}' attribute of immutable type '{}'",
            t.name()
        ))),
        _ => Err(read_only(obj, name)),
    }
}
