//! Prepares the library's Python sources for embedding: each `.py` file under
//! `src/modules/python/` and `src/asyncio/python/` is written to the same path under
//! `OUT_DIR` without its docstrings and full-line comments (`build/strip_python.rs`, line
//! numbers kept), and the crate embeds those copies (`library_source!` in `src/lib.rs`).

use std::path::Path;

#[path = "build/strip_python.rs"]
mod strip_python;

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let src = Path::new("src");
    for dir in ["modules/python", "asyncio/python"] {
        println!("cargo:rerun-if-changed=src/{dir}");
        copy_stripped(&src.join(dir), &Path::new(&out).join(dir));
    }
    println!("cargo:rerun-if-changed=build/strip_python.rs");
}

/// Writes every `.py` file under `from` to the same place under `to`, stripped.
fn copy_stripped(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("{}: {e}", to.display()));
    let entries = std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    for entry in entries {
        let path = entry.expect("a readable directory").path();
        let target = to.join(path.file_name().expect("a file name"));
        if path.is_dir() {
            copy_stripped(&path, &target);
        } else if path.extension().is_some_and(|e| e == "py") {
            let source = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            std::fs::write(&target, strip_python::strip(&source))
                .unwrap_or_else(|e| panic!("{}: {e}", target.display()));
        }
    }
}
