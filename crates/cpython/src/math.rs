//! The functions CPython 3.11's `math` module computes itself rather than ask
//! libm for: `gamma` and `lgamma` (Lanczos' approximation with the Boost
//! parameters N = 13, g ≈ 6.0247, and the reflection formula below zero),
//! `remainder` (IEEE 754's, exact) and the vector norm of `hypot` and `dist`,
//! with the `ValueError("math domain error")` and `OverflowError("math range
//! error")` its wrappers raise.

use crate::error::PyError;

fn domain() -> PyError {
    PyError::value("math domain error")
}

fn range() -> PyError {
    PyError::overflow("math range error")
}

const PI: f64 = std::f64::consts::PI;
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;

/// sin(pi * x), exact at the integers and half-integers, for finite `x`.
fn sin_pi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    // C's round: halves away from zero, as Rust's.
    let r = match (2.0 * y).round() as i32 {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        // Not -sin(pi * (y - 1)), which gives -0.0 at y == 1.
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

const LANCZOS_N: usize = 13;
const LANCZOS_G: f64 = 6.024_680_040_776_73;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_73;
const LANCZOS_NUM: [f64; LANCZOS_N] = [
    23_531_376_880.410_76,
    42_919_803_642.649_1,
    35_711_959_237.355_67,
    17_921_034_426.037_21,
    6_039_542_586.352_028,
    1_439_720_407.311_721_6,
    248_874_557.862_054_17,
    31_426_415.585_400_194,
    2_876_370.628_935_372_5,
    186_056.265_395_223_48,
    8_071.672_002_365_816,
    210.824_277_751_579_36,
    2.506_628_274_631_000_2,
];
/// x * (x + 1) * ... * (x + 11), coefficient by coefficient.
const LANCZOS_DEN: [f64; LANCZOS_N] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// Gamma of 1 through 23, exact.
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

/// Lanczos' sum for positive `x`: below 5 in powers of x, above in powers
/// of 1/x (no overflow, less error).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..LANCZOS_N).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..LANCZOS_N {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `math.gamma(x)`.
pub fn gamma(x: f64) -> Result<f64, PyError> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(domain());
    }
    if x == 0.0 {
        // A pole (CPython's errno EDOM, whatever the sign of the zero).
        return Err(domain());
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(domain());
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(range()) } else { Ok(r) };
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sin_pi(x));
        }
        return Err(range());
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, which pow and exp would magnify.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sin_pi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err(range());
    }
    Ok(r)
}

/// `math.lgamma(x)`: the natural logarithm of |gamma(x)|.
pub fn lgamma(x: f64) -> Result<f64, PyError> {
    if !x.is_finite() {
        // nan stays nan, lgamma(±inf) = inf.
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(domain());
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        // The reflection formula.
        r = LOG_PI - sin_pi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(range());
    }
    Ok(r)
}

/// `math.remainder(x, y)`: `x - n*y` for the integer `n` nearest `x/y`, ties
/// to even; always exact.
pub fn remainder(x: f64, y: f64) -> Result<f64, PyError> {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return Err(domain());
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = absx % absy;
        // m against half of absy, through the complement (exact whenever it
        // matters: see CPython's m_remainder).
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // A tie: m when the multiple below is even, -m when it is odd.
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return Ok(1.0f64.copysign(x) * r);
    }
    if x.is_nan() {
        return Ok(x);
    }
    if y.is_nan() {
        return Ok(y);
    }
    if x.is_infinite() {
        return Err(domain());
    }
    Ok(x)
}

/// 2**k for -1074 <= k <= 1023, exactly.
fn power_of_two(k: i32) -> f64 {
    if k >= -1022 {
        f64::from_bits(((1023 + k) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

/// Splits `x` (|x| < 1) into a high half of 26 bits and the rest
/// (Veltkamp-Dekker), so that each product of halves is exact.
fn split(x: f64) -> (f64, f64) {
    const T27: f64 = 134217729.0; // 2**27 + 1
    let t = x * T27;
    let hi = t - (t - x);
    (hi, x - hi)
}

/// `sqrt(sum(x**2 for x in magnitudes))` as `hypot` and `dist` compute it:
/// scaled by a power of two, each square split exactly and summed with
/// compensation, and the square root corrected once. `magnitudes` are
/// absolute values.
pub fn vector_norm(magnitudes: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    for &x in magnitudes {
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
    }
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || magnitudes.len() <= 1 {
        return max;
    }
    let (_, max_e) = crate::frexp::frexp(max);
    // csum starts at 1.0, above every scaled square, so that each
    // compensation step knows which operand is larger; it is taken out at
    // the end.
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    fn add(x: f64, frac: &mut f64, csum: &mut f64) {
        let old = *csum;
        *csum += x;
        *frac += (old - *csum) + x;
    }
    if max_e < -1023 {
        // 2**-max_e would overflow: divide by the largest instead.
        for &x in magnitudes {
            let x = x / max;
            add(x * x, &mut frac1, &mut csum);
        }
        return max * (csum - 1.0 + frac1).sqrt();
    }
    let scale = power_of_two(-max_e);
    for &x in magnitudes {
        let (hi, lo) = split(x * scale);
        add(hi * hi, &mut frac1, &mut csum);
        add(2.0 * hi * lo, &mut frac2, &mut csum);
        frac3 += lo * lo;
    }
    let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
    let (hi, lo) = split(h);
    add(-hi * hi, &mut frac1, &mut csum);
    add(-2.0 * hi * lo, &mut frac2, &mut csum);
    add(-lo * lo, &mut frac3, &mut csum);
    let x = csum - 1.0 + (frac1 + frac2 + frac3);
    (h + x / (2.0 * h)) / scale
}
