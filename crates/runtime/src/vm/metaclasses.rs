//! Metaclasses: which type makes a class (`metaclass=`, else the most
//! derived of its bases' types: CPython's `_PyType_CalculateMetaclass`),
//! the namespace its `__prepare__` gives the class body (a dict, or a
//! mapping whose `__getitem__` / `__setitem__` the body's names go
//! through), and what `type` does as a metaclass: `type.__new__` makes a
//! class whose type is the metaclass, `type.__call__` makes an instance
//! (`__new__`, then `__init__`).

use std::rc::Rc;

use crate::object::exceptions::type_error;
use crate::object::frame::Namespace;
use crate::object::instance::payload;
use crate::object::pystr::PyStr;
use crate::object::types::{type_of, TypeId, TypeRef};
use crate::object::value::{Args, PyResult, Value};
use crate::vm::{Callee, Vm, WHILE_CALLING};

/// The metaclass of a class statement: its `metaclass=` keyword (taken out
/// of `keywords`) or its first base's type, then the most derived of that
/// and its bases' types when it is a type.
pub(crate) fn class_metaclass(
    keywords: &mut Vec<(Rc<PyStr>, Value)>,
    bases: &[Value],
) -> PyResult<Value> {
    let explicit = keywords
        .iter()
        .position(|(k, _)| &**k == "metaclass")
        .map(|i| keywords.remove(i).1);
    let metaclass = match explicit {
        Some(Value::Type(t)) => t,
        // Any callable may make the class.
        Some(other) => return Ok(other),
        None => match bases.first() {
            Some(base) => type_of(base),
            None => TypeId::Type.into(),
        },
    };
    calculate_metaclass(metaclass, bases).map(Value::Type)
}

/// The most derived of `metaclass` and the bases' types; they must form a
/// chain of subclasses.
pub(crate) fn calculate_metaclass(metaclass: TypeRef, bases: &[Value]) -> PyResult<TypeRef> {
    let mut winner = metaclass;
    for base in bases {
        let t = type_of(base);
        if winner.is_subclass(&t) {
            continue;
        }
        if t.is_subclass(&winner) {
            winner = t;
            continue;
        }
        return Err(type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
             subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

impl Vm {
    /// CPython's `update_bases`: a base that is not a class but has
    /// `__mro_entries__` (`Generic[T]`, typing's aliases) stands for what
    /// that returns, given the original bases; those are returned too when
    /// a base was replaced (the class's `__orig_bases__`).
    pub(crate) fn resolve_bases(
        &mut self,
        bases: Vec<Value>,
    ) -> PyResult<(Vec<Value>, Option<Value>)> {
        if bases.iter().all(|b| matches!(b, Value::Type(_))) {
            return Ok((bases, None));
        }
        let original = Value::tuple(bases.clone());
        let mut resolved = Vec::with_capacity(bases.len());
        let mut replaced = false;
        for base in bases {
            if matches!(base, Value::Type(_)) {
                resolved.push(base);
                continue;
            }
            let entries = match crate::attrs::get_attr(self, &base, "__mro_entries__") {
                Ok(entries) => entries,
                Err(e) if e.is(TypeId::AttributeError) => {
                    resolved.push(base);
                    continue;
                }
                Err(e) => return Err(e),
            };
            match self.call(&entries, Args::new(vec![original.clone()]))? {
                Value::Tuple(t) => resolved.extend(t.iter().cloned()),
                _ => return Err(type_error("__mro_entries__ must return a tuple")),
            }
            replaced = true;
        }
        Ok((resolved, replaced.then_some(original)))
    }

    /// The namespace a class body runs in: what the metaclass's
    /// `__prepare__(name, bases, **keywords)` returns, or a fresh dict.
    pub(crate) fn prepare_namespace(
        &mut self,
        metaclass: &Value,
        name: &Value,
        bases: &[Value],
        keywords: &[(Rc<PyStr>, Value)],
    ) -> PyResult<Namespace> {
        let prepare = match metaclass {
            Value::Type(TypeRef::Builtin(_)) => None,
            Value::Type(TypeRef::Class(m)) => match m.lookup("__prepare__") {
                Some(_) => Some(crate::attrs::get_attr(self, metaclass, "__prepare__")?),
                None => None,
            },
            other => match crate::attrs::get_attr(self, other, "__prepare__") {
                Ok(prepare) => Some(prepare),
                Err(e) if e.is(TypeId::AttributeError) => None,
                Err(e) => return Err(e),
            },
        };
        let Some(prepare) = prepare else {
            return Ok(Namespace::Dict(Default::default()));
        };
        let args = Args {
            pos: smallvec::smallvec![name.clone(), Value::tuple(bases.to_vec())],
            kw: keywords.to_vec(),
        };
        match self.call(&prepare, args)? {
            Value::Dict(d) => Ok(Namespace::Dict(d)),
            mapping @ Value::Instance(_) => Ok(Namespace::Mapping(mapping)),
            other => {
                let owner = match metaclass {
                    Value::Type(t) => t.name().into_owned(),
                    _ => "<metaclass>".to_string(),
                };
                Err(type_error(format!(
                    "{owner}.__prepare__() must return a mapping, not {}",
                    type_of(&other).name()
                )))
            }
        }
    }

    /// `name` in a class body's namespace (`None` when missing).
    pub(crate) fn namespace_get(&mut self, ns: &Namespace, name: &str) -> PyResult<Option<Value>> {
        match ns {
            Namespace::Dict(d) => Ok(d.borrow().get_str(name)),
            Namespace::Mapping(m) => match crate::ops::get_item(self, m, &Value::str(name)) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.is(TypeId::KeyError) => Ok(None),
                Err(e) => Err(e),
            },
        }
    }

    /// Store (`Some`) or delete (`None`) `name` in a class body's
    /// namespace; false when there was nothing to delete.
    pub(crate) fn namespace_set(
        &mut self,
        ns: &Namespace,
        name: &str,
        v: Option<Value>,
    ) -> PyResult<bool> {
        match (ns, v) {
            (Namespace::Dict(d), Some(v)) => {
                d.borrow_mut().insert_str(name, v);
                Ok(true)
            }
            (Namespace::Dict(d), None) => Ok(d.borrow_mut().remove_str(name).is_some()),
            (Namespace::Mapping(m), Some(v)) => {
                crate::ops::set_item(self, m, Value::str(name), v)?;
                Ok(true)
            }
            (Namespace::Mapping(m), None) => match crate::ops::del_item(self, m, &Value::str(name))
            {
                Ok(()) => Ok(true),
                Err(e) if e.is(TypeId::KeyError) => Ok(false),
                Err(e) => Err(e),
            },
        }
    }

    /// `type.__new__(metatype, name, bases, namespace, **keywords)`: a new
    /// class, whose type is the most derived of `metatype` and its bases'
    /// types (that type's own `__new__` makes it, if it has one).
    pub(crate) fn new_class(&mut self, metatype: TypeRef, args: &Args) -> PyResult<Value> {
        let [name, bases, namespace] = args.pos.as_slice() else {
            return Err(type_error(format!(
                "type.__new__() takes exactly 3 arguments ({} given)",
                args.pos.len()
            )));
        };
        if !matches!(name, Value::Str(_)) {
            return Err(argument_error(1, "str", name));
        }
        let Value::Tuple(bases) = bases else {
            return Err(argument_error(2, "tuple", bases));
        };
        let namespace = match payload(namespace) {
            Value::Dict(d) => d.borrow().clone(),
            _ => return Err(argument_error(3, "dict", namespace)),
        };
        let metaclass = calculate_metaclass(metatype.clone(), bases)?;
        if !metaclass.is(&metatype) {
            if let Some(new) = metaclass.lookup_override("__new__") {
                return self.call_new(&new, Value::Type(metaclass), args);
            }
        }
        let class = self.make_class(name, bases, namespace, args.kw.clone(), metaclass)?;
        Ok(Value::Type(TypeRef::Class(class)))
    }

    /// Calling a class: its metaclass's `__call__`, when Python code
    /// defines one, else `type.__call__`.
    pub(crate) fn call_class(&mut self, class: &Value, args: Args) -> PyResult<Callee> {
        let Value::Type(TypeRef::Class(c)) = class else {
            return self.prepare_call(class, args);
        };
        // CPython calls a class through `_PyObject_MakeTpCall`, which checks the
        // depth a level down before `__new__` or `__init__` runs.
        self.check_recursion_depth_for(WHILE_CALLING)?;
        if let Some(call) = c.metaclass.lookup_override("__call__") {
            return self.prepare_call(&crate::attrs::bound(call, class.clone()), args);
        }
        self.instantiate(c, args)
    }

    /// `mro_internal`: a metaclass's own `mro()` decides the new class's MRO (CPython
    /// calls it once the class exists, before `__set_name__` and `__init_subclass__`).
    /// Its result is taken as a sequence of classes, the class itself first.
    pub(crate) fn custom_mro(
        &mut self,
        class: &Rc<crate::object::types::Class>,
        class_value: &Value,
    ) -> PyResult<()> {
        let Some(mro) = class.metaclass.lookup_override("mro") else {
            return Ok(());
        };
        let result = self.call_method(&mro, class_value, Args::default())?;
        let mut order = Vec::new();
        for item in crate::iterators::collect(self, &result)? {
            match item {
                Value::Type(t) => order.push(t),
                other => {
                    return Err(type_error(format!(
                        "mro() returned a non-class ('{}')",
                        type_of(&other).name()
                    )))
                }
            }
        }
        if order
            .first()
            .is_some_and(|first| first.is(&TypeRef::Class(class.clone())))
        {
            order.remove(0);
        }
        *class.mro.borrow_mut() = order;
        Ok(())
    }

    /// Run what a call came down to, to its result.
    pub(crate) fn finish_call(&mut self, callee: Callee) -> PyResult<Value> {
        match callee {
            Callee::Done(v) => Ok(v),
            Callee::Frame(frame) => self.run_frame(frame),
        }
    }
}

/// `type.__new__() argument 2 must be tuple, not list`.
fn argument_error(position: usize, expected: &str, got: &Value) -> crate::object::value::ExcRef {
    type_error(format!(
        "type.__new__() argument {position} must be {expected}, not {}",
        type_of(got).name()
    ))
}
