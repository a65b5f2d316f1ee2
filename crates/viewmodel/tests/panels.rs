//! Panel contents at known events of real example programs: ready queue,
//! timers, tasks, primitives, console, narration, seeking helpers.

mod common;

use common::{example, nth_event, timeline_of};
use loopscope_runtime::trace::{EventKind, Stream, Trace};
use loopscope_viewmodel::{HandleKind, Narration, PrimitiveState, TaskState, Timeline};

fn labels(view: &loopscope_viewmodel::LoopView) -> Vec<&str> {
    view.ready.iter().map(|h| h.label.as_str()).collect()
}

fn task_state<'a>(view: &'a loopscope_viewmodel::LoopView, name: &str) -> &'a TaskState {
    &view
        .tasks
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no task {name}"))
        .state
}

#[test]
fn three_counters_ready_queue_after_gather() {
    let t = example("08_three_counters");
    // main() suspends on gather(): the three children wait to start.
    let k = nth_event(&t, 0, |e| {
        matches!(e, EventKind::TaskSuspended { task: 1, .. })
    });
    let view = t.state_at(k);
    assert_eq!(
        labels(&view),
        [
            "Task-2 · start count()",
            "Task-3 · start count()",
            "Task-4 · start count()"
        ]
    );
    assert_eq!(
        task_state(&view, "Task-1"),
        &TaskState::Waiting {
            on: "gather()".into()
        }
    );
    assert_eq!(task_state(&view, "Task-2"), &TaskState::Ready);
    assert_eq!(view.line, 13);
    // The loop is still inside main()'s first step, which started at no line.
    let running = view.running.expect("running");
    assert_eq!(running.label, "Task-1 · start main()");
    assert_eq!(running.task, None);
    assert_eq!(
        t.narration(k, Narration::Concepts),
        "Task-1 awaits gather(): it is suspended until that completes."
    );
}

#[test]
fn three_counters_timers_and_clock_jumps() {
    let t = example("08_three_counters");
    let first_jump = nth_event(&t, 0, |e| matches!(e, EventKind::ClockAdvanced { .. }));
    let view = t.state_at(first_jump);
    assert_eq!(view.now, 0.5);
    assert!(view.ready.is_empty());
    let timers: Vec<(f64, f64, &str)> = view
        .timers
        .iter()
        .map(|t| (t.when, t.in_seconds, t.label.as_str()))
        .collect();
    assert_eq!(
        timers,
        [
            (0.5, 0.0, "wakes Task-4 (sleep)"),
            (1.0, 0.5, "wakes Task-2 (sleep)"),
            (1.5, 1.0, "wakes Task-3 (sleep)"),
        ]
    );
    assert_eq!(
        t.narration(first_jump, Narration::Concepts),
        "The clock jumps to 0.500 s: nothing is ready, so the loop waits for the next timer."
    );
    assert!(t
        .narration(first_jump, Narration::Internals)
        .contains("_scheduled"));
    assert_eq!(view.console_len, 3);

    // Two timers are due at t=1.0: both move to the ready queue, in heap order.
    let fired = nth_event(&t, 2, |e| matches!(e, EventKind::TimerFired { .. }));
    let view = t.state_at(fired);
    assert_eq!(
        labels(&view),
        ["wakes Task-2 (sleep)", "wakes Task-4 (sleep)"]
    );
    assert_eq!(view.timers.len(), 1);
    assert_eq!(view.running, None);

    // Running the sleep's callback schedules the task's wakeup.
    let wakeup = nth_event(&t, 0, |e| {
        matches!(e, EventKind::HandleScheduled { callback, .. }
            if matches!(callback, loopscope_runtime::trace::Callback::TaskWakeup { task: 2, .. }))
    });
    let view = t.state_at(wakeup);
    assert_eq!(
        labels(&view),
        ["wakes Task-4 (sleep)", "Task-2 · resume count() at line 8"]
    );
    assert_eq!(task_state(&view, "Task-2"), &TaskState::Ready);
}

#[test]
fn three_counters_sleep_narration() {
    let t = example("08_three_counters");
    let k = nth_event(&t, 0, |e| {
        matches!(e, EventKind::TaskSuspended { task: 2, .. })
    });
    assert_eq!(
        t.narration(k, Narration::Concepts),
        "Task-2 awaits asyncio.sleep(1.0): it is suspended until t=1.000."
    );
    let timer = nth_event(&t, 0, |e| matches!(e, EventKind::TimerScheduled { .. }));
    assert_eq!(
        t.narration(timer, Narration::Concepts),
        "A timer is set for t=1.000 (in 1.0 s): it wakes Task-2 (sleep)."
    );
    assert!(t
        .narration(timer, Narration::Internals)
        .starts_with("call_at pushes TimerHandle"));
    let view = t.state_at(k);
    assert_eq!(
        task_state(&view, "Task-2"),
        &TaskState::Waiting {
            on: "sleep until t=1.000".into()
        }
    );
}

#[test]
fn three_counters_console_end_and_results() {
    let t = example("08_three_counters");
    let texts: Vec<&str> = t.console().iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "A: 1",
            "B: 1",
            "C: 1",
            "C: 2",
            "A: 2",
            "C: 3",
            "B: 2",
            "A: 3",
            "B: 3",
            "['A done', 'B done', 'C done']"
        ]
    );
    for line in t.console() {
        assert_eq!(line.stream, Stream::Stdout);
        assert_eq!(line.time, t.event_time(line.event));
        assert!(matches!(
            t.trace().events[line.event].kind,
            EventKind::Output { .. }
        ));
        // The line is counted from the event that completed it on.
        assert_eq!(
            t.state_at(line.event - 1).console_len + 1,
            t.state_at(line.event).console_len
        );
    }
    assert_eq!(t.console()[3].time, 0.5);
    assert_eq!(t.end_status(), (0, None));
    let last = t.state_at(usize::MAX);
    assert_eq!(last.event, t.len() - 1);
    assert_eq!(
        task_state(&last, "Task-3"),
        &TaskState::Done {
            result: "'B done'".into()
        }
    );
    assert_eq!(last.console_len, 10);
}

#[test]
fn clock_advance_seeking_matches_a_scan() {
    for name in common::example_names() {
        let t = example(&name);
        let advances: Vec<usize> = (0..t.len())
            .filter(|&i| matches!(t.trace().events[i].kind, EventKind::ClockAdvanced { .. }))
            .collect();
        for k in 0..t.len() {
            let next = advances.iter().copied().find(|&i| i > k);
            let prev = advances.iter().copied().rev().find(|&i| i < k);
            assert_eq!(t.next_clock_advance(k), next, "{name} next from {k}");
            assert_eq!(t.prev_clock_advance(k), prev, "{name} prev from {k}");
        }
    }
}

#[test]
fn queue_backpressure_parks_the_producer() {
    let t = example("12_queue_backpressure");
    let parked = nth_event(&t, 0, |e| matches!(e, EventKind::WaiterParked { .. }));
    let view = t.state_at(parked + 1);
    let queue = view
        .primitives
        .iter()
        .find(|p| p.kind == "Queue")
        .expect("the queue");
    assert_eq!(
        queue.state,
        PrimitiveState::Queue {
            items: vec!["3".into(), "4".into()]
        }
    );
    let waiters: Vec<(&str, &str)> = queue
        .waiters
        .iter()
        .map(|w| (w.label.as_str(), w.role.as_str()))
        .collect();
    assert_eq!(waiters, [("Task-2 (Queue.put)", "Queue.put")]);
    assert_eq!(
        task_state(&view, "Task-2"),
        &TaskState::Waiting {
            on: format!("Queue.put on {}", queue.label)
        }
    );
    // The consumer's get frees a slot: the putter is woken and leaves the list.
    let woken = nth_event(&t, 0, |e| matches!(e, EventKind::WaiterWoken { .. }));
    let view = t.state_at(woken);
    let queue = view.primitives.iter().find(|p| p.kind == "Queue").unwrap();
    assert!(queue.waiters.is_empty());
    assert_eq!(
        queue.state,
        PrimitiveState::Queue {
            items: vec!["4".into()]
        }
    );
}

#[test]
fn lock_owner_and_waiters() {
    let t = example("13_lock");
    let parked = nth_event(&t, 1, |e| matches!(e, EventKind::WaiterParked { .. }));
    let view = t.state_at(parked);
    let lock = &view.primitives[0];
    assert_eq!(lock.kind, "Lock");
    assert_eq!(
        lock.state,
        PrimitiveState::Lock {
            owner: Some((2, "Task-2".into()))
        }
    );
    let waiters: Vec<&str> = lock.waiters.iter().map(|w| w.label.as_str()).collect();
    assert_eq!(waiters, ["Task-3 (Lock.acquire)", "Task-4 (Lock.acquire)"]);
    let released = nth_event(&t, 0, |e| matches!(e, EventKind::LockReleased { .. }));
    assert_eq!(
        t.state_at(released).primitives[0].state,
        PrimitiveState::Lock { owner: None }
    );
}

#[test]
fn semaphore_value_is_known_from_creation() {
    let t = example("15_semaphore");
    let created = nth_event(&t, 0, |e| matches!(e, EventKind::PrimitiveCreated { .. }));
    let changed = nth_event(&t, 0, |e| matches!(e, EventKind::SemaphoreChanged { .. }));
    let at = |k| t.state_at(k).primitives[0].state.clone();
    assert_eq!(at(created), PrimitiveState::Semaphore { value: Some(2) });
    assert_eq!(at(changed), PrimitiveState::Semaphore { value: Some(1) });
}

#[test]
fn cancellation_marks_the_timer_then_purges_it() {
    let t = example("10_cancellation");
    let cancelled = nth_event(&t, 0, |e| matches!(e, EventKind::TimerCancelled { .. }));
    let view = t.state_at(cancelled);
    let timer = view
        .timers
        .iter()
        .find(|t| t.cancelled)
        .expect("cancelled timer");
    assert_eq!(timer.when, 4.0);
    let purged = nth_event(&t, 0, |e| matches!(e, EventKind::TimersPurged { .. }));
    assert!(t
        .state_at(purged)
        .timers
        .iter()
        .all(|t| t.handle != timer.handle));
    let last = t.state_at(t.len() - 1);
    assert_eq!(task_state(&last, "Task-2"), &TaskState::Cancelled);
    assert_eq!(
        t.narration(purged, Narration::Concepts),
        "1 cancelled timer is removed from the timer heap."
    );
}

#[test]
fn future_callback_labels() {
    let t = example("11_future_callback");
    let resolved = nth_event(&t, 0, |e| matches!(e, EventKind::FutureResolved { .. }));
    let view = t.state_at(resolved + 2);
    assert_eq!(
        labels(&view),
        [
            "call main.<locals>.<lambda>()",
            "Task-1 · resume main() at line 17"
        ]
    );
    let kinds: Vec<HandleKind> = view.ready.iter().map(|h| h.kind).collect();
    assert_eq!(kinds, [HandleKind::Call, HandleKind::TaskWakeup]);
    assert_eq!(view.ready[1].task, Some(1));
    let timer = nth_event(&t, 0, |e| matches!(e, EventKind::TimerScheduled { .. }));
    assert_eq!(t.state_at(timer).timers[0].label, "call deliver()");
}

#[test]
fn an_empty_trace_is_a_quiet_timeline() {
    let t = Timeline::new(Trace::default(), "");
    assert_eq!(t.len(), 0);
    assert!(t.is_empty());
    assert_eq!(t.state_at(7).event, 0);
    assert!(t.state_at(7).tasks.is_empty());
    assert_eq!(t.event_time(3), 0.0);
    assert_eq!(t.end_status(), (0, None));
    assert!(!t.narration(0, Narration::Concepts).is_empty());
    assert_eq!(t.next_clock_advance(0), None);
    assert_eq!(t.prev_clock_advance(0), None);
    assert_eq!(t.lanes().len(), 1);
}

#[test]
fn a_deadlock_reports_its_message() {
    let t = common::timeline_of(
        "import asyncio\n\nasync def main():\n    await asyncio.Event().wait()\n\nasyncio.run(main())\n",
    );
    let (status, message) = t.end_status();
    assert_eq!(status, 3);
    assert!(message.expect("a message").contains("deadlock"));
}

#[test]
fn yielding_and_failing_tasks() {
    let t = common::timeline_of(
        "import asyncio


async def spin(name):
    for i in range(2):
        await asyncio.sleep(0)
    raise ValueError(name)


async def main():
    task = asyncio.create_task(spin('x'))
    await asyncio.sleep(0)
    try:
        await task
    except ValueError as e:
        print('caught', e)


asyncio.run(main())
",
    );
    let yielded = nth_event(&t, 0, |e| {
        matches!(
            e,
            EventKind::TaskSuspended {
                task: 2,
                wait: loopscope_runtime::trace::Wait::Yield,
                ..
            }
        )
    });
    assert_eq!(
        task_state(&t.state_at(yielded), "Task-2"),
        &TaskState::Ready
    );
    // Task.__step reschedules it right after the yield.
    let view = t.state_at(yielded + 1);
    assert_eq!(
        view.ready.last().map(|h| h.label.as_str()),
        Some("Task-2 · resume spin() at line 6")
    );
    assert!(t
        .narration(yielded, Narration::Concepts)
        .starts_with("Task-2 yields with asyncio.sleep(0)"));
    let awaits = nth_event(&t, 0, |e| {
        matches!(
            e,
            EventKind::TaskSuspended {
                task: 1,
                wait: loopscope_runtime::trace::Wait::Task { .. },
                ..
            }
        )
    });
    assert_eq!(
        task_state(&t.state_at(awaits), "Task-1"),
        &TaskState::Waiting {
            on: "Task-2".into()
        }
    );
    let failed = nth_event(&t, 0, |e| matches!(e, EventKind::TaskFailed { .. }));
    assert_eq!(
        task_state(&t.state_at(failed), "Task-2"),
        &TaskState::Failed {
            error: "ValueError('x')".into()
        }
    );
    assert_eq!(
        t.console().last().map(|l| l.text.as_str()),
        Some("caught x")
    );
}

#[test]
fn console_lines_follow_the_events_that_completed_them() {
    let t = timeline_of(
        "import sys\n\
         print('out-1\\nout-2', end='')\n\
         print('err-1', file=sys.stderr)\n\
         print('err-2', end='', file=sys.stderr)\n\
         print(' tail')\n\
         print('out-4', end='')\n",
    );
    let lines: Vec<(Stream, &str)> = t
        .console()
        .iter()
        .map(|line| (line.stream, line.text.as_str()))
        .collect();
    // stderr's unfinished "err-2" was last written before " tail" completed "out-2 tail".
    assert_eq!(
        lines,
        [
            (Stream::Stdout, "out-1"),
            (Stream::Stderr, "err-1"),
            (Stream::Stderr, "err-2"),
            (Stream::Stdout, "out-2 tail"),
            (Stream::Stdout, "out-4"),
        ]
    );
    let events: Vec<usize> = t.console().iter().map(|line| line.event).collect();
    assert!(
        events.windows(2).all(|pair| pair[0] <= pair[1]),
        "{events:?}"
    );
}
