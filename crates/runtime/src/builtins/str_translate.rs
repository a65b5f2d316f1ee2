//! `str.translate(table)` and `str.maketrans(...)`: characters mapped
//! through a table of code points (a dict or anything with `__getitem__`),
//! with CPython's rules and messages.

use super::args::{count_range, no_kwargs};
use crate::object::dict::Dict;
use crate::object::exceptions::{type_error, value_error};
use crate::object::types::{type_of, TypeId};
use crate::object::value::{Args, PyResult, Value};
use crate::vm::Vm;

/// `s.translate(table)`: each character whose code point the table maps is
/// replaced (by a code point or a string) or dropped (`None`); a lookup that
/// raises LookupError leaves it as it is.
pub fn translate(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("translate", &args)?;
    count_range("translate", &args, 1, 1)?;
    let Value::Str(text) = recv else {
        return Err(type_error("descriptor 'translate' requires a 'str' object"));
    };
    let table = &args.pos[0];
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match crate::ops::get_item(vm, table, &Value::Int(i64::from(u32::from(c)))) {
            Ok(Value::None) => {}
            Ok(Value::Str(s)) => {
                vm.check_size(out.len() + s.len())?;
                out.push_str(&s);
            }
            Ok(Value::Int(i)) => match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(mapped) => out.push(mapped),
                None => return Err(value_error("character mapping must be in range(0x110000)")),
            },
            Ok(_) => {
                return Err(type_error(
                    "character mapping must return integer, None or str",
                ))
            }
            Err(e) if e.is(TypeId::LookupError) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::str(&out))
}

/// `str.maketrans(x[, y[, z]])`: the table `translate` takes.
pub fn maketrans(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("maketrans", &args)?;
    count_range("maketrans", &args, 1, 3)?;
    let mut table = Dict::default();
    match args.pos.as_slice() {
        [Value::Dict(d)] => {
            for (k, v) in d.borrow().items() {
                let key = match &k {
                    Value::Int(_) => k.clone(),
                    Value::Str(s) if s.chars().count() == 1 => code_point(s),
                    Value::Str(_) => {
                        return Err(value_error(
                            "string keys in translate table must be of length 1",
                        ))
                    }
                    _ => {
                        return Err(type_error(
                            "keys in translate table must be strings or integers",
                        ))
                    }
                };
                table.insert(key, v)?;
            }
        }
        [_] | [] => {
            return Err(type_error(
                "if you give only one argument to maketrans it must be a dict",
            ))
        }
        [Value::Str(from), Value::Str(to), rest @ ..] => {
            if from.chars().count() != to.chars().count() {
                return Err(value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (f, t) in from.chars().zip(to.chars()) {
                table.insert(code_point(&f.to_string()), code_point(&t.to_string()))?;
            }
            if let Some(deleted) = rest.first() {
                let Value::Str(deleted) = deleted else {
                    return Err(type_error(format!(
                        "maketrans() argument 3 must be str, not {}",
                        type_of(deleted).name()
                    )));
                };
                for d in deleted.chars() {
                    table.insert(code_point(&d.to_string()), Value::None)?;
                }
            }
        }
        [first, second, ..] => {
            let bad = if matches!(first, Value::Str(_)) {
                second
            } else {
                first
            };
            let which = if matches!(first, Value::Str(_)) { 2 } else { 1 };
            return Err(type_error(format!(
                "maketrans() argument {which} must be str, not {}",
                type_of(bad).name()
            )));
        }
    }
    Ok(Value::dict(table))
}

fn code_point(s: &str) -> Value {
    Value::Int(s.chars().next().map_or(0, |c| i64::from(u32::from(c))))
}
