//! Methods of `str`. Positions are counted in code points, as in Python.

use std::rc::Rc;

use super::args::{
    self, count_range, exactly_one, index_arg, no_args, no_kwargs, reject_kwargs, takes_range,
};
use super::str_format;
use crate::iterators;
use crate::object::exceptions::{type_error, value_error};
use crate::object::pystr::PyStr;
use crate::object::types::type_of;
use crate::object::value::{Args, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("upper", upper),
    ("lower", lower),
    ("casefold", lower),
    ("swapcase", swapcase),
    ("title", title),
    ("capitalize", capitalize),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("split", split),
    ("rsplit", rsplit),
    ("splitlines", splitlines),
    ("join", join),
    ("replace", replace),
    ("startswith", startswith),
    ("endswith", endswith),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("format", format),
    ("format_map", format_map),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
    ("partition", partition),
    ("rpartition", rpartition),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("encode", encode),
    ("isdigit", isdigit),
    ("isdecimal", isdecimal),
    ("isnumeric", isnumeric),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
    ("istitle", istitle),
    ("isascii", isascii),
    ("isidentifier", isidentifier),
    ("isprintable", isprintable),
    ("expandtabs", expandtabs),
    ("translate", super::str_translate::translate),
];

fn this(recv: &Value) -> Rc<PyStr> {
    match recv {
        Value::Str(s) => s.clone(),
        _ => PyStr::rc(""),
    }
}

fn text(s: String) -> PyResult<Value> {
    Ok(Value::string(s))
}

/// A str argument converted by Argument Clinic, whose TypeError calls
/// None `None` rather than `NoneType`.
fn clinic_str_param(v: &Value, what: impl FnOnce(&str) -> String) -> PyResult<Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(type_error(what(&super::misc_methods::none_or_type(other)))),
    }
}

/// A str argument, or CPython's "must be str, not int" TypeError.
fn str_param(v: &Value, what: impl FnOnce(&str) -> String) -> PyResult<Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(type_error(what(&type_of(other).name()))),
    }
}

fn upper(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("str.upper", &args)?;
    text(this(recv).to_uppercase())
}

fn lower(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("str.lower", &args)?;
    text(this(recv).to_lowercase())
}

fn swapcase(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("str.swapcase", &args)?;
    text(
        this(recv)
            .chars()
            .flat_map(|c| -> Box<dyn Iterator<Item = char>> {
                if c.is_uppercase() {
                    Box::new(c.to_lowercase())
                } else {
                    Box::new(c.to_uppercase())
                }
            })
            .collect(),
    )
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase()
}

fn title(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("str.title", &args)?;
    let mut out = String::new();
    let mut prev_cased = false;
    for c in this(recv).chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = is_cased(c);
    }
    text(out)
}

fn capitalize(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("str.capitalize", &args)?;
    let s = this(recv);
    let mut chars = s.chars();
    let mut out = String::new();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.extend(chars.flat_map(char::to_lowercase));
    }
    text(out)
}

/// The characters `strip` removes: whitespace, or those of the argument.
fn strip_set(name: &str, args: &Args) -> PyResult<Option<Vec<char>>> {
    count_range(name, args, 0, 1)?;
    match args.pos.first() {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.chars().collect())),
        Some(_) => Err(type_error(format!("{name} arg must be None or str"))),
    }
}

fn strip_with(recv: &Value, name: &str, args: &Args, left: bool, right: bool) -> PyResult<Value> {
    let set = strip_set(name, args)?;
    let s = this(recv);
    let pred = |c: char| match &set {
        None => c.is_whitespace(),
        Some(cs) => cs.contains(&c),
    };
    let mut r: &str = &s;
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    Ok(Value::str(r))
}

fn strip(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    strip_with(recv, "strip", &args, true, true)
}

fn lstrip(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    strip_with(recv, "lstrip", &args, true, false)
}

fn rstrip(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    strip_with(recv, "rstrip", &args, false, true)
}

/// `(sep, maxsplit)` of `split`/`rsplit`, the separator checked: str, not empty.
fn split_args(name: &str, args: Args) -> PyResult<(Option<Rc<PyStr>>, i64)> {
    let (sep, max) = args::split_args(name, args)?;
    let sep = match sep {
        None => None,
        Some(Value::Str(s)) => {
            if s.is_empty() {
                return Err(value_error("empty separator"));
            }
            Some(s)
        }
        Some(other) => {
            return Err(type_error(format!(
                "must be str or None, not {}",
                type_of(&other).name()
            )))
        }
    };
    Ok((sep, max))
}

fn list_of(parts: Vec<&str>) -> Value {
    Value::list(parts.into_iter().map(Value::str).collect())
}

fn split(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let (sep, max) = split_args("split", args)?;
    let s = this(recv);
    let max = if max < 0 { usize::MAX } else { max as usize };
    Ok(match sep {
        Some(sep) => list_of(s.splitn(max.saturating_add(1), sep.as_str()).collect()),
        None => {
            let mut parts = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if parts.len() == max {
                    parts.push(rest);
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                parts.push(&rest[..end]);
                rest = rest[end..].trim_start();
            }
            list_of(parts)
        }
    })
}

fn rsplit(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let (sep, max) = split_args("rsplit", args)?;
    let s = this(recv);
    let max = if max < 0 { usize::MAX } else { max as usize };
    let mut parts: Vec<&str> = match sep {
        Some(sep) => s.rsplitn(max.saturating_add(1), sep.as_str()).collect(),
        None => {
            let mut parts = Vec::new();
            let mut rest = s.trim_end();
            while !rest.is_empty() {
                if parts.len() == max {
                    parts.push(rest);
                    break;
                }
                let start = rest
                    .rfind(char::is_whitespace)
                    .map(|i| i + rest[i..].chars().next().map_or(1, char::len_utf8))
                    .unwrap_or(0);
                parts.push(&rest[start..]);
                rest = rest[..start].trim_end();
            }
            parts
        }
    };
    parts.reverse();
    Ok(list_of(parts))
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn splitlines(_vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let keep_kw = args.take_kw("keepends");
    reject_kwargs("splitlines", &args)?;
    takes_range("splitlines", &args, 0, 1)?;
    let keep = match args.pos.first().cloned().or(keep_kw) {
        Some(v) => index_arg(&v)? != 0,
        None => false,
    };
    let s = this(recv);
    let mut parts = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some((_, '\n')) = iter.peek() {
                iter.next();
                end += 1;
            }
        }
        parts.push(if keep { &s[start..end] } else { &s[start..i] });
        start = end;
    }
    if start < s.len() {
        parts.push(&s[start..]);
    }
    Ok(list_of(parts))
}

fn join(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let iterable = exactly_one("str.join", &args)?;
    let items = iterators::collect(vm, &iterable).map_err(|e| {
        if e.class == crate::object::types::TypeId::TypeError {
            type_error("can only join an iterable")
        } else {
            e
        }
    })?;
    let sep = this(recv);
    let text_len = |item: &Value| match item {
        Value::Str(s) => s.len(),
        _ => 0,
    };
    let separators = sep.len().saturating_mul(items.len().saturating_sub(1));
    vm.check_size(
        items
            .iter()
            .map(text_len)
            .fold(separators, usize::saturating_add),
    )?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match item {
            Value::Str(s) => out.push_str(s),
            other => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    type_of(other).name()
                )))
            }
        }
    }
    text(out)
}

fn replace(vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let count_kw = args.take_kw("count");
    reject_kwargs("replace", &args)?;
    if args.pos.len() < 2 || args.pos.len() > 3 {
        return Err(type_error(format!(
            "replace expected {} arguments, got {}",
            if args.pos.len() < 2 {
                "at least 2"
            } else {
                "at most 3"
            },
            args.pos.len()
        )));
    }
    let old = clinic_str_param(&args.pos[0], |t| {
        format!("replace() argument 1 must be str, not {t}")
    })?;
    let new = clinic_str_param(&args.pos[1], |t| {
        format!("replace() argument 2 must be str, not {t}")
    })?;
    let count = match args.pos.get(2).cloned().or(count_kw) {
        Some(v) => index_arg(&v)?,
        None => -1,
    };
    let s = this(recv);
    if new.len() > old.len() {
        // Checked before building: each replacement makes the text longer.
        let places = if old.is_empty() {
            s.chars().count() + 1
        } else {
            s.matches(old.as_str()).count()
        };
        let places = if count < 0 {
            places
        } else {
            places.min(count as usize)
        };
        vm.check_size(
            s.len()
                .saturating_add(places.saturating_mul(new.len() - old.len())),
        )?;
    }
    text(if count < 0 {
        s.replace(old.as_str(), &new)
    } else {
        s.replacen(old.as_str(), &new, count as usize)
    })
}

/// Byte offsets of the `[start:end]` slice arguments (code point indices).
fn slice_bounds(s: &str, start: Option<&Value>, end: Option<&Value>) -> PyResult<(usize, usize)> {
    let n = s.chars().count() as i64;
    let norm = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let i = index_arg(v).map_err(|_| {
                    type_error("slice indices must be integers or None or have an __index__ method")
                })?;
                Ok(if i < 0 { (i + n).max(0) } else { i.min(n) })
            }
        }
    };
    let (a, b) = (norm(start, 0)?, norm(end, n)?);
    let byte = |ci: i64| -> usize {
        s.char_indices()
            .nth(ci as usize)
            .map(|(b, _)| b)
            .unwrap_or(s.len())
    };
    if a > b {
        return Ok((byte(a), byte(a)));
    }
    Ok((byte(a), byte(b)))
}

fn char_index(s: &str, byte: usize) -> i64 {
    s[..byte].chars().count() as i64
}

fn affix(recv: &Value, args: Args, name: &str, ends: bool) -> PyResult<Value> {
    no_kwargs(name, &args)?;
    takes_range(name, &args, 1, 3)?;
    let s = this(recv);
    let (a, b) = slice_bounds(&s, args.pos.get(1), args.pos.get(2))?;
    let window = &s[a..b];
    let test = |p: &str| {
        if ends {
            window.ends_with(p)
        } else {
            window.starts_with(p)
        }
    };
    match &args.pos[0] {
        Value::Str(p) => Ok(Value::Bool(test(p))),
        Value::Tuple(items) => {
            for item in items.iter() {
                match item {
                    Value::Str(p) => {
                        if test(p) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    other => {
                        return Err(type_error(format!(
                            "tuple for {name} must only contain str, not {}",
                            type_of(other).name()
                        )))
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            type_of(other).name()
        ))),
    }
}

fn startswith(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    affix(recv, args, "startswith", false)
}

fn endswith(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    affix(recv, args, "endswith", true)
}

/// Code point index of `sub` in `s[start:end]`, searching from the left or right.
fn search(recv: &Value, args: &Args, name: &str, from_right: bool) -> PyResult<i64> {
    no_kwargs(name, args)?;
    takes_range(name, args, 1, 3)?;
    let s = this(recv);
    let (a, b) = slice_bounds(&s, args.pos.get(1), args.pos.get(2))?;
    let sub = str_param(&args.pos[0], |t| format!("must be str, not {t}"))?;
    if b < a || (b - a) < sub.len() && !sub.is_empty() {
        return Ok(-1);
    }
    let window = &s[a..b];
    let found = if from_right {
        window.rfind(sub.as_str())
    } else {
        window.find(sub.as_str())
    };
    Ok(match found {
        Some(i) => char_index(&s, a + i),
        None => -1,
    })
}

fn find(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Int(search(recv, &args, "find", false)?))
}

fn rfind(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    Ok(Value::Int(search(recv, &args, "rfind", true)?))
}

fn index(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    match search(recv, &args, "index", false)? {
        -1 => Err(value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    match search(recv, &args, "rindex", true)? {
        -1 => Err(value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("count", &args)?;
    takes_range("count", &args, 1, 3)?;
    let s = this(recv);
    let (a, b) = slice_bounds(&s, args.pos.get(1), args.pos.get(2))?;
    let sub = str_param(&args.pos[0], |t| format!("must be str, not {t}"))?;
    let window = &s[a..b];
    let n = if sub.is_empty() {
        window.chars().count() + 1
    } else {
        window.matches(sub.as_str()).count()
    };
    Ok(Value::Int(n as i64))
}

fn format(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    text(str_format::format(
        vm,
        &this(recv),
        &args.pos,
        &args.kw,
        None,
    )?)
}

fn format_map(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let mapping = exactly_one("str.format_map", &args)?;
    text(str_format::format(
        vm,
        &this(recv),
        &[],
        &[],
        Some(&mapping),
    )?)
}

/// `(width, fillchar)` of `center`/`ljust`/`rjust`.
/// A requested width, refused (MemoryError) past the VM's sequence limit.
fn width_arg(vm: &Vm, v: &Value) -> PyResult<usize> {
    let width = index_arg(v)?.max(0) as usize;
    if width > vm.limits.max_sequence_len {
        return Err(crate::object::exceptions::exc_empty(
            crate::object::types::TypeId::MemoryError,
        ));
    }
    Ok(width)
}

fn pad_args(vm: &Vm, name: &str, args: &Args) -> PyResult<(usize, char)> {
    count_range(name, args, 1, 2)?;
    let width = width_arg(vm, &args.pos[0])?;
    let fill = match args.pos.get(1) {
        None => ' ',
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
        Some(Value::Str(_)) => {
            return Err(type_error(
                "The fill character must be exactly one character long",
            ))
        }
        Some(other) => {
            return Err(type_error(format!(
                "The fill character must be a unicode character, not {}",
                type_of(other).name()
            )))
        }
    };
    Ok((width, fill))
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + left + right);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

fn center(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let (width, fill) = pad_args(vm, "center", &args)?;
    let s = this(recv);
    let n = s.chars().count();
    if width <= n {
        return Ok(Value::Str(s));
    }
    let marg = width - n;
    let left = marg / 2 + (marg & width & 1);
    text(pad(&s, left, marg - left, fill))
}

fn ljust(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let (width, fill) = pad_args(vm, "ljust", &args)?;
    let s = this(recv);
    let n = s.chars().count();
    text(pad(&s, 0, width.saturating_sub(n), fill))
}

fn rjust(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let (width, fill) = pad_args(vm, "rjust", &args)?;
    let s = this(recv);
    let n = s.chars().count();
    text(pad(&s, width.saturating_sub(n), 0, fill))
}

fn zfill(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    exactly_one("str.zfill", &args)?;
    let width = width_arg(vm, &args.pos[0])?;
    let s = this(recv);
    let n = s.chars().count();
    if width <= n {
        return Ok(Value::Str(s));
    }
    let (sign, rest) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), &s[1..]),
        _ => (None, &s[..]),
    };
    let mut out = String::new();
    out.extend(sign);
    out.extend(std::iter::repeat_n('0', width - n));
    out.push_str(rest);
    text(out)
}

fn partition_with(recv: &Value, args: &Args, name: &str, from_right: bool) -> PyResult<Value> {
    let sep = exactly_one(name, args)?;
    let sep = str_param(&sep, |t| format!("must be str, not {t}"))?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let s = this(recv);
    let found = if from_right {
        s.rfind(sep.as_str())
    } else {
        s.find(sep.as_str())
    };
    let parts = match found {
        Some(i) => [&s[..i], &sep[..], &s[i + sep.len()..]],
        None if from_right => ["", "", &s[..]],
        None => [&s[..], "", ""],
    };
    Ok(Value::tuple(parts.iter().map(|p| Value::str(p)).collect()))
}

fn partition(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    partition_with(recv, &args, "str.partition", false)
}

fn rpartition(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    partition_with(recv, &args, "str.rpartition", true)
}

fn removeprefix(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let p = exactly_one("str.removeprefix", &args)?;
    let p = clinic_str_param(&p, |t| {
        format!("removeprefix() argument must be str, not {t}")
    })?;
    let s = this(recv);
    Ok(Value::str(s.strip_prefix(p.as_str()).unwrap_or(&s)))
}

fn removesuffix(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let p = exactly_one("str.removesuffix", &args)?;
    let p = clinic_str_param(&p, |t| {
        format!("removesuffix() argument must be str, not {t}")
    })?;
    let s = this(recv);
    Ok(Value::str(s.strip_suffix(p.as_str()).unwrap_or(&s)))
}

fn encode(_vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let enc = args.take_kw("encoding");
    let errors = args.take_kw("errors");
    reject_kwargs("encode", &args)?;
    takes_range("encode", &args, 0, 2)?;
    let s = this(recv);
    let (encoding, errors) = super::misc_methods::codec_args("encode", &args, enc, errors)?;
    let bytes = super::codecs::encode(&s, &encoding, &errors)?;
    Ok(Value::Bytes(Rc::from(bytes)))
}

fn all_chars(recv: &Value, args: &Args, name: &str, f: fn(char) -> bool) -> PyResult<Value> {
    no_args(name, args)?;
    let s = this(recv);
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || super::numbers::decimal_digit(c).is_some()
}

fn isdecimal(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    all_chars(recv, &args, "str.isdecimal", is_decimal)
}

/// Decimal digits plus superscript, subscript and circled digits.
fn isdigit(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    all_chars(recv, &args, "str.isdigit", |c| {
        is_decimal(c)
            || matches!(c as u32,
                0xb2 | 0xb3 | 0xb9 | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089
                | 0x2460..=0x2468 | 0x2474..=0x247c | 0x2488..=0x2490 | 0x24ea
                | 0x24f5..=0x24fd | 0x24ff | 0x2776..=0x277e | 0x2780..=0x2788
                | 0x278a..=0x2792)
    })
}

fn isnumeric(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    all_chars(recv, &args, "str.isnumeric", char::is_numeric)
}

fn isalpha(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    all_chars(recv, &args, "str.isalpha", char::is_alphabetic)
}

fn isalnum(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    all_chars(recv, &args, "str.isalnum", char::is_alphanumeric)
}

fn isspace(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    all_chars(recv, &args, "str.isspace", char::is_whitespace)
}

fn isascii(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("str.isascii", &args)?;
    Ok(Value::Bool(this(recv).is_ascii()))
}

fn isprintable(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("str.isprintable", &args)?;
    let printable = |c: char| {
        let n = c as u32;
        if n < 0x7f {
            n >= 0x20
        } else {
            n != 0x7f && crate::quote::is_printable(c)
        }
    };
    Ok(Value::Bool(this(recv).chars().all(printable)))
}

fn isupper(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("str.isupper", &args)?;
    let s = this(recv);
    Ok(Value::Bool(
        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase),
    ))
}

fn islower(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("str.islower", &args)?;
    let s = this(recv);
    Ok(Value::Bool(
        s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase),
    ))
}

fn istitle(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("str.istitle", &args)?;
    let mut prev_cased = false;
    let mut any = false;
    for c in this(recv).chars() {
        if c.is_uppercase() {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(any))
}

fn isidentifier(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("str.isidentifier", &args)?;
    let s = this(recv);
    let mut chars = s.chars();
    let ok = match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => chars.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    };
    Ok(Value::Bool(ok))
}

fn expandtabs(vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let size_kw = args.take_kw("tabsize");
    reject_kwargs("expandtabs", &args)?;
    takes_range("expandtabs", &args, 0, 1)?;
    let size = match args.pos.first().cloned().or(size_kw) {
        // A C int in CPython: a huge size is an OverflowError, a big one fine without tabs.
        Some(v) => crate::builtins::args::c_int_arg(&v)? as i64,
        None => 8,
    };
    let mut out = String::new();
    let mut col: i64 = 0;
    for c in this(recv).chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    vm.check_size(out.len() + n as usize)?;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    text(out)
}
