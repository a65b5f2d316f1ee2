//! The top frame's value stack and program counter, as the instructions
//! use them.

use crate::object::value::Value;
use crate::vm::Vm;

impl Vm {
    #[inline]
    pub(super) fn push(&mut self, v: Value) {
        self.frames.last_mut().expect("frame").stack.push(v);
    }

    #[inline]
    pub(super) fn pop(&mut self) -> Value {
        self.frames
            .last_mut()
            .expect("frame")
            .stack
            .pop()
            .unwrap_or(Value::None)
    }

    pub(super) fn top(&self) -> &Value {
        self.frames
            .last()
            .expect("frame")
            .stack
            .last()
            .expect("stack")
    }

    /// The top `n` values, as a call's positional arguments: up to one without an
    /// allocation.
    pub(super) fn pop_args(&mut self, n: usize) -> smallvec::SmallVec<[Value; 1]> {
        let st = &mut self.frames.last_mut().expect("frame").stack;
        match n {
            0 => smallvec::SmallVec::new(),
            1 => match st.pop() {
                Some(v) => smallvec::SmallVec::from_buf([v]),
                None => unreachable!("a call's argument is on the stack"),
            },
            _ => {
                let at = st.len() - n;
                st.drain(at..).collect()
            }
        }
    }

    pub(super) fn popn(&mut self, n: usize) -> Vec<Value> {
        let st = &mut self.frames.last_mut().expect("frame").stack;
        let at = st.len() - n;
        st.split_off(at)
    }

    pub(super) fn jump(&mut self, target: u32) {
        self.frames.last_mut().expect("frame").pc = target as usize;
    }
}
