//! The asyncio objects a program can hold: futures and tasks, loop handles,
//! the loop itself. Field names follow CPython's private attributes
//! (`_state`, `_callbacks`, `_fut_waiter`, `_must_cancel`...) so that the
//! port of each algorithm reads like the original.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::object::generator::Generator;
use crate::object::native::{downcast, NativeObject};
use crate::object::pystr::PyStr;
use crate::object::stack_summary::StackSummary;
use crate::object::types::TypeId;
use crate::object::value::{ExcRef, Value};
use crate::object::warnings::{self, Notice};

use super::callbacks::Callback;
use super::locks::{ConditionState, EventState, LockState, SemaphoreState};
use super::queues::{QueueKind, QueueState};
use super::taskgroups::TaskGroupState;
use super::timeouts::TimeoutState;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FutState {
    Pending,
    Cancelled,
    Finished,
}

/// A future's done-callbacks (`_callbacks`): the first one is held inline, as the C
/// Future's `fut_callback0` is, so that a future awaited by one task (a sleep's, a
/// queue waiter's) allocates no list.
pub type DoneCallbacks = smallvec::SmallVec<[Callback; 1]>;

/// What only a Task has on top of a Future.
pub struct TaskPart {
    pub id: u32,
    pub coro: Rc<Generator>,
    pub name: RefCell<Rc<PyStr>>,
    pub fut_waiter: RefCell<Option<Rc<AsyncObject>>>,
    pub must_cancel: Cell<bool>,
    /// The line the task will resume at (where its innermost coroutine stopped).
    pub resume_line: Cell<u32>,
    /// Its await chain there, interned (the `stack` of `task_resumed`).
    pub resume_stack: Cell<crate::trace::StrId>,
    pub num_cancels_requested: Cell<u32>,
    /// `_log_destroy_pending`: report "Task was destroyed but it is
    /// pending!" if it dies unfinished (not for the tasks asyncio made
    /// itself for `run_until_complete` and `gather`).
    pub log_destroy_pending: Cell<bool>,
    /// `_context`: the variables of the context copied at creation, which
    /// each step runs in.
    pub context: Rc<RefCell<crate::object::dict::Dict>>,
}

/// A Future or a Task (`task` is set).
pub struct FutureObj {
    pub id: u32,
    /// What the future stands for (`sleep`, `Queue.get`...), for messages: asyncio's
    /// own names, shared by every future (a million sleeps allocate no label).
    pub label: &'static str,
    /// `_loop`: the loop it belongs to (its callbacks run there; a task
    /// awaiting it must run there too).
    pub loop_id: u32,
    pub state: Cell<FutState>,
    pub result: RefCell<Value>,
    pub exception: RefCell<Option<ExcRef>>,
    /// `_exception_tb`: the traceback when the exception was set.
    pub exception_tb: RefCell<Option<Vec<crate::object::exceptions::TracebackEntry>>>,
    pub callbacks: RefCell<DoneCallbacks>,
    pub cancel_message: RefCell<Value>,
    pub cancelled_exc: RefCell<Option<ExcRef>>,
    /// `__log_traceback`: an exception was set and nobody looked at it.
    pub log_traceback: Cell<bool>,
    /// `_asyncio_future_blocking`.
    pub blocking: Cell<bool>,
    /// `_GatheringFuture._cancel_requested`.
    pub cancel_requested: Cell<bool>,
    /// For a `_GatheringFuture`: its children (cancel() cancels them).
    pub children: RefCell<Vec<Rc<AsyncObject>>>,
    pub is_gathering: Cell<bool>,
    pub task: Option<Box<TaskPart>>,
    /// Set when the object dies, for the "never retrieved" report.
    pub describe_on_drop: RefCell<Option<Box<str>>>,
    /// `_source_traceback`: where it was made, in debug mode (read it with
    /// [`FutureObj::source_traceback`]).
    pub source_traceback: Cell<Option<StackSummary>>,
    /// Its place among the collector's youngest (`gc::Slot`): a future per sleep.
    pub young_slot: crate::object::gc::Slot,
}

/// A scheduled callback: in the ready queue or the timer heap.
pub struct Handle {
    pub id: u32,
    pub callback: RefCell<Option<Callback>>,
    pub cancelled: Cell<bool>,
    pub when: f64,
    /// `_scheduled`: still in the timer heap.
    pub scheduled: Cell<bool>,
    pub is_timer: bool,
    /// `_source_traceback`: where it was made, in debug mode.
    pub source_traceback: Option<StackSummary>,
    /// `_repr`: its repr when it was cancelled in debug mode, callback included.
    pub cancelled_repr: RefCell<Option<String>>,
}

pub enum AsyncObject {
    Future(FutureObj),
    Handle(Rc<Handle>),
    Loop(u32),
    Queue(RefCell<QueueState>),
    Lock(RefCell<LockState>),
    Event(RefCell<EventState>),
    Semaphore(RefCell<SemaphoreState>),
    Condition(RefCell<ConditionState>),
    Timeout(RefCell<TimeoutState>),
    TaskGroup(RefCell<TaskGroupState>),
}

impl AsyncObject {
    pub fn type_id(&self) -> TypeId {
        match self {
            AsyncObject::Future(f) => {
                if f.task.is_some() {
                    TypeId::Task
                } else {
                    TypeId::Future
                }
            }
            AsyncObject::Handle(h) => {
                if h.is_timer {
                    TypeId::TimerHandle
                } else {
                    TypeId::Handle
                }
            }
            AsyncObject::Loop(_) => TypeId::EventLoop,
            AsyncObject::Queue(q) => match q.borrow().kind {
                QueueKind::Fifo => TypeId::Queue,
                QueueKind::Lifo => TypeId::LifoQueue,
                QueueKind::Priority => TypeId::PriorityQueue,
            },
            AsyncObject::Lock(_) => TypeId::Lock,
            AsyncObject::Event(_) => TypeId::Event,
            AsyncObject::Semaphore(s) => {
                if s.borrow().bound.is_some() {
                    TypeId::BoundedSemaphore
                } else {
                    TypeId::Semaphore
                }
            }
            AsyncObject::Condition(_) => TypeId::Condition,
            AsyncObject::Timeout(_) => TypeId::Timeout,
            AsyncObject::TaskGroup(_) => TypeId::TaskGroup,
        }
    }

    pub fn as_future(&self) -> Option<&FutureObj> {
        match self {
            AsyncObject::Future(f) => Some(f),
            _ => None,
        }
    }
}

/// Weak references to asyncio's objects call their callbacks; the collector counts
/// one container less (all but the few made for a report or a loop's own object are
/// registered, `gc_edges::new`; the count never goes below zero).
impl Drop for AsyncObject {
    fn drop(&mut self) {
        let key = self as *const AsyncObject as usize;
        crate::object::weakrefs::referent_dropped(key);
        match self.as_future() {
            Some(f) => crate::object::gc::died_at(&f.young_slot, key),
            None => crate::object::gc::container_died(),
        }
    }
}

impl NativeObject for AsyncObject {
    fn class_id(&self) -> TypeId {
        self.type_id()
    }

    fn repr(&self) -> String {
        super::repr_async(self)
    }

    fn traverse(&self, refs: &mut crate::object::gc::Referents) -> bool {
        super::gc_edges::traverse(self, refs)
    }

    fn finalize(self: Rc<Self>) {
        super::gc_edges::finalize(self);
    }

    fn clear(&self, taken: &mut Vec<Box<dyn std::any::Any>>) {
        super::gc_edges::clear(self, taken);
    }

    fn young_slot(&self) -> Option<&crate::object::gc::Slot> {
        self.as_future().map(|f| &f.young_slot)
    }
}

/// The asyncio object behind a value, if it is one: the value itself, or what an
/// instance of a class deriving from a queue or a lock holds.
pub fn as_async(v: &Value) -> Option<Rc<AsyncObject>> {
    downcast::<AsyncObject>(crate::object::instance::payload(v))
}

/// The future (or task) behind a value, if it is one.
pub fn as_future(v: &Value) -> Option<Rc<AsyncObject>> {
    as_async(v).filter(|o| o.as_future().is_some())
}

impl FutureObj {
    pub fn new(
        id: u32,
        label: &'static str,
        loop_id: u32,
        task: Option<Box<TaskPart>>,
    ) -> FutureObj {
        FutureObj {
            id,
            label,
            loop_id,
            state: Cell::new(FutState::Pending),
            result: RefCell::new(Value::None),
            exception: RefCell::new(None),
            exception_tb: RefCell::new(None),
            callbacks: RefCell::new(DoneCallbacks::new()),
            cancel_message: RefCell::new(Value::None),
            cancelled_exc: RefCell::new(None),
            log_traceback: Cell::new(false),
            blocking: Cell::new(false),
            cancel_requested: Cell::new(false),
            children: RefCell::new(Vec::new()),
            is_gathering: Cell::new(false),
            task,
            describe_on_drop: RefCell::new(None),
            source_traceback: Cell::new(None),
            young_slot: Default::default(),
        }
    }

    /// `_source_traceback`.
    pub fn source_traceback(&self) -> Option<StackSummary> {
        let traceback = self.source_traceback.take();
        self.source_traceback.set(traceback.clone());
        traceback
    }

    pub fn done(&self) -> bool {
        self.state.get() != FutState::Pending
    }

    /// Done and not cancelled: it holds a result or an exception.
    pub fn finished(&self) -> bool {
        self.state.get() == FutState::Finished
    }
}

impl Drop for FutureObj {
    fn drop(&mut self) {
        let pending_task = self.state.get() == FutState::Pending
            && self
                .task
                .as_ref()
                .is_some_and(|tp| tp.log_destroy_pending.replace(false));
        if pending_task {
            // `Task.__del__`: brought back to life for the report, as
            // above; its coroutine dies after it.
            let ghost = std::mem::replace(
                self,
                FutureObj::new(self.id, self.label, self.loop_id, None),
            );
            let task = Value::Native(Rc::new(AsyncObject::Future(ghost)));
            warnings::push(Notice::TaskDestroyedPending(task));
            return;
        }
        if self.log_traceback.replace(false) {
            let exc = self.exception.borrow().clone();
            let describe = self.describe_on_drop.borrow_mut().take().map(String::from);
            if let (Some(exc), Some(describe)) = (exc, describe) {
                // Brought back to life for the report, as `__del__` does;
                // it reports only once.
                let ghost = std::mem::replace(
                    self,
                    FutureObj::new(self.id, self.label, self.loop_id, None),
                );
                let future = Value::Native(Rc::new(AsyncObject::Future(ghost)));
                warnings::push(Notice::ExceptionNeverRetrieved {
                    describe,
                    exc,
                    future,
                });
            }
        }
        // What it holds is freed through the object layer's trashcan: a future
        // whose result or done callback is the previous future, a million long,
        // frees without deep native recursion. Most futures hold nothing by now (a
        // sleep's: a None result, its callbacks scheduled): those skip it.
        let holds_nothing = matches!(self.result.get_mut(), Value::None)
            && self.callbacks.get_mut().is_empty()
            && self.exception.get_mut().is_none()
            && self.children.get_mut().is_empty()
            && self
                .task
                .as_ref()
                .is_none_or(|t| t.fut_waiter.borrow().is_none());
        if holds_nothing {
            return;
        }
        let held = (
            std::mem::replace(self.result.get_mut(), Value::None),
            std::mem::take(self.callbacks.get_mut()),
            self.exception.get_mut().take(),
            std::mem::take(self.children.get_mut()),
            self.task
                .as_ref()
                .and_then(|t| t.fut_waiter.borrow_mut().take()),
        );
        crate::object::teardown::free(held);
    }
}
