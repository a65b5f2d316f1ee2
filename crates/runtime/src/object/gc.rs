//! The cycle collector: reference counting (`Rc`) frees everything except
//! objects that refer to each other in a cycle, which this finds and breaks,
//! as CPython's `gc` module does.
//!
//! **Tracking.** Every container that can close a cycle — lists, dicts, sets,
//! tuples holding anything but atomic values, instances, functions, closure
//! cells, bound methods, generators and coroutines (through their suspended
//! frames), exceptions and the frames their tracebacks keep, classes (each in
//! a cycle with itself, as CPython's `__mro__` makes it), and asyncio's
//! futures, tasks, handles, queues and locks ([`track_native`], which
//! `asyncio/gc_edges.rs` describes) — is registered when it is created, as a
//! weak reference in the youngest of three generations ([`track`]);
//! `object/gc_edges.rs` says what each kind refers to. A native object held
//! by one container only (a `staticmethod` in a class's namespace) is
//! examined as part of it; the state several of asyncio's callbacks share
//! (gather's, `wait`'s, `as_completed`'s) is registered too ([`track_shared`]).
//! Objects never registered (modules) are opaque: references they hold count as references
//! from outside, which keeps their targets alive, so the collector can only
//! ever miss garbage, never free a live object.
//! An entry (a weak reference) keeps its object's memory allocated after it dies, so the
//! kinds a loop operation makes and frees by the thousand (coroutines, futures, bound
//! methods) remember their entry's place ([`Slot`]) and let go of it when they die; the
//! youngest generation's places stay put and are reused, and a collection restores
//! the order of registration. The other kinds' dead entries go when the generation is
//! pruned (each time it doubles) or collected.
//!
//! **Trial deletion** (CPython's `gc_collect_main`): for the generations being
//! collected, start from each object's reference count, subtract the
//! references the other examined objects hold to it; an object with some
//! left is referred to from outside (a frame, the VM's stacks, an older
//! generation, Rust code). Everything reachable from those survives; the rest
//! is garbage, and clearing its mutable containers (a list's items, a dict's
//! entries, a cell's contents, a generator's frame) breaks every cycle, since
//! a cycle of `Rc`s can only be closed by mutating something.
//! Asynchronous generators are examined but never emptied (their death may
//! call asyncio's finalizer hook, which needs the VM): a cycle closed by one
//! alone stays.
//!
//! **When.** As CPython's thresholds (700, 10, 10): a young collection once
//! more than 700 containers were created since the last one, an older one
//! every 10 younger ones, the oldest only when a quarter of its size is new.
//! CPython counts creations minus deallocations; this subtracts the deaths of
//! the kinds whose `Drop` says so ([`container_died`]: instances, bound
//! methods, asyncio's objects, generators — what a loop operation makes and
//! frees), not of the others (an `Rc` has no hook on its last release), so
//! collections come somewhat more often than CPython's and what
//! `gc.get_count()` reports differs. The VM runs a due collection at its next
//! instruction boundary, where no Rust code is in the middle of changing a
//! container.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::object::generator::GenState;
use crate::object::native::NativeObject;
use crate::object::weakrefs;

use crate::object::gc_edges::{clear, referents, Garbage};
pub use crate::object::gc_edges::{is_atomic, Collectable, Referents, SharedState, Tracked};

/// CPython's default thresholds: `gc.get_threshold()`.
pub const DEFAULT_THRESHOLDS: [i64; 3] = [700, 10, 10];

const GENERATIONS: usize = 3;

/// The least youngest-generation length at which dead entries are dropped (twice
/// CPython's young threshold).
const MIN_PRUNE_AT: usize = 1400;

/// The youngest generation: its entries in places that stay put (so that a container
/// keeping a [`Slot`] finds its own when it dies), each with its rank in the order of
/// registration, which a collection restores; the places of the dead are reused.
struct Young {
    entries: Vec<(u64, Tracked)>,
    /// Places holding [`Tracked::Dead`], reused last-freed first.
    free: Vec<u32>,
    next_rank: u64,
}

impl Young {
    const fn new() -> Young {
        Young {
            entries: Vec::new(),
            free: Vec::new(),
            next_rank: 0,
        }
    }

    /// Adds `tracked`, returning its place.
    fn add(&mut self, tracked: Tracked) -> usize {
        let rank = self.next_rank;
        self.next_rank += 1;
        match self.free.pop() {
            Some(place) => {
                self.entries[place as usize] = (rank, tracked);
                place as usize
            }
            None => {
                self.entries.push((rank, tracked));
                self.entries.len() - 1
            }
        }
    }

    /// Lets go of the entry at `place`.
    fn kill(&mut self, place: usize) {
        self.entries[place].1 = Tracked::Dead;
        self.free.push(u32::try_from(place).unwrap_or(u32::MAX));
    }

    /// Every live entry, in the order of registration; the generation is left empty.
    fn take(&mut self) -> Vec<Tracked> {
        self.free.clear();
        let mut entries = std::mem::take(&mut self.entries);
        entries.retain(|(_, t)| !matches!(t, Tracked::Dead));
        entries.sort_unstable_by_key(|&(rank, _)| rank);
        entries.into_iter().map(|(_, t)| t).collect()
    }
}

/// The collector's state: `gc.get_count()`, `gc.get_threshold()`, `gc.isenabled()`.
struct Heap {
    young: Young,
    /// The two older generations (index 0 unused: the youngest is [`Heap::young`]).
    generations: [Vec<Tracked>; GENERATIONS],
    counts: [usize; GENERATIONS],
    /// As set (CPython keeps any int, even a negative one).
    thresholds: [i64; GENERATIONS],
    enabled: bool,
    /// Objects that survived a middle-generation collection since the last full one.
    long_lived_pending: usize,
    /// The oldest generation's size after the last full collection.
    long_lived_total: usize,
    /// The youngest generation's length at which the entries of objects that died are
    /// dropped from it ([`track`]): its count goes down when they die
    /// ([`container_died`]), so collections no longer empty it every 700 objects, and
    /// an entry (a weak reference) keeps a dead object's memory allocated.
    prune_at: usize,
}

impl Heap {
    const fn new() -> Heap {
        Heap {
            young: Young::new(),
            generations: [Vec::new(), Vec::new(), Vec::new()],
            counts: [0; GENERATIONS],
            thresholds: DEFAULT_THRESHOLDS,
            enabled: true,
            long_lived_pending: 0,
            long_lived_total: 0,
            prune_at: MIN_PRUNE_AT,
        }
    }

    /// CPython's test: a zero threshold turns automatic collection off.
    fn young_over_threshold(&self) -> bool {
        self.thresholds[0] != 0 && self.counts[0] as i64 > self.thresholds[0]
    }

    /// The generation due for an automatic collection, if any (CPython's
    /// `gc_collect_generations`).
    fn due_generation(&self) -> Option<usize> {
        if !self.enabled || !self.young_over_threshold() {
            return None;
        }
        (0..GENERATIONS).rev().find(|&generation| {
            self.counts[generation] as i64 > self.thresholds[generation]
                && (generation < GENERATIONS - 1
                    || self.long_lived_pending >= self.long_lived_total / 4)
        })
    }
}

thread_local! {
    static HEAP: RefCell<Heap> = const { RefCell::new(Heap::new()) };
    /// Set when an automatic collection is due; the VM polls it.
    static DUE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// A collection is running (its finalizers' reports may run Python code).
    static COLLECTING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Where a container's entry is in the youngest generation, kept by the kinds that a
/// loop operation makes and frees by the thousand (coroutines, futures, bound methods),
/// so that their death lets go of the entry ([`died_at`]) and their memory is freed
/// then, while it is still in the cache, instead of at the next pruning of the
/// generation, hundreds at a time. A hint: the entry there is checked against the
/// container's address, so a stale one (the container has moved to an older
/// generation) only leaves the entry for the next collection, as for other kinds.
pub struct Slot(std::cell::Cell<u32>);

impl Default for Slot {
    fn default() -> Slot {
        Slot(std::cell::Cell::new(u32::MAX))
    }
}

/// Registers a new container with the collector.
/// One made while its thread is torn down, after the collector's state is gone (a
/// value a thread-local holds, dropped last), is not: nothing is left to collect.
pub fn track<T: Collectable + ?Sized>(object: &Rc<T>) {
    register(T::tracked(Rc::downgrade(object)), None);
}

/// [`track`], remembering the entry's place in `slot` (see [`Slot`]).
pub fn track_in<T: Collectable + ?Sized>(object: &Rc<T>, slot: &Slot) {
    register(T::tracked(Rc::downgrade(object)), Some(slot));
}

fn register(tracked: Tracked, slot: Option<&Slot>) {
    let _ = HEAP.try_with(|heap| {
        let mut heap = heap.borrow_mut();
        if heap.young.free.is_empty() && heap.young.entries.len() >= heap.prune_at {
            prune_young(&mut heap);
        }
        let place = heap.young.add(tracked);
        if let Some(slot) = slot {
            slot.0.set(u32::try_from(place).unwrap_or(u32::MAX));
        }
        heap.counts[0] += 1;
        if heap.enabled && heap.young_over_threshold() {
            let _ = DUE.try_with(|due| due.set(true));
        }
    });
}

/// Lets go of the youngest generation's entries of the dead (an entry, a weak
/// reference, keeps a dead object's memory allocated), freeing their places.
fn prune_young(heap: &mut Heap) {
    let young = &mut heap.young;
    let mut live = 0;
    for place in 0..young.entries.len() {
        match &young.entries[place].1 {
            Tracked::Dead => {}
            t if t.strong_count() == 0 => young.kill(place),
            _ => live += 1,
        }
    }
    heap.prune_at = (2 * live).max(MIN_PRUNE_AT);
}

/// A registered container's last reference went (asyncio's objects and generators
/// say so from their `Drop`): as CPython's deallocation of a tracked object, the
/// youngest generation's count goes down by one, never below zero. So a program that
/// makes and frees a future, a handle and a coroutine per loop operation does not set
/// off a young collection every few hundred operations.
pub fn container_died() {
    // `try_with`: an object may die while the thread's locals are torn down (one a
    // pending report holds), after the collector's own.
    let _ = HEAP.try_with(|heap| {
        if let Ok(mut heap) = heap.try_borrow_mut() {
            heap.counts[0] = heap.counts[0].saturating_sub(1);
        }
    });
}

/// [`container_died`] for a container that keeps a [`Slot`], at address `key`: its
/// entry in the youngest generation, if the slot still finds it there, lets go of it
/// and its place is reused.
pub fn died_at(slot: &Slot, key: usize) {
    let _ = HEAP.try_with(|heap| {
        let Ok(mut heap) = heap.try_borrow_mut() else {
            return;
        };
        heap.counts[0] = heap.counts[0].saturating_sub(1);
        let place = slot.0.get() as usize;
        if heap
            .young
            .entries
            .get(place)
            .is_some_and(|(_, t)| t.key() == key)
        {
            heap.young.kill(place);
        }
    });
}

/// Registers a native object (one of asyncio's) with the collector: its
/// `NativeObject::traverse`, `finalize` and `clear` say what it holds.
pub fn track_native<T: NativeObject>(object: &Rc<T>) {
    let object: Rc<dyn NativeObject> = object.clone();
    match object.young_slot() {
        Some(slot) => track_in(&object, slot),
        None => track(&object),
    }
}

/// Registers the state some of asyncio's callbacks share (gather's, `wait`'s,
/// `as_completed`'s): its `SharedState::traverse` says what it holds.
pub fn track_shared<T: SharedState + 'static>(state: &Rc<T>) {
    let state: Rc<dyn SharedState> = state.clone();
    track(&state);
}

/// Whether an automatic collection is due (cheap: the VM asks between instructions).
#[inline]
pub fn collection_due() -> bool {
    DUE.with(std::cell::Cell::get)
}

/// Runs the automatic collection that is due, if any (`report` as for [`collect`]).
pub fn collect_if_due(report: &mut dyn FnMut()) {
    DUE.with(|due| due.set(false));
    if let Some(generation) = HEAP.with(|heap| heap.borrow().due_generation()) {
        collect(generation, report);
    }
}

/// `gc.collect(generation)`: collects that generation and the younger ones and
/// returns how many unreachable objects it found. `report` gives the reports
/// the garbage's finalizers queued (it may run Python code) while the
/// collection waits, as CPython's finalizers run inside it; a collection
/// asked for meanwhile does nothing and finds 0, as in CPython.
pub fn collect(generation: usize, report: &mut dyn FnMut()) -> usize {
    if COLLECTING.with(|collecting| collecting.replace(true)) {
        return 0;
    }
    let found = collect_generations(generation, report);
    COLLECTING.with(|collecting| collecting.set(false));
    found
}

fn collect_generations(generation: usize, report: &mut dyn FnMut()) -> usize {
    let generation = generation.min(GENERATIONS - 1);
    let young = HEAP.with(|heap| {
        let mut heap = heap.borrow_mut();
        if generation + 1 < GENERATIONS {
            heap.counts[generation + 1] += 1;
        }
        heap.counts[0] = 0;
        // Whether it was made since the last collection (CPython's youngest
        // generation): what it counts may differ then.
        let mut young: Vec<(Tracked, bool)> =
            heap.young.take().into_iter().map(|t| (t, true)).collect();
        for g in 1..=generation {
            heap.counts[g] = 0;
            young.extend(heap.generations[g].drain(..).map(|t| (t, false)));
        }
        young
    });
    let (mut survivors, garbage) = partition(young);
    let (resurrected, garbage) = finalize(garbage, report);
    survivors.extend(resurrected);
    let found: usize = garbage.iter().map(|(g, fresh)| g.objects(*fresh)).sum();
    let callbacks: Vec<_> = garbage
        .iter()
        .flat_map(|(g, _)| weakrefs::callbacks_waiting(g.downgrade().key()))
        .collect();
    HEAP.with(|heap| {
        let mut heap = heap.borrow_mut();
        let older = (generation + 1).min(GENERATIONS - 1);
        if generation == GENERATIONS - 2 {
            heap.long_lived_pending += survivors.len();
        }
        if generation == GENERATIONS - 1 {
            heap.long_lived_pending = 0;
            heap.long_lived_total = survivors.len();
        }
        heap.generations[older].extend(survivors);
    });
    release(garbage);
    if callbacks.is_empty() {
        return found;
    }
    // CPython calls the callbacks of the garbage's weak references inside the
    // collection, and counts each reference the call freed (a weak container's
    // entry, a `weakref.finalize`); one the program still holds is not counted.
    report();
    found + callbacks.iter().filter(|r| r.strong_count() == 0).count()
}

/// `gc.enable()` / `gc.disable()`.
pub fn set_enabled(enabled: bool) {
    HEAP.with(|heap| heap.borrow_mut().enabled = enabled);
}

/// `gc.isenabled()`.
pub fn is_enabled() -> bool {
    HEAP.with(|heap| heap.borrow().enabled)
}

/// `gc.get_count()`.
pub fn counts() -> [usize; GENERATIONS] {
    HEAP.with(|heap| heap.borrow().counts)
}

/// `gc.get_threshold()`.
pub fn thresholds() -> [i64; GENERATIONS] {
    HEAP.with(|heap| heap.borrow().thresholds)
}

/// `gc.set_threshold(...)`: the generations given, the others unchanged.
pub fn set_thresholds(thresholds: &[i64]) {
    HEAP.with(|heap| {
        let mut heap = heap.borrow_mut();
        for (slot, &value) in heap.thresholds.iter_mut().zip(thresholds) {
            *slot = value;
        }
    });
}

/// Forgets every container and setting: a new run starts as a fresh interpreter.
pub fn restart() {
    HEAP.with(|heap| *heap.borrow_mut() = Heap::new());
    DUE.with(|due| due.set(false));
    COLLECTING.with(|collecting| collecting.set(false));
}

/// Splits the examined objects into those still referred to (directly or not)
/// from outside, and the garbage (each with whether it is fresh).
fn partition(young: Vec<(Tracked, bool)>) -> (Vec<Tracked>, Vec<(Garbage, bool)>) {
    let young: Vec<(Tracked, bool)> = young
        .into_iter()
        .filter(|(t, _)| t.strong_count() > 0)
        .collect();
    let mut index: FxHashMap<usize, usize> =
        FxHashMap::with_capacity_and_hasher(young.len(), Default::default());
    index.extend(young.iter().enumerate().map(|(i, (t, _))| (t.key(), i)));
    // Hold every examined object while it is examined; the collector's own
    // reference is left out of the counts.
    let objects: Vec<Option<Garbage>> = young.iter().map(|(t, _)| t.upgrade()).collect();
    let mut outside: Vec<isize> = young
        .iter()
        .map(|(t, _)| t.strong_count() as isize - 1)
        .collect();
    // The references between examined objects: those of object i are
    // `targets[starts[i]..starts[i + 1]]`.
    let mut starts: Vec<usize> = Vec::with_capacity(young.len() + 1);
    let mut targets: Vec<usize> = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        let start = targets.len();
        starts.push(start);
        let Some(object) = object else {
            continue;
        };
        let readable = referents(object, &mut |target| {
            if let Some(&j) = index.get(&target) {
                targets.push(j);
            }
        });
        if !readable {
            outside[i] = isize::MAX;
            targets.truncate(start);
            continue;
        }
        for &j in &targets[start..] {
            outside[j] -= 1;
        }
    }
    starts.push(targets.len());
    let mut reachable = vec![false; young.len()];
    let mut pending: Vec<usize> = (0..young.len()).filter(|&i| outside[i] > 0).collect();
    while let Some(i) = pending.pop() {
        if std::mem::replace(&mut reachable[i], true) {
            continue;
        }
        let edges = &targets[starts[i]..starts[i + 1]];
        pending.extend(edges.iter().copied().filter(|&j| !reachable[j]));
    }
    let mut survivors = Vec::new();
    let mut garbage = Vec::new();
    for (((tracked, fresh), object), alive) in young.into_iter().zip(objects).zip(reachable) {
        match object {
            Some(object) if !alive => garbage.push((object, fresh)),
            Some(_) => survivors.push(tracked),
            None => {}
        }
    }
    (survivors, garbage)
}

/// CPython's finalizers: a generator found in garbage is closed first (a
/// coroutine never started only warns), which drops its frame; then
/// asyncio's objects report what they report when they die (a pending task,
/// an exception nobody retrieved), from the objects as they are. Whatever
/// that frees by reference counting is gone and not counted, as in CPython;
/// what a finalizer made reachable again (a frame handed to a stand-in to run
/// its `finally`, a task queued for its report) survives; the rest is
/// examined again.
fn finalize(
    garbage: Vec<(Garbage, bool)>,
    report: &mut dyn FnMut(),
) -> (Vec<Tracked>, Vec<(Garbage, bool)>) {
    let closes = |object: &Garbage| match object {
        Garbage::Generator(g) => {
            g.agen.is_none() && !(g.is_coroutine && g.state.get() == GenState::Created)
        }
        _ => false,
    };
    let finalizes = |object: &Garbage| match object {
        Garbage::Native(_) => true,
        Garbage::Instance(i) => i.needs_finalizer(),
        _ => closes(object),
    };
    if !garbage.iter().any(|(g, _)| finalizes(g)) {
        return (Vec::new(), garbage);
    }
    for (object, _) in &garbage {
        if let Garbage::Generator(g) = object {
            if closes(object) {
                drop(g.release_frame());
            }
        }
    }
    for (object, _) in &garbage {
        match object {
            Garbage::Native(native) => native.clone().finalize(),
            Garbage::Instance(instance) if instance.needs_finalizer() => {
                instance.finalized.set(true);
                let notice = crate::object::warnings::Notice::Finalize(instance.clone());
                crate::object::warnings::push(notice);
            }
            _ => {}
        }
    }
    if crate::object::warnings::has_pending() {
        report();
    }
    let remaining: Vec<(Tracked, bool)> = garbage
        .iter()
        .map(|(g, fresh)| (g.downgrade(), *fresh))
        .collect();
    drop(garbage);
    partition(remaining)
}

/// Breaks the garbage's cycles by emptying its containers, then lets go.
fn release(garbage: Vec<(Garbage, bool)>) {
    // What clearing takes out, dropped once everything is cleared.
    let mut taken: Vec<Box<dyn Any>> = Vec::new();
    for (object, _) in &garbage {
        clear(object, &mut taken);
    }
    drop(taken);
    drop(garbage);
}

#[cfg(test)]
mod tests {
    use crate::object::value::Value;

    /// Makes a list when dropped, as a value a thread-local holds may when its thread ends.
    struct MakesAListWhenDropped;

    impl Drop for MakesAListWhenDropped {
        fn drop(&mut self) {
            drop(Value::list(vec![Value::None]));
        }
    }

    thread_local! {
        static LATE: MakesAListWhenDropped = const { MakesAListWhenDropped };
    }

    /// A container made while its thread is torn down, after the collector's state is
    /// gone, is not registered (there is nothing left to collect): registering it
    /// panicked inside a thread-local's destructor, which aborts the process.
    #[test]
    fn a_container_made_as_the_thread_ends_is_not_registered() {
        let thread = std::thread::spawn(|| {
            // Thread-locals are destroyed in the reverse order of their first use: the
            // collector's first, then this one.
            LATE.with(|_| {});
            drop(Value::list(Vec::new()));
        });
        thread.join().expect("the thread ends cleanly");
    }
}
