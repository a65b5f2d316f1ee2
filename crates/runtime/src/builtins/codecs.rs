//! The text codecs of `str.encode` and `bytes.decode`: UTF-8 (and `utf-8-sig`), ASCII,
//! Latin-1, UTF-16 and UTF-32 (with a byte-order mark, or `-le`/`-be` without), under
//! CPython's names and aliases (`encodings.aliases`), with CPython's error handlers
//! (`strict`, `ignore`, `replace`, `backslashreplace`, and for encoding
//! `xmlcharrefreplace`) and messages. A handler's name is checked only when an error
//! needs it, as in CPython. A str holds no lone surrogates here, so encoding to UTF-16
//! or UTF-32 never fails, and `surrogateescape`/`surrogatepass` are not there.

use std::rc::Rc;

use crate::object::exceptions::{exc, Exception};
use crate::object::types::TypeId;
use crate::object::value::{ExcRef, PyResult, Value};

/// Byte order of the UTF-16 and UTF-32 codecs.
#[derive(Clone, Copy, PartialEq)]
enum Order {
    Little,
    Big,
}

/// A codec, after CPython's name lookup.
#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    /// UTF-16 with a byte-order mark (None) or of a fixed order.
    Utf16(Option<Order>),
    Utf32(Option<Order>),
}

impl Codec {
    /// The codec of an encoding name: CPython's `encodings.normalize_encoding` (case,
    /// spaces and hyphens), then its aliases.
    fn lookup(encoding: &str) -> PyResult<Codec> {
        let name: String = encoding
            .trim()
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c == ' ' || c == '-' { '_' } else { c })
            .collect();
        Ok(match name.as_str() {
            "utf_8" | "u8" | "utf" | "utf8" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
            "utf_8_sig" => Codec::Utf8Sig,
            "ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367"
            | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us"
            | "us_ascii" => Codec::Ascii,
            "latin_1" | "8859" | "cp819" | "csisolatin1" | "ibm819" | "iso8859" | "iso8859_1"
            | "iso_8859_1" | "iso_8859_1_1987" | "iso_ir_100" | "l1" | "latin" | "latin1" => {
                Codec::Latin1
            }
            "utf_16" | "u16" | "utf16" => Codec::Utf16(None),
            "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => Codec::Utf16(Some(Order::Little)),
            "utf_16_be" | "utf_16be" | "unicodebigunmarked" => Codec::Utf16(Some(Order::Big)),
            "utf_32" | "u32" | "utf32" => Codec::Utf32(None),
            "utf_32_le" | "utf_32le" => Codec::Utf32(Some(Order::Little)),
            "utf_32_be" | "utf_32be" => Codec::Utf32(Some(Order::Big)),
            _ => {
                return Err(exc(
                    TypeId::LookupError,
                    format!("unknown encoding: {encoding}"),
                ))
            }
        })
    }
}

/// The name a codec's errors give (a UTF-16 or UTF-32 stream read with a mark names the
/// order it found).
fn codec_name(codec: Codec) -> &'static str {
    match codec {
        Codec::Utf8 => "utf-8",
        Codec::Utf8Sig => "utf-8-sig",
        Codec::Ascii => "ascii",
        Codec::Latin1 => "latin-1",
        Codec::Utf16(Some(Order::Big)) => "utf-16-be",
        Codec::Utf16(_) => "utf-16-le",
        Codec::Utf32(Some(Order::Big)) => "utf-32-be",
        Codec::Utf32(_) => "utf-32-le",
    }
}

/// A UnicodeDecodeError or UnicodeEncodeError with CPython's arguments (`str()` words
/// them: `repr::exception_str`).
fn unicode_error(
    typ: TypeId,
    codec: Codec,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> ExcRef {
    let args = vec![
        Value::str(codec_name(codec)),
        object,
        Value::Int(start as i64),
        Value::Int(end as i64),
        Value::str(reason),
    ];
    Exception::new(typ, args)
}

fn unknown_handler(errors: &str) -> ExcRef {
    exc(
        TypeId::LookupError,
        format!("unknown error handler name '{errors}'"),
    )
}

/// `text.encode(encoding, errors)`.
pub fn encode(text: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = Codec::lookup(encoding)?;
    let mut out = Vec::with_capacity(text.len());
    match codec {
        Codec::Utf8 => out.extend_from_slice(text.as_bytes()),
        Codec::Utf8Sig => {
            out.extend_from_slice(b"\xef\xbb\xbf");
            out.extend_from_slice(text.as_bytes());
        }
        Codec::Ascii | Codec::Latin1 => {
            let limit = if codec == Codec::Ascii { 0x80 } else { 0x100 };
            encode_narrow(text, codec, limit, errors, &mut out)?;
        }
        Codec::Utf16(order) => {
            let order = order.unwrap_or_else(|| {
                out.extend_from_slice(&[0xff, 0xfe]);
                Order::Little
            });
            for unit in text.encode_utf16() {
                out.extend_from_slice(&match order {
                    Order::Little => unit.to_le_bytes(),
                    Order::Big => unit.to_be_bytes(),
                });
            }
        }
        Codec::Utf32(order) => {
            let order = order.unwrap_or_else(|| {
                out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
                Order::Little
            });
            for c in text.chars() {
                out.extend_from_slice(&match order {
                    Order::Little => (c as u32).to_le_bytes(),
                    Order::Big => (c as u32).to_be_bytes(),
                });
            }
        }
    }
    Ok(out)
}

/// ASCII or Latin-1: each run of characters at or above `limit` goes to the handler.
fn encode_narrow(
    text: &str,
    codec: Codec,
    limit: u32,
    errors: &str,
    out: &mut Vec<u8>,
) -> PyResult<()> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&j| (chars[j] as u32) < limit)
            .unwrap_or(chars.len());
        let run = &chars[i..end];
        match errors {
            "strict" => {
                return Err(unicode_error(
                    TypeId::UnicodeEncodeError,
                    codec,
                    Value::str(text),
                    i,
                    end,
                    &format!("ordinal not in range({limit})"),
                ));
            }
            "ignore" => {}
            "replace" => out.extend(run.iter().map(|_| b'?')),
            "backslashreplace" => {
                for &c in run {
                    let n = c as u32;
                    let escaped = match n {
                        0..=0xff => format!("\\x{n:02x}"),
                        0x100..=0xffff => format!("\\u{n:04x}"),
                        _ => format!("\\U{n:08x}"),
                    };
                    out.extend_from_slice(escaped.as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in run {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            _ => return Err(unknown_handler(errors)),
        }
        i = end;
    }
    Ok(())
}

/// What a decoder does with the bytes `data[start..end]` it cannot decode, for `reason`.
struct Decoding<'a> {
    data: &'a [u8],
    codec: Codec,
    errors: &'a str,
    out: String,
}

impl Decoding<'_> {
    fn bad(&mut self, start: usize, end: usize, reason: &str) -> PyResult<()> {
        match self.errors {
            "strict" => Err(unicode_error(
                TypeId::UnicodeDecodeError,
                self.codec,
                Value::Bytes(Rc::from(self.data)),
                start,
                end,
                reason,
            )),
            "ignore" => Ok(()),
            "replace" => {
                self.out.push('\u{fffd}');
                Ok(())
            }
            "backslashreplace" => {
                for b in &self.data[start..end] {
                    self.out.push_str(&format!("\\x{b:02x}"));
                }
                Ok(())
            }
            _ => Err(unknown_handler(self.errors)),
        }
    }
}

/// `data.decode(encoding, errors)`.
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = Codec::lookup(encoding)?;
    let mut d = Decoding {
        data,
        codec,
        errors,
        out: String::with_capacity(data.len()),
    };
    match codec {
        Codec::Utf8 => decode_utf8(&mut d, 0)?,
        Codec::Utf8Sig => {
            let start = if data.starts_with(b"\xef\xbb\xbf") {
                3
            } else {
                0
            };
            decode_utf8(&mut d, start)?
        }
        Codec::Ascii | Codec::Latin1 => {
            for (i, &b) in data.iter().enumerate() {
                if codec == Codec::Ascii && b >= 0x80 {
                    d.bad(i, i + 1, "ordinal not in range(128)")?;
                } else {
                    d.out.push(b as char);
                }
            }
        }
        Codec::Utf16(order) => {
            let (order, start) = match order {
                Some(order) => (order, 0),
                None if data.starts_with(&[0xff, 0xfe]) => (Order::Little, 2),
                None if data.starts_with(&[0xfe, 0xff]) => (Order::Big, 2),
                None => (Order::Little, 0),
            };
            d.codec = Codec::Utf16(Some(order));
            decode_utf16(&mut d, order, start)?
        }
        Codec::Utf32(order) => {
            let (order, start) = match order {
                Some(order) => (order, 0),
                None if data.starts_with(&[0xff, 0xfe, 0, 0]) => (Order::Little, 4),
                None if data.starts_with(&[0, 0, 0xfe, 0xff]) => (Order::Big, 4),
                None => (Order::Little, 0),
            };
            d.codec = Codec::Utf32(Some(order));
            decode_utf32(&mut d, order, start)?
        }
    }
    Ok(d.out)
}

/// UTF-8 from `start`: each invalid sequence (the maximal prefix of one, as CPython
/// counts it) goes to the handler.
fn decode_utf8(d: &mut Decoding, start: usize) -> PyResult<()> {
    let data = d.data;
    let mut at = start;
    while at < data.len() {
        match std::str::from_utf8(&data[at..]) {
            Ok(s) => {
                d.out.push_str(s);
                return Ok(());
            }
            Err(e) => {
                let good = at + e.valid_up_to();
                d.out
                    .push_str(std::str::from_utf8(&data[at..good]).unwrap_or_default());
                let (len, reason) = match e.error_len() {
                    None => (data.len() - good, "unexpected end of data"),
                    Some(n) if (0xc2..=0xf4).contains(&data[good]) && n >= 1 => {
                        (n, "invalid continuation byte")
                    }
                    Some(n) => (n, "invalid start byte"),
                };
                d.bad(good, good + len, reason)?;
                at = good + len;
            }
        }
    }
    Ok(())
}

fn unit16(data: &[u8], at: usize, order: Order) -> u16 {
    let pair = [data[at], data[at + 1]];
    match order {
        Order::Little => u16::from_le_bytes(pair),
        Order::Big => u16::from_be_bytes(pair),
    }
}

fn decode_utf16(d: &mut Decoding, order: Order, start: usize) -> PyResult<()> {
    let data = d.data;
    let mut at = start;
    while at < data.len() {
        if at + 1 >= data.len() {
            d.bad(at, data.len(), "truncated data")?;
            break;
        }
        let unit = unit16(data, at, order);
        match unit {
            0xd800..=0xdbff => {
                if at + 3 >= data.len() {
                    let end = data.len().min(at + 2);
                    d.bad(at, end, "unexpected end of data")?;
                    at = end;
                    continue;
                }
                let low = unit16(data, at + 2, order);
                if (0xdc00..=0xdfff).contains(&low) {
                    let c =
                        0x10000 + ((u32::from(unit) - 0xd800) << 10) + (u32::from(low) - 0xdc00);
                    d.out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                    at += 4;
                } else {
                    d.bad(at, at + 2, "illegal UTF-16 surrogate")?;
                    at += 2;
                }
            }
            0xdc00..=0xdfff => {
                d.bad(at, at + 2, "illegal encoding")?;
                at += 2;
            }
            _ => {
                d.out
                    .push(char::from_u32(u32::from(unit)).unwrap_or('\u{fffd}'));
                at += 2;
            }
        }
    }
    Ok(())
}

fn decode_utf32(d: &mut Decoding, order: Order, start: usize) -> PyResult<()> {
    let data = d.data;
    let mut at = start;
    while at < data.len() {
        if at + 3 >= data.len() {
            d.bad(at, data.len(), "truncated data")?;
            break;
        }
        let quad = [data[at], data[at + 1], data[at + 2], data[at + 3]];
        let n = match order {
            Order::Little => u32::from_le_bytes(quad),
            Order::Big => u32::from_be_bytes(quad),
        };
        match n {
            0xd800..=0xdfff => d.bad(
                at,
                at + 4,
                "code point in surrogate code point range(0xd800, 0xe000)",
            )?,
            0x110000.. => d.bad(at, at + 4, "code point not in range(0x110000)")?,
            _ => d.out.push(char::from_u32(n).unwrap_or('\u{fffd}')),
        }
        at += 4;
    }
    Ok(())
}
