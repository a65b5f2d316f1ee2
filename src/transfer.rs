//! The messages between the page and the engine's Web Worker, and their wire format.
//!
//! Everything that crosses the worker boundary is encoded here, in one compact binary form:
//! the packed trace's own (`loopscope_runtime::trace::binary`, also `loopscope run
//! --trace FILE.bin`: LEB128 varints, a tag byte per record) for strings and records,
//! framed as messages. A run's trace travels in [`TraceChunk`]s: the strings and records
//! recorded since the previous chunk, which [`TraceAssembler`] expands into elementary
//! events and appends, so a run that is stopped or crashes still leaves everything sent
//! so far. Before the run, the worker sends what the page cannot find itself without a
//! parser: the lines where the program drops a task ([`FromEngine::Started`]). Pure code,
//! tested natively.

use loopscope_runtime::trace::binary::{Reader, Writer};
use loopscope_runtime::trace::packed::Expander;
use loopscope_runtime::trace::{PackedTrace, Record, Trace};

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
    /// A run starts: the program's lines that create a task and drop it (the page's
    /// dropped-task pitfall: `loopscope_viewmodel::dropped_task_lines`).
    Started {
        run: u32,
        dropped_task_lines: Vec<u32>,
    },
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
    /// Index of `records[0]` among the whole trace's records.
    pub first_record: u32,
    pub records: Vec<Record>,
}

impl TraceChunk {
    /// What `trace` holds beyond `strings` strings and `records` records.
    pub fn after(trace: &PackedTrace, strings: usize, records: usize) -> TraceChunk {
        TraceChunk {
            first_string: strings as u32,
            strings: trace.strings[strings.min(trace.strings.len())..].to_vec(),
            first_record: records as u32,
            records: trace.records[records.min(trace.records.len())..].to_vec(),
        }
    }
}

/// Rebuilds a trace's elementary events from its chunks, in order.
#[derive(Default)]
pub struct TraceAssembler {
    trace: Trace,
    expander: Expander,
    /// Records received so far.
    records: usize,
    /// From [`FromEngine::Started`].
    dropped_task_lines: Vec<u32>,
}

/// What a run recorded, as the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Recorded {
    pub trace: Trace,
    /// The lines where the program drops a task.
    pub dropped_task_lines: Vec<u32>,
}

impl TraceAssembler {
    /// Appends `chunk`; one that does not follow the previous one is refused (false), as
    /// is a record that cannot follow the records before it (the events before it stay).
    pub fn append(&mut self, chunk: TraceChunk) -> bool {
        if chunk.first_string as usize != self.trace.strings.len()
            || chunk.first_record as usize != self.records
        {
            return false;
        }
        self.trace.strings.extend(chunk.strings);
        self.records += chunk.records.len();
        chunk
            .records
            .iter()
            .all(|record| self.expander.push(record, &mut self.trace.events).is_ok())
    }

    /// Keeps the lines a [`FromEngine::Started`] gave.
    pub fn set_dropped_task_lines(&mut self, lines: Vec<u32>) {
        self.dropped_task_lines = lines;
    }

    /// Elementary events so far.
    pub fn event_count(&self) -> usize {
        self.trace.events.len()
    }

    /// The trace so far, named after the run it came from.
    pub fn finish(self, filename: &str, seed: u64) -> Recorded {
        Recorded {
            trace: Trace {
                version: loopscope_runtime::trace::TRACE_VERSION,
                filename: filename.to_string(),
                seed,
                ..self.trace
            },
            dropped_task_lines: self.dropped_task_lines,
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
    let mut input = Reader::new(bytes);
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
const STARTED: u8 = 3;

/// Encodes a message for the page.
pub fn encode_message(message: &FromEngine) -> Vec<u8> {
    let mut out = Writer::default();
    match message {
        FromEngine::Ready => out.byte(READY),
        FromEngine::Started {
            run,
            dropped_task_lines,
        } => {
            out.byte(STARTED);
            out.uint(u64::from(*run));
            out.uint(dropped_task_lines.len() as u64);
            for line in dropped_task_lines {
                out.uint(u64::from(*line));
            }
        }
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
            write_chunk(&mut out, chunk);
        }
        FromEngine::Finished { run, status, chunk } => {
            out.byte(FINISHED);
            out.uint(u64::from(*run));
            out.int(i64::from(*status));
            write_chunk(&mut out, chunk);
        }
    }
    out.bytes
}

/// Decodes what [`encode_message`] wrote (`None` for anything else).
pub fn decode_message(bytes: &[u8]) -> Option<FromEngine> {
    let mut input = Reader::new(bytes);
    let message = match input.byte()? {
        READY => FromEngine::Ready,
        STARTED => {
            let run = input.u32()?;
            let count = input.uint()?;
            // Each line takes a byte at least: a count beyond the message is damage.
            if count > bytes.len() as u64 {
                return None;
            }
            let dropped_task_lines = (0..count)
                .map(|_| input.u32())
                .collect::<Option<Vec<u32>>>()?;
            FromEngine::Started {
                run,
                dropped_task_lines,
            }
        }
        PROGRESS => FromEngine::Progress {
            run: input.u32()?,
            instructions: input.uint()?,
            now: input.float()?,
            chunk: read_chunk(&mut input)?,
        },
        FINISHED => FromEngine::Finished {
            run: input.u32()?,
            status: i32::try_from(input.int()?).ok()?,
            chunk: read_chunk(&mut input)?,
        },
        _ => return None,
    };
    input.at_end().then_some(message)
}

/// A chunk's fields in wire order, with the trace's own binary form for its strings and
/// events.
fn write_chunk(out: &mut Writer, chunk: &TraceChunk) {
    out.uint(u64::from(chunk.first_string));
    out.strings(&chunk.strings);
    out.uint(u64::from(chunk.first_record));
    out.records(&chunk.records);
}

fn read_chunk(input: &mut Reader) -> Option<TraceChunk> {
    Some(TraceChunk {
        first_string: input.u32()?,
        strings: input.strings()?,
        first_record: input.u32()?,
        records: input.records()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use loopscope_runtime::{run_program, RunOptions};

    /// Every example and conformance case: the programs whose traces the page shows.
    fn corpus() -> Vec<(String, PackedTrace)> {
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

    /// Sends `trace` in chunks of about `size` records, as the worker does, through the
    /// wire.
    fn through_the_wire(trace: &PackedTrace, size: usize) -> Trace {
        let mut assembler = TraceAssembler::default();
        let (mut strings, mut events) = (0, 0);
        while events < trace.records.len() || strings < trace.strings.len() {
            let end = (events + size).min(trace.records.len());
            let partial = PackedTrace {
                strings: trace.strings.clone(),
                records: trace.records[..end].to_vec(),
                ..PackedTrace::default()
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
        assembler.finish(&trace.filename, trace.seed).trace
    }

    #[test]
    fn every_trace_of_the_corpus_survives_the_wire_in_any_chunking() {
        for (path, trace) in corpus() {
            for size in [1, 7, 4096] {
                assert_eq!(
                    Ok(through_the_wire(&trace, size)),
                    trace.expand(),
                    "{path} in chunks of {size}"
                );
            }
        }
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
            FromEngine::Started {
                run: 4,
                dropped_task_lines: vec![3, 300, u32::MAX],
            },
            FromEngine::Started {
                run: 5,
                dropped_task_lines: Vec::new(),
            },
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
            first_record: 5,
            ..TraceChunk::default()
        };
        assert!(!assembler.append(chunk));
        assert_eq!(assembler.event_count(), 0);
    }
}
