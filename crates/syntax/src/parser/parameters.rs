//! Parameter lists of `def` and `lambda`: positional-only, keyword-only,
//! defaults, `*args` and `**kwargs`, with CPython's messages for their
//! mistakes.

use crate::ast::{Param, Parameters};
use crate::lexer::{Op, TokenKind};

use super::{error, Failure, PResult, Parser};

impl<'s> Parser<'s> {
    /// A parameter list up to `closing` (`)` for `def`, `:` for `lambda`,
    /// which takes no annotations).
    #[inline(never)]
    pub(super) fn parse_parameters(&mut self, closing: Op) -> PResult<Parameters> {
        let annotated = closing == Op::RParen;
        let kind = if annotated {
            "Function"
        } else {
            "Lambda expression"
        };
        let mut params = Parameters::default();
        let mut seen_slash = false;
        let mut seen_star = false;
        let mut seen_default = false;
        loop {
            if self.at_op(closing) {
                break;
            }
            match self.peek().clone() {
                TokenKind::Op(Op::Slash) => {
                    let span = self.span();
                    if params.args.is_empty() && !seen_slash && !seen_star {
                        return error("at least one argument must precede /", span);
                    }
                    if seen_slash {
                        return error("/ may appear only once", span);
                    }
                    if seen_star {
                        return error("/ must be ahead of *", span);
                    }
                    self.bump();
                    seen_slash = true;
                    params.posonly = std::mem::take(&mut params.args);
                }
                TokenKind::Op(Op::Star) => {
                    let star = self.bump();
                    if seen_star {
                        return error("* argument may appear only once", star);
                    }
                    seen_star = true;
                    if self.at_op(Op::Comma) {
                        let bare_star_ok = !matches!(self.look(1), TokenKind::Op(op) if *op == closing || *op == Op::DoubleStar);
                        if !bare_star_ok {
                            return error("named arguments must follow bare *", star);
                        }
                    } else if self.at_op(closing) {
                        return error("named arguments must follow bare *", star);
                    } else {
                        let param = self.parse_param(annotated, true)?;
                        if self.at_op(Op::Equal) {
                            return error(
                                "var-positional argument cannot have default value",
                                self.span(),
                            );
                        }
                        params.vararg = Some(param);
                    }
                }
                TokenKind::Op(Op::DoubleStar) => {
                    self.bump();
                    let param = self.parse_param(annotated, false)?;
                    if self.at_op(Op::Equal) {
                        return error(
                            "var-keyword argument cannot have default value",
                            self.span(),
                        );
                    }
                    params.kwarg = Some(param);
                    if self.eat_op(Op::Comma) && !self.at_op(closing) {
                        if matches!(
                            self.peek(),
                            TokenKind::Name(_)
                                | TokenKind::Op(Op::Star | Op::DoubleStar | Op::Slash)
                        ) {
                            return error(
                                "arguments cannot follow var-keyword argument",
                                self.span(),
                            );
                        }
                        return Err(Failure::Invalid);
                    }
                    break;
                }
                TokenKind::Op(Op::LParen) if !seen_star => {
                    let open = self.span();
                    let close = self.speculate(|p| {
                        p.bump();
                        p.expect_name()?;
                        while p.eat_op(Op::Comma) {
                            if p.at_op(Op::RParen) {
                                break;
                            }
                            p.expect_name()?;
                        }
                        let close = p.span();
                        p.expect_op(Op::RParen)?;
                        Ok(close)
                    });
                    if let Some(close) = close {
                        return error(
                            format!("{kind} parameters cannot be parenthesized"),
                            open.to(close),
                        );
                    }
                    return Err(Failure::Invalid);
                }
                _ => {
                    let mut param = self.parse_param(annotated, false)?;
                    if self.at_op(Op::Equal) {
                        let equal = self.bump();
                        if matches!(self.peek(), TokenKind::Op(Op::RParen | Op::Comma)) {
                            return error("expected default value expression", equal);
                        }
                        param.default = Some(self.parse_expression()?);
                        seen_default = true;
                    } else if seen_default && !seen_star {
                        return error("non-default argument follows default argument", param.span);
                    }
                    if seen_star {
                        params.kwonly.push(param);
                    } else {
                        params.args.push(param);
                    }
                }
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.at_op(closing) {
            if seen_slash && self.at_op(Op::Star) {
                return error("expected comma between / and *", self.span());
            }
            return Err(Failure::Invalid);
        }
        if seen_star && params.vararg.is_none() && params.kwonly.is_empty() {
            return Err(Failure::Invalid);
        }
        Ok(params)
    }

    /// `name[: annotation]`; `*args` may be annotated `*Ts` (`star_annotation`).
    pub(super) fn parse_param(
        &mut self,
        annotated: bool,
        allow_star_annotation: bool,
    ) -> PResult<Param> {
        let (name, name_span) = self.expect_name()?;
        let annotation = if annotated && self.eat_op(Op::Colon) {
            if allow_star_annotation && self.at_op(Op::Star) {
                Some(self.parse_starred(|p| p.parse_expression())?)
            } else {
                Some(self.parse_expression()?)
            }
        } else {
            None
        };
        Ok(Param {
            name,
            default: None,
            annotation,
            span: self.span_from(name_span.start),
        })
    }
}
