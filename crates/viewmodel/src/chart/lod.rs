//! Level of detail: what one lane looks like at a given zoom, whatever the
//! number of events behind it. A stretch at least a pixel wide is drawn as
//! it is; the narrower ones (states that took no virtual time, or a thousand
//! events squeezed into a pixel) are gathered per pixel column into one
//! mark a few pixels wide, showing the most telling state among them; marks
//! closer than a few pixels are thinned; the ready queue's length becomes
//! one bar per column, the longest it got there. The cost follows what is
//! visible, not the size of the run.

use crate::views::{Mark, Outcome, Segment, SegmentState};

use super::Scale;

/// A stretch at least this wide (in pixels) is drawn as it is.
pub const MIN_STRETCH: f64 = 1.0;
/// Width of the mark standing for a column of narrower stretches.
pub const COLUMN_WIDTH: f64 = 3.0;
/// Fewest pixels between two future marks drawn on one lane.
pub const MARK_SPACING: f64 = 6.0;

/// A piece of a lane to paint.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    pub x0: f64,
    pub x1: f64,
    pub state: SegmentState,
    /// Index of the (first) segment it stands for.
    pub segment: usize,
}

/// A lane at one zoom: the stretches, then the columns of narrow ones (to be
/// painted over them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaneBars {
    pub stretches: Vec<Bar>,
    pub columns: Vec<Bar>,
}

/// The rank of the most telling state ([`rank`]).
const TOP_RANK: u8 = 7;

/// How telling a state is when several share one pixel: running first (the
/// moments a learner looks for), then how a task ended, then ready.
fn rank(state: SegmentState) -> u8 {
    match state {
        SegmentState::Running => 7,
        SegmentState::Failed => 6,
        SegmentState::Cancelled => 5,
        SegmentState::Blocked => 4,
        SegmentState::Ready => 3,
        SegmentState::Done => 2,
        SegmentState::Idle => 1,
        SegmentState::Waiting => 0,
    }
}

/// The segments of one lane as bars in `scale`'s window.
pub fn bars(segments: &[Segment], scale: &Scale) -> LaneBars {
    let mut out = LaneBars::default();
    let mut index = segments.partition_point(|s| scale.end_of(s) < scale.start);
    let mut column: Option<(f64, Bar)> = None;
    while let Some(segment) = segments.get(index) {
        let (start, end) = (scale.start_of(segment), scale.end_of(segment));
        if start > scale.end {
            break;
        }
        let (x0, x1) = (scale.x(start), scale.x(end));
        if x1 - x0 >= MIN_STRETCH {
            let bar = Bar {
                x0,
                x1,
                state: segment.state,
                segment: index,
            };
            match out.stretches.last_mut() {
                Some(last) if last.state == bar.state && bar.x0 - last.x1 < 0.5 => {
                    last.x1 = bar.x1;
                }
                _ => out.stretches.push(bar),
            }
            index += 1;
            continue;
        }
        let pixel = x0.floor();
        match &mut column {
            Some((at, bar)) if *at == pixel => {
                if rank(segment.state) > rank(bar.state) {
                    bar.state = segment.state;
                    bar.segment = index;
                }
            }
            _ => {
                if let Some((_, bar)) = column.take() {
                    out.columns.push(bar);
                }
                let centre = pixel + 0.5;
                column = Some((
                    pixel,
                    Bar {
                        x0: centre - COLUMN_WIDTH / 2.0,
                        x1: centre + COLUMN_WIDTH / 2.0,
                        state: segment.state,
                        segment: index,
                    },
                ));
            }
        }
        index += 1;
        // A column showing the most telling state cannot change: skip the
        // segments that end inside it (a busy loop packs thousands per pixel).
        if column
            .as_ref()
            .is_some_and(|(_, bar)| rank(bar.state) == TOP_RANK)
        {
            let boundary = scale.value(pixel + 1.0);
            index = gallop(segments, index, |s| scale.end_of(s) < boundary);
        }
    }
    if let Some((_, bar)) = column {
        out.columns.push(bar);
    }
    out
}

/// The first index at or after `from` where `before` turns false (`before`
/// holds on a prefix of `items`), found by doubling steps then bisection, so
/// that a short skip touches only nearby items.
pub fn gallop<T>(items: &[T], from: usize, before: impl Fn(&T) -> bool) -> usize {
    let mut low = from;
    let mut step = 1;
    let mut high = from;
    while high < items.len() && before(&items[high]) {
        low = high + 1;
        high = from + step;
        step *= 2;
    }
    let high = high.min(items.len());
    low + items[low.min(high)..high].partition_point(before)
}

/// How telling an ending is when marks crowd: failures first.
fn outcome_rank(outcome: Outcome) -> u8 {
    match outcome {
        Outcome::Failed => 2,
        Outcome::Cancelled => 1,
        Outcome::Resolved => 0,
    }
}

/// The marks of one lane in the window, at least [`MARK_SPACING`] apart: of
/// marks that crowd, the first is kept, unless a later one is more telling.
/// Returns (x, index into `marks`).
pub fn thin_marks(marks: &[Mark], scale: &Scale) -> Vec<(f64, usize)> {
    let value = |mark: &Mark| scale.value_of(mark.event, mark.time);
    let first = marks.partition_point(|m| value(m) < scale.start);
    let mut out: Vec<(f64, usize)> = Vec::new();
    for (index, mark) in marks.iter().enumerate().skip(first) {
        let v = value(mark);
        if v > scale.end {
            break;
        }
        let x = scale.x(v);
        match out.last_mut() {
            Some((last_x, last)) if x - *last_x < MARK_SPACING => {
                if outcome_rank(mark.outcome) > outcome_rank(marks[*last].outcome) {
                    *last = index;
                }
            }
            _ => out.push((x, index)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::Axis;
    use crate::views::Detail;

    fn segment(state: SegmentState, start: usize, end: usize, t0: f64, t1: f64) -> Segment {
        Segment {
            state,
            start_event: start,
            end_event: end,
            start_time: t0,
            end_time: t1,
            detail: Detail::None,
        }
    }

    fn time_scale(start: f64, end: f64, width: f64) -> Scale {
        Scale {
            axis: Axis::Time,
            start,
            end,
            left: 0.0,
            width,
        }
    }

    /// A task that sleeps a second at a time: ready and running take no time.
    fn sleeper(rounds: usize) -> Vec<Segment> {
        use SegmentState::*;
        let mut out = Vec::new();
        for round in 0..rounds {
            let (k, t) = (round * 3, round as f64);
            out.push(segment(Ready, k, k + 1, t, t));
            out.push(segment(Running, k + 1, k + 2, t, t));
            out.push(segment(Waiting, k + 2, k + 3, t, t + 1.0));
        }
        out.push(segment(
            Done,
            rounds * 3,
            rounds * 3,
            rounds as f64,
            rounds as f64,
        ));
        out
    }

    #[test]
    fn zero_duration_states_become_columns_showing_the_running() {
        let lane = sleeper(4);
        let drawn = bars(&lane, &time_scale(0.0, 4.0, 400.0));
        let widths: Vec<(SegmentState, f64)> = drawn
            .stretches
            .iter()
            .map(|b| (b.state, b.x1 - b.x0))
            .collect();
        // The four waits touch (what happens between them takes no time): one
        // stretch, under a column for each moment the task ran.
        assert_eq!(widths, [(SegmentState::Waiting, 400.0)]);
        let columns: Vec<(SegmentState, f64)> =
            drawn.columns.iter().map(|b| (b.state, b.x0)).collect();
        assert_eq!(
            columns,
            [
                (SegmentState::Running, -1.0),
                (SegmentState::Running, 99.0),
                (SegmentState::Running, 199.0),
                (SegmentState::Running, 299.0),
                (SegmentState::Done, 399.0),
            ]
        );
        assert!(drawn.columns.iter().all(|b| b.x1 - b.x0 == COLUMN_WIDTH));
    }

    #[test]
    fn a_dense_lane_costs_at_most_a_column_per_pixel() {
        let lane = sleeper(100_000);
        let drawn = bars(&lane, &time_scale(0.0, 100_000.0, 500.0));
        assert!(drawn.columns.len() <= 501, "{}", drawn.columns.len());
        // A thousand waits side by side merge into one stretch... or none at all
        // when each is narrower than a pixel: then the columns carry the lane.
        assert!(drawn.stretches.len() <= 1);
        assert!(drawn
            .columns
            .iter()
            .all(|b| b.state == SegmentState::Running || b.state == SegmentState::Done));
    }

    #[test]
    fn the_event_axis_gives_every_state_its_events() {
        let lane = sleeper(2);
        let scale = Scale {
            axis: Axis::Events,
            start: 0.0,
            end: 6.0,
            left: 10.0,
            width: 60.0,
        };
        let drawn = bars(&lane, &scale);
        let states: Vec<(SegmentState, f64, f64)> = drawn
            .stretches
            .iter()
            .map(|b| (b.state, b.x0, b.x1))
            .collect();
        use SegmentState::*;
        assert_eq!(
            states,
            [
                (Ready, 10.0, 20.0),
                (Running, 20.0, 30.0),
                (Waiting, 30.0, 40.0),
                (Ready, 40.0, 50.0),
                (Running, 50.0, 60.0),
                (Waiting, 60.0, 70.0),
            ]
        );
        // The final, zero-event Done is a column at the end.
        assert_eq!(drawn.columns.len(), 1);
        assert_eq!(drawn.columns[0].state, Done);
    }

    #[test]
    fn only_the_window_is_visited() {
        let lane = sleeper(1_000);
        let drawn = bars(&lane, &time_scale(500.0, 502.0, 200.0));
        // The waits from t=499 to t=503 touch: one stretch, under the three
        // moments the task ran (t=500, 501, 502).
        let stretches: Vec<(f64, f64)> = drawn.stretches.iter().map(|b| (b.x0, b.x1)).collect();
        assert_eq!(stretches, [(-100.0, 300.0)]);
        let columns: Vec<f64> = drawn.columns.iter().map(|b| b.x0).collect();
        assert_eq!(columns, [-1.0, 99.0, 199.0]);
    }

    #[test]
    fn galloping_finds_the_end_of_a_prefix() {
        let items: Vec<u32> = (0..1000).collect();
        for from in [0, 1, 5, 500, 999, 1000] {
            for bound in [0, 3, 499, 500, 501, 998, 1000, 2000] {
                let expected = items.partition_point(|&i| i < bound).max(from);
                assert_eq!(
                    gallop(&items, from, |&i| i < bound),
                    expected,
                    "{from} {bound}"
                );
            }
        }
    }

    /// Skipping inside a running column gives what visiting every segment gives.
    #[test]
    fn skipping_saturated_columns_changes_nothing() {
        let lane = sleeper(5_000);
        for (start, end, width) in [
            (0.0, 5_000.0, 700.0),
            (10.0, 12.5, 300.0),
            (0.0, 5_000.0, 20_000.0),
        ] {
            let scale = time_scale(start, end, width);
            let drawn = bars(&lane, &scale);
            // The reference: every segment, no skipping.
            let mut columns: Vec<(f64, SegmentState)> = Vec::new();
            for segment in &lane {
                let (x0, x1) = (scale.x(segment.start_time), scale.x(segment.end_time));
                if segment.start_time > end || segment.end_time < start || x1 - x0 >= MIN_STRETCH {
                    continue;
                }
                let pixel = x0.floor();
                match columns.last_mut() {
                    Some((at, state)) if *at == pixel => {
                        if rank(segment.state) > rank(*state) {
                            *state = segment.state;
                        }
                    }
                    _ => columns.push((pixel, segment.state)),
                }
            }
            let got: Vec<(f64, SegmentState)> = drawn
                .columns
                .iter()
                .map(|b| (b.x0 + COLUMN_WIDTH / 2.0 - 0.5, b.state))
                .collect();
            assert_eq!(got, columns, "{start}..{end} over {width}");
        }
    }

    #[test]
    fn crowded_marks_are_thinned_keeping_failures() {
        let mark = |event: usize, outcome| Mark {
            event,
            time: event as f64,
            future: event as u32,
            outcome,
        };
        let marks = [
            mark(0, Outcome::Resolved),
            mark(1, Outcome::Failed),
            mark(2, Outcome::Resolved),
            mark(50, Outcome::Cancelled),
        ];
        let thinned = thin_marks(&marks, &time_scale(0.0, 100.0, 200.0));
        assert_eq!(thinned, [(0.0, 1), (100.0, 3)]);
    }
}
