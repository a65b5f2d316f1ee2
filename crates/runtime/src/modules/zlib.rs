//! `zlib`: the checksums `crc32` and `adler32`, as CPython computes them, and
//! `compress`/`decompress` of zlib, gzip and raw deflate streams (the `wbits` of
//! CPython), inflated by `miniz_oxide` with inflate.c's header and trailer checks and
//! messages. Compressed bytes are zlib 1.2.13's only at level 0 up to 65531 bytes:
//! other levels deflate with `miniz_oxide`, whose choices differ from zlib's (the
//! data decompress the same; docs/differences.md). The Python half
//! (`python/zlib.py`) defines `zlib.error` and the constants.

use std::rc::Rc;

use crate::builtins::args::{count_range, reject_kwargs};
use crate::object::bytearray::bytes_like;
use crate::object::exceptions::{type_error, value_error};
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, ExcRef, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[
        ("crc32", crc32),
        ("adler32", adler32),
        ("compress", compress),
        ("decompress", decompress),
        ("compressobj", super::zlib_stream::compressobj),
        ("decompressobj", super::zlib_stream::decompressobj),
    ];
    let slots = vm.slots.get_mut(TypeId::ZlibDecompress);
    slots.methods = super::zlib_stream::DECOMPRESS_METHODS;
    slots.getattr = Some(super::zlib_stream::decompress_attribute);
    vm.slots.get_mut(TypeId::ZlibCompress).methods = super::zlib_stream::COMPRESS_METHODS;
    let m = super::native_module(
        "zlib",
        stdlib_path!("lib-dynload/zlib.cpython-311-x86_64-linux-gnu.so"),
        FUNCTIONS,
    );
    vm.run_library_file(&m, library_file!("modules/python/zlib.py"))?;
    Ok(m)
}

/// The data and starting value of a checksum call (`value` is taken
/// modulo 2**32, as CPython's `unsigned int` converter does).
fn checksum_args(name: &str, args: &Args, initial: u32) -> PyResult<(Rc<[u8]>, u32)> {
    reject_kwargs(name, args)?;
    count_range(name, args, 1, 2)?;
    let data = bytes_like(&args.pos[0]).ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_of(&args.pos[0]).name()
        ))
    })?;
    let value = match args.pos.get(1) {
        None => initial,
        Some(Value::Int(n)) => *n as u32,
        Some(Value::Bool(b)) => *b as u32,
        Some(Value::BigInt(b)) => {
            let low = b.iter_u32_digits().next().unwrap_or(0);
            if b.sign() == num_bigint::Sign::Minus {
                low.wrapping_neg()
            } else {
                low
            }
        }
        Some(other) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_of(other).name()
            )))
        }
    };
    Ok((data, value))
}

fn crc32(_: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let (data, value) = checksum_args("crc32", &args, 0)?;
    Ok(Value::Int(i64::from(crc(value, &data))))
}

/// CRC-32 of `data` continuing from `value` (zlib's, bit by bit).
pub(super) fn crc(value: u32, data: &[u8]) -> u32 {
    let mut crc = !value;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

fn adler32(_: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let (data, value) = checksum_args("adler32", &args, 1)?;
    Ok(Value::Int(i64::from(adler(value, &data))))
}

/// Adler-32 of `data` continuing from `value`.
pub(super) fn adler(value: u32, data: &[u8]) -> u32 {
    const MODULUS: u32 = 65521;
    let (mut a, mut b) = (value & 0xffff, value >> 16);
    for &byte in data {
        a = (a + u32::from(byte)) % MODULUS;
        b = (b + a) % MODULUS;
    }
    (b << 16) | a
}

/// `zlib.error(message)`, the module's own exception class.
pub(super) fn zlib_error(vm: &mut Vm, message: &str) -> ExcRef {
    let made = vm
        .import("zlib")
        .and_then(|m| crate::attrs::get_attr(vm, &m, "error"))
        .and_then(|class| vm.call1(&class, Value::str(message)));
    match made {
        Ok(Value::Exception(e)) | Err(e) => e,
        Ok(_) => type_error("zlib.error is not an exception class"),
    }
}

pub(super) fn bytes_arg(v: &Value) -> PyResult<Rc<[u8]>> {
    bytes_like(v).ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_of(v).name()
        ))
    })
}

/// The data argument (positional only), with Argument Clinic's messages.
pub(super) fn first_positional<'a>(name: &str, args: &'a Args) -> PyResult<&'a Value> {
    crate::builtins::args::takes_range(name, args, 0, 3)?;
    args.pos.first().ok_or_else(|| {
        type_error(format!(
            "{name}() takes at least 1 positional argument (0 given)"
        ))
    })
}

pub(super) fn int_arg(v: Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => crate::builtins::args::index_arg(&v),
    }
}

/// The container a `wbits` asks for.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Wrapper {
    Zlib,
    Raw,
    Gzip,
    /// Decompression only: zlib or gzip, whichever the header says.
    Auto,
}

/// `zlib.compress(data, /, level=-1, wbits=15)`.
fn compress(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let level_kw = args.take_kw("level");
    let wbits_kw = args.take_kw("wbits");
    reject_kwargs("compress", &args)?;
    let data = bytes_arg(first_positional("compress", &args)?)?;
    let level = int_arg(args.pos.get(1).cloned().or(level_kw), -1)?;
    let wbits = int_arg(args.pos.get(2).cloned().or(wbits_kw), 15)?;
    let level = if level == -1 { 6 } else { level };
    let wrapper = match wbits {
        8..=15 => Wrapper::Zlib,
        -15..=-9 => Wrapper::Raw,
        24..=31 => Wrapper::Gzip,
        _ => return Err(zlib_error(vm, "Bad compression level")),
    };
    if !(0..=9).contains(&level) {
        return Err(zlib_error(vm, "Bad compression level"));
    }
    vm.check_size(data.len() + data.len() / 1000 + 64)?;
    let level = level as u8;
    let body = if level == 0 {
        stored_blocks(&data)
    } else {
        miniz_oxide::deflate::compress_to_vec(&data, level)
    };
    let mut out = container_header(wrapper, level, wbits);
    out.extend_from_slice(&body);
    match wrapper {
        Wrapper::Zlib => out.extend_from_slice(&adler(1, &data).to_be_bytes()),
        Wrapper::Raw => {}
        Wrapper::Gzip | Wrapper::Auto => {
            out.extend_from_slice(&crc(0, &data).to_le_bytes());
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        }
    }
    Ok(Value::Bytes(Rc::from(out)))
}

/// What deflate.c writes before the deflate data: zlib's two bytes (the window,
/// 8 becoming 9 as zlib has it, and the level's flag), gzip's ten, or nothing.
pub(super) fn container_header(wrapper: Wrapper, level: u8, wbits: i64) -> Vec<u8> {
    match wrapper {
        Wrapper::Zlib => {
            let window = (wbits.max(9) - 8) as u16;
            let level_flags: u16 = match level {
                0 | 1 => 0,
                2..=5 => 1,
                6 => 2,
                _ => 3,
            };
            let mut header = ((8 + (window << 4)) << 8) | (level_flags << 6);
            header += 31 - header % 31;
            header.to_be_bytes().to_vec()
        }
        Wrapper::Raw => Vec::new(),
        Wrapper::Gzip | Wrapper::Auto => {
            let extra_flags = match level {
                9 => 2,
                0 | 1 => 4,
                _ => 0,
            };
            vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, extra_flags, 3]
        }
    }
}

/// Level 0: stored blocks, as zlib writes one of at most 65531 bytes (the pending
/// buffer's size less a block header); longer data is cut in blocks of that size.
fn stored_blocks(data: &[u8]) -> Vec<u8> {
    stored_run(data, true)
}

/// Stored blocks of `data`, the last one final when `last` (an empty final block
/// for no data), or none for no data that is not last.
pub(super) fn stored_run(data: &[u8], last: bool) -> Vec<u8> {
    const MAX_BLOCK: usize = 65531;
    let mut out = Vec::with_capacity(data.len() + 5 * (data.len() / MAX_BLOCK + 1));
    let mut chunks = data.chunks(MAX_BLOCK).peekable();
    if chunks.peek().is_none() && last {
        out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    }
    while let Some(chunk) = chunks.next() {
        out.push(u8::from(last && chunks.peek().is_none()));
        let len = chunk.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    out
}

/// `zlib.decompress(data, /, wbits=15, bufsize=16384)`.
fn decompress(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let wbits_kw = args.take_kw("wbits");
    let bufsize_kw = args.take_kw("bufsize");
    reject_kwargs("decompress", &args)?;
    let data = bytes_arg(first_positional("decompress", &args)?)?;
    let wbits = int_arg(args.pos.get(1).cloned().or(wbits_kw), 15)?;
    if int_arg(args.pos.get(2).cloned().or(bufsize_kw), 16384)? < 0 {
        return Err(value_error("bufsize must be non-negative"));
    }
    let Some((wrapper, window)) = wrapper_of(wbits) else {
        let message = "Error -2 while preparing to decompress data: inconsistent stream state";
        return Err(zlib_error(vm, message));
    };
    match inflate_container(vm, &data, wrapper, window) {
        Ok(out) => Ok(Value::Bytes(Rc::from(out))),
        Err(Failure::Zlib(code, what)) => Err(zlib_error(
            vm,
            &format!("Error {code} while decompressing data: {what}"),
        )),
        Err(Failure::Python(e)) => Err(e),
    }
}

/// inflateReset2: the container from the high bits of `wbits`, then a window of 0
/// (the header's) or 8 to 15.
pub(super) fn wrapper_of(wbits: i64) -> Option<(Wrapper, i64)> {
    Some(match wbits {
        0 => (Wrapper::Zlib, 0),
        8..=15 => (Wrapper::Zlib, wbits),
        -15..=-8 => (Wrapper::Raw, -wbits),
        16 | 24..=31 => (Wrapper::Gzip, wbits - 16),
        32 | 40..=47 => (Wrapper::Auto, wbits - 32),
        _ => return None,
    })
}

/// Why a stream could not be inflated: zlib's code and message, or an error of the run
/// (MemoryError).
pub(super) enum Failure {
    Zlib(i32, &'static str),
    Python(ExcRef),
}

pub(super) const TRUNCATED: Failure = Failure::Zlib(-5, "incomplete or truncated stream");

pub(super) fn corrupt(what: &'static str) -> Failure {
    Failure::Zlib(-3, what)
}

/// The data of a zlib, gzip or raw stream (inflate.c's header and trailer checks); a
/// `window` of 0 takes the zlib header's.
fn inflate_container(
    vm: &mut Vm,
    data: &[u8],
    wrapper: Wrapper,
    window: i64,
) -> Result<Vec<u8>, Failure> {
    let wrapper = match wrapper {
        Wrapper::Auto if data.starts_with(&[0x1f, 0x8b]) => Wrapper::Gzip,
        Wrapper::Auto => Wrapper::Zlib,
        other => other,
    };
    match wrapper {
        Wrapper::Raw => inflate_raw(vm, data).map(|(out, _)| out),
        Wrapper::Zlib | Wrapper::Auto => {
            check_zlib_header(data, window)?;
            let (out, used) = inflate_raw(vm, &data[2..])?;
            let trailer = data.get(2 + used..2 + used + 4).ok_or(TRUNCATED)?;
            if trailer != adler(1, &out).to_be_bytes() {
                return Err(corrupt("incorrect data check"));
            }
            Ok(out)
        }
        Wrapper::Gzip => {
            if data.len() >= 2 && !data.starts_with(&[0x1f, 0x8b]) {
                return Err(corrupt("incorrect header check"));
            }
            let body = gzip_body(data)?;
            let (out, used) = inflate_raw(vm, &data[body..])?;
            let trailer = data.get(body + used..body + used + 8).ok_or(TRUNCATED)?;
            if trailer[..4] != crc(0, &out).to_le_bytes() {
                return Err(corrupt("incorrect data check"));
            }
            if trailer[4..] != (out.len() as u32).to_le_bytes() {
                return Err(corrupt("incorrect length check"));
            }
            Ok(out)
        }
    }
}

/// inflate.c's checks of a zlib header (its first two bytes).
pub(super) fn check_zlib_header(data: &[u8], window: i64) -> Result<(), Failure> {
    let [cmf, flg, ..] = *data else {
        return Err(TRUNCATED);
    };
    if (u16::from(cmf) << 8 | u16::from(flg)) % 31 != 0 {
        return Err(corrupt("incorrect header check"));
    }
    if cmf & 0x0f != 8 {
        return Err(corrupt("unknown compression method"));
    }
    let header_window = i64::from(cmf >> 4) + 8;
    if header_window > 15 || (window != 0 && header_window > window) {
        return Err(corrupt("invalid window size"));
    }
    if flg & 0x20 != 0 {
        return Err(corrupt("need dictionary"));
    }
    Ok(())
}

/// Where a gzip member's deflate data starts (after its optional fields).
pub(super) fn gzip_body(data: &[u8]) -> Result<usize, Failure> {
    let header = data.get(..10).ok_or(TRUNCATED)?;
    if header[2] != 8 {
        return Err(corrupt("unknown compression method"));
    }
    let flags = header[3];
    if flags & 0xe0 != 0 {
        return Err(corrupt("unknown header flags set"));
    }
    let mut at = 10;
    if flags & 4 != 0 {
        let extra = data.get(at..at + 2).ok_or(TRUNCATED)?;
        at += 2 + usize::from(u16::from_le_bytes([extra[0], extra[1]]));
    }
    for flag in [8, 16] {
        if flags & flag != 0 {
            let end = data
                .get(at..)
                .and_then(|rest| rest.iter().position(|&b| b == 0));
            at += end.ok_or(TRUNCATED)? + 1;
        }
    }
    if flags & 2 != 0 {
        at += 2;
    }
    if at > data.len() {
        return Err(TRUNCATED);
    }
    Ok(at)
}

/// A raw deflate stream's data and how many bytes of `input` it took.
fn inflate_raw(vm: &mut Vm, input: &[u8]) -> Result<(Vec<u8>, usize), Failure> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    // A first block of the reserved type 3 is the commonest corruption; miniz_oxide's
    // failures say no more than that they failed.
    if input.first().is_some_and(|b| (b >> 1) & 3 == 3) {
        return Err(corrupt("invalid block type"));
    }
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut out = vec![0; input.len().saturating_mul(4).clamp(64, 1 << 20)];
    let mut state = Box::<DecompressorOxide>::default();
    let (mut out_pos, mut in_pos) = (0, 0);
    loop {
        let (status, taken, written) =
            decompress(&mut state, &input[in_pos..], &mut out, out_pos, flags);
        out_pos += written;
        in_pos += taken;
        match status {
            TINFLStatus::Done => {
                out.truncate(out_pos);
                return Ok((out, in_pos));
            }
            TINFLStatus::HasMoreOutput => {
                let bigger = out.len().saturating_mul(2);
                vm.check_size(bigger).map_err(Failure::Python)?;
                out.resize(bigger, 0);
            }
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                return Err(TRUNCATED)
            }
            _ => return Err(corrupt("invalid deflate data")),
        }
    }
}
