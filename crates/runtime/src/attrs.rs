//! Attribute access (`obj.name`, `obj.name = v`, `del obj.name`): module
//! namespaces, function and type metadata here; every other object's data
//! attributes and methods through its type's slots (`object::slots`), which
//! the layer implementing the type registered.

use crate::object::exceptions::{exc, type_error};
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, Builtin, ExcRef, Function, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

/// A built-in function value bound to `receiver`.
pub fn method(name: &'static str, func: NativeFn, receiver: &Value) -> Value {
    Value::Builtin(std::rc::Rc::new(Builtin {
        name,
        func,
        receiver: receiver.clone(),
    }))
}

/// `obj.name`.
pub fn get_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    if name == "__class__" {
        return Ok(Value::Type(type_of(obj)));
    }
    match obj {
        Value::Module(m) => return module_attr(m, name),
        Value::Type(t) => return type_attr(vm, *t, name),
        Value::Function(f) => {
            if let Some(v) = function_attr(f, name) {
                return Ok(v);
            }
        }
        Value::Builtin(b) => {
            if let Some(v) = builtin_attr(b, name) {
                return Ok(v);
            }
        }
        _ => {}
    }
    let t = type_of(obj);
    if let Some(getattr) = vm.slots.inherited(t, |s| s.getattr) {
        if let Some(v) = getattr(vm, obj, name)? {
            return Ok(v);
        }
    }
    match vm.slots.method(t, name) {
        Some((name, func)) => Ok(method(name, func, obj)),
        None => Err(no_attribute(obj, name)),
    }
}

fn module_attr(m: &Module, name: &str) -> PyResult<Value> {
    if let Some(v) = m.attrs.borrow().get_str(name) {
        return Ok(v);
    }
    match name {
        "__name__" => Ok(Value::Str(m.name.clone())),
        _ => Err(exc(
            TypeId::AttributeError,
            format!("module '{}' has no attribute '{name}'", m.name),
        )),
    }
}

fn function_attr(f: &Function, name: &str) -> Option<Value> {
    Some(match name {
        "__name__" => Value::Str(f.name.borrow().clone()),
        "__qualname__" => Value::Str(f.qualname.clone()),
        "__module__" => Value::Str(f.globals.name.clone()),
        "__doc__" => Value::None,
        "__defaults__" => {
            if f.defaults.is_empty() {
                Value::None
            } else {
                Value::tuple(f.defaults.clone())
            }
        }
        _ => return None,
    })
}

fn builtin_attr(b: &Builtin, name: &str) -> Option<Value> {
    Some(match name {
        "__name__" | "__qualname__" => Value::str(b.name),
        "__self__" => b.receiver.clone(),
        "__doc__" => Value::None,
        _ => return None,
    })
}

fn no_attribute(obj: &Value, name: &str) -> ExcRef {
    exc(
        TypeId::AttributeError,
        format!(
            "'{}' object has no attribute '{name}'",
            crate::iterators::type_name(obj)
        ),
    )
}

/// Attributes of a type object: names, class methods, unbound methods.
fn type_attr(vm: &mut Vm, t: TypeId, name: &str) -> PyResult<Value> {
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
    let class_method = vm.slots.inherited(t, |s| {
        s.class_methods.iter().find(|(n, _)| *n == name).copied()
    });
    if let Some((name, func)) = class_method {
        return Ok(method(name, func, &Value::Type(t)));
    }
    if let Some((name, _)) = vm.slots.method(t, name) {
        let receiver = Value::tuple(vec![Value::Type(t), Value::str(name)]);
        return Ok(method(name, call_unbound, &receiver));
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
        _ => {
            let t = type_of(obj);
            if let Some(setattr) = vm.slots.inherited(t, |s| s.setattr) {
                if setattr(vm, obj, name, v)? {
                    return Ok(());
                }
            }
            Err(read_only(vm, obj, name))
        }
    }
}

fn read_only(vm: &Vm, obj: &Value, name: &str) -> ExcRef {
    if vm.slots.method(type_of(obj), name).is_some() {
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
pub fn del_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<()> {
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
        _ => Err(read_only(vm, obj, name)),
    }
}
