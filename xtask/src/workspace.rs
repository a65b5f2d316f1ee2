//! The checkout the xtask works on: where it is, how to run a tool inside it, and what its
//! Cargo.lock pins.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::failure::Failure;

/// The repository root, plus the `PATH` under which its tools run.
pub struct Workspace {
    root: PathBuf,
    tool_path: OsString,
}

impl Workspace {
    /// The checkout this xtask binary was built from (the parent of `xtask/`).
    pub fn of_this_checkout() -> Self {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask/ lives inside the repository")
            .to_path_buf();
        let tool_path = tool_path(&root);
        Workspace { root, tool_path }
    }

    /// A path inside the repository.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    /// A command that runs `program` at the repository root, finding tools first in
    /// `node_modules/.bin` (wasm-opt, playwright) and cargo's bin directory (trunk,
    /// wasm-bindgen), then on the caller's `PATH`.
    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.current_dir(&self.root).env("PATH", &self.tool_path);
        command
    }

    /// `trunk`, set to build the page as small as it can be: cargo recompiles the standard
    /// library (from the toolchain's own `rust-src`) with the page's size-optimised profile,
    /// and a panic aborts at once instead of formatting a message nobody can read (a page has
    /// no stderr). Together about 45 KB less gzipped wasm (BENCHMARKS.md). Both are unstable
    /// cargo features, which `RUSTC_BOOTSTRAP` unlocks on this stable toolchain, for this
    /// build only: `cargo test` and `cargo build` stay plain stable Rust.
    pub fn trunk(&self) -> Command {
        let mut command = self.command("trunk");
        command
            .env("RUSTC_BOOTSTRAP", "1")
            .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
            .env("CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT", "true")
            .env("CARGO_PROFILE_WASM_RELEASE_PANIC", "immediate-abort");
        command
    }

    /// `cargo` itself: the same one that runs this xtask.
    pub fn cargo(&self) -> Command {
        let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
        self.command(&cargo)
    }

    /// The version of `package` that Cargo.lock pins.
    pub fn locked_version(&self, package: &str) -> Result<String, Failure> {
        let lock_path = self.path("Cargo.lock");
        let lock = std::fs::read_to_string(&lock_path).map_err(|error| {
            Failure::new(format!("cannot read {}: {error}", lock_path.display()))
        })?;
        locked_version_in(&lock, package)
    }
}

/// Where cargo keeps its registry cache and installed tools: `CARGO_HOME`, else `~/.cargo`.
pub fn cargo_home() -> Option<PathBuf> {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
}

/// `node_modules/.bin`, then cargo's bin directory, then the inherited `PATH`.
fn tool_path(root: &Path) -> OsString {
    let cargo_home = cargo_home();
    let inherited = env::var_os("PATH").unwrap_or_default();
    let directories = [
        Some(root.join("node_modules/.bin")),
        cargo_home.map(|home| home.join("bin")),
    ]
    .into_iter()
    .flatten()
    .chain(env::split_paths(&inherited));
    env::join_paths(directories).expect("PATH entries contain no separator")
}

/// Finds the single version of `package` in the text of a Cargo.lock.
fn locked_version_in(lock: &str, package: &str) -> Result<String, Failure> {
    let name_line = format!("name = \"{package}\"");
    let mut versions: Vec<String> = lock
        .split("[[package]]")
        .filter(|entry| entry.lines().any(|line| line.trim() == name_line))
        .filter_map(|entry| {
            entry.lines().find_map(|line| {
                let value = line.trim().strip_prefix("version = \"")?;
                Some(value.trim_end_matches('"').to_string())
            })
        })
        .collect();
    match versions.len() {
        1 => Ok(versions.remove(0)),
        0 => Err(Failure::new(format!(
            "Cargo.lock has no `{package}` package"
        ))),
        _ => Err(Failure::new(format!(
            "Cargo.lock has several `{package}` versions ({}); the web build needs exactly one",
            versions.join(", ")
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "wasm-bindgen-macro",
]

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.131"
"#;

    #[test]
    fn finds_the_locked_version_of_exactly_that_package() {
        assert_eq!(locked_version_in(LOCK, "wasm-bindgen").unwrap(), "0.2.130");
        assert_eq!(
            locked_version_in(LOCK, "wasm-bindgen-macro").unwrap(),
            "0.2.131"
        );
    }

    #[test]
    fn a_missing_or_duplicated_package_is_an_error() {
        assert!(locked_version_in(LOCK, "leptos").is_err());
        let twice = format!("{LOCK}\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.99\"\n");
        assert!(locked_version_in(&twice, "wasm-bindgen").is_err());
    }
}
