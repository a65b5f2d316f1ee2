//! Methods of `list`.

use super::args::{count_range, exactly_one, index_arg, no_args};
use super::sort::sort_values;
use crate::iterators;
use crate::object::exceptions::{exc, type_error, value_error};
use crate::object::teardown::ListRef;
use crate::object::types::TypeId;
use crate::object::value::{Args, NativeFn, PyResult, Value};
use crate::repr;
use crate::vm::Vm;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("append", append),
    ("extend", extend),
    ("insert", insert),
    ("pop", pop),
    ("remove", remove),
    ("index", index),
    ("count", count),
    ("sort", sort),
    ("reverse", reverse),
    ("copy", copy),
    ("clear", clear),
];

fn this(recv: &Value) -> PyResult<ListRef> {
    match recv {
        Value::List(l) => Ok(l.clone()),
        _ => Err(type_error("descriptor requires a 'list' object")),
    }
}

/// Python equality as used by `in`, `index`, `count`, `remove`.
pub fn same(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    Ok(a.is(b) || crate::ops::eq(vm, a, b)?)
}

/// How many of `items` equal `v`.
pub fn count_equal(vm: &mut Vm, items: &[Value], v: &Value) -> PyResult<usize> {
    let mut n = 0;
    for x in items {
        if same(vm, x, v)? {
            n += 1;
        }
    }
    Ok(n)
}

fn append(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("list.append", &args)?;
    let l = this(recv)?;
    if l.borrow().len() >= vm.limits.max_sequence_len {
        return Err(crate::object::exceptions::exc_empty(TypeId::MemoryError));
    }
    l.borrow_mut().push(v);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("list.extend", &args)?;
    iterators::extend_list(vm, &this(recv)?.0, &v)?;
    Ok(Value::None)
}

fn insert(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("insert", &args, 2, 2)?;
    let i = index_arg(&args.pos[0])?;
    let l = this(recv)?;
    let mut l = l.borrow_mut();
    let n = l.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.insert(at as usize, args.pos[1].clone());
    Ok(Value::None)
}

fn pop(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("pop", &args, 0, 1)?;
    let l = this(recv)?;
    let mut l = l.borrow_mut();
    if l.is_empty() {
        return Err(exc(TypeId::IndexError, "pop from empty list"));
    }
    let n = l.len() as i64;
    let i = match args.pos.first() {
        Some(v) => index_arg(v)?,
        None => -1,
    };
    let at = if i < 0 { i + n } else { i };
    if at < 0 || at >= n {
        return Err(exc(TypeId::IndexError, "pop index out of range"));
    }
    Ok(l.remove(at as usize))
}

fn remove(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("list.remove", &args)?;
    let l = this(recv)?;
    let items = l.borrow().clone();
    for (i, x) in items.iter().enumerate() {
        if same(vm, x, &v)? {
            let mut l = l.borrow_mut();
            if i < l.len() {
                l.remove(i);
            }
            return Ok(Value::None);
        }
    }
    Err(value_error("list.remove(x): x not in list"))
}

/// `[start:end]` bounds for `index` (clamped, negative from the end).
pub fn index_bounds(args: &Args, len: usize) -> PyResult<(usize, usize)> {
    let n = len as i64;
    let norm = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None => Ok(default),
            Some(v) => {
                let i = match v {
                    Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => index_arg(v)?,
                    _ => {
                        return Err(type_error(
                            "slice indices must be integers or have an __index__ method",
                        ))
                    }
                };
                Ok(if i < 0 { (i + n).max(0) } else { i.min(n) })
            }
        }
    };
    Ok((
        norm(args.pos.get(1), 0)? as usize,
        norm(args.pos.get(2), n)? as usize,
    ))
}

fn index(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("index", &args, 1, 3)?;
    let items = this(recv)?.borrow().clone();
    let (start, end) = index_bounds(&args, items.len())?;
    for (i, item) in items.iter().enumerate().take(end).skip(start) {
        if same(vm, item, &args.pos[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(value_error(format!(
        "{} is not in list",
        repr::repr(vm, &args.pos[0])?
    )))
}

fn count(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("list.count", &args)?;
    let items = this(recv)?.borrow().clone();
    Ok(Value::Int(count_equal(vm, &items, &v)? as i64))
}

fn sort(vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let given = args.pos.len() + args.kw.len();
    if given > 2 {
        return Err(type_error(format!(
            "sort() takes at most 2 arguments ({given} given)"
        )));
    }
    if !args.pos.is_empty() {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let key = args.take_kw("key");
    let reverse = args.take_kw("reverse");
    if let Some((k, _)) = args.kw.first() {
        return Err(type_error(format!(
            "'{k}' is an invalid keyword argument for sort()"
        )));
    }
    let l = this(recv)?;
    // CPython empties the list while sorting; sort a copy and store it back.
    let mut items = std::mem::take(&mut *l.borrow_mut());
    let r = sort_values(vm, &mut items, key, reverse);
    let mutated = !l.borrow().is_empty();
    *l.borrow_mut() = items;
    r?;
    if mutated {
        return Err(value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn reverse(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("list.reverse", &args)?;
    this(recv)?.borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("list.copy", &args)?;
    Ok(Value::list(this(recv)?.borrow().clone()))
}

fn clear(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("list.clear", &args)?;
    let old = std::mem::take(&mut *this(recv)?.borrow_mut());
    drop(crate::object::teardown::FromTheEnd(old));
    Ok(Value::None)
}
