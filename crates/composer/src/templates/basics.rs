//! The first scenarios of a course: an empty start, a chain of awaits, a fan-out
//! gathered back, and the central lesson (the same jobs awaited one by one, as tasks,
//! and with gather).

use crate::model::{Awaitable, Composition, Step};

use crate::build::{await_call, call, coroutine, create_task, each, print, sleep};

use super::{composition, Values};

pub(super) fn blank() -> Composition {
    composition(
        "My scenario",
        "built in the composer",
        Vec::new(),
        Vec::new(),
        vec![coroutine("main", &[], "")
            .then(print("hello"))
            .then(sleep("1"))
            .then(print("one second later"))
            .done()],
    )
}

/// `main` awaits `stage_1`, which awaits `stage_2`, ... down to the last stage.
pub(super) fn chain(values: &Values) -> Composition {
    let stages = values.count("STAGES", "Stages in the chain", 3, (2, 6));
    let delay = values.number("STAGE_DELAY", "Each stage's work (s)", 1.0, (0.1, 3.0), 0.1);
    let count = stages.value as usize;
    let mut coroutines = Vec::new();
    for number in 1..=count {
        let name = format!("stage_{number}");
        let mut writer = coroutine(&name, &[], &format!("Stage {number} of the chain."))
            .then(print(&format!("{name} starts")));
        writer = if number < count {
            writer
                .then(await_call("value", &format!("stage_{}", number + 1), &[]))
                .then(sleep("STAGE_DELAY"))
                .then(print(&format!("{name} done")))
                .then(Step::Return {
                    value: "value + 1".to_string(),
                })
        } else {
            writer
                .then(sleep("STAGE_DELAY"))
                .then(print(&format!("{name} done")))
                .then(Step::Return {
                    value: "1".to_string(),
                })
        };
        coroutines.push(writer.done());
    }
    coroutines.push(
        coroutine("main", &[], "")
            .then(print("main awaits stage_1"))
            .then(await_call("stages", "stage_1", &[]))
            .then(print("main got {stages} back from the chain"))
            .done(),
    );
    composition(
        "A chain of awaits",
        "each stage awaits the next, so they finish in reverse order, one after another",
        vec![stages, delay],
        Vec::new(),
        coroutines,
    )
}

/// N workers started together by gather; the later-started finish first.
pub(super) fn fan_out(values: &Values) -> Composition {
    let workers = values.number("WORKERS", "Workers", 4.0, (1.0, 10.0), 1.0);
    let delay = values.number("DELAY", "Delay step (s)", 0.5, (0.1, 2.0), 0.1);
    let fetch = coroutine(
        "fetch",
        &["number"],
        "Pretends to fetch something; lower numbers take longer.",
    )
    .then(print("fetch {number} starts"))
    .then(sleep("DELAY * (WORKERS - number)"))
    .then(print("fetch {number} done"))
    .then(Step::Return {
        value: "number * 10".to_string(),
    })
    .done();
    let main = coroutine("main", &[], "")
        .then(Step::Gather {
            awaitables: vec![each("i", "WORKERS", call("fetch", &["i"]))],
            return_exceptions: false,
            result: "results".to_string(),
        })
        .then(print(
            "results, in the order they were asked for: {results}",
        ))
        .done();
    composition(
        "Fan-out and gather",
        "N coroutines run at once; gather waits for all and keeps their order",
        vec![workers, delay],
        Vec::new(),
        vec![fetch, main],
    )
}

/// The jobs of the lesson: a name and how long each takes.
const JOBS: &[(&str, &str)] = &[
    ("download", "3"),
    ("resize", "1"),
    ("upload", "4"),
    ("notify", "2"),
];

/// The same four jobs, awaited one by one, wrapped in tasks, or gathered.
pub(super) fn lesson(values: &Values) -> Composition {
    let mode = values.choice(
        "MODE",
        "How main runs the jobs",
        &["awaited one by one", "as tasks", "with gather"],
    );
    let job = coroutine(
        "job",
        &["name", "seconds"],
        "One piece of work that waits seconds.",
    )
    .then(print("{name} starts"))
    .then(sleep("seconds"))
    .then(print("{name} done after {seconds} s"))
    .done();
    let quoted = |name: &str| format!("\"{name}\"");
    let mut main = coroutine("main", &[], "");
    match mode.value as u32 {
        0 => {
            for (name, seconds) in JOBS {
                main = main.then(await_call("", "job", &[&quoted(name), seconds]));
            }
        }
        1 => {
            for (name, seconds) in JOBS {
                let var = format!("{name}_task");
                main = main.then(create_task(
                    &var,
                    call("job", &[&quoted(name), seconds]),
                    "",
                ));
            }
            for (name, _) in JOBS {
                main = main.then(Step::AwaitTask {
                    task: format!("{name}_task"),
                    result: String::new(),
                });
            }
        }
        _ => {
            let awaitables = JOBS
                .iter()
                .map(|(name, seconds)| Awaitable::Call(call("job", &[&quoted(name), seconds])))
                .collect();
            main = main.then(Step::Gather {
                awaitables,
                return_exceptions: false,
                result: String::new(),
            });
        }
    }
    let main = main.then(print("all four jobs are done")).done();
    composition(
        "One by one, as tasks, with gather",
        "the same four jobs: awaiting each in turn adds their times up; tasks and gather overlap them",
        vec![mode],
        Vec::new(),
        vec![job, main],
    )
}
