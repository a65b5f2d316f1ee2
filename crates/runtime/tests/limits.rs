//! Runaway programs stop at a limit with exit status 3 and a message naming the limit,
//! after the trace up to that point.

use loopscope_runtime::trace::Stream;
use loopscope_runtime::{run_program, Limits, RunOptions};

/// Runs `source` under `limits` and checks that it stopped at a limit saying `message`.
fn assert_stops(source: &str, limits: Limits, message: &str) {
    let options = RunOptions {
        filename: "main.py".to_string(),
        seed: loopscope_runtime::DEFAULT_SEED,
        limits,
        ..RunOptions::default()
    };
    let outcome = run_program(source, &options);
    let stderr = outcome.stream_text(Stream::Stderr);
    assert_eq!(outcome.status, 3, "{stderr}");
    assert!(stderr.contains(message), "{stderr}");
    assert!(!outcome.trace.events.is_empty());
}

/// A program whose main task sleeps `seconds` again and again, forever.
fn sleeping_forever(seconds: &str) -> String {
    format!(
        "import asyncio\n\
         async def main():\n    \
             while True:\n        \
                 await asyncio.sleep({seconds})\n\
         asyncio.run(main())\n"
    )
}

#[test]
fn a_program_that_sleeps_forever_stops_at_the_time_horizon() {
    let limits = Limits {
        time_horizon: 1.0e4,
        ..Limits::default()
    };
    assert_stops(
        &sleeping_forever("1000"),
        limits,
        "virtual time limit reached: the program ran past 10000.0 virtual seconds",
    );
}

#[test]
fn an_endless_loop_stops_at_the_instruction_budget() {
    let limits = Limits {
        instructions_without_yield: 10_000,
        ..Limits::default()
    };
    assert_stops(
        "while True:\n    pass\n",
        limits,
        "stopped after 10000 instructions without yielding to the event loop: \
         is there an infinite loop near line 2?",
    );
}

#[test]
fn a_chatty_program_stops_at_the_event_budget() {
    let limits = Limits {
        max_events: 500,
        ..Limits::default()
    };
    assert_stops(
        &sleeping_forever("0"),
        limits,
        "event limit reached: the program produced more than 500 loop events",
    );
}
