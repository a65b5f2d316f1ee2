//! Shared by the integration tests: run real programs, find events, and
//! render a view as text for the golden files.

#![allow(dead_code)] // each test binary uses a different part

use loopscope_runtime::trace::EventKind;
use loopscope_runtime::{run_program, RunOptions};
use loopscope_viewmodel::{Narration, PrimitiveState, TaskState, Timeline};

/// Source of `assets/examples/<name>.py`.
pub fn example_source(name: &str) -> String {
    let path = format!(
        "{}/../../assets/examples/{name}.py",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Runs `source` and builds its timeline.
pub fn timeline_of(source: &str) -> Timeline {
    let outcome = run_program(source, &RunOptions::default());
    Timeline::new(outcome.trace.expand().unwrap(), source)
}

/// Runs `assets/examples/<name>.py`.
pub fn example(name: &str) -> Timeline {
    timeline_of(&example_source(name))
}

/// Every example's name, sorted.
pub fn example_names() -> Vec<String> {
    let dir = format!("{}/../../assets/examples", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("examples")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".py")?.to_string())
        })
        .collect();
    names.sort();
    names
}

/// Index of the `nth` (from 0) event matching `pred`.
pub fn nth_event(timeline: &Timeline, nth: usize, pred: impl Fn(&EventKind) -> bool) -> usize {
    timeline
        .trace()
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| pred(&e.kind))
        .map(|(i, _)| i)
        .nth(nth)
        .expect("no such event")
}

/// The panels after event `k` as text, one panel per line.
pub fn render(timeline: &Timeline, k: usize) -> String {
    let view = timeline.state_at(k);
    let mut out = String::new();
    out += &format!(
        "event {} · t={:.3} · line {}\n",
        view.event, view.now, view.line
    );
    out += &format!(
        "  concepts:  {}\n",
        timeline.narration(k, Narration::Concepts)
    );
    out += &format!(
        "  internals: {}\n",
        timeline.narration(k, Narration::Internals)
    );
    if let Some(r) = &view.running {
        out += &format!("  running: #{} {} (task {:?})\n", r.handle, r.label, r.task);
    }
    for h in &view.ready {
        let cancelled = if h.cancelled { " [cancelled]" } else { "" };
        out += &format!("  ready: #{} {}{cancelled}\n", h.handle, h.label);
    }
    for t in &view.timers {
        let cancelled = if t.cancelled { " [cancelled]" } else { "" };
        out += &format!(
            "  timer: #{} t={:.3} (in {:.3}) {}{cancelled}\n",
            t.handle, t.when, t.in_seconds, t.label
        );
    }
    for t in &view.tasks {
        let state = match &t.state {
            TaskState::Waiting { on } => format!("waiting on {on}"),
            TaskState::Done { result } => format!("done: {result}"),
            TaskState::Failed { error } => format!("failed: {error}"),
            other => format!("{other:?}").to_lowercase(),
        };
        out += &format!("  task: {} {} {state} (line {})\n", t.name, t.coro, t.line);
    }
    for p in &view.primitives {
        let state = match &p.state {
            PrimitiveState::Queue { items } => format!("items {items:?}"),
            PrimitiveState::Lock { owner } => format!("owner {:?}", owner.as_ref().map(|o| &o.1)),
            PrimitiveState::Event { set } => format!("set {set}"),
            PrimitiveState::Semaphore { value } => format!("value {value:?}"),
            PrimitiveState::Other => String::new(),
        };
        let waiters: Vec<&str> = p.waiters.iter().map(|w| w.label.as_str()).collect();
        out += &format!("  {}: {state} waiters {waiters:?}\n", p.label);
    }
    out += &format!("  console: {} lines\n", view.console_len);
    out
}

/// `render` at each of `events`.
pub fn render_all(timeline: &Timeline, events: &[usize]) -> String {
    events
        .iter()
        .map(|&k| render(timeline, k))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Compares `actual` with `tests/snapshots/<name>.txt`, or rewrites the file when
/// `LOOPSCOPE_UPDATE=1` (review the diff, then commit).
pub fn assert_snapshot(name: &str, actual: &str) {
    let path = format!("{}/tests/snapshots/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    loopscope_golden::golden!().assert_matches(std::path::Path::new(&path), actual);
}
