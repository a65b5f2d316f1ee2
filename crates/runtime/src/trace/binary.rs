//! The packed trace's compact binary form, beside JSON: `loopscope run --trace FILE.bin`
//! writes it, and the page's worker sends its traces to the page in it (`src/transfer.rs`
//! frames them as messages with this module's [`Writer`] and [`Reader`]).
//!
//! LEB128 varints for every integer, one tag byte per record and per enum field, and no
//! time (a record's time is the last `clock_advanced`'s): a sleep-heavy trace takes
//! about 5 bytes per record, where its JSON takes ~100 per elementary event.
//! A file is [`MAGIC`], the packed version, filename and seed, its strings, its records.
//! Reading never panics and never reserves more than the input could hold: damaged
//! input is an [`Error`] naming what was expected and at which byte.

use std::fmt;

use super::packed::{PackedTrace, Record, RecordKind, PACKED_VERSION};
use super::{Callback, EndReason, EventKind, Halt, Int64, Item, Seconds, Stream, Wait};

/// The first bytes of a binary trace file.
pub const MAGIC: &[u8; 8] = b"LOOPTRC\0";

/// Why bytes are not a binary trace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// Byte offset where reading stopped.
    pub at: usize,
    pub expected: &'static str,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not a loopscope binary trace: expected {} at byte {}",
            self.expected, self.at
        )
    }
}

/// The whole trace as a binary file.
pub fn encode(trace: &PackedTrace) -> Vec<u8> {
    let mut out = Writer::default();
    out.bytes.extend_from_slice(MAGIC);
    out.uint(u64::from(PACKED_VERSION));
    out.text(&trace.filename);
    out.uint(trace.seed);
    out.strings(&trace.strings);
    out.records(&trace.records);
    out.bytes
}

/// Reads what [`encode`] wrote.
pub fn decode(bytes: &[u8]) -> Result<PackedTrace, Error> {
    let mut input = Reader::new(bytes);
    if !bytes.starts_with(MAGIC) {
        return Err(input.error("the bytes LOOPTRC\\0"));
    }
    input.skip(MAGIC.len());
    let version = input.u32().ok_or_else(|| input.error("the version"))?;
    if version != PACKED_VERSION {
        return Err(input.error("a supported version"));
    }
    let filename = input.text().ok_or_else(|| input.error("the filename"))?;
    let seed = input.uint().ok_or_else(|| input.error("the seed"))?;
    let strings = input.strings().ok_or_else(|| input.error("a string"))?;
    let records = input.records().ok_or_else(|| input.error("a record"))?;
    if !input.at_end() {
        return Err(input.error("the end of the file"));
    }
    Ok(PackedTrace {
        filename,
        seed,
        strings,
        records,
    })
}

/// Appends values in the binary form.
#[derive(Default)]
pub struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn byte(&mut self, byte: u8) {
        self.bytes.push(byte);
    }

    /// LEB128.
    pub fn uint(&mut self, mut value: u64) {
        loop {
            let low = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    /// Zigzag, then LEB128.
    pub fn int(&mut self, value: i64) {
        self.uint(((value << 1) ^ (value >> 63)) as u64);
    }

    pub fn float(&mut self, value: f64) {
        self.bytes.extend_from_slice(&value.to_bits().to_le_bytes());
    }

    pub fn text(&mut self, text: &str) {
        self.uint(text.len() as u64);
        self.bytes.extend_from_slice(text.as_bytes());
    }

    /// A count, then each string.
    pub fn strings(&mut self, strings: &[String]) {
        self.uint(strings.len() as u64);
        for text in strings {
            self.text(text);
        }
    }

    /// A count, then each record: its kind, then its line.
    pub fn records(&mut self, records: &[Record]) {
        self.uint(records.len() as u64);
        for record in records {
            record.kind.write(self);
            self.uint(u64::from(record.line));
        }
    }
}

/// Reads values of the binary form; every read is `None` when the bytes end or do not
/// hold what it reads.
pub struct Reader<'a> {
    bytes: &'a [u8],
    len: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader {
            bytes,
            len: bytes.len(),
        }
    }

    /// An error at the current byte.
    pub fn error(&self, expected: &'static str) -> Error {
        Error {
            at: self.len - self.bytes.len(),
            expected,
        }
    }

    fn skip(&mut self, n: usize) {
        self.bytes = &self.bytes[n.min(self.bytes.len())..];
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.first().copied()
    }

    pub fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(first)
    }

    pub fn uint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    pub fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.uint()?).ok()
    }

    pub fn int(&mut self) -> Option<i64> {
        let raw = self.uint()?;
        Some((raw >> 1) as i64 ^ -((raw & 1) as i64))
    }

    pub fn float(&mut self) -> Option<f64> {
        let (bits, rest) = self.bytes.split_first_chunk::<8>()?;
        self.bytes = rest;
        Some(f64::from_bits(u64::from_le_bytes(*bits)))
    }

    pub fn text(&mut self) -> Option<String> {
        let len = usize::try_from(self.uint()?).ok()?;
        if len > self.bytes.len() {
            return None;
        }
        let (text, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        String::from_utf8(text.to_vec()).ok()
    }

    /// A count of items that each take at least one byte (so a damaged count cannot make
    /// the reader reserve memory the input does not hold).
    fn count(&mut self) -> Option<usize> {
        let count = usize::try_from(self.uint()?).ok()?;
        (count <= self.bytes.len()).then_some(count)
    }

    /// What [`Writer::strings`] wrote.
    pub fn strings(&mut self) -> Option<Vec<String>> {
        let count = self.count()?;
        (0..count).map(|_| self.text()).collect()
    }

    /// What [`Writer::records`] wrote.
    pub fn records(&mut self) -> Option<Vec<Record>> {
        let count = self.count()?;
        let mut records = Vec::with_capacity(count);
        for _ in 0..count {
            let kind = RecordKind::read(self)?;
            let line = self.u32()?;
            records.push(Record { line, kind });
        }
        Some(records)
    }

    pub fn at_end(&self) -> bool {
        self.bytes.is_empty()
    }
}

/// A field of an event: how it is written and read.
trait Wire: Sized {
    fn write(&self, out: &mut Writer);
    fn read(input: &mut Reader) -> Option<Self>;
}

impl Wire for u32 {
    fn write(&self, out: &mut Writer) {
        out.uint(u64::from(*self));
    }
    fn read(input: &mut Reader) -> Option<u32> {
        input.u32()
    }
}

impl Wire for i32 {
    fn write(&self, out: &mut Writer) {
        out.int(i64::from(*self));
    }
    fn read(input: &mut Reader) -> Option<i32> {
        i32::try_from(input.int()?).ok()
    }
}

impl Wire for bool {
    fn write(&self, out: &mut Writer) {
        out.byte(u8::from(*self));
    }
    fn read(input: &mut Reader) -> Option<bool> {
        match input.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Wire for Seconds {
    fn write(&self, out: &mut Writer) {
        out.float(self.get());
    }
    fn read(input: &mut Reader) -> Option<Seconds> {
        input.float().map(Seconds::new)
    }
}

impl Wire for Int64 {
    fn write(&self, out: &mut Writer) {
        out.int(self.get());
    }
    fn read(input: &mut Reader) -> Option<Int64> {
        input.int().map(Int64::new)
    }
}

impl Wire for Item {
    fn write(&self, out: &mut Writer) {
        match self {
            Item::Text(text) => {
                out.byte(0);
                text.write(out);
            }
            Item::Int { int } => {
                out.byte(1);
                int.write(out);
            }
        }
    }
    fn read(input: &mut Reader) -> Option<Item> {
        match input.byte()? {
            0 => input.u32().map(Item::Text),
            1 => i32::read(input).map(|int| Item::Int { int }),
            _ => None,
        }
    }
}

impl Wire for Stream {
    fn write(&self, out: &mut Writer) {
        out.byte(match self {
            Stream::Stdout => 0,
            Stream::Stderr => 1,
        });
    }
    fn read(input: &mut Reader) -> Option<Stream> {
        match input.byte()? {
            0 => Some(Stream::Stdout),
            1 => Some(Stream::Stderr),
            _ => None,
        }
    }
}

/// Writes and reads an enum of the trace: one tag byte, then the variant's fields in order.
macro_rules! wire_enum {
    ($type:ident { $($tag:literal => $variant:ident { $($field:ident),* }),* $(,)? }) => {
        impl Wire for $type {
            fn write(&self, out: &mut Writer) {
                match self {
                    $($type::$variant { $($field),* } => {
                        out.byte($tag);
                        $(Wire::write($field, out);)*
                    })*
                }
            }
            fn read(input: &mut Reader) -> Option<$type> {
                Some(match input.byte()? {
                    $($tag => $type::$variant { $($field: Wire::read(input)?),* },)*
                    _ => return None,
                })
            }
        }
    };
}

wire_enum!(Wait {
    0 => Future { future },
    1 => Task { task },
    2 => Yield {},
});

wire_enum!(Callback {
    0 => TaskStep { task },
    1 => TaskWakeup { task, future },
    2 => FutureCallback { future, label },
    3 => Call { label },
    4 => SleepDone { future },
    5 => Internal { label },
});

wire_enum!(Halt {
    0 => InstructionLimit {},
    1 => EventLimit {},
    2 => TimeLimit {},
    3 => TaskLimit {},
    4 => OutputLimit {},
    5 => MemoryLimit {},
    6 => Deadlock {},
    7 => ThreadScheduler {},
});

wire_enum!(EndReason {
    0 => Finished {},
    1 => SystemExit {},
    2 => Uncaught { error, line },
    3 => NotStarted {},
    4 => Halted { halt },
});

// Every event kind, with its tag and its fields in wire order.
wire_enum!(EventKind {
    0 => TaskCreated { task, future, name, coro },
    1 => TaskResumed { task, stack },
    2 => TaskSuspended { task, wait, stack },
    3 => TaskDone { task, result },
    4 => TaskFailed { task, error },
    5 => TaskCancelled { task },
    6 => TaskRenamed { task, name },
    7 => HandleScheduled { handle, callback },
    8 => HandleRun { handle },
    9 => HandleSkipped { handle },
    10 => HandleCancelled { handle },
    11 => TimerScheduled { handle, when, callback },
    12 => TimerCancelled { handle },
    13 => TimersPurged { count },
    14 => TimerFired { handle },
    15 => FutureCreated { future, label },
    16 => FutureResolved { future, result },
    17 => FutureFailed { future, error },
    18 => FutureCancelled { future },
    19 => QueuePut { queue, item, size },
    20 => QueueGet { queue, item, size },
    21 => WaiterParked { primitive, future, role },
    22 => WaiterWoken { primitive, future },
    23 => PrimitiveCreated { primitive, kind, label, value },
    24 => LockAcquired { primitive, task },
    25 => LockReleased { primitive },
    26 => EventSet { primitive },
    27 => EventCleared { primitive },
    28 => SemaphoreChanged { primitive, value },
    29 => Output { stream, text },
    30 => ClockAdvanced { to },
    31 => Warning { text },
    32 => LoopStarted {},
    33 => LoopStopped {},
    34 => LoopClosed {},
    35 => ProgramEnded { status, reason, message },
    36 => FutureLinked { future, child },
});

/// A record's tag: an elementary event's own (below this), or this plus the packed kind's.
const PACKED_TAGS: u8 = 64;

/// Writes and reads the kinds of records other than one event: their tags (after
/// [`PACKED_TAGS`]) and fields in wire order.
macro_rules! wire_packed {
    ($($tag:literal => $variant:ident { $($field:ident),* }),* $(,)?) => {
        fn write_packed(kind: &RecordKind, out: &mut Writer) {
            match kind {
                $(RecordKind::$variant { $($field),* } => {
                    out.byte(PACKED_TAGS + $tag);
                    $(Wire::write($field, out);)*
                })*
                RecordKind::Event(kind) => kind.write(out),
            }
        }
        fn read_packed(tag: u8, input: &mut Reader) -> Option<RecordKind> {
            Some(match tag.checked_sub(PACKED_TAGS)? {
                $($tag => RecordKind::$variant { $($field: Wire::read(input)?),* },)*
                _ => return None,
            })
        }
    };
}

wire_packed!(
    0 => Time { at },
    1 => Resumed {},
    2 => Slept { future, handle, when, stack },
    3 => Woke { fired, resumed, handle, future, task, wakeup },
    4 => Yielded { resumed, stack, handle },
    5 => Parked { resumed, primitive, future, role, stack },
    6 => WaiterWoke { primitive, future, task, wakeup },
    7 => QueuePutCleared { queue, item, size, event },
);

impl Wire for RecordKind {
    fn write(&self, out: &mut Writer) {
        write_packed(self, out);
    }
    fn read(input: &mut Reader) -> Option<RecordKind> {
        let tag = input.peek()?;
        if tag < PACKED_TAGS {
            return EventKind::read(input).map(RecordKind::Event);
        }
        input.byte();
        read_packed(tag, input)
    }
}
