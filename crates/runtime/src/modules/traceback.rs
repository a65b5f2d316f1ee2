//! `traceback`: `print_exc()`, `format_exc()`, `print_exception()`,
//! `format_exception()`, `print_stack()` and friends, formatted by the
//! runtime's traceback printer in the `traceback` module's style (only the
//! program's frames, as everywhere); its Python half (`python/traceback.py`)
//! walks traceback objects (`extract_tb`, `walk_tb`, `FrameSummary`).

use std::rc::Rc;

use crate::builtins::args::{count_range, reject_kwargs};
use crate::object::exceptions::type_error;
use crate::object::types::type_of;
use crate::object::value::{Args, ExcRef, Module, NativeFn, PyResult, Value};
use crate::trace::Stream;
use crate::vm::Vm;

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[
        ("_getline", getline),
        ("print_exc", print_exc),
        ("format_exc", format_exc),
        ("print_exception", print_exception),
        ("format_exception", format_exception),
        ("format_exception_only", format_exception_only),
        ("print_stack", print_stack),
        ("format_stack", format_stack),
    ];
    let m = super::native_module("traceback", stdlib_path!("traceback.py"), FUNCTIONS);
    vm.run_library_source(&m, library_source!("modules/python/traceback.py"))?;
    Ok(m)
}

/// `_getline(filename, lineno)`: linecache's line of the program's source
/// ("" for any other file, whose source a simulated run does not have).
fn getline(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    reject_kwargs("_getline", &args)?;
    count_range("_getline", &args, 2, 2)?;
    let (Value::Str(filename), Value::Int(lineno)) = (&args.pos[0], &args.pos[1]) else {
        return Ok(Value::str(""));
    };
    if **filename != *vm.main.filename || *lineno < 1 {
        return Ok(Value::str(""));
    }
    let line = vm.source_lines.get(*lineno as usize - 1);
    Ok(Value::str(
        &line.map_or(String::new(), |l| format!("{l}\n")),
    ))
}

/// The report for `e`, or CPython's `NoneType: None` for no exception.
fn report(vm: &mut Vm, e: Option<ExcRef>) -> String {
    match e {
        Some(e) => crate::traceback::module_traceback(vm, &e, false),
        None => "NoneType: None\n".to_string(),
    }
}

/// A report split as the `format_*` functions return it: a frame's lines
/// (its file line, its source and caret lines) make one item.
fn report_items(text: &str) -> Value {
    let mut items: Vec<String> = Vec::new();
    for line in text.split_inclusive('\n') {
        let continues_frame = line.starts_with("    ")
            && items
                .last()
                .is_some_and(|last| last.trim_start().starts_with("File \""));
        match items.last_mut() {
            Some(last) if continues_frame => last.push_str(line),
            _ => items.push(line.to_string()),
        }
    }
    Value::list(items.iter().map(|item| Value::str(item)).collect())
}

/// `file=` of the print functions: `sys.stderr` by default.
fn emit(vm: &mut Vm, file: Option<Value>, text: &str) -> PyResult<()> {
    crate::builtins::functions::write_to(vm, file, Stream::Stderr, text)
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

/// The exception of `print_exception(exc)` / `(type, value, tb)` and the
/// other keyword arguments the function takes (`file` is returned).
fn exception_argument(name: &str, mut args: Args) -> PyResult<(Option<ExcRef>, Option<Value>)> {
    let file = args.take_kw("file");
    args.take_kw("limit");
    args.take_kw("chain");
    let value = args.take_kw("value");
    args.take_kw("tb");
    reject_kwargs(name, &args)?;
    let given = value.or_else(|| args.pos.get(1).cloned());
    let exc = match (args.pos.first(), given) {
        (None, _) => {
            return Err(type_error(format!(
                "{name}() missing 1 required positional argument: 'exc'"
            )))
        }
        (Some(_), Some(value)) => value,
        (Some(exc), None) => exc.clone(),
    };
    match exc {
        Value::Exception(e) => Ok((Some(e), file)),
        Value::None => Ok((None, file)),
        other => Err(type_error(format!(
            "Exception expected for value, {} found",
            type_of(&other).name()
        ))),
    }
}

fn print_exception(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let (e, file) = exception_argument("print_exception", args)?;
    let text = report(vm, e);
    emit(vm, file, &text)?;
    Ok(Value::None)
}

fn format_exception(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let (e, _) = exception_argument("format_exception", args)?;
    let text = report(vm, e);
    Ok(report_items(&text))
}

/// `format_exception_only(exc)`: the report's last line(s), without the
/// traceback.
fn format_exception_only(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let (e, _) = exception_argument("format_exception_only", args)?;
    let text = report(vm, e);
    let last = text
        .split_inclusive('\n')
        .rfind(|line| !line.starts_with(' ') && !line.starts_with("Traceback "))
        .unwrap_or_default();
    Ok(Value::list(vec![Value::str(last)]))
}

fn print_stack(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let file = args.take_kw("file");
    args.take_kw("f");
    args.take_kw("limit");
    reject_kwargs("print_stack", &args)?;
    let text = crate::traceback::format_stack(vm);
    emit(vm, file, &text)?;
    Ok(Value::None)
}

fn format_stack(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    args.take_kw("f");
    args.take_kw("limit");
    reject_kwargs("format_stack", &args)?;
    Ok(report_items(&crate::traceback::format_stack(vm)))
}
