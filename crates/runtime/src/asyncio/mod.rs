//! The `asyncio` module: CPython 3.11's event loop, futures and tasks,
//! ported algorithm by algorithm and run in virtual time.
//!
//! Layout: a file that ports one CPython module has its name: `base_events`
//! (the loop; its timer heap is `heapq`), `events` (getting and setting the
//! loop, handles), `futures`, `tasks`, `coroutines`, `locks`, `queues`,
//! `timeouts`, `taskgroups`, `runners`; `exception_handler` holds
//! base_events.py's exception-handler methods. Where CPython's Python can
//! run as it is, it does: `python/locks.py` (Barrier) and
//! `python/runners.py` (`asyncio.run`, `Runner`) are the Python halves of
//! their submodules, over the natives here. tasks.py's bigger
//! functions have a file each: `gather`, `wait_for`, `wait`, `as_completed`,
//! `shield` (`waiting` holds what they share). Beside them: `objects` (the
//! native objects), `gc_edges` (what the cycle collector sees of them), `callbacks` (what the loop can schedule), `native_coro`
//! (asyncio's own coroutines as state machines), `awaitable` (`await`'s
//! protocol), `asyncgens` (the async generator hooks), `reprs` (CPython's
//! reprs of them all), `api` (the module object, and the `construct` and
//! `getattr` slots), `submodules` (`asyncio.tasks` and the others),
//! `subclassing` (classes programs derive from the queues and locks).

pub mod api;
pub mod as_completed;
pub mod asyncgens;
pub mod awaitable;
pub mod base_events;
pub mod base_tasks;
pub mod callbacks;
pub mod coroutines;
pub mod debug;
pub mod events;
pub mod exception_handler;
pub mod futures;
pub mod gather;
pub mod gc_edges;
pub mod heapq;
pub mod locks;
pub mod native_coro;
pub mod objects;
pub mod queues;
pub mod reprs;
pub mod runners;
pub mod selector_events;
pub mod shield;
pub mod subclassing;
pub mod submodules;
pub mod taskgroups;
pub mod tasks;
pub mod thread_switch;
pub mod threads;
pub mod timeouts;
pub mod unix_events;
pub mod wait;
pub mod wait_for;
pub mod waiting;

use std::rc::{Rc, Weak};

use crate::object::exceptions::type_error;
use crate::object::generator::Generator;
use crate::object::state::ModuleSource;
use crate::object::types::TypeId;
use crate::object::value::{ExcRef, PyResult, Value};
use crate::vm::Vm;

pub use reprs::repr_async;

use base_events::LoopState;
use objects::{as_future, AsyncObject};

/// Register the `asyncio` module, and the behaviour of asyncio's types
/// (installed at once: a program using top-level `await` runs on the loop
/// without importing asyncio).
pub fn install(vm: &mut Vm) {
    vm.registry
        .register("asyncio", ModuleSource::Native(api::make_module));
    vm.registry
        .register("_thread", ModuleSource::Native(thread_switch::make));
    for t in [
        TypeId::Future,
        TypeId::Task,
        TypeId::Queue,
        TypeId::PriorityQueue,
        TypeId::LifoQueue,
        TypeId::Lock,
        TypeId::Event,
        TypeId::Condition,
        TypeId::Semaphore,
        TypeId::BoundedSemaphore,
        TypeId::TaskGroup,
        TypeId::Timeout,
        TypeId::EventLoop,
        TypeId::Handle,
        TypeId::TimerHandle,
    ] {
        let slots = vm.slots.get_mut(t);
        slots.getattr = Some(api::get_attr);
        slots.construct = Some(api::construct);
        slots.special = &[("__repr__", reprs::repr_slot)];
    }
    // Programs derive their own queues and locks from these (subclassing.rs).
    for t in [TypeId::Queue, TypeId::PriorityQueue, TypeId::LifoQueue] {
        let slots = vm.slots.get_mut(t);
        slots.special = &[
            ("__init__", subclassing::init_slot),
            ("__repr__", reprs::repr_slot),
            ("__str__", reprs::str_slot),
        ];
        slots.payload_subclass = true;
    }
    for t in [
        TypeId::Lock,
        TypeId::Event,
        TypeId::Condition,
        TypeId::Semaphore,
        TypeId::BoundedSemaphore,
    ] {
        let slots = vm.slots.get_mut(t);
        slots.special = &[
            ("__init__", subclassing::init_slot),
            ("__repr__", reprs::repr_slot),
        ];
        slots.payload_subclass = true;
    }
    vm.slots.get_mut(TypeId::EventLoop).setattr = Some(debug::set_loop_attr);
    for t in [TypeId::Future, TypeId::Task] {
        vm.slots.get_mut(t).await_step = Some(awaitable::await_step);
    }
    vm.states
        .get::<crate::object::warnings::NeverRetrievedRoute>()
        .0 = Some(exception_handler::never_retrieved);
    vm.states
        .get::<crate::object::warnings::DestroyedPendingRoute>()
        .0 = Some(exception_handler::destroyed_pending);
    coroutines::register_coroutine_builtins(vm);
}

/// Every piece of asyncio's global state, owned by the VM.
#[derive(Default)]
pub struct AsyncState {
    pub loops: Vec<LoopState>,
    /// The program-visible object of each loop, by id.
    pub loop_objects: Vec<Rc<AsyncObject>>,
    /// `set_event_loop` was called (asyncio.run calls it).
    pub set_event_loop_called: bool,
    /// `events._get_running_loop()`.
    pub running_loop: Option<u32>,
    /// The loop set by `set_event_loop` (what `get_event_loop` returns).
    pub current_loop: Option<u32>,
    /// `_current_handle`: the handle whose callback runs now.
    pub current_handle: Option<Rc<objects::Handle>>,
    /// `tasks.current_task()` of the running loop.
    pub current_task: Option<Rc<AsyncObject>>,
    /// `tasks._all_tasks` (a WeakSet in CPython), in creation order.
    pub all_tasks: Vec<Weak<AsyncObject>>,
    /// The length of `all_tasks` at which its dead tasks are next dropped and the
    /// live ones counted against [`crate::Limits::max_live_tasks`].
    pub prune_tasks_at: usize,
    /// `_task_name_counter`.
    pub task_name_counter: u64,
    pub next_future_id: u32,
    pub next_task_id: u32,
    pub next_handle_id: u32,
    pub next_primitive_id: u32,
    /// The SystemExit or KeyboardInterrupt a callback raised, on its way out
    /// of `run_forever`: `Handle._run` and `Task.__step` re-raise these two,
    /// so the loop stops at once and they reach whoever runs the loop.
    pub escaping: Option<ExcRef>,
    /// The network halves of each asyncio package made, until they run.
    pub deferred_halves: Vec<submodules::DeferredHalves>,
}

/// SystemExit or KeyboardInterrupt: the two exceptions asyncio lets through
/// (`Handle._run`, `Task.__step`, the exception handlers, `TaskGroup`'s
/// `_is_base_error`) instead of logging or storing them.
pub fn stops_the_program(e: &ExcRef) -> bool {
    e.is(TypeId::SystemExit) || e.is(TypeId::KeyboardInterrupt)
}

/// asyncio's state in the VM.
#[inline]
pub fn aio(vm: &mut Vm) -> &mut AsyncState {
    vm.states.get::<AsyncState>()
}

/// `result`, its exception (if it failed) keeping `held` alive as the frame
/// of the Python function CPython runs there would (`library_frames`).
pub(super) fn holding<T>(result: PyResult<T>, held: impl FnOnce() -> Vec<Value>) -> PyResult<T> {
    if let Err(e) = &result {
        e.keep_library_frame(held());
    }
    result
}

/// `coroutines.iscoroutine(v)`: see [`task_coroutine`].
pub fn is_task_coroutine(v: &Value) -> bool {
    matches!(v, Value::Generator(g) if !g.is_async_gen()) || crate::vm::agen_awaitable(v).is_some()
}

/// What a Task can run (`coroutines.iscoroutine`): a coroutine, a generator, or an
/// async generator's `asend`/`athrow`/`aclose` awaitable (which CPython's
/// `collections.abc.Coroutine` accepts), run by a coroutine of asyncio's
/// named as `_format_coroutine` shows objects without a `__name__`.
pub fn task_coroutine(v: &Value) -> Option<Rc<Generator>> {
    match v {
        // coroutines.py's `_COROUTINE_TYPES` holds `types.GeneratorType`: a
        // generator (`types.coroutine` or not) runs as a task's coroutine.
        Value::Generator(g) if !g.is_async_gen() => Some(g.clone()),
        _ => {
            let aw = crate::vm::agen_awaitable(v)?;
            let name = if aw.is_send() {
                "<async_generator_asend without __name__>"
            } else {
                "<async_generator_athrow without __name__>"
            };
            Some(native_coro::coroutine(
                name,
                name,
                native_coro::NativeCoro::AgenAwaitable(aw),
            ))
        }
    }
}

/// `tasks.ensure_future(arg)`: coroutines become tasks, futures pass, and
/// other awaitables are awaited by a `_wrap_awaitable` coroutine.
pub fn ensure_future(vm: &mut Vm, loop_id: u32, arg: &Value) -> PyResult<Rc<AsyncObject>> {
    if let Some(fut) = as_future(arg) {
        return Ok(fut);
    }
    // `return loop.create_task(coro_or_future)` in `_ensure_future`.
    let site = || debug::site("tasks.py", 680, "_ensure_future");
    if let Some(coro) = task_coroutine(arg) {
        let task = tasks::create_task(vm, loop_id, coro, None);
        debug::add_site(&task, site(), false);
        vm.unless_halted()?;
        return Ok(task);
    }
    if is_awaitable(vm, arg) {
        let helper = vm.import("_loopscope")?;
        let wrap = crate::attrs::get_attr(vm, &helper, "_wrap_awaitable")?;
        if let Value::Generator(coro) = vm.call1(&wrap, arg.clone())? {
            let task = tasks::create_task(vm, loop_id, coro, None);
            debug::add_site(&task, site(), false);
            return Ok(task);
        }
    }
    Err(type_error(
        "An asyncio.Future, a coroutine or an awaitable is required",
    ))
}

/// `ensure_future(arg, loop=loop)`, which also refuses a future of another
/// loop (`wait_for`, `as_completed`, `run_until_complete`).
pub fn ensure_future_on(vm: &mut Vm, loop_id: u32, arg: &Value) -> PyResult<Rc<AsyncObject>> {
    if let Some(fut) = as_future(arg) {
        if fut.as_future().is_some_and(|f| f.loop_id != loop_id) {
            return Err(crate::object::exceptions::value_error(
                "The future belongs to a different loop than the one specified as the loop argument",
            ));
        }
    }
    ensure_future(vm, loop_id, arg)
}

/// `inspect.isawaitable(v)` for what is not a future or a coroutine.
fn is_awaitable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Native(o) => vm.slots.inherited(o.class_id(), |s| s.await_iter).is_some(),
        _ => {
            crate::dunders::is_class_instance(v)
                && crate::object::types::type_of(v)
                    .lookup_override("__await__")
                    .is_some()
        }
    }
}

/// What a suspended task is waiting on, for messages.
pub fn describe_awaitable(obj: &Rc<AsyncObject>) -> String {
    match obj.as_future() {
        Some(f) => match &f.task {
            Some(t) => format!("task {}", t.name.borrow()),
            None => f.label.to_string(),
        },
        None => repr_async(obj),
    }
}
