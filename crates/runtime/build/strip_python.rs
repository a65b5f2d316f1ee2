//! Strips what only human readers need from the library's Python sources before they are
//! embedded (the page downloads every byte of them): docstrings and full-line comments.
//!
//! Every line keeps its number, so what the engine reports about library code (a task's
//! repr names the line its coroutine waits at) is unchanged: a docstring becomes `pass` on
//! its first line followed by as many empty lines as it spanned, a comment alone on its
//! line becomes an empty line. Comments after code stay (a warning may quote that line).
//! A docstring is a statement made of one plain string literal (no `f` or `b` prefix) that
//! opens the module or follows a line `def ...:` / `async def ...:` / `class ...:`; only
//! `__doc__` changes (None), which no library code reads.
//!
//! Built into `build.rs`, and tested over the whole library by `tests/stripped_library.rs`.

/// `source` without its docstrings and full-line comments, line for line.
pub fn strip(source: &str) -> String {
    let bytes = source.as_bytes();
    let mut out = String::with_capacity(source.len());
    // Where the text not yet copied to `out` starts.
    let mut copied = 0;
    let mut at = 0;
    let mut depth = 0usize;
    // At the start of a logical line (nothing but blanks and comments before on it).
    let mut line_start = true;
    // The first and last tokens of the current and previous logical lines.
    let mut first: Option<&str> = None;
    let mut last: Option<&str> = None;
    let mut opens_body = false;
    let mut first_statement = true;
    while at < bytes.len() {
        let byte = bytes[at];
        match byte {
            b'\n' => {
                if depth == 0 && first.is_some() {
                    opens_body =
                        matches!(first, Some("def" | "class" | "async")) && last == Some(":");
                    first_statement = false;
                    first = None;
                    last = None;
                    line_start = true;
                }
                at += 1;
            }
            b' ' | b'\t' | b'\x0c' | b'\r' => at += 1,
            b'\\' => at += 2, // a line continuation
            b'#' => {
                let end = source[at..].find('\n').map_or(source.len(), |n| at + n);
                let line_begins = source[..at].rfind('\n').map_or(0, |n| n + 1);
                if source[line_begins..at].trim().is_empty() && line_begins >= copied {
                    out.push_str(&source[copied..line_begins]);
                    copied = end;
                }
                at = end;
            }
            _ => {
                let (end, string) = token_end(source, at);
                let token = &source[at..end];
                if let Some(string) = string {
                    let docstring = line_start
                        && depth == 0
                        && (first_statement || opens_body)
                        && string.plain
                        && alone_on_its_line(source, end);
                    if docstring {
                        out.push_str(&source[copied..at]);
                        out.push_str("pass");
                        out.extend(std::iter::repeat_n('\n', token.matches('\n').count()));
                        copied = end;
                    }
                } else if matches!(token, "(" | "[" | "{") {
                    depth += 1;
                } else if matches!(token, ")" | "]" | "}") {
                    depth = depth.saturating_sub(1);
                }
                if depth == 0 || first.is_none() {
                    first.get_or_insert(token);
                }
                last = Some(token);
                line_start = false;
                at = end;
            }
        }
    }
    out.push_str(&source[copied..]);
    out
}

/// What a string literal token is.
struct StringToken {
    /// No `f` or `b` prefix: a docstring if it stands alone.
    plain: bool,
}

/// The end of the token at `at`, and whether it is a string literal. Names, numbers and
/// operators are told apart only as far as needed: a name directly followed by a quote is
/// a string's prefix.
fn token_end(source: &str, at: usize) -> (usize, Option<StringToken>) {
    let bytes = source.as_bytes();
    let mut end = at;
    if bytes[at].is_ascii_alphanumeric() || bytes[at] == b'_' || bytes[at] >= 0x80 {
        while end < bytes.len()
            && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_' || bytes[end] >= 0x80)
        {
            end += 1;
        }
        let prefix = &source[at..end];
        let is_prefix = prefix.len() <= 2
            && prefix
                .chars()
                .all(|c| matches!(c.to_ascii_lowercase(), 'r' | 'b' | 'u' | 'f'));
        if !(is_prefix && end < bytes.len() && matches!(bytes[end], b'"' | b'\'')) {
            return (end, None);
        }
    }
    if !matches!(bytes[end], b'"' | b'\'') {
        // An operator or other punctuation: one character is enough here.
        let width = source[at..].chars().next().map_or(1, char::len_utf8);
        return (at + width, None);
    }
    let prefix = source[at..end].to_ascii_lowercase();
    let quote = bytes[end];
    let triple = bytes[end..].starts_with(&[quote; 3]);
    let mut i = end + if triple { 3 } else { 1 };
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote && (!triple || bytes[i..].starts_with(&[quote; 3])) => {
                i += if triple { 3 } else { 1 };
                break;
            }
            // An unterminated single-quoted string: the compiler reports it, not this.
            b'\n' if !triple => break,
            _ => i += 1,
        }
    }
    let plain = !prefix.contains('f') && !prefix.contains('b');
    (i.min(bytes.len()), Some(StringToken { plain }))
}

/// Whether nothing but blanks or a comment follows `end` on its line.
fn alone_on_its_line(source: &str, end: usize) -> bool {
    let rest = source[end..].split('\n').next().unwrap_or_default();
    let rest = rest.trim_start_matches([' ', '\t', '\r']);
    rest.is_empty() || rest.starts_with('#')
}
