#![warn(missing_docs)]
//! Bit-exact ports of the parts of CPython 3.11 written in C that Loopscope's
//! output depends on. No object model here: plain Rust numbers and strings in,
//! exactly CPython's text or numbers out, and [`PyError`] (exception class plus
//! CPython's exact message) wherever CPython raises.
//!
//! * [`float_repr`]: `repr(float)`, `round()`, float `%` `//` `divmod`,
//!   `int(float)` and `float(int)`.
//! * [`cmath`]: the functions of the `cmath` module programs use.
//! * [`complex`]: `complex` arithmetic, repr, hash and parsing.
//! * [`format_spec`]: `format(value, spec)` and f-string specs for int,
//!   float and str.
//! * [`percent_format`]: printf-style `format % args`.
//! * [`mersenne`] and [`random`]: `random.Random` (MT19937) of Python 3.11.
//! * [`numeric_hash`]: `hash()` of ints and floats.
//! * [`float_hex`]: `float.hex()` and `float.fromhex()`.
//! * [`frexp`]: C's `frexp`, a double split into mantissa and exponent.
//! * [`math`]: `math.gamma`, `lgamma`, `remainder` and the norm of `hypot`
//!   and `dist`, which CPython computes itself.
//! * [`libm`]: glibc's `erf`, `erfc` and `cbrt`, which CPython's `math`
//!   takes from the C library on Linux.
//! * [`strtod`]: decimal text to the nearest double (float literals, `float(str)`).
//!
//! Every module is checked against golden vectors recorded from CPython 3.11
//! (`tests/gen_vectors.py`, `tests/vectors/`).

pub mod cmath;
pub mod complex;
mod dtoa;
pub mod error;
pub mod float_hex;
pub mod float_repr;
pub mod format_spec;
pub mod frexp;
pub mod libm;
pub mod math;
pub mod mersenne;
pub mod numeric_hash;
pub mod percent_format;
pub mod random;
pub mod strtod;

pub use error::{ExceptionKind, PyError};
