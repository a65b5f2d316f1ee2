//! What primaries are made of: call arguments, subscripts and slices, atoms,
//! parenthesized forms, list, set and dict displays, comprehension clauses
//! and `yield`.

use crate::ast::{Comprehension, Constant, Expr, ExprKind, Keyword, Pos, Span};
use crate::diagnostic::Diagnostic;
use crate::lexer::{self, Keyword as Kw, Op, TokenKind};

use super::{error, Failure, PResult, Parser, TargetKind};

impl<'s> Parser<'s> {
    /// Call arguments after `(`, through `)`.
    #[inline(never)]
    pub(super) fn parse_call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let open_index = self.pos - 1;
        let mut args: Vec<Expr> = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_double_star = false;
        while !self.at_op(Op::RParen) {
            let start = self.start();
            if self.at_op(Op::Star) {
                if seen_double_star {
                    return error(
                        "iterable argument unpacking follows keyword argument unpacking",
                        self.span(),
                    );
                }
                let starred = self.parse_starred(|p| p.parse_expression())?;
                args.push(starred);
            } else if self.at_op(Op::DoubleStar) {
                self.bump();
                let value = self.parse_expression()?;
                seen_double_star = true;
                keywords.push(Keyword {
                    name: None,
                    value,
                    span: self.span_from(start),
                });
            } else if matches!(self.peek(), TokenKind::Name(_))
                && *self.look(1) == TokenKind::Op(Op::Equal)
            {
                let (name, _) = self.expect_name()?;
                self.bump();
                let value_index = self.pos;
                let value = self.parse_expression()?;
                if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
                    return error(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        Span::new(start, self.token_at(value_index - 1).span.end),
                    );
                }
                keywords.push(Keyword {
                    name: Some(name),
                    value,
                    span: self.span_from(start),
                });
            } else {
                let arg_index = self.pos;
                let arg = if matches!(self.peek(), TokenKind::Name(_))
                    && *self.look(1) == TokenKind::Op(Op::ColonEqual)
                {
                    self.parse_walrus()?
                } else {
                    self.parse_expression()?
                };
                if self.at_op(Op::Equal) {
                    return Err(self.invalid_keyword_argument(&arg, arg_index));
                }
                if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
                    let generators = self.parse_comprehension_clauses()?;
                    let first = args.is_empty() && keywords.is_empty();
                    let alone = first && self.at_op(Op::RParen);
                    // CPython's `invalid_arguments` complains of a first
                    // generator only when a comma follows it.
                    if first && !alone && !self.at_op(Op::Comma) {
                        return Err(Failure::Invalid);
                    }
                    if !alone {
                        let last = self.prev_end();
                        return error(
                            "Generator expression must be parenthesized",
                            Span::new(arg.span.start, last),
                        );
                    }
                    let open = self.token_at(open_index).span.start;
                    self.bump();
                    let span = Span::new(open, self.prev_end());
                    args.push(Expr {
                        kind: ExprKind::GeneratorExp {
                            elt: Box::new(arg),
                            generators,
                        },
                        span,
                    });
                    return Ok((args, keywords));
                }
                if !keywords.is_empty() {
                    let message = if seen_double_star {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    // CPython matches the rest of the arguments first and
                    // reports the token after them.
                    self.speculate(|p| {
                        while p.eat_op(Op::Comma) && !p.at_op(Op::RParen) {
                            if p.at_op(Op::Star) || p.at_op(Op::DoubleStar) {
                                p.bump();
                            } else if matches!(p.peek(), TokenKind::Name(_))
                                && *p.look(1) == TokenKind::Op(Op::Equal)
                            {
                                p.bump();
                                p.bump();
                            }
                            p.parse_expression()?;
                        }
                        Ok(())
                    });
                    return error(message, self.span());
                }
                args.push(arg);
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.expect_op(Op::RParen)?;
        Ok((args, keywords))
    }

    /// CPython's `invalid_kwarg`: `f(True=1)`, `f(a.b=1)`.
    #[inline(never)]
    pub(super) fn invalid_keyword_argument(&mut self, arg: &Expr, arg_index: usize) -> Failure {
        let equal = self.span();
        let message = match &self.token_at(arg_index).kind {
            TokenKind::Keyword(kw @ (Kw::True | Kw::False | Kw::None))
                if arg_index + 1 == self.pos =>
            {
                format!("cannot assign to {}", kw.text())
            }
            _ => "expression cannot contain assignment, perhaps you meant \"==\"?".to_string(),
        };
        Failure::from(Diagnostic::syntax(message, arg.span.to(equal)))
    }

    /// Subscript contents after `[`, through `]`: a slice, an expression, or
    /// a tuple of them.
    #[inline(never)]
    pub(super) fn parse_slices(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_slice()?;
        let index = if self.at_op(Op::Comma) || matches!(first.kind, ExprKind::Starred(_)) {
            self.finish_tuple(start, first, |p| p.at_op(Op::RSquare), Self::parse_slice)?
        } else {
            first
        };
        self.expect_op(Op::RSquare)?;
        Ok(index)
    }

    pub(super) fn parse_slice(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            return self.parse_starred(|p| p.parse_expression());
        }
        let start = self.start();
        let lower = if self.at_op(Op::Colon) {
            None
        } else {
            Some(self.parse_named_expression()?)
        };
        if !self.at_op(Op::Colon) {
            return lower.ok_or(Failure::Invalid);
        }
        if matches!(
            lower,
            Some(Expr {
                kind: ExprKind::NamedExpr { .. },
                ..
            })
        ) && self.token_at(self.pos - 1).kind != TokenKind::Op(Op::RParen)
        {
            return Err(Failure::Invalid);
        }
        self.bump();
        let upper = if self.at_op(Op::Colon) || self.at_slice_end() {
            None
        } else {
            Some(self.parse_expression()?)
        };
        let step = if self.eat_op(Op::Colon) && !self.at_slice_end() {
            Some(self.parse_expression()?)
        } else {
            None
        };
        Ok(Expr {
            kind: ExprKind::Slice {
                lower: lower.map(Box::new),
                upper: upper.map(Box::new),
                step: step.map(Box::new),
            },
            span: self.span_from(start),
        })
    }

    pub(super) fn at_slice_end(&mut self) -> bool {
        matches!(self.peek(), TokenKind::Op(Op::Comma | Op::RSquare))
    }

    pub(super) fn parse_atom(&mut self) -> PResult<Expr> {
        let token = self.token_at(self.pos).clone();
        self.peek();
        let constant = |value| ExprKind::Constant(value);
        let kind = match token.kind {
            TokenKind::Name(name) => ExprKind::Name(name),
            TokenKind::Int(value) => constant(Constant::Int(value)),
            TokenKind::IntBeyondLimit(digits) => {
                return error(
                    format!(
                        "Exceeds the limit ({limit} digits) for integer string conversion: \
                         value has {digits} digits; use sys.set_int_max_str_digits() to \
                         increase the limit - Consider hexadecimal for huge integer literals \
                         to avoid decimal conversion limits.",
                        limit = lexer::INT_MAX_STR_DIGITS
                    ),
                    token.span,
                )
            }
            TokenKind::Float(value) => constant(Constant::Float(value)),
            TokenKind::Imaginary(value) => constant(Constant::Imaginary(value)),
            TokenKind::Keyword(Kw::None) => constant(Constant::None),
            TokenKind::Keyword(Kw::True) => constant(Constant::Bool(true)),
            TokenKind::Keyword(Kw::False) => constant(Constant::Bool(false)),
            TokenKind::Op(Op::Ellipsis) => constant(Constant::Ellipsis),
            TokenKind::Str(_) => return self.parse_strings(),
            // Brackets cost native stack but no nesting level: the lexer allows
            // CPython's 200, and what is inside them counts its own levels.
            TokenKind::Op(Op::LParen) => {
                self.check_stack()?;
                return self.parse_parenthesized();
            }
            TokenKind::Op(Op::LSquare) => {
                self.check_stack()?;
                return self.parse_list();
            }
            TokenKind::Op(Op::LBrace) => {
                self.check_stack()?;
                return self.parse_brace_display();
            }
            _ => return Err(Failure::Invalid),
        };
        self.bump();
        Ok(Expr {
            kind,
            span: token.span,
        })
    }

    /// `(...)`: a tuple, a generator expression, a parenthesized
    /// expression or `yield`.
    pub(super) fn parse_parenthesized(&mut self) -> PResult<Expr> {
        let open = self.bump();
        if self.eat_op(Op::RParen) {
            return Ok(Expr {
                kind: ExprKind::Tuple(Vec::new()),
                span: self.span_from(open.start),
            });
        }
        if self.at_kw(Kw::Yield) {
            let value = self.parse_yield()?;
            self.expect_op(Op::RParen)?;
            return Ok(value);
        }
        if self.at_op(Op::DoubleStar) {
            let star = self.bump();
            if self.speculate(|p| p.parse_expression()).is_some() && self.at_op(Op::RParen) {
                return error("cannot use double starred expression here", star);
            }
            return Err(Failure::Invalid);
        }
        let first = self.parse_star_named_expression()?;
        if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
            if let ExprKind::Starred(_) = first.kind {
                return error(
                    "iterable unpacking cannot be used in comprehension",
                    first.span,
                );
            }
            let generators = self.parse_comprehension_clauses()?;
            self.expect_op(Op::RParen)?;
            return Ok(Expr {
                kind: ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
                span: self.span_from(open.start),
            });
        }
        if self.eat_op(Op::RParen) {
            if let ExprKind::Starred(_) = first.kind {
                return error("cannot use starred expression here", first.span);
            }
            return Ok(first);
        }
        if !self.at_op(Op::Comma) {
            return Err(Failure::Invalid);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RParen) {
                break;
            }
            elts.push(self.parse_star_named_expression()?);
        }
        self.expect_op(Op::RParen)?;
        Ok(Expr {
            kind: ExprKind::Tuple(elts),
            span: self.span_from(open.start),
        })
    }

    #[inline(never)]
    pub(super) fn parse_list(&mut self) -> PResult<Expr> {
        let open = self.bump();
        if self.eat_op(Op::RSquare) {
            return Ok(Expr {
                kind: ExprKind::List(Vec::new()),
                span: self.span_from(open.start),
            });
        }
        let first = self.parse_star_named_expression()?;
        self.parse_display_or_comprehension(
            open.start,
            first,
            Op::RSquare,
            |elt, generators| ExprKind::ListComp { elt, generators },
            ExprKind::List,
        )
    }

    /// After the first element of a list or set display: a comprehension when `for`
    /// follows (built by `comprehension`), otherwise the rest of the display (built by
    /// `display`), through the `closing` bracket.
    fn parse_display_or_comprehension(
        &mut self,
        start: Pos,
        first: Expr,
        closing: Op,
        comprehension: fn(Box<Expr>, Vec<Comprehension>) -> ExprKind,
        display: fn(Vec<Expr>) -> ExprKind,
    ) -> PResult<Expr> {
        if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
            if let ExprKind::Starred(_) = first.kind {
                return error(
                    "iterable unpacking cannot be used in comprehension",
                    first.span,
                );
            }
            let generators = self.parse_comprehension_clauses()?;
            self.expect_op(closing)?;
            return Ok(Expr {
                kind: comprehension(Box::new(first), generators),
                span: self.span_from(start),
            });
        }
        let elts = self.parse_display_rest(first, closing)?;
        Ok(Expr {
            kind: display(elts),
            span: self.span_from(start),
        })
    }

    /// The elements of a list or set display after the first, through the
    /// closing bracket.
    #[inline(never)]
    pub(super) fn parse_display_rest(&mut self, first: Expr, closing: Op) -> PResult<Vec<Expr>> {
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(closing) {
                break;
            }
            elts.push(self.parse_star_named_expression()?);
        }
        if (self.at_kw(Kw::For) || self.at_kw(Kw::Async)) && elts.len() > 1 {
            return error(
                "did you forget parentheses around the comprehension target?",
                elts[0].span.to(elts[elts.len() - 1].span),
            );
        }
        self.expect_op(closing)?;
        Ok(elts)
    }

    /// `{...}`: dict or set display or comprehension.
    #[inline(never)]
    pub(super) fn parse_brace_display(&mut self) -> PResult<Expr> {
        let open = self.bump();
        if self.eat_op(Op::RBrace) {
            return Ok(Expr {
                kind: ExprKind::Dict(Vec::new()),
                span: self.span_from(open.start),
            });
        }
        let double_star = self.span();
        let first_key = if self.at_op(Op::DoubleStar) {
            self.bump();
            None
        } else {
            let first = self.parse_star_named_expression()?;
            if !self.at_op(Op::Colon) {
                // A set.
                return self.parse_display_or_comprehension(
                    open.start,
                    first,
                    Op::RBrace,
                    |elt, generators| ExprKind::SetComp { elt, generators },
                    ExprKind::Set,
                );
            }
            if matches!(
                first.kind,
                ExprKind::Starred(_) | ExprKind::NamedExpr { .. }
            ) {
                return Err(Failure::Invalid);
            }
            self.bump();
            Some(first)
        };
        let first_value = if first_key.is_some() {
            self.parse_dict_value()?
        } else {
            self.parse_bitwise_or()?
        };
        if let Some(key) = first_key
            .as_ref()
            .filter(|_| self.at_kw(Kw::For) || self.at_kw(Kw::Async))
        {
            let key = key.clone();
            let generators = self.parse_comprehension_clauses()?;
            self.expect_op(Op::RBrace)?;
            return Ok(Expr {
                kind: ExprKind::DictComp {
                    key: Box::new(key),
                    value: Box::new(first_value),
                    generators,
                },
                span: self.span_from(open.start),
            });
        }
        if first_key.is_none() && (self.at_kw(Kw::For) || self.at_kw(Kw::Async)) {
            return error(
                "dict unpacking cannot be used in dict comprehension",
                double_star,
            );
        }
        let mut items = vec![(first_key, first_value)];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RBrace) {
                break;
            }
            if self.eat_op(Op::DoubleStar) {
                items.push((None, self.parse_bitwise_or()?));
                continue;
            }
            let key = self.parse_expression()?;
            if !self.at_op(Op::Colon) {
                if matches!(self.peek(), TokenKind::Op(Op::RBrace | Op::Comma)) {
                    return error("':' expected after dictionary key", key.span);
                }
                return Err(Failure::Invalid);
            }
            self.bump();
            let value = self.parse_dict_value()?;
            items.push((Some(key), value));
        }
        self.expect_op(Op::RBrace)?;
        Ok(Expr {
            kind: ExprKind::Dict(items),
            span: self.span_from(open.start),
        })
    }

    #[inline(never)]
    pub(super) fn parse_dict_value(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let star = self.span();
            if let Some(value) = self.speculate(|p| p.parse_starred(|p| p.parse_bitwise_or())) {
                return error(
                    "cannot use a starred expression in a dictionary value",
                    star.to(value.span),
                );
            }
        }
        if matches!(self.peek(), TokenKind::Op(Op::RBrace | Op::Comma)) {
            let colon = self.token_at(self.pos - 1).span;
            return error("expression expected after dictionary key and ':'", colon);
        }
        self.parse_expression()
    }

    /// `for target in iter [if cond]...` clauses (at least one).
    #[inline(never)]
    pub(super) fn parse_comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        loop {
            let is_async = self.at_kw(Kw::Async) && *self.look(1) == TokenKind::Keyword(Kw::For);
            if is_async {
                self.bump();
            }
            if !self.eat_kw(Kw::For) {
                break;
            }
            let target_index = self.pos;
            let target = match self.parse_target_list(TargetKind::For) {
                Ok(target) if self.at_kw(Kw::In) => target,
                Ok(_) | Err(Failure::Invalid) => return Err(self.invalid_for_target(target_index)),
                Err(failure) => return Err(failure),
            };
            self.bump();
            let iter = self.parse_disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw(Kw::If) {
                ifs.push(self.parse_disjunction()?);
            }
            generators.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        if generators.is_empty() {
            return Err(Failure::Invalid);
        }
        Ok(generators)
    }

    #[inline(never)]
    pub(super) fn parse_yield(&mut self) -> PResult<Expr> {
        let start = self.bump().start;
        if self.eat_kw(Kw::From) {
            let value = self.parse_expression()?;
            return Ok(Expr {
                kind: ExprKind::YieldFrom(Box::new(value)),
                span: self.span_from(start),
            });
        }
        let value = if self.can_start_expression() || self.at_op(Op::Star) {
            Some(Box::new(self.parse_star_expressions()?))
        } else {
            None
        };
        Ok(Expr {
            kind: ExprKind::Yield(value),
            span: self.span_from(start),
        })
    }
}
