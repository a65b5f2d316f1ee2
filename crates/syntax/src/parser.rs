//! The parser: tokens → [`Module`], by recursive descent over CPython 3.11's
//! grammar, with precedence climbing for the binary operators.
//!
//! Spans follow CPython's `ast` node positions. Errors follow CPython's
//! two-pass PEG parser: a failure with no better explanation becomes
//! "invalid syntax" at the furthest token the parser looked at, and the
//! common mistakes CPython explains (its `invalid_*` grammar rules) get its
//! messages and ranges. Valid Python that Loopscope cannot run is parsed
//! anyway and reported as [`Unsupported`] only if the file has no syntax
//! error, so a real syntax error always wins.
//!
//! Recursion is bounded ([`MAX_NESTING`]) and so is the depth of the tree
//! built by loops (long `a.b.c...` or `a + b + ...` chains), so neither the
//! parser nor code walking the tree can overflow the stack.

use num_bigint::BigInt;

use crate::ast::{
    Alias, BinOp, BoolOp, ClassDef, CmpOp, Comprehension, Constant, ExceptHandler, Expr, ExprKind,
    FunctionDef, Keyword, Module, Param, Parameters, Pos, Span, Stmt, StmtKind, UnaryOp, WithItem,
};
use crate::diagnostic::{Diagnostic, Unsupported};
use crate::lexer::{self, Keyword as Kw, LexEnd, Op, Token, TokenKind};
use crate::strings::{
    self, FStringBuilder, FStringScanner, FieldExpression, FieldParser, LiteralError,
};

/// How deep expressions (and the trees built from them) may nest.
pub(crate) const MAX_NESTING: u32 = 400;

/// How much stack the parser may use, whatever the nesting count: enough
/// for CPython's 200 nested brackets in an unoptimised build, and well
/// within the smallest stacks the parser runs on (1 MiB for WebAssembly).
const STACK_BUDGET: usize = 512 * 1024;

/// The address of a local variable: compared with the one taken when
/// parsing started, it tells how much stack parsing uses.
#[inline(never)]
fn stack_position() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

pub(crate) fn parse_module(source: &str) -> Result<Module, Diagnostic> {
    let chars = lexer::source_chars(source);
    let lexed = lexer::tokenize_file(&chars);
    let mut parser = Parser::new(&chars, lexed.tokens, 0, stack_position());
    let failure = match parser.parse_file() {
        Ok(body) => {
            return match parser.unsupported {
                Some(unsupported) => Err(unsupported),
                None => Ok(Module { body }),
            }
        }
        Err(failure) => failure,
    };
    // The order of CPython's `_PyPegen_set_syntax_error`.
    let furthest = parser.furthest_token().kind.clone();
    let fetched = parser.token_at(parser.fetched).clone();
    let at_layout = matches!(failure, Failure::Invalid)
        && matches!(furthest, TokenKind::Indent | TokenKind::Dedent);
    Err(match lexed.end {
        // The parser asked for the token where the lexer stopped.
        LexEnd::Stopped(error) | LexEnd::Error(error) if fetched.kind == TokenKind::Stop => error,
        // Our nesting limit is not CPython's: report what CPython would.
        LexEnd::Stopped(error) | LexEnd::Error(error) if matches!(failure, Failure::TooDeep(_)) => {
            error
        }
        // "unexpected indent" is final; any other error is followed by
        // tokenizing the rest of the file, where an error the tokenizer
        // raises itself, or a bracket opened on an earlier line and never
        // closed, takes over.
        LexEnd::Error(error) if !at_layout => error,
        _ => match lexed.unclosed_bracket {
            Some((bracket, pos)) if !at_layout && fetched.span.start.line > pos.line => {
                lexer::never_closed(bracket, pos)
            }
            _ => parser.into_diagnostic(failure),
        },
    })
}

/// Why parsing stopped: no rule matched (reported as "invalid syntax" at
/// the furthest token), or a specific error.
#[derive(Debug)]
enum Failure {
    Invalid,
    /// Boxed to keep `PResult` small: results fill the recursive frames.
    Error(Box<Diagnostic>),
    /// Nesting beyond what the parser allows itself (see [`MAX_NESTING`]).
    TooDeep(Span),
}

impl From<Diagnostic> for Failure {
    fn from(diagnostic: Diagnostic) -> Self {
        Failure::Error(Box::new(diagnostic))
    }
}

type PResult<T> = Result<T, Failure>;

fn error<T>(message: impl Into<String>, span: Span) -> PResult<T> {
    Err(Failure::from(Diagnostic::syntax(message, span)))
}

/// The statement keyword named in "expected an indented block after ...".
fn block_owner(keyword: &str) -> String {
    match keyword {
        "def" => "function definition".to_string(),
        "class" => "class definition".to_string(),
        other => format!("'{other}' statement"),
    }
}

struct Parser<'s> {
    chars: &'s [char],
    tokens: Vec<Token>,
    pos: usize,
    /// The furthest token looked at: where "invalid syntax" is reported.
    furthest: usize,
    depth: u32,
    /// [`stack_position`] when parsing started.
    stack_base: usize,
    /// The first valid-but-unsupported construct seen.
    unsupported: Option<Diagnostic>,
    /// The furthest token looked at, speculative parses included (never
    /// rewound): CPython's last token fetched. Fetching the token where the
    /// lexer stopped raises the lexer's error, whatever the parse was doing.
    fetched: usize,
    /// Set while parsing the second of two juxtaposed expressions, which
    /// CPython parses without its error-explaining rules.
    without_explanations: bool,
}

/// CPython's message for two expressions side by side inside brackets.
const FORGOT_A_COMMA: &str = "invalid syntax. Perhaps you forgot a comma?";

/// Where the parser was, to go back to after a speculative parse.
struct Checkpoint {
    pos: usize,
    furthest: usize,
    depth: u32,
    unsupported: Option<Diagnostic>,
}

/// What kind of targets a list of expressions is checked as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TargetKind {
    Assign,
    For,
    Delete,
}

impl<'s> Parser<'s> {
    fn new(chars: &'s [char], tokens: Vec<Token>, depth: u32, stack_base: usize) -> Self {
        Parser {
            chars,
            tokens,
            pos: 0,
            furthest: 0,
            depth,
            stack_base,
            unsupported: None,
            fetched: 0,
            without_explanations: false,
        }
    }

    // ----- tokens -----

    fn token_at(&self, index: usize) -> &Token {
        &self.tokens[index.min(self.tokens.len() - 1)]
    }

    fn look(&mut self, ahead: usize) -> &TokenKind {
        let index = (self.pos + ahead).min(self.tokens.len() - 1);
        self.furthest = self.furthest.max(index);
        self.fetched = self.fetched.max(index);
        &self.tokens[index].kind
    }

    fn peek(&mut self) -> &TokenKind {
        self.look(0)
    }

    fn furthest_token(&self) -> &Token {
        self.token_at(self.furthest)
    }

    fn span(&self) -> Span {
        self.token_at(self.pos).span
    }

    fn start(&self) -> Pos {
        self.span().start
    }

    /// End of the last token consumed, layout tokens aside.
    fn prev_end(&self) -> Pos {
        let mut index = self.pos;
        while index > 0 {
            index -= 1;
            let token = &self.tokens[index];
            if !matches!(
                token.kind,
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent
            ) {
                return token.span.end;
            }
        }
        self.start()
    }

    fn span_from(&self, start: Pos) -> Span {
        Span::new(start, self.prev_end())
    }

    /// Consume the current token, returning its span.
    fn bump(&mut self) -> Span {
        let span = self.span();
        self.furthest = self.furthest.max(self.pos);
        self.fetched = self.fetched.max(self.pos);
        if self.pos < self.tokens.len() - 1 {
            self.pos += 1;
        }
        span
    }

    fn at_op(&mut self, op: Op) -> bool {
        *self.peek() == TokenKind::Op(op)
    }

    fn at_kw(&mut self, keyword: Kw) -> bool {
        *self.peek() == TokenKind::Keyword(keyword)
    }

    fn at_name(&mut self, name: &str) -> bool {
        matches!(self.peek(), TokenKind::Name(n) if n == name)
    }

    fn eat_op(&mut self, op: Op) -> bool {
        if self.at_op(op) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn eat_kw(&mut self, keyword: Kw) -> bool {
        if self.at_kw(keyword) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn expect_op(&mut self, op: Op) -> PResult<()> {
        if self.eat_op(op) {
            Ok(())
        } else {
            Err(Failure::Invalid)
        }
    }

    /// CPython's forced tokens (`&&':'`): "expected ':'" at the token found.
    fn expect_forced(&mut self, op: Op) -> PResult<()> {
        if self.eat_op(op) {
            Ok(())
        } else {
            error(format!("expected '{}'", op.text()), self.span())
        }
    }

    fn expect_name(&mut self) -> PResult<(String, Span)> {
        match self.peek().clone() {
            TokenKind::Name(name) => {
                let span = self.bump();
                Ok((name, span))
            }
            _ => Err(Failure::Invalid),
        }
    }

    fn at_newline(&mut self) -> bool {
        *self.peek() == TokenKind::Newline
    }

    /// Run `parse` one nesting level deeper.
    fn nested<T>(&mut self, parse: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        self.descend()?;
        let result = parse(self);
        self.depth -= 1;
        result
    }

    fn descend(&mut self) -> PResult<()> {
        let stack_used = stack_position().abs_diff(self.stack_base);
        if self.depth >= MAX_NESTING || stack_used > STACK_BUDGET {
            return Err(Failure::TooDeep(self.span()));
        }
        self.depth += 1;
        Ok(())
    }

    /// Try `parse`; on failure rewind as if it had not been tried.
    fn speculate<T>(&mut self, parse: impl FnOnce(&mut Self) -> PResult<T>) -> Option<T> {
        let checkpoint = self.checkpoint();
        let result = parse(self).ok();
        if result.is_none() {
            self.rewind(checkpoint);
        }
        result
    }

    /// Try `parse`, then rewind as if it had not been tried, whatever the
    /// outcome: a look at what follows.
    fn look_ahead<T>(&mut self, parse: impl FnOnce(&mut Self) -> PResult<T>) -> Option<T> {
        let checkpoint = self.checkpoint();
        let result = parse(self).ok();
        self.rewind(checkpoint);
        result
    }

    fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            pos: self.pos,
            furthest: self.furthest,
            depth: self.depth,
            unsupported: self.unsupported.clone(),
        }
    }

    fn rewind(&mut self, checkpoint: Checkpoint) {
        self.pos = checkpoint.pos;
        self.furthest = checkpoint.furthest;
        self.depth = checkpoint.depth;
        self.unsupported = checkpoint.unsupported;
    }

    fn record_unsupported(&mut self, what: Unsupported, span: Span) {
        self.record_unsupported_diagnostic(Diagnostic::unsupported(what, span));
    }

    /// Keep the first unsupported construct in source order.
    fn record_unsupported_diagnostic(&mut self, diagnostic: Diagnostic) {
        match &self.unsupported {
            Some(first) if first.span.start <= diagnostic.span.start => {}
            _ => self.unsupported = Some(diagnostic),
        }
    }

    fn into_diagnostic(self, failure: Failure) -> Diagnostic {
        match failure {
            Failure::Error(diagnostic) => *diagnostic,
            Failure::TooDeep(span) => Diagnostic::syntax("too many nested expressions", span),
            Failure::Invalid => {
                let token = self.furthest_token();
                let span = token.span;
                match token.kind {
                    TokenKind::Indent => {
                        let pos = Pos {
                            line: span.start.line,
                            col: span.end.col.saturating_sub(1),
                        };
                        Diagnostic::indentation("unexpected indent", Span::new(pos, pos))
                    }
                    TokenKind::Dedent => Diagnostic::indentation("unexpected unindent", span),
                    _ => Diagnostic::syntax("invalid syntax", span),
                }
            }
        }
    }

    // ----- statements -----

    fn parse_file(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        while *self.peek() != TokenKind::EndMarker {
            self.parse_statement_into(&mut body)?;
        }
        Ok(body)
    }

    /// One statement line (or compound statement), appended to `body`.
    fn parse_statement_into(&mut self, body: &mut Vec<Stmt>) -> PResult<()> {
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
            TokenKind::Name(name) if name == "type" && self.try_type_alias()? => {}
            _ => self.parse_simple_statements(body)?,
        }
        Ok(())
    }

    /// A block: an indented suite, or simple statements on the same line.
    /// `owner` is the keyword of the statement it belongs to and `line`
    /// that keyword's line, for CPython's "expected an indented block".
    fn parse_block(&mut self, owner: &str, line: u32) -> PResult<Vec<Stmt>> {
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
    fn parse_simple_statements(&mut self, body: &mut Vec<Stmt>) -> PResult<()> {
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

    fn parse_simple_statement(&mut self) -> PResult<Stmt> {
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

    fn at_statement_end(&mut self) -> bool {
        matches!(self.peek(), TokenKind::Newline | TokenKind::Op(Op::Semi))
    }

    /// Expression statements and every kind of assignment.
    fn parse_expression_statement(&mut self) -> PResult<StmtKind> {
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

    fn parse_star_expressions_or_yield(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Yield) {
            self.parse_yield()
        } else {
            self.parse_star_expressions()
        }
    }

    /// `a = b = value`, the `=` of the first one next.
    fn parse_assignment(&mut self, first: Expr, first_index: usize) -> PResult<StmtKind> {
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
    fn check_assignment_targets(
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
    fn bitwise_or_value_at(&mut self, index: usize) -> Option<Expr> {
        let saved = (self.pos, self.furthest, self.depth);
        self.pos = index;
        let value = self.parse_bitwise_or().ok();
        let followed_by_assignment =
            matches!(self.peek(), TokenKind::Op(Op::Equal | Op::ColonEqual));
        (self.pos, self.furthest, self.depth) = saved;
        value.filter(|_| !followed_by_assignment)
    }

    fn parse_annotated_assignment(
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

    fn parse_raise(&mut self) -> PResult<StmtKind> {
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

    fn parse_del(&mut self) -> PResult<StmtKind> {
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

    fn parse_import(&mut self) -> PResult<StmtKind> {
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

    fn parse_dotted_name(&mut self) -> PResult<String> {
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
    fn parse_from_import(&mut self) -> PResult<StmtKind> {
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

    /// The header's `:` then the block. CPython says "expected ':'" when the
    /// line ends instead.
    fn parse_colon_and_block(&mut self, owner: &str, line: u32) -> PResult<Vec<Stmt>> {
        if !self.eat_op(Op::Colon) {
            if self.at_newline() {
                return error("expected ':'", self.span());
            }
            return Err(Failure::Invalid);
        }
        self.parse_block(owner, line)
    }

    fn parse_if(&mut self) -> PResult<Stmt> {
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

    fn parse_else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.at_kw(Kw::Else) {
            return Ok(Vec::new());
        }
        let line = self.bump().start.line;
        self.expect_forced(Op::Colon)?;
        self.parse_block("else", line)
    }

    fn parse_while(&mut self) -> PResult<Stmt> {
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
    fn parse_for(&mut self, async_start: Option<Pos>) -> PResult<Stmt> {
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
    fn invalid_for_target(&mut self, target_index: usize) -> Failure {
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

    fn parse_try(&mut self) -> PResult<Stmt> {
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

    fn parse_with(&mut self, async_start: Option<Pos>) -> PResult<Stmt> {
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

    fn parse_with_item(&mut self) -> PResult<WithItem> {
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
    fn invalid_with_target(&mut self, target_index: usize) -> Failure {
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

    fn parse_decorated(&mut self, body: &mut Vec<Stmt>) -> PResult<()> {
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

    fn parse_function_def(
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

    fn parse_class(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
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

    /// `match subject:` followed by `case` blocks: the patterns are skipped
    /// and the bodies parsed, then the statement is reported unsupported.
    /// Returns false (having consumed nothing) when `match` is just a name.
    fn try_match_statement(&mut self, body: &mut Vec<Stmt>) -> PResult<bool> {
        let keyword_index = self.pos;
        let keyword_span = self.span();
        let header = self.speculate(|p| {
            p.bump();
            p.parse_star_named_expressions()?;
            if !p.at_op(Op::Colon) {
                return if p.at_newline() {
                    Ok(false)
                } else {
                    Err(Failure::Invalid)
                };
            }
            p.bump();
            Ok(true)
        });
        let Some(has_colon) = header else {
            return Ok(false);
        };
        if !has_colon {
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
        }
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
        self.record_unsupported(Unsupported::MatchStatement, keyword_span);
        loop {
            let case = self.span();
            if !self.at_name("case") {
                return Err(Failure::Invalid);
            }
            self.bump();
            self.skip_to_colon()?;
            self.parse_block("case", case.start.line)?;
            if *self.peek() == TokenKind::Dedent {
                self.bump();
                return Ok(true);
            }
        }
    }

    /// Skip a `case` pattern and guard, up to its `:`.
    fn skip_to_colon(&mut self) -> PResult<()> {
        let mut depth = 0usize;
        loop {
            match self.peek() {
                TokenKind::Op(Op::Colon) if depth == 0 => {
                    self.bump();
                    return Ok(());
                }
                TokenKind::Op(Op::LParen | Op::LSquare | Op::LBrace) => depth += 1,
                TokenKind::Op(Op::RParen | Op::RSquare | Op::RBrace) => {
                    depth = depth.saturating_sub(1)
                }
                TokenKind::Newline | TokenKind::EndMarker | TokenKind::Stop => {
                    return Err(Failure::Invalid)
                }
                _ => {}
            }
            self.bump();
        }
    }

    /// `type X = ...` (Python 3.12): parsed, then reported unsupported.
    fn try_type_alias(&mut self) -> PResult<bool> {
        if !matches!(self.look(1), TokenKind::Name(_))
            || !matches!(self.look(2), TokenKind::Op(Op::Equal | Op::LSquare))
        {
            return Ok(false);
        }
        let keyword = self.bump();
        self.record_unsupported(Unsupported::TypeAlias, keyword);
        self.bump();
        if self.at_op(Op::LSquare) {
            self.bump();
            self.skip_balanced(Op::RSquare)?;
        }
        self.expect_op(Op::Equal)?;
        self.parse_expression()?;
        if !self.at_newline() {
            return Err(Failure::Invalid);
        }
        self.bump();
        Ok(true)
    }

    fn skip_balanced(&mut self, closing: Op) -> PResult<()> {
        let mut depth = 0usize;
        loop {
            match self.peek() {
                TokenKind::Op(op) if *op == closing && depth == 0 => {
                    self.bump();
                    return Ok(());
                }
                TokenKind::Op(Op::LParen | Op::LSquare | Op::LBrace) => depth += 1,
                TokenKind::Op(Op::RParen | Op::RSquare | Op::RBrace) => {
                    depth = depth.saturating_sub(1)
                }
                TokenKind::EndMarker | TokenKind::Stop => return Err(Failure::Invalid),
                _ => {}
            }
            self.bump();
        }
    }

    // ----- parameters -----

    /// A parameter list up to `closing` (`)` for `def`, `:` for `lambda`,
    /// which takes no annotations).
    #[inline(never)]
    fn parse_parameters(&mut self, closing: Op) -> PResult<Parameters> {
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
    fn parse_param(&mut self, annotated: bool, allow_star_annotation: bool) -> PResult<Param> {
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

    // ----- targets -----

    /// `star_targets`: a comma-separated target list (a tuple if commas).
    fn parse_target_list(&mut self, kind: TargetKind) -> PResult<Expr> {
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
    fn finish_tuple(
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
    fn parse_target_element(&mut self, kind: TargetKind) -> PResult<Expr> {
        if self.at_op(Op::Star) && kind != TargetKind::Delete {
            return self.parse_starred(|p| p.parse_target_element(kind));
        }
        let target = self.nested(|p| p.parse_primary())?;
        if is_invalid_target(&target, kind).is_some() {
            return Err(Failure::Invalid);
        }
        Ok(target)
    }

    fn parse_starred(&mut self, operand: impl FnOnce(&mut Self) -> PResult<Expr>) -> PResult<Expr> {
        let start = self.bump().start;
        let value = self.nested(operand)?;
        Ok(Expr {
            kind: ExprKind::Starred(Box::new(value)),
            span: self.span_from(start),
        })
    }

    // ----- expressions -----

    /// `star_expressions`: a tuple when there is a comma.
    fn parse_star_expressions(&mut self) -> PResult<Expr> {
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

    fn parse_star_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            self.parse_starred(|p| p.parse_bitwise_or())
        } else {
            self.parse_expression()
        }
    }

    /// `star_named_expressions` as in a subject or display: a tuple if commas.
    fn parse_star_named_expressions(&mut self) -> PResult<Expr> {
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

    fn parse_star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            self.parse_starred(|p| p.parse_bitwise_or())
        } else {
            self.parse_named_expression()
        }
    }

    /// After a comma in a starred list: whether the list ends here.
    fn ends_star_list(&mut self) -> bool {
        !self.can_start_expression() && !self.at_op(Op::Star)
    }

    /// Whether the current token can begin an expression.
    fn can_start_expression(&mut self) -> bool {
        match self.peek() {
            TokenKind::Name(_)
            | TokenKind::Int(_)
            | TokenKind::IntBeyondLimit(_)
            | TokenKind::Float(_)
            | TokenKind::Imaginary
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
    fn parse_named_expression(&mut self) -> PResult<Expr> {
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
    fn parse_walrus(&mut self) -> PResult<Expr> {
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
    fn misplaced_assignment(&mut self, target: &Expr, start_index: usize) -> PResult<()> {
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
    fn parse_expression(&mut self) -> PResult<Expr> {
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

    /// Two expressions side by side (CPython's `invalid_expression`):
    /// Python 2's `print x`, or a missing comma inside brackets.
    #[inline(never)]
    fn explain_juxtaposition(&mut self, first: &Expr, start_index: usize) -> PResult<()> {
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
    fn expression_after_in_brackets(&mut self) -> Option<Expr> {
        if !self.can_start_expression() {
            return None;
        }
        let second = self.without_explanations(Self::parse_expression).ok()?;
        let in_brackets = self.token_at(self.pos - 1).bracket_depth > 0;
        in_brackets.then_some(second)
    }

    /// Run `parse` without the error explanations of juxtaposed expressions.
    fn without_explanations<T>(
        &mut self,
        parse: impl FnOnce(&mut Self) -> PResult<T>,
    ) -> PResult<T> {
        let outer = std::mem::replace(&mut self.without_explanations, true);
        let result = parse(self);
        self.without_explanations = outer;
        result
    }

    #[inline(never)]
    fn parse_lambda(&mut self) -> PResult<Expr> {
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

    fn parse_disjunction(&mut self) -> PResult<Expr> {
        self.parse_bool_op(Kw::Or)
    }

    /// `a or b or c` / `a and b and c` as one flat `BoolOp`.
    fn parse_bool_op(&mut self, keyword: Kw) -> PResult<Expr> {
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

    fn parse_inversion(&mut self) -> PResult<Expr> {
        if !self.at_kw(Kw::Not) {
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

    fn parse_comparison(&mut self) -> PResult<Expr> {
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
    fn comparison_operator(&mut self) -> Option<CmpOp> {
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

    fn parse_bitwise_or(&mut self) -> PResult<Expr> {
        self.parse_binary(1)
    }

    /// Precedence climbing over the binary operators from `|` (level 1) to
    /// `*` `/` `//` `%` `@` (level 6), all left-associative.
    fn parse_binary(&mut self, min_level: u8) -> PResult<Expr> {
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

    fn binary_operator(&mut self) -> Option<(BinOp, u8)> {
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
    fn parse_factor(&mut self) -> PResult<Expr> {
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
    fn parse_power(&mut self) -> PResult<Expr> {
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

    fn parse_await_primary(&mut self) -> PResult<Expr> {
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
    fn parse_primary(&mut self) -> PResult<Expr> {
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

    /// Call arguments after `(`, through `)`.
    #[inline(never)]
    fn parse_call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
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
    fn invalid_keyword_argument(&mut self, arg: &Expr, arg_index: usize) -> Failure {
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
    fn parse_slices(&mut self) -> PResult<Expr> {
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

    fn parse_slice(&mut self) -> PResult<Expr> {
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

    fn at_slice_end(&mut self) -> bool {
        matches!(self.peek(), TokenKind::Op(Op::Comma | Op::RSquare))
    }

    fn parse_atom(&mut self) -> PResult<Expr> {
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
            TokenKind::Imaginary => {
                self.record_unsupported(Unsupported::ComplexLiteral, token.span);
                constant(Constant::Int(BigInt::from(0)))
            }
            TokenKind::Keyword(Kw::None) => constant(Constant::None),
            TokenKind::Keyword(Kw::True) => constant(Constant::Bool(true)),
            TokenKind::Keyword(Kw::False) => constant(Constant::Bool(false)),
            TokenKind::Op(Op::Ellipsis) => constant(Constant::Ellipsis),
            TokenKind::Str(_) => return self.parse_strings(),
            TokenKind::Op(Op::LParen) => return self.nested(|p| p.parse_parenthesized()),
            TokenKind::Op(Op::LSquare) => return self.nested(|p| p.parse_list()),
            TokenKind::Op(Op::LBrace) => return self.nested(|p| p.parse_brace_display()),
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
    fn parse_parenthesized(&mut self) -> PResult<Expr> {
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
    fn parse_list(&mut self) -> PResult<Expr> {
        let open = self.bump();
        if self.eat_op(Op::RSquare) {
            return Ok(Expr {
                kind: ExprKind::List(Vec::new()),
                span: self.span_from(open.start),
            });
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
            self.expect_op(Op::RSquare)?;
            return Ok(Expr {
                kind: ExprKind::ListComp {
                    elt: Box::new(first),
                    generators,
                },
                span: self.span_from(open.start),
            });
        }
        let elts = self.parse_display_rest(first, Op::RSquare)?;
        Ok(Expr {
            kind: ExprKind::List(elts),
            span: self.span_from(open.start),
        })
    }

    /// The elements of a list or set display after the first, through the
    /// closing bracket.
    #[inline(never)]
    fn parse_display_rest(&mut self, first: Expr, closing: Op) -> PResult<Vec<Expr>> {
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
    fn parse_brace_display(&mut self) -> PResult<Expr> {
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
                if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
                    if let ExprKind::Starred(_) = first.kind {
                        return error(
                            "iterable unpacking cannot be used in comprehension",
                            first.span,
                        );
                    }
                    let generators = self.parse_comprehension_clauses()?;
                    self.expect_op(Op::RBrace)?;
                    return Ok(Expr {
                        kind: ExprKind::SetComp {
                            elt: Box::new(first),
                            generators,
                        },
                        span: self.span_from(open.start),
                    });
                }
                let elts = self.parse_display_rest(first, Op::RBrace)?;
                return Ok(Expr {
                    kind: ExprKind::Set(elts),
                    span: self.span_from(open.start),
                });
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
    fn parse_dict_value(&mut self) -> PResult<Expr> {
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
    fn parse_comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
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
    fn parse_yield(&mut self) -> PResult<Expr> {
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

    // ----- string literals -----

    /// Adjacent string literals, concatenated into one constant or f-string.
    #[inline(never)]
    fn parse_strings(&mut self) -> PResult<Expr> {
        let first_index = self.pos;
        while let TokenKind::Str(_) = self.peek() {
            self.bump();
        }
        // CPython reports literal errors at the token after the literals.
        self.peek();
        let next_span = self.span();
        let span = Span::new(self.token_at(first_index).span.start, self.prev_end());
        let at_next = |message: String| Failure::from(Diagnostic::syntax(message, next_span));

        let mut bytes: Option<Vec<u8>> = None;
        let mut text = FStringBuilder::default();
        let mut is_fstring = false;
        for index in first_index..self.pos {
            let token = self.tokens[index].clone();
            let TokenKind::Str(literal) = &token.kind else {
                continue;
            };
            let body = &self.chars[literal.body_start..literal.body_end];
            if literal.is_bytes && !body.iter().all(char::is_ascii) {
                return error(
                    "bytes can only contain ASCII literal characters",
                    token.span,
                );
            }
            if index > first_index && literal.is_bytes != bytes.is_some() {
                return Err(at_next("cannot mix bytes and nonbytes literals".into()));
            }
            if literal.is_bytes {
                let decoded = if literal.is_raw {
                    body.iter().map(|&c| c as u8).collect()
                } else {
                    strings::decode_bytes(body).map_err(at_next)?
                };
                bytes.get_or_insert_with(Vec::new).extend(decoded);
            } else if literal.is_format {
                is_fstring = true;
                let scanner = FStringScanner::new(self.chars, literal);
                match scanner.scan(&mut text, self) {
                    Ok(()) => {}
                    Err(LiteralError::AtNextToken(message)) => return Err(at_next(message)),
                    Err(LiteralError::Located(diagnostic)) => {
                        return Err(Failure::from(diagnostic))
                    }
                }
            } else if literal.is_raw {
                text.push_literal(&body.iter().collect::<String>());
            } else {
                let decoded = strings::decode_str(body).map_err(at_next)?;
                text.has_named_escape |= decoded.has_named_escape;
                text.push_literal(&decoded.value);
            }
        }
        if text.has_named_escape {
            self.record_unsupported(Unsupported::NamedUnicodeEscape, span);
        }
        let kind = match bytes {
            Some(bytes) => ExprKind::Constant(Constant::Bytes(bytes)),
            None if is_fstring => ExprKind::FString(text.finish()),
            None => {
                let value = text.finish().into_iter().map(|part| match part {
                    crate::ast::FStringPart::Literal(text) => text,
                    crate::ast::FStringPart::Formatted { .. } => String::new(),
                });
                ExprKind::Constant(Constant::Str(value.collect()))
            }
        };
        Ok(Expr { kind, span })
    }
}

impl FieldParser for Parser<'_> {
    /// Parse a replacement field's expression as CPython does: as if it
    /// were wrapped in parentheses (so `{a, b}` is a tuple and `{x for x in
    /// y}` a generator), with real source positions and errors prefixed
    /// "f-string: ".
    fn parse_field(&mut self, field: &FieldExpression) -> Result<Expr, Diagnostic> {
        let lexed = lexer::tokenize_fstring_expression(
            self.chars,
            field.start,
            field.end,
            field.start_pos,
            field.line_start,
        );
        if let LexEnd::Error(error) | LexEnd::Stopped(error) = lexed.end {
            return Err(error);
        }
        let open = Token {
            kind: TokenKind::Op(Op::LParen),
            span: Span::new(
                field.brace,
                Pos {
                    line: field.brace.line,
                    col: field.brace.col + 1,
                },
            ),
            bracket_depth: 1,
        };
        let close_span = Span::new(
            field.terminator,
            Pos {
                line: field.terminator.line,
                col: field.terminator.col + 1,
            },
        );
        let close = Token {
            kind: TokenKind::Op(Op::RParen),
            span: close_span,
            bracket_depth: 0,
        };
        let end = Token {
            kind: TokenKind::EndMarker,
            span: Span::new(close_span.end, close_span.end),
            bracket_depth: 0,
        };
        let mut tokens = Vec::with_capacity(lexed.tokens.len() + 3);
        tokens.push(open);
        tokens.extend(lexed.tokens);
        tokens.push(close);
        tokens.push(end);

        let mut inner = Parser::new(self.chars, tokens, self.depth, self.stack_base);
        let result = inner.parse_parenthesized().and_then(|expr| {
            if *inner.peek() == TokenKind::EndMarker {
                Ok(expr)
            } else {
                Err(Failure::Invalid)
            }
        });
        if let Some(unsupported) = inner.unsupported.take() {
            self.record_unsupported_diagnostic(unsupported);
        }
        result.map_err(|failure| {
            let mut diagnostic = inner.into_diagnostic(failure);
            diagnostic.message = format!("f-string: {}", diagnostic.message);
            diagnostic
        })
    }
}

/// `+=` and friends.
fn augmented_operator(op: Op) -> Option<BinOp> {
    Some(match op {
        Op::PlusEqual => BinOp::Add,
        Op::MinusEqual => BinOp::Sub,
        Op::StarEqual => BinOp::Mult,
        Op::AtEqual => BinOp::MatMult,
        Op::SlashEqual => BinOp::Div,
        Op::PercentEqual => BinOp::Mod,
        Op::AmperEqual => BinOp::BitAnd,
        Op::VbarEqual => BinOp::BitOr,
        Op::CircumflexEqual => BinOp::BitXor,
        Op::LeftShiftEqual => BinOp::LShift,
        Op::RightShiftEqual => BinOp::RShift,
        Op::DoubleStarEqual => BinOp::Pow,
        Op::DoubleSlashEqual => BinOp::FloorDiv,
        _ => return None,
    })
}

/// CPython's `_PyPegen_get_invalid_target`: the first part of `expr` that
/// cannot be assigned to (or deleted), if any.
fn is_invalid_target(expr: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &expr.kind {
        ExprKind::List(elts) | ExprKind::Tuple(elts) => {
            elts.iter().find_map(|e| is_invalid_target(e, kind))
        }
        ExprKind::Starred(value) if kind != TargetKind::Delete => is_invalid_target(value, kind),
        ExprKind::Compare { left, ops, .. } if kind == TargetKind::For => {
            if ops[0] == CmpOp::In {
                is_invalid_target(left, kind)
            } else {
                None
            }
        }
        ExprKind::Name(_) | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(expr),
    }
}

/// Whether `expr` could come from CPython's `bitwise_or` rule (no
/// comparison, boolean operator, conditional, lambda or starred at its top).
fn is_bitwise_or_level(expr: &Expr) -> bool {
    !matches!(
        expr.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::Starred(_)
            | ExprKind::NamedExpr { .. }
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
    )
}

/// Whether CPython's "cannot assign to X here" rule applies to `target`: a
/// `bitwise_or` that is not a list, tuple or generator display.
fn is_plain_assignment_target_candidate(target: &Expr) -> bool {
    is_bitwise_or_level(target)
        && !matches!(
            target.kind,
            ExprKind::List(_) | ExprKind::Tuple(_) | ExprKind::GeneratorExp { .. }
        )
}

/// CPython's `_PyPegen_get_expr_name`, for "cannot assign to ...".
fn expr_name(expr: &Expr) -> &'static str {
    match &expr.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}
