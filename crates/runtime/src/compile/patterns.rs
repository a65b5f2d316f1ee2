//! The `match` statement: CPython 3.11's pattern compiler (`compiler_match`
//! and `compiler_pattern_*` in compile.c), instruction for instruction.
//!
//! A pattern consumes the subject on top of the stack and either falls
//! through (it matched) or jumps to a failure label that first pops what
//! the pattern left on the stack. Captured values are not stored at once:
//! each is rotated under the items still in use and stored only when the
//! whole pattern has matched, so a failed case binds nothing.

use loopscope_syntax::ast::*;
use loopscope_syntax::Diagnostic;

use super::code::{Const, Instr};
use super::unparse::annotation_text;
use super::{err, folded_constant, CodeGen};

/// compile.c's `pattern_context`.
#[derive(Default)]
struct PatternContext {
    /// The names captured so far, their values on the stack (the first
    /// captured on top of the captures).
    stores: Vec<String>,
    /// Whether an irrefutable pattern may appear here.
    allow_irrefutable: bool,
    /// `fail_pop[n]`: the jumps to the failure path that must pop `n`
    /// items first.
    fail_pop: Vec<Vec<usize>>,
    /// How many items above the captures are still in use.
    on_top: usize,
}

/// CPython's `WILDCARD_CHECK`: `_`.
fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        p.kind,
        PatternKind::As {
            pattern: None,
            name: None
        }
    )
}

impl<'a> CodeGen<'a> {
    pub(super) fn match_statement(
        &mut self,
        subject: &'a Expr,
        cases: &'a [MatchCase],
    ) -> Result<(), Diagnostic> {
        self.expr(subject)?;
        let mut ends = Vec::new();
        let last = cases.last().expect("a match has cases");
        let has_default = is_wildcard(&last.pattern) && cases.len() > 1;
        let checked = cases.len() - usize::from(has_default);
        let mut pc = PatternContext::default();
        for (i, case) in cases[..checked].iter().enumerate() {
            self.set_span(case.pattern.span);
            // Only copy the subject if this is not the last case.
            let keeps_subject = i != checked - 1;
            if keeps_subject {
                self.emit(Instr::Copy(1));
            }
            pc.stores.clear();
            pc.allow_irrefutable = case.guard.is_some() || i == cases.len() - 1;
            pc.fail_pop.clear();
            pc.on_top = 0;
            self.pattern(&case.pattern, &mut pc)?;
            for name in std::mem::take(&mut pc.stores) {
                self.store_name(&name);
            }
            if let Some(guard) = &case.guard {
                ensure_fail_pop(&mut pc, 0);
                self.expr(guard)?;
                let jump = self.emit(Instr::PopJumpIfFalse(0));
                pc.fail_pop[0].push(jump);
            }
            if keeps_subject {
                self.emit(Instr::Pop);
            }
            self.body(&case.body)?;
            ends.push(self.emit(Instr::Jump(0)));
            // A failed pattern's cleanup belongs to the pattern's line.
            self.set_span(case.pattern.span);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            // The last case tried consumed the subject.
            self.set_span(last.pattern.span);
            self.emit(Instr::Nop);
            if let Some(guard) = &last.guard {
                self.expr(guard)?;
                ends.push(self.emit(Instr::PopJumpIfFalse(0)));
            }
            self.body(&last.body)?;
        }
        for end in ends {
            self.patch(end);
        }
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> Result<(), Diagnostic> {
        self.set_span(p.span);
        match &p.kind {
            PatternKind::Value(value) => {
                let is_value = matches!(value.kind, ExprKind::Attribute { .. })
                    || folded_constant(value).is_some();
                if !is_value {
                    return Err(err(
                        "patterns may only match literals and attribute lookups",
                        p.span,
                    ));
                }
                self.expr(value)?;
                self.set_span(p.span);
                self.emit(Instr::Compare(CmpOp::Eq));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
            }
            PatternKind::Singleton(value) => {
                self.load_const(super::constant_value(value));
                self.emit(Instr::Compare(CmpOp::Is));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
            }
            PatternKind::Sequence(items) => self.sequence_pattern(p, items, pc)?,
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => self.mapping_pattern(p, keys, patterns, rest.as_deref(), pc)?,
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.class_pattern(p, cls, patterns, kwd_attrs, kwd_patterns, pc)?,
            PatternKind::Star(name) => self.store_capture(name.as_deref(), pc)?,
            PatternKind::As {
                pattern: None,
                name,
            } => {
                if !pc.allow_irrefutable {
                    let message = match name {
                        Some(name) => {
                            format!("name capture '{name}' makes remaining patterns unreachable")
                        }
                        None => "wildcard makes remaining patterns unreachable".to_string(),
                    };
                    return Err(err(message, p.span));
                }
                self.store_capture(name.as_deref(), pc)?;
            }
            PatternKind::As {
                pattern: Some(inner),
                name,
            } => {
                // A copy to store if the inner pattern matches.
                pc.on_top += 1;
                self.emit(Instr::Copy(1));
                self.pattern(inner, pc)?;
                pc.on_top -= 1;
                self.store_capture(name.as_deref(), pc)?;
            }
            PatternKind::Or(alternatives) => self.or_pattern(p, alternatives, pc)?,
        }
        Ok(())
    }

    /// A sub-pattern, where irrefutable patterns are allowed.
    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> Result<(), Diagnostic> {
        let allow_irrefutable = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow_irrefutable;
        Ok(())
    }

    /// `pattern_helper_store_name`: keep the value on top for storing once
    /// the whole pattern matched (or drop it for `_`). Errors point where
    /// CPython's location is: the pattern compiled last.
    fn store_capture(
        &mut self,
        name: Option<&str>,
        pc: &mut PatternContext,
    ) -> Result<(), Diagnostic> {
        let span = self.span;
        let Some(name) = name else {
            self.emit(Instr::Pop);
            return Ok(());
        };
        if name == "__debug__" {
            return Err(err("cannot assign to __debug__", span));
        }
        if pc.stores.iter().any(|stored| stored == name) {
            return Err(err(
                format!("multiple assignments to name '{name}' in pattern"),
                span,
            ));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name.to_string());
        Ok(())
    }

    /// Move the top item `count - 1` places down.
    fn rotate(&mut self, count: usize) {
        for n in (2..=count).rev() {
            self.emit(Instr::Swap(n as u32));
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, jump: Instr) {
        let pops = pc.on_top + pc.stores.len();
        ensure_fail_pop(pc, pops);
        let at = self.emit(jump);
        pc.fail_pop[pops].push(at);
    }

    /// The failure path: pop what each failing jump left, then go on.
    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        let fail_pop = std::mem::take(&mut pc.fail_pop);
        let Some((none_to_pop, rest)) = fail_pop.split_first() else {
            return;
        };
        for jumps in rest.iter().rev() {
            for &jump in jumps {
                self.patch(jump);
            }
            self.emit(Instr::Pop);
        }
        for &jump in none_to_pop {
            self.patch(jump);
        }
    }

    fn sequence_pattern(
        &mut self,
        p: &'a Pattern,
        items: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> Result<(), Diagnostic> {
        let size = items.len();
        let mut star = None;
        let mut star_wildcard = false;
        let mut only_wildcard = true;
        for (i, item) in items.iter().enumerate() {
            if let PatternKind::Star(name) = &item.kind {
                if star.is_some() {
                    return Err(err("multiple starred names in sequence pattern", p.span));
                }
                star_wildcard = name.is_none();
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(item);
        }
        // The subject stays on top during the sequence and length checks.
        pc.on_top += 1;
        self.emit(Instr::MatchSequence);
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
        match star {
            None => {
                self.emit(Instr::GetLen);
                self.load_const(Const::Int(size as i64));
                self.emit(Instr::Compare(CmpOp::Eq));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
            }
            Some(_) if size > 1 => {
                self.emit(Instr::GetLen);
                self.load_const(Const::Int(size as i64 - 1));
                self.emit(Instr::Compare(CmpOp::GtE));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Instr::Pop);
        } else if let (Some(star), true) = (star, star_wildcard) {
            self.sequence_by_index(items, star, pc)?;
        } else {
            self.sequence_by_unpacking(p, items, pc)?;
        }
        Ok(())
    }

    /// `pattern_helper_sequence_unpack`.
    fn sequence_by_unpacking(
        &mut self,
        p: &'a Pattern,
        items: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> Result<(), Diagnostic> {
        match items
            .iter()
            .position(|item| matches!(item.kind, PatternKind::Star(_)))
        {
            Some(i) => {
                let after = items.len() - i - 1;
                if i >= 1 << 8 || after >= 1 << 16 {
                    return Err(err(
                        "too many expressions in star-unpacking sequence pattern",
                        p.span,
                    ));
                }
                self.emit(Instr::UnpackEx {
                    before: i as u16,
                    after: after as u16,
                });
            }
            None => {
                self.emit(Instr::UnpackSequence(items.len() as u32));
            }
        }
        pc.on_top += items.len();
        for item in items {
            pc.on_top -= 1;
            self.subpattern(item, pc)?;
        }
        Ok(())
    }

    /// `pattern_helper_sequence_subscr`: with a `*_`, index the items
    /// instead of unpacking them all.
    fn sequence_by_index(
        &mut self,
        items: &'a [Pattern],
        star: usize,
        pc: &mut PatternContext,
    ) -> Result<(), Diagnostic> {
        pc.on_top += 1;
        let size = items.len();
        for (i, item) in items.iter().enumerate() {
            if is_wildcard(item) || i == star {
                continue;
            }
            self.emit(Instr::Copy(1));
            if i < star {
                self.load_const(Const::Int(i as i64));
            } else {
                // The subject may not support negative indexes.
                self.emit(Instr::GetLen);
                self.load_const(Const::Int((size - i) as i64));
                self.emit(Instr::Binary(BinOp::Sub));
            }
            self.emit(Instr::Subscr);
            self.subpattern(item, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Instr::Pop);
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        p: &'a Pattern,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&str>,
        pc: &mut PatternContext,
    ) -> Result<(), Diagnostic> {
        let size = keys.len();
        // The subject stays on top during the mapping and length checks.
        pc.on_top += 1;
        self.emit(Instr::MatchMapping);
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.emit(Instr::Pop);
            return Ok(());
        }
        if size > 0 {
            self.emit(Instr::GetLen);
            self.load_const(Const::Int(size as i64));
            self.emit(Instr::Compare(CmpOp::GtE));
            self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
        }
        let mut seen: Vec<Const> = Vec::new();
        for key in keys {
            if let Some(constant) = folded_constant(key) {
                if seen.iter().any(|other| constants_equal(other, &constant)) {
                    return Err(err(
                        format!(
                            "mapping pattern checks duplicate key ({})",
                            annotation_text(key)
                        ),
                        p.span,
                    ));
                }
                seen.push(constant);
            } else if !matches!(key.kind, ExprKind::Attribute { .. }) {
                return Err(err(
                    "mapping pattern keys may only match literals and attribute lookups",
                    p.span,
                ));
            }
            self.expr(key)?;
        }
        self.set_span(p.span);
        self.emit(Instr::BuildTuple(size as u32));
        self.emit(Instr::MatchKeys);
        // A tuple of keys and one of values (or None) on the subject.
        pc.on_top += 2;
        self.fail_if_none(pc);
        self.emit(Instr::UnpackSequence(size as u32));
        pc.on_top += size;
        pc.on_top -= 1;
        for pattern in patterns {
            pc.on_top -= 1;
            self.subpattern(pattern, pc)?;
        }
        pc.on_top -= 2;
        match rest {
            Some(rest) => {
                self.emit(Instr::CopyDictWithoutKeys);
                self.store_capture(Some(rest), pc)?;
            }
            None => {
                self.emit(Instr::Pop);
                self.emit(Instr::Pop);
            }
        }
        Ok(())
    }

    /// Fail when the top of the stack is None (keeping it otherwise).
    fn fail_if_none(&mut self, pc: &mut PatternContext) {
        self.emit(Instr::Copy(1));
        self.load_const(Const::None);
        self.emit(Instr::Compare(CmpOp::IsNot));
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
    }

    fn class_pattern(
        &mut self,
        p: &'a Pattern,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [String],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> Result<(), Diagnostic> {
        for (i, attr) in kwd_attrs.iter().enumerate() {
            let at = kwd_patterns[i].span;
            if attr == "__debug__" {
                return Err(err("cannot assign to __debug__", at));
            }
            if let Some(j) = (i + 1..kwd_attrs.len()).find(|&j| kwd_attrs[j] == *attr) {
                return Err(err(
                    format!("attribute name repeated in class pattern: {attr}"),
                    kwd_patterns[j].span,
                ));
            }
        }
        self.expr(cls)?;
        self.set_span(p.span);
        let names = kwd_attrs.iter().map(|a| Const::str(a)).collect();
        self.load_const(Const::Tuple(names));
        self.emit(Instr::MatchClass(patterns.len() as u32));
        // A tuple of the attributes (or None).
        pc.on_top += 1;
        self.fail_if_none(pc);
        let count = patterns.len() + kwd_attrs.len();
        self.emit(Instr::UnpackSequence(count as u32));
        pc.on_top += count;
        pc.on_top -= 1;
        for pattern in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(pattern) {
                self.emit(Instr::Pop);
                continue;
            }
            self.subpattern(pattern, pc)?;
        }
        Ok(())
    }

    fn or_pattern(
        &mut self,
        p: &'a Pattern,
        alternatives: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> Result<(), Diagnostic> {
        let outer = std::mem::take(pc);
        let mut control: Option<Vec<String>> = None;
        let mut ends = Vec::new();
        for (i, alternative) in alternatives.iter().enumerate() {
            self.set_span(alternative.span);
            pc.stores.clear();
            pc.allow_irrefutable = i == alternatives.len() - 1 && outer.allow_irrefutable;
            pc.fail_pop.clear();
            pc.on_top = 0;
            self.emit(Instr::Copy(1));
            self.pattern(alternative, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(control) => self.align_stores(control, alternative.span, pc)?,
            }
            ends.push(self.emit(Instr::Jump(0)));
            self.emit_and_reset_fail_pop(pc);
        }
        *pc = outer;
        // CPython's location stays the last pattern compiled: errors below
        // point there, the instructions are the or-pattern's.
        let last = self.span;
        // No alternative matched: pop the subject's copy and fail.
        self.set_span(p.span);
        self.emit(Instr::Pop);
        self.jump_to_fail_pop(pc, Instr::Jump(0));
        for end in ends {
            self.patch(end);
        }
        let control = control.unwrap_or_default();
        // Between the new captures and where they belong: the other new
        // captures, the subject's copy, the items in use, earlier captures.
        let rotations = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(rotations);
            if pc.stores.contains(&name) {
                return Err(err(
                    format!("multiple assignments to name '{name}' in pattern"),
                    last,
                ));
            }
            pc.stores.push(name);
        }
        self.emit(Instr::Pop);
        Ok(())
    }

    /// An alternative after the first must bind the same names; reorder
    /// its captures on the stack to the first alternative's order.
    fn align_stores(
        &mut self,
        control: &[String],
        at: Span,
        pc: &mut PatternContext,
    ) -> Result<(), Diagnostic> {
        let different = || err("alternative patterns bind different names", at);
        if pc.stores.len() != control.len() {
            return Err(different());
        }
        for icontrol in (0..control.len()).rev() {
            let name = &control[icontrol];
            let Some(istores) = pc.stores.iter().position(|stored| stored == name) else {
                return Err(different());
            };
            if icontrol != istores {
                let rotations = istores + 1;
                let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                let at = icontrol - istores;
                pc.stores.splice(at..at, rotated);
                for _ in 0..rotations {
                    self.rotate(icontrol + 1);
                }
            }
        }
        Ok(())
    }
}

fn ensure_fail_pop(pc: &mut PatternContext, n: usize) {
    if pc.fail_pop.len() <= n {
        pc.fail_pop.resize_with(n + 1, Vec::new);
    }
}

/// Whether two folded keys are equal as Python compares them (`1`, `1.0`
/// and `True` are the same key).
fn constants_equal(a: &Const, b: &Const) -> bool {
    fn number(c: &Const) -> Option<f64> {
        match c {
            Const::Bool(b) => Some(f64::from(u8::from(*b))),
            Const::Int(i) => Some(*i as f64),
            Const::Float(x) => Some(*x),
            _ => None,
        }
    }
    match (a, b) {
        (Const::Int(x), Const::Int(y)) => x == y,
        (Const::BigInt(x), Const::BigInt(y)) => x == y,
        _ => match (number(a), number(b)) {
            (Some(x), Some(y)) => x == y,
            (None, None) => a == b,
            _ => false,
        },
    }
}
