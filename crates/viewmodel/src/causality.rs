//! What causes what, derived from the trace: for every task made ready, the
//! happening that did it (a timer firing, a task ending, `set_result`, a
//! queue `put`, a lock release...) and when the task then ran; and, for every
//! future that finished, the lane it belongs on.
//!
//! The trace records each link of the chain as its own event:
//! `timer_fired` → `handle_run` (the sleep's callback) → `future_resolved` →
//! `handle_scheduled` (`task_wakeup`) → `handle_run` → `task_resumed`. One
//! pass follows them: it remembers why each future finished (the running
//! task, the primitive operation just before a `waiter_woken`, the task that
//! just ended, or the handle being run and, in turn, why that handle was run)
//! and hands that cause to the wake-up the future's end schedules. A future's
//! done-callback (gather's, TaskGroup's...) passes on the cause of the future
//! it was called for, so a gather wakes its awaiter from the child that
//! finished last.

use loopscope_runtime::trace::{Callback, EventKind, Trace, Wait};

use crate::catalog::Catalog;
use crate::views::{Cause, CauseKind, LaneOwner, Mark, Outcome, Wake};

/// The wake-ups (in the order the tasks became ready) and the futures' ends
/// (each with the lane it belongs on, in event order).
pub(crate) struct Causality {
    pub wakes: Vec<Wake>,
    pub marks: Vec<(LaneOwner, Mark)>,
}

const NONE: u32 = u32::MAX;

/// Per handle: what the pass needs to know when it runs.
#[derive(Clone, Copy)]
struct HandleFacts {
    /// The `timer_fired` that moved it to the ready queue.
    fired_at: Option<usize>,
    /// The `handle_scheduled` (or `timer_scheduled`) event.
    scheduled_at: usize,
    /// The wake-up it carries (index into `wakes`), or `NONE`.
    wake: u32,
}

impl Default for HandleFacts {
    fn default() -> HandleFacts {
        HandleFacts {
            fired_at: None,
            scheduled_at: 0,
            wake: NONE,
        }
    }
}

fn slot<T: Default + Clone>(table: &mut Vec<T>, id: u32) -> &mut T {
    let i = id as usize;
    if table.len() <= i {
        table.resize(i + 1, T::default());
    }
    &mut table[i]
}

struct Pass<'a> {
    catalog: &'a Catalog,
    handles: Vec<HandleFacts>,
    /// Why each future last finished.
    future_causes: Vec<Option<Cause>>,
    running_task: Option<u32>,
    running_handle: Option<u32>,
    /// The wake-up whose handle is running, until its task resumes.
    running_wake: Option<usize>,
    /// The task that ended last, and at which event (its own future ends next).
    ended: Option<(u32, usize)>,
    /// The last queue/lock/event/semaphore operation: primitive, kind, event.
    last_operation: Option<(u32, CauseKind, usize)>,
    /// A `waiter_woken` just recorded: primitive, future, event.
    woken: Option<(u32, u32, usize)>,
    out: Causality,
}

impl Pass<'_> {
    /// The lane acting now: the running task, else whoever is behind the
    /// running handle.
    fn actor(&self, k: usize) -> LaneOwner {
        match self.running_task {
            Some(task) => LaneOwner::Task(task),
            None => self.handle_cause(k).source,
        }
    }

    /// Why the running handle runs (for a callback that finishes a future).
    fn handle_cause(&self, k: usize) -> Cause {
        let loop_itself = Cause {
            kind: CauseKind::Loop,
            source: LaneOwner::Loop,
            event: k,
        };
        let Some(handle) = self.running_handle else {
            return loop_itself;
        };
        let facts = self
            .handles
            .get(handle as usize)
            .copied()
            .unwrap_or_default();
        if let Some(fired) = facts.fired_at {
            return Cause {
                kind: CauseKind::Timer,
                source: LaneOwner::Loop,
                event: fired,
            };
        }
        let info = self.catalog.handle(handle);
        match info.and_then(|info| info.callback) {
            Some(Callback::FutureCallback { future, .. }) => self
                .future_causes
                .get(future as usize)
                .copied()
                .flatten()
                .unwrap_or(loop_itself),
            Some(Callback::Call { .. }) => Cause {
                kind: CauseKind::Callback,
                source: info
                    .and_then(|info| info.scheduled_by)
                    .map_or(LaneOwner::Loop, LaneOwner::Task),
                event: facts.scheduled_at,
            },
            _ => loop_itself,
        }
    }

    /// Why `future` finished (with `outcome`) at event `k`.
    fn resolution_cause(&mut self, future: u32, outcome: Outcome, k: usize) -> Cause {
        let own_task = self.catalog.future(future).and_then(|f| f.task);
        if let (Some(task), Some((ended, at))) = (own_task, self.ended) {
            if task == ended {
                return Cause {
                    kind: CauseKind::TaskEnded,
                    source: LaneOwner::Task(task),
                    event: at,
                };
            }
        }
        if let Some((primitive, woken, at)) = self.woken.take() {
            if woken == future {
                let (kind, event) = match self.last_operation {
                    Some((p, kind, event)) if p == primitive => (kind, event),
                    _ => (CauseKind::Notified, at),
                };
                return Cause {
                    kind,
                    source: self.actor(k),
                    event,
                };
            }
        }
        match self.running_task {
            Some(task) => Cause {
                kind: if outcome == Outcome::Cancelled {
                    CauseKind::Cancel
                } else {
                    CauseKind::SetResult
                },
                source: LaneOwner::Task(task),
                event: k,
            },
            None => self.handle_cause(k),
        }
    }

    /// A handle that will step or wake `task` entered the ready queue at `k`.
    fn task_ready(&mut self, handle: u32, task: u32, future: Option<u32>, k: usize, trace: &Trace) {
        let cause = match future {
            Some(future) => self
                .future_causes
                .get(future as usize)
                .copied()
                .flatten()
                .unwrap_or(Cause {
                    kind: CauseKind::Loop,
                    source: LaneOwner::Loop,
                    event: k,
                }),
            None => {
                let before = k.checked_sub(1).and_then(|before| trace.events.get(before));
                let just_created = before.is_some_and(
                    |e| matches!(e.kind, EventKind::TaskCreated { task: t, .. } if t == task),
                );
                let yielded = before.is_some_and(|e| {
                    matches!(e.kind, EventKind::TaskSuspended { task: t, wait: Wait::Yield, .. } if t == task)
                });
                if just_created {
                    Cause {
                        kind: CauseKind::Created,
                        source: self.actor(k),
                        event: k - 1,
                    }
                } else if yielded {
                    Cause {
                        kind: CauseKind::Yielded,
                        source: LaneOwner::Task(task),
                        event: k,
                    }
                } else {
                    Cause {
                        source: self.actor(k),
                        ..self.handle_cause(k)
                    }
                }
            }
        };
        slot(&mut self.handles, handle).wake = self.out.wakes.len() as u32;
        self.out.wakes.push(Wake {
            task,
            handle,
            cause,
            future,
            ready_event: k,
            run_event: None,
        });
    }

    fn future_finished(&mut self, future: u32, outcome: Outcome, k: usize, time: f64) {
        let cause = self.resolution_cause(future, outcome, k);
        *slot(&mut self.future_causes, future) = Some(cause);
        let info = self.catalog.future(future);
        let owner = info
            .and_then(|f| f.task.or(f.creator))
            .map_or(LaneOwner::Loop, LaneOwner::Task);
        self.out.marks.push((
            owner,
            Mark {
                event: k,
                time,
                future,
                outcome,
            },
        ));
    }
}

/// Follows every wake-up chain of the trace.
pub(crate) fn derive(trace: &Trace, catalog: &Catalog) -> Causality {
    let mut pass = Pass {
        catalog,
        handles: Vec::new(),
        future_causes: Vec::new(),
        running_task: None,
        running_handle: None,
        running_wake: None,
        ended: None,
        last_operation: None,
        woken: None,
        out: Causality {
            wakes: Vec::new(),
            marks: Vec::new(),
        },
    };
    for (k, event) in trace.events.iter().enumerate() {
        match &event.kind {
            EventKind::HandleRun { handle } => {
                pass.running_handle = Some(*handle);
                pass.running_task = None;
                pass.last_operation = None;
                pass.ended = None;
                let wake = pass.handles.get(*handle as usize).map_or(NONE, |h| h.wake);
                pass.running_wake = (wake != NONE).then_some(wake as usize);
            }
            EventKind::TaskResumed { task, .. } => {
                pass.running_task = Some(*task);
                if let Some(wake) = pass.running_wake.take() {
                    let wake = &mut pass.out.wakes[wake];
                    if wake.task == *task && wake.run_event.is_none() {
                        wake.run_event = Some(k);
                    }
                }
            }
            EventKind::TaskSuspended { .. } => pass.running_task = None,
            // Loop bookkeeping: the handle that ran last is over.
            EventKind::LoopStarted
            | EventKind::LoopStopped
            | EventKind::LoopClosed
            | EventKind::ClockAdvanced { .. }
            | EventKind::TimersPurged { .. }
            | EventKind::HandleSkipped { .. }
            | EventKind::ProgramEnded { .. } => {
                pass.running_handle = None;
                pass.running_task = None;
            }
            EventKind::TaskDone { task, .. }
            | EventKind::TaskFailed { task, .. }
            | EventKind::TaskCancelled { task } => {
                pass.running_task = None;
                pass.ended = Some((*task, k));
            }
            EventKind::HandleScheduled { handle, callback } => {
                slot(&mut pass.handles, *handle).scheduled_at = k;
                match *callback {
                    Callback::TaskWakeup { task, future } => {
                        pass.task_ready(*handle, task, Some(future), k, trace);
                    }
                    Callback::TaskStep { task } => pass.task_ready(*handle, task, None, k, trace),
                    _ => {}
                }
            }
            EventKind::TimerScheduled { handle, .. } => {
                slot(&mut pass.handles, *handle).scheduled_at = k;
            }
            EventKind::TimerFired { handle } => {
                slot(&mut pass.handles, *handle).fired_at = Some(k);
                pass.running_handle = None;
                pass.running_task = None;
            }
            EventKind::WaiterWoken { primitive, future } => {
                pass.woken = Some((*primitive, *future, k));
            }
            EventKind::QueuePut { queue, .. } => {
                pass.last_operation = Some((*queue, CauseKind::QueuePut, k));
            }
            EventKind::QueueGet { queue, .. } => {
                pass.last_operation = Some((*queue, CauseKind::QueueGet, k));
            }
            EventKind::LockReleased { primitive } => {
                pass.last_operation = Some((*primitive, CauseKind::LockReleased, k));
            }
            EventKind::EventSet { primitive } => {
                pass.last_operation = Some((*primitive, CauseKind::EventSet, k));
            }
            EventKind::SemaphoreChanged { primitive, .. } => {
                pass.last_operation = Some((*primitive, CauseKind::SemaphoreReleased, k));
            }
            EventKind::FutureResolved { future, .. } => {
                pass.future_finished(*future, Outcome::Resolved, k, event.time);
            }
            EventKind::FutureFailed { future, .. } => {
                pass.future_finished(*future, Outcome::Failed, k, event.time);
            }
            EventKind::FutureCancelled { future } => {
                pass.future_finished(*future, Outcome::Cancelled, k, event.time);
            }
            _ => {}
        }
    }
    pass.out
}

#[cfg(test)]
mod tests {
    use loopscope_runtime::{run_program, RunOptions};

    use super::*;

    /// On every example and conformance program: each step a task runs was
    /// made ready by exactly one wake-up, which names the handle that ran it;
    /// causes come before their effects; and each arrow starts at an event
    /// of its source lane's kind.
    #[test]
    fn every_step_has_one_cause_that_precedes_it() {
        for (name, source) in crate::programs::examples_and_cases() {
            let trace = run_program(&source, &RunOptions::default())
                .trace
                .expand()
                .unwrap();
            let catalog = Catalog::new(&trace);
            let causality = derive(&trace, &catalog);
            let mut runs = std::collections::HashMap::new();
            for wake in &causality.wakes {
                assert!(wake.cause.event <= wake.ready_event, "{name}: {wake:?}");
                let EventKind::HandleScheduled { handle, callback } =
                    trace.events[wake.ready_event].kind
                else {
                    panic!("{name}: {wake:?} is not made ready by a handle_scheduled");
                };
                assert_eq!(handle, wake.handle, "{name}");
                let woken = match callback {
                    Callback::TaskStep { task } | Callback::TaskWakeup { task, .. } => task,
                    other => panic!("{name}: {other:?}"),
                };
                assert_eq!(woken, wake.task, "{name}");
                if let Some(run) = wake.run_event {
                    assert!(run > wake.ready_event, "{name}: {wake:?}");
                    assert!(
                        matches!(trace.events[run].kind, EventKind::TaskResumed { task, .. } if task == wake.task),
                        "{name}: {wake:?}"
                    );
                    assert!(
                        runs.insert(run, wake.ready_event).is_none(),
                        "{name}: two causes for {run}"
                    );
                }
                if let LaneOwner::Task(source) = wake.cause.source {
                    assert!(catalog.task(source).is_some(), "{name}: {wake:?}");
                }
            }
            for (k, event) in trace.events.iter().enumerate() {
                if matches!(event.kind, EventKind::TaskResumed { .. }) {
                    assert!(
                        runs.contains_key(&k),
                        "{name}: nothing made the step at {k} ready"
                    );
                }
            }
            let ends = trace.events.iter().filter(|e| {
                matches!(
                    e.kind,
                    EventKind::FutureResolved { .. }
                        | EventKind::FutureFailed { .. }
                        | EventKind::FutureCancelled { .. }
                )
            });
            assert_eq!(
                ends.count(),
                causality.marks.len(),
                "{name}: one mark per future's end"
            );
        }
    }
}
