//! The timeline's lanes: shape invariants on every example, and the
//! segments of two known programs.

mod common;

use loopscope_viewmodel::{LaneOwner, SegmentState, TaskState};

#[test]
fn lanes_are_well_formed_for_every_example() {
    for name in common::example_names() {
        let t = common::example(&name);
        let lanes = t.lanes();
        assert_eq!(lanes[0].owner, LaneOwner::Loop, "{name}");
        let last = t.state_at(t.len() - 1);
        let task_lanes: Vec<u32> = lanes[1..]
            .iter()
            .map(|lane| match lane.owner {
                LaneOwner::Task(id) => id,
                LaneOwner::Loop => panic!("{name}: two loop lanes"),
            })
            .collect();
        let tasks: Vec<u32> = last.tasks.iter().map(|t| t.id).collect();
        assert_eq!(task_lanes, tasks, "{name}: one lane per task, in order");
        for lane in lanes {
            for s in &lane.segments {
                assert!(s.start_event <= s.end_event, "{name} {}: {s:?}", lane.label);
                assert!(s.start_time <= s.end_time, "{name} {}: {s:?}", lane.label);
                assert!(s.end_event < t.len(), "{name} {}: {s:?}", lane.label);
            }
            for pair in lane.segments.windows(2) {
                assert!(
                    pair[0].end_event <= pair[1].start_event,
                    "{name} {}: {pair:?}",
                    lane.label
                );
                if lane.owner != LaneOwner::Loop {
                    // A task is always in some state: no gaps.
                    assert_eq!(
                        pair[0].end_event, pair[1].start_event,
                        "{name} {}",
                        lane.label
                    );
                }
            }
        }
        // A task lane's state at an event agrees with the task panel.
        for lane in &lanes[1..] {
            let LaneOwner::Task(id) = lane.owner else {
                unreachable!()
            };
            for s in &lane.segments {
                let view = t.state_at(s.start_event);
                let task = view.tasks.iter().find(|t| t.id == id).expect("task");
                let expected = match task.state {
                    TaskState::Ready => SegmentState::Ready,
                    TaskState::Running => SegmentState::Running,
                    TaskState::Waiting { .. } => SegmentState::Waiting,
                    TaskState::Done { .. } => SegmentState::Done,
                    TaskState::Failed { .. } => SegmentState::Failed,
                    TaskState::Cancelled => SegmentState::Cancelled,
                };
                assert_eq!(
                    s.state, expected,
                    "{name} {} at {}",
                    lane.label, s.start_event
                );
            }
        }
    }
}

#[test]
fn blocking_sleep_blocks_the_loop_lane() {
    let t = common::example("01_blocking_sleep");
    let blocked: Vec<(f64, f64)> = t.lanes()[0]
        .segments
        .iter()
        .filter(|s| s.state == SegmentState::Blocked)
        .map(|s| (s.start_time, s.end_time))
        .collect();
    assert_eq!(blocked, [(0.0, 3.0), (3.0, 5.0), (5.0, 6.0)]);
    let k = common::nth_event(&t, 0, |e| {
        matches!(e, loopscope_runtime::trace::EventKind::ClockAdvanced { .. })
    });
    assert!(t
        .narration(k, loopscope_viewmodel::Narration::Concepts)
        .starts_with("time.sleep blocks everything"));
}

#[test]
fn three_counters_lanes() {
    let t = common::example("08_three_counters");
    let lanes = t.lanes();
    assert_eq!(lanes[2].label, "Task-2 · count()");
    let task2: Vec<(SegmentState, f64, f64, String)> = lanes[2]
        .segments
        .iter()
        .map(|s| (s.state, s.start_time, s.end_time, t.segment_detail(s)))
        .collect();
    use SegmentState::*;
    assert_eq!(
        task2[..6],
        [
            (Ready, 0.0, 0.0, String::new()),
            (Running, 0.0, 0.0, String::new()),
            (Waiting, 0.0, 1.0, "sleep until t=1.000".to_string()),
            (Ready, 1.0, 1.0, String::new()),
            (Running, 1.0, 1.0, String::new()),
            (Waiting, 1.0, 2.0, "sleep until t=2.000".to_string()),
        ]
    );
    assert_eq!(task2.last().unwrap().0, Done);
    assert_eq!(task2.last().unwrap().3, "'A done'");
    let idle: Vec<(f64, f64)> = lanes[0]
        .segments
        .iter()
        .filter(|s| s.state == Idle)
        .map(|s| (s.start_time, s.end_time))
        .collect();
    assert_eq!(
        idle,
        [
            (0.0, 0.5),
            (0.5, 1.0),
            (1.0, 1.5),
            (1.5, 2.0),
            (2.0, 3.0),
            (3.0, 4.5)
        ]
    );
    let first_run = &lanes[0].segments[0];
    assert_eq!(
        (first_run.state, t.segment_detail(first_run).as_str()),
        (Running, "Task-1 · start main()")
    );
}
