//! `float.hex()` and `float.fromhex()`: a double to and from C99's
//! hexadecimal notation, exactly as CPython 3.11's `floatobject.c` writes,
//! reads, rounds (half to even, subnormals included) and rejects them.

use crate::error::PyError;

/// `float.hex(x)`: `0x1.8000000000000p+0`, thirteen hex digits after the
/// point, subnormals as `0x0.…p-1022`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let fraction = bits & ((1u64 << 52) - 1);
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let (lead, exponent) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    format!("{sign}0x{lead}.{fraction:013x}p{exponent:+}")
}

/// C's `Py_ISSPACE`: the ASCII white space.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn hex_value(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}

/// `_Py_parse_inf_or_nan`: an optional sign, then `inf`, `infinity` or
/// `nan` in any case; the value and the bytes it took, or None.
pub(crate) fn parse_inf_or_nan(s: &[u8]) -> Option<(f64, usize)> {
    let (negative, start) = match s.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let rest = &s[start..];
    let starts = |word: &str| {
        rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word.as_bytes())
    };
    let (value, taken) = if starts("infinity") {
        (f64::INFINITY, 8)
    } else if starts("inf") {
        (f64::INFINITY, 3)
    } else if starts("nan") {
        (f64::NAN, 3)
    } else {
        return None;
    };
    Some((if negative { -value } else { value }, start + taken))
}

/// `m * 2**k` for a value known to be a representable double (finite).
fn scale_exact(m: u64, k: i64) -> f64 {
    if m == 0 {
        return 0.0;
    }
    let width = 64 - i64::from(m.leading_zeros());
    let top = width - 1 + k;
    if top >= -1022 {
        // Normal: 53 significant bits; a right shift drops only zeros.
        let mantissa = if width > 53 {
            m >> (width - 53)
        } else {
            m << (53 - width)
        };
        let biased = (top + 1023) as u64;
        f64::from_bits((biased << 52) | (mantissa & ((1u64 << 52) - 1)))
    } else {
        // Subnormal: the bits count from 2**-1074.
        let shift = k + 1074;
        f64::from_bits(if shift >= 0 { m << shift } else { m >> -shift })
    }
}

const DBL_MIN_EXP: i64 = -1021;
const DBL_MAX_EXP: i64 = 1024;
const DBL_MANT_DIG: i64 = 53;
const LONG_MAX: i64 = i64::MAX;
const LONG_MIN: i64 = i64::MIN;

fn parse_error() -> PyError {
    PyError::value("invalid hexadecimal floating-point string")
}

fn overflow_error() -> PyError {
    PyError::overflow("hexadecimal value too large to represent as a float")
}

/// C's `strtol` over an optionally signed run of decimal digits: saturates.
fn saturating_exponent(text: &[u8]) -> i64 {
    let (negative, digits) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let mut value: i64 = 0;
    for &d in digits {
        let d = i64::from(d - b'0');
        value = if negative {
            value.saturating_mul(10).saturating_sub(d)
        } else {
            value.saturating_mul(10).saturating_add(d)
        };
    }
    value
}

/// `float.fromhex(text)`.
pub fn float_fromhex(text: &str) -> Result<f64, PyError> {
    let s = text.as_bytes();
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_space(at(i)) {
        i += 1;
    }
    let (x, negate) = if let Some((special, taken)) = parse_inf_or_nan(&s[i..]) {
        i += taken;
        (special, false)
    } else {
        let negate = match at(i) {
            b'-' => {
                i += 1;
                true
            }
            b'+' => {
                i += 1;
                false
            }
            _ => false,
        };
        if at(i) == b'0' && matches!(at(i + 1), b'x' | b'X') {
            i += 2;
        }
        // The coefficient: integer digits, then maybe a point and fraction digits.
        let mut digits: Vec<u32> = Vec::new();
        while let Some(d) = hex_value(at(i)) {
            digits.push(d);
            i += 1;
        }
        let mut fraction_digits = 0i64;
        if at(i) == b'.' {
            i += 1;
            while let Some(d) = hex_value(at(i)) {
                digits.push(d);
                fraction_digits += 1;
                i += 1;
            }
        }
        if digits.is_empty() {
            return Err(parse_error());
        }
        let limit =
            (DBL_MIN_EXP - DBL_MANT_DIG - LONG_MIN / 2).min(LONG_MAX / 2 + 1 - DBL_MAX_EXP) / 4;
        if digits.len() as i64 > limit {
            return Err(PyError::value("hexadecimal string too long to convert"));
        }
        let mut exp = 0i64;
        if matches!(at(i), b'p' | b'P') {
            i += 1;
            let start = i;
            if matches!(at(i), b'-' | b'+') {
                i += 1;
            }
            if !at(i).is_ascii_digit() {
                return Err(parse_error());
            }
            while at(i).is_ascii_digit() {
                i += 1;
            }
            exp = saturating_exponent(&s[start..i]);
        }
        (magnitude(&digits, fraction_digits, exp)?, negate)
    };
    while is_space(at(i)) {
        i += 1;
    }
    if i != s.len() {
        return Err(parse_error());
    }
    Ok(if negate { -x } else { x })
}

/// The value of hex `digits` (most significant first, the last
/// `fraction_digits` of them after the point) times 2**exp, rounded half to
/// even to a double.
fn magnitude(digits: &[u32], fraction_digits: i64, exp: i64) -> Result<f64, PyError> {
    let leading_zeros = digits.iter().take_while(|&&d| d == 0).count();
    let digits = &digits[leading_zeros..];
    // digit(j): the j-th least significant digit.
    let digit = |j: i64| digits[digits.len() - 1 - j as usize];
    let ndigits = digits.len() as i64;
    if ndigits == 0 || exp < LONG_MIN / 2 {
        return Ok(0.0);
    }
    if exp > LONG_MAX / 2 {
        return Err(overflow_error());
    }
    let exp = exp - 4 * fraction_digits;
    // One more than the exponent of the coefficient's top bit.
    let mut top_exp = exp + 4 * (ndigits - 1);
    let mut top = digit(ndigits - 1);
    while top != 0 {
        top_exp += 1;
        top /= 2;
    }
    if top_exp < DBL_MIN_EXP - DBL_MANT_DIG {
        return Ok(0.0);
    }
    if top_exp > DBL_MAX_EXP {
        return Err(overflow_error());
    }
    // The exponent of the rounded value's last bit (fewer bits when subnormal).
    let lsb = top_exp.max(DBL_MIN_EXP) - DBL_MANT_DIG;
    if exp >= lsb {
        let mut x = 0u64;
        for j in (0..ndigits).rev() {
            x = 16 * x + u64::from(digit(j));
        }
        return Ok(scale_exact(x, exp));
    }
    // The digit holding the first bit rounded away, and that bit.
    let half_eps = 1u32 << ((lsb - exp - 1) % 4);
    let key_digit = (lsb - exp - 1) / 4;
    let mut x = 0u64;
    for j in (key_digit + 1..ndigits).rev() {
        x = 16 * x + u64::from(digit(j));
    }
    let key = digit(key_digit);
    x = 16 * x + u64::from(key & (16 - 2 * half_eps));
    if key & half_eps != 0 {
        // Half or more: round up unless exactly half with an even last bit.
        let odd_or_above = key & (3 * half_eps - 1) != 0
            || (half_eps == 8 && key_digit + 1 < ndigits && digit(key_digit + 1) & 1 != 0)
            || (0..key_digit).any(|j| digit(j) != 0);
        if odd_or_above {
            x += 2 * u64::from(half_eps);
            if top_exp == DBL_MAX_EXP && x == (2 * u64::from(half_eps)) << DBL_MANT_DIG {
                return Err(overflow_error());
            }
        }
    }
    Ok(scale_exact(x, exp + 4 * key_digit))
}
