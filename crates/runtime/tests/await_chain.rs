//! `task_resumed` and `task_suspended` carry the task's await chain: every program frame
//! from the task's coroutine down to the innermost one, each at its line.

use loopscope_runtime::trace::{EventKind, Trace};
use loopscope_runtime::{run_program, RunOptions};

/// Every (event name, task, stack text) of task steps, in order.
fn chains(trace: &Trace) -> Vec<(&'static str, u32, &str)> {
    trace
        .events
        .iter()
        .filter_map(|event| match &event.kind {
            EventKind::TaskResumed { task, stack } => Some(("resumed", *task, *stack)),
            EventKind::TaskSuspended { task, stack, .. } => Some(("suspended", *task, *stack)),
            _ => None,
        })
        .map(|(kind, task, stack)| (kind, task, trace.strings[stack as usize].as_str()))
        .collect()
}

/// The conformance case whose task is three awaits deep.
fn deep_chain_program() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/conformance/cases/await_chain_deep.py"
    );
    std::fs::read_to_string(path).expect("the await_chain_deep case")
}

#[test]
fn a_task_suspended_three_awaits_deep_names_every_frame() {
    let outcome = run_program(&deep_chain_program(), &RunOptions::default());
    assert_eq!(outcome.status, 0);
    assert_eq!(
        chains(&outcome.trace.expand().unwrap()),
        [
            ("resumed", 1, "main:19"),
            ("suspended", 1, "main:20\nhandle:15\nparse:11\nfetch:6"),
            ("resumed", 1, "main:20\nhandle:15\nparse:11\nfetch:6"),
            ("suspended", 1, "main:21"),
            ("resumed", 1, "main:21"),
            // asyncio.run's shutdown tasks run asyncio's own coroutines: no program frame.
            ("resumed", 2, ""),
            ("resumed", 3, ""),
        ]
    );
}

#[test]
fn each_task_has_its_own_chain() {
    let source = "\
import asyncio


async def worker(delay):
    await asyncio.sleep(delay)


async def main():
    task = asyncio.create_task(worker(1))
    await task


asyncio.run(main())
";
    let outcome = run_program(source, &RunOptions::default());
    assert_eq!(
        chains(&outcome.trace.expand().unwrap()),
        [
            ("resumed", 1, "main:8"),
            ("suspended", 1, "main:10"),
            ("resumed", 2, "worker:4"),
            ("suspended", 2, "worker:5"),
            ("resumed", 2, "worker:5"),
            ("resumed", 1, "main:10"),
            ("resumed", 3, ""),
            ("resumed", 4, ""),
        ]
    );
}

#[test]
fn the_chain_goes_through_async_for_into_the_async_generator() {
    let source = "\
import asyncio


async def ticks():
    for i in range(2):
        await asyncio.sleep(1)
        yield i


async def main():
    async for tick in ticks():
        print(tick)


asyncio.run(main())
";
    let outcome = run_program(source, &RunOptions::default());
    assert_eq!(outcome.status, 0);
    assert_eq!(
        chains(&outcome.trace.expand().unwrap())[..4],
        [
            ("resumed", 1, "main:10"),
            ("suspended", 1, "main:11\nticks:6"),
            ("resumed", 1, "main:11\nticks:6"),
            ("suspended", 1, "main:11\nticks:6"),
        ]
    );
}
