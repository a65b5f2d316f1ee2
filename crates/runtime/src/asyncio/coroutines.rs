//! coroutines.py: `asyncio.iscoroutine` and `asyncio.iscoroutinefunction`, which also
//! counts what carries coroutines.py's mark `_is_coroutine` (unittest.mock's AsyncMock).

use crate::object::types::{TypeId, TypeRef};
use crate::object::value::{Args, PyResult, Value};
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
    if is_coroutine_function(func) {
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

/// An `async def` function, or a method bound to one.
pub fn is_coroutine_function(v: &Value) -> bool {
    match v {
        Value::Function(f) => f.code.kind == crate::compile::code::CodeKind::Coroutine,
        Value::Method(m) => is_coroutine_function(&m.func),
        _ => false,
    }
}
