//! The lines where the program creates a task and drops it: a statement that is only a
//! `create_task(...)` or `ensure_future(...)` call, whose task nothing keeps (the dropped-task
//! pitfall). A fact of the source, not of the trace, so it needs the parser: the page's
//! engine worker finds these lines (its wasm has the parser, the app's has not) and sends
//! them with the run; native callers get them through [`crate::Timeline::new`].

use loopscope_syntax::ast::{Expr, ExprKind, Stmt, StmtKind};

/// Lines of statements that call `create_task` / `ensure_future` and drop the result (none
/// for a program that does not parse).
pub fn dropped_task_lines(source: &str) -> Vec<u32> {
    let Ok(module) = loopscope_syntax::parse(source) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    collect_dropped(&module.body, &mut lines);
    lines
}

fn collect_dropped(body: &[Stmt], lines: &mut Vec<u32>) {
    for stmt in body {
        match &stmt.kind {
            StmtKind::Expr(expr) if creates_task(expr) => lines.push(stmt.span.start.line),
            StmtKind::FunctionDef(def) => collect_dropped(&def.body, lines),
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => {
                collect_dropped(body, lines);
                collect_dropped(orelse, lines);
            }
            StmtKind::With { body, .. } => collect_dropped(body, lines),
            StmtKind::Match { cases, .. } => {
                for case in cases {
                    collect_dropped(&case.body, lines);
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                collect_dropped(body, lines);
                for handler in handlers {
                    collect_dropped(&handler.body, lines);
                }
                collect_dropped(orelse, lines);
                collect_dropped(finalbody, lines);
            }
            _ => {}
        }
    }
}

fn creates_task(expr: &Expr) -> bool {
    let ExprKind::Call { func, .. } = &expr.kind else {
        return false;
    };
    match &func.kind {
        ExprKind::Attribute { attr, .. } => attr == "create_task" || attr == "ensure_future",
        ExprKind::Name(name) => name == "create_task" || name == "ensure_future",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_tasks_are_statements_that_discard_create_task() {
        let source = "import asyncio\nasync def main():\n    asyncio.create_task(f())\n    t = asyncio.create_task(f())\n    if x:\n        loop.create_task(g())\n    await asyncio.create_task(f())\n";
        assert_eq!(dropped_task_lines(source), [3, 6]);
        assert!(dropped_task_lines("def (").is_empty());
    }

    #[test]
    fn dropped_tasks_inside_match_cases_count() {
        let source = "async def main(m):\n    match m:\n        case 1:\n            asyncio.create_task(f())\n        case _:\n            t = asyncio.create_task(f())\n";
        assert_eq!(dropped_task_lines(source), [4]);
    }
}
