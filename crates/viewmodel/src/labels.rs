//! Readable names for what the panels list: handles ("Task-2 · resume
//! count() at line 5", "call tick()"), timers ("wakes Task-3 (sleep)"), what
//! a task waits on, and numbers as the UI prints them.

use loopscope_cpython::float_repr::float_fixed;
use loopscope_runtime::trace::{Callback, Item, StrId, Wait};

use crate::catalog::Catalog;
use crate::replay::State;
use crate::views::FrameView;

/// Resolves ids to words, against one replayed state.
pub(crate) struct Names<'a> {
    pub strings: &'a [String],
    pub catalog: &'a Catalog,
    pub state: &'a State,
}

impl<'a> Names<'a> {
    pub fn new(strings: &'a [String], catalog: &'a Catalog, state: &'a State) -> Names<'a> {
        Names {
            strings,
            catalog,
            state,
        }
    }

    pub fn str(&self, id: StrId) -> &'a str {
        self.strings.get(id as usize).map_or("", String::as_str)
    }

    /// A queue item's text (its repr).
    pub fn item(&self, item: Item) -> String {
        item.text(self.strings).into_owned()
    }

    /// The task's current name, e.g. "Task-2".
    pub fn task(&self, task: u32) -> String {
        match self.state.task(task) {
            Some(t) => self.str(t.name).to_string(),
            None => match self.catalog.task(task) {
                Some(info) => self.str(info.name).to_string(),
                None => format!("task {task}"),
            },
        }
    }

    /// The task's coroutine, e.g. "count()".
    pub fn coro(&self, task: u32) -> &'a str {
        self.catalog.task(task).map_or("", |t| self.str(t.coro))
    }

    /// "Task-2 · start count()" or "Task-2 · resume count() at line 8": the innermost
    /// coroutine of `stack` (the task's own when it has no deeper frame).
    fn step(&self, task: u32, line: u32, stack: StrId) -> String {
        if line == 0 {
            return format!("{} · start {}", self.task(task), self.coro(task));
        }
        let innermost = frames(self.str(stack)).pop();
        let function = innermost.map_or_else(|| self.coro(task).to_string(), |f| f.function);
        format!("{} · resume {function} at line {line}", self.task(task))
    }

    /// A task's await chain (outermost first) as it last resumed or stopped.
    pub fn chain(&self, task: u32) -> Vec<FrameView> {
        self.state
            .task(task)
            .map_or_else(Vec::new, |t| frames(self.str(t.stack)))
    }

    /// A future's name: its task's name, or its label ("sleep", "gather()").
    pub fn future(&self, future: u32) -> String {
        match self.catalog.future(future) {
            Some(f) => match f.task {
                Some(task) => self.task(task),
                None => self.str(f.label).to_string(),
            },
            None => format!("future {future}"),
        }
    }

    /// The task that awaits `future`: the one running when it was created
    /// (a sleep's future and a primitive's waiter future are made by the
    /// coroutine that then awaits them).
    pub fn awaiter_of(&self, future: u32) -> Option<u32> {
        self.catalog.future(future).and_then(|f| f.creator)
    }

    /// What a queued handle will do, and the task it is for.
    pub fn handle(&self, handle: u32) -> (String, Option<u32>) {
        (self.describe(handle, None), self.handle_task(handle))
    }

    /// The task a handle steps or wakes, or whose sleep it ends, or (asyncio's own timers,
    /// such as a timeout) that scheduled it.
    pub fn handle_task(&self, handle: u32) -> Option<u32> {
        let info = self.catalog.handle(handle)?;
        match info.callback? {
            Callback::TaskStep { task } | Callback::TaskWakeup { task, .. } => Some(task),
            Callback::SleepDone { future } => self.awaiter_of(future),
            Callback::Internal { .. } => info.scheduled_by,
            Callback::FutureCallback { .. } | Callback::Call { .. } => None,
        }
    }

    /// What the running handle does: a task step resumes from the line the
    /// task was at when the handle started, not the one it stopped at since.
    pub fn running(&self) -> Option<(u32, String)> {
        let handle = self.state.running_handle?;
        let from = (self.state.running_from_line, self.state.running_from_stack);
        Some((handle, self.describe(handle, Some(from))))
    }

    fn describe(&self, handle: u32, from: Option<(u32, StrId)>) -> String {
        let Some(info) = self.catalog.handle(handle) else {
            return format!("handle {handle}");
        };
        let Some(callback) = info.callback else {
            return format!("handle {handle}");
        };
        match callback {
            Callback::TaskStep { task } | Callback::TaskWakeup { task, .. } => {
                let (line, stack) = from
                    .unwrap_or_else(|| self.state.task(task).map_or((0, 0), |t| (t.line, t.stack)));
                self.step(task, line, stack)
            }
            Callback::FutureCallback { future, label } => format!(
                "Future callback: {} ({})",
                self.str(label),
                self.future(future)
            ),
            Callback::Call { label } => format!("call {}()", self.str(label)),
            Callback::SleepDone { future } => match self.awaiter_of(future) {
                Some(task) => format!("wakes {} (sleep)", self.task(task)),
                None => "ends a sleep".to_string(),
            },
            Callback::Internal { label } => {
                let what = match self.str(label) {
                    "_release_waiter" => "wait_for timeout",
                    "as_completed._on_timeout" => "as_completed timeout",
                    "Timeout._on_timeout" => "asyncio.timeout expires",
                    other => other,
                };
                match info.scheduled_by {
                    Some(task) => format!("{what} ({})", self.task(task)),
                    None => what.to_string(),
                }
            }
        }
    }

    /// What a suspended task waits on, e.g. "sleep until t=2.000",
    /// "Queue.get on Queue #2", "Task-3", "gather()".
    pub fn wait(&self, wait: &Wait) -> String {
        match wait {
            Wait::Future { future } => match self.catalog.future(*future) {
                Some(f) => {
                    if let Some(until) = f.sleep_until {
                        format!("sleep until t={}", time(until))
                    } else if let Some(p) = f.primitive {
                        let label = self.catalog.primitive(p).map_or("", |p| self.str(p.label));
                        format!("{} on {label}", self.str(f.role))
                    } else {
                        self.future(*future)
                    }
                }
                None => format!("future {future}"),
            },
            Wait::Task { task } => self.task(*task),
            Wait::Yield => "its turn (sleep(0))".to_string(),
        }
    }
}

/// The frames of a trace `stack` text (`qualname:line` lines, outermost first), each
/// named by its function's own name ("fetch()", not "outer.<locals>.fetch()").
pub(crate) fn frames(text: &str) -> Vec<FrameView> {
    text.lines()
        .filter_map(|frame| {
            let (qualname, line) = frame.rsplit_once(':')?;
            let name = qualname.rsplit('.').next().unwrap_or(qualname);
            Some(FrameView {
                function: format!("{name}()"),
                line: line.parse().ok()?,
            })
        })
        .collect()
}

/// "parse() ← handle() ← main()": the frames that await the innermost, innermost first.
pub(crate) fn awaited_by(frames: &[FrameView]) -> Option<String> {
    let (_, outer) = frames.split_last()?;
    (!outer.is_empty()).then(|| {
        outer
            .iter()
            .rev()
            .map(|frame| frame.function.as_str())
            .collect::<Vec<_>>()
            .join(" ← ")
    })
}

/// A point in virtual time as the panels print it: "1.500".
pub(crate) fn time(t: f64) -> String {
    float_fixed(t, 3)
}

/// A duration the way Python would write a round number: "1.0", "0.5",
/// "0.1" (rounded to microseconds, so 0.30000000000000004 reads "0.3").
pub(crate) fn seconds(s: f64) -> String {
    let text = float_fixed(s, 6);
    let text = text.trim_end_matches('0');
    if text.ends_with('.') {
        format!("{text}0")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stack_text_reads_as_frames() {
        let chain = frames("main:19\nhandle:14\nouter.<locals>.fetch:5");
        let names: Vec<_> = chain
            .iter()
            .map(|f| (f.function.as_str(), f.line))
            .collect();
        assert_eq!(names, [("main()", 19), ("handle()", 14), ("fetch()", 5)]);
        assert_eq!(awaited_by(&chain).as_deref(), Some("handle() ← main()"));
        assert_eq!(awaited_by(&chain[..1]), None);
        assert!(frames("").is_empty());
    }

    #[test]
    fn seconds_read_like_python_literals() {
        assert_eq!(seconds(1.0), "1.0");
        assert_eq!(seconds(0.5), "0.5");
        assert_eq!(seconds(0.1 + 0.2), "0.3");
        assert_eq!(seconds(12.25), "12.25");
        assert_eq!(time(1.0), "1.000");
    }
}
