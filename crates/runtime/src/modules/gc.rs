//! `gc`: the cycle collector's controls (`object/gc.rs` is the collector):
//! `collect`, `enable`, `disable`, `isenabled`, `get_count`, `get_threshold`,
//! `set_threshold`, the `garbage` list, which stays empty (every cycle is freed),
//! and the `callbacks` list, whose functions `collect()` calls before and after it
//! collects (an automatic collection does not call them).

use std::rc::Rc;

use crate::builtins::args::{index_arg, no_args, reject_kwargs, takes_range};
use crate::object::exceptions::value_error;
use crate::object::gc;
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

/// The `gc.callbacks` list of the run.
#[derive(Default)]
struct Callbacks(Option<Value>);

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[
        ("collect", collect),
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("get_count", get_count),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
    ];
    let m = super::native_module("gc", "", FUNCTIONS);
    {
        let mut attrs = m.attrs.borrow_mut();
        attrs.insert_str("garbage", Value::list(Vec::new()));
        let callbacks = Value::list(Vec::new());
        vm.states.get::<Callbacks>().0 = Some(callbacks.clone());
        attrs.insert_str("callbacks", callbacks);
    }
    Ok(m)
}

/// `gc.collect(generation=2)`: the number of unreachable objects found.
fn collect(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let keyword = args.take_kw("generation");
    reject_kwargs("collect", &args)?;
    takes_range("collect", &args, 0, 1)?;
    let generation = match keyword.as_ref().or(args.pos.first()) {
        Some(v) => index_arg(v)?,
        None => 2,
    };
    if !(0..=2).contains(&generation) {
        return Err(value_error("invalid generation"));
    }
    call_callbacks(vm, "start", generation, 0);
    let found = gc::collect(generation as usize, &mut || vm.report_notices());
    call_callbacks(vm, "stop", generation, found);
    Ok(Value::Int(found as i64))
}

/// Calls each function of `gc.callbacks` (as the list is when it comes to it) with
/// `phase` and the info dict; one that raises is reported as CPython's
/// `PyErr_WriteUnraisable` reports it, and the others still run.
fn call_callbacks(vm: &mut Vm, phase: &str, generation: i64, collected: usize) {
    let Some(Value::List(list)) = vm.states.get::<Callbacks>().0.clone() else {
        return;
    };
    let callbacks = list.borrow().clone();
    for callback in callbacks {
        let mut info = crate::object::dict::Dict::new();
        info.insert_str("generation", Value::Int(generation));
        info.insert_str("collected", Value::Int(collected as i64));
        info.insert_str("uncollectable", Value::Int(0));
        let args = Args::new(vec![Value::str(phase), Value::dict(info)]);
        if let Err(e) = vm.call(&callback, args) {
            let shown = crate::repr::repr(vm, &callback)
                .unwrap_or_else(|_| crate::repr::repr_value(&callback));
            let text = format!(
                "Exception ignored in: {shown}\n{}",
                crate::traceback::format_exception(vm, &e)
            );
            vm.write(crate::trace::Stream::Stderr, &text);
        }
    }
}

fn enable(_: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_args("gc.enable", &args)?;
    gc::set_enabled(true);
    Ok(Value::None)
}

fn disable(_: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_args("gc.disable", &args)?;
    gc::set_enabled(false);
    Ok(Value::None)
}

fn isenabled(_: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_args("gc.isenabled", &args)?;
    Ok(Value::Bool(gc::is_enabled()))
}

fn get_count(_: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_args("gc.get_count", &args)?;
    let counts = gc::counts().map(|c| Value::Int(c as i64));
    Ok(Value::tuple(counts.to_vec()))
}

fn get_threshold(_: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_args("gc.get_threshold", &args)?;
    Ok(Value::tuple(gc::thresholds().map(Value::Int).to_vec()))
}

/// `gc.set_threshold(threshold0[, threshold1[, threshold2]])`.
fn set_threshold(_: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    takes_range("set_threshold", &args, 1, 3)?;
    let thresholds = args
        .pos
        .iter()
        .map(index_arg)
        .collect::<PyResult<Vec<_>>>()?;
    gc::set_thresholds(&thresholds);
    Ok(Value::None)
}
