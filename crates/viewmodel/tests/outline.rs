//! What a seek builds for the page, the outline with each row built when drawn, is the whole
//! view: with Internals on, row for row; with it off, the view less asyncio's own tasks and
//! objects and the handles and timers for those tasks. Checked at every event of every
//! example, and of a run whose lists are long and whose tasks finish.

mod common;

use loopscope_runtime::trace::Trace;
use loopscope_viewmodel::{LoopOutline, LoopView, Playhead, Timeline};

/// The view the page draws from `outline`, every row built.
fn drawn(t: &Timeline, playhead: &Playhead, outline: LoopOutline) -> LoopView {
    LoopView {
        event: outline.event,
        now: outline.now,
        line: outline.line,
        running: outline.running,
        ready: outline
            .ready
            .iter()
            .map(|&handle| t.ready_row(playhead, handle))
            .collect(),
        timers: outline
            .timers
            .iter()
            .map(|&timer| t.timer_row(playhead, timer))
            .collect(),
        tasks: outline
            .tasks
            .iter()
            .map(|&task| t.task_row(playhead, task).expect("a listed task exists"))
            .collect(),
        primitives: outline.primitives,
        console_len: outline.console_len,
    }
}

fn without_internals(mut view: LoopView) -> LoopView {
    view.ready.retain(|handle| !handle.internal);
    view.timers.retain(|timer| !timer.internal);
    view.tasks.retain(|task| !task.internal);
    view.primitives.retain(|primitive| !primitive.internal);
    view
}

fn assert_outline_is_the_view(name: &str, t: &Timeline) {
    let mut playhead = None;
    for k in 0..t.len() {
        let here = t.playhead(k, playhead.take());
        let whole = t.view_at(&here);
        let with = drawn(t, &here, t.outline_at(&here, true));
        assert_eq!(with, whole, "{name}: event {k}, Internals on");
        let without = drawn(t, &here, t.outline_at(&here, false));
        assert_eq!(
            without,
            without_internals(whole),
            "{name}: event {k}, Internals off"
        );
        playhead = Some(here);
    }
}

/// Forty tasks asleep at once, then finished: long ready and timer lists, every task state.
const FORTY_SLEEPERS: &str = "import asyncio


async def nap(i):
    await asyncio.sleep(i % 3)
    return i


async def main():
    tasks = [asyncio.create_task(nap(i)) for i in range(40)]
    print(sum(await asyncio.gather(*tasks)))


asyncio.run(main())
";

#[test]
fn the_outline_drawn_row_by_row_is_the_whole_view() {
    for name in common::example_names() {
        assert_outline_is_the_view(&name, &common::example(&name));
    }
    assert_outline_is_the_view("forty sleepers", &common::timeline_of(FORTY_SLEEPERS));
}

#[test]
fn an_empty_trace_has_an_empty_outline() {
    let t = Timeline::new(Trace::default(), "");
    let playhead = t.playhead(0, None);
    assert_eq!(t.outline_at(&playhead, true), LoopOutline::default());
}
