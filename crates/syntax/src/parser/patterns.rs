//! The `match` statement (PEP 634): the subject, the `case` blocks and
//! their patterns, by CPython 3.11's grammar rules (`match_stmt`,
//! `patterns`, `closed_pattern`, ...) and its `invalid_*` explanations.
//! `match` and `case` are soft keywords: a statement starting with the name
//! `match` is a `match` statement only if it parses as one.

use crate::ast::{
    BinOp, Constant, Expr, ExprKind, MatchCase, Pattern, PatternKind, Span, Stmt, StmtKind, UnaryOp,
};
use crate::diagnostic::Diagnostic;
use crate::lexer::{Keyword as Kw, Op, TokenKind};

use super::{error, Failure, PResult, Parser};

impl<'s> Parser<'s> {
    /// `match subject:` followed by `case` blocks. Returns false (having
    /// consumed nothing) when `match` is just a name.
    #[inline(never)]
    pub(super) fn try_match_statement(&mut self, body: &mut Vec<Stmt>) -> PResult<bool> {
        let keyword_index = self.pos;
        let keyword_span = self.span();
        let before = self.checkpoint();
        let header = (|p: &mut Self| {
            p.bump();
            let subject = p.parse_star_named_expressions()?;
            // A starred subject needs a comma (`subject_expr`).
            if matches!(subject.kind, ExprKind::Starred(_)) {
                p.peek();
                return Err(Failure::Invalid);
            }
            if !p.at_op(Op::Colon) {
                return if p.at_newline() {
                    Ok(None)
                } else {
                    Err(Failure::Invalid)
                };
            }
            p.bump();
            Ok(Some(subject))
        })(self);
        let Ok(subject) = header else {
            // CPython reports "invalid syntax" at the furthest token it
            // looked at, this attempt included.
            let reached = self.furthest;
            self.rewind(before);
            self.furthest = self.furthest.max(reached);
            return Ok(false);
        };
        let Some(subject) = subject else {
            // `match(x)` is a call; `match x` lacks its colon.
            let newline = self.span();
            self.pos = keyword_index;
            return match self.speculate(|p| {
                let mut statements = Vec::new();
                p.parse_simple_statements(&mut statements)?;
                Ok(statements)
            }) {
                Some(statements) => {
                    body.extend(statements);
                    Ok(true)
                }
                None => error("expected ':'", newline),
            };
        };
        if !self.at_newline() || !matches!(self.look(1), TokenKind::Indent) {
            if self.at_newline() {
                self.bump();
                return Err(Failure::from(Diagnostic::indentation(
                    format!(
                        "expected an indented block after 'match' statement on line {}",
                        keyword_span.start.line
                    ),
                    self.span(),
                )));
            }
            return Err(Failure::Invalid);
        }
        self.bump();
        self.bump();
        let mut cases = Vec::new();
        loop {
            cases.push(self.nested(|p| p.parse_case())?);
            if *self.peek() == TokenKind::Dedent {
                self.bump();
                break;
            }
        }
        body.push(Stmt {
            kind: StmtKind::Match { subject, cases },
            span: self.span_from(keyword_span.start),
        });
        Ok(true)
    }

    /// `case patterns [if guard]: block`.
    fn parse_case(&mut self) -> PResult<MatchCase> {
        let case = self.span();
        if !self.at_name("case") {
            return Err(Failure::Invalid);
        }
        self.bump();
        let pattern = self.parse_patterns()?;
        let guard = if self.eat_kw(Kw::If) {
            Some(self.parse_named_expression()?)
        } else {
            None
        };
        let body = self.parse_colon_and_block("case", case.start.line)?;
        Ok(MatchCase {
            pattern,
            guard,
            body,
        })
    }

    /// `patterns`: an open sequence (`a, *b`) or one pattern.
    fn parse_patterns(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.parse_maybe_star_pattern()?;
        if !self.at_op(Op::Comma) {
            if matches!(first.kind, PatternKind::Star(_)) {
                return Err(Failure::Invalid);
            }
            return Ok(first);
        }
        let items = self.parse_sequence_rest(first, |p| p.at_op(Op::Colon) || p.at_kw(Kw::If))?;
        Ok(Pattern {
            kind: PatternKind::Sequence(items),
            span: self.span_from(start),
        })
    }

    /// After the first item of a sequence pattern, at a comma: the other
    /// items, up to where `at_end` says the sequence ends.
    fn parse_sequence_rest(
        &mut self,
        first: Pattern,
        at_end: impl Fn(&mut Self) -> bool,
    ) -> PResult<Vec<Pattern>> {
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            if at_end(self) {
                break;
            }
            items.push(self.parse_maybe_star_pattern()?);
        }
        Ok(items)
    }

    fn parse_maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if !self.at_op(Op::Star) {
            return self.parse_pattern();
        }
        let star = self.bump();
        let name = match self.peek().clone() {
            TokenKind::Name(name) => {
                self.bump();
                (name != "_").then_some(name)
            }
            _ => return Err(Failure::Invalid),
        };
        if name.is_some() && self.at_capture_follower() {
            return Err(Failure::Invalid);
        }
        Ok(Pattern {
            kind: PatternKind::Star(name),
            span: self.span_from(star.start),
        })
    }

    /// Whether the token after a name keeps it from being a capture
    /// (`!('.' | '(' | '=')`).
    fn at_capture_follower(&mut self) -> bool {
        matches!(self.peek(), TokenKind::Op(Op::Dot | Op::LParen | Op::Equal))
    }

    /// `pattern`: an or-pattern, maybe followed by `as name`.
    fn parse_pattern(&mut self) -> PResult<Pattern> {
        self.nested(|p| {
            let start = p.start();
            let pattern = p.parse_or_pattern()?;
            if !p.eat_kw(Kw::As) {
                return Ok(pattern);
            }
            let target = p.span();
            match p.peek().clone() {
                TokenKind::Name(name) if name == "_" => error("cannot use '_' as a target", target),
                TokenKind::Name(name) => {
                    p.bump();
                    if p.at_capture_follower() {
                        return Err(Failure::Invalid);
                    }
                    Ok(Pattern {
                        kind: PatternKind::As {
                            pattern: Some(Box::new(pattern)),
                            name: Some(name),
                        },
                        span: p.span_from(start),
                    })
                }
                _ => match p.look_ahead(|p| p.parse_expression()) {
                    Some(_) => {
                        let expr = p.parse_expression()?;
                        error("invalid pattern target", expr.span)
                    }
                    None => Err(Failure::Invalid),
                },
            }
        })
    }

    fn parse_or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.parse_closed_pattern()?;
        if !self.at_op(Op::VBar) {
            return Ok(first);
        }
        let mut alternatives = vec![first];
        while self.eat_op(Op::VBar) {
            alternatives.push(self.parse_closed_pattern()?);
        }
        Ok(Pattern {
            kind: PatternKind::Or(alternatives),
            span: self.span_from(start),
        })
    }

    fn parse_closed_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let kind = match self.peek().clone() {
            TokenKind::Int(_)
            | TokenKind::IntBeyondLimit(_)
            | TokenKind::Float(_)
            | TokenKind::Imaginary(_)
            | TokenKind::Op(Op::Minus)
            | TokenKind::Str(_) => PatternKind::Value(self.parse_literal_expr()?),
            TokenKind::Keyword(Kw::None) => self.singleton(Constant::None),
            TokenKind::Keyword(Kw::True) => self.singleton(Constant::Bool(true)),
            TokenKind::Keyword(Kw::False) => self.singleton(Constant::Bool(false)),
            TokenKind::Name(name) if name == "_" => {
                self.bump();
                PatternKind::As {
                    pattern: None,
                    name: None,
                }
            }
            TokenKind::Name(name) => {
                if !matches!(self.look(1), TokenKind::Op(Op::Dot | Op::LParen)) {
                    self.bump();
                    if self.at_op(Op::Equal) {
                        return Err(Failure::Invalid);
                    }
                    PatternKind::As {
                        pattern: None,
                        name: Some(name),
                    }
                } else {
                    let value = self.parse_name_or_attr()?;
                    if self.at_op(Op::LParen) {
                        self.parse_class_pattern(value)?
                    } else if self.at_op(Op::Equal) {
                        return Err(Failure::Invalid);
                    } else {
                        PatternKind::Value(value)
                    }
                }
            }
            TokenKind::Op(Op::LParen) => {
                self.bump();
                if self.eat_op(Op::RParen) {
                    PatternKind::Sequence(Vec::new())
                } else {
                    let first = self.parse_maybe_star_pattern()?;
                    if self.eat_op(Op::RParen) {
                        if matches!(first.kind, PatternKind::Star(_)) {
                            return Err(Failure::Invalid);
                        }
                        // A group: the pattern itself.
                        return Ok(first);
                    }
                    if !self.at_op(Op::Comma) {
                        return Err(Failure::Invalid);
                    }
                    let items = self.parse_sequence_rest(first, |p| p.at_op(Op::RParen))?;
                    self.expect_op(Op::RParen)?;
                    PatternKind::Sequence(items)
                }
            }
            TokenKind::Op(Op::LSquare) => {
                self.bump();
                let mut items = Vec::new();
                if !self.at_op(Op::RSquare) {
                    let first = self.parse_maybe_star_pattern()?;
                    items = self.parse_sequence_rest(first, |p| p.at_op(Op::RSquare))?;
                }
                self.expect_op(Op::RSquare)?;
                PatternKind::Sequence(items)
            }
            TokenKind::Op(Op::LBrace) => self.parse_mapping_pattern()?,
            _ => return Err(Failure::Invalid),
        };
        Ok(Pattern {
            kind,
            span: self.span_from(start),
        })
    }

    fn singleton(&mut self, value: Constant) -> PatternKind {
        self.bump();
        PatternKind::Singleton(value)
    }

    /// `name_or_attr`: `a` or `a.b.c`, as a name or attribute expression.
    fn parse_name_or_attr(&mut self) -> PResult<Expr> {
        let start = self.start();
        let (name, span) = self.expect_name()?;
        let mut expr = Expr {
            kind: ExprKind::Name(name),
            span,
        };
        while self.eat_op(Op::Dot) {
            let (attr, _) = self.expect_name()?;
            expr = Expr {
                kind: ExprKind::Attribute {
                    value: Box::new(expr),
                    attr,
                },
                span: self.span_from(start),
            };
        }
        Ok(expr)
    }

    /// `literal_expr` without `None`/`True`/`False`: a signed number, a
    /// complex number (`1 + 2j`) or strings.
    fn parse_literal_expr(&mut self) -> PResult<Expr> {
        if let TokenKind::Str(_) = self.peek() {
            return self.parse_strings();
        }
        let start = self.start();
        let (real, real_is_imaginary) = self.parse_signed_number()?;
        let op = match self.peek() {
            TokenKind::Op(Op::Plus) => BinOp::Add,
            TokenKind::Op(Op::Minus) => BinOp::Sub,
            _ => return Ok(real),
        };
        if real_is_imaginary {
            return error("real number required in complex literal", real.span);
        }
        self.bump();
        let is_imaginary = matches!(self.peek(), TokenKind::Imaginary(_));
        let imaginary = self.parse_atom()?;
        if !is_imaginary {
            return error(
                "imaginary number required in complex literal",
                imaginary.span,
            );
        }
        Ok(Expr {
            kind: ExprKind::BinOp {
                left: Box::new(real),
                op,
                right: Box::new(imaginary),
            },
            span: self.span_from(start),
        })
    }

    /// `NUMBER` or `-NUMBER`, and whether the number is imaginary.
    fn parse_signed_number(&mut self) -> PResult<(Expr, bool)> {
        let start = self.start();
        let negative = self.eat_op(Op::Minus);
        if !matches!(
            self.peek(),
            TokenKind::Int(_)
                | TokenKind::IntBeyondLimit(_)
                | TokenKind::Float(_)
                | TokenKind::Imaginary(_)
        ) {
            return Err(Failure::Invalid);
        }
        let imaginary = matches!(self.peek(), TokenKind::Imaginary(_));
        let number = self.parse_atom()?;
        if !negative {
            return Ok((number, imaginary));
        }
        let negated = Expr {
            kind: ExprKind::UnaryOp {
                op: UnaryOp::Neg,
                operand: Box::new(number),
            },
            span: self.span_from(start),
        };
        Ok((negated, imaginary))
    }

    /// `{key: pattern, ..., **rest}`.
    fn parse_mapping_pattern(&mut self) -> PResult<PatternKind> {
        self.bump();
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        while !self.at_op(Op::RBrace) {
            if self.eat_op(Op::DoubleStar) {
                match self.peek().clone() {
                    TokenKind::Name(name) if name != "_" => {
                        self.bump();
                        rest = Some(name);
                    }
                    _ => return Err(Failure::Invalid),
                }
                self.eat_op(Op::Comma);
                break;
            }
            let key = match self.peek() {
                TokenKind::Keyword(Kw::None) => self.constant_expr(Constant::None),
                TokenKind::Keyword(Kw::True) => self.constant_expr(Constant::Bool(true)),
                TokenKind::Keyword(Kw::False) => self.constant_expr(Constant::Bool(false)),
                TokenKind::Name(_) => {
                    let key = self.parse_name_or_attr()?;
                    if matches!(key.kind, ExprKind::Name(_)) {
                        return Err(Failure::Invalid);
                    }
                    key
                }
                _ => self.parse_literal_expr()?,
            };
            self.expect_op(Op::Colon)?;
            keys.push(key);
            patterns.push(self.parse_pattern()?);
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.expect_op(Op::RBrace)?;
        Ok(PatternKind::Mapping {
            keys,
            patterns,
            rest,
        })
    }

    fn constant_expr(&mut self, value: Constant) -> Expr {
        let span = self.bump();
        Expr {
            kind: ExprKind::Constant(value),
            span,
        }
    }

    /// `cls(positional, ..., name=pattern, ...)`, at the `(`.
    fn parse_class_pattern(&mut self, cls: Expr) -> PResult<PatternKind> {
        self.bump();
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        let mut misplaced: Option<Span> = None;
        while !self.at_op(Op::RParen) {
            let keyword = match self.peek().clone() {
                TokenKind::Name(name) if *self.look(1) == TokenKind::Op(Op::Equal) => Some(name),
                _ => None,
            };
            if let Some(name) = keyword {
                self.bump();
                self.bump();
                kwd_attrs.push(name);
                kwd_patterns.push(self.parse_pattern()?);
            } else {
                let pattern = self.parse_pattern()?;
                if !kwd_attrs.is_empty() {
                    misplaced = Some(misplaced.map_or(pattern.span, |s| s.to(pattern.span)));
                }
                patterns.push(pattern);
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.at_op(Op::RParen) {
            return Err(Failure::Invalid);
        }
        if let Some(span) = misplaced {
            return error("positional patterns follow keyword patterns", span);
        }
        self.bump();
        Ok(PatternKind::Class {
            cls,
            patterns,
            kwd_attrs,
            kwd_patterns,
        })
    }
}
