//! Loopscope runtime.
