//! How a program ended, as the view-model reads it from the trace's `program_ended`:
//! a clean finish, a SystemExit with its status (never an error, whatever the status), an
//! uncaught exception with its type and line, a program that could not start, a limit.

mod common;

use common::timeline_of;
use loopscope_runtime::{run_program, Limits, RunOptions};
use loopscope_viewmodel::{EndReason, Halt, Narration, ProgramEnd, Timeline};

fn ending_of(source: &str) -> ProgramEnd {
    timeline_of(source).end()
}

/// The narration of the last event (the program's end).
fn last_words(source: &str) -> String {
    let t = timeline_of(source);
    t.narration(t.len() - 1, Narration::Concepts)
}

#[test]
fn a_program_that_runs_to_its_end_finished() {
    let end = ending_of("print('hi')\n");
    assert_eq!(
        end,
        ProgramEnd {
            status: 0,
            reason: EndReason::Finished
        }
    );
    assert!(!end.is_error());
}

#[test]
fn sys_exit_is_an_exit_with_its_status_not_an_error() {
    for (source, status) in [
        ("import sys\nsys.exit(1)\n", 1),
        ("import sys\nsys.exit()\n", 0),
        ("raise SystemExit('bye')\n", 1),
        ("class Quit(SystemExit):\n    pass\n\nraise Quit(4)\n", 4),
        ("import sys\nsys.exit(2 ** 70)\n", 255),
    ] {
        let end = ending_of(source);
        assert_eq!(
            end,
            ProgramEnd {
                status,
                reason: EndReason::SystemExit
            },
            "{source}"
        );
        assert!(!end.is_error(), "{source}");
    }
    assert_eq!(
        last_words("import sys\nsys.exit(3)\n"),
        "SystemExit ends the program with exit status 3."
    );
}

#[test]
fn unittest_main_with_a_failing_test_exits_with_status_1() {
    let end = ending_of(
        "import unittest\n\n\nclass T(unittest.TestCase):\n    def test_no(self):\n        self.assertEqual(1, 2)\n\n\nunittest.main()\n",
    );
    assert_eq!(end.status, 1);
    assert_eq!(end.reason, EndReason::SystemExit);
}

#[test]
fn an_argparse_error_exits_with_status_2() {
    let end = ending_of(
        "import argparse\n\nparser = argparse.ArgumentParser(prog='p')\nparser.add_argument('count', type=int)\nparser.parse_args(['x'])\n",
    );
    assert_eq!(end.status, 2);
    assert_eq!(end.reason, EndReason::SystemExit);
}

#[test]
fn an_uncaught_exception_names_its_type_and_line() {
    let source = "import asyncio\n\n\nasync def fetch():\n    await asyncio.sleep(1)\n    raise KeyError('missing')\n\n\nasync def main():\n    await fetch()\n\n\nasyncio.run(main())\n";
    let end = ending_of(source);
    assert_eq!(
        end,
        ProgramEnd {
            status: 1,
            reason: EndReason::Uncaught {
                error: "KeyError".into(),
                line: Some(6)
            }
        }
    );
    assert!(end.is_error());
    assert_eq!(
        last_words(source),
        "The program stops with exit status 1: an uncaught KeyError raised at line 6."
    );
}

#[test]
fn a_program_python_refuses_never_started() {
    let end = ending_of("x = (1 +\n");
    assert_eq!(
        end,
        ProgramEnd {
            status: 1,
            reason: EndReason::NotStarted
        }
    );
    assert!(end.is_error());
}

#[test]
fn a_limit_says_which() {
    let end = ending_of("import asyncio\n\n\nasync def main():\n    await asyncio.Event().wait()\n\n\nasyncio.run(main())\n");
    assert_eq!(end.status, 3);
    let EndReason::Halted {
        halt,
        message,
        line,
    } = &end.reason
    else {
        panic!("not halted: {end:?}");
    };
    assert_eq!(*halt, Halt::Deadlock);
    assert!(message.starts_with("deadlock"), "{message}");
    // The loop found it between callbacks: no line of the program was running.
    assert_eq!(*line, None);
    assert!(!end.is_error());
}

#[test]
fn a_limit_reached_inside_the_program_names_its_line() {
    // No event loop: the run is halted on the loop's line itself, where the page marks it.
    let source = "total = 0\nwhile True:\n    total += 1\n";
    let options = RunOptions {
        limits: Limits {
            instructions_without_yield: 100_000,
            ..Limits::default()
        },
        ..RunOptions::default()
    };
    let trace = run_program(source, &options).trace.expand().unwrap();
    let end = Timeline::new(trace, source).end();
    let EndReason::Halted { halt, line, .. } = end.reason else {
        panic!("not halted: {end:?}");
    };
    assert_eq!(halt, Halt::InstructionLimit);
    assert!(matches!(line, Some(2 | 3)), "{line:?}");
}
