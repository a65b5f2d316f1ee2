//! One plain sentence per event, in two voices: `Concepts` (what happens,
//! for someone learning asyncio) and `Internals` (how CPython's loop does it:
//! handles, callbacks, the timer heap).

use loopscope_runtime::trace::{Callback, EndReason, Event, EventKind, Stream, Wait};

use crate::catalog::internal_coroutine;
use crate::labels::{awaited_by, frames, seconds, time, Names};
use crate::views::Narration;

/// The sentence for `event`, given the state after it.
pub(crate) fn sentence(names: &Names, event: &Event, mode: Narration) -> String {
    let concepts = mode == Narration::Concepts;
    if concepts {
        if let Some(sentence) = asyncio_bookkeeping(names, event) {
            return sentence;
        }
    }
    let now = event.time;
    let s = |id| names.str(id);
    let running = || match (names.state.running_task, names.running()) {
        (Some(task), _) => names.task(task),
        (None, Some((_, label))) => format!("The callback “{label}”"),
        (None, None) => "The program".to_string(),
    };
    match &event.kind {
        EventKind::TaskCreated { task, .. } => {
            let (name, coro) = (names.task(*task), names.coro(*task));
            if concepts {
                format!("{name} is created to run {coro}; it starts when the loop gets to it.")
            } else {
                format!("Task({coro}) is {name}: its constructor schedules the first Task.__step with call_soon.")
            }
        }
        EventKind::TaskResumed { task, stack } => {
            let (name, coro) = (names.task(*task), names.coro(*task));
            let line = names.state.task(*task).map_or(0, |t| t.line);
            let chain = frames(s(*stack));
            let awaited = awaited_by(&chain);
            match (concepts, line) {
                (true, 0) => format!("{name} starts running {coro}."),
                (true, _) => match (chain.last(), awaited) {
                    (Some(innermost), Some(awaited)) => format!(
                        "{name} resumes {} at line {line}, awaited by {awaited}.",
                        innermost.function
                    ),
                    _ => format!("{name} resumes {coro} after the await at line {line}."),
                },
                (false, 0) => {
                    format!("Task.__step runs {coro} for the first time with coro.send(None).")
                }
                (false, _) => format!(
                    "Task.__step resumes {coro} with coro.send(): it continues from line {line}."
                ),
            }
        }
        EventKind::TaskSuspended { task, wait, .. } => suspended(names, *task, wait, now, concepts),
        EventKind::TaskDone { task, result } => {
            let name = names.task(*task);
            if concepts {
                format!(
                    "{name} finishes: {} returned {}.",
                    names.coro(*task),
                    s(*result)
                )
            } else {
                format!(
                    "StopIteration reaches Task.__step, which calls set_result({}) on {name}.",
                    s(*result)
                )
            }
        }
        EventKind::TaskFailed { task, error } => {
            let name = names.task(*task);
            if concepts {
                format!("{name} fails: {} raised {}.", names.coro(*task), s(*error))
            } else {
                format!(
                    "Task.__step catches {} and calls set_exception on {name}.",
                    s(*error)
                )
            }
        }
        EventKind::TaskCancelled { task } => {
            let name = names.task(*task);
            if concepts {
                format!("{name} is cancelled: CancelledError ended its coroutine.")
            } else {
                format!("CancelledError escapes the coroutine, so Task.__step cancels {name}'s future (super().cancel()).")
            }
        }
        EventKind::TaskRenamed { task, name } => {
            format!(
                "The task is renamed {} (set_name); it was task {task}.",
                s(*name)
            )
        }
        EventKind::HandleScheduled { handle, callback } => {
            let label = names.handle(*handle).0;
            let position = names.state.ready.len();
            if concepts {
                format!("“{label}” joins the ready queue (position {position}).")
            } else {
                format!(
                    "call_soon appends Handle {handle} ({}) to _ready, now {position} long.",
                    internal_callback(names, callback)
                )
            }
        }
        EventKind::HandleRun { handle } => {
            let label = names.handle(*handle).0;
            if concepts {
                format!("The loop takes the next item off the ready queue: “{label}”.")
            } else {
                format!(
                    "_run_once pops Handle {handle} from the head of _ready and calls its _run()."
                )
            }
        }
        EventKind::HandleSkipped { handle } => {
            if concepts {
                format!(
                    "The loop skips “{}”: it was cancelled.",
                    names.handle(*handle).0
                )
            } else {
                format!("_run_once pops Handle {handle} but skips it: handle._cancelled is set.")
            }
        }
        EventKind::HandleCancelled { handle } => {
            if concepts {
                format!(
                    "“{}” is cancelled; it stays in the ready queue and will be skipped.",
                    names.handle(*handle).0
                )
            } else {
                format!("Handle {handle}.cancel() marks it cancelled and drops its callback; it stays in _ready.")
            }
        }
        EventKind::TimerScheduled { handle, when, .. } => {
            let when = &when.get();
            let label = names.handle(*handle).0;
            if concepts {
                format!(
                    "A timer is set for t={} (in {} s): it {}.",
                    time(*when),
                    seconds(*when - now),
                    verb(&label)
                )
            } else {
                format!(
                    "call_at pushes TimerHandle {handle} (when={}) onto the heap _scheduled, now {} long.",
                    time(*when),
                    names.state.timers.len()
                )
            }
        }
        EventKind::TimerCancelled { handle } => {
            if concepts {
                format!(
                    "The timer that {} is cancelled; it stays in the heap until it is purged.",
                    verb(&names.handle(*handle).0)
                )
            } else {
                format!("TimerHandle {handle}.cancel() marks it and counts it in _timer_cancelled_count; it stays in _scheduled.")
            }
        }
        EventKind::TimersPurged { count } => {
            let timers = if *count == 1 {
                "timer is"
            } else {
                "timers are"
            };
            if concepts {
                format!("{count} cancelled {timers} removed from the timer heap.")
            } else {
                format!("_run_once purges {count} cancelled {timers} from _scheduled (heappop from the top, or a rebuild when most are cancelled).")
            }
        }
        EventKind::TimerFired { handle } => {
            let label = names.handle(*handle).0;
            let when = names
                .catalog
                .handle(*handle)
                .and_then(|h| h.when)
                .unwrap_or(now);
            if concepts {
                format!(
                    "The timer for t={} is due: “{label}” moves to the ready queue.",
                    time(when)
                )
            } else {
                format!("TimerHandle {handle} (when={}) is due: heappop moves it from _scheduled to the tail of _ready.", time(when))
            }
        }
        EventKind::ClockAdvanced { to } if event.line == 0 => {
            let to = &to.get();
            if concepts {
                format!("The clock jumps to {} s: nothing is ready, so the loop waits for the next timer.", time(*to))
            } else {
                format!("_ready is empty, so select() waits until the earliest timer in _scheduled: virtual time becomes {}.", time(*to))
            }
        }
        EventKind::ClockAdvanced { to } => {
            let to = &to.get();
            if concepts {
                format!("time.sleep blocks everything: the clock moves to {} s and no other task can run meanwhile.", time(*to))
            } else {
                format!("A blocking time.sleep holds the thread inside the current handle; _run_once cannot run until it returns at {}.", time(*to))
            }
        }
        EventKind::FutureCreated { future, label } => {
            if concepts {
                match names.catalog.future(*future).and_then(|f| f.sleep_until) {
                    Some(until) => format!(
                        "asyncio.sleep({}) creates a future, and a timer will resolve it at t={}.",
                        seconds(until - now),
                        time(until)
                    ),
                    None => format!("A future is created for {}.", s(*label)),
                }
            } else {
                format!(
                    "loop.create_future() makes future {future} ({}).",
                    s(*label)
                )
            }
        }
        EventKind::FutureLinked { future, child } => {
            let (outer, child_name) = (names.future(*future), names.future(*child));
            if concepts {
                format!("{outer} now depends on {child_name}: it finishes according to how {child_name} ends.")
            } else {
                format!("{outer} adds a done-callback to {child_name} (future {child}), linking it to future {future}.")
            }
        }
        EventKind::FutureResolved { future, result } => {
            let name = names.future(*future);
            if concepts {
                resolved(names, *future, s(*result))
            } else {
                format!("set_result({}) on future {future} ({name}): its done-callbacks go to call_soon.", s(*result))
            }
        }
        EventKind::FutureFailed { future, error } => {
            let name = names.future(*future);
            if concepts {
                format!(
                    "{name} fails with {}; whoever awaits it will get the exception.",
                    s(*error)
                )
            } else {
                format!("set_exception({}) on future {future} ({name}): its done-callbacks go to call_soon.", s(*error))
            }
        }
        EventKind::FutureCancelled { future } => {
            let name = names.future(*future);
            if concepts {
                format!("{name} is cancelled; whoever awaits it gets CancelledError.")
            } else {
                format!("cancel() on future {future} ({name}): its done-callbacks go to call_soon.")
            }
        }
        EventKind::PrimitiveCreated { kind, label, .. } => {
            let kind = s(*kind);
            format!(
                "{} creates {} {kind} ({}).",
                running(),
                article(kind),
                s(*label)
            )
        }
        EventKind::QueuePut { queue, item, size } => {
            format!(
                "{} puts {} into {} (size {size}).",
                running(),
                names.item(*item),
                primitive(names, *queue)
            )
        }
        EventKind::QueueGet { queue, item, size } => {
            format!(
                "{} takes {} from {} (size {size}).",
                running(),
                names.item(*item),
                primitive(names, *queue)
            )
        }
        EventKind::WaiterParked {
            primitive: p,
            future,
            role,
        } => {
            if concepts {
                format!(
                    "{} has to wait: it parks on {} ({}).",
                    running(),
                    primitive(names, *p),
                    s(*role)
                )
            } else {
                format!(
                    "{} appends future {future} to the waiters of {} and will await it.",
                    s(*role),
                    primitive(names, *p),
                )
            }
        }
        EventKind::WaiterWoken {
            primitive: p,
            future,
        } => {
            let who = names
                .awaiter_of(*future)
                .map_or_else(|| format!("future {future}"), |t| names.task(t));
            if concepts {
                format!(
                    "{} wakes {who}, which was waiting on it.",
                    primitive(names, *p)
                )
            } else {
                format!(
                    "{} resolves waiter future {future} ({who}) with set_result.",
                    primitive(names, *p)
                )
            }
        }
        EventKind::LockAcquired { primitive: p, task } => {
            format!("{} acquires {}.", names.task(*task), primitive(names, *p))
        }
        EventKind::LockReleased { primitive: p } => {
            format!("{} is released.", primitive(names, *p))
        }
        EventKind::EventSet { primitive: p } => {
            format!(
                "{} is set: everyone waiting on it can go on.",
                primitive(names, *p)
            )
        }
        EventKind::EventCleared { primitive: p } => format!("{} is cleared.", primitive(names, *p)),
        EventKind::SemaphoreChanged {
            primitive: p,
            value,
        } => {
            format!("{}'s counter is now {}.", primitive(names, *p), value.get())
        }
        EventKind::Output { stream, text } => {
            let text = s(*text).trim_end_matches('\n');
            match stream {
                Stream::Stdout => format!("{} prints “{text}”.", running()),
                Stream::Stderr => format!("“{text}” is written to stderr."),
            }
        }
        EventKind::Warning { text } => format!("Warning: {}", s(*text)),
        EventKind::LoopStarted => {
            if concepts {
                "The event loop starts running.".to_string()
            } else {
                "run_forever() starts calling _run_once in a loop.".to_string()
            }
        }
        EventKind::LoopClosed => {
            if concepts {
                "The event loop is closed: whatever it still had scheduled is dropped.".to_string()
            } else {
                "loop.close() clears _ready and _scheduled.".to_string()
            }
        }
        EventKind::LoopStopped => {
            if concepts {
                "The event loop stops.".to_string()
            } else {
                "_stopping is set, so run_forever() returns after this _run_once.".to_string()
            }
        }
        EventKind::ProgramEnded {
            status,
            reason,
            message,
        } => match reason {
            EndReason::Finished => "The program ends normally (exit status 0).".to_string(),
            EndReason::SystemExit => {
                format!("SystemExit ends the program with exit status {status}.")
            }
            EndReason::Uncaught { error, line: 0 } => format!(
                "The program stops with exit status {status}: an uncaught {}.",
                s(*error)
            ),
            EndReason::Uncaught { error, line } => format!(
                "The program stops with exit status {status}: an uncaught {} raised at line {line}.",
                s(*error)
            ),
            EndReason::NotStarted => {
                format!("The program could not start (exit status {status}).")
            }
            EndReason::Halted { .. } => format!(
                "The program stops with exit status {status}: {}.",
                s(*message)
            ),
        },
    }
}

/// A future's result, in words that say who it wakes.
fn resolved(names: &Names, future: u32, result: &str) -> String {
    let Some(info) = names.catalog.future(future) else {
        return format!("Future {future} completes with {result}.");
    };
    let awaiter = names.awaiter_of(future).map(|t| names.task(t));
    match (info.task, info.sleep_until, info.primitive, awaiter) {
        (Some(task), ..) => format!(
            "{} is done with {result}: whoever awaits it will be woken.",
            names.task(task)
        ),
        (None, Some(_), _, Some(who)) => {
            format!("The sleep of {who} is over: {who} will be woken.")
        }
        (None, None, Some(_), Some(who)) => format!(
            "{who}'s {} succeeds with {result}: {who} will be woken.",
            names.str(info.role)
        ),
        _ => format!(
            "{} completes with {result}; whoever awaits it will be woken.",
            names.future(future)
        ),
    }
}

/// "wakes Task-3 (sleep)" reads as a verb phrase; anything else "runs …".
fn verb(label: &str) -> String {
    if label.starts_with("wakes ") {
        label.to_string()
    } else {
        format!("runs “{label}”")
    }
}

fn primitive(names: &Names, id: u32) -> String {
    names.catalog.primitive(id).map_or_else(
        || format!("primitive {id}"),
        |p| names.str(p.label).to_string(),
    )
}

/// A callback as CPython names it.
fn internal_callback(names: &Names, callback: &Callback) -> String {
    match callback {
        Callback::TaskStep { task } => format!("Task.__step of {}", names.task(*task)),
        Callback::TaskWakeup { task, .. } => format!("Task.__wakeup of {}", names.task(*task)),
        Callback::FutureCallback { future, label } => {
            format!("{} for {}", names.str(*label), names.future(*future))
        }
        Callback::Call { label } => names.str(*label).to_string(),
        Callback::SleepDone { .. } => "futures._set_result_unless_cancelled".to_string(),
        Callback::Internal { label } => names.str(*label).to_string(),
    }
}

/// In the learner's voice, an event about asyncio's own tasks or objects says just that
/// (the Internals voice tells it in full).
fn asyncio_bookkeeping(names: &Names, event: &Event) -> Option<String> {
    let catalog = names.catalog;
    let stepped_task = |handle: &u32| match catalog.handle(*handle)?.callback? {
        Callback::TaskStep { task } | Callback::TaskWakeup { task, .. } => Some(task),
        _ => None,
    };
    let task = match &event.kind {
        EventKind::TaskCreated { task, .. }
        | EventKind::TaskResumed { task, .. }
        | EventKind::TaskSuspended { task, .. }
        | EventKind::TaskDone { task, .. }
        | EventKind::TaskFailed { task, .. }
        | EventKind::TaskCancelled { task } => Some(*task),
        EventKind::HandleScheduled { handle, .. }
        | EventKind::HandleRun { handle }
        | EventKind::HandleSkipped { handle }
        | EventKind::TimerScheduled { handle, .. }
        | EventKind::TimerFired { handle } => stepped_task(handle),
        _ => None,
    };
    if let Some(info) = task
        .filter(|task| catalog.internal_task(*task))
        .and_then(|task| catalog.task(task))
    {
        return internal_coroutine(names.str(info.coro)).map(str::to_string);
    }
    let primitive = match &event.kind {
        EventKind::PrimitiveCreated { primitive, .. }
        | EventKind::EventSet { primitive }
        | EventKind::EventCleared { primitive }
        | EventKind::LockAcquired { primitive, .. }
        | EventKind::LockReleased { primitive } => Some(*primitive),
        _ => None,
    }?;
    let info = catalog.primitive(primitive).filter(|info| info.internal)?;
    let kind = names.str(info.kind);
    Some(format!(
        "asyncio uses {} {kind} of its own inside a queue or condition; the program did not make it (switch on Internals to see it).",
        article(kind)
    ))
}

/// "a" or "an" before a class name ("an Event", "a Lock").
fn article(word: &str) -> &'static str {
    if word.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    }
}

fn suspended(names: &Names, task: u32, wait: &Wait, now: f64, concepts: bool) -> String {
    let name = names.task(task);
    match wait {
        Wait::Yield => {
            if concepts {
                format!("{name} yields with asyncio.sleep(0): it goes to the back of the ready queue so others can run.")
            } else {
                format!("A bare yield: Task.__step reschedules itself with call_soon, so {name} is already in _ready.")
            }
        }
        Wait::Task { task: other } => {
            let other = names.task(*other);
            if concepts {
                format!("{name} awaits {other}: it is suspended until {other} finishes.")
            } else {
                format!("{name} yields the task {other}; Task.__step adds {name}'s __wakeup to {other}'s done-callbacks.")
            }
        }
        Wait::Future { future } => {
            let info = names.catalog.future(*future);
            let on = names.wait(wait);
            match info.and_then(|f| f.sleep_until) {
                Some(until) if concepts => format!(
                    "{name} awaits asyncio.sleep({}): it is suspended until t={}.",
                    seconds(until - now),
                    time(until)
                ),
                _ if concepts => format!("{name} awaits {on}: it is suspended until that completes."),
                _ => format!(
                    "The coroutine yields future {future} ({on}); Task.__step adds {name}'s __wakeup as its done-callback and returns to the loop."
                ),
            }
        }
    }
}
