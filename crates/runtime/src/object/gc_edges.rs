//! What the cycle collector (`object/gc.rs`) knows of each kind of container:
//! how it is registered ([`Tracked`], held weakly) and held while examined
//! ([`Garbage`]), which tracked objects it refers to ([`referents`]), what
//! clearing it takes out ([`clear`]), and how many objects CPython would count
//! for it ([`Garbage::objects`]).
//!
//! Tuples are registered only when they hold something that is not atomic
//! (CPython untracks the others at their first collection); exceptions with
//! their `__dict__`, chaining and traceback, and the frames tracebacks keep
//! ([`KeptFrame`]) always.

use std::any::Any;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::object::dict::{Dict, PySet};
use crate::object::exceptions::Exception;
use crate::object::frame::{Frame, KeptFrame, Namespace};
use crate::object::generator::{GenBody, Generator};
use crate::object::instance::{Instance, Method};
use crate::object::native::NativeObject;
use crate::object::types::{Class, TypeId, TypeRef};
use crate::object::value::{Function, Value};

/// A container type the collector can examine.
pub trait Collectable {
    fn tracked(this: Weak<Self>) -> Tracked;
}

macro_rules! kinds {
    ($($variant:ident: $ty:ty),* $(,)?) => {
        /// A registered container, held weakly.
        pub enum Tracked {
            $($variant(Weak<$ty>),)*
            /// The entry of a container that died and let go of it ([`crate::object::gc::died_at`]),
            /// so that its memory was freed at once.
            Dead,
        }

        /// An examined object, held strongly while it is examined or cleared.
        pub(super) enum Garbage {
            $($variant(Rc<$ty>),)*
        }

        $(impl Collectable for $ty {
            fn tracked(this: Weak<Self>) -> Tracked {
                Tracked::$variant(this)
            }
        })*

        impl Tracked {
            pub(super) fn key(&self) -> usize {
                match self {
                    $(Tracked::$variant(w) => key(w.as_ptr()),)*
                    Tracked::Dead => 0,
                }
            }

            pub(super) fn strong_count(&self) -> usize {
                match self {
                    $(Tracked::$variant(w) => w.strong_count(),)*
                    Tracked::Dead => 0,
                }
            }

            pub(super) fn upgrade(&self) -> Option<Garbage> {
                Some(match self {
                    $(Tracked::$variant(w) => Garbage::$variant(w.upgrade()?),)*
                    Tracked::Dead => return None,
                })
            }
        }

        impl Garbage {
            pub(super) fn downgrade(&self) -> Tracked {
                match self {
                    $(Garbage::$variant(rc) => Tracked::$variant(Rc::downgrade(rc)),)*
                }
            }
        }
    };
}

kinds! {
    List: RefCell<Vec<Value>>,
    Dict: RefCell<Dict>,
    Set: RefCell<PySet>,
    Instance: Instance,
    Function: Function,
    Cell: RefCell<Option<Value>>,
    Method: Method,
    Generator: Generator,
    Tuple: [Value],
    Exception: Exception,
    Frame: KeptFrame,
    Class: Class,
    Native: dyn NativeObject,
    Shared: dyn SharedState,
}

/// State that several of asyncio's callbacks and a coroutine share (gather's,
/// `wait`'s and `as_completed`'s: what CPython's closures there close over),
/// registered with the collector itself (`gc::track_shared`) so that each holder
/// reports its reference once and a cycle through it is found.
pub trait SharedState {
    /// Each counted reference it holds, once (CPython's `tp_traverse`); `false`
    /// when its contents are being changed right now.
    fn traverse(&self, refs: &mut Referents) -> bool;
    /// Empties it when it is garbage (CPython's `tp_clear`), putting what it
    /// held in `taken`.
    fn clear(&self, taken: &mut Vec<Box<dyn Any>>);
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
        Value::Tuple(t) => key(Rc::as_ptr(t)),
        Value::Exception(e) => key(Rc::as_ptr(e)),
        Value::Type(TypeRef::Class(c)) => key(Rc::as_ptr(c)),
        Value::Native(n) => key(Rc::as_ptr(n)),
        _ => return None,
    })
}

/// Whether CPython's collector ignores the value: it cannot refer to anything
/// that could refer back. A tuple is atomic when it is not tracked (the
/// collector's weak reference is the only one a tuple can have): it holds only
/// atomic values, so a chain of tuples nested a million deep costs nothing.
pub fn is_atomic(value: &Value) -> bool {
    if let Value::Tuple(t) = value {
        return Rc::weak_count(t) == 0;
    }
    matches!(
        value,
        Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Range(_)
            | Value::Ellipsis
            | Value::NotImplemented
    )
}

/// A tuple of atomic values only this container holds: CPython tracks a new
/// tuple until its first collection, so one found with its holder in garbage
/// that was made since the last collection counts as an object of its own.
fn fresh_atomic_tuples<'a>(values: impl Iterator<Item = &'a Value>, fresh: bool) -> usize {
    if !fresh {
        return 0;
    }
    values
        .filter(|v| match v {
            Value::Tuple(t) => Rc::strong_count(t) == 1 && t.iter().all(is_atomic),
            _ => false,
        })
        .count()
}

impl Garbage {
    /// How many objects CPython would count for it; `fresh` when it was made
    /// since the last collection. A function's closure, its defaults and
    /// keyword defaults holding containers, and its `__dict__`, are objects of
    /// their own there; so are an exception's arguments, `__dict__` and
    /// traceback entries.
    pub(super) fn objects(&self, fresh: bool) -> usize {
        match self {
            Garbage::Function(f) => {
                let defaults = f.defaults.borrow();
                let kwdefaults = f.kwdefaults.borrow();
                1 + usize::from(!f.closure.is_empty())
                    + usize::from(defaults.iter().any(|v| value_key(v).is_some()))
                    + usize::from(kwdefaults.iter().any(|(_, v)| value_key(v).is_some()))
                    + usize::from(f.meta.borrow().dict.is_some())
            }
            Garbage::Exception(e) => {
                let args = e.args.borrow();
                let args_tracked = !args.is_empty() && (fresh || !args.iter().all(is_atomic));
                let dict = e.dict.borrow();
                let dict_tracked = dict
                    .as_ref()
                    .is_some_and(|d| d.borrow().iter().any(|(_, v)| !is_atomic(v)));
                1 + usize::from(args_tracked)
                    + usize::from(dict_tracked)
                    + e.traceback.borrow().len()
                    + e.library_frames.borrow().len()
            }
            Garbage::Class(c) => class_objects(c),
            // An instance of a list, dict or set subclass is one object in CPython,
            // which its payload (collected with it) counts; its `__dict__`, once it
            // holds something, is another.
            Garbage::Instance(i)
                if matches!(
                    i.payload,
                    Some(Value::List(_) | Value::Dict(_) | Value::Set(_))
                ) =>
            {
                usize::from(i.dict.try_borrow().is_ok_and(|d| !d.is_empty()))
            }
            Garbage::Native(n) => n.gc_objects(),
            Garbage::List(l) => 1 + fresh_atomic_tuples(l.borrow().iter(), fresh),
            Garbage::Set(s) => 1 + fresh_atomic_tuples(s.borrow().iter(), fresh),
            Garbage::Dict(d) => {
                let dict = d.borrow();
                1 + fresh_atomic_tuples(dict.iter().flat_map(|(k, v)| [k, v]), fresh)
            }
            _ => 1,
        }
    }
}

/// Calls `visit` with the key of every object `object` holds a counted
/// reference to. `false` when its contents are being changed right now (a
/// borrow is out): then it must be treated as referred to from outside.
pub(super) fn referents(object: &Garbage, visit: &mut dyn FnMut(usize)) -> bool {
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
            let Ok(class) = i.class.try_borrow_mut() else {
                return false;
            };
            visit(key(Rc::as_ptr(&*class)));
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
            match &*body {
                GenBody::Frame(frame) => {
                    if let Some(frame) = frame {
                        frame_referents(frame, visit)
                    }
                }
                GenBody::Native(coro) => coro.traverse(&mut Referents { visit }),
                GenBody::Empty => {}
            }
            true
        }
        Garbage::Tuple(t) => {
            values(t.iter(), visit);
            true
        }
        Garbage::Exception(e) => exception_referents(e, visit),
        Garbage::Class(c) => class_referents(c, visit),
        Garbage::Frame(f) => f
            .values
            .try_borrow_mut()
            .map(|vars| values(vars.iter(), visit))
            .is_ok(),
        Garbage::Native(n) => n.traverse(&mut Referents { visit }),
        Garbage::Shared(s) => s.traverse(&mut Referents { visit }),
    }
}

/// Visits what the values refer to. A native object the collector does not
/// register (a `staticmethod`, a `property`), or a built-in method bound to
/// an object (`Timeout.__aexit__` kept by `async with`), that only this
/// container holds is examined as part of it.
fn values<'a>(values: impl Iterator<Item = &'a Value>, visit: &mut dyn FnMut(usize)) {
    for value in values {
        if let Some(key) = value_key(value) {
            visit(key);
        }
        if let Value::Builtin(method) = value {
            if Rc::strong_count(method) == 1 {
                value_key(&method.receiver)
                    .into_iter()
                    .for_each(&mut *visit);
            }
        }
        if let Some(native) = owned_native(value) {
            native.held_values(&mut |held| {
                if let Some(key) = value_key(held) {
                    visit(key);
                }
            });
        }
    }
}

/// What a registered native object reports to the collector from its
/// `traverse`: every counted reference it holds, each once.
pub struct Referents<'a> {
    visit: &'a mut dyn FnMut(usize),
}

impl Referents<'_> {
    /// A value it holds.
    pub fn value(&mut self, value: &Value) {
        values(std::iter::once(value), self.visit);
    }

    /// Values it holds.
    pub fn values<'v>(&mut self, held: impl IntoIterator<Item = &'v Value>) {
        values(held.into_iter(), self.visit);
    }

    /// An object it holds through an `Rc` of its own type (a task's
    /// coroutine, a future's exception, another native object).
    pub fn object<T: ?Sized>(&mut self, held: &Rc<T>) {
        (self.visit)(key(Rc::as_ptr(held)));
    }
}

/// The native object behind a value that nothing else holds.
fn owned_native(value: &Value) -> Option<&Rc<dyn NativeObject>> {
    match value {
        Value::Native(native) if Rc::strong_count(native) == 1 => Some(native),
        _ => None,
    }
}

fn dict_referents(dict: &RefCell<Dict>, visit: &mut dyn FnMut(usize)) -> bool {
    dict.try_borrow_mut()
        .map(|dict| values(dict.iter().flat_map(|(k, v)| [k, v]), visit))
        .is_ok()
}

/// An instance's, a function's or an exception's `__dict__` is examined (and
/// cleared) as part of its owner, unless `vars()` or `__dict__` handed it out.
fn own_dict_referents(dict: &Rc<RefCell<Dict>>, visit: &mut dyn FnMut(usize)) -> bool {
    Rc::strong_count(dict) > 1 || dict_referents(dict, visit)
}

/// An exception's class (a class's instance refers to it), arguments,
/// `__dict__`, `__cause__`, `__context__` and the frames its traceback keeps
/// (library ones included).
fn exception_referents(e: &Exception, visit: &mut dyn FnMut(usize)) -> bool {
    if let TypeRef::Class(class) = &e.class {
        visit(key(Rc::as_ptr(class)));
    }
    let (Ok(args), Ok(dict), Ok(cause), Ok(context), Ok(traceback), Ok(library_frames)) = (
        e.args.try_borrow_mut(),
        e.dict.try_borrow_mut(),
        e.cause.try_borrow_mut(),
        e.context.try_borrow_mut(),
        e.traceback.try_borrow_mut(),
        e.library_frames.try_borrow_mut(),
    ) else {
        return false;
    };
    values(args.iter(), visit);
    for chained in cause.iter().chain(context.iter()) {
        visit(key(Rc::as_ptr(chained)));
    }
    for entry in traceback.iter() {
        if let Some(frame) = &entry.frame {
            visit(key(Rc::as_ptr(frame)));
        }
    }
    for frame in library_frames.iter() {
        visit(key(Rc::as_ptr(frame)));
    }
    dict.as_ref().is_none_or(|d| own_dict_referents(d, visit))
}

/// A class's namespace, bases, MRO, metaclass and itself (its `__mro__`).
fn class_referents(c: &Class, visit: &mut dyn FnMut(usize)) -> bool {
    let (Ok(dict), Ok(itself)) = (c.dict.try_borrow_mut(), c.itself.try_borrow_mut()) else {
        return false;
    };
    let Ok(mro) = c.mro.try_borrow() else {
        return false;
    };
    values(dict.iter().flat_map(|(k, v)| [k, v]), visit);
    let classes = c.bases.iter().chain(mro.iter()).chain([&c.metaclass]);
    for class in classes {
        if let TypeRef::Class(class) = class {
            visit(key(Rc::as_ptr(class)));
        }
    }
    if let Some(itself) = &*itself {
        visit(key(Rc::as_ptr(itself)));
    }
    true
}

/// How many objects CPython makes for a class: the type, its `__mro__` and
/// `__bases__` tuples, the `__dict__` and `__weakref__` descriptors it adds
/// when no base has them, a member descriptor per slot, and its namespace
/// dict when that holds anything but atomic values (the descriptors too).
fn class_objects(c: &Class) -> usize {
    let dict = c.dict.borrow();
    let own_slots: Option<Vec<Value>> = dict.get_str("__slots__").map(|slots| match slots {
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.borrow().clone(),
        other => vec![other],
    });
    let named = |name: &str| {
        own_slots.as_ref().is_some_and(|s| {
            s.iter()
                .any(|v| matches!(v, Value::Str(n) if n.as_str() == name))
        })
    };
    let members = own_slots.as_ref().map_or(0, |slots| {
        slots.len() - usize::from(named("__dict__")) - usize::from(named("__weakref__"))
    });
    // What instances of the bases already have (CPython's dict and weakref offsets).
    let (mut has_dict, mut has_weakref) = (false, false);
    for base in &c.bases {
        match base {
            TypeRef::Class(b) => {
                let (d, w) = base_slots(b);
                has_dict |= d;
                has_weakref |= w;
            }
            TypeRef::Builtin(t) => {
                has_dict |= t.is_subclass(TypeId::BaseException);
                // Variable-size instances (int, str, bytes, tuple) take no weak references.
                has_weakref |=
                    matches!(t, TypeId::Int | TypeId::Str | TypeId::Bytes | TypeId::Tuple);
            }
        }
    }
    let adds_dict = if own_slots.is_some() {
        named("__dict__")
    } else {
        !has_dict
    };
    let adds_weakref = if own_slots.is_some() {
        named("__weakref__")
    } else {
        !has_weakref
    };
    let descriptors = members + usize::from(adds_dict) + usize::from(adds_weakref);
    let dict_tracked = descriptors > 0 || dict.iter().any(|(_, v)| !is_atomic(v));
    let natives: usize = dict
        .iter()
        .filter_map(|(_, v)| owned_native(v))
        .map(|n| n.gc_objects())
        .sum();
    3 + descriptors + usize::from(dict_tracked) + natives
}

/// Whether instances of a class made here have a `__dict__` and weak references.
fn base_slots(c: &Class) -> (bool, bool) {
    let own = c.dict.borrow().get_str("__slots__").is_some();
    if !own {
        return (true, true);
    }
    let (mut d, mut w) = (false, false);
    for base in &c.bases {
        if let TypeRef::Class(b) = base {
            let (bd, bw) = base_slots(b);
            d |= bd;
            w |= bw;
        }
    }
    (d, w)
}

/// What a suspended frame refers to: its locals, its value stack, its cells,
/// its class-body namespace, the exceptions its handlers are handling, the
/// frame object a traceback keeps and its `locals()` dict.
fn frame_referents(frame: &Frame, visit: &mut dyn FnMut(usize)) {
    values(frame.locals.iter().flatten().chain(&frame.stack), visit);
    frame.cells.iter().for_each(|c| visit(key(Rc::as_ptr(c))));
    frame
        .handling
        .iter()
        .for_each(|e| visit(key(Rc::as_ptr(e))));
    if let Some(kept) = &frame.kept {
        visit(key(Rc::as_ptr(kept)));
    }
    if let Some(locals) = &frame.locals_dict {
        visit(key(Rc::as_ptr(locals)));
    }
    match &frame.namespace {
        Some(Namespace::Dict(namespace)) => visit(key(Rc::as_ptr(namespace))),
        Some(Namespace::Mapping(mapping)) => values([mapping].into_iter(), visit),
        None => {}
    }
}

/// Empties a garbage container (CPython's `tp_clear`), putting what it held
/// in `taken`, dropped once every object is cleared.
pub(super) fn clear(object: &Garbage, taken: &mut Vec<Box<dyn Any>>) {
    let own_dict = |dict: &Rc<RefCell<Dict>>| -> Option<Box<dyn Any>> {
        (Rc::strong_count(dict) == 1)
            .then(|| Box::new(std::mem::take(&mut *dict.borrow_mut())) as _)
    };
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
        Garbage::Generator(g) if g.agen.is_none() => {
            taken.push(Box::new(g.release_frame()));
            // A coroutine asyncio runs natively lets go of its state.
            let mut body = g.body.borrow_mut();
            if let GenBody::Native(_) = &*body {
                taken.push(Box::new(std::mem::replace(&mut *body, GenBody::Empty)));
            }
        }
        Garbage::Exception(e) => {
            taken.push(Box::new(std::mem::take(&mut *e.args.borrow_mut())));
            taken.push(Box::new(e.cause.borrow_mut().take()));
            taken.push(Box::new(e.context.borrow_mut().take()));
            taken.push(Box::new(std::mem::take(&mut *e.traceback.borrow_mut())));
            taken.push(Box::new(std::mem::take(
                &mut *e.library_frames.borrow_mut(),
            )));
            let dict = e.dict.borrow_mut().take();
            taken.extend(dict.as_ref().and_then(own_dict));
            taken.push(Box::new(dict));
        }
        Garbage::Frame(f) => taken.push(Box::new(std::mem::take(&mut *f.values.borrow_mut()))),
        Garbage::Class(c) => {
            taken.push(Box::new(std::mem::take(&mut *c.dict.borrow_mut())));
            taken.push(Box::new(c.itself.borrow_mut().take()));
        }
        Garbage::Native(n) => n.clear(taken),
        Garbage::Shared(s) => s.clear(taken),
        Garbage::Generator(_) | Garbage::Method(_) | Garbage::Tuple(_) => {}
    }
}
