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
            let line = line_text(end.line);
            let chars: Vec<char> = line.chars().collect();
            let newline = chars.iter().position(|&c| c == '\n').unwrap_or(chars.len());
            let mut at = end.col as usize;
            while at < newline && matches!(chars[at], ' ' | '\t' | '\x0c' | ';') {
                at += 1;
            }
            // The NEWLINE token starts at a trailing comment, else at the break.
            let start = if chars.get(at) == Some(&'#') {
                at
            } else {
                newline
            };
            return Err(Refusal {
                message: "multiple statements found while compiling a single statement",
                lineno: i64::from(end.line),
                offset: start as i64 + 1,
                text: line,
                end_offset: newline as i64 + 1,
            });
        }
        end = s.span.end;
    }
    Ok(())
}
