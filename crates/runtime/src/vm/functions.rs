//! Making function objects (`MakeFunction`): the code, the module it runs
//! in, and what the defining scope evaluated for it — defaults, keyword
//! defaults, annotations, the closure's cells.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::code::CodeObject;
use crate::object::dict::Dict;
use crate::object::pystr::PyStr;
use crate::object::value::{Function, FunctionMeta, Module, Value};

/// What `MakeFunction` popped; `None` for the parts the function lacks.
pub struct FunctionParts {
    /// A tuple.
    pub defaults: Value,
    /// A dict of name → value.
    pub kwdefaults: Value,
    /// A tuple of name, value pairs, flattened.
    pub annotations: Value,
    /// A tuple of cells.
    pub closure: Value,
}

pub fn make_function(code: Rc<CodeObject>, globals: Rc<Module>, parts: FunctionParts) -> Function {
    let defaults = match parts.defaults {
        Value::Tuple(t) => t.to_vec(),
        _ => Vec::new(),
    };
    let kwdefaults = match parts.kwdefaults {
        Value::Dict(d) => keyword_defaults(&d.borrow()),
        _ => Vec::new(),
    };
    let closure = match parts.closure {
        Value::Tuple(t) => t
            .iter()
            .filter_map(|c| match c {
                Value::Cell(c) => Some(c.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let annotations = match parts.annotations {
        Value::Tuple(pairs) => {
            let mut dict = Dict::new();
            for pair in pairs.chunks(2) {
                if let [Value::Str(name), value] = pair {
                    dict.insert_str(name, value.clone());
                }
            }
            Value::dict(dict)
        }
        _ => Value::None,
    };
    let meta = FunctionMeta {
        doc: code.doc.as_deref().map_or(Value::None, Value::str),
        module: Value::Str(globals.name.clone()),
        annotations,
        dict: None,
    };
    Function {
        name: RefCell::new(code.name.clone()),
        qualname: RefCell::new(code.qualname.clone()),
        code,
        defaults: RefCell::new(defaults),
        kwdefaults: RefCell::new(kwdefaults),
        closure,
        globals,
        meta: RefCell::new(meta),
    }
}

/// A function's keyword-only defaults from a dict of name → value (its
/// string keys).
pub fn keyword_defaults(d: &Dict) -> Vec<(Rc<PyStr>, Value)> {
    d.iter()
        .filter_map(|(k, v)| match k {
            Value::Str(s) => Some((s.clone(), v.clone())),
            _ => None,
        })
        .collect()
}
