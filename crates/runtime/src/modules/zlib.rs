//! `zlib`: the checksums `crc32` and `adler32`, as CPython computes them.
//! `compress` and `decompress` are not provided: a deflate stream that
//! matches the zlib library's byte for byte would need zlib itself.

use std::rc::Rc;

use crate::builtins::args::{count_range, reject_kwargs};
use crate::object::bytearray::bytes_like;
use crate::object::exceptions::type_error;
use crate::object::types::type_of;
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub fn make(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[("crc32", crc32), ("adler32", adler32)];
    Ok(super::native_module(
        "zlib",
        stdlib_path!("lib-dynload/zlib.cpython-311-x86_64-linux-gnu.so"),
        FUNCTIONS,
    ))
}

/// The data and starting value of a checksum call (`value` is taken
/// modulo 2**32, as CPython's `unsigned int` converter does).
fn checksum_args(name: &str, args: &Args, initial: u32) -> PyResult<(Rc<[u8]>, u32)> {
    reject_kwargs(name, args)?;
    count_range(name, args, 1, 2)?;
    let data = bytes_like(&args.pos[0]).ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_of(&args.pos[0]).name()
        ))
    })?;
    let value = match args.pos.get(1) {
        None => initial,
        Some(Value::Int(n)) => *n as u32,
        Some(Value::Bool(b)) => *b as u32,
        Some(Value::BigInt(b)) => {
            let low = b.iter_u32_digits().next().unwrap_or(0);
            if b.sign() == num_bigint::Sign::Minus {
                low.wrapping_neg()
            } else {
                low
            }
        }
        Some(other) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_of(other).name()
            )))
        }
    };
    Ok((data, value))
}

fn crc32(_: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let (data, value) = checksum_args("crc32", &args, 0)?;
    let mut crc = !value;
    for &byte in data.iter() {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    Ok(Value::Int(i64::from(!crc)))
}

fn adler32(_: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    const MODULUS: u32 = 65521;
    let (data, value) = checksum_args("adler32", &args, 1)?;
    let (mut a, mut b) = (value & 0xffff, value >> 16);
    for &byte in data.iter() {
        a = (a + u32::from(byte)) % MODULUS;
        b = (b + a) % MODULUS;
    }
    Ok(Value::Int(i64::from((b << 16) | a)))
}
