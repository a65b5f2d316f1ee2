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
    assert!(!outcome.trace.records.is_empty());
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

/// A long job in one call is no loop of the program: the message names the call
/// and its line (pickle runs as Python here, so big data can take the whole
/// budget), or the built-in operation; a loop that calls such things many times
/// keeps the loop's message.
#[test]
fn a_long_call_is_named_as_still_running_and_a_loop_as_a_loop() {
    let limits = || Limits {
        instructions_without_yield: 2_000_000,
        ..Limits::default()
    };
    let still_running = "was still running (a very long job, or one that never ends)";
    assert_stops(
        "import pickle\nrows = [(i, str(i)) for i in range(20000)]\ndata = pickle.dumps(rows)\n",
        limits(),
        &format!("the call to pickle.dumps at line 3 {still_running}"),
    );
    assert_stops(
        "n = 0\nprint(sum(range(10**12)))\n",
        limits(),
        &format!("a built-in operation at line 2 {still_running}"),
    );
    assert_stops(
        "import json\nwhile True:\n    json.dumps([1, 2, 3])\n",
        limits(),
        "is there an infinite loop near line 3?",
    );
    assert_stops(
        "n = 0\nwhile True:\n    n += sum(range(1000))\n",
        limits(),
        "is there an infinite loop near line 3?",
    );
}

/// Issue 10: a big int shifted left again and again grew without the instruction limit
/// ever firing (each shift copies the whole int): a shift's words now count as work.
#[test]
fn a_big_int_shifted_in_a_loop_stops_at_the_instruction_budget() {
    let limits = Limits {
        instructions_without_yield: 1_000_000,
        ..Limits::default()
    };
    assert_stops(
        "x = 1\nwhile True:\n    x <<= 4000000\n",
        limits,
        "stopped after 1000000 instructions without yielding to the event loop",
    );
}

/// Issue 10: random's rejection samplers never accept a NaN or infinite parameter;
/// CPython's Python loop runs for ever, and our Rust loop ran for ever outside the
/// instruction budget (found by the fuzzer). Each call now stops at the budget.
#[test]
fn a_rejection_sampler_that_never_accepts_stops_at_the_instruction_budget() {
    for call in [
        "random.vonmisesvariate(1.0, float('nan'))",
        "random.gammavariate(float('nan'), 1.0)",
        "random.gammavariate(float('inf'), 1.0)",
        "random.betavariate(1.0, float('nan'))",
    ] {
        let limits = Limits {
            instructions_without_yield: 1_000_000,
            ..Limits::default()
        };
        assert_stops(
            &format!("import random\nprint(random.random())\nprint({call})\n"),
            limits,
            "stopped after 1000000 instructions without yielding to the event loop: \
             a built-in operation at line 3 was still running \
             (a very long job, or one that never ends)",
        );
    }
}

/// Issue 10: a function that calls itself again inside `except RecursionError` raises at
/// every leaf of an exponential call tree, each new RecursionError chained to the one
/// handled, so the context chain the raise walks grows by one each time: the walk (and
/// the frames looked through to find the handled exception) count as work, and the run
/// stops at the instruction budget after a few thousand calls, where it ran on for
/// minutes. The program prints every 100th call; without the counting it gets to
/// hundreds of thousands.
#[test]
fn retrying_inside_except_recursion_error_stops_at_the_instruction_budget() {
    let retry_in_handler = "n = 0\n\
        def f():\n    \
            global n\n    \
            n += 1\n    \
            if n % 100 == 0:\n        \
                print(n)\n    \
            try:\n        \
                f()\n    \
            except RecursionError:\n        \
                f()\n\
        HANDLER\n";
    let sources = [
        (10_000, retry_in_handler.replace("HANDLER", "f()")),
        // Retrying after the handler, under a handler at the bottom of the stack: each
        // RecursionError looks through the 1,000 frames above it to find what is handled.
        (
            50_000,
            retry_in_handler
                .replace(
                    "    except RecursionError:\n        f()",
                    "    except RecursionError:\n        pass\n    f()",
                )
                .replace(
                    "HANDLER",
                    "try:\n    1 / 0\nexcept ZeroDivisionError:\n    f()",
                ),
        ),
    ];
    for (most, source) in sources {
        let options = RunOptions {
            limits: Limits {
                instructions_without_yield: 2_000_000,
                ..Limits::default()
            },
            ..RunOptions::default()
        };
        let outcome = run_program(&source, &options);
        let stderr = outcome.stream_text(Stream::Stderr);
        assert_eq!(outcome.status, 3, "{source}: {stderr}");
        assert!(
            stderr.contains("stopped after 2000000 instructions without yielding"),
            "{stderr}"
        );
        let calls = outcome.stream_text(Stream::Stdout).lines().count() * 100;
        assert!(calls < most, "{calls} calls before the stop: {source}");
    }
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

/// Issue 10: a generator resumed by `next()` at the recursion limit took its caller's frame
/// off the VM's stack, and the VM later panicked finding no frame ("frame"). Each `next()`
/// nests a native call, so this runs on a stack as large as the CLI's.
#[test]
fn a_generator_resumed_at_the_recursion_limit_raises_recursion_error() {
    let source = "def g(n):\n    yield next(g(n + 1))\n\
                  try:\n    next(g(0))\nexcept RecursionError as error:\n    print('caught', error)\n\
                  print('still running')\n";
    let outcome = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let outcome = run_program(source, &RunOptions::default());
            (outcome.status, outcome.stream_text(Stream::Stdout))
        })
        .expect("a thread")
        .join()
        .expect("no panic");
    assert_eq!(
        outcome,
        (
            0,
            "caught maximum recursion depth exceeded\nstill running\n".to_string()
        )
    );
}

/// Runs `source` on a thread of its own and checks, once the thread is gone, that it
/// stopped at a limit saying `message` and reported nothing else.
fn assert_stops_cleanly_on_a_thread(source: &'static str, limits: Limits, message: &str) {
    let outcome = std::thread::spawn(move || {
        let options = RunOptions {
            limits,
            ..RunOptions::default()
        };
        let outcome = run_program(source, &options);
        (outcome.status, outcome.stream_text(Stream::Stderr))
    })
    .join()
    .expect("the run's thread ends normally");
    let (status, stderr) = outcome;
    assert_eq!(status, 3, "{stderr}");
    assert!(stderr.contains(message), "{stderr}");
    assert!(!stderr.contains("never retrieved"), "{stderr}");
}

/// Issue 10: with the main task suspended inside `try` when a limit stopped the run, the
/// task's coroutine re-queued its own closing forever as the thread's queue was torn down
/// (signal 11, no message).
#[test]
fn a_limit_hit_inside_try_ends_the_run_as_outside() {
    let events = || Limits {
        max_events: 500,
        ..Limits::default()
    };
    let event_limit = "event limit reached: the program produced more than 500 loop events";
    for source in [
        "import asyncio\nasync def main():\n    try:\n        while True:\n            await asyncio.sleep(0)\n    finally:\n        pass\nasyncio.run(main())\n",
        "import asyncio\nasync def main():\n    try:\n        while True:\n            await asyncio.sleep(0)\n    except KeyError:\n        pass\nasyncio.run(main())\n",
    ] {
        assert_stops_cleanly_on_a_thread(source, events(), event_limit);
    }
    let instructions = Limits {
        instructions_without_yield: 10_000,
        ..Limits::default()
    };
    assert_stops_cleanly_on_a_thread(
        "import asyncio\nasync def spin():\n    while True:\n        pass\nasync def main():\n    try:\n        await asyncio.create_task(spin())\n    except BaseException:\n        print('caught')\n    finally:\n        print('finally')\nasyncio.run(main())\n",
        instructions,
        "stopped after 10000 instructions without yielding",
    );
}

/// Issue 10: a pattern that backtracks catastrophically ran CPython's matcher for hours
/// (a frozen tab); its steps count as instructions, so every way into the matcher stops
/// at the budget, inside `try … except BaseException` as outside, with the line that
/// called it.
#[test]
fn a_catastrophic_regex_stops_at_the_instruction_budget() {
    let limits = || Limits {
        instructions_without_yield: 200_000,
        ..Limits::default()
    };
    // What the message says was running: re's function, or the pattern's method.
    for (call, running) in [
        ("re.match(r'(a+)+$', s)", "the call to re.match"),
        ("re.fullmatch(r'(a|aa)+', s)", "the call to re.fullmatch"),
        ("re.search(r'(a+)+$', s)", "the call to re.search"),
        ("re.search(r'x(?:a+)+$', 'x' + s)", "the call to re.search"),
        ("re.findall(r'((?:a|b)*)*c', s)", "the call to re.findall"),
        ("re.sub(r'(a*)*$', '', s)", "the call to re.sub"),
        (
            "re.compile(rb'(a+)+$').match(s.encode())",
            "the call to Pattern.match",
        ),
        ("re.match(r'(?:(a)\\1?)+$', s)", "the call to re.match"),
    ] {
        let source = format!(
            "import re\ns = 'a' * 40 + 'b'\ntry:\n    {call}\nexcept BaseException:\n    print('caught')\n"
        );
        let stderr = stop_message(&source, limits());
        assert!(
            stderr.contains(&format!(
                "stopped after 200000 instructions without yielding to the event loop: \
                 {running} at line 4 was still running \
                 (a very long job, or one that never ends)"
            )),
            "{call}: {stderr}"
        );
    }
}

/// Runs `source` and checks that a limit stopped it, printing nothing: its stderr.
fn stop_message(source: &str, limits: Limits) -> String {
    let options = RunOptions {
        limits,
        ..RunOptions::default()
    };
    let outcome = run_program(source, &options);
    let stderr = outcome.stream_text(Stream::Stderr);
    assert_eq!(outcome.status, 3, "{source}: {stderr}");
    assert_eq!(outcome.stream_text(Stream::Stdout), "", "{source}");
    stderr
}

/// Two tasks that wait on each other and a cancel: each task's `cancel()` cancels
/// what it waits on, so the cancels recursed natively until the stack overflowed
/// (hostile program of session 12). CPython's C tasks raise RecursionError inside the
/// step, the loop reports it and the two tasks wait forever: here a deadlock.
#[test]
fn tasks_cancelling_each_other_end_in_recursion_error_and_deadlock() {
    let source = "import asyncio\n\
                  async def main():\n    \
                      me = asyncio.current_task()\n    \
                      async def waiter(t):\n        \
                          return await t\n    \
                      t = asyncio.create_task(waiter(me))\n    \
                      await asyncio.sleep(0)\n    \
                      t.cancel()\n    \
                      await t\n\
                  asyncio.run(main())\n";
    let outcome = run_program(source, &RunOptions::default());
    let stderr = outcome.stream_text(Stream::Stderr);
    assert_eq!(outcome.status, 3, "{stderr}");
    assert!(
        stderr.contains(
            "RecursionError: maximum recursion depth exceeded while calling a Python object"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("deadlock"), "{stderr}");
}

/// A generator that yields again when closed at its death is reported once, as
/// CPython finalizes an object once; it was closed again at every instruction.
#[test]
fn a_generator_ignoring_generator_exit_at_its_death_is_reported_once() {
    let source = "def forever():\n    \
                      while True:\n        \
                          try:\n            \
                              yield\n        \
                          except GeneratorExit:\n            \
                              print('ignored')\n\
                  f = forever()\n\
                  next(f)\n\
                  del f\n\
                  for i in range(3):\n    \
                      print(i)\n";
    let outcome = run_program(source, &RunOptions::default());
    let stderr = outcome.stream_text(Stream::Stderr);
    assert_eq!(outcome.status, 0, "{stderr}");
    assert_eq!(outcome.stream_text(Stream::Stdout), "ignored\n0\n1\n2\n");
    assert_eq!(
        stderr.matches("Exception ignored in").count(),
        1,
        "{stderr}"
    );
    assert!(stderr.contains("RuntimeError: generator ignored GeneratorExit"));
}

/// `math.factorial` had a Loopscope-only cap of 20,000 factors; without it a huge
/// factorial (CPython computes for hours) meets the instruction budget, each
/// multiplication of its product tree counted.
#[test]
fn a_huge_factorial_stops_at_the_instruction_budget() {
    let limits = Limits {
        instructions_without_yield: 1_000_000,
        ..Limits::default()
    };
    for call in [
        "math.factorial(10**9)",
        "math.comb(10**12, 10**8)",
        "math.perm(10**9)",
    ] {
        let stderr = stop_message(&format!("import math\nprint({call})\n"), limits.clone());
        assert!(
            stderr.contains("stopped after 1000000 instructions without yielding"),
            "{call}: {stderr}"
        );
    }
}
