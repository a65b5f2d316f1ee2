//! Property tests: float reprs round-trip, decimal text parses to the same
//! double as Rust's (correctly rounded) parser, and no input makes the parsers
//! or renderers panic (they must answer with a `PyError` instead).

use loopscope_cpython::float_repr::{float_repr, round_float};
use loopscope_cpython::format_spec::{self, ValueKind};
use loopscope_cpython::percent_format::{self, CharArg, Count, Piece};
use loopscope_cpython::random::{PyRandom, Seed};
use loopscope_cpython::strtod::parse_float;
use num_bigint::BigInt;
use proptest::prelude::*;

/// Characters that make up format specs, so generated specs get past the first byte.
const SPEC_CHARS: &str = "[ <>=^+\\- z#0-9,_.a-zA-Z%é*{]{0,14}";
const PERCENT_CHARS: &str = "[%a-zA-Z0-9 .*#+\\-()lhé]{0,18}";

proptest! {
    #[test]
    fn float_repr_round_trips(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        let text = float_repr(x);
        let back: f64 = text.parse().expect("repr parses as a float");
        prop_assert!(back.to_bits() == x.to_bits() || (x.is_nan() && back.is_nan()), "{}", text);
        prop_assert!(x.is_finite() == (text.contains('.') || text.contains('e')));
        if x.is_finite() {
            prop_assert_eq!(parse_float(&text).map(f64::to_bits), Some(x.to_bits()), "{}", text);
        }
    }

    #[test]
    fn parse_float_matches_rusts_parser(
        text in "[+-]?[0-9]{0,40}(\\.[0-9]{0,40})?([eE][+-]?[0-9]{1,4})?",
    ) {
        let ours = parse_float(&text).map(f64::to_bits);
        let rusts = text.parse::<f64>().ok().map(f64::to_bits);
        prop_assert_eq!(ours, rusts, "{}", text);
    }

    #[test]
    fn parse_float_matches_near_halfway_points(bits in any::<u64>(), cut in 0usize..40) {
        // The exact midpoint between a double and the next one up, a hair above
        // it, and a truncation of it: the hardest inputs for rounding.
        let x = f64::from_bits(bits & !(1u64 << 63));
        prop_assume!(x.is_finite() && x < f64::MAX);
        let (digits, exponent) = halfway(x);
        let kept = digits.len().saturating_sub(cut).max(1);
        for text in [
            format!("{digits}e{exponent}"),
            format!("{digits}1e{}", exponent - 1),
            format!("{}e{}", &digits[..kept], exponent + (digits.len() - kept) as i64),
        ] {
            let ours = parse_float(&text).map(f64::to_bits);
            let rusts = text.parse::<f64>().ok().map(f64::to_bits);
            prop_assert_eq!(ours, rusts, "{}", text);
        }
    }

    #[test]
    fn round_float_never_panics(bits in any::<u64>(), ndigits in -400i64..400) {
        let _ = round_float(f64::from_bits(bits), ndigits);
    }

    #[test]
    fn format_spec_never_panics(
        spec in prop_oneof![proptest::string::string_regex(SPEC_CHARS).unwrap(), any::<String>()],
        int in any::<i64>(),
        bits in any::<u64>(),
        text in any::<String>(),
    ) {
        if let Ok(s) = format_spec::parse(&spec, ValueKind::Int, "int") {
            let _ = format_spec::format_int(&BigInt::from(int), &s);
        }
        if let Ok(s) = format_spec::parse(&spec, ValueKind::Float, "float") {
            let _ = format_spec::format_float(f64::from_bits(bits), &s);
        }
        if let Ok(s) = format_spec::parse(&spec, ValueKind::Str, "str") {
            let _ = format_spec::format_str(&text, &s);
        }
    }

    #[test]
    fn percent_format_never_panics(
        format in prop_oneof![proptest::string::string_regex(PERCENT_CHARS).unwrap(), any::<String>()],
        star in any::<i64>(),
        int in any::<i64>(),
        bits in any::<u64>(),
        text in any::<String>(),
    ) {
        for piece in percent_format::parse(&format) {
            let Piece::Conversion(mut c) = piece else { continue };
            if c.width == Count::FromArgs {
                let _ = c.apply_star_width(&BigInt::from(star));
            }
            if c.precision == Count::FromArgs {
                let _ = c.apply_star_precision(&BigInt::from(star));
            }
            let _ = c.render_str(&text);
            let _ = c.render_int(&BigInt::from(int));
            let _ = c.render_float(f64::from_bits(bits));
            let _ = c.render_char(CharArg::Int(&BigInt::from(int)));
            let _ = c.render_char(CharArg::Str(&text));
            let _ = c.unsupported();
        }
    }

    #[test]
    fn random_methods_never_panic(
        seed in any::<i64>(),
        a in -1000i64..1000,
        b in -1000i64..1000,
        step in -20i64..20,
        n in 0usize..300,
        k in -5i64..310,
    ) {
        let mut rng = PyRandom::new(Seed::Int(&BigInt::from(seed)));
        let (a, b, step) = (BigInt::from(a), BigInt::from(b), BigInt::from(step));
        let _ = rng.randrange(&a, Some(&b), Some(&step));
        let _ = rng.randrange(&a, None, Some(&step));
        if let Ok(value) = rng.randint(&a, &b) {
            prop_assert!(a <= value && value <= b);
        }
        if let Ok(picks) = rng.sample(n, k, None) {
            let mut sorted = picks.clone();
            sorted.sort_unstable();
            sorted.dedup();
            prop_assert_eq!(sorted.len(), picks.len());
            prop_assert!(picks.iter().all(|&i| i < n));
        }
        if let Ok(i) = rng.choice(n) {
            prop_assert!(i < n);
        }
    }
}

/// The point halfway between `x` and the next double up, exactly, as decimal
/// digits and a power of ten.
fn halfway(x: f64) -> (String, i64) {
    use num_bigint::BigUint;
    let (mantissa, exponent) = loopscope_cpython::float_repr::decompose(x);
    // (2m + 1) × 2^(e - 1) = (2m + 1) × 5^(1 - e) × 10^(e - 1) when e < 1.
    let twice_plus_one = BigUint::from(2 * mantissa + 1);
    let power = exponent - 1;
    if power >= 0 {
        return ((twice_plus_one << power as u64).to_string(), 0);
    }
    let scale = power.unsigned_abs() as usize;
    let digits = twice_plus_one * num_traits::pow(BigUint::from(5u32), scale);
    (digits.to_string(), power)
}
