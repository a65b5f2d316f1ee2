//! Interactive mode's expression statements (`compile(..., 'single')`):
//! CPython's PRINT_EXPR hands the value to `sys.displayhook`.

use crate::object::exceptions::exc;
use crate::object::types::TypeId;
use crate::object::value::{Args, PyResult, Value};

use super::Vm;

impl Vm {
    /// `sys.displayhook(value)`; a RuntimeError when the program deleted it.
    pub(super) fn display_hook(&mut self, value: Value) -> PyResult<()> {
        let hook = match self.import("sys")? {
            Value::Module(sys) => sys.attrs.borrow().get_str("displayhook"),
            _ => None,
        };
        let Some(hook) = hook else {
            return Err(exc(TypeId::RuntimeError, "lost sys.displayhook"));
        };
        self.call(&hook, Args::new(vec![value]))?;
        Ok(())
    }
}
