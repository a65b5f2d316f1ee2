//! `s += t` and `s = s + t` on strings in linear time: the left string grows in place
//! when nothing but the name it was loaded from holds it, as CPython's
//! `BINARY_OP_INPLACE_ADD_UNICODE` (3.11, Python/bytecodes.c) and, before it,
//! `unicode_concatenate` (3.10, Python/ceval.c) do. They see that the next instruction
//! stores the result into the very variable the left operand came from, take the string
//! out of that variable so that the operand stack holds its only reference, and let
//! `PyUnicode_Append` resize it. Here the same check picks the slot (a local, a cell, a
//! global or a name of a dict namespace), [`PyStr::append_unique`] appends through
//! `Rc::get_mut`, and the variable holds the grown string again at once (the store that
//! follows writes the same string).
//!
//! Without it each append copies the whole string: a million appends took minutes.
//! Where anything else holds the string (an alias, a container, a constant) the append
//! is refused and `+` makes a new string as before, so no other reference ever sees the
//! change. The size is checked first exactly as the copying path checks it
//! ([`Vm::check_size`]): past the budget it is the same MemoryError, and the variable
//! holds what it held.

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
        // The variable gives its reference up, so that the stack's is the only one...
        drop(self.with_store_target(store, |held| std::mem::replace(held, Value::None)));
        let f = self.frames.last_mut().expect("frame");
        let right = f.stack.pop();
        if let (Some(Value::Str(left)), Some(Value::Str(tail))) = (f.stack.last_mut(), right) {
            if let Err(tail) = PyStr::append_unique(left, &tail) {
                // Held elsewhere after all: a new string, as `+` makes.
                *left = PyStr::rc(format!("{left}{tail}"));
            }
        }
        // ...and holds the sum at once, as CPython's append stores it: nothing that runs
        // before the store (a limit check, a collection) sees the variable empty.
        let sum = f.stack.last().cloned().unwrap_or(Value::None);
        self.with_store_target(store, |held| *held = sum);
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
            Instr::StoreGlobal(i) => same(
                f.globals
                    .attrs
                    .borrow()
                    .get_str_ref(&f.code.names[i as usize]),
            ),
            Instr::StoreName(i) => match &f.namespace {
                Some(Namespace::Dict(d)) => same(d.borrow().get_str_ref(&f.code.names[i as usize])),
                _ => false,
            },
            _ => false,
        }
    }

    /// `change` applied to the value of the variable `store` writes (one
    /// [`Self::store_holds_left`] found bound).
    fn with_store_target<R>(
        &mut self,
        store: Instr,
        change: impl FnOnce(&mut Value) -> R,
    ) -> Option<R> {
        let f = self.frames.last_mut().expect("frame");
        match store {
            Instr::StoreFast(i) => f.locals[i as usize].as_mut().map(change),
            Instr::StoreDeref(i) => f.cells[i as usize].borrow_mut().as_mut().map(change),
            Instr::StoreGlobal(i) => {
                let name = &f.code.names[i as usize];
                f.globals.attrs.borrow_mut().get_str_mut(name).map(change)
            }
            Instr::StoreName(i) => match &f.namespace {
                Some(Namespace::Dict(d)) => {
                    let name = &f.code.names[i as usize];
                    d.borrow_mut().get_str_mut(name).map(change)
                }
                _ => None,
            },
            _ => None,
        }
    }
}
