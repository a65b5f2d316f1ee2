//! Seeking is order-independent: stepping back, jumping around and stepping
//! forward all give the same view and narration for the same event. Also
//! exercises seeking over a long generated trace (no timing asserted; the
//! figures come from `examples/seek_bench.rs`).

mod common;

use loopscope_viewmodel::{Narration, Playhead, Timeline};

fn assert_order_independent(name: &str, t: &Timeline) {
    // Every event of a short trace; every 7th of a long one (memory).
    let stride = if t.len() > 2_000 { 7 } else { 1 };
    let forward: Vec<_> = (0..t.len())
        .map(|k| t.state_at(k))
        .enumerate()
        .filter(|(k, _)| k % stride == 0)
        .map(|(_, view)| view)
        .collect();
    for k in (0..t.len()).rev().filter(|k| k % stride == 0) {
        assert_eq!(
            t.state_at(k),
            forward[k / stride],
            "{name}: stepping back to {k}"
        );
    }
    // A fixed pseudo-random order of jumps.
    let mut k = 0usize;
    for _ in 0..forward.len().min(2_000) {
        k = (k * 7919 + 104_729) % forward.len();
        let view = t.state_at(k * stride);
        assert_eq!(view, forward[k], "{name}: jumping to {}", k * stride);
        assert_eq!(view.event, k * stride);
    }
}

/// Sixty workers and a bounded queue: a trace long enough to cross many checkpoints.
const WORKERS_AND_A_QUEUE: &str = "import asyncio
import random


async def worker(index, queue):
    for step in range(30):
        await asyncio.sleep(random.choice([0, 0.1, 0.5]))
        await queue.put((index, step))
        if step % 10 == 0:
            print(index, step)


async def drain(queue, total):
    for _ in range(total):
        await queue.get()


async def main():
    queue = asyncio.Queue(maxsize=5)
    tasks = [asyncio.create_task(worker(i, queue)) for i in range(60)]
    await asyncio.gather(drain(queue, 60 * 30), *tasks)


asyncio.run(main())
";

#[test]
fn every_example_seeks_back_and_forth_to_the_same_views() {
    for name in common::example_names() {
        let t = common::example(&name);
        assert_order_independent(&name, &t);
        for k in 0..t.len() {
            for mode in [Narration::Concepts, Narration::Internals] {
                let sentence = t.narration(k, mode);
                assert!(
                    sentence.ends_with(['.', '!', ')']) || sentence.starts_with("Warning"),
                    "{name} event {k}: {sentence:?}"
                );
            }
        }
    }
}

#[test]
fn a_long_trace_seeks_across_many_checkpoints() {
    let t = common::timeline_of(WORKERS_AND_A_QUEUE);
    assert_eq!(t.end_status(), (0, None));
    assert!(t.len() > 20_000, "only {} events", t.len());
    assert_order_independent("workers and a queue", &t);
    let last = t.state_at(t.len() - 1);
    assert_eq!(last.console_len, 180);
    assert!(last.tasks.iter().all(|task| task.state.is_finished()));
}

/// Moving a playhead on from the last one (playing forward by steps of every size, then
/// jumping back) shows what a fresh seek shows, on every example and across checkpoints.
#[test]
fn a_playhead_moved_on_shows_what_a_fresh_seek_shows() {
    let mut timelines: Vec<(String, Timeline)> = common::example_names()
        .into_iter()
        .map(|name| {
            let t = common::example(&name);
            (name, t)
        })
        .collect();
    timelines.push((
        "workers and a queue".to_string(),
        common::timeline_of(WORKERS_AND_A_QUEUE),
    ));
    for (name, t) in &timelines {
        let mut playhead = None;
        let check = |playhead: &Playhead, k: usize, how: &str| {
            assert_eq!(playhead.event(), k, "{name}: {how} {k}");
            assert_eq!(t.view_at(playhead), t.state_at(k), "{name}: {how} {k}");
            assert_eq!(
                t.narration_at(playhead, Narration::Internals),
                t.narration(k, Narration::Internals),
                "{name}: {how} {k}"
            );
        };
        let (mut k, mut step) = (0, 1);
        while k < t.len() {
            let moved = t.playhead(k, playhead.take());
            check(&moved, k, "played forward to");
            playhead = Some(moved);
            k += step;
            step = (step * 5 + 3) % 600 + 1;
        }
        for k in (0..t.len()).rev().step_by(97) {
            let moved = t.playhead(k, playhead.take());
            check(&moved, k, "jumped back to");
            playhead = Some(moved);
        }
    }
}

/// A trace with events missing (truncated, or every third event dropped)
/// still builds and seeks everywhere without panicking.
#[test]
fn damaged_traces_still_seek() {
    for name in common::example_names() {
        let source = common::example_source(&name);
        let trace = loopscope_runtime::run_program(&source, &Default::default())
            .trace
            .expand()
            .unwrap();
        let mut truncated = trace.clone();
        truncated.events.truncate(trace.events.len() / 2);
        let mut holes = trace.clone();
        holes.events = trace
            .events
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 3 != 1)
            .map(|(_, e)| e.clone())
            .collect();
        for damaged in [truncated, holes] {
            let t = Timeline::new(damaged, &source);
            for k in 0..=t.len() {
                t.state_at(k);
                t.narration(k, Narration::Internals);
            }
            assert!(!t.lanes().is_empty());
        }
    }
}

#[test]
fn jumps_by_virtual_time_and_by_task() {
    let t = common::example("07_gather");
    // Virtual time is sorted along the trace: the last event at or before a time.
    let at_one = t.last_event_by(1.0);
    assert_eq!(t.event_time(at_one), 1.0);
    assert!(t.event_time(at_one + 1) > 1.0);
    assert_eq!(t.last_event_by(-1.0), 0);
    assert_eq!(t.last_event_by(f64::INFINITY), t.len() - 1);
    // Task 2's events, one after another, then none.
    let mut k = 0;
    let mut seen = Vec::new();
    while let Some(next) = t.next_event_of_task(2, k) {
        assert!(next > k);
        seen.push(next);
        k = next;
    }
    assert!(seen.len() >= 4, "{seen:?}");
    assert_eq!(t.next_event_of_task(2, usize::MAX), None);
}
