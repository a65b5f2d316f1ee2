//! The library's Python as it is embedded (`build/strip_python.rs`: docstrings and
//! full-line comments stripped at build time), checked over every file: each line keeps its
//! number and is either unchanged or emptied (a docstring's first line becomes `pass`), and
//! CPython 3.11 parses the stripped file into the original's syntax tree with each
//! docstring replaced by `pass` — so only docstrings and comments went.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

#[path = "../build/strip_python.rs"]
mod strip_python;

use strip_python::strip;

/// Every embedded Python file, as (path, original text).
fn library() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut pending = vec![root.join("modules/python"), root.join("asyncio/python")];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                let text = std::fs::read_to_string(&path).unwrap();
                files.push((path, text));
            }
        }
    }
    files.sort();
    assert!(files.len() > 30, "the library's Python was not found");
    files
}

#[test]
fn every_line_keeps_its_number_and_is_kept_or_emptied() {
    let mut saved = 0;
    for (path, original) in library() {
        let stripped = strip(&original);
        let (before, after): (Vec<&str>, Vec<&str>) = (
            original.split('\n').collect(),
            stripped.split('\n').collect(),
        );
        assert_eq!(before.len(), after.len(), "{}", path.display());
        for (number, (old, new)) in before.iter().zip(&after).enumerate() {
            let docstring_start = new.trim_start() == "pass"
                && new.len() - 4 == old.len() - old.trim_start().len()
                && old
                    .trim_start()
                    .starts_with(['"', '\'', 'r', 'R', 'u', 'U']);
            assert!(
                old == new || new.is_empty() || docstring_start,
                "{}:{}: {old:?} became {new:?}",
                path.display(),
                number + 1
            );
        }
        saved += original.len() - stripped.len();
    }
    assert!(saved > 50_000, "only {saved} bytes stripped");
}

#[test]
fn cpython_sees_the_same_program_without_its_docstrings() {
    let dir = std::env::temp_dir().join(format!("loopscope-stripped-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut pairs = String::new();
    for (index, (path, original)) in library().into_iter().enumerate() {
        let stripped = dir.join(format!("{index}.py"));
        std::fs::write(&stripped, strip(&original)).unwrap();
        pairs.push_str(&format!("{}\n{}\n", path.display(), stripped.display()));
    }
    let mut child = loopscope_golden::cpython()
        .args(["-c", CHECK_WITH_CPYTHON])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(pairs.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Reads pairs of lines (original, stripped) and compares their syntax trees, the original's
/// docstrings replaced by `pass`, then their docstrings (none left).
const CHECK_WITH_CPYTHON: &str = r#"
import ast, sys
lines = sys.stdin.read().split("\n")
for original, stripped in zip(lines[0::2], lines[1::2]):
    tree = ast.parse(open(original).read())
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            if ast.get_docstring(node, clean=False) is not None:
                node.body[0] = ast.Pass()
    after = ast.parse(open(stripped).read())
    if ast.dump(tree) != ast.dump(after):
        sys.exit(f"{original}: stripping changed more than its docstrings")
    for node in ast.walk(after):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            if ast.get_docstring(node, clean=False) is not None:
                sys.exit(f"{original}: a docstring is left at line {node.body[0].lineno}")
"#;

#[test]
fn what_is_stripped_and_what_stays() {
    let source = "#!/usr/bin/env python\n\"\"\"Module.\n\nMore.\n\"\"\"\nimport os  # kept\n\n\nclass A:\n    r'''Doc.'''\n    x = 'not a docstring'\n\n    # gone\n    def f(self):\n        \"doc\"  # a comment after it\n        return '#'\n\n    async def g(\n        self,\n    ) -> 'A':\n        f\"\"\"not a docstring\"\"\"\n\n\ndef h(): 'one line: left as it is'\n\"after a statement: kept\"\n";
    let expected = "\npass\n\n\n\nimport os  # kept\n\n\nclass A:\n    pass\n    x = 'not a docstring'\n\n\n    def f(self):\n        pass  # a comment after it\n        return '#'\n\n    async def g(\n        self,\n    ) -> 'A':\n        f\"\"\"not a docstring\"\"\"\n\n\ndef h(): 'one line: left as it is'\n\"after a statement: kept\"\n";
    assert_eq!(strip(source), expected);
}
