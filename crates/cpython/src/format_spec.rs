//! Python's format-spec mini-language (`format(value, spec)`, `str.format`,
//! f-strings) for ints, floats, complex numbers and strs, ported from CPython 3.11's
//! `Python/formatter_unicode.c`.
//!
//! Usage: [`parse`] the spec for the kind of value at hand, then call
//! [`format_int`], [`format_float`] or [`format_str`]. Errors carry
//! CPython's exception class and exact message.
//!
//! ```
//! use loopscope_cpython::format_spec::{format_float, format_int, parse, ValueKind};
//! use num_bigint::BigInt;
//! let spec = parse("_>+10,.2f", ValueKind::Float, "float").unwrap();
//! assert_eq!(format_float(1234.5, &spec).unwrap(), "_+1,234.50");
//! let spec = parse("#010x", ValueKind::Int, "int").unwrap();
//! assert_eq!(format_int(&BigInt::from(255), &spec).unwrap(), "0x000000ff");
//! ```
//!
//! An empty spec means `str(value)`: the functions here give exactly that for
//! `int`, `float` and `str` themselves, but for subclasses (`bool` above all:
//! `format(True, '')` is `'True'`) the runtime must call `str()` instead.
//!
//! Locale: the `n` type uses the C locale, as CPython does unless a program
//! calls `locale.setlocale`, so it never groups digits. Width and precision
//! digits must be ASCII (CPython also accepts other Unicode decimal digits).
//! Type `c` with a lone surrogate code point (U+D800..U+DFFF, not a Rust
//! `char`) yields U+FFFD.

use crate::dtoa::{double_to_string, Flags};
use crate::error::PyError;
use crate::float_repr::int_to_float;
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// Which `__format__` is running: decides the default type and alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// `int.__format__` (also bool): default type `d`, right-aligned.
    Int,
    /// `float.__format__`: no default type (repr-like), right-aligned.
    Float,
    /// `str.__format__`: default type `s`, left-aligned.
    Str,
}

/// Digit grouping requested by `,` or `_`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// No grouping.
    None,
    /// `,`: a comma every 3 digits.
    Comma,
    /// `_`: an underscore every 3 digits (every 4 for types `b o x X`).
    Underscore,
}

/// A parsed format spec, with the value kind's defaults filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character (`' '` unless given, `'0'` for a leading `0`).
    pub fill: char,
    /// One of `<`, `>`, `^`, `=`.
    pub align: char,
    /// `+`, `-` or ` ` when given.
    pub sign: Option<char>,
    /// `z`: negative zero formats without its sign.
    pub no_negative_zero: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// Minimum field width in characters.
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Grouping,
    /// `.precision`.
    pub precision: Option<usize>,
    /// The presentation type; `None` only for a float with no type given.
    pub format_type: Option<char>,
    /// The formatted object's type name, for error messages.
    type_name: String,
}

/// Widths and precisions above this are refused with `MemoryError` instead of
/// building strings of hundreds of megabytes.
const MAX_FIELD: usize = 1 << 26;

/// Parses `spec` for a value of `kind` whose type is called `type_name`
/// (`"int"`, `"bool"`, `"float"`, `"str"`, or a subclass name).
pub fn parse(spec: &str, kind: ValueKind, type_name: &str) -> Result<FormatSpec, PyError> {
    let (default_type, default_align) = match kind {
        ValueKind::Int => (Some('d'), '>'),
        ValueKind::Float => (None, '>'),
        ValueKind::Str => (Some('s'), '<'),
    };
    let chars: Vec<char> = spec.chars().collect();
    let mut pos = 0;
    let remaining = |pos: usize| chars.len() - pos;
    let at = |pos: usize| chars.get(pos).copied();
    let is_align = |c: Option<char>| matches!(c, Some('<' | '>' | '=' | '^'));

    let mut fill = ' ';
    let mut align = default_align;
    let mut fill_specified = false;
    let mut align_specified = false;
    if remaining(pos) >= 2 && is_align(at(pos + 1)) {
        fill = chars[pos];
        align = chars[pos + 1];
        fill_specified = true;
        align_specified = true;
        pos += 2;
    } else if is_align(at(pos)) {
        align = chars[pos];
        align_specified = true;
        pos += 1;
    }

    let mut sign = None;
    if let Some(c @ ('+' | '-' | ' ')) = at(pos) {
        sign = Some(c);
        pos += 1;
    }
    let no_negative_zero = at(pos) == Some('z');
    if no_negative_zero {
        pos += 1;
    }
    let alternate = at(pos) == Some('#');
    if alternate {
        pos += 1;
    }
    if !fill_specified && at(pos) == Some('0') {
        fill = '0';
        if !align_specified && default_align == '>' {
            align = '=';
        }
        pos += 1;
    }

    let width = parse_integer(&chars, &mut pos)?;

    let mut grouping = Grouping::None;
    if at(pos) == Some(',') {
        grouping = Grouping::Comma;
        pos += 1;
    }
    if at(pos) == Some('_') {
        if grouping != Grouping::None {
            return Err(comma_and_underscore());
        }
        grouping = Grouping::Underscore;
        pos += 1;
    }
    if at(pos) == Some(',') && grouping == Grouping::Underscore {
        return Err(comma_and_underscore());
    }

    let mut precision = None;
    if at(pos) == Some('.') {
        pos += 1;
        precision = parse_integer(&chars, &mut pos)?;
        if precision.is_none() {
            return Err(PyError::value("Format specifier missing precision"));
        }
    }

    if remaining(pos) > 1 {
        return Err(PyError::value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    let format_type = at(pos).or(default_type);

    if grouping != Grouping::None {
        let allowed = match format_type {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => grouping == Grouping::Underscore,
            Some(_) => false,
        };
        if !allowed {
            let separator = if grouping == Grouping::Comma {
                ','
            } else {
                '_'
            };
            return Err(PyError::value(format!(
                "Cannot specify '{separator}' with {}.",
                quoted_code(format_type.unwrap_or('\0'))
            )));
        }
    }

    Ok(FormatSpec {
        fill,
        align,
        sign,
        no_negative_zero,
        alternate,
        width,
        grouping,
        precision,
        format_type,
        type_name: type_name.to_string(),
    })
}

/// Reads a run of decimal digits; `None` when there are none.
fn parse_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, PyError> {
    let mut value: Option<i64> = None;
    while let Some(digit) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        let next = value
            .unwrap_or(0)
            .checked_mul(10)
            .and_then(|v| v.checked_add(i64::from(digit)))
            .ok_or_else(|| PyError::value("Too many decimal digits in format string"))?;
        value = Some(next);
        *pos += 1;
    }
    Ok(value.map(|v| v as usize))
}

fn comma_and_underscore() -> PyError {
    PyError::value("Cannot specify both ',' and '_'.")
}

/// A presentation type as CPython quotes it in messages: `'d'`, or `'\x1'`.
fn quoted_code(code: char) -> String {
    let value = code as u32;
    if value > 32 && value < 128 {
        format!("'{code}'")
    } else {
        format!("'\\x{value:x}'")
    }
}

impl FormatSpec {
    fn unknown_type(&self) -> PyError {
        PyError::value(format!(
            "Unknown format code {} for object of type '{}'",
            quoted_code(self.format_type.unwrap_or('\0')),
            self.type_name
        ))
    }

    /// Refuses fields that would build absurdly long strings. A str's
    /// precision only truncates, so it counts for numbers only.
    fn check_size(&self, precision_pads: bool) -> Result<(), PyError> {
        let too_big = |field: Option<usize>| field.is_some_and(|n| n > MAX_FIELD);
        if too_big(self.width) || (precision_pads && too_big(self.precision)) {
            return Err(PyError::memory());
        }
        Ok(())
    }

    /// The grouping separator and group size for the digits of `format_type`.
    fn separator(&self) -> Option<(char, usize)> {
        let four = matches!(self.format_type, Some('b' | 'o' | 'x' | 'X'));
        match self.grouping {
            Grouping::None => None,
            Grouping::Comma => Some((',', 3)),
            Grouping::Underscore => Some(('_', if four { 4 } else { 3 })),
        }
    }
}

/// `format(value, spec)` for an int.
pub fn format_int(value: &BigInt, spec: &FormatSpec) -> Result<String, PyError> {
    match spec.format_type {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => {}
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            return format_float(int_to_float(value)?, spec);
        }
        _ => return Err(spec.unknown_type()),
    }
    if spec.precision.is_some() {
        return Err(PyError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_negative_zero {
        return Err(PyError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    spec.check_size(true)?;
    let negative = value.sign() == Sign::Minus;
    if spec.format_type == Some('c') {
        if spec.sign.is_some() {
            return Err(PyError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(PyError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        if value.to_i64().is_none() {
            return Err(PyError::overflow(
                "Python int too large to convert to C long",
            ));
        }
        let character = value
            .to_u32()
            .and_then(char::from_u32)
            .map(String::from)
            .or_else(|| surrogate_placeholder(value))
            .ok_or_else(|| PyError::overflow("%c arg not in range(0x110000)"))?;
        // The character is laid out as a "remainder": never grouped.
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            decimal: false,
            remainder: &character,
        };
        return Ok(layout_number(&parts, spec, false));
    }
    let (radix, prefix) = match spec.format_type {
        Some('b') => (2, "0b"),
        Some('o') => (8, "0o"),
        Some('x') => (16, "0x"),
        Some('X') => (16, "0X"),
        _ => (10, ""),
    };
    let digits = value.magnitude().to_str_radix(radix);
    let parts = NumberParts {
        negative,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        decimal: false,
        remainder: "",
    };
    Ok(layout_number(&parts, spec, spec.format_type == Some('X')))
}

/// Lone surrogates (U+D800..U+DFFF) are valid Python str characters but not
/// Rust chars; they are represented by U+FFFD.
fn surrogate_placeholder(value: &BigInt) -> Option<String> {
    value
        .to_u32()
        .filter(|v| (0xd800..0xe000).contains(v))
        .map(|_| char::REPLACEMENT_CHARACTER.to_string())
}

/// `format(value, spec)` for a float (also used for ints with float types).
pub fn format_float(value: f64, spec: &FormatSpec) -> Result<String, PyError> {
    let Some(format_type) = spec.format_type.map_or(Some('r'), |t| match t {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => Some(t),
        _ => None,
    }) else {
        return Err(spec.unknown_type());
    };
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(PyError::value("precision too big"));
    }
    // 'g'-like types strip trailing zeros, so only the others pad to precision.
    let pads = spec.alternate || matches!(format_type, 'e' | 'E' | 'f' | 'F' | '%');
    spec.check_size(pads)?;

    let mut flags = Flags {
        alternate: spec.alternate,
        no_negative_zero: spec.no_negative_zero,
        ..Flags::default()
    };
    let mut default_precision = 6;
    let mut code = format_type;
    if code == 'r' {
        // No type: like repr without precision, like 'g' with one, but always
        // with at least one digit after the point.
        flags.add_dot_0 = true;
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    let mut value = value;
    let percent = code == '%';
    if percent {
        code = 'f';
        value *= 100.0;
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p as i64
        }
        None => default_precision,
    };
    let mut text = double_to_string(value, code, precision, flags);
    if percent {
        text.push('%');
    }
    Ok(layout_number(&float_parts(&text), spec, false))
}

/// A float's text split for [`layout_number`].
fn float_parts(text: &str) -> NumberParts<'_> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let digits_end = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (digits, rest) = body.split_at(digits_end);
    let (decimal, remainder) = match rest.strip_prefix('.') {
        Some(after) => (true, after),
        None => (false, rest),
    };
    NumberParts {
        negative,
        prefix: "",
        digits,
        decimal,
        remainder,
    }
}

/// `format(z, spec)` for a complex (`format_complex_internal`): both parts
/// formatted alike, the imaginary one signed, then padded as one field.
pub fn format_complex(re: f64, im: f64, spec: &FormatSpec) -> Result<String, PyError> {
    let Some(mut code) = spec.format_type.map_or(Some('r'), |t| match t {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' => Some(t),
        _ => None,
    }) else {
        return Err(spec.unknown_type());
    };
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(PyError::value("precision too big"));
    }
    if spec.fill == '0' {
        return Err(PyError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if spec.align == '=' {
        return Err(PyError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    spec.check_size(code != 'r' || spec.alternate)?;
    let flags = Flags {
        alternate: spec.alternate,
        no_negative_zero: spec.no_negative_zero,
        ..Flags::default()
    };
    let (mut skip_re, mut parens, mut default_precision) = (false, false, 6);
    if code == 'r' {
        default_precision = 0;
        skip_re = re == 0.0 && re.is_sign_positive();
        parens = !skip_re;
    }
    if code == 'n' {
        code = 'g';
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p as i64
        }
        None => default_precision,
    };
    let part = |x: f64, sign: Option<char>| {
        let text = double_to_string(x, code, precision, flags);
        let unpadded = FormatSpec {
            fill: ' ',
            align: '<',
            sign,
            width: None,
            ..spec.clone()
        };
        layout_number(&float_parts(&text), &unpadded, false)
    };
    let mut body = String::from(if parens { "(" } else { "" });
    if !skip_re {
        body.push_str(&part(re, spec.sign));
    }
    body.push_str(&part(im, if skip_re { spec.sign } else { Some('+') }));
    body.push('j');
    if parens {
        body.push(')');
    }
    let len = body.chars().count();
    let padding = spec.width.unwrap_or(0).saturating_sub(len);
    let left = match spec.align {
        '<' => 0,
        '^' => padding / 2,
        _ => padding,
    };
    let mut out = String::with_capacity(body.len() + padding);
    push_fill(&mut out, spec.fill, left);
    out.push_str(&body);
    push_fill(&mut out, spec.fill, padding - left);
    Ok(out)
}

/// `format(value, spec)` for a str.
pub fn format_str(value: &str, spec: &FormatSpec) -> Result<String, PyError> {
    if spec.format_type != Some('s') {
        return Err(spec.unknown_type());
    }
    match spec.sign {
        Some(' ') => {
            return Err(PyError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(PyError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if spec.no_negative_zero {
        return Err(PyError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(PyError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == '=' {
        return Err(PyError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    spec.check_size(false)?;
    let mut len = value.chars().count();
    let mut text = value;
    if let Some(precision) = spec.precision {
        if len > precision {
            let cut = value
                .char_indices()
                .nth(precision)
                .map_or(value.len(), |(i, _)| i);
            text = &value[..cut];
            len = precision;
        }
    }
    let total = spec.width.map_or(len, |w| w.max(len));
    let left = match spec.align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let right = total - len - left;
    let mut out = String::with_capacity(text.len() + total - len);
    push_fill(&mut out, spec.fill, left);
    out.push_str(text);
    push_fill(&mut out, spec.fill, right);
    Ok(out)
}

fn push_fill(out: &mut String, fill: char, count: usize) {
    out.extend(std::iter::repeat_n(fill, count));
}

/// A number split the way `calc_number_widths` sees it:
/// `[sign][prefix][digits][.][remainder]`.
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    /// The integer digits (grouped, and zero-padded for `=` with fill `0`).
    digits: &'a str,
    decimal: bool,
    /// Everything after the decimal point (or after the digits if none).
    remainder: &'a str,
}

/// `calc_number_widths` + `fill_number`: sign, padding, grouping.
fn layout_number(parts: &NumberParts<'_>, spec: &FormatSpec, uppercase: bool) -> String {
    let sign = match (spec.sign, parts.negative) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    };
    let width = spec.width.map_or(-1, |w| w as i64);
    let non_digits = i64::from(sign.is_some())
        + parts.prefix.len() as i64
        + i64::from(parts.decimal)
        + parts.remainder.chars().count() as i64;
    let min_width = if spec.fill == '0' && spec.align == '=' {
        width - non_digits
    } else {
        0
    };
    let mut grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(parts.digits, min_width, spec.separator())
    };
    let mut prefix = parts.prefix.to_string();
    if uppercase {
        grouped.make_ascii_uppercase();
        prefix.make_ascii_uppercase();
    }
    let padding = (width - (non_digits + grouped.len() as i64)).max(0) as usize;
    let (left, inner, right) = match spec.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::new();
    push_fill(&mut out, spec.fill, left);
    out.extend(sign);
    out.push_str(&prefix);
    push_fill(&mut out, spec.fill, inner);
    out.push_str(&grouped);
    if parts.decimal {
        out.push('.');
    }
    out.push_str(parts.remainder);
    push_fill(&mut out, spec.fill, right);
    out
}

/// `_PyUnicode_InsertThousandsGrouping`: inserts `separator` every `group`
/// digits from the right, and pads with zeros (which get grouped too) up to
/// `min_width` characters.
fn group_digits(digits: &str, min_width: i64, separator: Option<(char, usize)>) -> String {
    let digits = digits.as_bytes();
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as i64;
    // Built from the right, reversed at the end.
    let mut reversed: Vec<u8> = Vec::new();
    let mut emit = |n_chars: i64, n_zeros: i64, sep: Option<char>, end: &mut usize| {
        if let Some(sep) = sep {
            reversed.push(sep as u8);
        }
        let start = *end - n_chars as usize;
        reversed.extend(digits[start..*end].iter().rev());
        *end = start;
        reversed.extend(std::iter::repeat_n(b'0', n_zeros as usize));
    };
    let mut end = digits.len();
    let mut use_separator = None;
    if let Some((sep, group)) = separator {
        let group = group as i64;
        loop {
            let len = group.min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            emit(n_chars, n_zeros, use_separator, &mut end);
            use_separator = Some(sep);
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                break;
            }
            min_width -= 1;
        }
    } else {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        emit(n_chars, n_zeros, None, &mut end);
    }
    reversed.reverse();
    String::from_utf8(reversed).unwrap_or_default()
}
