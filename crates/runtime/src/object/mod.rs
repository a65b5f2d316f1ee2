//! The object layer: values and what they are made of — types, dicts,
//! sets, hashing, equality of the built-in values, exceptions, code,
//! frames and generators as data — plus the interpreter's state that native
//! functions receive. It imports neither the VM nor asyncio: behaviour that
//! higher layers provide is reached through registered slots
//! (`slots.rs`) and trait objects (`native.rs`).

pub mod await_chains;
pub mod bytearray;
pub mod char_index;
pub mod code;
pub mod compare;
pub mod dict;
pub mod exceptions;
pub mod frame;
pub mod gc;
pub mod gc_edges;
pub mod generator;
pub mod hash;
pub mod instance;
pub mod iter_state;
pub mod memoryview;
pub mod native;
pub mod pystr;
pub mod set;
pub mod slots;
pub mod stack_summary;
pub mod state;
pub mod teardown;
pub mod types;
pub mod union;
pub mod value;
pub mod warnings;
pub mod weakrefs;
