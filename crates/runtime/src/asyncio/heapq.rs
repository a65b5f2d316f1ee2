//! Python's heapq (heappush / heappop / heapify) on timer handles ordered by
//! `when` only, exactly as heapq.py does it. The sift order matters: timers
//! with equal deadlines are NOT popped in insertion order, and Loopscope must
//! pop them in CPython's order.

use std::ops::Deref;
use std::rc::Rc;

use super::objects::Handle;

/// A timer in the heap, with its deadline stored inline so that sifting
/// compares without chasing pointers.
#[derive(Clone)]
pub struct TimerEntry {
    when: f64,
    pub handle: Rc<Handle>,
}

impl TimerEntry {
    pub fn new(handle: Rc<Handle>) -> TimerEntry {
        TimerEntry {
            when: handle.when,
            handle,
        }
    }
}

impl Deref for TimerEntry {
    type Target = Handle;
    fn deref(&self) -> &Handle {
        &self.handle
    }
}

/// `TimerHandle.__lt__`: by deadline only.
fn lt(a: &TimerEntry, b: &TimerEntry) -> bool {
    a.when < b.when
}

/// `heapq.heappush`.
pub fn push(heap: &mut Vec<TimerEntry>, item: Rc<Handle>) {
    heap.push(TimerEntry::new(item));
    let n = heap.len() - 1;
    sift_down(heap, 0, n);
}

/// `heapq.heappop`.
pub fn pop(heap: &mut Vec<TimerEntry>) -> Option<TimerEntry> {
    let last = heap.pop()?;
    if heap.is_empty() {
        return Some(last);
    }
    let first = std::mem::replace(&mut heap[0], last);
    sift_up(heap, 0);
    Some(first)
}

/// `heapq.heapify`.
pub fn heapify(heap: &mut [TimerEntry]) {
    let n = heap.len();
    for i in (0..n / 2).rev() {
        sift_up(heap, i);
    }
}

/// heapq's `_siftdown(heap, startpos, pos)`: move the item at `pos` up
/// towards the root.
fn sift_down(heap: &mut [TimerEntry], startpos: usize, mut pos: usize) {
    let newitem = heap[pos].clone();
    while pos > startpos {
        let parentpos = (pos - 1) >> 1;
        if lt(&newitem, &heap[parentpos]) {
            heap[pos] = heap[parentpos].clone();
            pos = parentpos;
            continue;
        }
        break;
    }
    heap[pos] = newitem;
}

/// heapq's `_siftup(heap, pos)`: bubble the smaller child up until hitting
/// a leaf, then sift the item down into place.
fn sift_up(heap: &mut [TimerEntry], mut pos: usize) {
    let endpos = heap.len();
    let startpos = pos;
    let newitem = heap[pos].clone();
    let mut childpos = 2 * pos + 1;
    while childpos < endpos {
        let rightpos = childpos + 1;
        if rightpos < endpos && !lt(&heap[childpos], &heap[rightpos]) {
            childpos = rightpos;
        }
        heap[pos] = heap[childpos].clone();
        pos = childpos;
        childpos = 2 * pos + 1;
    }
    heap[pos] = newitem;
    sift_down(heap, startpos, pos);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::{Cell, RefCell};

    fn handle(id: u32, when: f64) -> Rc<Handle> {
        Rc::new(Handle {
            id,
            callback: RefCell::new(None),
            cancelled: Cell::new(false),
            when,
            scheduled: Cell::new(true),
            is_timer: true,
        })
    }

    /// Equal deadlines: CPython pops ids in this order (recorded with
    /// `heapq` on `(when, id)`-less objects comparing only `when`).
    #[test]
    fn equal_deadlines_follow_heapq_order() {
        let mut heap = Vec::new();
        for id in 1..=6 {
            push(&mut heap, handle(id, 1.0));
        }
        let order: Vec<u32> = std::iter::from_fn(|| pop(&mut heap).map(|h| h.id)).collect();
        assert_eq!(order, vec![1, 3, 6, 5, 2, 4]);
    }
}
