//! The trace's await chains (`TaskResumed` / `TaskSuspended`'s `stack`) interned
//! without writing their text again: a task suspends once per `await`, nearly always at
//! a chain seen before, so the chain is looked up by its frames — (qualname, line) pairs
//! — and its text is formatted and interned only the first time.

use rustc_hash::FxHashMap;

use crate::object::generator::{Generator, Name};
use crate::trace::{Recorder, StrId};

/// One frame of a chain: its qualname's address and length, and its line.
type FrameKey = (usize, usize, u32);

/// Await chains already interned, by their frames.
#[derive(Default)]
pub struct AwaitChains {
    ids: FxHashMap<Vec<FrameKey>, StrId>,
    /// Every qualname a key names, kept alive so that its address names it alone.
    pinned: Vec<Name>,
    /// The chain being looked up (reused).
    frames: Vec<FrameKey>,
}

impl AwaitChains {
    /// The interned text of `coro`'s await chain ([`Generator::write_await_chain`]).
    pub fn intern(&mut self, recorder: &mut Recorder, coro: &Generator) -> StrId {
        let mut frames = std::mem::take(&mut self.frames);
        frames.clear();
        coro.for_each_awaiting_frame(&mut |qualname, line| {
            frames.push((qualname.as_ptr() as usize, qualname.len(), line));
        });
        let id = match self.ids.get(frames.as_slice()) {
            Some(&id) => id,
            None => {
                let id = recorder.intern_with(|text| coro.write_await_chain(text));
                coro.for_each_awaiting_frame(&mut |qualname, _| self.pinned.push(qualname.clone()));
                self.ids.insert(frames.clone(), id);
                id
            }
        };
        self.frames = frames;
        id
    }
}
