//! The fold of docs/trace.md ("Rebuilding the state at event k"): the loop's
//! moving parts after each event, and checkpoints of it so that any event
//! is reached by replaying a few hundred events at most.

use std::collections::VecDeque;

use loopscope_runtime::trace::{Callback, Event, EventKind, Item, StrId, Wait};

use crate::catalog::Catalog;
use crate::heap::{Timer, TimerHeap};

/// CPython's `_MIN_SCHEDULED_TIMER_HANDLES`.
const MIN_SCHEDULED_TIMER_HANDLES: usize = 100;
/// CPython's `_MIN_CANCELLED_TIMER_HANDLES_FRACTION`.
const MIN_CANCELLED_TIMER_HANDLES_FRACTION: f64 = 0.5;

/// Where a task is, as replayed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Phase {
    Ready,
    Running,
    Waiting(Wait),
    Done(StrId),
    Failed(StrId),
    Cancelled,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TaskState {
    pub name: StrId,
    pub phase: Phase,
    /// Line of the await it last suspended at (0: never ran).
    pub line: u32,
    /// Its await chain where it last resumed or suspended (the trace's `stack` text).
    pub stack: StrId,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct PrimitiveState {
    pub items: VecDeque<Item>,
    pub owner: Option<u32>,
    pub set: bool,
    pub value: Option<i64>,
    /// Futures of parked waiters, in parking order.
    pub waiters: Vec<u32>,
}

/// The loop after some prefix of the events.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct State {
    /// Number of events applied.
    pub applied: usize,
    pub ready: VecDeque<u32>,
    pub timers: TimerHeap,
    /// The loop's `_timer_cancelled_count`, which decides how a purge runs.
    pub timer_cancelled_count: usize,
    pub running_handle: Option<u32>,
    /// For a running task step: the line the task resumed from.
    pub running_from_line: u32,
    /// ...and its await chain there.
    pub running_from_stack: StrId,
    pub running_task: Option<u32>,
    /// Indexed by task id (index 0 unused); `None` before creation.
    pub tasks: Vec<Option<TaskState>>,
    /// Indexed by primitive id (index 0 unused).
    pub primitives: Vec<PrimitiveState>,
}

fn slot<T: Default>(table: &mut Vec<T>, id: u32) -> &mut T {
    let i = id as usize;
    if table.len() <= i {
        table.resize_with(i + 1, T::default);
    }
    &mut table[i]
}

impl State {
    /// A rough size, to space checkpoints so their memory stays linear.
    pub fn weight(&self) -> usize {
        self.ready.len() + self.timers.len() + self.tasks.len() + self.primitives.len()
    }

    pub fn task(&self, id: u32) -> Option<&TaskState> {
        self.tasks.get(id as usize).and_then(Option::as_ref)
    }

    fn task_mut(&mut self, id: u32) -> Option<&mut TaskState> {
        self.tasks.get_mut(id as usize).and_then(Option::as_mut)
    }

    fn set_phase(&mut self, id: u32, phase: Phase) {
        if let Some(t) = self.task_mut(id) {
            t.phase = phase;
        }
    }

    /// Applies the next event (its index is `self.applied`).
    pub fn apply(&mut self, event: &Event, catalog: &Catalog) {
        let index = self.applied;
        self.applied += 1;
        match &event.kind {
            EventKind::TaskCreated { task, name, .. } => {
                *slot(&mut self.tasks, *task) = Some(TaskState {
                    name: *name,
                    phase: Phase::Ready,
                    line: 0,
                    stack: 0,
                });
            }
            EventKind::TaskResumed { task, stack } => {
                if let Some(t) = self.task_mut(*task) {
                    t.phase = Phase::Running;
                    t.stack = *stack;
                }
                self.running_task = Some(*task);
                self.running_from_stack = *stack;
            }
            EventKind::TaskSuspended { task, wait, stack } => {
                let phase = match wait {
                    Wait::Yield => Phase::Ready,
                    other => Phase::Waiting(*other),
                };
                if let Some(t) = self.task_mut(*task) {
                    t.phase = phase;
                    t.line = event.line;
                    t.stack = *stack;
                }
                self.stop_running(*task);
            }
            EventKind::TaskDone { task, result } => self.finish(*task, Phase::Done(*result)),
            EventKind::TaskFailed { task, error } => self.finish(*task, Phase::Failed(*error)),
            EventKind::TaskCancelled { task } => self.finish(*task, Phase::Cancelled),
            EventKind::TaskRenamed { task, name } => {
                if let Some(t) = self.task_mut(*task) {
                    t.name = *name;
                }
            }
            EventKind::HandleScheduled { handle, callback } => {
                self.ready.push_back(*handle);
                self.mark_ready(callback);
            }
            EventKind::HandleRun { handle } => {
                self.pop_ready(*handle);
                self.running_handle = Some(*handle);
                self.running_task = None;
                let stepped = match catalog.handle(*handle).and_then(|h| h.callback) {
                    Some(Callback::TaskStep { task } | Callback::TaskWakeup { task, .. }) => {
                        self.task(task).map(|t| (t.line, t.stack))
                    }
                    _ => None,
                };
                (self.running_from_line, self.running_from_stack) = stepped.unwrap_or((0, 0));
            }
            EventKind::HandleSkipped { handle } => {
                self.pop_ready(*handle);
                self.idle();
            }
            EventKind::TimerScheduled { handle, when, .. } => {
                self.timers.push(Timer {
                    when: when.get(),
                    handle: *handle,
                });
            }
            EventKind::TimerCancelled { .. } => self.timer_cancelled_count += 1,
            EventKind::TimersPurged { count } => self.purge(*count as usize, index, catalog),
            EventKind::TimerFired { handle } => {
                self.idle();
                if self.timers.top().map(|t| t.handle) == Some(*handle) {
                    self.timers.pop();
                } else {
                    self.timers.remove(*handle);
                }
                self.ready.push_back(*handle);
                if let Some(cb) = catalog.handle(*handle).and_then(|h| h.callback) {
                    self.mark_ready(&cb);
                }
            }
            EventKind::ClockAdvanced { .. } => {
                if event.line == 0 {
                    self.idle();
                }
            }
            EventKind::QueuePut { queue, item, .. } => {
                slot(&mut self.primitives, *queue).items.push_back(*item);
            }
            EventKind::QueueGet { queue, item, .. } => {
                let lifo = catalog.primitive(*queue).is_some_and(|p| p.lifo);
                let items = &mut slot(&mut self.primitives, *queue).items;
                let pos = if lifo {
                    items.iter().rposition(|i| i == item)
                } else {
                    items.iter().position(|i| i == item)
                };
                if let Some(pos) = pos {
                    items.remove(pos);
                }
            }
            EventKind::WaiterParked {
                primitive, future, ..
            } => slot(&mut self.primitives, *primitive).waiters.push(*future),
            EventKind::WaiterWoken { primitive, future } => {
                slot(&mut self.primitives, *primitive)
                    .waiters
                    .retain(|f| f != future);
            }
            EventKind::FutureCancelled { future } | EventKind::FutureFailed { future, .. } => {
                // An abandoned waiter (e.g. a timed-out `Queue.get`) stays in
                // CPython's deque until skipped, but nobody waits any more.
                if let Some(p) = catalog.future(*future).and_then(|f| f.primitive) {
                    slot(&mut self.primitives, p)
                        .waiters
                        .retain(|f| f != future);
                }
            }
            EventKind::LockAcquired { primitive, task } => {
                slot(&mut self.primitives, *primitive).owner = Some(*task);
            }
            EventKind::LockReleased { primitive } => {
                slot(&mut self.primitives, *primitive).owner = None;
            }
            EventKind::EventSet { primitive } => slot(&mut self.primitives, *primitive).set = true,
            EventKind::EventCleared { primitive } => {
                slot(&mut self.primitives, *primitive).set = false;
            }
            EventKind::SemaphoreChanged { primitive, value } => {
                slot(&mut self.primitives, *primitive).value = Some(value.get());
            }
            EventKind::PrimitiveCreated {
                primitive, value, ..
            } => {
                let semaphore = catalog.primitive(*primitive).is_some_and(|p| p.semaphore);
                let p = slot(&mut self.primitives, *primitive);
                if semaphore {
                    p.value = Some(value.get());
                }
            }
            EventKind::LoopClosed => {
                self.ready.clear();
                self.timers = TimerHeap::default();
                self.idle();
            }
            EventKind::LoopStarted | EventKind::LoopStopped | EventKind::ProgramEnded { .. } => {
                self.idle();
            }
            // Cancelled handles stay queued; the catalog knows when.
            EventKind::HandleCancelled { .. }
            | EventKind::FutureCreated { .. }
            | EventKind::FutureLinked { .. }
            | EventKind::FutureResolved { .. }
            | EventKind::Output { .. }
            | EventKind::Warning { .. } => {}
        }
    }

    /// The loop is between handles.
    fn idle(&mut self) {
        self.running_handle = None;
        self.running_from_line = 0;
        self.running_from_stack = 0;
        self.running_task = None;
    }

    fn stop_running(&mut self, task: u32) {
        if self.running_task == Some(task) {
            self.running_task = None;
        }
    }

    fn finish(&mut self, task: u32, phase: Phase) {
        self.set_phase(task, phase);
        self.stop_running(task);
    }

    /// A handle that steps or wakes a waiting task makes it ready.
    fn mark_ready(&mut self, callback: &Callback) {
        if let Callback::TaskStep { task } | Callback::TaskWakeup { task, .. } = callback {
            if let Some(t) = self.task_mut(*task) {
                if matches!(t.phase, Phase::Waiting(_)) {
                    t.phase = Phase::Ready;
                }
            }
        }
    }

    /// Pops the head, which the trace names; a mismatch (another loop's
    /// handle) removes the named handle wherever it is.
    fn pop_ready(&mut self, handle: u32) {
        if self.ready.front() == Some(&handle) {
            self.ready.pop_front();
        } else if let Some(pos) = self.ready.iter().position(|h| *h == handle) {
            self.ready.remove(pos);
        }
    }

    /// `_run_once`'s purge, decided as CPython decides it: a rebuild when
    /// many timers are cancelled, otherwise pops from the top.
    fn purge(&mut self, count: usize, index: usize, catalog: &Catalog) {
        let scheduled = self.timers.len();
        let rebuild = scheduled > MIN_SCHEDULED_TIMER_HANDLES
            && self.timer_cancelled_count as f64 / scheduled as f64
                > MIN_CANCELLED_TIMER_HANDLES_FRACTION;
        if rebuild {
            self.timers
                .retain(|t| !catalog.cancelled_by(t.handle, index));
            self.timer_cancelled_count = 0;
        } else {
            for _ in 0..count {
                self.timers.pop();
                self.timer_cancelled_count = self.timer_cancelled_count.saturating_sub(1);
            }
        }
    }
}

/// States at regular points of the trace.
#[derive(Clone, Debug, Default)]
pub(crate) struct Checkpoints {
    /// Ascending by `applied`; the first is the empty state.
    states: Vec<State>,
}

/// Fewest events between two checkpoints.
pub(crate) const CHECKPOINT_EVERY: usize = 256;

impl Checkpoints {
    /// Replays the whole trace once, keeping a state every
    /// `CHECKPOINT_EVERY` events, or every `weight` events when the state is
    /// larger: then all checkpoints together hold about one entry per event
    /// (less than the trace itself), and a seek replays no more events than
    /// the view it builds has rows anyway.
    pub fn build(events: &[Event], catalog: &Catalog) -> Checkpoints {
        let mut states = vec![State::default()];
        let mut state = State::default();
        let mut since = 0;
        for event in events {
            state.apply(event, catalog);
            since += 1;
            if since >= CHECKPOINT_EVERY.max(state.weight()) {
                states.push(state.clone());
                since = 0;
            }
        }
        Checkpoints { states }
    }

    /// The state after event `k` (`k < events.len()`), moved on from `from` (a state of
    /// the same trace) when it is not after `k` and no further from it than the last
    /// checkpoint before it: playing forward applies the events since the last frame,
    /// without copying a checkpoint.
    pub fn state_after(
        &self,
        k: usize,
        events: &[Event],
        catalog: &Catalog,
        from: Option<State>,
    ) -> State {
        let i = self.states.partition_point(|s| s.applied <= k + 1);
        let checkpoint = &self.states[i.saturating_sub(1)];
        let mut state = match from {
            Some(state) if state.applied <= k + 1 && state.applied >= checkpoint.applied => state,
            _ => checkpoint.clone(),
        };
        while state.applied <= k {
            state.apply(&events[state.applied], catalog);
        }
        state
    }
}

/// The state after event `k`, replaying from the start (the reference the
/// checkpoints are tested against).
#[cfg(test)]
pub(crate) fn replay_from_start(k: usize, events: &[Event], catalog: &Catalog) -> State {
    let mut state = State::default();
    for event in events.iter().take(k + 1) {
        state.apply(event, catalog);
    }
    state
}

#[cfg(test)]
mod tests {
    use loopscope_runtime::trace::Trace;
    use loopscope_runtime::{run_program, RunOptions};

    use super::*;

    /// Every example and conformance program, plus one long enough to span
    /// many checkpoints, as (name, trace).
    fn traces() -> Vec<(String, Trace)> {
        let mut programs = crate::programs::examples_and_cases();
        programs.push((
            "many sleepers".to_string(),
            crate::testing::many_sleepers(40, 20),
        ));
        programs.push((
            "cancelled timers".to_string(),
            crate::testing::cancelled_timers(),
        ));
        programs
            .into_iter()
            .map(|(name, source)| {
                let trace = run_program(&source, &RunOptions::default())
                    .trace
                    .expand()
                    .unwrap();
                (name, trace)
            })
            .collect()
    }

    /// The trace says which handle each pop takes and each queue's size:
    /// the rebuilt ready queue, heap and queues must agree, at every event.
    /// The trace does not say which loop a handle is on, so the rebuilt queue mixes
    /// loops: a loop may run a handle that is not at its head only if the handle and
    /// those it overtakes were scheduled before the loop started (another loop's).
    #[test]
    fn rebuilt_state_agrees_with_the_trace() {
        for (name, trace) in traces() {
            let catalog = Catalog::new(&trace);
            let mut state = State::default();
            let mut scheduled_at = std::collections::HashMap::new();
            let mut loop_started_at = 0;
            for (k, event) in trace.events.iter().enumerate() {
                match &event.kind {
                    EventKind::LoopStarted => loop_started_at = k,
                    EventKind::HandleScheduled { handle, .. } => {
                        scheduled_at.insert(*handle, k);
                    }
                    EventKind::HandleRun { handle } | EventKind::HandleSkipped { handle }
                        if state.ready.front() != Some(handle) =>
                    {
                        // It overtakes other loops' handles, scheduled before this loop
                        // started, or is one of them that a closed loop dropped.
                        let dropped = (!state.ready.contains(handle)).then_some(handle);
                        let ahead = state.ready.iter().take_while(|h| *h != handle);
                        for other in ahead.chain(dropped) {
                            assert!(
                                scheduled_at[other] < loop_started_at,
                                "{name}: event {k} runs handle {handle} out of its loop's order"
                            );
                        }
                    }
                    EventKind::TimerFired { handle } => {
                        let top = state.timers.top().map(|t| t.handle);
                        assert_eq!(top, Some(*handle), "{name}: event {k} fires the heap's top");
                    }
                    EventKind::HandleRun { handle } | EventKind::HandleSkipped { handle } => {
                        let head = state.ready.front().copied();
                        assert_eq!(
                            head,
                            Some(*handle),
                            "{name}: event {k} pops the ready queue's head"
                        );
                    }
                    _ => {}
                }
                state.apply(event, &catalog);
                if let EventKind::QueuePut { queue, size, .. }
                | EventKind::QueueGet { queue, size, .. } = &event.kind
                {
                    let len = state.primitives[*queue as usize].items.len();
                    assert_eq!(len, *size as usize, "{name}: queue size after event {k}");
                }
            }
        }
    }

    /// `task_created` names the task's future; a finishing task resolves that
    /// future next, which checks the runtime recorded the right one.
    #[test]
    fn a_finishing_task_resolves_the_future_its_creation_named() {
        for (name, trace) in traces() {
            let catalog = Catalog::new(&trace);
            for (k, event) in trace.events.iter().enumerate() {
                let (EventKind::TaskDone { task, .. }
                | EventKind::TaskFailed { task, .. }
                | EventKind::TaskCancelled { task }) = &event.kind
                else {
                    continue;
                };
                let next = trace.events[k + 1..].iter().find_map(|e| match &e.kind {
                    EventKind::FutureResolved { future, .. }
                    | EventKind::FutureFailed { future, .. }
                    | EventKind::FutureCancelled { future } => Some(*future),
                    _ => None,
                });
                let owner = next.and_then(|f| catalog.future(f)).and_then(|f| f.task);
                assert_eq!(owner, Some(*task), "{name}: event {k}");
            }
        }
    }

    /// Seeking through checkpoints gives exactly the state replayed from the
    /// start, at every event.
    #[test]
    fn checkpoints_agree_with_replaying_from_the_start() {
        for (name, trace) in traces() {
            let catalog = Catalog::new(&trace);
            let checkpoints = Checkpoints::build(&trace.events, &catalog);
            let mut state = State::default();
            for (k, event) in trace.events.iter().enumerate() {
                state.apply(event, &catalog);
                let seeked = checkpoints.state_after(k, &trace.events, &catalog, None);
                assert!(seeked == state, "{name}: event {k}");
            }
            if let Some(k) = trace.events.len().checked_sub(1) {
                assert!(
                    replay_from_start(k, &trace.events, &catalog) == state,
                    "{name}"
                );
            }
        }
    }
}
