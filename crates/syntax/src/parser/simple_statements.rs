//! Statements, and the simple ones: a file and a block as lists of
//! statements, expression statements and assignments (with CPython's checks
//! of their targets), `raise`, `del`, `import` and `from ... import`.

use crate::ast::{Alias, Expr, ExprKind, Stmt, StmtKind};
use crate::diagnostic::Diagnostic;
use crate::lexer::{Keyword as Kw, Op, TokenKind};

use super::{
    augmented_operator, block_owner, error, expr_name, is_invalid_target,
    is_plain_assignment_target_candidate, Failure, PResult, Parser, TargetKind,
};

impl<'s> Parser<'s> {
    pub(super) fn parse_file(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        while *self.peek() != TokenKind::EndMarker {
            self.parse_statement_into(&mut body)?;
        }
        Ok(body)
    }

    /// One statement line (or compound statement), appended to `body`.
    pub(super) fn parse_statement_into(&mut self, body: &mut Vec<Stmt>) -> PResult<()> {
        match self.peek().clone() {
            TokenKind::Keyword(Kw::Def) => body.push(self.parse_function_def(Vec::new(), None)?),
            TokenKind::Keyword(Kw::If) => body.push(self.parse_if()?),
            TokenKind::Keyword(Kw::While) => body.push(self.parse_while()?),
            TokenKind::Keyword(Kw::For) => body.push(self.parse_for(None)?),
            TokenKind::Keyword(Kw::Try) => body.push(self.parse_try()?),
            TokenKind::Keyword(Kw::With) => body.push(self.parse_with(None)?),
            TokenKind::Keyword(Kw::Class) => body.push(self.parse_class(Vec::new())?),
            TokenKind::Op(Op::At) => self.parse_decorated(body)?,
            TokenKind::Keyword(Kw::Async) => {
                let async_start = self.start();
                match self.look(1) {
                    TokenKind::Keyword(Kw::Def) => {
                        self.bump();
                        body.push(self.parse_function_def(Vec::new(), Some(async_start))?);
                    }
                    TokenKind::Keyword(Kw::For) => {
                        self.bump();
                        body.push(self.parse_for(Some(async_start))?);
                    }
                    TokenKind::Keyword(Kw::With) => {
                        self.bump();
                        body.push(self.parse_with(Some(async_start))?);
                    }
                    _ => return Err(Failure::Invalid),
                }
            }
            TokenKind::Name(name) if name == "match" && self.try_match_statement(body)? => {}
            _ => self.parse_simple_statements(body)?,
        }
        Ok(())
    }

    /// A block: an indented suite, or simple statements on the same line.
    /// `owner` is the keyword of the statement it belongs to and `line`
    /// that keyword's line, for CPython's "expected an indented block".
    pub(super) fn parse_block(&mut self, owner: &str, line: u32) -> PResult<Vec<Stmt>> {
        self.nested(|p| {
            let mut body = Vec::new();
            if p.at_newline() {
                p.bump();
                if *p.peek() != TokenKind::Indent {
                    return Err(Failure::from(Diagnostic::indentation(
                        format!(
                            "expected an indented block after {} on line {line}",
                            block_owner(owner)
                        ),
                        p.span(),
                    )));
                }
                p.bump();
                loop {
                    p.parse_statement_into(&mut body)?;
                    if *p.peek() == TokenKind::Dedent {
                        p.bump();
                        break;
                    }
                }
            } else {
                p.parse_simple_statements(&mut body)?;
            }
            Ok(body)
        })
    }

    /// `simple_stmt (';' simple_stmt)* [';'] NEWLINE`.
    #[inline(never)]
    pub(super) fn parse_simple_statements(&mut self, body: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            body.push(self.parse_simple_statement()?);
            if self.eat_op(Op::Semi) {
                if self.at_newline() {
                    break;
                }
                continue;
            }
            if !self.at_newline() {
                return Err(Failure::Invalid);
            }
            break;
        }
        self.bump();
        Ok(())
    }

    pub(super) fn parse_simple_statement(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let kind = match self.peek().clone() {
            TokenKind::Keyword(Kw::Pass) => {
                self.bump();
                StmtKind::Pass
            }
            TokenKind::Keyword(Kw::Break) => {
                self.bump();
                StmtKind::Break
            }
            TokenKind::Keyword(Kw::Continue) => {
                self.bump();
                StmtKind::Continue
            }
            TokenKind::Keyword(Kw::Return) => {
                self.bump();
                let value = if self.at_statement_end() {
                    None
                } else {
                    Some(self.parse_star_expressions()?)
                };
                StmtKind::Return(value)
            }
            TokenKind::Keyword(Kw::Raise) => self.parse_raise()?,
            TokenKind::Keyword(Kw::Global) | TokenKind::Keyword(Kw::Nonlocal) => {
                let is_global = self.at_kw(Kw::Global);
                self.bump();
                let mut names = vec![self.expect_name()?.0];
                while self.eat_op(Op::Comma) {
                    names.push(self.expect_name()?.0);
                }
                if is_global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            TokenKind::Keyword(Kw::Del) => self.parse_del()?,
            TokenKind::Keyword(Kw::Assert) => {
                self.bump();
                let test = self.parse_expression()?;
                let msg = if self.eat_op(Op::Comma) {
                    Some(self.parse_expression()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            TokenKind::Keyword(Kw::Import) => self.parse_import()?,
            TokenKind::Keyword(Kw::From) => self.parse_from_import()?,
            _ => self.parse_expression_statement()?,
        };
        Ok(Stmt {
            kind,
            span: self.span_from(start),
        })
    }

    pub(super) fn at_statement_end(&mut self) -> bool {
        matches!(self.peek(), TokenKind::Newline | TokenKind::Op(Op::Semi))
    }

    /// Expression statements and every kind of assignment.
    pub(super) fn parse_expression_statement(&mut self) -> PResult<StmtKind> {
        let first_index = self.pos;
        let first = self.parse_star_expressions_or_yield()?;
        match self.peek().clone() {
            TokenKind::Op(Op::Equal) => self.parse_assignment(first, first_index),
            TokenKind::Op(Op::Colon) => self.parse_annotated_assignment(first, first_index),
            TokenKind::Op(op) if augmented_operator(op).is_some() => {
                let op = augmented_operator(op).expect("checked by the guard");
                if !matches!(
                    first.kind,
                    ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
                ) {
                    return error(
                        format!(
                            "'{}' is an illegal expression for augmented assignment",
                            expr_name(&first)
                        ),
                        first.span,
                    );
                }
                self.bump();
                let value = self.parse_star_expressions_or_yield()?;
                Ok(StmtKind::AugAssign {
                    target: first,
                    op,
                    value,
                })
            }
            _ => Ok(StmtKind::Expr(first)),
        }
    }

    pub(super) fn parse_star_expressions_or_yield(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Yield) {
            self.parse_yield()
        } else {
            self.parse_star_expressions()
        }
    }

    /// `a = b = value`, the `=` of the first one next.
    pub(super) fn parse_assignment(
        &mut self,
        first: Expr,
        first_index: usize,
    ) -> PResult<StmtKind> {
        let mut targets = vec![first];
        while self.eat_op(Op::Equal) {
            let value_index = self.pos;
            let value = match self.parse_star_expressions_or_yield() {
                Ok(value) => value,
                // `f() = =`: CPython names the bad target before the value.
                Err(Failure::Invalid) => {
                    self.check_assignment_targets(&targets, first_index, value_index)?;
                    return Err(Failure::Invalid);
                }
                Err(failure) => return Err(failure),
            };
            if !self.at_op(Op::Equal) {
                self.check_assignment_targets(&targets, first_index, value_index)?;
                return Ok(StmtKind::Assign { targets, value });
            }
            targets.push(value);
        }
        Err(Failure::Invalid)
    }

    /// CPython's `invalid_assignment` and `invalid_named_expression` rules.
    pub(super) fn check_assignment_targets(
        &mut self,
        targets: &[Expr],
        first_index: usize,
        value_index: usize,
    ) -> PResult<()> {
        if targets.len() == 1 {
            // `a, f() = 1`: CPython's rule sees `f() = 1` on its own.
            let first = &targets[0];
            let parenthesized = self.token_at(first_index).kind == TokenKind::Op(Op::LParen);
            let candidate = match &first.kind {
                ExprKind::Tuple(elts) if !parenthesized => elts.last(),
                _ => Some(first),
            };
            if let Some(candidate) = candidate {
                let starts_with_constant = matches!(
                    self.token_at(first_index).kind,
                    TokenKind::Keyword(Kw::None | Kw::True | Kw::False)
                );
                if is_invalid_target(candidate, TargetKind::Assign).is_some()
                    && !starts_with_constant
                    && is_plain_assignment_target_candidate(candidate)
                    && self.bitwise_or_value_at(value_index).is_some()
                {
                    return error(
                        format!(
                            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                            expr_name(candidate)
                        ),
                        candidate.span,
                    );
                }
            }
        }
        for target in targets {
            if matches!(target.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
                return error("assignment to yield expression not possible", target.span);
            }
            if let Some(invalid) = is_invalid_target(target, TargetKind::Assign) {
                return error(
                    format!("cannot assign to {}", expr_name(invalid)),
                    invalid.span,
                );
            }
        }
        Ok(())
    }

    /// The `bitwise_or` at token `index` if one is there and no `=` or
    /// `:=` follows it (CPython's rules for `a = b` where a value belongs).
    #[inline(never)]
    pub(super) fn bitwise_or_value_at(&mut self, index: usize) -> Option<Expr> {
        let saved = (self.pos, self.furthest, self.depth);
        self.pos = index;
        let value = self.parse_bitwise_or().ok();
        let followed_by_assignment =
            matches!(self.peek(), TokenKind::Op(Op::Equal | Op::ColonEqual));
        (self.pos, self.furthest, self.depth) = saved;
        value.filter(|_| !followed_by_assignment)
    }

    pub(super) fn parse_annotated_assignment(
        &mut self,
        target: Expr,
        first_index: usize,
    ) -> PResult<StmtKind> {
        let parenthesized = self.token_at(first_index).kind == TokenKind::Op(Op::LParen);
        match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
            // CPython's `invalid_assignment` names a bad target only when an
            // annotation follows the colon (a look, in its second pass).
            _ if self
                .look_ahead(|p| {
                    p.bump();
                    p.parse_expression()
                })
                .is_none() =>
            {
                return Err(Failure::Invalid)
            }
            ExprKind::Tuple(elts) if !parenthesized && !elts.is_empty() => {
                return error(
                    "only single target (not tuple) can be annotated",
                    elts[0].span,
                );
            }
            ExprKind::Tuple(_) => {
                return error(
                    "only single target (not tuple) can be annotated",
                    target.span,
                )
            }
            ExprKind::List(_) => {
                return error(
                    "only single target (not list) can be annotated",
                    target.span,
                )
            }
            _ => return error("illegal target for annotation", target.span),
        }
        self.bump();
        let annotation = self.parse_expression()?;
        let value = if self.eat_op(Op::Equal) {
            Some(self.parse_star_expressions_or_yield()?)
        } else {
            None
        };
        Ok(StmtKind::AnnAssign {
            target,
            annotation,
            value,
        })
    }

    pub(super) fn parse_raise(&mut self) -> PResult<StmtKind> {
        self.bump();
        if self.at_statement_end() {
            return Ok(StmtKind::Raise {
                exc: None,
                cause: None,
            });
        }
        let exc = self.parse_expression()?;
        let cause = if self.eat_kw(Kw::From) {
            Some(self.parse_expression()?)
        } else {
            None
        };
        Ok(StmtKind::Raise {
            exc: Some(exc),
            cause,
        })
    }

    pub(super) fn parse_del(&mut self) -> PResult<StmtKind> {
        self.bump();
        let targets_index = self.pos;
        let parsed = self.speculate(|p| {
            let mut targets = vec![p.parse_target_element(TargetKind::Delete)?];
            while p.eat_op(Op::Comma) {
                if p.at_statement_end() {
                    break;
                }
                targets.push(p.parse_target_element(TargetKind::Delete)?);
            }
            if p.at_statement_end()
                && targets
                    .iter()
                    .all(|t| is_invalid_target(t, TargetKind::Delete).is_none())
            {
                Ok(targets)
            } else {
                Err(Failure::Invalid)
            }
        });
        if let Some(targets) = parsed {
            return Ok(StmtKind::Delete(targets));
        }
        // CPython's `invalid_del_stmt`: name the offending target.
        self.pos = targets_index;
        let all = self.parse_star_expressions()?;
        if let Some(invalid) = is_invalid_target(&all, TargetKind::Delete) {
            return error(
                format!("cannot delete {}", expr_name(invalid)),
                invalid.span,
            );
        }
        Err(Failure::Invalid)
    }

    pub(super) fn parse_import(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let name = self.parse_dotted_name()?;
            let asname = if self.eat_kw(Kw::As) {
                Some(self.expect_name()?.0)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                span: self.span_from(start),
            });
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        Ok(StmtKind::Import(names))
    }

    pub(super) fn parse_dotted_name(&mut self) -> PResult<String> {
        let mut name = self.expect_name()?.0;
        while self.at_op(Op::Dot) {
            self.bump();
            name.push('.');
            name.push_str(&self.expect_name()?.0);
        }
        Ok(name)
    }

    /// `from module import names`; a relative module keeps its leading dots
    /// in the module string (`from ..a import b` has module `..a`).
    pub(super) fn parse_from_import(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut module = String::new();
        loop {
            match self.peek() {
                TokenKind::Op(Op::Dot) => module.push('.'),
                TokenKind::Op(Op::Ellipsis) => module.push_str("..."),
                _ => break,
            }
            self.bump();
        }
        if !self.at_kw(Kw::Import) {
            module.push_str(&self.parse_dotted_name()?);
        }
        if !self.eat_kw(Kw::Import) {
            return Err(Failure::Invalid);
        }
        if self.at_op(Op::Star) {
            let span = self.bump();
            return Ok(StmtKind::ImportFrom {
                module,
                names: vec![Alias {
                    name: "*".into(),
                    asname: None,
                    span,
                }],
            });
        }
        let parenthesized = self.eat_op(Op::LParen);
        let mut names = Vec::new();
        loop {
            let (name, name_span) = self.expect_name()?;
            let asname = if self.eat_kw(Kw::As) {
                Some(self.expect_name()?.0)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                span: self.span_from(name_span.start),
            });
            if !self.at_op(Op::Comma) {
                break;
            }
            self.bump();
            if parenthesized && self.at_op(Op::RParen) {
                break;
            }
            if !parenthesized && self.at_newline() {
                return error(
                    "trailing comma not allowed without surrounding parentheses",
                    self.span(),
                );
            }
        }
        if parenthesized {
            self.expect_op(Op::RParen)?;
        }
        Ok(StmtKind::ImportFrom { module, names })
    }
}
