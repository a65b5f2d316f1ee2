//! Loopscope's runtime: compiles a parsed program to bytecode and runs it on
//! a VM whose event loop reproduces CPython 3.11's asyncio exactly, in
//! virtual time, recording a trace of every loop-level event.
//!
//! Entry point: [`run_program`]. The modules form the layers of [`LAYERS`].

/// A file of the standard library at the path the oracle (the CPython 3.11.7
/// that records the conformance cases, `python3`) has it, so that reprs
/// (`coro=<sleep() running at …/asyncio/tasks.py:649>`), `__file__` and
/// warnings name the same file CPython does. Usable in `const`s.
macro_rules! stdlib_path {
    ($relative:literal) => {
        concat!("/root/.pyenv/versions/3.11.7/lib/python3.11/", $relative)
    };
}

/// The text of one of the library's Python files (a path under `src/`, such as
/// `"modules/python/argparse.py"`) as the crate embeds it: without its docstrings and
/// full-line comments, every line at its number (build.rs, `build/strip_python.rs`).
macro_rules! library_source {
    ($($path:expr),+) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $($path),+))
    };
}

/// The [`LibraryFile`] at a path under `src/` that a program may never import: embedded,
/// or fetched on first import with the `fetched-library` feature.
#[cfg(not(feature = "fetched-library"))]
macro_rules! library_file {
    ($($path:expr),+) => {
        crate::python_sources::LibraryFile::new(library_source!($($path),+))
    };
}

/// The [`LibraryFile`] at a path under `src/` that a program may never import: embedded,
/// or fetched on first import with the `fetched-library` feature.
#[cfg(feature = "fetched-library")]
macro_rules! library_file {
    ($($path:expr),+) => {
        crate::python_sources::LibraryFile::new(concat!($($path),+))
    };
}

mod asyncio;
mod attrs;
mod builtins;
pub mod compile;
mod dunders;
mod format;
mod iterators;
pub mod limits;
mod mapping;
pub mod memory;
mod modules;
mod object;
mod ops;
mod program;
pub mod progress;
mod python_sources;
mod quote;
mod reports;
mod repr;
pub mod stdlib_names;
pub mod trace;
mod traceback;
mod vm;

pub use limits::Limits;
pub use modules::DEFAULT_SEED;
pub use program::{run_program, run_program_observed, Outcome, RunOptions};
#[cfg(feature = "fetched-library")]
pub use python_sources::set_library_loader;
pub use trace::Trace;

/// The runtime's layers, bottom up, and the top-level modules in each. A
/// module may use modules of its own layer or of the layers below, never
/// above: what a lower layer needs from a higher one is registered with it
/// (type slots, the module registry, trait objects). `tests/layers.rs`
/// checks every `crate::` path against this table; docs/ARCHITECTURE.md
/// describes it.
#[doc(hidden)]
pub const LAYERS: &[(&str, &[&str])] = &[
    // Plain data and the compiler: no runtime values.
    (
        "base",
        &[
            "limits",
            "memory",
            "trace",
            "progress",
            "quote",
            "compile",
            "python_sources",
            "stdlib_names",
        ],
    ),
    // Values, types, dicts, sets, exceptions, code, frames; the VM's state.
    ("object", &["object"]),
    // Running code: the dispatch loop, calls, and the protocols every
    // operation goes through (attributes, operators, iteration, str/repr,
    // formatting, tracebacks).
    (
        "vm",
        &[
            "vm",
            "attrs",
            "dunders",
            "mapping",
            "ops",
            "iterators",
            "repr",
            "format",
            "traceback",
            "reports",
        ],
    ),
    // The built-in functions and types' methods, and the standard library.
    ("library", &["builtins", "modules"]),
    ("asyncio", &["asyncio"]),
    // A whole run: registers the modules, runs, reports.
    ("program", &["program"]),
];
