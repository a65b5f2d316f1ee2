//! Decimal text to the nearest binary64, ties to even: what CPython's
//! `_Py_dg_strtod` returns for float literals, `float(str)` and `round()`'s
//! decimal round trip.
//!
//! Rust's own `f64::from_str` is just as correct, but it carries a 20 KB table of
//! powers of five that the page would download; this port reuses the big
//! integers the crate already has. Exact values up to 15 digits times a power of
//! ten up to 10^22 take Clinger's fast path (one correctly rounded IEEE
//! multiplication or division); everything else is an exact big-integer quotient
//! rounded by hand.

use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

/// Parses `[+-]digits[.digits][(e|E)[+-]digits]` (at least one mantissa digit,
/// either side of the point) to the nearest double. Magnitudes past the largest
/// double become infinities; tiny ones round to (signed) zero. `None` for
/// anything else: no underscores, spaces, `inf` or `nan` here (callers deal with
/// those first).
pub fn parse_float(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, mut at) = match bytes.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let mut digits: Vec<u8> = Vec::new();
    let mut exponent: i64 = 0;
    let mut seen_digit = false;
    let mut seen_point = false;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'0'..=b'9' => {
                seen_digit = true;
                if seen_point {
                    exponent -= 1;
                }
                if byte != b'0' || !digits.is_empty() {
                    digits.push(byte - b'0');
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        at += 1;
    }
    if !seen_digit {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(at) {
        at += 1;
        let (exponent_negative, start) = match bytes.get(at) {
            Some(b'-') => (true, at + 1),
            Some(b'+') => (false, at + 1),
            _ => (false, at),
        };
        let exponent_digits = &bytes[start..];
        if exponent_digits.is_empty() || !exponent_digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        // Saturates: anything this large is an infinity or a zero anyway.
        let written = exponent_digits.iter().fold(0i64, |value, &digit| {
            value
                .saturating_mul(10)
                .saturating_add(i64::from(digit - b'0'))
        });
        exponent = if exponent_negative {
            exponent.saturating_sub(written)
        } else {
            exponent.saturating_add(written)
        };
    } else if at != bytes.len() {
        return None;
    }
    while digits.last() == Some(&0) {
        digits.pop();
        exponent = exponent.saturating_add(1);
    }
    let magnitude = magnitude(&digits, exponent);
    Some(if negative { -magnitude } else { magnitude })
}

/// The double nearest to `0.DIGITS × 10^(len + exponent)`, i.e. the integer
/// `DIGITS × 10^exponent` (no leading or trailing zeros in `digits`).
fn magnitude(digits: &[u8], exponent: i64) -> f64 {
    if digits.is_empty() {
        return 0.0;
    }
    // The value lies in [10^(position - 1), 10^position).
    // Saturates too: the exponent may already sit at i64's end (`12e99999999999999999999`).
    let position = (digits.len() as i64).saturating_add(exponent);
    if position > 310 {
        return f64::INFINITY;
    }
    if position < -330 {
        return 0.0;
    }
    if let Some(exact) = clinger_fast_path(digits, exponent) {
        return exact;
    }
    let mut numerator = BigUint::zero();
    for chunk in digits.chunks(9) {
        let chunk_value = chunk
            .iter()
            .fold(0u32, |value, &digit| value * 10 + u32::from(digit));
        numerator = numerator * 10u32.pow(chunk.len() as u32) + chunk_value;
    }
    let mut denominator = BigUint::one();
    if exponent >= 0 {
        numerator *= pow10(exponent);
    } else {
        denominator = pow10(-exponent);
    }
    nearest_double(&numerator, &denominator)
}

/// Both factors exact in a double, so one IEEE operation rounds correctly.
fn clinger_fast_path(digits: &[u8], exponent: i64) -> Option<f64> {
    const POWERS: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    if digits.len() > 15 {
        return None;
    }
    let power = *POWERS.get(exponent.unsigned_abs() as usize)?;
    let mantissa = digits
        .iter()
        .fold(0u64, |value, &digit| value * 10 + u64::from(digit)) as f64;
    Some(if exponent >= 0 {
        mantissa * power
    } else {
        mantissa / power
    })
}

fn pow10(exponent: i64) -> BigUint {
    num_traits::pow(BigUint::from(10u32), exponent as usize)
}

/// `numerator / denominator` rounded to the nearest double, ties to even.
fn nearest_double(numerator: &BigUint, denominator: &BigUint) -> f64 {
    const MANTISSA_BITS: u64 = 53;
    const MIN_EXPONENT: i64 = -1074;
    // The quotient scaled by 2^-binary_exponent has 53 or 54 bits, or fewer
    // when it is subnormal.
    let estimate = numerator.bits() as i64 - denominator.bits() as i64;
    let mut binary_exponent = (estimate - MANTISSA_BITS as i64).max(MIN_EXPONENT);
    let (mut quotient, mut remainder, mut divisor) =
        scaled_division(numerator, denominator, binary_exponent);
    if quotient.bits() > MANTISSA_BITS {
        binary_exponent += 1;
        (quotient, remainder, divisor) = scaled_division(numerator, denominator, binary_exponent);
    }
    let twice_remainder: BigUint = remainder << 1u32;
    if twice_remainder > divisor || (twice_remainder == divisor && quotient.is_odd()) {
        quotient += 1u32;
    }
    // At most 2^53 now, so it fits a u64 exactly.
    let mut significand = quotient.to_u64().unwrap_or(u64::MAX);
    if significand == 1 << MANTISSA_BITS {
        significand >>= 1;
        binary_exponent += 1;
    }
    if significand < 1 << (MANTISSA_BITS - 1) {
        // Subnormal (only reachable at the minimum exponent) or zero.
        return f64::from_bits(significand);
    }
    let biased = binary_exponent + (MANTISSA_BITS as i64 - 1) + 1023;
    if biased >= 0x7ff {
        return f64::INFINITY;
    }
    f64::from_bits(((biased as u64) << 52) | (significand - (1 << (MANTISSA_BITS - 1))))
}

/// `numerator / (denominator × 2^binary_exponent)` as quotient, remainder and
/// the divisor actually used (both sides scaled to integers).
fn scaled_division(
    numerator: &BigUint,
    denominator: &BigUint,
    binary_exponent: i64,
) -> (BigUint, BigUint, BigUint) {
    let (dividend, divisor) = if binary_exponent >= 0 {
        (numerator.clone(), denominator << binary_exponent as u64)
    } else {
        (
            numerator << binary_exponent.unsigned_abs(),
            denominator.clone(),
        )
    };
    let (quotient, remainder) = dividend.div_rem(&divisor);
    (quotient, remainder, divisor)
}

#[cfg(test)]
mod tests {
    use super::parse_float;

    #[test]
    fn agrees_with_rusts_parser_on_hard_cases() {
        let cases = [
            "0",
            "-0",
            "0.0",
            "-0.0e5",
            ".5",
            "5.",
            "1e23",
            "8.98846567431158e307",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "4.9e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "5e-324",
            "1e-400",
            "1e400",
            "-1e400",
            "9007199254740993",
            "9007199254740992.5",
            "0.1",
            "0.2",
            "0.30000000000000004",
            "123456789012345678901234567890",
            "2.98023223876953125e-08",
            "1e-7",
            "3.141592653589793238462643383279",
            "1E+22",
            "1e22",
            "123456789012345e-22",
            "1234567890123456e-22",
            "0.000000000000000000000000000001",
            "7.2057594037927933e16",
            "1e0000000000000000000000001",
            "1e-99999999999999999999999",
            "12e99999999999999999999999",
            "10e9223372036854775807",
            "0.01e-9223372036854775808",
            "00000.00001000",
            "1_0",
        ];
        for case in cases {
            let ours = parse_float(case);
            let rusts = case.parse::<f64>().ok();
            assert_eq!(ours.map(f64::to_bits), rusts.map(f64::to_bits), "{case}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_decimal() {
        for case in [
            "", "+", "-", ".", "e5", "1e", "1e+", "1.2.3", "1x", " 1", "inf", "nan", "1__0",
        ] {
            assert_eq!(parse_float(case), None, "{case:?}");
        }
    }
}
