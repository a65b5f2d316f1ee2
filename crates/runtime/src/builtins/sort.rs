//! `list.sort` / `sorted`: CPython's timsort run discovery and binary
//! insertion (so that the comparisons made, and hence which TypeError an
//! unorderable list raises, are CPython's), then stable merging of the
//! runs. Only Python's `<` is used, and it may raise. `key=` and `reverse=`
//! are handled as CPython does: keys first, and reverse / sort / reverse.

use loopscope_syntax::ast::CmpOp;

use crate::object::value::{PyResult, Value};
use crate::ops;
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
    Sorter { vm, keys: &keys }.sort(&mut order)?;
    let mut out: Vec<Value> = order.into_iter().map(|i| items[i].clone()).collect();
    if reverse {
        out.reverse();
    }
    *items = out;
    Ok(())
}

/// Sorts indices into `keys`.
struct Sorter<'a> {
    vm: &'a mut Vm,
    keys: &'a [Value],
}

impl Sorter<'_> {
    /// `keys[a] < keys[b]`.
    fn less(&mut self, a: usize, b: usize) -> PyResult<bool> {
        if let (Value::Int(x), Value::Int(y)) = (&self.keys[a], &self.keys[b]) {
            return Ok(x < y);
        }
        let r = ops::compare_op(self.vm, CmpOp::Lt, &self.keys[a], &self.keys[b])?;
        ops::truthy(self.vm, &r)
    }

    fn sort(&mut self, idx: &mut [usize]) -> PyResult<()> {
        let n = idx.len();
        if n < 2 {
            return Ok(());
        }
        let min_run = min_run_length(n);
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut lo = 0;
        while lo < n {
            let remaining = n - lo;
            let (mut len, descending) = self.count_run(&idx[lo..])?;
            if descending {
                idx[lo..lo + len].reverse();
            }
            if len < min_run {
                let force = min_run.min(remaining);
                self.binary_insertion(&mut idx[lo..lo + force], len)?;
                len = force;
            }
            runs.push((lo, len));
            lo += len;
        }
        while runs.len() > 1 {
            let mut merged = Vec::with_capacity(runs.len().div_ceil(2));
            for pair in runs.chunks(2) {
                match pair {
                    [(a, alen), (_, blen)] => {
                        self.merge(&mut idx[*a..a + alen + blen], *alen)?;
                        merged.push((*a, alen + blen));
                    }
                    [single] => merged.push(*single),
                    _ => {}
                }
            }
            runs = merged;
        }
        Ok(())
    }

    /// CPython's `count_run`: the length of the run starting at `idx[0]`
    /// and whether it is strictly descending.
    fn count_run(&mut self, idx: &[usize]) -> PyResult<(usize, bool)> {
        if idx.len() == 1 {
            return Ok((1, false));
        }
        let mut n = 2;
        if self.less(idx[1], idx[0])? {
            while n < idx.len() && self.less(idx[n], idx[n - 1])? {
                n += 1;
            }
            Ok((n, true))
        } else {
            while n < idx.len() && !self.less(idx[n], idx[n - 1])? {
                n += 1;
            }
            Ok((n, false))
        }
    }

    /// CPython's `binarysort`: `idx[..sorted]` is sorted; insert the rest.
    fn binary_insertion(&mut self, idx: &mut [usize], sorted: usize) -> PyResult<()> {
        for start in sorted..idx.len() {
            let pivot = idx[start];
            let (mut l, mut r) = (0, start);
            while l < r {
                let p = l + ((r - l) >> 1);
                if self.less(pivot, idx[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            idx.copy_within(l..start, l + 1);
            idx[l] = pivot;
        }
        Ok(())
    }

    /// Stable merge of the sorted halves `idx[..mid]` and `idx[mid..]`.
    fn merge(&mut self, idx: &mut [usize], mid: usize) -> PyResult<()> {
        let left = idx[..mid].to_vec();
        let right = idx[mid..].to_vec();
        let (mut i, mut j, mut k) = (0, 0, 0);
        while i < left.len() && j < right.len() {
            if self.less(right[j], left[i])? {
                idx[k] = right[j];
                j += 1;
            } else {
                idx[k] = left[i];
                i += 1;
            }
            k += 1;
        }
        for &v in left[i..].iter().chain(&right[j..]) {
            idx[k] = v;
            k += 1;
        }
        Ok(())
    }
}

/// CPython's `merge_compute_minrun`.
fn min_run_length(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}
