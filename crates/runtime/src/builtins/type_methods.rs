//! `type` itself: calling it (`type(x)`, `type(name, bases, dict)`), and
//! the methods metaclasses inherit from it and reach through `super()` —
//! `__new__`, `__init__`, `__call__`, `__setattr__`, `__delattr__`,
//! `__repr__`, `__instancecheck__`, `__subclasscheck__`, `mro`,
//! `__subclasses__`, and the class method `__prepare__`; the attributes of
//! unions (`int | None`).

use super::args::{count_range, exactly_one};
use super::object_methods::name_arg;
use crate::attrs;
use crate::object::exceptions::type_error;
use crate::object::types::{type_of, TypeId, TypeRef};
use crate::object::union::Union;
use crate::object::value::{Args, NativeFn, PyResult, Value};
use crate::vm::Vm;

/// `type`'s special methods.
pub const TYPE_SPECIALS: &[(&str, NativeFn)] = &[
    ("__new__", type_dunder_new),
    ("__init__", type_init),
    ("__call__", type_call),
    ("__setattr__", type_setattr),
    ("__delattr__", type_delattr),
    ("__repr__", type_repr),
    ("__instancecheck__", type_instancecheck),
    ("__subclasscheck__", type_subclasscheck),
];

/// `type`'s methods.
pub const TYPE_METHODS: &[(&str, NativeFn)] =
    &[("mro", type_mro), ("__subclasses__", type_subclasses)];

/// Class methods of `type`.
pub const TYPE_CLASS_METHODS: &[(&str, NativeFn)] = &[("__prepare__", type_prepare)];

/// `type(x)` and `type(name, bases, dict, **keywords)`.
pub fn type_construct(vm: &mut Vm, _t: TypeId, args: Args) -> PyResult<Value> {
    match args.pos.as_slice() {
        [v] if args.kw.is_empty() => Ok(Value::Type(type_of(v))),
        [_, _, _] => {
            let class = vm.new_class(TypeId::Type.into(), &args)?;
            // A metaclass found among the bases initializes the class.
            if let TypeRef::Class(meta) = type_of(&class) {
                if let Some(init) = meta.lookup_override("__init__") {
                    vm.call_method(&init, &class, args)?;
                }
            }
            Ok(class)
        }
        _ => Err(type_error("type() takes 1 or 3 arguments")),
    }
}

/// The class a method of `type` was called on.
fn this(recv: &Value) -> PyResult<TypeRef> {
    match recv {
        Value::Type(t) => Ok(t.clone()),
        other => Err(type_error(format!(
            "descriptor for 'type' objects doesn't apply to a '{}' object",
            type_of(other).name()
        ))),
    }
}

/// `type.__new__(metatype, name, bases, namespace, **keywords)`.
fn type_dunder_new(vm: &mut Vm, _recv: &Value, mut args: Args) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(type_error("type.__new__(): not enough arguments"));
    }
    let metatype = match args.pos.remove(0) {
        Value::Type(t) if t.is_subclass_of(TypeId::Type) => t,
        Value::Type(t) => {
            return Err(type_error(format!(
                "type.__new__({}): {} is not a subtype of type",
                t.name(),
                t.name()
            )))
        }
        other => {
            return Err(type_error(format!(
                "type.__new__(X): X is not a type object ({})",
                type_of(&other).name()
            )))
        }
    };
    vm.new_class(metatype, &args)
}

/// `type.__init__(cls, name, bases, namespace, **keywords)`: checks only.
fn type_init(_vm: &mut Vm, _recv: &Value, args: Args) -> PyResult<Value> {
    match args.pos.len() {
        1 if !args.kw.is_empty() => Err(type_error("type.__init__() takes no keyword arguments")),
        1 | 3 => Ok(Value::None),
        _ => Err(type_error("type.__init__() takes 1 or 3 arguments")),
    }
}

/// `type.__call__(cls, *args, **kwargs)`: a new instance of `cls`.
fn type_call(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    match this(recv)? {
        TypeRef::Class(class) => {
            let callee = vm.instantiate(&class, args)?;
            vm.finish_call(callee)
        }
        builtin => vm.call(&Value::Type(builtin), args),
    }
}

/// `type.__setattr__(cls, name, value)`.
fn type_setattr(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("__setattr__", &args, 2, 2)?;
    let name = name_arg(&args.pos[0])?;
    set_or_delete(vm, recv, &name, Some(args.pos[1].clone()))
}

/// `type.__delattr__(cls, name)`.
fn type_delattr(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let name = name_arg(&exactly_one("__delattr__", &args)?)?;
    set_or_delete(vm, recv, &name, None)
}

fn set_or_delete(vm: &mut Vm, recv: &Value, name: &str, v: Option<Value>) -> PyResult<Value> {
    match this(recv)? {
        TypeRef::Class(class) => attrs::type_setattr(vm, recv, &class, name, v)?,
        TypeRef::Builtin(_) => match v {
            Some(v) => attrs::set_attr(vm, recv, name, v)?,
            None => attrs::del_attr(vm, recv, name)?,
        },
    }
    Ok(Value::None)
}

/// `type.__repr__(cls)`: `<class 'module.Name'>`.
fn type_repr(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("__repr__", &args, 0, 0)?;
    Ok(Value::str(&this(recv)?.repr()))
}

/// `type.__instancecheck__(cls, obj)`.
fn type_instancecheck(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let obj = exactly_one("__instancecheck__", &args)?;
    Ok(Value::Bool(type_of(&obj).is_subclass(&this(recv)?)))
}

/// `type.__subclasscheck__(cls, subclass)`.
fn type_subclasscheck(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let Value::Type(sub) = exactly_one("__subclasscheck__", &args)? else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    Ok(Value::Bool(sub.is_subclass(&this(recv)?)))
}

/// `cls.mro()`: the method resolution order, as a list.
fn type_mro(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("mro", &args, 0, 0)?;
    let mro = this(recv)?.mro().into_iter().map(Value::Type).collect();
    Ok(Value::list(mro))
}

/// `cls.__subclasses__()`: the classes that name it among their bases, in
/// the order they were made. The engine does not track the subclasses of
/// built-in types (CPython's would list its own, such as `bool` for `int`).
fn type_subclasses(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("__subclasses__", &args, 0, 0)?;
    match this(recv)? {
        TypeRef::Class(class) => Ok(Value::list(
            class
                .live_subclasses()
                .into_iter()
                .map(|sub| Value::Type(TypeRef::Class(sub)))
                .collect(),
        )),
        TypeRef::Builtin(t) => Err(crate::object::exceptions::exc(
            TypeId::NotImplementedError,
            format!(
                "Loopscope does not list the subclasses of the built-in type '{}'",
                t.name()
            ),
        )),
    }
}

/// `type.__prepare__(name, bases, **keywords)`: an empty dict.
fn type_prepare(_vm: &mut Vm, _recv: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::dict(Default::default()))
}

/// `union.__args__`, `union.__parameters__`.
pub fn union_getattr(_vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(union) = crate::object::native::downcast::<Union>(obj) else {
        return Ok(None);
    };
    Ok(match name {
        "__args__" => Some(union.args()),
        "__parameters__" => Some(Value::tuple(Vec::new())),
        _ => None,
    })
}
