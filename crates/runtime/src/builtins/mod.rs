//! The `builtins` namespace: built-in functions, the built-in types as
//! callables, and every built-in exception class.
//!
//! Methods of the built-in types live in the `*_methods` modules and are
//! found by `attrs::get_attr`; calling a type is [`construct`].

pub mod args;
pub mod arithmetic;
mod bytearray_methods;
pub mod bytes_methods;
mod codecs;
mod complex_methods;
mod construct;
pub mod dict_methods;
mod dir;
mod dynamic_code;
pub mod exception_methods;
pub mod frame_object;
pub mod function_attrs;
pub mod functions;
pub mod generator_methods;
mod interactive;
pub mod list_methods;
mod memoryview_methods;
pub mod misc_methods;
pub mod numbers;
pub mod object_methods;
pub mod set_methods;
mod slice_methods;
pub mod sort;
pub mod str_format;
pub mod str_methods;
mod str_translate;
pub mod traceback_object;
mod type_methods;
mod value_specials;

use std::rc::Rc;

use crate::object::types::{TypeId, TypeRef};
use crate::object::value::{Args, Builtin, ExcRef, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub use construct::construct;

/// A plain built-in function value.
pub fn function(name: &'static str, func: NativeFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        func,
        receiver: Value::None,
    }))
}

pub use crate::object::exceptions::cpython_error;

/// `exit()` / `quit()` / `sys.exit()`: raise SystemExit.
pub fn raise_exit(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    args::count_range("exit", &args, 0, 1)?;
    Err(crate::object::exceptions::Exception::new(
        TypeId::SystemExit,
        args.pos.into_vec(),
    ))
}

/// The exit status of a program ended by an uncaught SystemExit (or a subclass), as
/// CPython's `_Py_HandleSystemExit` computes it from the exception's `code`: None → 0,
/// an int → its low byte (one past a C long → 255, as `PyLong_AsLong`'s -1), anything
/// else is printed to stderr and gives 1.
pub fn exit_status(vm: &mut Vm, e: &ExcRef) -> i32 {
    let code = crate::attrs::get_attr(vm, &Value::Exception(e.clone()), "code")
        .unwrap_or_else(|_| e.first_arg());
    match &code {
        Value::None => 0,
        Value::Bool(b) => *b as i32,
        Value::Int(n) => (*n & 0xff) as i32,
        Value::BigInt(_) => 255,
        other => {
            let text = crate::repr::str_value(other).unwrap_or_default();
            vm.write(crate::trace::Stream::Stderr, &format!("{text}\n"));
            1
        }
    }
}

/// The types a program reaches by name in `builtins`.
const TYPE_NAMES: &[(&str, TypeId)] = &[
    ("object", TypeId::Object),
    ("bool", TypeId::Bool),
    ("int", TypeId::Int),
    ("float", TypeId::Float),
    ("complex", TypeId::Complex),
    ("str", TypeId::Str),
    ("bytes", TypeId::Bytes),
    ("bytearray", TypeId::ByteArray),
    ("memoryview", TypeId::MemoryView),
    ("tuple", TypeId::Tuple),
    ("list", TypeId::List),
    ("dict", TypeId::Dict),
    ("set", TypeId::Set),
    ("frozenset", TypeId::FrozenSet),
    ("range", TypeId::Range),
    ("slice", TypeId::Slice),
    ("type", TypeId::Type),
    ("enumerate", TypeId::Enumerate),
    ("zip", TypeId::Zip),
    ("map", TypeId::Map),
    ("filter", TypeId::Filter),
    ("reversed", TypeId::Reversed),
    ("super", TypeId::Super),
    ("property", TypeId::Property),
    ("classmethod", TypeId::ClassMethod),
    ("staticmethod", TypeId::StaticMethod),
];

/// Register the built-in types' behaviour with the VM: their methods, data
/// attributes and construction.
pub fn install(vm: &mut Vm) {
    let slots = &mut vm.slots;
    let object = slots.get_mut(TypeId::Object);
    object.construct = Some(construct);
    object.special = object_methods::OBJECT_METHODS;
    object.class_methods = &[("__subclasshook__", value_specials::subclasshook)];
    let type_slots = slots.get_mut(TypeId::Type);
    type_slots.construct = Some(type_methods::type_construct);
    type_slots.special = type_methods::TYPE_SPECIALS;
    type_slots.methods = type_methods::TYPE_METHODS;
    type_slots.class_methods = type_methods::TYPE_CLASS_METHODS;
    slots.get_mut(TypeId::UnionType).getattr = Some(type_methods::union_getattr);
    slots.get_mut(TypeId::Super).construct = Some(object_methods::super_new);
    slots.get_mut(TypeId::Module).construct = Some(construct::module_new);
    for t in [TypeId::StaticMethod, TypeId::ClassMethod] {
        let wrapper = slots.get_mut(t);
        wrapper.construct = Some(object_methods::wrapper_new);
        wrapper.getattr = Some(object_methods::wrapper_getattr);
    }
    let property = slots.get_mut(TypeId::Property);
    property.construct = Some(object_methods::property_new);
    property.getattr = Some(object_methods::property_getattr);
    property.methods = object_methods::PROPERTY_METHODS;
    slots.get_mut(TypeId::BaseException).special = object_methods::EXCEPTION_SPECIALS;
    for (t, special) in [
        (TypeId::Int, value_specials::INT),
        (TypeId::Bool, value_specials::BOOL),
        (TypeId::Float, value_specials::FLOAT),
        (TypeId::Complex, value_specials::COMPLEX),
        (TypeId::Str, value_specials::STR),
        (TypeId::Bytes, value_specials::BYTES),
        (TypeId::ByteArray, value_specials::BYTEARRAY),
        (TypeId::Tuple, value_specials::TUPLE),
        (TypeId::List, value_specials::LIST),
        (TypeId::Dict, value_specials::DICT),
        (TypeId::Set, value_specials::SET),
        (TypeId::FrozenSet, value_specials::FROZENSET),
        (TypeId::Range, value_specials::RANGE),
        (TypeId::Slice, value_specials::SLICE),
        (TypeId::NoneType, value_specials::NONE),
        (TypeId::Function, value_specials::CALLABLE),
        (TypeId::BuiltinFunction, value_specials::CALLABLE),
    ] {
        slots.get_mut(t).special = special;
    }
    slots.get_mut(TypeId::Str).methods = str_methods::METHODS;
    slots.get_mut(TypeId::Str).class_methods = &[("maketrans", str_translate::maketrans)];
    slots.get_mut(TypeId::List).methods = list_methods::METHODS;
    let dict = slots.get_mut(TypeId::Dict);
    dict.methods = dict_methods::METHODS;
    dict.class_methods = &[("fromkeys", dict_methods::fromkeys)];
    slots.get_mut(TypeId::Set).methods = set_methods::METHODS;
    slots.get_mut(TypeId::FrozenSet).methods = set_methods::FROZENSET_METHODS;
    for t in [TypeId::Tuple, TypeId::Range] {
        slots.get_mut(t).methods = misc_methods::SEQUENCE_METHODS;
    }
    let bytes = slots.get_mut(TypeId::Bytes);
    bytes.methods = bytes_methods::METHODS;
    bytes.class_methods = bytes_methods::CLASS_METHODS;
    let bytearray = slots.get_mut(TypeId::ByteArray);
    bytearray.methods = bytearray_methods::METHODS;
    bytearray.class_methods = bytearray_methods::CLASS_METHODS;
    let memoryview = slots.get_mut(TypeId::MemoryView);
    memoryview.methods = memoryview_methods::METHODS;
    memoryview.getattr = Some(memoryview_methods::getattr);
    let int = slots.get_mut(TypeId::Int);
    int.methods = misc_methods::INT_METHODS;
    int.class_methods = misc_methods::INT_CLASS_METHODS;
    let float = slots.get_mut(TypeId::Float);
    float.methods = misc_methods::FLOAT_METHODS;
    float.class_methods = misc_methods::FLOAT_CLASS_METHODS;
    slots.get_mut(TypeId::Slice).methods = slice_methods::METHODS;
    let complex = slots.get_mut(TypeId::Complex);
    complex.methods = complex_methods::METHODS;
    complex.getattr = Some(complex_methods::data_attribute);
    for t in [TypeId::Int, TypeId::Float, TypeId::Range, TypeId::Slice] {
        slots.get_mut(t).getattr = Some(numbers::data_attribute);
    }
    for t in [
        TypeId::Iterator,
        TypeId::Enumerate,
        TypeId::Zip,
        TypeId::Map,
        TypeId::Filter,
        TypeId::Reversed,
        TypeId::Chain,
    ] {
        slots.get_mut(t).methods = misc_methods::ITERATOR_METHODS;
    }
    slots.get_mut(TypeId::Iterator).getattr = Some(dict_methods::view_attribute);
    let exception = slots.get_mut(TypeId::BaseException);
    exception.methods = exception_methods::METHODS;
    exception.getattr = Some(exception_methods::getattr);
    exception.setattr = Some(exception_methods::setattr);
    slots.get_mut(TypeId::BaseExceptionGroup).methods = exception_methods::GROUP_METHODS;
    let generator = slots.get_mut(TypeId::Generator);
    generator.methods = generator_methods::GENERATOR_METHODS;
    generator.getattr = Some(generator_methods::getattr);
    let coroutine = slots.get_mut(TypeId::Coroutine);
    coroutine.methods = generator_methods::COROUTINE_METHODS;
    coroutine.getattr = Some(generator_methods::getattr);
    slots.get_mut(TypeId::CoroutineWrapper).methods = generator_methods::WRAPPER_METHODS;
    let function = slots.get_mut(TypeId::Function);
    function.methods = function_attrs::METHODS;
    function.getattr = Some(function_attrs::getattr);
    function.setattr = Some(function_attrs::setattr);
    slots.get_mut(TypeId::Code).getattr = Some(function_attrs::code_getattr);
    slots.get_mut(TypeId::Code).data_attributes = function_attrs::CODE_ATTRIBUTES;
    slots.get_mut(TypeId::Frame).getattr = Some(frame_object::getattr);
    slots.get_mut(TypeId::Traceback).getattr = Some(traceback_object::getattr);
    slots.get_mut(TypeId::Traceback).setattr = Some(traceback_object::setattr);
    let agen = slots.get_mut(TypeId::AsyncGenerator);
    agen.methods = generator_methods::ASYNC_GEN_METHODS;
    agen.getattr = Some(generator_methods::getattr);
    for t in [TypeId::AsyncGenASend, TypeId::AsyncGenAThrow] {
        slots.get_mut(t).methods = generator_methods::AGEN_AWAITABLE_METHODS;
    }
    slots.get_mut(TypeId::AnextAwaitable).await_iter = Some(generator_methods::anext_await_iter);
}

/// Build the `builtins` module.
pub fn make_module() -> Rc<Module> {
    let module = Module::new("builtins", "");
    {
        let mut attrs = module.attrs.borrow_mut();
        for (name, func) in functions::FUNCTIONS {
            attrs.insert_str(name, function(name, *func));
        }
        attrs.insert_str("exit", function("exit", raise_exit));
        attrs.insert_str("quit", function("quit", raise_exit));
        for (name, t) in TYPE_NAMES {
            attrs.insert_str(name, Value::Type(TypeRef::Builtin(*t)));
        }
        for t in TypeId::builtin_exception_names() {
            attrs.insert_str(t.name(), Value::Type(TypeRef::Builtin(t)));
        }
        attrs.insert_str("IOError", Value::Type(TypeRef::Builtin(TypeId::OSError)));
        attrs.insert_str(
            "EnvironmentError",
            Value::Type(TypeRef::Builtin(TypeId::OSError)),
        );
        attrs.insert_str("Ellipsis", Value::Ellipsis);
        attrs.insert_str("NotImplemented", Value::NotImplemented);
        attrs.insert_str("vars", function("vars", object_methods::vars));
        attrs.insert_str("__name__", Value::str("builtins"));
    }
    module
}
