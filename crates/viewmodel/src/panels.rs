//! Turns a replayed state into the [`LoopView`] the panels draw.

use loopscope_runtime::trace::{Callback, EventKind, Trace};

use crate::catalog::Catalog;
use crate::labels::Names;
use crate::replay::{Phase, State};
use crate::views::{
    HandleKind, HandleView, LoopView, PrimitiveState, PrimitiveView, RunningView, TaskState,
    TaskView, TimerView, WaiterView,
};

/// The view after event `k`, given the state after it.
pub(crate) fn loop_view(
    trace: &Trace,
    catalog: &Catalog,
    state: &State,
    k: usize,
    console_len: usize,
) -> LoopView {
    let names = Names::new(&trace.strings, catalog, state);
    let Some(event) = trace.events.get(k) else {
        return LoopView::default();
    };
    let now = event.time;
    LoopView {
        event: k,
        now,
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
            .map(|&handle| {
                let (label, task) = names.handle(handle);
                HandleView {
                    handle,
                    kind: handle_kind(catalog, handle),
                    label,
                    task,
                    cancelled: catalog.cancelled_by(handle, k),
                    internal: task.is_some_and(|task| catalog.internal_task(task)),
                }
            })
            .collect(),
        timers: state
            .timers
            .in_pop_order()
            .into_iter()
            .map(|timer| {
                let (label, task) = names.handle(timer.handle);
                TimerView {
                    handle: timer.handle,
                    kind: handle_kind(catalog, timer.handle),
                    when: timer.when,
                    in_seconds: timer.when - now,
                    label,
                    task,
                    cancelled: catalog.cancelled_by(timer.handle, k),
                    internal: task.is_some_and(|task| catalog.internal_task(task)),
                }
            })
            .collect(),
        tasks: state
            .tasks
            .iter()
            .enumerate()
            .filter_map(|(id, t)| {
                let t = t.as_ref()?;
                let id = id as u32;
                Some(TaskView {
                    id,
                    name: names.str(t.name).to_string(),
                    coro: names.coro(id).to_string(),
                    state: task_state(&names, &t.phase),
                    line: t.line,
                    stack: names.chain(id),
                    internal: catalog.internal_task(id),
                })
            })
            .collect(),
        primitives: primitives(&names),
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

fn primitives(names: &Names) -> Vec<PrimitiveView> {
    let catalog = names.catalog;
    names
        .state
        .primitives
        .iter()
        .enumerate()
        .filter_map(|(id, p)| {
            let info = catalog.primitive(id as u32)?;
            let kind = names.str(info.kind);
            if kind.is_empty() {
                return None;
            }
            let state = if kind.ends_with("Queue") {
                PrimitiveState::Queue {
                    items: p.items.iter().map(|i| names.str(*i).to_string()).collect(),
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
