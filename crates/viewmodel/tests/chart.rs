//! The timeline chart laid out on recorded programs: what lies under a point,
//! the keyboard cursor, the summary, the SVG, and a big run staying cheap.

mod common;

use loopscope_viewmodel::chart::{
    to_svg, Axis, Chart, ChartView, Hit, Move, Paint, Shape, LABEL_WIDTH, TASKS_TOP,
};
use loopscope_viewmodel::{LaneOwner, SegmentState, Timeline};

fn view(timeline: &Timeline, axis: Axis) -> ChartView {
    let (start, end) = Chart::full_range(timeline, axis);
    ChartView {
        axis,
        start,
        end,
        width: 900.0,
        height: 250.0,
        scroll: 0.0,
        internals: false,
        selected: None,
        annotate: true,
    }
}

/// Every text of a scene.
fn texts(shapes: impl Iterator<Item = Shape>) -> Vec<String> {
    shapes
        .filter_map(|shape| match shape {
            Shape::Text { text, .. } => Some(text),
            _ => None,
        })
        .collect()
}

#[test]
fn internal_tasks_are_hidden_unless_asked_for() {
    let t = common::example("16_taskgroup");
    let hidden = Chart::new(&t, view(&t, Axis::Time));
    let shown = Chart::new(
        &t,
        ChartView {
            internals: true,
            ..view(&t, Axis::Time)
        },
    );
    let names = |chart: &Chart| -> Vec<String> {
        let scene = chart.base_scene();
        texts(scene.layers.into_iter().flat_map(|layer| layer.shapes))
            .into_iter()
            .filter(|text| text.contains(" · ") || text == "event loop")
            .collect()
    };
    assert_eq!(
        names(&hidden),
        [
            "event loop",
            "Task-1 · main()",
            "Task-2 · check()",
            "Task-3 · check()",
            "Task-4 · check()"
        ]
    );
    assert_eq!(names(&shown).len(), 7);
    assert!(names(&shown)[5].starts_with("Task-5 · BaseEventLoop."));
    assert!(t
        .summary(false)
        .contains("Task-3 · check(): failed. Task-4 · check(): cancelled."));
    assert!(t
        .summary(false)
        .ends_with("2 of asyncio's own tasks hidden (turn on Internals to see them)."));
}

#[test]
fn lanes_end_in_their_final_state() {
    let t = common::example("16_taskgroup");
    let finals: Vec<Option<SegmentState>> = t.lanes()[1..]
        .iter()
        .map(|lane| lane.final_state())
        .collect();
    use SegmentState::*;
    assert_eq!(
        finals,
        [
            Some(Done),
            Some(Done),
            Some(Failed),
            Some(Cancelled),
            Some(Done),
            Some(Done)
        ]
    );
}

#[test]
fn a_point_names_what_is_under_it() {
    let t = common::example("07_gather");
    let chart = Chart::new(&t, view(&t, Axis::Time));
    assert_eq!(chart.hit(20.0, TASKS_TOP + 4.0), Hit::Label { lane: 1 });
    // Task-3 (multiplication) is woken at t=1 by its timer: a third of the plot.
    let x = chart.scale.x(1.0);
    let y = TASKS_TOP + 2.0 * 18.0 + 9.0;
    let tip = chart.tooltip(chart.hit(x + 0.5, y)).expect("a tooltip");
    assert!(
        tip.title.starts_with("Task-3 · multiplication() — "),
        "{tip:?}"
    );
    // Its mark: the sleep's future resolving at t=1.
    let marked = (0..8)
        .map(|dx| chart.hit(x - 4.0 + dx as f64, y - 4.0))
        .find(|hit| matches!(hit, Hit::Mark { .. }))
        .expect("the sleep's future ends at t=1 on Task-3's lane");
    let tip = chart.tooltip(marked).expect("words");
    assert_eq!(
        tip.title,
        format!("a future resolved · event {} (t=1.000)", tip.event + 1)
    );
    // The ready queue's lane and the axis.
    assert!(matches!(
        chart.hit(LABEL_WIDTH + 10.0, 22.0 + 18.0 + 10.0),
        Hit::Depth { .. }
    ));
    assert!(matches!(
        chart.hit(LABEL_WIDTH + 10.0, 5.0),
        Hit::Axis { .. }
    ));
}

#[test]
fn the_cursor_walks_a_lanes_moments_and_the_lanes() {
    let t = common::example("07_gather");
    let chart = Chart::new(&t, view(&t, Axis::Events));
    let main = t.lane_index(LaneOwner::Task(1)).expect("main's lane");
    assert_eq!(chart.move_cursor(0, 0, Move::LaneDown), (main, 0));
    assert_eq!(chart.move_cursor(main, 0, Move::LaneUp), (0, 0));
    let (_, first_run) = chart.move_cursor(main, 0, Move::Next);
    let said = chart.describe_cursor(main, first_run);
    assert!(
        said.starts_with(&format!(
            "Task-1 · main(), event {} of {}",
            first_run + 1,
            t.len()
        )),
        "{said}"
    );
    assert!(
        said.contains(": running. Task-1 starts running main()."),
        "{said}"
    );
    let (tip, x, y) = chart
        .cursor_tooltip(main, first_run)
        .expect("main's lane is on screen");
    assert_eq!(tip.title, "Task-1 · main() — running");
    assert_eq!((x, y), (chart.scale.x(first_run as f64), TASKS_TOP + 18.0));
    let (_, back) = chart.move_cursor(main, first_run, Move::Previous);
    assert_eq!(back, 0);
    let (_, last) = chart.move_cursor(main, 0, Move::Last);
    assert!(chart.describe_cursor(main, last).contains(": done."));
}

#[test]
fn the_svg_has_every_lane_and_titles_each_arrow() {
    let t = common::example("07_gather");
    let probe = Chart::new(&t, view(&t, Axis::Time));
    let chart = Chart::new(
        &t,
        ChartView {
            height: probe.content_height(),
            ..view(&t, Axis::Time)
        },
    );
    let (base, overlay) = (chart.base_scene(), chart.overlay_scene(0, None));
    let svg = to_svg(&[&base, &overlay], "gather", |paint| {
        format!("var(--{})", paint.name())
    });
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.ends_with("</svg>\n"));
    for name in [
        "event loop",
        "ready queue",
        "Task-1 · main()",
        "Task-2 · addition()",
        "Task-4 · division()",
    ] {
        assert!(svg.contains(&format!(">{name}</text>")), "{name}");
    }
    assert!(svg.contains("<title>Task-1 became ready because Task-2 finished at event"));
    assert_eq!(
        svg.matches("<g clip-path").count(),
        svg.matches("</g>").count()
    );
}

#[test]
fn a_big_run_costs_what_is_visible() {
    let source = include_str!("../programs/many_sleepers.py")
        .replace("SLEEPS", "40")
        .replace("TASKS", "300");
    let t = common::timeline_of(&source);
    assert!(t.len() > 60_000, "{}", t.len());
    for axis in [Axis::Time, Axis::Events] {
        let chart = Chart::new(&t, view(&t, axis));
        let scene = chart.base_scene();
        let shapes: usize = scene.layers.iter().map(|layer| layer.shapes.len()).sum();
        let rows = chart.visible_tasks().len() + 2;
        // Per row at most two shapes per pixel column (stretch + column), plus
        // marks every few pixels, names and the grid.
        let plot = 900.0 - LABEL_WIDTH;
        assert!(
            shapes as f64 <= rows as f64 * plot * 2.5 + 1_000.0,
            "{axis:?}: {shapes}"
        );
        // Too many wake-ups to draw: none unless a lane is selected.
        assert!(scene.arrows_left_out > 0);
        let selected = Chart::new(
            &t,
            ChartView {
                selected: Some(LaneOwner::Task(2)),
                ..view(&t, axis)
            },
        );
        let arrows = selected
            .base_scene()
            .layers
            .iter()
            .flat_map(|layer| &layer.shapes)
            .filter(|shape| {
                matches!(
                    shape,
                    Shape::Arrow {
                        paint: Paint::Wake,
                        ..
                    }
                )
            })
            .count();
        assert!(arrows > 10, "{axis:?}: {arrows}");
    }
}

#[test]
fn a_programs_own_class_is_never_taken_for_asyncio() {
    // A class may reuse asyncio's names: its coroutine has frames, so its task
    // keeps its lane; asyncio.run's own shutdown tasks do not.
    let t = common::timeline_of(
        "import asyncio\n\n\nclass BaseEventLoop:\n    async def shutdown_asyncgens(self):\n        await asyncio.sleep(1)\n        return 'mine'\n\n\nasync def main():\n    print(await asyncio.create_task(BaseEventLoop().shutdown_asyncgens()))\n\n\nasyncio.run(main())\n",
    );
    let internal: Vec<(String, bool)> = t.lanes()[1..]
        .iter()
        .map(|lane| (lane.label.clone(), lane.internal))
        .collect();
    assert_eq!(
        internal,
        [
            ("Task-1 · main()".to_string(), false),
            (
                "Task-2 · BaseEventLoop.shutdown_asyncgens()".to_string(),
                false
            ),
            (
                "Task-3 · BaseEventLoop.shutdown_asyncgens()".to_string(),
                true
            ),
            (
                "Task-4 · BaseEventLoop.shutdown_default_executor()".to_string(),
                true
            ),
        ]
    );
}

#[test]
fn a_pitfall_is_a_diamond_on_the_axis_that_says_its_sentence() {
    let source = std::fs::read_to_string(format!(
        "{}/tests/pitfalls/blocking_call.py",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("the blocking call's program");
    let t = common::timeline_of(&source);
    assert_eq!(t.pitfalls().len(), 1);
    let pitfall = t.pitfalls()[0].clone();
    for axis in [Axis::Time, Axis::Events] {
        let chart = Chart::new(&t, view(&t, axis));
        let diamonds: Vec<(f64, f64)> = chart
            .base_scene()
            .layers
            .into_iter()
            .flat_map(|layer| layer.shapes)
            .filter_map(|shape| match shape {
                Shape::Diamond {
                    centre,
                    paint: Paint::Pitfall,
                    ..
                } => Some(centre),
                _ => None,
            })
            .collect();
        assert_eq!(diamonds.len(), t.pitfalls().len(), "{axis:?}");
        let (x, y) = diamonds[0];
        assert_eq!(
            x,
            chart.scale.x(chart.value_of_event(pitfall.event)),
            "{axis:?}"
        );
        let hit = chart.hit(x + 2.0, y);
        assert_eq!(
            hit,
            Hit::Pitfall {
                pitfall: 0,
                event: pitfall.event
            }
        );
        let tip = chart.tooltip(hit).expect("words");
        assert!(
            tip.title.starts_with("pitfall: blocking call · "),
            "{}",
            tip.title
        );
        assert_eq!(
            tip.lines.as_slice(),
            std::slice::from_ref(&pitfall.sentence)
        );
        assert_eq!(tip.event, pitfall.event);
        // Beside the diamond, the axis is the axis again.
        assert!(matches!(chart.hit(x + 12.0, y), Hit::Axis { .. }));
    }
}
