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
//! compared after dropping the frames of other files, so the two agree.

use std::collections::HashSet;
use std::rc::Rc;

use loopscope_syntax::ast::{ExprKind, Span, StmtKind};

use crate::exceptions::{Exception, TracebackEntry};
use crate::trace::Stream;
use crate::types::TypeId;
use crate::value::ExcRef;
use crate::vm::Vm;
use crate::warnings::Notice;

const CAUSE_MESSAGE: &str = "The above exception was the direct cause of the following exception:";
const CONTEXT_MESSAGE: &str = "During handling of the above exception, another exception occurred:";
/// Identical consecutive frames shown before "[Previous line repeated ...]".
const RECURSIVE_CUTOFF: usize = 3;
/// The C printer shows only the innermost 1000 frames (`sys.tracebacklimit`).
const EXCEPTHOOK_FRAME_LIMIT: usize = 1000;
/// Members of a group shown before "and N more exceptions".
const MAX_GROUP_WIDTH: usize = 15;
/// Nesting of groups shown before "... (max_group_depth is 10)".
const MAX_GROUP_DEPTH: usize = 10;

/// The uncaught-exception report, as CPython's default `sys.excepthook`
/// prints it.
pub fn format_exception(e: &ExcRef, source_lines: &[String]) -> String {
    Printer::new(Style::Excepthook, source_lines).print(e)
}

/// An error report logged by asyncio's default exception handler:
/// `message` (possibly several lines), then the exception's traceback as
/// `logging` formats it.
pub fn format_logged_exception(message: &str, e: &ExcRef, source_lines: &[String]) -> String {
    let traceback = Printer::new(Style::Logging, source_lines).print(e);
    format!("{message}\n{traceback}")
}

/// What asyncio logs when a task or future holding an exception nobody
/// retrieved is destroyed; `describe` is the future's repr.
pub fn format_never_retrieved(describe: &str, e: &ExcRef, source_lines: &[String]) -> String {
    let message = format!("Task exception was never retrieved\nfuture: {describe}");
    format_logged_exception(&message, e, source_lines)
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
    out: String,
    /// Exceptions already printed (chains may form cycles).
    seen: HashSet<*const Exception>,
    group_depth: usize,
    /// Whether the innermost open group box still needs its closing line.
    need_close: bool,
}

impl<'a> Printer<'a> {
    fn new(style: Style, source_lines: &'a [String]) -> Printer<'a> {
        Printer {
            style,
            source_lines,
            out: String::new(),
            seen: HashSet::new(),
            group_depth: 0,
            need_close: false,
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

    /// An exception preceded by its chain.
    fn exception(&mut self, e: &ExcRef) {
        self.chain_of(e);
        if e.is(TypeId::BaseExceptionGroup) {
            self.group(e);
        } else {
            self.single(e, "Traceback (most recent call last):");
        }
    }

    /// The exception `e` was raised from or while handling, if not yet shown.
    fn chain_of(&mut self, e: &ExcRef) {
        self.seen.insert(Rc::as_ptr(e));
        let cause = e.cause.borrow().clone();
        if let Some(cause) = cause {
            if !self.seen.contains(&Rc::as_ptr(&cause)) {
                self.chained(&cause, CAUSE_MESSAGE);
            }
            return;
        }
        if e.suppress_context.get() {
            return;
        }
        let context = e.context.borrow().clone();
        if let Some(context) = context {
            if !self.seen.contains(&Rc::as_ptr(&context)) {
                self.chained(&context, CONTEXT_MESSAGE);
            }
        }
    }

    fn chained(&mut self, e: &ExcRef, message: &str) {
        let need_close = self.need_close;
        self.exception(e);
        self.need_close = need_close;
        self.emit("");
        self.emit(message);
        self.emit("");
    }

    /// Traceback, `Type: message` line and notes of one exception.
    fn single(&mut self, e: &Exception, header: &str) {
        let entries = e.traceback.borrow().clone();
        if !entries.is_empty() {
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
        for note in e.notes.borrow().iter() {
            for line in note.split('\n') {
                self.emit(line);
            }
        }
    }

    fn message(&mut self, e: &Exception) {
        let name = e.typ.qualified_name();
        let text = crate::repr::exception_str(e)
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
        for entry in entries {
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
/// the span covers the whole source line. Columns count characters.
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
    // Column `offset` of the line is at position `offset - (leading - 4)`
    // of the printed line (4 spaces of indent replace the leading ones).
    let carets: String = (leading - 3..=end)
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
    let (end, anchors) = if span.start.line == span.end.line {
        let end = span.end.col as isize;
        let anchors = segment(&chars, start, end).and_then(|segment| {
            Some(match parse_anchored(&segment)? {
                Anchored::BinOp {
                    left_end,
                    right_start,
                } => logging_operator_anchors(&segment, left_end, right_start),
                Anchored::Subscript {
                    value_end,
                    index_end,
                } => subscript_anchors(&segment, value_end, index_end),
            })
        });
        (end, anchors)
    } else {
        let trailing = chars
            .iter()
            .rev()
            .take_while(|&&c| is_python_space(c))
            .count();
        ((chars.len() - trailing) as isize, None)
    };
    let has_secondary = matches!(anchors, Some((left, right)) if right > left);
    if end - start >= stripped_len && !has_secondary {
        return None;
    }
    let width = (end - start).max(0) as usize;
    let mut carets = format!(
        "    {}",
        " ".repeat((start + 1 - stripped_characters).max(0) as usize)
    );
    match anchors {
        Some((left, right)) => {
            carets.push_str(&"~".repeat(left));
            carets.push_str(&"^".repeat(right.saturating_sub(left)));
            carets.push_str(&"~".repeat(width.saturating_sub(right)));
        }
        None => carets.push_str(&"^".repeat(width)),
    }
    Some(carets)
}

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

/// The operator of a binary operation, as `traceback.py` finds it (which
/// differs from the C printer after a closing parenthesis followed by a
/// blank).
fn logging_operator_anchors(
    segment: &[char],
    left_end: usize,
    right_start: usize,
) -> (usize, usize) {
    let between = &segment[left_end.min(segment.len())..right_start.min(segment.len())];
    let offset = between.iter().take_while(|&&c| is_python_space(c)).count();
    let mut left = left_end + offset;
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
    (left, right)
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
    pub(crate) fn report_notices(&mut self) {
        for notice in crate::warnings::take_pending() {
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
                    format_never_retrieved(&describe, &exc, &self.source_lines)
                }
            };
            self.write(Stream::Stderr, &text);
        }
    }
}
