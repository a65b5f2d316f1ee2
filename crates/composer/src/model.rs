//! A composition: what the composer edits, what share links carry, and what
//! [`crate::generate`] turns into Python.
//!
//! Coroutines are ordered lists of [`Line`]s: a [`Step`] at an indentation `depth`,
//! exactly as Python nests statements (a step one level deeper than a block step just
//! above it is in that block's body). Keeping the body flat, rather than as nested
//! vectors, keeps every structure here non-recursive, so decoding a hostile share link
//! cannot recurse without bound, and the editor shows the steps as the lines they become.
//!
//! Expressions (a sleep's seconds, a queue item, a call's arguments) are short Python
//! expressions kept as the text the user typed (`0.5`, `DELAY * (i + 1)`,
//! `random.uniform(0.1, 0.5)`); [`crate::expr`] checks them before any code is generated.
//!
//! The wire format of share links is postcard: fields and enum variants are encoded by
//! position, so new variants go at the end of an enum and a changed field order needs a
//! new share-link version.

use serde::{Deserialize, Serialize};

use crate::templates::TemplateId;

/// A whole scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Composition {
    /// One line naming the scenario (the program's first comment).
    pub title: String,
    /// What it shows (after the title in that comment).
    pub description: String,
    /// The template it was built from, whose structural parameters rebuild it.
    pub template: Option<TemplateId>,
    /// Numbers the scenario is tuned by: module constants, or structural choices.
    pub params: Vec<Param>,
    /// Queues, locks, events and semaphores, created at the start of `main` and passed
    /// to every coroutine that uses them.
    pub resources: Vec<Resource>,
    /// The coroutines, in the order they are defined; `main` is the entry point.
    pub coroutines: Vec<Coroutine>,
}

/// A number the scenario is tuned by, shown as a slider and a number field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Param {
    /// A constant's name (`PRODUCERS`), or a structural parameter's key.
    pub name: String,
    /// What the slider is labelled with.
    pub label: String,
    pub value: f64,
    pub min: f64,
    pub max: f64,
    /// The slider's step; a whole step makes the value an `int` in the code.
    pub step: f64,
    /// Names of the values of a choice (the value is the index), else empty.
    pub choices: Vec<String>,
    /// Changing it rebuilds the composition from its template (the number of stages,
    /// which variant of the lesson) instead of changing a constant.
    pub structural: bool,
}

impl Param {
    /// Whether the value is written as an `int`.
    pub fn is_integer(&self) -> bool {
        self.step.fract() == 0.0 && self.value.fract() == 0.0
    }

    /// The value clamped to the range and rounded to the step (non-finite input
    /// becomes the minimum).
    pub fn clamped(&self, value: f64) -> f64 {
        if !value.is_finite() {
            return self.min;
        }
        let value = value.clamp(self.min, self.max);
        if self.step > 0.0 {
            let steps = ((value - self.min) / self.step).round();
            let snapped = self.min + steps * self.step;
            // Rounded to microseconds, so 0.1 steps stay 0.3 and not 0.30000000000000004.
            ((snapped * 1e6).round() / 1e6).clamp(self.min, self.max)
        } else {
            value
        }
    }
}

/// A shared object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    /// Its variable name in the program (`queue`, `lock`).
    pub name: String,
    pub kind: ResourceKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ResourceKind {
    /// `asyncio.Queue(maxsize=…)`; `maxsize` is an expression (`0`: unbounded).
    Queue {
        maxsize: String,
    },
    Lock,
    Event,
    /// `asyncio.Semaphore(value)`.
    Semaphore {
        value: String,
    },
}

impl ResourceKind {
    /// The asyncio class, e.g. "Queue".
    pub fn class(&self) -> &'static str {
        match self {
            ResourceKind::Queue { .. } => "Queue",
            ResourceKind::Lock => "Lock",
            ResourceKind::Event => "Event",
            ResourceKind::Semaphore { .. } => "Semaphore",
        }
    }
}

/// One `async def`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Coroutine {
    pub name: String,
    /// What it does, in one sentence (its docstring; empty for none).
    pub doc: String,
    /// Parameter names, in order (the resources it uses are appended by the generator).
    pub params: Vec<String>,
    pub lines: Vec<Line>,
}

/// A step at an indentation level (0: the coroutine's body).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub depth: u8,
    pub step: Step,
}

/// A call of one of the composition's coroutines: `fetch(i, 0.5)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Call {
    pub coroutine: String,
    /// Argument expressions, one per declared parameter.
    pub args: Vec<String>,
}

/// Something `gather` and `wait_for` can await.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Awaitable {
    /// A coroutine call, awaited through a task the function wraps it in.
    Call(Call),
    /// A variable holding a task (or, for `gather`, a list of tasks: it is unpacked).
    Task(String),
    /// One call per `var in range(count)`: `*(fetch(i) for i in range(N))`.
    Each {
        var: String,
        count: String,
        call: Call,
    },
}

/// What one line does. Block steps ([`Step::opens_block`]) own the deeper lines below.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Step {
    /// `await asyncio.sleep(seconds)`.
    Sleep { seconds: String },
    /// `time.sleep(seconds)`: blocks the whole loop.
    BlockingSleep { seconds: String },
    /// CPU work that never yields: `crunch(iterations)`.
    Work { iterations: String },
    /// `print(...)` of a text where `{name}` shows a variable.
    Print { text: String },
    /// `var = value`.
    Let { var: String, value: String },
    /// `[result =] await coroutine(args)`: a chain.
    Await { call: Call, result: String },
    /// `var = asyncio.create_task(call, name=...)`, or with `count`, a list of tasks
    /// `[asyncio.create_task(...) for each in range(count)]`.
    CreateTask {
        var: String,
        call: Call,
        /// The task's name as a text with `{name}` placeholders ("" keeps asyncio's).
        name: String,
        /// Empty for one task; else how many (the list comprehension's range).
        count: String,
        /// The comprehension's variable, usable in the call and the name.
        each: String,
    },
    /// `[result =] await task`, or every task of a list in turn.
    AwaitTask { task: String, result: String },
    /// `[result =] await asyncio.gather(...)`.
    Gather {
        awaitables: Vec<Awaitable>,
        return_exceptions: bool,
        result: String,
    },
    /// `[result =] await asyncio.wait_for(awaitable, timeout=...)`.
    WaitFor {
        awaitable: Awaitable,
        timeout: String,
        result: String,
    },
    /// `done, pending = await asyncio.wait(tasks[, return_when=FIRST_COMPLETED])`.
    Wait {
        tasks: Vec<String>,
        first_completed: bool,
    },
    /// `await queue.put(item)`.
    Put { queue: String, item: String },
    /// `var = await queue.get()`.
    Get { queue: String, var: String },
    /// `queue.task_done()`.
    TaskDone { queue: String },
    /// `await queue.join()`.
    Join { queue: String },
    /// `async with lock_or_semaphore:` (a block).
    Hold { resource: String },
    /// `event.set()`.
    SetEvent { event: String },
    /// `await event.wait()`.
    WaitEvent { event: String },
    /// `task.cancel()` (every task of a list).
    Cancel { task: String },
    /// `raise Error(message)`.
    Raise { error: String, message: String },
    /// `for var in range(times):`, or `while True:` when `times` is empty (a block).
    Repeat { times: String, var: String },
    /// `try:` (a block, followed by one or more `Except`).
    Try,
    /// `except Error[ as var]:` (a block).
    Except { error: String, var: String },
    /// `return [value]`.
    Return { value: String },
}

impl Step {
    /// Whether the step starts a block (the deeper lines below it are its body).
    pub fn opens_block(&self) -> bool {
        matches!(
            self,
            Step::Hold { .. } | Step::Repeat { .. } | Step::Try | Step::Except { .. }
        )
    }

    /// A short name for menus ("sleep", "create_task").
    pub fn kind_name(&self) -> &'static str {
        match self {
            Step::Sleep { .. } => "sleep",
            Step::BlockingSleep { .. } => "time.sleep (blocking)",
            Step::Work { .. } => "CPU work",
            Step::Print { .. } => "print",
            Step::Let { .. } => "set a variable",
            Step::Await { .. } => "await a coroutine",
            Step::CreateTask { .. } => "create_task",
            Step::AwaitTask { .. } => "await a task",
            Step::Gather { .. } => "gather",
            Step::WaitFor { .. } => "wait_for",
            Step::Wait { .. } => "wait",
            Step::Put { .. } => "queue put",
            Step::Get { .. } => "queue get",
            Step::TaskDone { .. } => "queue task_done",
            Step::Join { .. } => "queue join",
            Step::Hold { .. } => "async with",
            Step::SetEvent { .. } => "event set",
            Step::WaitEvent { .. } => "event wait",
            Step::Cancel { .. } => "cancel",
            Step::Raise { .. } => "raise",
            Step::Repeat { .. } => "repeat",
            Step::Try => "try",
            Step::Except { .. } => "except",
            Step::Return { .. } => "return",
        }
    }
}

impl Composition {
    /// The coroutine called `name`.
    pub fn coroutine(&self, name: &str) -> Option<&Coroutine> {
        self.coroutines.iter().find(|c| c.name == name)
    }

    /// The resource called `name`.
    pub fn resource(&self, name: &str) -> Option<&Resource> {
        self.resources.iter().find(|r| r.name == name)
    }

    /// The parameter called `name`.
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|p| p.name == name)
    }
}
