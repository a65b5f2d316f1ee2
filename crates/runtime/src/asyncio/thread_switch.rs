//! The native half of the module `_thread`: simulated threads as frame
//! stacks. A thread other than the main one runs only while the main thread
//! is blocked: the scheduler (`python/_thread.py`, running on the main
//! thread) calls `_run(index)`, which pushes the thread's frames above its
//! own and runs them until the thread ends or blocks. A thread blocks by
//! calling `_suspend()` from its own run (never from a nested run, whose Rust
//! caller could not be suspended): the dispatch loop then ends the run
//! (`Exit::Blocked`) and its frames are kept here until its next `_run`.
//! Each thread has its own running event loop (none at first) and its own
//! context (contextvars), swapped in and out with its frames.

use std::cell::RefCell;
use std::rc::Rc;

use super::aio;
use crate::builtins::args::exactly_one;
use crate::limits::Stop;
use crate::object::dict::Dict;
use crate::object::exceptions::{runtime_error, type_error};
use crate::object::frame::{Frame, FrameKind};
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::trace::{EventKind, Halt, Seconds};
use crate::vm::{Callee, Exit, Vm};

/// One simulated thread (index 0, the main thread, has no slot content).
#[derive(Default)]
struct Slot {
    /// What the thread runs when it first runs.
    start: Option<Value>,
    /// Its frames while it is blocked, boxed as `Vm::frames` holds them.
    #[allow(clippy::vec_box)]
    frames: Vec<Box<Frame>>,
    /// `native_depth` inside its run: where `_suspend()` may be called.
    depth: usize,
    running_loop: Option<u32>,
    context: Option<Rc<RefCell<Dict>>>,
}

/// The threads of the run (a module state).
#[derive(Default)]
pub struct Threads {
    slots: Vec<Slot>,
    current: usize,
}

impl Threads {
    /// Whether the program ever started a thread: until then the loop and
    /// `time.sleep` take their single-threaded paths.
    pub fn started(&self) -> bool {
        self.slots.len() > 1
    }
}

pub fn threads(vm: &mut Vm) -> &mut Threads {
    vm.states.get::<Threads>()
}

/// The module `_thread`: these natives, then the scheduler's Python.
pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[
        ("_spawn", spawn),
        ("_run", run),
        ("_suspend", suspend),
        ("_current", current),
        ("_now", now),
        ("_set_clock", set_clock),
        ("_deadlock", deadlock),
    ];
    let m = crate::modules::native_module("_thread", "", FUNCTIONS);
    vm.run_library_source(&m, library_source!("asyncio/python/_thread.py"))?;
    Ok(m)
}

/// `_spawn(bootstrap)`: a new thread that will call `bootstrap()`; its index.
fn spawn(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let start = exactly_one("_spawn", &args)?;
    let st = threads(vm);
    if st.slots.is_empty() {
        st.slots.push(Slot::default());
    }
    st.slots.push(Slot {
        start: Some(start),
        ..Slot::default()
    });
    Ok(Value::Int(st.slots.len() as i64 - 1))
}

/// `_run(index)`: run thread `index` (from the main thread) until it blocks
/// or ends; True when it ended.
fn run(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let index = match exactly_one("_run", &args)? {
        Value::Int(i) if i > 0 && (i as usize) < threads(vm).slots.len() => i as usize,
        _ => return Err(type_error("_run() needs the index of a thread")),
    };
    if threads(vm).current != 0 {
        return Err(runtime_error("only the main thread runs the others"));
    }
    vm.check_nesting()?;
    let slot = std::mem::take(&mut threads(vm).slots[index]);
    let main_loop = std::mem::replace(&mut aio(vm).running_loop, slot.running_loop);
    let context = slot.context.unwrap_or_default();
    let main_context = crate::modules::contextvars::enter(vm, context);
    threads(vm).current = index;
    let base = vm.frames.len();
    let mut pushed = true;
    if let Some(start) = slot.start {
        match vm.prepare_call(&start, Args::default()) {
            Ok(Callee::Frame(mut frame)) => {
                frame.kind = FrameKind::Base;
                if let Err(e) = vm.push_frame(frame) {
                    report(vm, e);
                    pushed = false;
                }
            }
            Ok(Callee::Done(_)) => pushed = false,
            Err(e) => {
                report(vm, e);
                pushed = false;
            }
        }
    } else {
        vm.c_frames += c_frames_in(&slot.frames);
        vm.frames.extend(slot.frames);
    }
    let depth = vm.native_depth + 1;
    threads(vm).slots[index].depth = depth;
    let mut frames = Vec::new();
    let ended = if pushed {
        match vm.run_nested(base) {
            Ok(Exit::Blocked) => {
                frames = vm.frames.split_off(base);
                vm.c_frames -= c_frames_in(&frames);
                false
            }
            Ok(_) => true,
            Err(e) => {
                vm.c_frames -= c_frames_in(&vm.frames[base..]);
                vm.frames.truncate(base);
                report(vm, e);
                true
            }
        }
    } else {
        true
    };
    let running_loop = std::mem::replace(&mut aio(vm).running_loop, main_loop);
    let context = crate::modules::contextvars::enter(vm, main_context);
    let st = threads(vm);
    st.current = 0;
    st.slots[index] = Slot {
        start: None,
        frames,
        depth,
        running_loop,
        context: Some(context),
    };
    vm.unless_halted()?;
    Ok(Value::Bool(ended))
}

/// An exception that left a thread's bootstrap (threading's own catches
/// the program's): CPython prints it and the thread ends.
fn report(vm: &mut Vm, e: crate::object::value::ExcRef) {
    if vm.halted.is_some() {
        return;
    }
    let text = crate::traceback::format_exception(vm, &e);
    vm.write(crate::trace::Stream::Stderr, &text);
}

/// `_suspend()`: the current thread blocks; its run ends here and resumes
/// after this call at its next `_run`.
fn suspend(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    crate::builtins::args::count_range("_suspend", &args, 0, 0)?;
    let st = threads(vm);
    let current = st.current;
    if current == 0 {
        return Err(runtime_error("the main thread cannot be suspended"));
    }
    if vm.native_depth != threads(vm).slots[current].depth {
        return Err(runtime_error(
            "a thread blocked inside a call that Loopscope cannot suspend \
             (a function called by built-in code, such as a sort key or a \
             generator being iterated); see docs/differences.md",
        ));
    }
    vm.block_request = true;
    Ok(Value::None)
}

/// `_current()`: the index of the running thread (0: the main thread).
fn current(vm: &mut Vm, _: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(threads(vm).current as i64))
}

/// `_now()`: the virtual clock.
fn now(vm: &mut Vm, _: &Value, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(vm.now))
}

/// `_set_clock(deadline)`: every thread waits, the earliest deadline is
/// `deadline`: the clock moves there (never back).
fn set_clock(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let deadline = crate::ops::to_float(&exactly_one("_set_clock", &args)?)?;
    if deadline > vm.now {
        vm.now = deadline;
        let line = vm.current_line();
        vm.recorder.record(
            vm.now,
            line,
            EventKind::ClockAdvanced {
                to: Seconds::new(vm.now),
            },
        );
        if vm.now > vm.limits.time_horizon {
            return Err(vm.halt(
                Halt::TimeLimit,
                format!(
                    "virtual time limit reached: the program ran past {} virtual seconds",
                    loopscope_cpython::float_repr::float_repr(vm.limits.time_horizon)
                ),
            ));
        }
    }
    Ok(Value::None)
}

/// `_deadlock(loop_index)`: every thread waits for another and no deadline
/// is pending (CPython would hang forever): the run stops, reporting the
/// tasks of the loop the main thread was selecting in, if any.
fn deadlock(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let message = match exactly_one("_deadlock", &args)? {
        Value::Int(_) => super::tasks::deadlock_report(vm),
        _ => "deadlock: every thread waits for another (nothing is ready and no timer is \
              pending)"
            .to_string(),
    };
    Err(vm.halt(Halt::Deadlock, message))
}

/// A function of the scheduler's Python half.
fn scheduler_function(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let module = vm.import("_thread")?;
    crate::attrs::get_attr(vm, &module, name)
}

/// The selector of loop `loop_id` waits up to `timeout` seconds (`None`:
/// until woken), once threads exist: the scheduler's `_select`.
pub fn select(vm: &mut Vm, loop_id: u32, timeout: Option<f64>) -> Result<(), Stop> {
    let outcome = scheduler_function(vm, "_select").and_then(|select| {
        let timeout = timeout.map_or(Value::None, Value::Float);
        vm.call(
            &select,
            Args::new(vec![Value::Int(loop_id.into()), timeout]),
        )
    });
    match (outcome, &vm.halted) {
        (Ok(_), _) => Ok(()),
        (Err(_), Some(stop)) => Err(stop.clone()),
        (Err(e), None) => Err(Stop::new(
            Halt::ThreadScheduler,
            crate::traceback::format_exception(vm, &e),
        )),
    }
}

/// `call_soon_threadsafe`'s write to the self-pipe of loop `loop_id`: wakes
/// its selector if the main thread waits in it.
pub fn wake_loop(vm: &mut Vm, loop_id: u32) -> PyResult<()> {
    if !threads(vm).started() {
        return Ok(());
    }
    let wake = scheduler_function(vm, "_wake_loop")?;
    vm.call(&wake, Args::new(vec![Value::Int(loop_id.into())]))?;
    Ok(())
}

/// How many of `frames` are of library code CPython runs in C (not counted in the
/// recursion depth while they are on the stack).
fn c_frames_in(frames: &[Box<Frame>]) -> usize {
    frames.iter().filter(|f| f.code.runs_as_c.get()).count()
}
