//! `set` storage: a port of CPython 3.11's Objects/setobject.c, so that sets
//! iterate, print and `pop()` in CPython's order.
//!
//! The table is open-addressed like CPython's: the first probe is
//! `hash & mask`, then up to `LINEAR_PROBES` neighbours, then the perturbed
//! jump `i = (i*5 + 1 + perturb) & mask`. Removed entries leave dummies; the
//! table grows (×4, ×2 past 50,000 entries) when three fifths are filled.
//! Copies and updates follow `set_merge`/`set_update_internal`, and the set
//! algebra follows `set_intersection`, `set_difference`, ... because the order
//! of the result depends on how it was built.
//!
//! Values CPython hashes by heap address (tasks, futures, functions, see
//! [`hashed_by_address`]) have no reproducible order in CPython. A set holding
//! any of them iterates, and pops, in insertion order instead (entries keep a
//! sequence number; copies keep their source's relative order), which is the
//! order docs/ARCHITECTURE.md promises for sets of tasks.

use crate::object::compare::values_equal;
use crate::object::dict::Dict;
use crate::object::hash::{hash_value, hashed_by_address};
use crate::object::value::{PyResult, Value};

/// `PySet_MINSIZE`: the size of a new (or cleared) table.
const MIN_SIZE: usize = 8;
/// How many neighbouring slots a probe scans before jumping.
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Unused,
    Dummy,
    Active(Entry),
}

#[derive(Clone)]
struct Entry {
    hash: i64,
    value: Value,
    /// Insertion sequence number, for sets ordered by insertion.
    seq: u64,
    by_address: bool,
}

/// The other operand of an update or a set operation, as CPython tells them
/// apart: the set itself, another set, a dict (its keys, with their stored
/// hashes) or the items of any other iterable.
pub enum Other<'a> {
    Itself,
    Set(&'a PySet),
    Dict(&'a Dict),
    Items(&'a [Value]),
}

/// A Python `set`, or a `frozenset` when `frozen` (set once, when it is made:
/// nothing mutates a frozen set, whose type is `frozenset`).
#[derive(Clone)]
pub struct PySet {
    pub frozen: bool,
    /// `mask + 1` slots, a power of two.
    table: Vec<Slot>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots: the set's length.
    used: usize,
    /// Where `pop()` starts looking.
    finger: usize,
    next_seq: u64,
    /// How many entries are hashed by address (see the module doc).
    by_address: usize,
}

impl Default for PySet {
    fn default() -> PySet {
        PySet {
            frozen: false,
            table: vec![Slot::Unused; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
            next_seq: 0,
            by_address: 0,
        }
    }
}

/// Items are freed through [`crate::object::teardown`]: frozensets nested 100,000
/// deep free without deep native recursion.
impl Drop for PySet {
    fn drop(&mut self) {
        crate::object::weakrefs::referent_dropped(self as *const PySet as usize);
        if self.used > 0 {
            crate::object::teardown::free(std::mem::take(&mut self.table));
        }
    }
}

fn same_key(a: &Value, b: &Value) -> bool {
    a.is(b) || values_equal(a, b)
}

/// The next slot of a probe sequence after the linear run at `i`.
fn next_probe(i: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= PERTURB_SHIFT;
    (i.wrapping_mul(5)
        .wrapping_add(1)
        .wrapping_add(*perturb as usize))
        & mask
}

impl PySet {
    pub fn new() -> PySet {
        PySet::default()
    }

    /// A set built by adding `items` in order (`set(list)`, `{a, b, c}`).
    pub fn from_items(items: impl IntoIterator<Item = Value>) -> PyResult<PySet> {
        let mut set = PySet::new();
        for item in items {
            set.add(item)?;
        }
        Ok(set)
    }

    /// The set CPython's compiler folds a display of constants into: a
    /// frozenset of the items, rebuilt from its own order when the compiler
    /// merges constants (`merge_consts_recursive`).
    ///
    /// Not modelled: CPython rebuilds it once more when creating the code
    /// object interns one of its strings into a different, older object (a
    /// name-like string equal to an identifier of the program or to a string
    /// the interpreter interned before); such a display may iterate in
    /// another order than here.
    pub fn from_constants(items: Vec<Value>) -> PyResult<PySet> {
        let first = PySet::from_items(items)?;
        let mut folded = PySet::new();
        for e in first.active() {
            folded.add_entry(e.hash, e.value.clone(), e.seq, e.by_address);
        }
        Ok(folded)
    }

    pub fn len(&self) -> usize {
        self.used
    }

    /// This set, made a frozenset.
    pub fn into_frozen(mut self) -> PySet {
        self.frozen = true;
        self
    }

    /// `frozenset_hash`: the shuffled hashes of the entries, xored (so the
    /// order does not matter), mixed with the length.
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle_bits(h: u64) -> u64 {
            ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
        }
        let mut hash = self
            .active()
            .fold(0u64, |acc, e| acc ^ shuffle_bits(e.hash as u64));
        hash ^= (self.used as u64 + 1).wrapping_mul(1_927_868_237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
        if hash == u64::MAX {
            hash = 590_923_713;
        }
        hash as i64
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// The active entries in table order.
    fn active(&self) -> impl Iterator<Item = &Entry> {
        self.table.iter().filter_map(|s| match s {
            Slot::Active(e) => Some(e),
            _ => None,
        })
    }

    /// The active entries in iteration order.
    fn ordered(&self) -> Vec<&Entry> {
        let mut entries: Vec<&Entry> = self.active().collect();
        if self.by_address > 0 {
            entries.sort_by_key(|e| e.seq);
        }
        entries
    }

    /// The values in iteration order.
    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.ordered().into_iter().map(|e| &e.value)
    }

    /// Replaces, slot by slot, each value for which `f` gives another (of the
    /// same hash: the table stays as it is).
    pub fn replace_values(
        &mut self,
        mut f: impl FnMut(&Value, i64) -> PyResult<Option<Value>>,
    ) -> PyResult<()> {
        for slot in &mut self.table {
            if let Slot::Active(e) = slot {
                if let Some(new) = f(&e.value, e.hash)? {
                    e.value = new;
                }
            }
        }
        Ok(())
    }

    /// The values with the hashes stored for them, in iteration order.
    pub fn hashed_items(&self) -> Vec<(Value, i64)> {
        self.ordered()
            .into_iter()
            .map(|e| (e.value.clone(), e.hash))
            .collect()
    }

    pub fn items(&self) -> Vec<Value> {
        self.iter().cloned().collect()
    }

    pub fn add(&mut self, v: Value) -> PyResult<()> {
        let hash = hash_value(&v)?;
        self.add_hashed(v, hash);
        Ok(())
    }

    /// `add` with the hash already computed (by a class's `__hash__`).
    pub fn add_hashed(&mut self, v: Value, hash: i64) {
        let seq = self.next_seq;
        let by_address = hashed_by_address(&v);
        self.add_entry(hash, v, seq, by_address);
    }

    pub fn contains(&self, v: &Value) -> PyResult<bool> {
        Ok(self.contains_hashed(v, hash_value(v)?))
    }

    pub fn contains_hashed(&self, v: &Value, hash: i64) -> bool {
        self.lookup(hash, v).is_ok()
    }

    /// Whether every item of this set is in `other`, looked up by the hashes
    /// stored with the items, without the VM: an item is found by identity or
    /// built-in equality (`mapping::set_is_subset` also runs a class's `__eq__`).
    pub fn is_subset(&self, other: &PySet) -> bool {
        self.len() <= other.len()
            && self
                .active()
                .all(|e| other.lookup(e.hash, &e.value).is_ok())
    }

    /// Removes `v` if present (`discard`); whether it was.
    pub fn remove(&mut self, v: &Value) -> PyResult<bool> {
        Ok(self.remove_hashed(v, hash_value(v)?))
    }

    pub fn remove_hashed(&mut self, v: &Value, hash: i64) -> bool {
        self.discard_entry(hash, v)
    }

    /// `set.pop()`: the first entry from the finger on, wrapping around.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let i = if self.by_address > 0 {
            let oldest = |i: &usize| match &self.table[*i] {
                Slot::Active(e) => e.seq,
                _ => u64::MAX,
            };
            (0..self.table.len()).min_by_key(oldest)?
        } else {
            let mask = self.mask();
            let mut i = self.finger & mask;
            while !matches!(self.table[i], Slot::Active(_)) {
                i = if i == mask { 0 } else { i + 1 };
            }
            self.finger = i + 1;
            i
        };
        self.take(i).map(|e| e.value)
    }

    /// Empties the set back to the minimal table (`set_clear_internal`).
    pub fn clear(&mut self) {
        let finger = self.finger;
        *self = PySet::default();
        self.finger = finger;
    }

    /// `set.copy()`: a new set merged from this one.
    pub fn copy(&self) -> PySet {
        let mut out = PySet::new();
        out.merge(self);
        out
    }

    /// `set_lookkey`: `Ok(slot)` of the equal key, or `Err(slot)` of the
    /// unused slot that ended the search.
    fn lookup(&self, hash: i64, v: &Value) -> Result<usize, usize> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Unused => return Err(j),
                    Slot::Active(e) if e.hash == hash && same_key(&e.value, v) => return Ok(j),
                    _ => {}
                }
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    /// The items stored with hash `hash` (met along its probe sequence):
    /// the candidates an item with that hash may equal.
    pub fn candidates(&self, hash: i64) -> Vec<Value> {
        let mut found = Vec::new();
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Unused => return found,
                    Slot::Active(e) if e.hash == hash => found.push(e.value.clone()),
                    _ => {}
                }
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    /// `set_add_entry`: an equal key already present stays; a new one takes
    /// the last dummy met on the probe, else the unused slot ending it.
    fn add_entry(&mut self, hash: i64, value: Value, seq: u64, by_address: bool) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        let mut free_slot = None;
        let unused = 'probe: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Unused => break 'probe j,
                    Slot::Active(e) => {
                        if e.hash == hash && same_key(&e.value, &value) {
                            return;
                        }
                    }
                    Slot::Dummy => free_slot = Some(j),
                }
            }
            i = next_probe(i, &mut perturb, mask);
        };
        self.next_seq = self.next_seq.max(seq + 1);
        self.used += 1;
        self.by_address += by_address as usize;
        let entry = Slot::Active(Entry {
            hash,
            value,
            seq,
            by_address,
        });
        if let Some(j) = free_slot {
            self.table[j] = entry;
            return;
        }
        self.table[unused] = entry;
        self.fill += 1;
        if self.fill * 5 >= mask * 3 {
            self.resize(self.growth());
        }
    }

    /// The `minused` a full table is resized for.
    fn growth(&self) -> usize {
        if self.used > 50_000 {
            self.used * 2
        } else {
            self.used * 4
        }
    }

    /// `set_discard_entry`: the key's slot becomes a dummy.
    fn discard_entry(&mut self, hash: i64, v: &Value) -> bool {
        match self.lookup(hash, v) {
            Ok(i) => self.take(i).is_some(),
            Err(_) => false,
        }
    }

    /// Turns active slot `i` into a dummy, returning its entry.
    fn take(&mut self, i: usize) -> Option<Entry> {
        match std::mem::replace(&mut self.table[i], Slot::Dummy) {
            Slot::Active(e) => {
                self.used -= 1;
                self.by_address -= e.by_address as usize;
                Some(e)
            }
            other => {
                self.table[i] = other;
                None
            }
        }
    }

    /// `set_table_resize`: a table of the smallest power of two above
    /// `min_used`, refilled in old-table order without the dummies.
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        if size == MIN_SIZE && self.table.len() == MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Unused; size]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Active(e) = slot {
                self.insert_clean(e);
            }
        }
    }

    /// `set_insert_clean`: places an entry known to be absent in a table
    /// without dummies (fill and used are the caller's).
    fn insert_clean(&mut self, entry: Entry) {
        let mask = self.mask();
        let mut perturb = entry.hash as u64;
        let mut i = entry.hash as u64 as usize & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            if let Some(j) = (i..=i + probes).find(|&j| matches!(self.table[j], Slot::Unused)) {
                self.table[j] = Slot::Active(entry);
                return;
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    /// `set_merge`: adds every entry of `other` (a different set), keeping
    /// the stored hashes; an empty set of the same size copies slot by slot.
    fn merge(&mut self, other: &PySet) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        let base = self.next_seq;
        self.next_seq += other.next_seq;
        let shifted = |e: &Entry| Entry {
            seq: base + e.seq,
            ..e.clone()
        };
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            self.by_address = other.by_address;
            if self.mask() == other.mask() && other.fill == other.used {
                for (mine, theirs) in self.table.iter_mut().zip(&other.table) {
                    if let Slot::Active(e) = theirs {
                        *mine = Slot::Active(shifted(e));
                    }
                }
            } else {
                for e in other.active() {
                    self.insert_clean(shifted(e));
                }
            }
            return;
        }
        for e in other.active() {
            let e = shifted(e);
            self.add_entry(e.hash, e.value, e.seq, e.by_address);
        }
    }

    /// `set_update_internal` for a dict: one resize up front, then the keys
    /// with the hashes the dict stored.
    fn update_from_dict(&mut self, d: &Dict) {
        let n = d.len();
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
        for (hash, key) in d.hashed_keys() {
            let seq = self.next_seq;
            self.add_entry(hash, key.clone(), seq, hashed_by_address(key));
        }
    }

    /// `set.update(other)`, `|=`.
    pub fn update(&mut self, other: Other) -> PyResult<()> {
        match other {
            Other::Itself => {}
            Other::Set(o) => self.merge(o),
            Other::Dict(d) => self.update_from_dict(d),
            Other::Items(items) => {
                for v in items {
                    self.add(v.clone())?;
                }
            }
        }
        Ok(())
    }

    /// A new set of `other`'s items (`make_new_set`).
    fn new_from(&self, other: Other) -> PyResult<PySet> {
        let mut out = PySet::new();
        match other {
            Other::Itself => out.merge(self),
            other => out.update(other)?,
        }
        Ok(out)
    }

    /// `set.union(other)`, `|`: a copy updated with `other`.
    pub fn union(&self, other: Other) -> PyResult<PySet> {
        let mut out = self.copy();
        out.update(other)?;
        Ok(out)
    }

    /// `set_intersection`: with a set, the smaller one's entries found in
    /// the larger; with an iterable, its items found here, stopping once all
    /// of this set is found.
    pub fn intersection(&self, other: Other) -> PyResult<PySet> {
        let mut out = PySet::new();
        let items: Vec<Value> = match other {
            Other::Itself => return Ok(self.copy()),
            Other::Set(o) => {
                let (big, small) = if o.len() > self.len() {
                    (o, self)
                } else {
                    (self, o)
                };
                for e in small.active() {
                    if big.lookup(e.hash, &e.value).is_ok() {
                        out.add_entry(e.hash, e.value.clone(), e.seq, e.by_address);
                    }
                }
                return Ok(out);
            }
            Other::Dict(d) => d.keys(),
            Other::Items(items) => items.to_vec(),
        };
        for v in items {
            let hash = hash_value(&v)?;
            if self.lookup(hash, &v).is_ok() {
                let seq = out.next_seq;
                let by_address = hashed_by_address(&v);
                out.add_entry(hash, v, seq, by_address);
                if out.len() >= self.len() {
                    break;
                }
            }
        }
        Ok(out)
    }

    /// `set.intersection_update(other)`, `&=`: this set becomes the
    /// intersection's table (CPython swaps the bodies).
    pub fn intersection_update(&mut self, other: Other) -> PyResult<()> {
        let body = self.intersection(other)?;
        self.replace_body(body);
        Ok(())
    }

    /// `set_swap_bodies`: this set takes `body`'s table as it is (the
    /// `pop()` finger stays).
    pub fn replace_body(&mut self, body: PySet) {
        let finger = self.finger;
        *self = body;
        self.finger = finger;
    }

    /// `set_difference`: this set's entries not in `other`, built afresh, or
    /// a copy with `other` removed when `other` is much smaller or is not a
    /// set or dict.
    pub fn difference(&self, other: Other) -> PyResult<PySet> {
        let other_len = match &other {
            Other::Itself => Some(self.len()),
            Other::Set(o) => Some(o.len()),
            Other::Dict(d) => Some(d.len()),
            Other::Items(_) => None,
        };
        if other_len.is_none_or(|n| (self.len() >> 2) > n) {
            let mut out = self.copy();
            out.difference_update(other)?;
            return Ok(out);
        }
        let mut out = PySet::new();
        for e in self.active() {
            let found = match &other {
                Other::Itself => true,
                Other::Set(o) => o.lookup(e.hash, &e.value).is_ok(),
                Other::Dict(d) => d.contains(&e.value)?,
                Other::Items(items) => items.iter().any(|v| same_key(v, &e.value)),
            };
            if !found {
                out.add_entry(e.hash, e.value.clone(), e.seq, e.by_address);
            }
        }
        Ok(out)
    }

    /// `set_difference_update_internal`: discards `other`'s items, then
    /// rebuilds the table if more than a quarter of it is dummies.
    pub fn difference_update(&mut self, other: Other) -> PyResult<()> {
        match other {
            Other::Itself => {
                self.clear();
                return Ok(());
            }
            Other::Set(o) => {
                let narrowed;
                let source = if (o.len() >> 3) > self.len() {
                    narrowed = self.intersection(Other::Set(o))?;
                    &narrowed
                } else {
                    o
                };
                for e in source.active() {
                    self.discard_entry(e.hash, &e.value);
                }
            }
            Other::Dict(d) => {
                for k in d.keys() {
                    self.remove(&k)?;
                }
            }
            Other::Items(items) => {
                for v in items {
                    self.remove(v)?;
                }
            }
        }
        if self.fill - self.used > self.mask() / 4 {
            self.resize(self.growth());
        }
        Ok(())
    }

    /// `set_symmetric_difference_update`: each of `other`'s entries is
    /// discarded if present, else added.
    pub fn symmetric_difference_update(&mut self, other: Other) -> PyResult<()> {
        let toggled: Vec<(i64, Value, bool)> = match other {
            Other::Itself => {
                self.clear();
                return Ok(());
            }
            Other::Dict(d) => d
                .hashed_keys()
                .map(|(h, k)| (h, k.clone(), hashed_by_address(k)))
                .collect(),
            Other::Set(o) => o
                .active()
                .map(|e| (e.hash, e.value.clone(), e.by_address))
                .collect(),
            Other::Items(items) => PySet::from_items(items.iter().cloned())?
                .active()
                .map(|e| (e.hash, e.value.clone(), e.by_address))
                .collect(),
        };
        for (hash, value, by_address) in toggled {
            if !self.discard_entry(hash, &value) {
                let seq = self.next_seq;
                self.add_entry(hash, value, seq, by_address);
            }
        }
        Ok(())
    }

    /// `set_symmetric_difference`: a set of `other`'s items, toggled by
    /// this set's.
    pub fn symmetric_difference(&self, other: Other) -> PyResult<PySet> {
        let mut out = self.new_from(other)?;
        out.symmetric_difference_update(Other::Set(self))?;
        Ok(out)
    }
}
