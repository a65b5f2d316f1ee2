//! Loops, `try` and `with`: their blocks, and early exits (`return`,
//! `break`, `continue`) that replay the cleanup of every block they leave.

use loopscope_syntax::ast::*;
use loopscope_syntax::Diagnostic;

use super::code::{Const, Instr};
use super::{err, Block, CodeGen};

/// CPython's `CO_MAXBLOCKS`.
const MAX_STATIC_BLOCKS: usize = 20;

impl<'a> CodeGen<'a> {
    /// Emit the cleanup of every enclosing block before a `return`.
    /// CPython's compiler keeps at most 20 blocks (`CO_MAXBLOCKS`) on its stack of
    /// loops, `try` bodies, handlers and `with` bodies in one function: a statement that
    /// would push past it (`levels` at once: an `except` clause pushes two) is a
    /// SyntaxError at `span`.
    pub(super) fn enter_static_block(&self, levels: usize, span: Span) -> Result<(), Diagnostic> {
        let depth: usize = (self.blocks.iter())
            .map(|block| match block {
                // A handler whose body runs under its name's cleanup has that block too.
                Block::Handler { name: Some(_) } => 1,
                Block::Handler { name: None } | Block::StarHandler => 2,
                _ => 1,
            })
            .sum();
        if depth + levels > MAX_STATIC_BLOCKS {
            return Err(err("too many statically nested blocks", span));
        }
        Ok(())
    }

    pub(super) fn unwind_blocks_for_return(&mut self) -> Result<(), Diagnostic> {
        let saved: Vec<usize> = (0..self.blocks.len()).rev().collect();
        for idx in saved {
            self.unwind_one(idx, true)?;
        }
        Ok(())
    }

    /// Emit the cleanup for leaving block `idx`. With `preserve_top`, a value
    /// (the return value) sits on the stack above the block's own items.
    pub(super) fn unwind_one(&mut self, idx: usize, preserve_top: bool) -> Result<(), Diagnostic> {
        enum Action<'b> {
            None,
            PopIter,
            PopBlock,
            Finally(&'b [Stmt]),
            Handler(Option<String>),
            With(bool),
            FinallyHandler,
        }
        let action = match &self.blocks[idx] {
            Block::Loop { is_for: true, .. } => Action::PopIter,
            Block::Loop { .. } => Action::None,
            Block::TryExcept => Action::PopBlock,
            Block::TryFinally { finalbody } => Action::Finally(finalbody),
            Block::Handler { name } => Action::Handler(name.clone()),
            Block::With { is_async } => Action::With(*is_async),
            Block::FinallyHandler => Action::FinallyHandler,
            // `break`, `continue` and `return` refuse to leave it (`leave_star_handler`).
            Block::StarHandler => Action::None,
        };
        match action {
            Action::None => {}
            Action::PopIter => {
                if preserve_top {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::Pop);
            }
            Action::PopBlock => {
                self.emit(Instr::PopBlock);
            }
            Action::Finally(body) => {
                self.emit(Instr::PopBlock);
                // Compile the finally body with the blocks outside it only.
                let inner: Vec<Block<'a>> = self.blocks.drain(idx..).collect();
                let result = self.body(body);
                self.blocks.extend(inner);
                result?;
            }
            Action::Handler(name) => {
                self.emit(Instr::PopExcept);
                self.clear_handler_name(&name);
            }
            Action::With(is_async) => {
                self.emit(Instr::PopBlock);
                if preserve_top {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::WithExitNormal { is_async });
                if is_async {
                    self.await_top();
                }
                self.emit(Instr::Pop);
            }
            Action::FinallyHandler => {
                // The exception being handled sits under the return value.
                if preserve_top {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::Pop);
                self.emit(Instr::PopExcept);
            }
        }
        Ok(())
    }

    /// The part `while` and `for` share: the body inside a loop block, the jump
    /// back to `start`, the `else` clause where `exit` (the loop's test or
    /// FOR_ITER) leads, and every `break` patched past it.
    pub(super) fn loop_rest(
        &mut self,
        start: usize,
        exit: usize,
        is_for: bool,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        span: Span,
    ) -> Result<(), Diagnostic> {
        self.enter_static_block(1, span)?;
        self.blocks.push(Block::Loop {
            start,
            breaks: Vec::new(),
            is_for,
        });
        self.body(body)?;
        self.set_span(span);
        self.emit(Instr::Jump(start as u32));
        let breaks = match self.blocks.pop() {
            Some(Block::Loop { breaks, .. }) => breaks,
            _ => Vec::new(),
        };
        self.patch(exit);
        self.body(orelse)?;
        for b in breaks {
            self.patch(b);
        }
        Ok(())
    }

    pub(super) fn loop_exit(&mut self, is_break: bool, span: Span) -> Result<(), Diagnostic> {
        let loop_idx = self
            .blocks
            .iter()
            .rposition(|b| matches!(b, Block::Loop { .. }));
        let Some(loop_idx) = loop_idx else {
            // CPython 3.11's compiler words the two differently.
            let message = if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            };
            return Err(err(message, span));
        };
        self.refuse_leaving_star_handler(loop_idx + 1, span)?;
        for idx in (loop_idx + 1..self.blocks.len()).rev() {
            self.unwind_one(idx, false)?;
        }
        self.set_span(span);
        if is_break {
            if let Block::Loop { is_for: true, .. } = self.blocks[loop_idx] {
                self.emit(Instr::Pop);
            }
            let j = self.emit(Instr::Jump(0));
            if let Block::Loop { breaks, .. } = &mut self.blocks[loop_idx] {
                breaks.push(j);
            }
        } else if let Block::Loop { start, .. } = self.blocks[loop_idx] {
            self.emit(Instr::Jump(start as u32));
        }
        Ok(())
    }

    /// `async for`: like CPython 3.11, each `__anext__` is awaited inside a
    /// handler whose END_ASYNC_FOR ends the loop on StopAsyncIteration.
    pub(super) fn async_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        span: Span,
    ) -> Result<(), Diagnostic> {
        if !self.is_async_context() {
            return Err(err("'async for' outside async function", span));
        }
        self.expr(iter)?;
        self.set_span(span);
        self.emit(Instr::GetAIter);
        let start = self.here();
        let handler = self.emit(Instr::SetupExcept(0));
        self.emit(Instr::GetANext);
        let at = self.here() as u32;
        self.emit(Instr::Send(at + 1));
        self.emit(Instr::PopBlock);
        self.assign(target)?;
        self.enter_static_block(1, span)?;
        self.blocks.push(Block::Loop {
            start,
            breaks: Vec::new(),
            is_for: true,
        });
        self.body(body)?;
        self.set_span(span);
        self.emit(Instr::Jump(start as u32));
        let breaks = match self.blocks.pop() {
            Some(Block::Loop { breaks, .. }) => breaks,
            _ => Vec::new(),
        };
        self.patch(handler);
        self.set_span(iter.span);
        self.emit(Instr::EndAsyncFor);
        self.body(orelse)?;
        for b in breaks {
            self.patch(b);
        }
        Ok(())
    }

    pub(super) fn try_stmt(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        star: bool,
    ) -> Result<(), Diagnostic> {
        let span = self.span;
        let setup_finally = if finalbody.is_empty() {
            None
        } else {
            self.enter_static_block(1, span)?;
            let at = self.emit(Instr::SetupFinally(0));
            self.blocks.push(Block::TryFinally { finalbody });
            Some(at)
        };
        if handlers.is_empty() {
            self.body(body)?;
        } else if star {
            self.try_except_star(body, handlers, orelse, span)?;
        } else {
            self.try_except(body, handlers, orelse, span)?;
        }
        if let Some(at) = setup_finally {
            self.blocks.pop();
            self.emit(Instr::PopBlock);
            self.body(finalbody)?;
            let jend = self.emit(Instr::Jump(0));
            self.patch(at);
            self.blocks.push(Block::FinallyHandler);
            self.body(finalbody)?;
            self.blocks.pop();
            self.emit(Instr::Reraise);
            self.patch(jend);
        }
        Ok(())
    }

    /// What `except` and `except*` share: the body under an exception block, then the
    /// `else` and a jump over the handlers (returned, to be patched), the handlers
    /// starting right after it.
    pub(super) fn protected_body(
        &mut self,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<usize, Diagnostic> {
        self.enter_static_block(1, self.span)?;
        let setup = self.emit(Instr::SetupExcept(0));
        self.blocks.push(Block::TryExcept);
        self.body(body)?;
        self.blocks.pop();
        self.emit(Instr::PopBlock);
        self.body(orelse)?;
        let jend = self.emit(Instr::Jump(0));
        self.patch(setup);
        Ok(jend)
    }

    /// `try`/`except`/`else` (a `finally` is around it).
    pub(super) fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        span: Span,
    ) -> Result<(), Diagnostic> {
        let jend = self.protected_body(body, orelse)?;
        let mut ends = vec![jend];
        for (i, h) in handlers.iter().enumerate() {
            self.set_span(h.span);
            let next = match &h.typ {
                Some(t) => {
                    self.expr(t)?;
                    self.set_span(h.span);
                    self.emit(Instr::CheckExcMatch);
                    Some(self.emit(Instr::PopJumpIfFalse(0)))
                }
                None => {
                    if i + 1 != handlers.len() {
                        return Err(err("default 'except:' must be last", h.span));
                    }
                    None
                }
            };
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Instr::Pop);
                }
            }
            self.enter_static_block(2, h.span)?;
            self.blocks.push(Block::Handler {
                name: h.name.clone(),
            });
            // A named handler's body runs inside `try: ... finally: name = None;
            // del name`, as CPython compiles it: the name goes also when the
            // handler ends by raising.
            let cleanup = h.name.is_some().then(|| {
                let at = self.emit(Instr::SetupFinally(0));
                self.blocks.push(Block::TryExcept);
                at
            });
            self.body(&h.body)?;
            if cleanup.is_some() {
                self.blocks.pop();
                self.emit(Instr::PopBlock);
            }
            self.blocks.pop();
            self.emit(Instr::PopExcept);
            self.clear_handler_name(&h.name);
            ends.push(self.emit(Instr::Jump(0)));
            if let Some(at) = cleanup {
                self.patch(at);
                self.blocks.push(Block::FinallyHandler);
                self.clear_handler_name(&h.name);
                self.blocks.pop();
                self.emit(Instr::Reraise);
            }
            if let Some(nx) = next {
                self.patch(nx);
            }
        }
        self.set_span(span);
        self.emit(Instr::Reraise);
        for e in ends {
            self.patch(e);
        }
        Ok(())
    }

    /// `except ... as name` ends with `name = None; del name`.
    pub(super) fn clear_handler_name(&mut self, name: &Option<String>) {
        if let Some(n) = name {
            self.load_const(Const::None);
            self.store_name(n);
            self.delete_name(n);
        }
    }

    pub(super) fn with_stmt(
        &mut self,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
        span: Span,
    ) -> Result<(), Diagnostic> {
        if is_async && !self.is_async_context() {
            return Err(err("'async with' outside async function", span));
        }
        let Some((item, rest)) = items.split_first() else {
            return self.body(body);
        };
        self.expr(&item.context)?;
        self.set_span(item.context.span);
        if is_async {
            self.emit(Instr::AsyncWithEnter);
            self.await_top();
        } else {
            self.emit(Instr::WithEnter);
        }
        let setup = self.emit(Instr::SetupWith(0));
        match &item.target {
            Some(t) => self.assign(t)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        self.enter_static_block(1, span)?;
        self.blocks.push(Block::With { is_async });
        if rest.is_empty() {
            self.body(body)?;
        } else {
            self.with_stmt(rest, body, is_async, span)?;
        }
        self.blocks.pop();
        // CPython locates the __exit__ call at the whole statement.
        self.set_span(span);
        self.emit(Instr::PopBlock);
        self.emit(Instr::WithExitNormal { is_async });
        if is_async {
            self.await_top();
        }
        self.emit(Instr::Pop);
        let jend = self.emit(Instr::Jump(0));
        self.patch(setup);
        self.emit(Instr::WithExitExcept { is_async });
        if is_async {
            self.await_top();
        }
        self.emit(Instr::WithSuppressOrReraise);
        self.patch(jend);
        Ok(())
    }
}
