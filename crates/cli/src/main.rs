//! `loopscope run [--timestamps] [--trace FILE[.bin]] [--perfetto FILE [--perfetto-axis events]]
//! [--seed N] PROGRAM.py [ARG ...]`
//!
//! Runs a program on Loopscope's virtual-time event loop; the arguments after
//! the program are its `sys.argv[1:]`. stdout is exactly
//! the program's stdout (with `--timestamps`, each line is prefixed with the
//! virtual time at which it was completed, as `{:.3f} `); warnings and
//! tracebacks go to stderr. Exit status: 0 ok, 1 uncaught exception or
//! SyntaxError (as `python3 PROGRAM`), 2 unsupported feature / bad usage,
//! 3 deadlock or limit.
//! `--trace FILE` writes the trace as JSON (docs/trace.md), or packed in its compact
//! binary form when FILE ends in `.bin` (`loopscope_runtime::trace::binary`).
//! `--perfetto FILE` writes the run as a Chrome Trace Event file that Perfetto and
//! chrome://tracing open (a track per task and one for the loop, wake-up arrows,
//! prints and timers as instants), on the virtual-time axis or, with
//! `--perfetto-axis events`, one microsecond per trace event.

use std::io::Write;
use std::process::ExitCode;

use loopscope_runtime::{run_program, RunOptions};
use loopscope_viewmodel::export::{perfetto, Axis};
use loopscope_viewmodel::Timeline;

const USAGE: &str = "usage: loopscope run [--timestamps] [--trace FILE[.bin]] [--perfetto FILE [--perfetto-axis time|events]] [--seed N] PROGRAM.py [ARG ...]";

/// The VM keeps Python frames on the heap, but generators resumed from Rust
/// (next(), sort keys, callbacks) nest native calls: give them room.
const VM_STACK_BYTES: usize = 256 << 20;

struct Command {
    timestamps: bool,
    trace: Option<String>,
    perfetto: Option<String>,
    perfetto_axis: Axis,
    seed: Option<u64>,
    program: String,
    /// What follows the program on the command line: its `sys.argv[1:]`.
    program_args: Vec<String>,
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("run") => {}
        Some(other) => return Err(format!("unknown command '{other}'\n{USAGE}")),
        None => return Err(USAGE.to_string()),
    }
    let mut cmd = Command {
        timestamps: false,
        trace: None,
        perfetto: None,
        perfetto_axis: Axis::VirtualTime,
        seed: None,
        program: String::new(),
        program_args: Vec::new(),
    };
    while let Some(a) = it.next() {
        if !cmd.program.is_empty() {
            cmd.program_args.push(a.clone());
            continue;
        }
        match a.as_str() {
            "--timestamps" => cmd.timestamps = true,
            "--trace" => {
                cmd.trace = Some(
                    it.next()
                        .ok_or_else(|| format!("--trace needs a file name\n{USAGE}"))?
                        .clone(),
                )
            }
            "--perfetto" => {
                cmd.perfetto = Some(
                    it.next()
                        .ok_or_else(|| format!("--perfetto needs a file name\n{USAGE}"))?
                        .clone(),
                )
            }
            "--perfetto-axis" => {
                cmd.perfetto_axis = match it.next().map(String::as_str) {
                    Some("time") => Axis::VirtualTime,
                    Some("events") => Axis::Events,
                    other => {
                        return Err(format!(
                            "--perfetto-axis is 'time' or 'events', got '{}'\n{USAGE}",
                            other.unwrap_or("")
                        ))
                    }
                }
            }
            "--seed" => {
                let v = it
                    .next()
                    .ok_or_else(|| format!("--seed needs a number\n{USAGE}"))?;
                cmd.seed = Some(
                    v.parse()
                        .map_err(|_| format!("--seed needs a non-negative integer, got '{v}'"))?,
                )
            }
            s if s.starts_with("--") => return Err(format!("unknown option '{s}'\n{USAGE}")),
            s => cmd.program = s.to_string(),
        }
    }
    if cmd.program.is_empty() {
        return Err(USAGE.to_string());
    }
    Ok(cmd)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cmd = match parse_args(&args) {
        Ok(c) => c,
        Err(msg) => {
            eprintln!("loopscope: {msg}");
            return ExitCode::from(2);
        }
    };
    let source = match std::fs::read(&cmd.program) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                eprintln!(
                    "loopscope: {}: not valid UTF-8 (byte {} is invalid)",
                    cmd.program,
                    e.utf8_error().valid_up_to()
                );
                return ExitCode::from(2);
            }
        },
        Err(e) => {
            eprintln!("loopscope: cannot read {}: {e}", cmd.program);
            return ExitCode::from(2);
        }
    };
    let options = RunOptions {
        filename: cmd.program.clone(),
        seed: cmd.seed.unwrap_or(loopscope_runtime::DEFAULT_SEED),
        args: cmd.program_args.clone(),
        ..RunOptions::default()
    };
    let program_source = cmd.perfetto.is_some().then(|| source.clone());
    let worker = std::thread::Builder::new()
        .stack_size(VM_STACK_BYTES)
        .spawn(move || run_program(&source, &options));
    let outcome = match worker.map(|h| h.join()) {
        Ok(Ok(o)) => o,
        _ => {
            eprintln!("loopscope: internal error: the engine stopped unexpectedly");
            return ExitCode::from(3);
        }
    };
    let (stdout, stderr) = outcome.streams(cmd.timestamps);
    let _ = std::io::stdout().write_all(stdout.as_bytes());
    let _ = std::io::stderr().write_all(stderr.as_bytes());
    if let Some(path) = &cmd.trace {
        let written = write_trace(path, &outcome.trace);
        if let Err(e) = written {
            eprintln!("loopscope: cannot write trace to {path}: {e}");
            return ExitCode::from(2);
        }
    }
    let status = outcome.status as u8;
    if let (Some(path), Some(source)) = (&cmd.perfetto, program_source) {
        let trace = match outcome.trace.expand() {
            Ok(trace) => trace,
            Err(e) => {
                eprintln!("loopscope: {e}");
                return ExitCode::from(2);
            }
        };
        let timeline = Timeline::new(trace, &source);
        let text = perfetto(&timeline, cmd.perfetto_axis, false);
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("loopscope: cannot write the Perfetto file {path}: {e}");
            return ExitCode::from(2);
        }
    }
    ExitCode::from(status)
}

/// Writes `trace` to `path`: packed and binary for a `.bin` file, else the JSON of its
/// elementary events, streamed (a long run's JSON is larger than its trace in memory).
fn write_trace(path: &str, trace: &loopscope_runtime::trace::PackedTrace) -> Result<(), String> {
    if path.ends_with(".bin") {
        return std::fs::write(path, loopscope_runtime::trace::binary::encode(trace))
            .map_err(|e| e.to_string());
    }
    let file = std::fs::File::create(path).map_err(|e| e.to_string())?;
    let mut out = std::io::BufWriter::new(file);
    serde_json::to_writer(&mut out, &trace.as_json()).map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())
}
