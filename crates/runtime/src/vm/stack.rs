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

    pub(super) fn popn(&mut self, n: usize) -> Vec<Value> {
        let st = &mut self.frames.last_mut().expect("frame").stack;
        let at = st.len() - n;
        st.split_off(at)
    }

    pub(super) fn jump(&mut self, target: u32) {
        self.frames.last_mut().expect("frame").pc = target as usize;
    }
}
