//! Resource limits that turn runaway programs into clear errors (exit 3)
//! instead of hangs or crashes.

/// Every bound the VM and the event loop enforce.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Python frames on the stack before RecursionError (CPython's default).
    pub recursion_depth: usize,
    /// Instructions a single callback or task step may run without giving
    /// control back to the event loop (catches `while True: pass`).
    pub instructions_without_yield: u64,
    /// Trace events before the run is stopped.
    pub max_events: usize,
    /// Virtual seconds after which the run is stopped.
    pub time_horizon: f64,
    /// Largest list/str/tuple a single operation may build (MemoryError past it).
    pub max_sequence_len: usize,
    /// Largest accepted source file, in bytes.
    pub max_source_bytes: usize,
    /// Runs of the dispatch loop nested inside Rust code that called
    /// Python (a `__repr__` printing a `__repr__`...), before RecursionError:
    /// each costs Rust stack, which is small in a browser tab (about 4.2 KiB a
    /// level in an optimized x86_64 build: 150 levels take ~640 KiB of the
    /// page's 1 MiB; docs/ARCHITECTURE.md, "Native stack").
    pub nested_runs: usize,
    /// Bytes a run may hold (its objects, frames, tasks and trace, as counted by
    /// [`crate::memory`]): past it the program gets MemoryError, and a program that
    /// keeps allocating past [`Limits::memory_stop_bytes`] is stopped.
    pub memory_bytes: usize,
    /// Program output (stdout and stderr, in bytes) a run may write: the run is
    /// stopped, with what was written so far, at the write that passes it.
    pub max_output_bytes: usize,
    /// Tasks alive at once (created and not yet collected): past it the run is
    /// stopped, long before so many tasks would exhaust memory.
    pub max_live_tasks: usize,
}

impl Limits {
    /// Where a program that catches MemoryError and allocates on is stopped:
    /// a quarter above [`Limits::memory_bytes`].
    pub fn memory_stop_bytes(&self) -> usize {
        self.memory_bytes.saturating_add(self.memory_bytes / 4)
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            recursion_depth: 1000,
            instructions_without_yield: 100_000_000,
            max_events: 20_000_000,
            time_horizon: 1.0e7,
            max_sequence_len: 10_000_000,
            max_source_bytes: 1 << 20,
            nested_runs: 150,
            memory_bytes: 1 << 30,
            max_output_bytes: 16 << 20,
            max_live_tasks: 100_000,
        }
    }
}

/// A run stopped by a limit or a deadlock: which, the message it ends with (exit status 3;
/// the trace's `program_ended` carries both) and the program's line it stopped at.
#[derive(Clone, Debug, PartialEq)]
pub struct Stop {
    pub halt: crate::trace::Halt,
    pub message: String,
    /// 0 when the loop stopped it between callbacks (no line of the program runs then).
    pub line: u32,
}

impl Stop {
    pub fn new(halt: crate::trace::Halt, message: String) -> Stop {
        Stop {
            halt,
            message,
            line: 0,
        }
    }

    /// The stop, at the program's line `line`.
    pub fn at(self, line: u32) -> Stop {
        Stop { line, ..self }
    }
}
