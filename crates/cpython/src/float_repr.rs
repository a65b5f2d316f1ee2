//! Python's float text and float arithmetic corner cases, as CPython's
//! `Objects/floatobject.c` implements them:
//!
//! * [`float_repr`]: `repr(x)` / `str(x)` (shortest round-trip digits, fixed
//!   notation for `1e-4 <= |x| < 1e16`, otherwise `1e+16`, `1.5e-05`).
//! * [`float_fixed`]: `f"{x:.{digits}f}"` (fixed notation, correctly rounded).
//! * [`round_float`]: `round(x, ndigits)`, correctly rounded through the exact
//!   decimal value (`round(2.675, 2) == 2.67`).
//! * [`round_half_even`]: `round(x)` (banker's rounding; the runtime turns
//!   the result into an int with [`float_to_int`]).
//! * [`float_mod`], [`float_floordiv`], [`float_divmod`]: `%`, `//` and
//!   `divmod` with Python's sign rules and signed zeros.
//! * [`float_to_int`] (`int(x)`) and [`int_to_float`] (`float(n)`, correctly
//!   rounded), with CPython's errors.

use crate::dtoa::{self, double_to_string, Flags, Mode};
use crate::error::PyError;
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// `repr(x)` (and `str(x)`) for a Python float.
///
/// ```
/// use loopscope_cpython::float_repr::float_repr;
/// assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
/// assert_eq!(float_repr(1e16), "1e+16");
/// assert_eq!(float_repr(1.5e-5), "1.5e-05");
/// assert_eq!(float_repr(-0.0), "-0.0");
/// ```
pub fn float_repr(x: f64) -> String {
    let flags = Flags {
        add_dot_0: true,
        ..Flags::default()
    };
    double_to_string(x, 'r', 0, flags)
}

/// `f"{x:.{digits}f}"`: `x` correctly rounded (half-even on its exact value) to `digits`
/// decimal places. For text that must not carry Rust's own float formatter.
///
/// ```
/// use loopscope_cpython::float_repr::float_fixed;
/// assert_eq!(float_fixed(1.5, 3), "1.500");
/// assert_eq!(float_fixed(2.675, 2), "2.67");
/// assert_eq!(float_fixed(0.1 + 0.2, 6), "0.300000");
/// assert_eq!(float_fixed(-0.0004, 3), "-0.000");
/// ```
pub fn float_fixed(x: f64, digits: u8) -> String {
    double_to_string(x, 'f', i64::from(digits), Flags::default())
}

/// `round(x, ndigits)` for a float `x`: the double nearest to `x` rounded
/// half-even at the `ndigits`-th decimal place of its exact value.
///
/// `ndigits` is the argument clipped to the machine's `Py_ssize_t` range, as
/// CPython does. Fails with `OverflowError: rounded value too large to
/// represent` when the rounded value does not fit a double.
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, PyError> {
    // Beyond these bounds CPython skips the decimal round trip.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let decimal = dtoa::dtoa(x, Mode::Fixed(ndigits));
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let exponent = decimal.decpt - decimal.digits.len() as i64;
    let text = format!("{sign}0{}e{exponent}", decimal.digits);
    let rounded = crate::strtod::parse_float(&text).unwrap_or(f64::NAN);
    if rounded.is_infinite() {
        return Err(PyError::overflow("rounded value too large to represent"));
    }
    Ok(rounded)
}

/// `round(x)` with no `ndigits`, before the conversion to int: the nearest
/// integral value, ties to even. Infinities and NaN pass through (the runtime's
/// int conversion then raises, see [`float_to_int`]).
pub fn round_half_even(x: f64) -> f64 {
    let rounded = x.round();
    if (x - rounded).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        rounded
    }
}

/// `int(x)` for a float: truncation toward zero, with CPython's errors for
/// infinities (`OverflowError`) and NaN (`ValueError`).
pub fn float_to_int(x: f64) -> Result<BigInt, PyError> {
    if x.is_nan() {
        return Err(PyError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(PyError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    let truncated = x.trunc();
    if let Some(small) = truncated.to_i64() {
        return Ok(BigInt::from(small));
    }
    // |x| >= 2^63: an integer mantissa times a power of two.
    let (mantissa, exponent) = decompose(truncated);
    let magnitude = BigInt::from(mantissa) << exponent as u64;
    Ok(if x < 0.0 { -magnitude } else { magnitude })
}

/// `|x|` as `mantissa × 2^exponent` exactly, for finite `x`: the raw fields of
/// the binary64 (the mantissa is not reduced, so it may be even).
pub fn decompose(x: f64) -> (u64, i64) {
    let bits = x.abs().to_bits();
    let biased = (bits >> 52) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    }
}

/// `float(n)` for an int: correctly rounded (half-even), or
/// `OverflowError: int too large to convert to float`.
pub fn int_to_float(n: &BigInt) -> Result<f64, PyError> {
    let magnitude = n.magnitude();
    let bits = magnitude.bits();
    let value = if bits <= 64 {
        magnitude.to_u64().unwrap_or(0) as f64
    } else {
        // Keep the top 64 bits and fold everything below into a sticky bit,
        // so that the u64 -> f64 conversion rounds exactly as the full value.
        let shift = bits - 64;
        let top = (magnitude >> shift).to_u64().unwrap_or(u64::MAX);
        let sticky = u64::from(magnitude.trailing_zeros().unwrap_or(0) < shift);
        let rounded = (top | sticky) as f64;
        if shift > 2000 {
            f64::INFINITY
        } else {
            rounded * 2f64.powi(shift as i32)
        }
    };
    if value.is_infinite() {
        return Err(PyError::overflow("int too large to convert to float"));
    }
    Ok(if n.sign() == Sign::Minus {
        -value
    } else {
        value
    })
}

/// `a / b` for ints, correctly rounded (half-even) as CPython's
/// `long_true_divide`: the quotient is computed to 55 bits plus a sticky
/// bit for the remainder, then rounded once.
pub fn int_true_divide(a: &BigInt, b: &BigInt) -> Result<f64, PyError> {
    if b.sign() == Sign::NoSign {
        return Err(PyError::zero_division("division by zero"));
    }
    let (n, d) = (a.magnitude(), b.magnitude());
    if n.bits() <= 53 && d.bits() <= 53 {
        let q = n.to_u64().unwrap_or(0) as f64 / d.to_u64().unwrap_or(1) as f64;
        return Ok(if (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus) {
            -q
        } else {
            q
        });
    }
    let shift = 55 - (n.bits() as i64 - d.bits() as i64);
    let (q, r) = if shift >= 0 {
        let shifted = n << shift as u64;
        (&shifted / d, &shifted % d)
    } else {
        let shifted = d << (-shift) as u64;
        (n / &shifted, n % &shifted)
    };
    let sticky = u64::from(r.bits() > 0);
    let top = (q.to_u64().unwrap_or(u64::MAX) | sticky) as f64;
    let magnitude = if shift > 1074 + 64 {
        0.0
    } else if shift < -1100 {
        f64::INFINITY
    } else {
        // Two exact scalings: a power of two alone may not be representable.
        let half = shift / 2;
        top * 2f64.powi(-(half as i32)) * 2f64.powi(-((shift - half) as i32))
    };
    if magnitude.is_infinite() {
        return Err(PyError::overflow(
            "integer division result too large for a float",
        ));
    }
    Ok(if (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus) {
        -magnitude
    } else {
        magnitude
    })
}

/// `x % y` for floats: the result takes the sign of `y`; a zero result is a
/// zero with `y`'s sign.
pub fn float_mod(x: f64, y: f64) -> Result<f64, PyError> {
    if y == 0.0 {
        return Err(PyError::zero_division("float modulo"));
    }
    let mut modulo = x % y;
    if modulo != 0.0 {
        if (y < 0.0) != (modulo < 0.0) {
            modulo += y;
        }
    } else {
        modulo = 0.0f64.copysign(y);
    }
    Ok(modulo)
}

/// `x // y` for floats.
pub fn float_floordiv(x: f64, y: f64) -> Result<f64, PyError> {
    if y == 0.0 {
        return Err(PyError::zero_division("float floor division by zero"));
    }
    Ok(div_mod(x, y).0)
}

/// `divmod(x, y)` for floats: `(x // y, x % y)`.
pub fn float_divmod(x: f64, y: f64) -> Result<(f64, f64), PyError> {
    if y == 0.0 {
        return Err(PyError::zero_division("float divmod()"));
    }
    Ok(div_mod(x, y))
}

/// CPython's `_float_div_mod` (`y != 0`).
fn div_mod(x: f64, y: f64) -> (f64, f64) {
    let mut modulo = x % y;
    // x - modulo is mathematically a multiple of y, so the division is
    // nearly exact; the result is snapped to an integral value below.
    let mut div = (x - modulo) / y;
    if modulo != 0.0 {
        if (y < 0.0) != (modulo < 0.0) {
            modulo += y;
            div -= 1.0;
        }
    } else {
        modulo = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut floor = div.floor();
        if div - floor > 0.5 {
            floor += 1.0;
        }
        floor
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, modulo)
}
