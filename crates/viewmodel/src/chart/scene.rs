//! The chart as shapes: rectangles, lines, arrows, diamonds and text in CSS
//! pixels, each with a [`Paint`] (a role, not a colour: the page maps roles to
//! its theme's colours, the SVG export to the same colours), grouped in
//! clipped layers. The base scene changes when the viewport does; the
//! overlay (playhead, keyboard cursor, the wake-ups of the current event)
//! when the event does, and is cheap.

use crate::labels::seconds;
use crate::views::{LaneOwner, Outcome, SegmentState, Wake};

use super::lod::{self, COLUMN_WIDTH};
use super::{
    Axis, Chart, Row, AXIS_HEIGHT, BAR_HEIGHT, DEPTH_HEIGHT, END_MARGIN, LABEL_WIDTH, LANE_PITCH,
    MAX_ARROWS, START_MARGIN, TASKS_TOP,
};

/// What a shape is painted as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Paint {
    State(SegmentState),
    Outcome(Outcome),
    /// The page's background behind the lane names.
    Paper,
    LaneBackground,
    /// The selected lane's band.
    Selection,
    Grid,
    AxisText,
    LabelText,
    /// A tick on the axis where the clock advanced.
    ClockTick,
    /// The ready queue's length.
    Depth,
    /// A wake-up arrow.
    Wake,
    /// A wake-up arrow of the current event.
    WakeCurrent,
    /// From ready to running, on the woken lane.
    ReadyLink,
    Playhead,
    /// The keyboard cursor.
    Cursor,
    /// A pitfall's marker on the axis.
    Pitfall,
}

impl Paint {
    /// Every paint, for palettes and the SVG's style sheet.
    pub const ALL: [Paint; 25] = [
        Paint::State(SegmentState::Ready),
        Paint::State(SegmentState::Running),
        Paint::State(SegmentState::Waiting),
        Paint::State(SegmentState::Done),
        Paint::State(SegmentState::Failed),
        Paint::State(SegmentState::Cancelled),
        Paint::State(SegmentState::Idle),
        Paint::State(SegmentState::Blocked),
        Paint::Outcome(Outcome::Resolved),
        Paint::Outcome(Outcome::Failed),
        Paint::Outcome(Outcome::Cancelled),
        Paint::Paper,
        Paint::LaneBackground,
        Paint::Selection,
        Paint::Grid,
        Paint::AxisText,
        Paint::LabelText,
        Paint::ClockTick,
        Paint::Depth,
        Paint::Wake,
        Paint::WakeCurrent,
        Paint::ReadyLink,
        Paint::Playhead,
        Paint::Cursor,
        Paint::Pitfall,
    ];

    /// A stable name (the SVG's class, the page's CSS variable suffix).
    pub fn name(self) -> &'static str {
        match self {
            Paint::State(SegmentState::Ready) => "ready",
            Paint::State(SegmentState::Running) => "running",
            Paint::State(SegmentState::Waiting) => "waiting",
            Paint::State(SegmentState::Done) => "done",
            Paint::State(SegmentState::Failed) => "failed",
            Paint::State(SegmentState::Cancelled) => "cancelled",
            Paint::State(SegmentState::Idle) => "idle",
            Paint::State(SegmentState::Blocked) => "blocked",
            Paint::Outcome(Outcome::Resolved) => "resolved",
            Paint::Outcome(Outcome::Failed) => "rejected",
            Paint::Outcome(Outcome::Cancelled) => "aborted",
            Paint::Paper => "paper",
            Paint::LaneBackground => "lane",
            Paint::Selection => "selection",
            Paint::Grid => "grid",
            Paint::AxisText => "axis-text",
            Paint::LabelText => "label-text",
            Paint::ClockTick => "clock",
            Paint::Depth => "depth",
            Paint::Wake => "wake",
            Paint::WakeCurrent => "wake-current",
            Paint::ReadyLink => "ready-link",
            Paint::Playhead => "playhead",
            Paint::Cursor => "cursor",
            Paint::Pitfall => "pitfall",
        }
    }
}

/// How a text is placed relative to its x.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    End,
}

/// A rectangle in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Rect {
        rect: Rect,
        paint: Paint,
    },
    Line {
        from: (f64, f64),
        to: (f64, f64),
        paint: Paint,
        width: f64,
        dashed: bool,
    },
    /// A curve from `from` to `to` bowed sideways by `bend` pixels, with a
    /// head at `to`; `title` says what it shows (annotated scenes only).
    Arrow {
        from: (f64, f64),
        to: (f64, f64),
        bend: f64,
        paint: Paint,
        width: f64,
        title: Option<String>,
    },
    Diamond {
        centre: (f64, f64),
        radius: f64,
        paint: Paint,
    },
    /// One line of text, its baseline at `y`; `bold` for the selected lane;
    /// `title` the whole text when `text` is cut (annotated scenes only).
    Text {
        x: f64,
        y: f64,
        text: String,
        paint: Paint,
        anchor: Anchor,
        small: bool,
        bold: bool,
        title: Option<String>,
    },
}

/// An arrow's curve: its control point, and the three corners of its head.
pub fn arrow_geometry(
    from: (f64, f64),
    to: (f64, f64),
    bend: f64,
) -> ((f64, f64), [(f64, f64); 3]) {
    let control = ((from.0 + to.0) / 2.0 + bend, (from.1 + to.1) / 2.0);
    let (dx, dy) = (to.0 - control.0, to.1 - control.1);
    let length = (dx * dx + dy * dy).sqrt().max(1e-9);
    let (ux, uy) = (dx / length, dy / length);
    let (size, half) = (6.0, 3.0);
    let base = (to.0 - ux * size, to.1 - uy * size);
    let head = [
        to,
        (base.0 - uy * half, base.1 + ux * half),
        (base.0 + uy * half, base.1 - ux * half),
    ];
    (control, head)
}

/// Shapes painted inside one clip rectangle, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    pub clip: Rect,
    pub shapes: Vec<Shape>,
}

/// Everything to paint, bottom layer first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub layers: Vec<Layer>,
    /// Wake-ups in the window the scene left out (too many to draw: only the
    /// selected lane's are).
    pub arrows_left_out: usize,
}

/// Where the pitfalls' diamonds sit on the axis, and how big they are.
pub(super) const PITFALL_Y: f64 = AXIS_HEIGHT / 2.0;
pub(super) const PITFALL_RADIUS: f64 = 5.0;

/// Characters of a lane name that fit in the name column.
const LABEL_CHARS: usize = 25;

fn rect(x: f64, y: f64, w: f64, h: f64, paint: Paint) -> Shape {
    Shape::Rect {
        rect: Rect { x, y, w, h },
        paint,
    }
}

fn text(x: f64, y: f64, text: String, paint: Paint, anchor: Anchor, small: bool) -> Shape {
    Shape::Text {
        x,
        y,
        text,
        paint,
        anchor,
        small,
        bold: false,
        title: None,
    }
}

/// `label` cut to the name column, with an ellipsis.
fn fit_label(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        return label.to_string();
    }
    let mut cut: String = label.chars().take(LABEL_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// A "nice" tick step (1, 2 or 5 × 10ⁿ) giving about `count` ticks over `span`.
pub fn tick_step(span: f64, count: f64) -> f64 {
    let raw = (span / count).max(f64::MIN_POSITIVE);
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|factor| factor * magnitude)
        .find(|step| *step >= raw)
        .unwrap_or(10.0 * magnitude);
    step.max(f64::MIN_POSITIVE)
}

impl Chart<'_> {
    fn plot_right(&self) -> f64 {
        self.view.width
    }

    /// The band of the chart a layer clips to.
    fn band(&self, left: bool, top: f64, bottom: f64) -> Rect {
        let (x, w) = if left {
            (0.0, LABEL_WIDTH)
        } else {
            (LABEL_WIDTH, self.plot_right() - LABEL_WIDTH)
        };
        Rect {
            x,
            y: top,
            w,
            h: (bottom - top).max(0.0),
        }
    }

    /// The chart for the current viewport (everything but the playhead).
    pub fn base_scene(&self) -> Scene {
        let height = self.view.height;
        let mut grid = Vec::new();
        let mut pinned = Vec::new();
        let mut tasks = Vec::new();
        self.axis(&mut grid, &mut pinned);
        for (row, top) in self.visible_rows() {
            match row {
                Row::Depth => self.depth_lane(top, &mut pinned),
                Row::Lane(lane) => {
                    let out = if lane == 0 { &mut pinned } else { &mut tasks };
                    self.lane(lane, top, out);
                }
            }
        }
        let (arrows, left_out) = self.arrows();
        let (pinned_names, task_names) = self.names();
        Scene {
            width: self.view.width,
            height,
            layers: vec![
                Layer {
                    clip: Rect {
                        x: 0.0,
                        y: 0.0,
                        w: self.view.width,
                        h: height,
                    },
                    shapes: vec![rect(0.0, 0.0, self.view.width, height, Paint::Paper)],
                },
                Layer {
                    clip: self.band(false, 0.0, height),
                    shapes: grid,
                },
                Layer {
                    clip: self.band(false, 0.0, TASKS_TOP),
                    shapes: pinned,
                },
                Layer {
                    clip: self.band(false, TASKS_TOP, height),
                    shapes: tasks,
                },
                Layer {
                    clip: self.band(false, AXIS_HEIGHT, height),
                    shapes: arrows,
                },
                Layer {
                    clip: self.band(true, 0.0, TASKS_TOP),
                    shapes: pinned_names,
                },
                Layer {
                    clip: self.band(true, TASKS_TOP, height),
                    shapes: task_names,
                },
            ],
            arrows_left_out: left_out,
        }
    }

    /// Grid lines and labels at round values, and a tick per clock advance.
    fn axis(&self, grid: &mut Vec<Shape>, pinned: &mut Vec<Shape>) {
        let scale = &self.scale;
        let span = scale.end - scale.start;
        let step = tick_step(span, (scale.width / 110.0).max(2.0));
        let step = if scale.axis == Axis::Events {
            step.max(1.0)
        } else {
            step
        };
        let first = (scale.start / step).ceil() as i64;
        let last = (scale.end / step).floor() as i64;
        for tick in first..=last.min(first + 200) {
            let value = tick as f64 * step;
            let x = scale.x(value);
            grid.push(Shape::Line {
                from: (x, AXIS_HEIGHT - 4.0),
                to: (x, self.view.height),
                paint: Paint::Grid,
                width: 1.0,
                dashed: false,
            });
            let label = match scale.axis {
                Axis::Events => format!("#{}", value.round() as u64 + 1),
                Axis::Time => format!("{}s", seconds(value)),
            };
            pinned.push(text(
                x + 3.0,
                AXIS_HEIGHT - 8.0,
                label,
                Paint::AxisText,
                Anchor::Start,
                true,
            ));
        }
        let advances = self.timeline.clock_advances();
        let times = self.timeline.clock_advance_times();
        let value = |i: usize| match scale.axis {
            Axis::Time => times[i],
            Axis::Events => advances[i] as f64,
        };
        // The first advance at or after `v`, searching from `from`.
        let after = |from: usize, v: f64| match scale.axis {
            Axis::Time => lod::gallop(times, from, |&t| t < v),
            Axis::Events => lod::gallop(advances, from, |&k| (k as f64) < v),
        };
        let mut next = after(0, scale.start);
        // One tick every two pixels at most: after each, skip to the first
        // advance two pixels on.
        while next < advances.len() {
            let x = scale.x(value(next));
            if x > self.plot_right() {
                break;
            }
            pinned.push(Shape::Line {
                from: (x, AXIS_HEIGHT - 5.0),
                to: (x, AXIS_HEIGHT),
                paint: Paint::ClockTick,
                width: 1.5,
                dashed: false,
            });
            next = after(next + 1, scale.value(x + 2.0));
        }
        for (x, _) in self.pitfall_marks() {
            pinned.push(Shape::Diamond {
                centre: (x, PITFALL_Y),
                radius: PITFALL_RADIUS,
                paint: Paint::Pitfall,
            });
        }
    }

    /// The pitfalls in the window: (x, index in `Timeline::pitfalls`), one per few
    /// pixels (the first of those that would overlap).
    pub(super) fn pitfall_marks(&self) -> Vec<(f64, usize)> {
        let mut marks: Vec<(f64, usize)> = Vec::new();
        for (index, pitfall) in self.timeline.pitfalls().iter().enumerate() {
            let x = self.scale.x(self.value_of_event(pitfall.event));
            let shown = (LABEL_WIDTH..=self.plot_right()).contains(&x);
            let apart = marks
                .last()
                .is_none_or(|(last, _)| x - last >= 2.0 * PITFALL_RADIUS);
            if shown && apart {
                marks.push((x, index));
            }
        }
        marks
    }

    /// One lane: background, stretches, columns of narrow ones, the final
    /// state's cap at the run's end, and the futures' marks.
    fn lane(&self, lane: usize, top: f64, out: &mut Vec<Shape>) {
        let data = &self.timeline.lanes()[lane];
        let bar_top = top + (LANE_PITCH - BAR_HEIGHT) / 2.0;
        let owner_selected = self.view.selected == Some(data.owner);
        if owner_selected {
            out.push(rect(
                LABEL_WIDTH,
                top,
                self.plot_right() - LABEL_WIDTH,
                LANE_PITCH,
                Paint::Selection,
            ));
        }
        let (run_start, run_end) = Chart::full_range(self.timeline, self.scale.axis);
        let (x_start, x_end) = (
            (self.scale.x(run_start) - START_MARGIN).max(LABEL_WIDTH),
            self.scale.x(run_end).min(self.plot_right()),
        );
        if x_end > x_start {
            out.push(rect(
                x_start,
                bar_top,
                x_end - x_start,
                BAR_HEIGHT,
                Paint::LaneBackground,
            ));
        }
        let bars = lod::bars(&data.segments, &self.scale);
        for bar in bars.stretches.iter().chain(&bars.columns) {
            out.push(rect(
                bar.x0,
                bar_top,
                bar.x1 - bar.x0,
                BAR_HEIGHT,
                Paint::State(bar.state),
            ));
        }
        let end_x = self.scale.x(run_end);
        if lane != 0 && end_x <= self.plot_right() {
            if let Some(state) = data.final_state() {
                let cap = END_MARGIN - 6.0;
                out.push(rect(
                    end_x + COLUMN_WIDTH,
                    bar_top - 1.0,
                    cap,
                    BAR_HEIGHT + 2.0,
                    Paint::State(state),
                ));
            }
        }
        for (x, mark) in lod::thin_marks(&data.marks, &self.scale) {
            out.push(Shape::Diamond {
                centre: (x, bar_top + 1.0),
                radius: 3.5,
                paint: Paint::Outcome(data.marks[mark].outcome),
            });
        }
    }

    /// The ready queue's length: a bar per pixel column, the longest it got
    /// there, its height the square root of its share of the run's longest
    /// (so a queue of 3 still shows beside one of 2,000).
    fn depth_lane(&self, top: f64, out: &mut Vec<Shape>) {
        let depth = self.timeline.ready_depth();
        let max = depth.max().max(1) as f64;
        let (run_start, run_end) = Chart::full_range(self.timeline, self.scale.axis);
        let left = (self.scale.x(run_start) - START_MARGIN)
            .max(LABEL_WIDTH)
            .floor();
        let right = self.scale.x(run_end).min(self.plot_right()).ceil();
        let usable = DEPTH_HEIGHT - 6.0;
        let bottom = top + DEPTH_HEIGHT - 3.0;
        let mut run: Option<(f64, f64, u32)> = None;
        let mut column = left;
        let flush = |run: Option<(f64, f64, u32)>, out: &mut Vec<Shape>| {
            if let Some((x0, x1, value)) = run {
                if value > 0 {
                    let h = ((value as f64 / max).sqrt() * usable).max(1.5);
                    // A queue that filled for an instant still shows.
                    let grow = (COLUMN_WIDTH - (x1 - x0)).max(0.0) / 2.0;
                    out.push(rect(
                        x0 - grow,
                        bottom - h,
                        x1 - x0 + 2.0 * grow,
                        h,
                        Paint::Depth,
                    ));
                }
            }
        };
        while column < right {
            let value = self.depth_in(column, column + 1.0);
            match &mut run {
                Some((_, x1, v)) if *v == value => *x1 = column + 1.0,
                _ => {
                    flush(run.take(), out);
                    run = Some((column, column + 1.0, value));
                }
            }
            column += 1.0;
        }
        flush(run, out);
    }

    /// The longest the ready queue got over the pixels `x0..x1`.
    fn depth_in(&self, x0: f64, x1: f64) -> u32 {
        let (v0, v1) = (self.scale.value(x0), self.scale.value(x1));
        let (first, last) = match self.scale.axis {
            Axis::Events => {
                let first = v0.floor().max(0.0) as usize;
                (first, ((v1.ceil() as usize).saturating_sub(1)).max(first))
            }
            Axis::Time => {
                let first = self.timeline.last_event_at(v0);
                let last = self.timeline.events_until(v1, false).saturating_sub(1);
                (first, last.max(first))
            }
        };
        self.timeline.ready_depth().max_between(first, last)
    }

    /// The centre line of a lane's row, if shown.
    fn lane_centre(&self, owner: LaneOwner) -> Option<f64> {
        let lane = self.lane_of(owner)?;
        let top = self.row_top(Row::Lane(lane))?;
        Some(top + LANE_PITCH / 2.0)
    }

    /// The arrow of one wake-up (cause → ready) and its ready → run link,
    /// when both lanes are on screen.
    fn wake_shapes(&self, wake: &Wake, paint: Paint, out: &mut Vec<Shape>) {
        let target = LaneOwner::Task(wake.task);
        let (Some(target_y), Some(source_y)) = (
            self.lane_centre(target),
            self.lane_centre(wake.cause.source),
        ) else {
            return;
        };
        let ready_x = self.scale.x(self.value_of_event(wake.ready_event));
        if wake.cause.source != target {
            let cause_x = self.scale.x(self.value_of_event(wake.cause.event));
            let bend = if (ready_x - cause_x).abs() < 8.0 {
                10.0
            } else {
                0.0
            };
            out.push(Shape::Arrow {
                from: (cause_x, source_y),
                to: (ready_x, target_y),
                bend,
                paint,
                width: if paint == Paint::WakeCurrent {
                    2.0
                } else {
                    1.2
                },
                title: self
                    .view
                    .annotate
                    .then(|| self.timeline.wake_sentence(wake)),
            });
        }
        if let Some(run) = wake.run_event {
            let run_x = self.scale.x(self.value_of_event(run));
            if run_x - ready_x >= 4.0 {
                let y = target_y + BAR_HEIGHT / 2.0 + 1.0;
                out.push(Shape::Arrow {
                    from: (ready_x, y),
                    to: (run_x, y),
                    bend: 0.0,
                    paint: Paint::ReadyLink,
                    width: 1.0,
                    title: None,
                });
            }
        }
    }

    /// The wake-ups made ready in the window, between lanes on screen; only
    /// the selected lane's when there are more than [`MAX_ARROWS`]. Returns
    /// the arrows and how many wake-ups that rule left out.
    fn arrows(&self) -> (Vec<Shape>, usize) {
        let wakes = self.timeline.wakes();
        let first = self.event_at(self.scale.start);
        let last = self.event_at(self.scale.end);
        let from = wakes.partition_point(|w| w.ready_event < first);
        let to = wakes.partition_point(|w| w.ready_event <= last);
        let window = &wakes[from..to.max(from)];
        let mut out = Vec::new();
        if window.len() <= MAX_ARROWS {
            for wake in window {
                self.wake_shapes(wake, Paint::Wake, &mut out);
            }
            return (out, 0);
        }
        let Some(selected) = self.view.selected else {
            return (out, window.len());
        };
        let own = window
            .iter()
            .filter(|w| LaneOwner::Task(w.task) == selected || w.cause.source == selected);
        let mut drawn = 0;
        for wake in own.take(MAX_ARROWS) {
            self.wake_shapes(wake, Paint::Wake, &mut out);
            drawn += 1;
        }
        (out, window.len() - drawn)
    }

    /// Lane names (with a swatch of how each lane ends) and the ready
    /// queue's name and scale.
    fn names(&self) -> (Vec<Shape>, Vec<Shape>) {
        let mut pinned = vec![rect(0.0, 0.0, LABEL_WIDTH, self.view.height, Paint::Paper)];
        let mut tasks = Vec::new();
        for (row, top) in self.visible_rows() {
            let baseline = top + LANE_PITCH / 2.0 + 4.0;
            match row {
                Row::Depth => {
                    pinned.push(text(
                        8.0,
                        top + 13.0,
                        "ready queue".to_string(),
                        Paint::LabelText,
                        Anchor::Start,
                        false,
                    ));
                    let max = self.timeline.ready_depth().max();
                    pinned.push(text(
                        LABEL_WIDTH - 6.0,
                        top + 13.0,
                        format!("max {max}"),
                        Paint::AxisText,
                        Anchor::End,
                        true,
                    ));
                }
                Row::Lane(lane) => {
                    let data = &self.timeline.lanes()[lane];
                    let out = if lane == 0 { &mut pinned } else { &mut tasks };
                    out.push(Shape::Text {
                        x: 8.0,
                        y: baseline,
                        text: fit_label(&data.label),
                        paint: Paint::LabelText,
                        anchor: Anchor::Start,
                        small: false,
                        bold: self.view.selected == Some(data.owner),
                        title: self.view.annotate.then(|| data.label.clone()),
                    });
                    if lane != 0 {
                        if let Some(state) = data.final_state() {
                            out.push(rect(
                                LABEL_WIDTH - 14.0,
                                top + 5.0,
                                8.0,
                                8.0,
                                Paint::State(state),
                            ));
                        }
                    }
                }
            }
        }
        (pinned, tasks)
    }

    /// The playhead at event `event`, the keyboard cursor (a lane and an
    /// event) if any, and the wake-ups the current event belongs to.
    pub fn overlay_scene(&self, event: usize, cursor: Option<(usize, usize)>) -> Scene {
        let height = self.view.height;
        let mut shapes = Vec::new();
        for wake in self.wakes_at(event) {
            self.wake_shapes(wake, Paint::WakeCurrent, &mut shapes);
        }
        let x = self.scale.x(self.value_of_event(event));
        shapes.push(Shape::Line {
            from: (x, 0.0),
            to: (x, height),
            paint: Paint::Playhead,
            width: 2.0,
            dashed: false,
        });
        if let Some((lane, k)) = cursor {
            let x = self.scale.x(self.value_of_event(k));
            shapes.push(Shape::Line {
                from: (x, AXIS_HEIGHT),
                to: (x, height),
                paint: Paint::Cursor,
                width: 1.5,
                dashed: true,
            });
            if let Some(top) = self.row_top(Row::Lane(lane)) {
                shapes.push(Shape::Diamond {
                    centre: (x, top + LANE_PITCH / 2.0),
                    radius: 5.0,
                    paint: Paint::Cursor,
                });
            }
        }
        Scene {
            width: self.view.width,
            height,
            layers: vec![Layer {
                clip: self.band(false, 0.0, height),
                shapes,
            }],
            arrows_left_out: 0,
        }
    }

    /// The wake-ups event `k` is part of: made ready at `k`, run at `k`, or
    /// caused at `k`.
    pub fn wakes_at(&self, k: usize) -> Vec<&Wake> {
        let wakes = self.timeline.wakes();
        // A wake-up runs at most a ready queue's length of wake-ups after it
        // was made ready, and is caused before it is made ready.
        let end = wakes.partition_point(|w| w.ready_event <= k);
        let reach = self.timeline.ready_depth().max() as usize + 8;
        let begin = end.saturating_sub(reach);
        wakes[begin..end]
            .iter()
            .chain(wakes[end..].iter().take(reach))
            .filter(|w| w.ready_event == k || w.run_event == Some(k) || w.cause.event == k)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_steps_are_round_numbers() {
        assert_eq!(tick_step(3.0, 6.0), 0.5);
        assert_eq!(tick_step(95.0, 8.0), 20.0);
        assert_eq!(tick_step(1.0, 10.0), 0.1);
    }

    #[test]
    fn long_names_are_cut_to_the_column() {
        assert_eq!(fit_label("Task-2 · count()"), "Task-2 · count()");
        let cut = fit_label("Task-2000 · a_very_long_coroutine_name()");
        assert_eq!(cut.chars().count(), LABEL_CHARS);
        assert!(cut.ends_with('…'));
    }
}
