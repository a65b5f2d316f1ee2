//! Attribute access (`obj.name`, `obj.name = v`, `del obj.name`).
//!
//! Instances of classes follow CPython's `object.__getattribute__`: data
//! descriptors of the class (properties) first, then the instance's
//! `__dict__`, then the class's attributes (functions bind to the
//! instance, `classmethod`s to the class), then `__getattr__`; the class can
//! take over with `__getattribute__`, `__setattr__` and `__delattr__`.
//! Built-in types' data attributes and methods are found through their
//! type's slots (`object::slots`), registered by the layer implementing the
//! type; for an instance of a subclass of a built-in type, built-in methods
//! bind to its payload (the list of a `class Stack(list)`).

use std::rc::Rc;

use crate::object::dict::StrKey;
use crate::object::exceptions::{exc, type_error};
use crate::object::instance::{payload, Method};
use crate::object::native::downcast;
use crate::object::types::{builtin_type_of, type_of, Class, TypeId, TypeRef};
use crate::object::value::{Args, Builtin, ExcRef, Module, NativeFn, PyResult, Value};
use crate::vm::descriptors::{MethodWrapper, Property, Super};
use crate::vm::Vm;

/// A built-in function value bound to `receiver`.
pub fn method(name: &'static str, func: NativeFn, receiver: &Value) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        func,
        receiver: receiver.clone(),
    }))
}

/// `obj.name`.
pub fn get_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    match obj {
        Value::Instance(i) => {
            let class = i.class.borrow().clone();
            return instance_getattr(vm, obj, &class, name);
        }
        Value::Exception(e) => {
            if let TypeRef::Class(class) = &e.class {
                let class = class.clone();
                return instance_getattr(vm, obj, &class, name);
            }
        }
        Value::Type(TypeRef::Class(class)) => return class_getattr(vm, obj, class, name),
        Value::Type(TypeRef::Builtin(t)) => return type_attr(vm, *t, name),
        Value::Module(m) => {
            // A namespace not whole yet is completed before a name is found missing
            // (`__dict__` included).
            if m.deferred.get().is_some() && m.attrs.borrow().get_str(name).is_none() {
                m.complete(vm)?;
            }
            return match module_attr(m, name) {
                // A module's own `__getattr__` answers what it lacks.
                Err(e) if e.is(TypeId::AttributeError) && name != "__getattr__" => {
                    let hook = m.attrs.borrow().get_str("__getattr__");
                    match hook {
                        Some(hook) => vm.call(&hook, Args::new(vec![Value::str(name)])),
                        None => Err(e),
                    }
                }
                r => r,
            };
        }
        Value::Method(m) => return method_attr(vm, m, name),
        Value::Builtin(b) => {
            if let Some(v) = builtin_attr(b, name) {
                return Ok(v);
            }
        }
        Value::Native(_) => {
            if let Some(s) = downcast::<Super>(obj) {
                return super_getattr(vm, &s, name);
            }
        }
        _ => {}
    }
    if name == "__class__" {
        return Ok(Value::Type(type_of(obj)));
    }
    let t = builtin_type_of(obj);
    if let Some(v) = builtin_data_attr(vm, obj, t, name)? {
        return Ok(v);
    }
    if let Value::Exception(e) = obj {
        if name == "__dict__" {
            return Ok(Value::Dict(e.attributes()));
        }
        if let Some(v) = e.attributes().borrow().get_str(name) {
            return Ok(v);
        }
    }
    match vm.slots.method(t, name) {
        Some((name, func)) => Ok(method(name, func, obj)),
        // A class method found through a value binds to its type
        // (`(5).from_bytes`, `"".maketrans`, `b"".fromhex`).
        None => {
            let class_method = vm.slots.inherited(t, |s| {
                s.class_methods.iter().find(|(n, _)| *n == name).copied()
            });
            match class_method {
                Some((name, func)) => Ok(method(name, func, &Value::Type(TypeRef::Builtin(t)))),
                // The type's docstring, which Loopscope's built-in types do not carry.
                None if name == "__doc__" => Ok(Value::None),
                None => Err(no_attribute(obj, name)),
            }
        }
    }
}

/// A data attribute of a built-in type (`range.start`, `exc.args`).
fn builtin_data_attr(vm: &mut Vm, obj: &Value, t: TypeId, name: &str) -> PyResult<Option<Value>> {
    match vm.slots.inherited(t, |s| s.getattr) {
        Some(getattr) => getattr(vm, obj, name),
        None => Ok(None),
    }
}

/// What the MRO of a class has under a name: a value of a class's
/// namespace, or a built-in type's method.
enum Found {
    Attr(Value),
    Builtin(TypeId, &'static str, NativeFn),
}

/// Look `name` up along `mro` (CPython's `_PyType_Lookup`).
fn find_in_mro(vm: &Vm, mro: &[TypeRef], name: &str) -> Option<Found> {
    let key = StrKey::new(name);
    mro.iter().find_map(|t| find_in_type(vm, t, &key))
}

/// [`find_in_mro`] along the MRO of `class` (itself first), without making
/// the list of its types: what every attribute of an instance looks up.
fn find_in_class_mro(vm: &Vm, class: &Class, key: &StrKey) -> Option<Found> {
    if let Some(v) = class.dict.borrow().get_key(key) {
        return Some(Found::Attr(v));
    }
    let mro = class.mro.borrow();
    mro.iter().find_map(|t| find_in_type(vm, t, key))
}

fn find_in_type(vm: &Vm, t: &TypeRef, key: &StrKey) -> Option<Found> {
    match t {
        TypeRef::Class(c) => c.dict.borrow().get_key(key).map(Found::Attr),
        TypeRef::Builtin(b) => vm
            .slots
            .get(*b)
            .find(key.text())
            .map(|(n, f)| Found::Builtin(*b, n, f)),
    }
}

/// What a built-in type's method found on an instance binds to: the
/// instance itself for `object`'s and exceptions' methods, for the generic
/// attribute access every built-in type shares with `object`
/// (`tuple.__getattribute__(obj, name)` reads `obj.__dict__`), for
/// `dict.__getitem__` (which asks the class's `__missing__`) and for
/// `random.Random`'s (which use the class's own `random()`) and for a type
/// whose methods take the instance (`Slots::payload_subclass`), its payload for
/// the methods of a built-in base type.
fn bind_target(vm: &Vm, obj: &Value, t: TypeId, name: &str) -> Value {
    let generic_attribute = matches!(name, "__getattribute__" | "__setattr__" | "__delattr__");
    if t == TypeId::Object
        || vm.slots.get(t).payload_subclass
        || t.is_exception()
        || generic_attribute
        || t == TypeId::Random
        || (t == TypeId::Dict && name == "__getitem__")
    {
        obj.clone()
    } else {
        payload(obj).clone()
    }
}

/// `object.__getattribute__` then `__getattr__`, or the class's own
/// `__getattribute__`.
fn instance_getattr(vm: &mut Vm, obj: &Value, class: &Rc<Class>, name: &str) -> PyResult<Value> {
    let result = match class.lookup_override("__getattribute__") {
        Some(getattribute) => vm.call_method(&getattribute, obj, Args::new(vec![Value::str(name)])),
        None => object_getattribute(vm, obj, class, name),
    };
    match result {
        Err(e) if e.is(TypeId::AttributeError) => match class.lookup("__getattr__") {
            Some(getattr) => vm.call_method(&getattr, obj, Args::new(vec![Value::str(name)])),
            None => Err(e),
        },
        r => r,
    }
}

/// `object.__getattribute__(obj, name)`.
pub fn object_getattribute(
    vm: &mut Vm,
    obj: &Value,
    class: &Rc<Class>,
    name: &str,
) -> PyResult<Value> {
    let owner = TypeRef::Class(class.clone());
    match name {
        // A class may define its own `__class__` (a property: unittest.mock's specced mocks).
        "__class__" if class.lookup_override("__class__").is_none() => {
            return Ok(Value::Type(owner))
        }
        // Instances of a class whose `__slots__` leave out `__dict__` keep
        // their slots in the same dict, but have no `__dict__` to show.
        "__dict__" if class.slots.is_none() => {
            if let Some(dict) = instance_dict(obj) {
                return Ok(Value::Dict(dict));
            }
        }
        _ => {}
    }
    let key = StrKey::new(name);
    let found = find_in_class_mro(vm, class, &key);
    if let Some(Found::Attr(d)) = &found {
        if is_data_descriptor(d) {
            return descr_get(vm, d, Some(obj), &owner, name);
        }
    }
    // A type whose methods take the instance answers last, below the class's
    // own methods and the instance's attributes.
    if !vm.slots.get(class.layout).payload_subclass {
        if let Some(v) = builtin_data_attr(vm, obj, class.layout, name)? {
            return Ok(v);
        }
    }
    if let Some(dict) = instance_dict(obj) {
        if let Some(v) = dict.borrow().get_key(&key) {
            return Ok(v);
        }
    }
    match found {
        Some(Found::Attr(d)) => descr_get(vm, &d, Some(obj), &owner, name),
        Some(Found::Builtin(t, n, f)) => Ok(bind_builtin(vm, t, n, f, obj)),
        None => {
            // A built-in base's class method binds to the instance's class.
            let class_method = owner.mro().iter().find_map(|t| match t {
                TypeRef::Builtin(b) => builtin_class_method(vm, *b, name),
                TypeRef::Class(_) => None,
            });
            if let Some((n, f)) = class_method {
                return Ok(method(n, f, &Value::Type(owner)));
            }
            let target = payload(obj).clone();
            if !matches!(obj, Value::Instance(_)) || target.is(obj) {
                return Err(no_attribute(obj, name));
            }
            // The methods of a type that take the instance are bound to it.
            let receiver = if vm.slots.get(class.layout).payload_subclass {
                obj.clone()
            } else {
                target
            };
            match builtin_data_attr(vm, &receiver, class.layout, name)? {
                Some(v) => Ok(v),
                None => Err(no_attribute(obj, name)),
            }
        }
    }
}

fn bind_builtin(vm: &Vm, t: TypeId, name: &'static str, func: NativeFn, obj: &Value) -> Value {
    // `__new__` is a static method: it takes the class explicitly.
    if name == "__new__" {
        return method(name, func, &Value::None);
    }
    method(name, func, &bind_target(vm, obj, t, name))
}

/// The `__dict__` of an instance or exception.
fn instance_dict(obj: &Value) -> Option<Rc<std::cell::RefCell<crate::object::dict::Dict>>> {
    match obj {
        Value::Instance(i) => Some(i.dict.clone()),
        Value::Exception(e) => Some(e.attributes()),
        _ => None,
    }
}

/// A property, or an object whose class defines `__set__` or `__delete__`.
fn is_data_descriptor(d: &Value) -> bool {
    match d {
        Value::Native(_) => downcast::<Property>(d).is_some(),
        Value::Instance(_) => {
            let t = type_of(d);
            t.lookup_override("__set__").is_some() || t.lookup_override("__delete__").is_some()
        }
        _ => false,
    }
}

/// The descriptor protocol: what `d`, found on `owner` under `name`, gives
/// when looked up on `obj` (or on the class itself when `obj` is None).
fn descr_get(
    vm: &mut Vm,
    d: &Value,
    obj: Option<&Value>,
    owner: &TypeRef,
    name: &str,
) -> PyResult<Value> {
    match d {
        Value::Function(_) => Ok(match obj {
            Some(o) => bound(d.clone(), o.clone()),
            None => d.clone(),
        }),
        Value::Native(_) => {
            if let Some(w) = downcast::<MethodWrapper>(d) {
                return Ok(match w.kind {
                    TypeId::ClassMethod => bound(w.func.clone(), Value::Type(owner.clone())),
                    _ => w.func.clone(),
                });
            }
            if let Some(p) = downcast::<Property>(d) {
                let Some(o) = obj else {
                    return Ok(d.clone());
                };
                if p.fget.is_none() {
                    return Err(exc(
                        TypeId::AttributeError,
                        format!(
                            "property '{name}' of '{}' object has no getter",
                            owner.name()
                        ),
                    ));
                }
                return vm.call(&p.fget, Args::new(vec![o.clone()]));
            }
            Ok(d.clone())
        }
        Value::Instance(_) => match type_of(d).lookup_override("__get__") {
            Some(get) => {
                let instance = obj.cloned().unwrap_or(Value::None);
                vm.call_method(
                    &get,
                    d,
                    Args::new(vec![instance, Value::Type(owner.clone())]),
                )
            }
            None => Ok(d.clone()),
        },
        _ => Ok(d.clone()),
    }
}

/// Call `f`, a special method found on `obj`'s class, with `args`, as CPython's
/// slot functions do: a function gets `obj` first; an instance of a class is a descriptor
/// bound through its `__get__` first (unittest.mock's `MagicProxy`), or, without one, called
/// as it is (the `MagicMock` that proxy puts on the class).
pub fn call_special_method(vm: &mut Vm, f: &Value, obj: &Value, args: Args) -> PyResult<Value> {
    if matches!(f, Value::Instance(_)) {
        if type_of(f).lookup_override("__get__").is_none() {
            return vm.call(f, args);
        }
        // An instance's `__get__` runs whatever the name (only a property's message uses it).
        let bound = descr_get(vm, f, Some(obj), &type_of(obj), "")?;
        return vm.call(&bound, args);
    }
    vm.call_method(f, obj, args)
}

/// `func` bound to `receiver`.
pub fn bound(func: Value, receiver: Value) -> Value {
    let method = Rc::new(Method {
        func,
        receiver,
        young_slot: Default::default(),
    });
    crate::object::gc::track_in(&method, &method.young_slot);
    Value::Method(method)
}

/// `Class.name` (CPython's `type_getattro`), then the metaclass's
/// `__getattr__`.
fn class_getattr(vm: &mut Vm, obj: &Value, class: &Rc<Class>, name: &str) -> PyResult<Value> {
    let result = type_getattribute(vm, obj, class, name);
    match (&result, &class.metaclass) {
        (Err(e), TypeRef::Class(meta)) if e.is(TypeId::AttributeError) => {
            match meta.lookup_override("__getattr__") {
                Some(getattr) => vm.call_method(&getattr, obj, Args::new(vec![Value::str(name)])),
                None => result,
            }
        }
        _ => result,
    }
}

/// `type.__getattribute__(class, name)`: the type's own attributes, the
/// metaclass's data descriptors (a property of the metaclass), the MRO
/// (functions stay plain, class methods bind to the class), then the
/// metaclass's other attributes, bound to the class.
fn type_getattribute(vm: &mut Vm, obj: &Value, class: &Rc<Class>, name: &str) -> PyResult<Value> {
    let owner = TypeRef::Class(class.clone());
    match name {
        "__name__" => return Ok(Value::Str(class.name.borrow().clone())),
        "__qualname__" => return Ok(Value::Str(class.qualname.borrow().clone())),
        "__class__" => return Ok(Value::Type(class.metaclass.clone())),
        "__mro__" => return Ok(types_tuple(owner.mro())),
        "__bases__" => return Ok(types_tuple(class.bases.clone())),
        "__base__" => return Ok(Value::Type(class.bases[0].clone())),
        "__dict__" => {
            let copy = class.dict.borrow().clone();
            return Ok(Value::dict(copy));
        }
        // The class's own annotations (not its bases'): an empty dict,
        // kept, when its body annotated nothing.
        "__annotations__" => {
            let mut dict = class.dict.borrow_mut();
            if let Some(own) = dict.get_str(name) {
                return Ok(own);
            }
            let fresh = Value::dict(Default::default());
            dict.insert_str(name, fresh.clone());
            return Ok(fresh);
        }
        _ => {}
    }
    let meta = class.metaclass.clone();
    // `type`'s own data descriptors are the names above: only a metaclass
    // written in Python can have others, and only then is it asked first.
    let mut meta_found = None;
    if let TypeRef::Class(_) = &meta {
        meta_found = find_in_mro(vm, &meta.mro(), name);
        if let Some(Found::Attr(d)) = &meta_found {
            if is_data_descriptor(d) {
                return descr_get(vm, d, Some(obj), &meta, name);
            }
        }
    }
    let mro = owner.mro();
    match find_in_mro(vm, &mro, name) {
        Some(Found::Attr(d)) => return descr_get(vm, &d, None, &owner, name),
        Some(Found::Builtin(t, n, f)) => {
            // `__new__` is a static method: it takes the class explicitly.
            return Ok(if n == "__new__" {
                static_new(vm, t, f)
            } else {
                unbound_method(vm, t, n)
            });
        }
        None => {}
    }
    if meta_found.is_none() {
        meta_found = find_in_mro(vm, &meta.mro(), name);
    }
    if let Some(found) = meta_found {
        return match found {
            Found::Attr(d) => descr_get(vm, &d, Some(obj), &meta, name),
            Found::Builtin(t, n, f) => Ok(bind_builtin(vm, t, n, f, obj)),
        };
    }
    let class_method = mro.iter().chain(&meta.mro()).find_map(|t| match t {
        TypeRef::Builtin(b) => builtin_class_method(vm, *b, name),
        TypeRef::Class(_) => None,
    });
    match class_method {
        Some((n, f)) => Ok(method(n, f, obj)),
        None => Err(exc(
            TypeId::AttributeError,
            format!(
                "type object '{}' has no attribute '{name}'",
                class.name.borrow()
            ),
        )),
    }
}

/// A class method of the built-in type `t` itself (`dict.fromkeys`).
fn builtin_class_method(vm: &Vm, t: TypeId, name: &str) -> Option<(&'static str, NativeFn)> {
    vm.slots
        .get(t)
        .class_methods
        .iter()
        .find(|(n, _)| *n == name)
        .copied()
}

fn types_tuple(types: Vec<TypeRef>) -> Value {
    Value::tuple(types.into_iter().map(Value::Type).collect())
}

/// `super().name`: the MRO of the object's type, after the class.
fn super_getattr(vm: &mut Vm, s: &Super, name: &str) -> PyResult<Value> {
    if name == "__class__" {
        return Ok(Value::Type(TypeRef::Builtin(TypeId::Super)));
    }
    let mro = s.obj_type.mro();
    let start = mro
        .iter()
        .position(|t| t.is(&s.class))
        .map_or(mro.len(), |i| i + 1);
    // On a class (in a class method or `__new__`), nothing binds to it.
    let on_class = matches!(&s.obj, Value::Type(t) if t.is(&s.obj_type));
    let obj = (!on_class).then_some(&s.obj);
    match find_in_mro(vm, &mro[start..], name) {
        Some(Found::Attr(d)) => descr_get(vm, &d, obj, &s.obj_type, name),
        Some(Found::Builtin(t, n, f)) => Ok(match obj {
            Some(o) => bind_builtin(vm, t, n, f, o),
            None if n == "__new__" => static_new(vm, t, f),
            None => method(n, f, &s.obj),
        }),
        None => {
            let class_method = mro[start..].iter().find_map(|t| match t {
                TypeRef::Builtin(b) => builtin_class_method(vm, *b, name),
                TypeRef::Class(_) => None,
            });
            if let Some(v) = payload_base_attr(vm, &mro[start..], obj, name)? {
                return Ok(v);
            }
            match class_method {
                Some((n, f)) => Ok(method(n, f, &Value::Type(s.obj_type.clone()))),
                None => Err(exc(
                    TypeId::AttributeError,
                    format!("'super' object has no attribute '{name}'"),
                )),
            }
        }
    }
}

/// `super().name` reaching a built-in base whose methods take the instance
/// (`Slots::payload_subclass`): what that type's `getattr` gives for the instance.
fn payload_base_attr(
    vm: &mut Vm,
    mro: &[TypeRef],
    obj: Option<&Value>,
    name: &str,
) -> PyResult<Option<Value>> {
    let Some(obj) = obj.filter(|o| !payload(o).is(o)) else {
        return Ok(None);
    };
    for t in mro {
        if let TypeRef::Builtin(b) = t {
            if vm.slots.get(*b).payload_subclass {
                return builtin_data_attr(vm, obj, *b, name);
            }
        }
    }
    Ok(None)
}

fn method_attr(vm: &mut Vm, m: &Method, name: &str) -> PyResult<Value> {
    match name {
        "__func__" => Ok(m.func.clone()),
        "__self__" => Ok(m.receiver.clone()),
        "__class__" => Ok(Value::Type(TypeRef::Builtin(TypeId::Method))),
        // Calling it is calling the method.
        "__call__" => Ok(Value::Method(Rc::new(Method {
            func: m.func.clone(),
            receiver: m.receiver.clone(),
            young_slot: Default::default(),
        }))),
        _ => get_attr(vm, &m.func.clone(), name),
    }
}

fn module_attr(m: &Module, name: &str) -> PyResult<Value> {
    if let Some(v) = m.attrs.borrow().get_str(name) {
        return Ok(v);
    }
    match name {
        "__name__" => Ok(Value::Str(m.name.clone())),
        "__class__" => Ok(Value::Type(TypeRef::Builtin(TypeId::Module))),
        "__dict__" => Ok(Value::Dict(m.attrs.clone())),
        _ => Err(exc(
            TypeId::AttributeError,
            format!("module '{}' has no attribute '{name}'", m.name),
        )),
    }
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

/// Attributes of a built-in type object: names, class methods, unbound
/// methods.
fn type_attr(vm: &mut Vm, t: TypeId, name: &str) -> PyResult<Value> {
    let this = TypeRef::Builtin(t);
    match name {
        "__name__" | "__qualname__" => return Ok(Value::str(t.name())),
        "__module__" => return Ok(Value::str(t.module())),
        "__doc__" => return Ok(Value::None),
        "__class__" => return Ok(Value::Type(TypeRef::Builtin(TypeId::Type))),
        "__base__" if t != TypeId::Object => return Ok(Value::Type(TypeRef::Builtin(t.base()))),
        "__bases__" => return Ok(types_tuple(this.bases())),
        "__mro__" => return Ok(types_tuple(this.mro())),
        "__dict__" => return builtin_type_dict(vm, t),
        _ => {}
    }
    let class_method = vm.slots.inherited(t, |s| {
        s.class_methods.iter().find(|(n, _)| *n == name).copied()
    });
    if let Some((name, func)) = class_method {
        return Ok(method(name, func, &Value::Type(this)));
    }
    if let Some((name, func)) = vm.slots.method(t, name) {
        if name == "__new__" {
            // Keyed by the type that defines it, as a class's lookup finds it.
            let owner = match find_in_mro(vm, &this.mro(), name) {
                Some(Found::Builtin(owner, _, _)) => owner,
                _ => t,
            };
            return Ok(static_new(vm, owner, func));
        }
        return Ok(unbound_method(vm, t, name));
    }
    // The methods of its type (`int.mro()`).
    if let Some((name, func)) = vm.slots.get(TypeId::Type).find(name) {
        return Ok(method(name, func, &Value::Type(this)));
    }
    Err(exc(
        TypeId::AttributeError,
        format!("type object '{}' has no attribute '{name}'", t.tp_name()),
    ))
}

/// `int.__dict__`: the attributes a built-in type defines itself (its
/// methods, special methods and class methods), each as the type gives it.
fn builtin_type_dict(vm: &mut Vm, t: TypeId) -> PyResult<Value> {
    let slots = vm.slots.get(t);
    let names: Vec<&'static str> = (slots.methods.iter())
        .chain(slots.special)
        .chain(slots.class_methods)
        .map(|(n, _)| *n)
        .collect();
    let mut dict = crate::object::dict::Dict::default();
    for name in names {
        if dict.get_str(name).is_none() {
            let value = type_attr(vm, t, name)?;
            dict.insert_str(name, value);
        }
    }
    Ok(Value::dict(dict))
}

/// `__new__` taken from a built-in type or a class deriving from it: a
/// static method (it takes the class explicitly), made once per type so that
/// `C.__new__ is object.__new__` holds as in CPython.
fn static_new(vm: &mut Vm, t: TypeId, func: NativeFn) -> Value {
    vm.unbound_methods
        .entry((t, "__new__"))
        .or_insert_with(|| method("__new__", func, &Value::None))
        .clone()
}

/// `str.upper`: a method of a built-in type taken from the type, called
/// with the object first.
fn unbound_method(vm: &mut Vm, t: TypeId, name: &'static str) -> Value {
    vm.unbound_methods
        .entry((t, name))
        .or_insert_with(|| {
            let receiver = Value::tuple(vec![Value::Type(TypeRef::Builtin(t)), Value::str(name)]);
            method(name, call_unbound, &receiver)
        })
        .clone()
}

/// `str.upper("abc")`: the receiver is `(type, method name)`; the first
/// argument becomes `self`.
fn call_unbound(vm: &mut Vm, receiver: &Value, mut args: Args) -> PyResult<Value> {
    let Value::Tuple(parts) = receiver else {
        return Err(type_error("bad unbound method"));
    };
    let (Value::Type(TypeRef::Builtin(t)), Value::Str(name)) = (&parts[0], &parts[1]) else {
        return Err(type_error("bad unbound method"));
    };
    if args.pos.is_empty() {
        return Err(type_error(format!(
            "unbound method {}.{name}() needs an argument",
            t.name()
        )));
    }
    let this = args.pos.remove(0);
    if !type_of(&this).is_subclass_of(*t) {
        return Err(type_error(format!(
            "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
            t.name(),
            type_of(&this).name()
        )));
    }
    let Some((name, func)) = vm.slots.method(*t, name) else {
        return Err(type_error("bad unbound method"));
    };
    let bound = method(name, func, &bind_target(vm, &this, *t, name));
    vm.call(&bound, args)
}

/// `obj.name = v`.
pub fn set_attr(vm: &mut Vm, obj: &Value, name: &str, v: Value) -> PyResult<()> {
    match obj {
        Value::Instance(i) => {
            let class = i.class.borrow().clone();
            return instance_setattr(vm, obj, &class, name, Some(v));
        }
        Value::Exception(e) => {
            if let TypeRef::Class(class) = &e.class {
                let class = class.clone();
                return instance_setattr(vm, obj, &class, name, Some(v));
            }
        }
        Value::Type(TypeRef::Class(class)) => {
            return class_setattr(vm, obj, &class.clone(), name, Some(v));
        }
        Value::Module(m) => {
            m.complete(vm)?;
            m.attrs.borrow_mut().insert_str(name, v);
            return Ok(());
        }
        Value::Type(TypeRef::Builtin(t)) => {
            return Err(type_error(format!(
                "cannot set '{name}' attribute of immutable type '{}'",
                t.name()
            )))
        }
        _ => {}
    }
    let t = builtin_type_of(obj);
    if let Some(setattr) = vm.slots.inherited(t, |s| s.setattr) {
        if setattr(vm, obj, name, Some(v.clone()))? {
            return Ok(());
        }
    }
    if let Value::Exception(e) = obj {
        e.attributes().borrow_mut().insert_str(name, v);
        return Ok(());
    }
    Err(read_only(vm, obj, name))
}

/// `del obj.name`.
pub fn del_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<()> {
    match obj {
        Value::Instance(i) => {
            let class = i.class.borrow().clone();
            instance_setattr(vm, obj, &class, name, None)
        }
        Value::Exception(e) => match &e.class {
            TypeRef::Class(class) => {
                let class = class.clone();
                instance_setattr(vm, obj, &class, name, None)
            }
            TypeRef::Builtin(_) => remove_instance_attr(obj, name),
        },
        Value::Type(TypeRef::Class(class)) => class_setattr(vm, obj, &class.clone(), name, None),
        Value::Module(m) => {
            m.complete(vm)?;
            match m.attrs.borrow_mut().remove_str(name) {
                Some(_) => Ok(()),
                None => Err(exc(
                    TypeId::AttributeError,
                    format!("module '{}' has no attribute '{name}'", m.name),
                )),
            }
        }
        Value::Type(TypeRef::Builtin(t)) => Err(type_error(format!(
            "cannot delete '{name}' attribute of immutable type '{}'",
            t.name()
        ))),
        _ => {
            let t = builtin_type_of(obj);
            if let Some(delattr) = vm.slots.inherited(t, |s| s.setattr) {
                if delattr(vm, obj, name, None)? {
                    return Ok(());
                }
            }
            Err(read_only(vm, obj, name))
        }
    }
}

/// `Class.name = v` (`Some`) or `del Class.name` (`None`): the
/// metaclass's `__setattr__` / `__delattr__`, or `type`'s.
fn class_setattr(
    vm: &mut Vm,
    obj: &Value,
    class: &Rc<Class>,
    name: &str,
    v: Option<Value>,
) -> PyResult<()> {
    if let TypeRef::Class(meta) = &class.metaclass {
        if setattr_hook(vm, meta, obj, name, &v)? {
            return Ok(());
        }
    }
    type_setattr(vm, obj, class, name, v)
}

/// Run the `__setattr__` (`v` is `Some`) or `__delattr__` that Python code
/// defines for `obj`'s type `t`; false when it defines none.
fn setattr_hook(
    vm: &mut Vm,
    t: &Rc<Class>,
    obj: &Value,
    name: &str,
    v: &Option<Value>,
) -> PyResult<bool> {
    let hook = if v.is_some() {
        "__setattr__"
    } else {
        "__delattr__"
    };
    let Some(f) = t.lookup_override(hook) else {
        return Ok(false);
    };
    let mut args = vec![Value::str(name)];
    args.extend(v.clone());
    vm.call_method(&f, obj, Args::new(args))?;
    Ok(true)
}

/// `type.__setattr__(class, name, v)` / `type.__delattr__(class, name)`:
/// through a data descriptor of the metaclass, else in the class's
/// namespace.
pub fn type_setattr(
    vm: &mut Vm,
    obj: &Value,
    class: &Rc<Class>,
    name: &str,
    v: Option<Value>,
) -> PyResult<()> {
    let meta = &class.metaclass;
    if let Some(Found::Attr(d)) = find_in_mro(vm, &meta.mro(), name) {
        if set_through_descriptor(vm, &d, obj, &meta.name(), name, &v)? {
            return Ok(());
        }
    }
    if v.is_none() && class.dict.borrow().get_str(name).is_none() {
        return Err(exc(
            TypeId::AttributeError,
            format!(
                "type object '{}' has no attribute '{name}'",
                class.name.borrow()
            ),
        ));
    }
    set_class_attr(class, name, v);
    Ok(())
}

/// Set (`Some`) or delete (`None`) a class attribute.
fn set_class_attr(class: &Rc<Class>, name: &str, v: Option<Value>) {
    match (name, v) {
        ("__name__", Some(Value::Str(s))) => *class.name.borrow_mut() = s,
        ("__qualname__", Some(Value::Str(s))) => *class.qualname.borrow_mut() = s,
        (_, Some(v)) => class.dict.borrow_mut().insert_str(name, v),
        (_, None) => {
            class.dict.borrow_mut().remove_str(name);
        }
    }
}

/// `obj.name = v` (`Some`) or `del obj.name` (`None`) on an instance of a
/// class: its `__setattr__` / `__delattr__`, or `object`'s.
fn instance_setattr(
    vm: &mut Vm,
    obj: &Value,
    class: &Rc<Class>,
    name: &str,
    v: Option<Value>,
) -> PyResult<()> {
    if setattr_hook(vm, class, obj, name, &v)? {
        return Ok(());
    }
    object_setattr(vm, obj, class, name, v)
}

/// `object.__setattr__(obj, name, v)` / `object.__delattr__(obj, name)`.
pub fn object_setattr(
    vm: &mut Vm,
    obj: &Value,
    class: &Rc<Class>,
    name: &str,
    v: Option<Value>,
) -> PyResult<()> {
    let owner = TypeRef::Class(class.clone());
    if let Some(Found::Attr(d)) = find_in_class_mro(vm, class, &StrKey::new(name)) {
        let type_name = class.name.borrow().clone();
        if set_through_descriptor(vm, &d, obj, &type_name, name, &v)? {
            return Ok(());
        }
    }
    if let (Value::Exception(_), Some(value)) = (obj, &v) {
        if let Some(setattr) = vm.slots.inherited(TypeId::BaseException, |s| s.setattr) {
            if setattr(vm, obj, name, Some(value.clone()))? {
                return Ok(());
            }
        }
    }
    if let Some(slots) = &class.slots {
        if !slots.iter().any(|s| &**s == name) {
            return Err(exc(
                TypeId::AttributeError,
                format!("'{}' object has no attribute '{name}'", owner.name()),
            ));
        }
    }
    match v {
        Some(v) => {
            if let Some(dict) = instance_dict(obj) {
                dict.borrow_mut().insert_str(name, v);
            }
            Ok(())
        }
        None => remove_instance_attr(obj, name),
    }
}

/// `obj.name = v` (`Some`) or `del obj.name` (`None`) through `d`, found
/// on the type of `obj` (named `type_name`), if it is a data descriptor (a
/// property, or an object whose class defines `__set__` / `__delete__`):
/// false when it is not one.
fn set_through_descriptor(
    vm: &mut Vm,
    d: &Value,
    obj: &Value,
    type_name: &str,
    name: &str,
    v: &Option<Value>,
) -> PyResult<bool> {
    if let Some(p) = downcast::<Property>(d) {
        let (func, what) = match v {
            Some(_) => (&p.fset, "setter"),
            None => (&p.fdel, "deleter"),
        };
        if func.is_none() {
            return Err(exc(
                TypeId::AttributeError,
                format!("property '{name}' of '{type_name}' object has no {what}"),
            ));
        }
        let mut args = vec![obj.clone()];
        args.extend(v.clone());
        vm.call(&func.clone(), Args::new(args))?;
        return Ok(true);
    }
    let hook = if v.is_some() { "__set__" } else { "__delete__" };
    if let Some(f) = type_of(d).lookup_override(hook) {
        let mut args = vec![obj.clone()];
        args.extend(v.clone());
        vm.call_method(&f, d, Args::new(args))?;
        return Ok(true);
    }
    Ok(false)
}

fn remove_instance_attr(obj: &Value, name: &str) -> PyResult<()> {
    let removed = instance_dict(obj).and_then(|d| d.borrow_mut().remove_str(name));
    match removed {
        Some(_) => Ok(()),
        None => Err(no_attribute(obj, name)),
    }
}

fn read_only(vm: &Vm, obj: &Value, name: &str) -> ExcRef {
    if vm.slots.method(builtin_type_of(obj), name).is_some() {
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
