//! Methods of `dict` (and the `dict.fromkeys` class method), and
//! `isdisjoint` of its keys and items views.

use std::cell::RefCell;
use std::rc::Rc;

use super::args::{count_range, no_args};
use super::construct::update_dict;
use crate::iterators::{self, dict_view, DictPart};
use crate::mapping;
use crate::object::dict::Dict;
use crate::object::exceptions::{exc, type_error, Exception};
use crate::object::types::TypeId;
use crate::object::value::tracked;
use crate::object::value::{Args, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("get", get),
    ("keys", keys),
    ("values", values),
    ("items", items),
    ("pop", pop),
    ("popitem", popitem),
    ("setdefault", setdefault),
    ("update", update),
    ("copy", copy),
    ("clear", clear),
];

type DictRef = Rc<RefCell<Dict>>;

fn this(recv: &Value) -> PyResult<DictRef> {
    match recv {
        Value::Dict(d) => Ok(d.clone()),
        _ => Err(type_error("descriptor requires a 'dict' object")),
    }
}

fn get(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("get", &args, 1, 2)?;
    let found = mapping::dict_get(vm, &*this(recv)?, &args.pos[0])?;
    Ok(found.unwrap_or_else(|| args.pos.get(1).cloned().unwrap_or(Value::None)))
}

fn keys(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("dict.keys", &args)?;
    Ok(dict_view(&this(recv)?, DictPart::Keys))
}

fn values(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("dict.values", &args)?;
    Ok(dict_view(&this(recv)?, DictPart::Values))
}

fn items(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("dict.items", &args)?;
    Ok(dict_view(&this(recv)?, DictPart::Items))
}

fn pop(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("pop", &args, 1, 2)?;
    let removed = mapping::dict_remove(vm, &*this(recv)?, &args.pos[0])?;
    match (removed, args.pos.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(Exception::new(TypeId::KeyError, vec![args.pos[0].clone()])),
    }
}

fn popitem(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("dict.popitem", &args)?;
    match this(recv)?.borrow_mut().pop_last() {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(exc(TypeId::KeyError, "popitem(): dictionary is empty")),
    }
}

fn setdefault(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("setdefault", &args, 1, 2)?;
    let d = this(recv)?;
    if let Some(v) = mapping::dict_get(vm, &d, &args.pos[0])? {
        return Ok(v);
    }
    let default = args.pos.get(1).cloned().unwrap_or(Value::None);
    mapping::dict_set(vm, &d, args.pos[0].clone(), default.clone())?;
    Ok(default)
}

fn update(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    if args.pos.len() > 1 {
        return Err(type_error(format!(
            "update expected at most 1 argument, got {}",
            args.pos.len()
        )));
    }
    let d = this(recv)?;
    // Straight into the dict, as CPython does: an iterable of pairs sees the
    // dict grow, and an error midway keeps the pairs before it. A dict's
    // items are taken as they are when the update starts.
    if let Some(src) = args.pos.first() {
        update_dict(vm, &d, src)?;
    }
    for (k, v) in args.kw {
        d.borrow_mut().insert(Value::Str(k), v)?;
    }
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("dict.copy", &args)?;
    let d = this(recv)?.borrow().clone();
    Ok(Value::dict(d))
}

fn clear(_vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("dict.clear", &args)?;
    let old = std::mem::take(&mut *this(recv)?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None)` (also callable on an instance).
pub fn fromkeys(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("fromkeys", &args, 1, 2)?;
    let value = args.pos.get(1).cloned().unwrap_or(Value::None);
    // A subclass's `fromkeys` makes an instance of it and sets each key
    // through its `__setitem__`, as CPython's `dict_fromkeys` does.
    if let Value::Type(class @ crate::object::types::TypeRef::Class(_)) = recv {
        let made = vm.call(&Value::Type(class.clone()), Args::default())?;
        for k in iterators::collect(vm, &args.pos[0])? {
            crate::ops::set_item(vm, &made, k, value.clone())?;
        }
        return Ok(made);
    }
    let d = tracked(RefCell::new(Dict::new()));
    for k in iterators::collect(vm, &args.pos[0])? {
        mapping::dict_set(vm, &d, k, value.clone())?;
    }
    Ok(Value::Dict(d))
}

/// The attributes of an iterator value beyond the iterator methods: a dict
/// view's `mapping` (a read-only proxy of its dict) and a keys or items
/// view's `isdisjoint` (the `getattr` slot of the iterator type).
pub fn view_attribute(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    if name == "mapping" {
        let dict = match obj {
            Value::Iter(state) => match &*state.borrow() {
                crate::object::iter_state::IterState::DictView { dict, .. } => dict.clone(),
                _ => return Ok(None),
            },
            _ => return Ok(None),
        };
        let types = vm.import("types")?;
        let proxy = crate::attrs::get_attr(vm, &types, "MappingProxyType")?;
        return vm
            .call(&proxy, Args::new(vec![Value::Dict(dict)]))
            .map(Some);
    }
    if name != "isdisjoint" || !crate::ops::dict_views::is_set_view(obj) {
        return Ok(None);
    }
    Ok(Some(Value::Builtin(Rc::new(
        crate::object::value::Builtin {
            name: "isdisjoint",
            func: view_isdisjoint,
            receiver: obj.clone(),
        },
    ))))
}

/// `view.isdisjoint(other)`: whether no item `other` iterates is in the view.
fn view_isdisjoint(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let other = super::args::exactly_one("isdisjoint", &args)?;
    let own = tracked(RefCell::new(crate::object::set::PySet::new()));
    iterators::extend_set(vm, &own, recv)?;
    for item in iterators::collect(vm, &other)? {
        if mapping::set_contains(vm, &own, &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
