//! Facts about the run's objects that never change once recorded, gathered
//! in one pass: what each handle does, each future's label and owner, each
//! task's coroutine, each primitive's kind.
//!
//! Keeping these out of the replayed state makes checkpoints small: the
//! replay only tracks what moves (queues, heap, task phases).

use loopscope_runtime::trace::{Callback, EventKind, StrId, Trace};

/// A ready-queue handle or a timer.
#[derive(Clone, Debug, Default)]
pub(crate) struct HandleInfo {
    pub callback: Option<Callback>,
    /// Deadline, for timers.
    pub when: Option<f64>,
    /// Event that cancelled it.
    pub cancelled_at: Option<usize>,
    /// The task running when it was scheduled.
    pub scheduled_by: Option<u32>,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct FutureInfo {
    pub label: StrId,
    /// The task this future is (tasks are futures too).
    pub task: Option<u32>,
    /// The primitive it parked on, for waiter futures.
    pub primitive: Option<u32>,
    /// The role it parked with (e.g. "Queue.get").
    pub role: StrId,
    /// Deadline of the sleep it belongs to, for `asyncio.sleep` futures.
    pub sleep_until: Option<f64>,
    /// The task running when it was created (who will await a sleep).
    pub creator: Option<u32>,
    /// How and at which event it finished (the result or error text, else 0).
    pub end: Option<(usize, FutureEnd, StrId)>,
    /// The futures it follows (`future_linked`), with the event that linked each.
    pub children: Vec<(usize, u32)>,
}

/// How a future finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FutureEnd {
    Resolved,
    Failed,
    Cancelled,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct TaskInfo {
    pub name: StrId,
    pub coro: StrId,
    /// Its id as a future.
    pub future: u32,
    /// The task running when it was created (none for the main task).
    pub creator: Option<u32>,
    /// A task asyncio runs for itself (`asyncio.run`'s clean-up, a server's own work), not one
    /// the program made.
    pub internal: bool,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct PrimitiveInfo {
    pub kind: StrId,
    pub label: StrId,
    /// A `LifoQueue`: `get` takes the newest item.
    pub lifo: bool,
    /// A Semaphore or BoundedSemaphore: `value` at creation is its counter.
    pub semaphore: bool,
    /// `value` at creation: a semaphore's counter, a queue's maxsize, else 0.
    pub value: i64,
    /// Made by asyncio for its own use inside another primitive (a Queue's `_finished`
    /// Event, a Condition's own Lock), not by the program.
    pub internal: bool,
}

/// Events between a primitive asyncio makes inside another one and that one's creation, at
/// most (the Event of a Queue is followed by its `set` and then the Queue).
const OWNED_PRIMITIVE_DISTANCE: usize = 3;

/// Coroutines asyncio wraps in tasks of its own, with what the learner's narration says of
/// them: `asyncio.run`'s after the program's main coroutine ends, and a server's address
/// lookups and accepted connections (the panels and the timeline hide them unless
/// internals are shown). A program's class could reuse the names, but its coroutine has
/// frames: an internal task's await chain (`stack`) is empty whenever it runs.
const INTERNAL_COROUTINES: [(&str, &str); 4] = [
    ("BaseEventLoop.shutdown_asyncgens()", SHUTDOWN),
    ("BaseEventLoop.shutdown_default_executor()", SHUTDOWN),
    (
        "BaseEventLoop._create_server_getaddrinfo()",
        "The server looks up its address in a task of asyncio's own, which the program did not create (switch on Internals to follow it).",
    ),
    (
        "BaseSelectorEventLoop._accept_connection2()",
        "The server accepts a connection in a task of asyncio's own, which then starts the program's handler (switch on Internals to follow it).",
    ),
];

const SHUTDOWN: &str = "asyncio.run cleans up: it runs asyncio's own shutdown tasks, which the program did not create (switch on Internals to follow them).";

/// What the learner's narration says of a task running `coro`, if asyncio runs it for itself.
pub(crate) fn internal_coroutine(coro: &str) -> Option<&'static str> {
    INTERNAL_COROUTINES
        .iter()
        .find(|(name, _)| *name == coro)
        .map(|(_, told)| *told)
}
/// Everything static, indexed by the trace's ids (index 0 unused).
#[derive(Clone, Debug, Default)]
pub(crate) struct Catalog {
    pub handles: Vec<HandleInfo>,
    pub futures: Vec<FutureInfo>,
    pub tasks: Vec<TaskInfo>,
    pub primitives: Vec<PrimitiveInfo>,
    /// Indexes of `clock_advanced` events, ascending.
    pub clock_advances: Vec<usize>,
    /// The time each of them moved the clock to (a dense copy, for searching
    /// the timeline's ticks without touching the events).
    pub clock_times: Vec<f64>,
}

fn slot<T: Default>(table: &mut Vec<T>, id: u32) -> &mut T {
    let i = id as usize;
    if table.len() <= i {
        table.resize_with(i + 1, T::default);
    }
    &mut table[i]
}

impl Catalog {
    pub fn new(trace: &Trace) -> Catalog {
        let mut c = Catalog::default();
        let mut running = None;
        for (i, event) in trace.events.iter().enumerate() {
            match &event.kind {
                EventKind::TaskResumed { task, stack } => {
                    running = Some(*task);
                    // Interned text 0 is the empty chain: no frame of the program.
                    if *stack != 0 {
                        slot(&mut c.tasks, *task).internal = false;
                    }
                }
                EventKind::TaskSuspended { .. }
                | EventKind::TaskDone { .. }
                | EventKind::TaskFailed { .. }
                | EventKind::TaskCancelled { .. }
                | EventKind::HandleRun { .. } => running = None,
                EventKind::TaskCreated {
                    task,
                    future,
                    name,
                    coro,
                } => {
                    *slot(&mut c.tasks, *task) = TaskInfo {
                        name: *name,
                        coro: *coro,
                        future: *future,
                        creator: running,
                        internal: trace
                            .strings
                            .get(*coro as usize)
                            .is_some_and(|coro| internal_coroutine(coro).is_some()),
                    };
                    let future = slot(&mut c.futures, *future);
                    future.task = Some(*task);
                    future.label = *name;
                }
                EventKind::FutureCreated { future, label } => {
                    let f = slot(&mut c.futures, *future);
                    f.label = *label;
                    f.creator = running;
                }
                EventKind::FutureResolved { future, result } => {
                    slot(&mut c.futures, *future).end = Some((i, FutureEnd::Resolved, *result));
                }
                EventKind::FutureFailed { future, error } => {
                    slot(&mut c.futures, *future).end = Some((i, FutureEnd::Failed, *error));
                }
                EventKind::FutureCancelled { future } => {
                    slot(&mut c.futures, *future).end = Some((i, FutureEnd::Cancelled, 0));
                }
                EventKind::FutureLinked { future, child } => {
                    slot(&mut c.futures, *future).children.push((i, *child));
                }
                EventKind::HandleScheduled { handle, callback } => {
                    let h = slot(&mut c.handles, *handle);
                    h.callback = Some(*callback);
                    h.scheduled_by = running;
                }
                EventKind::TimerScheduled {
                    handle,
                    when,
                    callback,
                } => {
                    let h = slot(&mut c.handles, *handle);
                    h.callback = Some(*callback);
                    h.when = Some(when.get());
                    h.scheduled_by = running;
                    if let Callback::SleepDone { future } = callback {
                        slot(&mut c.futures, *future).sleep_until = Some(when.get());
                    }
                }
                EventKind::HandleCancelled { handle } | EventKind::TimerCancelled { handle } => {
                    slot(&mut c.handles, *handle).cancelled_at.get_or_insert(i);
                }
                EventKind::WaiterParked {
                    primitive,
                    future,
                    role,
                } => {
                    let f = slot(&mut c.futures, *future);
                    f.primitive = Some(*primitive);
                    f.role = *role;
                }
                EventKind::PrimitiveCreated {
                    primitive,
                    kind,
                    label,
                    value,
                } => {
                    let kind_text = trace.strings.get(*kind as usize).map_or("", String::as_str);
                    let owned_kind = if kind_text.ends_with("Queue") {
                        Some("Event")
                    } else if kind_text == "Condition" {
                        Some("Lock")
                    } else {
                        None
                    };
                    if let Some(owned_kind) = owned_kind {
                        c.mark_owned_primitive(trace, i, event.line, owned_kind);
                    }
                    *slot(&mut c.primitives, *primitive) = PrimitiveInfo {
                        kind: *kind,
                        label: *label,
                        lifo: trace.strings.get(*kind as usize).map(String::as_str)
                            == Some("LifoQueue"),
                        semaphore: matches!(
                            trace.strings.get(*kind as usize).map(String::as_str),
                            Some("Semaphore" | "BoundedSemaphore")
                        ),
                        value: value.get(),
                        internal: false,
                    };
                }
                EventKind::ClockAdvanced { .. } => {
                    c.clock_advances.push(i);
                    c.clock_times.push(event.time);
                }
                _ => {}
            }
        }
        c
    }

    /// Marks the primitive of kind `kind` created at `line` just before event `at` (asyncio
    /// made it inside the primitive created at `at`).
    fn mark_owned_primitive(&mut self, trace: &Trace, at: usize, line: u32, kind: &str) {
        let earlier = &trace.events[at.saturating_sub(OWNED_PRIMITIVE_DISTANCE)..at];
        let owned = earlier.iter().rev().find_map(|event| match &event.kind {
            EventKind::PrimitiveCreated {
                primitive,
                kind: owned,
                ..
            } if event.line == line
                && trace.strings.get(*owned as usize).map(String::as_str) == Some(kind) =>
            {
                Some(*primitive)
            }
            _ => None,
        });
        if let Some(owned) = owned {
            slot(&mut self.primitives, owned).internal = true;
        }
    }

    /// Whether the task is one asyncio runs for itself.
    pub fn internal_task(&self, task: u32) -> bool {
        self.task(task).is_some_and(|t| t.internal)
    }

    pub fn handle(&self, id: u32) -> Option<&HandleInfo> {
        self.handles.get(id as usize)
    }

    pub fn future(&self, id: u32) -> Option<&FutureInfo> {
        self.futures.get(id as usize)
    }

    pub fn task(&self, id: u32) -> Option<&TaskInfo> {
        self.tasks.get(id as usize)
    }

    pub fn primitive(&self, id: u32) -> Option<&PrimitiveInfo> {
        self.primitives.get(id as usize)
    }

    /// Whether the handle was cancelled at or before event `k`.
    pub fn cancelled_by(&self, handle: u32, k: usize) -> bool {
        self.handle(handle)
            .and_then(|h| h.cancelled_at)
            .is_some_and(|at| at <= k)
    }
}
