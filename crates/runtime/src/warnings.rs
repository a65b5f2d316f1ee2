//! Reports raised from destructors ("coroutine ... was never awaited",
//! "Task exception was never retrieved").
//!
//! CPython prints these from object deallocators. Loopscope objects die in
//! `Drop`, which cannot reach the VM, so the report is queued here and the
//! VM prints it at the next instruction boundary, attributing it to the line
//! that was executing — the same place CPython's warning points at.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use std::rc::Rc;

use crate::generator::Generator;
use crate::value::ExcRef;

pub enum Notice {
    /// A coroutine object died without ever being started (qualname).
    NeverAwaited(String),
    /// A finished future/task died holding an exception nobody retrieved.
    /// `describe` is the future's repr at the time it finished.
    ExceptionNeverRetrieved { describe: String, exc: ExcRef },
    /// A suspended generator died: it must be closed (see
    /// `Generator::close_on_drop`).
    Close(Rc<Generator>),
}

thread_local! {
    static PENDING: RefCell<Vec<Notice>> = const { RefCell::new(Vec::new()) };
}

/// Cheap "anything queued?" flag, read by the VM at every instruction.
static ANY_PENDING: AtomicBool = AtomicBool::new(false);

pub fn coroutine_never_awaited(qualname: &str) {
    push(Notice::NeverAwaited(qualname.to_string()));
}

pub fn push(notice: Notice) {
    // During thread teardown the queue may be gone; then there is nobody to tell.
    let _ = PENDING.try_with(|p| p.borrow_mut().push(notice));
    ANY_PENDING.store(true, Ordering::Relaxed);
}

#[inline]
pub fn has_pending() -> bool {
    ANY_PENDING.load(Ordering::Relaxed)
}

pub fn take_pending() -> Vec<Notice> {
    ANY_PENDING.store(false, Ordering::Relaxed);
    PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()))
}
