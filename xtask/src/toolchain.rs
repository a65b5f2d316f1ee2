//! Installing the pinned tools that the lints, the web build and the browser tests need,
//! skipping whatever is already there at the right version, and saying which is which.

use std::path::Path;

use crate::apt;
use crate::crate_cache;
use crate::failure::Failure;
use crate::process::{probe, run};
use crate::report::{detail, step};
use crate::workspace::Workspace;

/// trunk 0.22 needs a newer rustc than this project's 1.95.
const TRUNK_VERSION: &str = "0.21.14";
/// The web app's target, for its build and its lints.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Where Debian's `chromium` package puts the browser; tests/e2e/playwright.config.ts uses it.
const CHROMIUM: &str = "/usr/bin/chromium";

/// Everything `trunk build --release` needs: the wasm target, std's source, trunk, the
/// wasm-bindgen CLI, Node.js with the npm packages (binaryen's wasm-opt; Playwright for the
/// browser tests), and in cargo's cache every crate the build compiles (trunk builds offline).
pub fn ensure_web_build_tools(workspace: &Workspace) -> Result<(), Failure> {
    ensure_wasm_target(workspace)?;
    ensure_rust_src(workspace)?;
    ensure_trunk(workspace)?;
    ensure_wasm_bindgen_cli(workspace)?;
    ensure_node(workspace)?;
    ensure_npm_packages(workspace)?;
    crate_cache::ensure_fetched(workspace)
}

/// CPython 3.11.7 as `python3`: the oracle the tests compare with. It cannot be installed
/// from this machine's package registries at that exact version, so its absence stops the
/// run at once with what to do, instead of failing inside a golden test twenty minutes in.
pub fn ensure_oracle() -> Result<(), Failure> {
    step(&format!(
        "CPython {} as python3 (the tests' oracle)",
        loopscope_golden::ORACLE_VERSION
    ));
    loopscope_golden::check_oracle().map_err(Failure::new)?;
    detail("present");
    Ok(())
}

/// The tools `cargo install`s, by binary name, with their pinned versions.
pub fn pinned_cargo_tools(workspace: &Workspace) -> Result<[(String, String); 2], Failure> {
    Ok([trunk(), wasm_bindgen_cli(workspace)?].map(|tool| (tool.binary.to_string(), tool.version)))
}

/// What `cargo xtask lint` runs: rustfmt, clippy, and the wasm target clippy checks the
/// web app for. rustup's default profile has the first two; its minimal profile does not.
pub fn ensure_lint_tools(workspace: &Workspace) -> Result<(), Failure> {
    for component in ["rustfmt", "clippy"] {
        step(&format!("Rust component {component} (rustup)"));
        ensure_rustup_installed(workspace, "component", component)?;
    }
    ensure_wasm_target(workspace)
}

fn ensure_wasm_target(workspace: &Workspace) -> Result<(), Failure> {
    step(&format!("Rust target {WASM_TARGET} (rustup)"));
    ensure_rustup_installed(workspace, "target", WASM_TARGET)
}

/// The standard library's source, from which the release build recompiles std for the page
/// (see `Workspace::trunk`). It comes with the toolchain that runs this xtask.
fn ensure_rust_src(workspace: &Workspace) -> Result<(), Failure> {
    step("Rust component rust-src (rustup), to rebuild std size-optimised for the page");
    ensure_rustup_installed(workspace, "component", "rust-src")
}

/// `rustup KIND add NAME` unless `rustup KIND list --installed` already lists it (host
/// components are listed with their target: `clippy-x86_64-unknown-linux-gnu`).
fn ensure_rustup_installed(workspace: &Workspace, kind: &str, name: &str) -> Result<(), Failure> {
    let installed = probe(
        workspace
            .command("rustup")
            .args([kind, "list", "--installed"]),
    )
    .ok_or_else(|| {
        Failure::new(format!(
            "rustup is needed to add the {kind} {name}; see https://rustup.rs"
        ))
    })?;
    let listed = |line: &str| line == name || line.starts_with(&format!("{name}-"));
    if installed.lines().map(str::trim).any(listed) {
        detail("present");
        return Ok(());
    }
    detail("missing: installing");
    run(workspace.command("rustup").args([kind, "add", name]))
}

fn ensure_trunk(workspace: &Workspace) -> Result<(), Failure> {
    trunk().ensure(workspace)
}

fn trunk() -> CargoInstall {
    CargoInstall {
        binary: "trunk",
        krate: "trunk",
        version: TRUNK_VERSION.to_string(),
        locked: true,
        cold_build_time: "6 minutes or more",
    }
}

fn ensure_wasm_bindgen_cli(workspace: &Workspace) -> Result<(), Failure> {
    let install = wasm_bindgen_cli(workspace)?;
    check_trunk_toml_agrees(workspace, &install.version)?;
    install.ensure(workspace)
}

/// The CLI must be exactly the wasm-bindgen version in Cargo.lock, or trunk refuses it.
fn wasm_bindgen_cli(workspace: &Workspace) -> Result<CargoInstall, Failure> {
    Ok(CargoInstall {
        binary: "wasm-bindgen",
        krate: "wasm-bindgen-cli",
        version: workspace.locked_version("wasm-bindgen")?,
        // Its own lock file names a crate version the registry no longer has.
        locked: false,
        cold_build_time: "2 to 6 minutes",
    })
}

/// Trunk.toml's `[tools] wasm_bindgen` pin must match Cargo.lock, or trunk (offline) fails
/// with a less helpful message.
fn check_trunk_toml_agrees(workspace: &Workspace, locked: &str) -> Result<(), Failure> {
    let trunk_toml = std::fs::read_to_string(workspace.path("Trunk.toml"))
        .map_err(|error| Failure::new(format!("cannot read Trunk.toml: {error}")))?;
    let pinned = trunk_toml.lines().find_map(|line| {
        let value = line
            .trim()
            .strip_prefix("wasm_bindgen")?
            .trim_start()
            .strip_prefix('=')?;
        Some(value.trim().trim_matches('"').to_string())
    });
    match pinned {
        Some(pinned) if pinned != locked => Err(Failure::new(format!(
            "Trunk.toml pins wasm_bindgen = \"{pinned}\" but Cargo.lock has wasm-bindgen {locked}; \
             make Trunk.toml, Cargo.toml (`wasm-bindgen = \"={locked}\"`) and Cargo.lock agree"
        ))),
        _ => Ok(()),
    }
}

/// A tool installed with `cargo install`, checked with `BINARY --version`.
struct CargoInstall {
    binary: &'static str,
    krate: &'static str,
    version: String,
    locked: bool,
    cold_build_time: &'static str,
}

impl CargoInstall {
    fn ensure(&self, workspace: &Workspace) -> Result<(), Failure> {
        step(&format!("{} {} (cargo install)", self.krate, self.version));
        let replacing = match self.installed_version(workspace) {
            Some(found) if found == self.version => {
                detail("present");
                return Ok(());
            }
            Some(found) => {
                detail(&format!("found {} {found}: replacing it", self.binary));
                true
            }
            None => {
                detail("missing");
                false
            }
        };
        detail(&format!(
            "installing; a cold build takes {}",
            self.cold_build_time
        ));
        let mut install = workspace.cargo();
        install.args(["install", self.krate, "--version", &self.version]);
        if self.locked {
            install.arg("--locked");
        }
        if replacing {
            // cargo refuses to overwrite a binary it did not install itself.
            install.arg("--force");
        }
        run(&mut install)?;
        match self.installed_version(workspace) {
            Some(found) if found == self.version => Ok(()),
            found => Err(Failure::new(format!(
                "installed {} {} but `{} --version` reports {}; is another {} earlier on PATH?",
                self.krate,
                self.version,
                self.binary,
                found.as_deref().unwrap_or("nothing"),
                self.binary
            ))),
        }
    }

    /// The version `BINARY --version` reports (it prints `BINARY VERSION`).
    fn installed_version(&self, workspace: &Workspace) -> Option<String> {
        let output = probe(workspace.command(self.binary).arg("--version"))?;
        output.split_whitespace().nth(1).map(str::to_string)
    }
}

/// Node.js and npm run wasm-opt (binaryen's npm package), Playwright and its static server.
fn ensure_node(workspace: &Workspace) -> Result<(), Failure> {
    step("Node.js and npm (Debian packages nodejs, npm)");
    let version = |program| probe(workspace.command(program).arg("--version"));
    if let (Some(node), Some(npm)) = (version("node"), version("npm")) {
        detail(&format!("present: node {node}, npm {npm}"));
        return Ok(());
    }
    apt::install(
        workspace,
        &["nodejs", "npm"],
        "install Node.js 18 or later with npm yourself",
    )
}

fn ensure_npm_packages(workspace: &Workspace) -> Result<(), Failure> {
    step("npm packages pinned in package-lock.json (binaryen's wasm-opt, Playwright)");
    let complete = probe(workspace.command("npm").args(["ls", "--depth=0"])).is_some()
        && workspace.path("node_modules/.bin/wasm-opt").exists();
    if complete {
        detail("present");
        return Ok(());
    }
    detail("missing or out of date: installing (Playwright's own browser download is skipped)");
    run(workspace
        .command("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
}

/// Pyodide, pinned in tests/e2e/measure/pyodide/package-lock.json, which
/// tests/e2e/measure/pyodide.mjs runs beside Loopscope (`cargo xtask bench-page` only).
pub fn ensure_pyodide_package(workspace: &Workspace) -> Result<(), Failure> {
    const FOLDER: &str = "tests/e2e/measure/pyodide";
    step(&format!(
        "Pyodide, pinned in {FOLDER}/package-lock.json (npm)"
    ));
    let complete = probe(
        workspace
            .command("npm")
            .args(["ls", "--depth=0", "--prefix", FOLDER]),
    )
    .is_some()
        && workspace
            .path(FOLDER)
            .join("node_modules/pyodide/pyodide.asm.wasm")
            .exists();
    if complete {
        detail("present");
        return Ok(());
    }
    detail("missing or out of date: installing");
    run(workspace
        .command("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(workspace.path(FOLDER)))
}

/// Debian's Chromium, which the browser tests drive (Playwright's own browser download
/// cannot reach its servers from here).
pub fn ensure_chromium(workspace: &Workspace) -> Result<(), Failure> {
    step(&format!("Chromium at {CHROMIUM} (Debian package chromium)"));
    if Path::new(CHROMIUM).exists() {
        detail("present");
        return Ok(());
    }
    apt::install(
        workspace,
        &["chromium"],
        &format!("install Chromium so that {CHROMIUM} exists"),
    )?;
    if Path::new(CHROMIUM).exists() {
        Ok(())
    } else {
        Err(Failure::new(format!(
            "apt-get installed chromium but {CHROMIUM} is still missing"
        )))
    }
}
