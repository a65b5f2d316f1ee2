//! Instances of classes, and bound methods.
//!
//! An instance has its class and its attributes (`__dict__`). An instance
//! of a subclass of a built-in type (`class Stack(list)`) also carries a
//! value of that type, its *payload*: the built-in behaviour (the list's
//! items, `append`, `len`) works on the payload, while the class adds
//! attributes and can override any of it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::object::dict::Dict;
use crate::object::types::{Class, TypeRef};
use crate::object::value::{tracked, Value};

pub struct Instance {
    pub class: RefCell<Rc<Class>>,
    /// `__dict__`, shared with `vars(obj)`.
    pub dict: Rc<RefCell<Dict>>,
    /// The built-in value of a subclass of a built-in type.
    pub payload: Option<Value>,
    /// The address `id()` and the default repr show, handed out the first
    /// time one is asked for (0 until then). Kept in the object, not keyed by
    /// its allocation: the allocator's reuse of a freed instance's memory
    /// differs between two runs in one process, which would make a second
    /// run show other addresses.
    address: Cell<u64>,
    /// Its `__del__` was called (CPython calls it once per object, PEP 442).
    pub finalized: Cell<bool>,
}

impl Instance {
    pub fn new(class: Rc<Class>, payload: Option<Value>) -> Rc<Instance> {
        tracked(Instance {
            class: RefCell::new(class),
            dict: Default::default(),
            payload,
            address: Cell::new(0),
            finalized: Cell::new(false),
        })
    }

    /// Whether its class defines `__del__` (looked up without waiting on a
    /// namespace being changed right now) and it was not called yet.
    pub fn needs_finalizer(&self) -> bool {
        if self.finalized.get() {
            return false;
        }
        let Ok(class) = self.class.try_borrow() else {
            return false;
        };
        let has_del = |c: &Class| {
            c.dict
                .try_borrow()
                .is_ok_and(|d| d.get_str("__del__").is_some())
        };
        has_del(&class)
            || class.mro.borrow().iter().any(|t| match t {
                TypeRef::Class(c) => has_del(c),
                TypeRef::Builtin(_) => false,
            })
    }

    /// This instance's address (see the field).
    pub fn address(&self) -> u64 {
        if self.address.get() == 0 {
            self.address.set(crate::object::value::fresh_address());
        }
        self.address.get()
    }
}

/// A function bound to the object it was looked up on (`obj.method`).
pub struct Method {
    pub func: Value,
    pub receiver: Value,
    /// Its place among the collector's youngest (`gc::Slot`).
    pub young_slot: crate::object::gc::Slot,
}

/// Weak references to instances and bound methods call their callbacks. An
/// instance whose class defines `__del__` comes back to life for it, as in
/// CPython: its class, attributes and address move to a stand-in, queued for
/// the VM to call `__del__` on at its next instruction.
impl Drop for Instance {
    fn drop(&mut self) {
        // Every instance is registered with the collector (`tracked`).
        crate::object::gc::container_died();
        let key = self as *const Instance as usize;
        if !self.needs_finalizer() {
            crate::object::weakrefs::referent_dropped(key);
            return;
        }
        let stand_in = tracked(Instance {
            class: RefCell::new(self.class.borrow().clone()),
            dict: std::mem::take(&mut self.dict),
            payload: self.payload.take(),
            address: Cell::new(self.address.get()),
            finalized: Cell::new(true),
        });
        crate::object::warnings::push(crate::object::warnings::Notice::Finalize(stand_in));
        // Its weak references' callbacks run after `__del__`, as in CPython.
        crate::object::weakrefs::referent_dropped(key);
    }
}

/// Both halves are then freed through [`crate::object::teardown`]: a method bound
/// to a method bound to ... a million deep frees without deep native recursion.
impl Drop for Method {
    fn drop(&mut self) {
        let key = self as *const Method as usize;
        crate::object::weakrefs::referent_dropped(key);
        // Bound methods are registered with the collector (`attrs::bound`).
        crate::object::gc::died_at(&self.young_slot, key);
        let func = std::mem::replace(&mut self.func, Value::None);
        let receiver = std::mem::replace(&mut self.receiver, Value::None);
        crate::object::teardown::free((func, receiver));
    }
}

/// The built-in value behind `v`: its payload for an instance of a subclass
/// of a built-in type, `v` itself otherwise.
pub fn payload(v: &Value) -> &Value {
    match v {
        Value::Instance(i) => i.payload.as_ref().unwrap_or(v),
        _ => v,
    }
}
