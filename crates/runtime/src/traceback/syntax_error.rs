//! How a `SyntaxError` that knows where it is (the one `eval`, `exec` and
//! `compile` raise, or one made with a location tuple) ends a traceback: as
//! CPython's `print_exception` writes it, the file and line, the line's text
//! without its leading blanks and a caret line, then `SyntaxError: msg` (the
//! message alone, not `str()` of the exception).

use crate::object::types::TypeId;
use crate::object::value::{ExcRef, Value};

/// The lines that stand for `e`'s `Type: message` line when `e` is a
/// SyntaxError with a location tuple `(filename, lineno, offset, text,
/// end_lineno, end_offset)` and a str message; None otherwise.
pub(super) fn located_lines(e: &ExcRef, name: &str) -> Option<Vec<String>> {
    if !e.is(TypeId::SyntaxError) {
        return None;
    }
    let args = e.args.borrow();
    let [Value::Str(message), Value::Tuple(location)] = &args[..] else {
        return None;
    };
    let field = |i: usize| location.get(i).cloned().unwrap_or(Value::None);
    let Value::Str(filename) = field(0) else {
        return None;
    };
    let line = match field(1) {
        Value::Int(n) => n,
        _ => return None,
    };
    let mut out = vec![format!("  File \"{filename}\", line {line}")];
    if let Value::Str(text) = field(3) {
        let offset = match field(2) {
            Value::Int(n) => n,
            _ => 0,
        };
        let end_offset = match field(5) {
            Value::Int(n) => n,
            _ => offset,
        };
        out.extend(error_text(&text, offset, end_offset));
    }
    out.push(format!("{name}: {message}"));
    Some(out)
}

/// CPython's `print_error_text`: the text without its leading blanks (and
/// without the lines before the one the offset falls in), and carets from
/// `offset` to `end_offset` (1-based), none when the offset falls left of
/// the text.
fn error_text(text: &str, offset: i64, end_offset: i64) -> Vec<String> {
    let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
    let mut column = offset - 1 - (text.chars().count() - stripped.chars().count()) as i64;
    let mut end_column = end_offset - 1 - (text.chars().count() - stripped.chars().count()) as i64;
    let mut shown = stripped;
    let length = shown.strip_suffix('\n').unwrap_or(shown).chars().count() as i64;
    column = column.min(length);
    // Skip the lines of a multi-line text before the one the column is in.
    while let Some(newline) = shown.find('\n') {
        let before = shown[..newline].chars().count() as i64;
        if before >= column {
            break;
        }
        shown = &shown[newline + 1..];
        column -= before + 1;
        end_column -= before + 1;
    }
    let mut out = vec![format!("    {}", shown.strip_suffix('\n').unwrap_or(shown))];
    if column >= 0 {
        let carets = if end_column > column {
            end_column - column
        } else {
            1
        };
        out.push(format!(
            "    {}{}",
            " ".repeat(column as usize),
            "^".repeat(carets as usize)
        ));
    }
    out
}
