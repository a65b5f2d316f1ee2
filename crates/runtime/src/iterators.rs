//! The iterator protocol: `iter()`, `next()`, and the iterator objects of
//! the built-in types (`list_iterator`, `enumerate`, `zip`, `map`, ...,
//! plus `itertools`' `count`, `repeat`, `cycle`, `islice`, `chain`).
//!
//! Sequence iterators hold the shared sequence and an index, so a list
//! appended to while it is iterated yields the new items, as in CPython.
//! Generators are their own iterators and are driven with `Vm::resume`.

use std::cell::RefCell;
use std::rc::Rc;

use loopscope_syntax::ast::BinOp;
use num_bigint::BigInt;

use crate::object::dict::{Dict, PySet};
use crate::object::exceptions::{exc, type_error, value_error};
use crate::object::generator::CoroutineWrapper;
pub use crate::object::iter_state::{DictPart, IterState};
use crate::object::set::Other;
use crate::object::teardown::IterRef;
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, PyResult, Value};
use crate::ops;
use crate::vm::{GenOutcome, Resume, Vm};

/// The name CPython gives the type of `v` in messages: the precise
/// iterator or view type for iterator values.
pub fn type_name(v: &Value) -> std::borrow::Cow<'static, str> {
    match v {
        Value::Iter(state) => std::borrow::Cow::Borrowed(state.borrow().type_name()),
        other => type_of(other).name(),
    }
}

/// Wrap a state as an iterator value.
pub fn new_iter(state: IterState) -> Value {
    Value::Iter(IterRef(Rc::new(RefCell::new(state))))
}

/// A live view of a dict's keys, values or items.
pub fn dict_view(dict: &Rc<RefCell<Dict>>, part: DictPart) -> Value {
    new_iter(IterState::DictView {
        dict: dict.clone(),
        part,
    })
}

fn dict_iter(dict: &Rc<RefCell<Dict>>, part: DictPart) -> Value {
    let len = dict.borrow().len();
    new_iter(IterState::Dict {
        dict: dict.clone(),
        part,
        index: 0,
        len,
    })
}

/// `iter(v)`.
pub fn get_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(it) = crate::dunders::iter(vm, v)? {
        return Ok(it);
    }
    Ok(match v {
        Value::List(l) => new_iter(IterState::List {
            list: Some(l.clone()),
            index: 0,
        }),
        Value::Tuple(t) => new_iter(IterState::Tuple {
            items: t.clone(),
            index: 0,
        }),
        Value::Str(s) => new_iter(IterState::Str {
            text: s.clone(),
            pos: 0,
        }),
        Value::Bytes(b) => new_iter(IterState::Bytes {
            bytes: b.clone(),
            index: 0,
        }),
        Value::ByteArray(b) => new_iter(IterState::Bytes {
            bytes: Rc::from(b.data.borrow().as_slice()),
            index: 0,
        }),
        Value::MemoryView(m) => {
            m.check()?;
            new_iter(IterState::List {
                list: Some(crate::object::teardown::ListRef(Rc::new(
                    std::cell::RefCell::new((0..m.len).map(|i| m.item(i)).collect()),
                ))),
                index: 0,
            })
        }
        Value::Range(r) => new_iter(IterState::Range {
            next: r.start,
            step: r.step,
            remaining: r.len(),
        }),
        Value::Dict(d) => dict_iter(d, DictPart::Keys),
        Value::Set(s) => new_iter(IterState::Set {
            set: s.clone(),
            items: Rc::from(s.borrow().items()),
            index: 0,
        }),
        Value::Iter(state) => {
            if let IterState::DictView { dict, part } = &*state.borrow() {
                return Ok(dict_iter(dict, *part));
            }
            v.clone()
        }
        Value::Generator(g) if g.is_sync_gen() => v.clone(),
        _ => {
            return Err(type_error(format!(
                "'{}' object is not iterable",
                type_of(v).name()
            )))
        }
    })
}

/// `next(it)`: `None` when the iterator is exhausted. Each item counts as an
/// instruction (native loops over iterators stop at the instruction budget).
pub fn next_item(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    vm.count_native_work(1)?;
    if let Some(item) = crate::dunders::next(vm, it)? {
        return Ok(item);
    }
    match it {
        // A chain of a million `map`s would overflow the native stack (CPython's
        // crashes): each link counts as a level of recursion.
        Value::Iter(state) if state.borrow().pulls_from_iterators() => {
            vm.recursing("", |vm| next_of_state(vm, state))
        }
        Value::Iter(state) => next_of_state(vm, state),
        Value::Generator(g) => match vm.resume(g, Resume::Value(Value::None)) {
            GenOutcome::Yielded(v) => Ok(Some(v)),
            GenOutcome::Returned(_) => Ok(None),
            GenOutcome::Raised(e) if e.class == TypeId::StopIteration => Ok(None),
            GenOutcome::Raised(e) => Err(e),
        },
        _ => Err(type_error(format!(
            "'{}' object is not an iterator",
            type_of(it).name()
        ))),
    }
}

fn next_of_state(vm: &mut Vm, state: &Rc<RefCell<IterState>>) -> PyResult<Option<Value>> {
    // Variants that call back into Python (or into other iterators) must not
    // hold the borrow across the call: the callee may touch this iterator.
    let mut s = state.borrow_mut();
    match &mut *s {
        IterState::List { list, index } => {
            let item = list.as_ref().and_then(|l| l.borrow().get(*index).cloned());
            match item {
                Some(v) => {
                    *index += 1;
                    Ok(Some(v))
                }
                None => {
                    *list = None;
                    Ok(None)
                }
            }
        }
        IterState::Tuple { items, index } => {
            let item = items.get(*index).cloned();
            if item.is_some() {
                *index += 1;
            }
            Ok(item)
        }
        IterState::Str { text, pos } => match text[*pos..].chars().next() {
            Some(c) => {
                *pos += c.len_utf8();
                Ok(Some(Value::str(c.encode_utf8(&mut [0; 4]))))
            }
            None => Ok(None),
        },
        IterState::Bytes { bytes, index } => {
            let item = bytes.get(*index).map(|b| Value::Int(*b as i64));
            if item.is_some() {
                *index += 1;
            }
            Ok(item)
        }
        IterState::Range {
            next,
            step,
            remaining,
        } => {
            if *remaining <= 0 {
                return Ok(None);
            }
            let v = *next;
            *remaining -= 1;
            *next = next.wrapping_add(*step);
            Ok(Some(Value::Int(v)))
        }
        IterState::Dict {
            dict,
            part,
            index,
            len,
        } => {
            let d = dict.borrow();
            if d.len() != *len {
                *len = usize::MAX;
                return Err(exc(
                    TypeId::RuntimeError,
                    "dictionary changed size during iteration",
                ));
            }
            let Some((k, v)) = d.get_index(*index) else {
                return Ok(None);
            };
            *index += 1;
            Ok(Some(match part {
                DictPart::Keys => k,
                DictPart::Values => v,
                DictPart::Items => Value::tuple(vec![k, v]),
            }))
        }
        IterState::DictView { .. } => Err(type_error(format!(
            "'{}' object is not an iterator",
            s.type_name()
        ))),
        IterState::Set { set, items, index } => {
            if set.borrow().len() != items.len() {
                return Err(exc(
                    TypeId::RuntimeError,
                    "Set changed size during iteration",
                ));
            }
            let item = items.get(*index).cloned();
            if item.is_some() {
                *index += 1;
            }
            Ok(item)
        }
        IterState::Enumerate { inner, .. } => {
            let inner = inner.clone();
            drop(s);
            let Some(item) = next_item(vm, &inner)? else {
                return Ok(None);
            };
            let mut s = state.borrow_mut();
            let IterState::Enumerate { count, .. } = &mut *s else {
                return Ok(None);
            };
            let n = count.clone();
            *count = match &n {
                Value::Int(i) if *i < i64::MAX => Value::Int(i + 1),
                Value::Int(i) => Value::from_bigint(BigInt::from(*i) + 1),
                Value::BigInt(b) => Value::from_bigint(&**b + 1),
                other => other.clone(),
            };
            Ok(Some(Value::tuple(vec![n, item])))
        }
        IterState::Zip { iters, strict } => {
            let (iters, strict) = (iters.clone(), *strict);
            drop(s);
            zip_next(vm, &iters, strict)
        }
        IterState::Map { func, iters } => {
            let (func, iters) = (func.clone(), iters.clone());
            drop(s);
            let mut args = Vec::with_capacity(iters.len());
            for it in &iters {
                match next_item(vm, it)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            vm.call(&func, crate::object::value::Args::new(args))
                .map(Some)
        }
        IterState::Filter { func, inner } => {
            let (func, inner) = (func.clone(), inner.clone());
            drop(s);
            while let Some(item) = next_item(vm, &inner)? {
                let keep = if func.is_none() {
                    ops::truthy(vm, &item)?
                } else {
                    let r = vm.call1(&func, item.clone())?;
                    ops::truthy(vm, &r)?
                };
                if keep {
                    return Ok(Some(item));
                }
            }
            Ok(None)
        }
        IterState::Reversed { items, index, .. } => {
            let len = items.borrow().len() as isize;
            if *index >= 0 && *index < len {
                let v = items.borrow()[*index as usize].clone();
                *index -= 1;
                Ok(Some(v))
            } else {
                *index = -1;
                Ok(None)
            }
        }
        IterState::Count { next, step } => {
            let (cur, step) = (next.clone(), step.clone());
            drop(s);
            let following = ops::binary_op(vm, BinOp::Add, &cur, &step)?;
            if let IterState::Count { next, .. } = &mut *state.borrow_mut() {
                *next = following;
            }
            Ok(Some(cur))
        }
        IterState::Repeat { item, remaining } => match remaining {
            Some(0) => Ok(None),
            Some(n) => {
                *n -= 1;
                Ok(Some(item.clone()))
            }
            None => Ok(Some(item.clone())),
        },
        IterState::Cycle { inner, .. } => {
            if let Some(inner) = inner.clone() {
                drop(s);
                let item = next_item(vm, &inner)?;
                let mut s = state.borrow_mut();
                let IterState::Cycle {
                    inner,
                    saved,
                    index,
                    ..
                } = &mut *s
                else {
                    return Ok(None);
                };
                match item {
                    Some(v) => {
                        saved.push(v.clone());
                        return Ok(Some(v));
                    }
                    None => {
                        *inner = None;
                        *index = 0;
                    }
                }
                return Ok(cycle_saved(saved, index));
            }
            let IterState::Cycle { saved, index, .. } = &mut *s else {
                return Ok(None);
            };
            Ok(cycle_saved(saved, index))
        }
        IterState::Islice {
            inner,
            next,
            stop,
            step,
            consumed,
        } => {
            let (inner, target, stop, step, mut consumed_now) =
                (inner.clone(), *next, *stop, *step, *consumed);
            drop(s);
            if stop.is_some_and(|stop| target >= stop) {
                // Exhaust up to `stop` like CPython, then finish.
                while stop.is_some_and(|stop| consumed_now < stop) {
                    if next_item(vm, &inner)?.is_none() {
                        break;
                    }
                    consumed_now += 1;
                }
                set_islice(state, consumed_now, usize::MAX);
                return Ok(None);
            }
            while consumed_now < target {
                if next_item(vm, &inner)?.is_none() {
                    set_islice(state, usize::MAX, usize::MAX);
                    return Ok(None);
                }
                consumed_now += 1;
            }
            let Some(item) = next_item(vm, &inner)? else {
                set_islice(state, usize::MAX, usize::MAX);
                return Ok(None);
            };
            set_islice(state, consumed_now + 1, target.saturating_add(step));
            Ok(Some(item))
        }
        IterState::Chain { sources, current } => {
            let (sources, mut current) = (sources.clone(), current.clone());
            drop(s);
            loop {
                if let Some(cur) = &current {
                    if let Some(v) = next_item(vm, cur)? {
                        return Ok(Some(v));
                    }
                }
                match next_item(vm, &sources)? {
                    Some(iterable) => {
                        let it = get_iter(vm, &iterable)?;
                        current = Some(it.clone());
                        if let IterState::Chain { current, .. } = &mut *state.borrow_mut() {
                            *current = Some(it);
                        }
                    }
                    None => return Ok(None),
                }
            }
        }
        IterState::Callable { func, sentinel } => {
            let (Some(func), sentinel) = (func.clone(), sentinel.clone()) else {
                return Ok(None);
            };
            drop(s);
            let v = vm.call0(&func)?;
            if v.is(&sentinel) || ops::values_equal(&v, &sentinel) {
                if let IterState::Callable { func, .. } = &mut *state.borrow_mut() {
                    *func = None;
                }
                return Ok(None);
            }
            Ok(Some(v))
        }
        IterState::Sequence { seq, index } => {
            let (Some(seq), at) = (seq.clone(), *index) else {
                return Ok(None);
            };
            drop(s);
            let item = ops::get_item(vm, &seq, &Value::Int(at));
            let mut s = state.borrow_mut();
            let IterState::Sequence { seq, index } = &mut *s else {
                return Ok(None);
            };
            match item {
                Ok(v) => {
                    *index += 1;
                    Ok(Some(v))
                }
                Err(e) if e.is(TypeId::IndexError) || e.is(TypeId::StopIteration) => {
                    *seq = None;
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
    }
}

fn cycle_saved(saved: &[Value], index: &mut usize) -> Option<Value> {
    if saved.is_empty() {
        return None;
    }
    let v = saved[*index % saved.len()].clone();
    *index = (*index + 1) % saved.len();
    Some(v)
}

fn set_islice(state: &Rc<RefCell<IterState>>, consumed_now: usize, next_target: usize) {
    if let IterState::Islice { consumed, next, .. } = &mut *state.borrow_mut() {
        *consumed = consumed_now;
        *next = next_target;
    }
}

fn zip_next(vm: &mut Vm, iters: &[Value], strict: bool) -> PyResult<Option<Value>> {
    if iters.is_empty() {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(iters.len());
    for (i, it) in iters.iter().enumerate() {
        match next_item(vm, it)? {
            Some(v) => items.push(v),
            None => {
                if !strict {
                    return Ok(None);
                }
                let plural = |i: usize| if i == 1 { " " } else { "s 1-" };
                if i > 0 {
                    return Err(value_error(format!(
                        "zip() argument {} is shorter than argument{}{}",
                        i + 1,
                        plural(i),
                        i
                    )));
                }
                for (j, other) in iters.iter().enumerate().skip(1) {
                    if next_item(vm, other)?.is_some() {
                        return Err(value_error(format!(
                            "zip() argument {} is longer than argument{}{}",
                            j + 1,
                            plural(j),
                            j
                        )));
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(Value::tuple(items)))
}

/// Whether `await` can drive `v` directly: a coroutine, an awaitable
/// native object (a future), or a coroutine's `__await__()` wrapper.
pub fn is_await_iterator(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Generator(g) => g.is_coroutine,
        Value::Native(o) => {
            o.class_id() == TypeId::CoroutineWrapper
                || crate::vm::agen_awaitable(v).is_some()
                || vm.slots.inherited(o.class_id(), |s| s.await_step).is_some()
        }
        _ => false,
    }
}

/// The coroutine behind a `coroutine.__await__()` wrapper, or `v`.
pub fn unwrap_coroutine(v: &Value) -> Value {
    match crate::object::native::downcast::<CoroutineWrapper>(v) {
        Some(w) => Value::Generator(w.0.clone()),
        None => v.clone(),
    }
}

/// `set_update_internal(set, src)`: `set(x)`, `{*x}`. The items of an
/// iterable are collected before the set is touched (collecting may run
/// Python code).
pub fn extend_set(vm: &mut Vm, set: &RefCell<PySet>, src: &Value) -> PyResult<()> {
    match src {
        Value::Set(s) if std::ptr::eq(&**s, set) => Ok(()),
        Value::Set(s) => set.borrow_mut().update(Other::Set(&s.borrow())),
        Value::Dict(d) => set.borrow_mut().update(Other::Dict(&d.borrow())),
        other => {
            let items = collect(vm, other)?;
            if items.iter().any(crate::mapping::runs_python) {
                for item in items {
                    crate::mapping::set_add(vm, set, item)?;
                }
                return Ok(());
            }
            set.borrow_mut().update(Other::Items(&items))
        }
    }
}

/// `list.extend(src)`, `list += src`: a list or tuple is copied at once (it may
/// be this very list); the items of any other iterable are appended one by one
/// as they come, as CPython does, so the iterable sees the list grow and an
/// error midway keeps what came before it.
pub fn extend_list(vm: &mut Vm, list: &RefCell<Vec<Value>>, src: &Value) -> PyResult<()> {
    if let Value::List(_) | Value::Tuple(_) = src {
        let items = collect(vm, src)?;
        vm.check_items(list.borrow().len() + items.len())?;
        list.borrow_mut().extend(items);
        return Ok(());
    }
    let it = get_iter(vm, src)?;
    while let Some(item) = next_item(vm, &it)? {
        if list.borrow().len() >= vm.limits.max_sequence_len {
            return Err(crate::object::exceptions::exc_empty(TypeId::MemoryError));
        }
        list.borrow_mut().push(item);
    }
    Ok(())
}

/// All items of an iterable.
pub fn collect(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => return Ok(l.borrow().clone()),
        Value::Tuple(t) => return Ok(t.to_vec()),
        _ => {}
    }
    let it = get_iter(vm, v)?;
    let mut out = Vec::new();
    while let Some(item) = next_item(vm, &it)? {
        out.push(item);
        if out.len() > vm.limits.max_sequence_len {
            return Err(crate::object::exceptions::exc_empty(TypeId::MemoryError));
        }
    }
    Ok(out)
}

/// `a, b, c = v`: exactly `n` items, with CPython's messages.
pub fn unpack(vm: &mut Vm, v: &Value, n: usize) -> PyResult<Vec<Value>> {
    let check = |items: Vec<Value>| -> PyResult<Vec<Value>> {
        if items.len() < n {
            return Err(value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        if items.len() > n {
            return Err(value_error(format!(
                "too many values to unpack (expected {n})"
            )));
        }
        Ok(items)
    };
    match v {
        Value::List(l) => return check(l.borrow().clone()),
        Value::Tuple(t) => return check(t.to_vec()),
        _ => {}
    }
    let it = get_iter(vm, v).map_err(|e| {
        if e.class == TypeId::TypeError {
            type_error(format!(
                "cannot unpack non-iterable {} object",
                type_of(v).name()
            ))
        } else {
            e
        }
    })?;
    let mut items = Vec::with_capacity(n);
    while items.len() <= n {
        match next_item(vm, &it)? {
            Some(x) => items.push(x),
            None => break,
        }
    }
    check(items)
}

/// `reversed(seq)`.
pub fn reversed(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    // An instance's class, or a class's metaclass, may define __reversed__.
    if let Some(f) = type_of(v).lookup_override("__reversed__") {
        return vm.call_method(&f, v, Args::new(Vec::new()));
    }
    let (items, of_list) = match crate::object::instance::payload(v) {
        Value::List(l) => (l.0.clone(), true),
        Value::Tuple(_)
        | Value::Str(_)
        | Value::Range(_)
        | Value::Bytes(_)
        | Value::ByteArray(_) => (Rc::new(RefCell::new(collect(vm, v)?)), false),
        Value::Dict(d) => (Rc::new(RefCell::new(d.borrow().keys())), false),
        Value::Iter(state) if matches!(&*state.borrow(), IterState::DictView { .. }) => {
            (Rc::new(RefCell::new(collect(vm, v)?)), false)
        }
        _ if sequence_protocol(v) => (Rc::new(RefCell::new(items_backwards(vm, v)?)), false),
        _ => {
            return Err(type_error(format!(
                "'{}' object is not reversible",
                type_of(v).name()
            )))
        }
    };
    let index = items.borrow().len() as isize - 1;
    Ok(new_iter(IterState::Reversed {
        items,
        index,
        of_list,
    }))
}

/// Whether `reversed(v)` may use CPython's sequence protocol: `v`'s class defines
/// `__len__` and `__getitem__`.
fn sequence_protocol(v: &Value) -> bool {
    let t = type_of(v);
    crate::dunders::is_class_instance(v)
        && t.lookup_override("__len__").is_some()
        && t.lookup_override("__getitem__").is_some()
}

/// The items of a sequence, `v[len(v) - 1]` down to `v[0]` asked in that order (as
/// CPython's reversed object asks them, though all at once here), laid out from the first.
fn items_backwards(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    let n = crate::ops::len(vm, v)?;
    let mut items = Vec::with_capacity(n);
    for i in (0..n).rev() {
        let item = crate::ops::get_item(vm, v, &Value::Int(i as i64))?;
        items.push(item);
    }
    items.reverse();
    Ok(items)
}

/// Remaining length of sequence views used by `len()` (`None`: no len).
pub fn view_len(state: &IterState) -> Option<usize> {
    match state {
        IterState::DictView { dict, .. } => Some(dict.borrow().len()),
        _ => None,
    }
}
