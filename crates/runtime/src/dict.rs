//! `dict` and `set` storage: insertion-ordered hash tables keyed by Python
//! equality (`1 == 1.0 == True` are one key) and Python's numeric hash.
//!
//! Sets iterate in insertion order, not CPython's table order; programs whose
//! output depends on set order of non-integers are not deterministic in
//! CPython either (string hashing is randomized), and docs/ARCHITECTURE.md
//! records the difference for integer sets.

use std::hash::{Hash, Hasher};

use indexmap::{Equivalent, IndexMap, IndexSet};
use num_bigint::BigInt;

use crate::exceptions::type_error;
use crate::ops::values_equal;
use crate::types::type_of;
use crate::value::{PyResult, Value};

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

/// A `str` key looked up without building a `Value` (global names,
/// module attributes).
struct StrKey<'a> {
    hash: i64,
    text: &'a str,
}

impl<'a> StrKey<'a> {
    fn new(text: &'a str) -> StrKey<'a> {
        StrKey {
            hash: fnv(text.as_bytes()),
            text,
        }
    }
}

impl Hash for StrKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}

impl Equivalent<Key> for StrKey<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        matches!(&key.value, Value::Str(s) if &**s == self.text)
    }
}

/// Python's `hash()` for the hashable built-in values.
pub fn hash_value(v: &Value) -> PyResult<i64> {
    use loopscope_cpython::numeric_hash::{hash_float, hash_int};
    Ok(match v {
        Value::None => 0x5f3759df,
        Value::Bool(b) => *b as i64,
        Value::Int(i) => {
            if (-(1i64 << 60)..(1i64 << 60)).contains(i) {
                if *i == -1 {
                    -2
                } else {
                    *i
                }
            } else {
                hash_int(&BigInt::from(*i))
            }
        }
        Value::BigInt(b) => hash_int(b),
        Value::Float(f) => hash_float(*f).unwrap_or(0),
        Value::Str(s) => fnv(s.as_bytes()),
        Value::Bytes(b) => fnv(b),
        Value::Tuple(items) => {
            let mut h: i64 = 0x345678;
            for i in items.iter() {
                h = h.wrapping_mul(1_000_003) ^ hash_value(i)?;
            }
            h
        }
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
            return Err(type_error(format!(
                "unhashable type: '{}'",
                type_of(v).name()
            )))
        }
        Value::Type(t) => *t as i64 + 1000,
        other => identity_hash(other),
    })
}

fn fnv(bytes: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h as i64
}

fn identity_hash(v: &Value) -> i64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    match v {
        Value::Function(r) => std::ptr::hash(&**r, &mut h),
        Value::Builtin(r) => std::ptr::hash(&**r, &mut h),
        Value::Generator(r) => std::ptr::hash(&**r, &mut h),
        Value::Exception(r) => std::ptr::hash(&**r, &mut h),
        Value::Module(r) => std::ptr::hash(&**r, &mut h),
        Value::Async(r) => std::ptr::hash(&**r, &mut h),
        Value::Iter(r) => std::ptr::hash(&**r, &mut h),
        Value::Range(r) => std::ptr::hash(&**r, &mut h),
        Value::Cell(r) => std::ptr::hash(&**r, &mut h),
        _ => 0.hash(&mut h),
    }
    h.finish() as i64
}

#[derive(Clone, Default)]
pub struct Dict {
    map: IndexMap<Key, Value>,
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    pub fn insert(&mut self, k: Value, v: Value) -> PyResult<()> {
        self.map.insert(Key::new(k)?, v);
        Ok(())
    }
    pub fn insert_str(&mut self, k: &str, v: Value) {
        self.map.insert(
            Key {
                hash: fnv(k.as_bytes()),
                value: Value::str(k),
            },
            v,
        );
    }
    pub fn get(&self, k: &Value) -> PyResult<Option<Value>> {
        Ok(self.map.get(&Key::new(k.clone())?).cloned())
    }
    pub fn get_str(&self, k: &str) -> Option<Value> {
        self.map.get(&StrKey::new(k)).cloned()
    }
    pub fn contains(&self, k: &Value) -> PyResult<bool> {
        Ok(self.map.contains_key(&Key::new(k.clone())?))
    }
    pub fn remove(&mut self, k: &Value) -> PyResult<Option<Value>> {
        Ok(self.map.shift_remove(&Key::new(k.clone())?))
    }
    pub fn remove_str(&mut self, k: &str) -> Option<Value> {
        self.map.shift_remove(&StrKey::new(k))
    }
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.map.iter().map(|(k, v)| (&k.value, v))
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
    pub fn get_index(&self, i: usize) -> Option<(Value, Value)> {
        self.map
            .get_index(i)
            .map(|(k, v)| (k.value.clone(), v.clone()))
    }
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        self.map.pop().map(|(k, v)| (k.value, v))
    }
    pub fn clear(&mut self) {
        self.map.clear();
    }
}

#[derive(Clone, Default)]
pub struct PySet {
    set: IndexSet<Key>,
}

impl PySet {
    pub fn new() -> PySet {
        PySet::default()
    }
    pub fn len(&self) -> usize {
        self.set.len()
    }
    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }
    pub fn add(&mut self, v: Value) -> PyResult<()> {
        self.set.insert(Key::new(v)?);
        Ok(())
    }
    pub fn contains(&self, v: &Value) -> PyResult<bool> {
        Ok(self.set.contains(&Key::new(v.clone())?))
    }
    pub fn remove(&mut self, v: &Value) -> PyResult<bool> {
        Ok(self.set.shift_remove(&Key::new(v.clone())?))
    }
    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.set.iter().map(|k| &k.value)
    }
    pub fn items(&self) -> Vec<Value> {
        self.iter().cloned().collect()
    }
    pub fn pop_first(&mut self) -> Option<Value> {
        self.set.shift_remove_index(0).map(|k| k.value)
    }
    pub fn clear(&mut self) {
        self.set.clear();
    }
}
