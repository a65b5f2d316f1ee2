//! Playback speeds: so many events per second, or virtual time (one virtual second per real
//! second, ×10, ×100), where the waits between events take their own (scaled) time. Pure,
//! tested natively; [`crate::controls`] plays with them.

use crate::number_text::decimal;

/// How fast playback goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Speed {
    /// Events per second.
    Events(f64),
    /// Virtual seconds per real second.
    Virtual(f64),
}

/// The speeds offered, slowest first.
pub const SPEEDS: [Speed; 11] = [
    Speed::Events(1.0),
    Speed::Events(2.0),
    Speed::Events(4.0),
    Speed::Events(8.0),
    Speed::Events(16.0),
    Speed::Events(32.0),
    Speed::Events(100.0),
    Speed::Events(1000.0),
    Speed::Virtual(1.0),
    Speed::Virtual(10.0),
    Speed::Virtual(100.0),
];

/// The speed until one is chosen.
pub const DEFAULT_SPEED: Speed = Speed::Events(4.0);

impl Speed {
    /// The `speed=` value and the menu's option value: `4` or `10x`.
    pub fn key(self) -> String {
        match self {
            Speed::Events(rate) => decimal(rate),
            Speed::Virtual(factor) => format!("{}x", decimal(factor)),
        }
    }

    /// What the menu says: "4 events/s", "virtual time ×10".
    pub fn label(self) -> String {
        match self {
            Speed::Events(rate) => format!("{} events/s", decimal(rate)),
            Speed::Virtual(1.0) => "virtual time (1 s = 1 s)".to_string(),
            Speed::Virtual(factor) => format!("virtual time ×{}", decimal(factor)),
        }
    }

    /// Reads a key, snapped to the nearest offered speed of its kind (`speed=100` is
    /// 100 events/s, `speed=3` is 4, `speed=50x` is ×10...); `None` for anything else.
    pub fn parse(text: &str) -> Option<Speed> {
        let text = text.trim();
        let (number, virtual_time) = match text.strip_suffix(['x', 'X']) {
            Some(number) => (number, true),
            None => (text, false),
        };
        let value = loopscope_cpython::strtod::parse_float(number)?;
        if !value.is_finite() || value <= 0.0 {
            return None;
        }
        SPEEDS
            .into_iter()
            .filter_map(|speed| match (speed, virtual_time) {
                (Speed::Events(rate), false) | (Speed::Virtual(rate), true) => Some((speed, rate)),
                _ => None,
            })
            .min_by(|(_, a), (_, b)| {
                let distance = |rate: &f64| (rate.ln() - value.ln()).abs();
                distance(a).total_cmp(&distance(b))
            })
            .map(|(speed, _)| speed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speeds_round_trip_through_their_keys() {
        for speed in SPEEDS {
            assert_eq!(Speed::parse(&speed.key()), Some(speed), "{}", speed.key());
        }
        assert_eq!(Speed::Events(4.0).label(), "4 events/s");
        assert_eq!(Speed::Virtual(10.0).label(), "virtual time ×10");
    }

    #[test]
    fn other_values_snap_to_the_nearest_offered_speed() {
        assert_eq!(Speed::parse("100"), Some(Speed::Events(100.0)));
        assert_eq!(Speed::parse("3"), Some(Speed::Events(4.0)));
        assert_eq!(Speed::parse("0.25"), Some(Speed::Events(1.0)));
        assert_eq!(Speed::parse("5000"), Some(Speed::Events(1000.0)));
        assert_eq!(Speed::parse("50x"), Some(Speed::Virtual(100.0)));
        assert_eq!(Speed::parse("2X"), Some(Speed::Virtual(1.0)));
        for bad in ["", "x", "fast", "-1", "0", "nan", "inf"] {
            assert_eq!(Speed::parse(bad), None, "{bad}");
        }
    }
}
