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

use std::collections::HashSet;
use std::rc::Rc;

use loopscope_syntax::ast::{ExprKind, Span, StmtKind};

use crate::object::code::CodeObject;
use crate::object::exceptions::{Exception, TracebackEntry};
use crate::object::generator::Generator;
use crate::object::types::TypeId;
use crate::object::value::{ExcRef, Value};
use crate::object::warnings::Notice;
use crate::trace::Stream;
use crate::vm::Vm;

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

/// The program's frames now running, outermost first, as
/// `traceback.format_stack()` prints them (no carets: a stack summary has
/// no columns).
pub fn format_stack(vm: &Vm) -> String {
    let mut out = String::new();
    for frame in vm.frames.iter().filter(|f| !f.code.library) {
        let line = frame.current_line();
        out.push_str(&format!(
            "  File \"{}\", line {line}, in {}\n",
            frame.code.filename, frame.code.name
        ));
        if let Some(source) = source_line(&vm.source_lines, line) {
            let stripped = source.trim_matches(is_python_space);
            if !stripped.is_empty() {
                out.push_str(&format!("    {stripped}\n"));
            }
        }
    }
    out
}

/// The RuntimeWarning for a coroutine that died without being awaited,
/// attributed to `filename:line` (the line executing when it died).
pub fn format_warning_never_awaited(
    filename: &str,
    line: u32,
    source_lines: &[String],
    qualname: &str,
) -> String {
    let mut out =
        format!("{filename}:{line}: RuntimeWarning: coroutine '{qualname}' was never awaited\n");
    // warnings.formatwarning: the line from linecache, stripped, indented by 2.
    if let Some(source) = source_line(source_lines, line) {
        out.push_str(&format!("  {}\n", source.trim_matches(is_python_space)));
    }
    out.push_str("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
    out
}

/// The warning for a coroutine that dies when no Python code is running
/// (interpreter shutdown): CPython attributes it to `sys:1`, and tracemalloc
/// can no longer be imported to add its hint.
fn format_warning_never_awaited_at_exit(qualname: &str) -> String {
    format!("sys:1: RuntimeWarning: coroutine '{qualname}' was never awaited\n")
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
        for note in e.notes().iter() {
            for line in note.split('\n') {
                self.emit(line);
            }
        }
    }

    fn message(&mut self, e: &ExcRef) {
        let name = e.class.qualified_name();
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
        let program_frames = entries.iter().filter(|entry| !entry.code.library);
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
        if let Some(carets) = carets {
            self.emit(&carets);
        }
    }
}

/// Line `line` (1-based) of the program, if it exists.
fn source_line(source_lines: &[String], line: u32) -> Option<&str> {
    let index = (line as usize).checked_sub(1)?;
    source_lines.get(index).map(String::as_str)
}

/// Whitespace as the C printer sees it (`IS_WHITESPACE`, and the characters
/// it strips before a source line).
fn is_c_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\x0c')
}

/// Whitespace as Python's `str.strip` / `str.isspace` see it.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// The C printer's caret line (without the frame's margin), or `None` when
/// the span covers the whole source line.
fn excepthook_carets(source: &str, span: Span) -> Option<String> {
    let chars: Vec<char> = source.chars().collect();
    let leading = chars.iter().take_while(|&&c| is_c_space(c)).count() as isize;
    let start = span.start.col as isize;
    let (end, anchors) = if span.start.line == span.end.line {
        let end = span.end.col as isize;
        let anchors = segment(&chars, start, end).and_then(|segment| {
            let anchors = match parse_anchored(&segment)? {
                Anchored::BinOp {
                    left_end,
                    right_start,
                } => excepthook_operator_anchors(&segment, left_end, right_start)?,
                Anchored::Subscript {
                    value_end,
                    index_end,
                } => subscript_anchors(&segment, value_end, index_end),
            };
            Some((start + anchors.0 as isize, start + anchors.1 as isize))
        });
        (end, anchors)
    } else {
        // A multi-line span is highlighted to the end of its first line.
        let trailing = chars.iter().rev().take_while(|&&c| is_c_space(c)).count();
        ((chars.len() - trailing) as isize, None)
    };
    if end - start == chars.len() as isize - leading && anchors.is_none() {
        return None;
    }
    // Offsets become display columns; the (blank) indentation is not
    // affected. Column `c` is printed at position `c - (leading - 4)`.
    let width = |offset: isize| display_width(&chars, offset) as isize;
    let (start, end) = (width(start), width(end));
    let anchors = anchors.map(|(left, right)| (width(left), width(right)));
    let carets = (leading - 3..=end)
        .map(|offset| match anchors {
            _ if offset <= start => ' ',
            Some((left, right)) if left < offset && offset <= right => '^',
            Some(_) => '~',
            None => '^',
        })
        .collect();
    Some(carets)
}

/// `traceback.py`'s caret line (without the frame's margin), or `None`
/// when the span covers the whole stripped line.
fn logging_carets(source: &str, span: Span) -> Option<String> {
    let chars: Vec<char> = source.chars().collect();
    let stripped_len = source.trim_matches(is_python_space).chars().count() as isize;
    // linecache keeps the newline, which counts among the stripped characters.
    let stripped_characters = chars.len() as isize + 1 - stripped_len;
    let start = span.start.col as isize;
    let (end, anchored) = if span.start.line == span.end.line {
        let end = span.end.col as isize;
        let anchored = segment(&chars, start, end).and_then(|segment| {
            let anchors = match parse_anchored(&segment)? {
                Anchored::BinOp {
                    left_end,
                    right_start,
                } => logging_operator_anchors(&segment, left_end, right_start),
                Anchored::Subscript {
                    value_end,
                    index_end,
                } => subscript_anchors(&segment, value_end, index_end),
            };
            Some((segment, anchors))
        });
        (end, anchored)
    } else {
        let trailing = chars
            .iter()
            .rev()
            .take_while(|&&c| is_python_space(c))
            .count();
        ((chars.len() - trailing) as isize, None)
    };
    let has_secondary = matches!(anchored, Some((_, (left, right))) if right > left);
    if end - start >= stripped_len && !has_secondary {
        return None;
    }
    let width = |offset: isize| display_width(&chars, offset) as isize;
    let (start, end) = (width(start) + 1, width(end) + 1);
    let indent = (start - stripped_characters).max(0) as usize;
    let mut carets = format!("    {}", " ".repeat(indent));
    let span_width = (end - start).max(0) as usize;
    match anchored {
        Some((segment, (left, right))) => {
            let left = display_width(&segment, left as isize);
            let right = display_width(&segment, right as isize);
            carets.push_str(&"~".repeat(left));
            carets.push_str(&"^".repeat(right.saturating_sub(left)));
            carets.push_str(&"~".repeat(span_width.saturating_sub(right)));
        }
        None => carets.push_str(&"^".repeat(span_width)),
    }
    Some(carets)
}

/// The columns the first `count` characters take on a terminal: two for
/// East Asian wide and fullwidth characters, one for the others.
fn display_width(chars: &[char], count: isize) -> usize {
    let count = count.clamp(0, chars.len() as isize) as usize;
    chars[..count]
        .iter()
        .map(|&c| if is_wide(c) { 2 } else { 1 })
        .sum()
}

/// `unicodedata.east_asian_width(c) in "WF"` (Unicode 14.0, as in CPython
/// 3.11), for assigned characters.
fn is_wide(c: char) -> bool {
    let c = c as u32;
    WIDE_RANGES
        .binary_search_by(|&(first, last)| {
            if last < c {
                std::cmp::Ordering::Less
            } else if first > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Inclusive ranges of the wide and fullwidth characters.
const WIDE_RANGES: &[(u32, u32)] = &[
    (0x1100, 0x115F),
    (0x231A, 0x231B),
    (0x2329, 0x232A),
    (0x23E9, 0x23EC),
    (0x23F0, 0x23F0),
    (0x23F3, 0x23F3),
    (0x25FD, 0x25FE),
    (0x2614, 0x2615),
    (0x2648, 0x2653),
    (0x267F, 0x267F),
    (0x2693, 0x2693),
    (0x26A1, 0x26A1),
    (0x26AA, 0x26AB),
    (0x26BD, 0x26BE),
    (0x26C4, 0x26C5),
    (0x26CE, 0x26CE),
    (0x26D4, 0x26D4),
    (0x26EA, 0x26EA),
    (0x26F2, 0x26F3),
    (0x26F5, 0x26F5),
    (0x26FA, 0x26FA),
    (0x26FD, 0x26FD),
    (0x2705, 0x2705),
    (0x270A, 0x270B),
    (0x2728, 0x2728),
    (0x274C, 0x274C),
    (0x274E, 0x274E),
    (0x2753, 0x2755),
    (0x2757, 0x2757),
    (0x2795, 0x2797),
    (0x27B0, 0x27B0),
    (0x27BF, 0x27BF),
    (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
    (0x2E80, 0x303E),
    (0x3041, 0x3247),
    (0x3250, 0x4DBF),
    (0x4E00, 0xA4C6),
    (0xA960, 0xA97C),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAD9),
    (0xFE10, 0xFE19),
    (0xFE30, 0xFE6B),
    (0xFF01, 0xFF60),
    (0xFFE0, 0xFFE6),
    (0x16FE0, 0x1B2FB),
    (0x1F004, 0x1F004),
    (0x1F0CF, 0x1F0CF),
    (0x1F18E, 0x1F18E),
    (0x1F191, 0x1F19A),
    (0x1F200, 0x1F320),
    (0x1F32D, 0x1F335),
    (0x1F337, 0x1F37C),
    (0x1F37E, 0x1F393),
    (0x1F3A0, 0x1F3CA),
    (0x1F3CF, 0x1F3D3),
    (0x1F3E0, 0x1F3F0),
    (0x1F3F4, 0x1F3F4),
    (0x1F3F8, 0x1F43E),
    (0x1F440, 0x1F440),
    (0x1F442, 0x1F4FC),
    (0x1F4FF, 0x1F53D),
    (0x1F54B, 0x1F54E),
    (0x1F550, 0x1F567),
    (0x1F57A, 0x1F57A),
    (0x1F595, 0x1F596),
    (0x1F5A4, 0x1F5A4),
    (0x1F5FB, 0x1F64F),
    (0x1F680, 0x1F6C5),
    (0x1F6CC, 0x1F6CC),
    (0x1F6D0, 0x1F6D2),
    (0x1F6D5, 0x1F6DF),
    (0x1F6EB, 0x1F6EC),
    (0x1F6F4, 0x1F6FC),
    (0x1F7E0, 0x1F7F0),
    (0x1F90C, 0x1F93A),
    (0x1F93C, 0x1F945),
    (0x1F947, 0x1F9FF),
    (0x1FA70, 0x1FAF6),
    (0x20000, 0x3134A),
];

/// The characters `[start, end)` of a line, if that is a valid range.
fn segment(chars: &[char], start: isize, end: isize) -> Option<Vec<char>> {
    let start = usize::try_from(start).ok()?;
    let end = usize::try_from(end).ok()?.min(chars.len());
    (start < end).then(|| chars[start..end].to_vec())
}

/// The expressions CPython highlights inside a span, with the columns (in
/// the span's text) of their parts.
enum Anchored {
    BinOp { left_end: usize, right_start: usize },
    Subscript { value_end: usize, index_end: usize },
}

/// Parse a span's text as a one-expression module, like CPython's
/// `ast.parse(segment)`, and find a binary operation or subscript.
fn parse_anchored(segment: &[char]) -> Option<Anchored> {
    let text: String = segment.iter().collect();
    let module = loopscope_syntax::parse(&text).ok()?;
    let [statement] = module.body.as_slice() else {
        return None;
    };
    let StmtKind::Expr(expr) = &statement.kind else {
        return None;
    };
    match &expr.kind {
        ExprKind::BinOp { left, right, .. } => Some(Anchored::BinOp {
            left_end: left.span.end.col as usize,
            right_start: right.span.start.col as usize,
        }),
        ExprKind::Subscript { value, index } => Some(Anchored::Subscript {
            value_end: value.span.end.col as usize,
            index_end: index.span.end.col as usize,
        }),
        _ => None,
    }
}

/// The operator of a binary operation, as the C printer finds it: the first
/// non-blank character after the left operand that is not a closing
/// parenthesis, two characters long if the next one is not blank either.
fn excepthook_operator_anchors(
    segment: &[char],
    left_end: usize,
    right_start: usize,
) -> Option<(usize, usize)> {
    let mut anchors = None;
    for i in left_end..right_start.min(segment.len()) {
        if is_c_space(segment[i]) {
            continue;
        }
        let two_chars = i + 1 < right_start && !is_c_space(segment[i + 1]);
        anchors = Some((i, i + 1 + two_chars as usize));
        if !(i + 1 < right_start && segment[i] == ')') {
            break;
        }
    }
    anchors
}

/// The operator of a binary operation, as `traceback.py` finds it. It
/// differs from the C printer after a closing parenthesis followed by a
/// blank, and it mixes the parser's UTF-8 byte offsets with character
/// indexes, which shifts the operator after non-ASCII text; both are
/// reproduced.
fn logging_operator_anchors(
    segment: &[char],
    left_end: usize,
    right_start: usize,
) -> (usize, usize) {
    let left_end = left_end.min(segment.len());
    let between = &segment[left_end..right_start.clamp(left_end, segment.len())];
    let offset = between.iter().take_while(|&&c| is_python_space(c)).count();
    let left_end_bytes: usize = segment[..left_end].iter().map(|c| c.len_utf8()).sum();
    let mut left = left_end_bytes + offset;
    let mut right = left + 1;
    if offset + 1 < between.len() && !is_python_space(between[offset + 1]) {
        right += 1;
    }
    while left < segment.len()
        && (is_python_space(segment[left]) || matches!(segment[left], ')' | '#'))
    {
        left += 1;
        right += 1;
    }
    (
        chars_in_bytes(segment, left),
        chars_in_bytes(segment, right),
    )
}

/// How many characters the first `bytes` UTF-8 bytes of `text` decode to
/// (a cut character counts as its replacement character).
fn chars_in_bytes(text: &[char], bytes: usize) -> usize {
    let mut total = 0;
    text.iter()
        .take_while(|c| {
            let inside = total < bytes;
            total += c.len_utf8();
            inside
        })
        .count()
}

/// The brackets of a subscript and what they enclose (both printers).
fn subscript_anchors(segment: &[char], value_end: usize, index_end: usize) -> (usize, usize) {
    let mut left = value_end;
    while left < segment.len() && segment[left] != '[' {
        left += 1;
    }
    let mut right = index_end + 1;
    while right < segment.len() && segment[right] != ']' {
        right += 1;
    }
    if right < segment.len() {
        right += 1;
    }
    (left, right)
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

    pub(crate) fn report_notices(&mut self) {
        for notice in crate::object::warnings::take_pending() {
            let text = match notice {
                Notice::NeverAwaited(qualname) => {
                    let line = self.current_line();
                    if !self.warning_registry.insert((qualname.clone(), line)) {
                        continue;
                    }
                    if line == 0 {
                        format_warning_never_awaited_at_exit(&qualname)
                    } else {
                        format_warning_never_awaited(
                            &self.main.filename,
                            line,
                            &self.source_lines,
                            &qualname,
                        )
                    }
                }
                Notice::ExceptionNeverRetrieved { describe, exc } => {
                    let (message, caught_by_loop) = never_retrieved_message(&describe);
                    let traceback = module_traceback(self, &exc, caught_by_loop);
                    let text = format!("{message}\n{traceback}");
                    self.record_warning(&text);
                    crate::reports::log_error(self, &message, &exc, &traceback);
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

#[cfg(test)]
mod tests {
    //! Expected texts are CPython 3.11.7's output for the program in each
    //! test (run as `prog.py`), and the positions are its `co_positions()`.

    use super::*;
    use crate::compile::code::{Code, CodeKind, Instr};
    use crate::object::exceptions::exception_group;
    use crate::object::value::Value;
    use loopscope_syntax::ast::Pos;

    // Without a VM: the exceptions here have no classes with `__str__`.
    fn format_exception(e: &ExcRef, source_lines: &[String]) -> String {
        Printer::new(Style::Excepthook, source_lines, None).print(e)
    }

    fn format_logged_exception(message: &str, e: &ExcRef, source_lines: &[String]) -> String {
        logged_without_vm(message, e, source_lines, true)
    }

    fn format_never_retrieved(describe: &str, e: &ExcRef, source_lines: &[String]) -> String {
        let class = describe.trim_start_matches('<').split([' ', '>']).next();
        let message = format!(
            "{} exception was never retrieved\nfuture: {describe}",
            class.unwrap_or_default()
        );
        logged_without_vm(&message, e, source_lines, class == Some("Task"))
    }

    fn logged_without_vm(message: &str, e: &ExcRef, lines: &[String], caught: bool) -> String {
        let mut printer = Printer::new(Style::Logging, lines, None);
        if caught {
            printer.caught_by_loop = Some(Rc::as_ptr(e));
        }
        format!("{message}\n{}", printer.print(e))
    }

    fn lines(source: &str) -> Vec<String> {
        source.lines().map(str::to_string).collect()
    }

    /// A frame of function `name` stopped at an instruction whose CPython
    /// position is `(line, end_line, col, end_col)`.
    fn at(name: &str, (line, end_line, col, end_col): (u32, u32, u32, u32)) -> TracebackEntry {
        let code = Code {
            name: Rc::from(name),
            qualname: Rc::from(name),
            kind: CodeKind::Function,
            filename: Rc::from("prog.py"),
            first_line: line,
            instrs: vec![Instr::Nop],
            spans: vec![Span::new(
                Pos { line, col },
                Pos {
                    line: end_line,
                    col: end_col,
                },
            )],
            consts: Vec::new(),
            functions: Vec::new(),
            names: Vec::new(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            cell_params: Vec::new(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            has_varargs: false,
            has_varkw: false,
            doc: None,
        };
        TracebackEntry {
            code: CodeObject::load(code),
            pc: 0,
        }
    }

    fn raised(typ: TypeId, args: Vec<Value>, frames: Vec<TracebackEntry>) -> ExcRef {
        let e = Exception::new(typ, args);
        *e.traceback.borrow_mut() = frames;
        e
    }

    fn message(typ: TypeId, text: &str, frames: Vec<TracebackEntry>) -> ExcRef {
        raised(typ, vec![Value::str(text)], frames)
    }

    #[test]
    fn context_chain_with_carets() {
        let source = lines(
            "def parse(text):\n    try:\n        return int(text)\n    except ValueError:\n        \
             return undefined + 1\nd = {}\nprint(parse(\"x\"))\n",
        );
        let first = message(
            TypeId::ValueError,
            "invalid literal for int() with base 10: 'x'",
            vec![at("parse", (3, 3, 15, 24))],
        );
        let second = message(
            TypeId::NameError,
            "name 'undefined' is not defined",
            vec![at("<module>", (7, 7, 6, 16)), at("parse", (5, 5, 15, 24))],
        );
        *second.context.borrow_mut() = Some(first);
        let expected = r#"Traceback (most recent call last):
  File "prog.py", line 3, in parse
    return int(text)
           ^^^^^^^^^
ValueError: invalid literal for int() with base 10: 'x'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "prog.py", line 7, in <module>
    print(parse("x"))
          ^^^^^^^^^^
  File "prog.py", line 5, in parse
    return undefined + 1
           ^^^^^^^^^
NameError: name 'undefined' is not defined
"#;
        assert_eq!(format_exception(&second, &source), expected);
        let logged = format_logged_exception("message", &second, &source);
        assert_eq!(logged, format!("message\n{expected}"));
    }

    #[test]
    fn recursion_is_summarized_and_subscripts_anchored() {
        let source = lines(
            "def div(a, b):\n    return (a)  //  (b)\n\ndef pick(d):\n    return div(1, 0) if d else \
             d[ 'k' ]\n\ndef run(n):\n    if n:\n        return run(n - 1)\n    return pick({})\n\n\
             total = [1, 2]\nrun(6)\n",
        );
        let mut frames = vec![at("<module>", (13, 13, 0, 6))];
        frames.extend((0..6).map(|_| at("run", (9, 9, 15, 25))));
        frames.push(at("run", (10, 10, 11, 19)));
        frames.push(at("pick", (5, 5, 31, 39)));
        let e = message(TypeId::KeyError, "k", frames);
        let expected = r#"Traceback (most recent call last):
  File "prog.py", line 13, in <module>
    run(6)
  File "prog.py", line 9, in run
    return run(n - 1)
           ^^^^^^^^^^
  File "prog.py", line 9, in run
    return run(n - 1)
           ^^^^^^^^^^
  File "prog.py", line 9, in run
    return run(n - 1)
           ^^^^^^^^^^
  [Previous line repeated 3 more times]
  File "prog.py", line 10, in run
    return pick({})
           ^^^^^^^^
  File "prog.py", line 5, in pick
    return div(1, 0) if d else d[ 'k' ]
                               ~^^^^^^^
KeyError: 'k'
"#;
        assert_eq!(format_exception(&e, &source), expected);
        let task = "<Task finished name='Task-2' coro=<pick() done, defined at prog.py:4> \
                    exception=KeyError('k')>";
        assert_eq!(
            format_never_retrieved(task, &e, &source),
            format!("Task exception was never retrieved\nfuture: {task}\n{expected}")
        );
    }

    #[test]
    fn future_never_retrieved_without_traceback() {
        let e = message(TypeId::ValueError, "x", Vec::new());
        assert_eq!(
            format_never_retrieved("<Future finished exception=ValueError('x')>", &e, &[]),
            "Future exception was never retrieved\nfuture: <Future finished \
             exception=ValueError('x')>\nValueError: x\n"
        );
    }

    #[test]
    fn operator_anchors_differ_between_printers() {
        let source = lines("def div(a, b):\n    return (a)  //  (b)\n\ndiv(1, 0)\n");
        let e = message(
            TypeId::ZeroDivisionError,
            "integer division or modulo by zero",
            vec![at("<module>", (4, 4, 0, 9)), at("div", (2, 2, 11, 23))],
        );
        let expected = |carets: &str| {
            format!(
                "Traceback (most recent call last):\n  File \"prog.py\", line 4, in <module>\n    \
                 div(1, 0)\n  File \"prog.py\", line 2, in div\n    return (a)  //  (b)\n    \
                 {carets}\nZeroDivisionError: integer division or modulo by zero\n"
            )
        };
        assert_eq!(
            format_exception(&e, &source),
            expected("       ~~~~~^^~~~~~")
        );
        assert_eq!(
            format_logged_exception("m", &e, &source),
            format!("m\n{}", expected("       ~~~~~^~~~~~~"))
        );
    }

    #[test]
    fn carets_use_display_width() {
        let expected = |source: &str, carets: &str| {
            format!(
                "Traceback (most recent call last):\n  File \"prog.py\", line 2, in f\n    \
                 {source}\n    {carets}\nTypeError: can only concatenate str (not \"int\") to str\n"
            )
        };
        let error = |source: &str, (col, end_col)| {
            let lines = lines(&format!("def f():\n    {source}\nf()\n"));
            let e = message(
                TypeId::TypeError,
                "can only concatenate str (not \"int\") to str",
                vec![at("f", (2, 2, col, end_col))],
            );
            (e, lines)
        };
        let (wide, source) = error("return '漢字' + 1", (11, 19));
        let carets = "       ~~~~~~~^~~";
        assert_eq!(
            format_exception(&wide, &source),
            expected("return '漢字' + 1", carets)
        );
        // traceback.py takes the operator's byte offset for a character index.
        let (narrow, source) = error("return 'é' + 1", (11, 18));
        let excepthook = expected("return 'é' + 1", "       ~~~~^~~");
        let logging = expected("return 'é' + 1", "       ~~~~~^~");
        assert_eq!(format_exception(&narrow, &source), excepthook);
        assert_eq!(
            format_logged_exception("m", &narrow, &source),
            format!("m\n{logging}")
        );
    }

    #[test]
    fn multi_line_span_and_cycle() {
        let source = lines(
            "try:\n    try:\n        raise KeyError(\"inner\")\n    except KeyError as e:\n        \
             raise RuntimeError() from e\nexcept RuntimeError as e:\n    e.__cause__.__context__ = \
             e\n    raise ValueError(1,\n        2) from e\n",
        );
        let key = message(
            TypeId::KeyError,
            "inner",
            vec![at("<module>", (3, 3, 8, 31))],
        );
        let runtime = raised(
            TypeId::RuntimeError,
            Vec::new(),
            vec![at("<module>", (5, 5, 8, 35))],
        );
        *runtime.cause.borrow_mut() = Some(key.clone());
        runtime.suppress_context.set(true);
        *key.context.borrow_mut() = Some(runtime.clone());
        let value = raised(
            TypeId::ValueError,
            vec![Value::Int(1), Value::Int(2)],
            vec![at("<module>", (8, 9, 4, 18))],
        );
        *value.cause.borrow_mut() = Some(runtime);
        value.suppress_context.set(true);
        let expected = r#"Traceback (most recent call last):
  File "prog.py", line 3, in <module>
    raise KeyError("inner")
KeyError: 'inner'

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "prog.py", line 5, in <module>
    raise RuntimeError() from e
RuntimeError

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "prog.py", line 8, in <module>
    raise ValueError(1,
ValueError: (1, 2)
"#;
        assert_eq!(format_exception(&value, &source), expected);
    }

    #[test]
    fn groups_are_boxed_and_truncated() {
        let source = lines(
            "def fail(message):\n    raise ValueError(message)   \n\ndef catch(message):\n    try:\n        \
             fail(message)\n    except ValueError as e:\n        return e\n\nfirst = catch(\"bad\\nnews\")\n\
             first.add_note(\"a note\\nof two lines\")\ninner = ExceptionGroup(\"inner\", [first, \
             catch(\"worse\")])\nraise ExceptionGroup(\"outer\", [inner] + [KeyError(i) for i in \
             range(16)])\n",
        );
        let frames = || vec![at("catch", (6, 6, 8, 21)), at("fail", (2, 2, 4, 29))];
        let first = message(TypeId::ValueError, "bad\nnews", frames());
        first
            .add_note(Value::str("a note\nof two lines"))
            .expect("notes are a list");
        let inner = exception_group(
            "inner",
            vec![first, message(TypeId::ValueError, "worse", frames())],
        );
        let mut members = vec![inner];
        members.extend((0..16).map(|i| raised(TypeId::KeyError, vec![Value::Int(i)], Vec::new())));
        let outer = exception_group("outer", members);
        *outer.traceback.borrow_mut() = vec![at("<module>", (13, 13, 0, 73))];
        let keys: String = (0..14)
            .map(|i| {
                format!(
                    "    +---------------- {} ----------------\n    | KeyError: {i}\n",
                    i + 2
                )
            })
            .collect();
        let member = |message: &str, source_suffix: &str, caret_line: &str| {
            format!(
                "      | Traceback (most recent call last):\n      |   File \"prog.py\", line 6, in catch\n      \
                 |     fail(message)\n      |   File \"prog.py\", line 2, in fail\n      |     raise \
                 ValueError(message){source_suffix}\n{caret_line}      | ValueError: {message}\n"
            )
        };
        let expected = |first: String, second: String| {
            format!(
                "  + Exception Group Traceback (most recent call last):\n  |   File \"prog.py\", line 13, in \
                 <module>\n  |     raise ExceptionGroup(\"outer\", [inner] + [KeyError(i) for i in range(16)])\n  \
                 | ExceptionGroup: outer (17 sub-exceptions)\n  +-+---------------- 1 ----------------\n    \
                 | ExceptionGroup: inner (2 sub-exceptions)\n    +-+---------------- 1 ----------------\n\
                 {first}      | a note\n      | of two lines\n      +---------------- 2 ----------------\n\
                 {second}      +------------------------------------\n{keys}    +---------------- ... \
                 ----------------\n    | and 2 more exceptions\n    +------------------------------------\n"
            )
        };
        let carets = "      |     ^^^^^^^^^^^^^^^^^^^^^^^^^\n";
        assert_eq!(
            format_exception(&outer, &source),
            expected(
                member("bad\nnews", "   ", carets),
                member("worse", "   ", carets)
            )
        );
        assert_eq!(
            format_logged_exception("m", &outer, &source),
            format!(
                "m\n{}",
                expected(member("bad\n      | news", "", ""), member("worse", "", ""))
            )
        );
    }

    #[test]
    fn errors_caught_by_the_loop_have_a_traceback_header() {
        // `loop.call_soon(int, "x")`: raised in library code only.
        let e = message(
            TypeId::ValueError,
            "invalid literal for int() with base 10: 'x'",
            Vec::new(),
        );
        assert_eq!(
            format_logged_exception("Exception in callback int('x')\nhandle: <Handle int('x')>", &e, &[]),
            "Exception in callback int('x')\nhandle: <Handle int('x')>\nTraceback (most recent call \
             last):\nValueError: invalid literal for int() with base 10: 'x'\n"
        );
        let timeout = raised(TypeId::TimeoutError, Vec::new(), Vec::new());
        assert_eq!(
            format_never_retrieved(
                "<Task finished name='Task-2' coro=<wait_for()>>",
                &timeout,
                &[]
            ),
            "Task exception was never retrieved\nfuture: <Task finished name='Task-2' \
             coro=<wait_for()>>\nTraceback (most recent call last):\nTimeoutError\n"
        );
    }

    #[test]
    fn repeated_frames_in_a_group_lose_their_margin_only_in_the_excepthook() {
        let source = lines(
            "def f(n):\n    if n == 10: raise ValueError\n    return f(n+1)\ndef h():\n    try:\n        \
             f(0)\n    except Exception as e:\n        return e\nraise ExceptionGroup('g', [h()])\n",
        );
        let mut frames = vec![at("h", (6, 6, 8, 12))];
        frames.extend((0..10).map(|_| at("f", (3, 3, 11, 17))));
        frames.push(at("f", (2, 2, 16, 32)));
        let member = raised(TypeId::ValueError, Vec::new(), frames);
        let group = exception_group("g", vec![member]);
        *group.traceback.borrow_mut() = vec![at("<module>", (9, 9, 0, 32))];
        let expected = |repeated: &str| {
            let recursion = "    |   File \"prog.py\", line 3, in f\n    |     return f(n+1)\n    |            \
                             ^^^^^^\n"
                .repeat(3);
            format!(
                "  + Exception Group Traceback (most recent call last):\n  |   File \"prog.py\", line 9, in \
                 <module>\n  |     raise ExceptionGroup('g', [h()])\n  | ExceptionGroup: g (1 \
                 sub-exception)\n  +-+---------------- 1 ----------------\n    | Traceback (most recent call \
                 last):\n    |   File \"prog.py\", line 6, in h\n    |     f(0)\n{recursion}{repeated}  \
                 [Previous line repeated 7 more times]\n    |   File \"prog.py\", line 2, in f\n    |     if n \
                 == 10: raise ValueError\n    |                 ^^^^^^^^^^^^^^^^\n    | ValueError\n    \
                 +------------------------------------\n"
            )
        };
        assert_eq!(format_exception(&group, &source), expected(""));
        assert_eq!(
            format_logged_exception("m", &group, &source),
            format!("m\n{}", expected("    | "))
        );
    }

    #[test]
    fn library_frames_are_hidden_but_keep_the_header() {
        let source = lines("import asyncio\n\nasync def main():\n    await asyncio.wait_for(asyncio.sleep(5), 1)\n");
        let cancelled = raised(TypeId::CancelledError, Vec::new(), Vec::new());
        mark_raised_in_library(&cancelled);
        let timeout = raised(
            TypeId::TimeoutError,
            Vec::new(),
            vec![at("main", (4, 4, 4, 47))],
        );
        *timeout.cause.borrow_mut() = Some(cancelled);
        timeout.suppress_context.set(true);
        mark_raised_in_library(&timeout);
        assert_eq!(
            format_exception(&timeout, &source),
            "Traceback (most recent call last):\nasyncio.exceptions.CancelledError\n\nThe above exception \
             was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  \
             File \"prog.py\", line 4, in main\n    await asyncio.wait_for(asyncio.sleep(5), \
             1)\nTimeoutError\n"
        );
    }

    #[test]
    fn group_depth_is_limited() {
        let mut e = raised(TypeId::ValueError, vec![Value::Int(0)], Vec::new());
        for depth in 0..12 {
            e = exception_group(&format!("d{depth}"), vec![e]);
        }
        let mut expected = String::new();
        for (level, depth) in (2..12).rev().enumerate() {
            let indent = "  ".repeat(level + 1);
            expected.push_str(&format!(
                "{indent}| ExceptionGroup: d{depth} (1 sub-exception)\n"
            ));
            expected.push_str(&format!("{indent}+-+---------------- 1 ----------------\n"));
        }
        let indent = " ".repeat(22);
        expected.push_str(&format!("{indent}| ... (max_group_depth is 10)\n"));
        expected.push_str(&format!("{indent}+------------------------------------\n"));
        assert_eq!(format_exception(&e, &[]), expected);
    }

    #[test]
    fn never_awaited_warning() {
        let source = lines("async def work():\n    pass\n\nif True:\n    work()\n");
        assert_eq!(
            format_warning_never_awaited("prog.py", 5, &source, "work"),
            "prog.py:5: RuntimeWarning: coroutine 'work' was never awaited\n  work()\n\
             RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
        );
        assert_eq!(
            format_warning_never_awaited_at_exit("C.work"),
            "sys:1: RuntimeWarning: coroutine 'C.work' was never awaited\n"
        );
    }
}
