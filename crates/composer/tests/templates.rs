//! The composer's programs: the code each template generates (golden files in
//! `tests/generated/`, which the conformance suite also runs against CPython 3.11, see
//! `crates/cli/tests/conformance.rs`), a composition using every kind of step, every
//! slider at both ends, and the problems a broken composition reports.

use std::path::PathBuf;

use loopscope_composer::build::*;
use loopscope_composer::{
    generate, Awaitable, Composition, Param, ResourceKind, Step, TemplateId, TEMPLATES,
};
use loopscope_runtime::trace::Stream;
use loopscope_runtime::{run_program, RunOptions};

fn generated_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/generated")
}

/// A template with some of its parameters set.
fn with(template: TemplateId, values: &[(&str, f64)]) -> Composition {
    let mut composition = template.build();
    let params: Vec<Param> = composition
        .params
        .iter()
        .map(|p| {
            let mut p = p.clone();
            if let Some((_, v)) = values.iter().find(|(name, _)| *name == p.name) {
                p.value = *v;
            }
            p
        })
        .collect();
    composition = template.rebuild(&params);
    composition
}

/// Parameter values by name.
type Values = &'static [(&'static str, f64)];

/// Templates kept as golden files with a slider moved: (file name, template, values).
const MOVED: &[(&str, TemplateId, Values)] = &[
    ("chain_5", TemplateId::Chain, &[("STAGES", 5.0)]),
    (
        "fan_out_6",
        TemplateId::FanOut,
        &[("WORKERS", 6.0), ("DELAY", 0.3)],
    ),
    (
        "producer_consumer_unbounded",
        TemplateId::ProducerConsumer,
        &[("MAXSIZE", 0.0), ("CONSUMERS", 1.0)],
    ),
    ("pipeline_2", TemplateId::Pipeline, &[("STAGES", 2.0)]),
    (
        "crawl_limit_3",
        TemplateId::Crawl,
        &[("LIMIT", 3.0), ("SEED", 7.0)],
    ),
    ("retry_gives_up", TemplateId::Retry, &[("ATTEMPTS", 2.0)]),
    ("lesson_tasks", TemplateId::Lesson, &[("MODE", 1.0)]),
    ("lesson_gather", TemplateId::Lesson, &[("MODE", 2.0)]),
];

/// Every program kept as a golden file: each template with its defaults, those of
/// [`MOVED`], and the every-step composition.
fn golden_set() -> Vec<(String, Composition)> {
    let defaults = TEMPLATES.iter().map(|t| (t.key().to_string(), t.build()));
    let moved = MOVED
        .iter()
        .map(|(name, template, values)| (name.to_string(), with(*template, values)));
    defaults
        .chain(moved)
        .chain([("every_step".to_string(), every_step())])
        .collect()
}

/// One composition with every kind of step, so CPython judges each one's code.
fn every_step() -> Composition {
    let hold = |name: &str| Step::Hold {
        resource: name.to_string(),
    };
    let worker = coroutine(
        "worker",
        &["name", "delay"],
        "Holds the lock while it works.",
    )
    .open(hold("lock"))
    .then(print("{name} holds the lock"))
    .then(sleep("delay"))
    .end()
    .then(Step::Return {
        value: "name".to_string(),
    })
    .done();
    let failing = coroutine("failing", &[], "")
        .then(sleep("0.1"))
        .then(Step::Raise {
            error: "ValueError".to_string(),
            message: "bad input".to_string(),
        })
        .done();
    let consumer = coroutine("consumer", &[], "")
        .open(repeat("", ""))
        .then(get("queue", "item"))
        .then(print("got {item}"))
        .then(task_done("queue"))
        .end()
        .done();
    let waiter = coroutine("waiter", &[], "")
        .then(Step::WaitEvent {
            event: "ready".to_string(),
        })
        .then(print("the event was set"))
        .done();
    let slow = coroutine("slow", &[], "").then(sleep("5")).done();
    let main = coroutine("main", &[], "")
        .then(print("start"))
        .then(Step::Work {
            iterations: "ROUNDS * 500".to_string(),
        })
        .then(Step::BlockingSleep {
            seconds: "0.5".to_string(),
        })
        .then(await_call("first", "worker", &["\"first\"", "0.2"]))
        .then(create_task(
            "second",
            call("worker", &["\"second\"", "random.uniform(0.1, 0.3)"]),
            "second",
        ))
        .then(create_task("watcher", call("waiter", &[]), ""))
        .then(Step::SetEvent {
            event: "ready".to_string(),
        })
        .then(Step::AwaitTask {
            task: "second".to_string(),
            result: "name".to_string(),
        })
        .then(print("{first} and {name} are back"))
        .then(create_tasks(
            "consumers",
            "_",
            "1",
            call("consumer", &[]),
            "consumer",
        ))
        .open(repeat("ROUNDS", "i"))
        .then(put("queue", "i"))
        .end()
        .then(join("queue"))
        .then(cancel("consumers"))
        .then(Step::Gather {
            awaitables: vec![
                Awaitable::Call(call("worker", &["\"third\"", "0.1"])),
                Awaitable::Call(call("failing", &[])),
            ],
            return_exceptions: true,
            result: "results".to_string(),
        })
        .then(print("gather: {results}"))
        .open(Step::Try)
        .then(Step::WaitFor {
            awaitable: Awaitable::Call(call("slow", &[])),
            timeout: "0.5".to_string(),
            result: String::new(),
        })
        .end()
        .open(Step::Except {
            error: "TimeoutError".to_string(),
            var: String::new(),
        })
        .then(print("slow() timed out"))
        .end()
        .then(create_task("sleeper", call("slow", &[]), "sleeper"))
        .then(create_task(
            "fourth",
            call("worker", &["\"fourth\"", "0.1"]),
            "",
        ))
        .then(Step::Wait {
            tasks: vec!["sleeper".to_string(), "fourth".to_string()],
            first_completed: true,
        })
        .then(Step::Let {
            var: "finished".to_string(),
            value: "len(done)".to_string(),
        })
        .then(print("{finished} done first"))
        .then(cancel("sleeper"))
        .open(hold("gate"))
        .then(print("inside the semaphore"))
        .end()
        .then(Step::AwaitTask {
            task: "watcher".to_string(),
            result: String::new(),
        })
        .open(Step::Try)
        .then(Step::Raise {
            error: "KeyError".to_string(),
            message: "boom".to_string(),
        })
        .end()
        .open(Step::Except {
            error: "KeyError".to_string(),
            var: "error".to_string(),
        })
        .then(print("caught {error}"))
        .end()
        .then(Step::Return {
            value: String::new(),
        })
        .done();
    Composition {
        title: "Every step".to_string(),
        description: "one of each kind of step the composer offers".to_string(),
        template: None,
        params: vec![Param {
            name: "ROUNDS".to_string(),
            label: "Rounds".to_string(),
            value: 2.0,
            min: 1.0,
            max: 5.0,
            step: 1.0,
            choices: Vec::new(),
            structural: false,
        }],
        resources: vec![
            resource("lock", ResourceKind::Lock),
            resource("ready", ResourceKind::Event),
            resource(
                "queue",
                ResourceKind::Queue {
                    maxsize: "2".to_string(),
                },
            ),
            resource(
                "gate",
                ResourceKind::Semaphore {
                    value: "1".to_string(),
                },
            ),
        ],
        coroutines: vec![worker, failing, consumer, waiter, slow, main],
    }
}

#[test]
fn generated_programs_match_their_golden_files() {
    let golden = loopscope_golden::golden!();
    let set = golden_set();
    for (name, composition) in &set {
        let program = generate(composition)
            .unwrap_or_else(|problems| panic!("{name} does not generate: {problems:?}"));
        golden.assert_matches(&generated_dir().join(format!("{name}.py")), &program.code);
    }
    // No stale file: every program in the folder is one of the set.
    for entry in std::fs::read_dir(generated_dir()).expect("tests/generated") {
        let path = entry.expect("entry").path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        assert!(
            set.iter().any(|(name, _)| *name == stem),
            "{} is no longer generated: delete it (and tests/conformance/composed/{stem}.expected)",
            path.display()
        );
    }
}

/// Runs a generated program; returns (status, stdout, stderr).
fn run(code: &str) -> (i32, String, String) {
    let outcome = run_program(code, &RunOptions::default());
    (
        outcome.status,
        outcome.stream_text(Stream::Stdout),
        outcome.stream_text(Stream::Stderr),
    )
}

/// Every slider of every template at its minimum and at its maximum (the others at
/// their defaults) gives a program that runs to a clean end.
#[test]
fn every_slider_at_either_end_runs_cleanly() {
    for template in TEMPLATES {
        let defaults = template.build();
        for param in &defaults.params {
            for value in [param.min, param.max] {
                let composition = with(*template, &[(&param.name, value)]);
                let program = generate(&composition).unwrap_or_else(|problems| {
                    panic!(
                        "{} with {}={value}: {problems:?}",
                        template.key(),
                        param.name
                    )
                });
                let (status, stdout, stderr) = run(&program.code);
                let at = format!("{} with {}={value}", template.key(), param.name);
                assert_eq!(status, 0, "{at}: {stderr}");
                assert_eq!(stderr, "", "{at}");
                assert!(!stdout.is_empty(), "{at} printed nothing");
            }
        }
    }
}

#[test]
fn structural_parameters_rebuild_and_constants_do_not() {
    let chain = with(TemplateId::Chain, &[("STAGES", 5.0)]);
    assert_eq!(chain.coroutines.len(), 6, "five stages and main");
    let pipeline = with(TemplateId::Pipeline, &[("STAGES", 4.0)]);
    assert_eq!(pipeline.resources.len(), 4);
    let lesson = with(TemplateId::Lesson, &[("MODE", 2.0)]);
    assert!(generate(&lesson)
        .unwrap()
        .code
        .contains("await asyncio.gather(job("));
    let clamped = with(TemplateId::Chain, &[("STAGES", 99.0)]);
    assert_eq!(
        clamped.param("STAGES").unwrap().value,
        6.0,
        "clamped to the slider"
    );
    let moved = with(TemplateId::FanOut, &[("DELAY", 0.30000000000000004)]);
    assert!(generate(&moved).unwrap().code.contains("DELAY = 0.3\n"));
}

#[test]
fn each_generated_line_knows_its_step() {
    let composition = TemplateId::ProducerConsumer.build();
    let program = generate(&composition).unwrap();
    let line = program
        .code
        .lines()
        .position(|l| l.trim() == "await queue.put(f\"p{number}-{i}\")")
        .expect("the put") as u32
        + 1;
    let origin = program.origin_of_line(line).expect("a step");
    assert_eq!(composition.coroutines[origin.coroutine].name, "producer");
    assert!(matches!(
        composition.coroutines[origin.coroutine].lines[origin.line].step,
        Step::Put { .. }
    ));
    // All three lines of a list of tasks point at the one step.
    let first = program
        .code
        .lines()
        .position(|l| l.trim() == "consumers = [")
        .unwrap();
    let origins: Vec<_> = (first..first + 4).map(|i| program.origins[i]).collect();
    assert!(origins.iter().all(|o| *o == origins[0] && o.is_some()));
    assert_eq!(program.origin_of_line(1), None, "the title comment");
}

/// A broken composition generates nothing and says what is wrong, and where.
#[test]
fn problems_name_the_step_and_what_is_wrong() {
    type Break = fn(&mut Composition);
    let cases: &[(&str, Break, &str)] = &[
        (
            "an unknown constant",
            |c| c.coroutines[0].lines[1] = line(1, sleep("DELAYS")),
            "producer, step 2 (sleep): 'DELAYS' is not defined here",
        ),
        (
            "a bad expression",
            |c| c.coroutines[0].lines[1] = line(1, sleep("0.5 +")),
            "producer, step 2 (sleep): “0.5 +”: the expression ends too soon",
        ),
        (
            "an indentation jump",
            |c| c.coroutines[1].lines[2].depth = 3,
            "consumer, step 3 (sleep): is indented deeper than the block it is in",
        ),
        (
            "a call with too few arguments",
            |c| {
                c.coroutines[2].lines[0] = line(0, create_task("t", call("producer", &[]), ""));
            },
            "main, step 1 (create_task): producer() takes 1 argument(s), 0 given",
        ),
        (
            "a queue step on a lock",
            |c| {
                c.resources[0].kind = ResourceKind::Lock;
            },
            "producer, step 3 (queue put): 'queue' is a Lock, not a Queue",
        ),
        (
            "a variable named like a constant",
            |c| c.coroutines[1].lines[1] = line(1, get("queue", "ITEMS")),
            "consumer, step 2 (queue get): 'ITEMS' is a constant; choose another variable name",
        ),
        (
            "an except without a try",
            |c| {
                c.coroutines[2].lines.insert(
                    0,
                    line(
                        0,
                        Step::Except {
                            error: "ValueError".to_string(),
                            var: String::new(),
                        },
                    ),
                );
            },
            "main, step 1 (except): must follow a try (or another except) at the same indentation",
        ),
        (
            "no main",
            |c| c.coroutines[2].name = "start".to_string(),
            "there is no coroutine named main (the program starts there)",
        ),
        (
            "a coroutine named like a resource",
            |c| c.coroutines[0].name = "queue".to_string(),
            "'queue' names both a resource and a coroutine",
        ),
        (
            "an exception the composer does not offer",
            |c| {
                c.coroutines[0].lines.push(line(
                    0,
                    Step::Raise {
                        error: "os.error".to_string(),
                        message: String::new(),
                    },
                ));
            },
            "producer, step 5 (raise): 'os.error' is not one of",
        ),
    ];
    for (what, break_it, expected) in cases {
        let mut composition = TemplateId::ProducerConsumer.build();
        break_it(&mut composition);
        let problems = generate(&composition).expect_err(what);
        assert!(
            problems.iter().any(|p| p.message.starts_with(expected)),
            "{what}: expected “{expected}”, got {problems:#?}"
        );
    }
}

fn line(depth: u8, step: Step) -> loopscope_composer::Line {
    loopscope_composer::Line { depth, step }
}
