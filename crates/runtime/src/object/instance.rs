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
use crate::object::types::Class;
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
}

impl Instance {
    pub fn new(class: Rc<Class>, payload: Option<Value>) -> Rc<Instance> {
        tracked(Instance {
            class: RefCell::new(class),
            dict: Default::default(),
            payload,
            address: Cell::new(0),
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
}

/// Weak references to instances and bound methods call their callbacks.
impl Drop for Instance {
    fn drop(&mut self) {
        crate::object::weakrefs::referent_dropped(self as *const Instance as usize);
    }
}

/// Both halves are then freed through [`crate::object::teardown`]: a method bound
/// to a method bound to ... a million deep frees without deep native recursion.
impl Drop for Method {
    fn drop(&mut self) {
        crate::object::weakrefs::referent_dropped(self as *const Method as usize);
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
