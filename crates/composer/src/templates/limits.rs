//! Scenarios that bound work: a crawl limited by a semaphore, and a call retried with
//! a timeout and exponential backoff.

use crate::model::{Awaitable, Composition, ResourceKind, Step};

use crate::build::{call, coroutine, each, print, repeat, resource, sleep};

use super::{composition, Values};

/// N jobs gathered at once, at most LIMIT inside the semaphore at a time.
pub(super) fn crawl(values: &Values) -> Composition {
    let params = vec![
        values.number("PAGES", "Pages to fetch", 6.0, (1.0, 12.0), 1.0),
        values.number("LIMIT", "At most this many at once", 2.0, (1.0, 6.0), 1.0),
        values.number("FETCH_TIME", "Longest fetch (s)", 1.0, (0.2, 3.0), 0.1),
        values.number("SEED", "Random seed", 1.0, (0.0, 99.0), 1.0),
    ];
    let crawl = coroutine(
        "crawl",
        &["page"],
        "Fetches one page, holding one of the semaphore's LIMIT slots meanwhile.",
    )
    .open(Step::Hold {
        resource: "limit".to_string(),
    })
    .then(print("fetching page {page}"))
    .then(sleep("random.uniform(FETCH_TIME / 2, FETCH_TIME)"))
    .then(print("page {page} done"))
    .end()
    .done();
    let main = coroutine("main", &[], "")
        .then(Step::Gather {
            awaitables: vec![each("page", "PAGES", call("crawl", &["page"]))],
            return_exceptions: false,
            result: String::new(),
        })
        .then(print("crawled {PAGES} pages, {LIMIT} at a time"))
        .done();
    composition(
        "A crawl limited by a semaphore",
        "every page is started at once, but only LIMIT hold the semaphore together",
        params,
        vec![resource(
            "limit",
            ResourceKind::Semaphore {
                value: "LIMIT".to_string(),
            },
        )],
        vec![crawl, main],
    )
}

/// A slow call under `wait_for`, retried with a growing pause until it answers in time.
pub(super) fn retry(values: &Values) -> Composition {
    let params = vec![
        values.number("ATTEMPTS", "Attempts", 4.0, (1.0, 6.0), 1.0),
        values.number("TIMEOUT", "Timeout per attempt (s)", 1.0, (0.2, 3.0), 0.1),
        values.number("SLOWNESS", "First answer takes (s)", 3.0, (0.5, 5.0), 0.5),
        values.number("BACKOFF", "First pause (s)", 0.5, (0.1, 2.0), 0.1),
    ];
    let fetch = coroutine(
        "fetch",
        &["attempt"],
        "Answers twice as fast on each attempt.",
    )
    .then(sleep("SLOWNESS / 2 ** attempt"))
    .then(Step::Return {
        value: "f\"the page (attempt {attempt})\"".to_string(),
    })
    .done();
    let with_retry = coroutine(
        "fetch_with_retry",
        &[],
        "Gives each attempt TIMEOUT seconds; pauses longer after each timeout.",
    )
    .open(repeat("ATTEMPTS", "attempt"))
    .open(Step::Try)
    .then(Step::WaitFor {
        awaitable: Awaitable::Call(call("fetch", &["attempt"])),
        timeout: "TIMEOUT".to_string(),
        result: "page".to_string(),
    })
    .then(Step::Return {
        value: "page".to_string(),
    })
    .end()
    .open(Step::Except {
        error: "TimeoutError".to_string(),
        var: String::new(),
    })
    .then(Step::Let {
        var: "pause".to_string(),
        value: "BACKOFF * 2 ** attempt".to_string(),
    })
    .then(print("attempt {attempt} timed out; retrying in {pause} s"))
    .then(sleep("pause"))
    .end()
    .end()
    .then(Step::Raise {
        error: "RuntimeError".to_string(),
        message: "no answer after {ATTEMPTS} attempts".to_string(),
    })
    .done();
    let main = coroutine("main", &[], "")
        .open(Step::Try)
        .then(crate::build::await_call("page", "fetch_with_retry", &[]))
        .then(print("got {page}"))
        .end()
        .open(Step::Except {
            error: "RuntimeError".to_string(),
            var: "error".to_string(),
        })
        .then(print("gave up: {error}"))
        .end()
        .done();
    composition(
        "Timeout and retry with backoff",
        "wait_for cancels an attempt that takes too long; each retry waits twice as long",
        params,
        Vec::new(),
        vec![fetch, with_retry, main],
    )
}
