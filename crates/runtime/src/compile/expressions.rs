//! Expressions: the dispatch over expression kinds, f-strings, sequence
//! displays with unpacking, calls, and `await`.

use loopscope_syntax::ast::*;
use loopscope_syntax::Diagnostic;

use super::code::{CodeKind, Const, Instr};
use super::comprehensions::CompKind;
use super::scope::node_key;
use super::{constant_set, constant_value, err, negate_constant, CodeGen};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum SeqKind {
    List,
    Tuple,
    Set,
}

impl<'a> CodeGen<'a> {
    /// `await TOS`.
    pub(super) fn await_top(&mut self) {
        self.emit(Instr::GetAwaitable);
        let at = self.here() as u32;
        self.emit(Instr::Send(at + 1));
    }

    /// The iterable of a `for` or a comprehension: a set display of
    /// constants is the frozenset CPython's optimizer folds it into.
    pub(super) fn iterable(&mut self, e: &'a Expr) -> Result<(), Diagnostic> {
        if let ExprKind::Set(items) = &e.kind {
            if let Some(set) = constant_set(items) {
                self.set_span(e.span);
                self.load_const(set);
                return Ok(());
            }
        }
        self.expr(e)
    }

    pub(super) fn expr(&mut self, e: &'a Expr) -> Result<(), Diagnostic> {
        self.set_span(e.span);
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::Constant(c) => {
                let v = constant_value(c);
                self.load_const(v);
            }
            ExprKind::FString(parts) => {
                let n = self.fstring(parts, e.span)?;
                if n != 1 {
                    self.emit(Instr::BuildString(n));
                }
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.set_span(e.span);
                self.emit(Instr::Binary(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                // Fold negative numeric literals, as CPython's optimizer does.
                if let (UnaryOp::Neg, ExprKind::Constant(c)) = (op, &operand.kind) {
                    if let Some(v) = negate_constant(c) {
                        self.load_const(v);
                        return Ok(());
                    }
                }
                self.expr(operand)?;
                self.set_span(e.span);
                self.emit(Instr::Unary(*op));
            }
            ExprKind::BoolOp { op, values } => {
                let mut jumps = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        let j = match op {
                            BoolOp::And => self.emit(Instr::JumpIfFalseOrPop(0)),
                            BoolOp::Or => self.emit(Instr::JumpIfTrueOrPop(0)),
                        };
                        jumps.push(j);
                    }
                }
                for j in jumps {
                    self.patch(j);
                }
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.expr(left)?;
                if ops.len() == 1 {
                    self.expr(&comparators[0])?;
                    self.set_span(e.span);
                    self.emit(Instr::Compare(ops[0]));
                } else {
                    let mut cleanups = Vec::new();
                    for (i, (op, c)) in ops.iter().zip(comparators).enumerate() {
                        self.expr(c)?;
                        self.set_span(e.span);
                        if i + 1 < ops.len() {
                            self.emit(Instr::Dup);
                            self.emit(Instr::Rot3);
                            self.emit(Instr::Compare(*op));
                            cleanups.push(self.emit(Instr::JumpIfFalseOrPop(0)));
                        } else {
                            self.emit(Instr::Compare(*op));
                        }
                    }
                    let jend = self.emit(Instr::Jump(0));
                    for c in cleanups {
                        self.patch(c);
                    }
                    self.emit(Instr::Rot2);
                    self.emit(Instr::Pop);
                    self.patch(jend);
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.set_span(e.span);
                self.emit(Instr::LoadAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.set_span(e.span);
                self.emit(Instr::Subscr);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_const(Const::None),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => {
                        self.emit(Instr::BuildSlice(2));
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(err("can't use starred expression here", e.span));
            }
            ExprKind::List(items) => self.sequence(items, SeqKind::List)?,
            ExprKind::Tuple(items) => self.sequence(items, SeqKind::Tuple)?,
            ExprKind::Set(items) => self.sequence(items, SeqKind::Set)?,
            ExprKind::Dict(pairs) => {
                let mut pending = 0u32;
                let mut built = false;
                for (k, v) in pairs {
                    match k {
                        Some(k) => {
                            self.expr(k)?;
                            self.expr(v)?;
                            pending += 1;
                        }
                        None => {
                            self.set_span(e.span);
                            if !built || pending > 0 {
                                self.emit(Instr::BuildMap(pending));
                                if built {
                                    self.emit(Instr::DictUpdate);
                                }
                                built = true;
                                pending = 0;
                            }
                            self.expr(v)?;
                            self.set_span(e.span);
                            self.emit(Instr::DictUpdate);
                        }
                    }
                }
                // CPython locates building a display at the whole display.
                self.set_span(e.span);
                if !built {
                    self.emit(Instr::BuildMap(pending));
                } else if pending > 0 {
                    self.emit(Instr::BuildMap(pending));
                    self.emit(Instr::DictUpdate);
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", generators, CompKind::List(elt))?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", generators, CompKind::Set(elt))?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", generators, CompKind::Dict(key, value))?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", generators, CompKind::Gen(elt))?
            }
            ExprKind::Lambda { params, body } => {
                let qualname = self.child_qualname("<lambda>");
                // `lambda: (yield)` is a generator function.
                let kind = if self.scope_has_yield(node_key(e)) {
                    CodeKind::Generator
                } else {
                    CodeKind::Function
                };
                self.make_function(
                    node_key(e),
                    "<lambda>",
                    &qualname,
                    kind,
                    params,
                    None,
                    e.span,
                    |g| {
                        g.expr(body)?;
                        g.emit(Instr::Return);
                        Ok(())
                    },
                )?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                let jf = self.emit(Instr::PopJumpIfFalse(0));
                self.expr(body)?;
                let jend = self.emit(Instr::Jump(0));
                self.patch(jf);
                self.expr(orelse)?;
                self.patch(jend);
            }
            ExprKind::Await(inner) => {
                if !self.is_async_context() {
                    let msg = if self.in_function() {
                        "'await' outside async function"
                    } else {
                        "'await' outside function"
                    };
                    return Err(err(msg, e.span));
                }
                self.expr(inner)?;
                self.set_span(e.span);
                self.await_top();
            }
            ExprKind::Yield(v) => {
                self.check_yield(e.span)?;
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Const::None),
                }
                self.set_span(e.span);
                self.emit(Instr::YieldValue);
            }
            ExprKind::YieldFrom(v) => {
                self.check_yield(e.span)?;
                if matches!(
                    self.code.kind,
                    CodeKind::Coroutine | CodeKind::AsyncGenerator
                ) {
                    return Err(err("'yield from' inside async function", e.span));
                }
                self.expr(v)?;
                self.set_span(e.span);
                self.emit(Instr::GetYieldFromIter);
                let at = self.here() as u32;
                self.emit(Instr::Send(at + 1));
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Instr::Dup);
                self.assign(target)?;
            }
        }
        Ok(())
    }

    pub(super) fn check_yield(&self, span: Span) -> Result<(), Diagnostic> {
        if !self.in_function() {
            return Err(err("'yield' outside function", span));
        }
        Ok(())
    }

    /// Emit the parts of an f-string; returns how many strings were pushed.
    /// Formatting is located at the whole f-string (`span`), as in CPython.
    pub(super) fn fstring(
        &mut self,
        parts: &'a [FStringPart],
        span: Span,
    ) -> Result<u32, Diagnostic> {
        let mut n = 0;
        for p in parts {
            match p {
                FStringPart::Literal(s) => {
                    self.load_const(Const::str(s));
                    n += 1;
                }
                FStringPart::Formatted {
                    value,
                    conversion,
                    format_spec,
                    debug_text,
                } => {
                    if let Some(t) = debug_text {
                        self.load_const(Const::str(t));
                        n += 1;
                    }
                    self.expr(value)?;
                    let with_spec = match format_spec {
                        Some(spec) => {
                            let k = self.fstring(spec, span)?;
                            if k != 1 {
                                self.emit(Instr::BuildString(k));
                            }
                            true
                        }
                        None => false,
                    };
                    let conversion = conversion.map(|c| c as u8).unwrap_or(0);
                    self.set_span(span);
                    self.emit(Instr::FormatValue {
                        conversion,
                        with_spec,
                    });
                    n += 1;
                }
            }
        }
        Ok(n)
    }

    pub(super) fn sequence(&mut self, items: &'a [Expr], kind: SeqKind) -> Result<(), Diagnostic> {
        // Building is located at the whole display (the span on entry).
        let span = self.span;
        let has_star = items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_)));
        if !has_star {
            // A set of three or more constants extends an empty set with the
            // frozenset CPython folds them into.
            if kind == SeqKind::Set && items.len() > 2 {
                if let Some(set) = constant_set(items) {
                    self.emit(Instr::BuildSet(0));
                    self.load_const(set);
                    self.emit(Instr::SetUpdate);
                    return Ok(());
                }
            }
            // A tuple of constants becomes one constant.
            if kind == SeqKind::Tuple && !items.is_empty() {
                if let Some(values) = items
                    .iter()
                    .map(|i| match &i.kind {
                        ExprKind::Constant(c) => Some(constant_value(c)),
                        _ => None,
                    })
                    .collect::<Option<Vec<_>>>()
                {
                    self.load_const(Const::Tuple(values));
                    return Ok(());
                }
            }
            for i in items {
                self.expr(i)?;
            }
            let n = items.len() as u32;
            self.set_span(span);
            self.emit(match kind {
                SeqKind::List => Instr::BuildList(n),
                SeqKind::Tuple => Instr::BuildTuple(n),
                SeqKind::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        // Build incrementally into a list (or set), then convert.
        let mut pending = 0u32;
        let mut built = false;
        let extend = if kind == SeqKind::Set {
            Instr::SetUpdate
        } else {
            Instr::ListExtend
        };
        let build = |n| {
            if kind == SeqKind::Set {
                Instr::BuildSet(n)
            } else {
                Instr::BuildList(n)
            }
        };
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.set_span(span);
                    if !built || pending > 0 {
                        self.emit(build(pending));
                        if built {
                            self.emit(extend);
                        }
                        built = true;
                        pending = 0;
                    }
                    self.expr(inner)?;
                    self.set_span(span);
                    self.emit(extend);
                }
                _ => {
                    self.expr(i)?;
                    pending += 1;
                }
            }
        }
        self.set_span(span);
        if pending > 0 {
            self.emit(build(pending));
            self.emit(extend);
        }
        if kind == SeqKind::Tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    pub(super) fn call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<(), Diagnostic> {
        self.expr(func)?;
        let has_star = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
        let has_dstar = keywords.iter().any(|k| k.name.is_none());
        if !has_star && !has_dstar {
            for a in args {
                self.expr(a)?;
            }
            for k in keywords {
                self.expr(&k.value)?;
            }
            self.set_span(e.span);
            let argc = (args.len() + keywords.len()) as u32;
            if keywords.is_empty() {
                self.emit(Instr::Call(argc));
            } else {
                let names: Vec<Const> = keywords
                    .iter()
                    .map(|k| Const::str(k.name.as_deref().unwrap_or("")))
                    .collect();
                let idx = self.const_index(Const::Tuple(names));
                self.emit(Instr::CallKw { argc, names: idx });
            }
            return Ok(());
        }
        // General form: build the positional tuple and the keyword dict,
        // located (like the call) at the whole call expression.
        self.set_span(e.span);
        match args {
            // A lone `*x` is passed as it is: CallEx makes the tuple (and names
            // the function when `x` cannot be iterated), as CPython's compiler does.
            [Expr {
                kind: ExprKind::Starred(value),
                ..
            }] => self.expr(value)?,
            _ => self.sequence(args, SeqKind::Tuple)?,
        }
        if keywords.is_empty() {
            self.load_const(Const::None);
        } else {
            let mut pending = 0u32;
            let mut built = false;
            for k in keywords {
                match &k.name {
                    Some(n) => {
                        self.load_const(Const::str(n));
                        self.expr(&k.value)?;
                        pending += 1;
                    }
                    None => {
                        self.set_span(e.span);
                        if !built || pending > 0 {
                            self.emit(Instr::BuildMap(pending));
                            if built {
                                self.emit(Instr::DictMerge);
                            }
                            built = true;
                            pending = 0;
                        }
                        self.expr(&k.value)?;
                        self.set_span(e.span);
                        self.emit(Instr::DictMerge);
                    }
                }
            }
            self.set_span(e.span);
            if pending > 0 {
                self.emit(Instr::BuildMap(pending));
                if built {
                    self.emit(Instr::DictMerge);
                }
            }
        }
        self.set_span(e.span);
        self.emit(Instr::CallEx);
        Ok(())
    }
}
