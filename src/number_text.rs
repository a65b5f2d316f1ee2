//! Numbers as the page writes them (`0.5`, `12`, `1.25`): made by the engine's own float
//! text (loopscope-cpython), so the wasm carries one float formatter, not also Rust's.

use loopscope_cpython::float_repr::float_fixed;

/// `x` rounded to three decimals, without trailing zeros: `0.5`, `12`, `-1.25`, `0`.
pub fn decimal(x: f64) -> String {
    let fixed = float_fixed(x, 3);
    let text = match fixed.contains('.') {
        true => fixed.trim_end_matches('0').trim_end_matches('.'),
        false => &fixed,
    };
    match text {
        "-0" => "0".to_string(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn decimals_lose_their_trailing_zeros() {
        assert_eq!(decimal(0.5), "0.5");
        assert_eq!(decimal(12.0), "12");
        assert_eq!(decimal(1.25), "1.25");
        assert_eq!(decimal(0.1 + 0.2), "0.3");
        assert_eq!(decimal(2.0004), "2");
        assert_eq!(decimal(-0.0001), "0");
        assert_eq!(decimal(-1.5), "-1.5");
        assert_eq!(decimal(100.0), "100");
    }
}
