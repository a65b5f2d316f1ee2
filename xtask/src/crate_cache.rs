//! Crates in cargo's cache before trunk runs. Trunk.toml sets `offline = true` (trunk never
//! downloads tools), so the cargo build it starts may not download crates either: every
//! crate that build compiles must already be cached. That is the app's own (Cargo.lock) and,
//! because the release build recompiles std (build-std), those of the Rust toolchain's
//! `library/Cargo.lock` in rust-src, which no ordinary build ever fetches.

use std::path::PathBuf;

use crate::failure::Failure;
use crate::process::{probe, run};
use crate::report::{detail, step};
use crate::workspace::Workspace;

/// Fetches, once, whatever the page's build needs that cargo's cache lacks.
pub fn ensure_fetched(workspace: &Workspace) -> Result<(), Failure> {
    step("crates of the page's build in cargo's cache (trunk builds offline)");
    let std_library = std_library(workspace)?;
    let lock_files = [
        ("the app's crates (Cargo.lock)", workspace.path("")),
        (
            "std's crates (rust-src's library/Cargo.lock, for build-std)",
            std_library,
        ),
    ];
    for (what, folder) in lock_files {
        // RUSTC_BOOTSTRAP: std's workspace manifest uses unstable cargo features.
        let fetch = |offline: bool| {
            let mut command = workspace.cargo();
            command
                .current_dir(&folder)
                .env("RUSTC_BOOTSTRAP", "1")
                .args(["fetch", "--locked"]);
            if offline {
                command.arg("--offline");
            }
            command
        };
        if probe(&mut fetch(true)).is_some() {
            detail(&format!("{what}: present"));
        } else {
            detail(&format!(
                "{what}: missing, fetching them from crates.io once"
            ));
            run(&mut fetch(false))?;
        }
    }
    Ok(())
}

/// `library/` of the toolchain's rust-src component (see `toolchain::ensure_rust_src`).
fn std_library(workspace: &Workspace) -> Result<PathBuf, Failure> {
    let sysroot = probe(workspace.command("rustc").args(["--print", "sysroot"]))
        .ok_or_else(|| Failure::new("`rustc --print sysroot` failed"))?;
    let library = PathBuf::from(sysroot).join("lib/rustlib/src/rust/library");
    if library.join("Cargo.lock").exists() {
        Ok(library)
    } else {
        Err(Failure::new(format!(
            "{} has no Cargo.lock: is the rust-src component installed? (rustup component add rust-src)",
            library.display()
        )))
    }
}
