//! The engine packs its trace's events into records (docs/trace.md, "Records"): for every
//! program of the corpus, the records expand to exactly the elementary events the engine
//! reported (a run that records each event on its own says which), and the bench programs'
//! loop operations take the few records issue 13 budgets.

use loopscope_runtime::trace::{PackedTrace, Trace};
use loopscope_runtime::{run_program, RunOptions};

#[path = "../../../tests/programs.rs"]
mod programs;

fn run(source: &str, pack_trace: bool) -> PackedTrace {
    let options = RunOptions {
        pack_trace,
        ..RunOptions::default()
    };
    run_program(source, &options).trace
}

fn elementary(trace: &PackedTrace, path: &str) -> Trace {
    trace
        .expand()
        .unwrap_or_else(|invalid| panic!("{path}: {invalid}"))
}

#[test]
fn records_expand_to_the_events_the_engine_reported() {
    let (mut records, mut events) = (0, 0);
    for (path, source) in programs::examples_and_cases() {
        let reported = elementary(&run(&source, false), &path);
        let packed = run(&source, true);
        let expanded = elementary(&packed, &path);
        assert_eq!(expanded.strings, reported.strings, "{path}");
        if let Some(k) = (0..reported.events.len())
            .find(|&k| expanded.events.get(k) != Some(&reported.events[k]))
        {
            panic!(
                "{path}: event {k} is {:?}, the engine reported {:?}",
                expanded.events.get(k),
                reported.events[k]
            );
        }
        assert_eq!(expanded.events.len(), reported.events.len(), "{path}");
        records += packed.records.len();
        events += reported.events.len();
    }
    assert!(
        records * 10 < events * 9,
        "{records} records for {events} events: hardly anything packed"
    );
}

/// `bench/NAME.py` with its size constants scaled down.
fn bench_program(name: &str, sizes: &[(&str, &str)]) -> String {
    let path = format!("{}/../../bench/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut source = std::fs::read_to_string(path).expect("bench program");
    for (from, to) in sizes {
        assert!(source.contains(from), "{name} has {from}");
        source = source.replace(from, to);
    }
    source
}

#[test]
fn a_sleep_takes_at_most_four_records_and_a_queue_item_six() {
    let sleeps = bench_program(
        "sleeps.py",
        &[
            ("TASKS = 10_000", "TASKS = 100"),
            ("SLEEPS_PER_TASK = 100", "SLEEPS_PER_TASK = 50"),
        ],
    );
    let records = run(&sleeps, true).records.len() as f64;
    let per_sleep = records / 5000.0;
    assert!(per_sleep <= 4.0, "{per_sleep} records per sleep");

    let queue = bench_program(
        "queue.py",
        &[
            ("PRODUCERS = 100", "PRODUCERS = 10"),
            ("CONSUMERS = 50", "CONSUMERS = 5"),
            ("ITEMS_PER_PRODUCER = 10_000", "ITEMS_PER_PRODUCER = 500"),
        ],
    );
    let records = run(&queue, true).records.len() as f64;
    let per_item = records / 5000.0;
    assert!(per_item <= 6.0, "{per_item} records per queue item");
}
