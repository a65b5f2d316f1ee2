//! Programs that would exhaust memory (issue 10): each one in tests/exhaustion/
//! must end as its .expected file says — MemoryError inside the program where
//! CPython raises it when an allocation fails, never an allocator abort. CPython
//! itself cannot record these (it would take tens of gigabytes first), so the
//! files are the engine's own output, reviewed: `LOOPSCOPE_UPDATE=1` rewrites them.
//!
//! A case may lower a limit, so that it reaches it quickly and its expected output
//! stays small, with lines `# limit NAME VALUE` (NAME: `memory_bytes`,
//! `max_output_bytes`, `max_live_tasks`, `instructions_without_yield`,
//! `max_sequence_len`); the defaults are tested the same way by hand
//! (docs/ARCHITECTURE.md, "Limits").

use std::path::Path;

use loopscope_runtime::trace::Stream;
use loopscope_runtime::{run_program, Limits, RunOptions};

#[test]
fn every_case_ends_as_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/exhaustion");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/exhaustion")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "py"))
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no cases in {}", dir.display());
    let golden = loopscope_golden::golden!();
    for case in cases {
        let name = case
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let source = std::fs::read_to_string(&case).expect("case");
        let options = RunOptions {
            limits: limits_of(&source),
            filename: name,
            ..RunOptions::default()
        };
        // On a thread with the engine's stack, as the CLI and the web worker run it.
        let outcome = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || run_program(&source, &options))
            .expect("spawn")
            .join()
            .expect("the engine panicked");
        let actual = format!(
            "status {}\n--- stdout\n{}--- stderr\n{}",
            outcome.status,
            outcome.stream_text(Stream::Stdout),
            outcome.stream_text(Stream::Stderr)
        );
        golden.assert_matches(&case.with_extension("expected"), &actual);
    }
}

/// The default limits, lowered by the case's `# limit NAME VALUE` lines.
fn limits_of(source: &str) -> Limits {
    let mut limits = Limits::default();
    for line in source.lines() {
        let Some(setting) = line.strip_prefix("# limit ") else {
            continue;
        };
        let (name, value) = setting.split_once(' ').expect("# limit NAME VALUE");
        let value: usize = value.trim().parse().expect("a limit is a number");
        match name {
            "instructions_without_yield" => limits.instructions_without_yield = value as u64,
            "max_sequence_len" => limits.max_sequence_len = value,
            "memory_bytes" => limits.memory_bytes = value,
            "max_output_bytes" => limits.max_output_bytes = value,
            "max_live_tasks" => limits.max_live_tasks = value,
            other => panic!("no limit {other}"),
        }
    }
    limits
}
