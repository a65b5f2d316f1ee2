//! The text CPython 3.11 prints for uncaught exceptions, for exceptions that
//! asyncio logs ("Task exception was never retrieved") and for coroutines
//! that were never awaited.
//!
//! CPython has two traceback printers and they differ in small ways, so both
//! are reproduced ([`Style`]): the interpreter's own (C, `pythonrun.c` and
//! `traceback.c`), which the default `sys.excepthook` uses, and the
//! `traceback` module, which `logging` uses. Both print, per frame, the file
//! line, the source line and, when the failing instruction does not cover the
//! whole line, a caret line under its span (`^^^^`, or `~~^~~` around the
//! operator of a binary operation or the brackets of a subscript, found by
//! parsing the span's text as CPython does). Chained exceptions
//! (`__cause__`, `__context__`) come first, and exception groups are drawn in
//! boxes with `|` margins.
//!
//! Only frames of the program file exist in Loopscope; CPython's output is
//! compared after dropping the frames of other files, so the two agree. An
//! exception whose frames are all CPython library ones still gets its
//! `Traceback (most recent call last):` line there; the asyncio code marks
//! such exceptions ([`mark_raised_in_library`]).

mod carets;
mod syntax_error;
#[cfg(test)]
mod tests;

use std::collections::HashSet;
use std::rc::Rc;

use crate::object::code::CodeObject;
use crate::object::exceptions::{Exception, TracebackEntry};
use crate::object::generator::{GenState, Generator};
use crate::object::stack_summary::StackEntry;
use crate::object::types::TypeId;
use crate::object::value::{ExcRef, Value};
use crate::object::warnings::{ImportsStopped, Notice};
use crate::trace::Stream;
use crate::vm::Vm;

use carets::{excepthook_carets, is_c_space, is_python_space, logging_carets, source_line};

const CAUSE_MESSAGE: &str = "The above exception was the direct cause of the following exception:";
const CONTEXT_MESSAGE: &str = "During handling of the above exception, another exception occurred:";
/// Identical consecutive frames shown before "[Previous line repeated ...]".
const RECURSIVE_CUTOFF: usize = 3;
/// The C printer shows only the innermost 1000 frames (`sys.tracebacklimit`).
const EXCEPTHOOK_FRAME_LIMIT: usize = 1000;
/// The file of the frame that stands for asyncio's (library) code.
const LIBRARY_FILENAME: &str = "<asyncio>";
/// Members of a group shown before "and N more exceptions".
const MAX_GROUP_WIDTH: usize = 15;
/// Nesting of groups shown before "... (max_group_depth is 10)".
const MAX_GROUP_DEPTH: usize = 10;

/// The uncaught-exception report, as CPython's default `sys.excepthook`
/// prints it.
pub fn format_exception(vm: &mut Vm, e: &ExcRef) -> String {
    let lines = vm.source_lines.clone();
    Printer::new(Style::Excepthook, &lines, Some(vm)).print(e)
}

/// The message of what asyncio logs when a task or future holding an
/// exception nobody retrieved is destroyed (`describe` is its repr), and whether its exception
/// surely passed through library frames: a task's exception was raised in
/// its step; a future's may never have been raised
/// (`set_exception(ValueError())`), and then has no traceback.
pub fn never_retrieved_message(describe: &str) -> (String, bool) {
    let class = describe
        .trim_start_matches('<')
        .split([' ', '>'])
        .next()
        .unwrap_or_default();
    let message = format!("{class} exception was never retrieved\nfuture: {describe}");
    let caught_by_loop = class == "Task";
    (message, caught_by_loop)
}

/// The traceback of `e` as the `traceback` module (and so `logging`) prints
/// it; `caught_by_loop` when `e` surely passed through library frames: an
/// exception the event loop caught (a callback or a task step failed)
/// passed through `Handle._run` in CPython and has a traceback even when
/// none of its frames is the program's, so its `Traceback (most recent call
/// last):` line is shown.
pub fn module_traceback(vm: &mut Vm, e: &ExcRef, caught_by_loop: bool) -> String {
    let lines = vm.source_lines.clone();
    let mut printer = Printer::new(Style::Logging, &lines, Some(vm));
    if caught_by_loop {
        printer.caught_by_loop = Some(Rc::as_ptr(e));
    }
    printer.print(e)
}

/// The caret line `traceback.py` prints under `source` (a line of the
/// program, without its newline) for the expression at `span` (character
/// columns), with its four-space margin; `None` when the span covers the
/// whole stripped line.
pub fn caret_line(source: &str, span: loopscope_syntax::ast::Span) -> Option<String> {
    logging_carets(source, span)
}

/// Whether `filename` is one of CPython's library files (or the code that
/// stands for asyncio's), whose frames are never shown.
pub fn is_library_file(filename: &str) -> bool {
    filename == LIBRARY_FILENAME || filename.starts_with(stdlib_path!(""))
}

/// The `Type: message` line and the notes of `e`, as the `traceback`
/// module's `format_exception_only` gives them.
pub fn format_exception_only(vm: &mut Vm, e: &ExcRef) -> String {
    let lines = vm.source_lines.clone();
    let mut printer = Printer::new(Style::Logging, &lines, Some(vm));
    printer.message(e);
    printer.notes(e);
    printer.out
}

/// Frames given as (code, line), outermost first, as `traceback.print_list`
/// prints them; only the program's frames are shown.
pub fn format_frame_list(vm: &Vm, frames: &[(&CodeObject, u32)]) -> String {
    let entries: Vec<StackEntry> = frames
        .iter()
        .map(|&(code, line)| StackEntry {
            filename: code.filename.clone(),
            line,
            name: code.name.clone(),
            library: code.library,
        })
        .collect();
    format_stack_entries(vm, &entries)
}

/// `traceback.format_list(entries)` (`StackSummary.format`) as the recorder
/// leaves it: only the program's frames, each with its source line; past
/// three of the same frame in a row (library frames count too), a
/// "[Previous line repeated N more times]" line.
pub fn format_stack_entries(vm: &Vm, entries: &[StackEntry]) -> String {
    const RECURSIVE_CUTOFF: usize = 3;
    let repeated = |count: usize| {
        let count = count - RECURSIVE_CUTOFF;
        let plural = if count > 1 { "s" } else { "" };
        format!("  [Previous line repeated {count} more time{plural}]\n")
    };
    let mut out = String::new();
    let mut last: Option<&StackEntry> = None;
    let mut count = 0;
    for entry in entries {
        let same = last.is_some_and(|l| {
            l.filename == entry.filename && l.line == entry.line && l.name == entry.name
        });
        if !same {
            if count > RECURSIVE_CUTOFF {
                out.push_str(&repeated(count));
            }
            last = Some(entry);
            count = 0;
        }
        count += 1;
        if count > RECURSIVE_CUTOFF || entry.library || !shown(&entry.filename) {
            continue;
        }
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n",
            entry.filename, entry.line, entry.name
        ));
        if let Some(source) = source_line(&vm.source_lines, entry.line) {
            let stripped = source.trim_matches(is_python_space);
            if !stripped.is_empty() {
                out.push_str(&format!("    {stripped}\n"));
            }
        }
    }
    if count > RECURSIVE_CUTOFF {
        out.push_str(&repeated(count));
    }
    out
}

/// What `warnings.formatwarning` adds below a warning about an object when
/// tracemalloc does not trace.
const TRACEMALLOC_HINT: &str =
    "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n";

/// The RuntimeWarning for a coroutine that died without being awaited
/// (`message`: "coroutine 'f' was never awaited", and where it was created),
/// attributed to `filename:line` (the line executing when it died), whose
/// text is `source`; `note` ends it ([`allocation_note`]).
pub fn format_warning_never_awaited(
    filename: &str,
    line: u32,
    source: Option<&str>,
    message: &str,
    note: &str,
) -> String {
    let mut out = format!("{filename}:{line}: RuntimeWarning: {message}\n");
    // warnings.formatwarning: the line from linecache, stripped, indented by 2.
    if let Some(source) = source {
        out.push_str(&format!("  {}\n", source.trim_matches(is_python_space)));
    }
    out.push_str(note);
    out
}

/// The warning for a coroutine that dies when no Python code is running
/// (interpreter shutdown): CPython attributes it to `sys:1`.
fn format_warning_never_awaited_at_exit(message: &str, note: &str) -> String {
    format!("sys:1: RuntimeWarning: {message}\n{note}")
}

/// What `warnings.formatwarning` writes below a warning about an object:
/// where tracemalloc saw it allocated (in its current session), nothing when
/// it traces but did not see it, else the hint to enable it.
fn allocation_note(vm: &Vm, allocated: Option<crate::object::stack_summary::Allocation>) -> String {
    let tracing = vm.tracemalloc.frames > 0;
    let seen = allocated.filter(|(session, _)| tracing && *session == vm.tracemalloc.session);
    let Some((_, frames)) = seen else {
        return if tracing {
            String::new()
        } else {
            TRACEMALLOC_HINT.to_string()
        };
    };
    let mut out = String::from("Object allocated at (most recent call last):\n");
    for entry in frames.iter() {
        out.push_str(&format!(
            "  File \"{}\", lineno {}\n",
            entry.filename, entry.line
        ));
        let source = (!entry.library && entry.filename == vm.main.filename)
            .then(|| source_line(&vm.source_lines, entry.line))
            .flatten()
            .map(|s| s.trim_matches(is_python_space))
            .filter(|s| !s.is_empty());
        if let Some(source) = source {
            out.push_str(&format!("    {source}\n"));
        }
    }
    out
}

thread_local! {
    /// The code of library frames (see [`mark_raised_in_library`]).
    static LIBRARY_CODE: Option<Rc<CodeObject>> = loopscope_syntax::parse("pass")
        .ok()
        .and_then(|module| crate::compile::compile_module(&module, LIBRARY_FILENAME).ok())
        .map(CodeObject::load_library);
}

/// Record that `e` passed through a frame of asyncio, which Loopscope
/// implements natively. CPython prints a `Traceback (most recent call
/// last):` line for an exception raised and caught in library code, though
/// none of its frames is shown; with this mark, so does Loopscope.
pub(crate) fn mark_raised_in_library(e: &Exception) {
    LIBRARY_CODE.with(|code| {
        if let Some(code) = code {
            e.push_frame(code, 0);
        }
    });
}

/// Which of CPython's traceback printers to imitate.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// The C printer of the default `sys.excepthook`.
    Excepthook,
    /// `traceback.print_exception`, which `logging` uses.
    Logging,
}

/// One traceback being written: CPython's `exception_print_context`.
struct Printer<'a> {
    style: Style,
    source_lines: &'a [String],
    /// Runs an exception class's `__str__` for the message line.
    vm: Option<&'a mut Vm>,
    out: String,
    /// Exceptions already printed (chains may form cycles).
    seen: HashSet<*const Exception>,
    group_depth: usize,
    /// Whether the innermost open group box still needs its closing line.
    need_close: bool,
    /// The exception being logged, when the event loop caught it: it passed
    /// through library frames, so its traceback header is printed even
    /// without frames to show.
    caught_by_loop: Option<*const Exception>,
}

impl<'a> Printer<'a> {
    fn new(style: Style, source_lines: &'a [String], vm: Option<&'a mut Vm>) -> Printer<'a> {
        Printer {
            style,
            source_lines,
            vm,
            out: String::new(),
            seen: HashSet::new(),
            group_depth: 0,
            need_close: false,
            caught_by_loop: None,
        }
    }

    fn print(mut self, e: &ExcRef) -> String {
        self.exception(e);
        self.out
    }

    fn indent(&self) -> String {
        " ".repeat(2 * self.group_depth)
    }

    fn margin(&self) -> &'static str {
        if self.group_depth > 0 {
            "| "
        } else {
            ""
        }
    }

    /// A line prefixed with the current indent and margin.
    fn emit(&mut self, text: &str) {
        let prefix = format!("{}{}", self.indent(), self.margin());
        self.out.push_str(&prefix);
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// An exception preceded by the exceptions it was raised from or while
    /// handling, deepest first. The chain is walked in a loop, not by
    /// recursion, as a program can build one of any length.
    fn exception(&mut self, e: &ExcRef) {
        self.seen.insert(Rc::as_ptr(e));
        let mut chain = Vec::new();
        let mut current = e.clone();
        while let Some((next, message)) = self.chained_to(&current) {
            self.seen.insert(Rc::as_ptr(&next));
            chain.push((next.clone(), message));
            current = next;
        }
        let need_close = self.need_close;
        for (chained, message) in chain.iter().rev() {
            self.one(chained);
            self.need_close = need_close;
            self.emit("");
            self.emit(message);
            self.emit("");
        }
        self.one(e);
    }

    /// The exception `e` was raised from or while handling, if not yet
    /// shown, with the line that links the two.
    fn chained_to(&self, e: &Exception) -> Option<(ExcRef, &'static str)> {
        let unseen = |other: ExcRef| (!self.seen.contains(&Rc::as_ptr(&other))).then_some(other);
        if let Some(cause) = e.cause.borrow().clone() {
            return unseen(cause).map(|cause| (cause, CAUSE_MESSAGE));
        }
        if e.suppress_context.get() {
            return None;
        }
        let context = e.context.borrow().clone()?;
        unseen(context).map(|context| (context, CONTEXT_MESSAGE))
    }

    /// One exception of a chain.
    fn one(&mut self, e: &ExcRef) {
        if e.is(TypeId::BaseExceptionGroup) {
            self.group(e);
        } else {
            self.single(e, "Traceback (most recent call last):");
        }
    }

    /// Traceback, `Type: message` line and notes of one exception.
    fn single(&mut self, e: &ExcRef, header: &str) {
        let entries = e.traceback.borrow().clone();
        if !entries.is_empty() || self.caught_by_loop == Some(Rc::as_ptr(e)) {
            let header_margin = if e.is(TypeId::BaseExceptionGroup) && self.group_depth == 1 {
                "+ "
            } else {
                self.margin()
            };
            let line = format!("{}{header_margin}{header}\n", self.indent());
            self.out.push_str(&line);
            self.frames(&entries);
        }
        self.message(e);
        self.notes(e);
    }

    fn notes(&mut self, e: &ExcRef) {
        for note in e.notes().iter() {
            for line in note.split('\n') {
                self.emit(line);
            }
        }
    }

    fn message(&mut self, e: &ExcRef) {
        let name = e.class.qualified_name();
        if let Some(lines) = syntax_error::located_lines(e, &name) {
            for line in lines {
                self.emit(&line);
            }
            return;
        }
        let text = match self.vm.as_deref_mut() {
            Some(vm) => crate::repr::str_of(vm, &Value::Exception(e.clone())),
            None => crate::repr::exception_str(None, e),
        }
        .unwrap_or_else(|_| "<exception str() failed>".to_string());
        let line = if text.is_empty() {
            name
        } else {
            format!("{name}: {text}")
        };
        match self.style {
            // The C printer writes the margin once, before a possibly
            // multi-line message.
            Style::Excepthook => self.emit(&line),
            Style::Logging => {
                for part in line.split('\n') {
                    self.emit(part);
                }
            }
        }
    }

    /// An exception group: its own traceback, then each member in a box.
    fn group(&mut self, e: &ExcRef) {
        if self.group_depth > MAX_GROUP_DEPTH {
            self.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})"));
            return;
        }
        let top_level = self.group_depth == 0;
        if top_level {
            self.group_depth = 1;
        }
        self.single(e, "Exception Group Traceback (most recent call last):");
        let members = e.group_members();
        let shown = members.len().min(MAX_GROUP_WIDTH + 1);
        self.need_close = false;
        for (i, member) in members.iter().take(shown).enumerate() {
            let last = i + 1 == shown;
            if last {
                // A nested group may draw the closing line itself.
                self.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            let corner = if i == 0 { "+-" } else { "  " };
            let line = format!(
                "{}{corner}+---------------- {title} ----------------\n",
                self.indent()
            );
            self.out.push_str(&line);
            self.group_depth += 1;
            if truncated {
                let remaining = members.len() - MAX_GROUP_WIDTH;
                let plural = if remaining > 1 { "s" } else { "" };
                self.emit(&format!("and {remaining} more exception{plural}"));
            } else {
                self.exception(member);
            }
            if last && self.need_close {
                let line = format!("{}+------------------------------------\n", self.indent());
                self.out.push_str(&line);
                self.need_close = false;
            }
            self.group_depth -= 1;
        }
        if top_level {
            self.group_depth = 0;
        }
    }

    /// The frames of a traceback, outermost first, with long runs of the
    /// same frame and line (recursion) summarized.
    fn frames(&mut self, entries: &[TracebackEntry]) {
        let entries = match self.style {
            Style::Excepthook => &entries[entries.len().saturating_sub(EXCEPTHOOK_FRAME_LIMIT)..],
            Style::Logging => entries,
        };
        let mut last: Option<(&str, u32, &str)> = None;
        let mut count = 0;
        let program_frames = entries
            .iter()
            .filter(|entry| !entry.code.library && shown(&entry.code.filename));
        for entry in program_frames {
            let code = &entry.code;
            let line = code.line_of(entry.pc as usize);
            let key = (&*code.filename, line, &*code.name);
            if last != Some(key) {
                self.repeated(count);
                last = Some(key);
                count = 0;
            }
            count += 1;
            if count <= RECURSIVE_CUTOFF {
                self.frame(entry, line);
            }
        }
        self.repeated(count);
    }

    fn repeated(&mut self, count: usize) {
        if count <= RECURSIVE_CUTOFF {
            return;
        }
        let more = count - RECURSIVE_CUTOFF;
        let plural = if more > 1 { "s" } else { "" };
        let text = format!("  [Previous line repeated {more} more time{plural}]");
        match self.style {
            // The C printer forgets the group margin on this line.
            Style::Excepthook => {
                self.out.push_str(&text);
                self.out.push('\n');
            }
            Style::Logging => self.emit(&text),
        }
    }

    fn frame(&mut self, entry: &TracebackEntry, line: u32) {
        let code = &entry.code;
        self.emit(&format!(
            "  File \"{}\", line {}, in {}",
            code.filename, line, code.name
        ));
        let Some(source) = source_line(self.source_lines, line) else {
            return;
        };
        let span = code.span_of(entry.pc as usize);
        let not_started = entry.pc as usize == crate::compile::code::Code::NOT_STARTED;
        let (shown, carets) = match self.style {
            Style::Excepthook => (
                source.trim_start_matches(is_c_space),
                excepthook_carets(source, span),
            ),
            Style::Logging => {
                let stripped = source.trim_matches(is_python_space);
                if stripped.is_empty() {
                    return;
                }
                (stripped, logging_carets(source, span))
            }
        };
        self.emit(&format!("    {shown}"));
        if let Some(carets) = carets.filter(|_| !not_started) {
            self.emit(&carets);
        }
    }
}

impl Vm {
    /// Print the reports queued by objects that died since the last call:
    /// never-awaited coroutines (once per line, like the `default` warnings
    /// action) and exceptions nobody retrieved.
    /// CPython's unraisable hook for an exception raised while a dying
    /// generator was closed or finalized.
    fn write_unraisable(&mut self, generator: &Generator, e: &ExcRef) {
        // The unraisable hook shows the frame the generator died in.
        if let Some(f) = self.frames.last() {
            if self.frames.len() > self.loop_floor {
                e.push_frame(&f.code, f.current_pc());
            }
        }
        let text = format!(
            "Exception ignored in: {}\n{}",
            generator.repr(),
            format_exception(self, e)
        );
        self.write(Stream::Stderr, &text);
    }

    /// `obj.__del__()`, looked up on its class; an exception it raises is
    /// reported as CPython's `slot_tp_finalize` reports it.
    fn call_finalizer(&mut self, instance: Rc<crate::object::instance::Instance>) {
        let class = instance.class.borrow().clone();
        let Some(del) = class.lookup("__del__") else {
            return;
        };
        if let Err(e) = self.call1(&del, Value::Instance(instance)) {
            let shown =
                crate::repr::repr(self, &del).unwrap_or_else(|_| crate::repr::repr_value(&del));
            let text = format!(
                "Exception ignored in: {shown}\n{}",
                format_exception(self, &e)
            );
            self.write(Stream::Stderr, &text);
        }
    }

    /// A weak reference's callback, its referent gone; an exception it raises
    /// is reported as CPython's `PyErr_WriteUnraisable` reports it.
    fn call_weakref_callback(&mut self, weakref: Value) {
        let Value::Native(o) = &weakref else { return };
        let Some(callback) = o.weakref_callback() else {
            return;
        };
        if let Err(e) = self.call1(&callback, weakref.clone()) {
            let shown = crate::repr::repr(self, &callback)
                .unwrap_or_else(|_| crate::repr::repr_value(&callback));
            let text = format!(
                "Exception ignored in: {shown}\n{}",
                format_exception(self, &e)
            );
            self.write(Stream::Stderr, &text);
        }
    }

    pub(crate) fn report_notices(&mut self) {
        for notice in crate::object::warnings::take_pending() {
            let text = match notice {
                Notice::NeverAwaited {
                    qualname,
                    origin,
                    allocated,
                } => {
                    // `warnings._warn_unawaited_coroutine`'s message.
                    let mut message = format!("coroutine '{qualname}' was never awaited");
                    if let Some(origin) = origin {
                        let frames = format_stack_entries(self, &origin);
                        message.push_str("\nCoroutine created at (most recent call last)\n");
                        message.push_str(frames.trim_end_matches('\n'));
                    }
                    let site = self.states.get::<crate::object::warnings::LibrarySite>().0;
                    if let Some((file, line, source)) = site {
                        if !self
                            .warning_registry
                            .insert((message.clone(), Rc::from(file), line))
                        {
                            continue;
                        }
                        let note = allocation_note(self, allocated);
                        let text =
                            format_warning_never_awaited(file, line, Some(source), &message, &note);
                        self.record_warning(&text);
                        self.write(Stream::Stderr, &text);
                        continue;
                    }
                    let line = self.current_line();
                    let file = self.main.filename.clone();
                    if !self.warning_registry.insert((message.clone(), file, line)) {
                        continue;
                    }
                    if line == 0 {
                        // Once imports stop, `warnings` cannot import tracemalloc: no note.
                        let stopped = self.states.get::<ImportsStopped>().0;
                        let note = if stopped {
                            String::new()
                        } else {
                            allocation_note(self, allocated)
                        };
                        format_warning_never_awaited_at_exit(&message, &note)
                    } else {
                        let note = allocation_note(self, allocated);
                        format_warning_never_awaited(
                            &self.main.filename,
                            line,
                            source_line(&self.source_lines, line),
                            &message,
                            &note,
                        )
                    }
                }
                Notice::ExceptionNeverRetrieved {
                    describe,
                    exc,
                    future,
                } => {
                    let (message, caught_by_loop) = never_retrieved_message(&describe);
                    let traceback = module_traceback(self, &exc, caught_by_loop);
                    let text = format!("{message}\n{traceback}");
                    self.record_warning(&text);
                    let route = self
                        .states
                        .get::<crate::object::warnings::NeverRetrievedRoute>()
                        .0;
                    if route.is_some_and(|handled| handled(self, &exc, future, caught_by_loop)) {
                        continue;
                    }
                    crate::reports::log_error(self, &message, Some(&exc), Some(&traceback));
                    continue;
                }
                Notice::TaskDestroyedPending(task) => {
                    let route = self
                        .states
                        .get::<crate::object::warnings::DestroyedPendingRoute>()
                        .0;
                    if let Some(report) = route {
                        report(self, task);
                    }
                    continue;
                }
                Notice::WeakrefCallback(weakref) => {
                    self.call_weakref_callback(weakref);
                    continue;
                }
                Notice::Finalize(instance) => {
                    self.call_finalizer(instance);
                    continue;
                }
                Notice::FinalizeAsyncGen { gen, finalizer } => {
                    let called = self.call1(&finalizer, Value::Generator(gen.clone()));
                    if let Err(e) = called {
                        self.write_unraisable(&gen, &e);
                    }
                    continue;
                }
                Notice::Close(generator) => {
                    let closed = self.close_generator(&generator);
                    if let Err(e) = closed {
                        self.write_unraisable(&generator, &e);
                    }
                    // An object is finalized once: a generator that yielded again
                    // instead of closing loses its frame without another close.
                    if generator.state.get() == GenState::Suspended {
                        generator.state.set(GenState::Closed);
                        if let Some(frame) = generator.take_frame() {
                            crate::object::teardown::free(frame);
                        }
                    }
                    continue;
                }
            };
            self.record_warning(&text);
            self.write(Stream::Stderr, &text);
        }
    }

    /// A report is both console output and a warning event, so the UI can
    /// flag it (the string is interned once).
    fn record_warning(&mut self, text: &str) {
        let id = self.recorder.intern(text);
        let line = self.current_line();
        self.recorder.record(
            self.now,
            line,
            crate::trace::EventKind::Warning { text: id },
        );
    }
}

/// Whether a frame is shown: not the frames of code compiled from a string by
/// `exec`/`eval`/`compile`, whose file name is like `<string>`. Tracebacks
/// show the program's frames only, as the conformance recorder keeps them
/// (CPython shows such a frame without a source line).
fn shown(filename: &str) -> bool {
    !filename.starts_with('<')
}
