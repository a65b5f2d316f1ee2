//! `sys`: `stdout` / `stderr` objects usable with `print(file=...)` and
//! `.write(s)`, plus a few constants.

use std::rc::Rc;

use crate::builtins::args::exactly_one;
use crate::object::exceptions::type_error;
use crate::object::native::{downcast, NativeObject};
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, Module, PyResult, Value};
use crate::trace::Stream;
use crate::vm::Vm;

const STDOUT: &str = "<stdout>";
const STDERR: &str = "<stderr>";

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    vm.slots.get_mut(TypeId::TextIOWrapper).methods = &[("write", write), ("flush", flush)];
    let m = super::native_module("sys", "", &[("exit", crate::builtins::raise_exit)]);
    {
        let mut attrs = m.attrs.borrow_mut();
        for stream in [Stream::Stdout, Stream::Stderr] {
            let name = match stream {
                Stream::Stdout => "stdout",
                Stream::Stderr => "stderr",
            };
            attrs.insert_str(name, Value::Native(Rc::new(StdStream { stream })));
        }
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
    Ok(m)
}

/// `sys.stdout` / `sys.stderr`: a `TextIOWrapper` that writes to one of the
/// program's output streams.
pub struct StdStream {
    stream: Stream,
}

impl NativeObject for StdStream {
    fn class_id(&self) -> TypeId {
        TypeId::TextIOWrapper
    }

    fn repr(&self) -> String {
        let name = match self.stream {
            Stream::Stdout => STDOUT,
            Stream::Stderr => STDERR,
        };
        format!("<_io.TextIOWrapper name='{name}' mode='w' encoding='utf-8'>")
    }
}

/// The output stream `print(file=v)` writes to, if `v` is one of ours.
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
    Ok(Value::Int(s.chars().count() as i64))
}

fn flush(_vm: &mut Vm, _recv: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}
