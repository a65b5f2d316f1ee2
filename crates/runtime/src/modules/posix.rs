//! `posix`, the Rust half of `os` (`python/os.py`): the process as a program
//! sees it in Loopscope — pid 4242 (its parent 4241), 4 CPUs, and
//! `urandom(n)` drawn from a Mersenne Twister of its own seeded with the
//! run's seed: `random.Random(seed).randbytes(n)`, which is what the
//! conformance recorder gives CPython (README: "The process").

use std::rc::Rc;

use loopscope_cpython::random::{PyRandom, Seed};
use num_bigint::BigInt;

use crate::builtins::args::{exactly_one, index_arg, no_args};
use crate::object::exceptions::{exc, value_error};
use crate::object::types::TypeId;
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

/// `os.getpid()`.
const PID: i64 = 4242;
/// `os.cpu_count()`.
const CPU_COUNT: i64 = 4;

pub fn make(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[
        ("urandom", urandom),
        ("getpid", getpid),
        ("getppid", getppid),
        ("cpu_count", cpu_count),
    ];
    Ok(super::native_module("posix", "", FUNCTIONS))
}

/// The generator behind `urandom`, apart from `random`'s.
struct UrandomGenerator(PyRandom);

fn urandom(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let size = index_arg(&exactly_one("urandom", &args)?)?;
    if size < 0 {
        return Err(value_error("negative argument not allowed"));
    }
    if size as usize > vm.limits.max_sequence_len {
        return Err(exc(TypeId::MemoryError, ""));
    }
    let seed = vm.seed;
    let generator = vm
        .states
        .get_or_init(|| UrandomGenerator(PyRandom::new(Seed::Int(&BigInt::from(seed)))));
    Ok(Value::Bytes(Rc::from(generator.0.randbytes(size as usize))))
}

fn getpid(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_args("getpid", &args)?;
    Ok(Value::Int(PID))
}

fn getppid(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_args("getppid", &args)?;
    Ok(Value::Int(PID - 1))
}

fn cpu_count(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_args("cpu_count", &args)?;
    Ok(Value::Int(CPU_COUNT))
}
