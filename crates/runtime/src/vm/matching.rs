//! The instructions of the `match` statement (see `compile/patterns.rs`):
//! CPython 3.11's MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS, MATCH_CLASS,
//! GET_LEN, COPY, SWAP, and the copy of a mapping `**rest` captures.

use std::cell::RefCell;

use crate::attrs;
use crate::compile::code::Instr;
use crate::object::dict::{Dict, PySet};
use crate::object::exceptions::{type_error, value_error};
use crate::object::types::{type_of, TypeId, TypeRef, MAPPING_FLAG, SEQUENCE_FLAG};
use crate::object::value::{Args, PyResult, Value};
use crate::vm::Vm;

/// The built-in types a class pattern matches the subject itself against
/// (`case int(n)`), CPython's `_Py_TPFLAGS_MATCH_SELF`.
const MATCH_SELF: [TypeId; 9] = [
    TypeId::Bool,
    TypeId::Bytes,
    TypeId::Dict,
    TypeId::Float,
    TypeId::FrozenSet,
    TypeId::Int,
    TypeId::List,
    TypeId::Set,
    TypeId::Str,
];

impl Vm {
    pub(super) fn exec_match(&mut self, instr: Instr) -> PyResult<()> {
        match instr {
            Instr::Copy(n) => {
                let st = &self.frames.last().expect("frame").stack;
                let v = st[st.len() - n as usize].clone();
                self.push(v);
            }
            Instr::Swap(n) => {
                let st = &mut self.frames.last_mut().expect("frame").stack;
                let len = st.len();
                st.swap(len - 1, len - n as usize);
            }
            Instr::GetLen => {
                let v = self.top().clone();
                let n = crate::ops::len(self, &v)?;
                self.push(Value::Int(n as i64));
            }
            Instr::MatchSequence | Instr::MatchMapping => {
                let flag = if instr == Instr::MatchSequence {
                    SEQUENCE_FLAG
                } else {
                    MAPPING_FLAG
                };
                let matches = type_of(self.top()).collection_flags() == flag;
                self.push(Value::Bool(matches));
            }
            Instr::MatchKeys => {
                let keys = self.top().clone();
                let st = &self.frames.last().expect("frame").stack;
                let subject = st[st.len() - 2].clone();
                let values = self.match_keys(&subject, &keys)?;
                self.push(values);
            }
            Instr::CopyDictWithoutKeys => {
                let keys = self.pop();
                let subject = self.pop();
                let rest = RefCell::new(Dict::new());
                let items = match &subject {
                    Value::Dict(d) => d.borrow().items(),
                    _ => self.mapping_items(&subject)?,
                };
                for (key, value) in items {
                    crate::mapping::dict_set(self, &rest, key, value)?;
                }
                if let Value::Tuple(keys) = &keys {
                    for key in keys.iter() {
                        crate::mapping::dict_remove(self, &rest, key)?;
                    }
                }
                self.push(Value::dict(rest.into_inner()));
            }
            Instr::MatchClass(count) => {
                let names = self.pop();
                let cls = self.pop();
                let subject = self.pop();
                let attributes = self.match_class(&subject, &cls, count as usize, &names)?;
                self.push(attributes.map_or(Value::None, Value::tuple));
            }
            _ => unreachable!("not a match instruction: {instr:?}"),
        }
        Ok(())
    }

    /// `dict(mapping)`'s items for a mapping that is not a dict.
    fn mapping_items(&mut self, mapping: &Value) -> PyResult<Vec<(Value, Value)>> {
        let keys = attrs::get_attr(self, mapping, "keys")?;
        let keys = self.call(&keys, Args::new(Vec::new()))?;
        let mut items = Vec::new();
        for key in crate::iterators::collect(self, &keys)? {
            let value = crate::ops::get_item(self, mapping, &key)?;
            items.push((key, value));
        }
        Ok(items)
    }

    /// CPython's `match_keys`: the values of `keys` in `map` (through its
    /// `get`, so no `__missing__` runs), or None if one is missing.
    fn match_keys(&mut self, map: &Value, keys: &Value) -> PyResult<Value> {
        let Value::Tuple(keys) = keys else {
            return Ok(Value::None);
        };
        if keys.is_empty() {
            return Ok(Value::tuple(Vec::new()));
        }
        let get = attrs::get_attr(self, map, "get")?;
        let seen = RefCell::new(PySet::new());
        let missing = self.call(
            &Value::Type(TypeRef::Builtin(TypeId::Object)),
            Args::new(Vec::new()),
        )?;
        let mut values = Vec::with_capacity(keys.len());
        for key in keys.iter() {
            if crate::mapping::set_contains(self, &seen, key)? {
                let key = crate::repr::repr(self, key)?;
                return Err(value_error(format!(
                    "mapping pattern checks duplicate key ({key})"
                )));
            }
            crate::mapping::set_add(self, &seen, key.clone())?;
            let value = self.call(&get, Args::new(vec![key.clone(), missing.clone()]))?;
            if value.is(&missing) {
                return Ok(Value::None);
            }
            values.push(value);
        }
        Ok(Value::tuple(values))
    }

    /// CPython's `match_class`: the attributes a class pattern matches
    /// against, or None when the subject is not an instance or lacks one.
    fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        count: usize,
        names: &Value,
    ) -> PyResult<Option<Vec<Value>>> {
        let Value::Type(class) = cls else {
            return Err(type_error("called match pattern must be a type"));
        };
        if !self.is_instance_of(subject, cls, class)? {
            return Ok(None);
        }
        let tp_name = class.name();
        let mut seen: Vec<String> = Vec::new();
        let mut attributes = Vec::new();
        if count > 0 {
            let (match_args, match_self) = match attrs::get_attr(self, cls, "__match_args__") {
                Ok(Value::Tuple(items)) => (items.to_vec(), false),
                Ok(other) => {
                    return Err(type_error(format!(
                        "{tp_name}.__match_args__ must be a tuple (got {})",
                        type_of(&other).name()
                    )))
                }
                Err(e) if e.is(TypeId::AttributeError) => {
                    let layout = class.layout();
                    (Vec::new(), MATCH_SELF.contains(&layout))
                }
                Err(e) => return Err(e),
            };
            let allowed = if match_self { 1 } else { match_args.len() };
            if allowed < count {
                let plural = if allowed == 1 { "" } else { "s" };
                return Err(type_error(format!(
                    "{tp_name}() accepts {allowed} positional sub-pattern{plural} ({count} given)"
                )));
            }
            if match_self {
                attributes.push(subject.clone());
            } else {
                for name in &match_args[..count] {
                    let Value::Str(name) = name else {
                        return Err(type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            type_of(name).name()
                        )));
                    };
                    match self.match_class_attr(subject, &tp_name, name, &mut seen)? {
                        Some(value) => attributes.push(value),
                        None => return Ok(None),
                    }
                }
            }
        }
        if let Value::Tuple(names) = names {
            for name in names.iter() {
                let Value::Str(name) = name else { continue };
                match self.match_class_attr(subject, &tp_name, name, &mut seen)? {
                    Some(value) => attributes.push(value),
                    None => return Ok(None),
                }
            }
        }
        Ok(Some(attributes))
    }

    /// `isinstance(subject, cls)`, with a metaclass's `__instancecheck__`.
    fn is_instance_of(&mut self, subject: &Value, cls: &Value, class: &TypeRef) -> PyResult<bool> {
        let t = type_of(subject);
        if t.is(class) {
            return Ok(true);
        }
        if let Some(check) = type_of(cls).lookup_override("__instancecheck__") {
            let answer = self.call_method(&check, cls, Args::new(vec![subject.clone()]))?;
            return crate::ops::truthy(self, &answer);
        }
        Ok(t.is_subclass(class))
    }

    fn match_class_attr(
        &mut self,
        subject: &Value,
        tp_name: &str,
        name: &str,
        seen: &mut Vec<String>,
    ) -> PyResult<Option<Value>> {
        if seen.iter().any(|s| s == name) {
            let name = crate::quote::quote_str(name, false);
            return Err(type_error(format!(
                "{tp_name}() got multiple sub-patterns for attribute {name}"
            )));
        }
        seen.push(name.to_string());
        match attrs::get_attr(self, subject, name) {
            Ok(value) => Ok(Some(value)),
            Err(e) if e.is(TypeId::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }
}
