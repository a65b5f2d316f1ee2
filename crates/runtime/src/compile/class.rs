//! `class` statements. The class body compiles to a code object of its own
//! (`CodeKind::ClassBody`) whose names live in the class namespace; the
//! statement makes a function of it and `BuildClass` runs it and creates
//! the class, as CPython's `__build_class__` does.

use loopscope_syntax::ast::{ClassDef, ExprKind, Span, Stmt, StmtKind};
use loopscope_syntax::Diagnostic;

use super::code::{CodeKind, Const, Instr};
use super::scope::node_key;
use super::CodeGen;

impl<'a> CodeGen<'a> {
    pub(super) fn class_def(&mut self, c: &'a ClassDef) -> Result<(), Diagnostic> {
        for d in &c.decorators {
            self.expr(d)?;
        }
        self.set_span(c.span);
        let qualname = self.child_qualname(&c.name);
        let scope_id = self.table.by_node[&node_key(c)];
        let mut body = CodeGen::new(
            self.table,
            scope_id,
            &c.name,
            &qualname,
            CodeKind::ClassBody,
            self.code.filename.clone(),
            c.span.start.line,
        );
        body.class_body(c, &qualname)?;
        let code = body.finish();
        self.push_function(code, Default::default(), c.span);
        self.load_const(Const::str(&c.name));
        for base in &c.bases {
            if matches!(base.kind, ExprKind::Starred(_)) {
                return Err(super::unsupported("`*` in a class's bases", base.span));
            }
            self.expr(base)?;
        }
        let mut names = Vec::new();
        for k in &c.keywords {
            let Some(name) = &k.name else {
                return Err(super::unsupported("`**` in a class's keywords", k.span));
            };
            self.expr(&k.value)?;
            names.push(Const::str(name));
        }
        self.set_span(c.span);
        let argc = (c.bases.len() + c.keywords.len()) as u32;
        let names = if names.is_empty() {
            u32::MAX
        } else {
            self.const_index(Const::Tuple(names))
        };
        self.emit(Instr::BuildClass { argc, names });
        for _ in &c.decorators {
            self.emit(Instr::Call(1));
        }
        self.store_name(&c.name);
        Ok(())
    }

    /// The class body's code: `__module__`, `__qualname__` and `__doc__`
    /// first, then the statements; it returns the `__class__` cell its
    /// methods share (filled with the class once it exists), or None.
    fn class_body(&mut self, c: &'a ClassDef, qualname: &str) -> Result<(), Diagnostic> {
        self.set_span(c.span);
        let name = self.name_index("__name__");
        self.emit(Instr::LoadGlobal(name));
        let module = self.name_index("__module__");
        self.emit(Instr::StoreName(module));
        self.load_const(Const::str(qualname));
        let qualname = self.name_index("__qualname__");
        self.emit(Instr::StoreName(qualname));
        self.setup_annotations(&c.body);
        let statements = match docstring(&c.body) {
            Some((text, span)) => {
                self.set_span(span);
                self.load_const(Const::str(text));
                let doc = self.name_index("__doc__");
                self.emit(Instr::StoreName(doc));
                &c.body[1..]
            }
            None => &c.body[..],
        };
        for s in statements {
            self.stmt(s)?;
        }
        self.set_span(Span::new(c.span.end, c.span.end));
        if self.code.cellvars.iter().any(|n| &**n == "__class__") {
            let cell = self.deref_index("__class__");
            self.emit(Instr::LoadClosure(cell));
        } else {
            self.load_const(Const::None);
        }
        self.emit(Instr::Return);
        Ok(())
    }
}

/// The docstring of a body: its first statement, when a string literal.
pub(super) fn docstring(body: &[Stmt]) -> Option<(&str, Span)> {
    match &body.first()?.kind {
        StmtKind::Expr(e) => match &e.kind {
            ExprKind::Constant(loopscope_syntax::ast::Constant::Str(s)) => Some((s, e.span)),
            _ => None,
        },
        _ => None,
    }
}
