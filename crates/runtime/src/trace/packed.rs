//! The trace as the engine records it: one record per loop operation rather than one per
//! elementary event. A sleep that ends and wakes its task, or a task that parks on a queue
//! and hands the loop to the next ready task, is one record; docs/trace.md ("Records")
//! lists which elementary events each record stands for. Records carry no time: it is the
//! `to` of the last `clock_advanced` before them (virtual time moves nowhere else).
//!
//! [`Expander`] turns records back into exactly the elementary events the engine
//! reported ([`Trace`], what the view-model folds and the JSON file holds). What a record
//! leaves out is read from the run so far, kept in a [`Model`] that the recorder's fuser
//! (`fuse.rs`) and the expander update alike, event by event: the ready queue's order
//! (the handle a `resumed` runs is its head), the task running, and where each task last
//! stopped (it resumes there).

use std::collections::VecDeque;
use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::{Callback, Event, EventKind, Item, Seconds, StrId, Trace, Wait};

/// The version of the packed form (binary files; the JSON file holds the elementary
/// events and keeps [`super::TRACE_VERSION`]).
pub const PACKED_VERSION: u32 = 4;

/// `strings[1]`: the repr of `None`, every recorder's first string after "".
pub const NONE: StrId = 1;
/// `strings[2]`: the label of `asyncio.sleep`'s future.
pub const SLEEP: StrId = 2;
/// The strings every recorded trace starts with, at their ids.
pub const KNOWN_STRINGS: [&str; 3] = ["", "None", "sleep"];

/// A run's trace as recorded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PackedTrace {
    pub filename: String,
    pub seed: u64,
    /// Interned texts, starting with [`KNOWN_STRINGS`].
    pub strings: Vec<String>,
    pub records: Vec<Record>,
}

/// One loop operation: `line` is the source line of the elementary events it stands for
/// (see [`RecordKind`] for those that the loop does at line 0).
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub line: u32,
    pub kind: RecordKind,
}

/// What a record stands for, in elementary events (docs/trace.md, "Records"). `resumed`:
/// the loop then ran the ready queue's head, a step or wake-up of a task, which resumed
/// where it last stopped (the parts of a [`RecordKind::Resumed`]). "The running task" is
/// the one the last `task_resumed` resumed.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordKind {
    /// One elementary event.
    Event(EventKind),
    /// No event: the clock reads `at` from here (only if it moved without a
    /// `clock_advanced`, which the engine never does).
    Time { at: Seconds },
    /// `handle_run` of the ready queue's head, then `task_resumed` of its task with the
    /// stack and line of its last `task_suspended`.
    Resumed,
    /// `future_created` (label [`SLEEP`]), `timer_scheduled` (`sleep_done` of it),
    /// `task_suspended` of the running task on it.
    Slept {
        future: u32,
        handle: u32,
        when: Seconds,
        stack: StrId,
    },
    /// `timer_fired` of `handle` (if `fired`) and `handle_run` of it at line 0, then
    /// `future_resolved` with None and `handle_scheduled` of `task`'s `task_wakeup`.
    Woke {
        fired: bool,
        resumed: bool,
        handle: u32,
        future: u32,
        task: u32,
        wakeup: u32,
    },
    /// `task_suspended` of the running task on a bare yield, then `handle_scheduled` of its
    /// `task_step` at line 0.
    Yielded {
        resumed: bool,
        stack: StrId,
        handle: u32,
    },
    /// `future_created` (labelled `role`), `waiter_parked` of it on `primitive`,
    /// `task_suspended` of the running task on it.
    Parked {
        resumed: bool,
        primitive: u32,
        future: u32,
        role: StrId,
        stack: StrId,
    },
    /// `waiter_woken`, `future_resolved` with None, `handle_scheduled` of `task`'s
    /// `task_wakeup`.
    WaiterWoke {
        primitive: u32,
        future: u32,
        task: u32,
        wakeup: u32,
    },
    /// `queue_put`, then `event_cleared` of `event` (the queue's `join` event).
    QueuePutCleared {
        queue: u32,
        item: Item,
        size: u32,
        event: u32,
    },
}

/// A record that cannot follow the records before it (a damaged trace): its index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invalid(pub usize);

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "trace record {} cannot follow the records before it",
            self.0
        )
    }
}

/// What the elementary events so far say that records leave out.
#[derive(Clone, Debug, Default)]
pub(crate) struct Model {
    /// The ready queue: each handle with the task whose step or wake-up it is (0: none).
    ready: VecDeque<(u32, u32)>,
    /// Per task id: the stack and line of its last `task_suspended` (0, 0: none yet).
    stopped: Vec<(StrId, u32)>,
    /// The task the last `task_resumed` resumed.
    pub(crate) running: u32,
    /// Virtual time.
    pub(crate) clock: f64,
}

impl Model {
    /// Follows one elementary event.
    pub(crate) fn apply(&mut self, event: &Event) {
        match event.kind {
            EventKind::HandleScheduled { handle, callback } => {
                let task = match callback {
                    Callback::TaskStep { task } | Callback::TaskWakeup { task, .. } => task,
                    _ => 0,
                };
                self.ready.push_back((handle, task));
            }
            EventKind::TimerFired { handle } => self.ready.push_back((handle, 0)),
            EventKind::HandleRun { handle } | EventKind::HandleSkipped { handle } => {
                if self.ready.front().is_some_and(|&(h, _)| h == handle) {
                    self.ready.pop_front();
                } else if let Some(at) = self.ready.iter().position(|&(h, _)| h == handle) {
                    self.ready.remove(at);
                }
            }
            EventKind::LoopClosed => self.ready.clear(),
            EventKind::TaskResumed { task, .. } => self.running = task,
            EventKind::TaskSuspended { task, stack, .. } => {
                let at = task as usize;
                if self.stopped.len() <= at {
                    self.stopped.resize(at + 1, (0, 0));
                }
                self.stopped[at] = (stack, event.line);
            }
            EventKind::ClockAdvanced { to } => self.clock = to.get(),
            _ => {}
        }
    }

    /// The two events of a [`RecordKind::Resumed`] now, if the ready queue's head is a
    /// task's step or wake-up and the task has stopped before.
    pub(crate) fn resumption(&self) -> Option<[Event; 2]> {
        let &(handle, task) = self.ready.front()?;
        let &(stack, line) = self.stopped.get(task as usize).filter(|_| task != 0)?;
        if stack == 0 && line == 0 {
            return None;
        }
        let time = self.clock;
        Some([
            Event {
                time,
                line: 0,
                kind: EventKind::HandleRun { handle },
            },
            Event {
                time,
                line,
                kind: EventKind::TaskResumed { task, stack },
            },
        ])
    }

    /// The time an elementary event has when it follows what the model has seen.
    pub(crate) fn time_of(&self, kind: &EventKind) -> f64 {
        match kind {
            EventKind::ClockAdvanced { to } => to.get(),
            _ => self.clock,
        }
    }
}

/// Turns records into the elementary events they stand for, record after record (the
/// page expands each chunk of a run as it arrives).
#[derive(Default)]
pub struct Expander {
    model: Model,
    /// Records expanded so far.
    records: usize,
}

impl Expander {
    /// Appends the elementary events of `record` to `out`.
    pub fn push(&mut self, record: &Record, out: &mut Vec<Event>) -> Result<(), Invalid> {
        let invalid = Invalid(self.records);
        self.records += 1;
        let line = record.line;
        let mut emit = |model: &mut Model, line: u32, kind: EventKind| {
            let event = Event {
                time: model.time_of(&kind),
                line,
                kind,
            };
            model.apply(&event);
            out.push(event);
        };
        let model = &mut self.model;
        let running = model.running;
        let resumed = match record.kind {
            RecordKind::Event(ref kind) => {
                emit(model, line, kind.clone());
                false
            }
            RecordKind::Time { at } => {
                model.clock = at.get();
                false
            }
            RecordKind::Resumed => true,
            RecordKind::Slept {
                future,
                handle,
                when,
                stack,
            } => {
                let label = SLEEP;
                emit(model, line, EventKind::FutureCreated { future, label });
                let callback = Callback::SleepDone { future };
                emit(
                    model,
                    line,
                    EventKind::TimerScheduled {
                        handle,
                        when,
                        callback,
                    },
                );
                let wait = Wait::Future { future };
                let task = running;
                emit(model, line, EventKind::TaskSuspended { task, wait, stack });
                false
            }
            RecordKind::Woke {
                fired,
                resumed,
                handle,
                future,
                task,
                wakeup,
            } => {
                if fired {
                    emit(model, 0, EventKind::TimerFired { handle });
                }
                emit(model, 0, EventKind::HandleRun { handle });
                resolved_wakeup(&mut emit, model, line, future, task, wakeup);
                resumed
            }
            RecordKind::Yielded {
                resumed,
                stack,
                handle,
            } => {
                let (task, wait) = (running, Wait::Yield);
                emit(model, line, EventKind::TaskSuspended { task, wait, stack });
                let callback = Callback::TaskStep { task };
                emit(model, 0, EventKind::HandleScheduled { handle, callback });
                resumed
            }
            RecordKind::Parked {
                resumed,
                primitive,
                future,
                role,
                stack,
            } => {
                let label = role;
                emit(model, line, EventKind::FutureCreated { future, label });
                emit(
                    model,
                    line,
                    EventKind::WaiterParked {
                        primitive,
                        future,
                        role,
                    },
                );
                let (task, wait) = (running, Wait::Future { future });
                emit(model, line, EventKind::TaskSuspended { task, wait, stack });
                resumed
            }
            RecordKind::WaiterWoke {
                primitive,
                future,
                task,
                wakeup,
            } => {
                emit(model, line, EventKind::WaiterWoken { primitive, future });
                resolved_wakeup(&mut emit, model, line, future, task, wakeup);
                false
            }
            RecordKind::QueuePutCleared {
                queue,
                item,
                size,
                event,
            } => {
                emit(model, line, EventKind::QueuePut { queue, item, size });
                let primitive = event;
                emit(model, line, EventKind::EventCleared { primitive });
                false
            }
        };
        if resumed {
            for event in model.resumption().ok_or(invalid)? {
                model.apply(&event);
                out.push(event);
            }
        }
        Ok(())
    }
}

/// `future_resolved` with None, then `handle_scheduled` of the task's wake-up.
fn resolved_wakeup(
    emit: &mut impl FnMut(&mut Model, u32, EventKind),
    model: &mut Model,
    line: u32,
    future: u32,
    task: u32,
    wakeup: u32,
) {
    let result = NONE;
    emit(model, line, EventKind::FutureResolved { future, result });
    let callback = Callback::TaskWakeup { task, future };
    emit(
        model,
        line,
        EventKind::HandleScheduled {
            handle: wakeup,
            callback,
        },
    );
}

impl PackedTrace {
    /// The elementary events of every record.
    pub fn expand(&self) -> Result<Trace, Invalid> {
        let mut expander = Expander::default();
        let mut events = Vec::with_capacity(self.records.len() * 2);
        for record in &self.records {
            expander.push(record, &mut events)?;
        }
        Ok(Trace {
            version: super::TRACE_VERSION,
            filename: self.filename.clone(),
            seed: self.seed,
            strings: self.strings.clone(),
            events,
        })
    }

    /// The records that are one elementary event each, with their time: all there is of
    /// `output`, `warning` and `program_ended` (a record that packs several events never
    /// holds one of those).
    pub fn single_events(&self) -> impl Iterator<Item = (f64, u32, &EventKind)> {
        let mut clock = 0.0;
        self.records
            .iter()
            .filter_map(move |record| match &record.kind {
                RecordKind::Event(kind) => {
                    if let EventKind::ClockAdvanced { to } = kind {
                        clock = to.get();
                    }
                    Some((clock, record.line, kind))
                }
                RecordKind::Time { at } => {
                    clock = at.get();
                    None
                }
                _ => None,
            })
    }

    /// The trace as the JSON of docs/trace.md (the elementary events), expanded while it
    /// is written so that a long run's events are never all in memory twice.
    pub fn as_json(&self) -> impl Serialize + '_ {
        AsJson(self)
    }
}

struct AsJson<'a>(&'a PackedTrace);

impl Serialize for AsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let trace = self.0;
        let mut out = serializer.serialize_struct("Trace", 5)?;
        out.serialize_field("version", &super::TRACE_VERSION)?;
        out.serialize_field("filename", &trace.filename)?;
        out.serialize_field("seed", &trace.seed)?;
        out.serialize_field("strings", &trace.strings)?;
        out.serialize_field("events", &EventsAsJson(trace))?;
        out.end()
    }
}

struct EventsAsJson<'a>(&'a PackedTrace);

impl Serialize for EventsAsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = serializer.serialize_seq(None)?;
        let mut expander = Expander::default();
        let mut events = Vec::new();
        for record in &self.0.records {
            events.clear();
            expander
                .push(record, &mut events)
                .map_err(S::Error::custom)?;
            for event in &events {
                seq.serialize_element(event)?;
            }
        }
        seq.end()
    }
}

// A record fits in 28 bytes (an elementary event takes 40): a million sleeps are three
// million records, 84 MB, where their ten million events took 400 MB.
const _: () = assert!(std::mem::size_of::<Record>() <= 28);
