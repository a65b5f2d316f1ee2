//! `compile(source, filename, 'single')`: CPython's interactive mode takes
//! exactly one statement (simple statements joined by `;` count as one).
//! What its tokenizer and parser refuse in a source that parses as a module,
//! with the locations they give.

use loopscope_syntax::ast::{Module, Stmt, StmtKind};

/// A `SyntaxError` of the 'single' mode: its message and location.
pub(super) struct Refusal {
    pub message: &'static str,
    pub lineno: i64,
    pub offset: i64,
    pub text: String,
    pub end_offset: i64,
}

fn is_compound(s: &Stmt) -> bool {
    matches!(
        s.kind,
        StmtKind::FunctionDef(_)
            | StmtKind::ClassDef(_)
            | StmtKind::If { .. }
            | StmtKind::While { .. }
            | StmtKind::For { .. }
            | StmtKind::Try { .. }
            | StmtKind::TryStar { .. }
            | StmtKind::With { .. }
            | StmtKind::Match { .. }
    )
}

/// The first line of a clause: `if …:`, `else:`, `def …`, `@decorator`...
fn opens_clause(line: &str) -> bool {
    const KEYWORDS: [&str; 15] = [
        "if", "elif", "else", "for", "while", "def", "class", "with", "try", "except", "finally",
        "async", "match", "case", "@",
    ];
    let line = line.trim_start();
    KEYWORDS.iter().any(|k| {
        line.strip_prefix(k).is_some_and(|rest| {
            *k == "@" || !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_')
        })
    })
}

/// Checks `module`, parsed from `source`, as CPython's 'single' mode does.
pub(super) fn check_single(source: &str, module: &Module) -> Result<(), Refusal> {
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    let line_text = |n: u32| lines.get(n as usize - 1).copied().unwrap_or("").to_string();
    let Some(first) = module.body.first() else {
        // Nothing but blank lines and comments: the end of the input where
        // a statement should be.
        return Err(Refusal {
            message: "invalid syntax",
            lineno: lines.len() as i64,
            offset: 0,
            text: lines.last().copied().unwrap_or("").to_string(),
            end_offset: 0,
        });
    };
    if is_compound(first) {
        if let Some(next) = module.body.get(1) {
            let line = line_text(next.span.start.line);
            let start = next.span.start.col as usize;
            let token = line
                .chars()
                .skip(start)
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .count()
                .max(1);
            return Err(Refusal {
                message: "invalid syntax",
                lineno: i64::from(next.span.start.line),
                offset: start as i64 + 1,
                text: line,
                end_offset: (start + token) as i64 + 1,
            });
        }
        // A clause whose body is on its own line, last in a source without
        // a final line break, is cut short by the end of the input.
        let last = lines.last().copied().unwrap_or("");
        if !source.ends_with('\n') && opens_clause(last) {
            return Err(Refusal {
                message: "invalid syntax",
                lineno: lines.len() as i64,
                offset: 0,
                text: last.to_string(),
                end_offset: 0,
            });
        }
        return Ok(());
    }
    // Simple statements continue the first's logical line while each
    // starts on the line where the one before it ends.
    let mut end = first.span.end;
    for s in &module.body[1..] {
        if s.span.start.line != end.line {
            return Err(multiple_statements(
                &line_text(end.line),
                end.col as usize,
                end.line,
            ));
        }
        end = s.span.end;
    }
    Ok(())
}

/// "multiple statements found": the first statement ends at column `col` of
/// `line` (line number `lineno`), and more follows.
fn multiple_statements(line: &str, col: usize, lineno: u32) -> Refusal {
    let chars: Vec<char> = line.chars().collect();
    let newline = chars.iter().position(|&c| c == '\n').unwrap_or(chars.len());
    let mut at = col;
    while at < newline && matches!(chars[at], ' ' | '\t' | '\x0c' | ';') {
        at += 1;
    }
    // The NEWLINE token starts at a trailing comment, else at the break.
    let start = if chars.get(at) == Some(&'#') {
        at
    } else {
        newline
    };
    Refusal {
        message: "multiple statements found while compiling a single statement",
        lineno: i64::from(lineno),
        offset: start as i64 + 1,
        text: line.to_string(),
        end_offset: newline as i64 + 1,
    }
}

/// For a source that does not parse as a module: CPython's interactive
/// parser stops after the first statement when it is a simple one, so what
/// follows its line is never tokenized (an unexpected indent there is not
/// seen) and the refusal is "multiple statements found". `None` when the
/// source does not start with whole lines of simple statements followed by
/// more code: the module parser's error stands.
pub(super) fn single_statement_then_more(source: &str) -> Option<Refusal> {
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    let mut prefix_len = 0;
    for (taken, line) in lines.iter().enumerate() {
        prefix_len += line.len();
        if !line.ends_with('\n') {
            return None;
        }
        let Ok(module) = loopscope_syntax::parse(&source[..prefix_len]) else {
            continue;
        };
        // Blank lines and comments before the statement yield no token.
        let (Some(first), Some(last)) = (module.body.first(), module.body.last()) else {
            continue;
        };
        if is_compound(first)
            || module
                .body
                .iter()
                .any(|s| s.span.start.line != first.span.start.line)
        {
            return None;
        }
        let rest_has_code = lines[taken + 1..].iter().any(|l| {
            let code = l.trim_start_matches([' ', '\t', '\n', '\x0c']);
            !code.is_empty() && !code.starts_with('#')
        });
        if !rest_has_code {
            return None;
        }
        let end = last.span.end;
        return Some(multiple_statements(
            lines[end.line as usize - 1],
            end.col as usize,
            end.line,
        ));
    }
    None
}
