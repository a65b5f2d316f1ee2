//! CPython's reprs of asyncio's objects: futures and tasks
//! (`base_futures._future_repr_info`, `base_tasks._task_repr_info`), handles
//! (`events.Handle._repr_info`), the loop, queues and the synchronization
//! primitives. A callback shows as `format_helpers._format_callback_source`
//! writes it (`plain(1, 'two') at prog.py:8`), its arguments and a future's
//! result through `reprlib.repr`'s limits ([`short_repr`]).
//!
//! With the VM at hand (`repr()`, `print`, f-strings) a running coroutine shows
//! the line it is executing and instances show their own `__repr__`; without it
//! (reports written when an object dies) the line it last stopped at and the
//! default instance repr.

use std::rc::Rc;

use loopscope_cpython::float_repr::float_repr;

use super::callbacks::Callback;
use super::objects::{AsyncObject, FutState};
use super::{locks, taskgroups, timeouts};
use crate::object::generator::{GenBody, GenState, Generator};
use crate::object::value::{Args, PyResult, Value};
use crate::vm::Vm;

/// Where asyncio's own functions live, as the oracle's CPython 3.11.7 reports them.
const ASYNCIO_DIR: &str = stdlib_path!("asyncio");

/// The `__repr__` slot of asyncio's types: the repr with the VM at hand.
pub fn repr_slot(vm: &mut Vm, this: &Value, _: Args) -> PyResult<Value> {
    let derived = Derived::of(this);
    let text = match super::objects::as_async(this) {
        Some(obj) if matches!(&*obj, AsyncObject::Queue(_)) => {
            let kept = super::queues::kept_items(vm, &obj)?;
            AsyncRepr {
                vm: Some(vm),
                derived,
            }
            .queue(&obj, true, kept)
        }
        // Condition.__repr__ calls `self.locked()`.
        Some(obj) if matches!(&*obj, AsyncObject::Condition(_)) => {
            let locked = locks::condition::cond_locked(vm, &obj)?;
            AsyncRepr {
                vm: Some(vm),
                derived,
            }
            .condition(&obj, locked)
        }
        Some(obj) => AsyncRepr {
            vm: Some(vm),
            derived,
        }
        .object(&obj),
        None => crate::repr::repr_value(this),
    };
    Ok(Value::str(&text))
}

/// `str()` of a queue (the other asyncio types' str is their repr).
pub fn str_slot(vm: &mut Vm, this: &Value, _: Args) -> PyResult<Value> {
    let derived = Derived::of(this);
    let text = match super::objects::as_async(this) {
        Some(obj) => {
            let kept = super::queues::kept_items(vm, &obj)?;
            AsyncRepr {
                vm: Some(vm),
                derived,
            }
            .queue(&obj, false, kept)
        }
        None => crate::repr::repr_value(this),
    };
    Ok(Value::str(&text))
}

/// An instance of a program's class derived from a queue or a lock: its repr
/// names the class (`type(self).__name__` in queues.py, `object.__repr__` in
/// locks.py) and shows the instance's own address.
struct Derived {
    name: String,
    qualified: String,
    address: u64,
}

impl Derived {
    fn of(this: &Value) -> Option<Derived> {
        let Value::Instance(_) = this else {
            return None;
        };
        let t = crate::object::types::type_of(this);
        Some(Derived {
            name: t.name().to_string(),
            qualified: format!("{}.{}", t.module(), t.qualname()),
            address: crate::object::value::address_of(this),
        })
    }
}

/// CPython's repr of futures, tasks, handles, loops, queues and primitives,
/// without running Python code.
pub fn repr_async(obj: &AsyncObject) -> String {
    AsyncRepr {
        vm: None,
        derived: None,
    }
    .object(obj)
}

/// A loop's repr (`<_UnixSelectorEventLoop running=... closed=... debug=...>`).
pub fn repr_loop(vm: &mut Vm, id: u32) -> String {
    AsyncRepr {
        vm: Some(vm),
        derived: None,
    }
    .event_loop(id)
}

struct AsyncRepr<'v> {
    vm: Option<&'v mut Vm>,
    /// The program's class the object is an instance of, if it is one.
    derived: Option<Derived>,
}

impl AsyncRepr<'_> {
    fn object(&mut self, obj: &AsyncObject) -> String {
        match obj {
            AsyncObject::Future(_) => self.future(obj),
            AsyncObject::Handle(h) if h.cancelled_repr.borrow().is_some() => {
                h.cancelled_repr.borrow().clone().unwrap_or_default()
            }
            AsyncObject::Handle(h) => {
                let mut info = vec![if h.is_timer { "TimerHandle" } else { "Handle" }.to_string()];
                if h.cancelled.get() {
                    info.push("cancelled".to_string());
                }
                if h.is_timer {
                    info.push(format!("when={}", float_repr(h.when)));
                }
                if let Some(cb) = &*h.callback.borrow() {
                    if let Some(text) = self.handle_callback(cb) {
                        info.push(text);
                    }
                }
                info.extend(super::debug::created_at(h.source_traceback.as_ref()));
                format!("<{}>", info.join(" "))
            }
            AsyncObject::Loop(id) => self.event_loop(*id),
            AsyncObject::Queue(_) => self.queue(obj, true, None),
            AsyncObject::Lock(l) => {
                let l = l.borrow();
                let state = if l.locked { "locked" } else { "unlocked" };
                self.primitive("Lock", l.id, state, l.waiters.len())
            }
            AsyncObject::Event(e) => {
                let e = e.borrow();
                let state = if e.value { "set" } else { "unset" };
                self.primitive("Event", e.id, state, e.waiters.len())
            }
            AsyncObject::Semaphore(s) => {
                let locked = locks::sem_locked(obj);
                let s = s.borrow();
                let state = if locked {
                    "locked".to_string()
                } else {
                    format!("unlocked, value:{}", s.value)
                };
                let name = if s.bound.is_some() {
                    "BoundedSemaphore"
                } else {
                    "Semaphore"
                };
                self.primitive(name, s.id, &state, s.waiters.len())
            }
            AsyncObject::Condition(_) => {
                self.condition(obj, locks::condition::locked_without_vm(obj))
            }
            AsyncObject::Timeout(_) => timeouts::repr(obj),
            AsyncObject::TaskGroup(_) => taskgroups::repr(obj),
        }
    }

    fn condition(&self, obj: &AsyncObject, locked: bool) -> String {
        let c = locks::condition::cond_state(obj).borrow();
        let state = if locked { "locked" } else { "unlocked" };
        self.primitive("Condition", c.id, state, c.waiters.len())
    }

    /// `<asyncio.locks.Lock object at 0x... [unlocked, waiters:2]>` (a derived
    /// class's instance shows its own class and address).
    fn primitive(&self, name: &str, id: u32, state: &str, waiters: usize) -> String {
        let extra = if waiters > 0 {
            format!("{state}, waiters:{waiters}")
        } else {
            state.to_string()
        };
        let (qualified, address) = match &self.derived {
            Some(d) => (d.qualified.clone(), d.address),
            None => (format!("asyncio.locks.{name}"), fake_address(id)),
        };
        format!("<{qualified} object at {address:#x} [{extra}]>")
    }

    /// `_future_repr_info`, and for a task `_task_repr_info` around it.
    fn future(&mut self, obj: &AsyncObject) -> String {
        let Some(f) = obj.as_future() else {
            return String::new();
        };
        let state = f.state.get();
        let mut info = vec![match state {
            FutState::Pending => "pending",
            FutState::Cancelled => "cancelled",
            FutState::Finished => "finished",
        }
        .to_string()];
        if let Some(tp) = &f.task {
            if tp.num_cancels_requested.get() > 0 && state == FutState::Pending {
                info[0] = "cancelling".to_string();
            }
            let name = Value::Str(tp.name.borrow().clone());
            info.push(format!("name={}", crate::repr::repr_value(&name)));
            info.push(format!("coro=<{}>", self.coroutine(&tp.coro)));
            if let Some(waiter) = &*tp.fut_waiter.borrow() {
                let waiter = waiter.clone();
                info.push(format!("wait_for={}", self.object(&waiter)));
            }
        }
        if state == FutState::Finished {
            let exception = f.exception.borrow().clone();
            match exception {
                Some(e) => info.push(format!("exception={}", self.full(&Value::Exception(e)))),
                None => {
                    let result = f.result.borrow().clone();
                    info.push(format!("result={}", self.short(&result, MAX_LEVEL)));
                }
            }
        }
        let callbacks: Vec<Option<String>> = {
            let cbs = f.callbacks.borrow();
            let n = cbs.len();
            // `<N more>` stands for all but the first and the last of three or more.
            let shown: Vec<Callback> = match n {
                0 => Vec::new(),
                1 | 2 => cbs.to_vec(),
                _ => vec![cbs[0].clone(), cbs[n - 1].clone()],
            };
            drop(cbs);
            let mut texts: Vec<Option<String>> =
                shown.iter().map(|cb| self.done_callback(cb)).collect();
            if n > 2 {
                texts.insert(1, Some(format!("<{} more>", n - 2)));
            }
            texts
        };
        if !callbacks.is_empty() {
            let texts: Vec<String> = callbacks.into_iter().flatten().collect();
            info.push(format!("cb=[{}]", texts.join(", ")));
        }
        info.extend(super::debug::created_at(f.source_traceback().as_ref()));
        let kind = if f.task.is_some() {
            "Task"
        } else if f.is_gathering.get() {
            "_GatheringFuture"
        } else {
            "Future"
        };
        format!("<{kind} {}>", info.join(" "))
    }

    /// `Queue.__repr__` (`<Queue at 0x… maxsize=0 …>`), or without the
    /// address `Queue.__str__`; `kept` holds the items of a queue whose derived
    /// class keeps them itself (`queues::kept_items`).
    fn queue(&mut self, obj: &AsyncObject, with_address: bool, kept: Option<Vec<Value>>) -> String {
        let AsyncObject::Queue(q) = obj else {
            return String::new();
        };
        let q = q.borrow();
        let (name, address) = match &self.derived {
            Some(d) => (d.name.clone(), d.address),
            None => (obj.type_id().name().to_string(), fake_address(q.id)),
        };
        let mut text = format!("<{name}");
        if with_address {
            text.push_str(&format!(" at {address:#x}"));
        }
        text.push_str(&format!(" maxsize={}", q.maxsize));
        let items = kept.unwrap_or_else(|| q.items.iter().cloned().collect());
        if !items.is_empty() {
            let items: Vec<String> = items.iter().map(|v| self.full(v)).collect();
            text.push_str(&format!(" _queue=[{}]", items.join(", ")));
        }
        if !q.getters.is_empty() {
            text.push_str(&format!(" _getters[{}]", q.getters.len()));
        }
        if !q.putters.is_empty() {
            text.push_str(&format!(" _putters[{}]", q.putters.len()));
        }
        if q.unfinished_tasks > 0 {
            text.push_str(&format!(" tasks={}", q.unfinished_tasks));
        }
        text.push('>');
        text
    }

    /// `coroutines._format_coroutine`: `main() running at prog.py:5`.
    fn coroutine(&mut self, g: &Rc<Generator>) -> String {
        let name = &g.qualname;
        let Some(code) = &g.code else {
            return native_coroutine(g);
        };
        if g.state.get() == GenState::Closed {
            return format!(
                "{name}() done, defined at {}:{}",
                code.filename, code.first_line
            );
        }
        let line = match g.body.borrow().frame() {
            Some(frame) if frame.pc > 0 => Some(frame.current_line()),
            Some(_) => Some(code.first_line),
            None => None,
        };
        // Not in its generator: its frame is on the VM's stack, running.
        let line = line.unwrap_or_else(|| {
            let running = self.vm.as_deref().and_then(|vm| {
                vm.frames
                    .iter()
                    .rev()
                    .find(|f| f.owner.as_ref().is_some_and(|o| Rc::ptr_eq(o, g)))
                    .map(|f| f.current_line())
            });
            running.unwrap_or(code.first_line)
        });
        format!("{name}() running at {}:{line}", code.filename)
    }

    /// A handle's callback with its arguments (`_format_callback_source`).
    fn handle_callback(&mut self, cb: &Callback) -> Option<String> {
        match cb {
            Callback::Python { func, args, .. } => Some(self.python_callback(func, args)),
            Callback::SetResultUnlessCancelled { future, value } => Some(format!(
                "_set_result_unless_cancelled({}, {}) at {ASYNCIO_DIR}/futures.py:311",
                self.short(&Value::Native(future.clone()), MAX_LEVEL - 1),
                self.short(value, MAX_LEVEL - 1)
            )),
            Callback::ReleaseWaiter {
                waiter,
                future: None,
            } => Some(format!(
                "_release_waiter({}) at {ASYNCIO_DIR}/tasks.py:431",
                self.short(&Value::Native(waiter.clone()), MAX_LEVEL - 1)
            )),
            Callback::TimeoutFired { .. } => Some(format!(
                "Timeout._on_timeout() at {ASYNCIO_DIR}/timeouts.py:121"
            )),
            Callback::AsCompletedTimeout { .. } => Some(format!(
                "as_completed.<locals>._on_timeout() at {ASYNCIO_DIR}/tasks.py:596"
            )),
            // A task's step is a method wrapper whose repr has a real address.
            _ => None,
        }
    }

    /// A future's done-callback as `_format_callbacks` writes it (no arguments).
    fn done_callback(&mut self, cb: &Callback) -> Option<String> {
        let internal = |qualname: &str, file: &str, line: u32| {
            Some(format!("{qualname}() at {ASYNCIO_DIR}/{file}:{line}"))
        };
        match cb {
            Callback::TaskWakeup { .. } => Some("Task.task_wakeup()".to_string()),
            Callback::Python { func, .. } => Some(self.python_callback(func, &[])),
            Callback::RunUntilCompleteDone { .. } => {
                internal("_run_until_complete_cb", "base_events.py", 180)
            }
            Callback::GatherChild { .. } => {
                internal("gather.<locals>._done_callback", "tasks.py", 764)
            }
            Callback::ReleaseWaiter { waiter, .. } => Some(format!(
                "_release_waiter({})() at {ASYNCIO_DIR}/tasks.py:431",
                self.short(&Value::Native(waiter.clone()), MAX_LEVEL - 1)
            )),
            Callback::WaitOnCompletion { .. } => {
                internal("_wait.<locals>._on_completion", "tasks.py", 519)
            }
            Callback::AsCompletedDone { .. } => {
                internal("as_completed.<locals>._on_completion", "tasks.py", 602)
            }
            Callback::ShieldInnerDone { .. } => {
                internal("shield.<locals>._inner_done_callback", "tasks.py", 891)
            }
            Callback::ShieldOuterDone { .. } => {
                internal("shield.<locals>._outer_done_callback", "tasks.py", 908)
            }
            // A bound method: `_format_callback_source` names no file for it.
            Callback::TaskGroupTaskDone { .. } => Some("TaskGroup._on_task_done()".to_string()),
            _ => None,
        }
    }

    /// `_format_callback(func, args, None)` and the function's source.
    fn python_callback(&mut self, func: &Value, args: &[Value]) -> String {
        let mut suffix = String::new();
        let mut func = func.clone();
        let mut args = args.to_vec();
        let mut keywords = Vec::new();
        // A partial shows its own arguments, then the call's.
        while let Some((inner, bound, kw)) = crate::modules::functools::partial_parts(&func) {
            suffix = self.arguments(&args, &keywords) + &suffix;
            func = inner;
            args = bound;
            keywords = kw
                .iter()
                .map(|(k, v)| (crate::repr::str_value(k).unwrap_or_default(), v.clone()))
                .collect();
        }
        let mut text = self.callable_name(&func);
        text.push_str(&self.arguments(&args, &keywords));
        text.push_str(&suffix);
        if let Value::Function(f) = unwrap_wrapped(self.vm.as_deref_mut(), &func) {
            text.push_str(&format!(" at {}:{}", f.code.filename, f.code.first_line));
        }
        text
    }

    /// `func.__qualname__`, else `func.__name__`, else `repr(func)`.
    fn callable_name(&mut self, func: &Value) -> String {
        if let Some(vm) = self.vm.as_deref_mut() {
            for attr in ["__qualname__", "__name__"] {
                if let Ok(Value::Str(s)) = crate::attrs::get_attr(vm, func, attr) {
                    if !s.is_empty() {
                        return s.to_string();
                    }
                }
            }
            return crate::repr::repr(vm, func).unwrap_or_default();
        }
        super::callbacks::callable_name(func)
    }

    /// `_format_args_and_kwargs`: `(1, 'two', k=3)`.
    fn arguments(&mut self, args: &[Value], keywords: &[(String, Value)]) -> String {
        let mut items: Vec<String> = args.iter().map(|a| self.short(a, MAX_LEVEL)).collect();
        for (k, v) in keywords {
            let text = self.short(v, MAX_LEVEL);
            items.push(format!("{k}={text}"));
        }
        format!("({})", items.join(", "))
    }

    /// The loop's repr: `<_UnixSelectorEventLoop running=True closed=False debug=False>`.
    fn event_loop(&mut self, id: u32) -> String {
        let (running, closed, debug) = match self.vm.as_deref_mut() {
            Some(vm) => {
                let lp = &super::aio(vm).loops[id as usize];
                let (running, closed, debug) = (lp.running, lp.closed, lp.debug.value.clone());
                let debug = crate::repr::str_of(vm, &debug).unwrap_or_default();
                (running, closed, debug)
            }
            None => (false, false, "False".to_string()),
        };
        let title = |b: bool| if b { "True" } else { "False" };
        format!(
            "<_UnixSelectorEventLoop running={} closed={} debug={debug}>",
            title(running),
            title(closed)
        )
    }

    /// `repr(v)`, running its class's `__repr__` when the VM is at hand.
    fn full(&mut self, v: &Value) -> String {
        match self.vm.as_deref_mut() {
            Some(vm) => crate::repr::repr(vm, v).unwrap_or_else(|_| crate::repr::repr_value(v)),
            None => crate::repr::repr_value(v),
        }
    }

    /// `reprlib.repr(v)` at nesting `level`: strings past 30 characters, ints
    /// past 40 digits and other objects' reprs past 30 characters keep their
    /// ends around `...`; containers show 6 items (dicts 4) and 6 levels.
    fn short(&mut self, v: &Value, level: usize) -> String {
        match v {
            Value::Str(s) => {
                let chars: Vec<char> = s.chars().collect();
                let head: String = chars.iter().take(MAX_STRING).collect();
                let text = crate::repr::repr_value(&Value::str(&head));
                if text.chars().count() <= MAX_STRING {
                    return text;
                }
                let (i, j) = ends(MAX_STRING);
                let kept: String = chars[..i].iter().chain(&chars[chars.len() - j..]).collect();
                elide(&crate::repr::repr_value(&Value::str(&kept)), i, j)
            }
            Value::Int(_) | Value::BigInt(_) => {
                let text = crate::repr::repr_value(v);
                if text.len() <= MAX_LONG {
                    return text;
                }
                let (i, j) = ends(MAX_LONG);
                elide(&text, i, j)
            }
            Value::Tuple(items) => self.iterable(items, level, "(", ")", ","),
            Value::List(items) => {
                let items = items.borrow().clone();
                self.iterable(&items, level, "[", "]", "")
            }
            // `Value::Set` is an exact set or frozenset (subclasses are instances).
            Value::Set(set) => {
                let (items, frozen) = {
                    let set = set.borrow();
                    (possibly_sorted(set.iter().cloned().collect()), set.frozen)
                };
                match (frozen, items.is_empty()) {
                    (false, true) => "set()".to_string(),
                    (false, false) => self.iterable(&items, level, "{", "}", ""),
                    (true, true) => "frozenset()".to_string(),
                    (true, false) => self.iterable(&items, level, "frozenset({", "})", ""),
                }
            }
            Value::Dict(d) => {
                let pairs: Vec<(Value, Value)> = d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                if pairs.is_empty() {
                    return "{}".to_string();
                }
                if level == 0 {
                    return "{...}".to_string();
                }
                let keys = possibly_sorted(pairs.iter().map(|(k, _)| k.clone()).collect());
                let mut pieces = Vec::new();
                for key in keys.iter().take(MAX_DICT) {
                    let value = pairs
                        .iter()
                        .find(|(k, _)| k.is(key))
                        .map(|(_, v)| v.clone())
                        .unwrap_or(Value::None);
                    let k = self.short(key, level - 1);
                    let v = self.short(&value, level - 1);
                    pieces.push(format!("{k}: {v}"));
                }
                if pairs.len() > MAX_DICT {
                    pieces.push("...".to_string());
                }
                format!("{{{}}}", pieces.join(", "))
            }
            _ => {
                let text = match NestedRepr::enter() {
                    Some(_nested) => self.full(v),
                    None => unseen_repr(v),
                };
                if text.chars().count() <= MAX_OTHER {
                    return text;
                }
                let (i, j) = ends(MAX_OTHER);
                elide(&text, i, j)
            }
        }
    }

    /// `Repr._repr_iterable`.
    fn iterable(
        &mut self,
        items: &[Value],
        level: usize,
        left: &str,
        right: &str,
        trail: &str,
    ) -> String {
        if level == 0 && !items.is_empty() {
            return format!("{left}...{right}");
        }
        let mut pieces: Vec<String> = items
            .iter()
            .take(MAX_ITEMS)
            .map(|item| self.short(item, level - 1))
            .collect();
        if items.len() > MAX_ITEMS {
            pieces.push("...".to_string());
        }
        let trail = if items.len() == 1 { trail } else { "" };
        format!("{left}{}{trail}{right}", pieces.join(", "))
    }
}

thread_local! {
    /// How many reprs [`AsyncRepr::short`] is writing inside one another.
    static NESTED_REPRS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Reprs shortened inside one another past which the innermost is not written: each
/// level keeps only 13 characters of what it holds before `...` (its own object's
/// fixed opening) and 14 after it, to which it adds at least its closing `>`, so what
/// lies more than 14 levels down never shows. A chain of futures, each the result of
/// the next, costs a bounded repr instead of one as long as the chain (a chain of n
/// futures recorded n results of cost up to n: quadratic) and bounded Rust stack.
const MAX_NESTED_REPRS: usize = 24;

/// One level of [`NESTED_REPRS`], left when dropped.
struct NestedRepr;

impl NestedRepr {
    fn enter() -> Option<NestedRepr> {
        NESTED_REPRS.with(|n| {
            (n.get() < MAX_NESTED_REPRS).then(|| {
                n.set(n.get() + 1);
                NestedRepr
            })
        })
    }
}

impl Drop for NestedRepr {
    fn drop(&mut self) {
        NESTED_REPRS.with(|n| n.set(n.get() - 1));
    }
}

/// Stands for a repr too deep to show (see [`MAX_NESTED_REPRS`]): what CPython's
/// reprlib writes when `repr()` fails there (its recursion limit), without an address,
/// which would use up an id.
fn unseen_repr(v: &Value) -> String {
    let name = crate::object::types::type_of(v).name();
    format!("<{name} instance at 0x0>")
}

/// `reprlib.Repr`'s limits.
const MAX_LEVEL: usize = 6;
const MAX_ITEMS: usize = 6;
const MAX_DICT: usize = 4;
const MAX_STRING: usize = 30;
const MAX_LONG: usize = 40;
const MAX_OTHER: usize = 30;

/// How many characters reprlib keeps before and after `...` within `limit`.
fn ends(limit: usize) -> (usize, usize) {
    let i = (limit - 3) / 2;
    (i, limit - 3 - i)
}

/// `s[:i] + '...' + s[len(s)-j:]`, by characters.
fn elide(text: &str, i: usize, j: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let head: String = chars[..i.min(chars.len())].iter().collect();
    let tail: String = chars[chars.len().saturating_sub(j)..].iter().collect();
    format!("{head}...{tail}")
}

/// `reprlib._possibly_sorted`: sorted when the items are all numbers or all
/// strings (what sorts without running Python code), else as they come.
fn possibly_sorted(mut items: Vec<Value>) -> Vec<Value> {
    let number = |v: &Value| match v {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) if !f.is_nan() => Some(*f),
        Value::Bool(b) => Some(*b as i64 as f64),
        _ => None,
    };
    if items.iter().all(|v| number(v).is_some()) {
        items.sort_by(|a, b| number(a).partial_cmp(&number(b)).expect("no NaN"));
    } else if items.iter().all(|v| matches!(v, Value::Str(_))) {
        items.sort_by(|a, b| match (a, b) {
            (Value::Str(a), Value::Str(b)) => a.cmp(b),
            _ => std::cmp::Ordering::Equal,
        });
    }
    items
}

/// `inspect.unwrap(func)`: follow `__wrapped__`.
fn unwrap_wrapped(vm: Option<&mut Vm>, func: &Value) -> Value {
    let Some(vm) = vm else {
        return func.clone();
    };
    let mut func = func.clone();
    for _ in 0..100 {
        match crate::attrs::get_attr(vm, &func, "__wrapped__") {
            Ok(inner) => func = inner,
            Err(_) => break,
        }
    }
    func
}

/// Loopscope has no memory addresses to show; ids stand in, deterministically.
pub fn fake_address(id: u32) -> u64 {
    0x7f00_0000_0000 + (id as u64) * 0x40
}

/// `_format_coroutine` for asyncio's own coroutines: the file and line of the
/// CPython 3.11.7 source each one ports (`sleep() running at
/// …/asyncio/tasks.py:649`, `Queue.get() done, defined at …/queues.py:149`).
fn native_coroutine(g: &Generator) -> String {
    let name = &g.qualname;
    let Some(&(_, file, first_line)) = NATIVE_DEFINITIONS.iter().find(|(q, ..)| *q == &**name)
    else {
        return format!("{name}()");
    };
    if g.state.get() == GenState::Closed {
        return format!("{name}() done, defined at {ASYNCIO_DIR}/{file}:{first_line}");
    }
    // A coroutine being stepped is borrowed: it is at the line it was at.
    let line = match g.body.try_borrow().as_deref() {
        Ok(GenBody::Native(coro)) => coro.suspended_line(),
        _ => None,
    };
    let line = line.unwrap_or(first_line);
    format!("{name}() running at {ASYNCIO_DIR}/{file}:{line}")
}

/// Where CPython 3.11.7 defines the coroutines the engine implements natively
/// (qualname, file under asyncio/, line of the `async def`).
const NATIVE_DEFINITIONS: &[(&str, &str, u32)] = &[
    ("sleep", "tasks.py", 637),
    ("wait_for", "tasks.py", 436),
    ("wait", "tasks.py", 399),
    ("as_completed.<locals>._wait_for_one", "tasks.py", 610),
    ("Lock.acquire", "locks.py", 93),
    ("Event.wait", "locks.py", 200),
    ("Semaphore.acquire", "locks.py", 364),
    ("Condition.wait", "locks.py", 248),
    ("Condition.wait_for", "locks.py", 285),
    ("_ContextManagerMixin.__aexit__", "locks.py", 20),
    ("Queue.put", "queues.py", 110),
    ("Queue.get", "queues.py", 149),
    ("Queue.join", "queues.py", 206),
    ("Timeout.__aenter__", "timeouts.py", 85),
    ("Timeout.__aexit__", "timeouts.py", 97),
    ("TaskGroup.__aenter__", "taskgroups.py", 54),
    ("TaskGroup.__aexit__", "taskgroups.py", 68),
    ("BaseEventLoop.shutdown_asyncgens", "base_events.py", 539),
    (
        "BaseEventLoop.shutdown_default_executor",
        "base_events.py",
        564,
    ),
];
