//! Objects implemented in Rust by a layer above this one: asyncio's
//! futures, tasks, queues, locks and loops, and any module's own objects.
//! The object layer holds them as `Value::Native` behind [`NativeObject`] and
//! knows nothing else about them; their methods and behaviour are found
//! through their type (`object::slots`), registered by the layer that owns
//! them.

use std::any::Any;
use std::rc::Rc;

use crate::object::gc::Referents;
use crate::object::types::TypeId;
use crate::object::value::Value;

/// Downcasting for trait objects (implemented for every `'static` type).
pub trait AsAny: Any {
    fn into_any_rc(self: Rc<Self>) -> Rc<dyn Any>;
}

impl<T: Any> AsAny for T {
    fn into_any_rc(self: Rc<Self>) -> Rc<dyn Any> {
        self
    }
}

/// A Python object implemented in Rust outside the object layer.
pub trait NativeObject: AsAny {
    /// Its type (`Task`, `Queue`, ...).
    fn class_id(&self) -> TypeId;
    /// `repr(obj)`, which for these objects never runs Python code.
    fn repr(&self) -> String;
    /// `obj == other`, for objects equal by value; `None` compares
    /// identity.
    fn equals(&self, _other: &Value) -> Option<bool> {
        None
    }
    /// For a weak reference: the callback to call when its referent dies
    /// (`object::weakrefs`).
    fn weakref_callback(&self) -> Option<Value> {
        None
    }
    /// The values it holds, for the cycle collector (CPython's `tp_traverse`),
    /// which examines it as part of the one container that holds it.
    fn held_values(&self, _visit: &mut dyn FnMut(&Value)) {}
    /// How many objects CPython counts for it when it is garbage.
    fn gc_objects(&self) -> usize {
        1
    }
    /// For one registered with the cycle collector itself
    /// (`gc::track_native`): each counted reference it holds, once (CPython's
    /// `tp_traverse`). `false` when its contents are being changed right now.
    fn traverse(&self, _refs: &mut Referents) -> bool {
        true
    }
    /// Called on a registered one found in garbage before anything is
    /// emptied (CPython's `tp_finalize`): what it reports when it dies is
    /// reported now, from the object as it is. A finalizer that keeps itself
    /// (queues itself for a report) brings back what it refers to.
    fn finalize(self: Rc<Self>) {}
    /// Empties a registered one found in garbage (CPython's `tp_clear`),
    /// putting what it held in `taken`, dropped once every object is cleared.
    fn clear(&self, _taken: &mut Vec<Box<dyn Any>>) {}
    /// For one registered with its place kept (`gc::track_in`): where that is.
    fn young_slot(&self) -> Option<&crate::object::gc::Slot> {
        None
    }
}

/// The object of type `T` behind a native value, if it is one.
pub fn downcast<T: NativeObject>(v: &Value) -> Option<Rc<T>> {
    match v {
        Value::Native(o) => o.clone().into_any_rc().downcast::<T>().ok(),
        _ => None,
    }
}
