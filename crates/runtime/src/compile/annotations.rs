//! Annotations, as CPython 3.11 compiles them. In a module or class body,
//! `x: T [= v]` stores `T` in the `__annotations__` dict the body sets up
//! first (`SetupAnnotations`); a function's parameter and return
//! annotations become its `__annotations__`. The annotation expressions are
//! evaluated where they stand, or kept as source text under `from
//! __future__ import annotations`.

use loopscope_syntax::ast::{Expr, ExprKind, Module, Parameters, Stmt, StmtKind};
use loopscope_syntax::Diagnostic;

use super::code::{Const, Instr};
use super::unparse::annotation_text;
use super::CodeGen;

/// Whether the module starts with `from __future__ import annotations`
/// (future imports come first, after the docstring).
pub fn future_annotations(module: &Module) -> bool {
    let mut body = module.body.iter().peekable();
    if let Some(Stmt {
        kind: StmtKind::Expr(e),
        ..
    }) = body.peek()
    {
        if matches!(
            e.kind,
            ExprKind::Constant(loopscope_syntax::ast::Constant::Str(_))
        ) {
            body.next();
        }
    }
    body.map_while(|s| match &s.kind {
        StmtKind::ImportFrom { module, names } if module == "__future__" => Some(names),
        _ => None,
    })
    .flatten()
    .any(|alias| alias.name == "annotations")
}

/// Whether a body has an annotated assignment, outside nested functions
/// and classes (CPython's `find_ann`): it then gets `__annotations__`.
pub fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => has_annotations(body) || has_annotations(orelse),
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Match { cases, .. } => cases.iter().any(|case| has_annotations(&case.body)),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        }
        | StmtKind::TryStar {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(body)
                || has_annotations(finalbody)
                || has_annotations(orelse)
        }
        _ => false,
    })
}

impl<'a> CodeGen<'a> {
    fn in_module_or_class(&self) -> bool {
        let s = &self.table.scopes[self.scope];
        s.is_module || s.is_class
    }

    /// Push an annotation's value: the expression's, or its source text.
    fn annotation(&mut self, e: &'a Expr) -> Result<(), Diagnostic> {
        if self.table.future_annotations {
            self.load_const(Const::str(&annotation_text(e)));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    /// `SetupAnnotations` at the start of a module or class body that
    /// annotates names.
    pub(super) fn setup_annotations(&mut self, body: &[Stmt]) {
        if has_annotations(body) {
            self.emit(Instr::SetupAnnotations);
        }
    }

    /// `target: annotation [= value]` (`compiler_annassign`).
    pub(super) fn ann_assign(
        &mut self,
        statement: &Stmt,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
    ) -> Result<(), Diagnostic> {
        if let Some(v) = value {
            self.expr(v)?;
            self.assign(target)?;
        }
        // Only a name is simple, and not `(x): int`: nothing is stored
        // for the others.
        let simple =
            matches!(target.kind, ExprKind::Name(_)) && target.span.start == statement.span.start;
        match &target.kind {
            ExprKind::Name(name) if simple && self.in_module_or_class() => {
                self.annotation(annotation)?;
                self.set_span(statement.span);
                let annotations = self.name_index("__annotations__");
                self.emit(Instr::LoadName(annotations));
                self.load_const(Const::str(name));
                self.emit(Instr::StoreSubscr);
                return Ok(());
            }
            // Without a value, the target's parts are still evaluated.
            ExprKind::Attribute { value: object, .. } if value.is_none() => {
                self.expr(object)?;
                self.emit(Instr::Pop);
            }
            ExprKind::Subscript {
                value: object,
                index,
            } if value.is_none() => {
                self.expr(object)?;
                self.emit(Instr::Pop);
                self.index_parts(index)?;
            }
            _ => {}
        }
        if !simple && !self.table.future_annotations && self.in_module_or_class() {
            self.expr(annotation)?;
            self.emit(Instr::Pop);
        }
        Ok(())
    }

    /// The parts of an annotated subscript's index, each evaluated and
    /// dropped (`check_ann_subscr`).
    fn index_parts(&mut self, index: &'a Expr) -> Result<(), Diagnostic> {
        match &index.kind {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                    self.emit(Instr::Pop);
                }
            }
            ExprKind::Tuple(items) => {
                for item in items {
                    self.index_parts(item)?;
                }
            }
            _ => {
                self.expr(index)?;
                self.emit(Instr::Pop);
            }
        }
        Ok(())
    }

    /// Push a function's annotations as a tuple of name, value pairs,
    /// flattened, in CPython's order (positional parameters, then
    /// positional-only ones, `*args`, keyword-only, `**kwargs`, `return`);
    /// false when it has none.
    pub(super) fn function_annotations(
        &mut self,
        params: &'a Parameters,
        returns: Option<&'a Expr>,
    ) -> Result<bool, Diagnostic> {
        let annotated = params
            .args
            .iter()
            .chain(&params.posonly)
            .chain(&params.vararg)
            .chain(&params.kwonly)
            .chain(&params.kwarg)
            .filter_map(|p| Some((p.name.as_str(), p.annotation.as_ref()?)))
            .chain(returns.map(|r| ("return", r)));
        let mut count = 0;
        for (name, annotation) in annotated {
            self.load_const(Const::str(name));
            self.annotation(annotation)?;
            count += 2;
        }
        if count == 0 {
            return Ok(false);
        }
        self.emit(Instr::BuildTuple(count));
        Ok(true)
    }
}
