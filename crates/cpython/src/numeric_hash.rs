//! `hash()` of Python ints and floats (`Python/pyhash.c`, `Objects/longobject.c`).
//!
//! Numeric hashes are deterministic in CPython (unlike `str` hashes), and they
//! decide the iteration order of sets and the slot layout of dicts holding
//! numbers, and the state of `random.seed(float)`. Both follow the same rule:
//! the value reduced modulo the Mersenne prime 2**61 - 1, signed, with -1
//! mapped to -2, so `hash(2.0) == hash(2)`.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use crate::frexp::frexp;

const HASH_BITS: u32 = 61;
/// 2**61 - 1, CPython's `_PyHASH_MODULUS` on 64-bit builds.
const MODULUS: u64 = (1u64 << HASH_BITS) - 1;
/// `hash(float('inf'))`; `-inf` hashes to its negation.
const HASH_INF: i64 = 314_159;

/// `hash(n)` for an int (and `hash(True) == 1`).
pub fn hash_int(n: &BigInt) -> i64 {
    let residue = (n.magnitude() % MODULUS).to_u64().unwrap_or(0) as i64;
    let signed = if n.sign() == Sign::Minus {
        -residue
    } else {
        residue
    };
    if signed == -1 {
        -2
    } else {
        signed
    }
}

/// `hash(x)` for a float, or `None` for NaN: since Python 3.10 a NaN hashes by
/// object identity, which only the runtime can supply.
pub fn hash_float(x: f64) -> Option<i64> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { HASH_INF } else { -HASH_INF });
    }
    let (mut mantissa, mut exponent) = frexp(x);
    let negative = mantissa < 0.0;
    if negative {
        mantissa = -mantissa;
    }
    // Process 28 bits at a time, as CPython does.
    let mut acc: u64 = 0;
    while mantissa != 0.0 {
        acc = ((acc << 28) & MODULUS) | (acc >> (HASH_BITS - 28));
        mantissa *= 268_435_456.0; // 2**28
        exponent -= 28;
        let integral = mantissa as u64;
        mantissa -= integral as f64;
        acc += integral;
        if acc >= MODULUS {
            acc -= MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let exponent = if exponent >= 0 {
        exponent % bits
    } else {
        bits - 1 - ((-1 - exponent) % bits)
    } as u32;
    acc = ((acc << exponent) & MODULUS) | (acc >> (HASH_BITS - exponent));
    let signed = if negative {
        (acc as i64).wrapping_neg()
    } else {
        acc as i64
    };
    Some(if signed == -1 { -2 } else { signed })
}
