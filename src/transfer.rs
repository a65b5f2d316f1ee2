//! The messages between the page and the engine's Web Worker, and their wire format.
//!
//! Everything that crosses the worker boundary is encoded here, in one compact binary form
//! (LEB128 varints, a tag byte per event, an event's time only when it changed), so the
//! transfer format can change in one place when the trace itself does. A run's trace
//! travels in [`TraceChunk`]s: the strings and events recorded since the previous chunk,
//! which [`TraceAssembler`] appends, so a run that is stopped or crashes still leaves
//! everything sent so far. Pure code, tested natively.

use loopscope_runtime::trace::{Callback, Event, EventKind, Int64, Seconds, Stream, Trace, Wait};

/// Page → worker: run this program.
#[derive(Clone, Debug, PartialEq)]
pub struct RunRequest {
    /// Numbers the page's runs, so a late message is never taken for a newer run's.
    pub run: u32,
    pub source: String,
    pub filename: String,
    pub seed: u64,
    /// The page's event limit.
    pub max_events: u64,
}

/// Worker → page.
#[derive(Clone, Debug, PartialEq)]
pub enum FromEngine {
    /// The engine is loaded and waits for a [`RunRequest`].
    Ready,
    /// A run is under way; `chunk` is what it recorded since the last message.
    Progress {
        run: u32,
        instructions: u64,
        /// Virtual time, in seconds.
        now: f64,
        chunk: TraceChunk,
    },
    /// The run ended (status as `Outcome::status`); `chunk` completes the trace.
    Finished {
        run: u32,
        status: i32,
        chunk: TraceChunk,
    },
}

/// The part of a trace recorded since the previous chunk.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TraceChunk {
    /// Index of `strings[0]` in the whole trace's string table.
    pub first_string: u32,
    pub strings: Vec<String>,
    /// Index of `events[0]` in the whole trace.
    pub first_event: u32,
    pub events: Vec<Event>,
}

impl TraceChunk {
    /// What `trace` holds beyond `strings` strings and `events` events.
    pub fn after(trace: &Trace, strings: usize, events: usize) -> TraceChunk {
        TraceChunk {
            first_string: strings as u32,
            strings: trace.strings[strings.min(trace.strings.len())..].to_vec(),
            first_event: events as u32,
            events: trace.events[events.min(trace.events.len())..].to_vec(),
        }
    }
}

/// Rebuilds a trace from its chunks, in order.
#[derive(Default)]
pub struct TraceAssembler {
    trace: Trace,
}

impl TraceAssembler {
    /// Appends `chunk`; one that does not follow the previous one is refused (false).
    pub fn append(&mut self, chunk: TraceChunk) -> bool {
        if chunk.first_string as usize != self.trace.strings.len()
            || chunk.first_event as usize != self.trace.events.len()
        {
            return false;
        }
        self.trace.strings.extend(chunk.strings);
        self.trace.events.extend(chunk.events);
        true
    }

    /// Events so far.
    pub fn len(&self) -> usize {
        self.trace.events.len()
    }

    /// The trace so far, named after the run it came from.
    pub fn finish(self, filename: &str, seed: u64) -> Trace {
        Trace {
            version: loopscope_runtime::trace::TRACE_VERSION,
            filename: filename.to_string(),
            seed,
            ..self.trace
        }
    }
}

/// Encodes a request for the worker.
pub fn encode_request(request: &RunRequest) -> Vec<u8> {
    let mut out = Writer::default();
    out.uint(u64::from(request.run));
    out.text(&request.source);
    out.text(&request.filename);
    out.uint(request.seed);
    out.uint(request.max_events);
    out.bytes
}

/// Decodes what [`encode_request`] wrote (`None` for anything else).
pub fn decode_request(bytes: &[u8]) -> Option<RunRequest> {
    let mut input = Reader { bytes };
    let request = RunRequest {
        run: input.u32()?,
        source: input.text()?,
        filename: input.text()?,
        seed: input.uint()?,
        max_events: input.uint()?,
    };
    input.at_end().then_some(request)
}

const READY: u8 = 0;
const PROGRESS: u8 = 1;
const FINISHED: u8 = 2;

/// Encodes a message for the page.
pub fn encode_message(message: &FromEngine) -> Vec<u8> {
    let mut out = Writer::default();
    match message {
        FromEngine::Ready => out.byte(READY),
        FromEngine::Progress {
            run,
            instructions,
            now,
            chunk,
        } => {
            out.byte(PROGRESS);
            out.uint(u64::from(*run));
            out.uint(*instructions);
            out.float(*now);
            out.chunk(chunk);
        }
        FromEngine::Finished { run, status, chunk } => {
            out.byte(FINISHED);
            out.uint(u64::from(*run));
            out.int(i64::from(*status));
            out.chunk(chunk);
        }
    }
    out.bytes
}

/// Decodes what [`encode_message`] wrote (`None` for anything else).
pub fn decode_message(bytes: &[u8]) -> Option<FromEngine> {
    let mut input = Reader { bytes };
    let message = match input.byte()? {
        READY => FromEngine::Ready,
        PROGRESS => FromEngine::Progress {
            run: input.u32()?,
            instructions: input.uint()?,
            now: input.float()?,
            chunk: input.chunk()?,
        },
        FINISHED => FromEngine::Finished {
            run: input.u32()?,
            status: i32::try_from(input.int()?).ok()?,
            chunk: input.chunk()?,
        },
        _ => return None,
    };
    input.at_end().then_some(message)
}

#[derive(Default)]
struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    fn byte(&mut self, byte: u8) {
        self.bytes.push(byte);
    }

    /// LEB128.
    fn uint(&mut self, mut value: u64) {
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
    fn int(&mut self, value: i64) {
        self.uint(((value << 1) ^ (value >> 63)) as u64);
    }

    fn float(&mut self, value: f64) {
        self.bytes.extend_from_slice(&value.to_bits().to_le_bytes());
    }

    fn text(&mut self, text: &str) {
        self.uint(text.len() as u64);
        self.bytes.extend_from_slice(text.as_bytes());
    }

    fn chunk(&mut self, chunk: &TraceChunk) {
        self.uint(u64::from(chunk.first_string));
        self.uint(chunk.strings.len() as u64);
        for text in &chunk.strings {
            self.text(text);
        }
        self.uint(u64::from(chunk.first_event));
        self.uint(chunk.events.len() as u64);
        let mut time = 0.0f64;
        for event in &chunk.events {
            // The kind, then the line with a bit saying whether the time follows: most
            // events happen at their predecessor's time.
            event.kind.write(self);
            let moved = event.time.to_bits() != time.to_bits();
            self.uint(u64::from(event.line) << 1 | u64::from(moved));
            if moved {
                self.float(event.time);
                time = event.time;
            }
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(first)
    }

    fn uint(&mut self) -> Option<u64> {
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

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.uint()?).ok()
    }

    fn int(&mut self) -> Option<i64> {
        let raw = self.uint()?;
        Some((raw >> 1) as i64 ^ -((raw & 1) as i64))
    }

    fn float(&mut self) -> Option<f64> {
        let (bits, rest) = self.bytes.split_first_chunk::<8>()?;
        self.bytes = rest;
        Some(f64::from_bits(u64::from_le_bytes(*bits)))
    }

    fn text(&mut self) -> Option<String> {
        let len = usize::try_from(self.uint()?).ok()?;
        if len > self.bytes.len() {
            return None;
        }
        let (text, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        String::from_utf8(text.to_vec()).ok()
    }

    /// A count of items that each take at least one byte (so a damaged count cannot make
    /// the reader reserve memory the message does not hold).
    fn count(&mut self) -> Option<usize> {
        let count = usize::try_from(self.uint()?).ok()?;
        (count <= self.bytes.len()).then_some(count)
    }

    fn chunk(&mut self) -> Option<TraceChunk> {
        let first_string = self.u32()?;
        let count = self.count()?;
        let strings = (0..count)
            .map(|_| self.text())
            .collect::<Option<Vec<_>>>()?;
        let first_event = self.u32()?;
        let count = self.count()?;
        let mut events = Vec::with_capacity(count);
        let mut time = 0.0f64;
        for _ in 0..count {
            let kind = EventKind::read(self)?;
            let line_and_moved = self.uint()?;
            if line_and_moved & 1 == 1 {
                time = self.float()?;
            }
            let line = u32::try_from(line_and_moved >> 1).ok()?;
            events.push(Event { time, line, kind });
        }
        Some(TraceChunk {
            first_string,
            strings,
            first_event,
            events,
        })
    }

    fn at_end(&self) -> bool {
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

/// Writes and reads an enum of the trace whose variants hold `u32` fields: one tag byte,
/// then the fields in order.
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
    35 => ProgramEnded { status, message },
    36 => FutureLinked { future, child },
});

#[cfg(test)]
mod tests {
    use super::*;
    use loopscope_runtime::{run_program, RunOptions};

    /// Every example and conformance case: the programs whose traces the page shows.
    fn corpus() -> Vec<(String, Trace)> {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut traces = Vec::new();
        for dir in ["assets/examples", "tests/conformance/cases"] {
            let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
                .unwrap()
                .map(|entry| entry.unwrap().path())
                .filter(|path| path.extension().is_some_and(|e| e == "py"))
                .collect();
            paths.sort();
            for path in paths {
                let source = std::fs::read_to_string(&path).unwrap();
                let trace = run_program(&source, &RunOptions::default()).trace;
                traces.push((path.display().to_string(), trace));
            }
        }
        traces
    }

    /// Sends `trace` in chunks of about `size` events, as the worker does, through the wire.
    fn through_the_wire(trace: &Trace, size: usize) -> Trace {
        let mut assembler = TraceAssembler::default();
        let (mut strings, mut events) = (0, 0);
        while events < trace.events.len() || strings < trace.strings.len() {
            let end = (events + size).min(trace.events.len());
            let partial = Trace {
                strings: trace.strings.clone(),
                events: trace.events[..end].to_vec(),
                ..Trace::default()
            };
            let message = FromEngine::Progress {
                run: 3,
                instructions: 99,
                now: 1.5,
                chunk: TraceChunk::after(&partial, strings, events),
            };
            let Some(FromEngine::Progress { chunk, .. }) =
                decode_message(&encode_message(&message))
            else {
                panic!("a progress message decodes as one");
            };
            assert!(assembler.append(chunk));
            strings = trace.strings.len();
            events = end;
        }
        assembler.finish(&trace.filename, trace.seed)
    }

    #[test]
    fn every_trace_of_the_corpus_survives_the_wire_in_any_chunking() {
        for (path, trace) in corpus() {
            for size in [1, 7, 4096] {
                assert_eq!(
                    through_the_wire(&trace, size),
                    trace,
                    "{path} in chunks of {size}"
                );
            }
        }
    }

    #[test]
    fn the_wire_is_compact() {
        let source = "import asyncio\n\nasync def work(i):\n    for step in range(200):\n        await asyncio.sleep(0.01 * (i % 5 + 1))\n\nasync def main():\n    await asyncio.gather(*(work(i) for i in range(50)))\n\nasyncio.run(main())\n";
        let trace = run_program(source, &RunOptions::default()).trace;
        let bytes = encode_message(&FromEngine::Finished {
            run: 1,
            status: 0,
            chunk: TraceChunk::after(&trace, 0, 0),
        });
        let per_event = bytes.len() as f64 / trace.events.len() as f64;
        assert!(trace.events.len() > 50_000);
        assert!(per_event < 8.0, "{per_event} bytes per event");
    }

    #[test]
    fn messages_and_requests_round_trip() {
        let request = RunRequest {
            run: 7,
            source: "print('héllo')\n".into(),
            filename: "main.py".into(),
            seed: u64::MAX,
            max_events: 200_000,
        };
        assert_eq!(decode_request(&encode_request(&request)), Some(request));
        for message in [
            FromEngine::Ready,
            FromEngine::Finished {
                run: 2,
                status: -3,
                chunk: TraceChunk::default(),
            },
        ] {
            assert_eq!(decode_message(&encode_message(&message)), Some(message));
        }
    }

    #[test]
    fn damaged_messages_are_refused_not_panics() {
        let (_, trace) = corpus().swap_remove(6);
        let bytes = encode_message(&FromEngine::Finished {
            run: 1,
            status: 0,
            chunk: TraceChunk::after(&trace, 0, 0),
        });
        for cut in [0, 1, 2, bytes.len() / 2, bytes.len() - 1] {
            assert_eq!(decode_message(&bytes[..cut]), None, "cut at {cut}");
        }
        assert_eq!(decode_message(&[bytes.clone(), vec![0]].concat()), None);
        let mut state = 1u32;
        for _ in 0..2000 {
            let mut damaged = bytes.clone();
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let at = (state >> 8) as usize % damaged.len();
            damaged[at] ^= (state >> 24) as u8 | 1;
            let _ = decode_message(&damaged);
        }
        assert_eq!(decode_request(&[0xff; 12]), None);
    }

    #[test]
    fn a_chunk_out_of_order_is_refused() {
        let mut assembler = TraceAssembler::default();
        let chunk = TraceChunk {
            first_event: 5,
            ..TraceChunk::default()
        };
        assert!(!assembler.append(chunk));
        assert_eq!(assembler.len(), 0);
    }
}
