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

/// A program importing the big modules (asyncio with its threads, decimal, logging, re,
/// dataclasses, json).
const BIG_IMPORTS: &str = r#"import asyncio, dataclasses, decimal, json, logging, re, threading


async def main():
    await asyncio.gather(asyncio.sleep(1), asyncio.to_thread(print, decimal.Decimal("1.1")))


asyncio.run(main())
"#;

/// What the collector did not see through: a module taken out of `sys.modules` (its
/// functions and namespace refer to each other), a class annotation, an exception's
/// class, a frame that keeps its own traceback, and a run that ends deadlocked (its
/// pending task is held by the report it would make).
const HIDDEN_CYCLES: &str = r#"import asyncio, heapq, sys
del sys.modules["heapq"]


class Kind:
    pass


class Shape:
    kind: Kind


class Failure(Exception):
    def __init__(self, why):
        super().__init__(why)


def fail():
    try:
        raise Failure("why")
    except Failure:
        kind, error, tb = sys.exc_info()


fail()


async def main():
    await asyncio.get_running_loop().create_future()


asyncio.run(main())
"#;

/// The page runs program after program in one worker: a run frees what it made. Each
/// run left its modules behind (a module and its functions refer to each other through
/// a namespace the collector does not see): megabytes a run, until the worker ran out
/// of memory (the fuzzer's workers did, after a few thousand runs).
#[test]
fn a_run_leaves_nothing_allocated_behind() {
    let options = RunOptions::default();
    for program in [BIG_IMPORTS, HIDDEN_CYCLES] {
        // The first run fills the caches that last the thread's life (library sources).
        run_program(program, &options);
        let usage = loopscope_runtime::memory::Usage::start();
        for _ in 0..3 {
            run_program(program, &options);
        }
        assert!(
            usage.bytes() < 4096,
            "{} bytes left behind by three runs of\n{program}",
            usage.bytes()
        );
    }
}
