//! `def`, `async def` and `lambda`: the function's own code object, its
//! qualified name, and the `MakeFunction` that builds it with its defaults,
//! annotations and closure.

use loopscope_syntax::ast::*;
use loopscope_syntax::Diagnostic;

use super::code::{Code, CodeKind, Const, Instr};
use super::scope::node_key;
use super::{class, CodeGen, FunctionParts};

impl<'a> CodeGen<'a> {
    pub(super) fn function_def(&mut self, f: &'a FunctionDef) -> Result<(), Diagnostic> {
        for d in &f.decorators {
            self.expr(d)?;
        }
        self.set_span(f.span);
        let qualname = self.child_qualname(&f.name);
        let kind = match (f.is_async, self.scope_has_yield(node_key(f))) {
            (true, true) => CodeKind::AsyncGenerator,
            (true, false) => CodeKind::Coroutine,
            (false, true) => CodeKind::Generator,
            (false, false) => CodeKind::Function,
        };
        self.make_function(
            node_key(f),
            &f.name,
            &qualname,
            kind,
            &f.params,
            f.returns.as_ref(),
            f.span,
            |g| {
                // co_firstlineno: a decorated function starts at its first decorator.
                if let Some(d) = f.decorators.first() {
                    g.code.first_line = d.span.start.line;
                }
                g.code.doc = class::docstring(&f.body).map(|(text, _)| std::rc::Rc::from(text));
                g.body(&f.body)
            },
        )?;
        self.set_span(f.span);
        for _ in &f.decorators {
            self.emit(Instr::Call(1));
        }
        self.store_name(&f.name);
        Ok(())
    }

    pub(super) fn scope_has_yield(&self, key: usize) -> bool {
        self.table
            .by_node
            .get(&key)
            .map(|&id| self.table.scopes[id].has_yield)
            .unwrap_or(false)
    }

    pub(super) fn child_qualname(&self, name: &str) -> String {
        let s = &self.table.scopes[self.scope];
        if s.is_module {
            name.to_string()
        } else if s.is_class {
            format!("{}.{}", self.code.qualname, name)
        } else {
            format!("{}.<locals>.{}", self.code.qualname, name)
        }
    }

    /// Compile a nested code object and emit MakeFunction for it.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn make_function(
        &mut self,
        key: usize,
        name: &str,
        qualname: &str,
        kind: CodeKind,
        params: &'a Parameters,
        returns: Option<&'a Expr>,
        span: Span,
        body: impl FnOnce(&mut CodeGen<'a>) -> Result<(), Diagnostic>,
    ) -> Result<(), Diagnostic> {
        // Defaults are evaluated in the defining scope.
        let positional: Vec<&Param> = params.posonly.iter().chain(&params.args).collect();
        let defaults: Vec<&Expr> = positional
            .iter()
            .filter_map(|p| p.default.as_ref())
            .collect();
        let has_defaults = !defaults.is_empty();
        for d in &defaults {
            self.expr(d)?;
        }
        if has_defaults {
            self.emit(Instr::BuildTuple(defaults.len() as u32));
        }
        let kwdefaults: Vec<&Param> = params
            .kwonly
            .iter()
            .filter(|p| p.default.is_some())
            .collect();
        let has_kwdefaults = !kwdefaults.is_empty();
        for p in &kwdefaults {
            self.load_const(Const::str(&p.name));
            if let Some(d) = &p.default {
                self.expr(d)?;
            }
        }
        if has_kwdefaults {
            self.emit(Instr::BuildMap(kwdefaults.len() as u32));
        }
        let has_annotations = self.function_annotations(params, returns)?;
        let scope_id = self.table.by_node[&key];
        let mut g = CodeGen::new(
            self.table,
            scope_id,
            name,
            qualname,
            kind,
            self.code.filename.clone(),
            span.start.line,
        );
        g.code.argcount = (params.posonly.len() + params.args.len()) as u32;
        g.code.posonlyargcount = params.posonly.len() as u32;
        g.code.kwonlyargcount = params.kwonly.len() as u32;
        g.code.has_varargs = params.vararg.is_some();
        g.code.has_varkw = params.kwarg.is_some();
        g.set_span(span);
        body(&mut g)?;
        g.load_const(Const::None);
        g.emit(Instr::Return);
        let code = g.finish();
        let parts = FunctionParts {
            defaults: has_defaults,
            kwdefaults: has_kwdefaults,
            annotations: has_annotations,
        };
        self.push_function(code, parts, span);
        Ok(())
    }

    /// Emit MakeFunction for a compiled nested code object, with the
    /// closure of its free variables (the defaults are already pushed).
    pub(super) fn push_function(&mut self, code: Code, parts: FunctionParts, span: Span) {
        let has_closure = !code.freevars.is_empty();
        if has_closure {
            for fv in &code.freevars {
                let i = self.deref_index(fv);
                self.emit(Instr::LoadClosure(i));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
        }
        self.set_span(span);
        self.code.functions.push(code);
        let idx = (self.code.functions.len() - 1) as u32;
        self.emit(Instr::MakeFunction {
            code: idx,
            defaults: parts.defaults,
            kwdefaults: parts.kwdefaults,
            annotations: parts.annotations,
            closure: has_closure,
        });
    }
}
