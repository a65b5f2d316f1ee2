//! Assignment and `for` targets: target lists and starred targets.

use crate::ast::{Expr, ExprKind, Pos};
use crate::lexer::{Keyword as Kw, Op};

use super::{is_invalid_target, Failure, PResult, Parser, TargetKind};

impl<'s> Parser<'s> {
    /// `star_targets`: a comma-separated target list (a tuple if commas).
    pub(super) fn parse_target_list(&mut self, kind: TargetKind) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_target_element(kind)?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        self.finish_tuple(
            start,
            first,
            |p| p.at_kw(Kw::In) || p.at_op(Op::Equal),
            |p| p.parse_target_element(kind),
        )
    }

    /// The rest of a comma-separated tuple whose first element is parsed: one more
    /// `element` after each comma, until `at_end` (so a trailing comma is allowed).
    pub(super) fn finish_tuple(
        &mut self,
        start: Pos,
        first: Expr,
        at_end: impl Fn(&mut Self) -> bool,
        element: impl Fn(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if at_end(self) {
                break;
            }
            elts.push(element(self)?);
        }
        Ok(Expr {
            kind: ExprKind::Tuple(elts),
            span: self.span_from(start),
        })
    }

    /// One target: `*target` or a primary (`x`, `a.b`, `a[i]`, `(a, b)`,
    /// `[a, *b]`), checked by the caller.
    pub(super) fn parse_target_element(&mut self, kind: TargetKind) -> PResult<Expr> {
        if self.at_op(Op::Star) && kind != TargetKind::Delete {
            return self.parse_starred(|p| p.parse_target_element(kind));
        }
        let target = self.nested(|p| p.parse_primary())?;
        if is_invalid_target(&target, kind).is_some() {
            return Err(Failure::Invalid);
        }
        Ok(target)
    }

    pub(super) fn parse_starred(
        &mut self,
        operand: impl FnOnce(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        let start = self.bump().start;
        let value = self.nested(operand)?;
        Ok(Expr {
            kind: ExprKind::Starred(Box::new(value)),
            span: self.span_from(start),
        })
    }
}
