//! `hash()` values and set iteration order against CPython 3.11: each
//! program in tests/set_order/ must print what CPython printed for it with
//! PYTHONHASHSEED=0 (its .expected file). `LOOPSCOPE_UPDATE=1` re-records the
//! .expected files with `python3 tests/set_order/record.py`.

use std::path::Path;

use loopscope_runtime::trace::Stream;
use loopscope_runtime::{run_program, RunOptions};

fn check(case: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/set_order");
    loopscope_golden::record_with_cpython(&dir.join("record.py"));
    let source = std::fs::read_to_string(dir.join(format!("{case}.py"))).expect("case");
    let expected = loopscope_golden::golden!()
        .read(&dir.join(format!("{case}.expected")))
        .unwrap_or_else(|problem| panic!("{problem}"));
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

/// Sets of objects CPython hashes by address (tasks, functions) have no
/// reproducible CPython order: they iterate and pop in insertion order, and
/// `hash(obj)` is `id(obj) >> 4` as in CPython.
#[test]
fn address_hashed_sets_keep_insertion_order() {
    let source = r#"
import asyncio
async def job(i):
    await asyncio.sleep(i / 10)
    return i
async def main():
    tasks = set()
    for i in (3, 1, 2, 5, 4):
        tasks.add(asyncio.create_task(job(i), name=f"job-{i}"))
    print([t.get_name() for t in tasks])
    print(await asyncio.gather(*tasks))
    print([tasks.pop().get_name() for _ in range(5)])
    funcs = {job, main, print, (len, 1)}
    print(funcs.pop() is job, hash(job) == id(job) >> 4)
asyncio.run(main())
"#;
    let outcome = run_program(source, &RunOptions::default());
    assert_eq!(
        outcome.stream_text(Stream::Stdout),
        "['job-3', 'job-1', 'job-2', 'job-5', 'job-4']\n\
         [3, 1, 2, 5, 4]\n\
         ['job-3', 'job-1', 'job-2', 'job-5', 'job-4']\n\
         True True\n"
    );
}
