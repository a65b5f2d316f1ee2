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

/// A count with thousands separators: `1,234,567`.
pub fn grouped(count: u64) -> String {
    let digits = count.to_string();
    let mut text = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

/// A large count in a few characters: `950`, `12.3 k`, `4.5 M`, `1.2 G`.
pub fn abbreviated(count: u64) -> String {
    let units = [(1e9, " G"), (1e6, " M"), (1e3, " k")];
    let count_f = count as f64;
    for (size, unit) in units {
        if count_f >= size {
            let scaled = float_fixed(count_f / size, 1);
            return format!("{}{unit}", scaled.trim_end_matches(".0"));
        }
    }
    count.to_string()
}

#[cfg(test)]
mod tests {
    use super::{abbreviated, decimal, format_seconds, grouped};

    #[test]
    fn counts_are_grouped_or_abbreviated() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(abbreviated(950), "950");
        assert_eq!(abbreviated(12_345), "12.3 k");
        assert_eq!(abbreviated(4_000_000), "4 M");
        assert_eq!(abbreviated(1_260_000_000), "1.3 G");
    }

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
