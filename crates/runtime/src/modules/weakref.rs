//! `_weakref`: `ref(obj)`, a weak reference to an instance, class, function,
//! generator or bound method (what CPython lets programs refer to weakly).
//! The engine frees objects when their last reference goes (and cycles at
//! the collector's runs, as CPython does), so `r()` turns `None` when
//! CPython's would. Callbacks are not run: `ref(obj, callback)` is refused
//! with a message saying so. `weakref.py` builds WeakValueDictionary,
//! WeakKeyDictionary and WeakSet on it.

use std::rc::{Rc, Weak};

use crate::builtins::args::{count_range, no_kwargs};
use crate::object::exceptions::{exc, type_error};
use crate::object::generator::Generator;
use crate::object::instance::{Instance, Method};
use crate::object::native::{downcast, NativeObject};
use crate::object::types::{type_of, Class, TypeId, TypeRef};
use crate::object::value::{
    address_of, address_of_ptr, Args, Function, Module, NativeFn, PyResult, Value,
};
use crate::vm::Vm;

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[];
    let m = super::native_module("_weakref", "", FUNCTIONS);
    let slots = vm.slots.get_mut(TypeId::WeakRef);
    slots.construct = Some(new_ref);
    slots.call = Some(call_ref);
    m.attrs
        .borrow_mut()
        .insert_str("ref", Value::Type(TypeRef::Builtin(TypeId::WeakRef)));
    Ok(m)
}

enum Target {
    Instance(Weak<Instance>),
    Class(Weak<Class>),
    Function(Weak<Function>),
    Generator(Weak<Generator>),
    Method(Weak<Method>),
}

pub struct WeakRef {
    target: Target,
    /// The referent's type name and address, for the repr.
    shown: (String, u64),
}

impl WeakRef {
    fn get(&self) -> Option<Value> {
        match &self.target {
            Target::Instance(w) => w.upgrade().map(Value::Instance),
            Target::Class(w) => w.upgrade().map(|c| Value::Type(TypeRef::Class(c))),
            Target::Function(w) => w.upgrade().map(Value::Function),
            Target::Generator(w) => w.upgrade().map(Value::Generator),
            Target::Method(w) => w.upgrade().map(Value::Method),
        }
    }
}

impl NativeObject for WeakRef {
    fn class_id(&self) -> TypeId {
        TypeId::WeakRef
    }

    fn repr(&self) -> String {
        let me = address_of_ptr(self as *const WeakRef as *const u8 as usize);
        match self.get() {
            Some(_) => format!(
                "<weakref at {me:#x}; to '{}' at {:#x}>",
                self.shown.0, self.shown.1
            ),
            None => format!("<weakref at {me:#x}; dead>"),
        }
    }

    /// Two live references are equal when their referents are; a dead one
    /// only to itself.
    fn equals(&self, other: &Value) -> Option<bool> {
        let other = downcast::<WeakRef>(other)?;
        match (self.get(), other.get()) {
            (Some(a), Some(b)) => Some(a.is(&b)),
            _ => None,
        }
    }
}

/// `weakref.ref(obj)`.
fn new_ref(_vm: &mut Vm, _: TypeId, args: Args) -> PyResult<Value> {
    no_kwargs("ref", &args)?;
    count_range("ref", &args, 1, 2)?;
    if args.pos.len() == 2 && !matches!(args.pos[1], Value::None) {
        return Err(exc(
            TypeId::NotImplementedError,
            "Loopscope's weakref.ref does not run callbacks (weakref.finalize neither)",
        ));
    }
    let obj = &args.pos[0];
    let target = match obj {
        Value::Instance(i) => Target::Instance(Rc::downgrade(i)),
        Value::Type(TypeRef::Class(c)) => Target::Class(Rc::downgrade(c)),
        Value::Function(f) => Target::Function(Rc::downgrade(f)),
        Value::Generator(g) => Target::Generator(Rc::downgrade(g)),
        Value::Method(m) => Target::Method(Rc::downgrade(m)),
        other => {
            return Err(type_error(format!(
                "cannot create weak reference to '{}' object",
                type_of(other).name()
            )))
        }
    };
    let shown = (type_of(obj).name().to_string(), address_of(obj));
    Ok(Value::Native(Rc::new(WeakRef { target, shown })))
}

/// `r()`: the referent, or None once it is gone.
fn call_ref(_vm: &mut Vm, callee: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("weakref", &args)?;
    count_range("weakref", &args, 0, 0)?;
    let r = downcast::<WeakRef>(callee).ok_or_else(|| type_error("not a weak reference"))?;
    Ok(r.get().unwrap_or(Value::None))
}
