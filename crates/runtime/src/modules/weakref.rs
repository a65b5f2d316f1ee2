//! `_weakref`: `ref(obj, callback=None)`, a weak reference to an instance,
//! class, type, function, built-in function or method, generator, bound method,
//! set, frozenset, module, memoryview, exception of a class, `functools.partial`
//! or asyncio object (what CPython lets programs refer to weakly). The engine frees objects when their last
//! reference goes (and cycles at the collector's runs, as CPython does), so
//! `r()` turns `None` when CPython's would, and the callback is called then
//! (`object::weakrefs`). `weakref.py` builds WeakValueDictionary,
//! WeakKeyDictionary, WeakSet and finalize on it.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::builtins::args::{count_range, no_kwargs};
use crate::object::exceptions::{type_error, Exception};
use crate::object::generator::Generator;
use crate::object::instance::{Instance, Method};
use crate::object::memoryview::MemoryView;
use crate::object::native::{downcast, NativeObject};
use crate::object::set::PySet;
use crate::object::types::{type_of, Class, TypeId, TypeRef};
use crate::object::value::{
    address_of, address_of_ptr, Args, Builtin, Function, Module, NativeFn, PyResult, Value,
};
use crate::vm::Vm;

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[];
    let m = super::native_module("_weakref", "", FUNCTIONS);
    let slots = vm.slots.get_mut(TypeId::WeakRef);
    slots.construct = Some(new_ref);
    slots.call = Some(call_ref);
    slots.getattr = Some(ref_attribute);
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
    Native(Weak<dyn NativeObject>),
    Set(Weak<RefCell<PySet>>),
    Module(Weak<Module>),
    Builtin(Weak<Builtin>),
    MemoryView(Weak<MemoryView>),
    Exception(Weak<Exception>),
    /// A built-in type, which lives as long as the run.
    BuiltinType(TypeId),
}

pub struct WeakRef {
    target: Target,
    /// The referent's type name and address, for the repr.
    shown: (String, u64),
    /// `__callback__`: called with this reference when the referent dies.
    callback: Option<Value>,
}

impl WeakRef {
    fn get(&self) -> Option<Value> {
        match &self.target {
            Target::Instance(w) => w.upgrade().map(Value::Instance),
            Target::Class(w) => w.upgrade().map(|c| Value::Type(TypeRef::Class(c))),
            Target::Function(w) => w.upgrade().map(Value::Function),
            Target::Generator(w) => w.upgrade().map(Value::Generator),
            Target::Method(w) => w.upgrade().map(Value::Method),
            Target::Native(w) => w.upgrade().map(Value::Native),
            Target::Set(w) => w.upgrade().map(Value::Set),
            Target::Module(w) => w.upgrade().map(Value::Module),
            Target::Builtin(w) => w.upgrade().map(Value::Builtin),
            Target::MemoryView(w) => w.upgrade().map(Value::MemoryView),
            Target::Exception(w) => w.upgrade().map(Value::Exception),
            Target::BuiltinType(t) => Some(Value::Type(TypeRef::Builtin(*t))),
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

    fn weakref_callback(&self) -> Option<Value> {
        self.callback.clone()
    }
}

/// The native objects CPython lets programs refer to weakly (asyncio's
/// futures, tasks, loops, handles, queues and primitives).
/// Whether instances of `class` take weak references, by CPython's rule for
/// classes made by a `class` statement: a class adds the `__weakref__` slot
/// unless its `__slots__` leave it out or it derives from a variable-size
/// type (int, bytes, tuple), and passes it on to its subclasses; a set
/// subclass has it from `set`. (`collections.defaultdict`, a C type without
/// it in CPython, declares `__slots__` here.)
fn instances_take_weakrefs(class: &Class) -> bool {
    let variable_size = matches!(
        class.layout,
        TypeId::Int | TypeId::Bool | TypeId::Bytes | TypeId::Tuple
    );
    let added = |c: &Class| !variable_size && adds_weakref_slot(c);
    added(class)
        || class.mro.borrow().iter().any(|t| match t {
            TypeRef::Class(c) => added(c),
            TypeRef::Builtin(t) => matches!(t, TypeId::Set | TypeId::FrozenSet),
        })
}

/// Whether a class's own `__slots__`, if it has any, name `__weakref__`.
fn adds_weakref_slot(class: &Class) -> bool {
    let dict = class.dict.borrow();
    match dict.get_str("__slots__") {
        None => true,
        Some(Value::Str(s)) => &*s == "__weakref__",
        Some(Value::Tuple(t)) => t
            .iter()
            .any(|v| matches!(v, Value::Str(s) if &**s == "__weakref__")),
        Some(Value::List(l)) => l
            .borrow()
            .iter()
            .any(|v| matches!(v, Value::Str(s) if &**s == "__weakref__")),
        Some(_) => false,
    }
}

fn weakly_referable(o: &Rc<dyn NativeObject>) -> bool {
    use TypeId::*;
    matches!(
        o.class_id(),
        Future
            | Task
            | EventLoop
            | Handle
            | TimerHandle
            | Queue
            | PriorityQueue
            | LifoQueue
            | Lock
            | Event
            | Condition
            | Semaphore
            | BoundedSemaphore
            | TaskGroup
            | Timeout
            | Partial
    )
}

/// `weakref.ref(obj, callback=None)`.
fn new_ref(_vm: &mut Vm, _: TypeId, args: Args) -> PyResult<Value> {
    no_kwargs("ref", &args)?;
    count_range("ref", &args, 1, 2)?;
    let callback = args
        .pos
        .get(1)
        .filter(|c| !matches!(c, Value::None))
        .cloned();
    let obj = &args.pos[0];
    // The referent's allocation, which its destructor reports.
    let (target, allocation) = match obj {
        Value::Instance(i) if instances_take_weakrefs(&i.class.borrow()) => {
            (Target::Instance(Rc::downgrade(i)), Rc::as_ptr(i) as usize)
        }
        Value::Type(TypeRef::Class(c)) => (Target::Class(Rc::downgrade(c)), Rc::as_ptr(c) as usize),
        Value::Function(f) => (Target::Function(Rc::downgrade(f)), Rc::as_ptr(f) as usize),
        Value::Generator(g) => (Target::Generator(Rc::downgrade(g)), Rc::as_ptr(g) as usize),
        Value::Method(m) => (Target::Method(Rc::downgrade(m)), Rc::as_ptr(m) as usize),
        Value::Set(set) => (Target::Set(Rc::downgrade(set)), set.as_ptr() as usize),
        Value::Module(m) => (Target::Module(Rc::downgrade(m)), Rc::as_ptr(m) as usize),
        Value::Builtin(b) => (Target::Builtin(Rc::downgrade(b)), Rc::as_ptr(b) as usize),
        Value::MemoryView(v) => (Target::MemoryView(Rc::downgrade(v)), Rc::as_ptr(v) as usize),
        // Built-in exceptions have no `__weakref__` slot; a class's do.
        Value::Exception(e) if matches!(type_of(obj), TypeRef::Class(_)) => {
            (Target::Exception(Rc::downgrade(e)), Rc::as_ptr(e) as usize)
        }
        Value::Type(TypeRef::Builtin(t)) => (Target::BuiltinType(*t), 0),
        Value::Native(o) if weakly_referable(o) => (
            Target::Native(Rc::downgrade(o)),
            Rc::as_ptr(o) as *const u8 as usize,
        ),
        other => {
            return Err(type_error(format!(
                "cannot create weak reference to '{}' object",
                type_of(other).name()
            )))
        }
    };
    let shown = (type_of(obj).name().to_string(), address_of(obj));
    let has_callback = callback.is_some();
    let weakref: Rc<dyn NativeObject> = Rc::new(WeakRef {
        target,
        shown,
        callback,
    });
    if has_callback && allocation != 0 {
        crate::object::weakrefs::register(allocation, &weakref);
    }
    Ok(Value::Native(weakref))
}

/// `r()`: the referent, or None once it is gone.
fn call_ref(_vm: &mut Vm, callee: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("weakref", &args)?;
    count_range("weakref", &args, 0, 0)?;
    let r = downcast::<WeakRef>(callee).ok_or_else(|| type_error("not a weak reference"))?;
    Ok(r.get().unwrap_or(Value::None))
}

/// `r.__callback__`: the callback it was made with, or None.
fn ref_attribute(_vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(r) = downcast::<WeakRef>(obj) else {
        return Ok(None);
    };
    Ok(match name {
        "__callback__" => Some(r.callback.clone().unwrap_or(Value::None)),
        _ => None,
    })
}
