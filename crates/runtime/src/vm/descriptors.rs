//! The built-in descriptor types a class body uses — `staticmethod`,
//! `classmethod`, `property` — and `super` objects. They are native objects
//! of the VM layer: attribute lookup (`attrs`) recognises them and binds
//! them as CPython's descriptor protocol does.

use std::rc::Rc;

use crate::object::native::{downcast, NativeObject};
use crate::object::types::{TypeId, TypeRef};
use crate::object::value::{address_of_ptr, Value};
use crate::repr::repr_value;

/// `staticmethod(f)` / `classmethod(f)`.
pub struct MethodWrapper {
    pub kind: TypeId,
    pub func: Value,
}

impl NativeObject for MethodWrapper {
    fn class_id(&self) -> TypeId {
        self.kind
    }

    fn held_values(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
    }

    /// The wrapper and the `__dict__` CPython 3.10+ fills with the function's
    /// attributes (`__wrapped__`, `__doc__`, ...).
    fn gc_objects(&self) -> usize {
        2
    }

    fn repr(&self) -> String {
        format!("<{}({})>", self.kind.name(), repr_value(&self.func))
    }
}

/// `property(fget, fset, fdel, doc)`.
pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

impl NativeObject for Property {
    fn class_id(&self) -> TypeId {
        TypeId::Property
    }

    fn held_values(&self, visit: &mut dyn FnMut(&Value)) {
        [&self.fget, &self.fset, &self.fdel, &self.doc]
            .into_iter()
            .for_each(visit);
    }

    fn repr(&self) -> String {
        let address = address_of_ptr(self as *const Property as usize);
        format!("<property object at {address:#x}>")
    }
}

/// `super(class, obj)`: attribute lookup on `obj`'s type, starting after
/// `class` in its MRO.
pub struct Super {
    /// The class whose successors are searched (`__thisclass__`).
    pub class: TypeRef,
    /// What found methods are bound to (`__self__`).
    pub obj: Value,
    /// The type whose MRO is searched (`__self_class__`): `type(obj)`, or
    /// `obj` itself when it is a class (in a classmethod).
    pub obj_type: TypeRef,
}

impl NativeObject for Super {
    fn class_id(&self) -> TypeId {
        TypeId::Super
    }

    fn repr(&self) -> String {
        format!(
            "<super: {}, <{} object>>",
            self.class.repr(),
            self.obj_type.name()
        )
    }
}

/// The wrapper behind a `staticmethod` or `classmethod` value.
pub fn method_wrapper(v: &Value) -> Option<Rc<MethodWrapper>> {
    downcast::<MethodWrapper>(v)
}
