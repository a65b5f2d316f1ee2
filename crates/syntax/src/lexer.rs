//! The tokenizer: source characters → tokens with spans, following CPython
//! 3.11's `Parser/tokenizer.c` rule for rule.
//!
//! It produces NEWLINE / INDENT / DEDENT tokens from the layout (tabs to the
//! next multiple of 8, with CPython's tab-consistency check), joins lines
//! inside brackets and after a backslash, skips comments and blank lines,
//! and keeps string literals whole (their escapes and f-string fields are
//! decoded later by [`crate::strings`]). Its errors carry CPython's
//! messages and positions.
//!
//! The whole file is tokenized before parsing. CPython tokenizes lazily but
//! lets a tokenizer error anywhere in the file win over a parser error, so
//! the order is the same; [`LexEnd`] records how tokenizing ended so the
//! parser can apply CPython's remaining priority rules.
//!
//! Number literals are scanned in `lexer/numbers.rs`, indentation in
//! `lexer/indentation.rs`.

mod indentation;
mod numbers;

use num_bigint::BigInt;

use crate::ast::{Pos, Span};
use crate::diagnostic::Diagnostic;

/// CPython's `MAXLEVEL`: how deep brackets may nest.
const MAX_BRACKET_DEPTH: usize = 200;
/// CPython's `MAXINDENT`: the indentation stack's capacity.
const MAX_INDENT_DEPTH: usize = 100;
const TAB_SIZE: u32 = 8;

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum TokenKind {
    /// An identifier, including the soft keywords `match`, `case`, `type`, `_`.
    Name(String),
    Int(BigInt),
    /// A decimal integer longer than CPython's int max-str-digits limit (its digit
    /// count): the parser rejects it where it uses it, as CPython does.
    IntBeyondLimit(usize),
    Float(f64),
    /// `1j`, `2.5J`: valid Python, not supported by Loopscope.
    /// An imaginary literal (`2j`): the value of its imaginary part.
    Imaginary(f64),
    Str(StringToken),
    Keyword(Keyword),
    Op(Op),
    Newline,
    Indent,
    Dedent,
    EndMarker,
    /// Where tokenizing stopped early; see [`Lexed::end`].
    Stop,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Token {
    pub kind: TokenKind,
    pub span: Span,
    /// Bracket nesting depth after this token (CPython's `tok->level`).
    pub bracket_depth: u32,
}

/// A string literal as written: decoding happens in [`crate::strings`].
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct StringToken {
    pub is_raw: bool,
    pub is_bytes: bool,
    pub is_format: bool,
    /// The body between the quotes, as indices into the source characters.
    pub body_start: usize,
    pub body_end: usize,
    /// Where the body starts (just after the opening quotes).
    pub body_pos: Pos,
}

macro_rules! keywords {
    ($($variant:ident = $text:literal,)*) => {
        /// Python's hard keywords.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum Keyword { $($variant,)* }

        impl Keyword {
            fn from_name(name: &str) -> Option<Keyword> {
                match name { $($text => Some(Keyword::$variant),)* _ => None }
            }
            pub fn text(self) -> &'static str {
                match self { $(Keyword::$variant => $text,)* }
            }
        }
    };
}

keywords! {
    False = "False", None = "None", True = "True", And = "and", As = "as",
    Assert = "assert", Async = "async", Await = "await", Break = "break",
    Class = "class", Continue = "continue", Def = "def", Del = "del",
    Elif = "elif", Else = "else", Except = "except", Finally = "finally",
    For = "for", From = "from", Global = "global", If = "if", Import = "import",
    In = "in", Is = "is", Lambda = "lambda", Nonlocal = "nonlocal", Not = "not",
    Or = "or", Pass = "pass", Raise = "raise", Return = "return", Try = "try",
    While = "while", With = "with", Yield = "yield",
}

macro_rules! operators {
    ($($variant:ident = $text:literal,)*) => {
        /// Operators and delimiters.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum Op { $($variant,)* }

        impl Op {
            pub fn text(self) -> &'static str {
                match self { $(Op::$variant => $text,)* }
            }
        }

        /// Every operator, longest first so the first match is the longest.
        const OPERATORS_LONGEST_FIRST: &[Op] = &[$(Op::$variant,)*];
    };
}

operators! {
    DoubleStarEqual = "**=", DoubleSlashEqual = "//=", LeftShiftEqual = "<<=",
    RightShiftEqual = ">>=", Ellipsis = "...",
    NotEqual = "!=", PercentEqual = "%=", AmperEqual = "&=", DoubleStar = "**",
    StarEqual = "*=", PlusEqual = "+=", MinusEqual = "-=", Arrow = "->",
    DoubleSlash = "//", SlashEqual = "/=", ColonEqual = ":=", LeftShift = "<<",
    LessEqual = "<=", LegacyNotEqual = "<>", EqEqual = "==", GreaterEqual = ">=",
    RightShift = ">>", AtEqual = "@=", CircumflexEqual = "^=", VbarEqual = "|=",
    Percent = "%", Amper = "&", LParen = "(", RParen = ")", Star = "*", Plus = "+",
    Comma = ",", Minus = "-", Dot = ".", Slash = "/", Colon = ":", Semi = ";",
    Less = "<", Equal = "=", Greater = ">", At = "@", LSquare = "[", RSquare = "]",
    Circumflex = "^", LBrace = "{", VBar = "|", RBrace = "}", Tilde = "~",
    Exclamation = "!", Dollar = "$", Question = "?", Backtick = "`",
}

/// CPython 3.11's limit on the digits of a decimal integer (`sys.int_info`).
pub(crate) const INT_MAX_STR_DIGITS: usize = 4300;

/// How tokenizing ended. CPython's tokenizer has two kinds of errors: the
/// ones it raises itself ([`LexEnd::Error`]) also win over any parser error
/// but "unexpected indent/unindent", because CPython tokenizes the rest of
/// the file after a syntax error; the others (layout errors, a bad line
/// continuation, end of file inside brackets) only surface when the parser
/// asks for the token where they happened ([`LexEnd::Stopped`]). Either way,
/// the parser asking for that token raises the error at once.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum LexEnd {
    Complete,
    Stopped(Diagnostic),
    Error(Diagnostic),
}

pub(crate) struct Lexed {
    pub tokens: Vec<Token>,
    pub end: LexEnd,
    /// The innermost bracket still open when tokenizing ended.
    pub unclosed_bracket: Option<(char, Pos)>,
}

/// Tokenize a whole program. `chars` must have its line endings normalised
/// to `\n` (see [`source_chars`]).
pub(crate) fn tokenize_file(chars: &[char]) -> Lexed {
    Lexer::new(
        chars,
        0,
        chars.len(),
        Pos { line: 1, col: 0 },
        0,
        Mode::File,
    )
    .run()
}

/// Tokenize the expression of an f-string replacement field,
/// `chars[start..end]`, which starts at `start_pos` (a line that starts at
/// index `line_start`). Like CPython, the text is tokenized as if wrapped in
/// parentheses: no layout tokens, newlines ignored.
pub(crate) fn tokenize_fstring_expression(
    chars: &[char],
    start: usize,
    end: usize,
    start_pos: Pos,
    line_start: usize,
) -> Lexed {
    Lexer::new(
        chars,
        start,
        end,
        start_pos,
        line_start,
        Mode::FStringExpression,
    )
    .run()
}

/// The source as characters, a leading BOM dropped, `\r\n` / `\r` turned
/// into `\n` (CPython reads source with universal newlines) and a final
/// `\n` added when missing (as CPython's tokenizer does).
pub(crate) fn source_chars(source: &str) -> Vec<char> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut chars = Vec::with_capacity(source.len());
    let mut iter = source.chars().peekable();
    while let Some(c) = iter.next() {
        if c == '\r' {
            if iter.peek() == Some(&'\n') {
                iter.next();
            }
            chars.push('\n');
        } else {
            chars.push(c);
        }
    }
    if chars.last().is_some_and(|&c| c != '\n') {
        chars.push('\n');
    }
    chars
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    File,
    FStringExpression,
}

/// A reason to stop tokenizing: the end it leads to.
type Stop = LexEnd;

struct Lexer<'s> {
    chars: &'s [char],
    i: usize,
    end: usize,
    line: u32,
    /// Index of the first character of the current line.
    line_start: usize,
    at_line_start: bool,
    /// The current line holds only blanks and maybe a comment, so its
    /// newline is not a NEWLINE token.
    is_blank_line: bool,
    /// `(col, altcol)` per indentation level: `col` counts tabs to the next
    /// multiple of 8, `altcol` counts them as 1 (CPython's consistency check).
    indents: Vec<(u32, u32)>,
    brackets: Vec<(char, Pos)>,
    tokens: Vec<Token>,
    mode: Mode,
}

impl<'s> Lexer<'s> {
    fn new(
        chars: &'s [char],
        start: usize,
        end: usize,
        start_pos: Pos,
        line_start: usize,
        mode: Mode,
    ) -> Self {
        Lexer {
            chars,
            i: start,
            end,
            line: start_pos.line,
            line_start,
            at_line_start: mode == Mode::File,
            is_blank_line: false,
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            tokens: Vec::new(),
            mode,
        }
    }

    fn run(mut self) -> Lexed {
        let end = match self.tokenize() {
            Ok(()) => LexEnd::Complete,
            Err(stop) => {
                let pos = self.pos();
                self.push(TokenKind::Stop, Span::new(pos, pos));
                stop
            }
        };
        Lexed {
            tokens: self.tokens,
            end,
            unclosed_bracket: self.brackets.last().copied(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.peek_at(0)
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        let index = self.i + ahead;
        if index < self.end {
            Some(self.chars[index])
        } else {
            None
        }
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.line_start = self.i;
        }
        Some(c)
    }

    fn col_of(&self, index: usize) -> u32 {
        (index - self.line_start) as u32
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col_of(self.i),
        }
    }

    fn push(&mut self, kind: TokenKind, span: Span) {
        // An f-string expression is tokenized as if in parentheses.
        let implicit_parenthesis = u32::from(self.mode == Mode::FStringExpression);
        let bracket_depth = self.brackets.len() as u32 + implicit_parenthesis;
        self.tokens.push(Token {
            kind,
            span,
            bracket_depth,
        });
    }

    /// An error at a column of the current line (one caret).
    fn error_at_col(&self, message: impl Into<String>, col: u32) -> Stop {
        let pos = Pos {
            line: self.line,
            col,
        };
        LexEnd::Error(Diagnostic::syntax(message, Span::new(pos, pos)))
    }

    /// CPython's `syntaxerror()`: the caret goes on the last character read,
    /// which is the one before index `next`.
    fn error_before(&self, message: impl Into<String>, next: usize) -> Stop {
        self.error_at_col(message, self.col_of(next).saturating_sub(1))
    }

    /// The length of the current line, without its newline.
    fn current_line_len(&self) -> u32 {
        let mut j = self.line_start;
        while j < self.end && self.chars[j] != '\n' {
            j += 1;
        }
        (j - self.line_start) as u32
    }

    fn tokenize(&mut self) -> Result<(), Stop> {
        loop {
            if self.at_line_start {
                self.at_line_start = false;
                self.handle_indentation()?;
            }
            // Blanks between tokens.
            while let Some(' ' | '\t' | '\x0c') = self.peek() {
                self.bump();
            }
            let start = self.i;
            let start_pos = self.pos();
            let Some(c) = self.peek() else {
                return self.finish();
            };
            match c {
                '#' => {
                    while !matches!(self.peek(), None | Some('\n')) {
                        self.bump();
                    }
                    // CPython's NEWLINE after a comment covers the comment.
                    if self.peek() == Some('\n') {
                        let end = self.pos();
                        self.bump();
                        self.end_line(Span::new(start_pos, end));
                    }
                }
                '\n' => {
                    self.bump();
                    self.end_line(Span::new(start_pos, start_pos));
                }
                '\\' => self.line_continuation()?,
                '0'..='9' => self.number(start)?,
                '.' if matches!(self.peek_at(1), Some('0'..='9')) => self.number(start)?,
                '"' | '\'' => self.string(start, start_pos, Prefix::default())?,
                c if is_potential_identifier_start(c) => self.name_or_prefixed_string(start)?,
                _ => self.operator(start)?,
            }
        }
    }

    /// After a line's `\n`: a NEWLINE token (`span`) if it ends a logical line.
    fn end_line(&mut self, span: Span) {
        if self.mode == Mode::File {
            self.at_line_start = true;
            if self.brackets.is_empty() && !self.is_blank_line {
                self.push(TokenKind::Newline, span);
            }
        }
    }

    /// CPython's `tok_continuation_line`, at a backslash (between tokens or in a
    /// line's indentation): it must end its line, and a line must follow.
    fn line_continuation(&mut self) -> Result<(), Stop> {
        let backslash_line_len = self.current_line_len();
        self.bump();
        if self.peek() != Some('\n') {
            let pos = self.pos();
            return Err(LexEnd::Stopped(Diagnostic::syntax(
                "unexpected character after line continuation character",
                Span::new(pos, pos),
            )));
        }
        self.bump();
        if self.peek().is_none() {
            let pos = Pos {
                line: self.line - 1,
                col: backslash_line_len,
            };
            return Err(self.end_after_backslash(pos));
        }
        Ok(())
    }

    /// A backslash continues the last line of the file.
    fn end_after_backslash(&self, pos: Pos) -> Stop {
        match self.brackets.last() {
            Some(&(bracket, bracket_pos)) => LexEnd::Stopped(never_closed(bracket, bracket_pos)),
            None => LexEnd::Stopped(Diagnostic::syntax(
                "unexpected EOF while parsing",
                Span::new(pos, pos),
            )),
        }
    }

    /// End of input: close the last logical line and all indentation.
    fn finish(&mut self) -> Result<(), Stop> {
        if self.mode == Mode::FStringExpression {
            return Ok(());
        }
        if let Some(&(bracket, pos)) = self.brackets.last() {
            return Err(LexEnd::Stopped(never_closed(bracket, pos)));
        }
        let eof = self.end_of_file_pos();
        for _ in 1..self.indents.len() {
            self.push(TokenKind::Dedent, Span::new(eof, eof));
        }
        self.indents.truncate(1);
        self.push(TokenKind::EndMarker, Span::new(eof, eof));
        Ok(())
    }

    /// Where CPython puts tokens made at end of file: the end of the last
    /// line (the final `\n` does not start a new line).
    fn end_of_file_pos(&self) -> Pos {
        if self.i == self.line_start && self.line > 1 {
            let mut previous_start = self.line_start - 1;
            while previous_start > 0 && self.chars[previous_start - 1] != '\n' {
                previous_start -= 1;
            }
            Pos {
                line: self.line - 1,
                col: (self.line_start - 1 - previous_start) as u32,
            }
        } else {
            self.pos()
        }
    }

    fn span_from(&self, start_pos: Pos) -> Span {
        Span::new(start_pos, self.pos())
    }

    fn name_or_prefixed_string(&mut self, start: usize) -> Result<(), Stop> {
        let start_pos = self.pos();
        // String prefixes, in the combinations CPython accepts.
        let mut prefix = Prefix::default();
        while let Some(c) = self.peek() {
            let (raw, bytes, unicode, format) = (
                prefix.is_raw,
                prefix.is_bytes,
                prefix.is_unicode,
                prefix.is_format,
            );
            match c {
                'b' | 'B' if !(bytes || unicode || format) => prefix.is_bytes = true,
                'u' | 'U' if !(bytes || unicode || raw || format) => prefix.is_unicode = true,
                'r' | 'R' if !(raw || unicode) => prefix.is_raw = true,
                'f' | 'F' if !(format || bytes || unicode) => prefix.is_format = true,
                _ => break,
            }
            self.bump();
            if let Some('"' | '\'') = self.peek() {
                return self.string(start, start_pos, prefix);
            }
        }
        let mut has_non_ascii = false;
        while let Some(c) = self.peek() {
            if !is_potential_identifier_char(c) {
                break;
            }
            has_non_ascii |= !c.is_ascii();
            self.bump();
        }
        let name: String = self.chars[start..self.i].iter().collect();
        if has_non_ascii {
            self.verify_identifier(start)?;
        }
        let span = self.span_from(start_pos);
        let kind = match Keyword::from_name(&name) {
            Some(keyword) => TokenKind::Keyword(keyword),
            None => TokenKind::Name(name),
        };
        self.push(kind, span);
        Ok(())
    }

    /// CPython's `verify_identifier`: report the first character that
    /// cannot be part of an identifier.
    fn verify_identifier(&self, start: usize) -> Result<(), Stop> {
        for (offset, &c) in self.chars[start..self.i].iter().enumerate() {
            let valid = if offset == 0 {
                is_xid_start(c)
            } else {
                is_xid_continue(c)
            };
            if !valid {
                let col = self.col_of(start + offset);
                let message = if is_printable(c) {
                    format!("invalid character '{c}' (U+{:04X})", c as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", c as u32)
                };
                return Err(self.error_at_col(message, col));
            }
        }
        Ok(())
    }

    fn string(&mut self, start: usize, start_pos: Pos, prefix: Prefix) -> Result<(), Stop> {
        let quote = self.bump().expect("caller saw a quote");
        let mut quote_len = 1;
        if self.peek() == Some(quote) && self.peek_at(1) == Some(quote) {
            self.bump();
            self.bump();
            quote_len = 3;
        }
        let body_start = self.i;
        let body_pos = self.pos();
        let first_line_start = self.line_start;
        let mut closing_run = 0;
        let body_end = loop {
            let c = self.bump();
            if c.is_none() || c == Some('\n') && quote_len == 1 {
                // Either way the last character read was a newline, and
                // CPython reports the line it ends.
                let detected_at = self.line - 1;
                let pos = Pos {
                    line: start_pos.line,
                    col: (start - first_line_start) as u32,
                };
                let kind = if quote_len == 3 {
                    "triple-quoted string literal"
                } else {
                    "string literal"
                };
                return Err(LexEnd::Error(Diagnostic::syntax(
                    format!("unterminated {kind} (detected at line {detected_at})"),
                    Span::new(pos, pos),
                )));
            }
            let c = c.expect("checked above");
            if c == quote {
                closing_run += 1;
                if closing_run == quote_len {
                    break self.i - quote_len;
                }
            } else {
                closing_run = 0;
                if c == '\\' {
                    self.bump();
                }
            }
        };
        let token = StringToken {
            is_raw: prefix.is_raw,
            is_bytes: prefix.is_bytes,
            is_format: prefix.is_format,
            body_start,
            body_end,
            body_pos,
        };
        let span = self.span_from(start_pos);
        self.push(TokenKind::Str(token), span);
        Ok(())
    }

    fn operator(&mut self, start: usize) -> Result<(), Stop> {
        let start_pos = self.pos();
        let c = self.peek().expect("caller saw a character");
        if c == '\0' {
            return Err(self.error_at_col("source code cannot contain null bytes", start_pos.col));
        }
        let op = OPERATORS_LONGEST_FIRST.iter().copied().find(|op| {
            op.text()
                .chars()
                .enumerate()
                .all(|(k, t)| self.peek_at(k) == Some(t))
        });
        let Some(op) = op else {
            let message = if is_printable(c) {
                format!("invalid character '{c}' (U+{:04X})", c as u32)
            } else {
                format!("invalid non-printable character U+{:04X}", c as u32)
            };
            return Err(self.error_at_col(message, start_pos.col));
        };
        for _ in 0..op.text().len() {
            self.bump();
        }
        debug_assert_eq!(self.i - start, op.text().len());
        match op {
            Op::LParen | Op::LSquare | Op::LBrace => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    return Err(self.error_at_col("too many nested parentheses", start_pos.col));
                }
                self.brackets.push((c, start_pos));
            }
            Op::RParen | Op::RSquare | Op::RBrace => {
                let Some((opening, opening_pos)) = self.brackets.pop() else {
                    return Err(self.error_at_col(format!("unmatched '{c}'"), start_pos.col));
                };
                if closing_bracket(opening) != c {
                    let message = if opening_pos.line != self.line {
                        format!(
                            "closing parenthesis '{c}' does not match opening parenthesis \
                             '{opening}' on line {}",
                            opening_pos.line
                        )
                    } else {
                        format!("closing parenthesis '{c}' does not match opening parenthesis '{opening}'")
                    };
                    return Err(self.error_at_col(message, start_pos.col));
                }
            }
            _ => {}
        }
        let span = self.span_from(start_pos);
        self.push(TokenKind::Op(op), span);
        Ok(())
    }
}

#[derive(Clone, Copy, Default)]
struct Prefix {
    is_raw: bool,
    is_bytes: bool,
    is_unicode: bool,
    is_format: bool,
}

pub(crate) fn never_closed(bracket: char, pos: Pos) -> Diagnostic {
    Diagnostic::syntax(format!("'{bracket}' was never closed"), Span::new(pos, pos))
}

pub(crate) fn closing_bracket(opening: char) -> char {
    match opening {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

fn is_potential_identifier_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || !c.is_ascii()
}

fn is_potential_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii()
}

/// Approximates Unicode's XID_Start (what CPython checks) with the standard
/// library's notion of alphabetic.
fn is_xid_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

/// Approximates XID_Continue: alphanumerics plus the combining marks and
/// connector punctuation that commonly appear in identifiers.
fn is_xid_continue(c: char) -> bool {
    is_xid_start(c)
        || c.is_numeric()
        || matches!(c as u32,
            0x00B7 | 0x0300..=0x036F | 0x0483..=0x0487 | 0x0591..=0x05BD | 0x0610..=0x061A
            | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF
            | 0x1DC0..=0x1DFF | 0x200C | 0x200D | 0x203F | 0x2040 | 0x20D0..=0x20FF
            | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0xFE33 | 0xFE34 | 0xFE4D..=0xFE4F | 0xFF3F)
}

/// Approximates Python's `str.isprintable` for one character.
pub(crate) fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !(c.is_control()
        || c.is_whitespace()
        || matches!(c as u32,
            0x00AD | 0x0600..=0x0605 | 0x061C | 0x06DD | 0x070F | 0x180E | 0x200B..=0x200F
            | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB
            | 0xD800..=0xDFFF | 0xE000..=0xF8FF | 0xF0000..=0x10FFFF))
}
