//! What the trace says a future resolved with is the repr the program would print
//! (docs/trace.md, `future_resolved`), whatever the value holds: here futures each the
//! result of the next, 300 deep, whose reprs CPython shortens the same at every depth
//! (tests/conformance/cases/future_chain_repr.py records them).

use loopscope_runtime::trace::{EventKind, Stream};
use loopscope_runtime::{run_program, RunOptions};

#[test]
fn a_future_resolved_with_a_chain_of_futures_is_labelled_with_its_repr() {
    let source = r#"import asyncio
async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for _ in range(300)]
    def forward(f, nxt):
        print(repr(f))
        nxt.set_result(f)
    for i in range(len(futs) - 1):
        futs[i].add_done_callback(lambda f, nxt=futs[i + 1]: forward(f, nxt))
    futs[0].set_result(0)
    await futs[-1]
asyncio.run(main())
"#;
    let outcome = run_program(source, &RunOptions::default());
    let trace = outcome.trace.expand().expect("a valid trace");
    let printed = trace.stream_text(Stream::Stdout);
    let printed: Vec<&str> = printed.lines().collect();
    assert_eq!(printed.len(), 299);
    // The first resolution is `set_result(0)`, each later one a printed future (then
    // the tasks' and the run's own results).
    let labels: Vec<&str> = (trace.events.iter())
        .filter_map(|e| match e.kind {
            EventKind::FutureResolved { result, .. } => Some(&trace.strings[result as usize][..]),
            _ => None,
        })
        .skip(1)
        .take(printed.len())
        .collect();
    assert_eq!(labels, printed);
    assert!(printed[298].ends_with("<Future finis...>>>>>>>>>>>>>>>"));
}
