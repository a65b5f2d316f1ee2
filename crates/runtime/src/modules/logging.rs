//! `logging`: the module is Python (`python/logging.py`), run in the
//! namespace of this native one, which adds what Python code cannot see:
//! `_caller(stacklevel)`, the file, line and function of the program's code
//! that called into logging (CPython's `findCaller` walks frames), and the
//! route that sends asyncio's own reports through the program's logging
//! configuration (`object::warnings::LogRoute`).

use std::rc::Rc;

use crate::builtins::args::{count_range, index_arg, no_kwargs};
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::object::warnings::{LogEntry, LogRoute};
use crate::vm::Vm;

const FILENAME: &str = stdlib_path!("logging/__init__.py");

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[("_caller", caller)];
    let m = super::native_module("logging", FILENAME, FUNCTIONS);
    m.attrs
        .borrow_mut()
        .insert_str("__file__", Value::str(FILENAME));
    vm.run_library_file(&m, library_file!("modules/python/logging.py"))?;
    vm.states.get::<LogRoute>().0 = Some(log_from_loop);
    Ok(m)
}

/// `_caller(stacklevel)`: `(filename, line, function)` of the
/// `stacklevel`-th frame of the program's code, counting outwards from the
/// innermost (library frames, logging's own, do not count).
fn caller(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("_caller", &args)?;
    count_range("_caller", &args, 0, 1)?;
    let stacklevel = args.pos.first().map(index_arg).transpose()?.unwrap_or(1);
    let program_frames: Vec<_> = vm.frames.iter().rev().filter(|f| !f.code.library).collect();
    let Some(frame) = program_frames
        .get(stacklevel.max(1) as usize - 1)
        .or(program_frames.last())
    else {
        return Ok(Value::tuple(vec![
            Value::str("(unknown file)"),
            Value::Int(0),
            Value::str("(unknown function)"),
        ]));
    };
    Ok(Value::tuple(vec![
        Value::str(&frame.code.filename),
        Value::Int(i64::from(frame.current_line())),
        Value::str(&frame.code.name),
    ]))
}

/// The route of asyncio's reports: `logging._log_from_loop(...)`.
fn log_from_loop(vm: &mut Vm, entry: &LogEntry) -> PyResult<()> {
    let module = vm.import("logging")?;
    let log = crate::attrs::get_attr(vm, &module, "_log_from_loop")?;
    let (pathname, line, function) = entry.site;
    let args = vec![
        Value::str("asyncio"),
        Value::Int(entry.level),
        Value::str(entry.message),
        entry
            .exc
            .map_or(Value::None, |e| Value::Exception(e.clone())),
        entry.exc_text.map_or(Value::None, Value::str),
        Value::tuple(vec![
            Value::str(pathname),
            Value::Int(i64::from(line)),
            Value::str(function),
        ]),
    ];
    vm.call(&log, Args::new(args))?;
    Ok(())
}
