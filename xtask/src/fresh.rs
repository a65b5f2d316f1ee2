//! `cargo xtask test --fresh`: the whole test command as a newcomer runs it, to prove that
//! nothing depends on a warm cache. It clones this checkout's HEAD into a throw-away folder
//! and runs `cargo xtask test` there with a new, empty `CARGO_HOME` (no registry, no git
//! checkouts, no installed tools) and a new, empty npm cache.
//!
//! What stays the machine's: the Rust toolchain (rustup's own home; the new `CARGO_HOME/bin`
//! links rustup's proxies, as a rustup install would put there), apt's packages (Chromium,
//! Node.js) and CPython. To save their compile time, trunk and the wasm-bindgen CLI are
//! linked in from the current `CARGO_HOME/bin` when that holds them; the run says so.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::os::unix::fs::{symlink, MetadataExt};
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::failure::Failure;
use crate::process::{probe, run};
use crate::report::{detail, duration, step};
use crate::toolchain;
use crate::workspace::{cargo_home, Workspace};

/// Runs `cargo xtask test` in a fresh clone of HEAD with an empty cargo home.
pub fn test_in_fresh_clone(workspace: &Workspace) -> Result<(), Failure> {
    let started = Instant::now();
    let folder = env::temp_dir().join(format!("loopscope-fresh-{}", std::process::id()));
    let (clone, home, npm_cache) = (
        folder.join("loopscope"),
        folder.join("cargo-home"),
        folder.join("npm-cache"),
    );
    step(&format!("fresh clone of HEAD in {}", folder.display()));
    let head = probe(workspace.command("git").args(["rev-parse", "HEAD"]))
        .ok_or_else(|| Failure::new("`git rev-parse HEAD` failed: is this a git checkout?"))?;
    if probe(workspace.command("git").args(["status", "--porcelain"]))
        .is_some_and(|changes| !changes.is_empty())
    {
        detail("note: uncommitted changes are not part of the clone; only HEAD is tested");
    }
    run(workspace
        .command("git")
        .args(["clone", "--quiet", "--no-checkout"])
        .arg(workspace.path(""))
        .arg(&clone))?;
    run(workspace
        .command("git")
        .current_dir(&clone)
        .args(["checkout", "--quiet", "--detach", &head]))?;

    step(&format!("empty CARGO_HOME {}", home.display()));
    let bin = home.join("bin");
    make_folder(&bin)?;
    make_folder(&npm_cache)?;
    let old_bin = cargo_home()
        .map(|home| home.join("bin"))
        .ok_or_else(|| Failure::new("cannot tell where CARGO_HOME is (no HOME)"))?;
    link_rustup_proxies(&old_bin, &bin)?;
    link_prebuilt_tools(workspace, &old_bin, &bin)?;

    step("cargo xtask test, in the fresh clone");
    let outcome = run(workspace
        .command("cargo")
        .current_dir(&clone)
        .args(["xtask", "test"])
        .env("CARGO_HOME", &home)
        .env("npm_config_cache", &npm_cache)
        .env("PATH", fresh_path(&bin, &old_bin, workspace))
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO"));
    let took = duration(started.elapsed());
    match outcome {
        Ok(()) => {
            step(&format!(
                "the fresh run passed in {took} (HEAD {})",
                &head[..head.len().min(12)]
            ));
            detail("removing the throw-away folder");
            fs::remove_dir_all(&folder).map_err(|error| {
                Failure::new(format!("cannot remove {}: {error}", folder.display()))
            })
        }
        Err(failure) => Err(Failure::new(format!(
            "the fresh run failed after {took}: {failure}\n    its clone and cargo home are \
             kept for a look: {} (delete it when done)",
            folder.display()
        ))),
    }
}

fn make_folder(path: &Path) -> Result<(), Failure> {
    fs::create_dir_all(path)
        .map_err(|error| Failure::new(format!("cannot create {}: {error}", path.display())))
}

/// Links every rustup proxy (`cargo`, `rustc`, `rustup`, `cargo-clippy`, …: the files that are
/// the `rustup` binary itself) from `old_bin` into `bin`, as rustup's installer would.
fn link_rustup_proxies(old_bin: &Path, bin: &Path) -> Result<(), Failure> {
    let rustup = fs::metadata(old_bin.join("rustup")).map_err(|error| {
        Failure::new(format!(
            "no rustup in {} ({error}): the fresh run needs a rustup-managed toolchain",
            old_bin.display()
        ))
    })?;
    let entries = fs::read_dir(old_bin)
        .map_err(|error| Failure::new(format!("cannot list {}: {error}", old_bin.display())))?;
    let mut linked = Vec::new();
    for entry in entries.flatten() {
        // Following symlinks: rustup's installer makes hard links or symlinks.
        let is_proxy = fs::metadata(entry.path())
            .is_ok_and(|meta| (meta.dev(), meta.ino()) == (rustup.dev(), rustup.ino()));
        if is_proxy {
            link(&entry.path(), &bin.join(entry.file_name()))?;
            linked.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    linked.sort();
    detail(&format!("rustup's proxies linked in: {}", linked.join(" ")));
    Ok(())
}

/// Links trunk and the wasm-bindgen CLI, when `old_bin` has them at the pinned versions, so
/// the fresh run does not spend ~10 minutes compiling them again.
fn link_prebuilt_tools(workspace: &Workspace, old_bin: &Path, bin: &Path) -> Result<(), Failure> {
    for (binary, version) in toolchain::pinned_cargo_tools(workspace)? {
        let prebuilt = old_bin.join(&binary);
        let found = probe(
            workspace
                .command(&prebuilt.to_string_lossy())
                .arg("--version"),
        );
        if found.as_deref() == Some(&format!("{binary} {version}")) {
            link(&prebuilt, &bin.join(&binary))?;
            detail(&format!(
                "{binary} {version} linked in from {} (saves its compile time)",
                old_bin.display()
            ));
        } else {
            detail(&format!(
                "{binary} {version} is not prebuilt here: the fresh run installs it"
            ));
        }
    }
    Ok(())
}

fn link(target: &Path, link_path: &Path) -> Result<(), Failure> {
    symlink(target, link_path).map_err(|error| {
        Failure::new(format!(
            "cannot link {} to {}: {error}",
            link_path.display(),
            target.display()
        ))
    })
}

/// `bin`, then the caller's `PATH` without the old cargo bin directory and without this
/// checkout's `node_modules/.bin`, so that no tool installed before can be found.
fn fresh_path(bin: &Path, old_bin: &Path, workspace: &Workspace) -> OsString {
    let node_bin = workspace.path("node_modules/.bin");
    let inherited = env::var_os("PATH").unwrap_or_default();
    let kept = env::split_paths(&inherited).filter(|dir| dir != old_bin && *dir != node_bin);
    env::join_paths(std::iter::once(PathBuf::from(bin)).chain(kept))
        .expect("PATH entries contain no separator")
}
