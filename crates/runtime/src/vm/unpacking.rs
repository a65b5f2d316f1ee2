//! The `*` and `**` of calls and displays (`f(*a, **k)`, `[*a]`, `{**m}`): what they
//! accept and CPython 3.11's messages when they refuse, which name the function called
//! (`_PyObject_FunctionStr`: "__main__.f() argument after * must be an iterable, not int").

use std::cell::RefCell;

use crate::object::dict::Dict;
use crate::object::exceptions::type_error;
use crate::object::instance::payload;
use crate::object::types::{type_of, TypeId};
use crate::object::value::{ExcRef, PyResult, Value};
use crate::vm::Vm;

/// `_PyObject_FunctionStr`: `module.qualname()`, or `qualname()` for a built-in;
/// the object's str when it has no `__qualname__`.
pub(crate) fn function_str(vm: &mut Vm, func: &Value) -> PyResult<String> {
    let qualname = match crate::attrs::get_attr(vm, func, "__qualname__") {
        Ok(q) => crate::repr::str_of(vm, &q)?,
        Err(e) if e.is(TypeId::AttributeError) => return crate::repr::str_of(vm, func),
        Err(e) => return Err(e),
    };
    match crate::attrs::get_attr(vm, func, "__module__") {
        Ok(Value::None) => Ok(format!("{qualname}()")),
        Ok(Value::Str(m)) if &*m == "builtins" => Ok(format!("{qualname}()")),
        Ok(module) => Ok(format!(
            "{}.{qualname}()",
            crate::repr::str_of(vm, &module)?
        )),
        Err(e) if e.is(TypeId::AttributeError) => Ok(format!("{qualname}()")),
        Err(e) => Err(e),
    }
}

/// The items of `src` unpacked by `*`; `refusal` words the TypeError of an object
/// that cannot be iterated at all (its type has no `__iter__` and is no sequence),
/// as CPython's LIST_EXTEND and CALL_FUNCTION_EX do. An error of the iteration
/// itself stays as it is.
pub(crate) fn starred_items(
    vm: &mut Vm,
    src: &Value,
    refusal: impl FnOnce(&mut Vm, &str) -> PyResult<String>,
) -> PyResult<Vec<Value>> {
    match crate::iterators::collect(vm, src) {
        Err(e) if not_iterable(src, &e) => {
            let name = type_of(src).name();
            Err(type_error(refusal(vm, &name)?))
        }
        items => items,
    }
}

/// Whether `e` is the TypeError of an object that has no way to be iterated.
fn not_iterable(src: &Value, e: &ExcRef) -> bool {
    e.is(TypeId::TypeError)
        && type_of(src).lookup_override("__iter__").is_none()
        && crate::repr::exception_str(None, e).is_ok_and(|message| {
            message == format!("'{}' object is not iterable", type_of(src).name())
        })
}

/// DICT_UPDATE (`{**src}`) and DICT_MERGE (`f(**src)`, `call` the function called): a
/// dict's items, or those of any object with `keys()` (its keys, then `src[key]` for
/// each, as `PyDict_Merge`); a call refuses a keyword given twice.
pub(crate) fn merge_mapping(
    vm: &mut Vm,
    d: &RefCell<Dict>,
    src: &Value,
    call: Option<Value>,
) -> PyResult<()> {
    let (keys, items) = match payload(src) {
        Value::Dict(dict) => (Vec::new(), Some(dict.borrow().items())),
        _ => match crate::attrs::get_attr(vm, src, "keys") {
            Ok(keys) => {
                let keys = vm.call0(&keys)?;
                (crate::iterators::collect(vm, &keys)?, None)
            }
            Err(e) if e.is(TypeId::AttributeError) => {
                let tn = type_of(src).name();
                return Err(type_error(match call {
                    Some(func) => format!(
                        "{} argument after ** must be a mapping, not {tn}",
                        function_str(vm, &func)?
                    ),
                    None => format!("'{tn}' object is not a mapping"),
                }));
            }
            Err(e) => return Err(e),
        },
    };
    let pairs: Box<dyn Iterator<Item = (Value, Option<Value>)>> = match items {
        Some(items) => Box::new(items.into_iter().map(|(k, v)| (k, Some(v)))),
        None => Box::new(keys.into_iter().map(|k| (k, None))),
    };
    for (k, v) in pairs {
        let v = match v {
            Some(v) => v,
            None => crate::ops::get_item(vm, src, &k)?,
        };
        if let Some(func) = &call {
            if crate::mapping::dict_contains(vm, d, &k)? {
                return Err(type_error(format!(
                    "{} got multiple values for keyword argument {}",
                    function_str(vm, func)?,
                    crate::repr::repr(vm, &k)?
                )));
            }
        }
        crate::mapping::dict_set(vm, d, k, v)?;
    }
    Ok(())
}
