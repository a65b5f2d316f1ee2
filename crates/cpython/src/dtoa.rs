//! Decimal digits of a binary64 float, as David Gay's `_Py_dg_dtoa` produces
//! them for CPython, and `PyOS_double_to_string`'s layout of those digits
//! (`Python/pystrtod.c: format_float_short`).
//!
//! Three digit-generation modes are used by CPython:
//! * mode 0: the shortest digit string that round-trips (`repr`). The `ryu`
//!   crate yields the same digits: both pick the shortest string in the
//!   rounding interval and, among those, the nearest; an exact halfway case
//!   is settled Gay's way afterwards ([`tie_to_even`]).
//! * mode 2: `n` significant digits, correctly rounded (half-even on the exact
//!   binary value), trailing zeros stripped.
//! * mode 3: `n` digits after the decimal point (`n` may be negative),
//!   correctly rounded, trailing zeros stripped; may yield no digits at all.
//!
//! Modes 2 and 3 are computed exactly with big integers.

use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{One, Zero};
use std::cmp::Ordering;

/// `|x| == 0.DIGITS × 10^decpt` (exactly or after rounding). `digits` has no
/// trailing zeros; zero itself is `"0"` with `decpt == 1`, as in Gay's code.
pub(crate) struct Decimal {
    pub digits: String,
    pub decpt: i64,
}

/// Which of `_Py_dg_dtoa`'s digit-generation modes to use.
#[derive(Clone, Copy)]
pub(crate) enum Mode {
    /// Mode 0: shortest round-tripping digits.
    Shortest,
    /// Mode 2: this many significant digits (at least 1).
    Significant(i64),
    /// Mode 3: this many digits after the decimal point.
    Fixed(i64),
}

/// A double's exact value `num / den` (sign dropped).
struct Exact {
    num: BigUint,
    den: BigUint,
}

/// Beyond this many fractional digits every double is exact (the smallest
/// subnormal has 1074), so rounding there changes nothing.
const EXACT_FRACTION_DIGITS: i64 = 1100;
/// A double has at most 767 significant decimal digits.
const EXACT_SIGNIFICANT_DIGITS: i64 = 800;

impl Exact {
    fn of(x: f64) -> Exact {
        let (mantissa, exponent) = crate::float_repr::decompose(x);
        if exponent >= 0 {
            Exact {
                num: BigUint::from(mantissa) << (exponent as usize),
                den: BigUint::one(),
            }
        } else {
            Exact {
                num: BigUint::from(mantissa),
                den: BigUint::one() << ((-exponent) as usize),
            }
        }
    }

    /// `num/den * 10^scale`, as a fraction.
    fn scaled(&self, scale: i64) -> (BigUint, BigUint) {
        let power = pow10(scale.unsigned_abs());
        if scale >= 0 {
            (&self.num * power, self.den.clone())
        } else {
            (self.num.clone(), &self.den * power)
        }
    }

    /// `round_half_even(value * 10^scale)`.
    fn round_scaled(&self, scale: i64) -> BigUint {
        let (num, den) = self.scaled(scale);
        let (quotient, remainder) = num.div_rem(&den);
        match (remainder << 1u32).cmp(&den) {
            Ordering::Greater => quotient + 1u32,
            Ordering::Equal if quotient.is_odd() => quotient + 1u32,
            _ => quotient,
        }
    }

    /// Whether `value >= 10^k`.
    fn at_least_pow10(&self, k: i64) -> bool {
        let (num, den) = self.scaled(-k);
        num >= den
    }
}

fn pow10(n: u64) -> BigUint {
    num_traits::pow(BigUint::from(10u32), n as usize)
}

/// Digits and decimal-point position of a finite `x` in the given mode.
pub(crate) fn dtoa(x: f64, mode: Mode) -> Decimal {
    debug_assert!(x.is_finite());
    if x == 0.0 {
        return Decimal {
            digits: "0".to_string(),
            decpt: 1,
        };
    }
    match mode {
        Mode::Shortest => shortest(x),
        Mode::Fixed(ndigits) => fixed(x, ndigits),
        Mode::Significant(ndigits) => significant(x, ndigits),
    }
}

fn shortest(x: f64) -> Decimal {
    let decimal = digits_of(ryu::Buffer::new().format_finite(x.abs()));
    // A tie between two shortest candidates needs a long repr (the rounding
    // interval must span a unit of the last digit).
    if decimal.digits.len() >= 16 {
        if let Some(even) = tie_to_even(x, &decimal) {
            return even;
        }
    }
    decimal
}

/// The digits and decimal point of a positive number written `123.45`, `0.0012`,
/// `1e16` or `1.5e-7` (ryu's layouts), as `0.DIGITS × 10^decpt`.
fn digits_of(text: &str) -> Decimal {
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut decpt = whole.len() as i64 + exponent;
    let all = format!("{whole}{fraction}");
    let significant = all.trim_start_matches('0');
    decpt -= (all.len() - significant.len()) as i64;
    Decimal {
        digits: significant.trim_end_matches('0').to_string(),
        decpt,
    }
}

/// When `x` lies exactly halfway between two shortest candidates, Gay's code
/// picks the one with an even last digit; ryu (rounding half up) may pick the other
/// (e.g. 2**-25 = 2.98023223876953125e-08). Returns Gay's choice then.
fn tie_to_even(x: f64, decimal: &Decimal) -> Option<Decimal> {
    // A halfway point has a short exact decimal expansion, impossible for
    // m * 2^e with odd m and e < -30 (its expansion has more than 18 digits).
    let (mantissa, exponent) = crate::float_repr::decompose(x);
    let exponent = exponent + i64::from(mantissa.trailing_zeros());
    if exponent < -30 {
        return None;
    }
    let scale = decimal.digits.len() as i64 - decimal.decpt;
    let (num, den) = Exact::of(x).scaled(scale);
    let (floor, remainder) = num.div_rem(&den);
    if (remainder << 1u32) != den {
        return None;
    }
    let even = if floor.is_odd() { floor + 1u32 } else { floor };
    let candidate = from_scaled_integer(even, scale);
    let text = format!("0.{}e{}", candidate.digits, candidate.decpt);
    (crate::strtod::parse_float(&text) == Some(x.abs())).then_some(candidate)
}

/// Strips trailing zeros and computes `decpt` for `n * 10^-scale`.
fn from_scaled_integer(n: BigUint, scale: i64) -> Decimal {
    if n.is_zero() {
        // Gay's "no digits" result: decpt is minus the requested digit count.
        return Decimal {
            digits: String::new(),
            decpt: -scale,
        };
    }
    let mut digits = n.to_string();
    let decpt = digits.len() as i64 - scale;
    let kept = digits.trim_end_matches('0').len();
    digits.truncate(kept);
    Decimal { digits, decpt }
}

fn fixed(x: f64, ndigits: i64) -> Decimal {
    // |x| < 10^309, so scaling by 10^-330 or less rounds to zero anyway.
    if ndigits < -330 {
        return from_scaled_integer(BigUint::zero(), ndigits);
    }
    let exact = Exact::of(x);
    let effective = ndigits.min(EXACT_FRACTION_DIGITS);
    let mut decimal = from_scaled_integer(exact.round_scaled(effective), effective);
    if decimal.digits.is_empty() {
        decimal.decpt = -ndigits;
    }
    decimal
}

fn significant(x: f64, ndigits: i64) -> Decimal {
    let ndigits = ndigits.clamp(1, EXACT_SIGNIFICANT_DIGITS);
    let exact = Exact::of(x);
    // k = floor(log10(|x|)): start from the shortest repr's exponent, fix exactly.
    let mut k = shortest(x).decpt - 1;
    while !exact.at_least_pow10(k) {
        k -= 1;
    }
    while exact.at_least_pow10(k + 1) {
        k += 1;
    }
    let scale = ndigits - 1 - k;
    let rounded = exact.round_scaled(scale);
    // Rounding may carry into a new digit (9.99 -> 10.0); the stripped digits
    // and decpt computed from the integer's length account for that.
    from_scaled_integer(rounded, scale)
}

/// The `flags` of `PyOS_double_to_string`.
#[derive(Clone, Copy, Default)]
pub(crate) struct Flags {
    /// `Py_DTSF_SIGN`: always print a sign.
    pub always_sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: integral values get ".0" (repr and format type "").
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: the `#` alternate form (keep the decimal point and zeros).
    pub alternate: bool,
    /// `Py_DTSF_NO_NEG_0`: the `z` option (negative zero prints unsigned).
    pub no_negative_zero: bool,
}

fn push_zeros(out: &mut String, count: i64) {
    for _ in 0..count.max(0) {
        out.push('0');
    }
}

/// `PyOS_double_to_string(val, format_code, precision, flags)`.
///
/// `format_code` is one of `e E f F g G r` (callers guarantee it);
/// `precision` is ignored for `r`.
pub(crate) fn double_to_string(
    val: f64,
    format_code: char,
    precision: i64,
    flags: Flags,
) -> String {
    let upper = format_code.is_ascii_uppercase();
    let code = format_code.to_ascii_lowercase();
    let (mode, precision) = match code {
        'e' => (Mode::Significant(precision + 1), precision + 1),
        'f' => (Mode::Fixed(precision), precision),
        'g' => {
            let precision = if precision == 0 { 1 } else { precision };
            (Mode::Significant(precision), precision)
        }
        _ => (Mode::Shortest, 0),
    };

    let mut out = String::new();
    if !val.is_finite() {
        if val.is_sign_negative() && val.is_infinite() {
            out.push('-');
        } else if flags.always_sign {
            out.push('+');
        }
        let word = match (val.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        };
        out.push_str(word);
        return out;
    }

    let Decimal { digits, mut decpt } = dtoa(val, mode);
    let digits_len = digits.len() as i64;
    let mut negative = val.is_sign_negative();
    if flags.no_negative_zero && negative && (digits.is_empty() || digits == "0") {
        negative = false;
    }

    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alternate {
                vdigits_end = precision;
            }
        }
        _ => {
            // Exponential notation from 1e16 on (and below 1e-4).
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }

    let mut exponent = 0;
    if use_exp {
        exponent = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };

    if negative {
        out.push('-');
    } else if flags.always_sign {
        out.push('+');
    }
    if decpt <= 0 {
        push_zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        push_zeros(&mut out, -decpt);
    } else {
        push_zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        let split = decpt as usize;
        out.push_str(&digits[..split]);
        out.push('.');
        out.push_str(&digits[split..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        push_zeros(&mut out, decpt - digits_len);
        out.push('.');
        push_zeros(&mut out, vdigits_end - decpt);
    } else {
        push_zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alternate {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exponent < 0 { '-' } else { '+' });
        let magnitude = exponent.unsigned_abs();
        if magnitude < 10 {
            out.push('0');
        }
        out.push_str(&magnitude.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> (String, i64) {
        let decimal = digits_of(text);
        (decimal.digits, decimal.decpt)
    }

    #[test]
    fn every_layout_ryu_writes_reads_back_as_digits_and_point() {
        assert_eq!(parts("123.45"), ("12345".into(), 3));
        assert_eq!(parts("0.0012"), ("12".into(), -2));
        assert_eq!(parts("1e16"), ("1".into(), 17));
        assert_eq!(parts("1.5e-7"), ("15".into(), -6));
        assert_eq!(parts("1200.0"), ("12".into(), 4));
        assert_eq!(parts("5e-324"), ("5".into(), -323));
        assert_eq!(
            parts("1.7976931348623157e308"),
            ("17976931348623157".into(), 309)
        );
    }

    #[test]
    fn halfway_shortest_candidates_go_to_the_even_digit() {
        // 2**-25 = 2.98023223876953125e-08 exactly: Gay's 17 digits end in 2, not 3.
        let decimal = shortest(2f64.powi(-25));
        assert_eq!(
            (decimal.digits.as_str(), decimal.decpt),
            ("29802322387695312", -7)
        );
    }
}
