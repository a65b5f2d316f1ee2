//! The stack as CPython would list it (`traceback.extract_stack`,
//! `sys._getframe`, a coroutine's `cr_origin`): what asyncio's debug mode
//! keeps where an object was created (`_source_traceback`, "created at
//! prog.py:12") and coroutine origin tracking
//! (`sys.set_coroutine_origin_tracking_depth`).
//!
//! Loopscope runs the loop's own functions in Rust, so the frames CPython has
//! between the code that started the loop and a callback (`run_until_complete`,
//! `run_forever`, `_run_once`, `Handle._run`) are not on the VM's stack: the
//! running loop lists them in [`LoopFrames`], and [`extract`] puts them at the
//! loop's floor. They count toward a limit as CPython's do; only the
//! program's frames are ever printed (the recorder drops the others).

use std::rc::Rc;

use crate::object::state::Vm;

/// One frame: its file, line and function name (`FrameSummary`'s first three).
#[derive(Clone, Debug, PartialEq)]
pub struct StackEntry {
    pub filename: Rc<str>,
    pub line: u32,
    pub name: Rc<str>,
    /// A frame of the standard library (never printed).
    pub library: bool,
}

impl StackEntry {
    /// A frame of CPython's own library, at the path the oracle has it.
    pub fn library(filename: &str, line: u32, name: &str) -> StackEntry {
        StackEntry {
            filename: Rc::from(filename),
            line,
            name: Rc::from(name),
            library: true,
        }
    }
}

/// Frames outermost first, as `traceback.extract_stack` returns them (one
/// pointer wide: futures keep one in debug mode).
pub type StackSummary = Rc<Vec<StackEntry>>;

/// The frames the running loop stands for (the state [`extract`] reads):
/// CPython's frames between the loop's floor and a callback, innermost first
/// (`Handle._run`, `_run_once`, `run_forever`, and `run_until_complete` when
/// the loop was started by it).
#[derive(Default)]
pub struct LoopFrames(pub Vec<StackEntry>);

/// The frames now running, innermost first, at most `limit` of them.
pub fn extract_innermost(vm: &mut Vm, limit: usize) -> Vec<StackEntry> {
    let floor = vm.loop_floor;
    let loop_frames = std::mem::take(&mut vm.states.get::<LoopFrames>().0);
    let mut out: Vec<StackEntry> = Vec::new();
    for (i, frame) in vm.frames.iter().enumerate().rev() {
        if out.len() >= limit {
            break;
        }
        out.push(StackEntry {
            filename: frame.code.filename.clone(),
            line: frame.current_line(),
            name: frame.code.name.clone(),
            library: frame.code.library,
        });
        if i == floor && !loop_frames.is_empty() {
            out.extend(loop_frames.iter().cloned());
        }
    }
    out.truncate(limit);
    vm.states.get::<LoopFrames>().0 = loop_frames;
    out
}

/// `traceback.extract_stack()` (or `format_helpers.extract_stack` with a
/// limit): the frames now running, outermost first.
pub fn extract(vm: &mut Vm, limit: Option<usize>) -> StackSummary {
    let mut frames = extract_innermost(vm, limit.unwrap_or(usize::MAX));
    frames.reverse();
    Rc::new(frames)
}

/// `tracemalloc`'s state: how many frames of a new object's traceback are
/// kept (0: not tracing) and the tracing session, which `stop()` and
/// `clear_traces()` end (their traces are forgotten).
#[derive(Clone, Copy, Default)]
pub struct Tracemalloc {
    pub frames: usize,
    pub session: u32,
}

/// Where a coroutine was allocated while tracemalloc traced, and in which
/// session.
pub type Allocation = (u32, StackSummary);

/// Records where `generator`, a coroutine just made, was allocated, while
/// tracemalloc traces (its traceback: the innermost `frames` frames).
pub fn track_allocation(vm: &mut Vm, generator: &crate::object::generator::Generator) {
    let Tracemalloc { frames, session } = vm.tracemalloc;
    if frames > 0 && generator.is_coroutine && generator.allocated.get().is_none() {
        let _ = generator
            .allocated
            .set((session, extract(vm, Some(frames))));
    }
}

/// Records where `generator`, a coroutine just made, was created, if origin
/// tracking is on (CPython's `_PyCoro_ComputeOrigin`).
pub fn track_origin(vm: &mut Vm, generator: &crate::object::generator::Generator) {
    let depth = vm.coroutine_origin_depth;
    if depth > 0 && generator.is_coroutine && generator.origin.get().is_none() {
        let origin = extract(vm, Some(depth));
        let _ = generator.origin.set(origin);
    }
}
