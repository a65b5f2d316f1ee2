//! Subscripts: `obj[i]`, `obj[i] = v`, `del obj[i]` on the built-in
//! sequences and mappings, slices and their indices, and `list[int]`-style
//! generic aliases of built-in types.

use crate::dunders::Subscript;
use crate::iterators;
use crate::object::char_index;
use crate::object::exceptions::{exc, type_error};
use crate::object::types::{type_of, TypeId, TypeRef};
use crate::object::value::{Args, PyResult, Value};
use crate::vm::Vm;
use num_traits::Signed;
use std::rc::Rc;

/// Resolve a possibly negative index against a length.
pub(super) fn norm_index(i: &Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match i {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => {
            return Err(exc(
                TypeId::IndexError,
                "cannot fit 'int' into an index-sized integer",
            ))
        }
        other => {
            let t = type_of(other).name();
            return Err(type_error(match what {
                "string" => format!("string indices must be integers, not '{t}'"),
                "index" => format!("byte indices must be integers or slices, not {t}"),
                "range object" => format!("range indices must be integers or slices, not {t}"),
                "list assignment" => format!("list indices must be integers or slices, not {t}"),
                _ => format!("{what} indices must be integers or slices, not {t}"),
            }));
        }
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(exc(
            TypeId::IndexError,
            match what {
                "index" => "index out of range".to_string(),
                _ => format!("{what} index out of range"),
            },
        ));
    }
    Ok(j as usize)
}

/// The indices a slice selects from a sequence of `len` items.
pub fn slice_indices(vm: &mut Vm, s: &[Value; 3], len: usize) -> PyResult<Vec<usize>> {
    let (start, stop, step) = slice_bounds(vm, s, len)?;
    Ok(indices_between(start, stop, step))
}

/// The indices from `start` towards `stop` by `step` (bounds from `slice_bounds`).
fn indices_between(start: i64, stop: i64, step: i64) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    out
}

/// `slice.indices(len)`: the first index, the bound and the step a slice selects from
/// a sequence of `len` items.
fn slice_bounds(vm: &mut Vm, s: &[Value; 3], len: usize) -> PyResult<(i64, i64, i64)> {
    // Bounds that are objects with `__index__` count as their ints.
    let mut bounds = s.clone();
    for bound in bounds.iter_mut() {
        if let Some(i) = crate::dunders::index(vm, bound)? {
            *bound = i;
        }
    }
    let s = &bounds;
    let get = |v: &Value| -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            Value::BigInt(b) => Ok(Some(if b.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            })),
            _ => Err(type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    };
    let step = get(&s[2])?.unwrap_or(1);
    if step == 0 {
        return Err(exc(TypeId::ValueError, "slice step cannot be zero"));
    }
    let len = len as i64;
    let adjust = |v: Option<i64>, default: i64, lo: i64, hi: i64| -> i64 {
        match v {
            None => default,
            Some(mut x) => {
                if x < 0 {
                    x += len;
                }
                x.clamp(lo, hi)
            }
        }
    };
    let (start, stop) = if step > 0 {
        (
            adjust(get(&s[0])?, 0, 0, len),
            adjust(get(&s[1])?, len, 0, len),
        )
    } else {
        (
            adjust(get(&s[0])?, len - 1, -1, len - 1),
            adjust(get(&s[1])?, -1, -1, len - 1),
        )
    };
    Ok((start, stop, step))
}

pub fn get_item(vm: &mut Vm, obj: &Value, idx: &Value) -> PyResult<Value> {
    if let Some(v) = crate::dunders::subscript(vm, obj, idx, Subscript::Get)? {
        return Ok(v);
    }
    let sequence = matches!(
        obj,
        Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::ByteArray(_)
            | Value::Range(_)
    );
    if sequence {
        // `items[position]` with an object that has `__index__`.
        if let Some(i) = crate::dunders::index(vm, idx)? {
            return get_item(vm, obj, &i);
        }
    }
    if let Value::ByteArray(ba) = obj {
        return super::bytearray::get(vm, ba, idx);
    }
    if let Value::MemoryView(view) = obj {
        return super::memoryview::get(vm, view, idx);
    }
    if let Value::Slice(s) = idx {
        return get_slice(vm, obj, s);
    }
    match obj {
        Value::List(l) => {
            let l = l.borrow();
            let i = norm_index(idx, l.len(), "list")?;
            Ok(l[i].clone())
        }
        Value::Tuple(t) => {
            let i = norm_index(idx, t.len(), "tuple")?;
            Ok(t[i].clone())
        }
        Value::Str(s) => {
            let i = norm_index(idx, char_index::char_count(s), "string")?;
            Ok(Value::str(char_index::char_slice(s, i, i + 1)))
        }
        Value::Bytes(b) => {
            let i = norm_index(idx, b.len(), "index")?;
            Ok(Value::Int(b[i] as i64))
        }
        Value::Range(r) => {
            let i = norm_index(idx, r.len() as usize, "range object")?;
            Ok(Value::Int(r.start + r.step * i as i64))
        }
        Value::Dict(d) => match crate::mapping::dict_get(vm, d, idx)? {
            Some(v) => Ok(v),
            None => Err(crate::object::exceptions::Exception::new(
                TypeId::KeyError,
                vec![idx.clone()],
            )),
        },
        Value::Type(t) => match t.lookup_override("__class_getitem__") {
            Some(f) => match crate::vm::descriptors::method_wrapper(&f) {
                Some(w) => vm.call(&w.func.clone(), Args::new(vec![obj.clone(), idx.clone()])),
                None => vm.call(&f, Args::new(vec![idx.clone()])),
            },
            None if generic_builtin(t) => generic_alias(vm, obj, idx),
            None => Err(type_error(format!(
                "type '{}' is not subscriptable",
                t.name()
            ))),
        },
        _ => Err(type_error(format!(
            "'{}' object is not subscriptable",
            type_of(obj).name()
        ))),
    }
}

/// The built-in types CPython lets programs subscript (`list[int]`,
/// `asyncio.Queue[str]`): they and their subclasses.
pub(super) fn generic_builtin(t: &TypeRef) -> bool {
    [
        TypeId::Tuple,
        TypeId::List,
        TypeId::Dict,
        TypeId::Set,
        TypeId::Enumerate,
        TypeId::Future,
        TypeId::Queue,
    ]
    .into_iter()
    .any(|g| t.is_subclass_of(g))
        || matches!(t, TypeRef::Builtin(TypeId::Type))
}

/// `list[int]`: a `types.GenericAlias` (written in Python, `_loopscope`).
pub(super) fn generic_alias(vm: &mut Vm, origin: &Value, args: &Value) -> PyResult<Value> {
    let module = vm.import("_loopscope")?;
    let alias = crate::attrs::get_attr(vm, &module, "GenericAlias")?;
    vm.call(&alias, Args::new(vec![origin.clone(), args.clone()]))
}

pub(super) fn get_slice(vm: &mut Vm, obj: &Value, s: &[Value; 3]) -> PyResult<Value> {
    match obj {
        // Only the items taken are copied (`l[i:i + 1]` in a loop was quadratic). The
        // bounds may run Python (`__index__`) that changes the list: they are computed
        // first, and an index past the list's new end is not taken.
        Value::List(l) => {
            let len = l.borrow().len();
            let idx = slice_indices(vm, s, len)?;
            let l = l.borrow();
            Ok(Value::list(
                idx.into_iter().filter_map(|i| l.get(i).cloned()).collect(),
            ))
        }
        // A slice of all of a tuple, str or bytes is the object itself, as CPython's
        // `tuple_subscript`, `unicode_subscript` and `bytes_subscript` return it
        // (`t[:] is t`; pickle's memo then writes it once).
        Value::Tuple(t) => {
            let (start, stop, step) = slice_bounds(vm, s, t.len())?;
            if whole(start, stop, step, t.len()) {
                return Ok(obj.clone());
            }
            let idx = indices_between(start, stop, step);
            Ok(Value::tuple(
                idx.into_iter().map(|i| t[i].clone()).collect(),
            ))
        }
        // A str's contiguous slice without decoding it (`object/char_index.rs`): the
        // Python half of `re` slices each match out of the whole text (findall over
        // 20,000 words took minutes).
        Value::Str(st) if matches!(s[2], Value::None | Value::Int(1)) => {
            let count = char_index::char_count(st);
            let (start, stop, step) = slice_bounds(vm, s, count)?;
            if whole(start, stop, step, count) {
                return Ok(obj.clone());
            }
            let (start, stop) = (start as usize, stop.max(start) as usize);
            Ok(Value::str(char_index::char_slice(st, start, stop)))
        }
        Value::Str(st) => {
            let chars: Vec<char> = st.chars().collect();
            let idx = slice_indices(vm, s, chars.len())?;
            Ok(Value::str(
                &idx.into_iter().map(|i| chars[i]).collect::<String>(),
            ))
        }
        Value::Bytes(b) => {
            let (start, stop, step) = slice_bounds(vm, s, b.len())?;
            if whole(start, stop, step, b.len()) {
                return Ok(obj.clone());
            }
            let idx = indices_between(start, stop, step);
            Ok(Value::Bytes(Rc::from(
                idx.into_iter().map(|i| b[i]).collect::<Vec<u8>>(),
            )))
        }
        // CPython's `compute_slice`: a range (`range(10**9)[:5]` built a billion-item
        // list first).
        Value::Range(r) => {
            let (start, stop, step) = slice_bounds(vm, s, r.len() as usize)?;
            let at = |i: i64| {
                let v = i128::from(r.start) + i128::from(i) * i128::from(r.step);
                v.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
            };
            Ok(Value::Range(Rc::new(crate::object::value::Range {
                start: at(start),
                stop: at(stop),
                step: r.step.saturating_mul(step),
            })))
        }
        _ => Err(type_error(format!(
            "'{}' object is not subscriptable",
            type_of(obj).name()
        ))),
    }
}

/// Whether slice bounds (as `slice_bounds` computes them) take every item in order.
fn whole(start: i64, stop: i64, step: i64, len: usize) -> bool {
    step == 1 && start == 0 && stop == len as i64
}

pub fn set_item(vm: &mut Vm, obj: &Value, idx: Value, v: Value) -> PyResult<()> {
    if crate::dunders::subscript(vm, obj, &idx, Subscript::Set(v.clone()))?.is_some() {
        return Ok(());
    }
    match obj {
        Value::List(l) => {
            if let Value::Slice(s) = &idx {
                let items = iterators::collect(vm, &v)?;
                let len = l.borrow().len();
                vm.check_items(len + items.len())?;
                let indices = slice_indices(vm, s, len)?;
                let mut l = l.borrow_mut();
                if s[2].is_none() || matches!(s[2], Value::Int(1)) {
                    let start = indices.first().copied().unwrap_or_else(|| {
                        slice_indices(vm, &[s[0].clone(), Value::None, Value::None], len)
                            .ok()
                            .and_then(|v| v.first().copied())
                            .unwrap_or(len)
                    });
                    let end = start + indices.len();
                    l.splice(start..end, items);
                } else {
                    if items.len() != indices.len() {
                        return Err(exc(
                            TypeId::ValueError,
                            format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                items.len(),
                                indices.len()
                            ),
                        ));
                    }
                    for (i, item) in indices.into_iter().zip(items) {
                        l[i] = item;
                    }
                }
                return Ok(());
            }
            let mut l = l.borrow_mut();
            let len = l.len();
            let i = norm_index(&idx, len, "list assignment")?;
            l[i] = v;
            Ok(())
        }
        Value::Dict(d) => crate::mapping::dict_set(vm, d, idx, v),
        Value::ByteArray(ba) => super::bytearray::set(vm, ba, &idx, &v),
        Value::MemoryView(view) => super::memoryview::set(vm, view, &idx, &v),
        _ => Err(type_error(format!(
            "'{}' object does not support item assignment",
            type_of(obj).name()
        ))),
    }
}

pub fn del_item(vm: &mut Vm, obj: &Value, idx: &Value) -> PyResult<()> {
    if crate::dunders::subscript(vm, obj, idx, Subscript::Delete)?.is_some() {
        return Ok(());
    }
    match obj {
        Value::List(l) => {
            if let Value::Slice(s) = idx {
                let len = l.borrow().len();
                let mut indices = slice_indices(vm, s, len)?;
                // A slice's indices run one way; delete from the highest down.
                if indices.first() > indices.last() {
                    indices.reverse();
                }
                let mut l = l.borrow_mut();
                for i in indices.into_iter().rev() {
                    l.remove(i);
                }
                return Ok(());
            }
            let mut l = l.borrow_mut();
            let len = l.len();
            let i = norm_index(idx, len, "list assignment")?;
            l.remove(i);
            Ok(())
        }
        Value::ByteArray(ba) => super::bytearray::del(vm, ba, idx),
        Value::MemoryView(_) => Err(type_error("cannot delete memory")),
        Value::Dict(d) => match crate::mapping::dict_remove(vm, d, idx)? {
            Some(_) => Ok(()),
            None => Err(crate::object::exceptions::Exception::new(
                TypeId::KeyError,
                vec![idx.clone()],
            )),
        },
        _ => Err(type_error(format!(
            "'{}' object doesn't support item deletion",
            type_of(obj).name()
        ))),
    }
}
