//! The engine as a Node.js module, for benchmarks only: `tests/e2e/measure/pyodide.mjs`
//! runs the bench programs in it, in Pyodide and in the native binary, side by side.
//!
//! Built by `cargo build --release --target wasm32-unknown-unknown -p loopscope-node`
//! and `wasm-bindgen --target nodejs` (the script says how). It is the same engine the
//! page's worker runs (`src/worker.rs`), without the worker's messages: one call runs
//! one program to its end.

use loopscope_runtime::{run_program, RunOptions};
use wasm_bindgen::prelude::*;

/// What one run printed, and how it ended.
#[wasm_bindgen(getter_with_clone)]
pub struct RunResult {
    /// stdout with each line stamped with its virtual time, as `loopscope run
    /// --timestamps` prints it.
    pub stdout: String,
    pub stderr: String,
    /// The CLI's exit status (0 ok, 1 uncaught exception, 2 unsupported, 3 deadlock or
    /// limit).
    pub status: i32,
    /// Records in the trace the run kept in memory.
    pub records: u32,
}

/// Runs `source` as `filename` with the default seed and limits, as `loopscope run
/// --timestamps FILENAME` does.
#[wasm_bindgen]
pub fn run(source: &str, filename: &str) -> RunResult {
    let options = RunOptions {
        filename: filename.to_string(),
        ..RunOptions::default()
    };
    let outcome = run_program(source, &options);
    let (stdout, stderr) = outcome.streams(true);
    RunResult {
        stdout,
        stderr,
        status: outcome.status,
        records: u32::try_from(outcome.trace.records.len()).unwrap_or(u32::MAX),
    }
}
