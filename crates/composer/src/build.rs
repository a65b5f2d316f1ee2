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
