//! Character positions in long non-ASCII strings. A `str` is UTF-8 here, so the
//! character at index *i* is found by walking from the start, where CPython's fixed-width
//! strings reach it at once: a loop indexing or slicing a long text, and `re` (whose
//! Python half slices every match out of the text, and whose matcher starts at a
//! character position), were quadratic. A long string's index keeps its character count
//! and the byte offset of every [`STRIDE`]-th character, built in one pass and kept for
//! the few strings used last, so a position costs at most `STRIDE` steps. Whether a long
//! string is ASCII is kept too: finding out reads the whole string.

use crate::object::pystr::PyStr;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

pub use loopscope_sre::INDEX_STRIDE as STRIDE;

/// Strings shorter than this (in bytes) are read as they are: an index would cost more
/// than it saves.
const INDEXED_FROM_BYTES: usize = 512;

/// How many strings' indexes are kept (the most recently used).
const KEPT: usize = 4;

/// A long string's character count and its every [`STRIDE`]-th character's byte offset
/// (none for an ASCII string, whose characters are its bytes).
pub struct CharIndex {
    /// The string it indexes; dead once the string is freed (its memory cannot be
    /// reused meanwhile, so a live string at the same address is this one).
    text: Weak<PyStr>,
    pub ascii: bool,
    pub chars: usize,
    pub offsets: Vec<u32>,
}

impl CharIndex {
    fn build(text: &Rc<PyStr>) -> CharIndex {
        if text.is_ascii() {
            return CharIndex {
                text: Rc::downgrade(text),
                ascii: true,
                chars: text.len(),
                offsets: Vec::new(),
            };
        }
        let mut offsets = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut chars = 0;
        for (offset, _) in text.char_indices() {
            if chars % STRIDE == 0 {
                offsets.push(offset as u32);
            }
            chars += 1;
        }
        // The end, when it falls on a stride: a position may be the character count.
        if chars % STRIDE == 0 {
            offsets.push(text.len() as u32);
        }
        CharIndex {
            text: Rc::downgrade(text),
            ascii: false,
            chars,
            offsets,
        }
    }

    /// The byte offset of character `index` (at most the character count) of `text`.
    pub fn byte_offset(&self, text: &str, index: usize) -> usize {
        if self.ascii {
            return index;
        }
        let start = self.offsets[index / STRIDE] as usize;
        let rest = index % STRIDE;
        if rest == 0 {
            return start;
        }
        text[start..]
            .char_indices()
            .nth(rest)
            .map_or(text.len(), |(offset, _)| start + offset)
    }
}

thread_local! {
    static RECENT: RefCell<Vec<Rc<CharIndex>>> = const { RefCell::new(Vec::new()) };
}

/// The index of a long string (built now if it is not kept), or `None` for a short one,
/// whose positions are cheap already.
pub fn index_of(text: &Rc<PyStr>) -> Option<Rc<CharIndex>> {
    if text.len() < INDEXED_FROM_BYTES {
        return None;
    }
    RECENT.with(|recent| {
        let mut recent = recent.borrow_mut();
        recent.retain(|index| index.text.strong_count() > 0);
        let found = recent
            .iter()
            .position(|index| std::ptr::addr_eq(index.text.as_ptr(), Rc::as_ptr(text)));
        let index = match found {
            Some(at) => recent.remove(at),
            None => {
                if recent.len() == KEPT {
                    recent.remove(0);
                }
                Rc::new(CharIndex::build(text))
            }
        };
        recent.push(index.clone());
        Some(index)
    })
}

/// How many characters `text` has.
pub fn char_count(text: &Rc<PyStr>) -> usize {
    match index_of(text) {
        Some(index) => index.chars,
        None => text.chars().count(),
    }
}

/// The text of characters `start..stop` of `text` (`start <= stop <= ` its count).
pub fn char_slice(text: &Rc<PyStr>, start: usize, stop: usize) -> &str {
    match index_of(text) {
        Some(index) => {
            let from = index.byte_offset(text, start);
            let to = index.byte_offset(text, stop);
            &text[from..to]
        }
        None if text.is_ascii() => &text[start..stop],
        None => {
            let mut offsets = text.char_indices().map(|(offset, _)| offset);
            let from = offsets.by_ref().nth(start).unwrap_or(text.len());
            let to = if stop == start {
                from
            } else {
                offsets.nth(stop - start - 1).unwrap_or(text.len())
            };
            &text[from..to]
        }
    }
}
