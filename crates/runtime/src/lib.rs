//! Loopscope's runtime: compiles a parsed program to bytecode and runs it on
//! a VM whose event loop reproduces CPython 3.11's asyncio exactly, in
//! virtual time, recording a trace of every loop-level event.
//!
//! Entry point: [`run_program`]. Layers, bottom up: values and types,
//! compiler, VM, builtins and modules, the asyncio event loop, the trace.

pub mod asyncio;
mod attrs;
mod builtins;
pub mod compile;
mod dict;
mod exceptions;
mod format;
mod generator;
mod hash;
mod iterators;
pub mod limits;
mod modules;
mod ops;
mod program;
pub mod progress;
mod repr;
mod set;
pub mod trace;
mod traceback;
mod types;
mod value;
pub mod vm;
mod warnings;

pub use limits::Limits;
pub use program::{run_program, run_program_observed, Outcome, RunOptions, DEFAULT_SEED};
pub use trace::Trace;
