//! The timeline's window on the run: which stretch of the axis is visible,
//! and how zooming, panning, following the playhead and switching axes move
//! it. Pure arithmetic on axis values (seconds or event indexes).

use loopscope_viewmodel::chart::{Axis, Chart};
use loopscope_viewmodel::Timeline;

/// Deepest zoom on the event axis: this many events across the chart.
const MIN_EVENTS: f64 = 8.0;
/// Deepest zoom on the time axis, as a fraction of the run.
const MIN_TIME_FRACTION: f64 = 1e-7;

/// A visible stretch of the axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    pub start: f64,
    pub end: f64,
}

impl Window {
    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// Kept inside `full`, no narrower than the deepest zoom.
    pub fn clamped(self, full: Window, axis: Axis) -> Window {
        let min_span = match axis {
            Axis::Events => MIN_EVENTS,
            Axis::Time => (full.span() * MIN_TIME_FRACTION).max(1e-9),
        };
        let span = self.span().clamp(min_span.min(full.span()), full.span());
        let start = self
            .start
            .clamp(full.start, (full.end - span).max(full.start));
        Window {
            start,
            end: start + span,
        }
    }

    /// Zoomed in by `factor` (> 1 in, < 1 out), keeping `anchor` where it is.
    pub fn zoomed(self, factor: f64, anchor: f64) -> Window {
        let factor = factor.max(1e-9);
        Window {
            start: anchor - (anchor - self.start) / factor,
            end: anchor + (self.end - anchor) / factor,
        }
    }

    /// Moved by `delta` along the axis.
    pub fn panned(self, delta: f64) -> Window {
        Window {
            start: self.start + delta,
            end: self.end + delta,
        }
    }

    /// The window moved so that `value` shows (a third from the left), or
    /// `None` when it already does.
    pub fn following(self, value: f64) -> Option<Window> {
        let margin = self.span() * 0.02;
        if value >= self.start && value <= self.end - margin {
            return None;
        }
        Some(self.panned(value - self.span() / 3.0 - self.start))
    }
}

/// The whole run on `axis`.
pub fn full(timeline: &Timeline, axis: Axis) -> Window {
    let (start, end) = Chart::full_range(timeline, axis);
    Window { start, end }
}

/// The same stretch of the run on the other axis (through the events it covers).
pub fn converted(window: Window, from: Axis, to: Axis, timeline: &Timeline) -> Window {
    if from == to {
        return window;
    }
    let last = timeline.len().saturating_sub(1);
    let (first_event, last_event) = match from {
        Axis::Events => (
            (window.start.max(0.0) as usize).min(last),
            (window.end.ceil().max(0.0) as usize).min(last),
        ),
        Axis::Time => (
            timeline.last_event_at(window.start),
            timeline.last_event_at(window.end),
        ),
    };
    let converted = match to {
        Axis::Events => Window {
            start: first_event as f64,
            end: last_event as f64,
        },
        Axis::Time => Window {
            start: timeline.event_time(first_event),
            end: timeline.event_time(last_event),
        },
    };
    converted.clamped(full(timeline, to), to)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: Window = Window {
        start: 0.0,
        end: 100.0,
    };

    #[test]
    fn zooming_keeps_the_anchor_in_place() {
        let zoomed = FULL.zoomed(4.0, 20.0);
        assert_eq!((zoomed.start, zoomed.end), (15.0, 40.0));
        let back = zoomed.zoomed(0.25, 20.0).clamped(FULL, Axis::Events);
        assert_eq!(back, FULL);
    }

    #[test]
    fn the_window_stays_inside_the_run() {
        let w = Window {
            start: 90.0,
            end: 120.0,
        }
        .clamped(FULL, Axis::Events);
        assert_eq!((w.start, w.end), (70.0, 100.0));
        let narrow = Window {
            start: 50.0,
            end: 51.0,
        }
        .clamped(FULL, Axis::Events);
        assert_eq!(narrow.span(), MIN_EVENTS);
    }

    #[test]
    fn following_moves_only_when_the_playhead_leaves() {
        let w = Window {
            start: 10.0,
            end: 40.0,
        };
        assert_eq!(w.following(20.0), None);
        assert_eq!(w.following(70.0).map(|w| w.start), Some(60.0));
    }
}
