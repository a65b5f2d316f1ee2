//! The parser never panics and never overflows the stack: whatever the
//! input, `parse` returns a tree or a diagnostic, and the diagnostic renders.
//!
//! Random bytes, random Python-flavoured token soup, random mutations of
//! the golden programs, and hand-made pathological nesting.

use std::fs;
use std::path::Path;

use loopscope_syntax::ast::Module;
use loopscope_syntax::{Diagnostic, DiagnosticKind};
use proptest::prelude::*;

/// `loopscope_syntax::parse` on a thread with a stack as large as the engine's
/// threads have: an unoptimised build's parser may use 8 MiB before it calls a
/// nesting too deep (`STACK_BUDGET`), more than a test thread's own stack.
fn parse(source: &str) -> Result<Module, Diagnostic> {
    let source = source.to_string();
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || loopscope_syntax::parse(&source))
        .expect("spawn")
        .join()
        .expect("the parser panicked")
}

/// Parse, and render any diagnostic, as a caller would.
fn parse_and_render(source: &str) {
    if let Err(diagnostic) = parse(source) {
        let rendered = diagnostic.render(source, "prog.py");
        assert!(
            rendered.starts_with("  File \"prog.py\", line "),
            "{rendered}"
        );
        assert!(!diagnostic.to_string().is_empty());
    }
}

fn golden_programs() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parse");
    let mut programs = Vec::new();
    for kind in ["ok", "err"] {
        for entry in fs::read_dir(dir.join(kind)).expect("golden directory") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "py") {
                programs.push(fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    programs.sort();
    programs
}

/// Fragments that make the random soup look like Python.
const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ";",
    ".",
    "=",
    "==",
    ":=",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "|",
    "&",
    "^",
    "~",
    "<",
    ">",
    "<=",
    "!=",
    "->",
    "...",
    "\\\n",
    "\n",
    "\n    ",
    "\n\t",
    " ",
    "#c",
    "'",
    "\"",
    "'''",
    "\"\"\"",
    "f'",
    "f\"{",
    "}\"",
    "b'",
    "r'",
    "rb\"",
    "\\",
    "x",
    "y1",
    "_",
    "é",
    "0",
    "1.5",
    "0x1F",
    "1e3",
    "2j",
    "1_000",
    "if ",
    "else",
    "elif ",
    "for ",
    " in ",
    "while ",
    "def ",
    "async ",
    "await ",
    "lambda ",
    "return",
    "yield",
    "from",
    "import ",
    "class ",
    "match ",
    "case ",
    "try:",
    "except",
    "finally:",
    "with ",
    " as ",
    "not ",
    " and ",
    " or ",
    "is",
    "del ",
    "global ",
    "pass",
    "break",
    "None",
    "True",
    "{x!r:>{w}}",
    "{x=}",
    "$",
    "?",
    "!",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80).prop_map(|parts| parts.concat())
}

/// An edit applied to a program: delete, insert a fragment, or duplicate.
#[derive(Clone, Debug)]
enum Edit {
    Delete { at: usize, len: usize },
    Insert { at: usize, fragment: &'static str },
    Duplicate { at: usize, len: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1usize..8).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), prop::sample::select(FRAGMENTS))
            .prop_map(|(at, fragment)| Edit::Insert { at, fragment }),
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Edit::Duplicate { at, len }),
    ]
}

fn apply(source: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = source.chars().collect();
    for edit in edits {
        let len = chars.len();
        match *edit {
            Edit::Delete { at, len: n } if len > 0 => {
                let at = at % len;
                let end = (at + n).min(len);
                chars.drain(at..end);
            }
            Edit::Insert { at, fragment } => {
                let at = at % (len + 1);
                chars.splice(at..at, fragment.chars());
            }
            Edit::Duplicate { at, len: n } if len > 0 => {
                let at = at % len;
                let copy: Vec<char> = chars[at..(at + n).min(len)].to_vec();
                chars.splice(at..at, copy);
            }
            _ => {}
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        parse_and_render(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn random_strings_never_panic(text in "\\PC{0,200}") {
        parse_and_render(&text);
    }

    #[test]
    fn python_like_soup_never_panics(text in soup()) {
        parse_and_render(&text);
    }

    #[test]
    fn mutated_programs_never_panic(
        index in any::<prop::sample::Index>(),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let programs = golden_programs();
        let program = index.get(&programs);
        parse_and_render(&apply(program, &edits));
    }
}

/// Each of these nests something thousands of times.
#[test]
fn pathological_nesting_is_an_error_not_a_crash() {
    let n = 10_000;
    let cases = [
        "(".repeat(n),
        format!("x = {}1{}", "(".repeat(n), ")".repeat(n)),
        format!("x = {}1{}", "[".repeat(n), "]".repeat(n)),
        format!("x = {}", "{".repeat(n)),
        format!("x = {}1", "-".repeat(n)),
        format!("x = {}1", "- ".repeat(n)),
        format!("x = {}1", "~".repeat(n)),
        format!("x = {}x", "not ".repeat(n)),
        format!("x = {}x", "await ".repeat(n)),
        format!("x = {}1", "lambda: ".repeat(n)),
        format!("x = {}1", "1 if 1 else ".repeat(n)),
        format!("x = 2{}", "**2".repeat(n)),
        format!("x = a{}", ".b".repeat(n)),
        format!("x = f{}", "()".repeat(n)),
        format!("x = a{}", "[0]".repeat(n)),
        format!("x = 1{}", " + 1".repeat(n)),
        format!("x = {}", "*".repeat(n)),
        format!("x = {}1", "yield ".repeat(n)),
        format!("x = {}", "f'{".repeat(n)),
        format!("{}pass", "if x: ".repeat(n)),
        (0..n)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect(),
        (0..150)
            .map(|i| format!("{}def f():\n", "\t".repeat(i)))
            .collect(),
        format!(
            "for {} in y: pass",
            "(".repeat(150) + "a" + &")".repeat(150)
        ),
    ];
    for source in &cases {
        parse_and_render(source);
    }
}

#[test]
fn too_many_brackets_is_cpythons_error() {
    let source = format!("x = {}{}\n", "(".repeat(201), ")".repeat(201));
    let diagnostic = parse(&source).expect_err("201 brackets");
    assert_eq!(diagnostic.message, "too many nested parentheses");
    assert_eq!(diagnostic.span.start.col, 4 + 200);
}

#[test]
fn moderate_nesting_parses() {
    for source in [
        format!("x = {}1{}\n", "(".repeat(20), ")".repeat(20)),
        // CPython's limits: 200 nested brackets, 99 levels of indentation.
        format!("x = {}1{}\n", "(".repeat(200), ")".repeat(200)),
        format!("x = {}{}\n", "[(".repeat(100), ")]".repeat(100)),
        format!("x = {}1{}\n", "{1: ".repeat(200), "}".repeat(200)),
        format!("x = {}a{}\n", "(a for a in ".repeat(200), ")".repeat(200)),
        (0..99)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect::<String>()
            + &" ".repeat(99)
            + "pass\n",
        format!("x = {}1\n", "-".repeat(100)),
        format!("x = a{}\n", ".b".repeat(300)),
        format!("x = 1{}\n", " + 1".repeat(300)),
        (0..30)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect::<String>()
            + &" ".repeat(30)
            + "pass\n",
    ] {
        assert!(parse(&source).is_ok(), "{}", parse(&source).unwrap_err());
    }
}

#[test]
fn deep_indentation_is_cpythons_indentation_error() {
    let source: String = (0..120)
        .map(|i| format!("{}if x:\n", " ".repeat(i)))
        .collect();
    let diagnostic = parse(&source).expect_err("too deep");
    assert_eq!(diagnostic.kind, DiagnosticKind::Indentation);
    assert_eq!(diagnostic.message, "too many levels of indentation");
    assert_eq!(diagnostic.span.start.line, 101);
}
