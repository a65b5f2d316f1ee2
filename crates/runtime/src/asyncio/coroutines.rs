//! coroutines.py: `asyncio.iscoroutine` and `asyncio.iscoroutinefunction`, which also
//! counts what carries coroutines.py's mark `_is_coroutine` (unittest.mock's AsyncMock).

use crate::object::types::{TypeId, TypeRef};
use crate::object::value::{Args, CoroutineBuiltins, NativeFn, PyResult, Value};
use crate::vm::Vm;

/// coroutines.py's `_is_coroutine = object()`, made with the module.
pub(super) fn make_mark(vm: &mut Vm) -> PyResult<Value> {
    vm.call(
        &Value::Type(TypeRef::Builtin(TypeId::Object)),
        Args::default(),
    )
}

pub(super) fn iscoroutine(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        args.pos.first().is_some_and(super::is_task_coroutine),
    ))
}

/// `inspect.iscoroutinefunction(func) or getattr(func, '_is_coroutine', None) is _is_coroutine`.
pub(super) fn iscoroutinefunction(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let Some(func) = args.pos.first() else {
        return Ok(Value::Bool(false));
    };
    if is_coroutine_function(func) || vm.states.get::<CoroutineBuiltins>().contains(func) {
        return Ok(Value::Bool(true));
    }
    let module = vm.modules.borrow().get_str("asyncio.coroutines");
    let Some(Value::Module(module)) = module else {
        return Ok(Value::Bool(false));
    };
    let Some(mark) = module.attrs.borrow().get_str("_is_coroutine") else {
        return Ok(Value::Bool(false));
    };
    match crate::attrs::get_attr(vm, func, "_is_coroutine") {
        Ok(v) => Ok(Value::Bool(v.is(&mark))),
        Err(e) if e.is(TypeId::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

/// Register asyncio's built-ins that CPython writes as `async def` (see
/// [`CoroutineBuiltins`]).
pub(super) fn register_coroutine_builtins(vm: &mut Vm) {
    let mut natives: Vec<NativeFn> = vec![
        super::tasks::sleep,
        super::wait_for::wait_for,
        super::wait::wait,
    ];
    natives.extend(super::locks::coroutine_methods());
    natives.extend(super::locks::condition::coroutine_methods());
    let by_name = ["put", "get", "join"]
        .map(super::queues::method)
        .into_iter()
        .chain([super::locks::event_method("wait")])
        .chain(["__aenter__", "__aexit__"].map(super::taskgroups::method))
        .chain(["__aenter__", "__aexit__"].map(super::timeouts::method))
        .chain(["shutdown_asyncgens", "shutdown_default_executor"].map(super::base_events::method));
    natives.extend(by_name.flatten().map(|(_, f)| f));
    vm.states.get::<CoroutineBuiltins>().0 = natives;
}

/// An `async def` function, or a method bound to one.
pub fn is_coroutine_function(v: &Value) -> bool {
    match v {
        Value::Function(f) => f.code.kind == crate::compile::code::CodeKind::Coroutine,
        Value::Method(m) => is_coroutine_function(&m.func),
        _ => false,
    }
}
