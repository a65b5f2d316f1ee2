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
//!
//! This file holds the parser's state, its token helpers and string
//! literals; the grammar's parts are its submodules: `simple_statements`,
//! `compound_statements`, `patterns`, `parameters`, `targets`, `expressions`, `atoms`.

mod atoms;
mod compound_statements;
mod expressions;
mod parameters;
mod patterns;
mod simple_statements;
mod targets;

use crate::ast::{BinOp, CmpOp, Constant, Expr, ExprKind, Module, Pos, Span, UnaryOp};
use crate::diagnostic::{Diagnostic, Unsupported};
use crate::lexer::{self, Keyword as Kw, LexEnd, Op, Token, TokenKind};
use crate::strings::{
    self, FStringBuilder, FStringScanner, FieldExpression, FieldParser, LiteralError,
};

/// How deep expressions (and the trees built from them) may nest.
pub(crate) const MAX_NESTING: u32 = 400;

/// How much stack the parser may use, whatever the nesting count: enough
/// for CPython's 200 nested brackets and 100 levels of indentation in an
/// optimised build (about 360 KiB and 300 KiB), and well within the smallest
/// stacks the parser runs on (1 MiB for WebAssembly). An unoptimised native
/// build's frames are several times larger: it may use 8 MiB (the CLI's and the
/// tests' engine threads have 16 MiB and more).
const STACK_BUDGET: usize = if cfg!(all(debug_assertions, not(target_arch = "wasm32"))) {
    8 << 20
} else {
    512 << 10
};

/// The address of a local variable: compared with the one taken when
/// parsing started, it tells how much stack parsing uses.
#[inline(never)]
fn stack_position() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

pub(crate) fn parse_module(source: &str) -> Result<Module, Diagnostic> {
    parse_with(source, |parser| parser.parse_file()).map(|body| Module { body })
}

/// CPython's `eval` start rule (`expressions NEWLINE* ENDMARKER`): the source
/// of `eval()` and of `compile(..., 'eval')`.
pub(crate) fn parse_eval(source: &str) -> Result<Expr, Diagnostic> {
    parse_with(source, |parser| {
        let expr = parser.parse_star_expressions()?;
        while *parser.peek() == TokenKind::Newline {
            parser.bump();
        }
        match parser.peek() {
            TokenKind::EndMarker => Ok(expr),
            _ => Err(Failure::Invalid),
        }
    })
}

/// Tokenize `source` and parse it with the start rule `rule`, turning a
/// failure into CPython's diagnostic.
fn parse_with<T>(
    source: &str,
    rule: impl FnOnce(&mut Parser) -> PResult<T>,
) -> Result<T, Diagnostic> {
    let chars = lexer::source_chars(source);
    let lexed = lexer::tokenize_file(&chars);
    let mut parser = Parser::new(&chars, lexed.tokens, 0, stack_position());
    let failure = match rule(&mut parser) {
        Ok(parsed) => {
            return match parser.unsupported {
                Some(unsupported) => Err(unsupported),
                None => Ok(parsed),
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
    /// An expression's first primary and where it started, parsed before its
    /// operators' levels are entered (see `parse_expression`): the first
    /// operand that `parse_await_primary` hands up, and the start that
    /// [`Parser::start`] reports until then.
    pending_primary: Option<(Expr, Pos)>,
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
            pending_primary: None,
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
        if let Some((_, start)) = &self.pending_primary {
            return *start;
        }
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
        if self.depth >= MAX_NESTING {
            return Err(Failure::TooDeep(self.span()));
        }
        self.check_stack()?;
        self.depth += 1;
        Ok(())
    }

    /// Stop before the parser's native stack outgrows [`STACK_BUDGET`].
    fn check_stack(&self) -> PResult<()> {
        if stack_position().abs_diff(self.stack_base) > STACK_BUDGET {
            return Err(Failure::TooDeep(self.span()));
        }
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
        debug_assert!(
            self.pending_primary.is_none(),
            "speculating over a pending primary"
        );
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
                text.has_surrogate |= decoded.has_surrogate;
                text.push_literal(&decoded.value);
            }
        }
        if text.has_named_escape {
            self.record_unsupported(Unsupported::NamedUnicodeEscape, span);
        }
        if text.has_surrogate {
            self.record_unsupported(Unsupported::SurrogateEscape, span);
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
