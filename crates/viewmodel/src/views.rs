//! What the panels show: plain data the UI renders as is.
//!
//! Every view is owned data (strings already resolved from the trace's
//! interned table), so the UI never needs the trace itself. Ids (`task`,
//! `handle`, `future`, `primitive`) are the trace's own, for colours, keys and
//! cross-highlighting between panels.

pub use loopscope_runtime::trace::{Halt, Stream};

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

/// The loop after one event as a seek sees it ([`crate::Timeline::outline_at`]): a
/// [`LoopView`] whose long lists (the ready queue, the timer heap, the tasks) are ids, in
/// the same order, each row built only when it is drawn ([`crate::Timeline::ready_row`],
/// [`crate::Timeline::timer_row`], [`crate::Timeline::task_row`]). A run can have thousands
/// of rows at one event, and a seek then costs what a screenful of them costs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoopOutline {
    /// The event this view is after (0 for an empty trace).
    pub event: usize,
    /// Virtual time in seconds.
    pub now: f64,
    /// Source line executing at this event, 0 if none (loop bookkeeping).
    pub line: u32,
    /// The handle the loop is running, if it is inside one.
    pub running: Option<RunningView>,
    /// The ready queue's handles, head (next to run) first.
    pub ready: Vec<u32>,
    /// The timer heap, earliest deadline first (as [`LoopView::timers`]).
    pub timers: Vec<TimerEntry>,
    /// The ids of the tasks created so far, in creation order.
    pub tasks: Vec<u32>,
    /// Every queue, lock, event, semaphore and condition created so far.
    pub primitives: Vec<PrimitiveView>,
    /// How many lines of [`crate::Timeline::console`] are complete at this event.
    pub console_len: usize,
}

/// One timer of [`LoopOutline::timers`]: its handle and deadline (virtual seconds).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimerEntry {
    pub handle: u32,
    pub when: f64,
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
    /// That task's await chain where this step resumed it (outermost first).
    pub stack: Vec<FrameView>,
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
    /// It steps or wakes one of asyncio's own tasks (beginners need not see it).
    pub internal: bool,
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
    /// It wakes one of asyncio's own tasks.
    pub internal: bool,
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
    /// Its await chain where it last resumed or stopped, outermost (its own coroutine)
    /// first; empty before its first step and for asyncio's own tasks.
    pub stack: Vec<FrameView>,
    /// One of asyncio's own tasks (`asyncio.run`'s clean-up), not the program's.
    pub internal: bool,
}

/// One frame of a task's await chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameView {
    /// The coroutine function, e.g. "fetch()".
    pub function: String,
    /// The line it is at (where it awaits the next frame, for all but the innermost).
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
    /// Made by asyncio inside another primitive (a Queue's Event), not by the program.
    pub internal: bool,
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
    /// A task asyncio runs for itself (`asyncio.run`'s shutdown steps), not one the
    /// program created: the timeline hides it unless internals are shown.
    pub internal: bool,
    /// In event order, non-overlapping. A task's segments are contiguous
    /// from its creation to the end of the trace (ending in its final state:
    /// Done, Failed or Cancelled once it finished); the loop's leave gaps where
    /// it does bookkeeping between handles.
    pub segments: Vec<Segment>,
    /// Futures this lane's owner resolved or awaited, where they finished
    /// (see [`Mark`]), in event order.
    pub marks: Vec<Mark>,
}

impl Lane {
    /// The state the lane ends in (for a task that finished: Done, Failed or Cancelled).
    pub fn final_state(&self) -> Option<SegmentState> {
        self.segments.last().map(|segment| segment.state)
    }
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
    /// What the words for it are made from ([`crate::Timeline::segment_detail`]).
    pub(crate) detail: Detail,
}

/// What a segment is about, kept as ids so that building a million-event
/// timeline formats no text; worded on demand.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Detail {
    None,
    /// A waiting task's wait.
    Wait(loopscope_runtime::trace::Wait),
    /// A finished task's result or error (interned text).
    Text(loopscope_runtime::trace::StrId),
    /// The handle the loop runs.
    Handle(u32),
    /// The loop waits for its next timer.
    Idle,
    /// A blocking `time.sleep` holds the loop.
    Blocked,
}

/// States a segment can be in. Tasks use the first six; the loop lane uses
/// `Running` (running handles), `Idle` (waiting for the next timer) and
/// `Blocked` (a blocking `time.sleep` holds the whole loop).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

impl SegmentState {
    /// Every state, in the order the legend lists them.
    pub const ALL: [SegmentState; 8] = [
        SegmentState::Running,
        SegmentState::Ready,
        SegmentState::Waiting,
        SegmentState::Done,
        SegmentState::Failed,
        SegmentState::Cancelled,
        SegmentState::Idle,
        SegmentState::Blocked,
    ];

    /// The word for it in the legend and in tooltips.
    pub fn word(self) -> &'static str {
        match self {
            SegmentState::Ready => "ready",
            SegmentState::Running => "running",
            SegmentState::Waiting => "waiting",
            SegmentState::Done => "done",
            SegmentState::Failed => "failed",
            SegmentState::Cancelled => "cancelled",
            SegmentState::Idle => "loop idle (waiting for a timer)",
            SegmentState::Blocked => "loop blocked (time.sleep)",
        }
    }

    /// Whether a task that reached it is finished.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            SegmentState::Done | SegmentState::Failed | SegmentState::Cancelled
        )
    }
}

/// How a future finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    Resolved,
    Failed,
    Cancelled,
}

/// A future that finished, drawn on the lane of its owner: the task it is,
/// or the task that created it (and awaits it: a sleep, a queue's waiter,
/// a gather), or the loop for a future no task made.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    /// The `future_resolved` / `future_failed` / `future_cancelled` event.
    pub event: usize,
    pub time: f64,
    pub future: u32,
    pub outcome: Outcome,
}

/// What made a task ready (the origin of a [`Wake`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CauseKind {
    /// A timer fired: a sleep ended, a `call_later` callback or a timeout ran.
    Timer,
    /// A task finished (returned, raised or was cancelled), resolving its own future.
    TaskEnded,
    /// A task called `set_result` / `set_exception` on a future.
    SetResult,
    /// A task cancelled what the woken task awaited.
    Cancel,
    /// An item was put in a queue (a getter wakes).
    QueuePut,
    /// An item was taken from a queue (a putter of a full queue wakes).
    QueueGet,
    /// A lock was released.
    LockReleased,
    /// An Event was set.
    EventSet,
    /// A semaphore was released.
    SemaphoreReleased,
    /// A Condition was notified (or another primitive woke its waiter).
    Notified,
    /// A callback the program scheduled with `call_soon`.
    Callback,
    /// The task was just created (its first step).
    Created,
    /// The task yielded (`await asyncio.sleep(0)`) and queued its next step itself.
    Yielded,
    /// Anything else the loop did by itself.
    Loop,
}

/// Where a wake-up came from: what happened, on which lane, at which event.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cause {
    pub kind: CauseKind,
    /// The lane the arrow starts on: the task that did it, or the loop (a timer).
    pub source: LaneOwner,
    /// The event the arrow starts at (the timer's `timer_fired`, the finishing
    /// task's `task_done`, the `queue_put`...).
    pub event: usize,
}

/// A task made ready, why, and when it ran: the timeline draws an arrow from
/// the cause to the ready moment on the task's lane, and a connector from
/// ready to run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Wake {
    pub task: u32,
    /// The ready-queue handle that steps or wakes it.
    pub handle: u32,
    pub cause: Cause,
    /// The future whose end woke it (none for a first step or a yield).
    pub future: Option<u32>,
    /// The event that put the handle in the ready queue.
    pub ready_event: usize,
    /// The `task_resumed` of the step that handle ran (none if it never ran).
    pub run_event: Option<usize>,
}

/// How the program ended (the trace's `program_ended`), its texts resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramEnd {
    /// The exit status, as `python3 PROGRAM` would give it (3: a limit or deadlock).
    pub status: i32,
    pub reason: EndReason,
}

/// Why the program ended.
#[derive(Clone, Debug, PartialEq)]
pub enum EndReason {
    /// It ran to its end.
    Finished,
    /// `SystemExit` ended it with `status` (`sys.exit`, `unittest.main`, argparse): no
    /// error, whatever the status.
    SystemExit,
    /// An uncaught exception: its type's name, and the program's line it was raised at
    /// (None if it came from no line of the program).
    Uncaught { error: String, line: Option<u32> },
    /// Python refused the program before running any of it, or Loopscope does not run it.
    NotStarted,
    /// A limit or a deadlock stopped it: which, why, and the program's line it stopped at
    /// (None when the loop stopped it between callbacks).
    Halted {
        halt: Halt,
        message: String,
        line: Option<u32>,
    },
}

impl ProgramEnd {
    /// The program's own fault: an uncaught exception, or a program that could not start.
    pub fn is_error(&self) -> bool {
        matches!(
            self.reason,
            EndReason::Uncaught { .. } | EndReason::NotStarted
        )
    }
}
