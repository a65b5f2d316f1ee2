//! The loop's exception handler, as base_events.py's `BaseEventLoop` has
//! it: `set_exception_handler`, `get_exception_handler`,
//! `call_exception_handler` and `default_exception_handler`. Every error
//! asyncio reports ("Exception in callback ...", "Task exception was never
//! retrieved", the shutdown's "unhandled exception during asyncio.run()
//! shutdown", TaskGroup's) goes through [`report`], so a handler the
//! program set sees CPython's context dict, and the default one logs
//! CPython's text (`reports.rs`).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::object::dict::Dict;
use crate::object::exceptions::{type_error, Exception};
use crate::object::value::{Args, ExcRef, NativeFn, PyResult, Value};
use crate::vm::Vm;

use super::aio;
use super::api::arg;
use super::base_events::loop_of;
use super::events::loop_value;
use super::objects::as_future;

/// A method of a loop object about its exception handler.
pub(super) fn method(name: &str) -> Option<(&'static str, NativeFn)> {
    match name {
        "set_exception_handler" => Some(("set_exception_handler", l_set_exception_handler)),
        "get_exception_handler" => Some(("get_exception_handler", l_get_exception_handler)),
        "call_exception_handler" => Some(("call_exception_handler", l_call_exception_handler)),
        "default_exception_handler" => {
            Some(("default_exception_handler", l_default_exception_handler))
        }
        _ => None,
    }
}

/// The exceptions the loop itself caught (a callback or a task step
/// failed): in CPython they passed through `Handle._run`, so they have a
/// traceback, and its header is printed, even when none of its frames is
/// the program's.
#[derive(Default)]
pub struct CaughtByLoop(Vec<Weak<Exception>>);

fn caught_by_loop(vm: &mut Vm, e: &ExcRef) -> bool {
    let caught = &mut vm.states.get::<CaughtByLoop>().0;
    caught.retain(|w| w.strong_count() > 0);
    caught
        .iter()
        .any(|w| std::ptr::eq(w.as_ptr(), Rc::as_ptr(e)))
}

/// The loop a report belongs to: the running loop, else the current one,
/// else the last one made (a program has one loop at a time).
fn reporting_loop(vm: &mut Vm) -> Option<u32> {
    let st = aio(vm);
    st.running_loop
        .or(st.current_loop)
        .or_else(|| st.loops.len().checked_sub(1).map(|l| l as u32))
}

/// Report an error the loop caught or found: `context` is CPython's dict
/// (its `message` first), handed to the handler of its loop.
/// `from_loop`: the exception passed through the loop's own frames.
pub fn report(vm: &mut Vm, context: Vec<(&str, Value)>, from_loop: bool) {
    report_handling(vm, context, from_loop, None);
}

/// [`report`] from inside an `except` block handling `handling`, as
/// `Handle._run` calls the handler: an exception the handler raises has
/// it as its `__context__`.
pub fn report_handling(
    vm: &mut Vm,
    context: Vec<(&str, Value)>,
    from_loop: bool,
    handling: Option<ExcRef>,
) {
    if from_loop {
        if let Some(Value::Exception(e)) = context
            .iter()
            .find(|(k, _)| *k == "exception")
            .map(|(_, v)| v)
        {
            let weak = Rc::downgrade(e);
            vm.states.get::<CaughtByLoop>().0.push(weak);
        }
    }
    let mut dict = Dict::new();
    for (k, v) in context {
        dict.insert_str(k, v);
    }
    let loop_id = reporting_loop(vm);
    // A SystemExit a handler raises cannot stop the loop from here: the
    // default handler has already logged what it could.
    let _ = call_exception_handler(vm, loop_id, Rc::new(RefCell::new(dict)), handling);
}

/// The [`NeverRetrievedRoute`](crate::object::warnings::NeverRetrievedRoute):
/// `Future.__del__`'s report, when the loop has a handler the program set.
pub(super) fn never_retrieved(vm: &mut Vm, exc: &ExcRef, future: Value, from_loop: bool) -> bool {
    let loop_id = reporting_loop(vm);
    let traceback = source_traceback(vm, &future);
    if traceback.is_none()
        && loop_id.is_none_or(|l| aio(vm).loops[l as usize].exception_handler.is_none())
    {
        return false;
    }
    let class = crate::object::types::type_of(&future).name();
    let message = format!("{class} exception was never retrieved");
    let mut context = vec![
        ("message", Value::str(&message)),
        ("exception", Value::Exception(exc.clone())),
        ("future", future),
    ];
    context.extend(traceback.map(|t| ("source_traceback", t)));
    report(vm, context, from_loop);
    true
}

/// The `source_traceback` a future's or task's report carries in debug mode.
fn source_traceback(vm: &Vm, future: &Value) -> Option<Value> {
    let future = as_future(future)?;
    let traceback = future.as_future()?.source_traceback()?;
    Some(super::debug::traceback_value(vm, &traceback))
}

/// The [`DestroyedPendingRoute`](crate::object::warnings::DestroyedPendingRoute):
/// `Task.__del__`'s report to its loop's handler.
pub(super) fn destroyed_pending(vm: &mut Vm, task: Value) {
    let loop_id = as_future(&task).and_then(|t| t.as_future().map(|f| f.loop_id));
    let traceback = source_traceback(vm, &task);
    let mut dict = Dict::new();
    dict.insert_str("task", task);
    dict.insert_str(
        "message",
        Value::str("Task was destroyed but it is pending!"),
    );
    if let Some(traceback) = traceback {
        dict.insert_str("source_traceback", traceback);
    }
    let _ = call_exception_handler(vm, loop_id, Rc::new(RefCell::new(dict)), None);
}

/// `loop.call_exception_handler(context)`.
fn call_exception_handler(
    vm: &mut Vm,
    loop_id: Option<u32>,
    context: Rc<RefCell<Dict>>,
    handling: Option<ExcRef>,
) -> PyResult<()> {
    let handler = loop_id.and_then(|l| aio(vm).loops[l as usize].exception_handler.clone());
    let Some(handler) = handler else {
        return match default_exception_handler(vm, &context) {
            Err(e) if !super::stops_the_program(&e) => {
                log(vm, "Exception in default exception handler", Some(&e), true);
                Ok(())
            }
            other => other,
        };
    };
    let loop_obj = loop_id.map(|l| loop_value(vm, l)).unwrap_or(Value::None);
    let called = vm.call(
        &handler,
        Args::new(vec![loop_obj, Value::Dict(context.clone())]),
    );
    match called {
        Ok(_) => Ok(()),
        Err(e) if super::stops_the_program(&e) => Err(e),
        Err(exc) => {
            if let Some(handled) = handling.filter(|h| !Rc::ptr_eq(h, &exc)) {
                if exc.context.borrow().is_none() {
                    *exc.context.borrow_mut() = Some(handled);
                }
            }
            let mut dict = Dict::new();
            dict.insert_str(
                "message",
                Value::str("Unhandled error in exception handler"),
            );
            dict.insert_str("exception", Value::Exception(exc.clone()));
            dict.insert_str("context", Value::Dict(context));
            vm.states.get::<CaughtByLoop>().0.push(Rc::downgrade(&exc));
            match default_exception_handler(vm, &Rc::new(RefCell::new(dict))) {
                Err(e) if !super::stops_the_program(&e) => {
                    log(
                        vm,
                        "Exception in default exception handler while handling an unexpected error in custom exception handler",
                        Some(&e),
                        true,
                    );
                    Ok(())
                }
                other => other,
            }
        }
    }
}

/// `default_exception_handler(context)`: the message, then each other key
/// (sorted) as `key: repr(value)`, logged at ERROR with the exception's
/// traceback.
fn default_exception_handler(vm: &mut Vm, context: &Rc<RefCell<Dict>>) -> PyResult<()> {
    let message = context.borrow().get_str("message");
    let message = match message {
        Some(m) if crate::ops::truthy(vm, &m)? => crate::repr::str_of(vm, &m)?,
        _ => "Unhandled exception in event loop".to_string(),
    };
    let exception = match context.borrow().get_str("exception") {
        Some(Value::Exception(e)) => Some(e),
        _ => None,
    };
    let mut entries: Vec<(String, Value)> = Vec::new();
    let keys = context.borrow().keys();
    for key in keys {
        let name = crate::repr::str_of(vm, &key)?;
        if name == "message" || name == "exception" {
            continue;
        }
        let value = context.borrow().get_str(&name).unwrap_or(Value::None);
        entries.push((name, value));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    if !entries.iter().any(|(k, _)| k == "source_traceback") {
        let handle = aio(vm).current_handle.clone();
        if let Some(traceback) = handle.and_then(|h| h.source_traceback.clone()) {
            let value = super::debug::traceback_value(vm, &traceback);
            context
                .borrow_mut()
                .insert_str("handle_traceback", value.clone());
            entries.push(("handle_traceback".to_string(), value));
            entries.sort_by(|a, b| a.0.cmp(&b.0));
        }
    }
    let mut lines = vec![message];
    for (key, value) in entries {
        let header = match key.as_str() {
            "source_traceback" => Some("Object created at"),
            "handle_traceback" => Some("Handle created at"),
            _ => None,
        };
        let formatted = header.and_then(|h| super::debug::format_traceback_value(vm, h, &value));
        let shown = match formatted {
            Some(text) => text,
            None => crate::repr::repr(vm, &value)?,
        };
        lines.push(format!("{key}: {shown}"));
    }
    let from_loop = exception.as_ref().is_some_and(|e| caught_by_loop(vm, e));
    log(vm, &lines.join("\n"), exception.as_ref(), from_loop);
    Ok(())
}

/// `logger.error(text, exc_info=...)` through the logger `asyncio`.
fn log(vm: &mut Vm, text: &str, exc: Option<&ExcRef>, from_loop: bool) {
    let traceback = exc.map(|e| crate::traceback::module_traceback(vm, e, from_loop));
    crate::reports::log_error(vm, text, exc, traceback.as_deref());
}

fn l_set_exception_handler(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let l = loop_of(r)? as usize;
    let handler = arg(&a, 0, "handler").ok_or_else(|| {
        type_error(
            "BaseEventLoop.set_exception_handler() missing 1 required positional argument: 'handler'",
        )
    })?;
    if !matches!(handler, Value::None) && !vm.is_callable(&handler) {
        return Err(type_error(format!(
            "A callable object or None is expected, got {}",
            crate::repr::repr(vm, &handler)?
        )));
    }
    aio(vm).loops[l].exception_handler = match handler {
        Value::None => None,
        h => Some(h),
    };
    Ok(Value::None)
}

fn l_get_exception_handler(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let l = loop_of(r)? as usize;
    Ok(aio(vm).loops[l]
        .exception_handler
        .clone()
        .unwrap_or(Value::None))
}

fn context_arg(a: &Args, method: &str) -> PyResult<Rc<RefCell<Dict>>> {
    match arg(a, 0, "context") {
        Some(Value::Dict(d)) => Ok(d),
        Some(other) => Err(type_error(format!(
            "{method}() expects a dict context, got '{}'",
            crate::object::types::type_of(&other).name()
        ))),
        None => Err(type_error(format!(
            "BaseEventLoop.{method}() missing 1 required positional argument: 'context'"
        ))),
    }
}

fn l_call_exception_handler(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let l = loop_of(r)?;
    let context = context_arg(&a, "call_exception_handler")?;
    call_exception_handler(vm, Some(l), context, None)?;
    Ok(Value::None)
}

fn l_default_exception_handler(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    loop_of(r)?;
    let context = context_arg(&a, "default_exception_handler")?;
    default_exception_handler(vm, &context)?;
    Ok(Value::None)
}
