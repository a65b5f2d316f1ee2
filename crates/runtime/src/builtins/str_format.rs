//! `str.format` / `str.format_map`: replacement fields `{name.attr[key]!r:spec}`
//! with automatic or manual numbering, nested specs, and CPython's errors.

use std::rc::Rc;

use crate::attrs;
use crate::exceptions::{exc, value_error, Exception};
use crate::format::format_value;
use crate::ops;
use crate::repr;
use crate::types::TypeId;
use crate::value::{PyResult, Value};
use crate::vm::Vm;

/// Positional/keyword arguments, or a mapping for `format_map`.
struct Source<'a> {
    pos: &'a [Value],
    kw: &'a [(Rc<str>, Value)],
    mapping: Option<&'a Value>,
    /// `Some(n)`: automatic numbering in use, next index `n`;
    /// `None` with `manual`: manual numbering in use.
    auto: Option<usize>,
    manual: bool,
}

/// Format `fmt` with the given arguments.
pub fn format(
    vm: &mut Vm,
    fmt: &str,
    pos: &[Value],
    kw: &[(Rc<str>, Value)],
    mapping: Option<&Value>,
) -> PyResult<String> {
    let mut src = Source {
        pos,
        kw,
        mapping,
        auto: None,
        manual: false,
    };
    render(vm, fmt, &mut src, 2)
}

fn render(vm: &mut Vm, fmt: &str, src: &mut Source, depth: u32) -> PyResult<String> {
    if depth == 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        // Find the matching '}' (specs may nest one level of braces).
        let mut level = 1;
        let mut j = i + 1;
        while j < chars.len() {
            match chars[j] {
                '{' => level += 1,
                '}' => {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            return Err(value_error(if level > 1 {
                "expected '}' before end of string"
            } else {
                "Single '{' encountered in format string"
            }));
        }
        let field: String = chars[i + 1..j].iter().collect();
        out.push_str(&replacement(vm, &field, src, depth)?);
        i = j + 1;
    }
    Ok(out)
}

fn replacement(vm: &mut Vm, field: &str, src: &mut Source, depth: u32) -> PyResult<String> {
    // Split "name!conv:spec"; '!' and ':' inside [] belong to the name.
    let mut name_end = field.len();
    let mut in_bracket = false;
    for (k, c) in field.char_indices() {
        match c {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            '!' | ':' if !in_bracket => {
                name_end = k;
                break;
            }
            _ => {}
        }
    }
    let name = &field[..name_end];
    let rest = &field[name_end..];
    let (conversion, spec) = if let Some(r) = rest.strip_prefix('!') {
        let mut cs = r.chars();
        let conv = cs.next();
        let after = cs.as_str();
        match after.strip_prefix(':') {
            Some(spec) => (conv, spec),
            None if after.is_empty() => (conv, ""),
            None => return Err(value_error("expected ':' after conversion specifier")),
        }
    } else {
        (None, rest.strip_prefix(':').unwrap_or(""))
    };
    let value = lookup(vm, name, src)?;
    let value = match conversion {
        None => value,
        Some('r') => Value::str(&repr::repr(vm, &value)?),
        Some('s') => Value::str(&repr::str_of(vm, &value)?),
        Some('a') => Value::str(&repr::ascii(vm, &value)?),
        Some(c) => return Err(value_error(format!("Unknown conversion specifier {c}"))),
    };
    let spec = if spec.contains('{') {
        render(vm, spec, src, depth - 1)?
    } else {
        spec.to_string()
    };
    format_value(vm, &value, &spec)
}

fn lookup(vm: &mut Vm, name: &str, src: &mut Source) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(first_end);
    let mut value = if first.is_empty() {
        if src.manual {
            return Err(value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        let n = src.auto.unwrap_or(0);
        src.auto = Some(n + 1);
        positional(src, n)?
    } else if let Ok(n) = first.parse::<usize>() {
        if src.auto.is_some() {
            return Err(value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        src.manual = true;
        positional(src, n)?
    } else {
        keyword(vm, src, first)?
    };
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = &r[..end];
            if attr.is_empty() {
                return Err(value_error("Empty attribute in format string"));
            }
            value = attrs::get_attr(vm, &value, attr)?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else {
                return Err(value_error("Missing ']' in format string"));
            };
            let key = &r[..end];
            let key = match key.parse::<i64>() {
                Ok(n) if !key.starts_with(['-', '+']) => Value::Int(n),
                _ => Value::str(key),
            };
            value = ops::get_item(vm, &value, &key)?;
            rest = &r[end + 1..];
        } else {
            return Err(value_error(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        }
    }
    Ok(value)
}

fn positional(src: &Source, n: usize) -> PyResult<Value> {
    if src.mapping.is_some() {
        return Err(value_error("Format string contains positional fields"));
    }
    src.pos.get(n).cloned().ok_or_else(|| {
        exc(
            TypeId::IndexError,
            format!("Replacement index {n} out of range for positional args tuple"),
        )
    })
}

fn keyword(vm: &mut Vm, src: &Source, name: &str) -> PyResult<Value> {
    if let Some(m) = src.mapping {
        return ops::get_item(vm, m, &Value::str(name));
    }
    src.kw
        .iter()
        .find(|(k, _)| &**k == name)
        .map(|(_, v)| v.clone())
        .ok_or_else(|| Exception::new(TypeId::KeyError, vec![Value::str(name)]))
}
