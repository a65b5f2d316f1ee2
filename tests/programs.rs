//! Test support shared by the crates' tests (included with `#[path]`): every example
//! program and every conformance case, the corpus that whole-engine checks run over.

/// The programs under assets/examples and tests/conformance/cases, as (path, source),
/// each folder in file-name order. The including crate must sit two folders below the
/// repository root (crates/NAME).
pub fn examples_and_cases() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut programs = Vec::new();
    for dir in ["assets/examples", "tests/conformance/cases"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .expect("program directory")
            .map(|entry| entry.expect("entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "py"))
            .collect();
        paths.sort();
        for path in paths {
            let source = std::fs::read_to_string(&path).expect("program");
            programs.push((path.display().to_string(), source));
        }
    }
    programs
}
