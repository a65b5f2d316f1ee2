//! coroutines.py: `asyncio.iscoroutine` and `asyncio.iscoroutinefunction`.

use crate::object::value::{Args, PyResult, Value};
use crate::vm::Vm;

pub(super) fn iscoroutine(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        args.pos.first().is_some_and(super::is_task_coroutine),
    ))
}

pub(super) fn iscoroutinefunction(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(matches!(
        args.pos.first(),
        Some(Value::Function(f)) if f.code.kind == crate::compile::code::CodeKind::Coroutine
    )))
}
