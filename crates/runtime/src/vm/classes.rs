//! Classes: creating them (`class` statements and `type(name, bases,
//! dict)`, CPython's `type.__new__`), and creating their instances
//! (`__new__`, then `__init__`).

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::compile::scope::mangle;
use crate::object::dict::{Dict, PySet};
use crate::object::exceptions::{runtime_error, type_error, value_error, Exception};
use crate::object::frame::{CellRef, ClassSpec, FrameKind, Namespace, OnReturn};
use crate::object::instance::Instance;
use crate::object::native::downcast;
use crate::object::pystr::PyStr;
use crate::object::slots::TypeSlots;
use crate::object::types::{c3_mro, type_of, Class, TypeId, TypeRef};
use crate::object::value::{Args, PyResult, Value};
use crate::vm::call::bind_arguments;
use crate::vm::descriptors::{MethodWrapper, Super};
use crate::vm::{Callee, Vm};

/// The built-in types a class may derive from, and the layout (see
/// [`Class::layout`]) their subclasses' instances have.
fn base_layout(slots: &TypeSlots, t: TypeId) -> Option<TypeId> {
    Some(match t {
        t if slots.get(t).payload_subclass => t,
        t if t.is_exception() => TypeId::BaseException,
        TypeId::Object
        | TypeId::Int
        | TypeId::Float
        | TypeId::Str
        | TypeId::Bytes
        | TypeId::Tuple
        | TypeId::List
        | TypeId::Dict
        | TypeId::Set
        | TypeId::FrozenSet
        | TypeId::Random
        | TypeId::Type => t,
        _ => return None,
    })
}

impl Vm {
    /// The end of a class statement: its body ran (and returned `cell`,
    /// its `__class__` cell or None); the metaclass makes the class.
    pub(crate) fn finish_class(&mut self, spec: ClassSpec, cell: Value) -> PyResult<Value> {
        let ClassSpec {
            name,
            bases,
            orig_bases,
            keywords,
            namespace,
            metaclass,
        } = spec;
        if let Some(orig_bases) = orig_bases {
            self.namespace_set(&namespace, "__orig_bases__", Some(orig_bases))?;
        }
        let class = match (metaclass, namespace) {
            (Value::Type(TypeRef::Builtin(TypeId::Type)), Namespace::Dict(namespace)) => {
                let namespace = std::mem::take(&mut *namespace.borrow_mut());
                let class =
                    self.make_class(&name, &bases, namespace, keywords, TypeId::Type.into())?;
                Value::Type(TypeRef::Class(class))
            }
            (metaclass, namespace) => {
                let args = Args {
                    pos: smallvec::smallvec![name, Value::tuple(bases), namespace.value()],
                    kw: keywords,
                };
                self.call(&metaclass, args)?
            }
        };
        if let (Value::Cell(cell), Value::Type(_)) = (cell, &class) {
            *cell.borrow_mut() = Some(class.clone());
        }
        Ok(class)
    }

    /// `type.__new__(metaclass, name, bases, namespace)` and the class's
    /// `__set_name__` / `__init_subclass__` calls.
    pub(crate) fn make_class(
        &mut self,
        name: &Value,
        bases: &[Value],
        mut namespace: Dict,
        keywords: Vec<(Rc<PyStr>, Value)>,
        metaclass: TypeRef,
    ) -> PyResult<Rc<Class>> {
        let Value::Str(name) = name else {
            return Err(type_error(format!(
                "type.__new__() argument 1 must be str, not {}",
                type_of(name).name()
            )));
        };
        let mut base_types = Vec::new();
        for b in bases {
            match b {
                Value::Type(t) => base_types.push(t.clone()),
                other => {
                    return Err(type_error(format!(
                        "bases must be types, not '{}'",
                        type_of(other).name()
                    )))
                }
            }
        }
        if base_types.is_empty() {
            base_types.push(TypeRef::Builtin(TypeId::Object));
        }
        for (i, b) in base_types.iter().enumerate() {
            if base_types[..i].iter().any(|a| a.is(b)) {
                return Err(type_error(format!("duplicate base class {}", b.name())));
            }
        }
        let layout = class_layout(&self.slots, &base_types)?;
        let mro = c3_mro(&base_types).map_err(type_error)?;
        let qualname = match namespace.remove_str("__qualname__") {
            Some(Value::Str(q)) => q,
            Some(other) => {
                return Err(type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    type_of(&other).name()
                )))
            }
            None => name.clone(),
        };
        // `type(name, bases, dict)` without `__module__` (a class statement's body sets it):
        // the module of the code calling it, as CPython's `type_new_set_module` reads it from
        // the running frame's globals.
        if namespace.get_str("__module__").is_none() {
            let caller = self.frames.last().map(|f| f.globals.clone());
            if let Some(module_name) = caller.and_then(|g| g.attrs.borrow().get_str("__name__")) {
                namespace.insert_str("__module__", module_name);
            }
        }
        if namespace.get_str("__doc__").is_none() {
            namespace.insert_str("__doc__", Value::None);
        }
        // Equal objects must hash alike: defining `__eq__` alone makes a
        // class's instances unhashable.
        if namespace.get_str("__eq__").is_some() && namespace.get_str("__hash__").is_none() {
            namespace.insert_str("__hash__", Value::None);
        }
        // `__new__` is a static method, `__init_subclass__` and
        // `__class_getitem__` class methods, without saying so.
        for (special, kind) in [
            ("__new__", TypeId::StaticMethod),
            ("__init_subclass__", TypeId::ClassMethod),
            ("__class_getitem__", TypeId::ClassMethod),
        ] {
            if let Some(f @ Value::Function(_)) = namespace.get_str(special) {
                let wrapped = Value::Native(Rc::new(MethodWrapper { kind, func: f }));
                namespace.insert_str(special, wrapped);
            }
        }
        let slots = self.declared_slots(name, &namespace, &base_types)?;
        let class = crate::object::value::tracked(Class {
            name: RefCell::new(name.clone()),
            qualname: RefCell::new(qualname),
            bases: base_types,
            mro: RefCell::new(mro),
            dict: RefCell::new(namespace),
            layout,
            slots,
            metaclass,
            tp_name: RefCell::new(None),
            subclasses: RefCell::default(),
            collection_flags: Cell::new(0),
            itself: RefCell::new(None),
        });
        *class.itself.borrow_mut() = Some(class.clone());
        for base in &class.bases {
            if let TypeRef::Class(base) = base {
                base.subclasses.borrow_mut().push(Rc::downgrade(&class));
            }
        }
        let class_value = Value::Type(TypeRef::Class(class.clone()));
        self.custom_mro(&class, &class_value)?;
        let attributes = class.dict.borrow().items();
        for (attr, value) in attributes {
            if let Some(set_name) = type_of(&value).lookup_override("__set_name__") {
                let called = self.call_method(
                    &set_name,
                    &value,
                    Args::new(vec![class_value.clone(), attr.clone()]),
                );
                // CPython 3.11's `type_new_set_names` wraps the error, its cause.
                if let Err(cause) = called {
                    let e = runtime_error(format!(
                        "Error calling __set_name__ on '{}' instance {} in '{}'",
                        type_of(&value).name(),
                        crate::repr::repr_value(&attr),
                        class.name.borrow()
                    ));
                    *e.cause.borrow_mut() = Some(cause.clone());
                    *e.context.borrow_mut() = Some(cause);
                    e.suppress_context.set(true);
                    return Err(e);
                }
            }
        }
        self.init_subclass(&class, keywords)?;
        Ok(class)
    }

    /// `__slots__`: the names instances may have, if the class and all its
    /// bases declare them; a private one (`__secret`) mangled with the class's
    /// name, as the class's code writes it.
    fn declared_slots(
        &mut self,
        class_name: &str,
        namespace: &Dict,
        bases: &[TypeRef],
    ) -> PyResult<Option<Vec<Rc<str>>>> {
        let Some(declared) = namespace.get_str("__slots__") else {
            return Ok(None);
        };
        let mut names: Vec<Rc<str>> = match &declared {
            Value::Str(s) => vec![Rc::from(s.as_str())],
            other => {
                let mut names = Vec::new();
                for item in crate::iterators::collect(self, other)? {
                    match item {
                        Value::Str(s) => names.push(Rc::from(s.as_str())),
                        other => {
                            return Err(type_error(format!(
                                "__slots__ items must be strings, not '{}'",
                                type_of(&other).name()
                            )))
                        }
                    }
                }
                names
            }
        };
        for slot in names.iter_mut() {
            if let Cow::Owned(mangled) = mangle(Some(class_name), slot) {
                *slot = Rc::from(mangled);
            }
        }
        for name in &names {
            // The class body sets `__doc__` (None without a docstring), where CPython's
            // namespace has none to conflict with.
            let implicit_doc =
                &**name == "__doc__" && matches!(namespace.get_str(name), Some(Value::None));
            if &**name != "__dict__"
                && &**name != "__weakref__"
                && !implicit_doc
                && namespace.get_str(name).is_some()
            {
                return Err(value_error(format!(
                    "'{name}' in __slots__ conflicts with class variable"
                )));
            }
        }
        let variable_size = |t: TypeId| matches!(t, TypeId::Int | TypeId::Bytes | TypeId::Tuple);
        if !names.is_empty() {
            let sized = bases.iter().find_map(|base| match base {
                TypeRef::Builtin(t) if variable_size(*t) => Some(t.name().to_string()),
                TypeRef::Class(c) if variable_size(c.layout) => Some(c.name.borrow().to_string()),
                _ => None,
            });
            if let Some(base) = sized {
                return Err(type_error(format!(
                    "nonempty __slots__ not supported for subtype of '{base}'"
                )));
            }
        }
        for base in bases {
            match base {
                TypeRef::Builtin(TypeId::Object) => {}
                TypeRef::Class(c) => match &c.slots {
                    Some(inherited) => names.extend(inherited.iter().cloned()),
                    None => return Ok(None),
                },
                // Exceptions have a `__dict__` of their own; the other built-in
                // types (dict, list, tuple, int, ...) have none to pass on.
                TypeRef::Builtin(t) if t.is_subclass(TypeId::BaseException) => return Ok(None),
                TypeRef::Builtin(_) => {}
            }
        }
        if names.iter().any(|n| &**n == "__dict__") {
            return Ok(None);
        }
        Ok(Some(names))
    }

    /// `super(cls, cls).__init_subclass__(**keywords)`.
    fn init_subclass(
        &mut self,
        class: &Rc<Class>,
        keywords: Vec<(Rc<PyStr>, Value)>,
    ) -> PyResult<()> {
        let class_value = Value::Type(TypeRef::Class(class.clone()));
        let parent = class.mro.borrow().iter().find_map(|t| match t {
            TypeRef::Class(c) => c.dict.borrow().get_str("__init_subclass__"),
            TypeRef::Builtin(_) => None,
        });
        match parent.as_ref().and_then(downcast::<MethodWrapper>) {
            Some(wrapper) => {
                let args = Args {
                    pos: smallvec::smallvec![class_value],
                    kw: keywords,
                };
                self.call(&wrapper.func, args)?;
                Ok(())
            }
            None if keywords.is_empty() => Ok(()),
            None => Err(type_error(format!(
                "{}.__init_subclass__() takes no keyword arguments",
                class.name.borrow()
            ))),
        }
    }

    /// `type.__call__(class, *args, **kwargs)`: `__new__`, then, if it made
    /// an instance of the class, `__init__` (whose frame, when it is
    /// Python's, hands the instance to the caller when it returns).
    pub(crate) fn instantiate(&mut self, class: &Rc<Class>, args: Args) -> PyResult<Callee> {
        let obj = self.new_object(class, &args)?;
        if !type_of(&obj).is_subclass(&TypeRef::Class(class.clone())) {
            return Ok(Callee::Done(obj));
        }
        let Some(init) = self.user_init(class) else {
            self.default_init(class, &obj, args)?;
            return Ok(Callee::Done(obj));
        };
        let bound = crate::attrs::bound(init, obj.clone());
        match self.prepare_call(&bound, args)? {
            Callee::Frame(mut frame) => {
                frame.on_return = Some(Box::new(OnReturn::Init(obj)));
                Ok(Callee::Frame(frame))
            }
            Callee::Done(r) => {
                check_init_result(&r)?;
                Ok(Callee::Done(obj))
            }
        }
    }

    /// The `__init__` defined in Python for instances of `class`, if any.
    pub(crate) fn user_init(&self, class: &Rc<Class>) -> Option<Value> {
        class.lookup_override("__init__")
    }

    /// `cls.__new__(cls, *args, **kwargs)`: a Python `__new__`, or the
    /// built-in one of the class's layout.
    pub(crate) fn new_object(&mut self, class: &Rc<Class>, args: &Args) -> PyResult<Value> {
        let class_value = Value::Type(TypeRef::Class(class.clone()));
        if let Some(new) = class.lookup_override("__new__") {
            return self.call_new(&new, class_value, args);
        }
        self.default_new(class, args)
    }

    /// Call a `__new__` found on `class` (a static method) with `class`
    /// first.
    pub(crate) fn call_new(&mut self, new: &Value, class: Value, args: &Args) -> PyResult<Value> {
        let func = match downcast::<MethodWrapper>(new) {
            Some(w) => w.func.clone(),
            None => new.clone(),
        };
        let mut pos = vec![class];
        pos.extend(args.pos.iter().cloned());
        let kw = args.kw.clone();
        self.call(
            &func,
            Args {
                pos: pos.into(),
                kw,
            },
        )
    }

    /// The built-in `__new__` of a class's layout (`object.__new__`,
    /// `BaseException.__new__`, `list.__new__`, ...).
    pub(crate) fn default_new(&mut self, class: &Rc<Class>, args: &Args) -> PyResult<Value> {
        let excess = !args.pos.is_empty() || !args.kw.is_empty();
        match class.layout {
            TypeId::Object => {
                if excess {
                    if class.lookup_override("__new__").is_some() {
                        return Err(type_error(
                            "object.__new__() takes exactly one argument (the type to instantiate)",
                        ));
                    }
                    if self.user_init(class).is_none() {
                        return Err(type_error(format!(
                            "{}() takes no arguments",
                            class.name.borrow()
                        )));
                    }
                }
                self.check_abstract(class)?;
                Ok(Value::Instance(Instance::new(class.clone(), None)))
            }
            TypeId::BaseException => Ok(Value::Exception(Exception::of_class(
                TypeRef::Class(class.clone()),
                args.pos.to_vec(),
            ))),
            TypeId::List => Ok(instance_with(class, Value::list(Vec::new()))),
            // Registered with the cycle collector, as `Value::list` is: what an
            // instance of a dict or set subclass holds can refer back to it.
            TypeId::Dict => Ok(instance_with(class, Value::dict(Dict::new()))),
            TypeId::Set => Ok(instance_with(class, Value::set(PySet::new()))),
            // A metaclass: its instances are classes.
            TypeId::Type => self.new_class(TypeRef::Class(class.clone()), args),
            // A native object that `__init__` sets up (an asyncio queue or lock).
            layout if self.slots.get(layout).payload_subclass => {
                let made = self.call(&Value::Type(TypeRef::Builtin(layout)), Args::default())?;
                Ok(instance_with(class, made))
            }
            // A generator seeded by `__init__` (random's `Random.__new__`
            // takes the arguments and leaves them to it).
            TypeId::Random => {
                let made = self.call(
                    &Value::Type(TypeRef::Builtin(TypeId::Random)),
                    Args::default(),
                )?;
                Ok(instance_with(class, made))
            }
            layout => {
                // Immutable values are made by `__new__` from the arguments.
                let made = self.call(
                    &Value::Type(TypeRef::Builtin(layout)),
                    Args {
                        pos: args.pos.clone(),
                        kw: args.kw.clone(),
                    },
                )?;
                Ok(instance_with(class, made))
            }
        }
    }

    /// `object.__new__` refuses a class whose own `__abstractmethods__`
    /// (set by `abc.ABCMeta`) names any method.
    fn check_abstract(&mut self, class: &Rc<Class>) -> PyResult<()> {
        let declared = class.dict.borrow().get_str("__abstractmethods__");
        let Some(declared) = declared else {
            return Ok(());
        };
        let mut names: Vec<String> = crate::iterators::collect(self, &declared)?
            .iter()
            .filter_map(|n| crate::repr::str_value(n).ok())
            .collect();
        if names.is_empty() {
            return Ok(());
        }
        names.sort();
        Err(type_error(format!(
            "Can't instantiate abstract class {} with abstract method{} {}",
            class.name.borrow(),
            if names.len() == 1 { "" } else { "s" },
            names.join(", ")
        )))
    }

    /// The built-in `__init__` of a class's layout, for a class that
    /// defines none in Python.
    pub(crate) fn default_init(
        &mut self,
        class: &Rc<Class>,
        obj: &Value,
        args: Args,
    ) -> PyResult<()> {
        match class.layout {
            TypeId::BaseException => {
                if let Value::Exception(e) = obj {
                    if e.is(TypeId::ImportError) {
                        *e.args.borrow_mut() = args.pos.into_vec();
                        return crate::object::exceptions::init_import_error(e, args.kw);
                    }
                }
                if !args.kw.is_empty() {
                    return Err(type_error(format!(
                        "{}() takes no keyword arguments",
                        class.name.borrow()
                    )));
                }
                if let Value::Exception(e) = obj {
                    *e.args.borrow_mut() = args.pos.into_vec();
                }
                Ok(())
            }
            TypeId::List | TypeId::Dict | TypeId::Set => {
                let payload = crate::object::instance::payload(obj).clone();
                let filled = self.call(&Value::Type(TypeRef::Builtin(class.layout)), args)?;
                fill_container(&payload, filled);
                Ok(())
            }
            // A built-in `__init__` of the layout's type (random's `Random`).
            layout => match self.slots.get(layout).find("__init__") {
                Some((_, init)) => init(self, obj, args).map(|_| ()),
                None => Ok(()),
            },
        }
    }

    /// Call `func` as a method of `receiver` (`receiver` first).
    pub(crate) fn call_method(
        &mut self,
        func: &Value,
        receiver: &Value,
        args: Args,
    ) -> PyResult<Value> {
        let mut pos = Vec::with_capacity(args.pos.len() + 1);
        pos.push(receiver.clone());
        pos.extend(args.pos);
        self.call(
            &func.clone(),
            Args {
                pos: pos.into(),
                kw: args.kw,
            },
        )
    }

    /// Zero-argument `super()`: the class of the calling method (its
    /// `__class__` cell) and its first argument.
    pub(crate) fn zero_arg_super(&mut self) -> PyResult<Value> {
        let runtime_error = crate::object::exceptions::runtime_error;
        let Some(frame) = self.frames.last() else {
            return Err(runtime_error("super(): no current frame"));
        };
        let code = &frame.code;
        if code.argcount == 0 && !code.has_varargs {
            return Err(runtime_error("super(): no arguments"));
        }
        let first = match code.cell_params.iter().position(|p| *p == Some(0)) {
            Some(cell) => frame.cells[cell].borrow().clone(),
            None => frame.locals.first().cloned().flatten(),
        };
        let Some(obj) = first else {
            return Err(runtime_error("super(): arg[0] deleted"));
        };
        let Some(index) = code.freevars.iter().position(|n| &**n == "__class__") else {
            return Err(runtime_error("super(): __class__ cell not found"));
        };
        let cell: &CellRef = &frame.cells[code.cellvars.len() + index];
        let class = match &*cell.borrow() {
            Some(Value::Type(t)) => t.clone(),
            Some(_) => return Err(runtime_error("super(): __class__ is not a type")),
            None => return Err(runtime_error("super(): empty __class__ cell")),
        };
        new_super(class, obj)
    }
}

/// `super(class, obj)`.
pub(crate) fn new_super(class: TypeRef, obj: Value) -> PyResult<Value> {
    let obj_type = match &obj {
        Value::Type(t) if t.is_subclass(&class) => t.clone(),
        other => {
            let t = type_of(other);
            if !t.is_subclass(&class) {
                return Err(type_error(
                    "super(type, obj): obj must be an instance or subtype of type",
                ));
            }
            t
        }
    };
    Ok(Value::Native(Rc::new(Super {
        class,
        obj,
        obj_type,
    })))
}

/// `__init__` must return None.
pub(crate) fn check_init_result(r: &Value) -> PyResult<()> {
    if r.is_none() {
        Ok(())
    } else {
        Err(type_error(format!(
            "__init__() should return None, not '{}'",
            type_of(r).name()
        )))
    }
}

fn instance_with(class: &Rc<Class>, payload: Value) -> Value {
    Value::Instance(Instance::new(class.clone(), Some(payload)))
}

/// Move what a built-in constructor made into an instance's payload.
fn fill_container(payload: &Value, filled: Value) {
    match (payload, filled) {
        (Value::List(p), Value::List(f)) => *p.borrow_mut() = f.borrow().clone(),
        (Value::Dict(p), Value::Dict(f)) => *p.borrow_mut() = f.borrow().clone(),
        (Value::Set(p), Value::Set(f)) => *p.borrow_mut() = f.borrow().clone(),
        _ => {}
    }
}

/// The layout of a new class's instances, from its bases: at most one
/// built-in layout besides `object`'s.
fn class_layout(slots: &TypeSlots, bases: &[TypeRef]) -> PyResult<TypeId> {
    let mut layout = TypeId::Object;
    for base in bases {
        let own = match base {
            TypeRef::Builtin(t) => base_layout(slots, *t).ok_or_else(|| {
                type_error(format!(
                    "type '{}' is not an acceptable base type",
                    t.name()
                ))
            })?,
            TypeRef::Class(c) => c.layout,
        };
        if own == TypeId::Object || own == layout {
            continue;
        }
        if layout != TypeId::Object {
            return Err(type_error("multiple bases have instance lay-out conflict"));
        }
        layout = own;
    }
    Ok(layout)
}

// ----- the class statement in the dispatch loop -----

impl Vm {
    /// The namespace of the running class body.
    pub(super) fn namespace(&self) -> Option<Namespace> {
        self.frames.last().and_then(|f| f.namespace.clone())
    }

    /// `SetupAnnotations`: an empty `__annotations__` in the class body's
    /// namespace, or in the module's, unless there is one already.
    pub(super) fn setup_annotations(&mut self) -> PyResult<()> {
        let Some(namespace) = self.namespace() else {
            let globals = &self.frames.last().expect("frame").globals;
            let mut attrs = globals.attrs.borrow_mut();
            if attrs.get_str("__annotations__").is_none() {
                attrs.insert_str("__annotations__", Value::dict(Default::default()));
            }
            return Ok(());
        };
        if self.namespace_get(&namespace, "__annotations__")?.is_none() {
            let fresh = Value::dict(Default::default());
            self.namespace_set(&namespace, "__annotations__", Some(fresh))?;
        }
        Ok(())
    }

    /// `BuildClass`: run the class body in the namespace its metaclass
    /// prepares; the class is made when it returns (see
    /// [`OnReturn::BuildClass`]).
    pub(super) fn build_class(&mut self, argc: u32, names: u32) -> PyResult<()> {
        let mut values = self.popn(argc as usize);
        let mut keywords = if names == u32::MAX {
            Vec::new()
        } else {
            let names = match &self.frames.last().expect("frame").code.consts[names as usize] {
                Value::Tuple(t) => t.0.clone(),
                _ => Rc::from(Vec::new()),
            };
            let kwvals = values.split_off(values.len() - names.len());
            names
                .iter()
                .zip(kwvals)
                .map(|(n, v)| match n {
                    Value::Str(s) => (s.clone(), v),
                    _ => (PyStr::rc(""), v),
                })
                .collect()
        };
        let name = self.pop();
        let body = self.pop();
        let Value::Function(body) = body else {
            return Err(type_error("__build_class__: func must be a function"));
        };
        let (bases, orig_bases) = self.resolve_bases(values)?;
        let metaclass = crate::vm::metaclasses::class_metaclass(&mut keywords, &bases)?;
        let namespace = self.prepare_namespace(&metaclass, &name, &bases, &keywords)?;
        let mut frame = bind_arguments(&body, Args::default(), self.new_frame(&body))?;
        frame.namespace = Some(namespace.clone());
        frame.on_return = Some(Box::new(OnReturn::BuildClass(ClassSpec {
            name,
            bases,
            orig_bases,
            keywords,
            namespace,
            metaclass,
        })));
        frame.kind = FrameKind::Call;
        self.push_frame(frame)
    }
}
