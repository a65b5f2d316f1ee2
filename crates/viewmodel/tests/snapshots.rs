//! Golden files: every panel and both narrations, as text, at the events
//! where something visible happens in a few examples (before and after each
//! clock jump, and the end). Update with `LOOPSCOPE_UPDATE=1` and review.

mod common;

use loopscope_runtime::trace::EventKind;

/// The events worth a picture: each clock jump, the event before it, each
/// waiter parking or waking, each task finishing, and the last event.
fn moments(t: &loopscope_viewmodel::Timeline) -> Vec<usize> {
    let mut events = Vec::new();
    for (k, e) in t.trace().events.iter().enumerate() {
        match e.kind {
            EventKind::ClockAdvanced { .. } => events.extend([k.saturating_sub(1), k]),
            EventKind::WaiterParked { .. }
            | EventKind::WaiterWoken { .. }
            | EventKind::TaskDone { .. }
            | EventKind::TaskFailed { .. }
            | EventKind::TaskCancelled { .. } => events.push(k),
            _ => {}
        }
    }
    events.push(t.len() - 1);
    events.dedup();
    events
}

fn check(name: &str) {
    let t = common::example(name);
    common::assert_snapshot(name, &common::render_all(&t, &moments(&t)));
}

#[test]
fn gather() {
    check("07_gather");
}

#[test]
fn three_counters() {
    check("08_three_counters");
}

#[test]
fn wait_for_timeout() {
    check("09_wait_for_timeout");
}

#[test]
fn cancellation() {
    check("10_cancellation");
}

#[test]
fn queue_backpressure() {
    check("12_queue_backpressure");
}

#[test]
fn lock() {
    check("13_lock");
}

#[test]
fn event() {
    check("14_event");
}

#[test]
fn taskgroup() {
    check("16_taskgroup");
}
