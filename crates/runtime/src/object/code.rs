//! Code objects: the compiler's bytecode with its constants turned into
//! values, once, when the VM loads it (as CPython's unmarshalling does).
//! A `CodeObject` dereferences to the compiler's [`Code`], so `code.instrs`
//! and friends read as before; `code.consts` are values.

use std::cell::{Cell, RefCell};
use std::ops::Deref;
use std::rc::Rc;

use crate::compile::code::{Code, Const};
use crate::object::hash::str_hash;
use crate::object::set::PySet;
use crate::object::value::Value;

pub struct CodeObject {
    pub code: Code,
    /// The compiler's constants, as values.
    pub consts: Box<[Value]>,
    /// Nested functions' code, loaded too.
    pub functions: Box<[Rc<CodeObject>]>,
    /// `hash()` of each of `names`, computed once for global and attribute lookups.
    pub name_hashes: Box<[i64]>,
    /// Per name, where `LoadGlobal` last found it (global lookups without hashing).
    pub global_slots: Box<[Cell<GlobalSlot>]>,
    /// Per name, where `LoadAttr` last found it in a module's dict (`asyncio.sleep`
    /// without hashing `sleep`).
    pub attr_slots: Box<[Cell<AttrSlot>]>,
    /// Code of a library module written in Python: tracebacks do not show
    /// its frames (CPython's library frames are not shown either).
    pub library: bool,
    /// `CO_ITERABLE_COROUTINE`, set by `types.coroutine` on a generator
    /// function's code: its generators can be awaited and may `yield from`
    /// coroutines. (CPython replaces the one function's code with a flagged
    /// copy; here every function of this code shares the flag.)
    pub iterable_coroutine: Cell<bool>,
    /// Code of a library module that stands for one CPython writes in C
    /// (`pickle`): its frames do not count against the recursion limit, which
    /// the module counts itself where the C code does (see
    /// `_loopscope.count_frames_as_c`).
    pub runs_as_c: Cell<bool>,
}

/// Where a global name was found: the entry at `index` of the globals (or, when
/// `in_builtins`, the builtins), valid while both dicts' keys tags are the ones recorded
/// (`Dict::keys_tag`; tags are never 0, so the default slot is never valid).
#[derive(Clone, Copy, Default)]
pub struct GlobalSlot {
    pub globals_tag: u64,
    pub builtins_tag: u64,
    pub index: u32,
    pub in_builtins: bool,
}

/// Where an attribute was found in a module's dict: the entry at `index`, valid while
/// that dict's keys tag is `tag` (tags are unique to one dict and never 0).
#[derive(Clone, Copy, Default)]
pub struct AttrSlot {
    pub tag: u64,
    pub index: u32,
}

impl Deref for CodeObject {
    type Target = Code;
    fn deref(&self) -> &Code {
        &self.code
    }
}

impl std::fmt::Debug for CodeObject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<code {}>", self.code.qualname)
    }
}

impl CodeObject {
    /// Load compiled code (and every code object nested in it).
    pub fn load(code: Code) -> Rc<CodeObject> {
        CodeObject::load_as(code, false)
    }

    /// Load the code of a library module.
    pub fn load_library(code: Code) -> Rc<CodeObject> {
        CodeObject::load_as(code, true)
    }

    fn load_as(mut code: Code, library: bool) -> Rc<CodeObject> {
        let functions = std::mem::take(&mut code.functions)
            .into_iter()
            .map(|c| CodeObject::load_as(c, library))
            .collect();
        let consts = code.consts.iter().map(const_value).collect();
        let name_hashes = code.names.iter().map(|n| str_hash(n)).collect();
        let global_slots = code.names.iter().map(|_| Cell::default()).collect();
        let attr_slots = code.names.iter().map(|_| Cell::default()).collect();
        Rc::new(CodeObject {
            code,
            consts,
            functions,
            name_hashes,
            global_slots,
            attr_slots,
            library,
            iterable_coroutine: Cell::new(false),
            runs_as_c: Cell::new(false),
        })
    }
}

impl CodeObject {
    /// Marks this code and the code nested in it, except generators' (whose
    /// frames are suspended and resumed), as running as C code does.
    pub fn mark_runs_as_c(&self) {
        if !self.is_generator_like() {
            self.runs_as_c.set(true);
        }
        for nested in self.functions.iter() {
            nested.mark_runs_as_c();
        }
    }
}

/// The value of a compiler constant.
pub fn const_value(c: &Const) -> Value {
    match c {
        Const::None => Value::None,
        Const::Bool(b) => Value::Bool(*b),
        Const::Int(i) => Value::Int(*i),
        Const::BigInt(b) => Value::BigInt(b.clone()),
        Const::Float(f) => Value::Float(*f),
        Const::Complex(x, y) => Value::Complex(*x, *y),
        Const::Str(s) => Value::str(s),
        Const::Bytes(b) => Value::Bytes(b.clone()),
        Const::Ellipsis => Value::Ellipsis,
        Const::Tuple(items) => Value::tuple(items.iter().map(const_value).collect()),
        Const::FrozenSet(items) => {
            let values = items.iter().map(const_value).collect();
            // Folded constants are all hashable.
            let set = PySet::from_constants(values).unwrap_or_default();
            Value::Set(Rc::new(RefCell::new(set)))
        }
    }
}
