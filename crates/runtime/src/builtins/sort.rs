//! `list.sort` / `sorted`: a stable merge sort that compares only with
//! Python's `<` (which may raise), with `key=` and `reverse=` handled as
//! CPython does (reverse, sort stably, reverse back).

use loopscope_syntax::ast::CmpOp;

use crate::ops;
use crate::value::{PyResult, Value};
use crate::vm::Vm;

/// Sort `items` in place.
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<Value>,
    reverse: Option<Value>,
) -> PyResult<()> {
    let reverse = match reverse {
        None => false,
        Some(r) => ops::truthy(vm, &r)?,
    };
    let keys = match key.filter(|k| !k.is_none()) {
        Some(f) => {
            let mut keys = Vec::with_capacity(items.len());
            for item in items.iter() {
                keys.push(vm.call1(&f, item.clone())?);
            }
            keys
        }
        None => items.clone(),
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    if reverse {
        order.reverse();
    }
    let sorted = merge_sort(vm, order, &keys)?;
    let mut out: Vec<Value> = sorted.into_iter().map(|i| items[i].clone()).collect();
    if reverse {
        out.reverse();
    }
    *items = out;
    Ok(())
}

fn less(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(x < y);
    }
    let r = ops::compare_op(vm, CmpOp::Lt, a, b)?;
    ops::truthy(vm, &r)
}

fn merge_sort(vm: &mut Vm, idx: Vec<usize>, keys: &[Value]) -> PyResult<Vec<usize>> {
    if idx.len() <= 1 {
        return Ok(idx);
    }
    if idx.len() <= 8 {
        // Binary-free insertion sort: stable, few comparisons on tiny runs.
        let mut out: Vec<usize> = Vec::with_capacity(idx.len());
        for i in idx {
            let mut pos = out.len();
            while pos > 0 && less(vm, &keys[i], &keys[out[pos - 1]])? {
                pos -= 1;
            }
            out.insert(pos, i);
        }
        return Ok(out);
    }
    let mut left = idx;
    let right = left.split_off(left.len() / 2);
    let left = merge_sort(vm, left, keys)?;
    let right = merge_sort(vm, right, keys)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        if less(vm, &keys[right[j]], &keys[left[i]])? {
            out.push(right[j]);
            j += 1;
        } else {
            out.push(left[i]);
            i += 1;
        }
    }
    out.extend_from_slice(&left[i..]);
    out.extend_from_slice(&right[j..]);
    Ok(out)
}
