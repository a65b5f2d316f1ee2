//! The small Python the composer's fields accept, checked before code is generated:
//! expressions (`0.5`, `DELAY * (i + 1)`, `random.uniform(0.1, 0.5)`, `f"p{n}-{i}"`),
//! texts with `{name}` placeholders (what `print` shows, a task's name), and names.
//!
//! A checked expression is written into the program as typed; checking makes sure it is
//! one expression of the subset below, so a field can never inject a statement, and
//! returns the variables it reads, so the generator can say which one is unknown.
//!
//! Grammar (Python's precedence): sums of products of unary minus/plus of powers of
//! atoms; atoms are numbers, strings (`f` strings may show `{name}`), `True`/`False`/
//! `None`, names, calls of a few built-ins and of `random`'s functions, parentheses.

/// How deeply parentheses and operators may nest.
const MAX_NESTING: usize = 24;

/// Longest accepted field, in bytes.
pub const MAX_FIELD_BYTES: usize = 400;

/// Functions an expression may call.
const CALLABLE: &[&str] = &[
    "abs",
    "float",
    "int",
    "len",
    "max",
    "min",
    "round",
    "str",
    "random.choice",
    "random.randint",
    "random.random",
    "random.uniform",
];

/// Python's keywords, which are never names.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// What a checked expression reads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reads {
    /// Variable names, in order of appearance (duplicates kept out).
    pub names: Vec<String>,
    /// Whether it calls one of `random`'s functions (the program then imports and seeds it).
    pub random: bool,
}

impl Reads {
    fn name(&mut self, name: &str) {
        if !self.names.iter().any(|n| n == name) {
            self.names.push(name.to_string());
        }
    }
}

/// Whether `text` is a Python identifier that is not a keyword (ASCII only).
pub fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    let starts_well = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    starts_well && chars.all(|c| c.is_ascii_alphanumeric() || c == '_') && !KEYWORDS.contains(&text)
}

/// Checks one expression; the error says what is wrong in words.
pub fn check_expr(text: &str) -> Result<Reads, String> {
    if text.trim().is_empty() {
        return Err("an expression is needed here".to_string());
    }
    if text.len() > MAX_FIELD_BYTES {
        return Err(format!("longer than {MAX_FIELD_BYTES} characters"));
    }
    let tokens = tokenize(text)?;
    let mut parser = Parser {
        tokens: &tokens,
        at: 0,
        depth: 0,
        reads: Reads::default(),
    };
    parser.expr()?;
    match parser.tokens.get(parser.at) {
        None => Ok(parser.reads),
        Some(token) => Err(format!(
            "unexpected {} after the expression",
            token.describe()
        )),
    }
}

/// One piece of a text with placeholders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Literal(&'a str),
    Name(&'a str),
}

/// Splits a text into literal runs and `{name}` placeholders. A brace that does not
/// enclose an identifier is literal text.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut literal_start = 0;
    let mut i = 0;
    while let Some(offset) = text[i..].find('{') {
        let open = i + offset;
        let close = text[open + 1..].find('}').map(|c| open + 1 + c);
        match close {
            Some(close) if is_identifier(&text[open + 1..close]) => {
                if literal_start < open {
                    out.push(Piece::Literal(&text[literal_start..open]));
                }
                out.push(Piece::Name(&text[open + 1..close]));
                literal_start = close + 1;
                i = close + 1;
            }
            _ => i = open + 1,
        }
    }
    if literal_start < text.len() {
        out.push(Piece::Literal(&text[literal_start..]));
    }
    out
}

/// A text with placeholders as a Python string literal: an f-string when it shows a
/// variable, else a plain string. Quotes and backslashes are escaped.
pub fn text_literal(text: &str) -> String {
    let pieces = pieces(text);
    let formatted = pieces.iter().any(|p| matches!(p, Piece::Name(_)));
    let mut out = String::from(if formatted { "f\"" } else { "\"" });
    for piece in pieces {
        match piece {
            Piece::Name(name) => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
            Piece::Literal(literal) => {
                for c in literal.chars() {
                    match c {
                        '\\' => out.push_str("\\\\"),
                        '"' => out.push_str("\\\""),
                        '\n' => out.push_str("\\n"),
                        '\t' => out.push_str("\\t"),
                        '\r' => out.push_str("\\r"),
                        '{' if formatted => out.push_str("{{"),
                        '}' if formatted => out.push_str("}}"),
                        c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
                        c => out.push(c),
                    }
                }
            }
        }
    }
    out.push('"');
    out
}

/// The names a text's placeholders read.
pub fn text_reads(text: &str) -> Result<Reads, String> {
    if text.len() > MAX_FIELD_BYTES {
        return Err(format!("longer than {MAX_FIELD_BYTES} characters"));
    }
    let mut reads = Reads::default();
    for piece in pieces(text) {
        if let Piece::Name(name) = piece {
            reads.name(name);
        }
    }
    Ok(reads)
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Number,
    /// A string literal; for an f-string, the names its placeholders show.
    Str(Vec<String>),
    Name(String),
    Op(&'static str),
}

impl Token {
    fn describe(&self) -> String {
        match self {
            Token::Number => "number".to_string(),
            Token::Str(_) => "string".to_string(),
            Token::Name(name) => format!("'{name}'"),
            Token::Op(op) => format!("'{op}'"),
        }
    }
}

const OPERATORS: &[&str] = &["**", "//", "+", "-", "*", "/", "%", "(", ")", ",", "."];

fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b' ' {
            i += 1;
        } else if c.is_ascii_digit()
            || (c == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            i = number_end(bytes, i)?;
            tokens.push(Token::Number);
        } else if (c == b'f' || c == b'F') && matches!(bytes.get(i + 1), Some(b'"' | b'\'')) {
            let (end, names) = string_end(text, i + 1, true)?;
            tokens.push(Token::Str(names));
            i = end;
        } else if c == b'"' || c == b'\'' {
            let (end, _) = string_end(text, i, false)?;
            tokens.push(Token::Str(Vec::new()));
            i = end;
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            tokens.push(Token::Name(text[start..i].to_string()));
        } else if let Some(op) = OPERATORS.iter().find(|op| text[i..].starts_with(**op)) {
            tokens.push(Token::Op(op));
            i += op.len();
        } else {
            let shown = text[i..].chars().next().unwrap_or(' ');
            return Err(format!("'{shown}' cannot be used here"));
        }
    }
    Ok(tokens)
}

/// The end of a number literal starting at `i` (digits, one dot, an exponent).
fn number_end(bytes: &[u8], mut i: usize) -> Result<usize, String> {
    let digits = |bytes: &[u8], mut i: usize| {
        while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'_') {
            i += 1;
        }
        i
    };
    i = digits(bytes, i);
    if bytes.get(i) == Some(&b'.') {
        i = digits(bytes, i + 1);
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let start = i;
        i = digits(bytes, i);
        if i == start {
            return Err("a number's exponent needs digits".to_string());
        }
    }
    if bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'.')
    {
        return Err("a number is followed by letters or a second dot".to_string());
    }
    Ok(i)
}

/// The end of the string literal whose quote is at `quote`, and an f-string's names.
fn string_end(text: &str, quote: usize, formatted: bool) -> Result<(usize, Vec<String>), String> {
    let delimiter = text.as_bytes()[quote] as char;
    let body_start = quote + 1;
    let Some(length) = text[body_start..].find(delimiter) else {
        return Err("a string is not closed".to_string());
    };
    let body = &text[body_start..body_start + length];
    if body.contains('\\') {
        return Err("a string here cannot contain a backslash".to_string());
    }
    let mut names = Vec::new();
    if formatted {
        let mut rest = body;
        while let Some(open) = rest.find(['{', '}']) {
            let brace = rest.as_bytes()[open];
            let doubled = rest.as_bytes().get(open + 1) == Some(&brace);
            if doubled {
                rest = &rest[open + 2..];
                continue;
            }
            if brace == b'}' {
                return Err("a '}' in an f-string must be doubled".to_string());
            }
            let Some(close) = rest[open..].find('}') else {
                return Err("an f-string's '{' is not closed".to_string());
            };
            let name = &rest[open + 1..open + close];
            if !is_identifier(name) {
                return Err(format!(
                    "an f-string may only show a variable, not '{name}'"
                ));
            }
            names.push(name.to_string());
            rest = &rest[open + close + 1..];
        }
    }
    Ok((body_start + length + 1, names))
}

struct Parser<'t> {
    tokens: &'t [Token],
    at: usize,
    depth: usize,
    reads: Reads,
}

impl Parser<'_> {
    fn peek_op(&self) -> Option<&'static str> {
        match self.tokens.get(self.at) {
            Some(Token::Op(op)) => Some(op),
            _ => None,
        }
    }

    fn eat(&mut self, op: &str) -> bool {
        if self.peek_op() == Some(op) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn nest(&mut self) -> Result<(), String> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            Err("the expression nests too deeply".to_string())
        } else {
            Ok(())
        }
    }

    fn expr(&mut self) -> Result<(), String> {
        self.nest()?;
        self.term()?;
        while matches!(self.peek_op(), Some("+" | "-")) {
            self.at += 1;
            self.term()?;
        }
        self.depth -= 1;
        Ok(())
    }

    fn term(&mut self) -> Result<(), String> {
        self.unary()?;
        while matches!(self.peek_op(), Some("*" | "/" | "//" | "%")) {
            self.at += 1;
            self.unary()?;
        }
        Ok(())
    }

    fn unary(&mut self) -> Result<(), String> {
        self.nest()?;
        if matches!(self.peek_op(), Some("+" | "-")) {
            self.at += 1;
            self.unary()?;
        } else {
            self.atom()?;
            if self.eat("**") {
                self.unary()?;
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn atom(&mut self) -> Result<(), String> {
        let Some(token) = self.tokens.get(self.at).cloned() else {
            return Err("the expression ends too soon".to_string());
        };
        self.at += 1;
        match token {
            Token::Number => Ok(()),
            Token::Str(names) => {
                for name in &names {
                    self.reads.name(name);
                }
                Ok(())
            }
            Token::Op("(") => {
                self.expr()?;
                if self.eat(")") {
                    Ok(())
                } else {
                    Err("a '(' is not closed".to_string())
                }
            }
            Token::Op(op) => Err(format!("unexpected '{op}'")),
            Token::Name(name) => self.name(name),
        }
    }

    fn name(&mut self, name: String) -> Result<(), String> {
        if matches!(name.as_str(), "True" | "False" | "None") {
            return Ok(());
        }
        if KEYWORDS.contains(&name.as_str()) {
            return Err(format!("'{name}' is a keyword"));
        }
        let mut dotted = name;
        while self.eat(".") {
            match self.tokens.get(self.at) {
                Some(Token::Name(part)) => {
                    dotted.push('.');
                    dotted.push_str(part);
                    self.at += 1;
                }
                _ => return Err("a '.' must be followed by a name".to_string()),
            }
        }
        if self.peek_op() == Some("(") {
            if !CALLABLE.contains(&dotted.as_str()) {
                return Err(format!(
                    "'{dotted}' cannot be called here (only {})",
                    CALLABLE.join(", ")
                ));
            }
            self.reads.random |= dotted.starts_with("random.");
            self.at += 1;
            if !self.eat(")") {
                loop {
                    self.expr()?;
                    if self.eat(")") {
                        break;
                    }
                    if !self.eat(",") {
                        return Err(format!("the arguments of {dotted}() are not closed"));
                    }
                }
            }
            return Ok(());
        }
        if dotted.contains('.') {
            return Err(format!(
                "'{dotted}' is not something an expression may read"
            ));
        }
        self.reads.name(&dotted);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_report_the_names_they_read() {
        let reads = check_expr("DELAY * (i + 1) - 0.5e-1").unwrap();
        assert_eq!(reads.names, ["DELAY", "i"]);
        assert!(!reads.random);
        let reads = check_expr("random.uniform(0.1, MAX)").unwrap();
        assert_eq!(reads.names, ["MAX"]);
        assert!(reads.random);
        assert_eq!(
            check_expr("f\"p{number}-{i}\"").unwrap().names,
            ["number", "i"]
        );
        assert!(check_expr("BACKOFF * 2 ** -attempt").is_ok());
        assert!(check_expr("'it''s'").is_err(), "two strings in a row");
    }

    #[test]
    fn anything_but_one_expression_is_refused() {
        for bad in [
            "",
            "1; import os",
            "__import__('os')",
            "x.y",
            "open('f')",
            "(1",
            "1 +",
            "lambda: 1",
            "\"a\\n\"",
            "f\"{x + 1}\"",
            "1.2.3",
            "3abc",
            "a = 1",
            "[1, 2]",
        ] {
            assert!(check_expr(bad).is_err(), "{bad:?} was accepted");
        }
        let deep = format!("{}1{}", "(".repeat(100), ")".repeat(100));
        assert_eq!(
            check_expr(&deep).unwrap_err(),
            "the expression nests too deeply"
        );
        assert!(check_expr(&"-".repeat(100)).is_err());
    }

    #[test]
    fn texts_become_string_literals() {
        assert_eq!(text_literal("hello"), "\"hello\"");
        assert_eq!(
            text_literal("got {item} \"now\""),
            "f\"got {item} \\\"now\\\"\""
        );
        assert_eq!(
            text_literal("{item} {not a name} }"),
            "f\"{item} {{not a name}} }}\""
        );
        assert_eq!(text_literal("{ x }"), "\"{ x }\"");
        assert_eq!(text_reads("{a}{b}{a}").unwrap().names, ["a", "b"]);
    }

    #[test]
    fn identifiers_exclude_keywords() {
        assert!(is_identifier("queue_2"));
        assert!(!is_identifier("2queue"));
        assert!(!is_identifier("await"));
        assert!(!is_identifier(""));
        assert!(!is_identifier("é"));
    }
}
