//! Bit-exact ports of the parts of CPython written in C that Loopscope's
//! output depends on. No object model here: plain Rust numbers and strings in,
//! exactly CPython's text or numbers out, and [`PyError`] (exception class plus
//! CPython's message) where CPython raises.
//!
//! * [`float_repr`]: `repr(float)`, `round()`, float `%` `//` `divmod`, int <-> float.
//! * [`format_spec`]: `format(value, spec)` / f-string specs for int, float, str.
//! * [`percent_format`]: printf-style `str % args`.
//! * [`mersenne`] and [`random`]: `random.Random` (MT19937) of Python 3.11.
//! * [`numeric_hash`]: `hash()` of ints and floats.

mod dtoa;
pub mod error;
pub mod float_repr;
pub mod format_spec;
pub mod mersenne;
pub mod numeric_hash;
pub mod percent_format;
pub mod random;

pub use error::{ExceptionKind, PyError};
