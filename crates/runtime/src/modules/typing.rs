//! `typing` and `__future__`: enough for annotations to evaluate.
//! Generic aliases are the plain types (subscripting a type returns it).

use std::rc::Rc;

use crate::types::TypeId;
use crate::value::{Module, Value};

pub fn make() -> Rc<Module> {
    let m = super::native_module("typing", "/usr/lib/python3.11/typing.py", &[]);
    {
        let mut attrs = m.attrs.borrow_mut();
        let aliases: &[(&str, TypeId)] = &[
            ("List", TypeId::List),
            ("Dict", TypeId::Dict),
            ("Set", TypeId::Set),
            ("FrozenSet", TypeId::Set),
            ("Tuple", TypeId::Tuple),
            ("Type", TypeId::Type),
        ];
        for (name, t) in aliases {
            attrs.insert_str(name, Value::Type(*t));
        }
        for name in [
            "Any",
            "Optional",
            "Union",
            "Callable",
            "Awaitable",
            "Coroutine",
            "Iterable",
            "Iterator",
            "AsyncIterator",
            "AsyncIterable",
            "Generator",
            "AsyncGenerator",
            "Sequence",
            "Mapping",
            "TypeVar",
            "NoReturn",
        ] {
            attrs.insert_str(name, Value::Type(TypeId::Object));
        }
    }
    m
}

pub fn make_future() -> Rc<Module> {
    let m = super::native_module("__future__", "/usr/lib/python3.11/__future__.py", &[]);
    m.attrs
        .borrow_mut()
        .insert_str("annotations", Value::Bool(true));
    m
}
