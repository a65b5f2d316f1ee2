//! Bit-exact ports of the parts of CPython written in C that Loopscope's
//! output depends on. No object model here: plain Rust numbers and strings in,
//! exactly CPython's text or numbers out.
