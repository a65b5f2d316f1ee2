//! Programs the tests generate, for traces of any length.

/// `tasks` tasks, each sleeping `sleeps` times for pseudo-random delays (so
/// deadlines tie and interleave), printing as they go. The seek benchmark
/// (`examples/seek_bench.rs`) runs the same program, bigger.
pub(crate) fn many_sleepers(tasks: usize, sleeps: usize) -> String {
    include_str!("../programs/many_sleepers.py")
        .replace("SLEEPS", &sleeps.to_string())
        .replace("TASKS", &tasks.to_string())
}

/// Timers with tied deadlines, some cancelled from the heap's top (purged
/// by pops) and then most of them (purged by a rebuild and `heapify`).
pub(crate) fn cancelled_timers() -> String {
    "import asyncio


async def main():
    loop = asyncio.get_running_loop()
    early = [loop.call_later(0.5, print, 'early', i) for i in range(3)]
    handles = [loop.call_later(1 + (i % 7) * 0.5, print, i) for i in range(150)]
    early[0].cancel()
    early[1].cancel()
    await asyncio.sleep(0)
    for i, handle in enumerate(handles):
        if i % 5:
            handle.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(5)


asyncio.run(main())
"
    .to_string()
}
