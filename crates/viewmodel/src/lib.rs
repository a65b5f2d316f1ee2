//! Loopscope's view model: pure functions from an engine [`Trace`] to what
//! each panel of the web app shows at event *k* — the ready queue, the timer
//! heap, tasks, primitives, the console, the timeline lanes and a narration
//! sentence.
//!
//! Build a [`Timeline`] once per run; it replays the trace once, keeping
//! checkpoints, so [`Timeline::state_at`] for any event replays at most a few
//! hundred events. A page seeks with [`Timeline::playhead`] and
//! [`Timeline::outline_at`], whose long lists are ids, and builds only the rows it
//! draws. No web dependencies: everything is tested natively.
//!
//! ```
//! use loopscope_runtime::{run_program, RunOptions};
//! use loopscope_viewmodel::{Narration, Timeline};
//!
//! let source = "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n";
//! let timeline = Timeline::new(run_program(source, &RunOptions::default()).trace.expand().unwrap(), source);
//! let jump = timeline.next_clock_advance(0).expect("the sleep moves the clock");
//! let view = timeline.state_at(jump);
//! assert_eq!(view.now, 1.0);
//! assert_eq!(view.timers[0].label, "wakes Task-1 (sleep)");
//! assert_eq!(
//!     timeline.narration(jump, Narration::Concepts),
//!     "The clock jumps to 1.000 s: nothing is ready, so the loop waits for the next timer."
//! );
//! ```
//!
//! Modules: `catalog` (static facts per id), `heap` (heapq), `replay` (the
//! fold and its checkpoints), `labels` (readable names), `panels`
//! (state → [`LoopOutline`], its rows, [`LoopView`]), `console`, `lanes`, `narration`, `graph` (the live
//! task graph), `pitfalls`, `dropped_tasks` (the one fact of the source they need), `export` (trace JSON, Perfetto,
//! console text), `views` (the public types).

mod catalog;
mod causality;
pub mod chart;
mod console;
mod depth;
mod dropped_tasks;
pub mod export;
mod graph;
mod heap;
mod labels;
mod lanes;
mod narration;
mod panels;
mod pitfalls;
#[cfg(test)]
#[path = "../../../tests/programs.rs"]
mod programs;
mod replay;
#[cfg(test)]
mod testing;
mod views;

use loopscope_runtime::trace::{EventKind, Trace};

pub use views::*;

pub use depth::ReadyDepth;
pub use dropped_tasks::dropped_task_lines;
pub use graph::{EdgeKind, GraphEdge, GraphNode, GraphOptions, NodeId, NodeState, TaskGraph};
pub use pitfalls::{Pitfall, PitfallKind};

use catalog::Catalog;
use labels::Names;
use replay::{Checkpoints, State};

/// The loop's state after one event of a [`Timeline`] ([`Timeline::playhead`]). The
/// panels, the narration and the task graph of one seek all read the same one, and the next
/// seek can move on from it: playing forward replays only the events since the last frame.
#[derive(Clone, Debug, Default)]
pub struct Playhead {
    state: State,
}

impl Playhead {
    /// The event it is at (0 for an empty trace).
    pub fn event(&self) -> usize {
        self.state.applied.saturating_sub(1)
    }
}

/// A run, ready to be scrubbed through.
#[derive(Clone, Debug)]
pub struct Timeline {
    trace: Trace,
    source_lines: Vec<String>,
    catalog: Catalog,
    checkpoints: Checkpoints,
    console: Vec<ConsoleLine>,
    lanes: Vec<Lane>,
    wakes: Vec<Wake>,
    ready_depth: ReadyDepth,
    /// Index in `lanes` of each task's lane (0: none).
    lane_of_task: Vec<usize>,
    /// In event order.
    pitfalls: Vec<Pitfall>,
}

impl Timeline {
    /// Replays `trace` once (checkpoints, console lines, lanes, wake-ups).
    /// `source` is the program the trace came from, for quoting lines; it is parsed for
    /// the dropped-task pitfall ([`dropped_task_lines`]).
    pub fn new(trace: Trace, source: &str) -> Timeline {
        Timeline::with_dropped_tasks(trace, source, &dropped_task_lines(source))
    }

    /// [`Timeline::new`] with the program's [`dropped_task_lines`] found already (by the
    /// page's engine worker: the page itself has no parser).
    pub fn with_dropped_tasks(trace: Trace, source: &str, dropped_task_lines: &[u32]) -> Timeline {
        let catalog = Catalog::new(&trace);
        let checkpoints = Checkpoints::build(&trace.events, &catalog);
        let console = console::lines(&trace);
        let causality = causality::derive(&trace, &catalog);
        let lanes = lanes::build(&trace, &catalog, causality.marks);
        let ready_depth = ReadyDepth::new(&trace);
        let mut lane_of_task = Vec::new();
        for (index, lane) in lanes.iter().enumerate() {
            if let LaneOwner::Task(task) = lane.owner {
                let task = task as usize;
                if lane_of_task.len() <= task {
                    lane_of_task.resize(task + 1, 0);
                }
                lane_of_task[task] = index;
            }
        }
        let mut timeline = Timeline {
            source_lines: source.lines().map(str::to_string).collect(),
            trace,
            catalog,
            checkpoints,
            console,
            lanes,
            wakes: causality.wakes,
            ready_depth,
            lane_of_task,
            pitfalls: Vec::new(),
        };
        timeline.pitfalls = pitfalls::find(&timeline, dropped_task_lines);
        timeline
    }

    /// The run's pitfalls (a blocking call, a coroutine never awaited, an exception
    /// never retrieved, a dropped task, a queue that only grows, a deadlock), in event
    /// order: the timeline marks them, the narration says them.
    pub fn pitfalls(&self) -> &[Pitfall] {
        &self.pitfalls
    }

    /// The pitfalls shown at event `k`.
    pub fn pitfalls_at(&self, k: usize) -> &[Pitfall] {
        let start = self.pitfalls.partition_point(|p| p.event < k);
        let end = self.pitfalls.partition_point(|p| p.event <= k);
        &self.pitfalls[start..end]
    }

    /// The trace this timeline was built from.
    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.trace.events.len()
    }

    /// Whether the trace has no events.
    pub fn is_empty(&self) -> bool {
        self.trace.events.is_empty()
    }

    /// Text of source line `line` (1-based), if any.
    pub fn source_line(&self, line: u32) -> Option<&str> {
        let index = (line as usize).checked_sub(1)?;
        self.source_lines.get(index).map(String::as_str)
    }

    fn clamp(&self, k: usize) -> usize {
        k.min(self.len().saturating_sub(1))
    }

    fn replayed(&self, k: usize) -> State {
        self.playhead(k, None).state
    }

    /// The state after event `k` (clamped), moved on from `from` (a playhead of this
    /// timeline) when that is cheaper than starting from the nearest checkpoint.
    pub fn playhead(&self, k: usize, from: Option<Playhead>) -> Playhead {
        if self.is_empty() {
            return Playhead::default();
        }
        let from = from.map(|playhead| playhead.state);
        Playhead {
            state: self.checkpoints.state_after(
                self.clamp(k),
                &self.trace.events,
                &self.catalog,
                from,
            ),
        }
    }

    /// Everything the panels show after event `k` (clamped to the last event).
    pub fn state_at(&self, k: usize) -> LoopView {
        self.view_at(&self.playhead(k, None))
    }

    /// Everything the panels show at `playhead`.
    pub fn view_at(&self, playhead: &Playhead) -> LoopView {
        let k = playhead.event();
        let console_len = console::completed_by(&self.console, k);
        panels::loop_view(&self.trace, &self.catalog, &playhead.state, k, console_len)
    }

    /// What a seek shows at `playhead`: the panels' view with the long lists as ids, each row
    /// built by [`Timeline::ready_row`], [`Timeline::timer_row`] or [`Timeline::task_row`]
    /// when drawn. Unless `internals`, asyncio's own tasks and objects are left out, and so
    /// are the handles and timers for those tasks.
    pub fn outline_at(&self, playhead: &Playhead, internals: bool) -> LoopOutline {
        let k = playhead.event();
        let console_len = console::completed_by(&self.console, k);
        panels::outline(
            &self.trace,
            &self.catalog,
            &playhead.state,
            k,
            console_len,
            internals,
        )
    }

    /// The ready queue's row for `handle` (one of [`LoopOutline::ready`]) at `playhead`.
    pub fn ready_row(&self, playhead: &Playhead, handle: u32) -> HandleView {
        let names = Names::new(&self.trace.strings, &self.catalog, &playhead.state);
        panels::handle_row(&names, playhead.event(), handle)
    }

    /// The timer heap's row for `timer` (one of [`LoopOutline::timers`]) at `playhead`.
    pub fn timer_row(&self, playhead: &Playhead, timer: TimerEntry) -> TimerView {
        let names = Names::new(&self.trace.strings, &self.catalog, &playhead.state);
        let k = playhead.event();
        panels::timer_row(&names, k, self.event_time(k), timer)
    }

    /// The tasks table's row for task `task` (one of [`LoopOutline::tasks`]) at `playhead`;
    /// none if the task does not exist yet.
    pub fn task_row(&self, playhead: &Playhead, task: u32) -> Option<TaskView> {
        let names = Names::new(&self.trace.strings, &self.catalog, &playhead.state);
        panels::task_row(&names, task)
    }

    /// One plain sentence about event `k` (clamped).
    pub fn narration(&self, k: usize, mode: Narration) -> String {
        self.narration_at(&self.playhead(k, None), mode)
    }

    /// One plain sentence about the event `playhead` is at.
    pub fn narration_at(&self, playhead: &Playhead, mode: Narration) -> String {
        let Some(event) = self.trace.events.get(playhead.event()) else {
            return "Nothing happened: the program produced no events.".to_string();
        };
        let names = Names::new(&self.trace.strings, &self.catalog, &playhead.state);
        narration::sentence(&names, event, mode)
    }

    /// The live task graph after event `k` (clamped): who created and awaits whom,
    /// where waiters are parked, each future's state, any wait-for cycle.
    pub fn task_graph(&self, k: usize, options: GraphOptions) -> TaskGraph {
        self.task_graph_at(&self.playhead(k, None), options)
    }

    /// The live task graph at `playhead`.
    pub fn task_graph_at(&self, playhead: &Playhead, options: GraphOptions) -> TaskGraph {
        if self.is_empty() {
            return TaskGraph::default();
        }
        let names = Names::new(&self.trace.strings, &self.catalog, &playhead.state);
        let is_internal = |task: u32| {
            self.lane_index(LaneOwner::Task(task))
                .is_some_and(|lane| self.lanes[lane].internal)
        };
        graph::build(&names, playhead.event(), &is_internal, options)
    }

    /// The timeline: the loop's lane first, then one lane per task in
    /// creation order. Built once, in [`Timeline::new`].
    pub fn lanes(&self) -> &[Lane] {
        &self.lanes
    }

    /// The index in [`Timeline::lanes`] of `owner`'s lane (the loop's is 0).
    pub fn lane_index(&self, owner: LaneOwner) -> Option<usize> {
        match owner {
            LaneOwner::Loop => Some(0),
            LaneOwner::Task(task) => self
                .lane_of_task
                .get(task as usize)
                .copied()
                .filter(|lane| *lane != 0),
        }
    }

    /// Every time a task was made ready, what did it and when the task ran,
    /// in the order the tasks became ready (ascending `ready_event`).
    pub fn wakes(&self) -> &[Wake] {
        &self.wakes
    }

    /// The ready queue's length after each event.
    pub fn ready_depth(&self) -> &ReadyDepth {
        &self.ready_depth
    }

    /// Indexes of the `clock_advanced` events, ascending.
    pub fn clock_advances(&self) -> &[usize] {
        &self.catalog.clock_advances
    }

    /// The virtual time each of [`Timeline::clock_advances`] moved the clock to.
    pub fn clock_advance_times(&self) -> &[f64] {
        &self.catalog.clock_times
    }

    /// What a segment of [`Timeline::lanes`] was about, in words: what a
    /// waiting task waited on ("sleep until t=2.000"), a finished task's
    /// result or error, the handle the loop ran ("Task-2 · resume count() at
    /// line 8"), or why the loop did not run anything.
    pub fn segment_detail(&self, segment: &Segment) -> String {
        match segment.detail {
            Detail::None => String::new(),
            Detail::Idle => "waiting for the next timer".to_string(),
            Detail::Blocked => "time.sleep blocks the loop".to_string(),
            Detail::Text(id) => self
                .trace
                .strings
                .get(id as usize)
                .cloned()
                .unwrap_or_default(),
            Detail::Wait(wait) => {
                let state = self.replayed(segment.start_event);
                Names::new(&self.trace.strings, &self.catalog, &state).wait(&wait)
            }
            Detail::Handle(_) => {
                let state = self.replayed(segment.start_event);
                let names = Names::new(&self.trace.strings, &self.catalog, &state);
                names.running().map(|(_, label)| label).unwrap_or_default()
            }
        }
    }

    /// The last event at or before virtual time `time` (0 if none).
    pub fn last_event_at(&self, time: f64) -> usize {
        self.events_until(time, true).saturating_sub(1)
    }

    /// How many events happened before virtual time `time` (`inclusive`: at
    /// or before). Time only moves at `clock_advanced` events, so this
    /// searches their times (a dense array) rather than the events.
    pub fn events_until(&self, time: f64, inclusive: bool) -> usize {
        let qualifies = |t: f64| if inclusive { t <= time } else { t < time };
        let (advances, times) = (&self.catalog.clock_advances, &self.catalog.clock_times);
        let all = self.trace.events.len();
        match times.partition_point(|&t| qualifies(t)) {
            0 => {
                let start = self.trace.events.first().map_or(0.0, |e| e.time);
                if qualifies(start) {
                    advances.first().copied().unwrap_or(all)
                } else {
                    0
                }
            }
            i => advances.get(i).copied().unwrap_or(all),
        }
    }

    /// The first `clock_advanced` event after `k`.
    pub fn next_clock_advance(&self, k: usize) -> Option<usize> {
        let advances = &self.catalog.clock_advances;
        advances.get(advances.partition_point(|&i| i <= k)).copied()
    }

    /// The last `clock_advanced` event before `k`.
    pub fn prev_clock_advance(&self, k: usize) -> Option<usize> {
        let advances = &self.catalog.clock_advances;
        let i = advances.partition_point(|&i| i < k);
        i.checked_sub(1).map(|i| advances[i])
    }

    /// Every console line of the run, in the order they were completed.
    pub fn console(&self) -> &[ConsoleLine] {
        &self.console
    }

    /// Exit status (0 ok, 1 uncaught exception or `sys.exit(1)`, 2 parse error or
    /// argparse, 3 deadlock or limit) and, for a deadlock or limit, why.
    pub fn end_status(&self) -> (i32, Option<String>) {
        let end = self.end();
        match end.reason {
            EndReason::Halted { message, .. } if !message.is_empty() => (end.status, Some(message)),
            _ => (end.status, None),
        }
    }

    /// How the program ended: its exit status and why (a run cut short before its end
    /// has no `program_ended`: it reads as finished).
    pub fn end(&self) -> ProgramEnd {
        use loopscope_runtime::trace::EndReason as Recorded;
        let text = |id: u32| self.trace.strings.get(id as usize).cloned();
        let ended = self
            .trace
            .events
            .iter()
            .rev()
            .find_map(|event| match &event.kind {
                EventKind::ProgramEnded {
                    status,
                    reason,
                    message,
                } => Some((*status, *reason, *message, event.line)),
                _ => None,
            });
        let Some((status, reason, message, line)) = ended else {
            return ProgramEnd {
                status: 0,
                reason: EndReason::Finished,
            };
        };
        let reason = match reason {
            Recorded::Finished => EndReason::Finished,
            Recorded::SystemExit => EndReason::SystemExit,
            Recorded::Uncaught { error, line } => EndReason::Uncaught {
                error: text(error).unwrap_or_default(),
                line: (line > 0).then_some(line),
            },
            Recorded::NotStarted => EndReason::NotStarted,
            Recorded::Halted { halt } => EndReason::Halted {
                halt,
                message: text(message).unwrap_or_default(),
                line: (line > 0).then_some(line),
            },
        };
        ProgramEnd { status, reason }
    }

    /// The last event at or before virtual time `time` (0 if none).
    pub fn last_event_by(&self, time: f64) -> usize {
        self.trace
            .events
            .partition_point(|event| event.time <= time)
            .saturating_sub(1)
    }

    /// The next event after `k` in which task `task` is created, runs, stops or ends.
    pub fn next_event_of_task(&self, task: u32, k: usize) -> Option<usize> {
        let start = k.checked_add(1)?;
        self.trace
            .events
            .get(start..)?
            .iter()
            .position(|event| match &event.kind {
                EventKind::TaskCreated { task: t, .. }
                | EventKind::TaskResumed { task: t, .. }
                | EventKind::TaskSuspended { task: t, .. }
                | EventKind::TaskDone { task: t, .. }
                | EventKind::TaskFailed { task: t, .. }
                | EventKind::TaskCancelled { task: t }
                | EventKind::TaskRenamed { task: t, .. } => *t == task,
                _ => false,
            })
            .map(|offset| start + offset)
    }

    /// Virtual time of event `k` (clamped; 0 for an empty trace).
    pub fn event_time(&self, k: usize) -> f64 {
        self.trace
            .events
            .get(self.clamp(k))
            .map_or(0.0, |event| event.time)
    }
}

#[cfg(test)]
mod tests {
    use loopscope_runtime::{run_program, RunOptions};

    use super::*;

    /// Counting events by the clock's advances agrees with counting them, at
    /// every time the run shows and between them, on every program (blocking
    /// `time.sleep` included).
    #[test]
    fn events_until_a_time_agree_with_a_scan() {
        for (name, source) in crate::programs::examples_and_cases() {
            let timeline = Timeline::new(
                run_program(&source, &RunOptions::default())
                    .trace
                    .expand()
                    .unwrap(),
                &source,
            );
            let events = &timeline.trace().events;
            let mut times: Vec<f64> = events.iter().map(|e| e.time).collect();
            times.extend(events.iter().map(|e| e.time + 1e-9));
            times.extend([-1.0, f64::INFINITY]);
            for t in times {
                for inclusive in [true, false] {
                    let scan = events
                        .iter()
                        .filter(|e| if inclusive { e.time <= t } else { e.time < t })
                        .count();
                    assert_eq!(
                        timeline.events_until(t, inclusive),
                        scan,
                        "{name}: t={t} {inclusive}"
                    );
                }
            }
        }
    }
}
