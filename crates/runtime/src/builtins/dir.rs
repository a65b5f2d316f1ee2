//! `dir()`: the sorted names of the current scope, or of an object — its
//! class's `__dir__` when Python code defines one, else CPython's default:
//! a module's namespace; a class's attributes and its bases'; an
//! instance's own attributes, `__class__` and its class's.

use std::collections::BTreeSet;
use std::rc::Rc;

use super::args::count_range;
use crate::object::pystr::PyStr;
use crate::object::types::{type_of, TypeId, TypeRef};
use crate::object::value::{Args, PyResult, Value};
use crate::vm::Vm;

/// What `dir(object)` lists in CPython 3.11: every object has these.
const OBJECT_NAMES: &[&str] = &[
    "__class__",
    "__delattr__",
    "__dir__",
    "__doc__",
    "__eq__",
    "__format__",
    "__ge__",
    "__getattribute__",
    "__getstate__",
    "__gt__",
    "__hash__",
    "__init__",
    "__init_subclass__",
    "__le__",
    "__lt__",
    "__ne__",
    "__new__",
    "__reduce__",
    "__reduce_ex__",
    "__repr__",
    "__setattr__",
    "__sizeof__",
    "__str__",
    "__subclasshook__",
];

/// What CPython's built-in types list besides their methods: data attributes
/// (which their `getattr` slot answers) and the class-level names; asyncio's
/// futures and tasks, whose methods their `getattr` slot answers, all of
/// their C types' names.
const TYPE_NAMES: &[(TypeId, &[&str])] = &[
    (
        TypeId::Int,
        &["__getnewargs__", "denominator", "imag", "numerator", "real"],
    ),
    (TypeId::Float, &["__getnewargs__", "imag", "real"]),
    (TypeId::Complex, &["imag", "real"]),
    (TypeId::Str, &["__getnewargs__"]),
    (TypeId::Bytes, &["__getnewargs__"]),
    (TypeId::Tuple, &["__class_getitem__", "__getnewargs__"]),
    (TypeId::List, &["__class_getitem__"]),
    (TypeId::Dict, &["__class_getitem__"]),
    (TypeId::Set, &["__class_getitem__"]),
    (TypeId::FrozenSet, &["__class_getitem__"]),
    (TypeId::Range, &["start", "step", "stop"]),
    (TypeId::Slice, &["start", "step", "stop"]),
    (
        TypeId::Future,
        &[
            "__await__",
            "__class_getitem__",
            "__del__",
            "__iter__",
            "_asyncio_future_blocking",
            "_callbacks",
            "_cancel_message",
            "_exception",
            "_log_traceback",
            "_loop",
            "_make_cancelled_error",
            "_result",
            "_source_traceback",
            "_state",
            "add_done_callback",
            "cancel",
            "cancelled",
            "done",
            "exception",
            "get_loop",
            "remove_done_callback",
            "result",
            "set_exception",
            "set_result",
        ],
    ),
    (
        TypeId::Task,
        &[
            "_coro",
            "_fut_waiter",
            "_log_destroy_pending",
            "_must_cancel",
            "cancelling",
            "get_coro",
            "get_name",
            "get_stack",
            "print_stack",
            "set_name",
            "uncancel",
        ],
    ),
    (
        TypeId::BaseException,
        &[
            "__cause__",
            "__context__",
            "__dict__",
            "__setstate__",
            "__suppress_context__",
            "__traceback__",
            "args",
        ],
    ),
];

/// `dir([obj])`.
pub fn dir(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    count_range("dir", &args, 0, 1)?;
    let names = match args.pos.first() {
        None => {
            let scope = super::functions::locals(vm, &Value::None, Args::default())?;
            strings(vm, &scope)?
        }
        Some(obj) => match type_of(obj).lookup_override("__dir__") {
            Some(f) => {
                let listed = vm.call_method(&f, obj, Args::default())?;
                let mut items = crate::iterators::collect(vm, &listed)?;
                super::sort::sort_values(vm, &mut items, None, None)?;
                return Ok(Value::list(items));
            }
            None => default_names(vm, obj)?,
        },
    };
    Ok(Value::list(names.into_iter().map(Value::Str).collect()))
}

/// The names an iterable of strings holds, sorted.
fn strings(vm: &mut Vm, v: &Value) -> PyResult<BTreeSet<Rc<PyStr>>> {
    let mut names = BTreeSet::new();
    for item in crate::iterators::collect(vm, v)? {
        if let Value::Str(s) = item {
            names.insert(s);
        }
    }
    Ok(names)
}

/// `object.__dir__` / `type.__dir__` / `module.__dir__`.
fn default_names(vm: &mut Vm, obj: &Value) -> PyResult<BTreeSet<Rc<PyStr>>> {
    let mut names = BTreeSet::new();
    match obj {
        Value::Module(m) => {
            m.complete(vm)?;
            names.extend(m.attrs.borrow().keys().into_iter().filter_map(as_name));
            return Ok(names);
        }
        Value::Type(t) => {
            add_type(vm, t, &mut names);
            return Ok(names);
        }
        _ => {}
    }
    if let Ok(Value::Dict(own)) = crate::attrs::get_attr(vm, obj, "__dict__") {
        names.extend(own.borrow().keys().into_iter().filter_map(as_name));
    }
    add_type(vm, &type_of(obj), &mut names);
    Ok(names)
}

/// The attributes of a type and of the types of its MRO.
fn add_type(vm: &Vm, t: &TypeRef, names: &mut BTreeSet<Rc<PyStr>>) {
    for t in t.mro() {
        match t {
            TypeRef::Class(c) => {
                names.extend(c.dict.borrow().keys().into_iter().filter_map(as_name));
                match &c.slots {
                    // CPython's class holds a descriptor for each slot.
                    Some(slots) => names.extend(slots.iter().map(PyStr::rc)),
                    None if c.layout == TypeId::Object => {
                        names.extend(["__dict__", "__weakref__"].map(PyStr::rc))
                    }
                    None => {}
                }
                names.insert(PyStr::rc("__module__"));
            }
            TypeRef::Builtin(TypeId::Object) => {
                names.extend(OBJECT_NAMES.iter().map(|n| PyStr::rc(*n)))
            }
            TypeRef::Builtin(b) => {
                let slots = vm.slots.get(b);
                let own = slots
                    .methods
                    .iter()
                    .chain(slots.special)
                    .chain(slots.class_methods);
                names.extend(own.map(|(n, _)| PyStr::rc(*n)));
                names.extend(slots.data_attributes.iter().map(|n| PyStr::rc(*n)));
                let listed = TYPE_NAMES.iter().filter(|(t, _)| *t == b);
                names.extend(listed.flat_map(|(_, n)| n.iter().map(|n| PyStr::rc(*n))));
            }
        }
    }
}

fn as_name(key: Value) -> Option<Rc<PyStr>> {
    match key {
        Value::Str(s) => Some(s),
        _ => None,
    }
}
