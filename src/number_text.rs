//! Numbers as the page writes them (`0.5`, `12`, `1.25`, `0.5s`): made by the engine's own float
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

/// Virtual seconds for stamps and axes (`0.5s`, `12s`), to the millisecond.
pub fn format_seconds(seconds: f64) -> String {
    format!("{}s", decimal(seconds))
}

#[cfg(test)]
mod tests {
    use super::{decimal, format_seconds};

    #[test]
    fn seconds_are_rounded_to_milliseconds() {
        assert_eq!(format_seconds(0.1 + 0.2), "0.3s");
        assert_eq!(format_seconds(3.0), "3s");
    }

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
