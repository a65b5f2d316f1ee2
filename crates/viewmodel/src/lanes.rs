//! The timeline's lanes: one per task and one for the loop, each a run of
//! segments (ready, running, waiting... for tasks; running a handle, idle
//! until a timer, blocked by `time.sleep` for the loop), plus the marks of
//! the futures each lane's owner saw finish ([`crate::causality`] finds them).
//!
//! Segments keep ids, not words ([`Detail`]): a million-event run builds its
//! lanes without formatting any text; [`crate::Timeline::segment_detail`]
//! words one when it is shown.

use loopscope_runtime::trace::{Callback, Event, EventKind, Trace};

use crate::catalog::Catalog;
use crate::replay::{Phase, State};
use crate::views::{Detail, Lane, LaneOwner, Mark, Segment, SegmentState};

/// A segment whose end is not known yet.
struct Open {
    state: SegmentState,
    start_event: usize,
    start_time: f64,
    detail: Detail,
}

impl Open {
    fn close(self, end_event: usize, end_time: f64) -> Segment {
        Segment {
            state: self.state,
            start_event: self.start_event,
            end_event,
            start_time: self.start_time,
            end_time,
            detail: self.detail,
        }
    }
}

/// A lane being built.
struct Builder {
    lane: Lane,
    open: Option<Open>,
}

impl Builder {
    fn new(owner: LaneOwner, label: String, internal: bool) -> Builder {
        Builder {
            lane: Lane {
                owner,
                label,
                internal,
                segments: Vec::new(),
                marks: Vec::new(),
            },
            open: None,
        }
    }

    fn close(&mut self, end_event: usize, end_time: f64) {
        if let Some(open) = self.open.take() {
            self.lane.segments.push(open.close(end_event, end_time));
        }
    }

    /// Ends the open segment at `event` and starts `state` there, unless
    /// nothing changed.
    fn enter(&mut self, state: SegmentState, detail: Detail, event: usize, time: f64) {
        if let Some(open) = &self.open {
            if open.state == state && open.detail == detail {
                return;
            }
        }
        self.close(event, time);
        self.open = Some(Open {
            state,
            start_event: event,
            start_time: time,
            detail,
        });
    }
}

/// The task an event changes the phase of, if any.
fn touched_task(event: &Event, catalog: &Catalog) -> Option<u32> {
    let callback = match &event.kind {
        EventKind::TaskCreated { task, .. }
        | EventKind::TaskResumed { task, .. }
        | EventKind::TaskSuspended { task, .. }
        | EventKind::TaskDone { task, .. }
        | EventKind::TaskFailed { task, .. }
        | EventKind::TaskCancelled { task } => return Some(*task),
        EventKind::HandleScheduled { callback, .. } => Some(*callback),
        EventKind::TimerFired { handle } => catalog.handle(*handle).and_then(|h| h.callback),
        _ => None,
    };
    match callback? {
        Callback::TaskStep { task } | Callback::TaskWakeup { task, .. } => Some(task),
        _ => None,
    }
}

fn segment_state(phase: &Phase) -> (SegmentState, Detail) {
    match phase {
        Phase::Ready => (SegmentState::Ready, Detail::None),
        Phase::Running => (SegmentState::Running, Detail::None),
        Phase::Waiting(wait) => (SegmentState::Waiting, Detail::Wait(*wait)),
        Phase::Done(result) => (SegmentState::Done, Detail::Text(*result)),
        Phase::Failed(error) => (SegmentState::Failed, Detail::Text(*error)),
        Phase::Cancelled => (SegmentState::Cancelled, Detail::None),
    }
}

/// All lanes: the loop's first, then one per task in creation order. `marks`
/// are the futures' ends, each with the lane it belongs on, in event order.
pub(crate) fn build(trace: &Trace, catalog: &Catalog, marks: Vec<(LaneOwner, Mark)>) -> Vec<Lane> {
    let str = |id| trace.strings.get(id as usize).map_or("", String::as_str);
    let mut state = State::default();
    let mut event_loop = Builder::new(LaneOwner::Loop, "event loop".to_string(), false);
    let mut tasks: Vec<Option<Builder>> = Vec::new();
    let mut previous_time = 0.0;
    for (i, event) in trace.events.iter().enumerate() {
        state.apply(event, catalog);
        match &event.kind {
            EventKind::HandleRun { handle } => {
                event_loop.enter(
                    SegmentState::Running,
                    Detail::Handle(*handle),
                    i,
                    event.time,
                );
            }
            EventKind::ClockAdvanced { .. } => {
                let running = event_loop.open.as_ref().map(|o| (o.state, o.detail));
                event_loop.close(i, previous_time);
                let (state, detail) = if event.line == 0 {
                    (SegmentState::Idle, Detail::Idle)
                } else {
                    (SegmentState::Blocked, Detail::Blocked)
                };
                event_loop.lane.segments.push(Segment {
                    state,
                    start_event: i,
                    end_event: i,
                    start_time: previous_time,
                    end_time: event.time,
                    detail,
                });
                if let (Some((SegmentState::Running, detail)), SegmentState::Blocked) =
                    (running, state)
                {
                    event_loop.enter(SegmentState::Running, detail, i, event.time);
                }
            }
            EventKind::HandleSkipped { .. }
            | EventKind::TimerFired { .. }
            | EventKind::TimersPurged { .. }
            | EventKind::LoopStarted
            | EventKind::LoopStopped
            | EventKind::LoopClosed
            | EventKind::ProgramEnded { .. } => event_loop.close(i, event.time),
            _ => {}
        }
        if let Some(task) = touched_task(event, catalog) {
            if let Some(t) = state.task(task) {
                let (segment, detail) = segment_state(&t.phase);
                let index = task as usize;
                if tasks.len() <= index {
                    tasks.resize_with(index + 1, || None);
                }
                let lane = tasks[index].get_or_insert_with(|| {
                    let info = catalog.task(task);
                    let name = info.map_or("", |info| str(info.name));
                    let coro = info.map_or("", |info| str(info.coro));
                    Builder::new(
                        LaneOwner::Task(task),
                        format!("{name} · {coro}"),
                        catalog.internal_task(task),
                    )
                });
                lane.enter(segment, detail, i, event.time);
            }
        }
        previous_time = event.time;
    }
    let end = trace.events.len().saturating_sub(1);
    let mut lanes = Vec::with_capacity(tasks.len() + 1);
    event_loop.close(end, previous_time);
    lanes.push(event_loop.lane);
    let mut row_of_task = vec![usize::MAX; tasks.len()];
    for (task, lane) in tasks.into_iter().enumerate() {
        if let Some(mut lane) = lane {
            lane.close(end, previous_time);
            row_of_task[task] = lanes.len();
            lanes.push(lane.lane);
        }
    }
    for (owner, mark) in marks {
        let row = match owner {
            LaneOwner::Loop => Some(0),
            LaneOwner::Task(task) => row_of_task
                .get(task as usize)
                .copied()
                .filter(|row| *row != usize::MAX),
        };
        lanes[row.unwrap_or(0)].marks.push(mark);
    }
    lanes
}
