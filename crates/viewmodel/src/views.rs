//! What the panels show: plain data the UI renders as is.
//!
//! Every view is owned data (strings already resolved from the trace's
//! interned table), so the UI never needs the trace itself. Ids (`task`,
//! `handle`, `future`, `primitive`) are the trace's own, for colours, keys and
//! cross-highlighting between panels.

pub use loopscope_runtime::trace::Stream;

/// Which voice [`crate::Timeline::narration`] speaks in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Narration {
    /// What happens, in the words of someone learning asyncio.
    Concepts,
    /// How CPython's loop does it: handles, callbacks, the timer heap.
    Internals,
}

/// The whole loop after one event.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoopView {
    /// The event this view is after (0 for an empty trace).
    pub event: usize,
    /// Virtual time in seconds.
    pub now: f64,
    /// Source line executing at this event, 0 if none (loop bookkeeping).
    pub line: u32,
    /// The handle the loop is running, if it is inside one.
    pub running: Option<RunningView>,
    /// The ready queue, head (next to run) first.
    pub ready: Vec<HandleView>,
    /// The timer heap, earliest deadline first (equal deadlines in the order
    /// the heap would pop them).
    pub timers: Vec<TimerView>,
    /// Every task created so far, in creation order (finished ones included).
    pub tasks: Vec<TaskView>,
    /// Every queue, lock, event, semaphore and condition created so far.
    pub primitives: Vec<PrimitiveView>,
    /// How many lines of [`crate::Timeline::console`] are complete at this event.
    pub console_len: usize,
}

/// What kind of callback a handle runs (for icons and colours).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HandleKind {
    /// Start a task, or resume it after `sleep(0)`.
    TaskStep,
    /// Resume a task whose awaited future finished.
    TaskWakeup,
    /// A future's done-callback (gather, TaskGroup, `add_done_callback`...).
    FutureCallback,
    /// A function the program scheduled (`call_soon`, `call_later`, `call_at`).
    Call,
    /// `asyncio.sleep`'s timer.
    SleepDone,
    /// The loop's or asyncio's own (timeouts...).
    Internal,
}

/// The handle being run, and the task whose step it is (if any).
#[derive(Clone, Debug, PartialEq)]
pub struct RunningView {
    pub handle: u32,
    pub kind: HandleKind,
    /// e.g. "Task-2 · resume count() at line 8", "call tick()".
    pub label: String,
    /// The task currently executing Python code inside this handle.
    pub task: Option<u32>,
}

/// One entry of the ready queue.
#[derive(Clone, Debug, PartialEq)]
pub struct HandleView {
    pub handle: u32,
    pub kind: HandleKind,
    /// e.g. "Task-2 · resume count() at line 5", "Future callback: gather._done_callback (Task-3)".
    pub label: String,
    /// The task this handle will step or wake, if any.
    pub task: Option<u32>,
    /// Cancelled handles stay in the queue and are skipped when popped.
    pub cancelled: bool,
}

/// One timer in the heap.
#[derive(Clone, Debug, PartialEq)]
pub struct TimerView {
    pub handle: u32,
    pub kind: HandleKind,
    /// Deadline, in virtual seconds.
    pub when: f64,
    /// `when - now`.
    pub in_seconds: f64,
    /// What it wakes, e.g. "wakes Task-3 (sleep)", "call deliver()".
    pub label: String,
    /// The task it will wake, if known.
    pub task: Option<u32>,
    /// Cancelled timers stay in the heap until purged.
    pub cancelled: bool,
}

/// One task.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskView {
    pub id: u32,
    /// Current name (after any `set_name`).
    pub name: String,
    /// The coroutine, e.g. "count()".
    pub coro: String,
    pub state: TaskState,
    /// Line of the `await` it is suspended at (0 before its first step).
    pub line: u32,
}

/// Where a task is in its life.
#[derive(Clone, Debug, PartialEq)]
pub enum TaskState {
    /// A handle that will step or wake it is in the ready queue (or it was
    /// just created).
    Ready,
    /// Its coroutine is executing.
    Running,
    /// Suspended at an `await`; `on` says on what, e.g. "sleep 1.0 s (until t=2.000)".
    Waiting {
        on: String,
    },
    /// Returned; `result` is the repr of the value.
    Done {
        result: String,
    },
    /// Raised; `error` is the repr of the exception.
    Failed {
        error: String,
    },
    Cancelled,
}

impl TaskState {
    /// Done, failed or cancelled.
    pub fn is_finished(&self) -> bool {
        matches!(
            self,
            TaskState::Done { .. } | TaskState::Failed { .. } | TaskState::Cancelled
        )
    }
}

/// One synchronisation primitive.
#[derive(Clone, Debug, PartialEq)]
pub struct PrimitiveView {
    pub id: u32,
    /// "Queue", "Lock", "Event", "Semaphore", "Condition" (or a subclass name).
    pub kind: String,
    /// e.g. "Queue #2".
    pub label: String,
    pub state: PrimitiveState,
    /// Tasks parked on it, in the order they parked.
    pub waiters: Vec<WaiterView>,
}

/// The kind-specific part of a primitive.
#[derive(Clone, Debug, PartialEq)]
pub enum PrimitiveState {
    /// Items (reprs), the next `get` first for a FIFO queue.
    Queue {
        items: Vec<String>,
    },
    /// The owning task's id and name, if held.
    Lock {
        owner: Option<(u32, String)>,
    },
    Event {
        set: bool,
    },
    /// The counter; `None` until the trace first reports it.
    Semaphore {
        value: Option<i64>,
    },
    /// Any other kind (Condition): only its waiters.
    Other,
}

/// A task waiting on a primitive.
#[derive(Clone, Debug, PartialEq)]
pub struct WaiterView {
    pub future: u32,
    /// What it waits to do, e.g. "Queue.get", "Queue.put", "Lock.acquire".
    pub role: String,
    pub task: Option<u32>,
    /// e.g. "Task-3 (Queue.get)".
    pub label: String,
}

/// One line the program wrote (without its newline).
#[derive(Clone, Debug, PartialEq)]
pub struct ConsoleLine {
    pub stream: Stream,
    pub text: String,
    /// Virtual time of the event that completed the line.
    pub time: f64,
    /// Index of the event that completed the line (click → seek).
    pub event: usize,
}

/// What a lane is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneOwner {
    /// The event loop itself.
    Loop,
    /// A task, by id.
    Task(u32),
}

/// One row of the timeline: what one task (or the loop) did over the run.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub owner: LaneOwner,
    /// "event loop" or the task's name at its creation, e.g. "Task-2 · count()".
    pub label: String,
    /// In event order, non-overlapping. A task's segments are contiguous
    /// from its creation to the end of the trace (ending with Done, Failed or
    /// Cancelled); the loop's leave gaps where it does bookkeeping between
    /// handles.
    pub segments: Vec<Segment>,
}

/// A stretch of a lane in one state.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub state: SegmentState,
    /// First event of the stretch.
    pub start_event: usize,
    /// Event that ended it (the last event of the trace for the final
    /// segment). A clock jump (`Idle`, `Blocked`) is the one
    /// `clock_advanced` event: `start_event == end_event`, and
    /// `start_time < end_time`.
    pub end_event: usize,
    pub start_time: f64,
    pub end_time: f64,
    /// e.g. what a waiting task waits on, or the handle the loop runs.
    pub detail: String,
}

/// States a segment can be in. Tasks use the first six; the loop lane uses
/// `Running` (running handles), `Idle` (waiting for the next timer) and
/// `Blocked` (a blocking `time.sleep` holds the whole loop).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentState {
    Ready,
    Running,
    Waiting,
    Done,
    Failed,
    Cancelled,
    Idle,
    Blocked,
}
