//! How a `SyntaxError` that knows where it is (the one `eval`, `exec` and
//! `compile` raise, or one made with a location tuple) ends a traceback: its
//! location fields read as CPython's `parse_syntax_error` reads them, then the
//! syntax crate's renderer, the one a program's own syntax error goes through
//! (`loopscope_syntax::error_text`), then `Name: msg` (the message alone, not
//! `str()` of the exception).

use loopscope_syntax::error_text::{located_error_text, ErrorLocation};

use crate::object::types::{TypeId, TypeRef};
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
    let Value::Int(lineno) = field(1) else {
        return None;
    };
    let int_or = |i: usize, default: i64| match field(i) {
        Value::Int(n) => n,
        _ => default,
    };
    let location = ErrorLocation {
        lineno,
        offset: int_or(2, -1),
        text: match field(3) {
            Value::Str(text) => Some(text.to_string()),
            _ => None,
        },
        end_lineno: int_or(4, lineno),
        end_offset: int_or(5, -1),
    };
    let exact = matches!(e.class, TypeRef::Builtin(TypeId::SyntaxError));
    let text = located_error_text(&filename, &location, exact);
    let mut out: Vec<String> = text.lines().map(str::to_string).collect();
    out.push(format!("{name}: {message}"));
    Some(out)
}
