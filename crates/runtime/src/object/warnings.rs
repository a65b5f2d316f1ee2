//! Reports raised from destructors ("coroutine ... was never awaited",
//! "Task exception was never retrieved").
//!
//! CPython prints these from object deallocators. Loopscope objects die in
//! `Drop`, which cannot reach the VM, so the report is queued here and the
//! VM prints it at the next instruction boundary, attributing it to the line
//! that was executing — the same place CPython's warning points at.

use std::cell::{Cell, RefCell};

use std::rc::Rc;

use crate::object::generator::{GenState, Generator};
use crate::object::state::Vm;
use crate::object::value::{ExcRef, PyResult};

pub enum Notice {
    /// A coroutine object died without ever being started: its qualname, and
    /// where it was created if origin tracking was on (`cr_origin`).
    NeverAwaited {
        qualname: String,
        origin: Option<crate::object::stack_summary::StackSummary>,
        /// Where it was allocated, if tracemalloc traced then.
        allocated: Option<crate::object::stack_summary::Allocation>,
    },
    /// A finished future/task died holding an exception nobody retrieved.
    /// `describe` is the future's repr at the time it finished; `future`
    /// the future itself (brought back from its destructor, as `__del__`
    /// can), for a loop's exception handler.
    ExceptionNeverRetrieved {
        describe: String,
        exc: ExcRef,
        future: crate::object::value::Value,
    },
    /// A pending asyncio task died (`Task.__del__`: "Task was destroyed but
    /// it is pending!"), brought back for the report.
    TaskDestroyedPending(crate::object::value::Value),
    /// A suspended generator died: it must be closed (see
    /// `Generator::close_on_drop`).
    Close(Rc<Generator>),
    /// An instance whose class defines `__del__` died (or was found in a
    /// garbage cycle): call it, once.
    Finalize(Rc<crate::object::instance::Instance>),
    /// The referent of a weak reference with a callback died: call the
    /// callback with the reference (`object::weakrefs`).
    WeakrefCallback(crate::object::value::Value),
    /// An unfinished asynchronous generator died: call the finalizer hook
    /// it took (asyncio's loop schedules its `aclose()`).
    FinalizeAsyncGen {
        gen: Rc<Generator>,
        finalizer: crate::object::value::Value,
    },
}

thread_local! {
    static PENDING: RefCell<Vec<Notice>> = const { RefCell::new(Vec::new()) };
    /// Cheap "anything queued?" flag, read by the VM at every instruction. Per thread,
    /// like the queue: a run on another thread must not clear it.
    static ANY_PENDING: Cell<bool> = const { Cell::new(false) };
}

pub fn coroutine_never_awaited(
    qualname: &str,
    origin: Option<crate::object::stack_summary::StackSummary>,
    allocated: Option<crate::object::stack_summary::Allocation>,
) {
    push(Notice::NeverAwaited {
        qualname: qualname.to_string(),
        origin,
        allocated,
    });
}

pub fn push(notice: Notice) {
    let mut notice = Some(notice);
    // During thread teardown the queue may be gone; then there is nobody to tell.
    let _ = PENDING.try_with(|p| p.borrow_mut().extend(notice.take()));
    let _ = ANY_PENDING.try_with(|flag| flag.set(true));
    if let Some(unqueued) = notice {
        forget(unqueued);
    }
}

/// Drops `notice` without it being reported or acted on. A generator to close is marked
/// closed first: dropped while suspended, it would queue itself again, and during thread
/// teardown, where queueing fails at once, it did so forever (issue 10's crash after a
/// limit hit inside `try`).
fn forget(notice: Notice) {
    if let Notice::Close(generator) = &notice {
        generator.state.set(GenState::Closed);
    }
}

/// Empties the queue without reporting anything: what a previous run left behind.
pub fn discard_pending() {
    for notice in take_pending() {
        forget(notice);
    }
}

#[inline]
pub fn has_pending() -> bool {
    ANY_PENDING.with(Cell::get)
}

pub fn take_pending() -> Vec<Notice> {
    ANY_PENDING.with(|flag| flag.set(false));
    PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()))
}

/// Where asyncio's own log records go. CPython's asyncio logs its reports
/// ("Task exception was never retrieved", "Exception in callback ...",
/// "Using selector: ...") through the logger `asyncio`, so a program that
/// configured `logging` sees them in its own format. The `logging` module
/// registers its route here when a program imports it (`vm.states`); until
/// then the VM writes what logging's last resort would (see `reports.rs`).
#[derive(Default)]
pub struct LogRoute(pub Option<LogFn>);

/// asyncio's exception handler, for "... exception was never retrieved":
/// given the future and its exception (and whether the loop caught it), it
/// returns true when a handler the program set took the report; otherwise
/// the VM logs it as the default handler does. Registered by asyncio.
#[derive(Default)]
pub struct NeverRetrievedRoute(pub Option<NeverRetrievedFn>);

/// Where a warning is attributed while Loopscope runs natively what CPython
/// runs as library Python (asyncio's `loop.close()` clearing its ready
/// queue): that file, line and source line instead of the program's.
#[derive(Default)]
pub struct LibrarySite(pub Option<(&'static str, u32, &'static str)>);

/// Set at shutdown when `sys.path` is cleared (just before `sys.last_value`):
/// a warning then can no longer import tracemalloc for its "Enable
/// tracemalloc ..." hint.
#[derive(Default)]
pub struct ImportsStopped(pub bool);

/// asyncio's report of a pending task that died ([`Notice::TaskDestroyedPending`]),
/// through its loop's exception handler. Registered by asyncio.
#[derive(Default)]
pub struct DestroyedPendingRoute(pub Option<fn(&mut Vm, crate::object::value::Value)>);

pub type NeverRetrievedFn = fn(&mut Vm, &ExcRef, crate::object::value::Value, bool) -> bool;

pub type LogFn = fn(&mut Vm, &LogEntry) -> PyResult<()>;

/// One record asyncio logs.
pub struct LogEntry<'a> {
    /// A `logging` level: 10 DEBUG ... 40 ERROR.
    pub level: i64,
    pub message: &'a str,
    pub exc: Option<&'a ExcRef>,
    /// The exception's traceback as the `traceback` module writes it,
    /// without its last newline.
    pub exc_text: Option<&'a str>,
    /// The (pathname, line, function) of the asyncio code that logs it.
    pub site: (&'static str, u32, &'static str),
}
