//! `s += t` and `s = s + t` on strings in linear time: the left string grows in place
//! when nothing but the name it was loaded from holds it, as CPython's
//! `BINARY_OP_INPLACE_ADD_UNICODE` (3.11, Python/bytecodes.c) and, before it,
//! `unicode_concatenate` (3.10, Python/ceval.c) do. They see that the next instruction
//! stores the result into the very variable the left operand came from, take the string
//! out of that variable so that the operand stack holds its only reference, and let
//! `PyUnicode_Append` resize it. Here the same check picks the slot (a local, a cell, a
//! global or a name of a dict namespace), [`PyStr::append_unique`] appends through
//! `Rc::get_mut`, and the store that follows puts the grown string back.
//!
//! Without it each append copies the whole string: a million appends took minutes.
//! Where anything else holds the string (an alias, a container, a constant) the append
//! is refused and `+` makes a new string as before, so no other reference ever sees the
//! change. The size is checked first exactly as the copying path checks it
//! ([`Vm::check_size`]): past the budget it is the same MemoryError, and the variable
//! is left as it was.

use std::rc::Rc;

use loopscope_syntax::ast::BinOp;

use crate::compile::code::Instr;
use crate::object::frame::Namespace;
use crate::object::pystr::PyStr;
use crate::object::value::{PyResult, Value};
use crate::vm::Vm;

impl Vm {
    /// `a + b` (or `a += b`) for the two strings on top of the stack, appended in place
    /// when the next instruction stores into the variable `a` was loaded from and that
    /// variable was all that held it: true when done (the sum is on the stack, for that
    /// store), false when the general path must compute it.
    #[inline]
    pub(super) fn append_str_in_place(&mut self, op: BinOp) -> PyResult<bool> {
        if op != BinOp::Add {
            return Ok(false);
        }
        let f = self.frames.last().expect("frame");
        let n = f.stack.len();
        let (Value::Str(left), Value::Str(right)) = (&f.stack[n - 2], &f.stack[n - 1]) else {
            return Ok(false);
        };
        // The stack and the variable: a third holder means the append cannot be in place.
        if Rc::strong_count(left) != 2 || Rc::weak_count(left) != 0 {
            return Ok(false);
        }
        let Some(store) = f.code.instrs.get(f.pc).copied() else {
            return Ok(false);
        };
        let total = left.len() + right.len();
        if !self.store_holds_left(store) {
            return Ok(false);
        }
        self.check_size(total)?;
        // The variable gives its reference up until the store puts the sum back.
        drop(self.take_store_target(store));
        let f = self.frames.last_mut().expect("frame");
        let right = f.stack.pop();
        if let (Some(Value::Str(left)), Some(Value::Str(tail))) = (f.stack.last_mut(), right) {
            if let Err(tail) = PyStr::append_unique(left, &tail) {
                // Held elsewhere after all: a new string, as `+` makes.
                *left = PyStr::rc(format!("{left}{tail}"));
            }
        }
        Ok(true)
    }

    /// Whether the variable `store` writes holds the left operand itself (the string
    /// below the top of the stack).
    fn store_holds_left(&self, store: Instr) -> bool {
        let f = self.frames.last().expect("frame");
        let Some(Value::Str(left)) = f.stack.get(f.stack.len() - 2) else {
            return false;
        };
        let same = |v: Option<&Value>| matches!(v, Some(Value::Str(s)) if Rc::ptr_eq(s, left));
        match store {
            Instr::StoreFast(i) => same(f.locals.get(i as usize).and_then(Option::as_ref)),
            Instr::StoreDeref(i) => f
                .cells
                .get(i as usize)
                .is_some_and(|cell| same(cell.borrow().as_ref())),
            Instr::StoreGlobal(i) => {
                same(f.globals.attrs.borrow().get_str_ref(&f.code.names[i as usize]))
            }
            Instr::StoreName(i) => match &f.namespace {
                Some(Namespace::Dict(d)) => same(d.borrow().get_str_ref(&f.code.names[i as usize])),
                _ => false,
            },
            _ => false,
        }
    }

    /// Takes the value out of the variable `store` writes (leaving it unbound, or None in
    /// a dict, until the store): the reference it held, to be dropped.
    fn take_store_target(&mut self, store: Instr) -> Option<Value> {
        let f = self.frames.last_mut().expect("frame");
        match store {
            Instr::StoreFast(i) => f.locals[i as usize].take(),
            Instr::StoreDeref(i) => f.cells[i as usize].borrow_mut().take(),
            Instr::StoreGlobal(i) => {
                let name = &f.code.names[i as usize];
                let mut globals = f.globals.attrs.borrow_mut();
                globals.get_str_mut(name).map(|v| std::mem::replace(v, Value::None))
            }
            Instr::StoreName(i) => match &f.namespace {
                Some(Namespace::Dict(d)) => {
                    let name = &f.code.names[i as usize];
                    d.borrow_mut().get_str_mut(name).map(|v| std::mem::replace(v, Value::None))
                }
                _ => None,
            },
            _ => None,
        }
    }
}
