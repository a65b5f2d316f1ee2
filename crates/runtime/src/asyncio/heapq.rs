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
    /// The handle's `when`, read here rather than through the handle.
    pub when: f64,
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
/// towards the root. Items move by rotation (`newitem` travels along the path
/// as the parents shift down), so no handle's reference count is touched.
fn sift_down(heap: &mut [TimerEntry], startpos: usize, pos: usize) {
    let when = heap[pos].when;
    let mut hole = pos;
    while hole > startpos {
        let parentpos = (hole - 1) >> 1;
        if when < heap[parentpos].when {
            hole = parentpos;
            continue;
        }
        break;
    }
    // The path from `hole` to `pos` (each step to a parent) shifts one step
    // down it and `newitem` lands at `hole`: swap along the path, bottom up.
    let mut at = pos;
    while at > hole {
        let parentpos = (at - 1) >> 1;
        heap.swap(at, parentpos);
        at = parentpos;
    }
}

/// heapq's `_siftup(heap, pos)`: bubble the smaller child up until hitting
/// a leaf, then sift the item down into place.
fn sift_up(heap: &mut [TimerEntry], mut pos: usize) {
    let endpos = heap.len();
    let startpos = pos;
    let mut childpos = 2 * pos + 1;
    // Swapping parent and child carries `newitem` down the same path the
    // children move up.
    while childpos < endpos {
        let rightpos = childpos + 1;
        if rightpos < endpos && !lt(&heap[childpos], &heap[rightpos]) {
            childpos = rightpos;
        }
        heap.swap(pos, childpos);
        pos = childpos;
        childpos = 2 * pos + 1;
    }
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
            source_traceback: None,
            cancelled_repr: RefCell::new(None),
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

    /// Many equal deadlines through pushes, pops and a heapify: the pop order
    /// CPython's heapq gives objects comparing by `when` only (recorded with
    /// python3: push ids 1..=200 at `id*37%11`, pop 100, push 201..=300 at
    /// `id*53%7`, pop the rest; and heapify ids 1..=60 at `id*29%5`).
    #[test]
    fn mixed_operations_follow_heapq_order() {
        let mut heap = Vec::new();
        for id in 1..=200 {
            push(&mut heap, handle(id, (id * 37 % 11) as f64));
        }
        let mut order: Vec<u32> = (0..100).map(|_| pop(&mut heap).expect("item").id).collect();
        for id in 201..=300 {
            push(&mut heap, handle(id, (id * 53 % 7) as f64));
        }
        order.extend(std::iter::from_fn(|| pop(&mut heap).map(|h| h.id)));
        let expected: Vec<u32> = vec![
            11, 55, 121, 99, 110, 198, 22, 44, 88, 187, 176, 165, 33, 77, 154, 66, 143, 132, 58,
            124, 113, 25, 102, 14, 190, 47, 91, 3, 179, 168, 80, 157, 36, 146, 69, 135, 127, 61,
            28, 116, 6, 105, 50, 193, 94, 182, 171, 83, 160, 39, 149, 72, 138, 17, 31, 119, 53,
            108, 97, 196, 185, 9, 86, 174, 42, 20, 163, 152, 75, 141, 64, 130, 122, 56, 111, 199,
            1, 12, 100, 23, 188, 45, 89, 177, 166, 78, 155, 144, 34, 67, 133, 15, 125, 59, 114, 26,
            103, 48, 191, 92, 203, 210, 217, 224, 294, 231, 266, 280, 287, 273, 238, 245, 252, 259,
            226, 212, 219, 205, 296, 289, 282, 261, 268, 275, 254, 247, 233, 240, 221, 214, 207,
            298, 291, 284, 277, 270, 263, 256, 249, 228, 242, 235, 223, 216, 202, 209, 300, 293,
            286, 279, 272, 265, 258, 251, 244, 237, 230, 225, 218, 211, 204, 295, 288, 281, 274,
            260, 267, 253, 246, 239, 232, 227, 220, 213, 180, 206, 297, 290, 283, 276, 4, 269, 81,
            262, 255, 248, 147, 37, 241, 136, 234, 169, 158, 70, 299, 222, 183, 229, 292, 40, 215,
            117, 208, 51, 201, 106, 62, 194, 161, 73, 285, 278, 271, 236, 264, 29, 257, 95, 150,
            18, 250, 243, 139, 172, 84, 7, 128, 21, 120, 87, 131, 65, 109, 54, 197, 98, 32, 186,
            175, 10, 153, 76, 164, 43, 142, 2, 156, 200, 101, 79, 178, 13, 35, 167, 46, 145, 24,
            123, 90, 68, 112, 189, 134, 57, 93, 181, 16, 104, 159, 126, 60, 137, 5, 38, 170, 71,
            27, 148, 49, 115, 192, 82, 118, 85, 52, 184, 96, 129, 151, 41, 140, 30, 173, 195, 107,
            63, 8, 162, 74, 19,
        ];
        assert_eq!(order, expected);

        let mut heap: Vec<TimerEntry> = (1..=60)
            .map(|id| TimerEntry::new(handle(id, (id * 29 % 5) as f64)))
            .collect();
        heapify(&mut heap);
        let order: Vec<u32> = std::iter::from_fn(|| pop(&mut heap).map(|h| h.id)).collect();
        let expected: Vec<u32> = vec![
            60, 30, 15, 55, 50, 25, 45, 5, 40, 20, 10, 35, 59, 29, 14, 54, 49, 24, 44, 39, 19, 9,
            34, 4, 3, 48, 28, 58, 13, 53, 23, 43, 38, 18, 8, 33, 7, 32, 27, 2, 12, 47, 52, 22, 57,
            42, 37, 17, 31, 46, 16, 6, 56, 11, 21, 1, 36, 26, 41, 51,
        ];
        assert_eq!(order, expected);
    }
}
