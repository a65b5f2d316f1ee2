//! The event loop: a port of `BaseEventLoop` from CPython 3.11's
//! base_events.py, in virtual time.
//!
//! `run_once` is `_run_once` line for line: purge or rebuild the timer heap,
//! compute the select timeout, "select" (advance the virtual clock by the
//! timeout, exactly `now + timeout` in f64 as the recorder's patched selector
//! does), move due timers (`when < now + clock_resolution`) to the ready
//! deque in heap order, then run exactly the handles that were ready at
//! that moment. The timer heap is heapq's algorithm (see `heapq.rs`), so
//! timers with equal deadlines come out in CPython's order.

use std::cmp::Ordering;
use std::collections::VecDeque;
use std::rc::Rc;

use loopscope_cpython::float_repr::float_repr;

use crate::limits::Stop;
use crate::object::exceptions::{exc_empty, runtime_error, type_error};
use crate::object::types::TypeId;
use crate::object::value::{Args, ExcRef, NativeFn, PyResult, Value};
use crate::object::warnings::LibrarySite;
use crate::ops::to_float;
use crate::repr::repr_value;
use crate::trace::{self, EventKind, Halt};
use crate::vm::Vm;

use super::api::{arg, receiver_obj};
use super::callbacks::{Callback, Context};
use super::heapq::{self, TimerEntry};
use super::native_coro::{self, NativeCoro};
use super::objects::{as_future, AsyncObject, Handle};
use super::runners::run_until_complete;
use super::tasks::{self, name_arg};
use super::{aio, futures, unix_events, AsyncState};

/// `time.get_clock_info('monotonic').resolution` on Linux.
pub const CLOCK_RESOLUTION: f64 = 1e-09;
/// base_events.MAXIMUM_SELECT_TIMEOUT.
const MAXIMUM_SELECT_TIMEOUT: f64 = 24.0 * 3600.0;
const MIN_SCHEDULED_TIMER_HANDLES: usize = 100;
/// Recursion depth CPython spends between `run_until_complete` and a callback
/// (measured: see `vm::Vm::library_depth`).
const LIBRARY_FRAMES_PER_CALLBACK: usize = 5;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION: f64 = 0.5;
/// The frames a handle's `_source_traceback` keeps: `DEBUG_STACK_DEPTH`
/// extracted from inside `call_soon` (or `call_at`), less the two frames of
/// asyncio that are dropped; `call_later` drops one more.
const HANDLE_TRACED: usize = super::debug::DEBUG_STACK_DEPTH - 2;

#[derive(Default)]
pub struct LoopState {
    pub ready: VecDeque<Rc<Handle>>,
    pub scheduled: Vec<TimerEntry>,
    pub timer_cancelled_count: usize,
    pub stopping: bool,
    pub closed: bool,
    pub running: bool,
    /// `_asyncgens`: the async generators first iterated while this loop
    /// ran (a WeakSet in CPython), in that order.
    pub asyncgens: Vec<std::rc::Weak<crate::object::generator::Generator>>,
    pub asyncgens_shutdown_called: bool,
    /// The signals `add_signal_handler` holds a handler for (unix_events.py's
    /// `_signal_handlers`; no signal ever arrives in a simulated run).
    pub signal_handlers: Vec<i64>,
    /// Debug mode (`_debug`, `slow_callback_duration`, origin tracking).
    pub debug: super::debug::LoopDebug,
    /// `_exception_handler` (None: the default one).
    pub exception_handler: Option<Value>,
    /// The loopback network's selector, once a socket is made (`selector_events.rs`).
    pub io_poller: Option<Value>,
    /// The descriptors the loop holds while open (its epoll and self-pipe in
    /// CPython), so sockets are numbered as in CPython's process.
    pub descriptors: Vec<i64>,
}

/// A new handle for `callback`, put in loop `loop_id`'s ready queue, or on its timer
/// heap when it has a time, and how the trace describes it; in debug mode it keeps
/// `traced` frames of where it was made.
fn add_handle(
    vm: &mut Vm,
    loop_id: u32,
    callback: Callback,
    when: Option<f64>,
    traced: usize,
) -> (Rc<Handle>, trace::Callback) {
    // One look-up of asyncio's state for the id, the loop's debug mode and the queue
    // (a handle is made for every callback), but in debug mode.
    let mut st = vm.states.get::<AsyncState>();
    st.next_handle_id += 1;
    let id = st.next_handle_id;
    let debug = st.loops[loop_id as usize].debug.on;
    let described = callback.describe(&mut vm.recorder);
    let source_traceback = if debug {
        let traceback = super::debug::handle_traceback(vm, loop_id, traced);
        st = vm.states.get::<AsyncState>();
        traceback
    } else {
        None
    };
    let handle = Rc::new(Handle {
        id,
        callback: std::cell::RefCell::new(Some(callback)),
        cancelled: std::cell::Cell::new(false),
        when: when.unwrap_or(0.0),
        scheduled: std::cell::Cell::new(when.is_some()),
        is_timer: when.is_some(),
        source_traceback,
        cancelled_repr: std::cell::RefCell::new(None),
    });
    let lp = &mut st.loops[loop_id as usize];
    match when {
        Some(_) => heapq::push(&mut lp.scheduled, handle.clone()),
        None => lp.ready.push_back(handle.clone()),
    }
    (handle, described)
}

/// `loop.call_soon(callback)`: append to the ready deque.
pub fn call_soon(vm: &mut Vm, loop_id: u32, callback: Callback) -> Rc<Handle> {
    let (h, callback) = add_handle(vm, loop_id, callback, None, HANDLE_TRACED);
    let line = vm.current_line();
    vm.recorder.record(
        vm.now,
        line,
        EventKind::HandleScheduled {
            handle: h.id,
            callback,
        },
    );
    h
}

/// `loop.call_at(when, callback)`: push on the timer heap.
pub fn call_at(vm: &mut Vm, loop_id: u32, when: f64, callback: Callback) -> Rc<Handle> {
    schedule_timer(vm, loop_id, when, callback, HANDLE_TRACED)
}

/// `call_at`, the handle keeping `traced` frames in debug mode.
fn schedule_timer(
    vm: &mut Vm,
    loop_id: u32,
    when: f64,
    callback: Callback,
    traced: usize,
) -> Rc<Handle> {
    let (h, callback) = add_handle(vm, loop_id, callback, Some(when), traced);
    let line = vm.current_line();
    vm.recorder.record(
        vm.now,
        line,
        EventKind::TimerScheduled {
            handle: h.id,
            when: trace::Seconds::new(when),
            callback,
        },
    );
    h
}

/// `Handle.cancel()` / `TimerHandle.cancel()`.
pub fn cancel_handle(vm: &mut Vm, h: &Rc<Handle>) {
    if h.cancelled.get() {
        return;
    }
    h.cancelled.set(true);
    let st = aio(vm);
    let loop_id = st.running_loop.or(st.current_loop);
    if let Some(l) = loop_id.filter(|_| h.is_timer && h.scheduled.get()) {
        st.loops[l as usize].timer_cancelled_count += 1;
    }
    if loop_id.is_some_and(|l| st.loops[l as usize].debug.on) {
        // Debug mode keeps the repr, callback and arguments included.
        let handle = Value::Native(Rc::new(AsyncObject::Handle(h.clone())));
        let shown = crate::repr::repr(vm, &handle).unwrap_or_default();
        *h.cancelled_repr.borrow_mut() = Some(shown);
    }
    // CPython drops the callback and its arguments.
    let had_callback = h.callback.borrow_mut().take().is_some();
    let line = vm.current_line();
    if h.is_timer && h.scheduled.get() {
        vm.recorder
            .record(vm.now, line, EventKind::TimerCancelled { handle: h.id });
    } else if !h.is_timer && had_callback {
        vm.recorder
            .record(vm.now, line, EventKind::HandleCancelled { handle: h.id });
    }
}

/// `loop.close()` (BaseEventLoop.close): drop what is still scheduled.
pub fn close(vm: &mut Vm, loop_id: u32) {
    if aio(vm).loops[loop_id as usize].closed {
        return;
    }
    if super::debug::is_on(vm, loop_id) {
        let shown = super::reprs::repr_loop(vm, loop_id);
        crate::reports::log_loop_closing(vm, &shown);
    }
    let descriptors = std::mem::take(&mut aio(vm).loops[loop_id as usize].descriptors);
    crate::modules::file_descriptors::close_all(vm, descriptors);
    let lp = &mut aio(vm).loops[loop_id as usize];
    lp.closed = true;
    let ready = std::mem::take(&mut lp.ready);
    lp.scheduled.clear();
    // The trace follows the running loop: not a second loop closed while it runs.
    if aio(vm).running_loop.unwrap_or(loop_id) == loop_id {
        vm.recorder.record(vm.now, 0, EventKind::LoopClosed);
    }
    // `self._ready.clear()`: a task that was only waiting for its turn dies
    // here ("Task was destroyed but it is pending!"), then its coroutine,
    // never awaited, in base_events.py.
    use crate::object::warnings::has_pending;
    let site = (
        stdlib_path!("asyncio/base_events.py"),
        678,
        "self._ready.clear()",
    );
    vm.states.get::<LibrarySite>().0 = Some(site);
    drop(ready);
    while has_pending() && vm.halted.is_none() {
        vm.report_notices();
    }
    vm.states.get::<LibrarySite>().0 = None;
    // Its errors are the executor's, reported by the threads themselves.
    let _ = super::threads::close_default_executor(vm, loop_id);
}

/// `loop.stop()`.
pub fn stop(vm: &mut Vm) {
    let st = aio(vm);
    if let Some(l) = st.running_loop {
        st.loops[l as usize].stopping = true;
    }
}

/// `_run_until_complete_cb(fut)`: stop the loop, unless the future failed with
/// SystemExit or KeyboardInterrupt, which already stopped it. Reading the
/// exception marks it retrieved: a task that ended the program that way is
/// never logged as "Task exception was never retrieved".
pub(super) fn run_until_complete_done(vm: &mut Vm, future: Option<&Rc<AsyncObject>>) {
    if let Some(fut) = future.filter(|f| f.as_future().is_some_and(|f| f.finished())) {
        if let Ok(Value::Exception(e)) = super::futures::exception(fut) {
            if super::stops_the_program(&e) {
                return;
            }
        }
    }
    stop(vm);
}

/// `min(max(0, delay), MAXIMUM_SELECT_TIMEOUT)` with Python's `max` and `min`, which keep
/// their first argument when the comparison is false: a NaN delay waits 0 seconds.
fn select_timeout(delay: f64) -> f64 {
    let at_least_zero = if delay > 0.0 { delay } else { 0.0 };
    if MAXIMUM_SELECT_TIMEOUT < at_least_zero {
        MAXIMUM_SELECT_TIMEOUT
    } else {
        at_least_zero
    }
}

/// One iteration of the loop (`_run_once`). Returns Err to halt the program
/// (deadlock, limits), else whether the loop is to stop (`stopping`, or an
/// exception escaping it).
pub fn run_once(vm: &mut Vm, loop_id: u32) -> Result<bool, Stop> {
    let li = loop_id as usize;
    // One borrow of asyncio's state (a look-up is a checked downcast) lasts through the
    // iteration but for the callbacks, and the network's selector and the thread
    // scheduler (Python) when they run; through `vm.states`, it leaves the recorder and
    // the clock (other fields of the VM) usable alongside.
    let threads_started = super::thread_switch::threads(vm).started();
    let mut st = vm.states.get::<AsyncState>();
    let lp = &mut st.loops[li];
    // Purge cancelled timers.
    let sched_count = lp.scheduled.len();
    let mut purged = 0u32;
    if sched_count > MIN_SCHEDULED_TIMER_HANDLES
        && lp.timer_cancelled_count as f64 / sched_count as f64
            > MIN_CANCELLED_TIMER_HANDLES_FRACTION
    {
        let mut new_scheduled = Vec::with_capacity(sched_count);
        for h in lp.scheduled.drain(..) {
            if h.cancelled.get() {
                h.scheduled.set(false);
                purged += 1;
            } else {
                new_scheduled.push(h);
            }
        }
        heapq::heapify(&mut new_scheduled);
        lp.scheduled = new_scheduled;
        lp.timer_cancelled_count = 0;
    } else {
        while lp.scheduled.first().is_some_and(|h| h.cancelled.get()) {
            lp.timer_cancelled_count = lp.timer_cancelled_count.saturating_sub(1);
            if let Some(h) = heapq::pop(&mut lp.scheduled) {
                h.scheduled.set(false);
            }
            purged += 1;
        }
    }
    if purged > 0 {
        vm.recorder
            .record(vm.now, 0, EventKind::TimersPurged { count: purged });
    }

    // The sockets ready now are what the selector would return at once (none without
    // the loopback network's selector).
    let (io_ready, threads_started) = if st.loops[li].io_poller.is_some() {
        let io_ready = super::selector_events::select(vm, loop_id);
        let threads_started = super::thread_switch::threads(vm).started();
        st = vm.states.get::<AsyncState>();
        (io_ready, threads_started)
    } else {
        (Vec::new(), threads_started)
    };
    let lp = &st.loops[li];
    let timeout = if !lp.ready.is_empty() || lp.stopping || !io_ready.is_empty() {
        Some(0.0)
    } else {
        lp.scheduled
            .first()
            .map(|h| select_timeout(h.when - vm.now))
    };
    if threads_started {
        // Other threads may run, and move the clock, while the selector waits.
        super::thread_switch::select(vm, loop_id, timeout)?;
        st = vm.states.get::<AsyncState>();
    } else {
        let Some(timeout) = timeout else {
            return Err(Stop::new(Halt::Deadlock, tasks::deadlock_report(vm)));
        };
        // The virtual selector: waiting `timeout` seconds is adding it.
        if timeout > 0.0 {
            vm.now += timeout;
            vm.recorder.record(
                vm.now,
                0,
                EventKind::ClockAdvanced {
                    to: trace::Seconds::new(vm.now),
                },
            );
        }
    }
    if vm.now > vm.limits.time_horizon {
        return Err(Stop::new(
            Halt::TimeLimit,
            format!(
                "virtual time limit reached: the program ran past {} virtual seconds",
                float_repr(vm.limits.time_horizon)
            ),
        ));
    }

    if !io_ready.is_empty() {
        super::selector_events::process_events(vm, loop_id, io_ready);
        st = vm.states.get::<AsyncState>();
    }
    let end_time = vm.now + CLOCK_RESOLUTION;
    let lp = &mut st.loops[li];
    loop {
        match lp.scheduled.first() {
            // `if handle._when >= end_time: break`: a NaN deadline is due at once.
            Some(h)
                if !matches!(
                    h.when.partial_cmp(&end_time),
                    Some(Ordering::Greater | Ordering::Equal)
                ) => {}
            _ => break,
        }
        let Some(h) = heapq::pop(&mut lp.scheduled) else {
            break;
        };
        h.scheduled.set(false);
        let id = h.id;
        lp.ready.push_back(h.handle);
        vm.recorder
            .record(vm.now, 0, EventKind::TimerFired { handle: id });
    }

    let ntodo = lp.ready.len();
    for _ in 0..ntodo {
        // asyncio's state is looked up again after anything that may run Python.
        let Some(handle) = st.loops[li].ready.pop_front() else {
            break;
        };
        if handle.cancelled.get() {
            vm.recorder
                .record(vm.now, 0, EventKind::HandleSkipped { handle: handle.id });
            continue;
        }
        // `_current_handle`: what an exception in the callback names.
        st.current_handle = Some(handle.clone());
        let debug = st.loops[li].debug.on;
        vm.recorder
            .record(vm.now, 0, EventKind::HandleRun { handle: handle.id });
        let cb = handle.callback.borrow_mut().take();
        vm.instructions_at_yield = vm.instructions;
        let t0 = vm.now;
        let slow_check = match &cb {
            Some(cb) if debug => Some(super::debug::SlowCheck::new(cb)),
            _ => None,
        };
        if let Some(cb) = cb {
            // run_until_complete, run_forever, _run_once, Handle._run and
            // Context.run are on CPython's stack while a callback runs.
            vm.library_depth += LIBRARY_FRAMES_PER_CALLBACK;
            cb.run(vm);
            vm.library_depth -= LIBRARY_FRAMES_PER_CALLBACK;
        }
        st = vm.states.get::<AsyncState>();
        if st.escaping.is_some() {
            // The handles still in the ready queue stay there for the next run.
            st.current_handle = None;
            return Ok(true);
        }
        match slow_check {
            Some(check) => {
                check.after(vm, loop_id, &handle, vm.now - t0);
                st = vm.states.get::<AsyncState>();
                st.current_handle = None;
            }
            None => st.current_handle = None,
        }
        if let Some(stop) = &vm.halted {
            return Err(stop.clone());
        }
        // `vm.report_progress()`, by the fields it uses, so that the borrow of
        // asyncio's state lasts.
        vm.progress
            .tick(vm.recorder.trace(), vm.instructions, vm.now);
        if vm.memory.bytes() > vm.limits.memory_stop_bytes() {
            return Err(Stop::new(Halt::MemoryLimit, vm.memory_stop_message()));
        }
        if vm.recorder.len() > vm.limits.max_events {
            return Err(Stop::new(
                Halt::EventLimit,
                format!(
                    "event limit reached: the program produced more than {} loop events",
                    vm.limits.max_events
                ),
            ));
        }
        if crate::object::warnings::has_pending() {
            // What died as the callback ended (a finished task's coroutine and
            // its locals) dies in `Handle._run`'s frame, the innermost Python
            // frame CPython has there.
            let site = (
                stdlib_path!("asyncio/events.py"),
                80,
                "self._context.run(self._callback, *self._args)",
            );
            vm.states.get::<LibrarySite>().0 = Some(site);
            vm.report_notices();
            vm.states.get::<LibrarySite>().0 = None;
            st = vm.states.get::<AsyncState>();
        }
    }
    Ok(st.loops[li].stopping || st.escaping.is_some())
}

/// `_check_running()`: neither this loop nor another may be running.
fn check_running(vm: &mut Vm, loop_id: u32) -> PyResult<()> {
    if aio(vm).loops[loop_id as usize].running {
        return Err(runtime_error("This event loop is already running"));
    }
    if aio(vm).running_loop.is_some() {
        return Err(runtime_error(
            "Cannot run the event loop while another loop is running",
        ));
    }
    Ok(())
}

/// `loop.run_forever()`.
/// `via_run_until_complete`: `run_until_complete` called it (its frame is
/// on CPython's stack).
pub fn run_forever(
    vm: &mut Vm,
    loop_id: u32,
    via_run_until_complete: bool,
) -> PyResult<Result<(), Stop>> {
    let li = loop_id as usize;
    if aio(vm).loops[li].closed {
        return Err(runtime_error("Event loop is closed"));
    }
    check_running(vm, loop_id)?;
    let st = aio(vm);
    st.loops[li].running = true;
    st.running_loop = Some(loop_id);
    let outer_floor = std::mem::replace(&mut vm.loop_floor, vm.frames.len());
    let hooks = super::asyncgens::hooks(vm, loop_id);
    let outer_hooks = std::mem::replace(&mut vm.asyncgen_hooks, hooks);
    let outer_frames = super::debug::enter_loop(vm, loop_id, via_run_until_complete);
    vm.recorder.record(vm.now, 0, EventKind::LoopStarted);
    let mut outcome = Ok(());
    loop {
        match run_once(vm, loop_id) {
            Ok(false) => {}
            Ok(true) => break,
            Err(msg) => {
                outcome = Err(msg);
                break;
            }
        }
    }
    let st = aio(vm);
    st.loops[li].stopping = false;
    st.loops[li].running = false;
    st.running_loop = None;
    vm.loop_floor = outer_floor;
    vm.asyncgen_hooks = outer_hooks;
    super::debug::leave_loop(vm, loop_id, outer_frames);
    vm.recorder.record(vm.now, 0, EventKind::LoopStopped);
    match aio(vm).escaping.take() {
        Some(e) => Err(e),
        None => Ok(outcome),
    }
}

/// `call_exception_handler({'message': message, 'exception': e})` for an
/// exception the loop caught (`exception_handler.rs`).
pub fn report_exception(vm: &mut Vm, message: &str, e: &ExcRef) {
    let context = vec![
        ("message", Value::str(message)),
        ("exception", Value::Exception(e.clone())),
    ];
    super::exception_handler::report(vm, context, true);
}

/// [`trace_repr`] of `v`, interned; None, bools and ints without writing their text
/// again each time (a future's result is None a million times over).
pub fn intern_trace_repr(vm: &mut Vm, v: &Value) -> trace::StrId {
    match v {
        Value::None => trace::packed::NONE,
        Value::Bool(true) => vm.recorder.intern("True"),
        Value::Bool(false) => vm.recorder.intern("False"),
        Value::Int(n) => vm.recorder.intern_int(*n),
        other => {
            let text = trace_repr(other);
            vm.recorder.intern(&text)
        }
    }
}

/// A one-line repr of a value for the trace.
pub fn trace_repr(v: &Value) -> String {
    let s = repr_value(v);
    if s.chars().count() > 80 {
        let cut: String = s.chars().take(77).collect();
        format!("{cut}...")
    } else {
        s
    }
}

// ----- the methods of loop objects -----

/// A method of a loop object.
pub(super) fn method(name: &str) -> Option<(&'static str, NativeFn)> {
    match name {
        "run_until_complete" => Some(("run_until_complete", l_run_until_complete)),
        "run_forever" => Some(("run_forever", l_run_forever)),
        "create_task" => Some(("create_task", l_create_task)),
        "create_future" => Some(("create_future", l_create_future)),
        "call_soon" => Some(("call_soon", l_call_soon)),
        "call_later" => Some(("call_later", l_call_later)),
        "call_at" => Some(("call_at", l_call_at)),
        "time" => Some(("time", l_time)),
        "close" => Some(("close", l_close)),
        "is_closed" => Some(("is_closed", l_is_closed)),
        "is_running" => Some(("is_running", l_is_running)),
        "stop" => Some(("stop", l_stop)),
        "get_debug" => Some(("get_debug", super::debug::l_get_debug)),
        "run_in_executor" => Some(("run_in_executor", super::threads::run_in_executor)),
        "set_debug" => Some(("set_debug", super::debug::l_set_debug)),
        "call_soon_threadsafe" => Some(("call_soon_threadsafe", l_call_soon_threadsafe)),
        "shutdown_asyncgens" => Some(("shutdown_asyncgens", l_shutdown_asyncgens)),
        "add_signal_handler" => Some(("add_signal_handler", unix_events::add_signal_handler)),
        "remove_signal_handler" => {
            Some(("remove_signal_handler", unix_events::remove_signal_handler))
        }
        "shutdown_default_executor" => Some((
            "shutdown_default_executor",
            super::threads::shutdown_default_executor,
        )),
        "set_default_executor" => {
            Some(("set_default_executor", super::threads::set_default_executor))
        }
        _ => super::exception_handler::method(name),
    }
}

/// `self._check_closed()`.
pub(super) fn check_closed(vm: &mut Vm, l: u32) -> PyResult<()> {
    if aio(vm).loops[l as usize].closed {
        return Err(runtime_error("Event loop is closed"));
    }
    Ok(())
}

pub(super) fn loop_of(r: &Value) -> PyResult<u32> {
    match &*receiver_obj(r)? {
        AsyncObject::Loop(id) => Ok(*id),
        _ => Err(type_error("not a loop")),
    }
}

fn l_run_until_complete(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let l = loop_of(r)?;
    let f = arg(&a, 0, "future").unwrap_or(Value::None);
    if aio(vm).loops[l as usize].closed {
        return super::holding(Err(runtime_error("Event loop is closed")), || vec![f]);
    }
    // Checked before the coroutine becomes a task: refused, it is never awaited.
    if let Err(e) = check_running(vm, l) {
        return super::holding(Err(e), || vec![f]);
    }
    let fut = super::ensure_future_on(vm, l, &f)?;
    let new_task = as_future(&f).is_none();
    if new_task {
        // A task of its own, which the caller cannot reach: never logged
        // as destroyed pending.
        super::tasks::quiet_destroy_pending(&fut);
    }
    let outcome = run_until_complete(vm, l, &fut);
    if outcome.is_err() && new_task {
        // "The coroutine raised a BaseException. Consume the exception to
        // not log a warning, the caller doesn't have access to the local task."
        if fut.as_future().is_some_and(|f| f.finished()) {
            let _ = futures::exception(&fut);
        }
    }
    // The frame keeps `future` (so a failed task and its exception hold
    // each other until the cycle collector runs).
    super::holding(outcome, || vec![f, Value::Native(fut.clone())])
}

/// `loop.run_forever()`: runs until `loop.stop()`.
fn l_run_forever(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let l = loop_of(r)?;
    if aio(vm).loops[l as usize].closed {
        return Err(runtime_error("Event loop is closed"));
    }
    let outcome = run_forever(vm, l, false);
    if let Err(msg) = outcome? {
        vm.halted = Some(msg);
        return Err(exc_empty(TypeId::SystemExit));
    }
    Ok(Value::None)
}

/// `loop.create_task(coro, *, name=None, context=None)`: a `context` given
/// (a `contextvars.Context`) is the task's own, not a copy.
pub(super) fn l_create_task(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let held = a.pos.to_vec();
    super::holding(create_task_on(vm, r, a), || held)
}

fn create_task_on(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let l = loop_of(r)?;
    if aio(vm).loops[l as usize].closed {
        return Err(runtime_error("Event loop is closed"));
    }
    let name = name_arg(vm, &a)?;
    let coro = arg(&a, 0, "coro").unwrap_or(Value::None);
    let context = given_context(vm, &a)?;
    match super::task_coroutine(&coro) {
        Some(g) => Ok(Value::Native(tasks::create_task_in(
            vm, l, g, name, context,
        ))),
        None => Err(type_error(format!(
            "a coroutine was expected, got {}",
            crate::repr::repr_value(&coro)
        ))),
    }
}

fn l_create_future(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let l = loop_of(r)?;
    Ok(Value::Native(futures::new_future_on(
        vm,
        l,
        "loop.create_future()",
    )))
}

/// The variables of the `context=` keyword argument (a
/// `contextvars.Context`), when one other than None is given.
pub(super) fn given_context(vm: &mut Vm, a: &Args) -> PyResult<Option<Context>> {
    match a.kw.iter().find(|(k, _)| &**k == "context") {
        Some((_, Value::None)) | None => Ok(None),
        Some((_, ctx)) => match crate::attrs::get_attr(vm, ctx, "_vars")? {
            Value::Dict(vars) => Ok(Some(vars)),
            _ => Err(type_error("context must be a contextvars.Context")),
        },
    }
}

/// A Python callback's context: the `context=` given, else a copy of the
/// current one (`Handle.__init__`, `Future.add_done_callback`).
pub(super) fn callback_context(vm: &mut Vm, a: &Args) -> PyResult<Option<Context>> {
    match given_context(vm, a)? {
        Some(vars) => Ok(Some(vars)),
        None => Ok(crate::modules::contextvars::copy_for_callback(vm)),
    }
}

/// The callback at `a.pos[skip]` with the arguments after it, checked as
/// debug mode checks it for `method`.
fn callback_of(vm: &mut Vm, l: u32, a: &Args, skip: usize, method: &str) -> PyResult<Callback> {
    let func = a
        .pos
        .get(skip)
        .cloned()
        .ok_or_else(|| type_error("a callback is required"))?;
    super::debug::check_callback(vm, l, &func, method)?;
    Ok(Callback::Python {
        func,
        args: a.pos.iter().skip(skip + 1).cloned().collect(),
        context: callback_context(vm, a)?,
    })
}

fn l_call_soon(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let l = loop_of(r)?;
    let callback = callback_of(vm, l, &a, 0, "call_soon")?;
    let h = call_soon(vm, l, callback);
    Ok(Value::Native(super::gc_edges::new(AsyncObject::Handle(h))))
}

/// `loop.call_soon_threadsafe(callback, *args)`: `call_soon`, then the byte
/// on the self-pipe that wakes the selector if another thread calls it while
/// the loop waits (`thread_switch::wake_loop`).
fn l_call_soon_threadsafe(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let l = loop_of(r)?;
    let callback = callback_of(vm, l, &a, 0, "call_soon_threadsafe")?;
    let h = call_soon(vm, l, callback);
    super::thread_switch::wake_loop(vm, l)?;
    Ok(Value::Native(super::gc_edges::new(AsyncObject::Handle(h))))
}

fn l_call_later(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let l = loop_of(r)?;
    let delay = match a.pos.first() {
        Some(Value::None) | None => return Err(type_error("delay must not be None")),
        Some(d) => to_float(d)?,
    };
    let when = vm.now + delay;
    let callback = callback_of(vm, l, &a, 1, "call_at")?;
    let h = schedule_timer(vm, l, when, callback, HANDLE_TRACED - 1);
    Ok(Value::Native(super::gc_edges::new(AsyncObject::Handle(h))))
}

fn l_call_at(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let l = loop_of(r)?;
    let when = match a.pos.first() {
        Some(Value::None) | None => return Err(type_error("when cannot be None")),
        Some(d) => to_float(d)?,
    };
    let callback = callback_of(vm, l, &a, 1, "call_at")?;
    let h = call_at(vm, l, when, callback);
    Ok(Value::Native(super::gc_edges::new(AsyncObject::Handle(h))))
}

fn l_time(vm: &mut Vm, _r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Float(vm.now))
}

fn l_close(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let l = loop_of(r)? as usize;
    if aio(vm).loops[l].running {
        return Err(runtime_error("Cannot close a running event loop"));
    }
    close(vm, l as u32);
    Ok(Value::None)
}

fn l_is_closed(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Bool(aio(vm).loops[loop_of(r)? as usize].closed))
}

fn l_is_running(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Bool(aio(vm).loops[loop_of(r)? as usize].running))
}

/// `await loop.shutdown_asyncgens()`: close the async generators left.
fn l_shutdown_asyncgens(_: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let body = NativeCoro::ShutdownAsyncgens(super::asyncgens::Shutdown::new(loop_of(r)?));
    Ok(Value::Generator(native_coro::coroutine(
        "shutdown_asyncgens",
        "BaseEventLoop.shutdown_asyncgens",
        body,
    )))
}

fn l_stop(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    aio(vm).loops[loop_of(r)? as usize].stopping = true;
    Ok(Value::None)
}
