//! Seek benchmark: builds Timelines over ~100,000- and ~900,000-event traces
//! and times `state_at` + `narration` at many events (random ones, and just
//! before checkpoints, where the replay is longest), and playback's frames (the playhead
//! moved on from the last frame's). Prints the figures for BENCHMARKS.md.
//!
//! Run: `cargo run --release -p loopscope-viewmodel --example seek_bench`

use std::time::{Duration, Instant};

use loopscope_runtime::{run_program, RunOptions};
use loopscope_viewmodel::{Narration, Timeline};

/// `tasks` tasks each awaiting `sleeps` random sleeps (ties included), and
/// printing now and then: many timers, a long ready queue, a big console.
/// The same program the view-model's tests use (`programs/many_sleepers.py`).
fn program(tasks: usize, sleeps: usize) -> String {
    include_str!("../programs/many_sleepers.py")
        .replace("SLEEPS", &sleeps.to_string())
        .replace("TASKS", &tasks.to_string())
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
    for (tasks, sleeps) in [(1_000, 11), (10, 1_100), (100, 1_100), (2_000, 50)] {
        let source = program(tasks, sleeps);
        let trace = run_program(&source, &RunOptions::default())
            .trace
            .expand()
            .unwrap();
        let events = trace.events.len();
        let start = Instant::now();
        let timeline = Timeline::new(trace, &source);
        let build = start.elapsed();

        // Each seek is timed three times and the fastest kept, so that the
        // figures show the work and not the machine's preemptions.
        let seek = |k: usize| {
            (0..3)
                .map(|_| {
                    let start = Instant::now();
                    let view = timeline.state_at(k);
                    let narration = timeline.narration(k, Narration::Concepts);
                    let took = start.elapsed();
                    assert_eq!(view.event, k);
                    assert!(!narration.is_empty());
                    took
                })
                .min()
                .expect("three runs")
        };
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        let mut times: Vec<Duration> = (0..1_000)
            .map(|_| seek((next(&mut seed) % events as u64) as usize))
            .collect();
        // Just before a checkpoint boundary is the longest replay.
        times.extend((255..events).step_by(256).take(200).map(seek));
        times.sort();
        let mean = times.iter().sum::<Duration>() / times.len() as u32;
        let median = times[times.len() / 2];
        let p99 = times[times.len() * 99 / 100];
        let max = times[times.len() - 1];
        println!(
            "{tasks} tasks x {sleeps} sleeps: {events} events; Timeline::new {:.1} ms; \
             state_at+narration over {} seeks (best of 3 each): mean {:.3} ms, median {:.3} ms, \
             p99 {:.3} ms, max {:.3} ms",
            ms(build),
            times.len(),
            ms(mean),
            ms(median),
            ms(p99),
            ms(max)
        );

        // Playback: each frame moves the playhead on from the last one by the events due
        // in a frame (16 at 1,000 events/s) and builds what the page shows from it.
        let mut playhead = timeline.playhead(0, None);
        let mut frames: Vec<Duration> = (16..events)
            .step_by(16)
            .take(5_000)
            .map(|k| {
                let start = Instant::now();
                playhead = timeline.playhead(k, Some(std::mem::take(&mut playhead)));
                let view = timeline.view_at(&playhead);
                let narration = timeline.narration_at(&playhead, Narration::Concepts);
                let took = start.elapsed();
                assert_eq!(view.event, k);
                assert!(!narration.is_empty());
                took
            })
            .collect();
        frames.sort();
        println!(
            "  playback, 16 events a frame from the last playhead: view+narration median {:.3} ms, \
             p99 {:.3} ms over {} frames",
            ms(frames[frames.len() / 2]),
            ms(frames[frames.len() * 99 / 100]),
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
