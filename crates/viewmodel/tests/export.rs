//! The exports: the trace JSON equals what serde_json writes for the trace (the CLI's
//! `--trace` file), and the Perfetto file obeys the Trace Event format, on every example
//! and conformance program.

mod common;
#[path = "../../../tests/programs.rs"]
mod programs;

use std::collections::HashMap;

use common::timeline_of;
use loopscope_viewmodel::export::{console_text, perfetto, trace_json, Axis};
use serde_json::Value;

#[test]
fn the_trace_json_is_the_cli_s() {
    for (name, source) in programs::examples_and_cases() {
        let timeline = timeline_of(&source);
        let ours: Value = serde_json::from_str(&trace_json(timeline.trace()))
            .unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
        let theirs = serde_json::to_value(timeline.trace()).unwrap();
        assert_eq!(ours, theirs, "{name}");
        // And it reads back as the same trace.
        let back: loopscope_runtime::trace::Trace = serde_json::from_value(ours).expect("a trace");
        assert_eq!(&back, timeline.trace(), "{name}");
    }
}

#[test]
fn strings_and_numbers_are_written_as_json() {
    use loopscope_viewmodel::export::json::to_string;
    let text = "quote \" backslash \\ newline \n tab \t bell \u{7} é ✓";
    let written = to_string(text).unwrap();
    assert_eq!(serde_json::from_str::<String>(&written).unwrap(), text);
    for x in [0.0, -0.0, 1e-7, 2.5, 1e16, 123456.789, f64::MIN_POSITIVE] {
        let written = to_string(&x).unwrap();
        assert_eq!(
            serde_json::from_str::<f64>(&written).unwrap(),
            x,
            "{written}"
        );
    }
    assert_eq!(to_string(&f64::NAN).unwrap(), "null");
    // The trace's seconds: non-finite ones are strings, read back as the same f64.
    use loopscope_runtime::trace::Seconds;
    for (x, text) in [
        (f64::NAN, "\"nan\""),
        (f64::INFINITY, "\"inf\""),
        (f64::NEG_INFINITY, "\"-inf\""),
        (-f64::NAN, "\"nan\""),
        (1.5, "1.5"),
    ] {
        let seconds = Seconds::new(x);
        assert_eq!(to_string(&seconds).unwrap(), text);
        assert_eq!(serde_json::to_string(&seconds).unwrap(), text);
        let back: Seconds = serde_json::from_str(text).unwrap();
        assert_eq!(back, seconds, "{text}");
    }
    assert!(serde_json::from_str::<Seconds>("\"NaN\"").is_err());
    assert!(serde_json::from_str::<Seconds>("null").is_err());
    // A queue item: an int by its value, any other item by its repr's index.
    use loopscope_runtime::trace::Item;
    for (item, text) in [
        (Item::Int { int: -12 }, "{\"int\":-12}"),
        (Item::Int { int: i32::MAX }, "{\"int\":2147483647}"),
        (Item::Text(5), "5"),
    ] {
        assert_eq!(to_string(&item).unwrap(), text);
        assert_eq!(serde_json::to_string(&item).unwrap(), text);
        let back: Item = serde_json::from_str(text).unwrap();
        assert_eq!(back, item, "{text}");
    }
    let strings = ["".to_string(), "'a'".to_string()];
    assert_eq!(Item::Int { int: -12 }.text(&strings), "-12");
    assert_eq!(Item::Text(1).text(&strings), "'a'");
    let map: HashMap<u32, bool> = [(7, true)].into_iter().collect();
    assert_eq!(to_string(&map).unwrap(), "{\"7\":true}");
    assert_eq!(to_string(&(1, "a", None::<u8>)).unwrap(), "[1,\"a\",null]");
}

fn field<'a>(event: &'a Value, key: &str, at: &str) -> &'a Value {
    event
        .get(key)
        .unwrap_or_else(|| panic!("{at}: `{key}` missing in {event}"))
}

fn number(event: &Value, key: &str, at: &str) -> f64 {
    field(event, key, at)
        .as_f64()
        .unwrap_or_else(|| panic!("{at}: `{key}` is not a number in {event}"))
}

/// Checks `text` against the Trace Event format (the JSON object form): the phases this
/// exporter writes, each with the fields its phase requires; flows in pairs; slices on a
/// thread properly nested. Returns the events.
fn check_trace_event_format(text: &str, at: &str) -> Vec<Value> {
    let file: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{at}: not JSON: {e}"));
    assert!(
        file.get("displayTimeUnit")
            .is_some_and(|u| u == "ms" || u == "ns"),
        "{at}"
    );
    let events = file["traceEvents"].as_array().expect("traceEvents").clone();
    let mut flows: HashMap<u64, (Option<f64>, Option<f64>)> = HashMap::new();
    let mut slices: HashMap<u64, Vec<(f64, f64)>> = HashMap::new();
    for event in &events {
        assert!(field(event, "name", at).is_string(), "{at}: {event}");
        assert!(number(event, "pid", at) >= 0.0);
        let ph = field(event, "ph", at).as_str().expect("ph is a string");
        match ph {
            "M" => {
                let name = event["name"].as_str().unwrap();
                assert!(
                    ["process_name", "thread_name", "thread_sort_index"].contains(&name),
                    "{at}: metadata {name}"
                );
                assert!(field(event, "args", at).is_object());
            }
            "X" => {
                let ts = number(event, "ts", at);
                let dur = number(event, "dur", at);
                assert!(dur >= 0.0, "{at}: {event}");
                let tid = number(event, "tid", at) as u64;
                slices.entry(tid).or_default().push((ts, ts + dur));
            }
            "i" => {
                number(event, "ts", at);
                number(event, "tid", at);
                assert!(["t", "p", "g"].contains(&field(event, "s", at).as_str().unwrap()));
            }
            "s" | "f" => {
                let ts = number(event, "ts", at);
                number(event, "tid", at);
                assert!(field(event, "cat", at).is_string());
                let id = number(event, "id", at) as u64;
                let pair = flows.entry(id).or_default();
                let slot = if ph == "s" { &mut pair.0 } else { &mut pair.1 };
                assert!(slot.replace(ts).is_none(), "{at}: flow {id} has two `{ph}`");
                if ph == "f" {
                    assert_eq!(field(event, "bp", at), "e");
                }
            }
            "C" => {
                number(event, "ts", at);
                let args = field(event, "args", at).as_object().expect("counter args");
                assert!(args.values().all(Value::is_number), "{at}: {event}");
            }
            other => panic!("{at}: unexpected phase {other}"),
        }
    }
    for (id, (start, finish)) in flows {
        let (Some(start), Some(finish)) = (start, finish) else {
            panic!("{at}: flow {id} is not a start and a finish");
        };
        assert!(start <= finish, "{at}: flow {id} ends before it starts");
    }
    for (tid, mut spans) in slices {
        spans.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.1.total_cmp(&a.1)));
        for pair in spans.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let nested = b.1 <= a.1;
            let after = b.0 >= a.1;
            assert!(
                nested || after,
                "{at}: slices {a:?} and {b:?} of thread {tid} overlap"
            );
        }
    }
    events
}

#[test]
fn the_perfetto_file_follows_the_trace_event_format() {
    for (name, source) in programs::examples_and_cases() {
        let timeline = timeline_of(&source);
        for axis in [Axis::VirtualTime, Axis::Events] {
            let at = format!("{name} ({axis:?})");
            let events = check_trace_event_format(&perfetto(&timeline, axis, false), &at);
            let prints = events.iter().filter(|e| e["cat"] == "print").count();
            assert_eq!(
                prints,
                timeline.console().len(),
                "{at}: one instant per line"
            );
            let threads = events.iter().filter(|e| e["name"] == "thread_name").count();
            let lanes = timeline.lanes().iter().filter(|l| !l.internal).count();
            assert_eq!(threads, lanes, "{at}: a track per task and the loop");
        }
    }
}

#[test]
fn the_gather_example_s_wake_ups_join_the_right_tracks() {
    let timeline = common::example("07_gather");
    let text = perfetto(&timeline, Axis::VirtualTime, false);
    let events = check_trace_event_format(&text, "07_gather");
    let track = |tid: f64| {
        events
            .iter()
            .find(|e| e["name"] == "thread_name" && e["tid"] == tid)
            .map(|e| e["args"]["name"].as_str().unwrap().to_string())
            .unwrap()
    };
    let mut arrows = Vec::new();
    for start in events.iter().filter(|e| e["ph"] == "s") {
        let finish = events
            .iter()
            .find(|e| e["ph"] == "f" && e["id"] == start["id"])
            .unwrap();
        arrows.push(format!(
            "{} -> {} ({})",
            track(start["tid"].as_f64().unwrap()),
            track(finish["tid"].as_f64().unwrap()),
            start["name"].as_str().unwrap()
        ));
    }
    // Each child's sleep is ended by a timer on the loop's track; main wakes when the
    // last child (addition, 3 s) ends, from that child's track.
    for child in ["Task-2", "Task-3", "Task-4"] {
        assert!(
            arrows.iter().any(|a| a.starts_with("event loop -> ")
                && a.contains(child)
                && a.ends_with("(timer)")),
            "{child}: {arrows:#?}"
        );
    }
    assert!(
        arrows.contains(&"Task-2 · addition() -> Task-1 · main() (task ended)".to_string()),
        "the last child to finish wakes main: {arrows:#?}"
    );
    assert!(
        text.contains("\"print: division: 0.5\""),
        "the prints are instants"
    );
}

#[test]
fn the_console_text_is_stamped_like_the_cli() {
    let timeline = common::example("07_gather");
    let text = console_text(&timeline, true);
    assert!(text.starts_with("3.000 addition: 30\n"), "{text}");
    assert!(console_text(&timeline, false).starts_with("addition: 30\n"));
}
