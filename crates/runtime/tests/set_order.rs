//! `hash()` values and set iteration order against CPython 3.11: each
//! program in tests/set_order/ must print what CPython printed for it with
//! PYTHONHASHSEED=0 (its .expected file). `UPDATE_EXPECT=1` re-records the
//! .expected files with `python3 tests/set_order/record.py`.

use std::path::Path;
use std::process::Command;
use std::sync::Once;

use loopscope_runtime::trace::Stream;
use loopscope_runtime::{run_program, RunOptions};

/// Re-records every case once per test run (the tests run in parallel).
static RECORD: Once = Once::new();

fn check(case: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/set_order");
    if std::env::var("UPDATE_EXPECT").as_deref() == Ok("1") {
        RECORD.call_once(|| {
            let status = Command::new("python3")
                .arg(dir.join("record.py"))
                .status()
                .expect("python3 runs");
            assert!(status.success(), "record.py failed");
        });
    }
    let source = std::fs::read_to_string(dir.join(format!("{case}.py"))).expect("case");
    let expected = std::fs::read_to_string(dir.join(format!("{case}.expected"))).expect("expected");
    let options = RunOptions {
        filename: format!("{case}.py"),
        ..RunOptions::default()
    };
    let outcome = run_program(&source, &options);
    let actual = outcome.stream_text(Stream::Stdout);
    for (line, (want, got)) in expected.lines().zip(actual.lines()).enumerate() {
        assert_eq!(got, want, "{case}.py: output line {} differs", line + 1);
    }
    assert_eq!(actual, expected, "{case}.py: output differs");
    assert_eq!(outcome.status, 0, "{case}.py: exit status");
}

/// `hash()` of ~200 strings (ASCII, Latin-1, BMP, astral), bytes, tuples,
/// ints, floats and bools.
#[test]
fn hashes() {
    check("hashes");
}

/// Displays, comprehensions, `set(iterable)` for every kind of iterable.
#[test]
fn literals() {
    check("literals");
}

/// add/remove/discard/pop/clear sequences through resizes and dummies.
#[test]
fn mutation() {
    check("mutation");
}

/// The set algebra: operators, methods, in-place forms.
#[test]
fn algebra() {
    check("algebra");
}
