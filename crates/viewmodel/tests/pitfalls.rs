//! Pitfall detectors on recorded programs (`tests/pitfalls/NAME.py`, one pitfall each):
//! every pitfall found, as text, against `tests/pitfalls/NAME.txt`; and properties over
//! every example and conformance program.

mod common;
#[path = "../../../tests/programs.rs"]
mod programs;

use std::path::PathBuf;

use common::timeline_of;
use loopscope_viewmodel::PitfallKind;

fn pitfalls_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/pitfalls")
}

/// Each program and the one kind of pitfall it was written to show.
const PROGRAMS: &[(&str, PitfallKind)] = &[
    ("blocking_call", PitfallKind::BlockingCall),
    ("deadlock_event", PitfallKind::Deadlock),
    ("deadlock_lock_twice", PitfallKind::Deadlock),
    (
        "exception_never_retrieved",
        PitfallKind::ExceptionNeverRetrieved,
    ),
    ("missing_stdlib", PitfallKind::MissingModule),
    ("missing_third_party", PitfallKind::MissingModule),
    ("never_awaited", PitfallKind::NeverAwaited),
    ("queue_grows", PitfallKind::QueueOnlyGrows),
    ("task_dropped", PitfallKind::TaskDropped),
];

#[test]
fn each_program_shows_its_pitfall_as_recorded() {
    let golden = loopscope_golden::golden!();
    let mut listed: Vec<&str> = PROGRAMS.iter().map(|(name, _)| *name).collect();
    listed.sort_unstable();
    let mut files: Vec<String> = std::fs::read_dir(pitfalls_dir())
        .expect("tests/pitfalls")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".py")?.to_string())
        })
        .collect();
    files.sort_unstable();
    assert_eq!(
        files, listed,
        "every program in tests/pitfalls is listed in PROGRAMS"
    );
    for (name, kind) in PROGRAMS {
        let path = pitfalls_dir().join(format!("{name}.py"));
        let source = std::fs::read_to_string(&path).expect("program");
        let timeline = timeline_of(&source);
        let pitfalls = timeline.pitfalls();
        let kinds: Vec<PitfallKind> = pitfalls.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [*kind], "{name}");
        let mut text = String::new();
        for pitfall in pitfalls {
            text.push_str(&format!(
                "{} at event {} (line {}, tasks {:?}):\n{}\n",
                pitfall.kind.title(),
                pitfall.event,
                pitfall.line,
                pitfall.tasks,
                pitfall.sentence
            ));
            assert_eq!(
                timeline.pitfalls_at(pitfall.event),
                std::slice::from_ref(pitfall)
            );
        }
        golden.assert_matches(&path.with_extension("txt"), &text);
    }
}

#[test]
fn the_issue_s_example_reads_as_promised() {
    let source = std::fs::read_to_string(pitfalls_dir().join("blocking_call.py")).unwrap();
    let timeline = timeline_of(&source);
    let sentence = &timeline.pitfalls()[0].sentence;
    assert!(
        sentence.starts_with(
            "time.sleep(2) at line 11 blocked the loop for 2 s; Task-3 and Task-4 were ready and waited."
        ),
        "{sentence}"
    );
}

/// Over every example and conformance program: pitfalls are in event order, inside the
/// trace, and a deadlock is reported exactly when the run ended in one.
#[test]
fn pitfalls_are_ordered_and_deadlocks_match_the_end_status() {
    for (name, source) in programs::examples_and_cases() {
        let timeline = timeline_of(&source);
        let pitfalls = timeline.pitfalls();
        assert!(
            pitfalls.windows(2).all(|w| w[0].event <= w[1].event),
            "{name}"
        );
        assert!(pitfalls.iter().all(|p| p.event < timeline.len()), "{name}");
        let deadlocked = timeline
            .end_status()
            .1
            .is_some_and(|m| m.starts_with("deadlock"));
        let reported = pitfalls.iter().any(|p| p.kind == PitfallKind::Deadlock);
        assert_eq!(reported, deadlocked, "{name}");
        assert!(pitfalls.iter().all(|p| !p.sentence.is_empty()), "{name}");
    }
}
