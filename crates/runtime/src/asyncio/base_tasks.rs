//! base_tasks.py's `Task.get_stack()` and `Task.print_stack()`.
//!
//! A task's stack is its coroutine's frame and the frames it was called
//! from: a suspended (or not yet started) coroutine's frame has no `f_back`,
//! so that is one frame at the line it waits at (its `def` line before it
//! starts); the running task's frame sits on the program's stack, so the
//! frames below it (`<module>`, the function that called
//! `run_until_complete`) come too. A finished task has no frame: a failed
//! one shows its exception's traceback instead, each frame at the line it
//! is at now, as CPython reads `tb_frame.f_lineno` (a frame still running,
//! such as the one that awaited the task and caught its exception, shows
//! its current line).
//!
//! `print_stack` prints its header and the exception's last line with
//! `print(file=file)`, which is stdout by default, and the frames with
//! `traceback.print_list(file=file)`, which is stderr by default: both
//! kept.

use std::rc::Rc;

use crate::builtins::args::reject_kwargs;
use crate::builtins::frame_object::FrameObject;
use crate::builtins::functions::write_to;
use crate::object::code::CodeObject;
use crate::object::exceptions::type_error;
use crate::object::generator::{GenState, Generator};
use crate::object::types::type_of;
use crate::object::value::{Args, PyResult, Value};
use crate::trace::Stream;
use crate::vm::Vm;

use super::api::receiver_obj;
use super::objects::AsyncObject;
use super::tasks::task_part;

/// One frame of a task's stack: its code and the line it is at. `code` is
/// None for a frame of asyncio's own code, which Loopscope runs natively:
/// it counts, as CPython's frame of the library does, but is never shown.
struct StackFrame {
    code: Option<Rc<CodeObject>>,
    line: u32,
}

impl StackFrame {
    fn new(code: &Rc<CodeObject>, line: u32) -> StackFrame {
        let code = (!code.library).then(|| code.clone());
        StackFrame { code, line }
    }
}

/// `Task.get_stack(*, limit=None)`: the program's frames of the task,
/// outermost first, as frame objects.
pub(super) fn get_stack(vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let limit = limit_arg("get_stack", &mut args)?;
    reject_kwargs("get_stack", &args)?;
    let task = receiver_obj(recv)?;
    let mut back = Value::None;
    let mut frames = Vec::new();
    for frame in task_stack(vm, &task, &limit)? {
        let Some(code) = frame.code else { continue };
        let object = Value::Native(Rc::new(FrameObject {
            code,
            line: frame.line,
            back,
            namespaces: None,
        }));
        back = object.clone();
        frames.push(object);
    }
    Ok(Value::list(frames))
}

/// `Task.print_stack(*, limit=None, file=None)`.
pub(super) fn print_stack(vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let limit = limit_arg("print_stack", &mut args)?;
    let file = args.take_kw("file");
    reject_kwargs("print_stack", &args)?;
    let task = receiver_obj(recv)?;
    let frames = task_stack(vm, &task, &limit)?;
    let exception = task.as_future().and_then(|f| f.exception.borrow().clone());
    let describe = crate::repr::repr(vm, recv)?;
    let header = if frames.is_empty() {
        format!("No stack for {describe}\n")
    } else if exception.is_some() {
        format!("Traceback for {describe} (most recent call last):\n")
    } else {
        format!("Stack for {describe} (most recent call last):\n")
    };
    write_to(vm, file.clone(), Stream::Stdout, &header)?;
    let listed: Vec<(&CodeObject, u32)> = frames
        .iter()
        .filter_map(|f| Some((&**f.code.as_ref()?, f.line)))
        .collect();
    let text = crate::traceback::format_frame_list(vm, &listed);
    write_to(vm, file.clone(), Stream::Stderr, &text)?;
    if let Some(e) = exception {
        let text = crate::traceback::format_exception_only(vm, &e);
        write_to(vm, file, Stream::Stdout, &text)?;
    }
    vm.unless_halted()?;
    Ok(Value::None)
}

/// Both methods take their arguments by keyword only.
fn limit_arg(name: &str, args: &mut Args) -> PyResult<Value> {
    if !args.pos.is_empty() {
        return Err(type_error(format!(
            "{name}() takes no positional arguments"
        )));
    }
    Ok(args.take_kw("limit").unwrap_or(Value::None))
}

/// How many of `n` frames `limit` keeps. CPython compares `limit <= 0`
/// before taking each frame, so a limit that is not a number is an error
/// only when there is a frame to take.
fn frames_kept(limit: &Value, n: usize) -> PyResult<usize> {
    let limit = match limit {
        _ if n == 0 => return Ok(0),
        Value::None => return Ok(n),
        Value::Int(l) => *l,
        Value::Bool(b) => *b as i64,
        other => {
            return Err(type_error(format!(
                "'<=' not supported between instances of '{}' and 'int'",
                type_of(other).name()
            )))
        }
    };
    Ok(n.min(limit.max(0) as usize))
}

/// `_task_get_stack`: the task's frames, outermost first, at most `limit`
/// of them (the innermost ones of a coroutine's stack, the outermost ones
/// of a traceback, as CPython walks each).
fn task_stack(vm: &Vm, task: &Rc<AsyncObject>, limit: &Value) -> PyResult<Vec<StackFrame>> {
    let Some(coro) = task_part(task).map(|tp| tp.coro.clone()) else {
        return Ok(Vec::new());
    };
    if let Some(mut frames) = coroutine_frames(vm, &coro) {
        let keep = frames_kept(limit, frames.len())?;
        return Ok(frames.split_off(frames.len() - keep));
    }
    let Some(e) = task.as_future().and_then(|f| f.exception.borrow().clone()) else {
        return Ok(Vec::new());
    };
    let entries = e.traceback.borrow();
    Ok(entries
        .iter()
        .take(frames_kept(limit, entries.len())?)
        .map(|entry| {
            let line = running_line(vm, &entry.code)
                .unwrap_or_else(|| entry.code.code.line_of(entry.pc as usize));
            StackFrame::new(&entry.code, line)
        })
        .collect())
}

/// The frames of a coroutine that still has one (`cr_frame`), outermost
/// first; `None` once it finished. asyncio's own coroutines (a task of
/// `asyncio.sleep()`) have one frame of the library.
fn coroutine_frames(vm: &Vm, coro: &Rc<Generator>) -> Option<Vec<StackFrame>> {
    if coro.state.get() == GenState::Closed {
        return None;
    }
    let Some(code) = coro.code.clone() else {
        return Some(vec![StackFrame {
            code: None,
            line: 0,
        }]);
    };
    if let Some(frame) = coro.body.borrow().frame() {
        let line = if frame.pc > 0 {
            frame.current_line()
        } else {
            code.first_line
        };
        return Some(vec![StackFrame::new(&code, line)]);
    }
    // Running: its frame is on the VM's stack, above the frames that
    // called the loop.
    let top = vm
        .frames
        .iter()
        .rposition(|f| f.owner.as_ref().is_some_and(|o| Rc::ptr_eq(o, coro)))?;
    Some(
        vm.frames[..=top]
            .iter()
            .map(|f| StackFrame::new(&f.code, f.current_line()))
            .collect(),
    )
}

/// The line a frame of `code` now running is at (the innermost such frame).
fn running_line(vm: &Vm, code: &Rc<CodeObject>) -> Option<u32> {
    vm.frames
        .iter()
        .rev()
        .find(|f| Rc::ptr_eq(&f.code, code))
        .map(|f| f.current_line())
}
