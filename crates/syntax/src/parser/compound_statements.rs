//! Compound statements: `if`, `while`, `for`, `try`, `with`, decorators,
//! `def` and `class`.

use crate::ast::{ClassDef, ExceptHandler, Expr, FunctionDef, Pos, Span, Stmt, StmtKind, WithItem};
use crate::diagnostic::Diagnostic;
use crate::lexer::{Keyword as Kw, Op, TokenKind};

use super::{error, expr_name, is_invalid_target, Failure, PResult, Parser, TargetKind};

impl<'s> Parser<'s> {
    /// The header's `:` then the block. CPython says "expected ':'" when the
    /// line ends instead.
    pub(super) fn parse_colon_and_block(&mut self, owner: &str, line: u32) -> PResult<Vec<Stmt>> {
        if !self.eat_op(Op::Colon) {
            if self.at_newline() {
                return error("expected ':'", self.span());
            }
            return Err(Failure::Invalid);
        }
        self.parse_block(owner, line)
    }

    #[inline(never)]
    pub(super) fn parse_if(&mut self) -> PResult<Stmt> {
        let owner = if self.at_kw(Kw::If) { "if" } else { "elif" };
        let keyword = self.bump();
        let test = self.parse_named_expression()?;
        let body = self.parse_colon_and_block(owner, keyword.start.line)?;
        let orelse = if self.at_kw(Kw::Elif) {
            vec![self.parse_if()?]
        } else {
            self.parse_else_block()?
        };
        Ok(Stmt {
            kind: StmtKind::If { test, body, orelse },
            span: self.span_from(keyword.start),
        })
    }

    pub(super) fn parse_else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.at_kw(Kw::Else) {
            return Ok(Vec::new());
        }
        let line = self.bump().start.line;
        self.expect_forced(Op::Colon)?;
        self.parse_block("else", line)
    }

    #[inline(never)]
    pub(super) fn parse_while(&mut self) -> PResult<Stmt> {
        let keyword = self.bump();
        let test = self.parse_named_expression()?;
        let body = self.parse_colon_and_block("while", keyword.start.line)?;
        let orelse = self.parse_else_block()?;
        Ok(Stmt {
            kind: StmtKind::While { test, body, orelse },
            span: self.span_from(keyword.start),
        })
    }

    /// `for` / `async for` (`async_start` is where `async` was).
    #[inline(never)]
    pub(super) fn parse_for(&mut self, async_start: Option<Pos>) -> PResult<Stmt> {
        let keyword = self.bump();
        let start = async_start.unwrap_or(keyword.start);
        let target_index = self.pos;
        let target = match self.parse_target_list(TargetKind::For) {
            Ok(target) if self.at_kw(Kw::In) => target,
            Ok(_) | Err(Failure::Invalid) => return Err(self.invalid_for_target(target_index)),
            Err(failure) => return Err(failure),
        };
        self.bump();
        let iter = self.parse_star_expressions()?;
        let body = self.parse_colon_and_block("for", keyword.start.line)?;
        let orelse = self.parse_else_block()?;
        let is_async = async_start.is_some();
        Ok(Stmt {
            kind: StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            },
            span: self.span_from(start),
        })
    }

    /// CPython's `invalid_for_target`: name what cannot be assigned to.
    #[inline(never)]
    pub(super) fn invalid_for_target(&mut self, target_index: usize) -> Failure {
        let furthest = self.furthest;
        self.pos = target_index;
        if let Ok(all) = self.parse_star_expressions() {
            if let Some(invalid) = is_invalid_target(&all, TargetKind::For) {
                return Failure::from(Diagnostic::syntax(
                    format!("cannot assign to {}", expr_name(invalid)),
                    invalid.span,
                ));
            }
        }
        self.furthest = furthest;
        Failure::Invalid
    }

    #[inline(never)]
    pub(super) fn parse_try(&mut self) -> PResult<Stmt> {
        let keyword = self.bump();
        let line = keyword.start.line;
        self.expect_forced(Op::Colon)?;
        let body = self.parse_block("try", line)?;
        let mut handlers = Vec::new();
        let mut star_handlers = 0;
        while self.at_kw(Kw::Except) {
            let except = self.bump();
            let is_star = self.at_op(Op::Star);
            let after_star = star_handlers > 0;
            if is_star {
                self.bump();
                star_handlers += 1;
            }
            if !handlers.is_empty() && is_star != after_star {
                return error(
                    "cannot have both 'except' and 'except*' on the same 'try'",
                    except,
                );
            }
            let owner = if is_star { "except*" } else { "except" };
            let (typ, name) = if self.at_op(Op::Colon) {
                if is_star {
                    return error("expected one or more exception types", self.span());
                }
                (None, None)
            } else if self.at_newline() {
                return error("expected ':'", self.span());
            } else {
                let typ = self.parse_expression()?;
                if self.at_op(Op::Comma) {
                    let after = self.speculate(|p| {
                        p.bump();
                        p.parse_expression()?;
                        while p.eat_op(Op::Comma) {
                            if p.at_op(Op::Colon) || p.at_kw(Kw::As) {
                                break;
                            }
                            p.parse_expression()?;
                        }
                        if p.eat_kw(Kw::As) {
                            p.expect_name()?;
                        }
                        if p.at_op(Op::Colon) {
                            Ok(())
                        } else {
                            Err(Failure::Invalid)
                        }
                    });
                    if after.is_some() {
                        return error(
                            "multiple exception types must be parenthesized",
                            Span::new(typ.span.start, self.prev_end()),
                        );
                    }
                    return Err(Failure::Invalid);
                }
                let name = if self.eat_kw(Kw::As) {
                    Some(self.expect_name()?.0)
                } else {
                    None
                };
                (Some(typ), name)
            };
            let body = self.parse_colon_and_block(owner, except.start.line)?;
            handlers.push(ExceptHandler {
                typ,
                name,
                body,
                span: self.span_from(except.start),
            });
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.parse_else_block()?
        };
        let finalbody = if self.at_kw(Kw::Finally) {
            let line = self.bump().start.line;
            self.expect_forced(Op::Colon)?;
            self.parse_block("finally", line)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            return error("expected 'except' or 'finally' block", self.span());
        }
        let kind = if star_handlers > 0 {
            StmtKind::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            }
        } else {
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            }
        };
        Ok(Stmt {
            kind,
            span: self.span_from(keyword.start),
        })
    }

    #[inline(never)]
    pub(super) fn parse_with(&mut self, async_start: Option<Pos>) -> PResult<Stmt> {
        let keyword = self.bump();
        let start = async_start.unwrap_or(keyword.start);
        // `with (a as b, c):` — tried first, as CPython does.
        let parenthesized = if self.at_op(Op::LParen) {
            self.speculate(|p| {
                p.bump();
                let mut items = Vec::new();
                loop {
                    items.push(p.parse_with_item()?);
                    if !p.eat_op(Op::Comma) || p.at_op(Op::RParen) {
                        break;
                    }
                }
                p.expect_op(Op::RParen)?;
                if p.at_op(Op::Colon) || p.at_newline() {
                    Ok(items)
                } else {
                    Err(Failure::Invalid)
                }
            })
        } else {
            None
        };
        let items = match parenthesized {
            Some(items) => items,
            None => {
                let mut items = vec![self.parse_with_item()?];
                while self.eat_op(Op::Comma) {
                    items.push(self.parse_with_item()?);
                }
                items
            }
        };
        let body = self.parse_colon_and_block("with", keyword.start.line)?;
        let is_async = async_start.is_some();
        Ok(Stmt {
            kind: StmtKind::With {
                items,
                body,
                is_async,
            },
            span: self.span_from(start),
        })
    }

    pub(super) fn parse_with_item(&mut self) -> PResult<WithItem> {
        let context = self.parse_expression()?;
        if !self.eat_kw(Kw::As) {
            return Ok(WithItem {
                context,
                target: None,
            });
        }
        let target_index = self.pos;
        let target = match self.parse_target_element(TargetKind::Assign) {
            Ok(target)
                if matches!(
                    self.peek(),
                    TokenKind::Op(Op::Comma | Op::RParen | Op::Colon) | TokenKind::Newline
                ) =>
            {
                target
            }
            Ok(_) | Err(Failure::Invalid) => return Err(self.invalid_with_target(target_index)),
            Err(failure) => return Err(failure),
        };
        Ok(WithItem {
            context,
            target: Some(target),
        })
    }

    /// CPython's `invalid_with_item`: `with a as f():` names the target.
    pub(super) fn invalid_with_target(&mut self, target_index: usize) -> Failure {
        let furthest = self.furthest;
        self.pos = target_index;
        if let Ok(expr) = self.parse_expression() {
            if matches!(
                self.peek(),
                TokenKind::Op(Op::Comma | Op::RParen | Op::Colon)
            ) {
                if let Some(invalid) = is_invalid_target(&expr, TargetKind::Assign) {
                    return Failure::from(Diagnostic::syntax(
                        format!("cannot assign to {}", expr_name(invalid)),
                        invalid.span,
                    ));
                }
            }
        }
        self.furthest = furthest;
        Failure::Invalid
    }

    #[inline(never)]
    pub(super) fn parse_decorated(&mut self, body: &mut Vec<Stmt>) -> PResult<()> {
        let mut decorators = Vec::new();
        while self.eat_op(Op::At) {
            decorators.push(self.parse_named_expression()?);
            if !self.at_newline() {
                return Err(Failure::Invalid);
            }
            self.bump();
        }
        match self.peek().clone() {
            TokenKind::Keyword(Kw::Def) => body.push(self.parse_function_def(decorators, None)?),
            TokenKind::Keyword(Kw::Class) => body.push(self.parse_class(decorators)?),
            TokenKind::Keyword(Kw::Async) if *self.look(1) == TokenKind::Keyword(Kw::Def) => {
                let async_start = self.bump().start;
                body.push(self.parse_function_def(decorators, Some(async_start))?);
            }
            _ => return Err(Failure::Invalid),
        }
        Ok(())
    }

    #[inline(never)]
    pub(super) fn parse_function_def(
        &mut self,
        decorators: Vec<Expr>,
        async_start: Option<Pos>,
    ) -> PResult<Stmt> {
        let keyword = self.bump();
        let start = async_start.unwrap_or(keyword.start);
        let (name, _) = self.expect_name()?;
        self.expect_forced(Op::LParen)?;
        let params = self.parse_parameters(Op::RParen)?;
        self.expect_op(Op::RParen)?;
        let returns = if self.eat_op(Op::Arrow) {
            Some(self.parse_expression()?)
        } else {
            None
        };
        self.expect_forced(Op::Colon)?;
        let header = self.span_from(start);
        let body = self.parse_block("def", keyword.start.line)?;
        let function = FunctionDef {
            name,
            params,
            body,
            is_async: async_start.is_some(),
            decorators,
            returns,
            span: header,
        };
        Ok(Stmt {
            kind: StmtKind::FunctionDef(Box::new(function)),
            span: self.span_from(start),
        })
    }

    #[inline(never)]
    pub(super) fn parse_class(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let keyword = self.bump();
        let (name, _) = self.expect_name()?;
        let (bases, keywords) = if self.eat_op(Op::LParen) {
            self.parse_call_arguments()?
        } else {
            (Vec::new(), Vec::new())
        };
        if !self.eat_op(Op::Colon) {
            if self.at_newline() {
                return error("expected ':'", self.span());
            }
            return Err(Failure::Invalid);
        }
        let header = self.span_from(keyword.start);
        let body = self.parse_block("class", keyword.start.line)?;
        let class = ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators,
            span: header,
        };
        Ok(Stmt {
            kind: StmtKind::ClassDef(Box::new(class)),
            span: self.span_from(keyword.start),
        })
    }
}
