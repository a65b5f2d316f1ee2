//! Argument checking for functions implemented in Rust, with CPython's
//! several styles of error message (they differ by how the C function
//! parses its arguments).

use crate::object::exceptions::type_error;
use crate::object::value::{Args, PyResult, Value};

impl Args {
    /// Remove and return keyword argument `name`.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| k.as_str() == name)?;
        Some(self.kw.remove(i).1)
    }
}

/// `len() takes no keyword arguments`.
pub fn no_kwargs(name: &str, args: &Args) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// `'x' is an invalid keyword argument for print()` for any keyword left.
pub fn reject_kwargs(name: &str, args: &Args) -> PyResult<()> {
    match args.kw.first() {
        None => Ok(()),
        Some((k, _)) => Err(type_error(format!(
            "'{k}' is an invalid keyword argument for {name}()"
        ))),
    }
}

/// METH_O style: `len() takes exactly one argument (2 given)`.
pub fn exactly_one(name: &str, args: &Args) -> PyResult<Value> {
    no_kwargs(name, args)?;
    if args.pos.len() != 1 {
        return Err(type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.pos.len()
        )));
    }
    Ok(args.pos[0].clone())
}

/// METH_NOARGS style: `list.copy() takes no arguments (1 given)`.
pub fn no_args(name: &str, args: &Args) -> PyResult<()> {
    no_kwargs(name, args)?;
    if !args.pos.is_empty() {
        return Err(type_error(format!(
            "{name}() takes no arguments ({} given)",
            args.pos.len()
        )));
    }
    Ok(())
}

/// Argument Clinic / `PyArg_UnpackTuple` style:
/// `pop expected at most 1 argument, got 2`,
/// `get expected at least 1 argument, got 0`.
pub fn count_range(name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    no_kwargs(name, args)?;
    let n = args.pos.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return Err(type_error(if min == max {
            format!("{name} expected {min} argument{}, got {n}", plural(min))
        } else {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        }));
    }
    if n > max {
        return Err(type_error(if min == max {
            format!("{name} expected {max} argument{}, got {n}", plural(max))
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                plural(max)
            )
        }));
    }
    Ok(())
}

/// `PyArg_ParseTuple` style: `split() takes at most 2 arguments (3 given)`.
pub fn takes_range(name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len() + args.kw.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        let how = if min == max { "exactly" } else { "at least" };
        return Err(type_error(format!(
            "{name}() takes {how} {min} argument{} ({n} given)",
            plural(min)
        )));
    }
    if n > max {
        let how = if min == max { "exactly" } else { "at most" };
        return Err(type_error(format!(
            "{name}() takes {how} {max} argument{} ({n} given)",
            plural(max)
        )));
    }
    Ok(())
}

/// An int argument that must fit a machine index:
/// `'float' object cannot be interpreted as an integer`.
pub fn index_arg(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(crate::object::exceptions::exc(
            crate::object::types::TypeId::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            crate::object::types::type_of(other).name()
        ))),
    }
}

/// An argument CPython converts to a C `int` (Argument Clinic's `i`): an int that
/// fits in 32 bits, else OverflowError.
pub fn c_int_arg(v: &Value) -> PyResult<i32> {
    let too_large = || {
        crate::object::exceptions::exc(
            crate::object::types::TypeId::OverflowError,
            "Python int too large to convert to C int",
        )
    };
    match v {
        Value::BigInt(_) => Err(too_large()),
        other => i32::try_from(index_arg(other)?).map_err(|_| too_large()),
    }
}

/// `split`/`rsplit`'s `(sep, maxsplit)` for str and bytes, by position or keyword: the
/// separator as given (`None` when absent or None; each type checks its own), and
/// maxsplit (-1 when absent), converted first as Argument Clinic does.
pub fn split_args(name: &str, mut args: Args) -> PyResult<(Option<Value>, i64)> {
    let sep_kw = args.take_kw("sep");
    let max_kw = args.take_kw("maxsplit");
    reject_kwargs(name, &args)?;
    takes_range(name, &args, 0, 2)?;
    let mut pos = args.pos.into_iter();
    let sep = pos.next().or(sep_kw);
    let max = match pos.next().or(max_kw) {
        None => -1,
        Some(v) => index_arg(&v)?,
    };
    Ok((sep.filter(|sep| !matches!(sep, Value::None)), max))
}
