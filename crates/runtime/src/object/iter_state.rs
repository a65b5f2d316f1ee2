//! The state of the built-in iterator objects (`list_iterator`, `enumerate`,
//! `zip`, `map`, dict views, `itertools`' iterators, ...): plain data. How
//! each one advances is the VM's iteration protocol (`iterators`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::dict::{Dict, PySet};
use crate::object::pystr::PyStr;
use crate::object::teardown::{ListRef, TupleRef};
use crate::object::value::Value;

/// Which part of a dict a view or iterator yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

pub enum IterState {
    /// `list_iterator`; `None` once exhausted (it never restarts).
    List {
        list: Option<ListRef>,
        index: usize,
    },
    Tuple {
        items: TupleRef,
        index: usize,
    },
    Str {
        text: Rc<PyStr>,
        pos: usize,
    },
    Bytes {
        bytes: Rc<[u8]>,
        index: usize,
    },
    Range {
        next: i64,
        step: i64,
        remaining: i64,
    },
    /// Iterating a dict (or one of its views).
    Dict {
        dict: Rc<RefCell<Dict>>,
        part: DictPart,
        index: usize,
        len: usize,
    },
    /// `d.keys()` / `d.values()` / `d.items()`: a live view, iterable but
    /// not itself an iterator.
    DictView {
        dict: Rc<RefCell<Dict>>,
        part: DictPart,
    },
    Set {
        set: Rc<RefCell<PySet>>,
        items: Rc<[Value]>,
        index: usize,
    },
    Enumerate {
        inner: Value,
        count: Value,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        /// `None` keeps the truthy items.
        func: Value,
        inner: Value,
    },
    /// `reversed(seq)`: counts an index down over the shared items.
    Reversed {
        items: Rc<RefCell<Vec<Value>>>,
        index: isize,
        of_list: bool,
    },
    Count {
        next: Value,
        step: Value,
    },
    Repeat {
        item: Value,
        remaining: Option<u64>,
    },
    Cycle {
        inner: Option<Value>,
        saved: Vec<Value>,
        index: usize,
    },
    Islice {
        inner: Value,
        /// Index (in the source) of the next item to yield.
        next: usize,
        stop: Option<usize>,
        step: usize,
        consumed: usize,
    },
    Chain {
        /// Iterator over the iterables still to chain.
        sources: Value,
        current: Option<Value>,
    },
    /// `iter(func, sentinel)`: calls `func` until it returns `sentinel`;
    /// `None` once exhausted.
    Callable {
        func: Option<Value>,
        sentinel: Value,
    },
    /// `iter(obj)` of an object with `__getitem__` and no `__iter__`: asks
    /// `obj[0]`, `obj[1]`, ... until IndexError; `None` once exhausted.
    Sequence {
        seq: Option<Value>,
        index: i64,
    },
}

impl IterState {
    /// Whether taking an item takes one from other iterators (`map`, `zip`,
    /// `filter`...): a chain of them recurses in Rust once per link.
    pub fn pulls_from_iterators(&self) -> bool {
        matches!(
            self,
            IterState::Enumerate { .. }
                | IterState::Zip { .. }
                | IterState::Map { .. }
                | IterState::Filter { .. }
                | IterState::Cycle { .. }
                | IterState::Islice { .. }
                | IterState::Chain { .. }
        )
    }

    /// The type name CPython shows in the iterator's repr.
    pub fn type_name(&self) -> &'static str {
        match self {
            IterState::List { .. } => "list_iterator",
            IterState::Tuple { .. } => "tuple_iterator",
            IterState::Str { .. } => "str_ascii_iterator",
            IterState::Bytes { .. } => "bytes_iterator",
            IterState::Range { .. } => "range_iterator",
            IterState::Dict { part, .. } => match part {
                DictPart::Keys => "dict_keyiterator",
                DictPart::Values => "dict_valueiterator",
                DictPart::Items => "dict_itemiterator",
            },
            IterState::DictView { part, .. } => match part {
                DictPart::Keys => "dict_keys",
                DictPart::Values => "dict_values",
                DictPart::Items => "dict_items",
            },
            IterState::Set { .. } => "set_iterator",
            IterState::Enumerate { .. } => "enumerate",
            IterState::Zip { .. } => "zip",
            IterState::Map { .. } => "map",
            IterState::Filter { .. } => "filter",
            IterState::Reversed { of_list, .. } => {
                if *of_list {
                    "list_reverseiterator"
                } else {
                    "reversed"
                }
            }
            IterState::Count { .. } => "itertools.count",
            IterState::Repeat { .. } => "itertools.repeat",
            IterState::Cycle { .. } => "itertools.cycle",
            IterState::Islice { .. } => "itertools.islice",
            IterState::Chain { .. } => "itertools.chain",
            IterState::Callable { .. } => "callable_iterator",
            IterState::Sequence { .. } => "iterator",
        }
    }
}
