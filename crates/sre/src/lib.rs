//! CPython's `_sre` matcher: runs the SRE code that `re`'s compiler makes
//! (3.11's opcodes) over a str or bytes, as `_sre.c` does. Taken from
//! `rustpython-sre_engine` 0.4.0 (MIT, RustPython Team: LICENSE) and changed
//! in two ways: a match counts its steps ([`State::steps`]) and gives up past
//! [`State::step_limit`], so that a pattern that backtracks catastrophically
//! (`(a+)+$` on forty `a`s and a `b`) stops at the caller's work budget
//! instead of running for hours; and a str may come with an index of its
//! characters' byte offsets ([`IndexedStr`]), so that starting a match at a
//! character position does not walk the text before it. `engine.rs` holds the request and the state,
//! `matcher.rs` the opcode loop, `search.rs` the prefix-guided searches,
//! `context.rs` the match context, `charset.rs` the character tests and
//! `validate.rs` the check `_sre.compile` makes of the code it is given.

mod charset;
pub mod constants;
mod context;
pub mod engine;
mod matcher;
mod search;
pub mod string;
mod validate;

pub use constants::{SreAtCode, SreCatCode, SreFlag, SreInfo, SreOpcode, SRE_MAGIC};
pub use engine::{Request, State};
pub use string::{IndexedStr, StrDrive, StringCursor, INDEX_STRIDE};
pub use validate::is_valid;

/// The repeat count that means "no upper bound": a code word of all ones,
/// as 64-bit CPython writes it, on every target.
pub const MAXREPEAT: usize = u32::MAX as usize;
