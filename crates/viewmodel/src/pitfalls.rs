//! Pitfalls found in a run, each at an event with a sentence for the narration and a
//! kind for the timeline's marker: a blocking call inside the loop, a coroutine never
//! awaited, a task exception never retrieved, a task created and dropped, a queue that
//! only grows, a deadlock (with its wait-for cycle when there is one), a program stopped
//! by importing a module Loopscope does not have (a third-party package such as aiohttp).
//!
//! Everything comes from the trace and the replayed state, except the dropped task:
//! whether the program kept the task `create_task` returned is a fact of its source, so
//! that one needs the lines [`crate::dropped_tasks`] finds in the program's syntax tree.

use loopscope_runtime::stdlib_names::is_stdlib_module;
use loopscope_runtime::trace::{EndReason, EventKind, Halt, Stream, Wait};

use crate::graph::{self, GraphOptions};
use crate::labels::{seconds, time, Names};
use crate::replay::Phase;
use crate::Timeline;

/// What went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PitfallKind {
    /// A blocking call (`time.sleep`) held the whole loop.
    BlockingCall,
    /// A coroutine was created and never awaited, so it never ran.
    NeverAwaited,
    /// A task raised and nothing ever retrieved the exception.
    ExceptionNeverRetrieved,
    /// `create_task(...)` whose task was not kept anywhere.
    TaskDropped,
    /// An unbounded queue that consumers do not keep up with.
    QueueOnlyGrows,
    /// Nothing could ever run again.
    Deadlock,
    /// The program stopped at an import of a module Loopscope does not have.
    MissingModule,
}

impl PitfallKind {
    /// A short name for markers and lists.
    pub fn title(self) -> &'static str {
        match self {
            PitfallKind::BlockingCall => "blocking call",
            PitfallKind::NeverAwaited => "never awaited",
            PitfallKind::ExceptionNeverRetrieved => "exception never retrieved",
            PitfallKind::TaskDropped => "task dropped",
            PitfallKind::QueueOnlyGrows => "queue only grows",
            PitfallKind::Deadlock => "deadlock",
            PitfallKind::MissingModule => "module not available",
        }
    }
}

/// One pitfall of the run.
#[derive(Clone, Debug, PartialEq)]
pub struct Pitfall {
    pub kind: PitfallKind,
    /// The event it is shown at (click → seek).
    pub event: usize,
    /// The source line to highlight (0 if none).
    pub line: u32,
    /// The tasks involved (the timeline may mark their lanes).
    pub tasks: Vec<u32>,
    /// What happened and why it matters, in one or two sentences.
    pub sentence: String,
}

/// Most tasks a sentence names before saying "and N others".
const NAMED_TASKS: usize = 4;
/// A queue "only grows" when at least this many items stay in it at the end.
const GROWN_QUEUE: u32 = 3;

/// Every pitfall of the run, in event order.
/// `dropped_lines`: the lines of statements that create a task and drop it.
pub(crate) fn find(timeline: &Timeline, dropped_lines: &[u32]) -> Vec<Pitfall> {
    let mut found = Vec::new();
    let mut dropped_seen: Vec<u32> = Vec::new();
    let mut queues: Vec<QueueTally> = Vec::new();
    for (k, event) in timeline.trace.events.iter().enumerate() {
        match &event.kind {
            EventKind::ClockAdvanced { to } if event.line != 0 => {
                if let Some(pitfall) = blocking(timeline, k, to.get()) {
                    found.push(pitfall);
                }
            }
            EventKind::Warning { text } => {
                let text = timeline
                    .trace
                    .strings
                    .get(*text as usize)
                    .map_or("", String::as_str);
                if let Some(pitfall) = warning(timeline, k, event.line, text) {
                    found.push(pitfall);
                }
            }
            EventKind::TaskCreated { task, .. }
                if dropped_lines.contains(&event.line) && !dropped_seen.contains(&event.line) =>
            {
                dropped_seen.push(event.line);
                found.push(dropped(timeline, k, *task, event.line));
            }
            EventKind::QueuePut { queue, size, .. } => {
                let tally = tally(&mut queues, *queue);
                tally.puts += 1;
                tally.size = *size;
                tally.last_put = k;
            }
            EventKind::QueueGet { queue, size, .. } => {
                let tally = tally(&mut queues, *queue);
                tally.gets += 1;
                tally.size = *size;
            }
            EventKind::ProgramEnded {
                reason:
                    EndReason::Halted {
                        halt: Halt::Deadlock,
                    },
                ..
            } => found.push(deadlock(timeline, k)),
            EventKind::ProgramEnded {
                reason: EndReason::Uncaught { error, line },
                ..
            } if timeline
                .trace
                .strings
                .get(*error as usize)
                .map(String::as_str)
                == Some("ModuleNotFoundError") =>
            {
                let report = timeline.trace.stream_text(Stream::Stderr);
                if let Some(pitfall) = missing_module(k, *line, &report) {
                    found.push(pitfall);
                }
            }
            _ => {}
        }
    }
    for queue in queues {
        if let Some(pitfall) = growing_queue(timeline, &queue) {
            found.push(pitfall);
        }
    }
    found.sort_by_key(|p| p.event);
    found
}

/// "Task-2", "Task-2 and Task-3", "Task-2, Task-3 and Task-4", "… and 5 others".
fn list(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        n if n <= NAMED_TASKS => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
        n => format!(
            "{} and {} others",
            names[..NAMED_TASKS - 1].join(", "),
            n - (NAMED_TASKS - 1)
        ),
    }
}

/// The call on a line, e.g. `time.sleep(2)` out of `    time.sleep(2)  # oops`.
fn call_text(line: &str, function: &str) -> Option<String> {
    let start = line.find(function)?;
    let mut depth = 0;
    for (offset, c) in line[start..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(line[start..start + offset + 1].to_string());
                }
            }
            _ => {}
        }
    }
    None
}

fn blocking(timeline: &Timeline, k: usize, to: f64) -> Option<Pitfall> {
    let state = timeline.replayed(k);
    state.running_handle?;
    let names = Names::new(&timeline.trace.strings, &timeline.catalog, &state);
    let event = &timeline.trace.events[k];
    let before = k
        .checked_sub(1)
        .map_or(0.0, |i| timeline.trace.events[i].time);
    let source = timeline.source_line(event.line).unwrap_or_default();
    let call = call_text(source, "time.sleep(").unwrap_or_else(|| "A blocking call".to_string());
    let mut waited: Vec<u32> = state
        .ready
        .iter()
        .filter_map(|&h| names.handle(h).1)
        .collect();
    for timer in state.timers.in_pop_order() {
        if timer.when <= to && !timeline.catalog.cancelled_by(timer.handle, k) {
            waited.extend(names.handle(timer.handle).1);
        }
    }
    waited.retain(|t| Some(*t) != state.running_task);
    waited.sort_unstable();
    waited.dedup();
    let who: Vec<String> = waited.iter().map(|&t| names.task(t)).collect();
    let consequence = match who.len() {
        0 => "no other task was waiting this time, but none could have run meanwhile".to_string(),
        1 => format!("{} was ready and waited", who[0]),
        _ => format!("{} were ready and waited", list(&who)),
    };
    let mut tasks: Vec<u32> = state.running_task.into_iter().collect();
    tasks.extend(waited);
    Some(Pitfall {
        kind: PitfallKind::BlockingCall,
        event: k,
        line: event.line,
        tasks,
        sentence: format!(
            "{call} at line {} blocked the loop for {} s; {consequence}. Use await asyncio.sleep() (or run blocking work in a thread) so other tasks can run.",
            event.line,
            whole_seconds(to - before)
        ),
    })
}

/// A duration as "2" or "0.5" (seconds).
fn whole_seconds(s: f64) -> String {
    let text = seconds(s);
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}

/// A pitfall behind a warning asyncio or Python printed.
fn warning(timeline: &Timeline, k: usize, line: u32, text: &str) -> Option<Pitfall> {
    if let Some(rest) = text.split("coroutine '").nth(1) {
        let name = rest.split('\'').next().unwrap_or_default();
        if text.contains("was never awaited") {
            let sentence = if line > 0 {
                format!("{name}() at line {line} was called without await: that only created a coroutine object, which never ran (Python warns: coroutine '{name}' was never awaited).")
            } else {
                format!("A {name}() coroutine was created but never awaited, so it never ran.")
            };
            return Some(Pitfall {
                kind: PitfallKind::NeverAwaited,
                event: k,
                line,
                tasks: Vec::new(),
                sentence,
            });
        }
    }
    if !text.contains("exception was never retrieved") {
        return None;
    }
    let state = timeline.replayed(k);
    let names = Names::new(&timeline.trace.strings, &timeline.catalog, &state);
    let named = text
        .split("name='")
        .nth(1)
        .and_then(|rest| rest.split('\'').next());
    let task =
        named.and_then(|name| (1..state.tasks.len() as u32).find(|&t| names.task(t) == name));
    let Some(task) = task else {
        return Some(Pitfall {
            kind: PitfallKind::ExceptionNeverRetrieved,
            event: k,
            line,
            tasks: Vec::new(),
            sentence: "A future's exception was never retrieved: nothing awaited it or asked for its result, so the error went unnoticed.".to_string(),
        });
    };
    let failed_at = timeline.trace.events[..k]
        .iter()
        .rposition(|e| matches!(e.kind, EventKind::TaskFailed { task: t, .. } if t == task))
        .unwrap_or(k);
    let error = match state.task(task).map(|t| t.phase) {
        Some(Phase::Failed(error)) => names.str(error).to_string(),
        _ => "an exception".to_string(),
    };
    Some(Pitfall {
        kind: PitfallKind::ExceptionNeverRetrieved,
        event: failed_at,
        line: timeline.trace.events[failed_at].line,
        tasks: vec![task],
        sentence: format!(
            "{} raised {error} and nothing ever retrieved it (no await, result() or exception()): asyncio could only log it when the task was destroyed, at t={}.",
            names.task(task),
            time(timeline.trace.events[k].time)
        ),
    })
}

fn dropped(timeline: &Timeline, k: usize, task: u32, line: u32) -> Pitfall {
    let state = timeline.replayed(k);
    let names = Names::new(&timeline.trace.strings, &timeline.catalog, &state);
    let more = timeline.trace.events[k + 1..]
        .iter()
        .filter(|e| e.line == line && matches!(e.kind, EventKind::TaskCreated { .. }))
        .count();
    let also = match more {
        0 => String::new(),
        1 => " (and one more task created there)".to_string(),
        n => format!(" (and {n} more tasks created there)"),
    };
    let name = names.task(task);
    Pitfall {
        kind: PitfallKind::TaskDropped,
        event: k,
        line,
        tasks: vec![task],
        sentence: format!(
            "{name} was created at line {line}{also} and the task create_task returned was thrown away: the loop keeps only a weak reference to tasks, so {name} can be garbage-collected before it finishes, and its result and errors are lost. Keep a reference (in a variable or a set) and await it."
        ),
    }
}

/// Puts and gets of one queue.
struct QueueTally {
    queue: u32,
    puts: u32,
    gets: u32,
    size: u32,
    last_put: usize,
}

fn tally(queues: &mut Vec<QueueTally>, queue: u32) -> &mut QueueTally {
    let index = match queues.iter().position(|q| q.queue == queue) {
        Some(index) => index,
        None => {
            queues.push(QueueTally {
                queue,
                puts: 0,
                gets: 0,
                size: 0,
                last_put: 0,
            });
            queues.len() - 1
        }
    };
    &mut queues[index]
}

fn growing_queue(timeline: &Timeline, tally: &QueueTally) -> Option<Pitfall> {
    let info = timeline.catalog.primitive(tally.queue)?;
    let unbounded = info.value <= 0;
    if !unbounded || tally.size < GROWN_QUEUE || tally.gets * 2 >= tally.puts {
        return None;
    }
    let label = timeline
        .trace
        .strings
        .get(info.label as usize)
        .map_or("The queue", String::as_str);
    Some(Pitfall {
        kind: PitfallKind::QueueOnlyGrows,
        event: tally.last_put,
        line: timeline.trace.events[tally.last_put].line,
        tasks: Vec::new(),
        sentence: format!(
            "{label} only grows: {} items put, {} taken, {} still in it at the end. It has no maxsize, so producers never wait for consumers; give it a maxsize, or add consumers.",
            tally.puts, tally.gets, tally.size
        ),
    })
}

/// A program stopped by `ModuleNotFoundError: No module named 'NAME'` (the last line of
/// its traceback, `report`): what NAME is, and what to do instead.
fn missing_module(k: usize, line: u32, report: &str) -> Option<Pitfall> {
    let name = report
        .lines()
        .rev()
        .find(|text| !text.trim().is_empty())?
        .strip_prefix("ModuleNotFoundError: No module named '")?
        .split('\'')
        .next()?;
    let top = name.split('.').next().unwrap_or_default();
    let sentence = if is_stdlib_module(name) {
        format!(
            "{top} is part of Python's standard library, but Loopscope does not provide it: it simulates the event loop and leaves out files, processes, the network beyond the program's own servers on 127.0.0.1 and a few other modules (docs/differences.md lists them)."
        )
    } else {
        format!(
            "{top} is not a module of Python's standard library (a third-party package, or a misspelt name). Loopscope runs the standard library only, with no network beyond the program's own servers on 127.0.0.1. To watch the loop at work, stand in for each call that would wait (a request, a query) with await asyncio.sleep(seconds) of about the time it would take."
        )
    };
    Some(Pitfall {
        kind: PitfallKind::MissingModule,
        event: k,
        line,
        tasks: Vec::new(),
        sentence,
    })
}

fn deadlock(timeline: &Timeline, k: usize) -> Pitfall {
    let state = timeline.replayed(k);
    let names = Names::new(&timeline.trace.strings, &timeline.catalog, &state);
    let options = GraphOptions {
        internals: true,
        max_tasks: usize::MAX,
    };
    let graph = graph::build(&names, k, &|_| false, options);
    let waiting: Vec<(u32, Wait)> = (1..state.tasks.len() as u32)
        .filter_map(|t| match state.task(t).map(|s| s.phase) {
            Some(Phase::Waiting(wait)) => Some((t, wait)),
            _ => None,
        })
        .collect();
    let wait_of = |task: u32| waiting.iter().find(|(t, _)| *t == task).map(|(_, w)| *w);
    let sentence = if graph.cycle.is_empty() {
        let stuck: Vec<String> = waiting
            .iter()
            .take(NAMED_TASKS)
            .map(|(t, wait)| format!("{} waits for {}", names.task(*t), names.wait(wait)))
            .collect();
        format!(
            "Deadlock: nothing is ready and no timer is pending, so nothing can ever wake the waiting tasks: {}.",
            stuck.join("; ")
        )
    } else {
        let links: Vec<String> = graph
            .cycle
            .iter()
            .enumerate()
            .map(|(i, &task)| {
                let next = graph.cycle[(i + 1) % graph.cycle.len()];
                let Some(wait) = wait_of(task) else {
                    return format!("{} waits", names.task(task));
                };
                let how =
                    match wait {
                        Wait::Future { future } => timeline.catalog.future(future).and_then(|f| {
                            match (f.task, f.primitive) {
                                (Some(_), _) => None,
                                (None, Some(_)) => Some("held by"),
                                (None, None) => Some("which waits for"),
                            }
                        }),
                        _ => None,
                    };
                let what = names.wait(&wait);
                match how {
                    Some(how) => format!(
                        "{} waits for {what}, {how} {}",
                        names.task(task),
                        names.task(next)
                    ),
                    None => format!("{} waits for {what}", names.task(task)),
                }
            })
            .collect();
        if graph.cycle.len() == 1 {
            let task = names.task(graph.cycle[0]);
            let what = wait_of(graph.cycle[0]).map_or(String::new(), |w| names.wait(&w));
            format!(
                "Deadlock: {task} waits for {what}, which it holds itself, so it can never go on."
            )
        } else {
            format!(
                "Deadlock: {}. They wait for each other in a circle, so none of them can ever go on.",
                links.join("; ")
            )
        }
    };
    let tasks = if graph.cycle.is_empty() {
        waiting.iter().map(|(t, _)| *t).collect()
    } else {
        graph.cycle.clone()
    };
    Pitfall {
        kind: PitfallKind::Deadlock,
        event: k,
        line: 0,
        tasks,
        sentence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_are_cut_out_of_their_line() {
        assert_eq!(
            call_text("    time.sleep(2)  # oops", "time.sleep(").as_deref(),
            Some("time.sleep(2)")
        );
        assert_eq!(
            call_text("x = time.sleep(f(1), 2)", "time.sleep(").as_deref(),
            Some("time.sleep(f(1), 2)")
        );
        assert_eq!(call_text("time.sleep(", "time.sleep("), None);
    }

    #[test]
    fn lists_of_names_read_as_english() {
        let names: Vec<String> = (1..=7).map(|i| format!("T{i}")).collect();
        assert_eq!(list(&names[..1]), "T1");
        assert_eq!(list(&names[..2]), "T1 and T2");
        assert_eq!(list(&names[..4]), "T1, T2, T3 and T4");
        assert_eq!(list(&names), "T1, T2, T3 and 4 others");
    }
}
