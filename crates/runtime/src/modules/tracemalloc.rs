//! `tracemalloc`: what a program sees of it is where a coroutine that was
//! never awaited was allocated ("Object allocated at ..." under the warning,
//! `traceback::allocation_note`): `start(nframe=1)`, `stop()`, `is_tracing()`,
//! `get_traceback_limit()` and `clear_traces()` keep `Vm::tracemalloc`, and
//! new coroutines record their traceback while it traces
//! (`stack_summary::track_allocation`). Memory sizes and snapshots are not
//! simulated: those functions raise NotImplementedError naming themselves.

use std::rc::Rc;

use crate::builtins::args::{count_range, index_arg, no_args, no_kwargs};
use crate::object::exceptions::{exc, value_error};
use crate::object::types::TypeId;
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

/// CPython's bounds on `nframe`.
const MAX_FRAMES: i64 = 65535;

pub fn make(_: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[
        ("start", start),
        ("stop", stop),
        ("is_tracing", is_tracing),
        ("get_traceback_limit", get_traceback_limit),
        ("clear_traces", clear_traces),
        ("get_traced_memory", not_simulated),
        ("get_tracemalloc_memory", not_simulated),
        ("reset_peak", not_simulated),
        ("take_snapshot", not_simulated),
        ("get_object_traceback", not_simulated),
    ];
    Ok(super::native_module(
        "tracemalloc",
        stdlib_path!("tracemalloc.py"),
        FUNCTIONS,
    ))
}

/// The frames a traceback keeps once tracing starts (CPython's default: 1).
#[derive(Clone, Copy)]
struct Limit(usize);

impl Default for Limit {
    fn default() -> Limit {
        Limit(1)
    }
}

/// `start(nframe=1, /)`: trace from now on, keeping `nframe` frames; a call
/// while tracing changes nothing.
fn start(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("_tracemalloc.start", &args)?;
    count_range("start", &args, 0, 1)?;
    let nframe = match args.pos.first() {
        Some(v) => index_arg(v)?,
        None => 1,
    };
    if !(1..=MAX_FRAMES).contains(&nframe) {
        return Err(value_error(
            "the number of frames must be in range [1; 65535]",
        ));
    }
    if vm.tracemalloc.frames == 0 {
        vm.states.get::<Limit>().0 = nframe as usize;
        vm.tracemalloc.frames = nframe as usize;
    }
    Ok(Value::None)
}

/// `stop()`: no more tracing, and the traces taken are forgotten.
fn stop(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_args("_tracemalloc.stop", &args)?;
    vm.tracemalloc.frames = 0;
    vm.tracemalloc.session += 1;
    Ok(Value::None)
}

fn is_tracing(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_args("_tracemalloc.is_tracing", &args)?;
    Ok(Value::Bool(vm.tracemalloc.frames > 0))
}

fn get_traceback_limit(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_args("_tracemalloc.get_traceback_limit", &args)?;
    Ok(Value::Int(vm.states.get::<Limit>().0 as i64))
}

/// `clear_traces()`: the traces taken so far are forgotten.
fn clear_traces(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_args("_tracemalloc.clear_traces", &args)?;
    vm.tracemalloc.session += 1;
    Ok(Value::None)
}

fn not_simulated(_: &mut Vm, _: &Value, _: Args) -> PyResult<Value> {
    Err(exc(
        TypeId::NotImplementedError,
        "tracemalloc's memory sizes, snapshots and object tracebacks are not simulated: \
         Loopscope does not model memory (only where an unawaited coroutine was allocated)",
    ))
}
