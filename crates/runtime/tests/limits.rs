//! Runaway programs stop at a limit with exit status 3 and a message naming the limit,
//! after the trace up to that point.

use loopscope_runtime::trace::Stream;
use loopscope_runtime::{run_program, Limits, RunOptions};

fn run_with(source: &str, limits: Limits) -> (i32, String) {
    let options = RunOptions {
        filename: "main.py".to_string(),
        seed: loopscope_runtime::DEFAULT_SEED,
        limits,
    };
    let outcome = run_program(source, &options);
    (outcome.status, outcome.stream_text(Stream::Stderr))
}

#[test]
fn a_program_that_sleeps_forever_stops_at_the_time_horizon() {
    let source = "import asyncio\n\
                  async def main():\n    \
                      while True:\n        \
                          await asyncio.sleep(1000)\n\
                  asyncio.run(main())\n";
    let limits = Limits {
        time_horizon: 1.0e4,
        ..Limits::default()
    };
    let (status, stderr) = run_with(source, limits);
    assert_eq!(status, 3);
    assert!(
        stderr.contains("virtual time limit reached: the program ran past 10000.0 virtual seconds"),
        "{stderr}"
    );
}

#[test]
fn an_endless_loop_stops_at_the_instruction_budget() {
    let limits = Limits {
        instructions_without_yield: 10_000,
        ..Limits::default()
    };
    let (status, stderr) = run_with("while True:\n    pass\n", limits);
    assert_eq!(status, 3);
    assert!(
        stderr.contains("stopped after 10000 instructions without yielding to the event loop: is there an infinite loop near line 2?"),
        "{stderr}"
    );
}

#[test]
fn a_chatty_program_stops_at_the_event_budget() {
    let source = "import asyncio\n\
                  async def main():\n    \
                      while True:\n        \
                          await asyncio.sleep(0)\n\
                  asyncio.run(main())\n";
    let limits = Limits {
        max_events: 500,
        ..Limits::default()
    };
    let (status, stderr) = run_with(source, limits);
    assert_eq!(status, 3);
    assert!(
        stderr.contains("event limit reached: the program produced more than 500 loop events"),
        "{stderr}"
    );
}
