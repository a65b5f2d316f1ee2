//! The timeline chart: the lanes, the ready queue's length, the futures'
//! ends and the wake-up arrows of a [`Timeline`] laid out for a viewport — a
//! window of the run on one axis (virtual seconds or events), a size in
//! pixels and a vertical scroll — as a list of shapes that the page paints
//! on a canvas and the export writes as SVG ([`Scene`]), plus what lies under
//! a point ([`Hit`]) and the words for it.
//!
//! The layout, top to bottom: the axis (with a tick where the clock
//! advanced), the loop's lane and the ready-queue lane (both pinned), then
//! one lane per task (scrolled). Lane names sit in a column on the left.
//! Everything is computed from what is visible ([`lod`]), so a frame costs
//! the same for a hundred events or a million.

mod cursor;
pub mod lod;
mod scene;
mod svg;
mod words;

pub use cursor::Move;
pub use scene::{arrow_geometry, tick_step, Anchor, Layer, Paint, Rect, Scene, Shape};
pub use svg::{escape, to_svg};
pub use words::Tooltip;

use crate::views::{Lane, LaneOwner, Segment};
use crate::Timeline;

/// Width of the lane-name column.
pub const LABEL_WIDTH: f64 = 176.0;
/// Height of the axis row.
pub const AXIS_HEIGHT: f64 = 22.0;
/// Distance between two lanes.
pub const LANE_PITCH: f64 = 18.0;
/// Height of a lane's bar, inside its pitch.
pub const BAR_HEIGHT: f64 = 12.0;
/// Height of the ready-queue lane.
pub const DEPTH_HEIGHT: f64 = 28.0;
/// Room right of the run's end for each lane's final-state cap.
pub const END_MARGIN: f64 = 16.0;
/// Room left of the run's start, so that what happens at once shows whole.
pub const START_MARGIN: f64 = 6.0;
/// Where the task lanes start.
pub const TASKS_TOP: f64 = AXIS_HEIGHT + LANE_PITCH + DEPTH_HEIGHT + 4.0;
/// Most wake-up arrows drawn for a window before only the selected lane's are.
pub const MAX_ARROWS: usize = 150;

/// What the horizontal axis counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Axis {
    /// Virtual seconds: what took time is wide, what took none is a mark.
    Time,
    /// Events: every event gets the same width.
    Events,
}

/// The mapping between axis values (seconds or event indexes) and pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub axis: Axis,
    /// The window's first and last value.
    pub start: f64,
    pub end: f64,
    /// Pixels: where the window starts and how wide it is.
    pub left: f64,
    pub width: f64,
}

impl Scale {
    /// The pixel of axis value `value`.
    pub fn x(&self, value: f64) -> f64 {
        let span = self.end - self.start;
        if span <= 0.0 {
            self.left
        } else {
            self.left + (value - self.start) / span * self.width
        }
    }

    /// The axis value at pixel `x`.
    pub fn value(&self, x: f64) -> f64 {
        if self.width <= 0.0 {
            self.start
        } else {
            self.start + (x - self.left) / self.width * (self.end - self.start)
        }
    }

    /// Where event `event`, at virtual time `time`, sits on the axis.
    pub fn value_of(&self, event: usize, time: f64) -> f64 {
        match self.axis {
            Axis::Time => time,
            Axis::Events => event as f64,
        }
    }

    pub fn start_of(&self, segment: &Segment) -> f64 {
        self.value_of(segment.start_event, segment.start_time)
    }

    pub fn end_of(&self, segment: &Segment) -> f64 {
        self.value_of(segment.end_event, segment.end_time)
    }
}

/// What to show and how big: the page's state of the timeline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartView {
    pub axis: Axis,
    /// The visible window, in axis values.
    pub start: f64,
    pub end: f64,
    /// The drawing's size in CSS pixels.
    pub width: f64,
    pub height: f64,
    /// Pixels the task lanes are scrolled up by.
    pub scroll: f64,
    /// Show asyncio's own tasks.
    pub internals: bool,
    /// The lane whose wake-ups are drawn when the window has too many.
    pub selected: Option<LaneOwner>,
    /// Give shapes their words (each arrow why it woke its task, each lane
    /// its full name): for an export, where nothing can be hovered.
    pub annotate: bool,
}

/// A row of the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A lane, by index into [`Timeline::lanes`].
    Lane(usize),
    /// The ready queue's length.
    Depth,
}

/// The timeline laid out for a [`ChartView`].
pub struct Chart<'a> {
    pub timeline: &'a Timeline,
    pub view: ChartView,
    pub scale: Scale,
    /// The task lanes shown (indexes into [`Timeline::lanes`]), top first.
    pub task_lanes: Vec<usize>,
    /// For each lane, its position in `task_lanes` (`usize::MAX`: not shown).
    positions: Vec<usize>,
}

/// What lies under a point of the chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Hit {
    /// Nothing to say (a margin).
    Nothing,
    /// A lane's name.
    Label { lane: usize },
    /// The axis, at this event.
    Axis { event: usize },
    /// A lane at this event; `segment` is the stretch under the pointer.
    Lane {
        lane: usize,
        event: usize,
        segment: Option<usize>,
    },
    /// The end of a future, on a lane.
    Mark { lane: usize, mark: usize },
    /// The ready-queue lane at this event.
    Depth { event: usize },
    /// A pitfall's marker on the axis: its index in `Timeline::pitfalls`, its event.
    Pitfall { pitfall: usize, event: usize },
}

impl<'a> Chart<'a> {
    pub fn new(timeline: &'a Timeline, view: ChartView) -> Chart<'a> {
        let task_lanes = shown_task_lanes(timeline.lanes(), view.internals);
        let mut positions = vec![usize::MAX; timeline.lanes().len()];
        for (position, &lane) in task_lanes.iter().enumerate() {
            positions[lane] = position;
        }
        let scale = Scale {
            axis: view.axis,
            start: view.start,
            end: view.end,
            left: LABEL_WIDTH + START_MARGIN,
            width: (view.width - LABEL_WIDTH - START_MARGIN - END_MARGIN).max(1.0),
        };
        Chart {
            timeline,
            view,
            scale,
            task_lanes,
            positions,
        }
    }

    /// The whole run on `axis`: from 0 to the last event's time or index.
    pub fn full_range(timeline: &Timeline, axis: Axis) -> (f64, f64) {
        match axis {
            Axis::Time => (0.0, timeline.event_time(timeline.len())),
            Axis::Events => (0.0, timeline.len().saturating_sub(1).max(1) as f64),
        }
    }

    /// The height every lane needs (the page scrolls the task lanes when it
    /// has less).
    pub fn content_height(&self) -> f64 {
        content_height(self.task_lanes.len())
    }

    /// Top of a row, in pixels, when it is on screen.
    pub fn row_top(&self, row: Row) -> Option<f64> {
        match row {
            Row::Lane(0) => Some(AXIS_HEIGHT),
            Row::Depth => Some(AXIS_HEIGHT + LANE_PITCH),
            Row::Lane(lane) => {
                let position = *self.positions.get(lane).filter(|p| **p != usize::MAX)?;
                let top = self.task_top(position);
                (top + LANE_PITCH > TASKS_TOP && top < self.view.height).then_some(top)
            }
        }
    }

    /// Top of the `position`-th task lane shown (scrolled).
    pub fn task_top(&self, position: usize) -> f64 {
        TASKS_TOP + position as f64 * LANE_PITCH - self.view.scroll
    }

    /// The positions (in `task_lanes`) of the task lanes on screen.
    pub fn visible_tasks(&self) -> std::ops::Range<usize> {
        let first = ((self.view.scroll / LANE_PITCH).floor().max(0.0)) as usize;
        let rows = ((self.view.height - TASKS_TOP) / LANE_PITCH)
            .ceil()
            .max(0.0) as usize
            + 1;
        first.min(self.task_lanes.len())..(first + rows).min(self.task_lanes.len())
    }

    /// The rows on screen, with their tops: the loop, the ready queue, then
    /// the visible task lanes.
    pub fn visible_rows(&self) -> Vec<(Row, f64)> {
        let mut rows = vec![
            (Row::Lane(0), AXIS_HEIGHT),
            (Row::Depth, AXIS_HEIGHT + LANE_PITCH),
        ];
        rows.extend(self.visible_tasks().map(|position| {
            (
                Row::Lane(self.task_lanes[position]),
                self.task_top(position),
            )
        }));
        rows
    }

    /// The event at axis value `value` (the last one at or before it).
    pub fn event_at(&self, value: f64) -> usize {
        let last = self.timeline.len().saturating_sub(1);
        match self.scale.axis {
            Axis::Events => (value.round().max(0.0) as usize).min(last),
            Axis::Time => self.timeline.last_event_at(value),
        }
    }

    /// Axis value of event `k`.
    pub fn value_of_event(&self, k: usize) -> f64 {
        self.scale.value_of(k, self.timeline.event_time(k))
    }

    /// What is under the point (`x`, `y`).
    pub fn hit(&self, x: f64, y: f64) -> Hit {
        if !(0.0..self.view.width).contains(&x) || !(0.0..self.view.height).contains(&y) {
            return Hit::Nothing;
        }
        let event = self.event_at(self.scale.value(x));
        if y < AXIS_HEIGHT {
            let pitfall = self
                .pitfall_marks()
                .into_iter()
                .find(|(mark_x, _)| (mark_x - x).abs() <= scene::PITFALL_RADIUS + 1.0);
            return match pitfall {
                Some((_, pitfall)) => Hit::Pitfall {
                    pitfall,
                    event: self.timeline.pitfalls()[pitfall].event,
                },
                None if x >= LABEL_WIDTH => Hit::Axis { event },
                None => Hit::Nothing,
            };
        }
        let row = self
            .visible_rows()
            .into_iter()
            .find(|(row, top)| {
                let height = if *row == Row::Depth {
                    DEPTH_HEIGHT
                } else {
                    LANE_PITCH
                };
                let clipped = matches!(row, Row::Lane(l) if *l != 0) && y < TASKS_TOP;
                !clipped && y >= *top && y < top + height
            })
            .map(|(row, _)| row);
        let Some(row) = row else {
            return Hit::Nothing;
        };
        let lane = match row {
            Row::Depth => {
                return if x >= LABEL_WIDTH {
                    Hit::Depth { event }
                } else {
                    Hit::Nothing
                };
            }
            Row::Lane(lane) => lane,
        };
        if x < LABEL_WIDTH {
            return Hit::Label { lane };
        }
        let data = &self.timeline.lanes()[lane];
        // Marks sit on the top edge of their lane's bar.
        let top = self.row_top(row).unwrap_or(0.0);
        if y < top + LANE_PITCH / 2.0 {
            if let Some(mark) = self.mark_near(data, x) {
                return Hit::Mark { lane, mark };
            }
        }
        Hit::Lane {
            lane,
            event,
            segment: self.segment_at(data, x),
        }
    }

    /// The drawn mark of `lane` within a few pixels of `x`.
    fn mark_near(&self, lane: &Lane, x: f64) -> Option<usize> {
        lod::thin_marks(&lane.marks, &self.scale)
            .into_iter()
            .filter(|(mark_x, _)| (mark_x - x).abs() <= 4.0)
            .min_by(|a, b| (a.0 - x).abs().total_cmp(&(b.0 - x).abs()))
            .map(|(_, index)| index)
    }

    /// The segment drawn under `x`: a column of narrow stretches, else the
    /// stretch there.
    fn segment_at(&self, lane: &Lane, x: f64) -> Option<usize> {
        let bars = lod::bars(&lane.segments, &self.scale);
        bars.columns
            .iter()
            .rev()
            .chain(bars.stretches.iter().rev())
            .find(|bar| bar.x0 <= x && x < bar.x1)
            .map(|bar| bar.segment)
    }

    /// The lane index of `owner`, if its lane is shown.
    pub fn lane_of(&self, owner: LaneOwner) -> Option<usize> {
        let lane = self.timeline.lane_index(owner)?;
        (lane == 0 || self.positions.get(lane).is_some_and(|p| *p != usize::MAX)).then_some(lane)
    }
}

/// The height a chart of `task_lanes` task lanes needs to show them all.
pub fn content_height(task_lanes: usize) -> f64 {
    TASKS_TOP + task_lanes as f64 * LANE_PITCH + 4.0
}

/// The task lanes to show: all, or all but asyncio's own.
pub fn shown_task_lanes(lanes: &[Lane], internals: bool) -> Vec<usize> {
    (1..lanes.len())
        .filter(|&lane| internals || !lanes[lane].internal)
        .collect()
}
