//! The cycle collector: reference counting (`Rc`) frees everything except
//! objects that refer to each other in a cycle, which this finds and breaks,
//! as CPython's `gc` module does.
//!
//! **Tracking.** Every container that can close a cycle — lists, dicts, sets,
//! instances, functions, closure cells, bound methods, generators and
//! coroutines (through their suspended frames) — is registered when it is
//! created, as a weak reference in the youngest of three generations
//! ([`track`]). Objects never registered (tuples, exceptions, modules, classes,
//! asyncio's native objects) are opaque: references they hold count as
//! references from outside, which keeps their targets alive, so the collector
//! can only ever miss garbage, never free a live object.
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
//! CPython counts creations minus deallocations; this counts creations only
//! (an `Rc` has no hook on its last release), so collections come somewhat
//! more often than CPython's and what `gc.get_count()` reports differs. The
//! VM runs a due collection at its next instruction boundary, where no Rust
//! code is in the middle of changing a container.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use crate::object::dict::{Dict, PySet};
use crate::object::frame::{CellRef, Frame, Namespace};
use crate::object::generator::{GenBody, GenState, Generator};
use crate::object::instance::{Instance, Method};
use crate::object::value::{Function, Value};

/// CPython's default thresholds: `gc.get_threshold()`.
pub const DEFAULT_THRESHOLDS: [i64; 3] = [700, 10, 10];

const GENERATIONS: usize = 3;

/// A registered container, held weakly.
pub enum Tracked {
    List(Weak<RefCell<Vec<Value>>>),
    Dict(Weak<RefCell<Dict>>),
    Set(Weak<RefCell<PySet>>),
    Instance(Weak<Instance>),
    Function(Weak<Function>),
    Cell(Weak<RefCell<Option<Value>>>),
    Method(Weak<Method>),
    Generator(Weak<Generator>),
}

/// A container type the collector can examine.
pub trait Collectable {
    fn tracked(this: Weak<Self>) -> Tracked;
}

macro_rules! collectable {
    ($($variant:ident: $ty:ty),* $(,)?) => {$(
        impl Collectable for $ty {
            fn tracked(this: Weak<Self>) -> Tracked {
                Tracked::$variant(this)
            }
        }
    )*};
}

collectable! {
    List: RefCell<Vec<Value>>,
    Dict: RefCell<Dict>,
    Set: RefCell<PySet>,
    Instance: Instance,
    Function: Function,
    Cell: RefCell<Option<Value>>,
    Method: Method,
    Generator: Generator,
}

/// The collector's state: `gc.get_count()`, `gc.get_threshold()`, `gc.isenabled()`.
struct Heap {
    generations: [Vec<Tracked>; GENERATIONS],
    counts: [usize; GENERATIONS],
    /// As set (CPython keeps any int, even a negative one).
    thresholds: [i64; GENERATIONS],
    enabled: bool,
    /// Objects that survived a middle-generation collection since the last full one.
    long_lived_pending: usize,
    /// The oldest generation's size after the last full collection.
    long_lived_total: usize,
}

impl Heap {
    const fn new() -> Heap {
        Heap {
            generations: [Vec::new(), Vec::new(), Vec::new()],
            counts: [0; GENERATIONS],
            thresholds: DEFAULT_THRESHOLDS,
            enabled: true,
            long_lived_pending: 0,
            long_lived_total: 0,
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
}

/// Registers a new container with the collector.
pub fn track<T: Collectable>(object: &Rc<T>) {
    let tracked = T::tracked(Rc::downgrade(object));
    HEAP.with(|heap| {
        let mut heap = heap.borrow_mut();
        heap.generations[0].push(tracked);
        heap.counts[0] += 1;
        if heap.enabled && heap.young_over_threshold() {
            DUE.with(|due| due.set(true));
        }
    });
}

/// Whether an automatic collection is due (cheap: the VM asks between instructions).
#[inline]
pub fn collection_due() -> bool {
    DUE.with(std::cell::Cell::get)
}

/// Runs the automatic collection that is due, if any.
pub fn collect_if_due() {
    DUE.with(|due| due.set(false));
    if let Some(generation) = HEAP.with(|heap| heap.borrow().due_generation()) {
        collect(generation);
    }
}

/// `gc.collect(generation)`: collects that generation and the younger ones and
/// returns how many unreachable objects it found.
pub fn collect(generation: usize) -> usize {
    let generation = generation.min(GENERATIONS - 1);
    let young = HEAP.with(|heap| {
        let mut heap = heap.borrow_mut();
        if generation + 1 < GENERATIONS {
            heap.counts[generation + 1] += 1;
        }
        let mut young = Vec::new();
        for g in 0..=generation {
            heap.counts[g] = 0;
            young.append(&mut heap.generations[g]);
        }
        young
    });
    let (mut survivors, garbage) = partition(young);
    let (resurrected, garbage) = finalize(garbage);
    survivors.extend(resurrected);
    let found = garbage.iter().map(Garbage::objects).sum();
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
    found
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
}

/// A garbage object, held strongly while it is cleared.
enum Garbage {
    List(Rc<RefCell<Vec<Value>>>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<PySet>>),
    Instance(Rc<Instance>),
    Function(Rc<Function>),
    Cell(CellRef),
    Method(Rc<Method>),
    Generator(Rc<Generator>),
}

impl Garbage {
    fn downgrade(&self) -> Tracked {
        match self {
            Garbage::List(rc) => Tracked::List(Rc::downgrade(rc)),
            Garbage::Dict(rc) => Tracked::Dict(Rc::downgrade(rc)),
            Garbage::Set(rc) => Tracked::Set(Rc::downgrade(rc)),
            Garbage::Instance(rc) => Tracked::Instance(Rc::downgrade(rc)),
            Garbage::Function(rc) => Tracked::Function(Rc::downgrade(rc)),
            Garbage::Cell(rc) => Tracked::Cell(Rc::downgrade(rc)),
            Garbage::Method(rc) => Tracked::Method(Rc::downgrade(rc)),
            Garbage::Generator(rc) => Tracked::Generator(Rc::downgrade(rc)),
        }
    }

    /// How many objects CPython would count for it: a function's closure, its
    /// defaults and keyword defaults holding containers, and its `__dict__`, are
    /// objects of their own there.
    fn objects(&self) -> usize {
        let Garbage::Function(f) = self else {
            return 1;
        };
        let defaults = f.defaults.borrow();
        let kwdefaults = f.kwdefaults.borrow();
        1 + usize::from(!f.closure.is_empty())
            + usize::from(defaults.iter().any(|v| value_key(v).is_some()))
            + usize::from(kwdefaults.iter().any(|(_, v)| value_key(v).is_some()))
            + usize::from(f.meta.borrow().dict.is_some())
    }
}

/// The address an `Rc` points at: the key objects are known by.
fn key<T: ?Sized>(rc: *const T) -> usize {
    rc as *const () as usize
}

/// The tracked object a value refers to, if it is of a trackable kind.
fn value_key(value: &Value) -> Option<usize> {
    Some(match value {
        Value::List(l) => key(Rc::as_ptr(l)),
        Value::Dict(d) => key(Rc::as_ptr(d)),
        Value::Set(s) => key(Rc::as_ptr(s)),
        Value::Instance(i) => key(Rc::as_ptr(i)),
        Value::Function(f) => key(Rc::as_ptr(f)),
        Value::Cell(c) => key(Rc::as_ptr(c)),
        Value::Method(m) => key(Rc::as_ptr(m)),
        Value::Generator(g) => key(Rc::as_ptr(g)),
        _ => return None,
    })
}

impl Tracked {
    fn key(&self) -> usize {
        match self {
            Tracked::List(w) => key(w.as_ptr()),
            Tracked::Dict(w) => key(w.as_ptr()),
            Tracked::Set(w) => key(w.as_ptr()),
            Tracked::Instance(w) => key(w.as_ptr()),
            Tracked::Function(w) => key(w.as_ptr()),
            Tracked::Cell(w) => key(w.as_ptr()),
            Tracked::Method(w) => key(w.as_ptr()),
            Tracked::Generator(w) => key(w.as_ptr()),
        }
    }

    fn strong_count(&self) -> usize {
        match self {
            Tracked::List(w) => w.strong_count(),
            Tracked::Dict(w) => w.strong_count(),
            Tracked::Set(w) => w.strong_count(),
            Tracked::Instance(w) => w.strong_count(),
            Tracked::Function(w) => w.strong_count(),
            Tracked::Cell(w) => w.strong_count(),
            Tracked::Method(w) => w.strong_count(),
            Tracked::Generator(w) => w.strong_count(),
        }
    }

    fn upgrade(&self) -> Option<Garbage> {
        Some(match self {
            Tracked::List(w) => Garbage::List(w.upgrade()?),
            Tracked::Dict(w) => Garbage::Dict(w.upgrade()?),
            Tracked::Set(w) => Garbage::Set(w.upgrade()?),
            Tracked::Instance(w) => Garbage::Instance(w.upgrade()?),
            Tracked::Function(w) => Garbage::Function(w.upgrade()?),
            Tracked::Cell(w) => Garbage::Cell(CellRef(w.upgrade()?)),
            Tracked::Method(w) => Garbage::Method(w.upgrade()?),
            Tracked::Generator(w) => Garbage::Generator(w.upgrade()?),
        })
    }
}

/// Calls `visit` with the key of every object `object` holds a counted
/// reference to. `false` when its contents are being changed right now (a
/// borrow is out): then it must be treated as referred to from outside.
fn referents(object: &Garbage, visit: &mut dyn FnMut(usize)) -> bool {
    match object {
        Garbage::List(l) => l
            .try_borrow_mut()
            .map(|items| values(items.iter(), visit))
            .is_ok(),
        Garbage::Dict(d) => dict_referents(d, visit),
        Garbage::Set(s) => s
            .try_borrow_mut()
            .map(|set| values(set.iter(), visit))
            .is_ok(),
        Garbage::Instance(i) => {
            values(i.payload.iter(), visit);
            own_dict_referents(&i.dict, visit)
        }
        Garbage::Function(f) => {
            f.closure.iter().for_each(|c| visit(key(Rc::as_ptr(c))));
            let (Ok(defaults), Ok(kwdefaults), Ok(meta)) = (
                f.defaults.try_borrow_mut(),
                f.kwdefaults.try_borrow_mut(),
                f.meta.try_borrow_mut(),
            ) else {
                return false;
            };
            values(defaults.iter(), visit);
            values(kwdefaults.iter().map(|(_, v)| v), visit);
            values(
                [&meta.doc, &meta.module, &meta.annotations].into_iter(),
                visit,
            );
            meta.dict
                .as_ref()
                .is_none_or(|d| own_dict_referents(d, visit))
        }
        Garbage::Cell(c) => c
            .try_borrow_mut()
            .map(|content| values(content.iter(), visit))
            .is_ok(),
        Garbage::Method(m) => {
            values([&m.func, &m.receiver].into_iter(), visit);
            true
        }
        Garbage::Generator(g) => {
            let Ok(body) = g.body.try_borrow_mut() else {
                return false;
            };
            if let GenBody::Frame(Some(frame)) = &*body {
                frame_referents(frame, visit);
            }
            true
        }
    }
}

fn values<'a>(values: impl Iterator<Item = &'a Value>, visit: &mut dyn FnMut(usize)) {
    values.filter_map(value_key).for_each(visit);
}

fn dict_referents(dict: &RefCell<Dict>, visit: &mut dyn FnMut(usize)) -> bool {
    dict.try_borrow_mut()
        .map(|dict| values(dict.iter().flat_map(|(k, v)| [k, v]), visit))
        .is_ok()
}

/// An instance's or a function's `__dict__` is examined (and cleared) as part
/// of its owner, unless `vars()` or `f.__dict__` handed it out.
fn own_dict_referents(dict: &Rc<RefCell<Dict>>, visit: &mut dyn FnMut(usize)) -> bool {
    Rc::strong_count(dict) > 1 || dict_referents(dict, visit)
}

/// What a suspended frame refers to: its locals, its value stack, its cells
/// and its class-body namespace.
fn frame_referents(frame: &Frame, visit: &mut dyn FnMut(usize)) {
    frame
        .locals
        .iter()
        .flatten()
        .chain(&frame.stack)
        .filter_map(value_key)
        .for_each(&mut *visit);
    frame.cells.iter().for_each(|c| visit(key(Rc::as_ptr(c))));
    match &frame.namespace {
        Some(Namespace::Dict(namespace)) => visit(key(Rc::as_ptr(namespace))),
        Some(Namespace::Mapping(mapping)) => values([mapping].into_iter(), visit),
        None => {}
    }
}

/// Splits the examined objects into those still referred to (directly or not)
/// from outside, and the garbage.
fn partition(young: Vec<Tracked>) -> (Vec<Tracked>, Vec<Garbage>) {
    let young: Vec<Tracked> = young.into_iter().filter(|t| t.strong_count() > 0).collect();
    let index: HashMap<usize, usize> = young
        .iter()
        .enumerate()
        .map(|(i, t)| (t.key(), i))
        .collect();
    // Hold every examined object while it is examined; the collector's own
    // reference is left out of the counts.
    let objects: Vec<Option<Garbage>> = young.iter().map(Tracked::upgrade).collect();
    let mut outside: Vec<isize> = young
        .iter()
        .map(|t| t.strong_count() as isize - 1)
        .collect();
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); young.len()];
    for (i, object) in objects.iter().enumerate() {
        let Some(object) = object else {
            continue;
        };
        let mut targets = Vec::new();
        let readable = referents(object, &mut |target| {
            if let Some(&j) = index.get(&target) {
                targets.push(j);
            }
        });
        if !readable {
            outside[i] = isize::MAX;
            continue;
        }
        for &j in &targets {
            outside[j] -= 1;
        }
        edges[i] = targets;
    }
    let mut reachable = vec![false; young.len()];
    let mut pending: Vec<usize> = (0..young.len()).filter(|&i| outside[i] > 0).collect();
    while let Some(i) = pending.pop() {
        if std::mem::replace(&mut reachable[i], true) {
            continue;
        }
        pending.extend(edges[i].iter().copied().filter(|&j| !reachable[j]));
    }
    let mut survivors = Vec::new();
    let mut garbage = Vec::new();
    for ((tracked, object), alive) in young.into_iter().zip(objects).zip(reachable) {
        match object {
            Some(object) if !alive => garbage.push(object),
            Some(_) => survivors.push(tracked),
            None => {}
        }
    }
    (survivors, garbage)
}

/// CPython's finalizers: a generator found in garbage is closed first (a
/// coroutine never started only warns), which drops its frame. Whatever that
/// frees by reference counting is gone and not counted, as in CPython; what a
/// finalizer made reachable again (a frame handed to a stand-in to run its
/// `finally`) survives; the rest is examined again.
fn finalize(garbage: Vec<Garbage>) -> (Vec<Tracked>, Vec<Garbage>) {
    let closes = |object: &Garbage| match object {
        Garbage::Generator(g) => {
            g.agen.is_none() && !(g.is_coroutine && g.state.get() == GenState::Created)
        }
        _ => false,
    };
    if !garbage.iter().any(closes) {
        return (Vec::new(), garbage);
    }
    for object in &garbage {
        if let Garbage::Generator(g) = object {
            if closes(object) {
                drop(g.release_frame());
            }
        }
    }
    let remaining: Vec<Tracked> = garbage.iter().map(Garbage::downgrade).collect();
    drop(garbage);
    partition(remaining)
}

/// Breaks the garbage's cycles by emptying its mutable containers, then lets go.
fn release(garbage: Vec<Garbage>) {
    // What clearing takes out, dropped once everything is cleared.
    let mut taken: Vec<Box<dyn Any>> = Vec::new();
    let own_dict = |dict: &Rc<RefCell<Dict>>| -> Option<Box<dyn Any>> {
        (Rc::strong_count(dict) == 1)
            .then(|| Box::new(std::mem::take(&mut *dict.borrow_mut())) as _)
    };
    for object in &garbage {
        match object {
            Garbage::List(l) => taken.push(Box::new(std::mem::take(&mut *l.borrow_mut()))),
            Garbage::Dict(d) => taken.push(Box::new(std::mem::take(&mut *d.borrow_mut()))),
            Garbage::Set(s) => taken.push(Box::new(std::mem::take(&mut *s.borrow_mut()))),
            Garbage::Instance(i) => taken.extend(own_dict(&i.dict)),
            Garbage::Function(f) => {
                taken.push(Box::new(std::mem::take(&mut *f.defaults.borrow_mut())));
                taken.push(Box::new(std::mem::take(&mut *f.kwdefaults.borrow_mut())));
                let mut meta = f.meta.borrow_mut();
                taken.push(Box::new(std::mem::replace(
                    &mut meta.annotations,
                    Value::None,
                )));
                taken.extend(meta.dict.as_ref().and_then(own_dict));
            }
            Garbage::Cell(c) => taken.push(Box::new(c.borrow_mut().take())),
            Garbage::Generator(g) if g.agen.is_none() => taken.push(Box::new(g.release_frame())),
            Garbage::Generator(_) | Garbage::Method(_) => {}
        }
    }
    drop(taken);
    drop(garbage);
}
