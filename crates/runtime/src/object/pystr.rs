//! `str` objects: the text of a Python string, behind the `Rc` of [`Value::Str`].
//!
//! A Python string is immutable, and so is a [`PyStr`] everywhere but in one place:
//! `s += t` (and `s = s + t`) on a string that nothing else references grows it in
//! place ([`PyStr::append_unique`]), as CPython's `PyUnicode_Append` resizes a string
//! whose reference count is one — without that, building a string by appending in a
//! loop copies it whole each time and takes quadratic time. Owning a `String` (rather
//! than being a `str` itself) is what lets it grow with `String`'s amortized doubling.
//!
//! [`Value::Str`]: crate::object::value::Value::Str

use std::borrow::Borrow;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::rc::Rc;

use crate::object::char_index::CharIndex;

/// The text of a `str` value. Compares, orders and hashes (in Rust's collections) as
/// its text does; Python's `hash()` of it is [`crate::object::hash::str_hash`] of the
/// text, as before.
#[derive(Clone, Default)]
pub struct PyStr {
    text: String,
    /// The character index of a long string, made when first asked for
    /// ([`crate::object::char_index::index_of`]).
    index: RefCell<Option<Rc<CharIndex>>>,
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        self.text == other.text
    }
}

impl Eq for PyStr {}

impl PartialOrd for PyStr {
    fn partial_cmp(&self, other: &PyStr) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PyStr {
    fn cmp(&self, other: &PyStr) -> Ordering {
        self.text.cmp(&other.text)
    }
}

impl Hash for PyStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl PyStr {
    /// A new string, ready to be a [`crate::object::value::Value::Str`] or a keyword's name.
    pub fn rc(text: impl Into<PyStr>) -> Rc<PyStr> {
        Rc::new(text.into())
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Appends `tail` to the string `rc` holds when nothing else holds it (no other
    /// reference, no weak one: the change cannot be seen), growing it in place; gives
    /// `tail` back otherwise, and the caller makes a new string.
    pub fn append_unique<'a>(rc: &mut Rc<PyStr>, tail: &'a str) -> Result<(), &'a str> {
        match Rc::get_mut(rc) {
            Some(unique) => {
                let start = unique.text.len();
                unique.text.push_str(tail);
                let index = unique.index.get_mut();
                if let Some(kept) = index {
                    match Rc::get_mut(kept) {
                        Some(kept) => kept.extend(&unique.text, start),
                        None => *index = None,
                    }
                }
                Ok(())
            }
            None => Err(tail),
        }
    }

    /// The character index kept with this string, if one was made.
    pub(crate) fn kept_index(&self) -> Option<Rc<CharIndex>> {
        self.index.borrow().clone()
    }

    /// Keeps `index` (made for this string's text) with the string.
    pub(crate) fn keep_index(&self, index: Rc<CharIndex>) {
        *self.index.borrow_mut() = Some(index);
    }
}

impl Deref for PyStr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl Borrow<str> for PyStr {
    fn borrow(&self) -> &str {
        &self.text
    }
}

impl AsRef<str> for PyStr {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl From<&str> for PyStr {
    fn from(text: &str) -> PyStr {
        PyStr::from(text.to_owned())
    }
}

impl From<String> for PyStr {
    fn from(text: String) -> PyStr {
        PyStr {
            text,
            index: RefCell::new(None),
        }
    }
}

impl From<&String> for PyStr {
    fn from(text: &String) -> PyStr {
        PyStr::from(text.as_str())
    }
}

impl From<Rc<str>> for PyStr {
    fn from(text: Rc<str>) -> PyStr {
        PyStr::from(&*text)
    }
}

impl From<&Rc<str>> for PyStr {
    fn from(text: &Rc<str>) -> PyStr {
        PyStr::from(&**text)
    }
}

impl PartialEq<str> for PyStr {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for PyStr {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl fmt::Display for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.text, f)
    }
}

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text, f)
    }
}
