//! Dict and set operations whose keys may run Python code: instances of
//! classes that define `__hash__` or `__eq__` (and tuples holding them).
//! Their hash comes from `ops::hash`, and equal-hash candidates are compared
//! with `ops::eq` while no borrow of the dict is held (the comparison may
//! touch the dict). Every other key takes the dict's and set's own lookup.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::dict::{Dict, PySet};
use crate::object::set::Other;
use crate::object::value::{PyResult, Value};
use crate::ops;
use crate::vm::Vm;

/// Whether hashing or comparing `v` may run Python code.
pub fn runs_python(v: &Value) -> bool {
    // Without recursion: a tuple may be nested a million deep.
    let mut pending = vec![v];
    while let Some(v) = pending.pop() {
        match v {
            Value::Tuple(items) => pending.extend(items.iter()),
            _ if crate::dunders::is_class_instance(v) => return true,
            _ => {}
        }
    }
    false
}

/// The key of `d` equal to `key`, if any.
fn find_key(vm: &mut Vm, d: &RefCell<Dict>, key: &Value, hash: i64) -> PyResult<Option<Value>> {
    let candidates = d.borrow().candidates(hash);
    for k in candidates {
        if k.is(key) || ops::eq(vm, &k, key)? {
            return Ok(Some(k));
        }
    }
    Ok(None)
}

/// `d[key]`, `None` when missing.
pub fn dict_get(vm: &mut Vm, d: &RefCell<Dict>, key: &Value) -> PyResult<Option<Value>> {
    if !runs_python(key) {
        return d.borrow().get(key);
    }
    let hash = ops::hash(vm, key)?;
    Ok(match find_key(vm, d, key, hash)? {
        Some(k) => d.borrow().get_identical(&k, hash),
        None => None,
    })
}

/// `d[key] = value`: an equal key already present keeps its place.
pub fn dict_set(vm: &mut Vm, d: &RefCell<Dict>, key: Value, value: Value) -> PyResult<()> {
    if !runs_python(&key) {
        return d.borrow_mut().insert(key, value);
    }
    let hash = ops::hash(vm, &key)?;
    let key = find_key(vm, d, &key, hash)?.unwrap_or(key);
    d.borrow_mut().set_identical(key, hash, value);
    Ok(())
}

/// `del d[key]`: the removed value, `None` when missing.
pub fn dict_remove(vm: &mut Vm, d: &RefCell<Dict>, key: &Value) -> PyResult<Option<Value>> {
    if !runs_python(key) {
        return d.borrow_mut().remove(key);
    }
    let hash = ops::hash(vm, key)?;
    Ok(match find_key(vm, d, key, hash)? {
        Some(k) => d.borrow_mut().remove_identical(&k, hash),
        None => None,
    })
}

/// `key in d`.
pub fn dict_contains(vm: &mut Vm, d: &RefCell<Dict>, key: &Value) -> PyResult<bool> {
    Ok(dict_get(vm, d, key)?.is_some())
}

/// The item of `s` equal to `v`, if any.
fn find_item(vm: &mut Vm, s: &RefCell<PySet>, v: &Value, hash: i64) -> PyResult<Option<Value>> {
    let candidates = s.borrow().candidates(hash);
    for c in candidates {
        if c.is(v) || ops::eq(vm, &c, v)? {
            return Ok(Some(c));
        }
    }
    Ok(None)
}

/// `s.add(v)`: an equal item already present stays.
pub fn set_add(vm: &mut Vm, s: &RefCell<PySet>, v: Value) -> PyResult<()> {
    if !runs_python(&v) {
        return s.borrow_mut().add(v);
    }
    let hash = ops::hash(vm, &v)?;
    if find_item(vm, s, &v, hash)?.is_none() {
        s.borrow_mut().add_hashed(v, hash);
    }
    Ok(())
}

/// `v in s`.
pub fn set_contains(vm: &mut Vm, s: &RefCell<PySet>, v: &Value) -> PyResult<bool> {
    if !runs_python(v) {
        return s.borrow().contains(v);
    }
    let hash = ops::hash(vm, v)?;
    Ok(find_item(vm, s, v, hash)?.is_some())
}

/// Whether every item of `x` is in `y` (`set_issubset`): an item hashed by a
/// class's `__hash__` is looked up with its stored hash and compared with its
/// class's `__eq__`, which only the VM can run.
pub fn set_is_subset(vm: &mut Vm, x: &RefCell<PySet>, y: &RefCell<PySet>) -> PyResult<bool> {
    if x.borrow().len() > y.borrow().len() {
        return Ok(false);
    }
    let items = x.borrow().hashed_items();
    for (v, hash) in items {
        let found = if runs_python(&v) {
            find_item(vm, y, &v, hash)?.is_some()
        } else {
            y.borrow().contains_hashed(&v, hash)
        };
        if !found {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `y` as the set algebra of `x` and `y` must see it (`|`, `&`, `-`, `^` and
/// their methods, which match items by identity or built-in equality): a copy
/// in which each item equal to an item of `x` only by its class's `__eq__` is
/// that item of `x`, or None when no item needs it.
pub fn set_matched_to(
    vm: &mut Vm,
    x: &RefCell<PySet>,
    y: &RefCell<PySet>,
) -> PyResult<Option<PySet>> {
    if !y.borrow().iter().any(runs_python) {
        return Ok(None);
    }
    let mut matched = y.borrow().copy();
    let mut changed = false;
    matched.replace_values(|v, hash| {
        if !runs_python(v) {
            return Ok(None);
        }
        Ok(find_item(vm, x, v, hash)?
            .filter(|found| !found.is(v))
            .inspect(|_| changed = true))
    })?;
    Ok(changed.then_some(matched))
}

/// Runs `f` with `y` as the set algebra of `x` and `y` must see it: `Itself`
/// when both are one set, else `y` matched to `x` by [`set_matched_to`].
pub fn with_set_operand<T>(
    vm: &mut Vm,
    x: &Rc<RefCell<PySet>>,
    y: &Rc<RefCell<PySet>>,
    f: impl FnOnce(Other) -> PyResult<T>,
) -> PyResult<T> {
    if Rc::ptr_eq(x, y) {
        return f(Other::Itself);
    }
    match set_matched_to(vm, x, y)? {
        Some(matched) => f(Other::Set(&matched)),
        None => f(Other::Set(&y.borrow())),
    }
}

/// `s.discard(v)`: whether it was there.
pub fn set_remove(vm: &mut Vm, s: &RefCell<PySet>, v: &Value) -> PyResult<bool> {
    if !runs_python(v) {
        return s.borrow_mut().remove(v);
    }
    let hash = ops::hash(vm, v)?;
    Ok(match find_item(vm, s, v, hash)? {
        Some(item) => s.borrow_mut().remove_hashed(&item, hash),
        None => false,
    })
}
