//! `int | None`: the union of types that `type.__or__` makes
//! (`types.UnionType`), or of generic aliases (`list[int] | None`). It holds its members flattened and without
//! repeats, in order; `isinstance` and `issubclass` accept it like a tuple
//! of its members, and two unions are equal when they hold the same
//! members in any order.

use std::rc::Rc;

use crate::object::native::{downcast, NativeObject};
use crate::object::types::{type_of, TypeId, TypeRef};
use crate::object::value::Value;

/// A union of types (None standing for `NoneType`).
pub struct Union {
    pub members: Vec<Value>,
}

impl NativeObject for Union {
    fn class_id(&self) -> TypeId {
        TypeId::UnionType
    }

    /// `int | None`, `collections.deque | str` (`repr` shows the members
    /// that are not types, `list[int]`, by their own repr).
    fn repr(&self) -> String {
        let names: Vec<String> = self
            .members
            .iter()
            .map(|m| member_name(m).unwrap_or_else(|| type_of(m).name().into_owned()))
            .collect();
        names.join(" | ")
    }

    fn equals(&self, other: &Value) -> Option<bool> {
        let other = downcast::<Union>(other)?;
        let holds =
            |a: &Union, b: &Union| a.members.iter().all(|m| b.members.iter().any(|n| n.is(m)));
        Some(holds(self, &other) && holds(&other, self))
    }
}

impl Union {
    /// `__args__`: the members, None as `NoneType`.
    pub fn args(&self) -> Value {
        let args = self.members.iter().map(|m| match m {
            Value::None => Value::Type(TypeRef::Builtin(TypeId::NoneType)),
            other => other.clone(),
        });
        Value::tuple(args.collect())
    }
}

/// How a union shows a member that is a type or None.
pub fn member_name(member: &Value) -> Option<String> {
    match member {
        Value::Type(t) => Some(match t.module().as_ref() {
            "builtins" => t.qualname().into_owned(),
            module => format!("{module}.{}", t.qualname()),
        }),
        Value::None => Some("None".to_string()),
        _ => None,
    }
}

/// What may be a member: a type, None, or a union.
fn unionable(v: &Value) -> bool {
    matches!(v, Value::Type(_) | Value::None) || downcast::<Union>(v).is_some()
}

/// `a | b` when one is a type or a union and both may be members: the
/// union of their members.
pub fn union_of(a: &Value, b: &Value) -> Option<Value> {
    let typed = |v: &Value| matches!(v, Value::Type(_)) || downcast::<Union>(v).is_some();
    if !(unionable(a) && unionable(b) && (typed(a) || typed(b))) {
        return None;
    }
    Some(join(a, b))
}

/// The union of the members of `a` and `b`, in order and without
/// repeats; the one member when they are the same.
pub fn join(a: &Value, b: &Value) -> Value {
    let mut members: Vec<Value> = Vec::new();
    for side in [a, b] {
        let parts = match downcast::<Union>(side) {
            Some(u) => u.members.clone(),
            None => vec![side.clone()],
        };
        for part in parts {
            let part = match part {
                Value::Type(TypeRef::Builtin(TypeId::NoneType)) => Value::None,
                other => other,
            };
            if !members.iter().any(|m| m.is(&part)) {
                members.push(part);
            }
        }
    }
    match <[Value; 1]>::try_from(members) {
        Ok([single]) => single,
        Err(members) => Value::Native(Rc::new(Union { members })),
    }
}

/// The members of `v` as `isinstance` checks them, when it is a union.
pub fn members(v: &Value) -> Option<Vec<Value>> {
    downcast::<Union>(v).map(|u| match u.args() {
        Value::Tuple(t) => t.to_vec(),
        _ => Vec::new(),
    })
}
