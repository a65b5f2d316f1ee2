//! Parse errors: what went wrong and where, rendered like CPython.
//!
//! A [`Diagnostic`] is either a real syntax error (CPython would reject the
//! program too, with the same message where we know it) or a note that the
//! program is valid Python using something Loopscope cannot run yet; the
//! latter messages all come from [`Unsupported`], the one list of such
//! constructs.

use std::fmt;

use crate::ast::Span;
use crate::error_text::{located_error_text, ErrorLocation};

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
    /// The location CPython gives a program's error ([`SourceMode::File`])
    /// shown by the renderer every located `SyntaxError` goes through
    /// ([`located_error_text`]).
    pub fn render(&self, source: &str, filename: &str) -> String {
        let name = self.exception_name();
        let location = self.location(Some(source), SourceMode::File);
        let mut out = located_error_text(filename, &location, name == "SyntaxError");
        out.push_str(name);
        out.push_str(": ");
        out.push_str(&self.message);
        out.push('\n');
        out
    }

    /// The location fields (`lineno`, `offset`, `text`, `end_lineno`,
    /// `end_offset`) of the `SyntaxError` CPython raises for this error in
    /// `source` read in `mode`. No source means the compiler's error after
    /// parsing (`'return' outside function`), which CPython cannot quote from
    /// a string.
    pub fn location(&self, source: Option<&str>, mode: SourceMode) -> ErrorLocation {
        let line_number = self.span.start.line;
        let never_closed = self.message.ends_with("was never closed");
        let tab_error = self.exception_name() == "TabError";
        let mut offset = i64::from(self.span.start.col) + 1;
        // The tokenizer's indentation errors end at -1 (a TabError at 0); the
        // parser's "expected an indented block" has a range like any error.
        let (mut end_line, mut end_offset) = if tab_error
            || never_closed
            || self.message == "unexpected character after line continuation character"
        {
            (line_number, 0)
        } else if self.kind == DiagnosticKind::Indentation
            && !self.message.starts_with("expected an")
        {
            (line_number, -1)
        } else {
            (
                self.span.end.line.max(line_number),
                i64::from(self.span.end.col) + 1,
            )
        };
        let text = match (mode, source) {
            (_, None) => None,
            (SourceMode::File, Some(source)) => source_line(source, line_number),
            (_, Some(source)) => {
                // A string's lines as the tokenizer holds them; 'exec' ends the
                // source with a line break.
                let source = match mode {
                    SourceMode::Exec if !source.ends_with('\n') => format!("{source}\n"),
                    _ => source.to_string(),
                };
                let lines: Vec<&str> = source.split_inclusive('\n').collect();
                let line = lines.get(line_number.saturating_sub(1) as usize).copied();
                // The tokenizer's own errors, and an error seen once it has
                // left its line (a range ending on a later line, a bracket
                // never closed before the last line), quote the line without
                // its break.
                let left_line = self.raised_by_tokenizer()
                    || end_line > line_number
                    || (never_closed && (line_number as usize) < lines.len());
                line.map(|l| {
                    if left_line {
                        l.strip_suffix('\n').unwrap_or(l).to_string()
                    } else {
                        l.to_string()
                    }
                })
            }
        };
        // An error at the end of an 'eval' source without a line break is
        // reported at offset 0, where CPython's tokenizer puts the end marker.
        if let (SourceMode::Eval, Some(source), Some(line)) = (mode, source, &text) {
            if !source.ends_with('\n') && offset > line.chars().count() as i64 {
                offset = 0;
                end_offset = 0;
            }
        }
        if end_offset == 0 && offset != 0 {
            end_line = line_number;
        }
        // A string's range onto a later line ends at most one past the end of
        // the quoted line (CPython measures the end against that line).
        if let (true, Some(line)) = (mode != SourceMode::File && end_line > line_number, &text) {
            end_offset = end_offset.min(line.chars().count() as i64 + 1);
        }
        ErrorLocation {
            lineno: i64::from(line_number),
            offset,
            text,
            end_lineno: i64::from(end_line),
            end_offset,
        }
    }
}

/// The messages of CPython's tokenizer's own `syntaxerror()`, whose quoted
/// line never has its line break.
const TOKENIZER_ERRORS: [&str; 11] = [
    "invalid character",
    "invalid non-printable character",
    "unmatched '",
    "closing parenthesis",
    "unterminated string literal",
    "unterminated triple-quoted string literal",
    "too many nested parentheses",
    "leading zeros in decimal integer literals",
    "invalid decimal literal",
    "invalid hexadecimal literal",
    "invalid digit",
];

impl Diagnostic {
    fn raised_by_tokenizer(&self) -> bool {
        TOKENIZER_ERRORS.iter().any(|m| self.message.starts_with(m))
            || matches!(
                self.message.as_str(),
                "invalid octal literal" | "invalid binary literal"
            )
    }
}

/// How the parsed source reached CPython, which decides details of the
/// `SyntaxError`'s location: a program read from its file, or a string given
/// to `compile()` (`exec`/`single` modes) or `eval()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceMode {
    File,
    Exec,
    Eval,
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
