//! Packs the elementary events the engine reports, as it performs them, into records
//! (`packed.rs`). A run of events becomes one record only when the record's expansion
//! gives back exactly those events (every field, line and time is checked, and what a
//! record leaves out must be what the [`Model`] derives), so nothing is ever lost or
//! reordered; anything else is kept as a record of one event.
//!
//! At most three events wait in `pending` for the rest of a pattern, and one finished
//! record waits in `held` for a following `resumed`.

use super::packed::{Model, Record, RecordKind, NONE, SLEEP};
use super::{Callback, Event, EventKind, Seconds, Wait};

#[derive(Default)]
pub(super) struct Fuser {
    model: Model,
    pending: Vec<Event>,
    /// A record that may still take `resumed`.
    held: Option<Record>,
}

/// What the pending events are.
enum Verdict {
    /// The start of a record: wait for the next event.
    Wait,
    /// The first `n` pending events are this record.
    Record(usize, Record),
    /// The first pending event starts no record.
    Single,
}

impl Fuser {
    pub(super) fn push(&mut self, event: Event, out: &mut Vec<Record>) {
        self.pending.push(event);
        self.drain(false, out);
    }

    /// Emits whatever waits (the run is over).
    pub(super) fn flush(&mut self, out: &mut Vec<Record>) {
        self.drain(true, out);
        out.extend(self.held.take());
    }

    /// Turns pending events into records until they may be the start of one (or, once
    /// `finished`, until none is left).
    fn drain(&mut self, finished: bool, out: &mut Vec<Record>) {
        while !self.pending.is_empty() {
            match classify(&self.pending, &self.model) {
                Verdict::Wait if !finished => return,
                Verdict::Record(n, record) => {
                    for event in self.pending.drain(..n) {
                        self.model.apply(&event);
                    }
                    self.add(record, out);
                }
                Verdict::Wait | Verdict::Single => {
                    let event = self.pending.remove(0);
                    self.single(event, out);
                }
            }
        }
    }

    /// `event` as a record of its own (after a [`RecordKind::Time`] if the clock moved
    /// without a `clock_advanced`).
    pub(super) fn single(&mut self, event: Event, out: &mut Vec<Record>) {
        if event.time.to_bits() != self.model.time_of(&event.kind).to_bits() {
            let at = Seconds::new(event.time);
            let kind = RecordKind::Time { at };
            self.emit(Record { line: 0, kind }, out);
            self.model.clock = event.time;
        }
        self.model.apply(&event);
        let record = Record {
            line: event.line,
            kind: RecordKind::Event(event.kind),
        };
        self.emit(record, out);
    }

    /// A finished record: `resumed` joins the held one; one that may take it is held.
    fn add(&mut self, record: Record, out: &mut Vec<Record>) {
        if record.kind == RecordKind::Resumed {
            if let Some(mut held) = self.held.take() {
                if let RecordKind::Woke { resumed, .. }
                | RecordKind::Yielded { resumed, .. }
                | RecordKind::Parked { resumed, .. } = &mut held.kind
                {
                    *resumed = true;
                }
                out.push(held);
                return;
            }
        }
        let resumable = matches!(
            record.kind,
            RecordKind::Woke { .. } | RecordKind::Yielded { .. } | RecordKind::Parked { .. }
        );
        out.extend(self.held.take());
        if resumable {
            self.held = Some(record);
        } else {
            out.push(record);
        }
    }

    fn emit(&mut self, record: Record, out: &mut Vec<Record>) {
        out.extend(self.held.take());
        out.push(record);
    }
}

fn classify(pending: &[Event], model: &Model) -> Verdict {
    use EventKind as K;
    let first = &pending[0];
    // Every event of a record happens at the model's time, at the first event's line
    // unless the record's parts say otherwise.
    if pending
        .iter()
        .any(|e| e.time.to_bits() != model.clock.to_bits())
    {
        return Verdict::Single;
    }
    let line = first.line;
    let at_line = |e: &Event| e.line == line;
    let record = |n: usize, line: u32, kind: RecordKind| Verdict::Record(n, Record { line, kind });
    match (&first.kind, &pending[1..]) {
        (K::HandleRun { .. }, []) | (K::TimerFired { .. }, []) if line == 0 => Verdict::Wait,
        (K::HandleRun { .. }, [resumed]) if matches!(resumed.kind, K::TaskResumed { .. }) => {
            match model.resumption() {
                Some(parts) if parts[0] == *first && parts[1] == *resumed => {
                    record(2, 0, RecordKind::Resumed)
                }
                _ => Verdict::Single,
            }
        }
        (K::HandleRun { handle }, rest) if line == 0 => wake(rest, *handle, false, 1, record),
        (K::TimerFired { handle }, [run, rest @ ..]) if line == 0 => match run.kind {
            K::HandleRun { handle: h } if h == *handle && run.line == 0 => {
                wake(rest, *handle, true, 2, record)
            }
            _ => Verdict::Single,
        },
        (K::FutureCreated { future, label }, rest) => match rest {
            [] => Verdict::Wait,
            [made, tail @ ..] if at_line(made) => {
                let sleep = matches!(made.kind, K::TimerScheduled {
                    callback: Callback::SleepDone { future: f }, ..
                } if f == *future && *label == SLEEP);
                let parked = matches!(made.kind, K::WaiterParked {
                    future: f, role, ..
                } if f == *future && role == *label);
                if !sleep && !parked {
                    return Verdict::Single;
                }
                let [suspended, ..] = tail else {
                    return Verdict::Wait;
                };
                let K::TaskSuspended {
                    task,
                    wait: Wait::Future { future: f },
                    stack,
                } = suspended.kind
                else {
                    return Verdict::Single;
                };
                if f != *future || task != model.running || !at_line(suspended) {
                    return Verdict::Single;
                }
                let kind = match made.kind {
                    K::TimerScheduled { handle, when, .. } => RecordKind::Slept {
                        future: f,
                        handle,
                        when,
                        stack,
                    },
                    K::WaiterParked {
                        primitive, role, ..
                    } => RecordKind::Parked {
                        resumed: false,
                        primitive,
                        future: f,
                        role,
                        stack,
                    },
                    _ => return Verdict::Single,
                };
                record(3, line, kind)
            }
            _ => Verdict::Single,
        },
        (
            K::TaskSuspended {
                task,
                wait: Wait::Yield,
                stack,
            },
            rest,
        ) if *task == model.running => match rest {
            [] => Verdict::Wait,
            [step, ..] => match step.kind {
                K::HandleScheduled {
                    handle,
                    callback: Callback::TaskStep { task: t },
                } if t == *task && step.line == 0 => record(
                    2,
                    line,
                    RecordKind::Yielded {
                        resumed: false,
                        stack: *stack,
                        handle,
                    },
                ),
                _ => Verdict::Single,
            },
        },
        (K::WaiterWoken { primitive, future }, rest) => {
            match resolved_wakeup(rest, *future, line) {
                Wakeup::Complete(task, wakeup) => record(
                    3,
                    line,
                    RecordKind::WaiterWoke {
                        primitive: *primitive,
                        future: *future,
                        task,
                        wakeup,
                    },
                ),
                Wakeup::SoFar => Verdict::Wait,
                Wakeup::No => Verdict::Single,
            }
        }
        (K::QueuePut { queue, item, size }, rest) => match rest {
            [] => Verdict::Wait,
            [cleared, ..] => match cleared.kind {
                K::EventCleared { primitive } if at_line(cleared) => record(
                    2,
                    line,
                    RecordKind::QueuePutCleared {
                        queue: *queue,
                        item: *item,
                        size: *size,
                        event: primitive,
                    },
                ),
                _ => Verdict::Single,
            },
        },
        _ => Verdict::Single,
    }
}

/// After the `handle_run` of `handle` (and its `timer_fired`), `before` events: the
/// resolution of a future and the wake-up of the task awaiting it.
fn wake(
    rest: &[Event],
    handle: u32,
    fired: bool,
    before: usize,
    record: impl Fn(usize, u32, RecordKind) -> Verdict,
) -> Verdict {
    let Some(resolved) = rest.first() else {
        return Verdict::Wait;
    };
    let EventKind::FutureResolved { future, .. } = resolved.kind else {
        return Verdict::Single;
    };
    match resolved_wakeup(rest, future, resolved.line) {
        Wakeup::Complete(task, wakeup) => record(
            before + 2,
            resolved.line,
            RecordKind::Woke {
                fired,
                resumed: false,
                handle,
                future,
                task,
                wakeup,
            },
        ),
        Wakeup::SoFar => Verdict::Wait,
        Wakeup::No => Verdict::Single,
    }
}

/// How far events are into a resolution with a wake-up.
enum Wakeup {
    /// Complete: the task and the handle of its wake-up.
    Complete(u32, u32),
    /// What is there so far starts one.
    SoFar,
    No,
}

/// `events` as `future_resolved` of `future` with None, then `handle_scheduled` of the
/// awaiting task's wake-up, both at `line`.
fn resolved_wakeup(events: &[Event], future: u32, line: u32) -> Wakeup {
    let Some(resolved) = events.first() else {
        return Wakeup::SoFar;
    };
    let resolved_with_none = matches!(resolved.kind,
        EventKind::FutureResolved { future: f, result } if f == future && result == NONE);
    if !resolved_with_none || resolved.line != line {
        return Wakeup::No;
    }
    let Some(scheduled) = events.get(1) else {
        return Wakeup::SoFar;
    };
    match scheduled.kind {
        EventKind::HandleScheduled {
            handle,
            callback: Callback::TaskWakeup { task, future: f },
        } if f == future && scheduled.line == line => Wakeup::Complete(task, handle),
        _ => Wakeup::No,
    }
}
