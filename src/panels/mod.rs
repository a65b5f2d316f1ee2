//! The loop's panels, each showing one part of the state at the current event.

pub mod console;
pub mod narration;
pub mod now_running;
pub mod primitives;
pub mod ready_queue;
pub mod tasks;
pub mod timers;
