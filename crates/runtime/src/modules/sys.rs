//! `sys`: `stdout` / `stderr` objects usable with `print(file=...)` and
//! `.write(s)`, plus a few constants. The stream objects are small modules
//! whose names mark which output stream they stand for.

use std::rc::Rc;

use crate::builtins::args::exactly_one;
use crate::builtins::method;
use crate::exceptions::type_error;
use crate::trace::Stream;
use crate::types::type_of;
use crate::value::{Args, Module, PyResult, Value};
use crate::vm::Vm;

const STDOUT: &str = "<stdout>";
const STDERR: &str = "<stderr>";

pub fn make() -> Rc<Module> {
    let m = super::native_module("sys", "", &[("exit", crate::builtins::raise_exit)]);
    {
        let mut attrs = m.attrs.borrow_mut();
        attrs.insert_str("stdout", stream_object(STDOUT));
        attrs.insert_str("stderr", stream_object(STDERR));
        attrs.insert_str("maxsize", Value::Int(i64::MAX));
        attrs.insert_str("platform", Value::str("linux"));
        attrs.insert_str(
            "version_info",
            Value::tuple(vec![
                Value::Int(3),
                Value::Int(11),
                Value::Int(7),
                Value::str("final"),
                Value::Int(0),
            ]),
        );
    }
    m
}

fn stream_object(name: &str) -> Value {
    let m = Rc::new(Module {
        name: Rc::from(name),
        attrs: Default::default(),
        filename: Rc::from(name),
    });
    let v = Value::Module(m.clone());
    {
        let mut attrs = m.attrs.borrow_mut();
        // The bound methods hold the stream by name, not the object, so the
        // object does not keep itself alive.
        let marker = Value::str(name);
        attrs.insert_str("write", method("write", write, &marker));
        attrs.insert_str("flush", method("flush", flush, &marker));
    }
    v
}

/// Which stream a `sys.stdout` / `sys.stderr` module stands for.
pub fn stream_of_module(m: &Module) -> Option<Stream> {
    if m.filename != m.name {
        return None;
    }
    match &*m.name {
        STDOUT => Some(Stream::Stdout),
        STDERR => Some(Stream::Stderr),
        _ => None,
    }
}

/// The output stream `print(file=v)` writes to, if `v` is one of ours.
pub fn output_stream(v: &Value) -> Option<Stream> {
    match v {
        Value::Module(m) => stream_of_module(m),
        _ => None,
    }
}

fn write(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let text = exactly_one("write", &args)?;
    let Value::Str(s) = &text else {
        return Err(type_error(format!(
            "write() argument must be str, not {}",
            type_of(&text).name()
        )));
    };
    let stream = match recv {
        Value::Str(n) if &**n == STDERR => Stream::Stderr,
        _ => Stream::Stdout,
    };
    vm.write(stream, s);
    Ok(Value::Int(s.chars().count() as i64))
}

fn flush(_vm: &mut Vm, _recv: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}
