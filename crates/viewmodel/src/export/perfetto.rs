//! The run as a Chrome Trace Event file (JSON), which Perfetto and chrome://tracing open:
//! one track for the event loop and one per task (their timeline segments as slices),
//! flow arrows from what woke a task to when it ran, instant events for every printed
//! line, timer and clock advance, and a counter track for the ready queue's length.
//!
//! Time is virtual: 1 virtual second is 1 s on the file's axis (`ts` in microseconds).
//! Everything that takes no virtual time then stacks at one instant, so the file can
//! also be written on the event axis, one microsecond per event.

use loopscope_runtime::trace::{Callback, EventKind};
use serde::Serialize;

use crate::labels::time;
use crate::views::{CauseKind, LaneOwner, SegmentState};
use crate::Timeline;

/// What the file's time axis counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// Virtual seconds (as microseconds).
    VirtualTime,
    /// Events: event *k* is at *k* µs.
    Events,
}

/// The process every track belongs to.
const PID: u32 = 1;
/// The loop's track; a task's track is its id.
const LOOP_TID: u32 = 0;

/// One entry of `traceEvents` (only the fields its phase uses are written).
#[derive(Serialize)]
struct TraceEvent {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    cat: Option<&'static str>,
    ph: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    ts: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dur: Option<f64>,
    pid: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    tid: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    /// Flow end: bind to the enclosing slice.
    #[serde(skip_serializing_if = "Option::is_none")]
    bp: Option<&'static str>,
    /// Instant scope: the thread.
    #[serde(skip_serializing_if = "Option::is_none")]
    s: Option<&'static str>,
    #[serde(skip_serializing_if = "Args::is_empty")]
    args: Args,
}

#[derive(Default, Serialize)]
struct Args {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sort_index: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    /// The trace event (1-based, as the page counts).
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    length: Option<u32>,
}

impl Args {
    fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.sort_index.is_none()
            && self.detail.is_none()
            && self.event.is_none()
            && self.length.is_none()
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct File<'a> {
    display_time_unit: &'static str,
    other_data: OtherData<'a>,
    trace_events: Vec<TraceEvent>,
}

#[derive(Serialize)]
struct OtherData<'a> {
    program: &'a str,
    seed: u64,
    axis: &'static str,
}

impl TraceEvent {
    fn new(name: String, ph: &'static str, tid: Option<u32>) -> TraceEvent {
        TraceEvent {
            name,
            cat: None,
            ph,
            ts: None,
            dur: None,
            pid: PID,
            tid,
            id: None,
            bp: None,
            s: None,
            args: Args::default(),
        }
    }
}

fn tid_of(owner: LaneOwner) -> u32 {
    match owner {
        LaneOwner::Loop => LOOP_TID,
        LaneOwner::Task(task) => task,
    }
}

/// A short name for what woke a task (the flow arrow's name).
fn cause_word(kind: CauseKind) -> &'static str {
    match kind {
        CauseKind::Timer => "timer",
        CauseKind::TaskEnded => "task ended",
        CauseKind::SetResult => "set_result",
        CauseKind::Cancel => "cancel",
        CauseKind::QueuePut => "queue put",
        CauseKind::QueueGet => "queue get",
        CauseKind::LockReleased => "lock released",
        CauseKind::EventSet => "event set",
        CauseKind::SemaphoreReleased => "semaphore released",
        CauseKind::Notified => "notified",
        CauseKind::Callback => "callback",
        CauseKind::Created => "created",
        CauseKind::Yielded => "yielded",
        CauseKind::Loop => "loop",
    }
}

/// The Trace Event JSON of the run. Internal tasks (asyncio's own) are left out unless
/// `internals`.
pub fn perfetto(timeline: &Timeline, axis: Axis, internals: bool) -> String {
    let at = |k: usize| match axis {
        Axis::VirtualTime => timeline.event_time(k) * 1e6,
        Axis::Events => k as f64,
    };
    let mut events = Vec::new();
    let mut process = TraceEvent::new("process_name".to_string(), "M", None);
    process.args.name = Some(format!("loopscope: {}", timeline.trace.filename));
    events.push(process);
    let shown = |owner: LaneOwner| {
        timeline
            .lane_index(owner)
            .is_some_and(|i| internals || !timeline.lanes[i].internal)
    };
    for (index, lane) in timeline.lanes.iter().enumerate() {
        if !shown(lane.owner) {
            continue;
        }
        let tid = Some(tid_of(lane.owner));
        let mut name = TraceEvent::new("thread_name".to_string(), "M", tid);
        name.args.name = Some(lane.label.clone());
        events.push(name);
        let mut order = TraceEvent::new("thread_sort_index".to_string(), "M", tid);
        order.args.sort_index = Some(index);
        events.push(order);
        for segment in &lane.segments {
            let detail = timeline.segment_detail(segment);
            let name = match (segment.state, detail.is_empty()) {
                (_, true) => segment.state.word().to_string(),
                (SegmentState::Running, false) if lane.owner == LaneOwner::Loop => detail.clone(),
                (state, false) => format!("{}: {detail}", state.word()),
            };
            let mut slice = TraceEvent::new(name, "X", tid);
            slice.cat = Some(if lane.owner == LaneOwner::Loop {
                "loop"
            } else {
                "task"
            });
            let start = match axis {
                Axis::VirtualTime => segment.start_time * 1e6,
                Axis::Events => segment.start_event as f64,
            };
            let end = match axis {
                Axis::VirtualTime => segment.end_time * 1e6,
                Axis::Events => segment.end_event as f64,
            };
            slice.ts = Some(start);
            slice.dur = Some((end - start).max(0.0));
            slice.args.event = Some(segment.start_event + 1);
            events.push(slice);
        }
    }
    for (id, wake) in timeline.wakes.iter().enumerate() {
        let Some(run) = wake.run_event else { continue };
        if !shown(wake.cause.source) || !shown(LaneOwner::Task(wake.task)) {
            continue;
        }
        let name = cause_word(wake.cause.kind).to_string();
        let mut start = TraceEvent::new(name.clone(), "s", Some(tid_of(wake.cause.source)));
        start.cat = Some("wake");
        start.id = Some(id);
        start.ts = Some(at(wake.cause.event));
        start.args.detail = Some(timeline.wake_sentence(wake));
        events.push(start);
        let mut finish = TraceEvent::new(name, "f", Some(wake.task));
        finish.cat = Some("wake");
        finish.id = Some(id);
        finish.ts = Some(at(run));
        finish.bp = Some("e");
        events.push(finish);
    }
    instants(timeline, &at, &shown, &mut events);
    ready_counter(timeline, &at, &mut events);
    let file = File {
        display_time_unit: "ms",
        other_data: OtherData {
            program: &timeline.trace.filename,
            seed: timeline.trace.seed,
            axis: match axis {
                Axis::VirtualTime => "virtual time",
                Axis::Events => "events (1 us per event)",
            },
        },
        trace_events: events,
    };
    super::json::to_string(&file).unwrap_or_default()
}

/// Printed lines (on the printing task's track, else the loop's), timers firing and
/// clock advances (on the loop's track).
fn instants(
    timeline: &Timeline,
    at: &dyn Fn(usize) -> f64,
    shown: &dyn Fn(LaneOwner) -> bool,
    events: &mut Vec<TraceEvent>,
) {
    let mut instant = |name: String, cat: &'static str, tid: u32, k: usize| {
        let mut event = TraceEvent::new(name, "i", Some(tid));
        event.cat = Some(cat);
        event.s = Some("t");
        event.ts = Some(at(k));
        event.args.event = Some(k + 1);
        events.push(event);
    };
    let mut printing = Vec::new();
    let mut running: Option<u32> = None;
    for (k, event) in timeline.trace.events.iter().enumerate() {
        match &event.kind {
            EventKind::TaskResumed { task, .. } => running = Some(*task),
            EventKind::TaskSuspended { .. }
            | EventKind::TaskDone { .. }
            | EventKind::TaskFailed { .. }
            | EventKind::TaskCancelled { .. }
            | EventKind::HandleRun { .. } => running = None,
            EventKind::TimerFired { handle } => {
                let what = match timeline.catalog.handle(*handle).and_then(|h| h.callback) {
                    Some(Callback::SleepDone { .. }) => "a sleep ends",
                    Some(Callback::Call { .. }) => "a call_later callback is due",
                    _ => "a timer is due",
                };
                instant(format!("timer: {what}"), "timer", LOOP_TID, k);
            }
            EventKind::ClockAdvanced { to } => {
                instant(
                    format!("clock → {} s", time(to.get())),
                    "clock",
                    LOOP_TID,
                    k,
                );
            }
            _ => {}
        }
        printing.push(running);
    }
    for line in timeline.console() {
        let tid = printing
            .get(line.event)
            .copied()
            .flatten()
            .filter(|&t| shown(LaneOwner::Task(t)))
            .unwrap_or(LOOP_TID);
        instant(format!("print: {}", line.text), "print", tid, line.event);
    }
}

/// The ready queue's length, at every event where it changes.
fn ready_counter(timeline: &Timeline, at: &dyn Fn(usize) -> f64, events: &mut Vec<TraceEvent>) {
    let mut previous = None;
    for k in 0..timeline.len() {
        let length = timeline.ready_depth.after(k);
        if previous == Some(length) {
            continue;
        }
        previous = Some(length);
        let mut counter = TraceEvent::new("ready queue".to_string(), "C", None);
        counter.ts = Some(at(k));
        counter.args.length = Some(length);
        events.push(counter);
    }
}
