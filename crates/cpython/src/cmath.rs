//! The functions of CPython 3.11's `cmath` module that programs use
//! (`Modules/cmathmodule.c`): [`sqrt`], [`exp`], [`log`], [`rect`], with
//! their C99 Annex G values for infinities and NaNs (CPython's 7×7
//! special-value tables, written here as one letter per part) and their
//! errors (`ValueError: math domain error`, `OverflowError: math range
//! error`). `phase`, `polar` and `isclose` are plain enough for the runtime.

use std::f64::consts::{E, LN_2, PI};

use crate::complex::{quot, Complex};
use crate::error::PyError;

/// `Py_complex` results of the special-value tables, row by the real part's
/// kind and column by the imaginary part's (`special_type`: -inf, negative,
/// -0, +0, positive, +inf, nan); two letters per entry: `0` `z`(-0) `I` `i`
/// (-inf) `N` (nan) `P` `p` (±pi) `H` `h` (±pi/2) `Q` `q` (±pi/4) `1` `U`
/// (unused: finite arguments never reach the table).
const SQRT: &str = "Ii0i0i0I0IIINI IiUUUUUUUUIINN IiUU0z00UUIINN IiUU0z00UUIINN IiUUUUUUUUIINN IiIzIzI0I0IIIN IiNNNNNNNNIINN";
const EXP: &str = "00UU0z00UU0000 NNUUUUUUUUNNNN NNUU1z10UUNNNN NNUU1z10UUNNNN NNUUUUUUUUNNNN INUUIzI0UUININ NNNNNzN0NNNNNN";
const LOG: &str = "ItIpIpIPIPITIN IhUUUUUUUUIHNN IhUUipiPUUIHNN IhUUizi0UUIHNN IhUUUUUUUUIHNN IqIzIzI0I0IQIN INNNNNNNNNINNN";
const RECT: &str = "INUUi0izUUININ NNUUUUUUUUNNNN 00UUz0zzUU0000 00UU0z00UU0000 NNUUUUUUUUNNNN INUUIzI0UUININ NNNNN0N0NNNNNN";

fn part(c: u8) -> f64 {
    match c {
        b'0' => 0.0,
        b'z' => -0.0,
        b'I' => f64::INFINITY,
        b'i' => f64::NEG_INFINITY,
        b'P' => PI,
        b'p' => -PI,
        b'H' => PI / 2.0,
        b'h' => -PI / 2.0,
        b'Q' => PI / 4.0,
        b'q' => -PI / 4.0,
        b'T' => 0.75 * PI,
        b't' => -0.75 * PI,
        b'1' => 1.0,
        _ => f64::NAN,
    }
}

/// `special_type`: the table's row or column for `x`.
fn kind(x: f64) -> usize {
    if x.is_nan() {
        6
    } else if x.is_infinite() {
        5 * usize::from(x > 0.0)
    } else if x == 0.0 {
        2 + usize::from(x.is_sign_positive())
    } else {
        1 + 3 * usize::from(x > 0.0)
    }
}

/// The table's entry for `z` (`SPECIAL_VALUE`).
fn special(table: &str, z: Complex) -> Complex {
    // Rows are 14 letters and a space.
    let at = kind(z.0) * 15 + kind(z.1) * 2;
    let bytes = table.as_bytes();
    (part(bytes[at]), part(bytes[at + 1]))
}

fn finite(z: Complex) -> bool {
    z.0.is_finite() && z.1.is_finite()
}

fn domain() -> PyError {
    PyError::value("math domain error")
}

fn range() -> PyError {
    PyError::overflow("math range error")
}

/// `cmath.sqrt(z)`.
pub fn sqrt(z: Complex) -> Complex {
    if !finite(z) {
        return special(SQRT, z);
    }
    if z.0 == 0.0 && z.1 == 0.0 {
        return (0.0, z.1);
    }
    let (mut ax, ay) = (z.0.abs(), z.1.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // Subnormal parts: scale by 2**53 and back by 2**-27.
        ax *= 2f64.powi(53);
        (ax + ax.hypot(ay * 2f64.powi(53))).sqrt() * 2f64.powi(-27)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.0 >= 0.0 {
        (s, d.copysign(z.1))
    } else {
        (d, s.copysign(z.1))
    }
}

/// `cmath.exp(z)`.
pub fn exp(z: Complex) -> Result<Complex, PyError> {
    if !finite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let scale = if z.0 > 0.0 { f64::INFINITY } else { 0.0 };
            (scale.copysign(z.1.cos()), scale.copysign(z.1.sin()))
        } else {
            special(EXP, z)
        };
        if z.1.is_infinite() && (z.0.is_finite() || z.0 == f64::INFINITY) {
            return Err(domain());
        }
        return Ok(r);
    }
    let r = if z.0 > (f64::MAX / 4.0).ln() {
        let l = (z.0 - 1.0).exp();
        (l * z.1.cos() * E, l * z.1.sin() * E)
    } else {
        let l = z.0.exp();
        (l * z.1.cos(), l * z.1.sin())
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(range());
    }
    Ok(r)
}

/// `c_log`: `Err` (`EDOM`) for zero, with the value it returns then.
fn c_log(z: Complex) -> Result<Complex, Complex> {
    if !finite(z) {
        return Ok(special(LOG, z));
    }
    let (ax, ay) = (z.0.abs(), z.1.abs());
    let large = f64::MAX / 4.0;
    let real = if ax > large || ay > large {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax == 0.0 && ay == 0.0 {
            return Err((f64::NEG_INFINITY, z.1.atan2(z.0)));
        }
        let scale = 2f64.powi(53);
        (ax * scale).hypot(ay * scale).ln() - 53.0 * LN_2
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    Ok((real, z.1.atan2(z.0)))
}

/// `cmath.log(z[, base])`: only the last `c_log`'s error counts, as in
/// CPython (`log(0, 2)` is `(-inf+nanj)`).
pub fn log(z: Complex, base: Option<Complex>) -> Result<Complex, PyError> {
    let x = c_log(z);
    let Some(base) = base else {
        return x.map_err(|_| domain());
    };
    let x = x.unwrap_or_else(|v| v);
    let y = c_log(base);
    let failed = y.is_err();
    let y = y.unwrap_or_else(|v| v);
    match quot(x, y) {
        Some(r) if !failed => Ok(r),
        _ => Err(domain()),
    }
}

/// `cmath.log10(z)`.
pub fn log10(z: Complex) -> Result<Complex, PyError> {
    let r = c_log(z).map_err(|_| domain())?;
    Ok((r.0 / std::f64::consts::LN_10, r.1 / std::f64::consts::LN_10))
}

/// `cmath.rect(r, phi)`.
pub fn rect(r: f64, phi: f64) -> Result<Complex, PyError> {
    if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let sign = if r > 0.0 { 1.0 } else { -1.0 };
            (
                sign * f64::INFINITY.copysign(phi.cos()),
                sign * f64::INFINITY.copysign(phi.sin()),
            )
        } else {
            special(RECT, (r, phi))
        };
        if r != 0.0 && !r.is_nan() && phi.is_infinite() {
            return Err(domain());
        }
        return Ok(z);
    }
    if phi == 0.0 {
        return Ok((r, r * phi));
    }
    Ok((r * phi.cos(), r * phi.sin()))
}
