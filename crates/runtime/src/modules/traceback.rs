//! `traceback`: `print_exc()`, `format_exc()` and `print_exception(exc)`,
//! formatted by the runtime's traceback printer in the `traceback` module's
//! style.

use std::rc::Rc;

use crate::builtins::args::{count_range, reject_kwargs};
use crate::object::exceptions::type_error;
use crate::object::types::type_of;
use crate::object::value::{Args, ExcRef, Module, NativeFn, PyResult, Value};
use crate::trace::Stream;
use crate::vm::Vm;

pub fn make(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[
        ("print_exc", print_exc),
        ("format_exc", format_exc),
        ("print_exception", print_exception),
    ];
    Ok(super::native_module(
        "traceback",
        "/usr/lib/python3.11/traceback.py",
        FUNCTIONS,
    ))
}

/// The report for `e`, or CPython's `NoneType: None` when nothing is handled.
fn report(vm: &mut Vm, e: Option<ExcRef>) -> String {
    match e {
        // The logging printer is the `traceback` module's; its message line
        // is empty here and dropped.
        Some(e) => crate::traceback::format_logged_exception(vm, "", &e)
            .trim_start_matches('\n')
            .to_string(),
        None => "NoneType: None\n".to_string(),
    }
}

/// `file=` of the print functions: stderr by default.
fn emit(vm: &mut Vm, file: Option<Value>, text: &str) -> PyResult<()> {
    match file.filter(|f| !f.is_none()) {
        None => vm.write(Stream::Stderr, text),
        Some(f) => match super::output_stream(&f) {
            Some(stream) => vm.write(stream, text),
            None => {
                let write = crate::attrs::get_attr(vm, &f, "write")?;
                vm.call1(&write, Value::str(text))?;
            }
        },
    }
    Ok(())
}

fn print_exc(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let file = args.take_kw("file");
    args.take_kw("limit");
    args.take_kw("chain");
    reject_kwargs("print_exc", &args)?;
    count_range("print_exc", &args, 0, 3)?;
    let file = args.pos.get(1).cloned().or(file);
    let text = report(vm, vm.handled_exception());
    emit(vm, file, &text)?;
    Ok(Value::None)
}

fn format_exc(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    args.take_kw("limit");
    args.take_kw("chain");
    reject_kwargs("format_exc", &args)?;
    count_range("format_exc", &args, 0, 2)?;
    Ok(Value::str(&report(vm, vm.handled_exception())))
}

fn print_exception(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let file = args.take_kw("file");
    args.take_kw("limit");
    args.take_kw("chain");
    reject_kwargs("print_exception", &args)?;
    let e = match args.pos.first() {
        Some(Value::Exception(e)) => e.clone(),
        Some(Value::Type(_)) => match args.pos.get(1) {
            Some(Value::Exception(e)) => e.clone(),
            _ => return Err(type_error("print_exception() needs an exception value")),
        },
        Some(other) => {
            return Err(type_error(format!(
                "Exception expected for value, {} found",
                type_of(other).name()
            )))
        }
        None => {
            return Err(type_error(
                "print_exception() missing 1 required positional argument: 'exc'",
            ))
        }
    };
    let text = report(vm, Some(e));
    emit(vm, file, &text)?;
    Ok(Value::None)
}
