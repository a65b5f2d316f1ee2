//! `sys`: `stdout` / `stderr` objects usable with `print(file=...)` and
//! `.write(s)`, `argv` (the program's command line), `exit`, `exc_info`, `_getframe`, the
//! recursion limit, `stdlib_module_names`, and the constants of the oracle's CPython 3.11.7
//! (`version_info`, `hash_info`, `float_info`, `int_info`, `flags` and
//! `implementation` are the module's Python half, `python/sys.py`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins::args::{c_int_arg, exactly_one, index_arg, no_args};
use crate::builtins::frame_object::FrameObject;
use crate::object::exceptions::{exc, type_error, value_error};
use crate::object::native::{downcast, NativeObject};
use crate::object::set::PySet;
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::stdlib_names::STDLIB_MODULE_NAMES;
use crate::trace::Stream;
use crate::vm::Vm;

const STDOUT: &str = "<stdout>";
const STDERR: &str = "<stderr>";

/// `sys.version` of the oracle (`python3 -c "import sys; print(sys.version)"`).
const VERSION: &str = "3.11.7 (main, May  9 2026, 07:35:25) [GCC 12.2.0]";
/// `sys.executable` of the oracle.
const EXECUTABLE: &str = "/root/.pyenv/versions/3.11.7/bin/python3";
/// `sys.path`: the program's directory (the current directory,
/// `os.getcwd()`), then the oracle's library directories.
const PATH: [&str; 5] = [
    "/home/loopscope",
    "/root/.pyenv/versions/3.11.7/lib/python311.zip",
    "/root/.pyenv/versions/3.11.7/lib/python3.11",
    "/root/.pyenv/versions/3.11.7/lib/python3.11/lib-dynload",
    "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages",
];
/// `sys.hexversion` of 3.11.7 final.
const HEXVERSION: i64 = 0x030B07F0;
/// `sys.setrecursionlimit` accepts more, but frames cost memory: past this
/// depth a program gets RecursionError whatever limit it asked for.
const MAX_RECURSION_DEPTH: usize = 100_000;

/// The program's command line: `sys.argv`, its file name then its arguments
/// (`program.rs` sets it from `RunOptions`).
#[derive(Default)]
pub struct CommandLine(pub Vec<String>);

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let stream_slots = vm.slots.get_mut(TypeId::TextIOWrapper);
    stream_slots.methods = &[
        ("write", write),
        ("flush", flush),
        ("isatty", isatty),
        ("writable", writable),
    ];
    stream_slots.getattr = Some(stream_attribute);
    const FUNCTIONS: &[(&str, NativeFn)] = &[
        ("exit", crate::builtins::raise_exit),
        ("exc_info", exc_info),
        ("exception", exception),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("get_int_max_str_digits", get_int_max_str_digits),
        ("set_int_max_str_digits", set_int_max_str_digits),
        ("_getframe", getframe),
        (
            "get_coroutine_origin_tracking_depth",
            get_coroutine_origin_tracking_depth,
        ),
        (
            "set_coroutine_origin_tracking_depth",
            set_coroutine_origin_tracking_depth,
        ),
    ];
    let m = super::native_module("sys", "", FUNCTIONS);
    let argv = vm.states.get::<CommandLine>().0.iter();
    let argv = Value::list(argv.map(|a| Value::str(a)).collect());
    {
        let mut attrs = m.attrs.borrow_mut();
        attrs.insert_str("argv", argv);
        // The VM's own table: what programs add or remove, import sees.
        attrs.insert_str("modules", Value::Dict(vm.modules.clone()));
        attrs.insert_str("version", Value::str(VERSION));
        attrs.insert_str("hexversion", Value::Int(HEXVERSION));
        attrs.insert_str("byteorder", Value::str("little"));
        attrs.insert_str("maxunicode", Value::Int(0x10FFFF));
        for stream in [Stream::Stdout, Stream::Stderr] {
            let name = match stream {
                Stream::Stdout => "stdout",
                Stream::Stderr => "stderr",
            };
            attrs.insert_str(name, Value::Native(Rc::new(StdStream { stream })));
        }
        attrs.insert_str("maxsize", Value::Int(i64::MAX));
        attrs.insert_str("platform", Value::str("linux"));
        attrs.insert_str("executable", Value::str(EXECUTABLE));
        let path = PATH.iter().map(|p| Value::str(p)).collect();
        attrs.insert_str("path", Value::list(path));
        let names = STDLIB_MODULE_NAMES.iter().map(|name| Value::str(name));
        let names = PySet::from_items(names)?.into_frozen();
        attrs.insert_str(
            "stdlib_module_names",
            Value::Set(Rc::new(RefCell::new(names))),
        );
    }
    vm.run_library_file(&m, library_file!("modules/python/sys.py"))?;
    Ok(m)
}

/// `sys.stdout` / `sys.stderr`: a `TextIOWrapper` that writes to one of the
/// program's output streams.
pub struct StdStream {
    stream: Stream,
}

impl StdStream {
    fn name(&self) -> &'static str {
        match self.stream {
            Stream::Stdout => STDOUT,
            Stream::Stderr => STDERR,
        }
    }
}

impl NativeObject for StdStream {
    fn class_id(&self) -> TypeId {
        TypeId::TextIOWrapper
    }

    fn repr(&self) -> String {
        let name = self.name();
        format!("<_io.TextIOWrapper name='{name}' mode='w' encoding='utf-8'>")
    }
}

/// `name`, `mode`, `encoding` and `errors` of `sys.stdout` / `sys.stderr`.
fn stream_attribute(_vm: &mut Vm, recv: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(stream) = downcast::<StdStream>(recv) else {
        return Ok(None);
    };
    Ok(match name {
        "name" => Some(Value::str(stream.name())),
        "mode" => Some(Value::str("w")),
        "encoding" => Some(Value::str("utf-8")),
        "errors" => Some(Value::str(match stream.stream {
            Stream::Stdout => "strict",
            Stream::Stderr => "backslashreplace",
        })),
        _ => None,
    })
}

/// Output is captured, not a terminal.
fn isatty(_vm: &mut Vm, _recv: &Value, args: Args) -> PyResult<Value> {
    no_args("isatty", &args)?;
    Ok(Value::Bool(false))
}

fn writable(_vm: &mut Vm, _recv: &Value, args: Args) -> PyResult<Value> {
    no_args("writable", &args)?;
    Ok(Value::Bool(true))
}

/// The output stream `print(file=v)` writes to, if `v` is one of ours.
/// What `sys.stdout` (or `sys.stderr`) is now, when the program replaced it
/// (`contextlib.redirect_stdout`); `None` while it is the program's stream.
pub fn replaced_stream(vm: &Vm, stream: Stream) -> Option<Value> {
    let sys = vm.modules.borrow().get_str("sys")?;
    let Value::Module(sys) = sys else {
        return None;
    };
    let name = match stream {
        Stream::Stdout => "stdout",
        Stream::Stderr => "stderr",
    };
    let current = sys.attrs.borrow().get_str(name)?;
    (output_stream(&current) != Some(stream)).then_some(current)
}

pub fn output_stream(v: &Value) -> Option<Stream> {
    downcast::<StdStream>(v).map(|s| s.stream)
}

fn write(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let text = exactly_one("write", &args)?;
    let Value::Str(s) = &text else {
        return Err(type_error(format!(
            "write() argument must be str, not {}",
            type_of(&text).name()
        )));
    };
    let stream = output_stream(recv).unwrap_or(Stream::Stdout);
    vm.write(stream, s);
    vm.unless_halted()?;
    Ok(Value::Int(s.chars().count() as i64))
}

fn flush(_vm: &mut Vm, _recv: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `sys.exc_info()`: `(type, value, traceback)` of the exception being
/// handled, `(None, None, None)` outside any handler. Tracebacks are not
/// objects here: the third item is None.
fn exc_info(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_args("exc_info", &args)?;
    Ok(match vm.handled_exception() {
        Some(e) => Value::tuple(vec![
            Value::Type(e.class.clone()),
            Value::Exception(e.clone()),
            crate::builtins::traceback_object::traceback_of(&e),
        ]),
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

/// `sys.exception()`: the exception being handled, or None.
fn exception(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_args("exception", &args)?;
    Ok(vm.handled_exception().map_or(Value::None, Value::Exception))
}

fn getrecursionlimit(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_args("getrecursionlimit", &args)?;
    Ok(Value::Int(vm.limits.recursion_depth as i64))
}

/// `sys._getframe([depth])`: a snapshot of the program's frame `depth` calls
/// below the running one, linked to its callers by `f_back`. The library's
/// frames are not counted, as tracebacks do not show them.
fn getframe(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    crate::builtins::args::count_range("_getframe", &args, 0, 1)?;
    let depth = match args.pos.first() {
        Some(v) => index_arg(v)?.max(0) as usize,
        None => 0,
    };
    let program: Vec<usize> = (0..vm.frames.len())
        .filter(|&i| !vm.frames[i].code.library)
        .collect();
    if depth >= program.len() {
        return Err(value_error("call stack is not deep enough"));
    }
    let mut frame = Value::None;
    for &i in &program[..program.len() - depth] {
        let f = &mut vm.frames[i];
        let locals = crate::builtins::functions::frame_locals(f);
        let globals = Value::Dict(f.globals.attrs.clone());
        frame = Value::Native(Rc::new(FrameObject {
            code: f.code.clone(),
            line: f.current_line(),
            back: frame,
            namespaces: Some((locals, globals)),
        }));
    }
    Ok(frame)
}

fn setrecursionlimit(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let limit = c_int_arg(&exactly_one("setrecursionlimit", &args)?)?;
    if limit < 1 {
        return Err(value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    let depth = vm.recursion_depth();
    if (limit as usize) <= depth {
        return Err(exc(
            TypeId::RecursionError,
            format!(
                "cannot set the recursion limit to {limit} at the recursion depth {depth}: the limit is too low"
            ),
        ));
    }
    vm.limits.recursion_depth = (limit as usize).min(MAX_RECURSION_DEPTH);
    Ok(Value::None)
}

/// `sys.get_int_max_str_digits()`.
fn get_int_max_str_digits(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_args("get_int_max_str_digits", &args)?;
    Ok(Value::Int(crate::repr::int_max_str_digits() as i64))
}

/// `sys.set_int_max_str_digits(maxdigits)`: 0 (no limit) or at least 640.
fn set_int_max_str_digits(_vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let keyword = args.take_kw("maxdigits");
    if args.pos.len() + keyword.iter().len() > 1 {
        return Err(type_error(format!(
            "set_int_max_str_digits() takes at most 1 argument ({} given)",
            args.pos.len() + keyword.iter().len() + args.kw.len()
        )));
    }
    let Some(given) = args.pos.first().cloned().or(keyword) else {
        return Err(type_error(
            "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
        ));
    };
    crate::builtins::args::reject_kwargs("set_int_max_str_digits", &args)?;
    let digits = c_int_arg(&given)?;
    let threshold = crate::repr::INT_STR_DIGITS_THRESHOLD;
    if digits != 0 && (digits as i64) < threshold as i64 {
        return Err(value_error(format!(
            "maxdigits must be 0 or larger than {threshold}"
        )));
    }
    crate::repr::set_int_max_str_digits(digits as usize);
    Ok(Value::None)
}

fn get_coroutine_origin_tracking_depth(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_args("get_coroutine_origin_tracking_depth", &args)?;
    Ok(Value::Int(vm.coroutine_origin_depth as i64))
}

/// `sys.set_coroutine_origin_tracking_depth(depth)`: new coroutines keep
/// where they were created, `depth` frames of it (asyncio's debug mode sets 10).
fn set_coroutine_origin_tracking_depth(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let depth = index_arg(&exactly_one("set_coroutine_origin_tracking_depth", &args)?)?;
    if depth < 0 {
        return Err(value_error("depth must be >= 0"));
    }
    vm.coroutine_origin_depth = usize::try_from(depth).unwrap_or(usize::MAX);
    Ok(Value::None)
}
