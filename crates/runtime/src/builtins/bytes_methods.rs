//! The methods of `bytes` beyond `decode`/`hex` (which `misc_methods.rs`
//! holds): searching, splitting, joining, stripping, padding and the ASCII
//! case methods, as CPython's `bytes_methods.c` and `stringlib` do them —
//! whitespace and letters are ASCII only, whatever the other bytes are.

use std::rc::Rc;

use super::args::{self, count_range, index_arg, reject_kwargs, takes_range};
use crate::iterators;
use crate::object::bytearray::bytes_like;
use crate::object::exceptions::{exc, type_error, value_error};
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("decode", super::misc_methods::decode),
    ("hex", super::misc_methods::hex),
    ("split", split),
    ("rsplit", rsplit),
    ("join", join),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("replace", replace),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("startswith", startswith),
    ("endswith", endswith),
    ("upper", upper),
    ("lower", lower),
    ("swapcase", swapcase),
    ("capitalize", capitalize),
    ("title", title),
    ("isdigit", isdigit),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("islower", islower),
    ("isupper", isupper),
    ("istitle", istitle),
    ("isascii", isascii),
    ("partition", partition),
    ("rpartition", rpartition),
    ("splitlines", splitlines),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("expandtabs", expandtabs),
    ("translate", super::str_translate::translate_bytes),
];

pub const CLASS_METHODS: &[(&str, NativeFn)] = &[
    ("fromhex", fromhex),
    ("maketrans", super::str_translate::maketrans_bytes),
];

fn this(recv: &Value) -> Rc<[u8]> {
    bytes_like(recv).unwrap_or_else(|| Rc::from(&[][..]))
}

fn bytes(v: Vec<u8>) -> Value {
    Value::Bytes(Rc::from(v))
}

/// A bytes-like argument: `a bytes-like object is required, not 'str'`.
fn bytes_arg(v: &Value) -> PyResult<Rc<[u8]>> {
    bytes_like(v).ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_of(v).name()
        ))
    })
}

/// The byte string to look for: bytes, or an int in range(256).
fn needle(v: &Value) -> PyResult<Rc<[u8]>> {
    match v {
        Value::Int(_) | Value::Bool(_) => {
            let i = index_arg(v)?;
            if !(0..256).contains(&i) {
                return Err(value_error("byte must be in range(0, 256)"));
            }
            Ok(Rc::from(&[i as u8][..]))
        }
        other => {
            if let Value::Str(_) = other {
                return Err(type_error(format!(
                    "argument should be integer or bytes-like object, not '{}'",
                    type_of(other).name()
                )));
            }
            bytes_arg(other)
        }
    }
}

const fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// `ADJUST_INDICES`: optional start and end as a slice takes them.
fn range_args(args: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let bound = |v: Option<&Value>, default: usize| -> PyResult<usize> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let i = index_arg(v)?;
                let len = len as i64;
                Ok(if i < 0 { (i + len).max(0) } else { i.min(len) } as usize)
            }
        }
    };
    Ok((bound(args.first(), 0)?, bound(args.get(1), len)?))
}

fn find_in(hay: &[u8], pat: &[u8], from: usize) -> Option<usize> {
    if pat.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    hay.get(from..)?
        .windows(pat.len())
        .position(|w| w == pat)
        .map(|i| i + from)
}

fn rfind_in(hay: &[u8], pat: &[u8]) -> Option<usize> {
    if pat.is_empty() {
        return Some(hay.len());
    }
    hay.windows(pat.len()).rposition(|w| w == pat)
}

/// `find`/`rfind`/`index`/`rindex`: where `sub` is within `[start:end]`.
fn search(name: &str, recv: &Value, args: &Args, reverse: bool) -> PyResult<Option<usize>> {
    count_range(name, args, 1, 3)?;
    let b = this(recv);
    let sub = needle(&args.pos[0])?;
    let (start, end) = range_args(&args.pos[1..], b.len())?;
    if start > end {
        return Ok(None);
    }
    let window = &b[start..end];
    let at = if reverse {
        rfind_in(window, &sub)
    } else {
        find_in(window, &sub, 0)
    };
    Ok(at.map(|i| i + start))
}

fn position(found: Option<usize>) -> Value {
    Value::Int(found.map_or(-1, |i| i as i64))
}

fn find(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    Ok(position(search("find", recv, &args, false)?))
}

fn rfind(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    Ok(position(search("rfind", recv, &args, true)?))
}

fn index(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    search("index", recv, &args, false)?
        .map(|i| Value::Int(i as i64))
        .ok_or_else(|| value_error("subsection not found"))
}

fn rindex(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    search("rindex", recv, &args, true)?
        .map(|i| Value::Int(i as i64))
        .ok_or_else(|| value_error("subsection not found"))
}

fn count(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("count", &args, 1, 3)?;
    let b = this(recv);
    let sub = needle(&args.pos[0])?;
    let (start, end) = range_args(&args.pos[1..], b.len())?;
    if start > end {
        return Ok(Value::Int(0));
    }
    let window = &b[start..end];
    if sub.is_empty() {
        return Ok(Value::Int(window.len() as i64 + 1));
    }
    let (mut n, mut at) = (0, 0);
    while let Some(i) = find_in(window, &sub, at) {
        n += 1;
        at = i + sub.len();
    }
    Ok(Value::Int(n))
}

/// `sep` (checked: bytes, not empty) and `maxsplit` (`usize::MAX` for no limit).
fn split_args(name: &str, args: Args) -> PyResult<(Option<Rc<[u8]>>, usize)> {
    let (sep, max) = args::split_args(name, args)?;
    let sep = match sep {
        None => None,
        Some(v) => {
            let s = bytes_arg(&v)?;
            if s.is_empty() {
                return Err(value_error("empty separator"));
            }
            Some(s)
        }
    };
    Ok((sep, if max < 0 { usize::MAX } else { max as usize }))
}

fn list_of(parts: Vec<&[u8]>) -> Value {
    Value::list(parts.into_iter().map(|p| bytes(p.to_vec())).collect())
}

fn split(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let (sep, max) = split_args("split", args)?;
    let b = this(recv);
    let mut parts: Vec<&[u8]> = Vec::new();
    match sep {
        Some(sep) => {
            let mut at = 0;
            while parts.len() < max {
                let Some(i) = find_in(&b, &sep, at) else {
                    break;
                };
                parts.push(&b[at..i]);
                at = i + sep.len();
            }
            parts.push(&b[at..]);
        }
        None => {
            let mut i = 0;
            loop {
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                if i == b.len() {
                    break;
                }
                if parts.len() == max {
                    // The rest, trailing whitespace and all.
                    parts.push(&b[i..]);
                    break;
                }
                let start = i;
                while i < b.len() && !is_space(b[i]) {
                    i += 1;
                }
                parts.push(&b[start..i]);
            }
        }
    }
    Ok(list_of(parts))
}

fn rsplit(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let (sep, max) = split_args("rsplit", args)?;
    let b = this(recv);
    let mut parts: Vec<&[u8]> = Vec::new();
    match sep {
        Some(sep) => {
            let mut end = b.len();
            while parts.len() < max {
                let Some(i) = rfind_in(&b[..end], &sep) else {
                    break;
                };
                parts.push(&b[i + sep.len()..end]);
                end = i;
            }
            parts.push(&b[..end]);
        }
        None => {
            let mut i = b.len();
            loop {
                while i > 0 && is_space(b[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if parts.len() == max {
                    parts.push(&b[..i]);
                    break;
                }
                let end = i;
                while i > 0 && !is_space(b[i - 1]) {
                    i -= 1;
                }
                parts.push(&b[i..end]);
            }
        }
    }
    parts.reverse();
    Ok(list_of(parts))
}

fn join(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("join", &args, 1, 1)?;
    let sep = this(recv);
    let mut out = Vec::new();
    for (i, item) in iterators::collect(vm, &args.pos[0])?.iter().enumerate() {
        let piece = bytes_arg(item).map_err(|_| {
            type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                type_of(item).name()
            ))
        })?;
        vm.check_size(out.len() + sep.len() + piece.len())?;
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&piece);
    }
    Ok(bytes(out))
}

fn replace(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("replace", &args, 2, 3)?;
    let b = this(recv);
    let old = bytes_arg(&args.pos[0])?;
    let new = bytes_arg(&args.pos[1])?;
    let max = match args.pos.get(2) {
        Some(v) => index_arg(v)?,
        None => -1,
    };
    let max = if max < 0 { usize::MAX } else { max as usize };
    let mut out = Vec::with_capacity(b.len());
    let (mut at, mut done) = (0, 0);
    if old.is_empty() {
        // Inserted before every byte and at the end.
        for (i, &c) in b.iter().enumerate() {
            if i < max {
                vm.check_size(out.len() + new.len() + 1)?;
                out.extend_from_slice(&new);
            }
            out.push(c);
        }
        if b.len() < max {
            out.extend_from_slice(&new);
        }
        return Ok(bytes(out));
    }
    while done < max {
        let Some(i) = find_in(&b, &old, at) else {
            break;
        };
        vm.check_size(out.len() + (i - at) + new.len())?;
        out.extend_from_slice(&b[at..i]);
        out.extend_from_slice(&new);
        at = i + old.len();
        done += 1;
    }
    out.extend_from_slice(&b[at..]);
    Ok(bytes(out))
}

/// `strip`/`lstrip`/`rstrip`: ASCII whitespace, or the bytes given.
fn strip_with(name: &str, recv: &Value, args: &Args, left: bool, right: bool) -> PyResult<Value> {
    count_range(name, args, 0, 1)?;
    let b = this(recv);
    let chars = match args.pos.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_arg(v)?),
    };
    let strip = |c: u8| chars.as_ref().map_or(is_space(c), |set| set.contains(&c));
    let (mut start, mut end) = (0, b.len());
    if left {
        while start < end && strip(b[start]) {
            start += 1;
        }
    }
    if right {
        while end > start && strip(b[end - 1]) {
            end -= 1;
        }
    }
    Ok(bytes(b[start..end].to_vec()))
}

fn strip(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    strip_with("strip", recv, &args, true, true)
}

fn lstrip(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    strip_with("lstrip", recv, &args, true, false)
}

fn rstrip(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    strip_with("rstrip", recv, &args, false, true)
}

/// `startswith`/`endswith`: a bytes or a tuple of them, within `[start:end]`.
fn affix(name: &str, recv: &Value, args: &Args, at_end: bool) -> PyResult<Value> {
    count_range(name, args, 1, 3)?;
    let b = this(recv);
    let (start, end) = range_args(&args.pos[1..], b.len())?;
    let window: &[u8] = if start <= end { &b[start..end] } else { &[] };
    let test = |p: &[u8]| {
        start <= end
            && if at_end {
                window.ends_with(p)
            } else {
                window.starts_with(p)
            }
    };
    let candidates = match &args.pos[0] {
        Value::Tuple(items) => items.to_vec(),
        other => vec![other.clone()],
    };
    for candidate in &candidates {
        let p = bytes_arg(candidate).map_err(|_| {
            type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                type_of(candidate).name()
            ))
        })?;
        if test(&p) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    affix("startswith", recv, &args, false)
}

fn endswith(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    affix("endswith", recv, &args, true)
}

fn mapped(name: &str, recv: &Value, args: &Args, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    count_range(name, args, 0, 0)?;
    Ok(bytes(f(&this(recv))))
}

fn upper(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    mapped("upper", recv, &args, |b| b.to_ascii_uppercase())
}

fn lower(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    mapped("lower", recv, &args, |b| b.to_ascii_lowercase())
}

fn swapcase(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    mapped("swapcase", recv, &args, |b| {
        b.iter()
            .map(|&c| match c {
                b'a'..=b'z' => c.to_ascii_uppercase(),
                b'A'..=b'Z' => c.to_ascii_lowercase(),
                _ => c,
            })
            .collect()
    })
}

fn capitalize(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    mapped("capitalize", recv, &args, |b| {
        b.iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn title(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    mapped("title", recv, &args, |b| {
        let mut previous_cased = false;
        b.iter()
            .map(|&c| {
                let out = if previous_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                previous_cased = c.is_ascii_alphabetic();
                out
            })
            .collect()
    })
}

fn predicate(
    name: &str,
    recv: &Value,
    args: &Args,
    test: impl Fn(&[u8]) -> bool,
) -> PyResult<Value> {
    count_range(name, args, 0, 0)?;
    Ok(Value::Bool(test(&this(recv))))
}

fn all_of(b: &[u8], f: impl Fn(&u8) -> bool) -> bool {
    !b.is_empty() && b.iter().all(f)
}

fn isdigit(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    predicate("isdigit", recv, &args, |b| all_of(b, u8::is_ascii_digit))
}

fn isalpha(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    predicate("isalpha", recv, &args, |b| {
        all_of(b, u8::is_ascii_alphabetic)
    })
}

fn isalnum(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    predicate("isalnum", recv, &args, |b| {
        all_of(b, u8::is_ascii_alphanumeric)
    })
}

fn isspace(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    predicate("isspace", recv, &args, |b| all_of(b, |&c| is_space(c)))
}

fn isascii(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    predicate("isascii", recv, &args, |b| b.is_ascii())
}

/// `islower`/`isupper`: some cased byte, and none of the other case.
fn cased(b: &[u8], lower: bool) -> bool {
    let has = |f: fn(&u8) -> bool| b.iter().any(f);
    if lower {
        has(u8::is_ascii_lowercase) && !has(u8::is_ascii_uppercase)
    } else {
        has(u8::is_ascii_uppercase) && !has(u8::is_ascii_lowercase)
    }
}

fn islower(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    predicate("islower", recv, &args, |b| cased(b, true))
}

fn isupper(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    predicate("isupper", recv, &args, |b| cased(b, false))
}

/// Cased bytes only in title case: an uppercase one never after a cased one,
/// a lowercase one always after one; and at least one cased byte.
fn istitle(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    predicate("istitle", recv, &args, |b| {
        let (mut previous_cased, mut any) = (false, false);
        for c in b {
            if c.is_ascii_uppercase() && previous_cased || c.is_ascii_lowercase() && !previous_cased
            {
                return false;
            }
            previous_cased = c.is_ascii_alphabetic();
            any |= previous_cased;
        }
        any
    })
}

fn partition_at(recv: &Value, args: &Args, name: &str, reverse: bool) -> PyResult<Value> {
    count_range(name, args, 1, 1)?;
    let b = this(recv);
    let sep = bytes_arg(&args.pos[0])?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let found = if reverse {
        rfind_in(&b, &sep)
    } else {
        find_in(&b, &sep, 0)
    };
    let parts = match found {
        Some(i) => [&b[..i], &sep[..], &b[i + sep.len()..]],
        None if reverse => [&[][..], &[][..], &b[..]],
        None => [&b[..], &[][..], &[][..]],
    };
    Ok(Value::tuple(
        parts.iter().map(|p| bytes(p.to_vec())).collect(),
    ))
}

fn partition(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    partition_at(recv, &args, "partition", false)
}

fn rpartition(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    partition_at(recv, &args, "rpartition", true)
}

fn splitlines(_vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let keep_kw = args.take_kw("keepends");
    reject_kwargs("splitlines", &args)?;
    takes_range("splitlines", &args, 0, 1)?;
    let keep = match args.pos.first().cloned().or(keep_kw) {
        Some(v) => index_arg(&v)? != 0,
        None => false,
    };
    let b = this(recv);
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let end_len = match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => 0,
        };
        if end_len == 0 {
            i += 1;
            continue;
        }
        let end = if keep { i + end_len } else { i };
        parts.push(&b[start..end]);
        i += end_len;
        start = i;
    }
    if start < b.len() {
        parts.push(&b[start..]);
    }
    Ok(list_of(parts))
}

/// `center`/`ljust`/`rjust`: `width` and an optional single fill byte.
/// A width past the size cap is MemoryError before anything is built.
fn pad_args(vm: &mut Vm, name: &str, args: &Args) -> PyResult<(usize, u8)> {
    count_range(name, args, 1, 2)?;
    let width = index_arg(&args.pos[0])?.max(0) as usize;
    vm.check_size(width)?;
    let fill = match args.pos.get(1) {
        None => b' ',
        Some(v) => match bytes_arg(v) {
            Ok(f) if f.len() == 1 => f[0],
            _ => {
                return Err(type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    type_of(v).name()
                )))
            }
        },
    };
    Ok((width, fill))
}

fn padded(b: &[u8], left: usize, right: usize, fill: u8) -> Value {
    let mut out = vec![fill; left];
    out.extend_from_slice(b);
    out.extend(std::iter::repeat_n(fill, right));
    bytes(out)
}

fn center(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let (width, fill) = pad_args(vm, "center", &args)?;
    let b = this(recv);
    let total = width.saturating_sub(b.len());
    // stringlib's pad: the odd byte goes left when the width is odd.
    let left = total / 2 + (total & width & 1);
    Ok(padded(&b, left, total - left, fill))
}

fn ljust(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let (width, fill) = pad_args(vm, "ljust", &args)?;
    let b = this(recv);
    Ok(padded(&b, 0, width.saturating_sub(b.len()), fill))
}

fn rjust(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let (width, fill) = pad_args(vm, "rjust", &args)?;
    let b = this(recv);
    Ok(padded(&b, width.saturating_sub(b.len()), 0, fill))
}

fn zfill(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("zfill", &args, 1, 1)?;
    let width = index_arg(&args.pos[0])?.max(0) as usize;
    vm.check_size(width)?;
    let b = this(recv);
    if b.len() >= width {
        return Ok(bytes(b.to_vec()));
    }
    let fill = width - b.len();
    let mut out = vec![b'0'; fill];
    out.extend_from_slice(&b);
    if matches!(b.first(), Some(b'+' | b'-')) {
        out[0] = b[0];
        out[fill] = b'0';
    }
    Ok(bytes(out))
}

fn removeprefix(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("removeprefix", &args, 1, 1)?;
    let b = this(recv);
    let p = bytes_arg(&args.pos[0])?;
    Ok(bytes(b.strip_prefix(&p[..]).unwrap_or(&b).to_vec()))
}

fn removesuffix(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("removesuffix", &args, 1, 1)?;
    let b = this(recv);
    let p = bytes_arg(&args.pos[0])?;
    Ok(bytes(b.strip_suffix(&p[..]).unwrap_or(&b).to_vec()))
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
    let mut out = Vec::new();
    let mut column = 0i64;
    for &c in this(recv).iter() {
        match c {
            b'\t' => {
                if size > 0 {
                    let n = size - column % size;
                    vm.check_size(out.len().saturating_add(n as usize))?;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    column += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(bytes(out))
}

/// `bytes.fromhex(string)`: pairs of hex digits, spaces between pairs.
fn fromhex(_vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    count_range("fromhex", &args, 1, 1)?;
    let Value::Str(s) = &args.pos[0] else {
        return Err(type_error(format!(
            "fromhex() argument must be str, not {}",
            type_of(&args.pos[0]).name()
        )));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let digit = |k: usize| chars.get(k).and_then(|c| c.to_digit(16));
        match (digit(i), digit(i + 1)) {
            (Some(hi), Some(lo)) => out.push((hi * 16 + lo) as u8),
            (Some(_), None) => {
                return Err(exc(
                    TypeId::ValueError,
                    format!(
                        "non-hexadecimal number found in fromhex() arg at position {}",
                        i + 1
                    ),
                ))
            }
            _ => {
                return Err(exc(
                    TypeId::ValueError,
                    format!("non-hexadecimal number found in fromhex() arg at position {i}"),
                ))
            }
        }
        i += 2;
    }
    Ok(bytes(out))
}
