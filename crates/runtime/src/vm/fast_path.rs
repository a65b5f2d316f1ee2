//! The dispatch loop's fast path: the hottest instructions on small ints, floats and
//! locals, run back to back by [`run_fast`] until one needs the general path.
//!
//! [`run_fast`] receives the frame's parts one by one (its code, program counter, value
//! stack, locals and globals): as separate references the compiler knows they do not
//! overlap, so the program counter and the stack's length stay in registers for the
//! whole run instead of being stored and reloaded for each instruction. A push that
//! would grow the stack takes the general path, so nothing in the run reallocates it.
//!
//! A value the fast path overwrites or pops is often an int, bool or None, which own
//! nothing: [`discard`] lets those go without a call to `Value`'s drop glue (most of
//! an arithmetic loop's time went into that call).

use crate::compile::code::Instr;
use crate::object::code::CodeObject;
use crate::object::value::{Module, Value};

use super::interp::LIMIT_CHECK_INTERVAL;

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

/// Drops a popped or replaced local, as [`discard`].
#[inline(always)]
fn discard_slot(v: Option<Value>) {
    if let Some(v) = v {
        discard(v);
    }
}

/// Whether `instr` is of a kind the fast path may run (a cheap test before calling
/// [`run_fast`], which decides on the operands).
#[inline(always)]
pub(super) fn may_be_fast(instr: Instr) -> bool {
    matches!(
        instr,
        Instr::LoadFast(_)
            | Instr::StoreFast(_)
            | Instr::LoadConst(_)
            | Instr::Jump(_)
            | Instr::LoadGlobal(_)
            | Instr::ForIter(_)
            | Instr::Pop
            | Instr::Binary(_)
            | Instr::Inplace(_)
            | Instr::Compare(_)
            | Instr::PopJumpIfFalse(_)
            | Instr::PopJumpIfTrue(_)
    )
}

/// What stopped [`run_fast`].
pub(super) enum FastStop {
    /// This instruction (already fetched) needs the general path.
    General(Instr),
    /// A report is queued or a limit check comes next: back to the dispatch loop's checks.
    Checks,
}

/// Runs `first` (already fetched) and the instructions after it while the fast path can,
/// counting each one after the first in `executed` as the dispatch loop counts
/// `Vm::instructions`. The frame comes in parts (see the module's doc): references passed
/// one by one are known not to overlap, where fields of one struct would not be.
#[inline(never)]
pub(super) fn run_fast(
    code: &CodeObject,
    pc: &mut usize,
    stack: &mut Vec<Value>,
    locals: &mut [Option<Value>],
    globals: &Module,
    first: Instr,
    executed: &mut u64,
) -> FastStop {
    let instrs = &code.instrs[..];
    let mut at = *pc;
    let mut count = *executed;
    let mut instr = first;
    let stop = loop {
        if !fast_instr(code, globals, &mut at, stack, locals, instr) {
            break FastStop::General(instr);
        }
        if crate::object::warnings::has_pending()
            || (count + 1).is_multiple_of(LIMIT_CHECK_INTERVAL)
        {
            break FastStop::Checks;
        }
        count += 1;
        instr = instrs[at];
        at += 1;
    };
    *pc = at;
    *executed = count;
    stop
}

/// Pushes a copy of `v` (the caller made sure the stack has room). An int is pushed as
/// its tag and its number, the two writes the instructions after it read back one by
/// one: a copy of the whole 24-byte value, read back from two smaller writes, stalls
/// the processor (its store forwarding fails), which cost more than the instructions
/// saved.
#[inline(always)]
fn push_copy(stack: &mut Vec<Value>, v: &Value) -> bool {
    match v {
        Value::Int(n) => {
            let n = *n;
            stack.push(Value::Int(n));
        }
        other => stack.push(other.clone()),
    }
    true
}

/// One fast-path instruction; false (nothing done) to take the general path, which also
/// produces every error message.
#[inline(always)]
pub(super) fn fast_instr(
    code: &CodeObject,
    globals: &Module,
    pc: &mut usize,
    stack: &mut Vec<Value>,
    locals: &mut [Option<Value>],
    instr: Instr,
) -> bool {
    use loopscope_syntax::ast::{BinOp, CmpOp};
    match instr {
        Instr::LoadFast(i) => {
            if stack.len() == stack.capacity() {
                return false;
            }
            match &locals[i as usize] {
                Some(v) => push_copy(stack, v),
                None => false,
            }
        }
        Instr::StoreFast(i) => {
            let slot = &mut locals[i as usize];
            if let (Some(Value::Int(n)), None | Some(Value::Int(_))) = (stack.last(), &slot) {
                // An int over an int (or nothing): tag and number, nothing to drop.
                let n = *n;
                std::mem::forget(stack.pop());
                std::mem::forget(slot.replace(Value::Int(n)));
                return true;
            }
            match stack.pop() {
                Some(v) => {
                    discard_slot(slot.replace(v));
                    true
                }
                None => false,
            }
        }
        Instr::LoadConst(i) => {
            if stack.len() == stack.capacity() {
                return false;
            }
            push_copy(stack, &code.consts[i as usize])
        }
        Instr::Jump(t) => {
            *pc = t as usize;
            true
        }
        Instr::LoadGlobal(i) => {
            let slot = code.global_slots[i as usize].get();
            if stack.len() == stack.capacity() {
                return false;
            }
            let globals = globals.attrs.borrow();
            if slot.in_builtins || slot.globals_tag != globals.keys_tag() {
                return false;
            }
            match globals.value_at(slot.index as usize) {
                Some(v) => push_copy(stack, v),
                None => false,
            }
        }
        Instr::ForIter(t) => {
            if stack.len() == stack.capacity() {
                return false;
            }
            let Some(Value::Iter(it)) = stack.last() else {
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
                Some(v) => {
                    stack.push(Value::Int(v));
                    true
                }
                None => {
                    stack.pop();
                    *pc = t as usize;
                    true
                }
            }
        }
        Instr::Pop => {
            discard_slot(stack.pop());
            true
        }
        Instr::Binary(op) | Instr::Inplace(op) => {
            let n = stack.len();
            let (a, b) = match (&stack[n - 2], &stack[n - 1]) {
                (Value::Int(a), Value::Int(b)) => (*a, *b),
                (Value::Float(a), Value::Float(b)) => return float_op(stack, op, *a, *b),
                _ => return false,
            };
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
            std::mem::forget(stack.pop());
            if let Value::Int(left) = &mut stack[n - 2] {
                *left = r;
            }
            true
        }
        Instr::Compare(op) => {
            let n = stack.len();
            let (Value::Int(a), Value::Int(b)) = (&stack[n - 2], &stack[n - 1]) else {
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
            std::mem::forget(stack.pop());
            std::mem::forget(std::mem::replace(&mut stack[n - 2], Value::Bool(r)));
            true
        }
        Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
            let Some(Value::Bool(b)) = stack.last() else {
                return false;
            };
            let jump = *b == matches!(instr, Instr::PopJumpIfTrue(_));
            // A bool owns nothing.
            std::mem::forget(stack.pop());
            if jump {
                *pc = t as usize;
            }
            true
        }
        _ => false,
    }
}

/// `a op b` on two floats (IEEE arithmetic, as CPython's `float_add` and its
/// siblings), the result written over the left operand. Division and the
/// remainders take the general path (their zero checks and sign rules).
#[inline(always)]
fn float_op(stack: &mut Vec<Value>, op: loopscope_syntax::ast::BinOp, a: f64, b: f64) -> bool {
    use loopscope_syntax::ast::BinOp;
    let r = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mult => a * b,
        _ => return false,
    };
    // Both operands are floats, which own nothing.
    std::mem::forget(stack.pop());
    let n = stack.len();
    if let Value::Float(left) = &mut stack[n - 1] {
        *left = r;
    }
    true
}
