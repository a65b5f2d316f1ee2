//! The keyboard cursor: a lane and an event on it. Left and right move it to
//! the lane's previous or next moment (where its state changes or a future
//! of it ends); up and down to the neighbouring lane shown; its description
//! is what a screen reader announces.

use crate::labels::time;
use crate::views::{Narration, SegmentState};

use super::words::Tooltip;
use super::{Chart, Hit, Row, LANE_PITCH, TASKS_TOP};

/// Where the cursor goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Next,
    Previous,
    First,
    Last,
    LaneUp,
    LaneDown,
}

impl Chart<'_> {
    /// The lanes the cursor visits, top first: the loop's, then the tasks' shown.
    fn cursor_lanes(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(0).chain(self.task_lanes.iter().copied())
    }

    /// The cursor after `step` from (`lane`, `event`).
    pub fn move_cursor(&self, lane: usize, event: usize, step: Move) -> (usize, usize) {
        let data = &self.timeline.lanes()[lane];
        let (segments, marks) = (&data.segments, &data.marks);
        // Both lists are in event order: the neighbours are found by bisection.
        let after = |k: usize| {
            let segment = segments.get(segments.partition_point(|s| s.start_event <= k));
            let mark = marks.get(marks.partition_point(|m| m.event <= k));
            segment
                .map(|s| s.start_event)
                .into_iter()
                .chain(mark.map(|m| m.event))
                .min()
        };
        let before = |k: usize| {
            let segment = segments
                .partition_point(|s| s.start_event < k)
                .checked_sub(1);
            let mark = marks.partition_point(|m| m.event < k).checked_sub(1);
            let segment = segment.map(|i| segments[i].start_event);
            segment
                .into_iter()
                .chain(mark.map(|i| marks[i].event))
                .max()
        };
        match step {
            Move::Next => (lane, after(event).unwrap_or(event)),
            Move::Previous => (lane, before(event).unwrap_or(event)),
            Move::First => {
                let first = segments.first().map(|s| s.start_event);
                let first = first
                    .into_iter()
                    .chain(marks.first().map(|m| m.event))
                    .min();
                (lane, first.unwrap_or(event))
            }
            Move::Last => (lane, before(usize::MAX).unwrap_or(event)),
            Move::LaneUp | Move::LaneDown => {
                let lanes: Vec<usize> = self.cursor_lanes().collect();
                let here = lanes.iter().position(|&l| l == lane).unwrap_or(0);
                let there = if step == Move::LaneUp {
                    here.saturating_sub(1)
                } else {
                    (here + 1).min(lanes.len() - 1)
                };
                (lanes[there], event)
            }
        }
    }

    /// The scroll that brings `lane` on screen (`None`: it already is, or it
    /// is pinned).
    pub fn scroll_to_show(&self, lane: usize) -> Option<f64> {
        if lane == 0 {
            return None;
        }
        let position = self.task_lanes.iter().position(|&l| l == lane)?;
        let top = self.task_top(position);
        if top < TASKS_TOP {
            Some(position as f64 * LANE_PITCH)
        } else if top + LANE_PITCH > self.view.height {
            Some(TASKS_TOP + (position + 1) as f64 * LANE_PITCH - self.view.height)
        } else {
            None
        }
    }

    /// What the cursor is on, as the pointer's tooltip would say it (the
    /// future that ends there, else the lane's stretch), and where it points:
    /// the cursor's x and the bottom of its lane.
    pub fn cursor_tooltip(&self, lane: usize, event: usize) -> Option<(Tooltip, f64, f64)> {
        let top = self.row_top(Row::Lane(lane))?;
        let data = &self.timeline.lanes()[lane];
        let mark = data.marks.partition_point(|m| m.event < event);
        let hit = if data.marks.get(mark).is_some_and(|m| m.event == event) {
            Hit::Mark { lane, mark }
        } else {
            let segment = data.segments.partition_point(|s| s.start_event <= event);
            Hit::Lane {
                lane,
                event,
                segment: segment.checked_sub(1),
            }
        };
        let x = self.scale.x(self.value_of_event(event));
        Some((self.tooltip(hit)?, x, top + LANE_PITCH))
    }

    /// What the cursor is on, for a screen reader: the lane, the moment, the
    /// lane's state there, and the event's narration.
    pub fn describe_cursor(&self, lane: usize, event: usize) -> String {
        let timeline = self.timeline;
        let data = &timeline.lanes()[lane];
        let index = data.segments.partition_point(|s| s.start_event <= event);
        let state = index
            .checked_sub(1)
            .map(|i| &data.segments[i])
            .filter(|s| s.end_event >= event || s.state.is_final());
        let state = match state {
            Some(s) if s.state == SegmentState::Running && lane == 0 => {
                format!("running {}", timeline.segment_detail(s))
            }
            Some(s) => s.state.word().to_string(),
            None if lane == 0 => "between handles".to_string(),
            None => "not created yet".to_string(),
        };
        format!(
            "{}, event {} of {}, t={}: {}. {}",
            data.label,
            event + 1,
            timeline.len(),
            time(timeline.event_time(event)),
            state,
            timeline.narration(event, Narration::Concepts)
        )
    }
}
