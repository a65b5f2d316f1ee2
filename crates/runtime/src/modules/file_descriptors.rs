//! The process's file descriptors, as Linux numbers them: 0-2 are the
//! standard streams, and each new descriptor is the lowest free number. An
//! event loop holds three while it is open (its epoll and the two ends of its
//! self-pipe, `asyncio::events`), the loopback network's sockets one each
//! (`modules/python/_socket.py`, through `_loopscope.open_descriptor` and
//! `close_descriptor`), so a socket made before `asyncio.run` is 3 and one
//! made inside it 6, as in CPython's process. `wait_forever(message)` ends a
//! run whose socket call would block forever (nothing else can run).

use std::collections::BTreeSet;

use crate::builtins::args::exactly_one;
use crate::object::exceptions::type_error;
use crate::object::value::{Args, PyResult, Value};
use crate::trace::Halt;
use crate::vm::Vm;

/// The descriptors open beside the standard streams.
#[derive(Default)]
struct Descriptors(BTreeSet<i64>);

/// The lowest free descriptor, now open.
pub fn open(vm: &mut Vm) -> i64 {
    let open = &mut vm.states.get::<Descriptors>().0;
    let mut fd = 3;
    while open.contains(&fd) {
        fd += 1;
    }
    open.insert(fd);
    fd
}

/// Descriptor `fd` is free again.
pub fn close(vm: &mut Vm, fd: i64) {
    vm.states.get::<Descriptors>().0.remove(&fd);
}

/// The descriptors `fds` are free again.
pub fn close_all(vm: &mut Vm, fds: Vec<i64>) {
    for fd in fds {
        close(vm, fd);
    }
}

/// `_loopscope.open_descriptor()`.
pub fn open_descriptor(vm: &mut Vm, _: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(open(vm)))
}

/// `_loopscope.close_descriptor(fd)`.
pub fn close_descriptor(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    match exactly_one("close_descriptor", &args)? {
        Value::Int(fd) => {
            close(vm, fd);
            Ok(Value::None)
        }
        _ => Err(type_error("close_descriptor(fd): fd must be an int")),
    }
}

/// `_loopscope.wait_forever(message)`: a blocking call that nothing can
/// ever complete (CPython would hang): the run stops as a deadlock.
pub fn wait_forever(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let message = match exactly_one("wait_forever", &args)? {
        Value::Str(s) => format!("deadlock: {}", s.as_str()),
        _ => return Err(type_error("wait_forever(message): message must be a str")),
    };
    Err(vm.halt(Halt::Deadlock, message))
}
