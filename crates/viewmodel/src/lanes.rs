//! The timeline panel: one lane per task and one for the loop, each a run
//! of segments (ready, running, waiting... for tasks; running a handle,
//! idle until a timer, blocked by `time.sleep` for the loop).

use loopscope_runtime::trace::{Callback, Event, EventKind, Trace};

use crate::catalog::Catalog;
use crate::labels::Names;
use crate::replay::{Phase, State};
use crate::views::{Lane, LaneOwner, Segment, SegmentState};

/// A segment whose end is not known yet.
struct Open {
    state: SegmentState,
    start_event: usize,
    start_time: f64,
    detail: String,
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
    fn new(owner: LaneOwner, label: String) -> Builder {
        Builder {
            lane: Lane {
                owner,
                label,
                segments: Vec::new(),
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
    fn enter(&mut self, state: SegmentState, detail: String, event: usize, time: f64) {
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

fn segment_state(names: &Names, phase: &Phase) -> (SegmentState, String) {
    match phase {
        Phase::Ready => (SegmentState::Ready, String::new()),
        Phase::Running => (SegmentState::Running, String::new()),
        Phase::Waiting(wait) => (SegmentState::Waiting, names.wait(wait)),
        Phase::Done(result) => (SegmentState::Done, names.str(*result).to_string()),
        Phase::Failed(error) => (SegmentState::Failed, names.str(*error).to_string()),
        Phase::Cancelled => (SegmentState::Cancelled, String::new()),
    }
}

/// All lanes: the loop's first, then one per task in creation order.
pub(crate) fn build(trace: &Trace, catalog: &Catalog) -> Vec<Lane> {
    let mut state = State::default();
    let mut event_loop = Builder::new(LaneOwner::Loop, "event loop".to_string());
    let mut tasks: Vec<Option<Builder>> = Vec::new();
    let mut previous_time = 0.0;
    for (i, event) in trace.events.iter().enumerate() {
        state.apply(event, catalog);
        let names = Names::new(&trace.strings, catalog, &state);
        match &event.kind {
            EventKind::HandleRun { .. } => {
                let label = names.running().map(|(_, label)| label).unwrap_or_default();
                event_loop.enter(SegmentState::Running, label, i, event.time);
            }
            EventKind::ClockAdvanced { .. } => {
                let running = event_loop
                    .open
                    .as_ref()
                    .map(|o| (o.state, o.detail.clone()));
                event_loop.close(i, previous_time);
                let (state, detail) = if event.line == 0 {
                    (SegmentState::Idle, "waiting for the next timer")
                } else {
                    (SegmentState::Blocked, "time.sleep blocks the loop")
                };
                event_loop.lane.segments.push(Segment {
                    state,
                    start_event: i,
                    end_event: i,
                    start_time: previous_time,
                    end_time: event.time,
                    detail: detail.to_string(),
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
                let (segment, detail) = segment_state(&names, &t.phase);
                let index = task as usize;
                if tasks.len() <= index {
                    tasks.resize_with(index + 1, || None);
                }
                let lane = tasks[index].get_or_insert_with(|| {
                    let label = format!("{} · {}", names.task(task), names.coro(task));
                    Builder::new(LaneOwner::Task(task), label)
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
    for mut lane in tasks.into_iter().flatten() {
        lane.close(end, previous_time);
        lanes.push(lane.lane);
    }
    lanes
}
