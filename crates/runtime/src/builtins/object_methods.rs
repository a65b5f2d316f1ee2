//! The special methods of the built-in types that classes inherit and call
//! explicitly (`super().__init__(...)`, `object.__setattr__(self, ...)`,
//! `dict.__setitem__(self, ...)`), and the built-ins of the object model:
//! `super`, `property`, `classmethod`, `staticmethod`, `vars`.

use std::rc::Rc;

use super::args::{count_range, exactly_one, no_kwargs};
use crate::attrs;
use crate::compile::scope::mangle;
use crate::object::exceptions::{exc, type_error, Exception};
use crate::object::native::downcast;
use crate::object::pystr::PyStr;
use crate::object::types::{type_of, Class, TypeId, TypeRef};
use crate::object::value::{address_of, Args, NativeFn, PyResult, Value};
use crate::ops;
use crate::vm::descriptors::{MethodWrapper, Property};
use crate::vm::Vm;

/// `object`'s special methods.
pub const OBJECT_METHODS: &[(&str, NativeFn)] = &[
    ("__init__", object_init),
    ("__new__", object_new),
    ("__setattr__", object_setattr),
    ("__getattribute__", object_getattribute),
    ("__delattr__", object_delattr),
    ("__repr__", object_repr),
    ("__str__", object_str),
    ("__eq__", object_eq),
    ("__ne__", object_ne),
    ("__lt__", not_implemented),
    ("__le__", not_implemented),
    ("__gt__", not_implemented),
    ("__ge__", not_implemented),
    ("__hash__", object_hash),
    ("__format__", object_format),
    ("__init_subclass__", object_init_subclass),
    ("__getstate__", object_getstate),
];

/// `BaseException`'s special methods (beside `exception_methods`').
pub const EXCEPTION_SPECIALS: &[(&str, NativeFn)] = &[
    ("__init__", exception_init),
    ("__new__", exception_new),
    ("__str__", exception_str),
    ("__repr__", exception_repr),
];

/// The class of an object (an instance, or an exception of a class).
fn class_of(v: &Value) -> Option<Rc<Class>> {
    type_of(v).class().cloned()
}

fn object_init(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    if args.pos.is_empty() && args.kw.is_empty() {
        return Ok(Value::None);
    }
    if let Some(class) = class_of(recv) {
        if class.lookup_override("__init__").is_some() {
            return Err(type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if class.lookup_override("__new__").is_none() {
            return Err(type_error(format!(
                "{}() takes no arguments",
                class.name.borrow()
            )));
        }
    }
    Ok(Value::None)
}

/// `object.__new__(cls, *args)`: a static method, `cls` comes first.
fn object_new(vm: &mut Vm, _recv: &Value, mut args: Args) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(type_error("object.__new__(): not enough arguments"));
    }
    match args.pos.remove(0) {
        Value::Type(TypeRef::Class(class)) => vm.default_new(&class, &args),
        Value::Type(TypeRef::Builtin(TypeId::Object)) => Ok(Value::Native(Rc::new(PlainObject))),
        // `int.__new__(int, 5)`: the built-in type makes its value.
        t @ Value::Type(TypeRef::Builtin(_)) => vm.call(&t, args),
        other => Err(type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            type_of(&other).name()
        ))),
    }
}

/// `object()`: an object with no attributes.
pub struct PlainObject;

impl crate::object::native::NativeObject for PlainObject {
    fn class_id(&self) -> TypeId {
        TypeId::Object
    }

    fn repr(&self) -> String {
        let address = crate::object::value::address_of_ptr(self as *const PlainObject as usize);
        format!("<object object at {address:#x}>")
    }
}

pub(super) fn name_arg(v: &Value) -> PyResult<Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(type_error(format!(
            "attribute name must be string, not '{}'",
            type_of(other).name()
        ))),
    }
}

fn object_setattr(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("__setattr__", &args, 2, 2)?;
    let name = name_arg(&args.pos[0])?;
    match class_of(recv) {
        Some(class) => attrs::object_setattr(vm, recv, &class, &name, Some(args.pos[1].clone()))?,
        None => attrs::set_attr(vm, recv, &name, args.pos[1].clone())?,
    }
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let name = name_arg(&exactly_one("__getattribute__", &args)?)?;
    match class_of(recv) {
        Some(class) => attrs::object_getattribute(vm, recv, &class, &name),
        None => attrs::get_attr(vm, recv, &name),
    }
}

fn object_delattr(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let name = name_arg(&exactly_one("__delattr__", &args)?)?;
    match class_of(recv) {
        Some(class) => attrs::object_setattr(vm, recv, &class, &name, None)?,
        None => attrs::del_attr(vm, recv, &name)?,
    }
    Ok(Value::None)
}

/// `object.__repr__`: `<module.Class object at 0x...>`, whatever the
/// class's own `__repr__`.
fn object_repr(_vm: &mut Vm, recv: &Value, _args: Args) -> PyResult<Value> {
    let t = type_of(recv);
    let prefix = match t.module().as_ref() {
        "builtins" => String::new(),
        m => format!("{m}."),
    };
    Ok(Value::string(format!(
        "<{prefix}{} object at {:#x}>",
        t.qualname(),
        address_of(recv)
    )))
}

/// `object.__str__`: `repr(self)`.
fn object_str(vm: &mut Vm, recv: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::str(&crate::repr::repr(vm, recv)?))
}

/// `object.__getstate__()` (3.11's `object_getstate_default`), which pickle and
/// copy use: the instance's `__dict__`, or None when it is empty; and when the
/// classes declare slots that are set, a pair of that and a dict of them.
fn object_getstate(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("__getstate__", &args, 0, 0)?;
    let dict = match recv {
        Value::Instance(i) => Some(i.dict.clone()),
        Value::Exception(e) => Some(e.attributes()),
        _ => None,
    };
    let slot_names = slot_names(vm, recv)?;
    // An instance keeps its slots' values in its dict, beside its attributes.
    let state = match dict {
        None => Value::None,
        Some(d) if d.borrow().is_empty() => Value::None,
        Some(d) if slot_names.is_empty() => Value::Dict(d),
        Some(d) => {
            let mut attributes = d.borrow().clone();
            for name in &slot_names {
                attributes.remove_str(name);
            }
            if attributes.is_empty() {
                Value::None
            } else {
                Value::Dict(Rc::new(std::cell::RefCell::new(attributes)))
            }
        }
    };
    let mut slots = crate::object::dict::Dict::new();
    for name in &slot_names {
        match attrs::get_attr(vm, recv, name) {
            Ok(v) => slots.insert_str(name, v),
            Err(e) if e.is(TypeId::AttributeError) => {}
            Err(e) => return Err(e),
        }
    }
    if slots.is_empty() {
        return Ok(state);
    }
    let slots = Value::Dict(Rc::new(std::cell::RefCell::new(slots)));
    Ok(Value::tuple(vec![state, slots]))
}

/// `copyreg._slotnames(type(obj))`: the `__slots__` every class of the MRO
/// declares itself, private ones mangled, without `__dict__` and `__weakref__`.
fn slot_names(vm: &mut Vm, obj: &Value) -> PyResult<Vec<String>> {
    let mut names = Vec::new();
    for t in type_of(obj).mro() {
        let TypeRef::Class(class) = t else { continue };
        let Some(declared) = class.dict.borrow().get_str("__slots__") else {
            continue;
        };
        let declared = match declared {
            Value::Str(s) => vec![Value::Str(s)],
            other => crate::iterators::collect(vm, &other)?,
        };
        let class_name = class.name.borrow().clone();
        for name in declared {
            let Value::Str(name) = name else { continue };
            if &*name == "__dict__" || &*name == "__weakref__" {
                continue;
            }
            names.push(mangle(Some(&class_name), &name).into_owned());
        }
    }
    Ok(names)
}

fn object_eq(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let other = exactly_one("__eq__", &args)?;
    Ok(if recv.is(&other) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}

/// `object.__ne__`: the inverse of the type's `__eq__`.
fn object_ne(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let other = exactly_one("__ne__", &args)?;
    let eq = match type_of(recv).lookup_override("__eq__") {
        Some(f) => vm.call_method(&f, recv, Args::new(vec![other]))?,
        None => object_eq(vm, recv, Args::new(vec![other]))?,
    };
    Ok(match eq {
        Value::NotImplemented => Value::NotImplemented,
        v => Value::Bool(!ops::truthy(vm, &v)?),
    })
}

fn not_implemented(_vm: &mut Vm, _recv: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::NotImplemented)
}

fn object_hash(_vm: &mut Vm, recv: &Value, _args: Args) -> PyResult<Value> {
    let address = address_of(recv);
    Ok(Value::Int(crate::object::hash::pointer_hash(address)))
}

fn object_format(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    match exactly_one("__format__", &args)? {
        Value::Str(s) if s.is_empty() => Ok(Value::str(&crate::repr::str_of(vm, recv)?)),
        Value::Str(_) => Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_of(recv).name()
        ))),
        other => Err(type_error(format!(
            "__format__() argument must be str, not {}",
            type_of(&other).name()
        ))),
    }
}

/// `object.__init_subclass__(cls)`: takes no keywords.
fn object_init_subclass(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    if args.kw.is_empty() && args.pos.is_empty() {
        return Ok(Value::None);
    }
    let name = match recv {
        Value::Type(t) => t.name().into_owned(),
        _ => "object".to_string(),
    };
    Err(type_error(format!(
        "{name}.__init_subclass__() takes no keyword arguments"
    )))
}

fn this_exception(recv: &Value) -> PyResult<Rc<Exception>> {
    match recv {
        Value::Exception(e) => Ok(e.clone()),
        other => Err(type_error(format!(
            "descriptor '__init__' requires a 'BaseException' object but received a '{}'",
            type_of(other).name()
        ))),
    }
}

/// `BaseException.__init__(self, *args)`: sets `args`.
fn exception_init(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let e = this_exception(recv)?;
    if e.is(TypeId::ImportError) {
        *e.args.borrow_mut() = args.pos.into_vec();
        crate::object::exceptions::init_import_error(&e, args.kw)?;
        return Ok(Value::None);
    }
    if !args.kw.is_empty() {
        return Err(type_error(format!(
            "{}() takes no keyword arguments",
            e.class.name()
        )));
    }
    *e.args.borrow_mut() = args.pos.into_vec();
    Ok(Value::None)
}

/// `BaseException.__new__(cls, *args)`.
fn exception_new(_vm: &mut Vm, _recv: &Value, mut args: Args) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(type_error("BaseException.__new__(): not enough arguments"));
    }
    match args.pos.remove(0) {
        Value::Type(t) if t.is_exception() => Ok(Value::Exception(Exception::of_class(
            t,
            args.pos.into_vec(),
        ))),
        other => Err(type_error(format!(
            "BaseException.__new__(X): X is not a subtype of BaseException ({})",
            type_of(&other).name()
        ))),
    }
}

fn exception_str(_vm: &mut Vm, recv: &Value, _args: Args) -> PyResult<Value> {
    let e = this_exception(recv)?;
    Ok(Value::str(&crate::repr::exception_str(Some(_vm), &e)?))
}

fn exception_repr(vm: &mut Vm, recv: &Value, _args: Args) -> PyResult<Value> {
    let e = this_exception(recv)?;
    let args = crate::repr::visible_args(&e);
    let mut parts = Vec::with_capacity(args.len());
    for a in &args {
        parts.push(crate::repr::repr(vm, a)?);
    }
    Ok(Value::string(format!(
        "{}({})",
        e.class.name(),
        parts.join(", ")
    )))
}

/// `super()` / `super(class, obj)`.
pub fn super_new(vm: &mut Vm, _t: TypeId, args: Args) -> PyResult<Value> {
    no_kwargs("super", &args)?;
    match args.pos.as_slice() {
        [] => vm.zero_arg_super(),
        [Value::Type(class), obj] => crate::vm::new_super(class.clone(), obj.clone()),
        [other, _] => Err(type_error(format!(
            "super() argument 1 must be a type, not {}",
            type_of(other).name()
        ))),
        _ => Err(type_error("super() takes 0 or 2 arguments in Loopscope")),
    }
}

/// `staticmethod(f)` / `classmethod(f)`.
pub fn wrapper_new(_vm: &mut Vm, kind: TypeId, args: Args) -> PyResult<Value> {
    let func = exactly_one(kind.name(), &args)?;
    Ok(Value::Native(Rc::new(MethodWrapper { kind, func })))
}

/// `__func__` of a staticmethod or classmethod, and `__isabstractmethod__`
/// (its function's).
pub fn wrapper_getattr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(w) = downcast::<MethodWrapper>(obj) else {
        return Ok(None);
    };
    Ok(match name {
        "__func__" | "__wrapped__" => Some(w.func.clone()),
        "__isabstractmethod__" => Some(Value::Bool(is_abstract(vm, &w.func)?)),
        _ => None,
    })
}

/// Whether `f.__isabstractmethod__` is true (false when `f` has none), as
/// the descriptors that wrap functions answer it for `abc`.
fn is_abstract(vm: &mut Vm, f: &Value) -> PyResult<bool> {
    match attrs::get_attr(vm, f, "__isabstractmethod__") {
        Ok(flag) => ops::truthy(vm, &flag),
        Err(e) if e.is(TypeId::AttributeError) => Ok(false),
        Err(e) => Err(e),
    }
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`.
pub fn property_new(_vm: &mut Vm, _t: TypeId, mut args: Args) -> PyResult<Value> {
    let names = ["fget", "fset", "fdel", "doc"];
    if args.pos.len() > names.len() {
        return Err(type_error(format!(
            "property() takes at most 4 arguments ({} given)",
            args.pos.len()
        )));
    }
    let mut values = [Value::None, Value::None, Value::None, Value::None];
    for (slot, v) in values.iter_mut().zip(args.pos.drain(..)) {
        *slot = v;
    }
    for (k, v) in args.kw.drain(..) {
        match names.iter().position(|n| *n == k.as_str()) {
            Some(i) => values[i] = v,
            None => {
                return Err(type_error(format!(
                    "'{k}' is an invalid keyword argument for property()"
                )))
            }
        }
    }
    let [fget, fset, fdel, doc] = values;
    Ok(Value::Native(Rc::new(Property {
        fget,
        fset,
        fdel,
        doc,
    })))
}

pub const PROPERTY_METHODS: &[(&str, NativeFn)] = &[
    ("getter", property_getter),
    ("setter", property_setter),
    ("deleter", property_deleter),
];

fn this_property(recv: &Value) -> PyResult<Rc<Property>> {
    downcast::<Property>(recv).ok_or_else(|| type_error("descriptor requires a 'property' object"))
}

/// A copy of a property with one of its functions replaced.
fn property_with(recv: &Value, args: &Args, which: usize) -> PyResult<Value> {
    let p = this_property(recv)?;
    let f = exactly_one("setter", args)?;
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    parts[which] = f;
    let [fget, fset, fdel] = parts;
    Ok(Value::Native(Rc::new(Property {
        fget,
        fset,
        fdel,
        doc: p.doc.clone(),
    })))
}

fn property_getter(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    property_with(recv, &args, 0)
}

fn property_setter(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    property_with(recv, &args, 1)
}

fn property_deleter(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    property_with(recv, &args, 2)
}

pub fn property_getattr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(p) = downcast::<Property>(obj) else {
        return Ok(None);
    };
    Ok(match name {
        "fget" => Some(p.fget.clone()),
        "fset" => Some(p.fset.clone()),
        "fdel" => Some(p.fdel.clone()),
        "__doc__" => Some(p.doc.clone()),
        "__isabstractmethod__" => {
            let mut abstract_ = false;
            for f in [&p.fget, &p.fset, &p.fdel] {
                abstract_ = abstract_ || is_abstract(vm, f)?;
            }
            Some(Value::Bool(abstract_))
        }
        _ => None,
    })
}

/// `vars(obj)`: its `__dict__`.
pub fn vars(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    count_range("vars", &args, 0, 1)?;
    let Some(obj) = args.pos.first() else {
        return Err(exc(
            TypeId::NotImplementedError,
            "vars() without an argument is not supported yet",
        ));
    };
    attrs::get_attr(vm, obj, "__dict__").map_err(|e| {
        if e.is(TypeId::AttributeError) {
            type_error("vars() argument must have __dict__ attribute")
        } else {
            e
        }
    })
}
