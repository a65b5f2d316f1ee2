//! A composition → the readable Python program that runs.
//!
//! The program is laid out as a person would write it: the imports it needs, the
//! parameters as module constants, a `crunch()` helper when CPU work is used, one
//! `async def` per coroutine (its resources appended to its parameters and passed at
//! every call), `main()` creating the queues/locks/events/semaphores, then
//! `asyncio.run(main())`. Every field is checked first ([`crate::expr`], names in scope,
//! block structure); a composition with problems generates nothing and lists them all.

use loopscope_cpython::float_repr::float_repr;

use crate::edit::{next_sibling, previous_sibling};
use crate::expr::{check_expr, text_literal, text_reads, Reads};
use crate::model::{Awaitable, Call, Composition, Coroutine, Line, ResourceKind, Step};
use crate::scope::{Kind, Scope};

/// Deepest block nesting a coroutine may have.
pub const MAX_DEPTH: u8 = 8;

/// The entry point's name.
pub const MAIN: &str = "main";

/// Exceptions `raise` and `except` may name.
pub const ERRORS: &[&str] = &[
    "Exception",
    "ValueError",
    "RuntimeError",
    "KeyError",
    "TimeoutError",
    "ConnectionError",
    "ZeroDivisionError",
    "asyncio.CancelledError",
];

/// The generated program.
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    pub code: String,
    /// For each line of `code`, the step it comes from.
    pub origins: Vec<Option<Origin>>,
}

impl Program {
    /// The step that line `line` (1-based, as the trace counts) comes from.
    pub fn origin_of_line(&self, line: u32) -> Option<Origin> {
        let index = (line as usize).checked_sub(1)?;
        self.origins.get(index).copied().flatten()
    }
}

/// Where a generated line comes from: a coroutine's index and its line's index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    pub coroutine: usize,
    pub line: usize,
}

/// Something that keeps a composition from generating, located as precisely as known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub coroutine: Option<usize>,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// The program, or every problem found.
pub fn generate(composition: &Composition) -> Result<Program, Vec<Problem>> {
    let mut writer = Writer::default();
    let needs = crate::scope::resource_needs(composition);
    let mut problems = crate::scope::check_declarations(composition);
    let uses = Uses::of(composition);
    writer.header(composition, &uses);
    let mut bodies = Vec::new();
    for (index, coroutine) in composition.coroutines.iter().enumerate() {
        let mut body = Writer::default();
        let scope = Scope::for_coroutine(composition, index, &needs[index]);
        let mut generator = Body {
            composition,
            coroutine: index,
            scope,
            out: &mut body,
            problems: &mut problems,
            needs: &needs,
        };
        generator.coroutine(coroutine, uses.random);
        bodies.push(body);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    for body in bodies {
        writer.blank_lines(2);
        writer.append(body);
    }
    writer.blank_lines(2);
    writer.line(format!("asyncio.run({MAIN}())"), None);
    Ok(writer.finish())
}

/// What the program as a whole needs imported or defined.
struct Uses {
    random: bool,
    time: bool,
    crunch: bool,
}

impl Uses {
    fn of(composition: &Composition) -> Uses {
        let mut uses = Uses {
            random: false,
            time: false,
            crunch: false,
        };
        let steps = composition
            .coroutines
            .iter()
            .flat_map(|c| c.lines.iter().map(|l| &l.step));
        for step in steps {
            match step {
                Step::BlockingSleep { .. } => uses.time = true,
                Step::Work { .. } => uses.crunch = true,
                _ => {}
            }
            for text in step_expressions(step) {
                uses.random |= check_expr(text).is_ok_and(|reads| reads.random);
            }
        }
        for resource in &composition.resources {
            if let ResourceKind::Queue { maxsize: e } | ResourceKind::Semaphore { value: e } =
                &resource.kind
            {
                uses.random |= check_expr(e).is_ok_and(|reads| reads.random);
            }
        }
        uses
    }
}

/// Every expression field of a step (not texts, not names).
pub(crate) fn step_expressions(step: &Step) -> Vec<&str> {
    fn call_args(call: &Call) -> Vec<&str> {
        call.args.iter().map(String::as_str).collect()
    }
    fn awaitable(a: &Awaitable) -> Vec<&str> {
        match a {
            Awaitable::Call(call) => call_args(call),
            Awaitable::Task(_) => Vec::new(),
            Awaitable::Each { count, call, .. } => {
                let mut v = vec![count.as_str()];
                v.extend(call_args(call));
                v
            }
        }
    }
    match step {
        Step::Sleep { seconds } | Step::BlockingSleep { seconds } => vec![seconds],
        Step::Work { iterations } => vec![iterations],
        Step::Let { value, .. } => vec![value],
        Step::Await { call, .. } => call_args(call),
        Step::CreateTask { call, count, .. } => {
            let mut v = call_args(call);
            if !count.trim().is_empty() {
                v.push(count);
            }
            v
        }
        Step::Gather { awaitables, .. } => awaitables.iter().flat_map(awaitable).collect(),
        Step::WaitFor {
            awaitable: a,
            timeout,
            ..
        } => {
            let mut v = awaitable(a);
            v.push(timeout);
            v
        }
        Step::Put { item, .. } => vec![item],
        Step::Repeat { times, .. } if !times.trim().is_empty() => vec![times],
        Step::Return { value } if !value.trim().is_empty() => vec![value],
        _ => Vec::new(),
    }
}

/// Lines of code with their origins.
#[derive(Default)]
struct Writer {
    code: String,
    origins: Vec<Option<Origin>>,
}

impl Writer {
    fn line(&mut self, text: String, origin: Option<Origin>) {
        self.code.push_str(&text);
        self.code.push('\n');
        self.origins.push(origin);
    }

    fn indented(&mut self, indent: usize, text: &str, origin: Option<Origin>) {
        self.line(format!("{}{text}", "    ".repeat(indent)), origin);
    }

    fn blank_lines(&mut self, count: usize) {
        for _ in 0..count {
            self.line(String::new(), None);
        }
    }

    fn append(&mut self, other: Writer) {
        self.code.push_str(&other.code);
        self.origins.extend(other.origins);
    }

    fn finish(self) -> Program {
        Program {
            code: self.code,
            origins: self.origins,
        }
    }

    /// The title comment, imports, constants and helpers.
    fn header(&mut self, composition: &Composition, uses: &Uses) {
        let title = one_line(&composition.title);
        let description = one_line(&composition.description);
        match (title.is_empty(), description.is_empty()) {
            (false, false) => self.line(format!("# {title}: {description}"), None),
            (false, true) => self.line(format!("# {title}"), None),
            (true, false) => self.line(format!("# {description}"), None),
            (true, true) => {}
        }
        self.line("import asyncio".to_string(), None);
        if uses.random {
            self.line("import random".to_string(), None);
        }
        if uses.time {
            self.line("import time".to_string(), None);
        }
        let constants: Vec<_> = composition
            .params
            .iter()
            .filter(|p| !p.structural)
            .collect();
        let seed_missing = uses.random && composition.param(crate::scope::SEED).is_none();
        if !constants.is_empty() || seed_missing {
            self.blank_lines(1);
            for param in constants {
                let value = if param.is_integer() {
                    format!("{}", param.value as i64)
                } else {
                    float_repr(param.value)
                };
                self.line(format!("{} = {value}", param.name), None);
            }
            if seed_missing {
                self.line(format!("{} = 0", crate::scope::SEED), None);
            }
        }
        if uses.crunch {
            self.blank_lines(2);
            for line in CRUNCH {
                self.line(line.to_string(), None);
            }
        }
    }
}

/// The helper behind [`Step::Work`]: Python-level iterations that never yield.
const CRUNCH: &[&str] = &[
    "def crunch(iterations):",
    "    \"\"\"CPU-bound work: it runs to the end before anything else can run.\"\"\"",
    "    total = 0",
    "    for i in range(iterations):",
    "        total += i % 7",
    "    return total",
];

/// A title or docstring on one line, without characters that would end the comment.
fn one_line(text: &str) -> String {
    text.split(['\n', '\r'])
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// Generates one coroutine, checking it as it goes.
struct Body<'a> {
    composition: &'a Composition,
    coroutine: usize,
    scope: Scope<'a>,
    out: &'a mut Writer,
    problems: &'a mut Vec<Problem>,
    needs: &'a [Vec<String>],
}

impl Body<'_> {
    fn problem(&mut self, line: Option<usize>, message: String) {
        let name = &self.composition.coroutines[self.coroutine].name;
        let message = match line {
            Some(i) => format!(
                "{name}, step {} ({}): {message}",
                i + 1,
                self.composition.coroutines[self.coroutine].lines[i]
                    .step
                    .kind_name()
            ),
            None => format!("{name}: {message}"),
        };
        self.problems.push(Problem {
            coroutine: Some(self.coroutine),
            line,
            message,
        });
    }

    fn coroutine(&mut self, coroutine: &Coroutine, uses_random: bool) {
        let mut params = coroutine.params.clone();
        params.extend(self.needs[self.coroutine].iter().cloned());
        self.out.line(
            format!("async def {}({}):", coroutine.name, params.join(", ")),
            None,
        );
        let doc = one_line(&coroutine.doc);
        if !doc.is_empty() {
            let escaped = doc.replace('\\', "\\\\").replace('"', "\\\"");
            self.out
                .indented(1, &format!("\"\"\"{escaped}\"\"\""), None);
        }
        let is_main = coroutine.name == MAIN;
        if is_main && uses_random {
            self.out
                .indented(1, &format!("random.seed({})", crate::scope::SEED), None);
        }
        if is_main {
            self.create_resources();
        }
        self.check_structure(&coroutine.lines);
        for (index, line) in coroutine.lines.iter().enumerate() {
            self.step(index, line);
            let opens = line.step.opens_block();
            let body_follows = coroutine
                .lines
                .get(index + 1)
                .is_some_and(|next| next.depth > line.depth);
            if opens && !body_follows {
                self.out.indented(line.depth as usize + 2, "pass", None);
            }
        }
        let nothing_written = coroutine.lines.is_empty()
            && doc.is_empty()
            && !(is_main && (uses_random || !self.composition.resources.is_empty()));
        if nothing_written {
            self.out.indented(1, "pass", None);
        }
    }

    fn create_resources(&mut self) {
        for resource in &self.composition.resources {
            let made = match &resource.kind {
                ResourceKind::Queue { maxsize } if maxsize.trim() == "0" => {
                    "asyncio.Queue()".to_string()
                }
                ResourceKind::Queue { maxsize } => {
                    self.expression(None, maxsize);
                    format!("asyncio.Queue(maxsize={})", maxsize.trim())
                }
                ResourceKind::Lock => "asyncio.Lock()".to_string(),
                ResourceKind::Event => "asyncio.Event()".to_string(),
                ResourceKind::Semaphore { value } => {
                    self.expression(None, value);
                    format!("asyncio.Semaphore({})", value.trim())
                }
            };
            self.out
                .indented(1, &format!("{} = {made}", resource.name), None);
        }
    }

    /// Depths step by at most one into a block; `except` follows a `try` or `except`;
    /// a `try` is followed by an `except`.
    fn check_structure(&mut self, lines: &[Line]) {
        for (index, line) in lines.iter().enumerate() {
            let limit = match index.checked_sub(1).map(|i| &lines[i]) {
                None => 0,
                Some(previous) => previous.depth + u8::from(previous.step.opens_block()),
            };
            if line.depth > limit {
                self.problem(
                    Some(index),
                    "is indented deeper than the block it is in".to_string(),
                );
            } else if line.depth > MAX_DEPTH {
                self.problem(
                    Some(index),
                    format!("blocks nest deeper than {MAX_DEPTH} levels"),
                );
            }
            let previous_sibling = previous_sibling(lines, index).map(|i| &lines[i].step);
            if matches!(line.step, Step::Except { .. })
                && !matches!(previous_sibling, Some(Step::Try | Step::Except { .. }))
            {
                self.problem(
                    Some(index),
                    "must follow a try (or another except) at the same indentation".to_string(),
                );
            }
            if matches!(line.step, Step::Try)
                && !matches!(
                    next_sibling(lines, index).map(|i| &lines[i].step),
                    Some(Step::Except { .. })
                )
            {
                self.problem(Some(index), "needs an except after its body".to_string());
            }
        }
    }

    fn expression(&mut self, line: Option<usize>, text: &str) -> Option<Reads> {
        match check_expr(text) {
            Ok(reads) => {
                self.reads(line, &reads);
                Some(reads)
            }
            Err(message) => {
                self.problem(line, format!("“{}”: {message}", text.trim()));
                None
            }
        }
    }

    fn text(&mut self, line: usize, text: &str) {
        match text_reads(text) {
            Ok(reads) => self.reads(Some(line), &reads),
            Err(message) => self.problem(Some(line), message),
        }
    }

    fn reads(&mut self, line: Option<usize>, reads: &Reads) {
        for name in &reads.names {
            if !self.scope.knows(name) {
                self.problem(line, format!("'{name}' is not defined here"));
            }
        }
    }

    /// A name a step assigns.
    fn assign(&mut self, line: usize, name: &str, kind: Kind) {
        if let Err(message) = self.scope.assign(name, kind) {
            self.problem(Some(line), message);
        }
    }

    /// A name a step reads as a variable (a task, a queue...).
    fn use_name(&mut self, line: usize, name: &str) {
        if !self.scope.knows(name) {
            let message = if name.is_empty() {
                "a name is needed here".to_string()
            } else {
                format!("'{name}' is not defined here")
            };
            self.problem(Some(line), message);
        }
    }

    /// A resource of one of `kinds` (or a parameter that receives one).
    fn resource(&mut self, line: usize, name: &str, kinds: &[&str]) {
        match self.composition.resource(name) {
            Some(resource) if !kinds.contains(&resource.kind.class()) => {
                let message = format!(
                    "'{name}' is a {}, not a {}",
                    resource.kind.class(),
                    kinds.join(" or ")
                );
                self.problem(Some(line), message);
            }
            _ => self.use_name(line, name),
        }
    }

    fn call(&mut self, line: usize, call: &Call) -> String {
        let Some(callee) = self.composition.coroutine(&call.coroutine) else {
            self.problem(
                Some(line),
                format!("there is no coroutine named '{}'", call.coroutine),
            );
            return String::new();
        };
        if callee.name == MAIN {
            self.problem(
                Some(line),
                "main is the entry point: nothing may call it".to_string(),
            );
        }
        if call.args.len() != callee.params.len() {
            self.problem(
                Some(line),
                format!(
                    "{}() takes {} argument(s), {} given",
                    callee.name,
                    callee.params.len(),
                    call.args.len()
                ),
            );
        }
        for arg in &call.args {
            self.expression(Some(line), arg);
        }
        let callee_index = self
            .composition
            .coroutines
            .iter()
            .position(|c| c.name == callee.name)
            .unwrap_or_default();
        let mut args: Vec<String> = call.args.iter().map(|a| a.trim().to_string()).collect();
        args.extend(self.needs[callee_index].iter().cloned());
        format!("{}({})", callee.name, args.join(", "))
    }

    /// A comprehension variable, in scope only inside `body`.
    fn with_each<T>(&mut self, line: usize, var: &str, body: impl FnOnce(&mut Self) -> T) -> T {
        let shadowed = self.scope.push_temporary(var);
        if let Err(message) = &shadowed {
            self.problem(Some(line), message.clone());
        }
        let result = body(self);
        if shadowed.is_ok() {
            self.scope.pop_temporary();
        }
        result
    }

    fn awaitable(&mut self, line: usize, awaitable: &Awaitable, unpack_lists: bool) -> String {
        match awaitable {
            Awaitable::Call(call) => self.call(line, call),
            Awaitable::Task(name) => {
                self.use_name(line, name);
                if unpack_lists && self.scope.kind(name) == Some(Kind::TaskList) {
                    format!("*{name}")
                } else {
                    name.clone()
                }
            }
            Awaitable::Each { var, count, call } => {
                self.expression(Some(line), count);
                let call = self.with_each(line, var, |body| body.call(line, call));
                format!("*({call} for {var} in range({}))", count.trim())
            }
        }
    }

    /// `[result = ]`.
    fn result_prefix(&mut self, line: usize, result: &str, kind: Kind) -> String {
        if result.trim().is_empty() {
            return String::new();
        }
        self.assign(line, result, kind);
        format!("{result} = ")
    }

    /// A loop variable for a generated `for` over a list of tasks.
    fn fresh_name(&self) -> String {
        let mut name = "task".to_string();
        while self.scope.knows(&name) {
            name.push('_');
        }
        name
    }

    fn step(&mut self, index: usize, line: &Line) {
        let indent = line.depth as usize + 1;
        let origin = Some(Origin {
            coroutine: self.coroutine,
            line: index,
        });
        let code = self.step_code(index, &line.step);
        for text in code.lines() {
            self.out.indented(indent, text, origin);
        }
    }

    fn step_code(&mut self, index: usize, step: &Step) -> String {
        match step {
            Step::Sleep { seconds } => {
                self.expression(Some(index), seconds);
                format!("await asyncio.sleep({})", seconds.trim())
            }
            Step::BlockingSleep { seconds } => {
                self.expression(Some(index), seconds);
                format!(
                    "time.sleep({})  # blocks the event loop: nothing else runs meanwhile",
                    seconds.trim()
                )
            }
            Step::Work { iterations } => {
                self.expression(Some(index), iterations);
                format!("crunch({})", iterations.trim())
            }
            Step::Print { text } => {
                self.text(index, text);
                format!("print({})", text_literal(text))
            }
            Step::Let { var, value } => {
                self.expression(Some(index), value);
                self.assign(index, var, Kind::Value);
                format!("{var} = {}", value.trim())
            }
            Step::Await { call, result } => {
                let call = self.call(index, call);
                let prefix = self.result_prefix(index, result, Kind::Value);
                format!("{prefix}await {call}")
            }
            Step::CreateTask {
                var,
                call,
                name,
                count,
                each,
            } => self.create_task(index, var, call, name, count, each),
            Step::AwaitTask { task, result } => {
                self.use_name(index, task);
                let list = self.scope.kind(task) == Some(Kind::TaskList);
                let loop_var = self.fresh_name();
                let prefix = self.result_prefix(index, result, Kind::Value);
                match (list, prefix.is_empty()) {
                    (false, _) => format!("{prefix}await {task}"),
                    (true, true) => format!("for {loop_var} in {task}:\n    await {loop_var}"),
                    (true, false) => {
                        format!("{prefix}[await {loop_var} for {loop_var} in {task}]")
                    }
                }
            }
            Step::Gather {
                awaitables,
                return_exceptions,
                result,
            } => {
                let items: Vec<String> = awaitables
                    .iter()
                    .map(|a| self.awaitable(index, a, true))
                    .collect();
                let prefix = self.result_prefix(index, result, Kind::Value);
                let mut args = items.join(", ");
                if *return_exceptions {
                    if !args.is_empty() {
                        args.push_str(", ");
                    }
                    args.push_str("return_exceptions=True");
                }
                format!("{prefix}await asyncio.gather({args})")
            }
            Step::WaitFor {
                awaitable,
                timeout,
                result,
            } => {
                if matches!(awaitable, Awaitable::Each { .. }) {
                    self.problem(
                        Some(index),
                        "wait_for awaits one thing, not one per number".to_string(),
                    );
                }
                let awaited = self.awaitable(index, awaitable, false);
                self.expression(Some(index), timeout);
                let prefix = self.result_prefix(index, result, Kind::Value);
                format!(
                    "{prefix}await asyncio.wait_for({awaited}, timeout={})",
                    timeout.trim()
                )
            }
            Step::Wait {
                tasks,
                first_completed,
            } => {
                if tasks.is_empty() {
                    self.problem(Some(index), "wait needs at least one task".to_string());
                }
                for task in tasks {
                    self.use_name(index, task);
                }
                let single_list =
                    tasks.len() == 1 && self.scope.kind(&tasks[0]) == Some(Kind::TaskList);
                let argument = if single_list {
                    tasks[0].clone()
                } else {
                    let items: Vec<String> = tasks
                        .iter()
                        .map(|t| match self.scope.kind(t) {
                            Some(Kind::TaskList) => format!("*{t}"),
                            _ => t.clone(),
                        })
                        .collect();
                    format!("[{}]", items.join(", "))
                };
                self.assign(index, "done", Kind::Value);
                self.assign(index, "pending", Kind::Value);
                let when = if *first_completed {
                    ", return_when=asyncio.FIRST_COMPLETED"
                } else {
                    ""
                };
                format!("done, pending = await asyncio.wait({argument}{when})")
            }
            Step::Put { queue, item } => {
                self.resource(index, queue, &["Queue"]);
                self.expression(Some(index), item);
                format!("await {queue}.put({})", item.trim())
            }
            Step::Get { queue, var } => {
                self.resource(index, queue, &["Queue"]);
                self.assign(index, var, Kind::Value);
                format!("{var} = await {queue}.get()")
            }
            Step::TaskDone { queue } => {
                self.resource(index, queue, &["Queue"]);
                format!("{queue}.task_done()")
            }
            Step::Join { queue } => {
                self.resource(index, queue, &["Queue"]);
                format!("await {queue}.join()")
            }
            Step::Hold { resource } => {
                self.resource(index, resource, &["Lock", "Semaphore"]);
                format!("async with {resource}:")
            }
            Step::SetEvent { event } => {
                self.resource(index, event, &["Event"]);
                format!("{event}.set()")
            }
            Step::WaitEvent { event } => {
                self.resource(index, event, &["Event"]);
                format!("await {event}.wait()")
            }
            Step::Cancel { task } => {
                self.use_name(index, task);
                if self.scope.kind(task) == Some(Kind::TaskList) {
                    let loop_var = self.fresh_name();
                    format!("for {loop_var} in {task}:\n    {loop_var}.cancel()")
                } else {
                    format!("{task}.cancel()")
                }
            }
            Step::Raise { error, message } => {
                self.error_class(index, error);
                self.text(index, message);
                if message.is_empty() {
                    format!("raise {error}()")
                } else {
                    format!("raise {error}({})", text_literal(message))
                }
            }
            Step::Repeat { times, var } => {
                if times.trim().is_empty() {
                    return "while True:".to_string();
                }
                self.expression(Some(index), times);
                let var = if var.trim().is_empty() {
                    "_"
                } else {
                    var.as_str()
                };
                if var != "_" {
                    self.assign(index, var, Kind::Value);
                }
                format!("for {var} in range({}):", times.trim())
            }
            Step::Try => "try:".to_string(),
            Step::Except { error, var } => {
                self.error_class(index, error);
                if var.trim().is_empty() {
                    format!("except {error}:")
                } else {
                    self.assign(index, var, Kind::Value);
                    format!("except {error} as {var}:")
                }
            }
            Step::Return { value } => {
                if value.trim().is_empty() {
                    "return".to_string()
                } else {
                    self.expression(Some(index), value);
                    format!("return {}", value.trim())
                }
            }
        }
    }

    fn error_class(&mut self, index: usize, error: &str) {
        if !ERRORS.contains(&error) {
            self.problem(
                Some(index),
                format!("'{error}' is not one of {}", ERRORS.join(", ")),
            );
        }
    }

    fn create_task(
        &mut self,
        index: usize,
        var: &str,
        call: &Call,
        name: &str,
        count: &str,
        each: &str,
    ) -> String {
        let name_argument = |body: &mut Self| {
            if name.is_empty() {
                String::new()
            } else {
                body.text(index, name);
                format!(", name={}", text_literal(name))
            }
        };
        if count.trim().is_empty() {
            let call = self.call(index, call);
            let name = name_argument(self);
            let prefix = self.result_prefix(index, var, Kind::Task);
            return format!("{prefix}asyncio.create_task({call}{name})");
        }
        self.expression(Some(index), count);
        let each = if each.trim().is_empty() { "_" } else { each };
        let (call, name) = self.with_each(index, each, |body| {
            (body.call(index, call), name_argument(body))
        });
        let prefix = self.result_prefix(index, var, Kind::TaskList);
        format!(
            "{prefix}[\n    asyncio.create_task({call}{name})\n    for {each} in range({})\n]",
            count.trim()
        )
    }
}
