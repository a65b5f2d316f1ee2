//! `cargo xtask bench-page`: the browser's figures for BENCHMARKS.md. It builds the release
//! page into dist/ as `cargo xtask test` does, runs the four measurement scripts of
//! tests/e2e/measure/ (each serves dist/ on 127.0.0.1 itself), reads the one `BENCH-JSON`
//! line each prints last, judges issue 13's browser targets (items 2, 3 and 4) on them, and
//! rewrites the one section of BENCHMARKS.md it owns. Nothing is written unless every
//! script ran to a clean exit.

use std::fs;

use crate::bench::{load_average, Machine};
use crate::failure::Failure;
use crate::process::run_capturing;
use crate::report::{detail, step};
use crate::test::web_build;
use crate::toolchain;
use crate::workspace::Workspace;
use crate::Command;

mod section;
mod worker;

use section::{put_section, pyodide_targets, timeline_targets, Context, Figures};
use worker::{page_opt_level, worker_targets};

pub const COMMAND: Command = Command {
    name: "bench-page",
    about:
        "measure the release page in Chromium and beside Pyodide; rewrite its BENCHMARKS.md section",
    options: &[],
    run: |workspace, _| bench_page(workspace),
};

/// What the command types, for BENCHMARKS.md.
const COMMAND_LINE: &str = "cargo xtask bench-page";

/// The measurement scripts, in the order they run: the short one first, so that a broken
/// page shows in minutes, not after the million-event run.
const SCRIPTS: [&str; 4] = ["budgets.mjs", "timeline.mjs", "worker.mjs", "pyodide.mjs"];

fn bench_page(workspace: &Workspace) -> Result<(), Failure> {
    let machine = Machine::describe(workspace);
    detail(&format!(
        "{} cores, load average {} (other work on this machine slows every figure)",
        machine.cores, machine.load_before
    ));
    // The same tools and build as `cargo xtask test`'s web stages, then Pyodide.
    step("the release page into dist/ (as `cargo xtask test` builds it)");
    web_build(workspace)?;
    toolchain::ensure_chromium(workspace)?;
    toolchain::ensure_pyodide_package(workspace)?;
    let mut outputs = Vec::new();
    for (index, script) in SCRIPTS.iter().enumerate() {
        step(&format!(
            "measure {} of {}: tests/e2e/measure/{script}",
            index + 1,
            SCRIPTS.len()
        ));
        // The scripts' own knobs (the program's size, the panels shown, profiling) stay at
        // their defaults, the measure BENCHMARKS.md describes.
        let output = run_capturing(
            workspace
                .command("node")
                .arg(format!("tests/e2e/measure/{script}"))
                .env_remove("TASKS")
                .env_remove("SLEEPS")
                .env_remove("PANELS")
                .env_remove("PROFILE")
                .env_remove("ROUNDS"),
        )
        .map_err(|failure| Failure::new(format!("{script}: {failure}")))?;
        outputs.push(output);
    }
    let budgets = Figures::parse(SCRIPTS[0], &outputs[0])?;
    let timeline = Figures::parse(SCRIPTS[1], &outputs[1])?;
    let worker = Figures::parse(SCRIPTS[2], &outputs[2])?;
    let pyodide = Figures::parse(SCRIPTS[3], &outputs[3])?;
    let manifest = std::fs::read_to_string(workspace.path("Cargo.toml"))
        .map_err(|error| Failure::new(format!("Cargo.toml: {error}")))?;
    let opt_level = page_opt_level(&manifest).unwrap_or_else(|| "inherited".to_string());
    let mut targets = worker_targets(&worker, &opt_level)?;
    targets.extend(timeline_targets(&timeline)?);
    targets.extend(pyodide_targets(&budgets, &pyodide)?);

    step("issue 13's browser targets");
    for target in &targets {
        detail(&format!(
            "item {}: {}: {} ({})",
            target.item, target.target, target.verdict, target.figure
        ));
    }
    let context = Context {
        date: machine.date.clone(),
        commit: machine.commit.clone(),
        command: COMMAND_LINE,
        cpu: machine.cpu.clone(),
        cores: machine.cores,
        load_start: machine.load_before.clone(),
        load_end: load_average(),
        script_loads: section::script_loads(&[&budgets, &timeline, &worker, &pyodide])?,
    };
    let text = section::section(&context, &targets, &budgets)?;
    let path = workspace.path("BENCHMARKS.md");
    let old = fs::read_to_string(&path)
        .map_err(|error| Failure::new(format!("cannot read {}: {error}", path.display())))?;
    let new = put_section(&old, &text)?;
    // Written beside it, then renamed over it: an interrupted write leaves the old file.
    let partial = workspace.path("BENCHMARKS.md.partial");
    fs::write(&partial, new)
        .and_then(|()| fs::rename(&partial, &path))
        .map_err(|error| Failure::new(format!("cannot write {}: {error}", path.display())))?;
    step("wrote the browser section of BENCHMARKS.md");
    Ok(())
}
