//! `time` on the virtual clock: `time()`, `monotonic()`, `perf_counter()`
//! read `vm.now`; the `*_ns` variants return `round(now * 1e9)`, exactly as
//! the conformance recorder patches CPython; `sleep()` blocks the loop while
//! the clock advances. `vm.now` is also the wall clock, in seconds since the
//! Unix epoch, in UTC: `strftime`, `asctime`, `ctime` and `mktime` format
//! and read it as the C library does (`strftime.rs`); `gmtime` and
//! `localtime` give `struct_time`s, a class of the module's Python half
//! (`python/time.py`).

use std::rc::Rc;

use loopscope_cpython::float_repr::{float_to_int, round_half_even};

use super::strftime::{self, Tm};
use crate::builtins::args::{count_range, exactly_one, index_arg, no_kwargs};
use crate::object::exceptions::cpython_error;
use crate::object::exceptions::{exc, type_error, value_error};
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[
        ("time", seconds),
        ("monotonic", seconds),
        ("perf_counter", seconds),
        ("time_ns", nanoseconds),
        ("monotonic_ns", nanoseconds),
        ("perf_counter_ns", nanoseconds),
        ("sleep", sleep),
        ("strftime", strftime),
        ("asctime", asctime),
        ("ctime", ctime),
        ("mktime", mktime),
        ("gmtime", gmtime),
        ("localtime", localtime),
    ];
    let m = super::native_module("time", "", FUNCTIONS);
    vm.run_library_file(&m, library_file!("modules/python/time.py"))?;
    {
        let mut attrs = m.attrs.borrow_mut();
        attrs.insert_str("timezone", Value::Int(0));
        attrs.insert_str("altzone", Value::Int(0));
        attrs.insert_str("daylight", Value::Int(0));
        let utc = Value::str("UTC");
        attrs.insert_str("tzname", Value::tuple(vec![utc.clone(), utc]));
    }
    Ok(m)
}

/// `time.strftime(format[, t])`: `t` defaults to `localtime()`.
fn strftime(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("strftime", &args)?;
    count_range("strftime", &args, 1, 2)?;
    let Value::Str(format) = &args.pos[0] else {
        return Err(type_error(format!(
            "strftime() argument 1 must be str, not {}",
            type_of(&args.pos[0]).name()
        )));
    };
    let mut tm = match args.pos.get(1) {
        Some(t) => checked_tm(t, "strftime")?,
        None => local_time(now_seconds(vm))?,
    };
    tm.isdst = tm.isdst.clamp(-1, 1);
    if format.contains('\0') {
        return Err(value_error("embedded null character"));
    }
    Ok(Value::str(&strftime::strftime(format, &tm)))
}

/// `time.asctime([t])`.
fn asctime(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("asctime", &args)?;
    count_range("asctime", &args, 0, 1)?;
    let tm = match args.pos.first() {
        Some(t) => checked_tm(t, "asctime")?,
        None => local_time(now_seconds(vm))?,
    };
    Ok(Value::str(&strftime::asctime(&tm)))
}

/// `time.ctime([secs])`: `asctime(localtime(secs))`.
fn ctime(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let secs = optional_seconds(vm, "ctime", &args)?;
    Ok(Value::str(&strftime::asctime(&local_time(secs)?)))
}

/// `time.gmtime([secs])`: a `struct_time` in UTC (zone "GMT").
fn gmtime(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let secs = optional_seconds(vm, "gmtime", &args)?;
    let tm = strftime::broken_down(secs, "GMT").ok_or_else(year_overflow)?;
    struct_time(vm, &tm)
}

/// `time.localtime([secs])`: a `struct_time` in the local zone, UTC.
fn localtime(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let secs = optional_seconds(vm, "localtime", &args)?;
    struct_time(vm, &local_time(secs)?)
}

/// A `struct_time` of `tm` (in Python's conventions: month 1-12, Monday 0,
/// day of the year from 1).
fn struct_time(vm: &mut Vm, tm: &Tm) -> PyResult<Value> {
    let module = vm.import("time")?;
    let class = crate::attrs::get_attr(vm, &module, "struct_time")?;
    let fields = [
        tm.year,
        tm.mon + 1,
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        (tm.wday + 6) % 7,
        tm.yday + 1,
        tm.isdst,
    ];
    let mut items: Vec<Value> = fields.iter().map(|f| Value::Int(*f)).collect();
    items.push(tm.zone.as_deref().map_or(Value::None, Value::str));
    items.push(Value::Int(tm.gmtoff));
    vm.call(&class, Args::new(vec![Value::tuple(items)]))
}

/// `time.mktime(t)`: the inverse of `localtime`, as a float.
fn mktime(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let t = exactly_one("mktime", &args)?;
    let tm = time_tuple(&t, "mktime")?;
    Ok(Value::Float(strftime::mktime(&tm) as f64))
}

/// `now`, floored to whole seconds as C's `time_t`.
fn now_seconds(vm: &Vm) -> i64 {
    vm.now.floor() as i64
}

/// An optional `secs` argument (None: now), floored to a `time_t`.
fn optional_seconds(vm: &mut Vm, name: &str, args: &Args) -> PyResult<i64> {
    no_kwargs(name, args)?;
    count_range(name, args, 0, 1)?;
    match args.pos.first() {
        None | Some(Value::None) => Ok(now_seconds(vm)),
        Some(Value::Float(f)) => {
            if f.is_nan() {
                return Err(value_error("Invalid value NaN (not a number)"));
            }
            let floored = f.floor();
            if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&floored) {
                return Err(time_t_overflow());
            }
            Ok(floored as i64)
        }
        Some(Value::BigInt(_)) => Err(time_t_overflow()),
        Some(other) => index_arg(other),
    }
}

fn time_t_overflow() -> crate::object::value::ExcRef {
    exc(
        TypeId::OverflowError,
        "timestamp out of range for platform time_t",
    )
}

/// `localtime(secs)` in UTC.
fn local_time(secs: i64) -> PyResult<Tm> {
    strftime::broken_down(secs, "UTC").ok_or_else(year_overflow)
}

/// The C library's EOVERFLOW for a year past `int`.
fn year_overflow() -> crate::object::value::ExcRef {
    exc(
        TypeId::OSError,
        "[Errno 75] Value too large for defined data type",
    )
}

/// A time tuple, range-checked as CPython's `checktm` does for `strftime`
/// and `asctime` (a zero month, day or day of year stands for the first).
fn checked_tm(t: &Value, function: &str) -> PyResult<Tm> {
    let mut tm = time_tuple(t, function)?;
    let check = |ok: bool, what: &str| {
        if ok {
            Ok(())
        } else {
            Err(value_error(format!("{what} out of range")))
        }
    };
    if tm.mon == -1 {
        tm.mon = 0;
    }
    check((0..=11).contains(&tm.mon), "month")?;
    if tm.mday == 0 {
        tm.mday = 1;
    }
    check((1..=31).contains(&tm.mday), "day of month")?;
    check((0..=23).contains(&tm.hour), "hour")?;
    check((0..=59).contains(&tm.min), "minute")?;
    check((0..=61).contains(&tm.sec), "seconds")?;
    check(tm.wday >= 0, "day of week")?;
    if tm.yday == -1 {
        tm.yday = 0;
    }
    check((0..=365).contains(&tm.yday), "day of year")?;
    Ok(tm)
}

/// CPython's `gettmarg`: a 9-tuple of ints (a `struct_time` among them)
/// in Python's conventions, to C's `struct tm`.
fn time_tuple(t: &Value, function: &str) -> PyResult<Tm> {
    let Value::Tuple(items) = crate::object::instance::payload(t) else {
        return Err(type_error("Tuple or struct_time argument required"));
    };
    if items.len() != 9 {
        return Err(type_error(format!(
            "{function}(): illegal time tuple argument"
        )));
    }
    let mut fields = [0i64; 9];
    for (field, item) in fields.iter_mut().zip(items.iter()) {
        let n = index_arg(item).map_err(|e| match item {
            Value::BigInt(_) => exc(
                TypeId::OverflowError,
                "Python int too large to convert to C long",
            ),
            _ => e,
        })?;
        if i32::try_from(n).is_err() {
            let bound = if n > 0 {
                "greater than maximum"
            } else {
                "less than minimum"
            };
            return Err(exc(
                TypeId::OverflowError,
                format!("signed integer is {bound}"),
            ));
        }
        *field = n;
    }
    let [year, mon, mday, hour, min, sec, wday, yday, isdst] = fields;
    // A struct_time carries its zone and UTC offset beside its items.
    let (zone, gmtoff) = match t {
        Value::Instance(i) if &**i.class.borrow().name.borrow() == "struct_time" => {
            let dict = i.dict.borrow();
            let zone = match dict.get_str("_zone") {
                Some(Value::Str(z)) => Some(z.to_string()),
                _ => None,
            };
            let gmtoff = match dict.get_str("_gmtoff") {
                Some(Value::Int(o)) => o,
                _ => 0,
            };
            (zone, gmtoff)
        }
        _ => (None, 0),
    };
    Ok(Tm {
        year,
        mon: mon - 1,
        mday,
        hour,
        min,
        sec,
        wday: (wday + 1) % 7,
        yday: yday - 1,
        isdst,
        zone,
        gmtoff,
    })
}

fn seconds(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    crate::builtins::args::no_args("time", &args)?;
    Ok(Value::Float(vm.now))
}

fn nanoseconds(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    crate::builtins::args::no_args("time_ns", &args)?;
    let ns = float_to_int(round_half_even(vm.now * 1e9)).map_err(cpython_error)?;
    Ok(Value::from_bigint(ns))
}

fn sleep(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("sleep", &args)?;
    let secs = timeout_seconds(&v)?;
    if secs < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    if !threaded_sleep(vm, secs)? {
        blocking_sleep(vm, secs)?;
    }
    Ok(Value::None)
}

/// Once the program has started a thread, `time.sleep` waits in the thread
/// scheduler (`_thread._sleep`): the other threads run meanwhile. The main
/// thread waits there; another thread suspends its run after this call
/// (`_thread._suspend`, called from here, at the thread's own depth).
/// False when there are no threads.
fn threaded_sleep(vm: &mut Vm, secs: f64) -> PyResult<bool> {
    let threads = vm.modules.borrow().get_str("_thread");
    let Some(threads) = threads else {
        return Ok(false);
    };
    let started = crate::attrs::get_attr(vm, &threads, "_started")?;
    if !matches!(vm.call0(&started)?, Value::Bool(true)) {
        return Ok(false);
    }
    let sleep = crate::attrs::get_attr(vm, &threads, "_sleep")?;
    if matches!(vm.call1(&sleep, Value::Float(secs))?, Value::Bool(true)) {
        let suspend = crate::attrs::get_attr(vm, &threads, "_suspend")?;
        vm.call0(&suspend)?;
    }
    Ok(true)
}

/// CPython 3.11's `_PyTime_FromSecondsObject` (rounding a timeout up): a number of seconds
/// whose nanoseconds fit a C `_PyTime_t` (64 bits), or ValueError for NaN and OverflowError
/// past it, checked before the sign (`time.sleep(float('inf'))` is OverflowError).
fn timeout_seconds(v: &Value) -> PyResult<f64> {
    /// 2**63, the first double past `_PyTime_t`'s range.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    match v {
        Value::Float(f) => {
            if f.is_nan() {
                return Err(value_error("Invalid value NaN (not a number)"));
            }
            let ns = f * 1e9;
            let ns = if ns >= 0.0 { ns.ceil() } else { ns.floor() };
            if !(-LIMIT..LIMIT).contains(&ns) {
                return Err(exc(
                    TypeId::OverflowError,
                    "timestamp out of range for platform time_t",
                ));
            }
            Ok(*f)
        }
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let fits = match v {
                Value::Int(i) => i.checked_mul(1_000_000_000).is_some(),
                Value::Bool(_) => true,
                _ => false,
            };
            if !fits {
                return Err(exc(
                    TypeId::OverflowError,
                    "timestamp too large to convert to C _PyTime_t",
                ));
            }
            crate::ops::to_float(v)
        }
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_of(other).name()
        ))),
    }
}

/// `time.sleep(secs)` inside the program: the clock jumps while the loop is
/// held, so every other task is late by `secs`.
fn blocking_sleep(vm: &mut Vm, secs: f64) -> PyResult<()> {
    if secs < 0.0 || secs.is_nan() {
        return Err(crate::object::exceptions::value_error(
            "sleep length must be non-negative",
        ));
    }
    if secs > 0.0 {
        vm.now += secs;
        let line = vm.current_line();
        vm.recorder.record(
            vm.now,
            line,
            crate::trace::EventKind::ClockAdvanced {
                to: crate::trace::Seconds::new(vm.now),
            },
        );
    }
    Ok(())
}
