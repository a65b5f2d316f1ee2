//! Weak references with callbacks (`weakref.ref(obj, callback)`, and so
//! `weakref.finalize`): CPython calls them when the referent is deallocated,
//! the newest reference first. Loopscope frees an object when its last
//! reference goes too, so the referents a callback waits on tell this
//! registry from their destructors ([`referent_dropped`], keyed by the
//! object's allocation), and the callbacks are queued like the other reports
//! of destructors (`warnings::Notice::WeakrefCallback`), run at the next
//! instruction boundary: where CPython runs them, in the middle of the
//! instruction that dropped the last reference, nothing else of the program
//! can run in between.
//!
//! A reference that dies first is forgotten (its callback never runs), as in
//! CPython.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use crate::object::native::NativeObject;
use crate::object::value::Value;
use crate::object::warnings::{self, Notice};

thread_local! {
    /// The weak references with a callback, by their referent's allocation, oldest first.
    static WAITING: RefCell<HashMap<usize, Vec<Weak<dyn NativeObject>>>> =
        RefCell::new(HashMap::new());
    /// Cheap "any callback registered?" flag, read by every destructor that reports here.
    static ANY: Cell<bool> = const { Cell::new(false) };
}

/// Calls `weakref`'s callback when the object at `referent` dies.
pub fn register(referent: usize, weakref: &Rc<dyn NativeObject>) {
    WAITING.with(|w| {
        let mut waiting = w.borrow_mut();
        let refs = waiting.entry(referent).or_default();
        refs.retain(|r| r.strong_count() > 0);
        refs.push(Rc::downgrade(weakref));
    });
    ANY.with(|any| any.set(true));
}

/// The object at `referent` is being freed: queue the callbacks of the
/// references to it still alive, the newest first.
pub fn referent_dropped(referent: usize) {
    if !ANY.try_with(Cell::get).unwrap_or(false) {
        return;
    }
    let refs = WAITING
        .try_with(|w| {
            let mut waiting = w.borrow_mut();
            let refs = waiting.remove(&referent);
            if waiting.is_empty() {
                ANY.with(|any| any.set(false));
            }
            refs
        })
        .ok()
        .flatten();
    for weakref in refs.into_iter().flatten().rev() {
        if let Some(weakref) = weakref.upgrade() {
            warnings::push(Notice::WeakrefCallback(Value::Native(weakref)));
        }
    }
}

/// The weak references with a callback to the object at `referent`, still
/// alive: the callbacks CPython's collector calls when it frees that object.
pub fn callbacks_waiting(referent: usize) -> Vec<Weak<dyn NativeObject>> {
    if !ANY.with(Cell::get) {
        return Vec::new();
    }
    WAITING.with(|w| {
        w.borrow().get(&referent).map_or_else(Vec::new, |refs| {
            refs.iter()
                .filter(|r| r.strong_count() > 0)
                .cloned()
                .collect()
        })
    })
}

/// Forgets every registered callback: what a previous run left behind.
pub fn discard_all() {
    let _ = WAITING.try_with(|w| w.borrow_mut().clear());
    let _ = ANY.try_with(|any| any.set(false));
}
