//! The trace: every loop-level event of a run, in order, as plain data.
//!
//! This is the only API between the engine and the web app. Events are
//! compact (ids and interned strings, see `Trace::strings`) so that long
//! runs stay small in memory; docs/trace.md documents every field and how to
//! rebuild the ready queue, timer heap, task states and console at any event.
//! The engine records it packed ([`packed`]: one record per loop operation, which
//! [`packed::Expander`] turns back into these events); [`binary`] is the packed trace's
//! compact file and transfer form beside JSON.

pub mod binary;
mod fuse;
pub mod packed;

pub use packed::{PackedTrace, Record, RecordKind};

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Index into `Trace::strings`.
pub type StrId = u32;

pub const TRACE_VERSION: u32 = 3;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Trace {
    pub version: u32,
    pub filename: String,
    pub seed: u64,
    pub strings: Vec<String>,
    pub events: Vec<Event>,
}

impl Trace {
    /// The text written to one stream, concatenated.
    pub fn stream_text(&self, stream: Stream) -> String {
        stream_text(&self.strings, self.events.iter().map(|e| &e.kind), stream)
    }
}

/// The texts of the `output` events of `stream` among `events`, concatenated.
pub(crate) fn stream_text<'a>(
    strings: &[String],
    events: impl Iterator<Item = &'a EventKind>,
    stream: Stream,
) -> String {
    let mut out = String::new();
    for kind in events {
        if let EventKind::Output { stream: s, text } = kind {
            if *s == stream {
                out.push_str(strings.get(*text as usize).map_or("", String::as_str));
            }
        }
    }
    out
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Virtual time in seconds (non-finite values as in [`Seconds`]).
    #[serde(with = "seconds_text")]
    pub time: f64,
    /// Source line executing when the event happened (0: loop internals).
    pub line: u32,
    #[serde(flatten)]
    pub kind: EventKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stream {
    Stdout,
    Stderr,
}

/// 64 bits stored as two 32-bit words: a 64-bit field would align every event
/// to 8 bytes and push it past the memory budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Words([u32; 2]);

impl Words {
    fn of(bits: u64) -> Words {
        Words([bits as u32, (bits >> 32) as u32])
    }
    fn bits(self) -> u64 {
        self.0[0] as u64 | (self.0[1] as u64) << 32
    }
}

/// Seconds of virtual time, an `f64` kept in [`Words`]. It serializes as a
/// plain number when finite; JSON has no NaN or infinities, so those are the
/// strings `"nan"`, `"inf"` and `"-inf"` (a NaN deadline is legal: CPython's
/// loop runs such a timer at once). A NaN is kept as the one canonical NaN, so
/// that a trace read back equals the trace written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Seconds(Words);

impl Seconds {
    pub fn new(x: f64) -> Seconds {
        let x = if x.is_nan() { f64::NAN } else { x };
        Seconds(Words::of(x.to_bits()))
    }
    pub fn get(self) -> f64 {
        f64::from_bits(self.0.bits())
    }
}

impl Serialize for Seconds {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        seconds_text::serialize(&self.get(), serializer)
    }
}

impl<'de> Deserialize<'de> for Seconds {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Seconds, D::Error> {
        seconds_text::deserialize(deserializer).map(Seconds::new)
    }
}

/// Seconds as JSON can hold them: a number, or `"nan"`, `"inf"`, `"-inf"`.
mod seconds_text {
    use serde::de::{self, Visitor};
    use serde::{Deserializer, Serializer};
    use std::fmt;

    pub fn serialize<S: Serializer>(x: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        match *x {
            x if x.is_finite() => serializer.serialize_f64(x),
            x if x.is_nan() => serializer.serialize_str("nan"),
            x if x > 0.0 => serializer.serialize_str("inf"),
            _ => serializer.serialize_str("-inf"),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        deserializer.deserialize_any(SecondsVisitor)
    }

    struct SecondsVisitor;

    impl Visitor<'_> for SecondsVisitor {
        type Value = f64;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("seconds: a number, \"nan\", \"inf\" or \"-inf\"")
        }
        fn visit_f64<E: de::Error>(self, x: f64) -> Result<f64, E> {
            Ok(x)
        }
        fn visit_i64<E: de::Error>(self, x: i64) -> Result<f64, E> {
            Ok(x as f64)
        }
        fn visit_u64<E: de::Error>(self, x: u64) -> Result<f64, E> {
            Ok(x as f64)
        }
        fn visit_str<E: de::Error>(self, text: &str) -> Result<f64, E> {
            match text {
                "nan" => Ok(f64::NAN),
                "inf" => Ok(f64::INFINITY),
                "-inf" => Ok(f64::NEG_INFINITY),
                _ => Err(E::invalid_value(de::Unexpected::Str(text), &self)),
            }
        }
    }
}

/// A 64-bit integer kept in [`Words`]; it serializes as a plain number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Int64(Words);

impl Int64 {
    pub fn new(x: i64) -> Int64 {
        Int64(Words::of(x as u64))
    }
    pub fn get(self) -> i64 {
        self.0.bits() as i64
    }
}

impl Serialize for Int64 {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.get())
    }
}

impl<'de> Deserialize<'de> for Int64 {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Int64, D::Error> {
        i64::deserialize(deserializer).map(Int64::new)
    }
}

/// What a scheduled callback will do when the loop runs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "callback", rename_all = "snake_case")]
pub enum Callback {
    /// Run one step of a task (start it, or resume it after a bare yield).
    TaskStep { task: u32 },
    /// Wake a task whose awaited future finished.
    TaskWakeup { task: u32, future: u32 },
    /// A done-callback of a future, other than a task wakeup.
    FutureCallback { future: u32, label: StrId },
    /// A function the program scheduled (call_soon / call_later / call_at).
    Call { label: StrId },
    /// `asyncio.sleep`'s timer: resolve the sleep's future.
    SleepDone { future: u32 },
    /// An internal callback of the loop (label says which).
    Internal { label: StrId },
}

/// A queue's item as `queue_put` and `queue_get` show it: a small int (one that fits in
/// 32 bits) by its value (its text is its decimal form, as its repr), any other value by
/// its repr, interned. A million distinct ints through a queue would otherwise be a million
/// interned texts; 32 bits keep a record at 28 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Item {
    /// The repr, in [`Trace::strings`] (JSON: the index).
    Text(StrId),
    /// A small int (JSON: `{"int": N}`).
    Int { int: i32 },
}

impl Item {
    /// The item's text: its repr.
    pub fn text<'a>(&self, strings: &'a [String]) -> std::borrow::Cow<'a, str> {
        match *self {
            Item::Text(id) => strings.get(id as usize).map_or("", String::as_str).into(),
            Item::Int { int } => int.to_string().into(),
        }
    }
}

/// What a suspended task waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "on", rename_all = "snake_case")]
pub enum Wait {
    /// A future (sleep, queue, lock... the future's label says which).
    Future { future: u32 },
    /// Another task.
    Task { task: u32 },
    /// A bare `yield` (sleep(0)): it is already back in the ready queue.
    Yield,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum EventKind {
    /// `future` is the task's id as a future (waits name it as either).
    TaskCreated {
        task: u32,
        future: u32,
        name: StrId,
        coro: StrId,
    },
    /// `stack`: the task's await chain where it resumes, interned: `qualname:line` per
    /// program frame, outermost first, separated by `\n` (docs/trace.md).
    TaskResumed {
        task: u32,
        stack: StrId,
    },
    /// `stack`: the await chain where the task stopped, as in `TaskResumed`.
    TaskSuspended {
        task: u32,
        wait: Wait,
        stack: StrId,
    },
    TaskDone {
        task: u32,
        result: StrId,
    },
    TaskFailed {
        task: u32,
        error: StrId,
    },
    TaskCancelled {
        task: u32,
    },
    TaskRenamed {
        task: u32,
        name: StrId,
    },
    /// A handle appended to the ready queue.
    HandleScheduled {
        handle: u32,
        callback: Callback,
    },
    /// The ready queue's head popped and run.
    HandleRun {
        handle: u32,
    },
    /// The ready queue's head popped and skipped because it was cancelled.
    HandleSkipped {
        handle: u32,
    },
    HandleCancelled {
        handle: u32,
    },
    TimerScheduled {
        handle: u32,
        when: Seconds,
        callback: Callback,
    },
    TimerCancelled {
        handle: u32,
    },
    /// Cancelled timers dropped from the heap (from the top, or by a rebuild).
    TimersPurged {
        count: u32,
    },
    /// A due timer moved from the heap to the ready queue.
    TimerFired {
        handle: u32,
    },
    FutureCreated {
        future: u32,
        label: StrId,
    },
    FutureResolved {
        future: u32,
        result: StrId,
    },
    FutureFailed {
        future: u32,
        error: StrId,
    },
    FutureCancelled {
        future: u32,
    },
    /// `future`'s outcome follows `child`'s: gather's future and each child, shield's
    /// outer and inner future, the waiter of `wait`/`wait_for` and what it waits for, a
    /// TaskGroup's exit future and each unfinished task of the group.
    FutureLinked {
        future: u32,
        child: u32,
    },
    QueuePut {
        queue: u32,
        item: Item,
        size: u32,
    },
    QueueGet {
        queue: u32,
        item: Item,
        size: u32,
    },
    /// A task parks on a primitive (queue getter/putter, lock, event, ...).
    WaiterParked {
        primitive: u32,
        future: u32,
        role: StrId,
    },
    WaiterWoken {
        primitive: u32,
        future: u32,
    },
    /// `value`: a semaphore's initial value, a queue's maxsize, else 0.
    PrimitiveCreated {
        primitive: u32,
        kind: StrId,
        label: StrId,
        value: Int64,
    },
    LockAcquired {
        primitive: u32,
        task: u32,
    },
    LockReleased {
        primitive: u32,
    },
    EventSet {
        primitive: u32,
    },
    EventCleared {
        primitive: u32,
    },
    SemaphoreChanged {
        primitive: u32,
        value: Int64,
    },
    Output {
        stream: Stream,
        text: StrId,
    },
    ClockAdvanced {
        to: Seconds,
    },
    Warning {
        text: StrId,
    },
    LoopStarted,
    LoopStopped,
    /// `loop.close()` (also at the end of `asyncio.run`): whatever is still
    /// in its ready queue and timer heap is dropped.
    LoopClosed,
    /// The program ended: exit status, why, and for a limit or deadlock the message.
    ProgramEnded {
        status: i32,
        reason: EndReason,
        message: StrId,
    },
}

/// Why a program ended (`program_ended`'s `reason`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum EndReason {
    /// It ran to its end (exit status 0).
    Finished,
    /// `SystemExit` ended it (`sys.exit`, `unittest.main`, argparse): the status is its
    /// code's, by CPython's rules (None 0, an int itself, anything else printed and 1).
    SystemExit,
    /// An exception nobody caught (status 1): its type's name, and the program's line it
    /// was raised at (the traceback's innermost line of the program; 0 if none).
    Uncaught { error: StrId, line: u32 },
    /// It never started: Python refused it (a SyntaxError, status 1) or Loopscope does
    /// not run it (status 2).
    NotStarted,
    /// A limit or a deadlock stopped it (status 3); the message says more.
    Halted { halt: Halt },
}

/// What stopped a run that did not end by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Halt {
    /// Too many instructions without yielding to the event loop.
    InstructionLimit,
    /// Too many trace events.
    EventLimit,
    /// Virtual time past the horizon.
    TimeLimit,
    /// Too many tasks alive at once.
    TaskLimit,
    /// Too much output.
    OutputLimit,
    /// Too much memory held.
    MemoryLimit,
    /// Nothing can make progress.
    Deadlock,
    /// The simulated threads' scheduler failed (a defect of Loopscope's; the message
    /// holds its traceback).
    ThreadScheduler,
}

/// Builds a trace during a run, interning strings and packing events into records.
#[derive(Default)]
pub struct Recorder {
    trace: PackedTrace,
    fuser: fuse::Fuser,
    /// Elementary events recorded (the limits count these).
    events: usize,
    /// Indexes into `trace.strings`, hashed by the string they name (one
    /// allocation per distinct string).
    interned: HashTable<StrId>,
    pub enabled: bool,
    /// Pack events into records (else one record per event).
    pub pack: bool,
    /// Reused by [`Recorder::intern_with`], so texts built only to be interned allocate
    /// nothing when they were seen before.
    scratch: String,
    /// [`Recorder::intern_int`]'s recent ints: `(n, id)` in slot `n mod RECENT_INTS`
    /// (`id` 0, the empty string's, marks a free slot).
    recent_ints: Vec<(i64, StrId)>,
    /// [`Recorder::intern_static`]'s texts: `(address, length, id)` in a slot chosen by the
    /// address.
    static_texts: Vec<(usize, usize, StrId)>,
}

/// How many texts [`Recorder::intern_static`] remembers.
const STATIC_TEXTS: usize = 64;

/// How many ints [`Recorder::intern_int`] remembers.
const RECENT_INTS: usize = 1024;

impl Recorder {
    pub fn new() -> Recorder {
        let mut r = Recorder {
            enabled: true,
            pack: true,
            ..Recorder::default()
        };
        for known in packed::KNOWN_STRINGS {
            r.intern(known);
        }
        r.recent_ints = vec![(0, 0); RECENT_INTS];
        r.static_texts = vec![(0, 0, 0); STATIC_TEXTS];
        r
    }

    /// Interns the decimal text of `n` (an int's repr). A recently interned int is found
    /// by its value, without formatting or hashing its text: a queue's items come back
    /// out a few operations after they went in.
    pub fn intern_int(&mut self, n: i64) -> StrId {
        let slot = n.rem_euclid(RECENT_INTS as i64) as usize;
        if let Some(&(seen, id)) = self.recent_ints.get(slot) {
            if seen == n && id != 0 {
                return id;
            }
        }
        let id = self.intern_with(|text| {
            use std::fmt::Write;
            let _ = write!(text, "{n}");
        });
        if let Some(entry) = self.recent_ints.get_mut(slot) {
            *entry = (n, id);
        }
        id
    }

    /// Interns one of the engine's own texts (a future's label, a waiter's role): found
    /// again by its address, without hashing it, while it keeps its slot.
    pub fn intern_static(&mut self, s: &'static str) -> StrId {
        let address = s.as_ptr() as usize;
        let slot = (address >> 3) % STATIC_TEXTS;
        if let Some(&(seen, len, id)) = self.static_texts.get(slot) {
            if seen == address && len == s.len() {
                return id;
            }
        }
        let id = self.intern(s);
        if let Some(entry) = self.static_texts.get_mut(slot) {
            *entry = (address, s.len(), id);
        }
        id
    }

    pub fn intern(&mut self, s: &str) -> StrId {
        let hasher = FxBuildHasher;
        let strings = &mut self.trace.strings;
        let hash = hasher.hash_one(s);
        if let Some(&id) = self.interned.find(hash, |&id| strings[id as usize] == s) {
            return id;
        }
        let id = strings.len() as StrId;
        strings.push(s.to_string());
        self.interned.insert_unique(hash, id, |&id| {
            hasher.hash_one(strings[id as usize].as_str())
        });
        id
    }

    /// Interns the text `build` writes (into a reused buffer).
    pub fn intern_with(&mut self, build: impl FnOnce(&mut String)) -> StrId {
        let mut text = std::mem::take(&mut self.scratch);
        text.clear();
        build(&mut text);
        let id = self.intern(&text);
        self.scratch = text;
        id
    }

    /// The records finished so far (`filename` and `seed` are filled in by
    /// [`Recorder::finish`]; the last few events may still wait to be packed).
    pub fn trace(&self) -> &PackedTrace {
        &self.trace
    }

    pub fn record(&mut self, time: f64, line: u32, kind: EventKind) {
        if self.enabled {
            self.events += 1;
            let event = Event { time, line, kind };
            if self.pack {
                self.fuser.push(event, &mut self.trace.records);
            } else {
                self.fuser.single(event, &mut self.trace.records);
            }
        }
    }

    /// Elementary events recorded so far.
    pub fn len(&self) -> usize {
        self.events
    }

    pub fn is_empty(&self) -> bool {
        self.events == 0
    }

    pub fn finish(mut self, filename: &str, seed: u64) -> PackedTrace {
        self.fuser.flush(&mut self.trace.records);
        self.trace.filename = filename.to_string();
        self.trace.seed = seed;
        self.trace
    }
}

// An elementary event (what the view-model holds) stays at 40 bytes.
const _: () = assert!(std::mem::size_of::<Event>() <= 40);

#[cfg(test)]
mod tests {
    use super::*;

    /// Ints interned by value get the ids their texts get, whether the slot they share
    /// with other ints holds them or not.
    #[test]
    fn ints_intern_as_their_decimal_text() {
        let mut recorder = Recorder::new();
        let ints = [
            0,
            7,
            -7,
            1024,
            -1024,
            1031,
            i64::MAX,
            i64::MIN,
            7,
            1031,
            0,
            -7,
        ];
        for n in ints {
            let by_value = recorder.intern_int(n);
            assert_eq!(by_value, recorder.intern(&n.to_string()), "{n}");
            assert_eq!(recorder.trace().strings[by_value as usize], n.to_string());
        }
        let distinct = recorder.trace().strings.len();
        assert_eq!(
            distinct,
            packed::KNOWN_STRINGS.len() + 8,
            "one string per distinct int, and the known ones"
        );
    }
}
