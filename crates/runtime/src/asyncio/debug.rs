//! asyncio's debug mode, as base_events.py has it: `loop.set_debug()` /
//! `get_debug()`, `asyncio.run(debug=True)`, the environment variable
//! PYTHONASYNCIODEBUG (`coroutines._is_debug_mode`, read from `os.environ`
//! when a loop is made: a simulated process starts with an empty
//! environment, as the recorder's does, so a program turns it on by setting
//! it), the checks `call_soon`/`call_at` make in debug mode
//! (`_check_callback`), coroutine origin tracking while a debug loop runs
//! (`_set_coroutine_origin_tracking`), `slow_callback_duration` and the
//! "Executing <Task ...> took 0.123 seconds" warning. Time is virtual: a
//! callback takes time only by blocking in `time.sleep`, as in the recorder.

use std::rc::Rc;

use crate::object::exceptions::type_error;
use crate::object::stack_summary::{
    extract, extract_innermost, LoopFrames, StackEntry, StackSummary,
};
use crate::object::value::{Args, PyResult, Value};
use crate::ops::to_float;
use crate::vm::Vm;

use super::api::arg;
use super::base_events::loop_of;
use super::callbacks::Callback;
use super::objects::{AsyncObject, Handle};
use super::{aio, base_events};

/// `constants.DEBUG_STACK_DEPTH`: how many frames origins and handles keep.
pub const DEBUG_STACK_DEPTH: usize = 10;
/// `slow_callback_duration`'s default, in seconds.
pub const SLOW_CALLBACK_DURATION: f64 = 0.1;

/// A loop's debug settings (part of `LoopState`).
pub struct LoopDebug {
    /// `_debug`, as given to `set_debug`.
    pub value: Value,
    /// Its truth, checked wherever base_events.py says `if self._debug:`.
    pub on: bool,
    /// `slow_callback_duration`, as the program set it.
    pub slow_callback_duration: Value,
    /// `_coroutine_origin_tracking_saved_depth` while this loop tracks
    /// origins (`_coroutine_origin_tracking_enabled`).
    pub saved_origin_depth: Option<usize>,
}

impl Default for LoopDebug {
    fn default() -> LoopDebug {
        LoopDebug {
            value: Value::Bool(false),
            on: false,
            slow_callback_duration: Value::Float(SLOW_CALLBACK_DURATION),
            saved_origin_depth: None,
        }
    }
}

/// Whether loop `l` runs in debug mode.
pub fn is_on(vm: &mut Vm, l: u32) -> bool {
    aio(vm).loops[l as usize].debug.on
}

/// `coroutines._is_debug_mode()`: PYTHONASYNCIODEBUG set to a non-empty
/// string in `os.environ` (the `-X dev` and `-E` flags do not exist here).
pub fn is_debug_mode(vm: &mut Vm) -> bool {
    let os = vm.modules.borrow().get_str("os");
    let Some(os) = os else { return false };
    let lookup = crate::attrs::get_attr(vm, &os, "environ")
        .and_then(|environ| crate::attrs::get_attr(vm, &environ, "get"))
        .and_then(|get| vm.call1(&get, Value::str("PYTHONASYNCIODEBUG")))
        .and_then(|value| crate::ops::truthy(vm, &value));
    lookup.unwrap_or(false)
}

/// The debug settings of a new loop (`self.set_debug(coroutines._is_debug_mode())`).
pub fn new_loop_debug(vm: &mut Vm) -> LoopDebug {
    let on = is_debug_mode(vm);
    LoopDebug {
        value: Value::Bool(on),
        on,
        ..LoopDebug::default()
    }
}

pub(super) fn l_get_debug(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let l = loop_of(r)? as usize;
    Ok(aio(vm).loops[l].debug.value.clone())
}

/// `loop.set_debug(enabled)`: on a running loop, origin tracking follows at
/// the next iteration (`call_soon_threadsafe(self._set_coroutine_origin_tracking, enabled)`).
pub(super) fn l_set_debug(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let l = loop_of(r)?;
    let enabled = arg(&a, 0, "enabled").ok_or_else(|| {
        type_error("BaseEventLoop.set_debug() missing 1 required positional argument: 'enabled'")
    })?;
    let on = crate::ops::truthy(vm, &enabled)?;
    let debug = &mut aio(vm).loops[l as usize].debug;
    debug.value = enabled;
    debug.on = on;
    if aio(vm).loops[l as usize].running {
        let callback = Callback::SetOriginTracking {
            loop_id: l,
            enabled: on,
        };
        base_events::call_soon(vm, l, callback);
    }
    Ok(Value::None)
}

/// `_set_coroutine_origin_tracking(enabled)`.
pub fn set_origin_tracking(vm: &mut Vm, l: u32, enabled: bool) {
    let depth = vm.coroutine_origin_depth;
    let debug = &mut aio(vm).loops[l as usize].debug;
    if enabled == debug.saved_origin_depth.is_some() {
        return;
    }
    if enabled {
        debug.saved_origin_depth = Some(depth);
        vm.coroutine_origin_depth = DEBUG_STACK_DEPTH;
    } else if let Some(saved) = debug.saved_origin_depth.take() {
        vm.coroutine_origin_depth = saved;
    }
}

/// What `run_forever` does on entry for debug mode and stack summaries: origin
/// tracking as `_debug` says, and the frames CPython has between the code
/// that started the loop and a callback. Returns the outer loop frames.
pub fn enter_loop(vm: &mut Vm, l: u32, via_run_until_complete: bool) -> Vec<StackEntry> {
    let on = is_on(vm, l);
    set_origin_tracking(vm, l, on);
    let mut frames = vec![
        StackEntry::library(stdlib_path!("asyncio/events.py"), 80, "_run"),
        // `handle._run()`: in debug mode's branch of `_run_once`, or the other.
        StackEntry::library(
            stdlib_path!("asyncio/base_events.py"),
            if on { 1914 } else { 1922 },
            "_run_once",
        ),
        StackEntry::library(stdlib_path!("asyncio/base_events.py"), 607, "run_forever"),
    ];
    if via_run_until_complete {
        frames.push(StackEntry::library(
            stdlib_path!("asyncio/base_events.py"),
            640,
            "run_until_complete",
        ));
    }
    std::mem::replace(&mut vm.states.get::<LoopFrames>().0, frames)
}

/// `run_forever`'s `finally`: origin tracking off, the outer frames back.
pub fn leave_loop(vm: &mut Vm, l: u32, outer: Vec<StackEntry>) {
    set_origin_tracking(vm, l, false);
    vm.states.get::<LoopFrames>().0 = outer;
}

/// `_check_callback(callback, method)`, made by `call_soon`, `call_at` and
/// `call_soon_threadsafe` in debug mode.
pub fn check_callback(vm: &mut Vm, l: u32, callback: &Value, method: &str) -> PyResult<()> {
    if !is_on(vm, l) {
        return Ok(());
    }
    if super::is_task_coroutine(callback) || super::coroutines::is_coroutine_function(callback) {
        return Err(type_error(format!(
            "coroutines cannot be used with {method}()"
        )));
    }
    if !vm.is_callable(callback) {
        let shown = crate::repr::repr(vm, callback)?;
        return Err(type_error(format!(
            "a callable object was expected by {method}(), got {shown}"
        )));
    }
    Ok(())
}

/// `loop.slow_callback_duration`.
pub fn slow_callback_duration(vm: &mut Vm, l: u32) -> Value {
    aio(vm).loops[l as usize]
        .debug
        .slow_callback_duration
        .clone()
}

/// The loop's settable attribute: `loop.slow_callback_duration = value`.
pub fn set_loop_attr(vm: &mut Vm, r: &Value, name: &str, value: Option<Value>) -> PyResult<bool> {
    let (Some(value), "slow_callback_duration") = (value, name) else {
        return Ok(false);
    };
    let l = loop_of(r)?;
    aio(vm).loops[l as usize].debug.slow_callback_duration = value;
    Ok(true)
}

/// What `_format_handle(handle)` needs of a handle about to run in debug
/// mode: the task whose step it is (`repr(cb.__self__)`), or the callback,
/// to show the handle as it was (`str(handle)`).
pub enum SlowCheck {
    Task(Rc<AsyncObject>),
    Handle(Callback),
}

impl SlowCheck {
    pub fn new(callback: &Callback) -> SlowCheck {
        match callback {
            Callback::TaskStep { task, .. } | Callback::TaskWakeup { task, .. } => {
                SlowCheck::Task(task.clone())
            }
            other => SlowCheck::Handle(other.clone()),
        }
    }

    /// After the handle ran for `dt` seconds.
    pub fn after(self, vm: &mut Vm, l: u32, handle: &Rc<Handle>, dt: f64) {
        let limit = slow_callback_duration(vm, l);
        let Ok(limit) = to_float(&limit) else { return };
        if dt < limit {
            return;
        }
        let shown = match self {
            SlowCheck::Task(task) => crate::repr::repr(vm, &Value::Native(task)),
            SlowCheck::Handle(callback) => {
                let kept = handle.callback.replace(Some(callback));
                let value = Value::Native(Rc::new(AsyncObject::Handle(handle.clone())));
                let shown = crate::repr::repr(vm, &value);
                *handle.callback.borrow_mut() = kept;
                shown
            }
        };
        let Ok(shown) = shown else { return };
        let seconds = loopscope_cpython::float_repr::float_fixed(dt, 3);
        crate::reports::log_slow_callback(vm, &format!("Executing {shown} took {seconds} seconds"));
    }
}

/// A handle's `_source_traceback` on loop `l`: in debug mode, the
/// innermost `limit` frames of where it was made.
pub fn handle_traceback(vm: &mut Vm, l: u32, limit: usize) -> Option<StackSummary> {
    if !is_on(vm, l) {
        return None;
    }
    let mut frames = extract_innermost(vm, limit);
    frames.reverse();
    Some(Rc::new(frames))
}

/// A future's or task's `_source_traceback` on loop `l`: in debug mode the
/// whole stack (the C Future calls `traceback.extract_stack()`), with
/// `site()`, the line of asyncio that made it, innermost (made only in debug mode:
/// every future of a run asks).
pub fn future_traceback(
    vm: &mut Vm,
    l: u32,
    site: impl FnOnce() -> Option<StackEntry>,
) -> Option<StackSummary> {
    if !is_on(vm, l) {
        return None;
    }
    let mut frames = extract(vm, None);
    Rc::make_mut(&mut frames).extend(site());
    Some(frames)
}

/// A line of asyncio's Python source (`FILE` relative to the asyncio
/// package) that makes a future or task.
pub fn site(file: &'static str, line: u32, name: &'static str) -> StackEntry {
    let path = match file {
        "base_events.py" => stdlib_path!("asyncio/base_events.py"),
        "tasks.py" => stdlib_path!("asyncio/tasks.py"),
        "taskgroups.py" => stdlib_path!("asyncio/taskgroups.py"),
        _ => stdlib_path!("asyncio/runners.py"),
    };
    StackEntry::library(path, line, name)
}

/// `loop.create_future()`'s line, where asyncio's own futures are made.
pub fn create_future_site() -> StackEntry {
    site("base_events.py", 427, "create_future")
}

/// Puts `site` innermost in the source traceback of `task`, made by a
/// function of asyncio that Loopscope runs in Rust (`asyncio.create_task`,
/// `ensure_future`); `replacing`: instead of the innermost frame, a frame of
/// Loopscope's own Python port whose line differs from CPython's.
pub fn add_site(task: &Rc<AsyncObject>, site: StackEntry, replacing: bool) {
    let Some(f) = task.as_future() else { return };
    if let Some(mut frames) = f.source_traceback.take() {
        let list = Rc::make_mut(&mut frames);
        if replacing {
            list.pop();
        }
        list.push(site);
        f.source_traceback.set(Some(frames));
    }
}

/// `created at FILE:LINE`, the last part of a future's, task's or
/// handle's repr in debug mode.
pub fn created_at(traceback: Option<&StackSummary>) -> Option<String> {
    let frame = traceback?.last()?;
    Some(format!("created at {}:{}", frame.filename, frame.line))
}

/// How `default_exception_handler` shows a context's `source_traceback`
/// (`HEADER`: "Object created at") or `handle_traceback` ("Handle created
/// at"): `traceback.format_list(value)` under the header; None when the
/// value is not a list of (filename, lineno, name, line) frames.
pub fn format_traceback_value(vm: &Vm, header: &str, value: &Value) -> Option<String> {
    let Value::List(items) = value else {
        return None;
    };
    let mut entries = Vec::new();
    for item in items.borrow().iter() {
        let Value::Tuple(t) = item else { return None };
        let (Some(Value::Str(filename)), Some(Value::Int(line)), Some(Value::Str(name))) =
            (t.first(), t.get(1), t.get(2))
        else {
            return None;
        };
        entries.push(StackEntry {
            library: **filename != *vm.main.filename,
            filename: Rc::from(filename.as_str()),
            line: u32::try_from(*line).unwrap_or(0),
            name: Rc::from(name.as_str()),
        });
    }
    let frames = crate::traceback::format_stack_entries(vm, &entries);
    Some(format!(
        "{header} (most recent call last):\n{}",
        frames.trim_end()
    ))
}

/// The `source_traceback` of a report's context: `FrameSummary`s as
/// (filename, lineno, name, line) tuples.
pub fn traceback_value(vm: &Vm, traceback: &StackSummary) -> Value {
    let items = traceback
        .iter()
        .map(|e| {
            let line = match e.library {
                true => Value::None,
                false => (e.line as usize)
                    .checked_sub(1)
                    .and_then(|i| vm.source_lines.get(i))
                    .map(|s| Value::str(s.trim()))
                    .unwrap_or(Value::None),
            };
            Value::tuple(vec![
                Value::str(&e.filename),
                Value::Int(i64::from(e.line)),
                Value::str(&e.name),
                line,
            ])
        })
        .collect();
    Value::list(items)
}
