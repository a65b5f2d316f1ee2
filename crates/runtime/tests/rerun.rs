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

#[path = "../../../tests/programs.rs"]
mod programs;

#[test]
fn a_second_run_in_the_same_thread_repeats_the_first() {
    let options = RunOptions::default();
    let mut programs = programs::examples_and_cases();
    programs.push(("addresses_and_reports".into(), ADDRESSES_AND_REPORTS.into()));
    for (path, source) in programs {
        let first = run_program(&source, &options);
        let second = run_program(&source, &options);
        assert_eq!(first.status, second.status, "{path}");
        assert!(first.trace == second.trace, "{path}: the traces differ");
    }
}
