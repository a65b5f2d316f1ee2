//! Running a program again in the same thread gives the same trace: the page re-runs
//! programs (after each edit, on Run) without a fresh process, so nothing a run leaves
//! behind (identity addresses, queued reports) may reach the next one.

use loopscope_runtime::{run_program, RunOptions};

/// Shows addresses (CPython's differ from run to run; Loopscope's must not), and dies
/// with reports queued by destructors (a coroutine never awaited, an exception never
/// retrieved).
const ADDRESSES_AND_REPORTS: &str = r#"import asyncio


async def fail():
    raise ValueError("nobody asks")


async def main():
    coroutine = fail()
    print(coroutine, main, hex(id([])), hex(id(coroutine)))
    asyncio.create_task(fail())
    await asyncio.sleep(0.1)


asyncio.run(main())
"#;

/// Every example and conformance program, and the one above, as (path, source).
fn programs() -> Vec<(String, String)> {
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
    programs.push((
        "addresses_and_reports".to_string(),
        ADDRESSES_AND_REPORTS.to_string(),
    ));
    programs
}

#[test]
fn a_second_run_in_the_same_thread_repeats_the_first() {
    let options = RunOptions::default();
    for (path, source) in programs() {
        let first = run_program(&source, &options);
        let second = run_program(&source, &options);
        assert_eq!(first.status, second.status, "{path}");
        assert!(first.trace == second.trace, "{path}: the traces differ");
    }
}
