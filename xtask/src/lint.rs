//! `cargo xtask lint`: the quality gates, also the first stage of `cargo xtask test`.
//! rustfmt's layout, then clippy with every warning denied, for the native targets of the
//! whole workspace and for the web app's wasm target. Which lints apply, and at what level,
//! is set once in the root Cargo.toml (`[workspace.lints]`); this only turns warnings into
//! failures, so that `cargo build` during work still only warns.

use crate::failure::Failure;
use crate::process::run;
use crate::report::detail;
use crate::toolchain;
use crate::workspace::Workspace;
use crate::Command;

pub const COMMAND: Command = Command {
    name: "lint",
    about: "cargo fmt --check, then clippy (warnings denied) for native and wasm32 targets",
    options: &[],
    run: |workspace, _| lint(workspace),
};

pub fn lint(workspace: &Workspace) -> Result<(), Failure> {
    toolchain::ensure_lint_tools(workspace)?;
    run(workspace.cargo().args(["fmt", "--all", "--check"]))
        .map_err(|failure| hint(failure, "run `cargo fmt --all` and commit the result"))?;
    detail("clippy, native targets (every package, tests and benches included)");
    run(workspace.cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))
    .map_err(clippy_hint)?;
    detail(&format!(
        "clippy, the web app for {}",
        toolchain::WASM_TARGET
    ));
    run(workspace.cargo().args([
        "clippy",
        "--package",
        "loopscope-web",
        "--target",
        toolchain::WASM_TARGET,
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))
    .map_err(clippy_hint)
}

fn clippy_hint(failure: Failure) -> Failure {
    hint(
        failure,
        "fix what clippy reports above (`cargo clippy --fix` applies its suggestions)",
    )
}

fn hint(failure: Failure, advice: &str) -> Failure {
    Failure::new(format!("{failure}: {advice}"))
}
