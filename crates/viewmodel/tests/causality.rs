//! Causality on recorded programs: which happening made each task ready, from
//! which lane, and when the task then ran.

mod common;

use loopscope_viewmodel::{CauseKind, LaneOwner, Outcome, Timeline};

/// (woken task, why, from which lane, virtual time it became ready), in order.
fn wakes(t: &Timeline) -> Vec<(u32, CauseKind, LaneOwner, f64)> {
    t.wakes()
        .iter()
        .map(|w| {
            (
                w.task,
                w.cause.kind,
                w.cause.source,
                t.event_time(w.ready_event),
            )
        })
        .collect()
}

fn of_task(t: &Timeline, task: u32) -> Vec<(CauseKind, LaneOwner, f64)> {
    wakes(t)
        .into_iter()
        .filter(|w| w.0 == task)
        .map(|(_, kind, source, time)| (kind, source, time))
        .collect()
}

use CauseKind::*;
use LaneOwner::{Loop, Task};

#[test]
fn gather_wakes_each_child_by_its_timer_and_main_by_the_last_child() {
    let t = common::example("07_gather");
    // addition (Task-2) sleeps 3 s, multiplication (Task-3) 1 s, division (Task-4) 2 s.
    assert_eq!(
        of_task(&t, 3),
        [(Created, Task(1), 0.0), (Timer, Loop, 1.0)]
    );
    assert_eq!(
        of_task(&t, 4),
        [(Created, Task(1), 0.0), (Timer, Loop, 2.0)]
    );
    assert_eq!(
        of_task(&t, 2),
        [(Created, Task(1), 0.0), (Timer, Loop, 3.0)]
    );
    // main is created by the program (the loop's lane) and woken when gather's
    // future resolves: from the child that finished last, addition.
    assert_eq!(
        of_task(&t, 1),
        [(Created, Loop, 0.0), (TaskEnded, Task(2), 3.0)]
    );
    // The timer's arrow starts at the `timer_fired` event; the ended task's at
    // its `task_done`.
    for wake in t.wakes() {
        let start = &t.trace().events[wake.cause.event].kind;
        let expected = match wake.cause.kind {
            Timer => matches!(
                start,
                loopscope_runtime::trace::EventKind::TimerFired { .. }
            ),
            TaskEnded => matches!(start, loopscope_runtime::trace::EventKind::TaskDone { .. }),
            Created => matches!(
                start,
                loopscope_runtime::trace::EventKind::TaskCreated { .. }
            ),
            _ => false,
        };
        assert!(expected, "{wake:?} starts at {start:?}");
        let ran = wake.run_event.expect("every wake-up of gather runs");
        assert!(ran > wake.ready_event);
    }
}

#[test]
fn taskgroup_failure_wakes_the_siblings_and_the_parent_from_the_failed_task() {
    let t = common::example("16_taskgroup");
    // Task-3 ("cache") fails at t=2: the group cancels Task-4's sleep and wakes
    // main, both because Task-3 ended; then asyncio.run's two shutdown tasks
    // start, created by the program itself.
    let woken_at_2: Vec<_> = wakes(&t)
        .into_iter()
        .filter(|w| w.3 == 2.0 && w.1 != Timer)
        .collect();
    assert_eq!(
        woken_at_2,
        [
            (4, TaskEnded, Task(3), 2.0),
            (1, TaskEnded, Task(3), 2.0),
            (1, TaskEnded, Task(4), 2.0),
            (5, Created, Loop, 2.0),
            (6, Created, Loop, 2.0)
        ]
    );
    // Futures end on their owner's lane: Task-3's own future fails on its lane,
    // Task-4's sleep is cancelled on Task-4's.
    let lane = |task| &t.lanes()[t.lane_index(Task(task)).expect("lane")];
    assert!(lane(3).marks.iter().any(|m| m.outcome == Outcome::Failed));
    assert!(lane(4)
        .marks
        .iter()
        .any(|m| m.outcome == Outcome::Cancelled));
}

#[test]
fn primitives_wake_their_waiters_from_the_task_that_acted() {
    // The producer (Task-2) waits in put() on the full queue: the consumer's
    // (Task-3) get wakes it.
    let t = common::example("12_queue_backpressure");
    assert!(
        of_task(&t, 2)
            .iter()
            .any(|w| w.0 == QueueGet && w.1 == Task(3)),
        "{:?}",
        of_task(&t, 2)
    );

    // Lock: Bob (Task-3) gets the lock when Ann (Task-2) releases it at t=1.
    let t = common::example("13_lock");
    assert!(
        of_task(&t, 3).contains(&(LockReleased, Task(2), 1.0)),
        "{:?}",
        of_task(&t, 3)
    );
    assert!(
        of_task(&t, 4).contains(&(LockReleased, Task(3), 2.0)),
        "{:?}",
        of_task(&t, 4)
    );

    // Event: main (Task-1) sets the start signal at t=3 and every runner wakes.
    let t = common::example("14_event");
    for runner in 2..=4 {
        assert!(
            of_task(&t, runner).contains(&(EventSet, Task(1), 3.0)),
            "{:?}",
            of_task(&t, runner)
        );
    }

    // Semaphore: c.mp3 (Task-4) gets a slot when b.png (Task-3) releases it at t=1.
    let t = common::example("15_semaphore");
    assert!(
        of_task(&t, 4).contains(&(SemaphoreReleased, Task(3), 1.0)),
        "{:?}",
        of_task(&t, 4)
    );
}

#[test]
fn a_callback_delivering_a_result_wakes_from_its_timer() {
    let t = common::example("11_future_callback");
    assert_eq!(of_task(&t, 1), [(Created, Loop, 0.0), (Timer, Loop, 2.0)]);
    assert!(t
        .wake_sentence(&t.wakes()[1])
        .starts_with("Task-1 became ready because a timer fired at event"));
}

#[test]
fn a_sleep_zero_queues_the_tasks_own_next_step() {
    let t = common::timeline_of(
        "import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n\nasyncio.run(main())\n",
    );
    assert_eq!(
        of_task(&t, 1),
        [(Created, Loop, 0.0), (Yielded, Task(1), 0.0)]
    );
}
