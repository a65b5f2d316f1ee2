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
    /// each costs Rust stack, which is small in a browser tab.
    pub nested_runs: usize,
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
            nested_runs: 200,
        }
    }
}
