//! `zlib.decompressobj()` and `zlib.compressobj()`: streams fed in pieces.
//!
//! A `Decompress` reads the container's header as its bytes arrive, inflates
//! with a `miniz_oxide` state kept between calls (output capped by
//! `max_length`, the input it did not reach left in `unconsumed_tail`), checks
//! the trailer, and keeps what follows the stream in `unused_data`, with
//! inflate.c's messages. A `Compress` writes zlib's header at its first call,
//! stored blocks at level 0 as zlib does, `miniz_oxide`'s deflate otherwise
//! (docs/differences.md), and the trailer at `Z_FINISH`.

use std::cell::RefCell;
use std::rc::Rc;

use miniz_oxide::deflate::core::{compress, CompressorOxide, TDEFLFlush, TDEFLStatus};
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

use super::zlib::{adler, crc, gzip_body, zlib_error, Failure, Wrapper};
use crate::builtins::args::reject_kwargs;
use crate::object::exceptions::value_error;
use crate::object::native::{downcast, NativeObject};
use crate::object::types::TypeId;
use crate::object::value::{address_of_ptr, Args, NativeFn, PyResult, Value};
use crate::vm::Vm;

/// Where a decompressor is in its stream.
#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Header,
    Body,
    Trailer,
    Done,
}

#[derive(Clone)]
struct Inflating {
    wrapper: Wrapper,
    window: i64,
    phase: Phase,
    body_started: bool,
    /// The header's or the trailer's bytes read so far.
    pending: Vec<u8>,
    inflater: Box<DecompressorOxide>,
    /// Everything inflated so far (the window back-references reach into).
    out: Vec<u8>,
    delivered: usize,
    unused_data: Rc<[u8]>,
    unconsumed_tail: Rc<[u8]>,
}

/// A `zlib.Decompress` object.
pub struct Decompressor {
    state: RefCell<Inflating>,
}

impl NativeObject for Decompressor {
    fn class_id(&self) -> TypeId {
        TypeId::ZlibDecompress
    }

    fn repr(&self) -> String {
        let address = address_of_ptr(self as *const Decompressor as usize);
        format!("<zlib.Decompress object at {address:#x}>")
    }
}

pub const DECOMPRESS_METHODS: &[(&str, NativeFn)] = &[
    ("decompress", decompress_method),
    ("flush", flush_decompress),
    ("copy", copy_decompress),
];

/// `zlib.decompressobj(wbits=15, zdict=b'')`.
pub fn decompressobj(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let wbits_kw = args.take_kw("wbits");
    if args.take_kw("zdict").is_some() {
        return Err(value_error("zdict is not supported in Loopscope"));
    }
    reject_kwargs("decompressobj", &args)?;
    crate::builtins::args::takes_range("decompressobj", &args, 0, 2)?;
    let wbits = super::zlib::int_arg(args.pos.first().cloned().or(wbits_kw), 15)?;
    let Some((wrapper, window)) = super::zlib::wrapper_of(wbits) else {
        let message = "Error -2 while preparing to decompress data: inconsistent stream state";
        return Err(zlib_error(vm, message));
    };
    let phase = if wrapper == Wrapper::Raw {
        Phase::Body
    } else {
        Phase::Header
    };
    Ok(Value::Native(Rc::new(Decompressor {
        state: RefCell::new(Inflating {
            wrapper,
            window,
            phase,
            body_started: false,
            pending: Vec::new(),
            inflater: Box::default(),
            out: Vec::new(),
            delivered: 0,
            unused_data: Rc::from(&b""[..]),
            unconsumed_tail: Rc::from(&b""[..]),
        }),
    })))
}

fn decompressor(recv: &Value) -> PyResult<Rc<Decompressor>> {
    downcast::<Decompressor>(recv).ok_or_else(|| value_error("not a zlib.Decompress object"))
}

/// `Decompress.eof`, `.unused_data`, `.unconsumed_tail`.
pub fn decompress_attribute(_vm: &mut Vm, recv: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(d) = downcast::<Decompressor>(recv) else {
        return Ok(None);
    };
    let state = d.state.borrow();
    Ok(match name {
        "eof" => Some(Value::Bool(state.phase == Phase::Done)),
        "unused_data" => Some(Value::Bytes(state.unused_data.clone())),
        "unconsumed_tail" => Some(Value::Bytes(state.unconsumed_tail.clone())),
        _ => None,
    })
}

impl Inflating {
    /// Take `input` as far as the stream goes, inflating at most `limit`
    /// more bytes (None: no limit); what it did not reach comes back.
    fn feed<'a>(
        &mut self,
        vm: &mut Vm,
        mut input: &'a [u8],
        limit: Option<usize>,
    ) -> Result<&'a [u8], Failure> {
        let cap = limit.map(|l| self.out.len() + l);
        loop {
            match self.phase {
                Phase::Done => {
                    let mut unused = self.unused_data.to_vec();
                    unused.extend_from_slice(input);
                    self.unused_data = Rc::from(unused);
                    return Ok(&[]);
                }
                Phase::Header => {
                    if input.is_empty() {
                        return Ok(input);
                    }
                    self.pending.push(input[0]);
                    input = &input[1..];
                    self.read_header()?;
                }
                Phase::Body => {
                    if input.is_empty() || cap.is_some_and(|c| self.out.len() >= c) {
                        return Ok(input);
                    }
                    // A first block of the reserved type 3 is the commonest
                    // corruption; miniz_oxide only says that it failed.
                    if !self.body_started && (input[0] >> 1) & 3 == 3 {
                        return Err(super::zlib::corrupt("invalid block type"));
                    }
                    self.body_started = true;
                    let taken = self.inflate(vm, input, cap)?;
                    input = &input[taken..];
                    if self.phase == Phase::Body {
                        return Ok(input);
                    }
                }
                Phase::Trailer => {
                    let size = match self.wrapper {
                        Wrapper::Gzip => 8,
                        Wrapper::Raw => 0,
                        _ => 4,
                    };
                    let wanted = size - self.pending.len();
                    let take = wanted.min(input.len());
                    self.pending.extend_from_slice(&input[..take]);
                    input = &input[take..];
                    if self.pending.len() < size {
                        return Ok(input);
                    }
                    self.check_trailer()?;
                    self.phase = Phase::Done;
                }
            }
        }
    }

    /// The header so far: complete (on to the body), incomplete, or wrong.
    fn read_header(&mut self) -> Result<(), Failure> {
        if self.wrapper == Wrapper::Auto {
            if self.pending.len() < 2 {
                return Ok(());
            }
            self.wrapper = if self.pending.starts_with(&[0x1f, 0x8b]) {
                Wrapper::Gzip
            } else {
                Wrapper::Zlib
            };
        }
        match self.wrapper {
            Wrapper::Gzip => {
                if self.pending.len() >= 2 && !self.pending.starts_with(&[0x1f, 0x8b]) {
                    return Err(super::zlib::corrupt("incorrect header check"));
                }
                match gzip_body(&self.pending) {
                    Ok(_) => {
                        self.pending.clear();
                        self.phase = Phase::Body;
                        Ok(())
                    }
                    Err(Failure::Zlib(-5, _)) => Ok(()),
                    Err(other) => Err(other),
                }
            }
            _ => {
                if self.pending.len() < 2 {
                    return Ok(());
                }
                super::zlib::check_zlib_header(&self.pending, self.window)?;
                self.pending.clear();
                self.phase = Phase::Body;
                Ok(())
            }
        }
    }

    /// Inflate from `input` into `out` (up to `cap`); the bytes taken.
    fn inflate(&mut self, vm: &mut Vm, input: &[u8], cap: Option<usize>) -> Result<usize, Failure> {
        let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF
            | inflate_flags::TINFL_FLAG_HAS_MORE_INPUT;
        let mut taken_total = 0;
        loop {
            let room = (input.len() - taken_total)
                .saturating_mul(4)
                .clamp(64, 1 << 20);
            let mut end = self.out.len() + room;
            if let Some(cap) = cap {
                end = end.min(cap);
            }
            vm.check_size(end).map_err(Failure::Python)?;
            let start = self.out.len();
            self.out.resize(end, 0);
            let (status, taken, written) = decompress(
                &mut self.inflater,
                &input[taken_total..],
                &mut self.out,
                start,
                flags,
            );
            self.out.truncate(start + written);
            taken_total += taken;
            match status {
                TINFLStatus::Done => {
                    self.phase = Phase::Trailer;
                    return Ok(taken_total);
                }
                TINFLStatus::NeedsMoreInput => return Ok(taken_total),
                TINFLStatus::HasMoreOutput => {
                    if cap.is_some_and(|c| self.out.len() >= c) {
                        return Ok(taken_total);
                    }
                }
                _ => return Err(super::zlib::corrupt("invalid deflate data")),
            }
        }
    }

    fn check_trailer(&self) -> Result<(), Failure> {
        let data = &self.out;
        match self.wrapper {
            Wrapper::Gzip => {
                if self.pending[..4] != crc(0, data).to_le_bytes() {
                    return Err(super::zlib::corrupt("incorrect data check"));
                }
                if self.pending[4..] != (data.len() as u32).to_le_bytes() {
                    return Err(super::zlib::corrupt("incorrect length check"));
                }
            }
            Wrapper::Raw => {}
            _ => {
                if self.pending[..] != adler(1, data).to_be_bytes() {
                    return Err(super::zlib::corrupt("incorrect data check"));
                }
            }
        }
        Ok(())
    }

    /// The output not handed out yet.
    fn take_output(&mut self) -> Value {
        let new = &self.out[self.delivered..];
        self.delivered = self.out.len();
        Value::Bytes(Rc::from(new))
    }
}

fn failure(vm: &mut Vm, f: Failure) -> crate::object::value::ExcRef {
    match f {
        Failure::Zlib(code, what) => zlib_error(
            vm,
            &format!("Error {code} while decompressing data: {what}"),
        ),
        Failure::Python(e) => e,
    }
}

/// `Decompress.decompress(data, /, max_length=0)`.
fn decompress_method(vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let d = decompressor(recv)?;
    let max_kw = args.take_kw("max_length");
    reject_kwargs("decompress", &args)?;
    let data = super::zlib::bytes_arg(super::zlib::first_positional("decompress", &args)?)?;
    let max_length = super::zlib::int_arg(args.pos.get(1).cloned().or(max_kw), 0)?;
    if max_length < 0 {
        return Err(value_error("max_length must be non-negative"));
    }
    let limit = (max_length > 0).then_some(max_length as usize);
    let mut state = d.state.borrow_mut();
    let left = state.feed(vm, &data, limit).map_err(|f| failure(vm, f))?;
    state.unconsumed_tail = Rc::from(left);
    Ok(state.take_output())
}

/// `Decompress.flush(length=16384)`: the input left in `unconsumed_tail`
/// inflated, and all the output not yet handed out.
fn flush_decompress(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let d = decompressor(recv)?;
    crate::builtins::args::takes_range("flush", &args, 0, 1)?;
    if let Some(length) = args.pos.first() {
        if crate::builtins::args::index_arg(length)? <= 0 {
            return Err(value_error("length must be greater than zero"));
        }
    }
    let mut state = d.state.borrow_mut();
    let tail = state.unconsumed_tail.clone();
    let left = state.feed(vm, &tail, None).map_err(|f| failure(vm, f))?;
    state.unconsumed_tail = Rc::from(left);
    Ok(state.take_output())
}

fn copy_decompress(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    crate::builtins::args::no_args("copy", &args)?;
    let d = decompressor(recv)?;
    let state = d.state.borrow().clone();
    Ok(Value::Native(Rc::new(Decompressor {
        state: RefCell::new(state),
    })))
}

/// A `zlib.Compress` object.
pub struct Compressor {
    state: RefCell<Deflating>,
}

struct Deflating {
    wrapper: Wrapper,
    level: u8,
    window: i64,
    header_written: bool,
    finished: bool,
    /// Level 0: the input since the last flush (zlib's stored blocks).
    stored: Vec<u8>,
    deflater: Box<CompressorOxide>,
    /// The checksum and length of everything taken.
    adler: u32,
    crc: u32,
    length: u32,
}

impl NativeObject for Compressor {
    fn class_id(&self) -> TypeId {
        TypeId::ZlibCompress
    }

    fn repr(&self) -> String {
        let address = address_of_ptr(self as *const Compressor as usize);
        format!("<zlib.Compress object at {address:#x}>")
    }
}

pub const COMPRESS_METHODS: &[(&str, NativeFn)] =
    &[("compress", compress_method), ("flush", flush_compress)];

/// `zlib.compressobj(level=-1, method=8, wbits=15, memLevel=8, strategy=0, zdict=None)`.
pub fn compressobj(_vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    const NAMES: [&str; 5] = ["level", "method", "wbits", "memLevel", "strategy"];
    if args.take_kw("zdict").is_some() {
        return Err(value_error("zdict is not supported in Loopscope"));
    }
    let mut given: Vec<Option<Value>> = NAMES.iter().map(|n| args.take_kw(n)).collect();
    reject_kwargs("compressobj", &args)?;
    crate::builtins::args::takes_range("compressobj", &args, 0, 5)?;
    for (i, v) in args.pos.iter().enumerate() {
        given[i] = Some(v.clone());
    }
    let level = super::zlib::int_arg(given[0].clone(), -1)?;
    let method = super::zlib::int_arg(given[1].clone(), 8)?;
    let wbits = super::zlib::int_arg(given[2].clone(), 15)?;
    let mem_level = super::zlib::int_arg(given[3].clone(), 8)?;
    let strategy = super::zlib::int_arg(given[4].clone(), 0)?;
    let level = if level == -1 { 6 } else { level };
    let wrapper = match wbits {
        8..=15 => Some(Wrapper::Zlib),
        -15..=-9 => Some(Wrapper::Raw),
        24..=31 => Some(Wrapper::Gzip),
        _ => None,
    };
    let (Some(wrapper), true, true, true, true) = (
        wrapper,
        (0..=9).contains(&level),
        method == 8,
        (1..=9).contains(&mem_level),
        (0..=4).contains(&strategy),
    ) else {
        return Err(value_error("Invalid initialization option"));
    };
    let flags = miniz_oxide::deflate::core::create_comp_flags_from_zip_params(
        level as i32,
        -15,
        strategy as i32,
    );
    Ok(Value::Native(Rc::new(Compressor {
        state: RefCell::new(Deflating {
            wrapper,
            level: level as u8,
            window: wbits,
            header_written: false,
            finished: false,
            stored: Vec::new(),
            deflater: Box::new(CompressorOxide::new(flags)),
            adler: 1,
            crc: 0,
            length: 0,
        }),
    })))
}

fn compressor(recv: &Value) -> PyResult<Rc<Compressor>> {
    downcast::<Compressor>(recv).ok_or_else(|| value_error("not a zlib.Compress object"))
}

impl Deflating {
    fn header(&mut self, out: &mut Vec<u8>) {
        if self.header_written {
            return;
        }
        self.header_written = true;
        out.extend_from_slice(&super::zlib::container_header(
            self.wrapper,
            self.level,
            self.window,
        ));
    }

    /// Deflate `input` with `flush`, appending to `out`.
    fn deflate(
        &mut self,
        vm: &mut Vm,
        input: &[u8],
        flush: TDEFLFlush,
        out: &mut Vec<u8>,
    ) -> PyResult<()> {
        self.adler = adler(self.adler, input);
        self.crc = crc(self.crc, input);
        self.length = self.length.wrapping_add(input.len() as u32);
        if self.level == 0 {
            self.stored.extend_from_slice(input);
            if flush == TDEFLFlush::None {
                return Ok(());
            }
            let data = std::mem::take(&mut self.stored);
            let finish = flush == TDEFLFlush::Finish;
            out.extend_from_slice(&super::zlib::stored_run(&data, finish));
            if !finish {
                out.extend_from_slice(&[0, 0, 0, 0xff, 0xff]);
            }
            return Ok(());
        }
        let mut taken = 0;
        loop {
            let mut buffer = vec![0; (input.len() - taken).max(1024) + 64];
            vm.check_size(out.len() + buffer.len())?;
            let (status, used, written) =
                compress(&mut self.deflater, &input[taken..], &mut buffer, flush);
            taken += used;
            out.extend_from_slice(&buffer[..written]);
            match status {
                TDEFLStatus::Done => return Ok(()),
                TDEFLStatus::Okay if taken >= input.len() && written < buffer.len() => {
                    return Ok(())
                }
                TDEFLStatus::Okay => {}
                _ => {
                    return Err(value_error(
                        "Error -2 while compressing data: inconsistent stream state",
                    ))
                }
            }
        }
    }

    fn trailer(&self, out: &mut Vec<u8>) {
        match self.wrapper {
            Wrapper::Gzip => {
                out.extend_from_slice(&self.crc.to_le_bytes());
                out.extend_from_slice(&self.length.to_le_bytes());
            }
            Wrapper::Raw => {}
            _ => out.extend_from_slice(&self.adler.to_be_bytes()),
        }
    }
}

/// `Compress.compress(data, /)`.
fn compress_method(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let c = compressor(recv)?;
    crate::builtins::args::exactly_one("compress", &args)?;
    let data = super::zlib::bytes_arg(&args.pos[0])?;
    let mut state = c.state.borrow_mut();
    if state.finished {
        return Err(zlib_error(
            vm,
            "Error -2 while compressing data: inconsistent stream state",
        ));
    }
    let mut out = Vec::new();
    state.header(&mut out);
    state.deflate(vm, &data, TDEFLFlush::None, &mut out)?;
    Ok(Value::Bytes(Rc::from(out)))
}

/// `Compress.flush(mode=zlib.Z_FINISH, /)`.
fn flush_compress(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let c = compressor(recv)?;
    crate::builtins::args::takes_range("flush", &args, 0, 1)?;
    let mode = super::zlib::int_arg(args.pos.first().cloned(), 4)?;
    let flush = match mode {
        0 => return Ok(Value::Bytes(Rc::from(&b""[..]))),
        1 | 2 => TDEFLFlush::Sync,
        3 => TDEFLFlush::Full,
        _ => TDEFLFlush::Finish,
    };
    let mut state = c.state.borrow_mut();
    if state.finished {
        return Err(zlib_error(
            vm,
            "Error -2 while flushing: inconsistent stream state",
        ));
    }
    let mut out = Vec::new();
    state.header(&mut out);
    state.deflate(vm, &[], flush, &mut out)?;
    if flush == TDEFLFlush::Finish {
        state.trailer(&mut out);
        state.finished = true;
    }
    Ok(Value::Bytes(Rc::from(out)))
}
