//! String literals: escape decoding and f-string splitting, after CPython
//! 3.11's `Parser/string_parser.c`.
//!
//! The lexer hands over each literal's body undecoded. Here `\n`, `\x41`,
//! `\u00e9`, octal escapes and line continuations are decoded (with
//! CPython's error messages, whose byte positions count each non-ASCII
//! character as the ten-byte `\UXXXXXXXX` CPython rewrites it to), and an
//! f-string body is cut into literal text and replacement fields, each
//! field's expression being parsed by the caller (see [`FieldParser`]).

use crate::ast::{Expr, FStringPart, Pos};
use crate::diagnostic::Diagnostic;
use crate::lexer::StringToken;

/// A decoding failure. CPython places most of them on the token after the
/// literal(s), which only the parser knows; a few come with their own place.
#[derive(Debug)]
pub(crate) enum LiteralError {
    AtNextToken(String),
    Located(Diagnostic),
}

impl From<Diagnostic> for LiteralError {
    fn from(diagnostic: Diagnostic) -> Self {
        LiteralError::Located(diagnostic)
    }
}

/// A decoded `str` body; `has_named_escape` reports a `\N{...}` escape and
/// `has_surrogate` a `\ud800`-`\udfff` escape (a lone surrogate cannot live in a
/// Rust string), which Loopscope does not support (each is left as U+FFFD).
pub(crate) struct DecodedStr {
    pub value: String,
    pub has_named_escape: bool,
    pub has_surrogate: bool,
}

/// Decode the escapes of a non-raw `str` literal body.
pub(crate) fn decode_str(body: &[char]) -> Result<DecodedStr, String> {
    let mut value = String::with_capacity(body.len());
    let mut has_named_escape = false;
    let mut has_surrogate = false;
    let mut i = 0;
    // Position in CPython's rewritten buffer, for its error messages.
    let mut byte_pos = 0usize;
    while i < body.len() {
        let c = body[i];
        if c != '\\' {
            value.push(c);
            byte_pos += rewritten_len(c);
            i += 1;
            continue;
        }
        let escape_start = byte_pos;
        let Some(&next) = body.get(i + 1) else {
            // A backslash ending an f-string's literal part stays literal.
            value.push('\\');
            break;
        };
        if !next.is_ascii() {
            // CPython rewrites this backslash to `\u005c`: a literal backslash.
            value.push('\\');
            byte_pos += 6;
            i += 1;
            continue;
        }
        i += 2;
        byte_pos += 2;
        if let Some(byte) = single_char_escape(next) {
            value.push(char::from(byte));
            continue;
        }
        match next {
            '\n' => {}
            '0'..='7' => {
                let (code, extra_digits) = octal_escape(next, &body[i..]);
                i += extra_digits;
                byte_pos += extra_digits;
                value.push(char::from_u32(code).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (count, message) = match next {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut code: u32 = 0;
                for _ in 0..count {
                    match body.get(i).and_then(|d| d.to_digit(16)) {
                        Some(digit) => {
                            code = (code << 4) | digit;
                            i += 1;
                            byte_pos += 1;
                        }
                        None => return Err(unicode_escape_error(escape_start, byte_pos, message)),
                    }
                }
                if code > 0x10FFFF {
                    return Err(unicode_escape_error(
                        escape_start,
                        byte_pos,
                        "illegal Unicode character",
                    ));
                }
                has_surrogate |= (0xD800..=0xDFFF).contains(&code);
                value.push(char::from_u32(code).unwrap_or('\u{fffd}'));
            }
            'N' => {
                let malformed = "malformed \\N character escape";
                if body.get(i) != Some(&'{') {
                    return Err(unicode_escape_error(escape_start, byte_pos, malformed));
                }
                let name_start = i + 1;
                let mut name_end = name_start;
                while name_end < body.len() && body[name_end] != '}' {
                    name_end += 1;
                }
                let name_bytes: usize = body[name_start..name_end]
                    .iter()
                    .map(|&c| rewritten_len(c))
                    .sum();
                if name_end >= body.len() {
                    return Err(unicode_escape_error(
                        escape_start,
                        byte_pos + 1 + name_bytes,
                        malformed,
                    ));
                }
                if name_end == name_start {
                    return Err(unicode_escape_error(escape_start, byte_pos + 1, malformed));
                }
                has_named_escape = true;
                value.push('\u{fffd}');
                byte_pos += name_bytes + 2;
                i = name_end + 1;
            }
            other => {
                // Unknown escapes stay as written (CPython warns).
                value.push('\\');
                value.push(other);
            }
        }
    }
    Ok(DecodedStr {
        value,
        has_named_escape,
        has_surrogate,
    })
}

/// How many bytes CPython's pre-decoding rewrite turns a character into.
fn rewritten_len(c: char) -> usize {
    if c.is_ascii() {
        1
    } else {
        10
    }
}

fn unicode_escape_error(start: usize, end: usize, reason: &str) -> String {
    format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {reason}",
        start,
        end - 1
    )
}

/// Decode the escapes of a non-raw bytes literal body (already checked to
/// be ASCII).
/// The byte a one-character escape (`\\n`, `\\t`, `\\'`…) stands for, in str and bytes alike.
fn single_char_escape(c: char) -> Option<u8> {
    Some(match c {
        '\\' => b'\\',
        '\'' => b'\'',
        '"' => b'"',
        'b' => 0x08,
        'f' => 0x0c,
        't' => b'\t',
        'n' => b'\n',
        'r' => b'\r',
        'v' => 0x0b,
        'a' => 0x07,
        _ => return None,
    })
}

/// An octal escape's value: its first digit `first`, then up to two more from `rest`;
/// also how many of `rest` it used.
fn octal_escape(first: char, rest: &[char]) -> (u32, usize) {
    let mut code = first as u32 - '0' as u32;
    let mut used = 0;
    while used < 2 {
        match rest.get(used) {
            Some(&digit @ '0'..='7') => {
                code = code * 8 + (digit as u32 - '0' as u32);
                used += 1;
            }
            _ => break,
        }
    }
    (code, used)
}

pub(crate) fn decode_bytes(body: &[char]) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if c != '\\' || i + 1 >= body.len() {
            bytes.push(c as u8);
            i += 1;
            continue;
        }
        let escape_start = i;
        let next = body[i + 1];
        i += 2;
        if let Some(byte) = single_char_escape(next) {
            bytes.push(byte);
            continue;
        }
        match next {
            '\n' => {}
            '0'..='7' => {
                let (code, extra_digits) = octal_escape(next, &body[i..]);
                i += extra_digits;
                bytes.push((code & 0xff) as u8);
            }
            'x' => {
                let digits = (
                    body.get(i).and_then(|d| d.to_digit(16)),
                    body.get(i + 1).and_then(|d| d.to_digit(16)),
                );
                match digits {
                    (Some(high), Some(low)) => {
                        bytes.push((high * 16 + low) as u8);
                        i += 2;
                    }
                    _ => {
                        return Err(format!(
                            "(value error) invalid \\x escape at position {escape_start}"
                        ))
                    }
                }
            }
            other => {
                bytes.push(b'\\');
                bytes.push(other as u8);
            }
        }
    }
    Ok(bytes)
}

/// Where a replacement field's expression is: `chars[start..end]`, starting
/// at `start_pos` on a line that starts at index `line_start`; `brace` is
/// the `{` before it and `terminator` the `}`, `!`, `:` or `=` after it.
pub(crate) struct FieldExpression {
    pub start: usize,
    pub end: usize,
    pub start_pos: Pos,
    pub line_start: usize,
    pub brace: Pos,
    pub terminator: Pos,
}

/// Parses the expression of a replacement field (the parser implements it).
pub(crate) trait FieldParser {
    fn parse_field(&mut self, field: &FieldExpression) -> Result<Expr, Diagnostic>;
}

/// Accumulates the parts of one f-string expression, which may span several
/// implicitly concatenated literals; adjacent literal text is merged.
#[derive(Default)]
pub(crate) struct FStringBuilder {
    parts: Vec<FStringPart>,
    literal: String,
    pub has_named_escape: bool,
    pub has_surrogate: bool,
}

impl FStringBuilder {
    pub fn push_literal(&mut self, text: &str) {
        self.literal.push_str(text);
    }

    fn push_field(&mut self, field: FStringPart) {
        if !self.literal.is_empty() {
            self.parts
                .push(FStringPart::Literal(std::mem::take(&mut self.literal)));
        }
        self.parts.push(field);
    }

    pub fn finish(mut self) -> Vec<FStringPart> {
        if !self.literal.is_empty() {
            self.parts.push(FStringPart::Literal(self.literal));
        }
        self.parts
    }
}

/// CPython's limit on brackets inside a replacement field.
const MAX_FIELD_BRACKETS: usize = 200;

/// Splits an f-string body into literal text and replacement fields.
pub(crate) struct FStringScanner<'a> {
    chars: &'a [char],
    is_raw: bool,
    end: usize,
    i: usize,
    /// Position bookkeeping, advanced monotonically: `line` and the index
    /// where it starts, valid for indices at or after `known_index`.
    known_index: usize,
    line: u32,
    line_start: usize,
}

type Scan<T> = Result<T, LiteralError>;

fn at_next_token<T>(message: &str) -> Scan<T> {
    Err(LiteralError::AtNextToken(format!("f-string: {message}")))
}

impl<'a> FStringScanner<'a> {
    pub fn new(chars: &'a [char], token: &StringToken) -> Self {
        FStringScanner {
            chars,
            is_raw: token.is_raw,
            end: token.body_end,
            i: token.body_start,
            known_index: token.body_start,
            line: token.body_pos.line,
            line_start: token.body_start - token.body_pos.col as usize,
        }
    }

    /// The position of `index` (never before an index asked for earlier).
    fn pos_of(&mut self, index: usize) -> Pos {
        while self.known_index < index {
            if self.chars[self.known_index] == '\n' {
                self.line += 1;
                self.line_start = self.known_index + 1;
            }
            self.known_index += 1;
        }
        Pos {
            line: self.line,
            col: (index - self.line_start) as u32,
        }
    }

    /// Scan the whole body into `builder`.
    pub fn scan(mut self, builder: &mut FStringBuilder, parser: &mut dyn FieldParser) -> Scan<()> {
        self.scan_parts(builder, parser, 0)?;
        Ok(())
    }

    /// Literal text and fields up to the end of the body (`nesting == 0`) or
    /// up to the `}` closing a format spec (`nesting > 0`).
    fn scan_parts(
        &mut self,
        builder: &mut FStringBuilder,
        parser: &mut dyn FieldParser,
        nesting: u32,
    ) -> Scan<()> {
        loop {
            let literal_start = self.i;
            let mut skip_doubled_brace = false;
            while self.i < self.end {
                let c = self.chars[self.i];
                if !self.is_raw && c == '\\' && self.i + 1 < self.end {
                    let escaped = self.chars[self.i + 1];
                    if escaped == 'N' {
                        self.i += 2;
                        if self.i < self.end && self.chars[self.i] == '{' {
                            self.i += 1;
                            while self.i < self.end && self.chars[self.i] != '}' {
                                self.i += 1;
                            }
                            self.i = (self.i + 1).min(self.end);
                        }
                        continue;
                    }
                    if escaped == '{' {
                        // `\{` is a backslash then a brace (CPython warns).
                        self.i += 1;
                        continue;
                    }
                    self.i += 2;
                    continue;
                }
                if c == '{' || c == '}' {
                    if nesting == 0 {
                        if self.i + 1 < self.end && self.chars[self.i + 1] == c {
                            skip_doubled_brace = true;
                            self.i += 1;
                            break;
                        }
                        if c == '}' {
                            return at_next_token("single '}' is not allowed");
                        }
                    }
                    break;
                }
                self.i += 1;
            }
            self.push_literal(builder, literal_start, self.i)?;
            if skip_doubled_brace {
                self.i += 1;
                continue;
            }
            if self.i >= self.end || self.chars[self.i] == '}' {
                if nesting > 0 && self.i >= self.end {
                    return at_next_token("expecting '}'");
                }
                return Ok(());
            }
            self.scan_field(builder, parser, nesting)?;
        }
    }

    fn push_literal(&self, builder: &mut FStringBuilder, start: usize, end: usize) -> Scan<()> {
        if start == end {
            return Ok(());
        }
        let body = &self.chars[start..end];
        if self.is_raw {
            builder.push_literal(&body.iter().collect::<String>());
        } else {
            let decoded = decode_str(body).map_err(LiteralError::AtNextToken)?;
            builder.has_named_escape |= decoded.has_named_escape;
            builder.has_surrogate |= decoded.has_surrogate;
            builder.push_literal(&decoded.value);
        }
        Ok(())
    }

    /// A replacement field, starting at its `{`.
    fn scan_field(
        &mut self,
        builder: &mut FStringBuilder,
        parser: &mut dyn FieldParser,
        nesting: u32,
    ) -> Scan<()> {
        if nesting >= 2 {
            return at_next_token("expressions nested too deeply");
        }
        let brace_index = self.i;
        self.i += 1;
        let expression_start = self.i;
        let expression_end = self.find_expression_end()?;
        if self.i >= self.end {
            return at_next_token("expecting '}'");
        }
        let terminator = self.chars[self.i];
        let is_blank = self.chars[expression_start..expression_end]
            .iter()
            .all(|c| matches!(c, ' ' | '\t' | '\n' | '\x0c'));
        if is_blank {
            if terminator == '}' {
                return at_next_token("empty expression not allowed");
            }
            return at_next_token(&format!("expression required before '{terminator}'"));
        }
        let brace = self.pos_of(brace_index);
        let start_pos = self.pos_of(expression_start);
        let line_start = self.line_start;
        let terminator_pos = self.pos_of(expression_end);
        let field = FieldExpression {
            start: expression_start,
            end: expression_end,
            start_pos,
            line_start,
            brace,
            terminator: terminator_pos,
        };
        let value = parser.parse_field(&field)?;

        let mut debug_text = None;
        if terminator == '=' {
            self.i += 1;
            while self.i < self.end
                && matches!(
                    self.chars[self.i],
                    ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'
                )
            {
                self.i += 1;
            }
            if self.i >= self.end {
                return at_next_token("expecting '}'");
            }
            debug_text = Some(
                self.chars[expression_start..self.i]
                    .iter()
                    .collect::<String>(),
            );
        }
        let mut conversion = None;
        if self.i < self.end && self.chars[self.i] == '!' {
            self.i += 1;
            if self.i >= self.end {
                return at_next_token("expecting '}'");
            }
            let c = self.chars[self.i];
            self.i += 1;
            if !matches!(c, 's' | 'r' | 'a') {
                return at_next_token("invalid conversion character: expected 's', 'r', or 'a'");
            }
            conversion = Some(c);
        }
        let mut format_spec = None;
        if self.i < self.end && self.chars[self.i] == ':' {
            self.i += 1;
            if self.i >= self.end {
                return at_next_token("expecting '}'");
            }
            let mut spec = FStringBuilder::default();
            self.scan_parts(&mut spec, parser, nesting + 1)?;
            builder.has_named_escape |= spec.has_named_escape;
            builder.has_surrogate |= spec.has_surrogate;
            format_spec = Some(spec.finish());
        }
        if self.i >= self.end || self.chars[self.i] != '}' {
            return at_next_token("expecting '}'");
        }
        self.i += 1;
        if debug_text.is_some() && format_spec.is_none() && conversion.is_none() {
            conversion = Some('r');
        }
        builder.push_field(FStringPart::Formatted {
            value: Box::new(value),
            conversion,
            format_spec,
            debug_text,
        });
        Ok(())
    }

    /// Advance over a field's expression to the first `!`, `:`, `}` or `=`
    /// outside brackets and strings (CPython's `fstring_find_expr` rules),
    /// returning where the expression ends.
    fn find_expression_end(&mut self) -> Scan<usize> {
        let mut quote: Option<(char, usize)> = None;
        let mut brackets: Vec<char> = Vec::new();
        while self.i < self.end {
            let c = self.chars[self.i];
            if c == '\\' {
                return at_next_token_plain("f-string expression part cannot include a backslash");
            }
            if let Some((q, len)) = quote {
                if c == q {
                    if len == 3 {
                        if self.i + 2 < self.end
                            && self.chars[self.i + 1] == q
                            && self.chars[self.i + 2] == q
                        {
                            self.i += 2;
                            quote = None;
                        }
                    } else {
                        quote = None;
                    }
                }
                self.i += 1;
                continue;
            }
            match c {
                '\'' | '"' => {
                    if self.i + 2 < self.end
                        && self.chars[self.i + 1] == c
                        && self.chars[self.i + 2] == c
                    {
                        quote = Some((c, 3));
                        self.i += 2;
                    } else {
                        quote = Some((c, 1));
                    }
                }
                '[' | '{' | '(' => {
                    if brackets.len() >= MAX_FIELD_BRACKETS {
                        return at_next_token("too many nested parenthesis");
                    }
                    brackets.push(c);
                }
                '#' => return at_next_token_plain("f-string expression part cannot include '#'"),
                '!' | ':' | '}' | '=' | '<' | '>' if brackets.is_empty() => {
                    let next = self
                        .chars
                        .get(self.i + 1)
                        .copied()
                        .filter(|_| self.i + 1 < self.end);
                    if next == Some('=') && matches!(c, '!' | '=' | '<' | '>') {
                        self.i += 2;
                        continue;
                    }
                    if c != '<' && c != '>' {
                        break;
                    }
                }
                ']' | '}' | ')' => {
                    let Some(opening) = brackets.pop() else {
                        return at_next_token(&format!("unmatched '{c}'"));
                    };
                    if crate::lexer::closing_bracket(opening) != c {
                        return at_next_token(&format!(
                            "closing parenthesis '{c}' does not match opening parenthesis '{opening}'"
                        ));
                    }
                }
                _ => {}
            }
            self.i += 1;
        }
        if quote.is_some() {
            return at_next_token("unterminated string");
        }
        if let Some(&opening) = brackets.last() {
            return at_next_token(&format!("unmatched '{opening}'"));
        }
        Ok(self.i)
    }
}

/// Messages CPython words without the `f-string: ` prefix.
fn at_next_token_plain<T>(message: &str) -> Scan<T> {
    Err(LiteralError::AtNextToken(message.to_string()))
}
