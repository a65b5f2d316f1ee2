//! `typing` and `__future__`: enough for annotations to evaluate.
//! Generic aliases are the plain types (subscripting a type returns it).

use std::rc::Rc;

use crate::object::types::{TypeId, TypeRef};
use crate::object::value::{Module, PyResult, Value};
use crate::vm::Vm;

pub fn make(_vm: &mut Vm) -> PyResult<Rc<Module>> {
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
            attrs.insert_str(name, Value::Type(TypeRef::Builtin(*t)));
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
            attrs.insert_str(name, Value::Type(TypeRef::Builtin(TypeId::Object)));
        }
    }
    Ok(m)
}
