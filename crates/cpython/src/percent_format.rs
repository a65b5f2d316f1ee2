//! printf-style formatting, `format % args`, ported from CPython 3.11's
//! `PyUnicode_Format` (`Objects/unicodeobject.c`).
//!
//! The runtime owns the objects (it computes `str()`/`repr()`/`ascii()`,
//! looks keys up, converts arguments); this module owns the grammar, the
//! argument bookkeeping and the rendering. [`parse`] splits a format string
//! into [`Piece`]s; the runtime then walks them in order, exactly as CPython
//! interleaves parsing with argument fetching:
//!
//! ```text
//! let mut cursor = ArgCursor::new(shape_of(args));   // Tuple(len) / Mapping / Single
//! let mut current = args;                            // what ArgRef::Current means
//! for piece in parse(format) {
//!     match piece {
//!         Piece::Literal(text) => out += text,
//!         Piece::Conversion(mut c) => {
//!             if c.uses_mapping { cursor.require_mapping()? }
//!             if let Some(key) = &c.key { current = args[key]?; cursor.bind_mapping_value() }
//!             if c.width == Count::FromArgs {
//!                 let w = fetch(cursor.next_arg()?);     // TypeError "* wants int" unless int
//!                 c.apply_star_width(&w)?
//!             }
//!             if c.precision == Count::FromArgs { ...likewise, apply_star_precision }
//!             let code = c.conversion.clone()?;      // a parse error surfaces here
//!             let value = fetch(cursor.next_arg()?);
//!             out += match c.kind() {
//!                 Kind::Text => c.render_str(&str_or_repr_or_ascii(value))?,
//!                 Kind::Integer => c.render_int(&to_int(value)?)?,  // see wrong_type()
//!                 Kind::Real => c.render_float(to_float(value)?)?,
//!                 Kind::Character => c.render_char(char_arg(value))?,
//!                 Kind::Unsupported => return Err(c.unsupported()),
//!             }
//!         }
//!     }
//! }
//! cursor.finish("string")?
//! ```
//!
//! Argument conversions the runtime performs: for `d i u`, an int as is, a
//! float via `int()` (see `float_repr::float_to_int`), other types
//! [`Conversion::wrong_type`]; for `o x X`, only ints (`__index__`); for
//! `e f g`, floats, and ints via `float_repr::int_to_float`.
//!
//! `%c` of a lone surrogate code point (not a Rust `char`) yields U+FFFD.

use crate::dtoa::{double_to_string, Flags};
use crate::error::PyError;
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// A piece of a parsed format string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Text copied as is (`%%` already turned into `%`).
    Literal(String),
    /// One `%...` conversion. A conversion whose `conversion` is an error is
    /// always the last piece: CPython stops there.
    Conversion(Conversion),
}

/// A width or precision as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    /// Not written.
    Absent,
    /// Written as digits (or applied from a `*` argument).
    Given(usize),
    /// `*`: the next argument supplies it.
    FromArgs,
}

/// The flags `-+ #0`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ConversionFlags {
    /// `-`
    pub left_adjust: bool,
    /// `+`
    pub sign: bool,
    /// ` `
    pub blank: bool,
    /// `#`
    pub alternate: bool,
    /// `0`
    pub zero: bool,
}

/// What kind of argument a conversion character formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `s r a`: the runtime supplies `str()`, `repr()` or `ascii()`.
    Text,
    /// `d i u o x X`
    Integer,
    /// `e E f F g G`
    Real,
    /// `c`
    Character,
    /// Anything else: [`Conversion::unsupported`] after fetching the argument.
    Unsupported,
}

/// One `%` conversion spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conversion {
    /// The spec starts with `(`: the arguments must be a mapping.
    pub uses_mapping: bool,
    /// The `%(key)` mapping key, when complete.
    pub key: Option<String>,
    /// The flags `-+ #0`.
    pub flags: ConversionFlags,
    /// Minimum field width.
    pub width: Count,
    /// `.precision`.
    pub precision: Count,
    /// The conversion character, or the `ValueError` CPython raises at this
    /// point of the spec (after the key lookup and any `*` arguments):
    /// "incomplete format key", "incomplete format", "width too big",
    /// "precision too big".
    pub conversion: Result<char, PyError>,
    /// Code point index of the conversion character in the format string.
    pub index: usize,
}

/// Splits a format string into pieces. Never fails: a malformed spec becomes
/// a final [`Piece::Conversion`] carrying the error.
pub fn parse(format: &str) -> Vec<Piece> {
    let chars: Vec<char> = format.chars().collect();
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut pos = 0;
    while pos < chars.len() {
        if chars[pos] != '%' {
            literal.push(chars[pos]);
            pos += 1;
            continue;
        }
        pos += 1;
        if chars.get(pos) == Some(&'%') {
            literal.push('%');
            pos += 1;
            continue;
        }
        if !literal.is_empty() {
            pieces.push(Piece::Literal(std::mem::take(&mut literal)));
        }
        let conversion = parse_conversion(&chars, &mut pos);
        let failed = conversion.conversion.is_err();
        pieces.push(Piece::Conversion(conversion));
        if failed {
            return pieces;
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    pieces
}

/// CPython's `unicode_format_arg_parse`, starting just after the `%`.
fn parse_conversion(chars: &[char], pos: &mut usize) -> Conversion {
    let mut conversion = Conversion {
        uses_mapping: false,
        key: None,
        flags: ConversionFlags::default(),
        width: Count::Absent,
        precision: Count::Absent,
        conversion: Ok('\0'),
        index: 0,
    };
    let fail = |mut conversion: Conversion, message: &str| {
        conversion.conversion = Err(PyError::value(message));
        conversion
    };
    // `ch` keeps the last character read, as CPython's arg->ch does when the
    // string runs out; `next` reads one more or reports exhaustion.
    let mut ch = chars.get(*pos).copied().unwrap_or('\0');
    let next = |pos: &mut usize, ch: &mut char| -> bool {
        match chars.get(*pos) {
            Some(&c) => {
                *ch = c;
                *pos += 1;
                true
            }
            None => false,
        }
    };

    if ch == '(' {
        conversion.uses_mapping = true;
        *pos += 1;
        let key_start = *pos;
        let mut depth = 1;
        while depth > 0 && next(pos, &mut ch) {
            match ch {
                ')' => depth -= 1,
                '(' => depth += 1,
                _ => {}
            }
        }
        if depth > 0 {
            return fail(conversion, "incomplete format key");
        }
        conversion.key = Some(chars[key_start..*pos - 1].iter().collect());
    }

    let mut more = false;
    while next(pos, &mut ch) {
        let flags = &mut conversion.flags;
        match ch {
            '-' => flags.left_adjust = true,
            '+' => flags.sign = true,
            ' ' => flags.blank = true,
            '#' => flags.alternate = true,
            '0' => flags.zero = true,
            _ => {
                more = true;
                break;
            }
        }
    }

    if ch == '*' {
        conversion.width = Count::FromArgs;
        more = next(pos, &mut ch);
    } else if ch.is_ascii_digit() {
        let mut width = ch as usize - '0' as usize;
        more = false;
        while next(pos, &mut ch) {
            let Some(digit) = ch.to_digit(10) else {
                more = true;
                break;
            };
            if width > (i64::MAX as usize - digit as usize) / 10 {
                return fail(conversion, "width too big");
            }
            width = width * 10 + digit as usize;
        }
        conversion.width = Count::Given(width);
    }

    if ch == '.' {
        conversion.precision = Count::Given(0);
        more = next(pos, &mut ch);
        if ch == '*' {
            conversion.precision = Count::FromArgs;
            more = next(pos, &mut ch);
        } else if ch.is_ascii_digit() {
            let mut precision = ch as usize - '0' as usize;
            more = false;
            while next(pos, &mut ch) {
                let Some(digit) = ch.to_digit(10) else {
                    more = true;
                    break;
                };
                if precision > (i32::MAX as usize - digit as usize) / 10 {
                    conversion.precision = Count::Absent;
                    return fail(conversion, "precision too big");
                }
                precision = precision * 10 + digit as usize;
            }
            conversion.precision = Count::Given(precision);
        }
    }

    if more && matches!(ch, 'h' | 'l' | 'L') {
        more = next(pos, &mut ch);
    }
    if !more {
        return fail(conversion, "incomplete format");
    }
    conversion.conversion = Ok(ch);
    conversion.index = *pos - 1;
    conversion
}

impl Conversion {
    /// The conversion character (`'\0'` for a failed spec).
    fn code(&self) -> char {
        *self.conversion.as_ref().unwrap_or(&'\0')
    }

    /// How the runtime must treat the argument (`b`, bytes formatting's
    /// alias of `s`, is text too: str formatting refuses it as unsupported).
    pub fn kind(&self) -> Kind {
        match self.code() {
            's' | 'r' | 'a' | 'b' => Kind::Text,
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => Kind::Integer,
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => Kind::Real,
            'c' => Kind::Character,
            _ => Kind::Unsupported,
        }
    }

    /// Applies a `*` width argument (an int): negative means left-adjusted.
    pub fn apply_star_width(&mut self, value: &BigInt) -> Result<(), PyError> {
        let width = value
            .to_i64()
            .ok_or_else(|| PyError::overflow("Python int too large to convert to C ssize_t"))?;
        if width < 0 {
            self.flags.left_adjust = true;
        }
        self.width = Count::Given(width.unsigned_abs() as usize);
        Ok(())
    }

    /// Applies a `*` precision argument (an int): negative means 0.
    pub fn apply_star_precision(&mut self, value: &BigInt) -> Result<(), PyError> {
        let precision = value
            .to_i32()
            .ok_or_else(|| PyError::overflow("Python int too large to convert to C int"))?;
        self.precision = Count::Given(precision.max(0) as usize);
        Ok(())
    }

    /// The `ValueError` for a conversion character CPython does not know.
    pub fn unsupported(&self) -> PyError {
        let code = self.code();
        let shown = if (' '..='~').contains(&code) {
            code
        } else {
            '?'
        };
        PyError::value(format!(
            "unsupported format character '{shown}' (0x{:x}) at index {}",
            code as u32, self.index
        ))
    }

    /// The `TypeError` for an argument of type `type_name` that this
    /// conversion cannot take.
    pub fn wrong_type(&self, type_name: &str) -> PyError {
        let code = self.code();
        PyError::type_error(match self.kind() {
            Kind::Integer if matches!(code, 'o' | 'x' | 'X') => {
                format!("%{code} format: an integer is required, not {type_name}")
            }
            Kind::Integer => format!("%{code} format: a real number is required, not {type_name}"),
            Kind::Character => "%c requires int or char".to_string(),
            _ => format!("must be real number, not {type_name}"),
        })
    }

    fn width(&self) -> Option<usize> {
        match self.width {
            Count::Given(width) => Some(width),
            _ => None,
        }
    }

    fn precision(&self) -> Option<usize> {
        match self.precision {
            Count::Given(precision) => Some(precision),
            _ => None,
        }
    }

    /// `%s`, `%r`, `%a`: `text` is the argument's `str()`, `repr()` or `ascii()`.
    pub fn render_str(&self, text: &str) -> Result<String, PyError> {
        self.check_size(false)?;
        Ok(self.output(text, false))
    }

    /// Refuses widths and precisions that would build strings of hundreds of
    /// megabytes (CPython would try, and usually fail with `MemoryError`).
    /// Text precision only truncates, so it counts for numbers only.
    fn check_size(&self, precision_pads: bool) -> Result<(), PyError> {
        const MAX_FIELD: usize = 1 << 26;
        let width = self.width().unwrap_or(0);
        let precision = self.precision().filter(|_| precision_pads).unwrap_or(0);
        if width > MAX_FIELD || precision > MAX_FIELD {
            return Err(PyError::memory());
        }
        Ok(())
    }

    /// `%d %i %u %o %x %X` for an int.
    pub fn render_int(&self, value: &BigInt) -> Result<String, PyError> {
        if self.precision().is_some_and(|p| p > i32::MAX as usize - 3) {
            return Err(PyError::overflow("precision too large"));
        }
        self.check_size(true)?;
        let code = self.code();
        let (radix, prefix) = match code {
            'o' => (8, "0o"),
            'x' => (16, "0x"),
            'X' => (16, "0X"),
            _ => (10, ""),
        };
        let digits = value.magnitude().to_str_radix(radix);
        let mut text = String::new();
        if value.sign() == Sign::Minus {
            text.push('-');
        }
        if self.flags.alternate {
            text.push_str(prefix);
        }
        let precision = self.precision().unwrap_or(0);
        for _ in digits.len()..precision {
            text.push('0');
        }
        text.push_str(&digits);
        if code == 'X' {
            text.make_ascii_uppercase();
        }
        Ok(self.output(&text, true))
    }

    /// `%e %E %f %F %g %G` for a float.
    pub fn render_float(&self, value: f64) -> Result<String, PyError> {
        let code = match self.kind() {
            Kind::Real => self.code(),
            _ => 'g',
        };
        // 'g' strips trailing zeros, so only the other types pad to precision.
        self.check_size(self.flags.alternate || matches!(code, 'e' | 'E' | 'f' | 'F'))?;
        let flags = Flags {
            alternate: self.flags.alternate,
            ..Flags::default()
        };
        let precision = self.precision().unwrap_or(6) as i64;
        let text = double_to_string(value, code, precision, flags);
        Ok(self.output(&text, true))
    }

    /// `%c` for an int code point or a one-character str.
    pub fn render_char(&self, value: CharArg<'_>) -> Result<String, PyError> {
        let character = match value {
            CharArg::Str(text) => {
                let mut chars = text.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => c,
                    _ => return Err(PyError::type_error("%c requires int or char")),
                }
            }
            CharArg::Int(code) => code
                .to_u32()
                .filter(|&c| c <= 0x10ffff)
                .map(|c| char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER))
                .ok_or_else(|| PyError::overflow("%c arg not in range(0x110000)"))?,
        };
        self.check_size(false)?;
        Ok(self.output(character.encode_utf8(&mut [0; 4]), false))
    }

    /// `unicode_format_arg_output`: truncation, sign, `#` prefix and padding.
    /// `numeric` is CPython's `arg->sign`, set for numeric conversions.
    fn output(&self, text: &str, numeric: bool) -> String {
        let flags = self.flags;
        let code = self.code();
        let chars: Vec<char> = text.chars().collect();
        let fill = if numeric && flags.zero { '0' } else { ' ' };
        let mut len = chars.len();
        // Only text conversions truncate (numbers used the precision already).
        if !numeric && matches!(code, 's' | 'r' | 'a' | 'b') {
            if let Some(precision) = self.precision() {
                len = len.min(precision);
            }
        }
        let mut start = 0;
        let mut sign = None;
        if numeric {
            match chars.first() {
                Some(&c @ ('-' | '+')) => {
                    sign = Some(c);
                    len -= 1;
                    start = 1;
                }
                _ if flags.sign => sign = Some('+'),
                _ if flags.blank => sign = Some(' '),
                _ => {}
            }
        }
        let mut width = self.width().unwrap_or(0).max(len);
        let mut out = String::with_capacity(width + 1);
        if let Some(sign) = sign {
            if fill != ' ' {
                out.push(sign);
            }
            if width > len {
                width -= 1;
            }
        }
        let prefixed = flags.alternate
            && matches!(code, 'x' | 'X' | 'o')
            && chars[start..].starts_with(&['0', code]);
        if prefixed {
            if fill != ' ' {
                out.extend(&chars[start..start + 2]);
                start += 2;
            }
            width = width.saturating_sub(2);
            len -= 2;
        }
        if width > len && !flags.left_adjust {
            out.extend(std::iter::repeat_n(fill, width - len));
            width = len;
        }
        if fill == ' ' {
            out.extend(sign);
            if prefixed {
                out.extend(&chars[start..start + 2]);
                start += 2;
            }
        }
        out.extend(&chars[start..start + len]);
        if width > len {
            out.extend(std::iter::repeat_n(' ', width - len));
        }
        out
    }
}

/// The argument of `%c`.
#[derive(Clone, Copy, Debug)]
pub enum CharArg<'a> {
    /// An int: the code point.
    Int(&'a BigInt),
    /// A str, which must hold exactly one character.
    Str(&'a str),
}

/// The shape of the right operand of `%`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Args {
    /// A tuple of this many items.
    Tuple(usize),
    /// A mapping that is not a tuple or str (CPython: `PyMapping_Check`,
    /// which lists also pass): `%(key)` specs may be used.
    Mapping,
    /// Any other single object.
    Single,
}

/// Which argument the next conversion takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgRef {
    /// Item of the tuple.
    Item(usize),
    /// The non-tuple operand itself, or the value of the last `%(key)`.
    Current,
}

/// CPython's argument bookkeeping for `%` (`argidx`, `arglen`, `dict`).
#[derive(Clone, Debug)]
pub struct ArgCursor {
    len: i64,
    index: i64,
    mapping: bool,
}

impl ArgCursor {
    /// Bookkeeping for a right operand of this shape.
    pub fn new(args: Args) -> Self {
        match args {
            Args::Tuple(len) => ArgCursor {
                len: len as i64,
                index: 0,
                mapping: false,
            },
            Args::Mapping | Args::Single => ArgCursor {
                len: -1,
                index: -2,
                mapping: args == Args::Mapping,
            },
        }
    }

    /// For a spec starting with `(`: `TypeError: format requires a mapping`.
    pub fn require_mapping(&self) -> Result<(), PyError> {
        if self.mapping {
            Ok(())
        } else {
            Err(PyError::type_error("format requires a mapping"))
        }
    }

    /// After the runtime looked up a `%(key)`: that value becomes the single
    /// current argument.
    pub fn bind_mapping_value(&mut self) {
        self.len = -1;
        self.index = -2;
    }

    /// Takes the next argument.
    pub fn next_arg(&mut self) -> Result<ArgRef, PyError> {
        if self.index < self.len {
            let index = self.index;
            self.index += 1;
            return Ok(if self.len < 0 {
                ArgRef::Current
            } else {
                ArgRef::Item(index as usize)
            });
        }
        Err(PyError::type_error(
            "not enough arguments for format string",
        ))
    }

    /// After the last piece: unused positional arguments are an error.
    /// `formatted` is what was formatted: `string` or `bytes`.
    pub fn finish(&self, formatted: &str) -> Result<(), PyError> {
        if self.index < self.len && !self.mapping {
            return Err(PyError::type_error(format!(
                "not all arguments converted during {formatted} formatting"
            )));
        }
        Ok(())
    }
}
