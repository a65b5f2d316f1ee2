//! Comprehensions and generator expressions: each is a code object of its
//! own, called at once on the outermost iterable.

use loopscope_syntax::ast::*;
use loopscope_syntax::Diagnostic;

use super::code::{CodeKind, Const, Instr};
use super::scope::node_key;
use super::{err, CodeGen, NO_PARAMETERS};

pub(super) enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

impl<'a> CodeGen<'a> {
    pub(super) fn comprehension(
        &mut self,
        e: &'a Expr,
        name: &str,
        generators: &'a [Comprehension],
        kind: CompKind<'a>,
    ) -> Result<(), Diagnostic> {
        let key = node_key(e);
        let scope_id = self.table.by_node[&key];
        let is_async = self.table.scopes[scope_id].has_await;
        let code_kind = match (&kind, is_async) {
            (CompKind::Gen(_), true) => CodeKind::AsyncGenerator,
            (CompKind::Gen(_), false) => CodeKind::Generator,
            (_, true) => CodeKind::Coroutine,
            (_, false) => CodeKind::Function,
        };
        if is_async && code_kind != CodeKind::AsyncGenerator && !self.is_async_context() {
            return Err(err(
                "asynchronous comprehension outside of an asynchronous function",
                e.span,
            ));
        }
        let qualname = self.child_qualname(name);
        let params: &'a Parameters = &NO_PARAMETERS;
        let first_iter = &generators[0].iter;
        self.make_function(key, name, &qualname, code_kind, params, None, e.span, |g| {
            g.code.argcount = 1;
            match kind {
                CompKind::List(_) => {
                    g.emit(Instr::BuildList(0));
                }
                CompKind::Set(_) => {
                    g.emit(Instr::BuildSet(0));
                }
                CompKind::Dict(..) => {
                    g.emit(Instr::BuildMap(0));
                }
                CompKind::Gen(_) => {}
            }
            g.comprehension_loop(generators, 0, &kind)?;
            if matches!(kind, CompKind::Gen(_)) {
                g.load_const(Const::None);
            }
            g.emit(Instr::Return);
            Ok(())
        })?;
        self.iterable(first_iter)?;
        self.set_span(e.span);
        self.emit(if generators[0].is_async {
            Instr::GetAIter
        } else {
            Instr::GetIter
        });
        self.emit(Instr::Call(1));
        if is_async && code_kind != CodeKind::AsyncGenerator {
            self.await_top();
        }
        Ok(())
    }

    pub(super) fn comprehension_loop(
        &mut self,
        generators: &'a [Comprehension],
        depth: usize,
        kind: &CompKind<'a>,
    ) -> Result<(), Diagnostic> {
        let g = &generators[depth];
        if depth == 0 {
            let i = self.local_index(".0");
            self.emit(Instr::LoadFast(i));
        } else {
            self.iterable(&g.iter)?;
            self.emit(if g.is_async {
                Instr::GetAIter
            } else {
                Instr::GetIter
            });
        }
        let start = self.here();
        let fi = if g.is_async {
            let handler = self.emit(Instr::SetupExcept(0));
            self.emit(Instr::GetANext);
            let at = self.here() as u32;
            self.emit(Instr::Send(at + 1));
            self.emit(Instr::PopBlock);
            handler
        } else {
            self.emit(Instr::ForIter(0))
        };
        self.assign(&g.target)?;
        let mut skips = Vec::new();
        for cond in &g.ifs {
            self.expr(cond)?;
            skips.push(self.emit(Instr::PopJumpIfFalse(0)));
        }
        if depth + 1 < generators.len() {
            self.comprehension_loop(generators, depth + 1, kind)?;
        } else {
            // The accumulator sits below every active iterator.
            let below = (depth + 2) as u32;
            match kind {
                CompKind::List(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::ListAppend(below));
                }
                CompKind::Set(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::SetAdd(below));
                }
                CompKind::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(below));
                }
                CompKind::Gen(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::Pop);
                }
            }
        }
        for s in skips {
            self.patch_to(s, start as u32);
        }
        self.emit(Instr::Jump(start as u32));
        self.patch(fi);
        if g.is_async {
            self.emit(Instr::EndAsyncFor);
        }
        Ok(())
    }
}
