//! Queue, LifoQueue and PriorityQueue, ported from CPython 3.11's
//! queues.py: getters and putters park on futures, `_wakeup_next` wakes the
//! first one not already done, `join` waits on the `_finished` event. The
//! items live natively, unless a derived class keeps them itself through
//! queues.py's overridable `_init`/`_put`/`_get` (then they live in the
//! instance's `_queue`, and the queue calls those methods as CPython does).

use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use crate::object::exceptions::{exc, exc_empty, type_error, value_error};
use crate::object::instance::Instance;
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, NativeFn, PyResult, Value};
use crate::trace::{EventKind, Item};
use crate::vm::{GenOutcome, Resume, Vm};

use super::api::{arg, bind_init, receiver_obj};
use super::base_events::trace_repr;
use super::futures;
use super::futures::{is_cancelled, is_done};
use super::locks::{self, awaited, join_line, park, remove_waiter};
use super::native_coro::NativeCoro;
use super::objects::AsyncObject;
use super::subclassing;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum QueueKind {
    Fifo,
    Lifo,
    Priority,
}

pub struct QueueState {
    pub id: u32,
    pub kind: QueueKind,
    pub maxsize: i64,
    /// FIFO: front is next; LIFO: back is next; Priority: a heapq heap.
    pub items: VecDeque<Value>,
    pub getters: VecDeque<Rc<AsyncObject>>,
    pub putters: VecDeque<Rc<AsyncObject>>,
    pub unfinished_tasks: i64,
    pub finished: Rc<AsyncObject>,
    /// The instance of a derived class that keeps the items itself (its class
    /// overrides `_init`, `_put` or `_get`); `items` then stays empty.
    pub keeper: Option<Weak<Instance>>,
    /// For such a queue, the items as the trace shows them (put, then got in
    /// the queue's order): what the class keeps may differ (merged, changed),
    /// and the trace's sizes and gets follow its own puts.
    pub traced: VecDeque<Result<i64, String>>,
}

/// The instance keeping `q`'s items (see `QueueState::keeper`), if any.
pub fn keeper(q: &AsyncObject) -> Option<Value> {
    let weak = state(q).borrow().keeper.clone()?;
    weak.upgrade().map(Value::Instance)
}

/// `qsize()`: `len(self._queue)`.
pub fn qsize(vm: &mut Vm, q: &AsyncObject) -> PyResult<usize> {
    match keeper(q) {
        Some(owner) => {
            let storage = crate::attrs::get_attr(vm, &owner, "_queue")?;
            crate::ops::len(vm, &storage)
        }
        None => Ok(state(q).borrow().items.len()),
    }
}

/// `empty()`: `not self._queue`.
pub fn is_empty(vm: &mut Vm, q: &AsyncObject) -> PyResult<bool> {
    match keeper(q) {
        Some(owner) => {
            let storage = crate::attrs::get_attr(vm, &owner, "_queue")?;
            Ok(!crate::ops::truthy(vm, &storage)?)
        }
        None => Ok(state(q).borrow().items.is_empty()),
    }
}

/// `full()`: a bounded queue holding `maxsize` items or more.
pub fn is_full(vm: &mut Vm, q: &AsyncObject) -> PyResult<bool> {
    let maxsize = state(q).borrow().maxsize;
    Ok(maxsize > 0 && qsize(vm, q)? as i64 >= maxsize)
}

/// What `Queue._format` shows as `_queue=[...]` of a queue whose items a derived
/// class keeps: `list(self._queue)` when `getattr(self, '_queue', None)` is true
/// (empty otherwise); `None` for a queue keeping its items natively.
pub fn kept_items(vm: &mut Vm, q: &AsyncObject) -> PyResult<Option<Vec<Value>>> {
    let Some(owner) = keeper(q) else {
        return Ok(None);
    };
    let storage = match crate::attrs::get_attr(vm, &owner, "_queue") {
        Err(e) if e.is(TypeId::AttributeError) => return Ok(Some(Vec::new())),
        other => other?,
    };
    if !crate::ops::truthy(vm, &storage)? {
        return Ok(Some(Vec::new()));
    }
    crate::iterators::collect(vm, &storage).map(Some)
}

/// `Queue.__init__` of an instance whose class keeps the items itself: the
/// queue becomes kept by `instance`, and `self._init(maxsize)` runs (the
/// class's own, or queues.py's).
pub fn keep_items_in(vm: &mut Vm, q: &AsyncObject, instance: &Rc<Instance>) -> PyResult<()> {
    let maxsize = {
        let mut st = state(q).borrow_mut();
        st.keeper = Some(Rc::downgrade(instance));
        st.items.clear();
        st.maxsize
    };
    let owner = Value::Instance(instance.clone());
    let init = crate::attrs::get_attr(vm, &owner, "_init")?;
    vm.call(&init, Args::new(vec![Value::Int(maxsize)]))?;
    Ok(())
}

pub fn new_queue(vm: &mut Vm, kind: QueueKind, maxsize: i64) -> Rc<AsyncObject> {
    let finished = locks::new_event(vm);
    locks::event_set(vm, &finished);
    let name = match kind {
        QueueKind::Fifo => "Queue",
        QueueKind::Lifo => "LifoQueue",
        QueueKind::Priority => "PriorityQueue",
    };
    let id = locks::new_primitive_id(vm, name, maxsize);
    super::gc_edges::new(AsyncObject::Queue(RefCell::new(QueueState {
        id,
        kind,
        maxsize,
        items: VecDeque::new(),
        getters: VecDeque::new(),
        putters: VecDeque::new(),
        unfinished_tasks: 0,
        finished,
        keeper: None,
        traced: VecDeque::new(),
    })))
}

/// The private attributes tutorials print (`q._queue`, `q._getters`, ...):
/// copies of what queues.py's attributes hold, a `collections.deque` where
/// it keeps one (a LifoQueue's and a PriorityQueue's `_queue` is a list).
pub(super) fn private_attr(vm: &mut Vm, q: &AsyncObject, name: &str) -> PyResult<Option<Value>> {
    let st = state(q);
    let (items, as_deque): (Vec<Value>, bool) = match name {
        "_queue" => {
            let st = st.borrow();
            (
                st.items.iter().cloned().collect(),
                st.kind == QueueKind::Fifo,
            )
        }
        "_getters" | "_putters" => {
            let st = st.borrow();
            let waiters = if name == "_getters" {
                &st.getters
            } else {
                &st.putters
            };
            (
                waiters.iter().map(|f| Value::Native(f.clone())).collect(),
                true,
            )
        }
        "_finished" => return Ok(Some(Value::Native(st.borrow().finished.clone()))),
        _ => return Ok(None),
    };
    if !as_deque {
        return Ok(Some(Value::list(items)));
    }
    let collections = vm.import("collections")?;
    let deque = crate::attrs::get_attr(vm, &collections, "deque")?;
    vm.call(&deque, Args::new(vec![Value::list(items)]))
        .map(Some)
}

pub fn state(obj: &AsyncObject) -> &RefCell<QueueState> {
    match obj {
        AsyncObject::Queue(q) => q,
        _ => unreachable!("not a queue"),
    }
}

/// `_wakeup_next(waiters)`: wake the first waiter that is not done.
fn wakeup_next(vm: &mut Vm, q: &Rc<AsyncObject>, putters: bool) {
    loop {
        let (id, next) = {
            let mut s = state(q).borrow_mut();
            let id = s.id;
            let w = if putters {
                s.putters.pop_front()
            } else {
                s.getters.pop_front()
            };
            (id, w)
        };
        let Some(waiter) = next else { return };
        if !is_done(&waiter) {
            let fid = waiter.as_future().map(|f| f.id).unwrap_or(0);
            let line = vm.current_line();
            vm.recorder.record(
                vm.now,
                line,
                EventKind::WaiterWoken {
                    primitive: id,
                    future: fid,
                },
            );
            futures::set_result(vm, &waiter, Value::None);
            return;
        }
    }
}

/// Python `<` for the priority heap.
fn less(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    Ok(crate::ops::order_or_error(vm, a, b, "<")? == Ordering::Less)
}

/// heapq's `_siftdown`: move the item at `pos` up towards `startpos`.
fn sift_down(
    vm: &mut Vm,
    heap: &mut VecDeque<Value>,
    startpos: usize,
    mut pos: usize,
) -> PyResult<()> {
    let newitem = heap[pos].clone();
    while pos > startpos {
        let parent = (pos - 1) >> 1;
        if !less(vm, &newitem, &heap[parent])? {
            break;
        }
        heap[pos] = heap[parent].clone();
        pos = parent;
    }
    heap[pos] = newitem;
    Ok(())
}

/// `heapq.heappush`.
fn heap_push(vm: &mut Vm, heap: &mut VecDeque<Value>, item: Value) -> PyResult<()> {
    heap.push_back(item);
    let last = heap.len() - 1;
    sift_down(vm, heap, 0, last)
}

/// `heapq.heappop`: `_siftup` from the root, then `_siftdown`.
fn heap_pop(vm: &mut Vm, heap: &mut VecDeque<Value>) -> PyResult<Option<Value>> {
    let Some(last) = heap.pop_back() else {
        return Ok(None);
    };
    if heap.is_empty() {
        return Ok(Some(last));
    }
    let first = std::mem::replace(&mut heap[0], last);
    let endpos = heap.len();
    let newitem = heap[0].clone();
    let mut pos = 0;
    let mut child = 1;
    while child < endpos {
        let right = child + 1;
        if right < endpos && !less(vm, &heap[child], &heap[right])? {
            child = right;
        }
        heap[pos] = heap[child].clone();
        pos = child;
        child = 2 * pos + 1;
    }
    heap[pos] = newitem;
    sift_down(vm, heap, 0, pos)?;
    Ok(Some(first))
}

/// An item's text for the trace, taken before the item moves into the queue: an int
/// keeps its value (the trace carries a small one as a number), any other item its repr
/// at this moment.
fn item_text(item: &Value) -> Result<i64, String> {
    match item {
        Value::Int(n) => Ok(*n),
        other => Err(trace_repr(other)),
    }
}

fn trace_item(vm: &mut Vm, text: Result<i64, String>) -> Item {
    match text {
        Ok(n) => match i32::try_from(n) {
            Ok(int) => Item::Int { int },
            Err(_) => Item::Text(vm.recorder.intern_int(n)),
        },
        Err(repr) => Item::Text(vm.recorder.intern(&repr)),
    }
}

/// `self._put(item)` of a queue keeping its items natively.
fn store_native(vm: &mut Vm, q: &AsyncObject, item: Value) -> PyResult<()> {
    let kind = state(q).borrow().kind;
    let mut items = std::mem::take(&mut state(q).borrow_mut().items);
    let pushed = match kind {
        QueueKind::Priority => heap_push(vm, &mut items, item),
        _ => {
            items.push_back(item);
            Ok(())
        }
    };
    state(q).borrow_mut().items = items;
    pushed
}

/// `self._get()` of a queue keeping its items natively: the IndexError of its
/// deque, list or heap when it is empty.
fn take_native(vm: &mut Vm, q: &AsyncObject) -> PyResult<Value> {
    let kind = state(q).borrow().kind;
    let mut items = std::mem::take(&mut state(q).borrow_mut().items);
    let got = match kind {
        QueueKind::Fifo => Ok(items.pop_front()),
        QueueKind::Lifo => Ok(items.pop_back()),
        QueueKind::Priority => heap_pop(vm, &mut items),
    };
    state(q).borrow_mut().items = items;
    got?.ok_or_else(|| {
        exc(
            TypeId::IndexError,
            match kind {
                QueueKind::Fifo => "pop from an empty deque",
                QueueKind::Lifo => "pop from empty list",
                QueueKind::Priority => "index out of range",
            },
        )
    })
}

/// `owner.name(*args)`: the keeper's `_put`/`_get` (its class's own or queues.py's).
fn call_hook(vm: &mut Vm, owner: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
    let hook = crate::attrs::get_attr(vm, owner, name)?;
    vm.call(&hook, Args::new(args))
}

/// `put_nowait(item)`.
pub fn put_nowait(vm: &mut Vm, q: &Rc<AsyncObject>, item: Value) -> PyResult<()> {
    if is_full(vm, q)? {
        return Err(exc_empty(TypeId::QueueFull));
    }
    let text = item_text(&item);
    let kept = keeper(q);
    match &kept {
        Some(owner) => call_hook(vm, owner, "_put", vec![item]).map(drop)?,
        None => store_native(vm, q, item)?,
    }
    let (id, finished) = {
        let mut s = state(q).borrow_mut();
        s.unfinished_tasks += 1;
        (s.id, s.finished.clone())
    };
    let size = match kept {
        Some(_) => {
            let mut s = state(q).borrow_mut();
            s.traced.push_back(text.clone());
            s.traced.len() as u32
        }
        None => qsize(vm, q)? as u32,
    };
    let item = trace_item(vm, text);
    let line = vm.current_line();
    vm.recorder.record(
        vm.now,
        line,
        EventKind::QueuePut {
            queue: id,
            item,
            size,
        },
    );
    locks::event_clear(vm, &finished);
    wakeup_next(vm, q, false);
    Ok(())
}

/// `get_nowait()`.
pub fn get_nowait(vm: &mut Vm, q: &Rc<AsyncObject>) -> PyResult<Value> {
    if is_empty(vm, q)? {
        return Err(exc_empty(TypeId::QueueEmpty));
    }
    let kept = keeper(q);
    let item = match &kept {
        Some(owner) => call_hook(vm, owner, "_get", vec![])?,
        None => take_native(vm, q)?,
    };
    let id = state(q).borrow().id;
    let (text, size) = match kept {
        Some(_) => traced_get(q, item_text(&item)),
        None => (item_text(&item), qsize(vm, q)? as u32),
    };
    let text = trace_item(vm, text);
    let line = vm.current_line();
    vm.recorder.record(
        vm.now,
        line,
        EventKind::QueueGet {
            queue: id,
            item: text,
            size,
        },
    );
    wakeup_next(vm, q, true);
    Ok(item)
}

/// The item a get takes in the trace of a queue whose items a derived class
/// keeps (the one got, if the trace has shown it put, else the next in the
/// queue's order), and the size the trace then shows.
fn traced_get(q: &AsyncObject, got: Result<i64, String>) -> (Result<i64, String>, u32) {
    let mut s = state(q).borrow_mut();
    let lifo = s.kind == QueueKind::Lifo;
    let found = if lifo {
        s.traced.iter().rposition(|t| *t == got)
    } else {
        s.traced.iter().position(|t| *t == got)
    };
    let next = if lifo {
        s.traced.len().checked_sub(1)
    } else {
        Some(0)
    };
    let shown = found
        .or(next)
        .and_then(|pos| s.traced.remove(pos))
        .unwrap_or(got);
    (shown, s.traced.len() as u32)
}

/// `task_done()`.
pub fn task_done(vm: &mut Vm, q: &Rc<AsyncObject>) -> PyResult<()> {
    let finished = {
        let mut s = state(q).borrow_mut();
        if s.unfinished_tasks <= 0 {
            return Err(value_error("task_done() called too many times"));
        }
        s.unfinished_tasks -= 1;
        (s.unfinished_tasks == 0).then(|| s.finished.clone())
    };
    if let Some(ev) = finished {
        locks::event_set(vm, &ev);
    }
    Ok(())
}

pub enum QueueCoro {
    Put {
        queue: Rc<AsyncObject>,
        /// What `put` was called on: the queue, or an instance of a class derived
        /// from it, whose own `put_nowait` is then called.
        receiver: Value,
        item: Option<Value>,
        waiting: Option<Rc<AsyncObject>>,
    },
    Get {
        queue: Rc<AsyncObject>,
        /// As `Put`'s, for `get_nowait`.
        receiver: Value,
        waiting: Option<Rc<AsyncObject>>,
    },
    Join {
        queue: Rc<AsyncObject>,
        wait: Option<Box<locks::SyncCoro>>,
    },
}

impl QueueCoro {
    /// The line of queues.py this coroutine awaits at.
    pub fn suspended_line(&self) -> Option<u32> {
        match self {
            QueueCoro::Put {
                waiting: Some(_), ..
            } => Some(120),
            QueueCoro::Get {
                waiting: Some(_), ..
            } => Some(158),
            QueueCoro::Join { wait: Some(_), .. } => Some(215),
            _ => None,
        }
    }

    pub fn step(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome {
        match self {
            QueueCoro::Put {
                queue,
                receiver,
                item,
                waiting,
            } => {
                let mut input = Some(input);
                if let Some(putter) = waiting.take() {
                    let r = awaited(&putter, input.take().unwrap_or(Resume::Value(Value::None)));
                    if let Err(e) = r {
                        // except: putter.cancel(); remove it; maybe wake the next.
                        futures::cancel(vm, &putter, Value::None);
                        remove_waiter(&mut state(queue).borrow_mut().putters, &putter);
                        match is_full(vm, queue) {
                            Ok(false) if !is_cancelled(&putter) => wakeup_next(vm, queue, true),
                            Err(full_failed) => return GenOutcome::Raised(full_failed),
                            Ok(_) => {}
                        }
                        return GenOutcome::Raised(e);
                    }
                } else if let Some(Resume::Throw(e)) = input.take() {
                    return GenOutcome::Raised(e);
                }
                let full = match is_full(vm, queue) {
                    Ok(full) => full,
                    Err(e) => return GenOutcome::Raised(e),
                };
                if full {
                    let id = state(queue).borrow().id;
                    let putter = park(vm, id, "Queue.put");
                    return join_line(putter, &mut state(queue).borrow_mut().putters, waiting);
                }
                let item = item.take().unwrap_or(Value::None);
                let put = match subclassing::call_override(
                    vm,
                    receiver,
                    "put_nowait",
                    vec![item.clone()],
                ) {
                    Ok(Some(returned)) => Ok(returned),
                    Ok(None) => put_nowait(vm, queue, item).map(|()| Value::None),
                    Err(e) => Err(e),
                };
                match put {
                    Ok(returned) => GenOutcome::Returned(returned),
                    Err(e) => GenOutcome::Raised(e),
                }
            }
            QueueCoro::Get {
                queue,
                receiver,
                waiting,
            } => {
                let mut input = Some(input);
                if let Some(getter) = waiting.take() {
                    let r = awaited(&getter, input.take().unwrap_or(Resume::Value(Value::None)));
                    if let Err(e) = r {
                        futures::cancel(vm, &getter, Value::None);
                        remove_waiter(&mut state(queue).borrow_mut().getters, &getter);
                        match is_empty(vm, queue) {
                            Ok(false) if !is_cancelled(&getter) => wakeup_next(vm, queue, false),
                            Err(empty_failed) => return GenOutcome::Raised(empty_failed),
                            Ok(_) => {}
                        }
                        return GenOutcome::Raised(e);
                    }
                } else if let Some(Resume::Throw(e)) = input.take() {
                    return GenOutcome::Raised(e);
                }
                let empty = match is_empty(vm, queue) {
                    Ok(empty) => empty,
                    Err(e) => return GenOutcome::Raised(e),
                };
                if empty {
                    let id = state(queue).borrow().id;
                    let getter = park(vm, id, "Queue.get");
                    return join_line(getter, &mut state(queue).borrow_mut().getters, waiting);
                }
                let got = match subclassing::call_override(vm, receiver, "get_nowait", vec![]) {
                    Ok(Some(got)) => Ok(got),
                    Ok(None) => get_nowait(vm, queue),
                    Err(e) => Err(e),
                };
                match got {
                    Ok(v) => GenOutcome::Returned(v),
                    Err(e) => GenOutcome::Raised(e),
                }
            }
            QueueCoro::Join { queue, wait } => {
                if let Some(w) = wait {
                    return w.step(vm, input);
                }
                if let Resume::Throw(e) = input {
                    return GenOutcome::Raised(e);
                }
                if state(queue).borrow().unfinished_tasks > 0 {
                    let event = state(queue).borrow().finished.clone();
                    let mut w = Box::new(locks::SyncCoro::EventWait {
                        event,
                        waiting: None,
                    });
                    let first = w.step(vm, Resume::Value(Value::None));
                    *wait = Some(w);
                    return match first {
                        GenOutcome::Returned(_) => GenOutcome::Returned(Value::None),
                        other => other,
                    };
                }
                GenOutcome::Returned(Value::None)
            }
        }
    }
}

// ----- the constructors and methods of queue objects -----

/// `asyncio.Queue(maxsize=0)`, `LifoQueue(...)`, `PriorityQueue(...)`.
pub(super) fn construct(vm: &mut Vm, t: TypeId, args: Args) -> PyResult<Value> {
    let maxsize = maxsize_arg(args)?;
    let kind = match t {
        TypeId::LifoQueue => QueueKind::Lifo,
        TypeId::PriorityQueue => QueueKind::Priority,
        _ => QueueKind::Fifo,
    };
    Ok(Value::Native(new_queue(vm, kind, maxsize)))
}

/// The `maxsize` of `Queue.__init__(self, maxsize=0)` (LifoQueue and PriorityQueue
/// inherit it).
pub(super) fn maxsize_arg(args: Args) -> PyResult<i64> {
    let maxsize = bind_init("Queue", args, &["maxsize"], 0)?.pop().flatten();
    match maxsize {
        None => Ok(0),
        Some(Value::Int(n)) => Ok(n),
        Some(Value::Bool(b)) => Ok(b as i64),
        Some(other) => Err(type_error(format!(
            "'<=' not supported between instances of '{}' and 'int'",
            type_of(&other).name()
        ))),
    }
}

/// A method of a queue.
pub(super) fn method(name: &str) -> Option<(&'static str, NativeFn)> {
    match name {
        "put" => Some(("put", q_put)),
        "get" => Some(("get", q_get)),
        "join" => Some(("join", q_join)),
        "put_nowait" => Some(("put_nowait", q_put_nowait)),
        "get_nowait" => Some(("get_nowait", q_get_nowait)),
        "task_done" => Some(("task_done", q_task_done)),
        "qsize" => Some(("qsize", q_qsize)),
        "empty" => Some(("empty", q_empty)),
        "full" => Some(("full", q_full)),
        "_init" => Some(("_init", q_init_hook)),
        "_put" => Some(("_put", q_put_hook)),
        "_get" => Some(("_get", q_get_hook)),
        _ => None,
    }
}

fn q_put(_vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let item = arg(&a, 0, "item")
        .ok_or_else(|| type_error("Queue.put() missing 1 required positional argument: 'item'"))?;
    Ok(queue_coro(
        "put",
        "Queue.put",
        QueueCoro::Put {
            queue: receiver_obj(r)?,
            receiver: r.clone(),
            item: Some(item),
            waiting: None,
        },
    ))
}

fn q_get(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(queue_coro(
        "get",
        "Queue.get",
        QueueCoro::Get {
            queue: receiver_obj(r)?,
            receiver: r.clone(),
            waiting: None,
        },
    ))
}

fn q_join(_vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(queue_coro(
        "join",
        "Queue.join",
        QueueCoro::Join {
            queue: receiver_obj(r)?,
            wait: None,
        },
    ))
}

fn queue_coro(name: &'static str, qualname: &'static str, c: QueueCoro) -> Value {
    Value::Generator(super::native_coro::coroutine(
        name,
        qualname,
        NativeCoro::Queue(c),
    ))
}

fn q_put_nowait(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let item = arg(&a, 0, "item").ok_or_else(|| {
        type_error("Queue.put_nowait() missing 1 required positional argument: 'item'")
    })?;
    put_nowait(vm, &receiver_obj(r)?, item)?;
    Ok(Value::None)
}

fn q_get_nowait(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    get_nowait(vm, &receiver_obj(r)?)
}

fn q_task_done(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    task_done(vm, &receiver_obj(r)?)?;
    Ok(Value::None)
}

fn q_qsize(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Int(qsize(vm, &*receiver_obj(r)?)? as i64))
}

fn q_empty(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Bool(is_empty(vm, &*receiver_obj(r)?)?))
}

fn q_full(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    Ok(Value::Bool(is_full(vm, &*receiver_obj(r)?)?))
}

/// queues.py's `_init(maxsize)`: `self._queue = collections.deque()` (a list for
/// LifoQueue and PriorityQueue); a native queue empties its items.
fn q_init_hook(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    arg(&a, 0, "maxsize").ok_or_else(|| {
        type_error("Queue._init() missing 1 required positional argument: 'maxsize'")
    })?;
    let q = receiver_obj(r)?;
    let Some(owner) = keeper(&q) else {
        state(&q).borrow_mut().items.clear();
        return Ok(Value::None);
    };
    let storage = if state(&q).borrow().kind == QueueKind::Fifo {
        let collections = vm.import("collections")?;
        let deque = crate::attrs::get_attr(vm, &collections, "deque")?;
        vm.call(&deque, Args::new(vec![]))?
    } else {
        Value::list(Vec::new())
    };
    crate::attrs::set_attr(vm, &owner, "_queue", storage)?;
    Ok(Value::None)
}

/// queues.py's `_put(item)`: `self._queue.append(item)` (PriorityQueue:
/// `heappush(self._queue, item)`).
fn q_put_hook(vm: &mut Vm, r: &Value, a: Args) -> PyResult<Value> {
    let item = arg(&a, 0, "item")
        .ok_or_else(|| type_error("Queue._put() missing 1 required positional argument: 'item'"))?;
    let q = receiver_obj(r)?;
    let Some(owner) = keeper(&q) else {
        store_native(vm, &q, item)?;
        return Ok(Value::None);
    };
    let storage = crate::attrs::get_attr(vm, &owner, "_queue")?;
    if state(&q).borrow().kind == QueueKind::Priority {
        let heapq = vm.import("heapq")?;
        let push = crate::attrs::get_attr(vm, &heapq, "heappush")?;
        return vm.call(&push, Args::new(vec![storage, item]));
    }
    let append = crate::attrs::get_attr(vm, &storage, "append")?;
    vm.call(&append, Args::new(vec![item]))
}

/// queues.py's `_get()`: `self._queue.popleft()` (LifoQueue: `pop()`,
/// PriorityQueue: `heappop(self._queue)`).
fn q_get_hook(vm: &mut Vm, r: &Value, _a: Args) -> PyResult<Value> {
    let q = receiver_obj(r)?;
    let Some(owner) = keeper(&q) else {
        return take_native(vm, &q);
    };
    let storage = crate::attrs::get_attr(vm, &owner, "_queue")?;
    let kind = state(&q).borrow().kind;
    if kind == QueueKind::Priority {
        let heapq = vm.import("heapq")?;
        let pop = crate::attrs::get_attr(vm, &heapq, "heappop")?;
        return vm.call(&pop, Args::new(vec![storage]));
    }
    let name = if kind == QueueKind::Fifo {
        "popleft"
    } else {
        "pop"
    };
    let pop = crate::attrs::get_attr(vm, &storage, name)?;
    vm.call(&pop, Args::new(vec![]))
}
