//! The coroutine stack: a task suspended several awaits deep shows every frame, the
//! running handle names the innermost coroutine, and the narration says who awaits it.

mod common;

use common::{nth_event, timeline_of};
use loopscope_runtime::trace::EventKind;
use loopscope_viewmodel::{FrameView, Narration};

/// The conformance case whose task is three awaits deep.
fn deep() -> loopscope_viewmodel::Timeline {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/conformance/cases/await_chain_deep.py"
    );
    timeline_of(&std::fs::read_to_string(path).expect("the await_chain_deep case"))
}

fn frames(list: &[(&str, u32)]) -> Vec<FrameView> {
    list.iter()
        .map(|(function, line)| FrameView {
            function: function.to_string(),
            line: *line,
        })
        .collect()
}

#[test]
fn a_task_three_awaits_deep_shows_its_whole_chain() {
    let t = deep();
    let chain = frames(&[
        ("main()", 20),
        ("handle()", 15),
        ("parse()", 11),
        ("fetch()", 6),
    ]);
    let suspended = nth_event(&t, 0, |e| {
        matches!(e, EventKind::TaskSuspended { task: 1, .. })
    });
    let view = t.state_at(suspended);
    assert_eq!(view.tasks[0].stack, chain);

    let resumed = nth_event(&t, 1, |e| {
        matches!(e, EventKind::TaskResumed { task: 1, .. })
    });
    assert_eq!(
        t.narration(resumed, Narration::Concepts),
        "Task-1 resumes fetch() at line 6, awaited by parse() ← handle() ← main()."
    );
    let view = t.state_at(resumed);
    let running = view.running.expect("a task step runs");
    assert_eq!(running.label, "Task-1 · resume fetch() at line 6");
    assert_eq!(running.stack, chain);
    assert_eq!(view.line, 6);
}

#[test]
fn before_its_first_step_a_task_has_no_chain() {
    let t = deep();
    let created = nth_event(&t, 0, |e| {
        matches!(e, EventKind::TaskCreated { task: 1, .. })
    });
    assert!(t.state_at(created).tasks[0].stack.is_empty());
    let first = nth_event(&t, 0, |e| {
        matches!(e, EventKind::TaskResumed { task: 1, .. })
    });
    assert_eq!(
        t.narration(first, Narration::Concepts),
        "Task-1 starts running main()."
    );
    assert_eq!(t.state_at(first).tasks[0].stack, frames(&[("main()", 19)]));
}

#[test]
fn asyncio_s_own_tasks_and_objects_are_marked_and_told_as_such() {
    let t = common::example("12_queue_backpressure");
    let created = nth_event(&t, 0, |e| matches!(e, EventKind::PrimitiveCreated { .. }));
    assert_eq!(
        t.narration(created, Narration::Concepts),
        "asyncio uses an Event of its own inside a queue or condition; the program did not make it (switch on Internals to see it)."
    );
    assert!(t
        .narration(created, Narration::Internals)
        .contains("Event #1"));
    let end = t.state_at(t.len() - 1);
    let internal: Vec<_> = end
        .primitives
        .iter()
        .map(|p| (p.kind.as_str(), p.internal))
        .collect();
    assert_eq!(internal, [("Event", true), ("Queue", false)]);
    let tasks: Vec<_> = end
        .tasks
        .iter()
        .map(|t| (t.coro.as_str(), t.internal))
        .collect();
    assert_eq!(
        tasks,
        [
            ("main()", false),
            ("producer()", false),
            ("consumer()", false),
            ("BaseEventLoop.shutdown_asyncgens()", true),
            ("BaseEventLoop.shutdown_default_executor()", true),
        ]
    );
    let shutdown = nth_event(&t, 0, |e| {
        matches!(e, EventKind::TaskCreated { task: 4, .. })
    });
    assert!(t
        .narration(shutdown, Narration::Concepts)
        .starts_with("asyncio.run cleans up"));
}

#[test]
fn a_server_s_own_tasks_are_asyncio_s() {
    let t = timeline_of(
        "import asyncio\n\n\nasync def handle(reader, writer):\n    writer.close()\n\n\nasync def main():\n    server = await asyncio.start_server(handle, '127.0.0.1', 8890)\n    async with server:\n        reader, writer = await asyncio.open_connection('127.0.0.1', 8890)\n        print(await reader.read(10))\n\n\nasyncio.run(main())\n",
    );
    let end = t.state_at(t.len() - 1);
    let tasks: Vec<_> = end
        .tasks
        .iter()
        .map(|t| (t.coro.as_str(), t.internal))
        .collect();
    assert_eq!(
        tasks[..4],
        [
            ("main()", false),
            ("BaseEventLoop._create_server_getaddrinfo()", true),
            ("BaseSelectorEventLoop._accept_connection2()", true),
            ("handle()", false),
        ]
    );
    let accept = nth_event(&t, 0, |e| {
        matches!(e, EventKind::TaskCreated { task: 3, .. })
    });
    assert_eq!(
        t.narration(accept, Narration::Concepts),
        "The server accepts a connection in a task of asyncio's own, which then starts the program's handler (switch on Internals to follow it)."
    );
    assert!(t
        .narration(accept, Narration::Internals)
        .contains("BaseSelectorEventLoop._accept_connection2()"));
}
