//! `_loopscope`: what the engine offers the library modules written in
//! Python, which CPython writes in C. `c_type(cls)`, a class decorator,
//! makes messages name the class as CPython names the C type it stands
//! for: `module.qualname` (`'datetime.timedelta'`, `'collections.deque'`),
//! where a class of a Python module is named by its `__name__` alone.
//! Its Python half (`python/_loopscope.py`) holds the builtins' helpers
//! written in Python (`anext`'s default, `ensure_future`'s wrapper) and
//! `GenericAlias` (`list[int]`, whose `|` makes unions through `union`).
//! `mark_iterable_coroutine(func)` sets `CO_ITERABLE_COROUTINE` on a
//! generator function's code, for `types.coroutine`.
//! `collection_flags(cls)` and `set_collection_flags(cls, flags)` read and
//! give a class CPython's sequence or mapping flag, for `abc`.
//! `TracebackType` and `FrameType` are the built-in types of those objects,
//! for `types` (CPython's types.py takes them from a caught exception, whose
//! traceback here holds no frame of library code).
//! `recursion_headroom()` is how many more levels the recursion limit allows
//! where it is called: `json` nests on a stack of its own and counts each level
//! against it, as CPython's C scanner and encoder do.
//! `open_descriptor()`, `close_descriptor(fd)` and `wait_forever(message)` are
//! the process's descriptor table for the loopback network's sockets
//! (`file_descriptors.rs`).
//! `count_frames_as_c()`, called at the top of a module that stands for one
//! CPython writes in C (`pickle`), keeps the frames of the module's functions out
//! of the recursion depth; the module then counts the levels CPython's C code
//! counts with `enter_recursive_call(where)` and `leave_recursive_call()`
//! (`_Py_EnterRecursiveCall`), and checks one more level without taking it with
//! `check_recursive_call(where)` (a C call that checks on its way in and out);
//! past the limit each raises "RecursionError: maximum recursion depth
//! exceeded" ending with `where`.

use std::rc::Rc;

use crate::builtins::args::exactly_one;
use crate::object::exceptions::type_error;
use crate::object::types::{type_of, TypeId, TypeRef, MAPPING_FLAG, SEQUENCE_FLAG};
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[
        ("c_type", c_type),
        ("union", union),
        ("mark_iterable_coroutine", mark_iterable_coroutine),
        ("collection_flags", collection_flags),
        ("set_collection_flags", set_collection_flags),
        ("recursion_headroom", recursion_headroom),
        ("open_descriptor", super::file_descriptors::open_descriptor),
        (
            "close_descriptor",
            super::file_descriptors::close_descriptor,
        ),
        ("wait_forever", super::file_descriptors::wait_forever),
        ("count_frames_as_c", count_frames_as_c),
        ("enter_recursive_call", enter_recursive_call),
        ("leave_recursive_call", leave_recursive_call),
        ("check_recursive_call", check_recursive_call),
    ];
    let m = super::native_module("_loopscope", "", FUNCTIONS);
    for (name, id) in [
        ("TracebackType", TypeId::Traceback),
        ("FrameType", TypeId::Frame),
    ] {
        m.attrs
            .borrow_mut()
            .insert_str(name, Value::Type(TypeRef::Builtin(id)));
    }
    // Its Python half: the builtins' helpers written in Python.
    vm.run_library_source(&m, library_source!("modules/python/_loopscope.py"))?;
    Ok(m)
}

/// `@c_type`: the class's messages name it `module.qualname` (`qualname`
/// alone for a built-in type's stand-in).
fn c_type(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let cls = exactly_one("c_type", &args)?;
    let Value::Type(TypeRef::Class(class)) = &cls else {
        return Err(type_error(format!(
            "c_type() argument must be a class, not '{}'",
            type_of(&cls).name()
        )));
    };
    let t = TypeRef::Class(class.clone());
    // CPython's built-in types have no module in their tp_name.
    let dotted = match t.module() {
        module if module == "builtins" => class.qualname.borrow().to_string(),
        module => format!("{module}.{}", class.qualname.borrow()),
    };
    *class.tp_name.borrow_mut() = Some(Rc::from(dotted));
    Ok(cls)
}

/// `recursion_headroom()`: the recursion limit less the depth counted where it is called.
fn recursion_headroom(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    crate::builtins::args::no_args("recursion_headroom", &args)?;
    Ok(Value::Int(vm.recursion_headroom() as i64))
}

/// `count_frames_as_c()`: the functions (and classes' methods) the calling
/// module's code defines run as C code does, their frames not counted in the
/// recursion depth. Called before any of them runs.
fn count_frames_as_c(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    crate::builtins::args::no_args("count_frames_as_c", &args)?;
    let module_code = vm.frames.last().map(|f| f.code.clone());
    if let Some(code) = module_code {
        for nested in code.functions.iter() {
            nested.mark_runs_as_c();
        }
    }
    Ok(Value::None)
}

/// The `where` argument of the recursion-level functions.
fn recursion_where(name: &str, args: &Args) -> PyResult<String> {
    match exactly_one(name, args)? {
        Value::Str(s) => Ok(s.as_str().to_string()),
        other => Err(type_error(format!(
            "{name}() argument must be str, not '{}'",
            type_of(&other).name()
        ))),
    }
}

/// `enter_recursive_call(where)`: one more level counted, as `_Py_EnterRecursiveCall`.
fn enter_recursive_call(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let context = recursion_where("enter_recursive_call", &args)?;
    vm.check_recursion_depth_for(&context)?;
    vm.library_depth += 1;
    Ok(Value::None)
}

/// `leave_recursive_call()`: the level `enter_recursive_call` took is given back.
fn leave_recursive_call(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    crate::builtins::args::no_args("leave_recursive_call", &args)?;
    vm.library_depth = vm.library_depth.saturating_sub(1);
    Ok(Value::None)
}

/// `check_recursive_call(where)`: RecursionError if one more level would pass the limit.
fn check_recursive_call(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let context = recursion_where("check_recursive_call", &args)?;
    vm.check_recursion_depth_for(&context)?;
    Ok(Value::None)
}

/// `collection_flags(cls)`: the sequence or mapping flag `match` sees.
fn collection_flags(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    match exactly_one("collection_flags", &args)? {
        Value::Type(t) => Ok(Value::Int(i64::from(t.collection_flags()))),
        other => Err(type_error(format!(
            "collection_flags() argument must be a class, not '{}'",
            type_of(&other).name()
        ))),
    }
}

/// `set_collection_flags(cls, flags)`: `_abc`'s setting of a class's
/// `Py_TPFLAGS_SEQUENCE` / `Py_TPFLAGS_MAPPING`; built-in types keep theirs.
fn set_collection_flags(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    crate::builtins::args::count_range("set_collection_flags", &args, 2, 2)?;
    let flags = match &args.pos[1] {
        Value::Int(n) => (n & i64::from(SEQUENCE_FLAG | MAPPING_FLAG)) as u8,
        _ => 0,
    };
    if let Value::Type(TypeRef::Class(class)) = &args.pos[0] {
        if flags != 0 {
            class.collection_flags.set(flags);
        }
    }
    Ok(Value::None)
}

/// `union(a, b)`: `a | b` for a generic alias (`list[int] | None`).
fn union(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    crate::builtins::args::count_range("union", &args, 2, 2)?;
    Ok(crate::object::union::join(&args.pos[0], &args.pos[1]))
}

/// `mark_iterable_coroutine(func)`: `types.coroutine`'s
/// `func.__code__ = co.replace(co_flags=co.co_flags | 0x100)`.
fn mark_iterable_coroutine(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    match exactly_one("mark_iterable_coroutine", &args)? {
        Value::Function(f) => {
            f.code.iterable_coroutine.set(true);
            Ok(Value::None)
        }
        other => Err(type_error(format!(
            "mark_iterable_coroutine() argument must be a function, not '{}'",
            type_of(&other).name()
        ))),
    }
}
