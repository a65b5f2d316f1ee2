//! Parse errors: what went wrong and where, rendered like CPython.
//!
//! A [`Diagnostic`] is either a real syntax error (CPython would reject the
//! program too, with the same message where we know it) or a note that the
//! program is valid Python using something Loopscope cannot run yet; the
//! latter messages all come from [`Unsupported`], the one list of such
//! constructs.

use std::fmt;

use crate::ast::Span;

/// The class of a parse failure; decides the exception name shown and the
/// CLI's exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiagnosticKind {
    /// Ordinary `SyntaxError`.
    Syntax,
    /// `IndentationError` (unexpected/expected/unindent mismatch), or its
    /// subclass `TabError` (see [`Diagnostic::exception_name`]).
    Indentation,
    /// Valid Python that Loopscope does not run yet (complex numbers, ...).
    Unsupported,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    pub message: String,
    /// Where the problem is; `span.start` is where the caret goes. The
    /// carets cover `span` when it ends later on the same line (only for
    /// `SyntaxError`s, like CPython); a span ending on a later line is
    /// underlined to the end of its first line.
    pub span: Span,
}

/// Valid Python that Loopscope rejects for now. Every "not supported"
/// message comes from here so the list stays in one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsupported {
    NamedUnicodeEscape,
    SurrogateEscape,
}

impl Unsupported {
    pub fn message(self) -> &'static str {
        match self {
            Unsupported::NamedUnicodeEscape => "`\\N{...}` escapes are not supported yet",
            Unsupported::SurrogateEscape => {
                "lone surrogates (`\\ud800`-`\\udfff` escapes) are not supported yet"
            }
        }
    }
}

/// CPython's message for mixed tabs and spaces; the error it belongs to is a
/// `TabError`, the one `IndentationError` subclass we produce.
pub(crate) const TAB_ERROR_MESSAGE: &str = "inconsistent use of tabs and spaces in indentation";

impl Diagnostic {
    pub(crate) fn syntax(message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            kind: DiagnosticKind::Syntax,
            message: message.into(),
            span,
        }
    }

    pub(crate) fn indentation(message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            kind: DiagnosticKind::Indentation,
            message: message.into(),
            span,
        }
    }

    pub(crate) fn unsupported(what: Unsupported, span: Span) -> Diagnostic {
        Diagnostic {
            kind: DiagnosticKind::Unsupported,
            message: what.message().to_string(),
            span,
        }
    }

    /// The Python exception class CPython would raise (`Unsupported` shows
    /// as `SyntaxError` too, with our message).
    pub fn exception_name(&self) -> &'static str {
        match self.kind {
            DiagnosticKind::Indentation if self.message == TAB_ERROR_MESSAGE => "TabError",
            DiagnosticKind::Indentation => "IndentationError",
            DiagnosticKind::Syntax | DiagnosticKind::Unsupported => "SyntaxError",
        }
    }

    /// The error as `python3 prog.py` prints it:
    ///
    /// ```text
    ///   File "prog.py", line 3
    ///     x = (1 +
    ///         ^
    /// SyntaxError: '(' was never closed
    /// ```
    ///
    /// Follows CPython 3.11's `print_exception`: the source line is shown
    /// without its leading blanks, the caret column shifts with it, and a
    /// `SyntaxError` (not its subclasses) gets one caret per column of its
    /// range.
    pub fn render(&self, source: &str, filename: &str) -> String {
        let line_number = self.span.start.line;
        let mut out = format!("  File \"{filename}\", line {line_number}\n");
        if let Some(text) = source_line(source, line_number) {
            out.push_str(&self.render_source_line(&text));
        }
        out.push_str(self.exception_name());
        out.push_str(": ");
        out.push_str(&self.message);
        out.push('\n');
        out
    }

    /// The quoted line and its caret line. `text` is the whole source line,
    /// with its `\n` when it has one (CPython measures carets that run past
    /// the line against that, in UTF-8 bytes).
    fn render_source_line(&self, text: &str) -> String {
        // CPython's 1-based `offset` and `end_offset` (characters).
        let offset = i64::from(self.span.start.col) + 1;
        let end_offset = if self.kind == DiagnosticKind::Indentation {
            -1
        } else if self.span.end.line > self.span.start.line {
            text.len() as i64
        } else {
            (i64::from(self.span.end.col) + 1).min(text.len() as i64 + 1)
        };
        let carets = if end_offset > 0 && end_offset > offset {
            end_offset - offset
        } else {
            1
        };

        let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
        let mut caret_col = offset - 1 - (text.len() - stripped.len()) as i64;
        let shown = stripped.strip_suffix('\n').unwrap_or(stripped);
        caret_col = caret_col.min(shown.len() as i64);

        let mut out = format!("    {shown}\n");
        if caret_col >= 0 {
            out.push_str("    ");
            out.extend(std::iter::repeat_n(' ', caret_col as usize));
            out.extend(std::iter::repeat_n('^', carets as usize));
            out.push('\n');
        }
        out
    }
}

/// Line `line_number` (1-based) of `source` with its line terminator
/// normalised to `\n`, like CPython reading the file with universal newlines.
fn source_line(source: &str, line_number: u32) -> Option<String> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut rest = source;
    let mut current = 1;
    loop {
        let end = rest.find(['\n', '\r']);
        let (line, terminator_len) = match end {
            Some(i) if rest[i..].starts_with("\r\n") => (&rest[..i], 2),
            Some(i) => (&rest[..i], 1),
            None => (rest, 0),
        };
        if current == line_number {
            if line.is_empty() && terminator_len == 0 {
                return None;
            }
            let mut text = line.to_string();
            if terminator_len > 0 {
                text.push('\n');
            }
            return Some(text);
        }
        if terminator_len == 0 {
            return None;
        }
        rest = &rest[line.len() + terminator_len..];
        current += 1;
    }
}

impl fmt::Display for Diagnostic {
    /// `line:col: message`, with a 1-based column for humans.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}",
            self.span.start.line,
            self.span.start.col + 1,
            self.message
        )
    }
}

impl std::error::Error for Diagnostic {}
