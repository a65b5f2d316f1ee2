//! Name lookups of the dispatch loop: a code object's names, globals and
//! builtins (with the per-instruction cache `LoadGlobal` keeps, see
//! `object/dict.rs`'s keys tag), and the names of cells.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::code::{AttrSlot, GlobalSlot};
use crate::object::dict::Dict;
use crate::object::exceptions::exc;
use crate::object::types::TypeId;
use crate::object::value::{PyResult, Value};
use crate::vm::Vm;

impl Vm {
    pub(super) fn name(&self, i: u32) -> Rc<str> {
        self.frames.last().expect("frame").code.names[i as usize].clone()
    }

    pub(super) fn load_global(&mut self, name: &Rc<str>) -> PyResult<Value> {
        let globals = self.frames.last().expect("frame").globals.clone();
        if let Some(v) = globals.attrs.borrow().get_str(name) {
            return Ok(v);
        }
        if let Some(v) = self.restricted_lookup(&globals.attrs.borrow(), name)? {
            return Ok(v);
        }
        if let Some(v) = self.builtins.attrs.borrow().get_str(name) {
            return Ok(v);
        }
        Err(not_defined(name))
    }

    /// The builtins of code whose globals name others in `__builtins__` (a
    /// dict or a module), as code run by `eval`/`exec` with
    /// `{"__builtins__": {...}}` has; None for the builtins themselves.
    fn restricted_builtins(&self, globals: &Dict) -> PyResult<Option<Rc<RefCell<Dict>>>> {
        let dict = match globals.get_str("__builtins__") {
            None => return Ok(None),
            Some(Value::Dict(d)) => d,
            Some(Value::Module(m)) => m.attrs.clone(),
            Some(other) => {
                return Err(exc(
                    TypeId::TypeError,
                    format!(
                        "'{}' object is not subscriptable",
                        crate::iterators::type_name(&other)
                    ),
                ))
            }
        };
        Ok((!Rc::ptr_eq(&dict, &self.builtins.attrs)).then_some(dict))
    }

    /// `name` among the builtins of code whose globals restrict them (see
    /// [`Self::restricted_builtins`]): its value, NameError when they lack it,
    /// None when the globals have the builtins themselves.
    fn restricted_lookup(&self, globals: &Dict, name: &str) -> PyResult<Option<Value>> {
        match self.restricted_builtins(globals)? {
            Some(builtins) => match builtins.borrow().get_str(name) {
                Some(v) => Ok(Some(v)),
                None => Err(not_defined(name)),
            },
            None => Ok(None),
        }
    }

    /// `LoadGlobal` of the frame's name `i`, through (and refreshing) the code's cached
    /// slot for it; [`fast_path`] takes the globals hits, this the rest.
    pub(super) fn load_global_slot(&mut self, i: u32) -> PyResult<Value> {
        let f = self.frames.last().expect("frame");
        let i = i as usize;
        let slot = &f.code.global_slots[i];
        let globals = f.globals.attrs.borrow();
        let builtins = self.builtins.attrs.borrow();
        let cached = slot.get();
        if cached.in_builtins
            && cached.globals_tag == globals.keys_tag()
            && cached.builtins_tag == builtins.keys_tag()
        {
            if let Some(v) = builtins.value_at(cached.index as usize) {
                return Ok(v.clone());
            }
        }
        let (name, hash) = (&f.code.names[i], f.code.name_hashes[i]);
        if globals.index_of_str_hashed(name, hash).is_none() {
            if let Some(v) = self.restricted_lookup(&globals, name)? {
                return Ok(v);
            }
        }
        let found = match globals.index_of_str_hashed(name, hash) {
            Some(index) => Some((&*globals, index, false)),
            None => builtins
                .index_of_str_hashed(name, hash)
                .map(|index| (&*builtins, index, true)),
        };
        if let Some((dict, index, in_builtins)) = found {
            slot.set(GlobalSlot {
                globals_tag: globals.keys_tag(),
                builtins_tag: builtins.keys_tag(),
                index: index as u32,
                in_builtins,
            });
            if let Some(v) = dict.value_at(index) {
                return Ok(v.clone());
            }
        }
        Err(not_defined(name))
    }
}

fn not_defined(name: &str) -> crate::object::value::ExcRef {
    exc(TypeId::NameError, format!("name '{name}' is not defined"))
}

impl Vm {
    /// `LoadAttr` of the frame's name `i` when the top of the stack is a module whose
    /// dict holds it (what `attrs::get_attr` returns first for a module), through the
    /// code's cached slot for it: the module replaces itself on the stack by the value.
    /// `None` leaves everything to the general path.
    pub(super) fn load_module_attr(&mut self, i: u32) -> Option<()> {
        let f = self.frames.last_mut().expect("frame");
        let Some(Value::Module(m)) = f.stack.last() else {
            return None;
        };
        let i = i as usize;
        let value = {
            let attrs = m.attrs.borrow();
            let slot = &f.code.attr_slots[i];
            let cached = slot.get();
            let index = if cached.tag == attrs.keys_tag() {
                cached.index as usize
            } else {
                let index = attrs.index_of_str_hashed(&f.code.names[i], f.code.name_hashes[i])?;
                slot.set(AttrSlot {
                    tag: attrs.keys_tag(),
                    index: index as u32,
                });
                index
            };
            attrs.value_at(index)?.clone()
        };
        if let Some(top) = f.stack.last_mut() {
            *top = value;
        }
        Some(())
    }
}

pub(super) fn deref_name(code: &crate::compile::code::Code, i: u32) -> Rc<str> {
    let i = i as usize;
    if i < code.cellvars.len() {
        code.cellvars[i].clone()
    } else {
        code.freevars[i - code.cellvars.len()].clone()
    }
}
