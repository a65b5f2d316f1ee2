//! `cargo xtask fuzz [--minutes N]`: the mutation fuzzer (crates/fuzz) in release mode, for
//! N minutes (default 10) shared between its targets (parser, compile-and-run, share-link
//! decoder); and the short, fixed-budget run that `cargo xtask test` makes with the debug
//! build its native tests already compiled.

use crate::failure::Failure;
use crate::process::run;
use crate::workspace::Workspace;
use crate::{Command, Flag};

pub const COMMAND: Command = Command {
    name: "fuzz",
    about: "fuzz the parser, the engine and share links (crates/fuzz), 10 minutes",
    options: &[Flag {
        name: "--minutes",
        value: Some("N"),
        about: "fuzz for N minutes instead",
    }],
    run: fuzz,
};

/// Runs per target in the test stage: seconds of work, the same inputs every time.
const TEST_RUNS: &str = "2000";

fn fuzz(workspace: &Workspace, options: &[&str]) -> Result<(), Failure> {
    let minutes = match options {
        [] => "10",
        ["--minutes", minutes] if minutes.parse::<f64>().is_ok_and(|m| m >= 0.0) => minutes,
        _ => {
            return Err(Failure::new(format!(
                "--minutes needs a number of minutes, got {options:?}"
            )))
        }
    };
    run(workspace.cargo().args([
        "run",
        "--release",
        "--package",
        "loopscope-fuzz",
        "--",
        "--minutes",
        minutes,
    ]))
}

/// The test stage: a fixed number of runs per target from a fixed seed.
pub fn short_run(workspace: &Workspace) -> Result<(), Failure> {
    run(workspace.cargo().args([
        "run",
        "--package",
        "loopscope-fuzz",
        "--",
        "--runs",
        TEST_RUNS,
        "--seed",
        "1",
    ]))
}
