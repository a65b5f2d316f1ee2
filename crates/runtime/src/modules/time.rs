//! `time` on the virtual clock: `time()`, `monotonic()`, `perf_counter()`
//! read `vm.now`; the `*_ns` variants return `round(now * 1e9)`, exactly as
//! the conformance recorder patches CPython; `sleep()` blocks the loop while
//! the clock advances.

use std::rc::Rc;

use loopscope_cpython::float_repr::{float_to_int, round_half_even};

use crate::builtins::args::exactly_one;
use crate::object::exceptions::cpython_error;
use crate::object::exceptions::{type_error, value_error};
use crate::object::types::type_of;
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub fn make(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[
        ("time", seconds),
        ("monotonic", seconds),
        ("perf_counter", seconds),
        ("time_ns", nanoseconds),
        ("monotonic_ns", nanoseconds),
        ("perf_counter_ns", nanoseconds),
        ("sleep", sleep),
    ];
    Ok(super::native_module("time", "", FUNCTIONS))
}

fn seconds(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    crate::builtins::args::no_args("time", &args)?;
    Ok(Value::Float(vm.now))
}

fn nanoseconds(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    crate::builtins::args::no_args("time_ns", &args)?;
    let ns = float_to_int(round_half_even(vm.now * 1e9)).map_err(cpython_error)?;
    Ok(Value::from_bigint(ns))
}

fn sleep(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("sleep", &args)?;
    let secs = match v {
        Value::Float(f) => f,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => crate::ops::to_float(&v)?,
        other => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_of(&other).name()
            )))
        }
    };
    if secs.is_nan() {
        return Err(value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    blocking_sleep(vm, secs)?;
    Ok(Value::None)
}

/// `time.sleep(secs)` inside the program: the clock jumps while the loop is
/// held, so every other task is late by `secs`.
fn blocking_sleep(vm: &mut Vm, secs: f64) -> PyResult<()> {
    if secs < 0.0 || secs.is_nan() {
        return Err(crate::object::exceptions::value_error(
            "sleep length must be non-negative",
        ));
    }
    if secs > 0.0 {
        vm.now += secs;
        let line = vm.current_line();
        vm.recorder.record(
            vm.now,
            line,
            crate::trace::EventKind::ClockAdvanced {
                to: crate::trace::Seconds::new(vm.now),
            },
        );
    }
    Ok(())
}
