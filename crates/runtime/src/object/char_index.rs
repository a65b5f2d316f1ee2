//! Character positions in long non-ASCII strings. A `str` is UTF-8 here, so the
//! character at index *i* is found by walking from the start, where CPython's fixed-width
//! strings reach it at once: a loop indexing or slicing a long text, and `re` (whose
//! Python half slices every match out of the text, and whose matcher starts at a
//! character position), were quadratic. A long string's index keeps its character count
//! and the byte offset of every [`STRIDE`]-th character, built in one pass and kept with
//! the string, so a position costs at most `STRIDE` steps. Whether a long string is
//! ASCII is kept too: finding out reads the whole string.

use crate::object::pystr::PyStr;
use std::rc::Rc;

pub use loopscope_sre::INDEX_STRIDE as STRIDE;

/// Strings shorter than this (in bytes) are read as they are: an index would cost more
/// than it saves.
const INDEXED_FROM_BYTES: usize = 512;

/// A long string's character count and its every [`STRIDE`]-th character's byte offset
/// (none for an ASCII string, whose characters are its bytes). The string keeps it
/// ([`PyStr::keep_index`]) and extends it when it grows in place.
pub struct CharIndex {
    pub ascii: bool,
    pub chars: usize,
    pub offsets: Vec<u32>,
}

impl CharIndex {
    fn build(text: &str) -> CharIndex {
        let mut index = CharIndex {
            ascii: true,
            chars: 0,
            offsets: Vec::new(),
        };
        index.extend(text, 0);
        index
    }

    /// Counts `text[start..]`, appended to the text this index was made for (of
    /// `start` bytes).
    pub fn extend(&mut self, text: &str, start: usize) {
        let tail = &text[start..];
        if self.ascii {
            if tail.is_ascii() {
                self.chars += tail.len();
                return;
            }
            // The first non-ASCII character: every position needs its offset now.
            self.ascii = false;
            self.chars = 0;
            self.offsets = Vec::with_capacity(text.len() / STRIDE + 1);
            self.count_from(text, 0);
            return;
        }
        // The end's offset, kept when it falls on a stride, is the first new character's.
        if self.chars.is_multiple_of(STRIDE) && self.offsets.len() > self.chars / STRIDE {
            self.offsets.pop();
        }
        self.count_from(text, start);
    }

    fn count_from(&mut self, text: &str, start: usize) {
        for (offset, _) in text[start..].char_indices() {
            if self.chars.is_multiple_of(STRIDE) {
                self.offsets.push((start + offset) as u32);
            }
            self.chars += 1;
        }
        // The end, when it falls on a stride: a position may be the character count.
        if self.chars.is_multiple_of(STRIDE) {
            self.offsets.push(text.len() as u32);
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

/// The index of a long string (made now, and kept with it, if it has none), or `None`
/// for a short one, whose positions are cheap already.
pub fn index_of(text: &Rc<PyStr>) -> Option<Rc<CharIndex>> {
    if text.len() < INDEXED_FROM_BYTES {
        return None;
    }
    if let Some(index) = text.kept_index() {
        return Some(index);
    }
    let index = Rc::new(CharIndex::build(text));
    text.keep_index(index.clone());
    Some(index)
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
