//! C's `frexp`, which `math.frexp`, float hashing and `struct`'s half-precision
//! packing split a double with.

/// `x == m * 2^e` with `0.5 <= |m| < 1`; zero, infinities and NaN come back as
/// they are with `e == 0`, as C's `frexp` gives them.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let mantissa_bits = (bits & !(0x7ffu64 << 52)) | (1022u64 << 52);
    (f64::from_bits(mantissa_bits), biased - 1022)
}

#[cfg(test)]
mod tests {
    use super::frexp;

    #[test]
    fn splits_normal_subnormal_and_special_values_as_c_does() {
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(frexp(-3.0), (-0.75, 2));
        assert_eq!(frexp(f64::MIN_POSITIVE), (0.5, -1021));
        assert_eq!(frexp(5e-324), (0.5, -1073));
        // Recorded from CPython: math.frexp(6.551e-316).
        assert_eq!(frexp(6.551e-316), (0.9879001677036285, -1047));
        assert_eq!(frexp(0.0), (0.0, 0));
        assert_eq!(frexp(f64::INFINITY), (f64::INFINITY, 0));
        assert!(frexp(f64::NAN).0.is_nan());
    }
}
