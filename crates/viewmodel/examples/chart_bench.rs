//! Chart benchmark: lays out the timeline of a million-event run (2,000 tasks
//! × 50 random sleeps) natively, on both axes at three zooms: the chart
//! (`base_scene`, what a zoom, pan or axis switch recomputes) and the overlay
//! (what a seek recomputes). Prints the figures for BENCHMARKS.md; the page
//! runs the same code as wasm.
//!
//! Run: `cargo run --release -p loopscope-viewmodel --example chart_bench`

use std::time::{Duration, Instant};

use loopscope_runtime::{run_program, RunOptions};
use loopscope_viewmodel::chart::{Axis, Chart, ChartView};
use loopscope_viewmodel::Timeline;

const PROGRAM: &str = "import asyncio
import random


async def sleeper(index):
    for _ in range(50):
        await asyncio.sleep(random.random())
    return index


async def main():
    tasks = [asyncio.create_task(sleeper(i)) for i in range(2000)]
    print(sum(await asyncio.gather(*tasks)))


asyncio.run(main())
";

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The fastest of `runs` runs of `work` (the machine is shared: the fastest
/// shows the work, not the preemptions).
fn best(runs: usize, mut work: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed()
        })
        .min()
        .expect("at least one run")
}

fn main() {
    let started = Instant::now();
    let trace = run_program(PROGRAM, &RunOptions::default())
        .trace
        .expand()
        .unwrap();
    let ran = started.elapsed();
    let events = trace.events.len();
    let started = Instant::now();
    let timeline = Timeline::new(trace, PROGRAM);
    println!(
        "2000 tasks x 50 random sleeps: {events} events; run {:.0} ms, Timeline::new {:.0} ms",
        ms(ran),
        ms(started.elapsed())
    );
    for axis in [Axis::Time, Axis::Events] {
        let (start, end) = Chart::full_range(&timeline, axis);
        for zoom in [1.0, 16.0, 1024.0] {
            let view = ChartView {
                axis,
                start,
                end: start + (end - start) / zoom,
                width: 1400.0,
                height: 250.0,
                scroll: 0.0,
                internals: false,
                selected: None,
                annotate: false,
            };
            let mut shapes = 0;
            let base = best(10, || {
                let scene = Chart::new(&timeline, view).base_scene();
                shapes = scene.layers.iter().map(|layer| layer.shapes.len()).sum();
            });
            let mut slowest = Duration::ZERO;
            for k in (0..events).step_by(events / 100) {
                let took = best(3, || {
                    let chart = Chart::new(&timeline, view);
                    std::hint::black_box(chart.overlay_scene(k, Some((1, k))));
                });
                slowest = slowest.max(took);
            }
            println!(
                "{axis:?} axis, zoom {zoom}x: chart {:.2} ms ({shapes} shapes); overlay (a seek) at most {:.3} ms over 100 events",
                ms(base),
                ms(slowest)
            );
        }
    }
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        println!("load average while measuring: {}", load.trim());
    }
}
