//! `traceback`: CPython's module in Python (`python/traceback.py`, run in
//! this module's namespace), with the helpers it needs from the engine: the
//! program's source lines, a traceback entry's positions, the caret line
//! under a failing expression (the engine's own printer draws it) and the
//! frames now running.

use std::rc::Rc;

use loopscope_syntax::ast::{Pos, Span};

use crate::builtins::args::{count_range, reject_kwargs};
use crate::builtins::traceback_object::entry_of;
use crate::object::exceptions::type_error;
use crate::object::stack_summary::extract_innermost;
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

/// The file of the code `extract_stack()` runs in: its frames are left out.
const MODULE_FILE: &str = stdlib_path!("traceback.py");

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[
        ("_getline", getline),
        ("_tb_positions", tb_positions),
        ("_caret_line", caret_line),
        ("_raised_in_library", raised_in_library),
        ("_stack", stack),
        ("_is_library_file", is_library_file),
    ];
    let m = super::native_module("traceback", MODULE_FILE, FUNCTIONS);
    vm.run_library_source(&m, library_source!("modules/python/traceback.py"))?;
    Ok(m)
}

/// Line `lineno` (1-based) of the program, if `filename` is the program's.
fn program_line<'a>(vm: &'a Vm, filename: &str, lineno: i64) -> Option<&'a str> {
    if filename != &*vm.main.filename || lineno < 1 {
        return None;
    }
    vm.source_lines.get(lineno as usize - 1).map(String::as_str)
}

/// `_getline(filename, lineno)`: linecache's line of the program's source
/// ("" for any other file, whose source a simulated run does not have).
fn getline(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    reject_kwargs("_getline", &args)?;
    count_range("_getline", &args, 2, 2)?;
    let (Value::Str(filename), Value::Int(lineno)) = (&args.pos[0], &args.pos[1]) else {
        return Ok(Value::str(""));
    };
    let line = program_line(vm, filename, *lineno);
    Ok(Value::str(
        &line.map_or(String::new(), |l| format!("{l}\n")),
    ))
}

/// The UTF-8 offset of character `col` of `line` (CPython's columns count bytes).
fn byte_offset(line: Option<&str>, col: u32) -> i64 {
    let Some(line) = line else {
        return i64::from(col);
    };
    let bytes: usize = line.chars().take(col as usize).map(char::len_utf8).sum();
    let past_end = (col as usize).saturating_sub(line.chars().count());
    (bytes + past_end) as i64
}

/// The character offset of UTF-8 offset `offset` of `line`.
fn char_offset(line: &str, offset: i64) -> u32 {
    let mut bytes = 0i64;
    let mut chars = 0u32;
    for c in line.chars() {
        if bytes >= offset {
            return chars;
        }
        bytes += c.len_utf8() as i64;
        chars += 1;
    }
    chars + (offset - bytes).max(0) as u32
}

/// `_tb_positions(tb)`: `(lineno, end_lineno, colno, end_colno)` of the
/// instruction a traceback entry stopped at, as `co_positions()` gives them.
fn tb_positions(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    reject_kwargs("_tb_positions", &args)?;
    count_range("_tb_positions", &args, 1, 1)?;
    let Some(entry) = entry_of(&args.pos[0]) else {
        return Err(type_error("_tb_positions() expects a traceback object"));
    };
    let code = &entry.code;
    let line = code.line_of(entry.pc as usize);
    let span = code.span_of(entry.pc as usize);
    if span.start.line != line {
        return Ok(Value::tuple(vec![
            Value::Int(i64::from(line)),
            Value::None,
            Value::None,
            Value::None,
        ]));
    }
    let filename = &code.filename;
    let start = byte_offset(
        program_line(vm, filename, i64::from(span.start.line)),
        span.start.col,
    );
    let end = byte_offset(
        program_line(vm, filename, i64::from(span.end.line)),
        span.end.col,
    );
    Ok(Value::tuple(vec![
        Value::Int(i64::from(span.start.line)),
        Value::Int(i64::from(span.end.line)),
        Value::Int(start),
        Value::Int(end),
    ]))
}

/// `_caret_line(line, lineno, end_lineno, colno, end_colno)`: the caret
/// line under the expression at those positions of `line` (the source line
/// with its newline), or None when it would underline the whole line.
fn caret_line(_: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    reject_kwargs("_caret_line", &args)?;
    count_range("_caret_line", &args, 5, 5)?;
    let [Value::Str(line), Value::Int(lineno), end_lineno, Value::Int(colno), Value::Int(end_colno)] =
        &args.pos[..]
    else {
        return Ok(Value::None);
    };
    let source = line.strip_suffix('\n').unwrap_or(line);
    let start_line = *lineno as u32;
    // No end line counts as a span running past this line, as in CPython.
    let end_line = match end_lineno {
        Value::Int(end) => *end as u32,
        _ => start_line + 1,
    };
    let span = Span::new(
        Pos {
            line: start_line,
            col: char_offset(source, *colno),
        },
        Pos {
            line: end_line,
            col: char_offset(source, *end_colno),
        },
    );
    Ok(crate::traceback::caret_line(source, span).map_or(Value::None, |s| Value::str(&s)))
}

/// `_raised_in_library(exc)`: whether `exc` was raised, though none of the
/// frames it passed through is the program's (asyncio raised it).
fn raised_in_library(_: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    reject_kwargs("_raised_in_library", &args)?;
    count_range("_raised_in_library", &args, 1, 1)?;
    let raised = match &args.pos[0] {
        Value::Exception(e) => !e.traceback.borrow().is_empty(),
        _ => false,
    };
    Ok(Value::Bool(raised))
}

/// `_stack()`: the frames now running below the `traceback` module's own,
/// innermost first, as `(filename, lineno, name)`, the library frames
/// CPython would have among them included.
fn stack(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    reject_kwargs("_stack", &args)?;
    count_range("_stack", &args, 0, 0)?;
    let entries = extract_innermost(vm, usize::MAX);
    let frames = entries
        .iter()
        .skip_while(|entry| &*entry.filename == MODULE_FILE)
        .map(|entry| {
            Value::tuple(vec![
                Value::str(&entry.filename),
                Value::Int(i64::from(entry.line)),
                Value::str(&entry.name),
            ])
        })
        .collect();
    Ok(Value::list(frames))
}

/// `_is_library_file(filename)`: a file of CPython's library, whose frames
/// are never shown.
fn is_library_file(_: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    reject_kwargs("_is_library_file", &args)?;
    count_range("_is_library_file", &args, 1, 1)?;
    let library = match &args.pos[0] {
        Value::Str(filename) => crate::traceback::is_library_file(filename),
        _ => false,
    };
    Ok(Value::Bool(library))
}
