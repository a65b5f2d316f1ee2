//! Freeing deep structures without deep native recursion (issue 10): the last
//! reference to a list nested 100,000 deep, a chain of closures or of dicts. Rust's
//! drop glue recurses once per level and would overflow the native stack (1 MiB in a
//! browser tab). CPython's "trashcan" solves the same problem the same way: the
//! containers that can nest ([`ListRef`], [`TupleRef`], [`IterRef`], [`SliceRef`],
//! [`CellRef`], dicts, functions, bound methods, generators, asyncio's futures)
//! free their children themselves, one level deeper; past [`MAX_NESTED_FREES`] levels the
//! children are queued instead, and the outermost free drains the queue in a loop.
//!
//! Only what is nested past the limit is freed later than Rust's own order would
//! free it (still before the outermost free returns), as in CPython.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::ops::Deref;
use std::rc::Rc;

use super::iter_state::IterState;
use super::value::Value;

/// Containers freed inside one another before the next one's children are queued
/// (CPython's trashcan unwinds at 50 levels too). A level of drop glue costs a few
/// hundred bytes of native stack at most, so this stays far under the page's 1 MiB.
const MAX_NESTED_FREES: u32 = 50;

thread_local! {
    /// How many containers are freeing their children inside one another.
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Children queued to be freed by the outermost free.
    static QUEUE: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
    /// Whether `QUEUE` may hold anything: the outermost free of almost every run looks
    /// at this, not at the queue (which has a destructor, so each look would check that
    /// the thread's locals still exist).
    static QUEUED: Cell<bool> = const { Cell::new(false) };
}

/// Frees `children`, what a container being freed held: dropped here one level
/// deeper, or, past [`MAX_NESTED_FREES`] levels, queued for the outermost free.
pub(crate) fn free<T: 'static>(children: T) {
    if too_deep() {
        let mut children = Some(children);
        let queued = QUEUE.try_with(|queue| {
            if let Some(children) = children.take() {
                queue.borrow_mut().push(Box::new(children));
            }
        });
        if queued.is_ok() {
            let _ = QUEUED.try_with(|flag| flag.set(true));
            return;
        }
        drop(children);
        return;
    }
    one_level_deeper(|| drop(children));
}

/// Whether children freed now would be queued.
fn too_deep() -> bool {
    DEPTH.try_with(Cell::get).unwrap_or(0) >= MAX_NESTED_FREES
}

/// Runs `free_children` one level deeper; the outermost level then drains the queue.
fn one_level_deeper(free_children: impl FnOnce()) {
    let Ok(depth) = DEPTH.try_with(Cell::get) else {
        // The thread is being torn down: nothing is nested any more.
        return free_children();
    };
    DEPTH.set(depth + 1);
    free_children();
    if depth == 0 && QUEUED.try_with(|flag| flag.replace(false)).unwrap_or(false) {
        // Each queued item is freed at depth 1, so its own children nest up to the
        // limit again before they queue theirs. (While the thread's locals are
        // destroyed the queue may be gone: then nothing was queued.)
        while let Ok(Some(next)) = QUEUE.try_with(|queue| queue.borrow_mut().pop()) {
            drop(next);
        }
    }
    DEPTH.set(depth);
}

/// A list's or tuple's items, freed as CPython frees them (`list_dealloc`,
/// `list.clear()`, `tupledealloc`): the last first, which is the order their
/// destructors report in (weak reference callbacks, `__del__`s).
pub(crate) struct FromTheEnd(pub Vec<Value>);

impl Drop for FromTheEnd {
    fn drop(&mut self) {
        while let Some(item) = self.0.pop() {
            drop(item);
        }
    }
}

/// A list, as `Value::List` holds it: freeing it frees its items through [`free`].
#[derive(Clone)]
pub struct ListRef(pub Rc<RefCell<Vec<Value>>>);

impl Deref for ListRef {
    type Target = Rc<RefCell<Vec<Value>>>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl From<Rc<RefCell<Vec<Value>>>> for ListRef {
    fn from(list: Rc<RefCell<Vec<Value>>>) -> ListRef {
        ListRef(list)
    }
}

impl Drop for ListRef {
    fn drop(&mut self) {
        if Rc::strong_count(&self.0) != 1 {
            return;
        }
        if let Ok(mut items) = self.0.try_borrow_mut() {
            if !items.is_empty() {
                free(FromTheEnd(std::mem::take(&mut *items)));
            }
        }
    }
}

/// A tuple, as `Value::Tuple` holds it: freeing it frees its items through [`free`].
#[derive(Clone)]
pub struct TupleRef(pub Rc<[Value]>);

impl Deref for TupleRef {
    type Target = Rc<[Value]>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl From<Rc<[Value]>> for TupleRef {
    fn from(items: Rc<[Value]>) -> TupleRef {
        TupleRef(items)
    }
}

impl Drop for TupleRef {
    fn drop(&mut self) {
        if Rc::strong_count(&self.0) != 1 || self.0.is_empty() {
            return;
        }
        let Some(items) = Rc::get_mut(&mut self.0) else {
            // Known to the cycle collector (a weak reference): hold the items,
            // let the tuple go (which only lets go of them), then free them.
            let items = self.0.to_vec();
            drop(std::mem::replace(&mut self.0, Rc::from(Vec::new())));
            if too_deep() {
                free(FromTheEnd(items));
            } else {
                one_level_deeper(|| items.into_iter().rev().for_each(drop));
            }
            return;
        };
        let take = |item: &mut Value| std::mem::replace(item, Value::None);
        if too_deep() {
            free(FromTheEnd(items.iter_mut().map(take).collect()));
        } else {
            one_level_deeper(|| items.iter_mut().rev().for_each(|item| drop(take(item))));
        }
    }
}

/// A slice object, as `Value::Slice` holds it (start, stop, step): freeing it
/// frees them through [`free`] (`slice(slice(...))` a million deep), in
/// `slice_dealloc`'s order: step, start, stop.
#[derive(Clone)]
pub struct SliceRef(pub Rc<[Value; 3]>);

impl Deref for SliceRef {
    type Target = Rc<[Value; 3]>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl Drop for SliceRef {
    fn drop(&mut self) {
        if let Some([start, stop, step]) = Rc::get_mut(&mut self.0) {
            let take = |item: &mut Value| std::mem::replace(item, Value::None);
            free((take(step), take(start), take(stop)));
        }
    }
}

/// A closure cell, as frames, functions and `Value::Cell` hold it: freeing the
/// last reference frees its content through [`free`] (a cell holding a cell
/// holding ... a million deep).
#[derive(Clone)]
pub struct CellRef(pub Rc<RefCell<Option<Value>>>);

impl Deref for CellRef {
    type Target = Rc<RefCell<Option<Value>>>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl Drop for CellRef {
    fn drop(&mut self) {
        if Rc::strong_count(&self.0) != 1 {
            return;
        }
        let content = self.0.try_borrow_mut().ok().and_then(|mut c| c.take());
        if let Some(content) = content {
            free(content);
        }
    }
}

/// An iterator, as `Value::Iter` holds it (a `map` of a `map` of ...): freeing it
/// frees what its state holds through [`free`].
#[derive(Clone)]
pub struct IterRef(pub Rc<RefCell<IterState>>);

impl Deref for IterRef {
    type Target = Rc<RefCell<IterState>>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl Drop for IterRef {
    fn drop(&mut self) {
        if Rc::strong_count(&self.0) != 1 {
            return;
        }
        if let Ok(mut state) = self.0.try_borrow_mut() {
            let exhausted = IterState::Range {
                next: 0,
                step: 1,
                remaining: 0,
            };
            free(std::mem::replace(&mut *state, exhausted));
        }
    }
}
