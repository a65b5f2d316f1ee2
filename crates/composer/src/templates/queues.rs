//! Scenarios around `asyncio.Queue`: producers and consumers sharing one queue (its
//! `maxsize` is the backpressure), and a pipeline of stages joined by queues.

use crate::model::{Composition, ResourceKind, Step};

use crate::build::{
    call, cancel, coroutine, create_task, create_tasks, get, join, print, put, repeat, resource,
    sleep, task_done,
};

use super::{composition, Values};

pub(super) fn producer_consumer(values: &Values) -> Composition {
    let params = vec![
        values.number("PRODUCERS", "Producers", 2.0, (1.0, 5.0), 1.0),
        values.number("CONSUMERS", "Consumers", 2.0, (1.0, 5.0), 1.0),
        values.number(
            "MAXSIZE",
            "Queue maxsize (0: unbounded)",
            2.0,
            (0.0, 10.0),
            1.0,
        ),
        values.number("ITEMS", "Items per producer", 3.0, (1.0, 10.0), 1.0),
        values.number(
            "PRODUCE_DELAY",
            "Time to produce an item (s)",
            0.5,
            (0.0, 2.0),
            0.1,
        ),
        values.number(
            "CONSUME_DELAY",
            "Time to consume an item (s)",
            1.0,
            (0.0, 3.0),
            0.1,
        ),
    ];
    let producer = coroutine(
        "producer",
        &["number"],
        "Makes ITEMS items; put() waits while the queue is full.",
    )
    .open(repeat("ITEMS", "i"))
    .then(sleep("PRODUCE_DELAY"))
    .then(put("queue", "f\"p{number}-{i}\""))
    .then(print("producer {number} put p{number}-{i}"))
    .end()
    .done();
    let consumer = coroutine(
        "consumer",
        &["number"],
        "Takes items until it is cancelled; get() waits while the queue is empty.",
    )
    .open(repeat("", ""))
    .then(get("queue", "item"))
    .then(sleep("CONSUME_DELAY"))
    .then(print("consumer {number} handled {item}"))
    .then(task_done("queue"))
    .end()
    .done();
    let main = coroutine("main", &[], "")
        .then(create_tasks(
            "consumers",
            "n",
            "CONSUMERS",
            call("consumer", &["n"]),
            "consumer-{n}",
        ))
        .then(create_tasks(
            "producers",
            "n",
            "PRODUCERS",
            call("producer", &["n"]),
            "producer-{n}",
        ))
        .then(Step::Gather {
            awaitables: vec![crate::model::Awaitable::Task("producers".to_string())],
            return_exceptions: false,
            result: String::new(),
        })
        .then(join("queue"))
        .then(cancel("consumers"))
        .then(print("every item was handled"))
        .done();
    composition(
        "Producers and consumers",
        "producers fill a bounded queue that consumers drain; a full queue makes producers wait",
        params,
        vec![resource(
            "queue",
            ResourceKind::Queue {
                maxsize: "MAXSIZE".to_string(),
            },
        )],
        vec![producer, consumer, main],
    )
}

/// Items flow from `main` through stages joined by queues; the last stage is the slowest.
pub(super) fn pipeline(values: &Values) -> Composition {
    let stages = values.count("STAGES", "Stages", 3, (2, 4));
    let params = vec![
        stages.clone(),
        values.number("ITEMS", "Items", 4.0, (1.0, 10.0), 1.0),
        values.number("MAXSIZE", "Each queue's maxsize", 1.0, (1.0, 5.0), 1.0),
        values.number(
            "STAGE_DELAY",
            "Time per item in a stage (s)",
            0.5,
            (0.1, 2.0),
            0.1,
        ),
        values.number(
            "LAST_DELAY",
            "Time per item in the last stage (s)",
            1.5,
            (0.1, 3.0),
            0.1,
        ),
    ];
    let count = stages.value as usize;
    let queue = |k: usize| format!("queue_{k}");
    let stage = coroutine(
        "stage",
        &["name", "inbox", "outbox"],
        "Takes each item from inbox, works on it, passes it to outbox.",
    )
    .open(repeat("", ""))
    .then(get("inbox", "item"))
    .then(sleep("STAGE_DELAY"))
    .then(put("outbox", "item"))
    .then(print("{name} passed item {item} on"))
    .then(task_done("inbox"))
    .end()
    .done();
    let last = coroutine(
        "last_stage",
        &["inbox"],
        "The slowest stage: the queues before it fill up.",
    )
    .open(repeat("", ""))
    .then(get("inbox", "item"))
    .then(sleep("LAST_DELAY"))
    .then(print("item {item} is through the pipeline"))
    .then(task_done("inbox"))
    .end()
    .done();
    let mut main = coroutine("main", &[], "");
    for k in 1..count {
        let name = format!("\"stage {k}\"");
        main = main.then(create_task(
            &format!("stage_{k}"),
            call("stage", &[&name, &queue(k), &queue(k + 1)]),
            &format!("stage-{k}"),
        ));
    }
    main = main
        .then(create_task(
            "last",
            call("last_stage", &[&queue(count)]),
            &format!("stage-{count}"),
        ))
        .open(repeat("ITEMS", "item"))
        .then(put(&queue(1), "item"))
        .then(print("main fed item {item}"))
        .end();
    for k in 1..=count {
        main = main.then(join(&queue(k)));
    }
    for k in 1..count {
        main = main.then(cancel(&format!("stage_{k}")));
    }
    let main = main
        .then(cancel("last"))
        .then(print("the pipeline is empty"))
        .done();
    let resources = (1..=count)
        .map(|k| {
            resource(
                &queue(k),
                ResourceKind::Queue {
                    maxsize: "MAXSIZE".to_string(),
                },
            )
        })
        .collect();
    composition(
        "A pipeline of queues",
        "items pass through stages joined by bounded queues; the slowest stage sets the pace",
        params,
        resources,
        vec![stage, last, main],
    )
}
