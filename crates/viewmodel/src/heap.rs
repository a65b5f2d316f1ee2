//! The loop's timer heap, rebuilt with heapq's own sift code (as the
//! runtime's `asyncio/heapq.rs` does), so that timers with equal deadlines
//! sit, pop and get purged in exactly the runtime's order.

/// One timer: its deadline and handle id.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Timer {
    pub when: f64,
    pub handle: u32,
}

/// The same timer: deadlines compare by their bits, so that a NaN deadline (which
/// CPython's loop accepts, and runs at once) equals itself in replayed states.
impl PartialEq for Timer {
    fn eq(&self, other: &Timer) -> bool {
        self.when.to_bits() == other.when.to_bits() && self.handle == other.handle
    }
}

/// `TimerHandle.__lt__`: deadlines only.
fn earlier(a: &Timer, b: &Timer) -> bool {
    a.when < b.when
}

/// A binary min-heap ordered by `when` only, like CPython's `_scheduled`.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct TimerHeap {
    items: Vec<Timer>,
}

impl TimerHeap {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn top(&self) -> Option<Timer> {
        self.items.first().copied()
    }

    /// `heapq.heappush`.
    pub fn push(&mut self, timer: Timer) {
        self.items.push(timer);
        let last = self.items.len() - 1;
        self.sift_down(0, last);
    }

    /// `heapq.heappop`.
    pub fn pop(&mut self) -> Option<Timer> {
        let last = self.items.pop()?;
        if self.items.is_empty() {
            return Some(last);
        }
        let first = std::mem::replace(&mut self.items[0], last);
        self.sift_up(0);
        Some(first)
    }

    /// Removes `handle` wherever it is (for traces whose order disagrees with
    /// this heap), restoring the heap property.
    pub fn remove(&mut self, handle: u32) -> bool {
        let Some(pos) = self.items.iter().position(|t| t.handle == handle) else {
            return false;
        };
        self.items.remove(pos);
        self.heapify();
        true
    }

    /// The purge's rebuild: keep the timers `keep` accepts, then `heapify`.
    pub fn retain(&mut self, keep: impl Fn(&Timer) -> bool) {
        self.items.retain(keep);
        self.heapify();
    }

    /// Timers in the order the heap would pop them.
    pub fn in_pop_order(&self) -> Vec<Timer> {
        let mut copy = self.clone();
        std::iter::from_fn(|| copy.pop()).collect()
    }

    fn heapify(&mut self) {
        for i in (0..self.items.len() / 2).rev() {
            self.sift_up(i);
        }
    }

    /// heapq's `_siftdown`: move the item at `pos` up towards the root.
    fn sift_down(&mut self, start: usize, mut pos: usize) {
        let item = self.items[pos];
        while pos > start {
            let parent = (pos - 1) >> 1;
            if earlier(&item, &self.items[parent]) {
                self.items[pos] = self.items[parent];
                pos = parent;
            } else {
                break;
            }
        }
        self.items[pos] = item;
    }

    /// heapq's `_siftup`: bubble the smaller child up to a leaf, then sift
    /// the item down into place.
    fn sift_up(&mut self, mut pos: usize) {
        let end = self.items.len();
        let start = pos;
        let item = self.items[pos];
        let mut child = 2 * pos + 1;
        while child < end {
            let right = child + 1;
            if right < end && !earlier(&self.items[child], &self.items[right]) {
                child = right;
            }
            self.items[pos] = self.items[child];
            pos = child;
            child = 2 * pos + 1;
        }
        self.items[pos] = item;
        self.sift_down(start, pos);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(when: f64, handle: u32) -> Timer {
        Timer { when, handle }
    }

    #[test]
    fn pops_by_deadline() {
        let mut h = TimerHeap::default();
        for (i, w) in [3.0, 1.0, 2.0, 0.5].into_iter().enumerate() {
            h.push(t(w, i as u32));
        }
        let order: Vec<u32> = h.in_pop_order().iter().map(|t| t.handle).collect();
        assert_eq!(order, vec![3, 1, 2, 0]);
    }

    #[test]
    fn equal_deadlines_pop_in_heapq_order_not_insertion_order() {
        // CPython: five objects comparing equal, heappushed as 0..4, then
        // heappopped, come out as 0, 2, 4, 1, 3.
        let mut h = TimerHeap::default();
        for i in 0..5 {
            h.push(t(1.0, i));
        }
        let order: Vec<u32> = h.in_pop_order().iter().map(|t| t.handle).collect();
        assert_eq!(order, vec![0, 2, 4, 1, 3]);
    }
}
