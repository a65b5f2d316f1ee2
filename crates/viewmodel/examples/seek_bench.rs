//! Seek benchmark: builds Timelines over ~100,000- to ~1,000,000-event traces and times, at
//! many events (random ones, and just before checkpoints, where the replay is longest), a
//! seek as the page makes it (the playhead, the outline, a screenful of each long list's
//! rows, the narration and the task graph) and the whole view (`state_at`, every row), and
//! playback's frames (the playhead moved on from the last frame's). Prints the figures for
//! BENCHMARKS.md.
//!
//! Run: `cargo run --release -p loopscope-viewmodel --example seek_bench`

use std::time::{Duration, Instant};

use loopscope_runtime::{run_program, RunOptions};
use loopscope_viewmodel::{GraphOptions, Narration, Playhead, Timeline};

/// `tasks` tasks each awaiting `sleeps` random sleeps (ties included), and
/// printing now and then: many timers, a long ready queue, a big console.
/// The same program the view-model's tests use (`programs/many_sleepers.py`).
fn program(tasks: usize, sleeps: usize) -> String {
    include_str!("../programs/many_sleepers.py")
        .replace("SLEEPS", &sleeps.to_string())
        .replace("TASKS", &tasks.to_string())
}

/// The program `tests/e2e/measure/timeline.mjs` runs in the page: 2,000 tasks × 50
/// `sleep(random.random())`, about a million events.
fn page_program(tasks: usize, sleeps: usize) -> String {
    format!(
        "import asyncio\nimport random\n\n\nasync def sleeper(index):\n    \
         for _ in range({sleeps}):\n        await asyncio.sleep(random.random())\n    \
         return index\n\n\nasync def main():\n    \
         tasks = [asyncio.create_task(sleeper(i)) for i in range({tasks})]\n    \
         print(sum(await asyncio.gather(*tasks)))\n\n\nasyncio.run(main())\n"
    )
}

/// Rows of each long list a screen shows (the page draws those in view and a few more).
const SCREENFUL: usize = 30;

/// What the page computes for one seek: the playhead, the outline without asyncio's own
/// tasks, a screenful of the ready queue's, the timer heap's and the tasks table's rows, the
/// narration and the task graph. Returns the outline's event.
fn page_seek(timeline: &Timeline, k: usize, from: Option<Playhead>) -> (usize, Playhead) {
    let playhead = timeline.playhead(k, from);
    let outline = timeline.outline_at(&playhead, false);
    let mut rows = 0;
    for &handle in outline.ready.iter().take(SCREENFUL) {
        rows += timeline.ready_row(&playhead, handle).label.len();
    }
    for &timer in outline.timers.iter().take(SCREENFUL) {
        rows += timeline.timer_row(&playhead, timer).label.len();
    }
    for &task in outline.tasks.iter().take(SCREENFUL) {
        rows += timeline
            .task_row(&playhead, task)
            .map_or(0, |t| t.name.len());
    }
    let narration = timeline.narration_at(&playhead, Narration::Concepts);
    let graph = timeline.task_graph_at(&playhead, GraphOptions::default());
    assert!(!narration.is_empty() && rows + graph.nodes.len() > 0);
    (outline.event, playhead)
}

/// Median, p99 and max of `times`, in ms.
fn spread(mut times: Vec<Duration>) -> String {
    times.sort();
    format!(
        "median {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 99 / 100]),
        ms(times[times.len() - 1])
    )
}

/// A small deterministic generator (xorshift), so runs are comparable.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let programs = [
        ("many_sleepers.py", program(1_000, 11)),
        ("many_sleepers.py", program(10, 1_100)),
        ("many_sleepers.py", program(100, 1_100)),
        ("many_sleepers.py", program(2_000, 50)),
        ("the page's measure (timeline.mjs)", page_program(2_000, 50)),
    ];
    for (what, source) in programs {
        let trace = run_program(&source, &RunOptions::default())
            .trace
            .expand()
            .unwrap();
        let events = trace.events.len();
        let tasks = trace
            .events
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    loopscope_runtime::trace::EventKind::TaskCreated { .. }
                )
            })
            .count();
        let start = Instant::now();
        let timeline = Timeline::new(trace, &source);
        let build = start.elapsed();

        // Random events, and just before each of 200 checkpoint boundaries (the longest
        // replay). Each seek is timed three times and the fastest kept, so that the figures
        // show the work and not the machine's preemptions.
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        let mut targets: Vec<usize> = (0..1_000)
            .map(|_| (next(&mut seed) % events as u64) as usize)
            .collect();
        targets.extend((255..events).step_by(256).take(200));
        let best_of_3 = |seek: &dyn Fn(usize)| {
            let timed = |k: usize| {
                (0..3)
                    .map(|_| {
                        let start = Instant::now();
                        seek(k);
                        start.elapsed()
                    })
                    .min()
                    .expect("three runs")
            };
            targets.iter().map(|&k| timed(k)).collect::<Vec<_>>()
        };
        let page = best_of_3(&|k| assert_eq!(page_seek(&timeline, k, None).0, k));
        let whole = best_of_3(&|k| {
            assert_eq!(timeline.state_at(k).event, k);
            assert!(!timeline.narration(k, Narration::Concepts).is_empty());
        });
        println!(
            "{what}: {tasks} tasks, {events} events; Timeline::new {:.1} ms; over {} seeks \
             (best of 3 each):\n  the page's seek (playhead, outline, {SCREENFUL} rows of \
             each list, narration, task graph): {}\n  the whole view (state_at, every \
             row) + narration: {}",
            ms(build),
            targets.len(),
            spread(page),
            spread(whole)
        );

        // Playback: each frame moves the playhead on from the last one by the events due
        // in a frame (16 at 1,000 events/s) and builds what the page shows from it.
        let mut playhead = Some(timeline.playhead(0, None));
        let frames: Vec<Duration> = (16..events)
            .step_by(16)
            .take(5_000)
            .map(|k| {
                let start = Instant::now();
                let (shown, moved) = page_seek(&timeline, k, playhead.take());
                let took = start.elapsed();
                assert_eq!(shown, k);
                playhead = Some(moved);
                took
            })
            .collect();
        println!(
            "  playback, 16 events a frame, the page's seek from the last playhead: {} over {} frames",
            spread(frames.clone()),
            frames.len()
        );
    }
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        if let Some(peak) = status.lines().find(|l| l.starts_with("VmHWM")) {
            println!(
                "peak memory (traces, timelines and all): {}",
                peak[6..].trim()
            );
        }
    }
    // Wall-clock figures on a shared machine include preemption.
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        println!("load average while measuring: {}", load.trim());
    }
}
