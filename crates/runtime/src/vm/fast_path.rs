//! The dispatch loop's fast path: fetching an instruction, and the hottest
//! instructions on small ints and locals run inside the frame's borrow.
//!
//! A value the fast path overwrites or pops is often an int, bool or None, which own
//! nothing: [`discard`] lets those go without a call to `Value`'s drop glue (most of
//! an arithmetic loop's time went into that call).

use crate::compile::code::Instr;
use crate::object::value::Value;

/// The next instruction of a frame (advancing its program counter).
#[inline(always)]
pub(super) fn fetch(f: &mut crate::object::frame::Frame) -> Instr {
    let pc = f.pc;
    f.pc = pc + 1;
    f.code.instrs[pc]
}

/// Drops `v`, without calling the drop glue when it owns nothing.
#[inline(always)]
fn discard(v: Value) {
    match v {
        Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Complex(..) => {
            std::mem::forget(v)
        }
        other => drop(other),
    }
}

/// A copy of `v`, without calling `Value::clone` for an int.
#[inline(always)]
fn copy(v: &Value) -> Value {
    match v {
        Value::Int(n) => Value::Int(*n),
        other => other.clone(),
    }
}

/// Drops a popped or replaced local, as [`discard`].
#[inline(always)]
fn discard_slot(v: Option<Value>) {
    if let Some(v) = v {
        discard(v);
    }
}

/// The hottest instructions on small ints and locals, executed without
/// leaving the current frame's borrow. Returns false to take the general path
/// (which also produces every error message).
#[inline(always)]
pub(super) fn fast_path(f: &mut crate::object::frame::Frame, instr: Instr) -> bool {
    use loopscope_syntax::ast::{BinOp, CmpOp};
    match instr {
        Instr::LoadFast(i) => match &f.locals[i as usize] {
            Some(v) => {
                let v = copy(v);
                f.stack.push(v);
                true
            }
            None => false,
        },
        Instr::StoreFast(i) => match f.stack.pop() {
            Some(v) => {
                discard_slot(f.locals[i as usize].replace(v));
                true
            }
            None => false,
        },
        Instr::LoadConst(i) => {
            let v = copy(&f.code.consts[i as usize]);
            f.stack.push(v);
            true
        }
        Instr::Jump(t) => {
            f.pc = t as usize;
            true
        }
        Instr::LoadGlobal(i) => {
            let slot = f.code.global_slots[i as usize].get();
            let found = {
                let globals = f.globals.attrs.borrow();
                if slot.in_builtins || slot.globals_tag != globals.keys_tag() {
                    return false;
                }
                globals.value_at(slot.index as usize).map(copy)
            };
            match found {
                Some(v) => {
                    f.stack.push(v);
                    true
                }
                None => false,
            }
        }
        Instr::ForIter(t) => {
            let Some(Value::Iter(it)) = f.stack.last() else {
                return false;
            };
            let next = match &mut *it.borrow_mut() {
                crate::iterators::IterState::Range {
                    next,
                    step,
                    remaining,
                } => {
                    if *remaining <= 0 {
                        None
                    } else {
                        let v = *next;
                        *remaining -= 1;
                        *next = next.wrapping_add(*step);
                        Some(v)
                    }
                }
                _ => return false,
            };
            match next {
                Some(v) => f.stack.push(Value::Int(v)),
                None => {
                    f.stack.pop();
                    f.pc = t as usize;
                }
            }
            true
        }
        Instr::Pop => {
            discard_slot(f.stack.pop());
            true
        }
        Instr::Binary(op) | Instr::Inplace(op) => {
            let n = f.stack.len();
            let (Value::Int(a), Value::Int(b)) = (&f.stack[n - 2], &f.stack[n - 1]) else {
                return false;
            };
            let (a, b) = (*a, *b);
            let r = match op {
                BinOp::Add => a.checked_add(b),
                BinOp::Sub => a.checked_sub(b),
                BinOp::Mult => a.checked_mul(b),
                BinOp::Mod if b > 0 && a >= 0 => Some(a % b),
                BinOp::FloorDiv if b > 0 && a >= 0 => Some(a / b),
                _ => None,
            };
            let Some(r) = r else { return false };
            // The right operand (an int, which owns nothing) goes; the left one, an
            // int too, becomes the result in place.
            std::mem::forget(f.stack.pop());
            if let Value::Int(left) = &mut f.stack[n - 2] {
                *left = r;
            }
            true
        }
        Instr::Compare(op) => {
            let n = f.stack.len();
            let (Value::Int(a), Value::Int(b)) = (&f.stack[n - 2], &f.stack[n - 1]) else {
                return false;
            };
            let r = match op {
                CmpOp::Lt => a < b,
                CmpOp::LtE => a <= b,
                CmpOp::Gt => a > b,
                CmpOp::GtE => a >= b,
                CmpOp::Eq => a == b,
                CmpOp::NotEq => a != b,
                _ => return false,
            };
            // Both operands are ints, which own nothing: the right one goes, the left
            // one's slot takes the result.
            std::mem::forget(f.stack.pop());
            std::mem::forget(std::mem::replace(&mut f.stack[n - 2], Value::Bool(r)));
            true
        }
        Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
            let Some(Value::Bool(b)) = f.stack.last() else {
                return false;
            };
            let jump = *b == matches!(instr, Instr::PopJumpIfTrue(_));
            discard_slot(f.stack.pop());
            if jump {
                f.pc = t as usize;
            }
            true
        }
        _ => false,
    }
}
