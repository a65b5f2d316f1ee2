//! The repository's tidiness, checked like a test (after rust-analyzer's
//! `tidy`): every Rust file under `crates/`, `src/` and `xtask/` opens with a
//! `//!` doc saying what it is and stays short enough to read (at most
//! [`LINE_BUDGET`] lines, save the files of [`OVER_BUDGET`]), and
//! docs/ARCHITECTURE.md names only files and folders that exist.

use std::fs;
use std::path::{Path, PathBuf};

/// The most lines a Rust file may have: past it, split it along its seams.
const LINE_BUDGET: usize = 800;

/// Files still over the budget, each with what is left to do. A listed file
/// that fits the budget fails the test until it is taken off the list, so the
/// list only shrinks.
const OVER_BUDGET: &[(&str, &str)] = &[
    (
        "crates/runtime/src/vm/interp.rs",
        "the dispatch loop's one match; group its arms by family",
    ),
    (
        "crates/runtime/src/attrs.rs",
        "split the descriptor protocol off attribute lookup",
    ),
    (
        "crates/runtime/src/builtins/str_methods.rs",
        "split the searching, splitting and case methods",
    ),
    (
        "crates/composer/src/generate.rs",
        "split the step writers off the program's frame",
    ),
];

/// The folders whose Rust files are checked, from the repository's root.
const CHECKED: &[&str] = &["crates", "src", "xtask"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the repository's root")
        .to_path_buf()
}

/// Every file under `dir` (relative to `root`), skipping build output,
/// npm's folder and hidden folders.
fn files_under(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(root.join(dir)) else {
        return;
    };
    let mut entries: Vec<_> = entries.map(|e| e.expect("dir entry").path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let relative = dir.join(name);
        if path.is_dir() {
            if name != "target" && name != "node_modules" && !name.starts_with('.') {
                files_under(root, &relative, out);
            }
        } else {
            out.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

fn rust_files(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for dir in CHECKED {
        files_under(root, Path::new(dir), &mut files);
    }
    files.retain(|f| f.ends_with(".rs"));
    assert!(
        files.len() > 100,
        "found only {} Rust files under {CHECKED:?}",
        files.len()
    );
    files
}

#[test]
fn rust_files_fit_the_line_budget() {
    let root = root();
    let files = rust_files(&root);
    let mut problems = Vec::new();
    for file in &files {
        let lines = fs::read_to_string(root.join(file))
            .expect("read a Rust file")
            .lines()
            .count();
        let listed = OVER_BUDGET.iter().any(|(path, _)| path == file);
        if lines > LINE_BUDGET && !listed {
            problems.push(format!(
                "{file}: {lines} lines, over the budget of {LINE_BUDGET}: split it along its seams"
            ));
        }
        if lines <= LINE_BUDGET && listed {
            problems.push(format!(
                "{file}: {lines} lines fit the budget now: take it off OVER_BUDGET"
            ));
        }
    }
    for (path, _) in OVER_BUDGET {
        if !files.iter().any(|f| f == path) {
            problems.push(format!(
                "{path} is listed in OVER_BUDGET but does not exist"
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn rust_files_open_with_a_module_doc() {
    let root = root();
    let mut problems = Vec::new();
    for file in rust_files(&root) {
        let text = fs::read_to_string(root.join(&file)).expect("read a Rust file");
        // Inner attributes (`#![...]`) may come first; then the `//!` doc.
        let first = text
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty() && !line.starts_with("#!["));
        if !first.is_some_and(|line| line.starts_with("//!")) {
            problems.push(format!(
                "{file}: does not open with a `//!` doc saying what the module is"
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

/// The backquoted words of `text` that name a file or a folder: a path with
/// a file extension or ending in `/` (globs and `{a,b}` sets excepted).
fn named_paths(text: &str) -> Vec<&str> {
    const EXTENSIONS: &[&str] = &[
        ".rs", ".py", ".md", ".js", ".mjs", ".ts", ".toml", ".html", ".css", ".json",
    ];
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|word| !word.contains(char::is_whitespace) && !word.contains(['*', '{']))
        .filter(|word| word.ends_with('/') || EXTENSIONS.iter().any(|e| word.ends_with(e)))
        .collect()
}

#[test]
fn architecture_names_only_what_exists() {
    let root = root();
    let mut files = Vec::new();
    for dir in ["crates", "src", "xtask", "docs", "tests", "assets", "bench"] {
        files_under(&root, Path::new(dir), &mut files);
    }
    for entry in fs::read_dir(&root).expect("read the root") {
        let path = entry.expect("dir entry").path();
        if path.is_file() {
            files.push(path.file_name().expect("a name").to_string_lossy().into());
        }
    }
    // A name may be given relative to any folder the text is about
    // (`heapq.rs` in asyncio's paragraph), so it is found as a path suffix.
    let is_suffix = |path: &str, name: &str| path == name || path.ends_with(&format!("/{name}"));
    let exists = |name: &str| {
        let name = name.trim_start_matches("./");
        files.iter().any(|f| {
            is_suffix(f, name) || f.match_indices('/').any(|(i, _)| is_suffix(&f[..=i], name))
        })
    };
    let text = fs::read_to_string(root.join("docs/ARCHITECTURE.md")).expect("read ARCHITECTURE");
    let paths = named_paths(&text);
    assert!(paths.len() > 50, "found only {} file names", paths.len());
    let missing: Vec<_> = paths.into_iter().filter(|p| !exists(p)).collect();
    assert!(
        missing.is_empty(),
        "docs/ARCHITECTURE.md names what does not exist (rename or remove): {missing:?}"
    );
}
