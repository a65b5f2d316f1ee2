//! What the xtask prints about its own progress, kept apart from the tools' output.

use std::time::Duration;

/// Announces a step: `==> ensuring trunk 0.21.14`.
pub fn step(title: &str) {
    println!("\n==> {title}");
}

/// A line about the current step, indented under it.
pub fn detail(message: &str) {
    println!("    {message}");
}

/// A duration as a person reads it: `42s`, `3m 05s`.
pub fn duration(elapsed: Duration) -> String {
    let seconds = elapsed.as_secs();
    if seconds < 60 {
        format!("{seconds}s")
    } else {
        format!("{}m {:02}s", seconds / 60, seconds % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_minutes_and_seconds() {
        assert_eq!(duration(Duration::from_millis(4_900)), "4s");
        assert_eq!(duration(Duration::from_secs(185)), "3m 05s");
    }
}
