//! `_hashlib`: the digests `hashlib` offers (md5, sha1, sha224, sha256,
//! sha384, sha512), computed by RustCrypto's crates in one call,
//! `_digest(name, data)`. The hash objects (`update`, `copy`, `hexdigest`)
//! are `python/hashlib.py`, which keeps the bytes seen so far.

use std::rc::Rc;

use md5::Md5;
use sha1::Sha1;
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512};

use crate::builtins::args::{count_range, no_kwargs};
use crate::object::exceptions::{type_error, value_error};
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub fn make(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[("_digest", digest)];
    Ok(super::native_module("_hashlib", "", FUNCTIONS))
}

/// `_digest(name, data)`: the digest of `data` (bytes) by the algorithm
/// `name` (lower case), as bytes.
fn digest(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("_digest", &args)?;
    count_range("_digest", &args, 2, 2)?;
    let (Value::Str(name), Value::Bytes(data)) = (&args.pos[0], &args.pos[1]) else {
        return Err(type_error("_digest(name, data) takes a str and bytes"));
    };
    let out: Vec<u8> = match name.as_str() {
        "md5" => Md5::digest(data).to_vec(),
        "sha1" => Sha1::digest(data).to_vec(),
        "sha224" => Sha224::digest(data).to_vec(),
        "sha256" => Sha256::digest(data).to_vec(),
        "sha384" => Sha384::digest(data).to_vec(),
        "sha512" => Sha512::digest(data).to_vec(),
        other => return Err(value_error(format!("unsupported hash type {other}"))),
    };
    Ok(Value::Bytes(Rc::from(out)))
}
