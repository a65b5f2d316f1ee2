//! coroutines.py: `asyncio.iscoroutine` and `asyncio.iscoroutinefunction`.

use crate::object::value::{Args, PyResult, Value};
use crate::vm::Vm;

pub(super) fn iscoroutine(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        args.pos.first().is_some_and(super::is_task_coroutine),
    ))
}

pub(super) fn iscoroutinefunction(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        args.pos.first().is_some_and(is_coroutine_function),
    ))
}

/// An `async def` function, or a method bound to one.
pub fn is_coroutine_function(v: &Value) -> bool {
    match v {
        Value::Function(f) => f.code.kind == crate::compile::code::CodeKind::Coroutine,
        Value::Method(m) => is_coroutine_function(&m.func),
        _ => false,
    }
}
