//! `asyncio.TaskGroup`, ported from CPython 3.11.7's taskgroups.py.
//!
//! `__aexit__` is a state machine over its `while self._tasks:` loop of
//! `await self._on_completed_fut`; `_on_task_done` is the
//! [`Callback::TaskGroupTaskDone`] every child task carries.
//!
//! `_tasks` is a set in CPython, iterated (by `_abort`) in an order that
//! depends on object addresses; here it keeps the order the tasks were
//! created in.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::exceptions::{exception_group, runtime_error, type_error};
use crate::object::types::{TypeId, TypeRef};
use crate::object::value::{Args, ExcRef, NativeFn, PyResult, Value};
use crate::vm::{GenOutcome, Resume, Vm};

use super::api::bind;
use super::callbacks::Callback;
use super::events::running_loop as get_running_loop;
use super::futures::await_future;
use super::futures::is_done;
use super::locks::awaited;
use super::native_coro::NativeCoro;
use super::objects::{as_async, AsyncObject, FutState};
use super::timeouts::with_self;
use super::{aio, futures, tasks};

/// A `TaskGroup`'s attributes.
#[derive(Default)]
pub struct TaskGroupState {
    pub entered: bool,
    pub exiting: bool,
    pub aborting: bool,
    pub loop_id: Option<u32>,
    pub parent_task: Option<Rc<AsyncObject>>,
    pub parent_cancel_requested: bool,
    pub tasks: Vec<Rc<AsyncObject>>,
    pub errors: Vec<ExcRef>,
    pub base_error: Option<ExcRef>,
    pub on_completed_fut: Option<Rc<AsyncObject>>,
}

/// `TaskGroup()`.
pub fn new_task_group() -> Rc<AsyncObject> {
    super::gc_edges::new(AsyncObject::TaskGroup(RefCell::new(
        TaskGroupState::default(),
    )))
}

fn state(group: &AsyncObject) -> &RefCell<TaskGroupState> {
    match group {
        AsyncObject::TaskGroup(g) => g,
        _ => unreachable!("not a TaskGroup"),
    }
}

/// `TaskGroup.__repr__()`: `<TaskGroup tasks=2 errors=1 cancelling>`.
pub fn repr(group: &AsyncObject) -> String {
    let st = state(group).borrow();
    let mut info = vec![String::new()];
    if !st.tasks.is_empty() {
        info.push(format!("tasks={}", st.tasks.len()));
    }
    if !st.errors.is_empty() {
        info.push(format!("errors={}", st.errors.len()));
    }
    if st.aborting {
        info.push("cancelling".to_string());
    } else if st.entered {
        info.push("entered".to_string());
    }
    format!("<TaskGroup{}>", info.join(" "))
}

/// `_abort()`.
fn abort(vm: &mut Vm, group: &Rc<AsyncObject>) {
    let tasks = {
        let mut st = state(group).borrow_mut();
        st.aborting = true;
        st.tasks.clone()
    };
    for t in tasks {
        if !is_done(&t) {
            tasks::cancel_from_callback(vm, &t, Value::None);
        }
    }
}

/// `_on_task_done(task)`.
pub fn on_task_done(vm: &mut Vm, group: &Rc<AsyncObject>, done: &Rc<AsyncObject>) {
    let completed = {
        let mut st = state(group).borrow_mut();
        st.tasks.retain(|t| !Rc::ptr_eq(t, done));
        st.on_completed_fut.clone().filter(|_| st.tasks.is_empty())
    };
    if let Some(fut) = completed.filter(|f| !is_done(f)) {
        futures::set_result(vm, &fut, Value::Bool(true));
    }
    if done
        .as_future()
        .is_some_and(|f| f.state.get() == FutState::Cancelled)
    {
        return;
    }
    let Ok(Value::Exception(exc)) = futures::exception(done) else {
        return;
    };
    let (parent, aborting, parent_cancel_requested) = {
        let mut st = state(group).borrow_mut();
        st.errors.push(exc.clone());
        if super::stops_the_program(&exc) && st.base_error.is_none() {
            st.base_error = Some(exc.clone());
        }
        (
            st.parent_task.clone().expect("entered"),
            st.aborting,
            st.parent_cancel_requested,
        )
    };
    if is_done(&parent) {
        // Not sure if this case is possible, but we want to handle it anyways.
        let message = format!(
            "Task {} has errored out but its parent task {} is already completed",
            super::repr_async(done),
            super::repr_async(&parent),
        );
        let context = vec![
            ("message", Value::str(&message)),
            ("exception", Value::Exception(exc)),
            ("task", Value::Native(done.clone())),
        ];
        super::exception_handler::report(vm, context, true);
        return;
    }
    if !aborting && !parent_cancel_requested {
        // The parent task is not being cancelled: cancel it to abort
        // whatever it runs in the group's body, and mark it "not cancelled"
        // again in __aexit__.
        abort(vm, group);
        state(group).borrow_mut().parent_cancel_requested = true;
        tasks::cancel_from_callback(vm, &parent, Value::None);
    }
}

/// `TaskGroup.create_task(coro, *, name=None, context=None)`: when it
/// fails, its frame in the traceback holds `coro`.
fn create_task(vm: &mut Vm, r: &Value, args: Args) -> PyResult<Value> {
    let held = args.pos.to_vec();
    super::holding(add_task(vm, r, args), || held)
}

fn add_task(vm: &mut Vm, r: &Value, args: Args) -> PyResult<Value> {
    let group = receiver(r);
    let params = ["self", "coro"];
    let mut a = bind(
        "TaskGroup.create_task",
        with_self(r, args),
        &params,
        &["name", "context"],
        2,
    )?
    .into_iter()
    .skip(1);
    let coro = a.next().flatten().unwrap_or(Value::None);
    let name = a.next().flatten().filter(|n| !n.is_none());
    let (entered, exiting, no_tasks, aborting, loop_id) = {
        let st = state(&group).borrow();
        (
            st.entered,
            st.exiting,
            st.tasks.is_empty(),
            st.aborting,
            st.loop_id,
        )
    };
    if !entered {
        return Err(runtime_error(format!(
            "TaskGroup {} has not been entered",
            repr(&group)
        )));
    }
    if exiting && no_tasks {
        return Err(runtime_error(format!(
            "TaskGroup {} is finished",
            repr(&group)
        )));
    }
    if aborting {
        return Err(runtime_error(format!(
            "TaskGroup {} is shutting down",
            repr(&group)
        )));
    }
    let loop_id = loop_id.expect("entered");
    // self._loop.create_task(coro)
    if aio(vm).loops[loop_id as usize].closed {
        return Err(runtime_error("Event loop is closed"));
    }
    let g = match super::task_coroutine(&coro) {
        Some(g) => g,
        None => {
            return Err(type_error(format!(
                "a coroutine was expected, got {}",
                crate::repr::repr(vm, &coro)?
            )))
        }
    };
    // tasks._set_task_name(task, name): the C Task takes a number from the
    // name counter either way, so naming it at creation is the same.
    let name = match name {
        Some(n) => Some(crate::repr::str_of(vm, &n)?),
        None => None,
    };
    let t = tasks::create_task(vm, loop_id, g, name);
    // `task = self._loop.create_task(coro)` in `TaskGroup.create_task`.
    super::debug::add_site(
        &t,
        super::debug::site("taskgroups.py", 161, "create_task"),
        false,
    );
    futures::add_done_callback(
        vm,
        &t,
        Callback::TaskGroupTaskDone {
            group: group.clone(),
            task: None,
        },
    );
    state(&group).borrow_mut().tasks.push(t.clone());
    Ok(Value::Native(t))
}

/// `__aenter__` (finishes at once) and `__aexit__`.
pub enum TaskGroupCoro {
    Enter(Rc<AsyncObject>),
    Exit(GroupExit),
}

/// The state of `__aexit__(et, exc, tb)`.
pub struct GroupExit {
    group: Rc<AsyncObject>,
    et: Value,
    exc: Option<ExcRef>,
    started: bool,
    /// `propagate_cancellation_error`.
    propagate: Option<ExcRef>,
    /// The `_on_completed_fut` being awaited.
    waiting: Option<Rc<AsyncObject>>,
}

impl TaskGroupCoro {
    /// What it holds, for the cycle collector (`gc_edges`).
    pub fn traverse(&self, refs: &mut crate::object::gc::Referents) {
        match self {
            TaskGroupCoro::Enter(group) => refs.object(group),
            TaskGroupCoro::Exit(exit) => {
                refs.object(&exit.group);
                refs.value(&exit.et);
                let errors = exit.exc.iter().chain(&exit.propagate);
                errors.for_each(|e| refs.object(e));
                exit.waiting.iter().for_each(|w| refs.object(w));
            }
        }
    }

    /// `await self._on_completed_fut` in taskgroups.py's `__aexit__`.
    pub fn suspended_line(&self) -> Option<u32> {
        match self {
            TaskGroupCoro::Exit(x) => x.waiting.as_ref().map(|_| 110),
            TaskGroupCoro::Enter(_) => None,
        }
    }

    pub fn step(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome {
        match self {
            TaskGroupCoro::Enter(group) => {
                if let Resume::Throw(e) = input {
                    return GenOutcome::Raised(e);
                }
                match aenter(vm, group) {
                    Ok(v) => GenOutcome::Returned(v),
                    Err(e) => GenOutcome::Raised(e),
                }
            }
            TaskGroupCoro::Exit(x) => x.step(vm, input),
        }
    }
}

/// `TaskGroup.__aenter__()`.
fn aenter(vm: &mut Vm, group: &Rc<AsyncObject>) -> PyResult<Value> {
    if state(group).borrow().entered {
        return Err(runtime_error(format!(
            "TaskGroup {} has already been entered",
            repr(group)
        )));
    }
    if state(group).borrow().loop_id.is_none() {
        let l = get_running_loop(vm)?;
        state(group).borrow_mut().loop_id = Some(l);
    }
    // tasks.current_task(self._loop)
    let Some(parent) = aio(vm).current_task.clone() else {
        return Err(runtime_error(format!(
            "TaskGroup {} cannot determine the parent task",
            repr(group)
        )));
    };
    let mut st = state(group).borrow_mut();
    st.parent_task = Some(parent);
    st.entered = true;
    Ok(Value::Native(group.clone()))
}

impl GroupExit {
    fn et_is_cancelled_error(&self) -> bool {
        matches!(
            self.et,
            Value::Type(TypeRef::Builtin(TypeId::CancelledError))
        )
    }

    fn step(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome {
        let mut resumed = if self.started {
            Some(input)
        } else {
            if let Resume::Throw(e) = input {
                return GenOutcome::Raised(e);
            }
            self.started = true;
            self.begin(vm);
            None
        };
        loop {
            if let Some(input) = resumed.take() {
                let fut = self.waiting.take().expect("awaiting _on_completed_fut");
                match awaited(&fut, input) {
                    Err(e) if e.is(TypeId::CancelledError) => {
                        if !state(&self.group).borrow().aborting {
                            // Our parent task is being cancelled while the
                            // children still run.
                            self.propagate = Some(e);
                            abort(vm, &self.group);
                        }
                    }
                    Err(e) => return GenOutcome::Raised(e),
                    Ok(_) => {}
                }
                state(&self.group).borrow_mut().on_completed_fut = None;
            }
            if state(&self.group).borrow().tasks.is_empty() {
                return self.finish();
            }
            let fut = state(&self.group).borrow().on_completed_fut.clone();
            let fut = match fut {
                Some(f) => f,
                None => {
                    let f = futures::new_future(vm, "TaskGroup.__aexit__");
                    state(&self.group).borrow_mut().on_completed_fut = Some(f.clone());
                    let tasks = state(&self.group).borrow().tasks.clone();
                    for task in &tasks {
                        futures::record_link(vm, &f, task);
                    }
                    f
                }
            };
            self.waiting = Some(fut.clone());
            match await_future(&fut) {
                None => return GenOutcome::Yielded(Value::Native(fut)),
                Some(r) => {
                    resumed = Some(match r {
                        Ok(v) => Resume::Value(v),
                        Err(e) => Resume::Throw(e),
                    })
                }
            }
        }
    }

    /// `__aexit__` up to its `while self._tasks:` loop.
    fn begin(&mut self, vm: &mut Vm) {
        let parent_cancel_requested = {
            let mut st = state(&self.group).borrow_mut();
            st.exiting = true;
            if let Some(e) = &self.exc {
                if super::stops_the_program(e) && st.base_error.is_none() {
                    st.base_error = Some(e.clone());
                }
            }
            st.parent_cancel_requested
        };
        if self.et_is_cancelled_error() {
            self.propagate = self.exc.clone();
        }
        if parent_cancel_requested {
            // If this flag is set we *must* call uncancel().
            let parent = state(&self.group).borrow().parent_task.clone();
            let remaining = parent.as_ref().and_then(tasks::task_part).map(|t| {
                let n = t.num_cancels_requested.get().saturating_sub(1);
                t.num_cancels_requested.set(n);
                n
            });
            if remaining == Some(0) {
                // No pending cancellations left: don't propagate CancelledError.
                self.propagate = None;
            }
        }
        if !self.et.is_none() && !state(&self.group).borrow().aborting {
            // The parent task is being cancelled, or the body raised.
            abort(vm, &self.group);
        }
    }

    /// `__aexit__` after its loop: raise what has to be raised.
    fn finish(&mut self) -> GenOutcome {
        let mut st = state(&self.group).borrow_mut();
        if let Some(e) = &st.base_error {
            return GenOutcome::Raised(e.clone());
        }
        // Propagate CancelledError if there is one, except if there are
        // other errors -- those have priority.
        if let Some(e) = self.propagate.take().filter(|_| st.errors.is_empty()) {
            return GenOutcome::Raised(e);
        }
        if !self.et.is_none() && !self.et_is_cancelled_error() {
            if let Some(e) = &self.exc {
                st.errors.push(e.clone());
            }
        }
        if !st.errors.is_empty() {
            let errors = std::mem::take(&mut st.errors);
            let me = exception_group("unhandled errors in a TaskGroup", errors);
            // raise me from None
            *me.context.borrow_mut() = self.exc.clone();
            me.suppress_context.set(true);
            return GenOutcome::Raised(me);
        }
        GenOutcome::Returned(Value::None)
    }
}

// ----- methods -----

fn receiver(r: &Value) -> Rc<AsyncObject> {
    match as_async(r) {
        Some(o) => o,
        _ => unreachable!("TaskGroup methods are bound to a TaskGroup"),
    }
}

fn m_aenter(_vm: &mut Vm, r: &Value, args: Args) -> PyResult<Value> {
    bind(
        "TaskGroup.__aenter__",
        with_self(r, args),
        &["self"],
        &[],
        1,
    )?;
    Ok(Value::Generator(super::native_coro::coroutine(
        "__aenter__",
        "TaskGroup.__aenter__",
        NativeCoro::TaskGroup(TaskGroupCoro::Enter(receiver(r))),
    )))
}

fn m_aexit(_vm: &mut Vm, r: &Value, args: Args) -> PyResult<Value> {
    let params = ["self", "et", "exc", "tb"];
    let mut a = bind("TaskGroup.__aexit__", with_self(r, args), &params, &[], 4)?
        .into_iter()
        .skip(1);
    let et = a.next().flatten().unwrap_or(Value::None);
    let exc = match a.next().flatten() {
        Some(Value::Exception(e)) => Some(e),
        _ => None,
    };
    Ok(Value::Generator(super::native_coro::coroutine(
        "__aexit__",
        "TaskGroup.__aexit__",
        NativeCoro::TaskGroup(TaskGroupCoro::Exit(GroupExit {
            group: receiver(r),
            et,
            exc,
            started: false,
            propagate: None,
            waiting: None,
        })),
    )))
}

/// A `TaskGroup` method by name.
pub fn method(name: &str) -> Option<(&'static str, NativeFn)> {
    Some(match name {
        "create_task" => ("create_task", create_task),
        "__aenter__" => ("__aenter__", m_aenter),
        "__aexit__" => ("__aexit__", m_aexit),
        _ => return None,
    })
}

/// `asyncio.TaskGroup()`.
pub fn construct(args: Args) -> PyResult<Value> {
    bind(
        "TaskGroup.__init__",
        with_self(&Value::None, args),
        &["self"],
        &[],
        1,
    )?;
    Ok(Value::Native(new_task_group()))
}
