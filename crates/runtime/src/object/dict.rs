//! `dict` storage: an insertion-ordered hash table keyed by Python equality
//! (`1 == 1.0 == True` are one key) and Python's hash (`hash.rs`). Sets are
//! in `set.rs`; both are re-exported here for the rest of the runtime.

use std::hash::{Hash, Hasher};

use indexmap::map::RawEntryApiV1;
use indexmap::{Equivalent, IndexMap};

use crate::object::compare::values_equal;
pub use crate::object::hash::hash_value;
use crate::object::hash::str_hash;
pub use crate::object::set::PySet;
use crate::object::value::{PyResult, Value};

/// A hashable value with its hash computed once.
#[derive(Clone)]
pub struct Key {
    hash: i64,
    pub value: Value,
}

impl Key {
    pub fn new(value: Value) -> PyResult<Key> {
        Ok(Key {
            hash: hash_value(&value)?,
            value,
        })
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.value.is(&other.value) || values_equal(&self.value, &other.value)
    }
}

impl Eq for Key {}

/// A Python hash hashed as a [`Key`] with that hash is.
struct HashOnly(i64);

impl Hash for HashOnly {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.0);
    }
}

/// A `str` key looked up without building a `Value` (global names,
/// module attributes), hashed once for the lookups of one name in several
/// dicts (an attribute along a class's MRO).
pub struct StrKey<'a> {
    hash: i64,
    text: &'a str,
}

impl<'a> StrKey<'a> {
    pub fn new(text: &'a str) -> StrKey<'a> {
        StrKey {
            hash: str_hash(text),
            text,
        }
    }

    /// The key's text.
    pub fn text(&self) -> &'a str {
        self.text
    }
}

impl Hash for StrKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}

impl Equivalent<Key> for StrKey<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        matches!(&key.value, Value::Str(s) if s.as_str() == self.text)
    }
}

pub struct Dict {
    /// Keys carry their Python hash; FxHash spreads it cheaply (the default
    /// SipHash would hash the hash again on every lookup).
    map: IndexMap<Key, Value, rustc_hash::FxBuildHasher>,
    /// Names this dict's set of keys: a new tag, never used before on this thread, each
    /// time a key is added or removed. While the tag is unchanged, a key found at an
    /// index is still there ([`Dict::value_at`]), which lets global lookups be cached.
    keys_tag: u64,
}

thread_local! {
    static LAST_KEYS_TAG: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A keys tag no dict of this thread has had (never 0).
fn fresh_keys_tag() -> u64 {
    LAST_KEYS_TAG.with(|last| {
        let tag = last.get() + 1;
        last.set(tag);
        tag
    })
}

impl Default for Dict {
    fn default() -> Dict {
        Dict {
            map: IndexMap::default(),
            keys_tag: fresh_keys_tag(),
        }
    }
}

impl Clone for Dict {
    fn clone(&self) -> Dict {
        Dict {
            map: self.map.clone(),
            keys_tag: fresh_keys_tag(),
        }
    }
}

/// Entries are freed through [`crate::object::teardown`], so that a chain of dicts
/// nested 100,000 deep frees without deep native recursion.
impl Drop for Dict {
    fn drop(&mut self) {
        if !self.map.is_empty() {
            crate::object::teardown::free(std::mem::take(&mut self.map));
        }
    }
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }
    /// See `keys_tag`: equal tags mean the same keys at the same indexes.
    pub fn keys_tag(&self) -> u64 {
        self.keys_tag
    }
    fn keys_changed(&mut self) {
        self.keys_tag = fresh_keys_tag();
    }
    /// The index of the `str` key `text` whose hash is `hash`.
    pub fn index_of_str_hashed(&self, text: &str, hash: i64) -> Option<usize> {
        self.map.get_index_of(&StrKey { hash, text })
    }
    /// The value at `index` (an index found while the keys tag was the same).
    pub fn value_at(&self, index: usize) -> Option<&Value> {
        self.map.get_index(index).map(|(_, v)| v)
    }
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    pub fn insert(&mut self, k: Value, v: Value) -> PyResult<()> {
        if self.map.insert(Key::new(k)?, v).is_none() {
            self.keys_changed();
        }
        Ok(())
    }
    pub fn insert_str(&mut self, k: &str, v: Value) {
        let key = Key {
            hash: str_hash(k),
            value: Value::str(k),
        };
        if self.map.insert(key, v).is_none() {
            self.keys_changed();
        }
    }
    pub fn get(&self, k: &Value) -> PyResult<Option<Value>> {
        Ok(self.map.get(&Key::new(k.clone())?).cloned())
    }
    pub fn get_str(&self, k: &str) -> Option<Value> {
        self.get_key(&StrKey::new(k))
    }
    /// [`Dict::get_str`] with the key already hashed.
    pub fn get_key(&self, k: &StrKey) -> Option<Value> {
        self.map.get(k).cloned()
    }
    /// The value of the entry whose key is the str `k`, not cloned.
    pub fn get_str_ref(&self, k: &str) -> Option<&Value> {
        self.map.get(&StrKey::new(k))
    }
    /// The value of the entry whose key is the str `k`, to change it in place (its key
    /// stays: no keys tag changes).
    pub fn get_str_mut(&mut self, k: &str) -> Option<&mut Value> {
        self.map.get_mut(&StrKey::new(k))
    }
    pub fn contains(&self, k: &Value) -> PyResult<bool> {
        Ok(self.map.contains_key(&Key::new(k.clone())?))
    }
    pub fn remove(&mut self, k: &Value) -> PyResult<Option<Value>> {
        let removed = self.map.shift_remove(&Key::new(k.clone())?);
        if removed.is_some() {
            self.keys_changed();
        }
        Ok(removed)
    }
    pub fn remove_str(&mut self, k: &str) -> Option<Value> {
        let removed = self.map.shift_remove(&StrKey::new(k));
        if removed.is_some() {
            self.keys_changed();
        }
        removed
    }
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.map.iter().map(|(k, v)| (&k.value, v))
    }
    /// The keys with the hashes stored for them, in order.
    pub fn hashed_keys(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.map.keys().map(|k| (k.hash, &k.value))
    }
    pub fn keys(&self) -> Vec<Value> {
        self.map.keys().map(|k| k.value.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.map.values().cloned().collect()
    }
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.map
            .iter()
            .map(|(k, v)| (k.value.clone(), v.clone()))
            .collect()
    }
    /// The table's hash of a key whose Python hash is `hash`.
    fn table_hash(&self, hash: i64) -> u64 {
        use std::hash::BuildHasher;
        self.map.hasher().hash_one(HashOnly(hash))
    }

    /// The keys stored with the Python hash `hash`: the candidates a key
    /// with that hash may equal. (Lookups whose equality runs Python code
    /// compare them with no borrow of the dict held.)
    pub fn candidates(&self, hash: i64) -> Vec<Value> {
        let mut found = Vec::new();
        self.map
            .raw_entry_v1()
            .from_hash(self.table_hash(hash), |k| {
                if k.hash == hash {
                    found.push(k.value.clone());
                }
                false
            });
        found
    }

    /// The value of the entry whose key is `key` itself.
    pub fn get_identical(&self, key: &Value, hash: i64) -> Option<Value> {
        self.map
            .raw_entry_v1()
            .from_hash(self.table_hash(hash), |k| k.value.is(key))
            .map(|(_, v)| v.clone())
    }

    /// Set the value of the entry whose key is `key` itself, or add an
    /// entry for it.
    pub fn set_identical(&mut self, key: Value, hash: i64, v: Value) {
        let table_hash = self.table_hash(hash);
        match self
            .map
            .raw_entry_mut_v1()
            .from_hash(table_hash, |k| k.value.is(&key))
        {
            indexmap::map::raw_entry_v1::RawEntryMut::Occupied(mut e) => {
                e.insert(v);
            }
            indexmap::map::raw_entry_v1::RawEntryMut::Vacant(e) => {
                e.insert_hashed_nocheck(table_hash, Key { hash, value: key }, v);
                self.keys_changed();
            }
        }
    }

    /// Remove the entry whose key is `key` itself.
    pub fn remove_identical(&mut self, key: &Value, hash: i64) -> Option<Value> {
        let table_hash = self.table_hash(hash);
        match self
            .map
            .raw_entry_mut_v1()
            .from_hash(table_hash, |k| k.value.is(key))
        {
            indexmap::map::raw_entry_v1::RawEntryMut::Occupied(e) => {
                let removed = e.shift_remove();
                self.keys_changed();
                Some(removed)
            }
            indexmap::map::raw_entry_v1::RawEntryMut::Vacant(_) => None,
        }
    }

    pub fn get_index(&self, i: usize) -> Option<(Value, Value)> {
        self.map
            .get_index(i)
            .map(|(k, v)| (k.value.clone(), v.clone()))
    }
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let popped = self.map.pop().map(|(k, v)| (k.value, v));
        if popped.is_some() {
            self.keys_changed();
        }
        popped
    }
}
