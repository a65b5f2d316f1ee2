//! Number literals: decimal, binary, octal and hexadecimal integers with
//! underscores, floats, exponents and imaginary suffixes, with CPython's
//! messages for malformed ones.

use loopscope_cpython::strtod::parse_float;
use num_bigint::BigInt;
use num_traits::Num;

use crate::ast::{Pos, Span};
use crate::diagnostic::Diagnostic;

use super::{is_potential_identifier_char, LexEnd, Lexer, Stop, TokenKind, INT_MAX_STR_DIGITS};

impl<'s> Lexer<'s> {
    /// Numbers, following `tok_get`'s number section and its error columns.
    pub(super) fn number(&mut self, start: usize) -> Result<(), Stop> {
        let start_pos = self.pos();
        let first = self.bump().expect("caller saw a digit or a dot");
        let kind = if first == '.' {
            self.decimal_tail()?;
            self.float_exponent_and_suffix(start)?
        } else if first == '0' && matches!(self.peek(), Some('x' | 'X' | 'o' | 'O' | 'b' | 'B')) {
            let marker = self.bump().expect("peeked").to_ascii_lowercase();
            let (radix, name) = match marker {
                'x' => (16, "hexadecimal"),
                'o' => (8, "octal"),
                _ => (2, "binary"),
            };
            self.radix_digits(radix, name)?;
            let digits: String = self.chars[start + 2..self.i]
                .iter()
                .filter(|&&c| c != '_')
                .collect();
            TokenKind::Int(BigInt::from_str_radix(&digits, radix).unwrap_or_default())
        } else if first == '0' {
            self.zero_prefixed_decimal(start)?
        } else {
            self.decimal_tail()?;
            if self.peek() == Some('.') || matches!(self.peek(), Some('e' | 'E' | 'j' | 'J')) {
                if self.peek() == Some('.') {
                    self.bump();
                    if matches!(self.peek(), Some('0'..='9')) {
                        self.decimal_tail()?;
                    }
                }
                self.float_exponent_and_suffix(start)?
            } else {
                self.verify_end_of_number("decimal")?;
                self.number_value(start)
            }
        };
        let span = self.span_from(start_pos);
        self.push(kind, span);
        Ok(())
    }

    /// After `0` that is not a radix prefix: `0`, `00_0`, `0.5`, `0e1`, `0j`,
    /// or the forbidden old-style octal `012`.
    pub(super) fn zero_prefixed_decimal(&mut self, start: usize) -> Result<TokenKind, Stop> {
        loop {
            if self.peek() == Some('_') {
                self.bump();
                if !matches!(self.peek(), Some('0'..='9')) {
                    return Err(self.error_before("invalid decimal literal", self.i));
                }
            }
            if self.peek() != Some('0') {
                break;
            }
            self.bump();
        }
        let zeros_end = self.i;
        let mut nonzero = false;
        if matches!(self.peek(), Some('0'..='9')) {
            nonzero = true;
            self.decimal_tail()?;
        }
        match self.peek() {
            Some('.') => {
                self.bump();
                if matches!(self.peek(), Some('0'..='9')) {
                    self.decimal_tail()?;
                }
                self.float_exponent_and_suffix(start)
            }
            Some('e' | 'E' | 'j' | 'J') => self.float_exponent_and_suffix(start),
            _ if nonzero => {
                let start_pos = Pos {
                    line: self.line,
                    col: self.col_of(start),
                };
                let end_pos = Pos {
                    line: self.line,
                    col: self.col_of(zeros_end),
                };
                Err(LexEnd::Error(Diagnostic::syntax(
                    "leading zeros in decimal integer literals are not permitted; \
                     use an 0o prefix for octal integers",
                    Span::new(start_pos, end_pos),
                )))
            }
            _ => {
                self.verify_end_of_number("decimal")?;
                Ok(TokenKind::Int(BigInt::from(0)))
            }
        }
    }

    /// Digits with single underscores between them (`tok_decimal_tail`).
    pub(super) fn decimal_tail(&mut self) -> Result<(), Stop> {
        loop {
            while matches!(self.peek(), Some('0'..='9')) {
                self.bump();
            }
            if self.peek() != Some('_') {
                return Ok(());
            }
            self.bump();
            if !matches!(self.peek(), Some('0'..='9')) {
                return Err(self.error_before("invalid decimal literal", self.i));
            }
        }
    }

    pub(super) fn radix_digits(&mut self, radix: u32, name: &str) -> Result<(), Stop> {
        let is_digit = |c: Option<char>| c.is_some_and(|c| c.is_digit(radix));
        loop {
            if self.peek() == Some('_') {
                self.bump();
            }
            if !is_digit(self.peek()) {
                return Err(self.bad_radix_digit(radix, name));
            }
            while is_digit(self.peek()) {
                self.bump();
            }
            if self.peek() != Some('_') {
                break;
            }
        }
        if radix != 16 && matches!(self.peek(), Some('0'..='9')) {
            return Err(self.bad_radix_digit(radix, name));
        }
        self.verify_end_of_number(name)
    }

    pub(super) fn bad_radix_digit(&self, radix: u32, name: &str) -> Stop {
        match self.peek() {
            Some(c @ '0'..='9') if radix != 16 => self.error_at_col(
                format!("invalid digit '{c}' in {name} literal"),
                self.col_of(self.i),
            ),
            _ => self.error_before(format!("invalid {name} literal"), self.i),
        }
    }

    /// The optional exponent and `j` suffix of a float; the token so far is
    /// `chars[start..self.i]`.
    pub(super) fn float_exponent_and_suffix(&mut self, start: usize) -> Result<TokenKind, Stop> {
        if let Some('e' | 'E') = self.peek() {
            let exponent_at = self.i;
            self.bump();
            if let Some('+' | '-') = self.peek() {
                self.bump();
                if !matches!(self.peek(), Some('0'..='9')) {
                    return Err(self.error_before("invalid decimal literal", self.i));
                }
            } else if !matches!(self.peek(), Some('0'..='9')) {
                // `1e` then something else: the `e` is not part of the number.
                self.i = exponent_at;
                self.verify_end_of_number("decimal")?;
                return Ok(self.number_value(start));
            }
            self.decimal_tail()?;
        }
        if let Some('j' | 'J') = self.peek() {
            let text: String = self.chars[start..self.i]
                .iter()
                .filter(|&&c| c != '_')
                .collect();
            self.bump();
            self.verify_end_of_number("imaginary")?;
            return Ok(TokenKind::Imaginary(
                parse_float(&text).unwrap_or(f64::INFINITY),
            ));
        }
        self.verify_end_of_number("decimal")?;
        Ok(self.number_value(start))
    }

    /// The value of the decimal number `chars[start..self.i]`.
    pub(super) fn number_value(&self, start: usize) -> TokenKind {
        let text: String = self.chars[start..self.i]
            .iter()
            .filter(|&&c| c != '_')
            .collect();
        if text.contains(['.', 'e', 'E']) {
            TokenKind::Float(parse_float(&text).unwrap_or(f64::INFINITY))
        } else if text.len() > INT_MAX_STR_DIGITS {
            TokenKind::IntBeyondLimit(text.len())
        } else {
            TokenKind::Int(text.parse().unwrap_or_default())
        }
    }

    /// CPython's `verify_end_of_number`: a number may not run into a name,
    /// except (with a warning) into `and`, `else`, `for`, `if`, `in`, `is`,
    /// `not`, `or`.
    pub(super) fn verify_end_of_number(&self, kind: &str) -> Result<(), Stop> {
        let Some(c) = self.peek() else { return Ok(()) };
        let follows = |text: &str| {
            text.chars()
                .enumerate()
                .all(|(k, t)| self.peek_at(k + 1) == Some(t))
        };
        let starts_keyword = match c {
            'a' => follows("nd"),
            'e' => follows("lse"),
            'f' => follows("or"),
            'i' => matches!(self.peek_at(1), Some('f' | 'n' | 's')),
            'o' => follows("r"),
            'n' => follows("ot"),
            _ => false,
        };
        if !starts_keyword && is_potential_identifier_char(c) {
            return Err(self.error_before(format!("invalid {kind} literal"), self.i));
        }
        Ok(())
    }
}
