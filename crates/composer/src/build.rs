//! Short constructors for compositions, as the templates and tests write them:
//! `coroutine("producer", &["number"], "doc").open(repeat("ITEMS", "i")).then(sleep("0.5"))
//! .end().done()`.

use crate::model::{Awaitable, Call, Coroutine, Line, Resource, ResourceKind, Step};

/// A coroutine being written line by line, with the depth the next line goes at.
pub struct Writer {
    coroutine: Coroutine,
    depth: u8,
}

/// Starts `async def name(params):` with its docstring.
pub fn coroutine(name: &str, params: &[&str], doc: &str) -> Writer {
    Writer {
        coroutine: Coroutine {
            name: name.to_string(),
            doc: doc.to_string(),
            params: params.iter().map(|p| p.to_string()).collect(),
            lines: Vec::new(),
        },
        depth: 0,
    }
}

impl Writer {
    /// A step at the current depth.
    pub fn then(mut self, step: Step) -> Writer {
        self.coroutine.lines.push(Line {
            depth: self.depth,
            step,
        });
        self
    }

    /// A block step; the next steps go in its body until [`Writer::end`].
    pub fn open(mut self, step: Step) -> Writer {
        self = self.then(step);
        self.depth += 1;
        self
    }

    /// Ends the innermost block.
    pub fn end(mut self) -> Writer {
        self.depth = self.depth.saturating_sub(1);
        self
    }

    pub fn done(self) -> Coroutine {
        self.coroutine
    }
}

/// `name(args)`.
pub fn call(name: &str, args: &[&str]) -> Call {
    Call {
        coroutine: name.to_string(),
        args: args.iter().map(|a| a.to_string()).collect(),
    }
}

pub fn sleep(seconds: &str) -> Step {
    Step::Sleep {
        seconds: seconds.to_string(),
    }
}

pub fn print(text: &str) -> Step {
    Step::Print {
        text: text.to_string(),
    }
}

/// `[result = ]await name(args)`.
pub fn await_call(result: &str, name: &str, args: &[&str]) -> Step {
    Step::Await {
        call: call(name, args),
        result: result.to_string(),
    }
}

/// `var = asyncio.create_task(name(args), name=task_name)`.
pub fn create_task(var: &str, call: Call, task_name: &str) -> Step {
    Step::CreateTask {
        var: var.to_string(),
        call,
        name: task_name.to_string(),
        count: String::new(),
        each: String::new(),
    }
}

/// `var = [asyncio.create_task(call, name=task_name) for each in range(count)]`.
pub fn create_tasks(var: &str, each: &str, count: &str, call: Call, task_name: &str) -> Step {
    Step::CreateTask {
        var: var.to_string(),
        call,
        name: task_name.to_string(),
        count: count.to_string(),
        each: each.to_string(),
    }
}

/// `*(call for var in range(count))` inside a gather.
pub fn each(var: &str, count: &str, call: Call) -> Awaitable {
    Awaitable::Each {
        var: var.to_string(),
        count: count.to_string(),
        call,
    }
}

pub fn repeat(times: &str, var: &str) -> Step {
    Step::Repeat {
        times: times.to_string(),
        var: var.to_string(),
    }
}

pub fn resource(name: &str, kind: ResourceKind) -> Resource {
    Resource {
        name: name.to_string(),
        kind,
    }
}

/// `var = await queue.get()`.
pub fn get(queue: &str, var: &str) -> Step {
    Step::Get {
        queue: queue.to_string(),
        var: var.to_string(),
    }
}

/// `await queue.put(item)`.
pub fn put(queue: &str, item: &str) -> Step {
    Step::Put {
        queue: queue.to_string(),
        item: item.to_string(),
    }
}

/// `queue.task_done()`.
pub fn task_done(queue: &str) -> Step {
    Step::TaskDone {
        queue: queue.to_string(),
    }
}

/// `await queue.join()`.
pub fn join(queue: &str) -> Step {
    Step::Join {
        queue: queue.to_string(),
    }
}

/// `task.cancel()`.
pub fn cancel(task: &str) -> Step {
    Step::Cancel {
        task: task.to_string(),
    }
}

/// The kinds of step the composer's "add a step" menu offers, in menu order.
pub const STEP_KINDS: &[&str] = &[
    "sleep",
    "time.sleep (blocking)",
    "CPU work",
    "print",
    "set a variable",
    "await a coroutine",
    "create_task",
    "await a task",
    "gather",
    "wait_for",
    "wait",
    "queue put",
    "queue get",
    "queue task_done",
    "queue join",
    "async with",
    "event set",
    "event wait",
    "cancel",
    "raise",
    "repeat",
    "try",
    "except",
    "return",
];

/// A new step of the kind named `kind` (one of [`STEP_KINDS`]) with defaults that fit
/// `composition`: the first other coroutine to call, the first resource of the right kind.
pub fn new_step(kind: &str, composition: &crate::Composition, coroutine: usize) -> Option<Step> {
    let callee = composition
        .coroutines
        .iter()
        .enumerate()
        .find(|(i, c)| *i != coroutine && c.name != crate::MAIN)
        .map(|(_, c)| Call {
            coroutine: c.name.clone(),
            args: c.params.iter().map(|_| "0".to_string()).collect(),
        })
        .unwrap_or(Call {
            coroutine: String::new(),
            args: Vec::new(),
        });
    let resource = |classes: &[&str], fallback: &str| {
        composition
            .resources
            .iter()
            .find(|r| classes.contains(&r.kind.class()))
            .map_or(fallback.to_string(), |r| r.name.clone())
    };
    let text = |s: &str| s.to_string();
    Some(match kind {
        "sleep" => sleep("1"),
        "time.sleep (blocking)" => Step::BlockingSleep { seconds: text("1") },
        "CPU work" => Step::Work {
            iterations: text("100000"),
        },
        "print" => print("hello"),
        "set a variable" => Step::Let {
            var: text("x"),
            value: text("1"),
        },
        "await a coroutine" => Step::Await {
            call: callee,
            result: String::new(),
        },
        "create_task" => create_task("task", callee, ""),
        "await a task" => Step::AwaitTask {
            task: text("task"),
            result: String::new(),
        },
        "gather" => Step::Gather {
            awaitables: vec![Awaitable::Call(callee)],
            return_exceptions: false,
            result: String::new(),
        },
        "wait_for" => Step::WaitFor {
            awaitable: Awaitable::Call(callee),
            timeout: text("1"),
            result: String::new(),
        },
        "wait" => Step::Wait {
            tasks: vec![text("task")],
            first_completed: true,
        },
        "queue put" => put(&resource(&["Queue"], "queue"), "1"),
        "queue get" => get(&resource(&["Queue"], "queue"), "item"),
        "queue task_done" => task_done(&resource(&["Queue"], "queue")),
        "queue join" => join(&resource(&["Queue"], "queue")),
        "async with" => Step::Hold {
            resource: resource(&["Lock", "Semaphore"], "lock"),
        },
        "event set" => Step::SetEvent {
            event: resource(&["Event"], "event"),
        },
        "event wait" => Step::WaitEvent {
            event: resource(&["Event"], "event"),
        },
        "cancel" => cancel("task"),
        "raise" => Step::Raise {
            error: text("ValueError"),
            message: text("something went wrong"),
        },
        "repeat" => repeat("3", "i"),
        "try" => Step::Try,
        "except" => Step::Except {
            error: text("ValueError"),
            var: String::new(),
        },
        "return" => Step::Return {
            value: String::new(),
        },
        _ => return None,
    })
}
