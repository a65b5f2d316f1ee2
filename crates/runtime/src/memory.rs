//! The engine's memory budget (issue 10): every allocation the engine makes — the
//! program's objects, frames, tasks, the trace — is counted by the global allocator
//! this crate installs ([`CountingAllocator`], the system allocator plus a counter), so
//! the VM can compare what a run holds with [`crate::Limits::memory_bytes`] and raise
//! MemoryError (or stop the run) long before the allocator would abort the process.
//!
//! The count is per thread (a run lives on one thread; tests run many runs side by
//! side): bytes allocated minus bytes freed by this thread. A run reads it at its start
//! and measures what it added since ([`Usage`]).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

thread_local! {
    /// Bytes allocated minus bytes freed by this thread (negative when it frees
    /// what another thread made).
    static NET_BYTES: Cell<isize> = const { Cell::new(0) };
}

fn add(bytes: isize) {
    // A thread-local without a destructor is always accessible, even while the
    // thread is being torn down.
    let _ = NET_BYTES.try_with(|net| net.set(net.get().wrapping_add(bytes)));
}

/// The system allocator, counting each thread's net allocations.
pub struct CountingAllocator;

// The only unsafe code of the engine: a global allocator must implement an unsafe
// trait. Every method forwards to `System` with the same arguments and only adds
// to the thread's counter.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged; the caller upholds `alloc`'s contract.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            add(layout.size() as isize);
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            add(layout.size() as isize);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged; `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        add(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged; `ptr` was allocated by `System` with `layout`.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            add(new_size as isize - layout.size() as isize);
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn net_bytes() -> isize {
    NET_BYTES.try_with(Cell::get).unwrap_or(0)
}

/// What a run has allocated and not freed since it started.
#[derive(Clone, Copy, Debug)]
pub struct Usage {
    start: isize,
}

impl Usage {
    /// Starts measuring on this thread.
    pub fn start() -> Usage {
        Usage { start: net_bytes() }
    }

    /// Bytes held now beyond what the thread held at the start.
    pub fn bytes(self) -> usize {
        net_bytes().saturating_sub(self.start).max(0) as usize
    }
}
