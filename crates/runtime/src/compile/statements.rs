//! Statements: the dispatch over statement kinds, and assignment targets
//! (plain, augmented, `del`).

use loopscope_syntax::ast::*;
use loopscope_syntax::Diagnostic;

use super::code::{CodeKind, Const, Instr};
use super::{err, CodeGen};

impl<'a> CodeGen<'a> {
    pub(super) fn stmt(&mut self, s: &'a Stmt) -> Result<(), Diagnostic> {
        self.set_span(s.span);
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.set_span(s.span);
                self.emit(if self.interactive {
                    Instr::PrintExpr
                } else {
                    Instr::Pop
                });
            }
            StmtKind::Match { subject, cases } => self.match_statement(subject, cases)?,
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Dup);
                    }
                    self.assign(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => self.ann_assign(s, target, annotation, value.as_ref())?,
            StmtKind::FunctionDef(f) => self.function_def(f)?,
            StmtKind::ClassDef(c) => self.class_def(c)?,
            StmtKind::Return(v) => {
                if !self.in_function() {
                    return Err(err("'return' outside function", s.span));
                }
                match v {
                    Some(_) if self.code.kind == CodeKind::AsyncGenerator => {
                        return Err(err("'return' with value in async generator", s.span));
                    }
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Const::None),
                }
                // CPython's location: a constant's own, else the statement's.
                let at = match v {
                    Some(v) if matches!(v.kind, ExprKind::Constant(_)) => v.span,
                    _ => s.span,
                };
                self.refuse_leaving_star_handler(0, at)?;
                self.set_span(s.span);
                self.unwind_blocks_for_return()?;
                self.set_span(s.span);
                self.emit(Instr::Return);
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                let jf = self.emit(Instr::PopJumpIfFalse(0));
                self.body(body)?;
                if orelse.is_empty() {
                    self.patch(jf);
                } else {
                    let jend = self.emit(Instr::Jump(0));
                    self.patch(jf);
                    self.body(orelse)?;
                    self.patch(jend);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.here();
                self.expr(test)?;
                let jf = self.emit(Instr::PopJumpIfFalse(0));
                self.loop_rest(start, jf, false, body, orelse, s.span)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    return self.async_for(target, iter, body, orelse, s.span);
                }
                self.iterable(iter)?;
                // CPython locates GET_ITER and FOR_ITER at the whole statement.
                self.set_span(s.span);
                self.emit(Instr::GetIter);
                let start = self.here();
                let fi = self.emit(Instr::ForIter(0));
                self.assign(target)?;
                self.loop_rest(start, fi, true, body, orelse, s.span)?;
            }
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(s.kind, StmtKind::Break);
                self.loop_exit(is_break, s.span)?;
            }
            StmtKind::Pass => {
                self.emit(Instr::Nop);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(body, handlers, orelse, finalbody, false)?,
            StmtKind::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(body, handlers, orelse, finalbody, true)?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_span(s.span);
                self.emit(Instr::Raise(n));
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                let jt = self.emit(Instr::PopJumpIfTrue(0));
                let raise_span = assert_raise_span(test, s.span);
                self.set_span(raise_span);
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.set_span(raise_span);
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.patch(jt);
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {
                self.emit(Instr::Nop);
            }
            StmtKind::Import(aliases) => {
                // CPython 3.11 locates every instruction of an import at the whole
                // statement, so its tracebacks show no carets under a failed name.
                self.set_span(s.span);
                for a in aliases {
                    let idx = self.name_index(&a.name);
                    self.emit(Instr::ImportName(idx));
                    match &a.asname {
                        Some(asname) => {
                            // `import a.b as c` binds the submodule.
                            for part in a.name.split('.').skip(1) {
                                let i = self.name_index(part);
                                self.emit(Instr::ImportFrom(i));
                                self.emit(Instr::Rot2);
                                self.emit(Instr::Pop);
                            }
                            self.store_name(asname);
                        }
                        None => {
                            let top = a.name.split('.').next().unwrap_or("");
                            self.store_name(top);
                        }
                    }
                }
            }
            StmtKind::ImportFrom { module, names } => {
                let idx = self.name_index(module);
                self.emit(Instr::ImportModule(idx));
                for a in names {
                    if a.name == "*" {
                        // CPython's symtable refuses it in any block but a module's.
                        if !self.table.scopes[self.scope].is_module {
                            return Err(err("import * only allowed at module level", a.span));
                        }
                        self.emit(Instr::ImportStar);
                        return Ok(());
                    }
                    let i = self.name_index(&a.name);
                    self.emit(Instr::ImportFrom(i));
                    self.store_name(a.asname.as_ref().unwrap_or(&a.name));
                }
                self.emit(Instr::Pop);
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.with_stmt(items, body, *is_async, s.span)?,
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
        }
        Ok(())
    }

    pub(super) fn aug_assign(
        &mut self,
        target: &'a Expr,
        op: BinOp,
        value: &'a Expr,
    ) -> Result<(), Diagnostic> {
        match &target.kind {
            ExprKind::Name(n) => {
                self.set_span(target.span);
                self.load_name(n);
                self.expr(value)?;
                self.set_span(target.span.to(value.span));
                self.emit(Instr::Inplace(op));
                self.store_name(n);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Instr::Dup);
                let i = self.attr_index(attr);
                self.emit(Instr::LoadAttr(i));
                self.expr(value)?;
                self.set_span(target.span.to(value.span));
                self.emit(Instr::Inplace(op));
                self.emit(Instr::Rot2);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Instr::Dup2);
                self.set_span(target.span);
                self.emit(Instr::Subscr);
                self.expr(value)?;
                self.set_span(target.span.to(value.span));
                self.emit(Instr::Inplace(op));
                self.emit(Instr::Rot3);
                self.emit(Instr::StoreSubscr);
            }
            _ => {
                return Err(err(
                    "'expression' is an illegal expression for augmented assignment",
                    target.span,
                ))
            }
        }
        Ok(())
    }

    pub(super) fn assign(&mut self, t: &'a Expr) -> Result<(), Diagnostic> {
        self.set_span(t.span);
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.set_span(t.span);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.set_span(t.span);
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items
                    .iter()
                    .position(|i| matches!(i.kind, ExprKind::Starred(_)));
                match star {
                    None => {
                        self.emit(Instr::UnpackSequence(items.len() as u32));
                    }
                    Some(pos) => {
                        if items
                            .iter()
                            .filter(|i| matches!(i.kind, ExprKind::Starred(_)))
                            .count()
                            > 1
                        {
                            return Err(err("multiple starred expressions in assignment", t.span));
                        }
                        self.emit(Instr::UnpackEx {
                            before: pos as u16,
                            after: (items.len() - pos - 1) as u16,
                        });
                    }
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.assign(inner)?,
                        _ => self.assign(item)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(err(
                    "starred assignment target must be in a list or tuple",
                    t.span,
                ))
            }
            _ => {
                return Err(err(
                    format!("cannot assign to {}", describe_expr(t)),
                    t.span,
                ))
            }
        }
        Ok(())
    }

    pub(super) fn delete(&mut self, t: &'a Expr) -> Result<(), Diagnostic> {
        self.set_span(t.span);
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.emit(Instr::DeleteAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.set_span(t.span);
                self.emit(Instr::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i)?;
                }
            }
            _ => return Err(err(format!("cannot delete {}", describe_expr(t)), t.span)),
        }
        Ok(())
    }
}

/// Where CPython 3.11 locates an assert's raise: its jump over the test
/// leaves the location at the last comparison it branched on (through
/// `and`, `or`, `not` and conditional expressions), else at the statement.
pub(super) fn assert_raise_span(test: &Expr, statement: Span) -> Span {
    fn last_comparison(e: &Expr) -> Option<Span> {
        match &e.kind {
            ExprKind::Compare { .. } => Some(e.span),
            ExprKind::BoolOp { values, .. } => values.iter().rev().find_map(last_comparison),
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => last_comparison(operand),
            ExprKind::IfExp { test, body, orelse } => [test, body, orelse]
                .into_iter()
                .rev()
                .find_map(|e| last_comparison(e)),
            _ => None,
        }
    }
    last_comparison(test).unwrap_or(statement)
}

pub(super) fn describe_expr(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Constant(_) => "literal",
        ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Await(_) => "await expression",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::BoolOp { .. } => "expression",
        _ => "expression",
    }
}
