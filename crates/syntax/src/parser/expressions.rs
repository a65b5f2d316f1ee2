//! Expressions down to primaries: starred and named expressions, the
//! conditional expression, `lambda`, boolean operators, comparisons, the
//! binary operators by precedence climbing, unary operators, `**`, `await`
//! and the primary's trailers; with CPython's explanations of expressions
//! that run together.

use crate::ast::{BinOp, BoolOp, CmpOp, Expr, ExprKind, UnaryOp};
use crate::lexer::{Keyword as Kw, Op, TokenKind};

use super::{
    error, expr_name, is_plain_assignment_target_candidate, Failure, PResult, Parser,
    FORGOT_A_COMMA,
};

impl<'s> Parser<'s> {
    /// `star_expressions`: a tuple when there is a comma.
    pub(super) fn parse_star_expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_star_expression()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        self.finish_tuple(
            start,
            first,
            Self::ends_star_list,
            Self::parse_star_expression,
        )
    }

    pub(super) fn parse_star_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            self.parse_starred(|p| p.parse_bitwise_or())
        } else {
            self.parse_expression()
        }
    }

    /// `star_named_expressions` as in a subject or display: a tuple if commas.
    pub(super) fn parse_star_named_expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_star_named_expression()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        self.finish_tuple(
            start,
            first,
            Self::ends_star_list,
            Self::parse_star_named_expression,
        )
    }

    pub(super) fn parse_star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            self.parse_starred(|p| p.parse_bitwise_or())
        } else {
            self.parse_named_expression()
        }
    }

    /// After a comma in a starred list: whether the list ends here.
    pub(super) fn ends_star_list(&mut self) -> bool {
        !self.can_start_expression() && !self.at_op(Op::Star)
    }

    /// Whether the current token can begin an expression.
    pub(super) fn can_start_expression(&mut self) -> bool {
        match self.peek() {
            TokenKind::Name(_)
            | TokenKind::Int(_)
            | TokenKind::IntBeyondLimit(_)
            | TokenKind::Float(_)
            | TokenKind::Imaginary(_)
            | TokenKind::Str(_) => true,
            TokenKind::Keyword(kw) => matches!(
                kw,
                Kw::None | Kw::True | Kw::False | Kw::Not | Kw::Lambda | Kw::Await
            ),
            TokenKind::Op(op) => matches!(
                op,
                Op::LParen
                    | Op::LSquare
                    | Op::LBrace
                    | Op::Minus
                    | Op::Plus
                    | Op::Tilde
                    | Op::Ellipsis
            ),
            _ => false,
        }
    }

    /// `named_expression`: `NAME := expression` or an expression, with
    /// CPython's advice when an `=` follows.
    pub(super) fn parse_named_expression(&mut self) -> PResult<Expr> {
        if matches!(self.peek(), TokenKind::Name(_))
            && *self.look(1) == TokenKind::Op(Op::ColonEqual)
        {
            return self.parse_walrus();
        }
        let start_index = self.pos;
        let expr = self.parse_expression()?;
        if self.at_op(Op::Equal) {
            self.misplaced_assignment(&expr, start_index)?;
        }
        Ok(expr)
    }

    #[inline(never)]
    pub(super) fn parse_walrus(&mut self) -> PResult<Expr> {
        let (name, name_span) = self.expect_name()?;
        self.bump();
        let value = self.parse_expression()?;
        let target = Expr {
            kind: ExprKind::Name(name),
            span: name_span,
        };
        Ok(Expr {
            kind: ExprKind::NamedExpr {
                target: Box::new(target),
                value: Box::new(value),
            },
            span: self.span_from(name_span.start),
        })
    }

    /// CPython's `invalid_named_expression`: `x = 1` where a value is
    /// expected. The `=` is the current token.
    #[inline(never)]
    pub(super) fn misplaced_assignment(
        &mut self,
        target: &Expr,
        start_index: usize,
    ) -> PResult<()> {
        let Some(value) = self.bitwise_or_value_at(self.pos + 1) else {
            return Ok(());
        };
        if let ExprKind::Name(_) = target.kind {
            if self.token_at(start_index + 1).kind == TokenKind::Op(Op::Equal) {
                return error(
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    target.span.to(value.span),
                );
            }
        }
        let starts_with_constant = matches!(
            self.token_at(start_index).kind,
            TokenKind::Keyword(Kw::None | Kw::True | Kw::False)
        );
        if !starts_with_constant && is_plain_assignment_target_candidate(target) {
            return error(
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(target)
                ),
                target.span,
            );
        }
        Ok(())
    }

    /// `expression`: a conditional expression, a lambda, or a disjunction.
    pub(super) fn parse_expression(&mut self) -> PResult<Expr> {
        self.nested(|p| {
            if p.at_kw(Kw::Lambda) {
                return p.parse_lambda();
            }
            let start_index = p.pos;
            let start = p.start();
            let body = p.parse_disjunction()?;
            if p.at_kw(Kw::If) {
                p.bump();
                let test = p.parse_disjunction()?;
                if !p.eat_kw(Kw::Else) {
                    if !matches!(p.peek(), TokenKind::Op(Op::Colon)) {
                        return error(
                            "expected 'else' after 'if' expression",
                            body.span.to(test.span),
                        );
                    }
                    return Err(Failure::Invalid);
                }
                let orelse = p.parse_expression()?;
                let span = p.span_from(start);
                return Ok(Expr {
                    kind: ExprKind::IfExp {
                        test: Box::new(test),
                        body: Box::new(body),
                        orelse: Box::new(orelse),
                    },
                    span,
                });
            }
            if p.can_start_expression() {
                p.explain_juxtaposition(&body, start_index)?;
            }
            Ok(body)
        })
    }

    /// Whether the expression at the current token begins with its first
    /// primary: no prefix operator (`not`, `+`, `-`, `~`, `await`) comes first.
    fn starts_with_primary(&mut self) -> bool {
        !matches!(
            self.peek(),
            TokenKind::Keyword(Kw::Not | Kw::Await | Kw::Lambda)
                | TokenKind::Op(Op::Plus | Op::Minus | Op::Tilde)
        )
    }

    /// Two expressions side by side (CPython's `invalid_expression`):
    /// Python 2's `print x`, or a missing comma inside brackets.
    #[inline(never)]
    pub(super) fn explain_juxtaposition(
        &mut self,
        first: &Expr,
        start_index: usize,
    ) -> PResult<()> {
        if self.without_explanations {
            return Ok(());
        }
        // CPython's `invalid_legacy_expression` wants the NAME token itself,
        // not `(print)`.
        let is_legacy = matches!(&first.kind, ExprKind::Name(name) if name == "print" || name == "exec")
            && matches!(self.token_at(start_index).kind, TokenKind::Name(_));
        if is_legacy {
            if let ExprKind::Name(name) = &first.kind {
                let name = name.clone();
                // CPython's PEG parser backtracks out of a failing trailer
                // or operator, so the expression may be a mere atom.
                let rest = self
                    .speculate(|p| p.parse_star_expressions())
                    .or_else(|| self.speculate(|p| p.parse_atom()));
                if let Some(rest) = rest {
                    return error(
                        format!(
                            "Missing parentheses in call to '{name}'. Did you mean {name}(...)?"
                        ),
                        first.span.to(rest.span),
                    );
                }
            }
            return Ok(());
        }
        let starts_with_name_and_string =
            matches!(self.token_at(start_index).kind, TokenKind::Name(_))
                && matches!(self.token_at(start_index + 1).kind, TokenKind::Str(_));
        // CPython 3.11 compares only the name's length of each soft keyword
        // (`strncmp`), so any prefix of one counts: `m`, `ca`, `_`.
        let starts_with_soft_keyword = matches!(
            &self.token_at(start_index).kind,
            TokenKind::Name(name) if ["match", "case", "_"].iter().any(|soft| soft.starts_with(name.as_str()))
        );
        if starts_with_soft_keyword {
            return Ok(());
        }
        if starts_with_name_and_string {
            // CPython's rule then matches from the string on: `f(b 'c' d)`.
            let juxtaposed = self.look_ahead(|p| {
                let first = p.without_explanations(Self::parse_disjunction)?;
                let second = p.expression_after_in_brackets().ok_or(Failure::Invalid)?;
                Ok((first, second))
            });
            return match juxtaposed {
                Some((first, second)) => error(FORGOT_A_COMMA, first.span.to(second.span)),
                None => Ok(()),
            };
        }
        // Outside brackets the second expression is left for the caller,
        // which reports "invalid syntax" at its first token.
        match self.look_ahead(|p| p.expression_after_in_brackets().ok_or(Failure::Invalid)) {
            Some(second) => error(FORGOT_A_COMMA, first.span.to(second.span)),
            None => Ok(()),
        }
    }

    /// The expression at the current token, parsed as CPython's
    /// `expression_without_invalid`, if it ends inside brackets.
    pub(super) fn expression_after_in_brackets(&mut self) -> Option<Expr> {
        if !self.can_start_expression() {
            return None;
        }
        let second = self.without_explanations(Self::parse_expression).ok()?;
        let in_brackets = self.token_at(self.pos - 1).bracket_depth > 0;
        in_brackets.then_some(second)
    }

    /// Run `parse` without the error explanations of juxtaposed expressions.
    pub(super) fn without_explanations<T>(
        &mut self,
        parse: impl FnOnce(&mut Self) -> PResult<T>,
    ) -> PResult<T> {
        let outer = std::mem::replace(&mut self.without_explanations, true);
        let result = parse(self);
        self.without_explanations = outer;
        result
    }

    #[inline(never)]
    pub(super) fn parse_lambda(&mut self) -> PResult<Expr> {
        let start = self.bump().start;
        let params = self.parse_parameters(Op::Colon)?;
        self.expect_op(Op::Colon)?;
        let body = self.parse_expression()?;
        Ok(Expr {
            kind: ExprKind::Lambda {
                params: Box::new(params),
                body: Box::new(body),
            },
            span: self.span_from(start),
        })
    }

    /// `disjunction`. Its first primary is parsed first, before the nine levels
    /// from here down to `await_primary` are entered: a bracket nested in it
    /// then costs the native stack of this level, not of all of theirs
    /// (CPython's 200 nested parentheses fit a 1 MiB stack).
    pub(super) fn parse_disjunction(&mut self) -> PResult<Expr> {
        if self.pending_primary.is_none() && self.starts_with_primary() {
            let start = self.start();
            let primary = self.parse_primary()?;
            self.pending_primary = Some((primary, start));
        }
        self.parse_bool_op(Kw::Or)
    }

    /// `a or b or c` / `a and b and c` as one flat `BoolOp`.
    pub(super) fn parse_bool_op(&mut self, keyword: Kw) -> PResult<Expr> {
        let operand = |p: &mut Self| {
            if keyword == Kw::Or {
                p.parse_bool_op(Kw::And)
            } else {
                p.parse_inversion()
            }
        };
        let start = self.start();
        let first = operand(self)?;
        if !self.at_kw(keyword) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(keyword) {
            values.push(operand(self)?);
        }
        let span = self.span_from(start);
        let op = if keyword == Kw::Or {
            BoolOp::Or
        } else {
            BoolOp::And
        };
        Ok(Expr {
            kind: ExprKind::BoolOp { op, values },
            span,
        })
    }

    pub(super) fn parse_inversion(&mut self) -> PResult<Expr> {
        if self.pending_primary.is_some() || !self.at_kw(Kw::Not) {
            return self.parse_comparison();
        }
        let start = self.bump().start;
        let operand = self.nested(|p| p.parse_inversion())?;
        let span = self.span_from(start);
        Ok(Expr {
            kind: ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand: Box::new(operand),
            },
            span,
        })
    }

    pub(super) fn parse_comparison(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.parse_bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some(op) = self.comparison_operator() {
            ops.push(op);
            comparators.push(self.parse_bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let span = self.span_from(start);
        Ok(Expr {
            kind: ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
            span,
        })
    }

    /// Consume a comparison operator if one is next.
    pub(super) fn comparison_operator(&mut self) -> Option<CmpOp> {
        let op = match self.peek().clone() {
            TokenKind::Op(Op::EqEqual) => CmpOp::Eq,
            TokenKind::Op(Op::NotEqual) => CmpOp::NotEq,
            TokenKind::Op(Op::Less) => CmpOp::Lt,
            TokenKind::Op(Op::LessEqual) => CmpOp::LtE,
            TokenKind::Op(Op::Greater) => CmpOp::Gt,
            TokenKind::Op(Op::GreaterEqual) => CmpOp::GtE,
            TokenKind::Keyword(Kw::In) => CmpOp::In,
            TokenKind::Keyword(Kw::Is) => {
                self.bump();
                return Some(if self.eat_kw(Kw::Not) {
                    CmpOp::IsNot
                } else {
                    CmpOp::Is
                });
            }
            TokenKind::Keyword(Kw::Not) if *self.look(1) == TokenKind::Keyword(Kw::In) => {
                self.bump();
                self.bump();
                return Some(CmpOp::NotIn);
            }
            _ => return None,
        };
        self.bump();
        Some(op)
    }

    pub(super) fn parse_bitwise_or(&mut self) -> PResult<Expr> {
        self.parse_binary(1)
    }

    /// Precedence climbing over the binary operators from `|` (level 1) to
    /// `*` `/` `//` `%` `@` (level 6), all left-associative.
    pub(super) fn parse_binary(&mut self, min_level: u8) -> PResult<Expr> {
        let start = self.start();
        let mut left = self.parse_factor()?;
        let mut chain = 0;
        let result = loop {
            let Some((op, level)) = self.binary_operator() else {
                break Ok(left);
            };
            if level < min_level {
                break Ok(left);
            }
            self.bump();
            let right = match self.parse_binary(level + 1) {
                Ok(right) => right,
                Err(failure) => break Err(failure),
            };
            if let Err(failure) = self.descend() {
                break Err(failure);
            }
            chain += 1;
            let span = self.span_from(start);
            left = Expr {
                kind: ExprKind::BinOp {
                    left: Box::new(left),
                    op,
                    right: Box::new(right),
                },
                span,
            };
        };
        self.depth -= chain;
        result
    }

    pub(super) fn binary_operator(&mut self) -> Option<(BinOp, u8)> {
        let TokenKind::Op(op) = self.peek() else {
            return None;
        };
        Some(match op {
            Op::VBar => (BinOp::BitOr, 1),
            Op::Circumflex => (BinOp::BitXor, 2),
            Op::Amper => (BinOp::BitAnd, 3),
            Op::LeftShift => (BinOp::LShift, 4),
            Op::RightShift => (BinOp::RShift, 4),
            Op::Plus => (BinOp::Add, 5),
            Op::Minus => (BinOp::Sub, 5),
            Op::Star => (BinOp::Mult, 6),
            Op::Slash => (BinOp::Div, 6),
            Op::DoubleSlash => (BinOp::FloorDiv, 6),
            Op::Percent => (BinOp::Mod, 6),
            Op::At => (BinOp::MatMult, 6),
            _ => return None,
        })
    }

    /// `factor`: unary `+` `-` `~`, binding looser than `**`.
    pub(super) fn parse_factor(&mut self) -> PResult<Expr> {
        if self.pending_primary.is_some() {
            return self.parse_power();
        }
        let op = match self.peek() {
            TokenKind::Op(Op::Plus) => UnaryOp::Pos,
            TokenKind::Op(Op::Minus) => UnaryOp::Neg,
            TokenKind::Op(Op::Tilde) => UnaryOp::Invert,
            _ => return self.parse_power(),
        };
        let start = self.bump().start;
        let operand = self.nested(|p| p.parse_factor())?;
        let span = self.span_from(start);
        Ok(Expr {
            kind: ExprKind::UnaryOp {
                op,
                operand: Box::new(operand),
            },
            span,
        })
    }

    /// `power`: `await_primary ['**' factor]`, right-associative.
    pub(super) fn parse_power(&mut self) -> PResult<Expr> {
        let start = self.start();
        let base = self.parse_await_primary()?;
        if !self.eat_op(Op::DoubleStar) {
            return Ok(base);
        }
        let exponent = self.nested(|p| p.parse_factor())?;
        let span = self.span_from(start);
        Ok(Expr {
            kind: ExprKind::BinOp {
                left: Box::new(base),
                op: BinOp::Pow,
                right: Box::new(exponent),
            },
            span,
        })
    }

    pub(super) fn parse_await_primary(&mut self) -> PResult<Expr> {
        if let Some((primary, _)) = self.pending_primary.take() {
            return Ok(primary);
        }
        if !self.at_kw(Kw::Await) {
            return self.parse_primary();
        }
        let start = self.bump().start;
        let value = self.nested(|p| p.parse_primary())?;
        let span = self.span_from(start);
        Ok(Expr {
            kind: ExprKind::Await(Box::new(value)),
            span,
        })
    }

    /// An atom and its trailers: `.name`, `(args)`, `[index]`.
    pub(super) fn parse_primary(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut expr = self.parse_atom()?;
        let mut chain = 0;
        let result = loop {
            let kind = match self.peek() {
                TokenKind::Op(Op::Dot) => {
                    self.bump();
                    match self.expect_name() {
                        Ok((attr, _)) => ExprKind::Attribute {
                            value: Box::new(expr),
                            attr,
                        },
                        Err(failure) => break Err(failure),
                    }
                }
                TokenKind::Op(Op::LParen) => {
                    self.bump();
                    match self.parse_call_arguments() {
                        Ok((args, keywords)) => ExprKind::Call {
                            func: Box::new(expr),
                            args,
                            keywords,
                        },
                        Err(failure) => break Err(failure),
                    }
                }
                TokenKind::Op(Op::LSquare) => {
                    self.bump();
                    match self.parse_slices() {
                        Ok(index) => ExprKind::Subscript {
                            value: Box::new(expr),
                            index: Box::new(index),
                        },
                        Err(failure) => break Err(failure),
                    }
                }
                _ => break Ok(expr),
            };
            if let Err(failure) = self.descend() {
                break Err(failure);
            }
            chain += 1;
            expr = Expr {
                kind,
                span: self.span_from(start),
            };
        };
        self.depth -= chain;
        result
    }
}
