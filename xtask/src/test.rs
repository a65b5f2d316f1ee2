//! `cargo xtask test`: every test, in order, stopping at the first failure: the quality
//! gates (`cargo xtask lint`), the native workspace tests, a short fuzzing run, the release
//! web build, then the browser tests against that build. Each stage first installs what it needs, so a broken
//! format or a clippy warning shows in seconds, before any tool is compiled.

use std::net::TcpListener;
use std::time::{Duration, Instant};

use crate::failure::Failure;
use crate::fuzz;
use crate::lint;
use crate::process::run;
use crate::report::{detail, duration, step};
use crate::toolchain;
use crate::workspace::Workspace;
use crate::{fresh, Command, Flag};

pub const COMMAND: Command = Command {
    name: "test",
    about: "lint, cargo test --workspace, a short fuzz, trunk build --release, browser tests",
    options: &[Flag {
        name: "--fresh",
        value: None,
        about: "run it in a throw-away clone of HEAD with an empty CARGO_HOME, as a newcomer would",
    }],
    run: |workspace, options| {
        if options.contains(&"--fresh") {
            fresh::test_in_fresh_clone(workspace)
        } else {
            test(workspace)
        }
    },
};

/// One part of the test run; each needs the ones before it to have passed.
struct Stage {
    name: &'static str,
    run: fn(&Workspace) -> Result<(), Failure>,
}

const STAGES: [Stage; 5] = [
    Stage {
        name: "lint (rustfmt, clippy native + wasm32)",
        run: lint::lint,
    },
    Stage {
        name: "cargo test --workspace",
        run: native_tests,
    },
    Stage {
        name: "fuzzing, a fixed budget (crates/fuzz)",
        run: fuzz::short_run,
    },
    Stage {
        name: "trunk build --release",
        run: web_build,
    },
    Stage {
        name: "browser tests (Playwright, Chromium)",
        run: browser_tests,
    },
];

fn test(workspace: &Workspace) -> Result<(), Failure> {
    toolchain::ensure_oracle()?;
    let mut passed: Vec<(&Stage, Duration)> = Vec::new();
    for (index, stage) in STAGES.iter().enumerate() {
        step(&format!(
            "stage {} of {}: {}",
            index + 1,
            STAGES.len(),
            stage.name
        ));
        let started = Instant::now();
        if let Err(failure) = (stage.run)(workspace) {
            print_summary(&passed, Some((stage, started.elapsed())));
            return Err(Failure::new(format!(
                "stage {} of {} ({}) failed: {failure}",
                index + 1,
                STAGES.len(),
                stage.name
            )));
        }
        passed.push((stage, started.elapsed()));
    }
    print_summary(&passed, None);
    Ok(())
}

fn native_tests(workspace: &Workspace) -> Result<(), Failure> {
    run(workspace.cargo().args(["test", "--workspace"]))
}

/// Builds into a fresh dist/: a failed build must not leave an older one for the browser tests
/// (or for `cargo xtask bench-page` to measure).
pub fn web_build(workspace: &Workspace) -> Result<(), Failure> {
    toolchain::ensure_web_build_tools(workspace)?;
    let dist = workspace.path("dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist)
            .map_err(|error| Failure::new(format!("cannot remove the old dist/: {error}")))?;
        detail("removed the previous dist/");
    }
    run(workspace.trunk().args(["build", "--release"]))
}

/// Playwright starts tests/e2e/serve-dist.mjs on a free loopback port and runs the specs.
fn browser_tests(workspace: &Workspace) -> Result<(), Failure> {
    toolchain::ensure_chromium(workspace)?;
    let port = free_loopback_port()?;
    detail(&format!("dist/ will be served at http://127.0.0.1:{port}/"));
    run(workspace
        .command("playwright")
        .args(["test", "--config", "tests/e2e/playwright.config.ts"])
        .env("LOOPSCOPE_E2E_PORT", port.to_string()))
}

fn free_loopback_port() -> Result<u16, Failure> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .map_err(|error| Failure::new(format!("no free port on 127.0.0.1: {error}")))
}

/// One line per stage, then a closing count line (`stages: 3 passed, 0 failed`).
fn print_summary(passed: &[(&Stage, Duration)], failed: Option<(&Stage, Duration)>) {
    step("summary");
    for (stage, elapsed) in passed {
        detail(&format!(
            "passed   {:<40}{:>8}",
            stage.name,
            duration(*elapsed)
        ));
    }
    if let Some((stage, elapsed)) = failed {
        detail(&format!(
            "FAILED   {:<40}{:>8}",
            stage.name,
            duration(elapsed)
        ));
    }
    let finished = passed.len() + usize::from(failed.is_some());
    for stage in &STAGES[finished..] {
        detail(&format!("not run  {}", stage.name));
    }
    let skipped = STAGES.len() - finished;
    let mut counts = format!(
        "stages: {} passed, {} failed",
        passed.len(),
        usize::from(failed.is_some())
    );
    if skipped > 0 {
        counts.push_str(&format!(", {skipped} skipped"));
    }
    println!("{counts}");
}
