//! Turns a replayed state into what the panels draw: the [`LoopOutline`] a seek builds, the
//! rows of its long lists one at a time, and the whole [`LoopView`] (the outline with every row).

use loopscope_runtime::trace::{Callback, EventKind, Trace};

use crate::catalog::Catalog;
use crate::labels::Names;
use crate::replay::{Phase, State};
use crate::views::{
    HandleKind, HandleView, LoopOutline, LoopView, PrimitiveState, PrimitiveView, RunningView,
    TaskState, TaskView, TimerEntry, TimerView, WaiterView,
};

/// The outline after event `k`, given the state after it: the long lists as ids. Unless
/// `internals`, asyncio's own tasks and objects are left out, and so are the handles and
/// timers for those tasks (what a learner sees until they turn on Internals).
pub(crate) fn outline(
    trace: &Trace,
    catalog: &Catalog,
    state: &State,
    k: usize,
    console_len: usize,
    internals: bool,
) -> LoopOutline {
    let names = Names::new(&trace.strings, catalog, state);
    let Some(event) = trace.events.get(k) else {
        return LoopOutline::default();
    };
    let shown_task = |task: u32| internals || !catalog.internal_task(task);
    let shown_handle = |handle: u32| names.handle_task(handle).is_none_or(shown_task);
    LoopOutline {
        event: k,
        now: event.time,
        line: executing_line(trace, state, k),
        running: names.running().map(|(handle, label)| RunningView {
            handle,
            kind: handle_kind(catalog, handle),
            label,
            task: state.running_task,
            stack: crate::labels::frames(names.str(state.running_from_stack)),
        }),
        ready: state
            .ready
            .iter()
            .copied()
            .filter(|&handle| shown_handle(handle))
            .collect(),
        timers: state
            .timers
            .in_pop_order()
            .into_iter()
            .filter(|timer| shown_handle(timer.handle))
            .map(|timer| TimerEntry {
                handle: timer.handle,
                when: timer.when,
            })
            .collect(),
        tasks: (0..state.tasks.len() as u32)
            .filter(|&id| state.task(id).is_some() && shown_task(id))
            .collect(),
        primitives: primitives(&names, internals),
        console_len,
    }
}

/// The ready queue's row for `handle`, after event `k`.
pub(crate) fn handle_row(names: &Names, k: usize, handle: u32) -> HandleView {
    let catalog = names.catalog;
    let (label, task) = names.handle(handle);
    HandleView {
        handle,
        kind: handle_kind(catalog, handle),
        label,
        task,
        cancelled: catalog.cancelled_by(handle, k),
        internal: task.is_some_and(|task| catalog.internal_task(task)),
    }
}

/// The timer heap's row for `timer`, after event `k` (at virtual time `now`).
pub(crate) fn timer_row(names: &Names, k: usize, now: f64, timer: TimerEntry) -> TimerView {
    let row = handle_row(names, k, timer.handle);
    TimerView {
        handle: timer.handle,
        kind: row.kind,
        when: timer.when,
        in_seconds: timer.when - now,
        label: row.label,
        task: row.task,
        cancelled: row.cancelled,
        internal: row.internal,
    }
}

/// The tasks table's row for task `id` (none before it is created).
pub(crate) fn task_row(names: &Names, id: u32) -> Option<TaskView> {
    let t = names.state.task(id)?;
    Some(TaskView {
        id,
        name: names.str(t.name).to_string(),
        coro: names.coro(id).to_string(),
        state: task_state(names, &t.phase),
        line: t.line,
        stack: names.chain(id),
        internal: names.catalog.internal_task(id),
    })
}

/// The whole view after event `k`, given the state after it: the outline with every row.
pub(crate) fn loop_view(
    trace: &Trace,
    catalog: &Catalog,
    state: &State,
    k: usize,
    console_len: usize,
) -> LoopView {
    let outline = outline(trace, catalog, state, k, console_len, true);
    let names = Names::new(&trace.strings, catalog, state);
    LoopView {
        event: outline.event,
        now: outline.now,
        line: outline.line,
        running: outline.running,
        ready: outline
            .ready
            .iter()
            .map(|&handle| handle_row(&names, k, handle))
            .collect(),
        timers: outline
            .timers
            .iter()
            .map(|&timer| timer_row(&names, k, outline.now, timer))
            .collect(),
        tasks: outline
            .tasks
            .iter()
            .filter_map(|&id| task_row(&names, id))
            .collect(),
        primitives: outline.primitives,
        console_len,
    }
}

fn handle_kind(catalog: &Catalog, handle: u32) -> HandleKind {
    match catalog.handle(handle).and_then(|h| h.callback) {
        Some(Callback::TaskStep { .. }) => HandleKind::TaskStep,
        Some(Callback::TaskWakeup { .. }) => HandleKind::TaskWakeup,
        Some(Callback::FutureCallback { .. }) => HandleKind::FutureCallback,
        Some(Callback::Call { .. }) => HandleKind::Call,
        Some(Callback::SleepDone { .. }) => HandleKind::SleepDone,
        Some(Callback::Internal { .. }) | None => HandleKind::Internal,
    }
}

fn task_state(names: &Names, phase: &Phase) -> TaskState {
    match phase {
        Phase::Ready => TaskState::Ready,
        Phase::Running => TaskState::Running,
        Phase::Waiting(wait) => TaskState::Waiting {
            on: names.wait(wait),
        },
        Phase::Done(result) => TaskState::Done {
            result: names.str(*result).to_string(),
        },
        Phase::Failed(error) => TaskState::Failed {
            error: names.str(*error).to_string(),
        },
        Phase::Cancelled => TaskState::Cancelled,
    }
}

/// The primitives created so far (asyncio's own ones only with `internals`).
fn primitives(names: &Names, internals: bool) -> Vec<PrimitiveView> {
    let catalog = names.catalog;
    names
        .state
        .primitives
        .iter()
        .enumerate()
        .filter_map(|(id, p)| {
            let info = catalog.primitive(id as u32)?;
            let kind = names.str(info.kind);
            if kind.is_empty() || (info.internal && !internals) {
                return None;
            }
            let state = if kind.ends_with("Queue") {
                PrimitiveState::Queue {
                    items: p.items.iter().map(|i| names.item(*i)).collect(),
                }
            } else {
                match kind {
                    "Lock" => PrimitiveState::Lock {
                        owner: p.owner.map(|task| (task, names.task(task))),
                    },
                    "Event" => PrimitiveState::Event { set: p.set },
                    "Semaphore" | "BoundedSemaphore" => {
                        PrimitiveState::Semaphore { value: p.value }
                    }
                    _ => PrimitiveState::Other,
                }
            };
            let waiters = p
                .waiters
                .iter()
                .map(|&future| {
                    let role = catalog
                        .future(future)
                        .map_or("", |f| names.str(f.role))
                        .to_string();
                    let task = names.awaiter_of(future);
                    let who = task.map_or_else(|| format!("future {future}"), |t| names.task(t));
                    WaiterView {
                        future,
                        label: format!("{who} ({role})"),
                        role,
                        task,
                    }
                })
                .collect();
            Some(PrimitiveView {
                id: id as u32,
                kind: kind.to_string(),
                label: names.str(info.label).to_string(),
                state,
                waiters,
                internal: info.internal,
            })
        })
        .collect()
}

/// The line to highlight: the event's own line, except that a task resuming
/// continues from the `await` it suspended at.
fn executing_line(trace: &Trace, state: &State, k: usize) -> u32 {
    let event = &trace.events[k];
    match event.kind {
        EventKind::TaskResumed { task, .. } => {
            let line = state.task(task).map_or(0, |t| t.line);
            if line == 0 {
                event.line
            } else {
                line
            }
        }
        _ => event.line,
    }
}
