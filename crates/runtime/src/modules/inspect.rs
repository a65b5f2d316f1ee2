//! `inspect`: the predicates programs use to tell functions, coroutines,
//! generators and awaitables apart, and the states of generators and
//! coroutines, answered from the VM's own objects. As in CPython,
//! `iscoroutinefunction` and friends look through bound methods and
//! `functools.partial`. `signature()` and its classes are the module's
//! Python half (`python/inspect.py`).

use std::rc::Rc;

use crate::builtins::args::exactly_one;
use crate::compile::code::CodeKind;
use crate::object::exceptions::exc;
use crate::object::generator::GenState;
use crate::object::types::{type_of, TypeId, TypeRef};
use crate::object::value::{Args, CoroutineBuiltins, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[
        ("iscoroutinefunction", iscoroutinefunction),
        ("isgeneratorfunction", isgeneratorfunction),
        ("isasyncgenfunction", isasyncgenfunction),
        ("isfunction", isfunction),
        ("ismethod", ismethod),
        ("isbuiltin", isbuiltin),
        ("isroutine", isroutine),
        ("isclass", isclass),
        ("ismodule", ismodule),
        ("iscoroutine", iscoroutine),
        ("isgenerator", isgenerator),
        ("isasyncgen", isasyncgen),
        ("isawaitable", isawaitable),
        ("getgeneratorstate", getgeneratorstate),
        ("getcoroutinestate", getcoroutinestate),
        ("_program_lines", program_lines),
        ("_code_lines", code_lines),
    ];
    let m = super::native_module("inspect", stdlib_path!("inspect.py"), FUNCTIONS);
    {
        let mut attrs = m.attrs.borrow_mut();
        for prefix in ["GEN", "CORO"] {
            for state in ["CREATED", "RUNNING", "SUSPENDED", "CLOSED"] {
                let name = format!("{prefix}_{state}");
                attrs.insert_str(&name, Value::str(&name));
            }
        }
    }
    vm.run_library_file(&m, library_file!("modules/python/inspect.py"))?;
    super::set_all(&m, ALL);
    Ok(m)
}

/// CPython's `inspect.__all__` (less what Loopscope lacks: docs/differences.md).
const ALL: &[&str] = &[
    "BoundArguments",
    "CORO_CLOSED",
    "CORO_CREATED",
    "CORO_RUNNING",
    "CORO_SUSPENDED",
    "CO_ASYNC_GENERATOR",
    "CO_COROUTINE",
    "CO_GENERATOR",
    "CO_ITERABLE_COROUTINE",
    "CO_NESTED",
    "CO_NEWLOCALS",
    "CO_NOFREE",
    "CO_OPTIMIZED",
    "CO_VARARGS",
    "CO_VARKEYWORDS",
    "FrameInfo",
    "GEN_CLOSED",
    "GEN_CREATED",
    "GEN_RUNNING",
    "GEN_SUSPENDED",
    "Parameter",
    "Signature",
    "Traceback",
    "cleandoc",
    "currentframe",
    "findsource",
    "formatannotation",
    "get_annotations",
    "getcomments",
    "getcoroutinestate",
    "getdoc",
    "getfile",
    "getframeinfo",
    "getgeneratorstate",
    "getmembers",
    "getmodule",
    "getmro",
    "getouterframes",
    "getsource",
    "getsourcefile",
    "getsourcelines",
    "isabstract",
    "isasyncgen",
    "isasyncgenfunction",
    "isawaitable",
    "isbuiltin",
    "isclass",
    "iscode",
    "iscoroutine",
    "iscoroutinefunction",
    "isdatadescriptor",
    "isframe",
    "isfunction",
    "isgenerator",
    "isgeneratorfunction",
    "ismethod",
    "ismethoddescriptor",
    "ismodule",
    "isroutine",
    "istraceback",
    "signature",
    "stack",
    "unwrap",
];

/// The kind of code of the function behind `v`, through bound methods and
/// partials (CPython's `_has_code_flag`).
fn code_kind(v: &Value) -> Option<CodeKind> {
    let mut v = v.clone();
    loop {
        v = match &v {
            Value::Method(m) => m.func.clone(),
            Value::Function(f) => return Some(f.code.kind),
            other => match super::partial_parts(other) {
                Some((func, _, _)) => func,
                None => return None,
            },
        };
    }
}

fn predicate(name: &str, args: &Args, test: impl Fn(&Value) -> bool) -> PyResult<Value> {
    Ok(Value::Bool(test(&exactly_one(name, args)?)))
}

/// An `async def` function, or one of the built-ins CPython writes so.
fn iscoroutinefunction(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("iscoroutinefunction", &args)?;
    let native = vm.states.get::<CoroutineBuiltins>().contains(&v);
    Ok(Value::Bool(
        native || code_kind(&v) == Some(CodeKind::Coroutine),
    ))
}

fn isgeneratorfunction(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    predicate("isgeneratorfunction", &args, |v| {
        code_kind(v) == Some(CodeKind::Generator)
    })
}

fn isasyncgenfunction(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    predicate("isasyncgenfunction", &args, |v| {
        code_kind(v) == Some(CodeKind::AsyncGenerator)
    })
}

fn isfunction(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    predicate("isfunction", &args, |v| matches!(v, Value::Function(_)))
}

fn ismethod(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    predicate("ismethod", &args, |v| matches!(v, Value::Method(_)))
}

fn isbuiltin(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    predicate("isbuiltin", &args, |v| matches!(v, Value::Builtin(_)))
}

fn isroutine(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    predicate("isroutine", &args, |v| {
        matches!(v, Value::Function(_) | Value::Method(_) | Value::Builtin(_))
    })
}

fn isclass(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    predicate("isclass", &args, |v| matches!(v, Value::Type(_)))
}

fn ismodule(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    predicate("ismodule", &args, |v| matches!(v, Value::Module(_)))
}

fn iscoroutine(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    predicate(
        "iscoroutine",
        &args,
        |v| matches!(v, Value::Generator(g) if g.is_coroutine()),
    )
}

fn isgenerator(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    predicate(
        "isgenerator",
        &args,
        |v| matches!(v, Value::Generator(g) if g.is_sync_gen()),
    )
}

fn isasyncgen(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    predicate(
        "isasyncgen",
        &args,
        |v| matches!(v, Value::Generator(g) if g.is_async_gen()),
    )
}

/// A coroutine, or an object whose type can be awaited (a future, a task,
/// an instance of a class with `__await__`).
fn isawaitable(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("isawaitable", &args)?;
    let awaitable = match (&v, type_of(&v)) {
        (Value::Generator(g), _) => g.is_coroutine() || g.is_iterable_coroutine(),
        (_, TypeRef::Class(class)) => class.lookup("__await__").is_some(),
        (_, TypeRef::Builtin(t)) => vm.slots.inherited(t, |s| s.await_step).is_some(),
    };
    Ok(Value::Bool(awaitable))
}

/// `GEN_CREATED` ... for a generator, `CORO_CREATED` ... for a coroutine;
/// anything else lacks the attribute CPython reads.
fn state_name(v: &Value, coroutine: bool) -> PyResult<Value> {
    let (prefix, attribute) = if coroutine {
        ("CORO", "cr_running")
    } else {
        ("GEN", "gi_running")
    };
    let generator = match v {
        Value::Generator(g) if g.is_coroutine() == coroutine => g,
        other => {
            return Err(exc(
                TypeId::AttributeError,
                format!(
                    "'{}' object has no attribute '{attribute}'",
                    type_of(other).name()
                ),
            ))
        }
    };
    let state = match generator.state.get() {
        GenState::Created => "CREATED",
        GenState::Running => "RUNNING",
        GenState::Suspended => "SUSPENDED",
        GenState::Closed => "CLOSED",
    };
    Ok(Value::string(format!("{prefix}_{state}")))
}

fn getgeneratorstate(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    state_name(&exactly_one("getgeneratorstate", &args)?, false)
}

fn getcoroutinestate(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    state_name(&exactly_one("getcoroutinestate", &args)?, true)
}

/// `_program_lines(filename)`: the lines of the program's text (each with its
/// line break) when `filename` is the program's file, else None: the one
/// source `getsource` can read, as CPython's linecache reads the file.
fn program_lines(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let filename = exactly_one("_program_lines", &args)?;
    if !matches!(&filename, Value::Str(f) if **f == *vm.main.filename) {
        return Ok(Value::None);
    }
    let lines = vm
        .source_lines
        .iter()
        .map(|l| Value::string(format!("{l}\n")));
    Ok(Value::list(lines.collect()))
}

/// `_code_lines(code)`: the first and last lines of a code object's source,
/// its nested functions' included (where the block `getsource` shows ends).
fn code_lines(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let value = exactly_one("_code_lines", &args)?;
    let Some(code) =
        crate::object::native::downcast::<crate::builtins::function_attrs::Code>(&value)
    else {
        return Err(crate::object::exceptions::type_error(
            "a code object is required",
        ));
    };
    fn last_line(code: &crate::object::code::CodeObject) -> u32 {
        let own = code.spans.iter().map(|s| s.end.line).max().unwrap_or(0);
        code.functions
            .iter()
            .map(|f| last_line(f))
            .fold(own, u32::max)
    }
    let first = i64::from(code.0.first_line);
    Ok(Value::tuple(vec![
        Value::Int(first),
        Value::Int(i64::from(last_line(&code.0)).max(first)),
    ]))
}
