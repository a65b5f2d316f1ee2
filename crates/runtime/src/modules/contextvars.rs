//! `contextvars`: the module is Python (`python/contextvars.py`), run in
//! the namespace of this native one, which keeps what the event loop must
//! reach too: the current context's variables, a dict from `ContextVar` to
//! value. A task copies them when it is created and runs each step with its
//! own ([`copy_current`], [`enter`]), as CPython's tasks run `__step` in
//! their context.

use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins::args::exactly_one;
use crate::object::dict::Dict;
use crate::object::exceptions::type_error;
use crate::object::types::type_of;
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

/// The variables of the context code runs in now.
#[derive(Default)]
pub struct CurrentContext(Rc<RefCell<Dict>>);

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[("_current", current), ("_swap", swap)];
    let m = super::native_module("contextvars", stdlib_path!("contextvars.py"), FUNCTIONS);
    vm.run_library_source(&m, library_source!("modules/python/contextvars.py"))?;
    Ok(m)
}

/// A copy of the current context's variables (`copy_context()`), registered
/// with the cycle collector: a task's context may hold the task.
pub fn copy_current(vm: &mut Vm) -> Rc<RefCell<Dict>> {
    let vars = vm.states.get::<CurrentContext>().0.borrow().clone();
    let vars = Rc::new(RefCell::new(vars));
    crate::object::gc::track(&vars);
    vars
}

/// The context a callback scheduled now runs in (a handle's
/// `copy_context()`): a copy of the current variables, or `None` when there
/// are none, which runs it in a new empty context all the same.
pub fn copy_for_callback(vm: &mut Vm) -> Option<Rc<RefCell<Dict>>> {
    if vm.states.get::<CurrentContext>().0.borrow().is_empty() {
        return None;
    }
    Some(copy_current(vm))
}

/// Make `vars` the current context's; returns the one it replaces.
pub fn enter(vm: &mut Vm, vars: Rc<RefCell<Dict>>) -> Rc<RefCell<Dict>> {
    std::mem::replace(&mut vm.states.get::<CurrentContext>().0, vars)
}

/// `_current()`: the current context's variables (the dict itself).
fn current(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    crate::builtins::args::no_kwargs("_current", &args)?;
    crate::builtins::args::count_range("_current", &args, 0, 0)?;
    Ok(Value::Dict(vm.states.get::<CurrentContext>().0.clone()))
}

/// `_swap(vars)`: make `vars` current, return the variables it replaces.
fn swap(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    match exactly_one("_swap", &args)? {
        Value::Dict(vars) => Ok(Value::Dict(enter(vm, vars))),
        other => Err(type_error(format!(
            "_swap() argument must be a dict, not '{}'",
            type_of(&other).name()
        ))),
    }
}
