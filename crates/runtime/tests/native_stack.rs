//! Deep recursion on the stack a browser tab gives the page's engine worker (1 MiB):
//! each program in tests/native_stack/ recurses through Rust code (sort keys, reprs,
//! comparisons, generator and iterator chains) and must end as its .expected file
//! says, on a thread with a 1 MiB stack in an optimized build, instead of
//! overflowing it. Where CPython
//! completes a program the expected output is CPython 3.11's (compared when the file
//! was recorded); where CPython crashes, the comment atop the program says what
//! Loopscope does instead. `LOOPSCOPE_UPDATE=1` rewrites the files from the engine's
//! output; `LOOPSCOPE_NATIVE_STACK=BYTES` runs them on another stack size, to
//! measure the headroom (docs/ARCHITECTURE.md, "Native stack").

use std::path::Path;

use loopscope_runtime::trace::Stream;
use loopscope_runtime::{run_program, RunOptions};

/// What a browser gives a worker's wasm stack: the stack of an optimized build.
const PAGE_STACK_BYTES: usize = 1 << 20;

/// An unoptimized build's frames are many times larger (a nested run of the
/// dispatch loop, the bulk of each level, measured at 4–8 MiB for 200 levels), so
/// `cargo test` without `--release` checks the same programs on 16 MiB; the 1 MiB
/// figure is checked by `cargo test --release` (docs/ARCHITECTURE.md, "Native stack").
const DEBUG_STACK_BYTES: usize = 16 << 20;

#[test]
fn deep_recursion_fits_a_one_mebibyte_stack() {
    let stack = std::env::var("LOOPSCOPE_NATIVE_STACK")
        .ok()
        .and_then(|bytes| bytes.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) {
            DEBUG_STACK_BYTES
        } else {
            PAGE_STACK_BYTES
        });
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/native_stack");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/native_stack")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "py"))
        .collect();
    // LOOPSCOPE_NATIVE_CASE=NAME runs the cases whose name contains NAME (to measure one).
    if let Ok(only) = std::env::var("LOOPSCOPE_NATIVE_CASE") {
        cases.retain(|path| path.to_string_lossy().contains(&only));
    }
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
            filename: name,
            ..RunOptions::default()
        };
        let outcome = std::thread::Builder::new()
            .stack_size(stack)
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
