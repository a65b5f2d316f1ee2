//! How CPython 3.11's `print_exception` shows a `SyntaxError` that knows
//! where it is, the one renderer of both a program's own syntax error
//! ([`crate::Diagnostic::render`]) and one raised at run time by `compile()`,
//! `exec()`, `eval()` or `raise SyntaxError(msg, (...))` (the runtime's
//! traceback): the file and line, then `print_error_text`'s quoted line and
//! carets. Offsets count as CPython counts them: the offset in characters,
//! the line's length in UTF-8 bytes.

/// The location fields of a `SyntaxError`: `lineno`, `offset` (1-based;
/// -1 for None), `text`, `end_lineno` and `end_offset` (-1 for None).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorLocation {
    pub lineno: i64,
    pub offset: i64,
    pub text: Option<String>,
    pub end_lineno: i64,
    pub end_offset: i64,
}

/// The lines `print_exception` writes for a located `SyntaxError` before
/// its `Name: message` line, each ending in `\n`. `exact` says the class is
/// `SyntaxError` itself: its subclasses (`IndentationError`, `TabError`)
/// never get a range of carets, whatever their `end_offset`.
pub fn located_error_text(filename: &str, location: &ErrorLocation, exact: bool) -> String {
    let mut out = format!("  File \"{filename}\", line {}\n", location.lineno);
    if let Some(text) = &location.text {
        let mut end_offset = if exact { location.end_offset } else { -1 };
        let end_lineno = if exact {
            location.end_lineno
        } else {
            location.lineno
        };
        let line_size = text.len() as i64;
        // A range running onto later lines is underlined to this line's end.
        if end_lineno > location.lineno {
            end_offset = line_size;
        }
        end_offset = end_offset.min(line_size + 1);
        out.push_str(&print_error_text(text, location.offset, end_offset));
    }
    out
}

/// CPython's `print_error_text`: `text` without its leading blanks (and
/// without the lines of a multi-line text before the one the offset falls
/// in), and a caret line from `offset` to `end_offset` (1-based), none when
/// the offset falls left of the shown text.
fn print_error_text(text: &str, offset: i64, end_offset: i64) -> String {
    let carets = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    let mut offset = offset - 1;
    let mut shown = text;
    while let Some(rest) = shown.strip_prefix([' ', '\t', '\x0c']) {
        shown = rest;
        offset -= 1;
    }
    let len = shown.strip_suffix('\n').unwrap_or(shown).len() as i64;
    offset = offset.min(len);
    while let Some(newline) = shown.find('\n') {
        let before = newline as i64;
        if before >= offset {
            break;
        }
        shown = &shown[newline + 1..];
        offset -= before + 1;
    }
    let mut out = format!("    {shown}");
    if !shown.ends_with('\n') {
        out.push('\n');
    }
    if offset >= 0 {
        out.push_str("    ");
        out.extend(std::iter::repeat_n(' ', offset as usize));
        out.extend(std::iter::repeat_n('^', carets as usize));
        out.push('\n');
    }
    out
}
