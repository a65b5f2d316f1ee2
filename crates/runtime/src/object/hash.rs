//! Python's `hash()` for the built-in values, as CPython 3.11 computes it
//! with `PYTHONHASHSEED=0` (the conformance recorder's setting), so that set
//! iteration order (see `set.rs`) comes out as CPython's.
//!
//! - `int`, `bool`, `float`: the numeric hash (`loopscope_cpython::numeric_hash`);
//!   a NaN hashes by its address as CPython does, each `float('nan')` being a
//!   NaN of its own ([`crate::object::value::fresh_nan`]).
//! - `str`, `bytes`: SipHash-1-3 with a zero key over CPython's buffer
//!   (Python/pyhash.c); a `str` is hashed as its compact representation, one,
//!   two or four bytes per character by its widest character.
//! - `tuple`: 3.11's xxHash-based `tuplehash` (Objects/tupleobject.c);
//!   `range`: the hash of `(len, start, step)` with CPython's `None`s.
//! - `None` and `...` are static objects in CPython, hashed by address: the
//!   low 16 bits (their offsets inside the interpreter's image, stable from
//!   run to run) are CPython 3.11.7's, the rest one run's. Types, static too,
//!   get distinct stable values that are not CPython's.
//! - Every other object hashes by identity, `_Py_HashPointer` over the
//!   deterministic address `id()` shows ([`crate::object::value::address_of`]).

use loopscope_cpython::numeric_hash::{hash_float, hash_int};
use num_bigint::BigInt;

use crate::object::exceptions::type_error;
use crate::object::types::{type_of, TypeRef};
use crate::object::value::{PyResult, Value};

/// `hash(None)` in one CPython 3.11.7 run (the low 16 bits never vary).
const NONE_HASH: i64 = 0x7f1_1eb2_5bbe;
/// `hash(...)` in the same run.
const ELLIPSIS_HASH: i64 = 0x7f1_1eb2_5de6;

/// Python's `hash(v)`; a TypeError for the unhashable types.
/// `hash()` of a tuple and the tuples inside it, without recursion: a tuple
/// nested a million deep costs heap, not Rust stack (CPython's own recursion
/// crashes there).
fn nested_tuple_hash(items: &[Value]) -> PyResult<i64> {
    let mut pending: Vec<(&[Value], Vec<i64>)> = vec![(items, Vec::with_capacity(items.len()))];
    loop {
        let (items, lanes) = pending.last().expect("a tuple being hashed");
        let items: &[Value] = items;
        match items.get(lanes.len()) {
            Some(Value::Tuple(inner)) => pending.push((inner, Vec::with_capacity(inner.len()))),
            Some(item) => {
                let hash = hash_value(item)?;
                pending.last_mut().expect("a tuple").1.push(hash);
            }
            None => {
                let (_, lanes) = pending.pop().expect("a tuple");
                let hash = tuple_hash(&lanes);
                match pending.last_mut() {
                    Some((_, outer)) => outer.push(hash),
                    None => return Ok(hash),
                }
            }
        }
    }
}

pub fn hash_value(v: &Value) -> PyResult<i64> {
    Ok(match v {
        Value::None => NONE_HASH,
        Value::Ellipsis => ELLIPSIS_HASH,
        Value::Bool(b) => *b as i64,
        Value::Int(i) => int_hash(*i),
        Value::BigInt(b) => hash_int(b),
        Value::Float(f) => {
            hash_float(*f).unwrap_or_else(|| pointer_hash(crate::object::value::address_of(v)))
        }
        Value::Complex(x, y) => loopscope_cpython::complex::hash(
            (*x, *y),
            pointer_hash(crate::object::value::address_of(v)),
        ),
        Value::Str(s) => str_hash(s),
        Value::Bytes(b) => bytes_hash(b),
        Value::MemoryView(m) => {
            m.check()?;
            if !m.readonly {
                return Err(crate::object::exceptions::value_error(
                    "cannot hash writable memoryview object",
                ));
            }
            bytes_hash(&m.bytes())
        }
        Value::Tuple(items) => nested_tuple_hash(items)?,
        Value::Set(s) if s.borrow().frozen => s.borrow().frozen_hash(),
        Value::Range(r) => {
            let len = r.len();
            let lanes = match len {
                0 => [int_hash(0), NONE_HASH, NONE_HASH],
                1 => [int_hash(1), int_hash(r.start), NONE_HASH],
                _ => [int_hash(len), int_hash(r.start), int_hash(r.step)],
            };
            tuple_hash(&lanes)
        }
        Value::Type(TypeRef::Builtin(t)) => 0x7f1_1eb2_0000 + *t as i64 * 0x40,
        Value::Instance(_) | Value::Exception(_) => match type_of(v).lookup_override("__hash__") {
            None => match crate::object::instance::payload(v) {
                inner if !inner.is(v) => hash_value(inner)?,
                _ => pointer_hash(crate::object::value::address_of(v)),
            },
            Some(Value::None) => {
                return Err(type_error(format!(
                    "unhashable type: '{}'",
                    type_of(v).name()
                )))
            }
            // Only the VM can run it (`ops::hash`).
            Some(_) => {
                return Err(type_error(format!(
                    "the __hash__ of '{}' cannot run here",
                    type_of(v).name()
                )))
            }
        },
        // CPython's `meth_hash`: the receiver's address with the function's hash.
        Value::Method(m) => {
            let h =
                pointer_hash(crate::object::value::address_of(&m.receiver)) ^ hash_value(&m.func)?;
            if h == -1 {
                -2
            } else {
                h
            }
        }
        _ if hashed_by_identity(v) => pointer_hash(crate::object::value::address_of(v)),
        // list, dict, set, slice
        _ => {
            return Err(type_error(format!(
                "unhashable type: '{}'",
                type_of(v).name()
            )))
        }
    })
}

/// The objects CPython hashes by identity (`object.__hash__`, a heap address).
fn hashed_by_identity(v: &Value) -> bool {
    match v {
        Value::Function(_)
        | Value::Builtin(_)
        | Value::Generator(_)
        | Value::Module(_)
        | Value::Iter(_)
        | Value::Cell(_)
        | Value::Native(_)
        | Value::Method(_)
        | Value::NotImplemented
        | Value::Type(TypeRef::Class(_)) => true,
        Value::Instance(_) | Value::Exception(_) => {
            type_of(v).lookup_override("__hash__").is_none()
                && crate::object::instance::payload(v).is(v)
        }
        _ => false,
    }
}

/// Whether CPython would hash `v` (or part of it) by a heap address, which
/// differs from run to run: such values have no reproducible set order.
pub fn hashed_by_address(v: &Value) -> bool {
    match v {
        Value::Tuple(items) => items.iter().any(hashed_by_address),
        _ => hashed_by_identity(v),
    }
}

/// The hash of a machine-sized int: itself below the modulus 2**61 - 1,
/// except that -1 (CPython's error marker) becomes -2.
fn int_hash(i: i64) -> i64 {
    match i {
        -1 => -2,
        _ if (-(1i64 << 60)..(1i64 << 60)).contains(&i) => i,
        _ => hash_int(&BigInt::from(i)),
    }
}

/// `_Py_HashPointer`: the address rotated right by 4 bits.
pub fn pointer_hash(address: u64) -> i64 {
    let h = address.rotate_right(4) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The hash of a `str`, over CPython's compact buffer for it.
pub fn str_hash(s: &str) -> i64 {
    if s.is_ascii() {
        return bytes_hash(s.as_bytes());
    }
    let widest = s.chars().map(u32::from).max().unwrap_or(0);
    let buffer: Vec<u8> = if widest < 0x100 {
        s.chars().map(|c| c as u8).collect()
    } else if widest < 0x1_0000 {
        s.chars()
            .flat_map(|c| (u32::from(c) as u16).to_le_bytes())
            .collect()
    } else {
        s.chars().flat_map(|c| u32::from(c).to_le_bytes()).collect()
    };
    bytes_hash(&buffer)
}

/// `_Py_HashBytes`: 0 for no bytes, else SipHash-1-3 (-1 becomes -2).
pub fn bytes_hash(bytes: &[u8]) -> i64 {
    if bytes.is_empty() {
        return 0;
    }
    match siphash13(bytes) as i64 {
        -1 => -2,
        h => h,
    }
}

/// SipHash-1-3 keyed with zeros (k0 = k1 = 0), as pyhash.c's `siphash13`.
fn siphash13(src: &[u8]) -> u64 {
    let mut v = [
        0x736f_6d65_7073_6575u64,
        0x646f_7261_6e64_6f6du64,
        0x6c79_6765_6e65_7261u64,
        0x7465_6462_7974_6573u64,
    ];
    let mut chunks = src.chunks_exact(8);
    for chunk in &mut chunks {
        let m = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        v[3] ^= m;
        sip_round(&mut v);
        v[0] ^= m;
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    let b = ((src.len() as u64) << 56) | u64::from_le_bytes(tail);
    v[3] ^= b;
    sip_round(&mut v);
    v[0] ^= b;
    v[2] ^= 0xff;
    for _ in 0..3 {
        sip_round(&mut v);
    }
    v[0] ^ v[1] ^ v[2] ^ v[3]
}

fn sip_round(v: &mut [u64; 4]) {
    v[0] = v[0].wrapping_add(v[1]);
    v[2] = v[2].wrapping_add(v[3]);
    v[1] = v[1].rotate_left(13) ^ v[0];
    v[3] = v[3].rotate_left(16) ^ v[2];
    v[0] = v[0].rotate_left(32);
    v[2] = v[2].wrapping_add(v[1]);
    v[0] = v[0].wrapping_add(v[3]);
    v[1] = v[1].rotate_left(17) ^ v[2];
    v[3] = v[3].rotate_left(21) ^ v[0];
    v[2] = v[2].rotate_left(32);
}

/// 3.11's `tuplehash` over the items' hashes (xxHash's round, 64-bit primes).
pub fn tuple_hash(lanes: &[i64]) -> i64 {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let mut acc = PRIME_5;
    for &lane in lanes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add(lanes.len() as u64 ^ (PRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        1_546_275_796
    } else {
        acc as i64
    }
}
