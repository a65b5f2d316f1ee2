//! `gc`: the cycle collector's controls (`object/gc.rs` is the collector):
//! `collect`, `enable`, `disable`, `isenabled`, `get_count`, `get_threshold`,
//! `set_threshold`, and the `garbage` and `callbacks` lists, which stay empty
//! (every cycle is freed; no callbacks are called).

use std::rc::Rc;

use crate::builtins::args::{index_arg, no_args, reject_kwargs, takes_range};
use crate::object::exceptions::value_error;
use crate::object::gc;
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub fn make(_: &mut Vm) -> PyResult<Rc<Module>> {
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
        attrs.insert_str("callbacks", Value::list(Vec::new()));
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
    let found = gc::collect(generation as usize, &mut || vm.report_notices());
    Ok(Value::Int(found as i64))
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
