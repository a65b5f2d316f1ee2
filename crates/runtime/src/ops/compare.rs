//! Comparison operators: `==` and ordering with CPython's rich-comparison
//! protocol (reflected operands, NotImplemented, containers element by
//! element), and `in`.

use super::{truthy, values_equal};
use crate::iterators;
use crate::object::compare::{as_num, num_cmp};
use crate::object::exceptions::type_error;
use crate::object::types::type_of;
use crate::object::value::{PyResult, Value};
use crate::vm::Vm;
use loopscope_syntax::ast::CmpOp;
use std::cmp::Ordering;

/// Ordering for the operator `sym` (`<`, `<=`, ...); `None` means "not
/// orderable" (TypeError). Sequences apply `sym` to their first differing
/// items (and name it in their TypeError), as CPython does.
pub(super) fn order_as(vm: &mut Vm, a: &Value, b: &Value, sym: &str) -> PyResult<Option<Ordering>> {
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return Ok(num_cmp(&x, &y));
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(Some(x.cmp(y))),
        (Value::Bytes(_) | Value::ByteArray(_), Value::Bytes(_) | Value::ByteArray(_)) => {
            let bytes = crate::object::bytearray::bytes_like;
            Ok(bytes(a).zip(bytes(b)).map(|(x, y)| x.cmp(&y)))
        }
        (Value::List(_), Value::List(_)) | (Value::Tuple(_), Value::Tuple(_)) => {
            vm.recursing(IN_COMPARISON, |vm| {
                let xs = iterators::collect(vm, a)?;
                let ys = iterators::collect(vm, b)?;
                for (p, q) in xs.iter().zip(ys.iter()) {
                    if p.is(q) || eq(vm, p, q)? {
                        continue;
                    }
                    return order_or_error(vm, p, q, sym).map(Some);
                }
                Ok(Some(xs.len().cmp(&ys.len())))
            })
        }
        _ if crate::dunders::is_class_instance(a) || crate::dunders::is_class_instance(b) => {
            // Classes order themselves through their rich comparisons.
            let less = compare_op(vm, CmpOp::Lt, a, b)?;
            if truthy(vm, &less)? {
                return Ok(Some(Ordering::Less));
            }
            let greater = compare_op(vm, CmpOp::Gt, a, b)?;
            Ok(Some(if truthy(vm, &greater)? {
                Ordering::Greater
            } else {
                Ordering::Equal
            }))
        }
        _ => Ok(None),
    }
}

/// `a == b` as Python evaluates it: classes' `__eq__` run, also for the
/// items of lists, tuples and dicts.
pub fn eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x == y),
        (Value::Str(x), Value::Str(y)) => Ok(x == y),
        (Value::List(_), Value::List(_))
        | (Value::Tuple(_), Value::Tuple(_))
        | (Value::Dict(_), Value::Dict(_)) => {
            vm.recursing(IN_COMPARISON, |vm| containers_eq(vm, a, b))
        }
        (Value::Set(x), Value::Set(y)) => {
            Ok(x.borrow().len() == y.borrow().len() && crate::mapping::set_is_subset(vm, x, y)?)
        }
        _ if crate::dunders::is_class_instance(a) || crate::dunders::is_class_instance(b) => {
            let r = compare_op(vm, CmpOp::Eq, a, b)?;
            truthy(vm, &r)
        }
        _ => other_values_equal(vm, a, b),
    }
}

/// `==` of values of no kind above: a set-like dict view compares as a set,
/// the rest by value. Out of line, so that `eq`'s frame, which nested
/// comparisons stack up, stays small.
#[inline(never)]
fn other_values_equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match super::dict_views::compare(vm, CmpOp::Eq, a, b) {
        Some(r) => truthy(vm, &r?),
        None => Ok(values_equal(a, b)),
    }
}

/// How RecursionError's message ends when comparing containers nests too deeply.
pub(super) const IN_COMPARISON: &str = " in comparison";

/// `==` of two lists, two tuples or two dicts, item by item.
pub(super) fn containers_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let (Value::Dict(x), Value::Dict(y)) = (a, b) {
        if std::rc::Rc::ptr_eq(x, y) {
            return Ok(true);
        }
        let xs = x.borrow().items();
        if xs.len() != y.borrow().len() {
            return Ok(false);
        }
        for (k, v) in xs {
            let Some(w) = crate::mapping::dict_get(vm, y, &k)? else {
                return Ok(false);
            };
            if !(v.is(&w) || eq(vm, &v, &w)?) {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let xs = iterators::collect(vm, a)?;
    let ys = iterators::collect(vm, b)?;
    if xs.len() != ys.len() {
        return Ok(false);
    }
    for (p, q) in xs.iter().zip(ys.iter()) {
        if !(p.is(q) || eq(vm, p, q)?) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Two numbers of which one is NaN: ordered comparisons are simply false
/// (with a non-number, they raise TypeError like any other mix).
pub(super) fn nan_between_numbers(a: &Value, b: &Value) -> bool {
    let nan =
        matches!(a, Value::Float(f) if f.is_nan()) || matches!(b, Value::Float(f) if f.is_nan());
    nan && as_num(a).is_some() && as_num(b).is_some()
}

/// Ordering, raising CPython's TypeError when the values are not comparable.
pub fn order_or_error(vm: &mut Vm, a: &Value, b: &Value, sym: &str) -> PyResult<Ordering> {
    match order_as(vm, a, b, sym)? {
        Some(o) => Ok(o),
        None => {
            if nan_between_numbers(a, b) {
                // NaN compares false with everything; callers treat this as "not less".
                return Ok(Ordering::Equal);
            }
            Err(type_error(format!(
                "'{sym}' not supported between instances of '{}' and '{}'",
                type_of(a).name(),
                type_of(b).name()
            )))
        }
    }
}

pub fn compare_op(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(Value::Bool(match op {
            CmpOp::Lt => x < y,
            CmpOp::LtE => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::GtE => x >= y,
            CmpOp::Eq => x == y,
            CmpOp::NotEq => x != y,
            _ => return generic_compare(vm, op, a, b),
        }));
    }
    generic_compare(vm, op, a, b)
}

pub(super) fn generic_compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
    if let Some(r) = crate::dunders::compare(vm, op, a, b)? {
        return Ok(r);
    }
    let r = match op {
        CmpOp::Eq => eq(vm, a, b)?,
        CmpOp::NotEq => !eq(vm, a, b)?,
        CmpOp::Is => a.is(b),
        CmpOp::IsNot => !a.is(b),
        CmpOp::In => contains(vm, b, a)?,
        CmpOp::NotIn => !contains(vm, b, a)?,
        CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE => {
            if let Some(r) = view_order(vm, op, a, b) {
                return r;
            }
            if let (Value::Set(x), Value::Set(y)) = (a, b) {
                let (nx, ny) = (x.borrow().len(), y.borrow().len());
                let subset = crate::mapping::set_is_subset;
                return Ok(Value::Bool(match op {
                    CmpOp::Lt => nx < ny && subset(vm, x, y)?,
                    CmpOp::LtE => subset(vm, x, y)?,
                    CmpOp::Gt => nx > ny && subset(vm, y, x)?,
                    _ => subset(vm, y, x)?,
                }));
            }
            match order_as(vm, a, b, op.symbol())? {
                Some(o) => match op {
                    CmpOp::Lt => o == Ordering::Less,
                    CmpOp::LtE => o != Ordering::Greater,
                    CmpOp::Gt => o == Ordering::Greater,
                    _ => o != Ordering::Less,
                },
                None => {
                    if nan_between_numbers(a, b) {
                        false
                    } else {
                        return Err(type_error(format!(
                            "'{}' not supported between instances of '{}' and '{}'",
                            op.symbol(),
                            iterators::type_name(a),
                            iterators::type_name(b)
                        )));
                    }
                }
            }
        }
    };
    Ok(Value::Bool(r))
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    if let Some(found) = crate::dunders::contains(vm, container, item)? {
        return Ok(found);
    }
    match container {
        Value::Str(s) => match item {
            Value::Str(sub) => Ok(s.contains(sub.as_str())),
            _ => Err(type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                type_of(item).name()
            ))),
        },
        Value::Bytes(b) => super::bytearray::contains(b, item),
        Value::ByteArray(b) => super::bytearray::contains(&b.data.borrow().clone(), item),
        Value::Dict(d) => crate::mapping::dict_contains(vm, d, item),
        Value::Set(s) => crate::mapping::set_contains(vm, s, item),
        Value::List(_) | Value::Tuple(_) => {
            for v in iterators::collect(vm, container)? {
                if v.is(item) || eq(vm, &v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Range(r) => Ok(match item {
            Value::Int(i) => {
                let i = *i;
                if r.step > 0 {
                    i >= r.start && i < r.stop && (i - r.start) % r.step == 0
                } else {
                    i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
                }
            }
            _ => false,
        }),
        _ => {
            let it = iterators::get_iter(vm, container).map_err(|_| {
                type_error(format!(
                    "argument of type '{}' is not iterable",
                    type_of(container).name()
                ))
            })?;
            while let Some(v) = iterators::next_item(vm, &it)? {
                if v.is(item) || eq(vm, &v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// An ordering between a set-like dict view and a set or view (out of line,
/// as for [`other_values_equal`]).
#[inline(never)]
fn view_order(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    super::dict_views::compare(vm, op, a, b)
}
