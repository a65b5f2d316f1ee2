//! No input may crash the engine: random bytes and randomly mutated example
//! programs (and `match` programs) must end with an exit status (0–3) and a
//! trace, never a panic, a hang or a stack overflow.

use std::path::PathBuf;

use loopscope_runtime::{run_program, Limits, RunOptions};
use proptest::prelude::*;

/// Tight limits so that every generated program finishes quickly.
fn options() -> RunOptions {
    RunOptions {
        filename: "fuzz.py".into(),
        limits: Limits {
            instructions_without_yield: 200_000,
            max_events: 20_000,
            time_horizon: 1_000.0,
            recursion_depth: 200,
            ..Limits::default()
        },
        ..RunOptions::default()
    }
}

/// The programs mutated: the examples, and the conformance cases of
/// syntax the examples do not use (`match`).
fn examples() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("assets/examples"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    let cases = std::fs::read_dir(root.join("tests/conformance/cases"))
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    files.extend(cases.into_iter().filter(|p| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("match_"))
    }));
    files.sort();
    files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// Run on a thread with a generous stack, as the CLI and the web worker do.
fn run_isolated(source: String) -> i32 {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || run_program(&source, &options()).status)
        .expect("spawn")
        .join()
        .expect("the engine panicked")
}

/// One edit of a program: delete, duplicate or swap a span of characters.
fn mutate(source: &str, at: usize, len: usize, kind: u8) -> String {
    let chars: Vec<char> = source.chars().collect();
    if chars.is_empty() {
        return String::new();
    }
    let at = at % chars.len();
    let end = (at + len).min(chars.len());
    let mut out: Vec<char> = chars[..at].to_vec();
    match kind % 4 {
        0 => {}
        1 => {
            out.extend_from_slice(&chars[at..end]);
            out.extend_from_slice(&chars[at..end]);
        }
        2 => out.extend(chars[at..end].iter().rev()),
        _ => out.extend(":()[]{}'\"\n    await yield".chars().skip(len % 20).take(3)),
    }
    out.extend_from_slice(&chars[end..]);
    out.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let source = String::from_utf8_lossy(&bytes).into_owned();
        let status = run_isolated(source);
        prop_assert!((0..=3).contains(&status));
    }

    #[test]
    fn mutated_examples_never_panic(which in 0usize..64, edits in proptest::collection::vec((0usize..4000, 0usize..40, any::<u8>()), 1..4)) {
        let all = examples();
        prop_assume!(!all.is_empty());
        let mut source = all[which % all.len()].clone();
        for (at, len, kind) in edits {
            source = mutate(&source, at, len, kind);
        }
        let status = run_isolated(source);
        prop_assert!((0..=3).contains(&status));
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    for source in [
        "(".repeat(100_000),
        format!("x = {}1{}", "[".repeat(5000), "]".repeat(5000)),
        format!("x = {}1", "-".repeat(100_000)),
        "def f(n):\n    return f(n + 1)\nf(0)\n".to_string(),
        "while True:\n    pass\n".to_string(),
        "x = [0] * (10 ** 12)\n".to_string(),
    ] {
        let status = run_isolated(source);
        assert!((1..=3).contains(&status), "status {status}");
    }
}
