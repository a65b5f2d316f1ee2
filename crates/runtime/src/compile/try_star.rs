//! `try` with `except*` clauses (PEP 654), laid out as CPython 3.11 does.
//!
//! The handler keeps three values on the stack: the original exception,
//! the list of what the clauses raised, and the part no clause has taken
//! yet. Each clause takes its share (CheckEgMatch) and runs its body under
//! a handler of its own that adds whatever the body raises to the list;
//! at the end PrepReraiseStar makes the exception that leaves the `try`,
//! or none.

use loopscope_syntax::ast::{ExceptHandler, Span, Stmt};
use loopscope_syntax::Diagnostic;

use super::code::Instr;
use super::{err, Block, CodeGen};

const LEAVING_STAR_HANDLER: &str =
    "'break', 'continue' and 'return' cannot appear in an except* block";

impl<'a> CodeGen<'a> {
    /// `try`/`except*`/`else` (a `finally` is around it).
    pub(super) fn try_except_star(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        span: Span,
    ) -> Result<(), Diagnostic> {
        let jend = self.protected_body(body, orelse)?;
        self.emit(Instr::BeginExceptStar);
        for h in handlers {
            self.set_span(h.span);
            let Some(typ) = &h.typ else {
                return Err(err("expected one or more exception types", h.span));
            };
            self.expr(typ)?;
            self.set_span(h.span);
            let no_match = self.emit(Instr::CheckEgMatch(0));
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Instr::Pop);
                }
            }
            self.enter_static_block(2, h.span)?;
            let raised = self.emit(Instr::SetupExcept(0));
            self.blocks.push(Block::StarHandler);
            self.body(&h.body)?;
            self.blocks.pop();
            self.emit(Instr::PopBlock);
            self.clear_handler_name(&h.name);
            let next = self.emit(Instr::Jump(0));
            // What the body raised joins the list, two items down.
            self.patch(raised);
            self.clear_handler_name(&h.name);
            self.emit(Instr::ListAppend(2));
            self.emit(Instr::PopExcept);
            self.patch(next);
            self.patch(no_match);
        }
        self.set_span(span);
        let nothing = self.emit(Instr::PrepReraiseStar(0));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.patch(nothing);
        self.emit(Instr::PopExcept);
        self.patch(jend);
        Ok(())
    }

    /// `break`, `continue` (leaving the blocks from `from` up) and `return`
    /// (leaving them all) may not leave an `except*` clause.
    pub(super) fn refuse_leaving_star_handler(
        &self,
        from: usize,
        at: Span,
    ) -> Result<(), Diagnostic> {
        if self.blocks[from..]
            .iter()
            .any(|b| matches!(b, Block::StarHandler))
        {
            return Err(err(LEAVING_STAR_HANDLER, at));
        }
        Ok(())
    }
}
