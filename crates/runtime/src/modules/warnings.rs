//! `warnings`: the module is Python (`python/warnings.py`, CPython's
//! warnings.py without its C accelerator), run in the namespace of this
//! native one, which adds what Python code cannot see: `_caller(stacklevel)`,
//! where a warning is attributed (CPython's `sys._getframe` walk), and
//! `_source_line`, the program's line that `formatwarning` quotes
//! (CPython's `linecache`).

use std::rc::Rc;

use crate::builtins::args::{count_range, index_arg, no_kwargs};
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

const FILENAME: &str = stdlib_path!("warnings.py");

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[("_caller", caller), ("_source_line", source_line)];
    let m = super::native_module("warnings", FILENAME, FUNCTIONS);
    m.attrs
        .borrow_mut()
        .insert_str("__file__", Value::str(FILENAME));
    vm.run_library_file(&m, library_file!("modules/python/warnings.py"))?;
    Ok(m)
}

/// `_caller(stacklevel)`: `(filename, line, module name)` of the
/// `stacklevel`-th frame of the program's code, counting outwards from the
/// innermost (library frames do not count), or `None` past the outermost
/// (CPython then attributes the warning to `sys:1`).
fn caller(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("_caller", &args)?;
    count_range("_caller", &args, 1, 1)?;
    let stacklevel = index_arg(&args.pos[0])?.max(1) as usize;
    let frame = vm
        .frames
        .iter()
        .rev()
        .filter(|f| !f.code.library)
        .nth(stacklevel - 1);
    Ok(match frame {
        Some(frame) => Value::tuple(vec![
            Value::str(&frame.code.filename),
            Value::Int(i64::from(frame.current_line())),
            Value::str(&frame.globals.name),
        ]),
        None => Value::None,
    })
}

/// `_source_line(filename, lineno)`: line `lineno` of the program when
/// `filename` is its file, else `''` (the library's sources are not kept).
fn source_line(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("_source_line", &args)?;
    count_range("_source_line", &args, 2, 2)?;
    let line = index_arg(&args.pos[1])?;
    let is_program = matches!(&args.pos[0], Value::Str(f) if **f == *vm.main.filename);
    let text = usize::try_from(line)
        .ok()
        .filter(|_| is_program)
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| vm.source_lines.get(i).cloned())
        .unwrap_or_default();
    Ok(Value::str(&text))
}
