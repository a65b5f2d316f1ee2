//! Python's `complex` as CPython 3.11's `Objects/complexobject.c` computes it:
//! [`quot`] (`_Py_c_quot`, Smith's division), [`pow`] (`complex_pow`: repeated
//! squaring for small integer exponents, polar form otherwise), [`abs`]
//! (`_Py_c_abs`), [`repr`] (`(1+2j)`, `-0j` prints as `(-0-0j)`), [`hash`]
//! and [`parse`] (`complex("1+2j")`, with the float syntax of
//! `PyOS_string_to_double` and the legacy `1+j` forms). A complex number is
//! the pair `(real, imag)`.

use crate::dtoa::{double_to_string, Flags};
use crate::error::PyError;
use crate::numeric_hash::hash_float;
use crate::strtod::parse_float;

/// A complex number: `(real, imag)`.
pub type Complex = (f64, f64);

/// `_Py_c_prod`.
pub fn prod(a: Complex, b: Complex) -> Complex {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot`: `None` when `b` is zero (CPython's `errno = EDOM`).
pub fn quot(a: Complex, b: Complex) -> Option<Complex> {
    let (abs_real, abs_imag) = (b.0.abs(), b.1.abs());
    if abs_real >= abs_imag {
        if abs_real == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_imag >= abs_real {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `_Py_c_pow`: `None` for zero to a negative or complex power.
fn c_pow(a: Complex, b: Complex) -> Option<Complex> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Some((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        return (b.1 == 0.0 && b.0 >= 0.0).then_some((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Some((len * phase.cos(), len * phase.sin()))
}

/// `c_powu`: `x ** n` by repeated squaring.
fn powu(x: Complex, n: i64) -> Complex {
    let (mut r, mut p, mut mask) = ((1.0, 0.0), x, 1i64);
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `a ** b` (`complex_pow` of 3.11, with `c_powi` for integral exponents).
pub fn pow(a: Complex, b: Complex) -> Result<Complex, PyError> {
    let n = b.0 as i64;
    let p = if b.1 == 0.0 && b.0 == n as f64 {
        if !(-100..=100).contains(&n) {
            c_pow(a, (n as f64, 0.0))
        } else if n > 0 {
            Some(powu(a, n))
        } else {
            quot((1.0, 0.0), powu(a, -n))
        }
    } else {
        c_pow(a, b)
    };
    let Some(p) = p else {
        return Err(PyError::zero_division("0.0 to a negative or complex power"));
    };
    if p.0.is_infinite() || p.1.is_infinite() {
        return Err(PyError::overflow("complex exponentiation"));
    }
    Ok(p)
}

/// `abs(z)` (`_Py_c_abs`): an infinite part wins over a NaN one.
pub fn abs(z: Complex) -> Result<f64, PyError> {
    if z.0.is_infinite() || z.1.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if z.0.is_nan() || z.1.is_nan() {
        return Ok(f64::NAN);
    }
    let r = z.0.hypot(z.1);
    if r.is_finite() {
        Ok(r)
    } else {
        Err(PyError::overflow("absolute value too large"))
    }
}

/// `repr(z)` and `str(z)`: `1j`, `(1+2j)`, `(-0-0j)`, `(nan+infj)`.
///
/// ```
/// use loopscope_cpython::complex::repr;
/// assert_eq!(repr((1.0, 2.0)), "(1+2j)");
/// assert_eq!(repr((0.0, 1e16)), "1e+16j");
/// assert_eq!(repr((-0.0, -0.0)), "(-0-0j)");
/// ```
pub fn repr(z: Complex) -> String {
    let part = |x: f64, always_sign: bool| {
        let flags = Flags {
            always_sign,
            ..Flags::default()
        };
        double_to_string(x, 'r', 0, flags)
    };
    if z.0 == 0.0 && z.0.is_sign_positive() {
        format!("{}j", part(z.1, false))
    } else {
        format!("({}{}j)", part(z.0, false), part(z.1, true))
    }
}

/// `hash(z)`: the real part's hash plus 1000003 times the imaginary part's
/// (so `hash(x + 0j) == hash(x)`); a NaN part hashes as `nan_hash` (CPython
/// uses the object's address).
pub fn hash(z: Complex, nan_hash: i64) -> i64 {
    let part = |x: f64| hash_float(x).unwrap_or(nan_hash) as u64;
    let combined = part(z.0).wrapping_add(1_000_003u64.wrapping_mul(part(z.1))) as i64;
    if combined == -1 {
        -2
    } else {
        combined
    }
}

/// `complex(text)` for ASCII `text` (the runtime maps other Unicode digits and
/// spaces first); `shown` is the argument's repr for the underscore error.
///
/// ```
/// use loopscope_cpython::complex::parse;
/// assert_eq!(parse(" (1+2j) ", "''"), Ok((1.0, 2.0)));
/// assert_eq!(parse("-j", "''"), Ok((0.0, -1.0)));
/// assert!(parse("1+", "''").is_err());
/// ```
pub fn parse(text: &str, shown: &str) -> Result<Complex, PyError> {
    if !text.contains('_') {
        return parse_inner(text.as_bytes());
    }
    // `_Py_string_to_number_with_underscores`: only between two digits.
    let mut clean = Vec::with_capacity(text.len());
    let mut prev = 0u8;
    for &c in text.as_bytes() {
        let ok = if c == b'_' {
            prev.is_ascii_digit()
        } else {
            clean.push(c);
            prev != b'_' || c.is_ascii_digit()
        };
        if !ok {
            prev = b'_';
            break;
        }
        prev = c;
    }
    if prev == b'_' {
        return Err(PyError::value(format!(
            "could not convert string to complex: {shown}"
        )));
    }
    parse_inner(&clean)
}

fn is_space(c: Option<&u8>) -> bool {
    matches!(c, Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c))
}

/// `complex_from_string_inner`.
fn parse_inner(s: &[u8]) -> Result<Complex, PyError> {
    let malformed = || PyError::value("complex() arg is a malformed string");
    let mut at = 0;
    while is_space(s.get(at)) {
        at += 1;
    }
    let bracket = s.get(at) == Some(&b'(');
    if bracket {
        at += 1;
        while is_space(s.get(at)) {
            at += 1;
        }
    }
    let is_j = |c: Option<&u8>| matches!(c, Some(b'j' | b'J'));
    let sign_one = |c: u8| if c == b'+' { 1.0 } else { -1.0 };
    let (mut x, mut y) = (0.0, 0.0);
    if let Some((z, len)) = float_prefix(&s[at..]) {
        at += len;
        match s.get(at) {
            Some(&c @ (b'+' | b'-')) => {
                x = z;
                match float_prefix(&s[at..]) {
                    Some((v, len)) => {
                        y = v;
                        at += len;
                    }
                    None => {
                        y = sign_one(c);
                        at += 1;
                    }
                }
                if !is_j(s.get(at)) {
                    return Err(malformed());
                }
                at += 1;
            }
            c if is_j(c) => {
                at += 1;
                y = z;
            }
            _ => x = z,
        }
    } else {
        y = 1.0;
        if let Some(&c @ (b'+' | b'-')) = s.get(at) {
            y = sign_one(c);
            at += 1;
        }
        if !is_j(s.get(at)) {
            return Err(malformed());
        }
        at += 1;
    }
    while is_space(s.get(at)) {
        at += 1;
    }
    if bracket {
        if s.get(at) != Some(&b')') {
            return Err(malformed());
        }
        at += 1;
        while is_space(s.get(at)) {
            at += 1;
        }
    }
    if at != s.len() {
        return Err(malformed());
    }
    Ok((x, y))
}

/// The float at the start of `s` and its length, as `_PyOS_ascii_strtod`
/// reads it (`_Py_dg_strtod`, then `inf`/`infinity`/`nan`); `None` when none.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let digits = |mut at: usize| {
        while s.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        at
    };
    let signed = usize::from(matches!(s.first(), Some(b'+' | b'-')));
    let mut end = digits(signed);
    let mut mantissa = end - signed;
    if s.get(end) == Some(&b'.') {
        let after = digits(end + 1);
        mantissa += after - end - 1;
        end = after;
    }
    if mantissa == 0 {
        return crate::float_hex::parse_inf_or_nan(s);
    }
    if let Some(b'e' | b'E') = s.get(end) {
        let sign = usize::from(matches!(s.get(end + 1), Some(b'+' | b'-')));
        let exponent_end = digits(end + 1 + sign);
        if exponent_end > end + 1 + sign {
            end = exponent_end;
        }
    }
    let text = std::str::from_utf8(&s[..end]).ok()?;
    parse_float(text).map(|v| (v, end))
}
