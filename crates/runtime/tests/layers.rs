//! The runtime's layering (`loopscope_runtime::LAYERS`): every `crate::` path
//! in a module names a module of its own layer or of a layer below.

use std::path::{Path, PathBuf};

use loopscope_runtime::LAYERS;

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read src")
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules named by `crate::` paths in `source`, with their
/// line numbers (comments excluded).
fn crate_paths(source: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (i, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if name == "{" || name.is_empty() {
                // `use crate::{a, b}` is not used in this crate.
                found.push((i + 1, "{".to_string()));
            } else {
                found.push((i + 1, name));
            }
            rest = after;
        }
    }
    found
}

#[test]
fn modules_use_only_their_layer_and_below() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut problems = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src");
        let top = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or("")
            .trim_end_matches(".rs")
            .to_string();
        if top == "lib" {
            continue;
        }
        let Some(own) = layer_of(&top) else {
            problems.push(format!(
                "{}: module `{top}` is in no layer of LAYERS",
                relative.display()
            ));
            continue;
        };
        let source = std::fs::read_to_string(file).expect("read file");
        for (line, used) in crate_paths(&source) {
            match layer_of(&used) {
                Some(layer) if layer <= own => {}
                Some(layer) => problems.push(format!(
                    "{}:{line}: `{top}` ({}) uses `{used}` ({}), a layer above",
                    relative.display(),
                    LAYERS[own].0,
                    LAYERS[layer].0
                )),
                None => problems.push(format!(
                    "{}:{line}: `crate::{used}` is not a module of LAYERS",
                    relative.display()
                )),
            }
        }
    }
    assert!(
        problems.is_empty(),
        "layering violations:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_layer_lists_existing_modules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for (layer, modules) in LAYERS {
        for module in *modules {
            let file = src.join(format!("{module}.rs"));
            let dir = src.join(module).join("mod.rs");
            assert!(
                file.exists() || dir.exists(),
                "layer {layer} lists `{module}`, which has no file"
            );
        }
    }
}
