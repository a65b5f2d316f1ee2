//! What each built-in type can do, registered by the layer that implements
//! it (`builtins::install`, `asyncio::install`, a module's builder): its
//! methods, its data attributes, how calling the type constructs a value,
//! how `await` drives its objects. The VM finds behaviour through these
//! tables, keyed by the type, instead of naming the modules that provide it
//! (CPython's type slots and method tables).

use crate::object::state::Vm;
use crate::object::types::TypeId;
use crate::object::value::{Args, NativeFn, PyResult, Value};

/// `obj.name` for the data attributes of a type's objects (`range.start`,
/// `exc.args`); `Ok(None)` when the type has no such attribute.
pub type GetAttrFn = fn(&mut Vm, &Value, &str) -> PyResult<Option<Value>>;
/// `obj.name = v` (`Some(v)`) or `del obj.name` (`None`); `Ok(false)` when
/// the type has no such settable attribute.
pub type SetAttrFn = fn(&mut Vm, &Value, &str, Option<Value>) -> PyResult<bool>;
/// Calling the type: `Queue(maxsize=3)`.
pub type ConstructFn = fn(&mut Vm, TypeId, Args) -> PyResult<Value>;
/// Calling an object of the type: `partial_obj(1, 2)`.
pub type CallFn = fn(&mut Vm, &Value, Args) -> PyResult<Value>;
/// Calling an object of the type is calling another callable with these
/// arguments (`partial_obj(1)` calls its function): `Vm::prepare_call`
/// follows it, so a Python function called so runs as a frame of the same
/// run (a simulated thread may block in it).
pub type ForwardFn = fn(&Value, Args) -> PyResult<(Value, Args)>;
/// One step of `await obj`: `Some(result)` when it is done, `None` to yield
/// `obj` to the task (`fresh` is false when resumed after yielding it).
pub type AwaitFn = fn(&mut Vm, &Value, bool) -> PyResult<Option<Value>>;
/// `obj.__await__()` for a type whose `await` drives another object (a
/// coroutine of the library, say): that object.
pub type AwaitIterFn = fn(&mut Vm, &Value) -> PyResult<Value>;

/// The slots of one type. Methods and class methods are looked up by name
/// in their tables; the other slots are optional behaviour.
#[derive(Clone, Copy, Default)]
pub struct Slots {
    pub methods: &'static [(&'static str, NativeFn)],
    /// Special methods (`__init__`, `__getitem__`, ...) that classes
    /// deriving from the type inherit and call explicitly.
    pub special: &'static [(&'static str, NativeFn)],
    /// Methods called on the type itself (`dict.fromkeys`).
    pub class_methods: &'static [(&'static str, NativeFn)],
    pub getattr: Option<GetAttrFn>,
    /// The data attributes `getattr` answers, which `dir()` lists.
    pub data_attributes: &'static [&'static str],
    pub setattr: Option<SetAttrFn>,
    pub construct: Option<ConstructFn>,
    pub call: Option<CallFn>,
    pub forward: Option<ForwardFn>,
    pub await_step: Option<AwaitFn>,
    pub await_iter: Option<AwaitIterFn>,
    /// Classes may derive from the type although its objects are native (asyncio's
    /// queues and locks): an instance holds an object made by calling the type with no
    /// arguments, which the type's `__init__` sets up, and the type's methods receive
    /// the instance itself, so that they can call the methods the class overrides.
    pub payload_subclass: bool,
}

impl Slots {
    /// The type's own method `name`: a method or a special method.
    pub fn find(&self, name: &str) -> Option<(&'static str, NativeFn)> {
        self.methods
            .iter()
            .chain(self.special)
            .find(|(n, _)| *n == name)
            .copied()
    }
}

/// The slots of every built-in type, indexed by [`TypeId`].
pub struct TypeSlots {
    table: Vec<Slots>,
}

impl Default for TypeSlots {
    fn default() -> TypeSlots {
        TypeSlots {
            table: vec![Slots::default(); TypeId::ALL.len()],
        }
    }
}

impl TypeSlots {
    pub fn get(&self, t: TypeId) -> &Slots {
        &self.table[t as usize]
    }

    pub fn get_mut(&mut self, t: TypeId) -> &mut Slots {
        &mut self.table[t as usize]
    }

    /// The method `name` of `t` or of its nearest built-in base that has one.
    pub fn method(&self, t: TypeId, name: &str) -> Option<(&'static str, NativeFn)> {
        let mut t = t;
        loop {
            if let Some(found) = self.get(t).find(name) {
                return Some(found);
            }
            if t == TypeId::Object {
                return None;
            }
            t = t.base();
        }
    }

    /// The first slot `pick` finds on `t` or its built-in bases.
    pub fn inherited<T>(&self, t: TypeId, pick: impl Fn(&Slots) -> Option<T>) -> Option<T> {
        let mut t = t;
        loop {
            if let Some(found) = pick(self.get(t)) {
                return Some(found);
            }
            if t == TypeId::Object {
                return None;
            }
            t = t.base();
        }
    }
}
